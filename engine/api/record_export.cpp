#include "engine/api/record_export.h"

#include "engine/api/display_text.h"

#include <QJsonDocument>

#include <algorithm>

namespace rl::RecordExport {

namespace {

// "-3.5", "+1e-3", "42": numbers a spreadsheet reads as numbers, never as formulas.
bool isPlainNumber(QStringView v)
{
    qsizetype i = 0;
    auto digits = [&] {
        const qsizetype from = i;
        while (i < v.size() && v[i].isDigit() && v[i].unicode() < 0x80)
            ++i;
        return i > from;
    };
    if (i < v.size() && (v[i] == u'+' || v[i] == u'-'))
        ++i;
    bool any = digits();
    if (i < v.size() && v[i] == u'.') {
        ++i;
        any = digits() || any;
    }
    if (!any)
        return false;
    if (i < v.size() && (v[i] == u'e' || v[i] == u'E')) {
        ++i;
        if (i < v.size() && (v[i] == u'+' || v[i] == u'-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == v.size();
}

} // namespace

QString formulaSafe(const QString &value)
{
    if (value.isEmpty())
        return value;
    const char16_t first = value.front().unicode();
    const bool formulaStart = first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t'
        || first == u'\r';
    return formulaStart && !isPlainNumber(value) ? QLatin1Char('\'') + value : value;
}

QString csvField(const QString &raw)
{
    const QString value = formulaSafe(DisplayText::escapeControls(raw, DisplayText::Keep::Whitespace));
    bool needsQuotes = false;
    for (QChar c : value) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes)
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray toCsv(const Response &response)
{
    const auto cols = RecordSet::columnsFor(response.kind);
    QString out;
    QStringList header{QStringLiteral("router")};
    for (const ColumnInfo &c : cols)
        header.append(QString::fromLatin1(c.key));
    header << QStringLiteral("fetchedAt") << QStringLiteral("source") << QStringLiteral("error");
    out += header.join(QLatin1Char(',')) + QStringLiteral("\r\n");

    auto line = [&](const QStringList &fields) {
        QStringList quoted;
        quoted.reserve(fields.size());
        for (const QString &f : fields)
            quoted.append(csvField(f));
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    for (const RouterResult &part : response.results) {
        const QString fetched = part.fetchedAt.isValid() ? part.fetchedAt.toUTC().toString(Qt::ISODate) : QString();
        const QString source = answerSourceName(part.source);
        if (!part.ok()) {
            QStringList fields{part.router};
            for (size_t c = 0; c < cols.size(); ++c)
                fields.append(QString());
            fields << fetched << source << (part.error.codeName() + QStringLiteral(": ") + part.error.message);
            line(fields);
            continue;
        }
        for (qsizetype r = 0; r < part.records.size(); ++r) {
            QStringList fields{part.router};
            for (size_t c = 0; c < cols.size(); ++c) {
                const QVariant v = part.records.value(r, int(c));
                // Machine-readable: booleans as true/false, numbers unformatted.
                fields.append(!v.isValid() ? QString()
                              : cols[c].type == ColumnType::Bool ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                                 : v.toString());
            }
            fields << fetched << source << QString();
            line(fields);
        }
    }
    return out.toUtf8();
}

QByteArray toJson(const Response &response)
{
    return DisplayText::jsonForTerminal(QJsonDocument(response.toJson()).toJson(QJsonDocument::Indented));
}

QString toTable(const Response &response)
{
    const auto cols = RecordSet::columnsFor(response.kind);
    QString out;
    if (response.error.isError())
        return response.error.codeName() + QStringLiteral(": ") + DisplayText::escapeControls(response.error.message)
            + QLatin1Char('\n');
    for (const RouterResult &part : response.results) {
        QString head = QStringLiteral("== %1").arg(DisplayText::escapeControls(part.router));
        if (part.ok()) {
            switch (part.source) {
            case AnswerSource::Store:
                head += QStringLiteral(" (from store, fetched %1)").arg(part.fetchedAt.toLocalTime().toString(Qt::ISODate));
                break;
            case AnswerSource::Live:
                head += QStringLiteral(" (live%1)").arg(part.latencyMs >= 0 ? QStringLiteral(", %1 ms").arg(part.latencyMs) : QString());
                break;
            case AnswerSource::Pasted:
            case AnswerSource::File:
                head += QStringLiteral(" (%1, not asked of a router)").arg(answerSourceName(part.source));
                break;
            }
            head += QStringLiteral(": %1 %2").arg(part.records.size()).arg(part.records.size() == 1 ? QStringLiteral("row") : QStringLiteral("rows"));
        }
        out += head + QLatin1Char('\n');
        if (!part.ok()) {
            // Error sentences may quote what a router printed (the line a parser could not read).
            out += QStringLiteral("   %1: %2\n").arg(part.error.codeName(), DisplayText::escapeControls(part.error.message));
            if (!part.error.detail.isEmpty())
                out += QStringLiteral("   detail: %1\n").arg(DisplayText::escapeControls(part.error.detail));
            out += QLatin1Char('\n');
            continue;
        }
        // Cells as text; keep only columns that have something in some row.
        const qsizetype rows = part.records.size();
        QList<QStringList> cells(rows);
        QList<int> shown;
        for (size_t c = 0; c < cols.size(); ++c) {
            bool any = false;
            for (qsizetype r = 0; r < rows; ++r) {
                const QString t = cellText(part.records.value(r, int(c)), cols[c].type);
                any = any || !t.isEmpty();
                cells[r].append(t);
            }
            if (any)
                shown.append(int(c));
        }
        if (rows == 0) {
            out += QStringLiteral("   (no entries)\n\n");
            continue;
        }
        QList<qsizetype> width;
        for (int c : shown) {
            qsizetype w = qsizetype(qstrlen(cols[size_t(c)].title));
            for (qsizetype r = 0; r < rows; ++r)
                w = std::max(w, cells[r][c].size());
            width.append(std::min<qsizetype>(w, 48));
        }
        QStringList titleLine;
        for (qsizetype i = 0; i < shown.size(); ++i)
            titleLine.append(QString::fromUtf8(cols[size_t(shown[i])].title).leftJustified(width[i], QLatin1Char(' '), true));
        out += QStringLiteral("   ") + titleLine.join(QStringLiteral("  ")).trimmed() + QLatin1Char('\n');
        for (qsizetype r = 0; r < rows; ++r) {
            QStringList line;
            for (qsizetype i = 0; i < shown.size(); ++i)
                line.append(cells[r][shown[i]].leftJustified(width[i], QLatin1Char(' '), true));
            out += QStringLiteral("   ") + line.join(QStringLiteral("  ")).trimmed() + QLatin1Char('\n');
        }
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace rl::RecordExport
