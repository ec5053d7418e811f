#include "engine/api/display_text.h"

namespace rl::DisplayText {
namespace {

enum class Shown : quint8 { AsIs, Hex, Unicode };

Shown classify(QStringView text, qsizetype i, Keep keep)
{
    const char16_t u = text[i].unicode();
    if (u >= 0x20 && u < 0x7f)
        return Shown::AsIs; // the common case first
    if (u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f)) {
        if (keep == Keep::Whitespace && (u == '\n' || u == '\t' || u == '\r'))
            return Shown::AsIs;
        if (keep == Keep::LineBreaks) {
            if (u == '\n' || u == '\t')
                return Shown::AsIs;
            if (u == '\r' && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                return Shown::AsIs;
        }
        return Shown::Hex;
    }
    if (u == 0x061c || u == 0x200e || u == 0x200f || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069)
        || u == 0x2028 || u == 0x2029)
        return Shown::Unicode;
    return Shown::AsIs;
}

} // namespace

bool hasControls(QStringView text, Keep keep)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (classify(text, i, keep) != Shown::AsIs)
            return true;
    }
    return false;
}

QString escapeControls(const QString &text, Keep keep)
{
    if (!hasControls(text, keep))
        return text; // no copy for the usual text
    QString out;
    out.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        switch (classify(text, i, keep)) {
        case Shown::AsIs: out += c; break;
        case Shown::Hex: out += QStringLiteral("\\x%1").arg(int(c.unicode()), 2, 16, QLatin1Char('0')); break;
        case Shown::Unicode: out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0')); break;
        }
    }
    return out;
}

QByteArray jsonForTerminal(const QByteArray &json)
{
    const QString text = QString::fromUtf8(json);
    // Outside strings JSON has only spaces and line breaks, and QJsonDocument escapes C0 inside
    // them, so whatever classify() flags here is inside a string, where \uXXXX means the same.
    if (!hasControls(text, Keep::LineBreaks))
        return json;
    QString out;
    out.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (classify(text, i, Keep::LineBreaks) == Shown::AsIs)
            out += text[i];
        else
            out += QStringLiteral("\\u%1").arg(int(text[i].unicode()), 4, 16, QLatin1Char('0'));
    }
    return out.toUtf8();
}

} // namespace rl::DisplayText
