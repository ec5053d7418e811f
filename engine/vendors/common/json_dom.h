#pragma once

// Reading the structured output of EOS, NX-OS and Junos with simdjson's DOM: fast enough for
// full routing tables, and small helpers for the vendors' shapes (NX-OS TABLE_/ROW_ nesting
// where one row is an object and many are an array; Junos [{"data": ...}] wrapping).

#include "engine/api/error.h"

#include <QByteArray>
#include <QString>

#include <simdjson.h>

#include <cmath>
#include <cstring>
#include <string_view>

namespace rl::jsondom {

using Element = simdjson::dom::element;

// Parses text (which may hold a prompt or banner before the JSON, as pasted text does);
// text that holds no JSON document is parse-error naming what was expected.
Result<Element> parse(simdjson::dom::parser &parser, const QByteArray &text, const QString &what);

// One parser per thread, reused: its buffers are sized by the largest document it read,
// and allocating them afresh for every full table costs more than the parse. Documents
// stay valid until the next parse on the same thread.
simdjson::dom::parser &threadParser();

// Parser buffers grown past this by a full table are freed once its records are built: a
// worker thread must not keep a gigabyte of tape for the next (usually small) answer.
inline constexpr size_t kKeptParserCapacity = size_t(32) << 20;
// Frees the parser's buffers when it goes out of scope, if they outgrew kKeptParserCapacity.
class ParserRelease final
{
public:
    explicit ParserRelease(simdjson::dom::parser &parser) : m_parser(parser) {}
    ~ParserRelease()
    {
        if (m_parser.capacity() > kKeptParserCapacity)
            m_parser = simdjson::dom::parser();
    }
    ParserRelease(const ParserRelease &) = delete;
    ParserRelease &operator=(const ParserRelease &) = delete;

private:
    simdjson::dom::parser &m_parser;
};

// Member access that never throws: missing or mistyped members give empty / -1 / NaN.
Element member(Element e, std::string_view key); // null element when absent
bool has(Element e, std::string_view key);
std::string_view str(Element e, std::string_view key);
QString qstr(Element e, std::string_view key);
// A number, or a string holding one ("65001", "65000.100" asdot when asn is true); -1 when absent.
qint64 integer(Element e, std::string_view key);
double real(Element e, std::string_view key);
// The same for a value in hand (when iterating an object's fields once instead of looking
// each key up: big tables read every row's fields in one pass).
qint64 asInteger(Element v);
// Key comparison for the one-pass loops: length first, then a fixed-size compare the
// compiler inlines.
template<size_t N>
inline bool keyIs(std::string_view k, const char (&literal)[N])
{
    return k.size() == N - 1 && std::memcmp(k.data(), literal, N - 1) == 0;
}
inline std::string_view asString(Element v)
{
    std::string_view s;
    return v.get(s) == simdjson::SUCCESS ? s : std::string_view();
}
bool boolean(Element e, std::string_view key, bool fallback = false);

// Calls fn(element) for every row: an array's items, or the one object itself.
template<typename Fn>
void forEachRow(Element e, Fn &&fn)
{
    simdjson::dom::array a;
    if (e.get(a) == simdjson::SUCCESS) {
        for (Element x : a)
            fn(x);
        return;
    }
    simdjson::dom::object o;
    if (e.get(o) == simdjson::SUCCESS)
        fn(e);
}
// NX-OS: e["TABLE_x"]["ROW_x"] rows.
template<typename Fn>
void forEachNxRow(Element e, std::string_view table, Fn &&fn)
{
    std::string t = "TABLE_" + std::string(table), r = "ROW_" + std::string(table);
    forEachRow(member(member(e, t), r), fn);
}
// Calls fn(key, value) for every member of an object.
template<typename Fn>
void forEachMember(Element e, Fn &&fn)
{
    simdjson::dom::object o;
    if (e.get(o) != simdjson::SUCCESS)
        return;
    for (auto field : o)
        fn(field.key, field.value);
}

// Junos: obj[key][0]["data"] as text; obj[key][0] as an element.
std::string_view jdata(Element e, std::string_view key);
QString jqstr(Element e, std::string_view key);
qint64 jint(Element e, std::string_view key);
Element jfirst(Element e, std::string_view key);
// A member's value in hand, [{"data": "x"}] or {"data": "x"}: "x".
std::string_view jvalue(Element v);
// Junos attribute, e.g. obj[key][0]["attributes"]["junos:seconds"].
std::string_view jattr(Element e, std::string_view key, std::string_view attribute);

QString toQString(std::string_view s);

} // namespace rl::jsondom
