#include "ui/export/session_report.h"

#include "ui/export/table_exporter.h"

#include <QCoreApplication>

namespace rl {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rl::SessionReport", text);
}

QString isoUtc(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QString paramsSummary(const QueryParams &p)
{
    QStringList parts;
    auto put = [&](const char *name, const QString &v) {
        if (!v.isEmpty())
            parts << QStringLiteral("%1=%2").arg(QLatin1String(name), v);
    };
    put("neighbor", p.neighbor);
    put("vrf", p.vrf);
    put("af", p.addressFamily);
    put("interface", p.interfaceName);
    put("destination", p.destination);
    return parts.join(QLatin1Char(' '));
}

void SessionReport::add(const Response &response)
{
    m_responses.append(response);
}

QByteArray SessionReport::toCsv() const
{
    const QStringList header{QStringLiteral("request"), QStringLiteral("completedAt"), QStringLiteral("query"),
                             QStringLiteral("parameters"), QStringLiteral("router"), QStringLiteral("fetchedAt"),
                             QStringLiteral("source"), QStringLiteral("records"), QStringLiteral("errorCode"),
                             QStringLiteral("error")};
    QString out;
    auto line = [&](const QStringList &fields) {
        QStringList quoted;
        for (const QString &f : fields)
            quoted << TableExporter::csvField(f);
        out += quoted.join(QLatin1Char(',')) + QLatin1String("\r\n");
    };
    line(header);
    for (const Response &r : m_responses) {
        if (r.results.isEmpty() && r.error.isError()) {
            line({r.requestId, isoUtc(r.completedAt), queryKindName(r.kind), paramsSummary(r.params), QString(), QString(),
                  QString(), QStringLiteral("0"), r.error.codeName(), r.error.message});
            continue;
        }
        for (const RouterResult &p : r.results) {
            line({r.requestId, isoUtc(r.completedAt), queryKindName(r.kind), paramsSummary(r.params), p.router,
                  isoUtc(p.fetchedAt), p.ok() ? (p.fromCache() ? QStringLiteral("stored") : answerSourceName(p.source)) : QString(),
                  QString::number(p.ok() ? p.records.size() : 0), p.ok() ? QString() : p.error.codeName(),
                  p.ok() ? QString() : p.error.message});
        }
    }
    return out.toUtf8();
}

QByteArray SessionReport::toHtml(const QString &title) const
{
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n").arg(title.toHtmlEscaped());
    h += QStringLiteral("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:.5em 0 1.5em}"
                        "th,td{border:1px solid #999;padding:2px 6px;text-align:left}th{background:#ddd}"
                        ".err{color:#b00020}.meta{color:#555}</style></head><body>\n");
    h += QStringLiteral("<h1>%1</h1>\n").arg(title.toHtmlEscaped());
    h += QStringLiteral("<p class=\"meta\">%1 %2 UTC</p>\n")
             .arg(tr("Generated").toHtmlEscaped(), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    for (const Response &r : m_responses) {
        h += QStringLiteral("<h2>%1 &mdash; %2</h2>\n").arg(queryKindDisplayTitle(r.kind).toHtmlEscaped(), r.requestId.toHtmlEscaped());
        h += QStringLiteral("<p class=\"meta\">%1 %2 UTC%3</p>\n")
                 .arg(tr("Completed").toHtmlEscaped(), isoUtc(r.completedAt),
                      r.params.isEmpty() ? QString() : QStringLiteral(" &middot; ") + paramsSummary(r.params).toHtmlEscaped());
        if (r.error.isError())
            h += QStringLiteral("<p class=\"err\">%1: %2</p>\n").arg(r.error.codeName().toHtmlEscaped(), r.error.message.toHtmlEscaped());
        for (const RouterResult &p : r.results) {
            h += QStringLiteral("<h3>%1</h3>\n").arg(p.router.toHtmlEscaped());
            if (!p.ok()) {
                h += QStringLiteral("<p class=\"err\">%1: %2</p>\n").arg(p.error.codeName().toHtmlEscaped(), p.error.message.toHtmlEscaped());
                continue;
            }
            h += QStringLiteral("<p class=\"meta\">%1 %2 UTC &middot; %3</p>\n")
                     .arg(tr("Fetched").toHtmlEscaped(), isoUtc(p.fetchedAt),
                          (p.fromCache() ? tr("stored") : p.source == AnswerSource::Live ? tr("live") : answerSourceName(p.source)).toHtmlEscaped());
            const auto cols = p.records.columns();
            h += QStringLiteral("<table><tr>");
            for (const ColumnInfo &c : cols)
                h += QStringLiteral("<th>%1</th>").arg(QCoreApplication::translate("rl::Records", c.title).toHtmlEscaped());
            h += QStringLiteral("</tr>\n");
            for (qsizetype row = 0; row < p.records.size(); ++row) {
                h += QStringLiteral("<tr>");
                for (size_t c = 0; c < cols.size(); ++c)
                    h += QStringLiteral("<td>%1</td>").arg(cellText(p.records.value(row, int(c)), cols[c].type).toHtmlEscaped());
                h += QStringLiteral("</tr>\n");
            }
            h += QStringLiteral("</table>\n");
        }
    }
    h += QStringLiteral("</body></html>\n");
    return h.toUtf8();
}

} // namespace rl
