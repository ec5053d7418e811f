#include "engine/vendors/cisco/cisco_iosxr_advertised_parser.h"

#include "engine/vendors/cisco/cisco_iosxr_text.h"
#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/string_interner.h"

#include <cctype>

namespace rl {

using namespace clitext;

namespace {

RouteOrigin originCode(std::string_view t)
{
    if (t == "i") return RouteOrigin::Igp;
    if (t == "e") return RouteOrigin::Egp;
    if (t == "?") return RouteOrigin::Incomplete;
    return RouteOrigin::Unknown;
}

} // namespace

Result<QList<RouteRecord>> CiscoIosxrAdvertisedParser::parse(const QByteArray &text)
{
    const QString what = QStringLiteral("show bgp neighbors advertised-routes");
    if (Error e = cliError(what, text))
        return e;
    QList<RouteRecord> out;
    StringInterner paths;
    bool inTable = false, sawHeader = false;
    std::optional<IpPrefix> pending; // a long IPv6 prefix alone on its line; the rest follows
    Line pendingLine;
    std::vector<Token> tok;
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (t.empty() || isPromptLine(l.text))
            continue;
        if (!inTable) {
            // Before the header: the timestamp XR prints first, "Route Distinguisher: ..." lines.
            if (startsWith(t, "Network") && contains(t, "Next Hop") && contains(t, "From"))
                inTable = sawHeader = true;
            continue;
        }
        if (startsWith(t, "Processed ")) {
            // "Processed 3 prefixes, 3 paths" ends the table; "show bgp all all ..." prints
            // another address family's header and table after it.
            inTable = false;
            continue;
        }
        if (startsWith(t, "Route Distinguisher"))
            continue;
        tokenize(t, tok);
        size_t i = 0;
        IpPrefix prefix;
        if (l.text.front() != ' ') {
            if (pending)
                return lineError(what, pendingLine, QStringLiteral("the prefix is not followed by its next hop"));
            const auto p = IpPrefix::parse(tok[0].text);
            if (!p)
                return lineError(what, l, QStringLiteral("\"%1\" is not a prefix").arg(latin1(tok[0].text)));
            if (tok.size() == 1) { // wrapped: next hop, from and path on the next line
                pending = p;
                pendingLine = l;
                continue;
            }
            prefix = *p;
            i = 1;
        } else {
            if (!pending)
                return lineError(what, l, QStringLiteral("a continuation line without a prefix before it"));
            prefix = *pending;
            pending.reset();
        }
        // next hop, from, then the AS path ending with the origin code
        if (tok.size() < i + 3)
            return lineError(what, l, QStringLiteral("expected \"<network> <next hop> <from> [<AS path>] <origin>\""));
        const auto nh = IpAddress::parse(tok[i].text);
        if (!nh)
            return lineError(what, l, QStringLiteral("\"%1\" is not a next hop").arg(latin1(tok[i].text)));
        // IOS-XR prints the origin code right after the path, without a blank ("65010 65020i",
        // "65108.65108?"), or alone when the path is empty.
        std::string_view last = tok.back().text;
        const RouteOrigin origin = originCode(last.substr(last.size() - 1));
        if (origin == RouteOrigin::Unknown || tok.size() - 1 < i + 2
            || (last.size() > 1 && !std::isdigit(static_cast<unsigned char>(last[last.size() - 2])) && last[last.size() - 2] != '}'))
            return lineError(what, l, QStringLiteral("the line does not end with an origin code (i, e or ?)"));
        const bool glued = last.size() > 1;
        if (glued && tok.size() - 1 == i + 1)
            return lineError(what, l, QStringLiteral("expected \"<network> <next hop> <from> [<AS path>]<origin>\""));
        RouteRecord r;
        r.prefix = prefix;
        r.nextHop = *nh;
        r.origin = origin;
        r.best = true; // only the best path is advertised
        const size_t pathFrom = i + 2, pathTo = glued ? tok.size() : tok.size() - 1;
        if (pathFrom < pathTo) {
            // The path as printed, from its first AS to its last (AS sets keep their braces).
            const char *start = tok[pathFrom].text.data();
            const char *end = tok[pathTo - 1].text.data() + tok[pathTo - 1].text.size() - (glued ? 1 : 0);
            r.asPath = paths.intern(std::string_view(start, size_t(end - start)));
        }
        out.append(std::move(r));
    }
    if (pending)
        return lineError(what, pendingLine, QStringLiteral("the output ends after this prefix: it was cut short"));
    if (!sawHeader) {
        // Only a timestamp (or nothing): no routes advertised. Anything else is another command's text.
        for (const Line &l : splitLines(text)) {
            const std::string_view t = trimmed(l.text);
            if (iosxr::isNoise(l.text) || startsWith(t, "Processed 0"))
                continue;
            return formatError(what, text, QStringLiteral("it has no \"Network Next Hop From AS Path\" header"));
        }
    }
    return out;
}

} // namespace rl
