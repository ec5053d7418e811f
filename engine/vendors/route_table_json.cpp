#include "engine/vendors/route_table_json.h"

#include "engine/vendors/address_scan.h"
#include "engine/vendors/cli_text.h"
#include "engine/vendors/json_dom.h"
#include "engine/vendors/string_interner.h"

#include <simdjson.h>

#include <algorithm>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>

namespace rl {

namespace od = simdjson::ondemand;
using simdjson::error_code;
using simdjson::SUCCESS;

namespace {

// One On-Demand parser per thread, reused: its buffers are sized by the largest document it
// read. Past jsondom::kKeptParserCapacity they are freed once the table's records are built,
// as for the DOM parser, so a worker does not keep a full table's index for the next answer.
od::parser &threadParser()
{
    thread_local od::parser parser;
    return parser;
}

class ParserRelease final
{
public:
    explicit ParserRelease(od::parser &parser) : m_parser(parser) {}
    ~ParserRelease()
    {
        if (m_parser.capacity() > jsondom::kKeptParserCapacity)
            m_parser = od::parser();
    }
    ParserRelease(const ParserRelease &) = delete;
    ParserRelease &operator=(const ParserRelease &) = delete;

private:
    od::parser &m_parser;
};

template<size_t N>
inline bool keyIs(od::raw_json_string key, const char (&literal)[N])
{
    // The raw key is quote-terminated inside a padded buffer: comparing N bytes is safe.
    return std::memcmp(key.raw(), literal, N - 1) == 0 && key.raw()[N - 1] == '"';
}

// A member's key (EOS: the prefix) as it lies in the document when it has no escapes,
// without unescaped_key()'s call and copy; false when it needs unescaping. The key is closed inside the padded buffer, so
// the 16-byte loads stay within the document's padding.
inline bool plainKey(od::raw_json_string key, std::string_view &out)
{
    const char *start = key.raw(), *p = start;
#ifdef __SSE2__
    const __m128i q = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\');
    for (;; p += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const unsigned quotes = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(x, q)));
        const unsigned slashes = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(x, bs)));
        if (quotes | slashes) {
            const unsigned first = unsigned(__builtin_ctz(quotes | slashes));
            if (!(quotes >> first & 1))
                return false;
            out = std::string_view(start, size_t(p - start) + first);
            return true;
        }
    }
#else
    for (; *p != '"'; ++p) {
        if (*p == '\\')
            return false;
    }
    out = std::string_view(start, size_t(p - start));
    return true;
#endif
}

inline std::string_view asString(od::value &v)
{
    // (Reading the string in place from raw_json_token() measured slower than get_string:
    // the walk then has to skip or re-read the value.)
    std::string_view s;
    return v.get_string().get(s) == SUCCESS ? s : std::string_view();
}

// A number, or a string holding one ("65001", asdot "65000.100"); -1 otherwise.
qint64 asInteger(od::value &v)
{
    // A plain integer is nearly every case: tried first (a failed get leaves the value unread).
    int64_t plain;
    if (v.get_int64().get(plain) == SUCCESS)
        return plain;
    od::json_type t{};
    if (v.type().get(t) != SUCCESS)
        return -1;
    if (t == od::json_type::number) {
        int64_t i;
        if (v.get_int64().get(i) == SUCCESS)
            return i;
        uint64_t u;
        if (v.get_uint64().get(u) == SUCCESS)
            return qint64(u);
        double d;
        if (v.get_double().get(d) == SUCCESS)
            return std::isnan(d) ? -1 : qint64(d);
        return -1;
    }
    if (t == od::json_type::string) {
        const std::string_view s = clitext::trimmed(asString(v));
        return clitext::parseAsn(s).value_or(clitext::toInt(s).value_or(-1));
    }
    return -1;
}

// Where the JSON document sits in the text: after any echoed command or banner, up to the
// last closing bracket (a trailing prompt follows it).
struct DocumentSpan {
    qsizetype start = 0, end = 0;
    bool found = false;
};

DocumentSpan locate(const QByteArray &text)
{
    DocumentSpan d;
    const char *p = text.constData();
    const qsizetype n = text.size();
    qsizetype start = 0;
    while (start < n && p[start] != '{' && p[start] != '[') {
        const void *nl = std::memchr(p + start, '\n', size_t(n - start));
        start = nl ? qsizetype(static_cast<const char *>(nl) - p) + 1 : n;
    }
    if (start >= n)
        return d;
    qsizetype end = n;
    while (end > start && p[end - 1] != '}' && p[end - 1] != ']')
        --end;
    d.start = start;
    d.end = end > start ? end : n;
    d.found = true;
    return d;
}

// How often a key occurs in the text: the table's row count, to size the record list once
// (growing it by doubling copies the records and leaves up to half the capacity unused).
// An upper bound where the key also occurs elsewhere; the list grows if it is too small.
// Two leading bytes filtered a block at a time, the rest compared where both match.
inline void countKeyTail(const char *&p, const char *last, std::string_view key, qsizetype &n)
{
    for (; p <= last; ++p) {
        if (p[0] == key[0] && std::memcmp(p, key.data(), key.size()) == 0)
            ++n;
    }
}

#if defined(__x86_64__) && defined(__GNUC__)
// 32 bytes a step where the CPU has AVX2 (chosen at run time; the build targets baseline
// x86-64): the count reads the whole document, a third of the reader's own work.
__attribute__((target("avx2"))) qsizetype countKeyAvx2(const char *p, const char *last, std::string_view key)
{
    qsizetype n = 0;
    const __m256i c0 = _mm256_set1_epi8(key[0]), c1 = _mm256_set1_epi8(key[1]);
    for (; last - p >= 32; p += 32) {
        const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
        const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 1));
        unsigned m = unsigned(_mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(a, c0), _mm256_cmpeq_epi8(b, c1))));
        while (m) {
            const int i = __builtin_ctz(m);
            m &= m - 1;
            if (std::memcmp(p + i + 2, key.data() + 2, key.size() - 2) == 0)
                ++n;
        }
    }
    countKeyTail(p, last, key, n);
    return n;
}

bool haveAvx2()
{
    static const bool yes = __builtin_cpu_supports("avx2");
    return yes;
}
#endif

qsizetype countKey(const char *p, const char *end, std::string_view key)
{
    qsizetype n = 0;
    const size_t k = key.size();
    if (size_t(end - p) < k)
        return 0;
    const char *last = end - k; // the last position a match can start at
#if defined(__x86_64__) && defined(__GNUC__)
    if (haveAvx2())
        return countKeyAvx2(p, last, key);
#endif
#ifdef __SSE2__
    const __m128i c0 = _mm_set1_epi8(key[0]), c1 = _mm_set1_epi8(key[1]);
    for (; last - p >= 16; p += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 1));
        unsigned m = unsigned(_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, c0), _mm_cmpeq_epi8(b, c1))));
        while (m) {
            const int i = __builtin_ctz(m);
            m &= m - 1;
            if (std::memcmp(p + i + 2, key.data() + 2, k - 2) == 0)
                ++n;
        }
    }
#endif
    countKeyTail(p, last, key, n);
    return n;
}

int lineAt(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    return 1 + int(std::count(text.constData(), text.constData() + offset, '\n'));
}

// The walk over one document. Every step returns false once something failed; the first
// failure is kept (a simdjson error, or a reason the document is not the expected table).
class Walker
{
public:
    // rowKey: a key each row (route path) holds once, to count the rows by.
    Walker(QueryKind kind, const QString &command, const QByteArray &text, std::string_view rowKey)
        : m_rowKey(rowKey), m_kind(kind), m_what(command.isEmpty() ? queryKindTitle(kind) : command), m_title(queryKindTitle(kind)), m_text(text)
    {
    }

    // Finds and opens the document. False with error() set when there is none.
    bool open(od::parser &parser)
    {
        const DocumentSpan span = locate(m_text);
        if (!span.found) {
            if (Error e = clitext::cliError(m_what, m_text))
                m_openError = e;
            else
                m_openError = clitext::formatError(m_what, m_text, QStringLiteral("it holds no JSON document; run the command with its JSON filter"));
            return false;
        }
        m_docStart = span.start;
        const size_t len = size_t(span.end - span.start);
        // Bounded by the smallest text a row can be, should the key also name other things.
        const qsizetype rows = countKey(m_text.constData() + span.start, m_text.constData() + span.end, m_rowKey);
        m_rows.reserve(std::min<qsizetype>(rows, qsizetype(len / 24)));
        // On-Demand reads up to SIMDJSON_PADDING bytes past the document: parse in place when
        // the array's allocation has them, else copy (rare: transports leave room).
        if (m_text.capacity() - span.end >= qsizetype(simdjson::SIMDJSON_PADDING)) {
            m_base = m_text.constData() + span.start;
            m_opened = !fail(parser.iterate(m_base, len, size_t(m_text.capacity() - span.start)).get(m_doc));
            return m_opened;
        }
        m_copy = simdjson::padded_string(m_text.constData() + span.start, len);
        m_base = m_copy.data();
        m_opened = !fail(parser.iterate(m_copy).get(m_doc));
        return m_opened;
    }

    od::document &doc() { return m_doc; }

    // Records a simdjson failure (and where it happened) unless one is already kept.
    bool fail(error_code e)
    {
        if (e == SUCCESS)
            return false;
        if (m_err == SUCCESS && m_reason.isEmpty()) {
            m_err = e;
            const char *at = nullptr;
            if (m_opened && m_doc.current_location().get(at) == SUCCESS && at && m_base)
                m_failOffset = m_docStart + qsizetype(at - m_base);
        }
        return true;
    }
    // The document is JSON but not the table asked for.
    bool refuse(const QString &why)
    {
        if (m_err == SUCCESS && m_reason.isEmpty())
            m_reason = why;
        return false;
    }

    // Calls fn(key, value) for every member; false when fn or the JSON failed.
    template<typename Fn>
    bool fields(od::object &obj, Fn &&fn)
    {
        for (auto f : obj) {
            od::field field;
            if (fail(std::move(f).get(field)))
                return false;
            if (!fn(field.key(), field.value()))
                return false;
        }
        return true;
    }
    template<typename Fn>
    bool fields(od::value &v, Fn &&fn)
    {
        od::object obj;
        const error_code e = v.get_object().get(obj);
        if (e == simdjson::INCORRECT_TYPE)
            return true; // not an object: nothing of ours in it
        if (fail(e))
            return false;
        return fields(obj, fn);
    }

    // Calls fn(object) for every row: an array's objects, or the one object itself (the
    // vendors print a single row without the array).
    template<typename Fn>
    bool rows(od::value &v, Fn &&fn)
    {
        od::json_type t{};
        if (fail(v.type().get(t)))
            return false;
        if (t == od::json_type::object) {
            od::object o;
            if (fail(v.get_object().get(o)))
                return false;
            return fn(o);
        }
        if (t != od::json_type::array)
            return true;
        od::array a;
        if (fail(v.get_array().get(a)))
            return false;
        for (auto item : a) {
            od::value x;
            if (fail(std::move(item).get(x)))
                return false;
            od::object o;
            const error_code e = x.get_object().get(o);
            if (e == simdjson::INCORRECT_TYPE)
                continue;
            if (fail(e) || !fn(o))
                return false;
        }
        return true;
    }

    // The first row of a value ([{...}, ...] or {...}); the others are skipped.
    template<typename Fn>
    bool firstRow(od::value &v, Fn &&fn)
    {
        bool done = false;
        return rows(v, [&](od::object &o) {
            if (done)
                return true;
            done = true;
            return fn(o);
        });
    }

    // Junos wraps values: [{"data": "x"}] or {"data": "x"} is "x".
    std::string_view jvalue(od::value &v)
    {
        std::string_view out;
        firstRow(v, [&](od::object &o) {
            return fields(o, [&](od::raw_json_string k, od::value &x) {
                if (keyIs(k, "data"))
                    out = asString(x);
                return true;
            });
        });
        return out;
    }

    // Checks that nothing but blanks follows the root value, then hands over the records.
    Result<RecordSet> finish()
    {
        if (m_openError)
            return m_openError;
        const char *after = nullptr;
        if (m_err == SUCCESS && m_reason.isEmpty() && m_doc.current_location().get(after) == SUCCESS) {
            // Not at the end: something follows the root value (current_location is
            // OUT_OF_BOUNDS exactly when the whole document was read).
            m_failOffset = m_docStart + qsizetype(after - m_base);
            m_err = simdjson::TRAILING_CONTENT;
        }
        if (m_err != SUCCESS) {
            const QString where = m_failOffset >= 0 ? QStringLiteral("line %1").arg(lineAt(m_text, m_failOffset))
                                                    : QStringLiteral("its end (line %1)").arg(lineAt(m_text, m_text.size()));
            const QString route = m_context.empty() ? QString()
                                                    : QStringLiteral(", after route %1").arg(clitext::toQString(m_context));
            return Error(ErrorCode::ParseError,
                         QStringLiteral("RouterLens could not read the %1 output: the JSON is damaged or cut short at %2%3 (%4).")
                             .arg(m_what, where, route, QString::fromLatin1(simdjson::error_message(m_err))),
                         QStringLiteral("output begins: %1").arg(QString::fromUtf8(m_text.mid(m_docStart, 120))));
        }
        if (!m_reason.isEmpty())
            return clitext::formatError(m_title, m_text, m_reason);
        m_paths.flush(PathSink{m_rows});
        return RecordSet(m_kind, m_rows);
    }

    QList<RouteRecord> &out() { return m_rows; }
    // The AS path of the last record: interned a few rows later, so the lookups' memory
    // latencies overlap (StringInterner::push); the text lies in the parser's string buffer,
    // which holds until the next document. finish() completes the last ones.
    void setPath(std::string_view text) { m_paths.push(text, quint32(m_rows.size() - 1), PathSink{m_rows}); }
    StringInterner &names() { return m_names; }
    // The route being read, named in an error.
    void setContext(std::string_view prefix) { m_context.assign(prefix.data(), prefix.size()); }
    QueryKind kind() const { return m_kind; }

private:
    struct PathSink {
        QList<RouteRecord> &rows;
        void operator()(quint32 row, const QString &path) const { rows[row].asPath = path; }
    };

    std::string_view m_rowKey;
    QueryKind m_kind;
    QString m_what, m_title;
    const QByteArray &m_text;
    simdjson::padded_string m_copy;
    const char *m_base = nullptr;
    qsizetype m_docStart = 0;
    od::document m_doc;
    Error m_openError;
    bool m_opened = false;
    error_code m_err = SUCCESS;
    qsizetype m_failOffset = -1;
    QString m_reason;
    std::string m_context;
    QList<RouteRecord> m_rows;
    StringInterner m_paths, m_names;
};

QString notAPrefix(std::string_view text)
{
    return QStringLiteral("\"%1\" is not a prefix").arg(clitext::toQString(text));
}

// ---- EOS ----------------------------------------------------------------------------------

RouteOrigin eosOrigin(std::string_view o)
{
    if (o == "Igp" || o == "IGP") return RouteOrigin::Igp;
    if (o == "Egp" || o == "EGP") return RouteOrigin::Egp;
    if (o == "Incomplete") return RouteOrigin::Incomplete;
    return RouteOrigin::Unknown;
}

bool eosPath(Walker &w, const IpPrefix &prefix, od::object &path)
{
    RouteRecord &r = w.out().emplace_back();
    r.prefix = prefix;
    return w.fields(path, [&](od::raw_json_string k, od::value &v) {
        if (keyIs(k, "nextHop")) {
            if (auto nh = addressscan::address(asString(v)))
                r.nextHop = *nh;
        } else if (keyIs(k, "asPathEntry")) {
            return w.fields(v, [&](od::raw_json_string k2, od::value &v2) {
                if (!keyIs(k2, "asPath"))
                    return true;
                std::string_view as = asString(v2);
                // "65001 65002 i": the origin letter ends the text, the origin is in routeType.
                if (as.size() >= 2 && as[as.size() - 2] == ' ' && (as.back() == 'i' || as.back() == 'e' || as.back() == '?'))
                    as.remove_suffix(2);
                else if (as == "i" || as == "e" || as == "?")
                    as = {};
                w.setPath(as);
                return true;
            });
        } else if (keyIs(k, "med")) {
            r.med = asInteger(v);
        } else if (keyIs(k, "localPreference")) {
            r.localPref = asInteger(v);
        } else if (keyIs(k, "routeType")) {
            return w.fields(v, [&](od::raw_json_string k2, od::value &v2) {
                bool b;
                if (keyIs(k2, "origin"))
                    r.origin = eosOrigin(asString(v2));
                else if (keyIs(k2, "valid") && v2.get_bool().get(b) == SUCCESS)
                    r.valid = b;
                else if (keyIs(k2, "active") && v2.get_bool().get(b) == SUCCESS)
                    r.best = b;
                return true;
            });
        }
        return true;
    });
}

bool eosEntries(Walker &w, od::value &entries)
{
    od::object o;
    const error_code e = entries.get_object().get(o);
    if (e == simdjson::INCORRECT_TYPE)
        return true;
    if (w.fail(e))
        return false;
    for (auto f : o) {
        od::field field;
        if (w.fail(std::move(f).get(field)))
            return false;
        std::string_view key;
        if (!plainKey(field.key(), key) && w.fail(field.unescaped_key().get(key)))
            return false;
        const auto prefix = addressscan::prefix(key);
        if (!prefix)
            return w.refuse(notAPrefix(key));
        w.setContext(key);
        const bool ok = w.fields(field.value(), [&](od::raw_json_string k, od::value &v) {
            if (!keyIs(k, "bgpRoutePaths"))
                return true;
            return w.rows(v, [&](od::object &path) { return eosPath(w, *prefix, path); });
        });
        if (!ok)
            return false;
    }
    return true;
}

// ---- NX-OS --------------------------------------------------------------------------------

RouteOrigin nxOrigin(std::string_view o)
{
    if (o.size() == 1)
        return o[0] == 'i' ? RouteOrigin::Igp : o[0] == 'e' ? RouteOrigin::Egp : o[0] == '?' ? RouteOrigin::Incomplete : RouteOrigin::Unknown;
    return routeOriginFromName(clitext::toQString(o));
}

bool nxPath(Walker &w, od::object &path)
{
    RouteRecord &r = w.out().emplace_back();
    std::string_view nh4, nh6, status;
    bool sawStatus = false;
    const bool ok = w.fields(path, [&](od::raw_json_string k, od::value &v) {
        if (keyIs(k, "ipnexthop"))
            nh4 = asString(v);
        else if (keyIs(k, "ipv6nexthop"))
            nh6 = asString(v);
        else if (keyIs(k, "aspath"))
            w.setPath(clitext::trimmed(asString(v)));
        else if (keyIs(k, "metric"))
            r.med = asInteger(v);
        else if (keyIs(k, "localpref"))
            r.localPref = asInteger(v);
        else if (keyIs(k, "origin"))
            r.origin = nxOrigin(asString(v));
        else if (keyIs(k, "best"))
            r.best = asString(v) == ">";
        else if (keyIs(k, "status"))
            status = asString(v), sawStatus = true;
        return true;
    });
    if (auto a = addressscan::address(nh4.empty() ? nh6 : nh4))
        r.nextHop = *a;
    r.valid = sawStatus && !status.empty() ? clitext::contains(status, "*") || r.best : true;
    return ok;
}

// One ROW_prefix: its prefix may come before or after its paths, so the paths' records get
// the prefix once the row is read.
bool nxPrefixRow(Walker &w, od::object &row)
{
    const qsizetype first = w.out().size();
    std::string_view v4, v6;
    bool ok = w.fields(row, [&](od::raw_json_string k, od::value &v) {
        if (keyIs(k, "ipprefix")) {
            v4 = asString(v);
            w.setContext(v4);
        } else if (keyIs(k, "ipv6prefix")) {
            v6 = asString(v);
            w.setContext(v6);
        } else if (keyIs(k, "TABLE_path")) {
            return w.fields(v, [&](od::raw_json_string k2, od::value &v2) {
                if (!keyIs(k2, "ROW_path"))
                    return true;
                return w.rows(v2, [&](od::object &path) { return nxPath(w, path); });
            });
        }
        return true;
    });
    if (!ok)
        return false;
    const std::string_view text = v4.empty() ? v6 : v4;
    const auto prefix = addressscan::prefix(text);
    if (!prefix)
        return w.refuse(notAPrefix(text));
    QList<RouteRecord> &rows = w.out();
    for (qsizetype i = first; i < rows.size(); ++i)
        rows[i].prefix = *prefix;
    return true;
}

// TABLE_/ROW_ nesting (vrf, afi, safi, rd) down to every TABLE_prefix.
bool nxWalk(Walker &w, od::object &o, bool root, bool &sawVrfTable)
{
    return w.fields(o, [&](od::raw_json_string k, od::value &v) {
        if (keyIs(k, "TABLE_prefix")) {
            return w.rows(v, [&](od::object &table) {
                return w.fields(table, [&](od::raw_json_string k2, od::value &v2) {
                    if (!keyIs(k2, "ROW_prefix"))
                        return true;
                    return w.rows(v2, [&](od::object &row) { return nxPrefixRow(w, row); });
                });
            });
        }
        const char *raw = k.raw();
        if (std::memcmp(raw, "TABLE_", 6) == 0 || std::memcmp(raw, "ROW_", 4) == 0) {
            if (root && keyIs(k, "TABLE_vrf"))
                sawVrfTable = true;
            return w.rows(v, [&](od::object &inner) { return nxWalk(w, inner, false, sawVrfTable); });
        }
        return true;
    });
}

// ---- Junos --------------------------------------------------------------------------------

// The origin letter Junos appends to an AS path ("65001 65002 I").
std::pair<std::string_view, RouteOrigin> splitOrigin(std::string_view path)
{
    path = clitext::trimmed(path);
    RouteOrigin o = RouteOrigin::Unknown;
    if (!path.empty()) {
        const char c = path.back();
        if ((c == 'I' || c == 'E' || c == '?') && (path.size() == 1 || path[path.size() - 2] == ' ')) {
            o = c == 'I' ? RouteOrigin::Igp : c == 'E' ? RouteOrigin::Egp : RouteOrigin::Incomplete;
            path = clitext::trimmed(path.substr(0, path.size() - 1));
        }
    }
    if (clitext::startsWith(path, "AS path:")) // "AS path: 65001 65002 I" in some views
        path = clitext::trimmed(path.substr(8));
    return {path, o};
}

// One rt-entry: one record, with the first next hop (a received route has one).
bool junosEntry(Walker &w, od::object &e)
{
    RouteRecord &r = w.out().emplace_back();
    return w.fields(e, [&](od::raw_json_string k, od::value &v) {
        if (keyIs(k, "as-path")) {
            const auto [path, origin] = splitOrigin(w.jvalue(v));
            w.setPath(path);
            r.origin = origin;
        } else if (keyIs(k, "local-preference")) {
            r.localPref = clitext::toInt(w.jvalue(v)).value_or(-1);
        } else if (keyIs(k, "med")) {
            r.med = clitext::toInt(w.jvalue(v)).value_or(-1);
        } else if (keyIs(k, "active-tag")) {
            const std::string_view active = w.jvalue(v);
            r.best = !active.empty() && (active[0] == '*' || active[0] == '+');
        } else if (keyIs(k, "nh")) {
            return w.firstRow(v, [&](od::object &nh) {
                return w.fields(nh, [&](od::raw_json_string k2, od::value &v2) {
                    if (keyIs(k2, "to")) {
                        if (auto a = addressscan::address(clitext::trimmed(w.jvalue(v2))))
                            r.nextHop = *a;
                    } else if (keyIs(k2, "via")) {
                        r.interfaceName = w.names().intern(clitext::trimmed(w.jvalue(v2)));
                    }
                    return true;
                });
            });
        }
        return true;
    });
}

bool junosRt(Walker &w, od::object &rt)
{
    const qsizetype first = w.out().size();
    std::string_view dest, length;
    const bool ok = w.fields(rt, [&](od::raw_json_string k, od::value &v) {
        if (keyIs(k, "rt-destination")) {
            dest = clitext::trimmed(w.jvalue(v));
            w.setContext(dest);
        } else if (keyIs(k, "rt-prefix-length")) {
            length = clitext::trimmed(w.jvalue(v));
        } else if (keyIs(k, "rt-entry")) {
            return w.rows(v, [&](od::object &e) { return junosEntry(w, e); });
        }
        return true;
    });
    if (!ok)
        return false;
    std::string withLength;
    std::string_view text = dest;
    if (dest.find('/') == std::string_view::npos && !length.empty()) {
        withLength = std::string(dest) + '/' + std::string(length);
        text = withLength;
    }
    const auto prefix = addressscan::prefix(text);
    if (!prefix)
        return w.refuse(notAPrefix(dest));
    QList<RouteRecord> &rows = w.out();
    for (qsizetype i = first; i < rows.size(); ++i)
        rows[i].prefix = *prefix;
    return true;
}

// A root object: route-information, or several routing engines' answers of which the first
// is read.
bool junosRoot(Walker &w, od::object &root, bool &sawRouteInfo)
{
    return w.fields(root, [&](od::raw_json_string k, od::value &v) {
        if (keyIs(k, "multi-routing-engine-results")) {
            return w.firstRow(v, [&](od::object &results) {
                return w.fields(results, [&](od::raw_json_string k2, od::value &v2) {
                    if (!keyIs(k2, "multi-routing-engine-item"))
                        return true;
                    return w.firstRow(v2, [&](od::object &item) { return junosRoot(w, item, sawRouteInfo); });
                });
            });
        }
        if (!keyIs(k, "route-information") || sawRouteInfo)
            return true;
        sawRouteInfo = true;
        return w.firstRow(v, [&](od::object &info) {
            return w.fields(info, [&](od::raw_json_string k2, od::value &v2) {
                if (!keyIs(k2, "route-table"))
                    return true;
                return w.rows(v2, [&](od::object &table) {
                    return w.fields(table, [&](od::raw_json_string k3, od::value &v3) {
                        if (!keyIs(k3, "rt"))
                            return true;
                        return w.rows(v3, [&](od::object &rt) { return junosRt(w, rt); });
                    });
                });
            });
        });
    });
}

// Opens the document's root object; false (with the walker's error) when there is none.
bool rootObject(Walker &w, od::object &root, const QString &missing)
{
    od::json_type t{};
    if (w.fail(w.doc().type().get(t)))
        return false;
    if (t != od::json_type::object)
        return w.refuse(missing);
    return !w.fail(w.doc().get_object().get(root));
}

} // namespace

Result<RecordSet> RouteTableJson::eos(QueryKind kind, const QString &command, const QByteArray &text)
{
    od::parser &parser = threadParser();
    const ParserRelease release(parser);
    Walker w(kind, command, text, "\"nextHop\"");
    if (!w.open(parser))
        return w.finish();
    od::object root;
    const QString noVrfs = QStringLiteral("it has no \"vrfs\" member");
    bool sawVrfs = false, sawVrf = false, sawEntries = false;
    if (rootObject(w, root, noVrfs)) {
        w.fields(root, [&](od::raw_json_string k, od::value &v) {
            if (!keyIs(k, "vrfs"))
                return true;
            sawVrfs = true;
            return w.fields(v, [&](od::raw_json_string, od::value &vrf) {
                sawVrf = true;
                return w.fields(vrf, [&](od::raw_json_string k2, od::value &v2) {
                    if (!keyIs(k2, "bgpRouteEntries"))
                        return true;
                    sawEntries = true;
                    return eosEntries(w, v2);
                });
            });
        });
        if (!sawVrfs)
            w.refuse(noVrfs);
        else if (sawVrf && !sawEntries) // a VRF answer without a route table is another command's output
            w.refuse(QStringLiteral("it has no \"bgpRouteEntries\" member"));
    }
    return w.finish();
}

Result<RecordSet> RouteTableJson::nxos(QueryKind kind, const QString &command, const QByteArray &text)
{
    od::parser &parser = threadParser();
    const ParserRelease release(parser);
    Walker w(kind, command, text, "nexthop\""); // ipnexthop, ipv6nexthop
    if (!w.open(parser))
        return w.finish();
    od::object root;
    const QString noVrf = QStringLiteral("it has no TABLE_vrf");
    bool sawVrfTable = false;
    if (rootObject(w, root, noVrf) && nxWalk(w, root, true, sawVrfTable) && !sawVrfTable)
        w.refuse(noVrf);
    return w.finish();
}

Result<RecordSet> RouteTableJson::junos(QueryKind kind, const QString &command, const QByteArray &text)
{
    od::parser &parser = threadParser();
    const ParserRelease release(parser);
    Walker w(kind, command, text, "\"as-path\"");
    if (!w.open(parser))
        return w.finish();
    od::object root;
    const QString noInfo = QStringLiteral("it has no route-information");
    bool sawRouteInfo = false;
    if (rootObject(w, root, noInfo) && junosRoot(w, root, sawRouteInfo) && !sawRouteInfo)
        w.refuse(noInfo);
    return w.finish();
}

} // namespace rl
