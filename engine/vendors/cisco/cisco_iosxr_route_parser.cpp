#include "engine/vendors/cisco/cisco_iosxr_route_parser.h"

#include "engine/vendors/cisco/cisco_iosxr_text.h"
#include "engine/vendors/common/cli_text.h"

namespace rl {

using namespace clitext;
using iosxr::isNoise;

Result<QList<RouteRecord>> CiscoIosxrRouteParser::lookup(const QByteArray &text)
{
    const QString what = QStringLiteral("show route");
    if (Error e = cliError(what, text))
        return e;
    QList<RouteRecord> out;
    RouteRecord base;
    bool inEntry = false, inPaths = false, sawPath = false, notInTable = false;
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (isNoise(l.text))
            continue;
        if (startsWith(t, "% Network not in table") || startsWith(t, "% Route not found")) {
            notInTable = true;
            continue;
        }
        if (startsWith(t, "Routing entry for ")) {
            if (inEntry && !sawPath)
                out.append(base);
            std::string_view p = trimmed(t.substr(18));
            p = p.substr(0, p.find_first_of(" ,"));
            const auto prefix = IpPrefix::parse(p);
            if (!prefix)
                return lineError(what, l, QStringLiteral("\"%1\" is not a prefix").arg(latin1(p)));
            base = RouteRecord();
            base.prefix = *prefix;
            inEntry = true, inPaths = false, sawPath = false;
            continue;
        }
        if (!inEntry)
            return lineError(what, l, QStringLiteral("expected \"Routing entry for <prefix>\""));
        if (startsWith(t, "Known via \"")) {
            // Known via "bgp 65000", distance 200, metric 0, type internal
            std::string_view proto = t.substr(11);
            proto = proto.substr(0, proto.find('"'));
            base.protocol = latin1(proto.substr(0, proto.find(' ')));
            const size_t m = t.find(", metric ");
            if (m != std::string_view::npos)
                base.med = numberAfter(t.substr(m), ", metric");
            continue;
        }
        if (startsWith(t, "Routing Descriptor Blocks")) {
            inPaths = true;
            continue;
        }
        if (!inPaths)
            continue; // Tag, Installed, ...
        if (startsWith(t, "No advertising protos") || startsWith(t, "Redist Advertisers") || startsWith(t, "Route version")
            || startsWith(t, "No local label") || startsWith(t, "IP Precedence") || startsWith(t, "QoS Group")) {
            inPaths = false;
            continue;
        }
        if (startsWith(t, "Route metric is ")) {
            // The metric of the path above (a backup path's differs from the route's).
            if (sawPath)
                out.last().med = numberAfter(t, "Route metric is");
            continue;
        }
        RouteRecord r = base;
        if (startsWith(t, "directly connected")) {
            const size_t via = t.find("via ");
            if (via != std::string_view::npos)
                r.interfaceName = latin1(trimmed(t.substr(via + 4)));
            r.best = true;
            out.append(r);
            sawPath = true;
            continue;
        }
        const std::string_view first = t.substr(0, t.find_first_of(", "));
        const auto nh = IpAddress::parse(first);
        if (!nh)
            continue; // "Nexthop in Vrf: ...", "Label: None", "Repair Node(s): ..."
        r.nextHop = *nh;
        const size_t via = t.find(", via ");
        if (via != std::string_view::npos) {
            const std::string_view v = trimmed(t.substr(via + 6));
            r.interfaceName = latin1(v.substr(0, v.find_first_of(", ")));
        }
        r.best = !contains(t, ", Backup"); // a loop-free alternate is installed but not used
        out.append(r);
        sawPath = true;
    }
    if (inEntry && !sawPath)
        out.append(base); // an entry without readable paths still answers "which route"
    if (!inEntry && !notInTable && !iosxr::onlyNoise(text))
        return formatError(what, text, QStringLiteral("it has no \"Routing entry for\" line"));
    return out;
}

} // namespace rl
