#include "engine/vendors/juniper/junos_xml_route_table.h"

#include "engine/vendors/common/address_scan.h"
#include "engine/vendors/common/big_list.h"
#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/string_interner.h"

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace rl::junosXml {

namespace {

inline bool isNameEnd(char c) { return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r'; }

// Character data with its entities replaced; `scratch` holds the result when any was present
// (`inScratch`), valid until the next call.
std::string_view decoded(std::string_view raw, std::string &scratch, bool &ok, bool &inScratch)
{
    inScratch = false;
    if (raw.find('&') == std::string_view::npos)
        return raw;
    inScratch = true;
    scratch.clear();
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '&') {
            scratch += raw[i];
            continue;
        }
        const size_t semi = raw.find(';', i);
        if (semi == std::string_view::npos) {
            ok = false;
            return {};
        }
        const std::string_view e = raw.substr(i + 1, semi - i - 1);
        if (e == "lt") scratch += '<';
        else if (e == "gt") scratch += '>';
        else if (e == "amp") scratch += '&';
        else if (e == "quot") scratch += '"';
        else if (e == "apos") scratch += '\'';
        else if (e.size() > 1 && e[0] == '#') {
            const bool hex = e[1] == 'x';
            const unsigned long cp = std::strtoul(std::string(e.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10);
            if (cp == 0 || cp > 0x7f) { // only ASCII references appear in route tables
                ok = false;
                return {};
            }
            scratch += char(cp);
        } else {
            ok = false;
            return {};
        }
        i = semi;
    }
    return scratch;
}

// Which element a start tag opens, for the ones the reader keeps.
enum class Tag : quint8 {
    Other, RouteInformation, RouteTable, Rt, RtDestination, RtPrefixLength, RtEntry, ActiveTag, ProtocolName,
    AsPath, Med, LocalPreference, Nh, To, Via, NhLocalInterface, Communities, Community, Error,
};

Tag tagOf(std::string_view n)
{
    switch (n.size()) {
    case 2: return n == "rt" ? Tag::Rt : n == "nh" ? Tag::Nh : n == "to" ? Tag::To : Tag::Other;
    case 3: return n == "via" ? Tag::Via : n == "med" ? Tag::Med : Tag::Other;
    case 7: return n == "as-path" ? Tag::AsPath : Tag::Other;
    case 8: return n == "rt-entry" ? Tag::RtEntry : Tag::Other;
    case 9: return n == "community" ? Tag::Community : n == "rpc-error" ? Tag::Error : n == "xnm:error" ? Tag::Error : Tag::Other;
    case 10: return n == "active-tag" ? Tag::ActiveTag : Tag::Other;
    case 11: return n == "route-table" ? Tag::RouteTable : n == "communities" ? Tag::Communities : Tag::Other;
    case 13: return n == "protocol-name" ? Tag::ProtocolName : Tag::Other;
    case 14: return n == "rt-destination" ? Tag::RtDestination : Tag::Other;
    case 16: return n == "rt-prefix-length" ? Tag::RtPrefixLength : n == "local-preference" ? Tag::LocalPreference : Tag::Other;
    case 17: return n == "route-information" ? Tag::RouteInformation : Tag::Other;
    case 18: return n == "nh-local-interface" ? Tag::NhLocalInterface : Tag::Other;
    default: return Tag::Other;
    }
}

std::pair<std::string_view, RouteOrigin> splitOrigin(std::string_view path)
{
    path = clitext::trimmed(path);
    if (clitext::startsWith(path, "AS path:")) // detail and extensive views
        path = clitext::trimmed(path.substr(8));
    if (const size_t nl = path.find('\n'); nl != std::string_view::npos)
        path = clitext::trimmed(path.substr(0, nl));
    while (!path.empty() && (path.back() == '\r' || path.back() == '\n'))
        path.remove_suffix(1);
    path = clitext::trimmed(path);
    RouteOrigin o = RouteOrigin::Unknown;
    if (!path.empty()) {
        const char c = path.back();
        if ((c == 'I' || c == 'E' || c == '?') && (path.size() == 1 || path[path.size() - 2] == ' ')) {
            o = c == 'I' ? RouteOrigin::Igp : c == 'E' ? RouteOrigin::Egp : RouteOrigin::Incomplete;
            path = clitext::trimmed(path.substr(0, path.size() - 1));
        }
    }
    return {path, o};
}

std::string_view trimmedText(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

struct NextHop {
    std::optional<IpAddress> to;
    std::string_view via;
};

} // namespace

// Long on purpose: the full-table hot path bench/parsers measures: one loop, its state in locals.
std::optional<RecordSet> readRouteTable(QueryKind kind, const QByteArray &xml)
{
    const char *p = xml.constData();
    const char *const end = p + xml.size();
    const bool lookup = kind == QueryKind::RouteLookup;

    QList<RouteRecord> rows;
    // a brief rt with one entry prints 230 (NETCONF, unindented) to 450 bytes (| display xml)
    rows.reserve(xml.size() / 200);
    adviseHugePages(rows);          // see big_list.h: page faults cost more than the parse
    StringInterner paths, names;
    // Paths are interned some rows later (StringInterner::push), so that the cache misses of
    // 300,000 distinct paths overlap instead of stalling the reader one by one.
    auto assignPath = [&rows](quint32 row, const QString &path) { rows[row].asPath = path; };
    static const QString protocols[] = {QStringLiteral("bgp"), QStringLiteral("connected")};

    std::vector<std::string_view> open; // names of the open elements
    open.reserve(16);
    const char *textStart = nullptr;    // after the last start tag
    bool childSeen = false;             // the open element has children (no text of its own)
    int infoDepth = -1, rtDepth = -1, entryDepth = -1, nhDepth = -1;
    bool infoDone = false;

    std::string_view dest, prefixLength;
    qsizetype rtFirstRow = 0;
    // The entry's record is built in place at the end of the list (a full table does not copy
    // every record once more); only a lookup's further next hops are copies of it.
    RouteRecord *entry = nullptr;
    RouteRecord ignored;
    std::vector<NextHop> nhs;
    NextHop nh;
    QStringList communities;
    std::string scratch;

    while (p < end) {
        const char *lt = static_cast<const char *>(std::memchr(p, '<', size_t(end - p)));
        if (!lt)
            break; // text after the document (a prompt): not read
        p = lt + 1;
        if (p >= end)
            return std::nullopt;
        if (*p == '?') { // XML declaration
            const char *q = std::strstr(p, "?>"); // the buffer is NUL-terminated (QByteArray)
            if (!q)
                return std::nullopt;
            p = q + 2;
            continue;
        }
        if (*p == '!') {
            if (end - p >= 3 && p[1] == '-' && p[2] == '-') {
                const char *q = std::strstr(p, "-->");
                if (!q)
                    return std::nullopt;
                p = q + 3;
                continue;
            }
            return std::nullopt; // CDATA, DOCTYPE: the general reader's business
        }
        if (*p == '/') { // end tag
            const char *n = ++p;
            while (p < end && !isNameEnd(*p))
                ++p;
            const std::string_view name(n, size_t(p - n));
            while (p < end && *p != '>')
                ++p;
            if (p >= end || open.empty() || open.back() != name)
                return std::nullopt; // mismatched or cut short
            ++p;
            const int depth = int(open.size()) - 1;
            if (depth >= rtDepth && rtDepth >= 0 && !childSeen && textStart) {
                bool ok = true, inScratch = false;
                const std::string_view text = trimmedText(decoded(std::string_view(textStart, size_t(lt - textStart)), scratch, ok, inScratch));
                if (!ok)
                    return std::nullopt;
                const Tag tag = tagOf(name);
                RouteRecord &e = entry ? *entry : ignored; // fields outside an rt-entry are not kept
                // Texts kept past their element are views into the reply; an entity in one of
                // them (never seen in a route table) goes to the general reader.
                if (inScratch && (tag == Tag::RtDestination || tag == Tag::RtPrefixLength || tag == Tag::Via || tag == Tag::NhLocalInterface))
                    return std::nullopt;
                switch (tag) {
                case Tag::RtDestination: dest = text; break;
                case Tag::RtPrefixLength: prefixLength = text; break;
                case Tag::ActiveTag: e.best = !text.empty() && (text[0] == '*' || text[0] == '+'); break;
                case Tag::ProtocolName:
                    if (lookup) {
                        const QString proto = clitext::toQString(text).toLower();
                        e.protocol = proto == u"bgp" ? protocols[0] : proto == u"direct" ? protocols[1] : proto;
                    }
                    break;
                case Tag::AsPath: {
                    const auto [path, origin] = splitOrigin(text);
                    e.origin = origin;
                    // A lookup copies the entry per next hop, and a decoded text lives in the
                    // scratch buffer only until the next element: those are interned at once.
                    if (entry && !lookup && !inScratch)
                        paths.push(path, quint32(entry - rows.data()), assignPath);
                    else
                        e.asPath = paths.intern(path);
                    break;
                }
                case Tag::Med: e.med = clitext::toInt(text).value_or(-1); break;
                case Tag::LocalPreference: e.localPref = clitext::toInt(text).value_or(-1); break;
                case Tag::To: if (nhDepth >= 0) nh.to = addressscan::address(text); break;
                case Tag::Via: if (nhDepth >= 0) nh.via = text; break;
                case Tag::NhLocalInterface: if (nhDepth >= 0 && nh.via.empty()) nh.via = text; break;
                case Tag::Community: communities.append(clitext::toQString(text)); break;
                case Tag::Other: case Tag::RouteInformation: case Tag::RouteTable: case Tag::Rt: case Tag::RtEntry:
                case Tag::Nh: case Tag::Communities: case Tag::Error: break;
                }
            }
            if (depth == nhDepth) {
                nhs.push_back(nh);
                nh = NextHop();
                nhDepth = -1;
            } else if (depth == entryDepth) {
                if (!communities.isEmpty())
                    entry->communities = communities.join(QLatin1Char(' '));
                // a received or advertised route has one next hop; a lookup shows every one
                const RouteRecord base = lookup && nhs.size() > 1 ? *entry : RouteRecord();
                for (size_t i = 0; i < nhs.size() && (i == 0 || lookup); ++i) {
                    RouteRecord &r = i == 0 ? *entry : rows.emplace_back(base);
                    if (nhs[i].to)
                        r.nextHop = *nhs[i].to;
                    if (!nhs[i].via.empty())
                        r.interfaceName = names.intern(nhs[i].via);
                }
                entry = nullptr;
                entryDepth = -1;
            } else if (depth == rtDepth) {
                std::string withLength;
                std::string_view text = dest;
                if (dest.find('/') == std::string_view::npos && !prefixLength.empty()) {
                    withLength = std::string(dest) + '/' + std::string(prefixLength);
                    text = withLength;
                }
                const auto prefix = addressscan::prefix(text);
                if (!prefix)
                    return std::nullopt; // the general reader names the prefix it could not read
                for (qsizetype i = rtFirstRow; i < rows.size(); ++i)
                    rows[i].prefix = *prefix;
                rtDepth = -1;
            } else if (depth == infoDepth) {
                infoDepth = -1;
                infoDone = true;
                break; // the first answer is complete (a second routing engine's is not read)
            }
            open.pop_back();
            childSeen = true; // the parent has a child
            textStart = nullptr;
            continue;
        }
        // start tag
        const char *n = p;
        while (p < end && !isNameEnd(*p))
            ++p;
        const std::string_view name(n, size_t(p - n));
        if (name.empty())
            return std::nullopt;
        char quote = 0;
        while (p < end && (quote || *p != '>')) { // attributes: '>' inside a quoted value does not end the tag
            if (quote && *p == quote)
                quote = 0;
            else if (!quote && (*p == '"' || *p == '\''))
                quote = *p;
            ++p;
        }
        if (p >= end)
            return std::nullopt;
        const bool selfClosing = p[-1] == '/';
        ++p;
        const Tag tag = tagOf(name);
        if (tag == Tag::Error)
            return std::nullopt; // the router's error: the general reader words it
        const int depth = int(open.size());
        {
            if (tag == Tag::RouteInformation && infoDepth < 0)
                infoDepth = depth;
            else if (infoDepth >= 0 && tag == Tag::Rt && rtDepth < 0) {
                rtDepth = depth;
                dest = prefixLength = {};
                rtFirstRow = rows.size();
            } else if (rtDepth >= 0 && tag == Tag::RtEntry && entryDepth < 0) {
                entryDepth = depth;
                entry = &rows.emplace_back();
                nhs.clear();
                communities.clear();
            } else if (entryDepth >= 0 && tag == Tag::Nh && nhDepth < 0) {
                nhDepth = depth;
                nh = NextHop();
            }
        }
        if (selfClosing) {
            childSeen = true;
            continue;
        }
        open.push_back(name);
        textStart = p;
        childSeen = false;
    }
    if (!infoDone)
        return std::nullopt; // no route-information, or cut short inside it
    paths.flush(assignPath);
    return RecordSet(kind, rows);
}

} // namespace rl::junosXml
