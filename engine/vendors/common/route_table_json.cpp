#include "engine/vendors/common/route_table_json.h"

#include "engine/vendors/common/address_scan.h"
#include "engine/vendors/common/big_list.h"
#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/json_pull.h"
#include "engine/vendors/common/string_interner.h"

#include <algorithm>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif
#include <cstring>
#include <string>
#include <string_view>

namespace rl {

using jsonpull::Kind;

namespace {

// A member name against a literal: a compare of known length, inlined (string_view's == calls
// memcmp with a run-time length).
template<size_t N>
inline bool is(std::string_view key, const char (&literal)[N])
{
    return key.size() == N - 1 && std::memcmp(key.data(), literal, N - 1) == 0;
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

// The walk over one document, with jsonpull::Reader. Every step returns false once something
// failed; the first failure is kept (the reader's, or a reason the document is not the
// expected table).
//
// The callbacks of fields() and rows() find the cursor at a value; a value a callback leaves
// unread is skipped (and still checked) after it returns, so a walk names only what it reads.
class Walker
{
public:
    // rowKey: a key each row (route path) holds once, to count the rows by.
    Walker(QueryKind kind, const QString &command, const QByteArray &text, std::string_view rowKey)
        : m_rowKey(rowKey), m_kind(kind), m_what(command.isEmpty() ? queryKindTitle(kind) : command), m_title(queryKindTitle(kind)), m_text(text)
    {
    }

    // Finds the document. False with the error set when there is none.
    bool open()
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
        const char *begin = m_text.constData() + span.start, *end = m_text.constData() + span.end;
        // Bounded by the smallest text a row can be, should the key also name other things.
        const qsizetype rows = countKey(begin, end, m_rowKey);
        m_rows.reserve(std::min<qsizetype>(rows, qsizetype((end - begin) / 24)));
        adviseHugePages(m_rows);
        m_base = begin;
        m_r = jsonpull::Reader(begin, end);
        return true;
    }

    // The document is JSON but not the table asked for.
    bool refuse(const QString &why)
    {
        if (m_r.ok() && m_reason.isEmpty())
            m_reason = why;
        return false;
    }

    Kind peek() { return m_r.peek(); }

    // Calls fn(key) for every member of the object at the cursor, with the cursor at the
    // member's value; any other value is skipped. False when fn or the JSON failed.
    template<typename Fn>
    bool fields(Fn &&fn)
    {
        const Kind k = m_r.peek();
        if (k != Kind::Object)
            return k != Kind::Bad && m_r.skip();
        if (!deeper())
            return false;
        m_r.enter();
        bool first = true;
        std::string_view key;
        while (m_r.member(first, key)) {
            const char *at = m_r.pos();
            if (!fn(key))
                return false;
            if (m_r.pos() == at && !m_r.skip())
                return false;
        }
        --m_depth;
        return m_r.ok();
    }

    // Calls fn() for every row, the cursor at the row's object: an array's objects, or the
    // one object itself (the vendors print a single row without the array).
    template<typename Fn>
    bool rows(Fn &&fn)
    {
        const Kind k = m_r.peek();
        if (k == Kind::Object)
            return row(fn);
        if (k != Kind::Array)
            return k != Kind::Bad && m_r.skip();
        if (!deeper())
            return false;
        m_r.enter();
        bool first = true;
        while (m_r.item(first)) {
            const Kind i = m_r.peek();
            if (i == Kind::Object) {
                if (!row(fn))
                    return false;
            } else if (i == Kind::Bad || !m_r.skip()) {
                return false;
            }
        }
        --m_depth;
        return m_r.ok();
    }

    // The first row of a value ([{...}, ...] or {...}); the others are skipped.
    template<typename Fn>
    bool firstRow(Fn &&fn)
    {
        bool done = false;
        return rows([&] {
            if (done)
                return true;
            done = true;
            return fn();
        });
    }

    // The string at the cursor; empty (and the value skipped) when it is something else.
    std::string_view str()
    {
        std::string_view s;
        const Kind k = m_r.peek();
        if (k == Kind::String)
            m_r.string(s);
        else if (k != Kind::Bad)
            m_r.skip();
        return s;
    }

    // A number, or a string holding one ("65001", asdot "65000.100"); -1 otherwise.
    qint64 integer()
    {
        const Kind k = m_r.peek();
        if (k == Kind::Number) {
            qint64 v = -1;
            bool integral;
            return m_r.number(v, integral) ? v : -1;
        }
        if (k == Kind::String) {
            std::string_view s;
            if (!m_r.string(s))
                return -1;
            s = clitext::trimmed(s);
            return clitext::parseAsn(s).value_or(clitext::toInt(s).value_or(-1));
        }
        if (k != Kind::Bad)
            m_r.skip();
        return -1;
    }

    // true or false at the cursor into b; anything else is skipped and b left alone.
    void boolean(bool &b)
    {
        const Kind k = m_r.peek();
        if ((k == Kind::True || k == Kind::False) && m_r.literal(k))
            b = k == Kind::True;
        else if (k != Kind::Bad)
            m_r.skip();
    }

    // Junos wraps values: [{"data": "x"}] or {"data": "x"} is "x".
    std::string_view jvalue()
    {
        std::string_view out;
        if (m_r.peek() == Kind::Array && m_r.wrappedString("data", out))
            return out; // the one shape Junos prints, read straight
        if (!m_r.ok())
            return out;
        firstRow([&] {
            return fields([&](std::string_view k) {
                if (is(k, "data"))
                    out = str();
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
        if (m_r.ok() && m_reason.isEmpty())
            m_r.atEnd();
        if (!m_r.ok()) {
            const qsizetype at = m_docStart + qsizetype(m_r.errorAt() - m_base);
            const QString route = m_context.empty() ? QString()
                                                    : QStringLiteral(", after route %1").arg(clitext::toQString(m_context));
            return Error(ErrorCode::ParseError,
                         QStringLiteral("RouterLens could not read the %1 output: the JSON is damaged or cut short at line %2%3 (%4).")
                             .arg(m_what)
                             .arg(lineAt(m_text, at))
                             .arg(route, QString::fromLatin1(m_r.error())),
                         QStringLiteral("output begins: %1").arg(QString::fromUtf8(m_text.mid(m_docStart, 120))));
        }
        if (!m_reason.isEmpty())
            return clitext::formatError(m_title, m_text, m_reason);
        m_paths.flush(PathSink{m_rows});
        return RecordSet(m_kind, m_rows);
    }

    QList<RouteRecord> &out() { return m_rows; }
    // The AS path of the last record: interned a few rows later, so the lookups' memory
    // latencies overlap (StringInterner::push); the text lies in the document or the
    // reader's storage, both alive until finish() completes the last ones.
    void setPath(std::string_view text) { m_paths.push(text, quint32(m_rows.size() - 1), PathSink{m_rows}); }
    StringInterner &names() { return m_names; }
    // The route being read, named in an error.
    void setContext(std::string_view prefix) { m_context.assign(prefix.data(), prefix.size()); }

private:
    struct PathSink {
        QList<RouteRecord> &rows;
        void operator()(quint32 row, const QString &path) const { rows[row].asPath = path; }
    };

    // The walk's own nesting (NX-OS recurses as deep as the document's TABLE_/ROW_ pairs).
    bool deeper()
    {
        if (++m_depth <= 256)
            return true;
        return m_r.fail("the document is nested more than 256 levels deep");
    }

    template<typename Fn>
    bool row(Fn &fn)
    {
        const char *at = m_r.pos();
        if (!fn())
            return false;
        return m_r.pos() != at || m_r.skip();
    }

    std::string_view m_rowKey;
    QueryKind m_kind;
    QString m_what, m_title;
    const QByteArray &m_text;
    const char *m_base = nullptr;
    qsizetype m_docStart = 0;
    jsonpull::Reader m_r;
    int m_depth = 0;
    Error m_openError;
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
    if (is(o, "Igp") || is(o, "IGP")) return RouteOrigin::Igp;
    if (is(o, "Egp") || is(o, "EGP")) return RouteOrigin::Egp;
    if (is(o, "Incomplete")) return RouteOrigin::Incomplete;
    return RouteOrigin::Unknown;
}

bool eosPath(Walker &w, const IpPrefix &prefix)
{
    RouteRecord &r = w.out().emplace_back();
    r.prefix = prefix;
    return w.fields([&](std::string_view k) {
        if (is(k, "nextHop")) {
            if (auto nh = addressscan::address(w.str()))
                r.nextHop = *nh;
        } else if (is(k, "asPathEntry")) {
            return w.fields([&](std::string_view k2) {
                if (!is(k2, "asPath"))
                    return true;
                std::string_view as = w.str();
                // "65001 65002 i": the origin letter ends the text, the origin is in routeType.
                if (as.size() >= 2 && as[as.size() - 2] == ' ' && (as.back() == 'i' || as.back() == 'e' || as.back() == '?'))
                    as.remove_suffix(2);
                else if (as == "i" || as == "e" || as == "?")
                    as = {};
                w.setPath(as);
                return true;
            });
        } else if (is(k, "med")) {
            r.med = w.integer();
        } else if (is(k, "localPreference")) {
            r.localPref = w.integer();
        } else if (is(k, "routeType")) {
            return w.fields([&](std::string_view k2) {
                if (is(k2, "origin"))
                    r.origin = eosOrigin(w.str());
                else if (is(k2, "valid"))
                    w.boolean(r.valid);
                else if (is(k2, "active"))
                    w.boolean(r.best);
                return true;
            });
        }
        return true;
    });
}

bool eosEntries(Walker &w)
{
    return w.fields([&](std::string_view key) {
        const auto prefix = addressscan::prefix(key);
        if (!prefix)
            return w.refuse(notAPrefix(key));
        w.setContext(key);
        return w.fields([&](std::string_view k) {
            if (!is(k, "bgpRoutePaths"))
                return true;
            return w.rows([&] { return eosPath(w, *prefix); });
        });
    });
}

// ---- NX-OS --------------------------------------------------------------------------------

RouteOrigin nxOrigin(std::string_view o)
{
    if (o.size() == 1)
        return o[0] == 'i' ? RouteOrigin::Igp : o[0] == 'e' ? RouteOrigin::Egp : o[0] == '?' ? RouteOrigin::Incomplete : RouteOrigin::Unknown;
    return routeOriginFromName(clitext::toQString(o));
}

bool nxPath(Walker &w)
{
    RouteRecord &r = w.out().emplace_back();
    std::string_view nh4, nh6, status;
    bool sawStatus = false;
    const bool ok = w.fields([&](std::string_view k) {
        if (is(k, "ipnexthop"))
            nh4 = w.str();
        else if (is(k, "ipv6nexthop"))
            nh6 = w.str();
        else if (is(k, "aspath"))
            w.setPath(clitext::trimmed(w.str()));
        else if (is(k, "metric"))
            r.med = w.integer();
        else if (is(k, "localpref"))
            r.localPref = w.integer();
        else if (is(k, "origin"))
            r.origin = nxOrigin(w.str());
        else if (is(k, "best"))
            r.best = is(w.str(), ">");
        else if (is(k, "status"))
            status = w.str(), sawStatus = true;
        return true;
    });
    if (auto a = addressscan::address(nh4.empty() ? nh6 : nh4))
        r.nextHop = *a;
    r.valid = sawStatus && !status.empty() ? clitext::contains(status, "*") || r.best : true;
    return ok;
}

// One ROW_prefix: its prefix may come before or after its paths, so the paths' records get
// the prefix once the row is read.
bool nxPrefixRow(Walker &w)
{
    const qsizetype first = w.out().size();
    std::string_view v4, v6;
    bool ok = w.fields([&](std::string_view k) {
        if (is(k, "ipprefix")) {
            v4 = w.str();
            w.setContext(v4);
        } else if (is(k, "ipv6prefix")) {
            v6 = w.str();
            w.setContext(v6);
        } else if (is(k, "TABLE_path")) {
            return w.fields([&](std::string_view k2) {
                if (!is(k2, "ROW_path"))
                    return true;
                return w.rows([&] { return nxPath(w); });
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
bool nxWalk(Walker &w, bool root, bool &sawVrfTable)
{
    return w.fields([&](std::string_view k) {
        if (is(k, "TABLE_prefix")) {
            return w.rows([&] {
                return w.fields([&](std::string_view k2) {
                    if (!is(k2, "ROW_prefix"))
                        return true;
                    return w.rows([&] { return nxPrefixRow(w); });
                });
            });
        }
        if (clitext::startsWith(k, "TABLE_") || clitext::startsWith(k, "ROW_")) {
            if (root && is(k, "TABLE_vrf"))
                sawVrfTable = true;
            return w.rows([&] { return nxWalk(w, false, sawVrfTable); });
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
bool junosEntry(Walker &w)
{
    RouteRecord &r = w.out().emplace_back();
    return w.fields([&](std::string_view k) {
        if (is(k, "as-path")) {
            const auto [path, origin] = splitOrigin(w.jvalue());
            w.setPath(path);
            r.origin = origin;
        } else if (is(k, "local-preference")) {
            r.localPref = clitext::toInt(w.jvalue()).value_or(-1);
        } else if (is(k, "med")) {
            r.med = clitext::toInt(w.jvalue()).value_or(-1);
        } else if (is(k, "active-tag")) {
            const std::string_view active = w.jvalue();
            r.best = !active.empty() && (active[0] == '*' || active[0] == '+');
        } else if (is(k, "nh")) {
            return w.firstRow([&] {
                return w.fields([&](std::string_view k2) {
                    if (is(k2, "to")) {
                        if (auto a = addressscan::address(clitext::trimmed(w.jvalue())))
                            r.nextHop = *a;
                    } else if (is(k2, "via")) {
                        r.interfaceName = w.names().intern(clitext::trimmed(w.jvalue()));
                    }
                    return true;
                });
            });
        }
        return true;
    });
}

bool junosRt(Walker &w)
{
    const qsizetype first = w.out().size();
    std::string_view dest, length;
    const bool ok = w.fields([&](std::string_view k) {
        if (is(k, "rt-destination")) {
            dest = clitext::trimmed(w.jvalue());
            w.setContext(dest);
        } else if (is(k, "rt-prefix-length")) {
            length = clitext::trimmed(w.jvalue());
        } else if (is(k, "rt-entry")) {
            return w.rows([&] { return junosEntry(w); });
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
bool junosRoot(Walker &w, bool &sawRouteInfo)
{
    return w.fields([&](std::string_view k) {
        if (is(k, "multi-routing-engine-results")) {
            return w.firstRow([&] {
                return w.fields([&](std::string_view k2) {
                    if (!is(k2, "multi-routing-engine-item"))
                        return true;
                    return w.firstRow([&] { return junosRoot(w, sawRouteInfo); });
                });
            });
        }
        if (!is(k, "route-information") || sawRouteInfo)
            return true;
        sawRouteInfo = true;
        return w.firstRow([&] {
            return w.fields([&](std::string_view k2) {
                if (!is(k2, "route-table"))
                    return true;
                return w.rows([&] {
                    return w.fields([&](std::string_view k3) {
                        if (!is(k3, "rt"))
                            return true;
                        return w.rows([&] { return junosRt(w); });
                    });
                });
            });
        });
    });
}

// ---- FRR ----------------------------------------------------------------------------------

// One path of a prefix ("receivedRoutes": {"10.0.0.0/8": {...}} in 8.x; an array of paths in
// some versions).
bool frrPath(Walker &w, std::string_view key)
{
    RouteRecord &r = w.out().emplace_back();
    static const QString bgp = QStringLiteral("bgp");
    r.protocol = bgp;
    std::string_view network;
    const bool ok = w.fields([&](std::string_view k) {
        if (is(k, "network")) {
            network = w.str();
        } else if (is(k, "nextHop")) {
            if (auto nh = addressscan::address(w.str()))
                r.nextHop = *nh;
        } else if (is(k, "path")) {
            w.setPath(w.str());
        } else if (is(k, "locPrf")) {
            r.localPref = w.integer();
        } else if (is(k, "metric")) {
            r.med = w.integer();
        } else if (is(k, "bgpOriginCode")) {
            const std::string_view o = clitext::trimmed(w.str());
            r.origin = o.size() == 1 ? nxOrigin(o) : routeOriginFromName(clitext::toQString(o));
        } else if (is(k, "appliedStatusSymbols")) {
            return w.fields([&](std::string_view k2) {
                if (is(k2, ">"))
                    w.boolean(r.best);
                else if (is(k2, "*"))
                    w.boolean(r.valid);
                return true;
            });
        }
        return true;
    });
    if (!ok)
        return false;
    const std::string_view text = network.empty() ? key : network;
    const auto prefix = addressscan::prefix(text);
    if (!prefix)
        return w.refuse(QStringLiteral("route \"%1\" has no prefix").arg(clitext::toQString(key)));
    r.prefix = *prefix;
    return true;
}

// True when the document's root is an object (the cursor then at it); else refuses.
bool rootObject(Walker &w, const QString &missing)
{
    const Kind k = w.peek();
    if (k == Kind::Bad)
        return false;
    return k == Kind::Object || w.refuse(missing);
}

} // namespace

Result<RecordSet> RouteTableJson::eos(QueryKind kind, const QString &command, const QByteArray &text)
{
    Walker w(kind, command, text, "\"nextHop\"");
    if (!w.open())
        return w.finish();
    const QString noVrfs = QStringLiteral("it has no \"vrfs\" member");
    bool sawVrfs = false, sawVrf = false, sawEntries = false;
    if (rootObject(w, noVrfs)) {
        const bool ok = w.fields([&](std::string_view k) {
            if (!is(k, "vrfs"))
                return true;
            sawVrfs = true;
            return w.fields([&](std::string_view) {
                sawVrf = true;
                return w.fields([&](std::string_view k2) {
                    if (!is(k2, "bgpRouteEntries"))
                        return true;
                    sawEntries = true;
                    return eosEntries(w);
                });
            });
        });
        if (ok && !sawVrfs)
            w.refuse(noVrfs);
        else if (ok && sawVrf && !sawEntries) // a VRF answer without a route table is another command's output
            w.refuse(QStringLiteral("it has no \"bgpRouteEntries\" member"));
    }
    return w.finish();
}

Result<RecordSet> RouteTableJson::nxos(QueryKind kind, const QString &command, const QByteArray &text)
{
    Walker w(kind, command, text, "nexthop\""); // ipnexthop, ipv6nexthop
    if (!w.open())
        return w.finish();
    const QString noVrf = QStringLiteral("it has no TABLE_vrf");
    bool sawVrfTable = false;
    if (rootObject(w, noVrf) && nxWalk(w, true, sawVrfTable) && !sawVrfTable)
        w.refuse(noVrf);
    return w.finish();
}

Result<RecordSet> RouteTableJson::frr(QueryKind kind, const QString &command, const QByteArray &text)
{
    Walker w(kind, command, text, "\"nextHop\"");
    if (!w.open())
        return w.finish();
    const QString neither = QStringLiteral("neither \"receivedRoutes\" nor \"advertisedRoutes\"");
    bool sawTable = false, sawMember = false, sawWarning = false;
    QString warning;
    if (rootObject(w, neither)) {
        const bool ok = w.fields([&](std::string_view k) {
            sawMember = true;
            if ((is(k, "receivedRoutes") || is(k, "advertisedRoutes")) && !sawTable) {
                sawTable = true;
                return w.fields([&](std::string_view prefix) {
                    w.setContext(prefix);
                    return w.rows([&] { return frrPath(w, prefix); });
                });
            }
            if (is(k, "warning")) {
                sawWarning = true;
                warning = clitext::toQString(w.str());
            }
            return true;
        });
        if (ok && !sawTable && sawMember && !sawWarning) // FRR prints {} for a neighbor with nothing to show
            w.refuse(neither);
    }
    Result<RecordSet> set = w.finish();
    if (set && !sawTable && sawWarning)
        return Error(ErrorCode::UnsupportedQuery,
                     QStringLiteral("FRR cannot list these routes: %1. Received routes need "
                                    "\"soft-reconfiguration inbound\" on the neighbor.")
                         .arg(warning));
    return set;
}

Result<RecordSet> RouteTableJson::junos(QueryKind kind, const QString &command, const QByteArray &text)
{
    Walker w(kind, command, text, "\"as-path\"");
    if (!w.open())
        return w.finish();
    const QString noInfo = QStringLiteral("it has no route-information");
    bool sawRouteInfo = false;
    if (rootObject(w, noInfo) && junosRoot(w, sawRouteInfo) && !sawRouteInfo)
        w.refuse(noInfo);
    return w.finish();
}

} // namespace rl
