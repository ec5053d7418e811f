#include "engine/vendors/cisco/cisco_ios_translator.h"

#include "engine/vendors/cisco/cisco_ios_parser.h"
#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/commercial_cli.h"

namespace rl {

using namespace commercial;

SessionProfile CiscoIosTranslator::sessionProfile() const
{
    const QString ip = clitext::guardIp(), name = clitext::guardName(), prefix = clitext::guardPrefix();
    SessionProfile p;
    p.mode = SessionProfile::Mode::Shell;
    p.setupCommands = {QStringLiteral("terminal length 0"), QStringLiteral("terminal width 511")};
    p.promptPattern = clitext::promptPattern();
    p.guard = CommandGuard({
        QStringLiteral("terminal length 0"),
        QStringLiteral("terminal width 511"),
        QStringLiteral("show version"),
        QStringLiteral("show interfaces(?: %1)?").arg(name),
        QStringLiteral("show interfaces(?: %1)? transceiver detail").arg(name),
        QStringLiteral("show bgp (?:ipv4|ipv6) unicast summary"),
        QStringLiteral("show bgp (?:vpnv4|vpnv6) unicast vrf %1 summary").arg(name),
        QStringLiteral("show ip arp(?: vrf %1)?").arg(name),
        QStringLiteral("show ipv6 neighbors(?: vrf %1)?").arg(name),
        QStringLiteral("show bgp (?:ipv4|ipv6) unicast neighbors %1 (?:received-routes|advertised-routes)").arg(ip),
        QStringLiteral("show bgp (?:vpnv4|vpnv6) unicast vrf %1 neighbors %2 (?:received-routes|advertised-routes)").arg(name, ip),
        QStringLiteral("show (?:ip|ipv6) route(?: vrf %1)? %2").arg(name, prefix),
        QStringLiteral("show lldp neighbors detail"),
    });
    return p;
}

Result<QStringList> CiscoIosTranslator::commands(QueryKind kind, const QueryParams &p) const
{
    const QString vrfPart = p.vrf.isEmpty() ? QString() : QStringLiteral(" vrf ") + p.vrf;
    const QString fam = familyFor(p);
    switch (kind) {
    case QueryKind::Facts:
        return QStringList{QStringLiteral("show version")};
    case QueryKind::LinkStatus:
    case QueryKind::VlanErrors:
        return QStringList{p.interfaceName.isEmpty() || kind == QueryKind::VlanErrors
                               ? QStringLiteral("show interfaces") : QStringLiteral("show interfaces ") + p.interfaceName};
    case QueryKind::BgpStatus: {
        QStringList cmds;
        for (const QString &f : {QStringLiteral("ipv4"), QStringLiteral("ipv6")}) {
            if (!fam.isEmpty() && fam != f)
                continue;
            cmds << (p.vrf.isEmpty() ? QStringLiteral("show bgp %1 unicast summary").arg(f)
                                     : QStringLiteral("show bgp vpn%1 unicast vrf %2 summary").arg(f.right(2), p.vrf));
        }
        return cmds;
    }
    case QueryKind::ArpTable:
        return QStringList{QStringLiteral("show ip arp") + vrfPart, QStringLiteral("show ipv6 neighbors") + vrfPart};
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes: {
        if (p.neighbor.isEmpty())
            return needsParam(kind, "neighbor", platform());
        const QString which = kind == QueryKind::ReceivedRoutes ? QStringLiteral("received-routes") : QStringLiteral("advertised-routes");
        const QString f = fam.isEmpty() ? QStringLiteral("ipv4") : fam;
        if (p.vrf.isEmpty())
            return QStringList{QStringLiteral("show bgp %1 unicast neighbors %2 %3").arg(f, p.neighbor, which)};
        return QStringList{QStringLiteral("show bgp vpn%1 unicast vrf %2 neighbors %3 %4").arg(f.right(2), p.vrf, p.neighbor, which)};
    }
    case QueryKind::RouteLookup:
        if (p.destination.isEmpty())
            return needsParam(kind, "destination", platform());
        return QStringList{QStringLiteral("show %1 route%2 %3")
                               .arg(fam == u"ipv6" ? QStringLiteral("ipv6") : QStringLiteral("ip"), vrfPart, p.destination)};
    case QueryKind::LldpNeighbors:
        return QStringList{QStringLiteral("show lldp neighbors detail")};
    case QueryKind::Optics:
        return QStringList{p.interfaceName.isEmpty() ? QStringLiteral("show interfaces transceiver detail")
                                                     : QStringLiteral("show interfaces %1 transceiver detail").arg(p.interfaceName)};
    }
    return unsupported(kind, platform(), QStringLiteral("RouterLens does not know this query."));
}

namespace {

template<typename R>
Result<RecordSet> wrap(QueryKind kind, Result<QList<R>> r)
{
    if (!r)
        return r.error();
    return RecordSet(kind, std::move(r.value()));
}

// Which form a command prints, in any of its common abbreviations ("sh ip int br").
QStringList words(const QString &command) { return command.simplified().toLower().split(QLatin1Char(' ')); }
bool hasWord(const QString &command, const char *prefix)
{
    for (const QString &w : words(command))
        if (w.startsWith(QLatin1String(prefix)) && !w.isEmpty())
            return true;
    return false;
}
bool isBriefTable(const QString &command) { return hasWord(command, "br"); }
bool isDescriptionTable(const QString &command) { return hasWord(command, "desc"); }
bool isSummary(const QString &command) { return hasWord(command, "su"); }

// The family a BGP command asks for: "show bgp vpnv4 unicast all summary" is the VPNv4 table
// itself (PE and VRF sessions alike); "... vpnv4 vrf X ..." is that VRF's IPv4 unicast.
QString bgpFamilyIn(const QString &command)
{
    const QString c = command.simplified().toLower();
    if (!c.contains(QLatin1String(" vrf ")) && c.contains(QLatin1String("vpnv4")))
        return QStringLiteral("vpnv4-unicast");
    if (!c.contains(QLatin1String(" vrf ")) && c.contains(QLatin1String("vpnv6")))
        return QStringLiteral("vpnv6-unicast");
    return familyInCommand(command);
}

// One command's output into records; the command says which VRF and family it was for.
Result<RecordSet> parseOne(QueryKind kind, const QString &command, const QByteArray &text)
{
    const QString vrf = vrfInCommand(command);
    switch (kind) {
    case QueryKind::Facts: {
        auto f = CiscoIosParser::version(text);
        if (!f)
            return f.error();
        return RecordSet(kind, QList<FactsRecord>{*f});
    }
    case QueryKind::LinkStatus:
        if (isBriefTable(command))
            return wrap(kind, CiscoIosParser::interfacesBrief(text));
        if (isDescriptionTable(command))
            return wrap(kind, CiscoIosParser::interfacesDescription(text));
        return wrap(kind, CiscoIosParser::interfaces(text));
    case QueryKind::VlanErrors: {
        // A router port carrying dot1q subinterfaces says "Encapsulation 802.1Q Virtual LAN,
        // Vlan ID 1." for its native (untagged) VLAN: that port is no tagged subinterface.
        auto r = CiscoIosParser::vlans(text);
        if (r)
            r.value().removeIf([](const VlanRecord &v) { return !v.interfaceName.contains(QLatin1Char('.')); });
        return wrap(kind, std::move(r));
    }
    case QueryKind::BgpStatus: {
        if (!isSummary(command))
            return wrap(kind, CiscoIosParser::bgpNeighbors(text, vrf, bgpFamilyIn(command)));
        auto r = CiscoIosParser::bgpSummary(text, vrf, bgpFamilyIn(command));
        if (r) {
            // A VPN family's table ("show bgp vpnv4 unicast all summary", the VPNv4 section of
            // "show bgp all summary") lists the PE sessions and the VRF sessions alike without
            // naming the VRF: leave it unknown rather than calling them all global.
            for (BgpNeighborRecord &n : r.value())
                if (n.addressFamily.startsWith(u"vpnv") && n.vrf == u"default")
                    n.vrf.clear();
        }
        return wrap(kind, std::move(r));
    }
    case QueryKind::ArpTable:
        if (command.contains(u"ipv6"))
        {
            // Without its header the text is not this table, whatever it holds: refuse it
            // rather than answer "no neighbors".
            bool header = false, printed = false;
            for (const auto &l : clitext::splitLines(text)) {
                const std::string_view t = clitext::trimmed(l.text);
                header = header || (clitext::startsWith(t, "IPv6 Address") && clitext::contains(t, "Link-layer"));
                printed = printed || (!t.empty() && !clitext::isPromptLine(l.text));
            }
            if (printed && !header) {
                if (Error e = clitext::cliError(QStringLiteral("show ipv6 neighbors"), text))
                    return e;
                return clitext::formatError(QStringLiteral("show ipv6 neighbors"), text,
                                            QStringLiteral("it has no \"IPv6 Address  Age  Link-layer Addr  State  Interface\" header"));
            }
            return wrap(kind, CiscoIosParser::ipv6Neighbors(text, vrf));
        }
        return wrap(kind, CiscoIosParser::arp(text, vrf));
    case QueryKind::ReceivedRoutes:
        return wrap(kind, CiscoIosParser::bgpTable(text));
    case QueryKind::AdvertisedRoutes: {
        auto r = CiscoIosParser::bgpTable(text);
        if (r) {
            // "default-originate": IOS says "Originating default network 0.0.0.0" above the
            // table and lists no row for the default it sends.
            for (const auto &l : clitext::splitLines(text)) {
                const std::string_view t = clitext::trimmed(l.text);
                if (clitext::startsWith(t, "Network") || clitext::startsWith(t, "*"))
                    break;
                if (clitext::startsWith(t, "Originating default network ")) {
                    const auto a = IpAddress::parse(clitext::trimmed(t.substr(28)));
                    if (a) {
                        RouteRecord d;
                        d.prefix = IpPrefix(*a, 0);
                        d.best = true;
                        r.value().prepend(d);
                    }
                    break;
                }
            }
        }
        return wrap(kind, std::move(r));
    }
    case QueryKind::RouteLookup:
        return wrap(kind, CiscoIosParser::routeLookup(text));
    case QueryKind::LldpNeighbors:
        // Not running is not "no neighbors": a diagnosis must be able to tell them apart.
        for (const auto &l : clitext::splitLines(text))
            if (clitext::startsWith(clitext::trimmed(l.text), "% LLDP is not enabled"))
                return Error(ErrorCode::UnsupportedQuery,
                             QStringLiteral("LLDP is not enabled on the router, so it keeps no LLDP neighbor table."),
                             QStringLiteral("% LLDP is not enabled"));
        if (command.contains(u"det"))
            return wrap(kind, CiscoIosParser::lldpDetail(text));
        return wrap(kind, CiscoIosParser::lldpSummary(text));
    case QueryKind::Optics:
        return wrap(kind, CiscoIosParser::transceiverDetail(text));
    }
    return Error(ErrorCode::InternalError, QStringLiteral("Unknown query kind."));
}

} // namespace

Result<RecordSet> CiscoIosTranslator::parse(QueryKind kind, const QueryParams &params,
                                            const QList<CommandOutput> &outputs) const
{
    auto all = parseOutputs(*this, kind, params, outputs, [kind](const CommandOutput &o) { return parseOne(kind, o.command, o.output); });
    if (!all)
        return all;
    return applyFilters(*all, params);
}

QString CiscoIosTranslator::guessCommand(QueryKind kind, const QByteArray &text)
{
    switch (kind) {
    case QueryKind::Facts: return QStringLiteral("show version");
    case QueryKind::LinkStatus:
        if (text.contains("IP-Address") && text.contains("OK?"))
            return QStringLiteral("show ip interface brief");
        if (text.startsWith("Interface ") || text.contains("\nInterface ")) {
            for (const auto &l : clitext::splitLines(text))
                if (clitext::startsWith(l.text, "Interface") && clitext::contains(l.text, "Protocol Description"))
                    return QStringLiteral("show interfaces description");
        }
        return QStringLiteral("show interfaces");
    case QueryKind::VlanErrors: return QStringLiteral("show interfaces");
    case QueryKind::BgpStatus:
        if (text.contains("BGP neighbor is "))
            return QStringLiteral("show ip bgp neighbors");
        if (text.contains("For address family:"))
            return QStringLiteral("show bgp all summary");
        // IPv6 neighbors only: the IPv6 summary
        for (const auto &l : clitext::splitLines(text)) {
            const auto tok = clitext::tokenize(l.text);
            if (!tok.empty() && tok[0].column == 0) {
                if (auto a = IpAddress::parse(tok[0].text)) {
                    return a->isV6() ? QStringLiteral("show bgp ipv6 unicast summary") : QStringLiteral("show ip bgp summary");
                }
            }
        }
        return QStringLiteral("show ip bgp summary");
    case QueryKind::ArpTable:
        return text.contains("Link-layer Addr") ? QStringLiteral("show ipv6 neighbors") : QStringLiteral("show ip arp");
    case QueryKind::ReceivedRoutes: return QStringLiteral("show ip bgp neighbors <neighbor> received-routes");
    case QueryKind::AdvertisedRoutes: return QStringLiteral("show ip bgp neighbors <neighbor> advertised-routes");
    case QueryKind::RouteLookup: return QStringLiteral("show ip route <destination>");
    case QueryKind::LldpNeighbors:
        // The summary's header; otherwise the detail form (which names what it missed).
        for (const auto &l : clitext::splitLines(text))
            if (clitext::startsWith(l.text, "Device ID") && clitext::contains(l.text, "Local Intf"))
                return QStringLiteral("show lldp neighbors");
        return QStringLiteral("show lldp neighbors detail");
    case QueryKind::Optics: return QStringLiteral("show interfaces transceiver detail");
    }
    return {};
}

namespace {

// Does an IOS command (in any of its common abbreviations) answer this query?
bool answers(QueryKind kind, const QString &cmd)
{
    const QString c = cmd.simplified().toLower();
    auto has = [&](const char *w) { return c.contains(QLatin1String(w)); };
    const bool show = c.startsWith(u"sh");
    switch (kind) {
    case QueryKind::Facts: return show && has(" ver");
    case QueryKind::LinkStatus:
        // "show interfaces", "show ip interface brief", "show interfaces description"
        return show && has(" int") && !has("transceiver") && !has("status") && !has("counters") && !has("switchport")
               && (!has(" ip ") || has(" br"));
    case QueryKind::VlanErrors: return show && has(" int") && !has("transceiver") && !has(" br") && !has("desc") && !has("status");
    case QueryKind::BgpStatus:
        return show && has("bgp") && (has(" su") || (has(" nei") && !has("routes") && !has("received") && !has("advertised")));
    case QueryKind::ArpTable: return show && (has(" arp") || has("ipv6 nei"));
    case QueryKind::ReceivedRoutes: return show && has("bgp") && (has("received") || has("routes")) && !has("advertised");
    case QueryKind::AdvertisedRoutes: return show && has("bgp") && has("advertised");
    case QueryKind::RouteLookup: return show && (has("ip route") || has("ipv6 route") || has("ip ro "));
    case QueryKind::LldpNeighbors: return show && has("lldp") && has(" nei");
    case QueryKind::Optics: return show && has("transceiver");
    }
    return false;
}

} // namespace

Result<PastedParse> CiscoIosTranslator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    return parsePastedChunks(
        kind, text, [kind](const QByteArray &body) { return guessCommand(kind, body); },
        [kind](const QString &cmd) { return cmd.contains(u'<') || answers(kind, cmd); },
        [kind](const QString &cmd, const QByteArray &body) { return parseOne(kind, cmd, body); });
}

} // namespace rl
