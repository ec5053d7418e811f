#include "engine/vendors/cisco/cisco_ios_parser.h"

#include "engine/vendors/common/address_scan.h"
#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/big_list.h"
#include "engine/vendors/common/string_interner.h"

#include <QRegularExpression>

#include <algorithm>
#include <cctype>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace rl {

using namespace clitext;

namespace {

// "10.0.0.2", "2001:db8::2", "FE80::2%GigabitEthernet0/0/1" (link-local with its interface)
std::optional<QString> neighborAddress(std::string_view text)
{
    const size_t pct = text.find('%');
    const auto a = IpAddress::parse(text.substr(0, pct));
    if (!a)
        return std::nullopt;
    QString s = a->toString();
    if (pct != std::string_view::npos)
        s += QLatin1Char('%') + latin1(text.substr(pct + 1));
    return s;
}

// Only prompt lines and blanks: the router printed nothing for the command.
bool nothingPrinted(const QByteArray &text)
{
    for (const Line &l : splitLines(text))
        if (!isBlank(l.text) && !isPromptLine(l.text))
            return false;
    return true;
}

QString afFromSection(std::string_view rest)
{
    // "IPv4 Unicast", "VPNv4 Unicast (VRF CUST)": the family is up to a '(' or ','.
    size_t cut = rest.find_first_of("(,");
    return CiscoIosParser::familyName(latin1(trimmed(rest.substr(0, cut))));
}

bool isStatusChar(char c)
{
    switch (c) {
    case ' ': case '*': case '>': case 'i': case 's': case 'd': case 'h': case 'r': case 'S': case 'm':
    case 'b': case 'f': case 'x': case 'a': case 'c': case 't': case 'L': case 'R': case 'V': case 'I':
    case 'N': case 'e': case '=': case '+':
        return true;
    default:
        return false;
    }
}

std::optional<IpPrefix> parseNetwork(std::string_view net)
{
    if (net.find('/') != std::string_view::npos || net.find(':') != std::string_view::npos)
        return IpPrefix::parse(net);
    // Classful networks print without a length on older IOS.
    const auto a = IpAddress::parse(net);
    if (!a || !a->isV4())
        return std::nullopt;
    if (net == "0.0.0.0")
        return IpPrefix(*a, 0); // the default route prints as a bare "0.0.0.0" too
    const quint8 first = a->bytes()[0];
    const quint8 len = first < 128 ? 8 : first < 192 ? 16 : 24;
    return IpPrefix(*a, len);
}

} // namespace

QString CiscoIosParser::familyName(QStringView text)
{
    QString s = text.trimmed().toString().toLower();
    s.replace(QLatin1Char(' '), QLatin1Char('-'));
    return s;
}

// ---- BGP summary ------------------------------------------------------------------------

// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<QList<BgpNeighborRecord>> CiscoIosParser::bgpSummary(const QByteArray &text, const QString &vrfIn,
                                                            const QString &afIn)
{
    const QString what = QStringLiteral("BGP summary");
    if (Error e = cliError(what, text))
        return e;
    QList<BgpNeighborRecord> out;
    QString vrf = vrfIn.isEmpty() ? QStringLiteral("default") : vrfIn;
    QString af = afIn.isEmpty() ? QStringLiteral("ipv4-unicast") : afIn;
    qint64 localAs = -1;
    bool inTable = false, sawSomething = false;
    std::string_view pendingNeighbor;
    Line pendingLine;
    std::vector<Token> tok;
    for (const Line &l : splitLines(text)) {
        const std::string_view s = l.text;
        const std::string_view t = trimmed(s);
        if (t.empty()) {
            if (!pendingNeighbor.empty())
                return lineError(what, pendingLine, QStringLiteral("a neighbor address without its counters; the output may be truncated"));
            inTable = false;
            continue;
        }
        if (isPromptLine(s)) {
            inTable = false;
            continue;
        }
        if (startsWith(t, "% BGP not active") || startsWith(t, "BGP not active") || startsWith(t, "% BGP instance")) {
            sawSomething = true;
            continue;
        }
        if (startsWith(t, "For address family:")) {
            af = afFromSection(t.substr(19));
            inTable = false, sawSomething = true;
            continue;
        }
        if (startsWith(t, "Address Family:")) {
            af = afFromSection(t.substr(15));
            inTable = false, sawSomething = true;
            continue;
        }
        if (startsWith(t, "VRF:")) {
            vrf = latin1(trimmed(t.substr(4)));
            inTable = false, sawSomething = true;
            continue;
        }
        if (startsWith(t, "BGP router identifier") || startsWith(t, "BGP VRF ")) {
            // "BGP router identifier 10.0.0.1, local AS number 65000.100"
            const size_t at = t.find("local AS number");
            if (at != std::string_view::npos) {
                std::string_view asText = trimmed(t.substr(at + 15));
                asText = asText.substr(0, asText.find_first_of(", "));
                localAs = parseAsn(asText).value_or(-1);
            }
            if (startsWith(t, "BGP VRF ")) { // IOS-XR: "BGP VRF CUST, state: Active"
                std::string_view name = t.substr(8);
                vrf = latin1(trimmed(name.substr(0, name.find(','))));
            }
            inTable = false, sawSomething = true;
            continue;
        }
        if (startsWith(t, "Neighbor") && contains(t, "AS") && contains(t, "MsgRcvd")) {
            inTable = true, sawSomething = true;
            continue;
        }
        if (!inTable)
            continue; // banners, table versions, memory lines, "Process RcvTblVer" tables...

        tokenize(s, tok);
        if (tok.size() == 1 && pendingNeighbor.empty() && neighborAddress(tok[0].text)) {
            pendingNeighbor = tok[0].text; // long IPv6 neighbor: counters on the next line
            pendingLine = l;
            continue;
        }
        std::string_view neighbor;
        size_t i = 0;
        if (!pendingNeighbor.empty()) {
            neighbor = pendingNeighbor;
            pendingNeighbor = {};
        } else {
            neighbor = tok[0].text;
            i = 1;
        }
        if (tok.size() < i + 9)
            return lineError(what, l, QStringLiteral("the neighbor row has too few columns; the output may be truncated"));
        const auto address = neighborAddress(neighbor);
        if (!address || !isDigits(tok[i].text))
            return lineError(what, l, QStringLiteral("expected a neighbor address and BGP version"));
        BgpNeighborRecord r;
        r.vrf = vrf;
        r.addressFamily = af;
        r.neighbor = *address;
        r.localAs = localAs;
        const auto remoteAs = parseAsn(tok[i + 1].text);
        if (!remoteAs)
            return lineError(what, l, QStringLiteral("\"%1\" is not an AS number").arg(latin1(tok[i + 1].text)));
        r.remoteAs = *remoteAs;
        for (size_t k = i + 2; k < i + 7; ++k) {
            if (!isDigits(tok[k].text))
                return lineError(what, l, QStringLiteral("expected message and queue counters"));
        }
        const auto up = parseDuration(tok[i + 7].text);
        if (!up)
            return lineError(what, l, QStringLiteral("\"%1\" is not an up/down time").arg(latin1(tok[i + 7].text)));
        r.uptimeSeconds = *up;
        const std::string_view stateText = trimmed(s.substr(size_t(tok[i + 8].column)));
        if (isDigits(stateText)) {
            r.state = BgpState::Established;
            r.stateDetail = QStringLiteral("Established");
            r.prefixesReceived = *toInt(stateText);
        } else {
            r.stateDetail = latin1(stateText);
            r.state = bgpStateFromName(r.stateDetail);
            // "(NoNeg)": the session is up but this family was not negotiated with the neighbor
            if (r.state == BgpState::Unknown && !startsWith(stateText, "NoNeg") && !startsWith(stateText, "(NoNeg)"))
                return lineError(what, l, QStringLiteral("\"%1\" is not a BGP state").arg(r.stateDetail));
            r.adminEnabled = !contains(stateText, "Admin");
        }
        out.append(std::move(r));
    }
    if (!pendingNeighbor.empty())
        return lineError(what, pendingLine, QStringLiteral("a neighbor address without its counters; the output may be truncated"));
    if (!sawSomething)
        return formatError(what, text, QStringLiteral("it has no neighbor table and no BGP router identifier"));
    return out;
}

// ---- BGP table --------------------------------------------------------------------------

namespace {

struct TableColumns {
    int net = -1, nextHop = -1, metricEnd = -1, locPrfEnd = -1, weightEnd = -1, path = -1;
};

bool readHeader(std::string_view s, TableColumns &c)
{
    const size_t net = s.find("Network"), nh = s.find("Next Hop"), path = s.rfind("Path");
    if (net == std::string_view::npos || nh == std::string_view::npos || path == std::string_view::npos)
        return false;
    c.net = int(net);
    c.nextHop = int(nh);
    c.path = int(path);
    const size_t m = s.find("Metric"), lp = s.find("LocPrf"), w = s.find("Weight");
    c.metricEnd = m == std::string_view::npos ? -1 : int(m + 6);
    c.locPrfEnd = lp == std::string_view::npos ? -1 : int(lp + 6);
    c.weightEnd = w == std::string_view::npos ? -1 : int(w + 6);
    return true;
}

} // namespace

namespace {

// The table reader below is the hot path of a full Internet table (a million rows): one pass
// over the bytes, a cursor instead of tokens, addresses and numbers read in place.

// The first position from p that is (toBlank) or is not (!toBlank) a space or tab; the
// fixed-width columns are mostly padding, so 16 bytes at a time.
inline const char *skip(const char *p, const char *end, bool toBlank)
{
#ifdef __SSE2__
    const __m128i space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        unsigned blank = unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, tab))));
        if (!toBlank)
            blank = ~blank & 0xffffu;
        if (blank)
            return p + __builtin_ctz(blank);
    }
#endif
    while (p < end && ((*p == ' ' || *p == '\t') != toBlank))
        ++p;
    return p;
}
inline const char *skipBlanks(const char *p, const char *end) { return skip(p, end, false); }
// Tokens between the columns are short: a plain loop beats the block compare.
inline const char *tokenEnd(const char *p, const char *end)
{
    while (p < end && *p != ' ' && *p != '\t')
        ++p;
    return p;
}

inline std::optional<IpAddress> address(const char *p, const char *end)
{
    return addressscan::address(std::string_view(p, size_t(end - p)));
}

inline std::optional<IpPrefix> network(const char *p, const char *end)
{
    const std::string_view text(p, size_t(end - p));
    if (std::memchr(p, '/', text.size()))
        return addressscan::prefix(text);
    return parseNetwork(text); // classful, without a length
}

// A weight, metric or local preference: digits only.
inline bool decimal(const char *p, const char *end, qint64 &out)
{
    if (p == end || end - p > 18)
        return false;
    qint64 v = 0;
    for (; p != end; ++p) {
        if (unsigned(*p - '0') > 9)
            return false;
        v = v * 10 + (*p - '0');
    }
    out = v;
    return true;
}

// How many columns the network may start right or left of the header's Network column.
constexpr int kNetworkSlack = 3;

// Rows a table will hold, from a cheap pass: lines with something left of the Network column
// (status codes) start a route; continuation lines of wrapped rows are blank there.
qsizetype countRouteRows(const char *p, const char *end, int netColumn)
{
    qsizetype rows = 0;
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *e = nl ? nl : end;
        const char *stop = std::min(e, p + netColumn);
        for (const char *c = p; c < stop; ++c) {
            if (*c != ' ') {
                ++rows;
                break;
            }
        }
        p = nl ? nl + 1 : end;
    }
    return rows;
}

} // namespace

// Long on purpose: the full-table hot path bench/parsers measures: one loop, its state in locals.
Result<QList<RouteRecord>> CiscoIosParser::bgpTable(const QByteArray &text)
{
    const QString what = QStringLiteral("BGP table");
    if (Error e = cliError(what, text))
        return e;
    QList<RouteRecord> out;
    StringInterner paths;
    auto setPath = [&out](quint32 row, const QString &path) { out[row].asPath = path; };
    TableColumns cols;
    bool inTable = false, sawSomething = false, reserved = false;
    bool headerSeen = false, xrBanner = false, countedEmpty = false;

    // A row may wrap over up to three lines (long IPv6 network, then long next hop); the
    // record being filled is the list's last one.
    enum class Need { Nothing, NextHop, Attributes } need = Need::Nothing;
    IpPrefix lastPrefix;
    Line rowLine;

    // Metric, local preference, weight, AS path and origin, from p to the line's end.
    auto attributes = [&](const Line &l, const char *p) -> Error {
        RouteRecord &row = out.last();
        const char *begin = l.text.data(), *end = begin + l.text.size();
        // Numeric fields sit left of the Path column, right-aligned under their headers.
        qint64 found[3];
        int starts[3];
        int n = 0;
        int shift = 0; // a metric wider than its column pushes the rest right, as printf does
        for (;;) {
            p = skipBlanks(p, end);
            if (p == end)
                return lineError(what, l, QStringLiteral("the route has no origin code; the output may be truncated"));
            const int column = int(p - begin);
            if (column >= cols.path + shift)
                break;
            const char *e = tokenEnd(p, end);
            const int tokEnd = int(e - begin);
            if (n == 0 && tokEnd > cols.metricEnd && column < cols.locPrfEnd - 6)
                shift = tokEnd - cols.metricEnd;
            qint64 v;
            if (n == 3 || !decimal(p, e, v))
                return lineError(what, l, QStringLiteral("\"%1\" is not a metric, local preference or weight").arg(latin1(std::string_view(p, size_t(e - p)))));
            starts[n] = column;
            found[n++] = v;
            p = e;
        }
        // Weight is always printed; metric and local preference only when set. Two numbers:
        // a wide metric may overflow its column to the left, so tell them apart by where
        // the first one starts.
        if (n == 3) {
            row.med = found[0], row.localPref = found[1];
        } else if (n == 2) {
            (starts[0] < cols.locPrfEnd - 6 ? row.med : row.localPref) = found[0];
        }
        // The origin code is the line's last token; the AS path everything between.
        const char *lastEnd = end;
        while (lastEnd > p && (lastEnd[-1] == ' ' || lastEnd[-1] == '\t'))
            --lastEnd;
        const char o = lastEnd[-1];
        if ((o != 'i' && o != 'e' && o != '?') || (lastEnd - 1 > p && lastEnd[-2] != ' ' && lastEnd[-2] != '\t'))
            return lineError(what, l, QStringLiteral("the route has no origin code; the output may be truncated"));
        row.origin = o == 'i' ? RouteOrigin::Igp : o == 'e' ? RouteOrigin::Egp : RouteOrigin::Incomplete;
        const char *pathEnd = lastEnd - 1;
        while (pathEnd > p && (pathEnd[-1] == ' ' || pathEnd[-1] == '\t'))
            --pathEnd;
        if (pathEnd > p)
            paths.push(std::string_view(p, size_t(pathEnd - p)), quint32(out.size() - 1), setPath);
        need = Need::Nothing;
        return {};
    };

    // The next hop at p, then the attributes when the line goes on.
    auto nextHop = [&](const Line &l, const char *p) -> Error {
        const char *end = l.text.data() + l.text.size();
        quint32 v4;
        const char *e = p;
        if (addressscan::addressAt(e, end, v4)) {
            out.last().nextHop = IpAddress::fromV4(v4);
            p = skipBlanks(e, end);
            if (p == end) {
                need = Need::Attributes;
                return {};
            }
            return attributes(l, p);
        }
        e = tokenEnd(p, end);
        const auto nh = address(p, e);
        if (!nh)
            return lineError(what, l, QStringLiteral("\"%1\" is not a next hop").arg(latin1(std::string_view(p, size_t(e - p)))));
        out.last().nextHop = *nh;
        p = skipBlanks(e, end);
        if (p == end) {
            need = Need::Attributes;
            return {};
        }
        return attributes(l, p);
    };

    const char *cursor = text.constData(), *const textEnd = cursor + text.size();
    Line l;
    int lineNumber = 0;
    while (cursor < textEnd) {
        const char *nl = static_cast<const char *>(std::memchr(cursor, '\n', size_t(textEnd - cursor)));
        const char *lineEnd = nl ? nl : textEnd;
        const char *begin = cursor;
        cursor = nl ? nl + 1 : textEnd;
        while (lineEnd > begin && lineEnd[-1] == '\r')
            --lineEnd;
        l.text = std::string_view(begin, size_t(lineEnd - begin));
        l.number = ++lineNumber;
        const std::string_view s = l.text;
        if (!inTable) {
            if (readHeader(s, cols)) {
                inTable = true, sawSomething = true, headerSeen = true;
                if (!reserved) {
                    // Sized once from a cheap count: growing by doubling would copy the
                    // records and leave up to half the capacity unused.
                    out.reserve(countRouteRows(cursor, textEnd, cols.net));
                    adviseHugePages(out);
                    reserved = true;
                }
            } else if (!headerSeen) {
                // The banner before the table. A neighbor with no routes prints only the banner
                // (IOS: nothing more, or "Total number of prefixes 0"; IOS-XR: its longer banner
                // closed by "Processed 0 prefixes, 0 paths"): an empty table, not an error.
                const std::string_view t = trimmed(s);
                if (startsWith(t, "BGP table version") || startsWith(t, "Status codes:") || startsWith(t, "Origin codes:")) {
                    sawSomething = true;
                } else if (startsWith(t, "BGP router identifier") || startsWith(t, "BGP main routing table version")) {
                    xrBanner = true;
                } else if (startsWith(t, "Processed ") || startsWith(t, "Total number of prefixes")) {
                    const std::string_view count = trimmed(t.substr(startsWith(t, "Processed ") ? 10 : 24));
                    if (!startsWith(count, "0 ") && count != "0")
                        return lineError(what, l, QStringLiteral("routes are counted but no \"Network  Next Hop\" table came before; the output may be truncated"));
                    sawSomething = true, countedEmpty = true;
                }
            }
            continue;
        }
        const char *first = skipBlanks(begin, lineEnd);
        if (first == lineEnd) {
            if (need != Need::Nothing)
                return lineError(what, rowLine, QStringLiteral("the route continues on no further line; the output may be truncated"));
            continue;
        }
        if (need == Need::NextHop) {
            if (first - begin < cols.net)
                return lineError(what, l, QStringLiteral("expected the next hop of the route above"));
            if (Error e = nextHop(l, first))
                return e;
            continue;
        }
        if (need == Need::Attributes) {
            if (first - begin < cols.nextHop)
                return lineError(what, l, QStringLiteral("expected the attributes of the route above"));
            if (Error e = attributes(l, first))
                return e;
            continue;
        }
        const char c0 = s[0];
        if (c0 != ' ' && c0 != '*' && isPromptLine(s)) {
            inTable = false;
            continue;
        }
        if (c0 != ' ' && !isStatusChar(c0)) {
            const std::string_view t = trimmed(s);
            if (startsWith(t, "Total number of prefixes") || startsWith(t, "Processed ")) {
                inTable = false;
                continue;
            }
            if (startsWith(t, "Route Distinguisher:") || startsWith(t, "Network ") || startsWith(t, "BGP table version"))
                continue;
            return lineError(what, l, QStringLiteral("expected a route row"));
        }
        if (*first == 'R' && startsWith(std::string_view(first, size_t(lineEnd - first)), "Route Distinguisher:"))
            continue;
        // A new row: status codes left of the Network column (touching it on older IOS:
        // "*>i10.0.0.0/8"), the network at the column or blank for another path of the last.
        // IOS-XE 16/17 widen the status field (RPKI, path type), so the network may start a few
        // columns right of the header's Network, or left of it; the aligned layout stays the
        // straight path: one look at the Network column.
        const char *netAt = begin + std::min<size_t>(s.size(), size_t(cols.net));
        bool valid = false, best = false;
        for (const char *c = begin; c < netAt; ++c) {
            if (!isStatusChar(*c)) {
                if (c - begin < cols.net - kNetworkSlack || (*c != ':' && unsigned(*c - '0') > 9))
                    return lineError(what, l, QStringLiteral("unexpected status code '%1'").arg(QLatin1Char(*c)));
                netAt = c; // the network starts left of the column
                break;
            }
            valid = valid || *c == '*' || *c == '>';
            best = best || *c == '>';
        }
        // An IPv6 network starting left of the column may begin with hex letters that read
        // like status codes ("fd00::/8"): back over them when a blank precedes them (codes
        // touching the network, "*>a2001:...", stay codes).
        if (netAt > begin && netAt < lineEnd && std::isxdigit(static_cast<unsigned char>(netAt[-1])) && *netAt != ' ') {
            const char *e = tokenEnd(netAt, lineEnd);
            if (std::memchr(netAt, ':', size_t(e - netAt))) {
                const char *start = netAt;
                while (start > begin && start - begin > cols.net - kNetworkSlack && std::isxdigit(static_cast<unsigned char>(start[-1])))
                    --start;
                if (start == begin || start[-1] == ' ' || start[-1] == '\t')
                    netAt = start;
            }
        }
        rowLine = l;
        const char *p = netAt;
        if (p < lineEnd && (*p == ' ' || *p == '\t')) {
            // Blank at the column: the network a few columns right, or no network (another
            // path of the last one) and the next hop far right under its header.
            const char *q = skipBlanks(p, lineEnd);
            if (q < lineEnd && q - p <= kNetworkSlack && q - begin < cols.nextHop - kNetworkSlack)
                p = q;
        }
        if (p < lineEnd && *p != ' ' && *p != '\t') {
            // Nearly every row: an IPv4 prefix, read without finding its end first.
            if (!addressscan::prefixAt(p, lineEnd, lastPrefix)) {
                const char *e = tokenEnd(p, lineEnd);
                const auto prefix = network(p, e);
                if (!prefix)
                    return lineError(what, l, QStringLiteral("\"%1\" is not a network").arg(latin1(std::string_view(p, size_t(e - p)))));
                lastPrefix = *prefix;
                p = e;
            }
        } else if (lastPrefix.isNull()) {
            return lineError(what, l, QStringLiteral("a path row without a network above it"));
        }
        RouteRecord &row = out.emplace_back();
        row.prefix = lastPrefix;
        row.valid = valid;
        row.best = best;
        p = skipBlanks(p, lineEnd);
        if (p == lineEnd) {
            need = Need::NextHop;
            continue;
        }
        if (Error e = nextHop(l, p))
            return e;
    }
    if (need != Need::Nothing)
        return lineError(what, rowLine, QStringLiteral("the last route is cut short; the output may be truncated"));
    // The IOS-XR banner always ends with its count line: without it the output was cut short.
    if (xrBanner && !headerSeen && !countedEmpty)
        return formatError(what, text, QStringLiteral("it has the BGP banner but neither a \"Network  Next Hop\" table nor a \"Processed\" count; the output may be truncated"));
    if (!sawSomething && !text.trimmed().isEmpty()) {
        // An empty table prints nothing at all on IOS; anything else must be a table.
        bool onlyPrompts = true;
        LineReader again(text);
        while (onlyPrompts && again.next(l))
            onlyPrompts = isBlank(l.text) || isPromptLine(l.text) || startsWith(trimmed(l.text), "Total number of prefixes 0");
        if (!onlyPrompts)
            return formatError(what, text, QStringLiteral("it has no \"Network  Next Hop\" header"));
    }
    paths.flush(setPath);
    return out;
}

// ---- show version -----------------------------------------------------------------------

namespace {

qint64 wordsUptime(QStringView text)
{
    // "1 year, 3 weeks, 2 days, 4 hours, 5 minutes"
    static const QRegularExpression part(QStringLiteral("(\\d+)\\s+(year|week|day|hour|minute|second)s?"));
    qint64 total = 0;
    bool any = false;
    auto it = part.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const qint64 n = m.captured(1).toLongLong();
        const QString unit = m.captured(2);
        total += n * (unit == u"year" ? 365 * 86400 : unit == u"week" ? 7 * 86400 : unit == u"day" ? 86400
                      : unit == u"hour" ? 3600 : unit == u"minute" ? 60 : 1);
        any = true;
    }
    return any ? total : -1;
}

} // namespace

Result<FactsRecord> CiscoIosParser::version(const QByteArray &text)
{
    const QString what = QStringLiteral("show version");
    if (Error e = cliError(what, text))
        return e;
    FactsRecord f;
    f.vendor = QStringLiteral("Cisco");
    f.platform = QStringLiteral("cisco-ios");
    static const QRegularExpression ver(QStringLiteral("Version ([^ ,]+)"));
    static const QRegularExpression uptime(QStringLiteral("^(\\S+) uptime is (.*)$"));
    static const QRegularExpression model(QStringLiteral("^[Cc]isco (\\S+) .*(?:processor|bytes of memory)"));
    for (const Line &l : splitLines(text)) {
        const QString s = toQString(trimmed(l.text));
        if (f.osVersion.isEmpty() && (s.startsWith(u"Cisco IOS") || s.startsWith(u"IOS (tm)") || s.startsWith(u"Cisco Internetwork"))) {
            if (auto m = ver.match(s); m.hasMatch())
                f.osVersion = m.captured(1);
        } else if (auto m = uptime.match(s); m.hasMatch() && f.uptimeSeconds < 0) {
            if (m.captured(1) != u"System")
                f.hostname = m.captured(1);
            f.uptimeSeconds = wordsUptime(m.captured(2));
        } else if (auto mm = model.match(s); mm.hasMatch() && f.model.isEmpty()) {
            f.model = mm.captured(1);
        } else if (s.startsWith(u"Processor board ID ")) {
            f.serial = s.mid(19).section(QLatin1Char(' '), 0, 0);
        }
    }
    if (f.osVersion.isEmpty())
        return formatError(what, text, QStringLiteral("no \"Cisco IOS ... Version\" line was found"));
    return f;
}

// ---- show interfaces --------------------------------------------------------------------

namespace {

struct IfBlock {
    InterfaceRecord rec;
    VlanRecord vlan;
    bool tagged = false;
    qint64 unknownProtocolDrops = -1;
};

LinkState stateWord(QStringView w)
{
    if (w.startsWith(u"administratively down"))
        return LinkState::AdminDown;
    if (w.startsWith(u"up"))
        return LinkState::Up;
    if (w.startsWith(u"down"))
        return LinkState::Down;
    if (w.startsWith(u"testing"))
        return LinkState::Testing;
    if (w.startsWith(u"dormant"))
        return LinkState::Dormant;
    if (w.startsWith(u"deleted"))
        return LinkState::NotPresent;
    return LinkState::Unknown;
}

Result<QList<IfBlock>> readInterfaces(const QByteArray &text)
{
    const QString what = QStringLiteral("show interfaces");
    if (Error e = cliError(what, text))
        return e;
    // "GigabitEthernet0/0/0 is up, line protocol is up (connected)"
    static const QRegularExpression head(QStringLiteral("^(\\S+) is ([a-z ]+?),\\s+line protocol is ([a-z ]+)"));
    static const QRegularExpression encap(QStringLiteral(
        "Encapsulation (802\\.1Q|QinQ|dot1q|Dot1Q)[^,]*(?:,\\s*(?:Vlan ID|VLAN Id|outer ID|Outer Match:[^0-9]*)\\s*(\\d+))?"
        "(?:[^0-9]*(?:inner ID|Second-dot1q)\\s*(\\d+))?"));
    QList<IfBlock> out;
    bool sawHeader = false;
    for (const Line &l : splitLines(text)) {
        const std::string_view s = l.text;
        if (isBlank(s) || isPromptLine(s))
            continue;
        if (s[0] != ' ') {
            const QString q = toQString(trimmed(s));
            const auto m = head.match(q);
            if (!m.hasMatch()) {
                if (!sawHeader)
                    continue; // banner before the first interface
                return lineError(what, l, QStringLiteral("expected \"<interface> is <state>, line protocol is <state>\""));
            }
            sawHeader = true;
            IfBlock b;
            b.rec.name = m.captured(1);
            const LinkState admin = stateWord(m.captured(2));
            b.rec.adminState = admin == LinkState::AdminDown ? LinkState::AdminDown : LinkState::Up;
            b.rec.operState = admin == LinkState::AdminDown ? LinkState::Down : stateWord(m.captured(3));
            out.append(b);
            continue;
        }
        if (out.isEmpty())
            continue;
        IfBlock &b = out.last();
        InterfaceRecord &r = b.rec;
        const std::string_view t = trimmed(s);
        if (startsWith(t, "Description:")) {
            r.description = toQString(trimmed(t.substr(12)));
        } else if (startsWith(t, "Hardware is") || contains(t, "address is")) {
            const size_t at = t.find("address is ");
            if (at != std::string_view::npos && r.mac.isEmpty()) {
                std::string_view m = t.substr(at + 11);
                r.mac = normalizeMac(latin1(m.substr(0, m.find_first_of(" ,("))));
            }
        } else if (startsWith(t, "MTU ")) {
            r.mtu = numberAfter(t, "MTU");
            const qint64 bw = numberAfter(t, "BW");
            if (bw >= 0)
                r.speedBps = bw * 1000; // BW is in Kbit/s
        } else if (startsWith(t, "Encapsulation")) {
            const auto m = encap.match(toQString(t));
            if (m.hasMatch() && !m.captured(2).isEmpty()) {
                b.tagged = true;
                b.vlan.vlanId = m.captured(2).toLongLong();
                if (!m.captured(3).isEmpty()) {
                    b.vlan.innerVlanId = m.captured(3).toLongLong();
                    b.vlan.encapsulation = QStringLiteral("qinq");
                } else {
                    b.vlan.encapsulation = m.captured(1).startsWith(u"QinQ") ? QStringLiteral("qinq") : QStringLiteral("dot1q");
                }
            }
        } else if (startsWith(t, "Input queue:")) {
            // "Input queue: 0/375/12/0 (size/max/drops/flushes); Total output drops: 5"
            const std::string_view q = trimmed(t.substr(12));
            const auto parts = trimmed(q.substr(0, q.find(' ')));
            size_t p1 = parts.find('/'), p2 = parts.find('/', p1 + 1), p3 = parts.find('/', p2 + 1);
            if (p1 != std::string_view::npos && p2 != std::string_view::npos && p3 != std::string_view::npos)
                r.inDiscards = toInt(parts.substr(p2 + 1, p3 - p2 - 1)).value_or(-1);
            r.outDiscards = numberAfter(t, "Total output drops:");
        } else if (contains(t, "packets input")) {
            r.inPackets = numberBefore(t, "packets input");
            if (contains(t, "total input drops")) // IOS-XR
                r.inDiscards = numberBefore(t, "total input drops");
        } else if (contains(t, "packets output")) {
            r.outPackets = numberBefore(t, "packets output");
            if (contains(t, "total output drops"))
                r.outDiscards = numberBefore(t, "total output drops");
        } else if (contains(t, "input errors")) {
            r.inErrors = numberBefore(t, "input errors");
            r.crcErrors = numberBefore(t, "CRC");
        } else if (contains(t, "output errors")) {
            r.outErrors = numberBefore(t, "output errors");
        } else if (contains(t, "unknown protocol drops")) {
            b.unknownProtocolDrops = numberBefore(t, "unknown protocol drops");
        } else if (contains(t, "drops for unrecognized upper-level protocol")) { // IOS-XR
            b.unknownProtocolDrops = numberBefore(t, "drops for unrecognized upper-level protocol");
        } else if (startsWith(t, "Last link flapped")) { // IOS-XR
            r.lastChangeSeconds = parseDuration(trimmed(t.substr(17))).value_or(-1);
        } else if (startsWith(t, "Total input drops")) {
            r.inDiscards = numberAfter(t, "Total input drops");
        }
    }
    if (!sawHeader && !text.trimmed().isEmpty())
        return formatError(what, text, QStringLiteral("no \"<interface> is up, line protocol is up\" line was found"));
    return out;
}

} // namespace

Result<QList<InterfaceRecord>> CiscoIosParser::interfaces(const QByteArray &text)
{
    auto blocks = readInterfaces(text);
    if (!blocks)
        return blocks.error();
    QList<InterfaceRecord> out;
    for (const IfBlock &b : *blocks)
        out.append(b.rec);
    return out;
}

Result<QList<VlanRecord>> CiscoIosParser::vlans(const QByteArray &text)
{
    auto blocks = readInterfaces(text);
    if (!blocks)
        return blocks.error();
    // The parent counts frames no subinterface accepted ("unknown protocol drops"); each
    // subinterface shows its parent's figure, as that is where a wrong tag ends up.
    QHash<QString, qint64> parentDrops;
    for (const IfBlock &b : *blocks)
        if (!b.rec.name.contains(QLatin1Char('.')))
            parentDrops.insert(b.rec.name, b.unknownProtocolDrops);
    QList<VlanRecord> out;
    for (const IfBlock &b : *blocks) {
        if (!b.tagged)
            continue;
        VlanRecord v = b.vlan;
        v.interfaceName = b.rec.name;
        v.parentInterface = b.rec.name.section(QLatin1Char('.'), 0, 0);
        v.operState = b.rec.operState;
        v.inPackets = b.rec.inPackets;
        v.outPackets = b.rec.outPackets;
        v.unknownTagDrops = parentDrops.value(v.parentInterface, -1);
        v.otherDrops = b.rec.inDiscards;
        out.append(v);
    }
    return out;
}

// ---- ARP and IPv6 neighbors -------------------------------------------------------------

Result<QList<ArpRecord>> CiscoIosParser::arp(const QByteArray &text, const QString &vrf)
{
    const QString what = QStringLiteral("show ip arp");
    if (Error e = cliError(what, text))
        return e;
    QList<ArpRecord> out;
    bool inTable = false;
    std::vector<Token> tok;
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (t.empty() || isPromptLine(l.text))
            continue;
        if (startsWith(t, "Protocol") && contains(t, "Hardware Addr")) {
            inTable = true;
            continue;
        }
        if (!inTable)
            continue;
        tokenize(t, tok);
        if (tok.size() < 5 || tok[0].text != "Internet")
            return lineError(what, l, QStringLiteral("expected \"Internet <address> <age> <mac> <type> <interface>\""));
        ArpRecord r;
        r.vrf = vrf.isEmpty() ? QStringLiteral("default") : vrf;
        const auto ip = IpAddress::parse(tok[1].text);
        if (!ip)
            return lineError(what, l, QStringLiteral("\"%1\" is not an address").arg(latin1(tok[1].text)));
        r.ip = ip->toString();
        if (tok[2].text == "-") {
            r.state = NeighborState::Permanent; // the router's own address
        } else if (const auto age = toInt(tok[2].text)) {
            r.ageSeconds = *age * 60;
            r.state = NeighborState::Complete;
        } else {
            return lineError(what, l, QStringLiteral("\"%1\" is not an age in minutes").arg(latin1(tok[2].text)));
        }
        if (tok[3].text == "Incomplete") {
            r.state = NeighborState::Incomplete;
        } else {
            r.mac = normalizeMac(latin1(tok[3].text));
            if (r.mac.isEmpty())
                return lineError(what, l, QStringLiteral("\"%1\" is not a MAC address").arg(latin1(tok[3].text)));
        }
        if (tok.size() >= 6)
            r.interfaceName = latin1(tok[5].text);
        out.append(r);
    }
    if (!inTable && !text.trimmed().isEmpty()) {
        bool onlyPrompts = true;
        for (const Line &l : splitLines(text))
            onlyPrompts = onlyPrompts && (isBlank(l.text) || isPromptLine(l.text));
        if (!onlyPrompts)
            return formatError(what, text, QStringLiteral("it has no \"Protocol Address Age\" header"));
    }
    return out;
}

Result<QList<ArpRecord>> CiscoIosParser::ipv6Neighbors(const QByteArray &text, const QString &vrf)
{
    const QString what = QStringLiteral("show ipv6 neighbors");
    if (Error e = cliError(what, text))
        return e;
    QList<ArpRecord> out;
    bool inTable = false;
    std::vector<Token> tok;
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (t.empty() || isPromptLine(l.text))
            continue;
        if (startsWith(t, "IPv6 Address") && contains(t, "Link-layer")) {
            inTable = true;
            continue;
        }
        if (!inTable)
            continue;
        tokenize(t, tok);
        if (tok.size() < 4)
            return lineError(what, l, QStringLiteral("expected \"<address> <age> <link-layer address> <state> <interface>\""));
        const auto ip = IpAddress::parse(tok[0].text);
        if (!ip)
            return lineError(what, l, QStringLiteral("\"%1\" is not an IPv6 address").arg(latin1(tok[0].text)));
        ArpRecord r;
        r.vrf = vrf.isEmpty() ? QStringLiteral("default") : vrf;
        r.ip = ip->toString();
        if (tok[1].text != "-") {
            const auto minutes = toInt(tok[1].text);
            if (minutes)
                r.ageSeconds = *minutes * 60; // IOS prints the age in minutes
        }
        size_t k = 2;
        if (tok[2].text == "-") {
            ++k; // no link-layer address yet
        } else {
            r.mac = normalizeMac(latin1(tok[2].text));
            ++k;
        }
        if (k < tok.size()) {
            const std::string_view st = tok[k].text;
            r.state = st == "REACH" ? NeighborState::Reachable : st == "STALE" ? NeighborState::Stale
                      : st == "DELAY" ? NeighborState::Delay : st == "PROBE" ? NeighborState::Probe
                      : st == "INCMP" ? NeighborState::Incomplete : neighborStateFromName(latin1(st));
            ++k;
        }
        if (k < tok.size())
            r.interfaceName = latin1(tok[k].text);
        out.append(r);
    }
    return out;
}

// ---- route lookup -----------------------------------------------------------------------

Result<QList<RouteRecord>> CiscoIosParser::routeLookup(const QByteArray &text)
{
    const QString what = QStringLiteral("route lookup");
    if (Error e = cliError(what, text))
        return e;
    QList<RouteRecord> out;
    RouteRecord base;
    bool inEntry = false, inPaths = false;
    static const QRegularExpression known(QStringLiteral("Known via \"([a-z0-9-]+)[^\"]*\"(?:, distance \\d+, metric (\\d+))?"));
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (t.empty() || isPromptLine(l.text))
            continue;
        if (startsWith(t, "% Network not in table") || startsWith(t, "% Subnet not in table") || startsWith(t, "% Route not found"))
            return out; // no route: an honest empty answer
        if (startsWith(t, "Routing entry for")) {
            std::string_view p = trimmed(t.substr(17));
            p = p.substr(0, p.find_first_of(" ,"));
            const auto prefix = parseNetwork(p);
            if (!prefix)
                return lineError(what, l, QStringLiteral("\"%1\" is not a prefix").arg(latin1(p)));
            base = RouteRecord();
            base.prefix = *prefix;
            inEntry = true, inPaths = false;
            continue;
        }
        if (!inEntry)
            continue;
        if (startsWith(t, "Known via")) {
            const auto m = known.match(toQString(t));
            if (m.hasMatch()) {
                base.protocol = m.captured(1);
                if (!m.captured(2).isEmpty())
                    base.med = m.captured(2).toLongLong();
            }
            continue;
        }
        if (startsWith(t, "Routing Descriptor Blocks") || startsWith(t, "Routing paths")) {
            inPaths = true;
            continue;
        }
        if (!inPaths)
            continue;
        // IPv4: "* 192.0.2.1, from 192.0.2.1, 1d02h ago" / "* directly connected, via Gi0/0/0"
        // IPv6: "2001:DB8::1" / "FE80::1, GigabitEthernet0/0/0" / "directly connected via Gi0/0/1"
        std::string_view p = t;
        bool star = false;
        if (startsWith(p, "* ")) {
            p = trimmed(p.substr(2));
            star = true;
        }
        RouteRecord r = base;
        if (startsWith(p, "directly connected")) {
            const size_t via = p.find("via ");
            if (via != std::string_view::npos)
                r.interfaceName = latin1(trimmed(p.substr(via + 4)));
            r.best = true;
            out.append(r);
            continue;
        }
        std::string_view first = p.substr(0, p.find_first_of(", "));
        const auto nh = IpAddress::parse(first);
        if (!nh)
            continue; // "Route metric is 0, traffic share count is 1", "MPLS label", "Last updated"...
        r.nextHop = *nh;
        const size_t via = p.find("via ");
        if (via != std::string_view::npos) {
            std::string_view v = trimmed(p.substr(via + 4));
            r.interfaceName = latin1(v.substr(0, v.find_first_of(", ")));
        } else if (const size_t comma = p.find(", "); comma != std::string_view::npos && !startsWith(p.substr(comma + 2), "from")) {
            std::string_view v = trimmed(p.substr(comma + 2));
            r.interfaceName = latin1(v.substr(0, v.find_first_of(", ")));
        }
        r.best = star || out.isEmpty();
        out.append(r);
    }
    if (!inEntry && !text.trimmed().isEmpty()) {
        bool onlyPrompts = true;
        for (const Line &l : splitLines(text))
            onlyPrompts = onlyPrompts && (isBlank(l.text) || isPromptLine(l.text));
        if (!onlyPrompts)
            return formatError(what, text, QStringLiteral("it has no \"Routing entry for\" line"));
    }
    if (inEntry && out.isEmpty()) {
        out.append(base); // an entry without readable paths still answers "which route"
    }
    return out;
}

// ---- LLDP -------------------------------------------------------------------------------

Result<QList<LldpNeighborRecord>> CiscoIosParser::lldpDetail(const QByteArray &text)
{
    const QString what = QStringLiteral("show lldp neighbors detail");
    if (Error e = cliError(what, text))
        return e;
    QList<LldpNeighborRecord> out;
    bool inMgmt = false, sawAny = false;
    auto value = [](std::string_view t, size_t at) { return toQString(trimmed(t.substr(at))); };
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (t.empty() || isPromptLine(l.text))
            continue;
        if (startsWith(t, "Local Intf:") || startsWith(t, "Local Interface:")) {
            LldpNeighborRecord r;
            r.localInterface = value(t, t.find(':') + 1);
            out.append(r);
            inMgmt = false, sawAny = true;
            continue;
        }
        if (startsWith(t, "Total entries displayed")) {
            // The summary table ends with the same count: entries counted but none read in
            // detail form is another form (or cut short), never "no neighbors".
            const auto n = toInt(trimmed(t.substr(t.find(':') + 1)));
            if (n && *n != out.size())
                return lineError(what, l, QStringLiteral("the router counts %1 entries but %2 \"Local Intf:\" entries were read; this may be the summary table or cut short").arg(*n).arg(out.size()));
            sawAny = true;
            continue;
        }
        if (out.isEmpty())
            continue;
        LldpNeighborRecord &r = out.last();
        if (startsWith(t, "Chassis id:"))
            r.remoteChassisId = value(t, 11);
        else if (startsWith(t, "Port id:"))
            r.remotePortId = value(t, 8);
        else if (startsWith(t, "Port Description:"))
            r.remotePortDescription = value(t, 17);
        else if (startsWith(t, "System Name:"))
            r.remoteSystemName = value(t, 12);
        else if (startsWith(t, "Enabled Capabilities:"))
            r.capabilities = value(t, 21);
        else if (startsWith(t, "Management Addresses") || startsWith(t, "Management Address"))
            inMgmt = true;
        else if (inMgmt && (startsWith(t, "IP:") || startsWith(t, "IPv4 address:") || startsWith(t, "IPV6:"))) {
            if (r.remoteMgmtAddress.isEmpty())
                r.remoteMgmtAddress = value(t, t.find(':') + 1);
        } else if (inMgmt && !startsWith(t, "IP") && t.find(':') != std::string_view::npos)
            inMgmt = false;
    }
    if (!sawAny && !text.trimmed().isEmpty()) {
        bool onlyPrompts = true;
        for (const Line &l : splitLines(text))
            onlyPrompts = onlyPrompts && (isBlank(l.text) || isPromptLine(l.text) || contains(l.text, "LLDP is not enabled"));
        if (!onlyPrompts)
            return formatError(what, text, QStringLiteral("it has no \"Local Intf:\" entry"));
    }
    return out;
}

// ---- transceivers -----------------------------------------------------------------------

// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<QList<OpticsRecord>> CiscoIosParser::transceiverDetail(const QByteArray &text)
{
    const QString what = QStringLiteral("show interfaces transceiver detail");
    if (Error e = cliError(what, text))
        return e;
    enum class Table { None, Temp, Voltage, Current, Tx, Rx } table = Table::None;
    // One record per port, or per port and lane when the tables have a Lane column (IOS XE 17:
    // "N/A" for a single-lane optic, 1-4 for a QSFP). Temperature is per module: every lane of
    // the port gets it.
    QList<OpticsRecord> out;
    QHash<QString, int> portOrder;
    QHash<QString, double> portTemp;
    bool inRows = false, sawForm = false, laneColumn = false;
    std::vector<Token> tok;
    auto recordFor = [&](const QString &port, qint64 lane) -> OpticsRecord & {
        if (!portOrder.contains(port))
            portOrder.insert(port, int(portOrder.size()));
        for (OpticsRecord &r : out)
            if (r.interfaceName == port && r.lane == lane)
                return r;
        // A lane's first row takes over the port's lane-less record (made by the temperature table).
        if (lane >= 0) {
            for (OpticsRecord &r : out)
                if (r.interfaceName == port && r.lane < 0) {
                    r.lane = lane;
                    return r;
                }
        }
        OpticsRecord r;
        r.interfaceName = port;
        r.lane = lane;
        out.append(r);
        return out.last();
    };
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (t.empty() || isPromptLine(l.text)) {
            continue;
        }
        if (startsWith(t, "mA: milliamperes") || startsWith(t, "Transceiver is") || startsWith(t, "ITU Channel"))
            sawForm = true; // the legend IOS prints even with no transceiver
        if (contains(t, "Threshold") || contains(t, "High Alarm")) {
            sawForm = true;
            if (contains(t, "Temperature")) table = Table::Temp;
            else if (contains(t, "Voltage")) table = Table::Voltage;
            else if (contains(t, "Current")) table = Table::Current;
            else if (contains(t, "Transmit") || contains(t, "Tx")) table = Table::Tx;
            else if (contains(t, "Receive") || contains(t, "Rx")) table = Table::Rx;
            inRows = false, laneColumn = false;
            continue;
        }
        if (startsWith(t, "Port") && contains(t, "(")) {
            laneColumn = contains(t, " Lane ");
            continue;
        }
        if (startsWith(t, "---")) {
            inRows = table != Table::None;
            continue;
        }
        if (!inRows || startsWith(t, "Port") || startsWith(t, "mA:") || startsWith(t, "A2D") || startsWith(t, "++")
            || startsWith(t, "If device") || startsWith(t, "ITU Channel") || startsWith(t, "Transceiver"))
            continue;
        tokenize(t, tok);
        qint64 lane = -1;
        size_t first = 1;
        if (laneColumn) {
            if (tok.size() < 2)
                return lineError(what, l, QStringLiteral("a transceiver row without its lane"));
            if (isDigits(tok[1].text))
                lane = *toInt(tok[1].text);
            else if (tok[1].text != "N/A" && tok[1].text != "n/a")
                return lineError(what, l, QStringLiteral("\"%1\" is not a lane").arg(latin1(tok[1].text)));
            first = 2;
        }
        std::vector<double> nums;
        for (size_t k = first; k < tok.size(); ++k) {
            const std::string_view v = tok[k].text;
            if (v == "+" || v == "++" || v == "-" || v == "--")
                continue; // alarm / warning flags beside the value
            if (v == "N/A" || v == "n/a") {
                nums.push_back(NAN);
                continue;
            }
            const auto d = toReal(v);
            if (!d)
                return lineError(what, l, QStringLiteral("\"%1\" is not a measurement").arg(latin1(v)));
            nums.push_back(*d);
        }
        if (nums.empty())
            return lineError(what, l, QStringLiteral("a transceiver row without a value"));
        const QString port = latin1(tok[0].text);
        auto thr = [&](size_t i) { return i < nums.size() ? nums[i] : NAN; };
        // Thresholds: high alarm, high warning, low warning, low alarm after the value.
        switch (table) {
        case Table::Temp:
            portTemp.insert(port, nums[0]);
            recordFor(port, -1).temperatureC = nums[0];
            break;
        case Table::Current: recordFor(port, lane).biasMa = nums[0]; break;
        case Table::Tx: {
            OpticsRecord &r = recordFor(port, lane);
            r.txPowerDbm = nums[0], r.txHighWarnDbm = thr(2), r.txLowWarnDbm = thr(3);
            break;
        }
        case Table::Rx: {
            OpticsRecord &r = recordFor(port, lane);
            r.rxPowerDbm = nums[0], r.rxHighWarnDbm = thr(2), r.rxLowWarnDbm = thr(3);
            break;
        }
        case Table::Voltage: case Table::None: break;
        }
    }
    if (!sawForm && !nothingPrinted(text))
        return formatError(what, text, QStringLiteral("it has no transceiver threshold table (\"High Alarm  High Warn  Low Warn  Low Alarm\")"));
    for (OpticsRecord &r : out)
        if (portTemp.contains(r.interfaceName))
            r.temperatureC = portTemp.value(r.interfaceName);
    std::stable_sort(out.begin(), out.end(), [&](const OpticsRecord &a, const OpticsRecord &b) {
        const int pa = portOrder.value(a.interfaceName), pb = portOrder.value(b.interfaceName);
        return pa != pb ? pa < pb : a.lane < b.lane;
    });
    return out;
}

} // namespace rl

namespace rl {

using namespace clitext;

// ---- BGP neighbors (detail) -------------------------------------------------------------

namespace {

size_t indentOf(std::string_view s)
{
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
        ++i;
    return i;
}

} // namespace

// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<QList<BgpNeighborRecord>> CiscoIosParser::bgpNeighbors(const QByteArray &text, const QString &vrfIn,
                                                              const QString &afIn)
{
    const QString what = QStringLiteral("show ip bgp neighbors");
    if (Error e = cliError(what, text))
        return e;
    const QString defaultVrf = vrfIn.isEmpty() ? QStringLiteral("default") : vrfIn;
    const QString defaultAf = afIn.isEmpty() ? QStringLiteral("ipv4-unicast") : afIn;
    QString outerAf = defaultAf; // "show bgp all neighbors" heads each family's neighbors with it

    struct Family {
        QString name;
        qint64 sent = -1, rcvd = -1;
    };
    QList<BgpNeighborRecord> out;
    BgpNeighborRecord cur;
    QList<Family> families;
    bool inNeighbor = false, adminShut = false, maxPrefix = false, sawState = false;
    size_t neighborIndent = 0;
    Line headLine;

    auto flush = [&]() -> Error {
        if (!inNeighbor)
            return {};
        if (!sawState)
            return lineError(what, headLine, QStringLiteral("the neighbor has no \"BGP state =\" line; the output may be truncated"));
        if (adminShut) {
            cur.adminEnabled = false;
            if (cur.stateDetail == u"Idle")
                cur.stateDetail = QStringLiteral("Idle (Admin)");
        } else if (maxPrefix && cur.stateDetail == u"Idle") {
            cur.stateDetail = QStringLiteral("Idle (PfxCt)");
        }
        if (families.isEmpty())
            families.append({outerAf});
        for (const Family &f : families) {
            BgpNeighborRecord r = cur;
            r.addressFamily = f.name;
            // A VRF neighbor listed under the VPN family exchanges that VRF's plain family.
            if (r.vrf != u"default" && r.addressFamily.startsWith(u"vpnv"))
                r.addressFamily = QStringLiteral("ip") + r.addressFamily.mid(3);
            r.prefixesSent = f.sent;
            r.prefixesReceived = f.rcvd;
            out.append(r);
        }
        inNeighbor = false;
        return {};
    };

    std::vector<Token> tok;
    for (const Line &l : splitLines(text)) {
        const std::string_view s = l.text;
        const std::string_view t = trimmed(s);
        if (t.empty() || isPromptLine(s))
            continue;
        if (startsWith(t, "BGP neighbor is ")) {
            if (Error e = flush())
                return e;
            cur = BgpNeighborRecord();
            cur.vrf = defaultVrf;
            families.clear();
            adminShut = maxPrefix = sawState = false;
            inNeighbor = true;
            neighborIndent = indentOf(s);
            headLine = l;
            // "BGP neighbor is 10.0.0.2,  vrf CUST-A,  remote AS 65001, local AS 64512 no-prepend, external link"
            std::string_view rest = t.substr(16);
            const size_t comma = rest.find(',');
            const auto address = neighborAddress(trimmed(rest.substr(0, comma)));
            if (!address)
                return lineError(what, l, QStringLiteral("expected a neighbor address"));
            cur.neighbor = *address;
            while (comma != std::string_view::npos && !rest.empty()) {
                const size_t c = rest.find(',');
                if (c == std::string_view::npos)
                    break;
                rest = rest.substr(c + 1);
                const std::string_view part = trimmed(rest.substr(0, rest.find(',')));
                if (startsWith(part, "vrf ")) {
                    cur.vrf = latin1(trimmed(part.substr(4)));
                } else if (startsWith(part, "remote AS ") || startsWith(part, "local AS ")) {
                    std::string_view n = trimmed(part.substr(startsWith(part, "remote") ? 10 : 9));
                    n = n.substr(0, n.find(' '));
                    const auto as = parseAsn(n);
                    if (!as)
                        return lineError(what, l, QStringLiteral("\"%1\" is not an AS number").arg(latin1(n)));
                    (startsWith(part, "remote") ? cur.remoteAs : cur.localAs) = *as;
                }
            }
            if (cur.remoteAs < 0)
                return lineError(what, l, QStringLiteral("the neighbor line names no remote AS"));
            continue;
        }
        if (startsWith(t, "% BGP not active") || startsWith(t, "BGP not active"))
            continue; // no BGP process: no neighbors
        if (startsWith(t, "For address family:")) {
            const QString af = afFromSection(t.substr(19));
            if (inNeighbor && indentOf(s) > neighborIndent) {
                families.append({af});
            } else {
                // "show bgp all neighbors": a family heading the neighbors that follow
                if (Error e = flush())
                    return e;
                outerAf = af;
            }
            continue;
        }
        if (!inNeighbor)
            return lineError(what, l, QStringLiteral("expected \"BGP neighbor is <address>, remote AS <number>\""));
        if (startsWith(t, "Description:")) {
            cur.description = toQString(trimmed(t.substr(12)));
        } else if (startsWith(t, "Administratively shut down")) {
            adminShut = true;
        } else if (startsWith(t, "Peer had exceeded the max")) {
            maxPrefix = true;
        } else if (startsWith(t, "BGP version") && contains(t, "remote router ID")) {
            const std::string_view id = trimmed(t.substr(t.find("remote router ID") + 16));
            if (id != "0.0.0.0")
                cur.remoteRouterId = latin1(id.substr(0, id.find_first_of(" ,")));
        } else if (startsWith(t, "BGP state =")) {
            // "BGP state = Established, up for 1w2d" / "BGP state = Idle, down for 00:10:21"
            std::string_view st = trimmed(t.substr(11));
            const size_t comma = st.find(',');
            cur.stateDetail = latin1(trimmed(st.substr(0, comma)));
            cur.state = bgpStateFromName(cur.stateDetail);
            if (cur.state == BgpState::Unknown)
                return lineError(what, l, QStringLiteral("\"%1\" is not a BGP state").arg(cur.stateDetail));
            if (comma != std::string_view::npos) {
                std::string_view when = trimmed(st.substr(comma + 1));
                if (startsWith(when, "up for ") || startsWith(when, "down for ")) {
                    when = trimmed(when.substr(when.find("for ") + 4));
                    when = when.substr(0, when.find(','));
                    const auto d = parseDuration(when);
                    if (!d)
                        return lineError(what, l, QStringLiteral("\"%1\" is not a duration").arg(latin1(when)));
                    cur.uptimeSeconds = *d;
                }
            }
            sawState = true;
        } else if (startsWith(t, "Prefixes Current:")) {
            tokenize(t.substr(17), tok);
            if (tok.size() < 2 || !isDigits(tok[0].text) || !isDigits(tok[1].text))
                return lineError(what, l, QStringLiteral("expected the sent and received prefix counts"));
            if (families.isEmpty())
                families.append({outerAf});
            families.last().sent = *toInt(tok[0].text);
            families.last().rcvd = *toInt(tok[1].text);
        } else if (startsWith(t, "Last reset ")) {
            // "Last reset never" / "Last reset 00:10:21, due to BGP Notification sent, hold time expired"
            const std::string_view r = trimmed(t.substr(11));
            if (r != "never") {
                const size_t comma = r.find(',');
                std::string_view why = comma == std::string_view::npos ? std::string_view() : trimmed(r.substr(comma + 1));
                if (startsWith(why, "due to "))
                    why = trimmed(why.substr(7));
                cur.lastError = latin1(why);
            }
        }
    }
    if (Error e = flush())
        return e;
    if (out.isEmpty() && !nothingPrinted(text) && !text.contains("For address family:")
        && !text.contains("BGP not active"))
        return formatError(what, text, QStringLiteral("it has no \"BGP neighbor is\" line"));
    return out;
}

// ---- show ip interface brief / show interfaces description -------------------------------

namespace {

// "up", "down", "administratively down", "admin down", "deleted"
std::optional<LinkState> briefState(std::string_view w)
{
    if (w == "up")
        return LinkState::Up;
    if (w == "down")
        return LinkState::Down;
    if (w == "administratively down" || w == "admin down")
        return LinkState::AdminDown;
    if (w == "deleted")
        return LinkState::NotPresent;
    if (w == "testing")
        return LinkState::Testing;
    if (w == "dormant")
        return LinkState::Dormant;
    return std::nullopt;
}

void setStates(InterfaceRecord &r, LinkState status, LinkState protocol)
{
    r.adminState = status == LinkState::AdminDown ? LinkState::AdminDown : status == LinkState::NotPresent ? LinkState::Unknown : LinkState::Up;
    r.operState = status == LinkState::AdminDown ? LinkState::Down : status == LinkState::NotPresent ? LinkState::NotPresent : protocol;
}

} // namespace

Result<QList<InterfaceRecord>> CiscoIosParser::interfacesBrief(const QByteArray &text)
{
    const QString what = QStringLiteral("show ip interface brief");
    if (Error e = cliError(what, text))
        return e;
    QList<InterfaceRecord> out;
    bool inTable = false;
    std::vector<Token> tok;
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (t.empty() || isPromptLine(l.text))
            continue;
        if (startsWith(t, "Interface") && contains(t, "IP-Address") && contains(t, "Protocol")) {
            inTable = true;
            continue;
        }
        if (!inTable)
            return lineError(what, l, QStringLiteral("expected the \"Interface  IP-Address  OK? Method Status  Protocol\" header"));
        // "GigabitEthernet0/0/1   unassigned      YES NVRAM  administratively down down"
        tokenize(t, tok);
        if (tok.size() < 6 || (tok[2].text != "YES" && tok[2].text != "NO"))
            return lineError(what, l, QStringLiteral("expected \"<interface> <address> <OK?> <method> <status> <protocol>\""));
        const std::string_view status = trimmed(t.substr(size_t(tok[4].column), size_t(tok[tok.size() - 1].column - tok[4].column)));
        const auto st = briefState(status);
        const auto proto = briefState(tok.back().text);
        if (!st || !proto)
            return lineError(what, l, QStringLiteral("\"%1 / %2\" is not an interface status and protocol").arg(latin1(status), latin1(tok.back().text)));
        InterfaceRecord r;
        r.name = latin1(tok[0].text);
        setStates(r, *st, *proto);
        out.append(r);
    }
    if (!inTable)
        return formatError(what, text, QStringLiteral("it has no \"Interface  IP-Address  OK? Method Status  Protocol\" header"));
    return out;
}

Result<QList<InterfaceRecord>> CiscoIosParser::interfacesDescription(const QByteArray &text)
{
    const QString what = QStringLiteral("show interfaces description");
    if (Error e = cliError(what, text))
        return e;
    QList<InterfaceRecord> out;
    int statusCol = -1, protoCol = -1, descCol = -1;
    for (const Line &l : splitLines(text)) {
        const std::string_view s = l.text;
        const std::string_view t = trimmed(s);
        if (t.empty() || isPromptLine(s))
            continue;
        if (startsWith(s, "Interface") && contains(s, "Status") && contains(s, "Protocol") && contains(s, "Description")) {
            statusCol = int(s.find("Status")), protoCol = int(s.find("Protocol")), descCol = int(s.find("Description"));
            continue;
        }
        if (statusCol < 0)
            return lineError(what, l, QStringLiteral("expected the \"Interface  Status  Protocol Description\" header"));
        // Fixed columns: the status holds a blank ("admin down"), the description anything.
        auto field = [&](int from, int to) {
            if (size_t(from) >= s.size())
                return std::string_view();
            return trimmed(s.substr(size_t(from), to < 0 ? std::string_view::npos : size_t(to - from)));
        };
        const std::string_view name = field(0, statusCol), status = field(statusCol, protoCol), proto = field(protoCol, descCol);
        const auto st = briefState(status);
        const auto pr = briefState(proto);
        if (name.empty() || name.find(' ') != std::string_view::npos || !st || !pr)
            return lineError(what, l, QStringLiteral("expected \"<interface> <status> <protocol> <description>\" under the header's columns"));
        InterfaceRecord r;
        r.name = latin1(name);
        setStates(r, *st, *pr);
        r.description = toQString(field(descCol, -1));
        out.append(r);
    }
    if (statusCol < 0)
        return formatError(what, text, QStringLiteral("it has no \"Interface  Status  Protocol Description\" header"));
    return out;
}

// ---- show lldp neighbors (summary) ------------------------------------------------------

Result<QList<LldpNeighborRecord>> CiscoIosParser::lldpSummary(const QByteArray &text)
{
    const QString what = QStringLiteral("show lldp neighbors");
    if (Error e = cliError(what, text))
        return e;
    QList<LldpNeighborRecord> out;
    int localCol = -1;
    bool inTable = false, legend = false;
    std::vector<Token> tok;
    for (const Line &l : splitLines(text)) {
        const std::string_view s = l.text;
        const std::string_view t = trimmed(s);
        if (t.empty()) {
            inTable = false;
            continue;
        }
        if (isPromptLine(s))
            continue;
        if (startsWith(t, "Capability codes:")) {
            legend = true;
            continue;
        }
        if (legend && startsWith(t, "(")) // "(R) Router, (B) Bridge, ..."
            continue;
        if (startsWith(s, "Device ID") && contains(s, "Local Intf") && contains(s, "Port ID")) {
            localCol = int(s.find("Local Intf"));
            inTable = true;
            continue;
        }
        if (startsWith(t, "Total entries displayed:")) {
            const auto n = toInt(trimmed(t.substr(24)));
            if (localCol < 0)
                return lineError(what, l, QStringLiteral("a count without the \"Device ID  Local Intf\" table"));
            if (!n || *n != out.size())
                return lineError(what, l, QStringLiteral("the router counts %1 entries but %2 rows were read; the output may be truncated")
                                              .arg(latin1(trimmed(t.substr(24)))).arg(out.size()));
            inTable = false;
            continue;
        }
        if (!inTable)
            return lineError(what, l, QStringLiteral("expected the \"Device ID  Local Intf  Hold-time  Capability  Port ID\" table"));
        // IOS cuts the Device ID at 20 characters and prints the local interface right after
        // it: "core-sw-01.dc1.examGi1/0/48", so a name filling the column is cut there. A name
        // within the column is read by the column (it may hold blanks); a whole longer name
        // followed by a blank (should a release print one) shifts the rest of its row.
        LldpNeighborRecord r;
        std::string_view rest;
        tokenize(s, tok);
        const size_t cut = std::min(s.size(), size_t(localCol));
        if (tok.empty() || tok[0].end() <= localCol) {
            r.remoteSystemName = toQString(trimmed(s.substr(0, cut)));
            rest = s.substr(cut);
        } else if (tok.size() >= 4 && isDigits(tok[2].text) && !isDigits(tok[1].text)) {
            r.remoteSystemName = toQString(tok[0].text);
            rest = s.substr(size_t(tok[0].end()));
        } else {
            r.remoteSystemName = toQString(trimmed(s.substr(0, cut)));
            rest = s.substr(cut);
        }
        tokenize(rest, tok);
        if (tok.size() < 3 || !isDigits(tok[1].text))
            return lineError(what, l, QStringLiteral("expected \"<device id> <local interface> <hold time> <capability> <port id>\""));
        r.localInterface = latin1(tok[0].text);
        size_t k = 2;
        // The capability column may be empty: a run of capability codes ("B,R") followed by
        // the port id is one; a lone token is the port id. (Columns do not tell: a whole long
        // Device ID shifts the rest of its row.)
        auto capabilityCodes = [](std::string_view w) {
            for (size_t i = 0; i < w.size(); ++i) {
                const bool code = w[i] != '\0' && std::strchr("RBTCWPSO", w[i]) != nullptr;
                if (i % 2 == 0 ? !code : w[i] != ',')
                    return false;
            }
            return !w.empty() && w.back() != ',';
        };
        if (tok.size() > 3 && capabilityCodes(tok[2].text)) {
            r.capabilities = latin1(tok[2].text);
            ++k;
        }
        r.remotePortId = latin1(trimmed(rest.substr(size_t(tok[k].column))));
        out.append(r);
    }
    if (localCol < 0)
        return formatError(what, text, QStringLiteral("it has no \"Device ID  Local Intf  Hold-time  Capability  Port ID\" header"));
    return out;
}

} // namespace rl
