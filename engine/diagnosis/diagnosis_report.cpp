#include "engine/diagnosis/diagnosis_report.h"

#include <QJsonArray>

#include "engine/api/record_export.h"

namespace rl::DiagnosisReport {
namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString isoUtc(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QString verdictLabel(Verdict v)
{
    return verdictName(v).toUpper();
}

QString orNotSet(const QString &s, const char *unset = "not set")
{
    return s.isEmpty() ? QString::fromLatin1(unset) : s;
}

QString numberOrNotSet(qint64 n, const char *unset = "not set")
{
    return n >= 0 ? QString::number(n) : QString::fromLatin1(unset);
}

QString joinedAddresses(const QString &v4, const QString &v6)
{
    QStringList a;
    for (const QString &x : {v4, v6})
        if (!x.isEmpty())
            a << x;
    return a.isEmpty() ? QStringLiteral("not set") : a.join(QStringLiteral(", "));
}

const char *const kStyle =
    "body{font-family:sans-serif;margin:2em;color:#111}"
    "table{border-collapse:collapse;margin:.4em 0 1.2em}"
    "th,td{border:1px solid #999;padding:2px 6px;text-align:left;vertical-align:top}"
    "th{background:#e4e4e4}.facts th{width:12em}"
    ".meta{color:#555}.err{color:#b00020}"
    ".v{font-weight:bold;padding:1px 6px;border-radius:3px;white-space:nowrap}"
    ".v-ok{background:#cfe9d6;color:#145c28}.v-warn{background:#ffe2b8;color:#7a3e00}"
    ".v-fault{background:#f7c9c5;color:#8a1010}"
    ".v-cannot-check{color:#333;background:repeating-linear-gradient(45deg,#e6e6e6,#e6e6e6 4px,#c8c8c8 4px,#c8c8c8 6px)}"
    ".cause{border:3px solid #8a1010;padding:.6em;margin:.8em 0}.cause.warn{border-color:#c06200}"
    ".cause.none{border-color:#888}"
    "tr.likely td{font-weight:bold}"
    "h2{border-bottom:2px solid #444;padding-bottom:.2em}"
    "@media print{body{margin:0}section.connection+section.connection{page-break-before:always}"
    "a{color:inherit;text-decoration:none}}";

QString verdictSpan(Verdict v)
{
    QString text = verdictLabel(v);
    if (v == Verdict::CannotCheck)
        text += QStringLiteral(" ?"); // also readable when printed without backgrounds
    return QStringLiteral("<span class=\"v v-%1\">%2</span>").arg(verdictName(v), esc(text));
}

void factsHtml(QString &h, const Connection &c)
{
    const QList<std::pair<const char *, QString>> rows{
        {"Connection", c.id},
        {"Customer", c.customer},
        {"Provider router", c.providerRouter},
        {"Provider interface", c.providerInterface},
        {"VLAN", vlanText(c)},
        {"Provider addresses", joinedAddresses(c.providerAddress, c.providerAddress6)},
        {"Customer addresses", joinedAddresses(c.customerAddress, c.customerAddress6)},
        {"Provider AS", numberOrNotSet(c.providerAs)},
        {"Customer AS", numberOrNotSet(c.customerAs)},
        {"Customer router", c.customerRouter.isEmpty() ? QStringLiteral("not in the inventory")
                                                       : c.customerRouter + QStringLiteral(" ") + c.customerInterface},
        {"MTU", c.mtu > 0 ? QString::number(c.mtu) : QStringLiteral("not agreed (the two ends are compared)")},
        {"Prefix limit", numberOrNotSet(c.prefixLimit)},
        {"Expected prefixes", orNotSet(c.expectedPrefixes.join(QStringLiteral(", ")))},
    };
    h += QStringLiteral("<table class=\"facts\">\n");
    for (const auto &[name, value] : rows)
        h += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(QLatin1String(name), esc(value));
    h += QStringLiteral("</table>\n");
}

void causeHtml(QString &h, const DiagnosisResult &d)
{
    const Verdict overall = d.overall();
    if (const DiagnosisStep *s = d.cause()) {
        h += QStringLiteral("<div class=\"cause%1\"><b>Likely cause:</b> %2, %3 (%4): %5 <b>Advice:</b> %6</div>\n")
                 .arg(s->verdict == Verdict::Warn ? QStringLiteral(" warn") : QString(), esc(s->layer), esc(endText(s->end)),
                      esc(s->router), esc(s->finding), esc(orNotSet(s->advice, "none")));
    } else if (overall == Verdict::CannotCheck) {
        h += QStringLiteral("<div class=\"cause none\"><b>No fault found, but some layers could not be checked</b>: "
                            "they are unknown, not fine (see the steps marked CANNOT-CHECK).</div>\n");
    } else {
        h += QStringLiteral("<div class=\"cause none\"><b>Every check passed.</b></div>\n");
    }
}

void stepsTableHtml(QString &h, const DiagnosisResult &d, int ci)
{
    h += QStringLiteral("<table class=\"steps\"><tr><th>Layer</th><th>End</th><th>Router</th><th>Verdict</th>"
                        "<th>Finding</th><th>Advice</th><th>Evidence</th></tr>\n");
    for (int si = 0; si < d.steps.size(); ++si) {
        const DiagnosisStep &s = d.steps.at(si);
        h += QStringLiteral("<tr%1><td><a href=\"#c%2-s%3\">%4</a>%5</td><td>%6</td><td>%7</td><td>%8</td><td>%9</td>")
                 .arg(s.likelyCause ? QStringLiteral(" class=\"likely\"") : QString())
                 .arg(ci)
                 .arg(si)
                 .arg(esc(s.layer), s.likelyCause ? QStringLiteral(" (likely cause)") : QString(), esc(connectionEndName(s.end)),
                      esc(s.router), verdictSpan(s.verdict), esc(s.finding));
        h += QStringLiteral("<td>%1</td><td>%2</td></tr>\n").arg(esc(s.advice), esc(s.evidence));
    }
    h += QStringLiteral("</table>\n");
}

void recordsHtml(QString &h, const RouterResult &r, const Options &o)
{
    h += QStringLiteral("<p class=\"meta\">%1 from %2%3%4</p>\n")
             .arg(esc(queryKindTitle(r.records.kind())), esc(r.router),
                  r.fetchedAt.isValid() ? QStringLiteral(", fetched %1").arg(isoUtc(r.fetchedAt)) : QString(),
                  r.commands.isEmpty() ? QString() : QStringLiteral(", command: ") + esc(r.commands.join(QStringLiteral("; "))));
    if (!r.ok()) {
        h += QStringLiteral("<p class=\"err\">%1: %2</p>\n").arg(esc(r.error.codeName()), esc(r.error.message));
        return;
    }
    const auto cols = r.records.columns();
    h += QStringLiteral("<table class=\"records\"><tr>");
    for (const ColumnInfo &c : cols)
        h += QStringLiteral("<th>%1</th>").arg(esc(QString::fromUtf8(c.title)));
    h += QStringLiteral("</tr>\n");
    const qsizetype shown = o.maxRowsPerTable > 0 ? std::min<qsizetype>(r.records.size(), o.maxRowsPerTable) : r.records.size();
    for (qsizetype row = 0; row < shown; ++row) {
        h += QStringLiteral("<tr>");
        for (size_t c = 0; c < cols.size(); ++c)
            h += QStringLiteral("<td>%1</td>").arg(esc(cellText(r.records.value(row, int(c)), cols[c].type)));
        h += QStringLiteral("</tr>\n");
    }
    if (r.records.isEmpty())
        h += QStringLiteral("<tr><td colspan=\"%1\" class=\"meta\">no rows</td></tr>\n").arg(cols.size());
    h += QStringLiteral("</table>\n");
    if (shown < r.records.size())
        h += QStringLiteral("<p class=\"meta\">%1 more rows not listed here (the CSV export has every row).</p>\n")
                 .arg(r.records.size() - shown);
}

void stepDetailHtml(QString &h, const DiagnosisStep &s, int ci, int si, const Options &o)
{
    h += QStringLiteral("<h4 id=\"c%1-s%2\">%3, %4 (%5) %6%7</h4>\n")
             .arg(ci)
             .arg(si)
             .arg(esc(s.layer), esc(endText(s.end)), esc(s.router), verdictSpan(s.verdict),
                  s.likelyCause ? QStringLiteral(" <b>likely cause</b>") : QString());
    h += QStringLiteral("<p><b>Finding:</b> %1</p>\n").arg(esc(s.finding));
    if (!s.advice.isEmpty())
        h += QStringLiteral("<p><b>Advice:</b> %1</p>\n").arg(esc(s.advice));
    if (!s.evidence.isEmpty())
        h += QStringLiteral("<p><b>Evidence:</b> %1</p>\n").arg(esc(s.evidence));
    if (s.records.isEmpty())
        h += QStringLiteral("<p class=\"meta\">No records: this step rests on the values above.</p>\n");
    for (const RouterResult &r : s.records)
        recordsHtml(h, r, o);
}

QString csvLine(const QStringList &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString &f : fields)
        out << spreadsheetField(f);
    return out.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

void evidenceCsv(QString &out, const Connection &c, const DiagnosisStep &s, const RouterResult &r)
{
    const auto cols = r.records.columns();
    QStringList header{QStringLiteral("evidence-header"), QStringLiteral("connection"), QStringLiteral("layer"), QStringLiteral("end"),
                       QStringLiteral("router"), QStringLiteral("kind"), QStringLiteral("fetchedAt"), QStringLiteral("error")};
    for (const ColumnInfo &col : cols)
        header << QString::fromLatin1(col.key);
    out += csvLine(header);
    const QStringList lead{QStringLiteral("evidence"), c.id, s.layer, connectionEndName(s.end), r.router,
                           queryKindName(r.records.kind()), isoUtc(r.fetchedAt)};
    if (!r.ok()) {
        out += csvLine(lead + QStringList{r.error.codeName() + QStringLiteral(": ") + r.error.message});
        return;
    }
    for (qsizetype row = 0; row < r.records.size(); ++row) {
        QStringList fields = lead;
        fields << QString();
        for (size_t col = 0; col < cols.size(); ++col) {
            const QVariant v = r.records.value(row, int(col));
            fields << (!v.isValid() ? QString()
                       : cols[col].type == ColumnType::Bool ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                            : v.toString());
        }
        out += csvLine(fields);
    }
}

} // namespace

QString vlanText(const Connection &c)
{
    if (c.vlan <= 0)
        return QStringLiteral("untagged");
    return c.innerVlan > 0 ? QStringLiteral("VLAN %1.%2").arg(c.vlan).arg(c.innerVlan) : QStringLiteral("VLAN %1").arg(c.vlan);
}

QString endText(ConnectionEnd end)
{
    switch (end) {
    case ConnectionEnd::Provider: return QStringLiteral("provider end");
    case ConnectionEnd::Customer: return QStringLiteral("customer end");
    case ConnectionEnd::Both: break;
    }
    return QStringLiteral("both ends");
}

QString spreadsheetField(const QString &value)
{
    QString v = value;
    if (!v.isEmpty()) {
        const QChar first = v.front();
        const bool risky = first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r';
        bool number = false;
        if (risky && first != u'\t' && first != u'\r')
            (void)v.toDouble(&number);
        if (risky && !number)
            v.prepend(QLatin1Char('\''));
    }
    return RecordExport::csvField(v);
}

QByteArray toHtml(const QList<DiagnosisResult> &results, const Options &o)
{
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%1</title>\n<style>%2</style></head><body>\n")
             .arg(esc(o.title), QLatin1String(kStyle));
    h += QStringLiteral("<h1>%1</h1>\n<p class=\"meta\">Generated %2 by RouterLens. RouterLens only reads from routers; "
                        "CANNOT-CHECK means the layer is unknown, not fine.</p>\n")
             .arg(esc(o.title), isoUtc(o.generatedAt));
    for (int ci = 0; ci < results.size(); ++ci) {
        const DiagnosisResult &d = results.at(ci);
        h += QStringLiteral("<section class=\"connection\">\n<h2>%1 (%2) %3</h2>\n")
                 .arg(esc(d.connection.id), esc(d.connection.customer), verdictSpan(d.overall()));
        causeHtml(h, d);
        factsHtml(h, d.connection);
        h += QStringLiteral("<h3>Steps</h3>\n");
        stepsTableHtml(h, d, ci);
        h += QStringLiteral("<h3>Evidence</h3>\n");
        for (int si = 0; si < d.steps.size(); ++si)
            stepDetailHtml(h, d.steps.at(si), ci, si, o);
        h += QStringLiteral("</section>\n");
    }
    h += QStringLiteral("</body></html>\n");
    return h.toUtf8();
}

QByteArray toCsv(const QList<DiagnosisResult> &results)
{
    QString out;
    out += csvLine({QStringLiteral("record"), QStringLiteral("connection"), QStringLiteral("customer"), QStringLiteral("layer"),
                    QStringLiteral("end"), QStringLiteral("router"), QStringLiteral("verdict"), QStringLiteral("likelyCause"),
                    QStringLiteral("finding"), QStringLiteral("advice"), QStringLiteral("evidence")});
    for (const DiagnosisResult &d : results)
        for (const DiagnosisStep &s : d.steps)
            out += csvLine({QStringLiteral("step"), d.connection.id, d.connection.customer, s.layer, connectionEndName(s.end), s.router,
                            verdictName(s.verdict), s.likelyCause ? QStringLiteral("true") : QStringLiteral("false"), s.finding,
                            s.advice, s.evidence});
    for (const DiagnosisResult &d : results)
        for (const DiagnosisStep &s : d.steps)
            for (const RouterResult &r : s.records)
                evidenceCsv(out, d.connection, s, r);
    return out.toUtf8();
}

QJsonObject stepJson(const DiagnosisStep &s, bool withRecords)
{
    QJsonObject o{{QStringLiteral("layer"), s.layer},
                  {QStringLiteral("end"), connectionEndName(s.end)},
                  {QStringLiteral("router"), s.router},
                  {QStringLiteral("verdict"), verdictName(s.verdict)},
                  {QStringLiteral("finding"), s.finding},
                  {QStringLiteral("advice"), s.advice},
                  {QStringLiteral("evidence"), s.evidence},
                  {QStringLiteral("likelyCause"), s.likelyCause}};
    if (withRecords) {
        QJsonArray records;
        for (const RouterResult &r : s.records) {
            QJsonObject part = r.toJson();
            part.insert(QStringLiteral("kind"), queryKindName(r.records.kind()));
            records.append(part);
        }
        o.insert(QStringLiteral("records"), records);
    }
    return o;
}

QJsonObject toJson(const QList<DiagnosisResult> &results)
{
    QJsonArray diagnoses;
    for (const DiagnosisResult &d : results) {
        QJsonArray steps;
        for (const DiagnosisStep &s : d.steps)
            steps.append(stepJson(s, true));
        QJsonObject jc{{QStringLiteral("connection"), d.connection.id},
                       {QStringLiteral("customer"), d.connection.customer},
                       {QStringLiteral("verdict"), verdictName(d.overall())},
                       {QStringLiteral("steps"), steps}};
        if (const DiagnosisStep *cause = d.cause())
            jc.insert(QStringLiteral("likelyCause"), stepJson(*cause, false));
        diagnoses.append(jc);
    }
    return QJsonObject{{QStringLiteral("version"), ApiVersion}, {QStringLiteral("diagnoses"), diagnoses}};
}

} // namespace rl::DiagnosisReport
