#include "engine/vendors/common/json_dom.h"

#include "engine/vendors/common/cli_text.h"

namespace rl::jsondom {

simdjson::dom::parser &threadParser()
{
    thread_local simdjson::dom::parser parser;
    return parser;
}

Result<Element> parse(simdjson::dom::parser &parser, const QByteArray &text, const QString &what)
{
    // Skip anything before the document: an echoed command, a prompt, a banner.
    qsizetype start = 0;
    while (start < text.size() && text[start] != '{' && text[start] != '[')
        start = text.indexOf('\n', start) < 0 ? text.size() : text.indexOf('\n', start) + 1;
    if (start >= text.size()) {
        if (Error e = clitext::cliError(what, text))
            return e;
        return clitext::formatError(what, text, QStringLiteral("it holds no JSON document; run the command with its JSON filter"));
    }
    qsizetype end = text.size();
    // A trailing prompt after the document.
    const qsizetype lastBrace = std::max(text.lastIndexOf('}'), text.lastIndexOf(']'));
    if (lastBrace >= start)
        end = lastBrace + 1;
    Element doc;
    // simdjson reads up to SIMDJSON_PADDING bytes past the end: when the array's own
    // allocation has them after the document, parse in place instead of copying it into the
    // parser. capacity() would also count free space before the data (and is 0 for a view).
    const qsizetype after = (text.size() - end) + const_cast<QByteArray &>(text).data_ptr().freeSpaceAtEnd(); // 6.4 has no const data_ptr()
    const bool padded = after >= qsizetype(simdjson::SIMDJSON_PADDING);
    const auto err = parser.parse(text.constData() + start, size_t(end - start), !padded).get(doc);
    if (err) {
        return Error(ErrorCode::ParseError,
                     QStringLiteral("RouterLens could not read the %1 output: the JSON is damaged or cut short (%2).")
                         .arg(what, QString::fromLatin1(simdjson::error_message(err))),
                     QStringLiteral("output begins: %1").arg(QString::fromUtf8(text.mid(start, 120))));
    }
    return doc;
}

// A parsed JSON null: a default-constructed element points at no document, so members of
// missing members must resolve to a real (null) element instead.
static Element nullElement()
{
    static simdjson::dom::parser parser;
    static const Element null = [] {
        Element n;
        const auto err = parser.parse("null", 4, true).get(n);
        Q_UNUSED(err);
        return n;
    }();
    return null;
}

Element member(Element e, std::string_view key)
{
    Element out;
    if (e.at_key(key).get(out) != simdjson::SUCCESS)
        return nullElement();
    return out;
}

bool has(Element e, std::string_view key)
{
    Element out;
    return e.at_key(key).get(out) == simdjson::SUCCESS;
}

std::string_view str(Element e, std::string_view key)
{
    std::string_view s;
    if (e.at_key(key).get(s) != simdjson::SUCCESS)
        return {};
    return s;
}

QString toQString(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }
QString qstr(Element e, std::string_view key) { return toQString(str(e, key)); }

qint64 asInteger(Element v)
{
    int64_t i;
    if (v.get(i) == simdjson::SUCCESS)
        return i;
    uint64_t u;
    if (v.get(u) == simdjson::SUCCESS)
        return qint64(u);
    double d;
    if (v.get(d) == simdjson::SUCCESS)
        return std::isnan(d) ? -1 : qint64(d);
    std::string_view s;
    if (v.get(s) == simdjson::SUCCESS)
        return clitext::parseAsn(s).value_or(clitext::toInt(s).value_or(-1));
    return -1;
}

qint64 integer(Element e, std::string_view key)
{
    Element v;
    if (e.at_key(key).get(v) != simdjson::SUCCESS)
        return -1;
    return asInteger(v);
}

double real(Element e, std::string_view key)
{
    Element v;
    if (e.at_key(key).get(v) != simdjson::SUCCESS)
        return NAN;
    double d;
    if (v.get(d) == simdjson::SUCCESS)
        return d;
    int64_t i;
    if (v.get(i) == simdjson::SUCCESS)
        return double(i);
    std::string_view s;
    if (v.get(s) == simdjson::SUCCESS)
        return clitext::toReal(s).value_or(NAN);
    return NAN;
}

bool boolean(Element e, std::string_view key, bool fallback)
{
    bool b;
    if (e.at_key(key).get(b) != simdjson::SUCCESS)
        return fallback;
    return b;
}

Element jfirst(Element e, std::string_view key)
{
    Element v = member(e, key);
    simdjson::dom::array a;
    if (v.get(a) == simdjson::SUCCESS) {
        for (Element x : a)
            return x;
        return nullElement();
    }
    return v;
}

std::string_view jvalue(Element v)
{
    simdjson::dom::array a;
    if (v.get(a) == simdjson::SUCCESS) {
        for (Element x : a)
            return str(x, "data");
        return {};
    }
    return str(v, "data");
}

std::string_view jdata(Element e, std::string_view key) { return str(jfirst(e, key), "data"); }
QString jqstr(Element e, std::string_view key) { return toQString(jdata(e, key)); }

qint64 jint(Element e, std::string_view key)
{
    const std::string_view s = clitext::trimmed(jdata(e, key));
    return clitext::toInt(s).value_or(-1);
}

std::string_view jattr(Element e, std::string_view key, std::string_view attribute)
{
    return str(member(jfirst(e, key), "attributes"), attribute);
}

} // namespace rl::jsondom
