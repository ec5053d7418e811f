#include "engine/vendors/cisco/cisco_iosxr_arp_parser.h"

#include "engine/vendors/cisco/cisco_iosxr_text.h"
#include "engine/vendors/common/cli_text.h"

#include <QSet>

namespace rl {

using namespace clitext;
using iosxr::isNoise;

namespace {

// A node line between rules: "0/0/CPU0", "0/RSP0/CPU0", "0/RP0/CPU0".
bool isNodeLine(std::string_view t)
{
    return t.find(' ') == std::string_view::npos && contains(t, "CPU") && t.find('/') != std::string_view::npos;
}

// A MAC that is all zeros stands for "not resolved".
QString macOrEmpty(std::string_view text)
{
    const QString mac = normalizeMac(latin1(text));
    return mac == QLatin1String("00:00:00:00:00:00") ? QString() : mac;
}

} // namespace

Result<QList<ArpRecord>> CiscoIosxrArpParser::arp(const QByteArray &text, const QString &vrfIn)
{
    const QString what = QStringLiteral("show arp");
    if (Error e = cliError(what, text))
        return e;
    const QString vrf = vrfIn.isEmpty() ? QStringLiteral("default") : vrfIn;
    QList<ArpRecord> out;
    QSet<QString> seen;
    bool inTable = false, sawHeader = false;
    int typeColumn = 4; // "Address Age Hardware State Type Interface"; "detail" adds Flag
    std::vector<Token> tok;
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (isNoise(l.text))
            continue;
        if (startsWith(t, "Address") && contains(t, "Hardware Addr")) {
            inTable = sawHeader = true;
            typeColumn = contains(t, " Flag ") ? 5 : 4;
            continue;
        }
        if (isNodeLine(t)) {
            inTable = false; // the next node's header follows
            continue;
        }
        if (!inTable)
            return lineError(what, l, QStringLiteral("expected the \"Address Age Hardware Addr\" header"));
        tokenize(t, tok);
        if (tok.size() < size_t(typeColumn + 2))
            return lineError(what, l, QStringLiteral("expected \"<address> <age> <mac> <state> <type> <interface>\""));
        const auto ip = IpAddress::parse(tok[0].text);
        if (!ip || !ip->isV4())
            return lineError(what, l, QStringLiteral("\"%1\" is not an IPv4 address").arg(latin1(tok[0].text)));
        ArpRecord r;
        r.vrf = vrf;
        r.ip = ip->toString();
        if (tok[1].text != "-") {
            const auto age = parseDuration(tok[1].text);
            if (!age)
                return lineError(what, l, QStringLiteral("\"%1\" is not an age").arg(latin1(tok[1].text)));
            r.ageSeconds = *age;
        }
        const std::string_view st = tok[3].text;
        r.state = st == "Interface" || st == "Static" || st == "Alias" ? NeighborState::Permanent
                  : st == "Dynamic" || st == "EVPN-SYNC" || st == "Standby" ? NeighborState::Complete
                  : st == "Incomplete" ? NeighborState::Incomplete
                                       : NeighborState::Unknown;
        if (r.state == NeighborState::Unknown)
            return lineError(what, l, QStringLiteral("\"%1\" is not an ARP entry state").arg(latin1(st)));
        if (r.state != NeighborState::Incomplete || tok[2].text.find('.') != std::string_view::npos) {
            r.mac = macOrEmpty(tok[2].text);
            if (r.mac.isEmpty() && r.state != NeighborState::Incomplete && normalizeMac(latin1(tok[2].text)).isEmpty())
                return lineError(what, l, QStringLiteral("\"%1\" is not a MAC address").arg(latin1(tok[2].text)));
        }
        r.interfaceName = latin1(tok[size_t(typeColumn) + 1].text);
        const QString key = r.ip + u'|' + r.interfaceName;
        if (seen.contains(key))
            continue; // a bundle's entry, printed again by each node that carries a member
        seen.insert(key);
        out.append(r);
    }
    if (!sawHeader && !iosxr::onlyNoise(text))
        return formatError(what, text, QStringLiteral("it has no \"Address Age Hardware Addr State Type Interface\" header"));
    return out;
}

Result<QList<ArpRecord>> CiscoIosxrArpParser::ipv6Neighbors(const QByteArray &text, const QString &vrfIn)
{
    const QString what = QStringLiteral("show ipv6 neighbors");
    if (Error e = cliError(what, text))
        return e;
    const QString vrf = vrfIn.isEmpty() ? QStringLiteral("default") : vrfIn;
    QList<ArpRecord> out;
    bool inTable = false, sawHeader = false;
    std::vector<Token> tok;
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (isNoise(l.text))
            continue;
        if (startsWith(t, "IPv6 Address") && contains(t, "Link-layer")) {
            inTable = sawHeader = true;
            continue;
        }
        if (!inTable)
            return lineError(what, l, QStringLiteral("expected the \"IPv6 Address Age Link-layer Addr State Interface\" header"));
        if (startsWith(t, "[Mcast adjacency]"))
            continue; // the multicast resolution entry of an interface, not a neighbor
        tokenize(t, tok);
        if (tok.size() < 5)
            return lineError(what, l, QStringLiteral("expected \"<address> <age> <link-layer address> <state> <interface>\""));
        const auto ip = IpAddress::parse(tok[0].text);
        if (!ip || ip->isV4())
            return lineError(what, l, QStringLiteral("\"%1\" is not an IPv6 address").arg(latin1(tok[0].text)));
        ArpRecord r;
        r.vrf = vrf;
        r.ip = ip->toString();
        if (tok[1].text != "-") {
            const auto age = toInt(tok[1].text); // seconds
            if (!age)
                return lineError(what, l, QStringLiteral("\"%1\" is not an age in seconds").arg(latin1(tok[1].text)));
            r.ageSeconds = *age;
        }
        r.mac = macOrEmpty(tok[2].text);
        const std::string_view st = tok[3].text;
        r.state = st == "REACH" ? NeighborState::Reachable : st == "STALE" ? NeighborState::Stale
                  : st == "DELAY" ? NeighborState::Delay : st == "PROBE" ? NeighborState::Probe
                  : st == "INCMP" ? NeighborState::Incomplete : NeighborState::Unknown;
        if (r.state == NeighborState::Unknown && st != "DELETE" && st != "GLEAN")
            return lineError(what, l, QStringLiteral("\"%1\" is not a neighbor state").arg(latin1(st)));
        if (r.mac.isEmpty() && r.state != NeighborState::Incomplete && normalizeMac(latin1(tok[2].text)).isEmpty())
            return lineError(what, l, QStringLiteral("\"%1\" is not a link-layer address").arg(latin1(tok[2].text)));
        r.interfaceName = latin1(tok[4].text);
        out.append(r);
    }
    if (!sawHeader && !iosxr::onlyNoise(text))
        return formatError(what, text, QStringLiteral("it has no \"IPv6 Address Age Link-layer Addr\" header"));
    return out;
}

} // namespace rl
