#include "engine/vendors/cisco/cisco_nxos_translator.h"

#include "engine/vendors/cisco/cisco_nxos_json_parsers.h"
#include "engine/vendors/cisco/cisco_nxos_text_parsers.h"

#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/commercial_cli.h"
#include "engine/vendors/common/route_table_json.h"

namespace rl {

using namespace commercial;

SessionProfile CiscoNxosTranslator::sessionProfile() const
{
    const QString ip = clitext::guardIp(), name = clitext::guardName(), prefix = clitext::guardPrefix();
    SessionProfile p;
    p.mode = SessionProfile::Mode::Shell;
    p.setupCommands = {QStringLiteral("terminal length 0"), QStringLiteral("terminal width 511")};
    p.promptPattern = clitext::promptPattern();
    p.guard = CommandGuard({
        QStringLiteral("terminal length 0"),
        QStringLiteral("terminal width 511"),
        QStringLiteral("show version \\| json"),
        QStringLiteral("show interface(?: %1)? \\| json").arg(name),
        QStringLiteral("show bgp vrf (?:all|%1) (?:ipv4|ipv6) unicast summary \\| json").arg(name),
        QStringLiteral("show (?:ip arp|ipv6 neighbor) vrf (?:all|%1) \\| json").arg(name),
        QStringLiteral("show bgp vrf %1 (?:ipv4|ipv6) unicast neighbors %2 (?:received-routes|advertised-routes) \\| json").arg(name, ip),
        QStringLiteral("show (?:ip|ipv6) route %1 vrf %2 \\| json").arg(prefix, name),
        QStringLiteral("show lldp neighbors detail \\| json"),
        QStringLiteral("show interface transceiver details \\| json"),
    });
    return p;
}

Result<QStringList> CiscoNxosTranslator::commands(QueryKind kind, const QueryParams &p) const
{
    const QString vrf = p.vrf.isEmpty() ? QStringLiteral("default") : p.vrf;
    const QString vrfOrAll = p.vrf.isEmpty() ? QStringLiteral("all") : p.vrf;
    const QString fam = familyFor(p);
    switch (kind) {
    case QueryKind::Facts:
        return QStringList{QStringLiteral("show version | json")};
    case QueryKind::LinkStatus:
        return QStringList{p.interfaceName.isEmpty() ? QStringLiteral("show interface | json")
                                                     : QStringLiteral("show interface %1 | json").arg(p.interfaceName)};
    case QueryKind::BgpStatus: {
        QStringList c;
        for (const QString &f : {QStringLiteral("ipv4"), QStringLiteral("ipv6")})
            if (fam.isEmpty() || fam == f)
                c << QStringLiteral("show bgp vrf %1 %2 unicast summary | json").arg(vrfOrAll, f);
        return c;
    }
    case QueryKind::ArpTable:
        return QStringList{QStringLiteral("show ip arp vrf %1 | json").arg(vrfOrAll),
                           QStringLiteral("show ipv6 neighbor vrf %1 | json").arg(vrfOrAll)};
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        if (p.neighbor.isEmpty())
            return needsParam(kind, "neighbor", platform());
        return QStringList{QStringLiteral("show bgp vrf %1 %2 unicast neighbors %3 %4 | json")
                               .arg(vrf, fam.isEmpty() ? QStringLiteral("ipv4") : fam, p.neighbor,
                                    kind == QueryKind::ReceivedRoutes ? QStringLiteral("received-routes") : QStringLiteral("advertised-routes"))};
    case QueryKind::RouteLookup:
        if (p.destination.isEmpty())
            return needsParam(kind, "destination", platform());
        return QStringList{QStringLiteral("show %1 route %2 vrf %3 | json").arg(fam == u"ipv6" ? QStringLiteral("ipv6") : QStringLiteral("ip"), p.destination, vrf)};
    case QueryKind::LldpNeighbors:
        return QStringList{QStringLiteral("show lldp neighbors detail | json")};
    case QueryKind::VlanErrors:
        // Every interface, not just the one asked for: a wrongly tagged frame is counted on the
        // parent, so the subinterface's record needs its parent's counters. Filtered after parsing.
        return QStringList{QStringLiteral("show interface | json")};
    case QueryKind::Optics:
        return QStringList{QStringLiteral("show interface transceiver details | json")};
    }
    return unsupported(kind, platform(), QStringLiteral("RouterLens does not know this query."));
}

namespace {

// Whether the text is a "| json" document (after any echoed prompt or blank lines).
bool isJson(const QByteArray &text)
{
    clitext::LineReader reader(text); // the first lines only: a full table is not split twice
    clitext::Line l;
    while (reader.next(l)) {
        const std::string_view s = clitext::trimmed(l.text);
        if (s.empty() || clitext::isPromptLine(l.text))
            continue;
        return s.front() == '{';
    }
    return false;
}

bool has(const QString &command, const char *word) { return command.contains(QLatin1String(word), Qt::CaseInsensitive); }

Result<RecordSet> parseJson(QueryKind kind, const QString &command, const QByteArray &text)
{
    switch (kind) {
    case QueryKind::Facts: return nxos::versionJson(text, command);
    case QueryKind::LinkStatus: return nxos::interfacesJson(text, command);
    case QueryKind::BgpStatus: return nxos::bgpSummaryJson(text, command, has(command, "ipv6"));
    case QueryKind::ArpTable: return nxos::arpJson(text, command);
    // Route tables stream through On-Demand JSON (no DOM of a full table).
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes: return RouteTableJson::nxos(kind, command, text);
    case QueryKind::RouteLookup: return nxos::routeLookupJson(text, command);
    case QueryKind::LldpNeighbors: return nxos::lldpJson(text, command);
    case QueryKind::VlanErrors: return nxos::vlanErrorsJson(text, command);
    case QueryKind::Optics: return nxos::opticsJson(text, command);
    }
    return Error(ErrorCode::UnsupportedQuery, QStringLiteral("Cisco NX-OS output for %1 is not read by RouterLens yet.").arg(queryKindTitle(kind)));
}

// The text form of `command` (which names the form; see guess() for text without a prompt).
Result<RecordSet> parseText(QueryKind kind, const QString &command, const QByteArray &text)
{
    switch (kind) {
    case QueryKind::Facts: return nxos::versionText(text, command);
    case QueryKind::LinkStatus:
        return has(command, " br") ? nxos::interfacesBriefText(text, command) : nxos::interfacesText(text, command);
    case QueryKind::VlanErrors: return nxos::vlanErrorsText(text, command);
    case QueryKind::BgpStatus:
        return has(command, " sum") ? nxos::bgpSummaryText(text, command) : nxos::bgpNeighborsText(text, command);
    case QueryKind::ArpTable:
        return has(command, "ipv6") ? nxos::ipv6NeighborText(text, command) : nxos::arpText(text, command);
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes: return nxos::bgpRoutesText(kind, text, command);
    case QueryKind::RouteLookup: return nxos::routeLookupText(text, command);
    case QueryKind::LldpNeighbors:
        return has(command, "det") ? nxos::lldpDetailText(text, command) : nxos::lldpSummaryText(text, command);
    case QueryKind::Optics: return nxos::opticsText(text, command);
    }
    return Error(ErrorCode::UnsupportedQuery, QStringLiteral("Cisco NX-OS output for %1 is not read by RouterLens yet.").arg(queryKindTitle(kind)));
}

Result<RecordSet> parseOne(QueryKind kind, const QString &command, const QByteArray &text)
{
    if (const Error e = clitext::cliError(queryKindTitle(kind), text))
        return e;
    if (isJson(text))
        return parseJson(kind, command, text);
    return parseText(kind, command, text);
}

bool answers(QueryKind kind, const QString &cmd)
{
    const QString c = cmd.simplified().toLower();
    auto has = [&](const char *w) { return c.contains(QLatin1String(w)); };
    switch (kind) {
    case QueryKind::Facts: return has("show ver") || has("sh ver");
    // Abbreviations people type ("sh int br", "sh ip bgp sum", "sh int trans det") count too.
    case QueryKind::LinkStatus:
    case QueryKind::VlanErrors: return (has("show int") || has("sh int")) && !has("trans");
    case QueryKind::Optics: return has("trans");
    case QueryKind::BgpStatus: return has("bgp") && (has(" sum") || (has(" nei") && !has("routes")));
    case QueryKind::ArpTable: return has(" arp") || has("ipv6 nei");
    case QueryKind::ReceivedRoutes: return has("bgp") && has("received");
    case QueryKind::AdvertisedRoutes: return has("bgp") && has("advertised");
    case QueryKind::RouteLookup: return has(" route") || has(" ro ");
    case QueryKind::LldpNeighbors: return has("lldp");
    }
    return false;
}

// The command that printed a text pasted without its prompt line, from its shape: a JSON
// document's members, or the header lines of a text form.
QString guess(QueryKind kind, const QByteArray &body)
{
    const bool json = isJson(body);
    switch (kind) {
    case QueryKind::Facts: return json ? QStringLiteral("show version | json") : QStringLiteral("show version");
    case QueryKind::LinkStatus:
        if (json)
            return QStringLiteral("show interface | json");
        // The brief form's sections have dashed lines around column headers.
        if (body.contains("Ethernet      VLAN") || body.contains("Port   VRF") || body.contains("Port-channel VLAN")
            || body.contains("Interface     Secondary") || body.contains("Type Mode   Status"))
            return QStringLiteral("show interface brief");
        return QStringLiteral("show interface");
    case QueryKind::VlanErrors: return json ? QStringLiteral("show interface | json") : QStringLiteral("show interface");
    case QueryKind::Optics: return json ? QStringLiteral("show interface transceiver details | json") : QStringLiteral("show interface transceiver details");
    case QueryKind::BgpStatus:
        if (json)
            return QStringLiteral("show bgp vrf all all summary | json");
        if (body.contains("BGP neighbor is "))
            return QStringLiteral("show bgp vrf all all neighbors");
        return QStringLiteral("show bgp vrf all all summary");
    case QueryKind::ArpTable:
        if (json)
            return body.contains("ipv6-addr") ? QStringLiteral("show ipv6 neighbor vrf all | json") : QStringLiteral("show ip arp vrf all | json");
        return body.contains("IPv6 Adjacency Table") ? QStringLiteral("show ipv6 neighbor") : QStringLiteral("show ip arp");
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes: {
        const bool v6 = body.contains("address family IPv6") || body.contains("\"ipv6prefix\"");
        return QStringLiteral("show bgp %1 unicast neighbors <neighbor> %2%3")
            .arg(v6 ? QStringLiteral("ipv6") : QStringLiteral("ipv4"),
                 kind == QueryKind::ReceivedRoutes ? QStringLiteral("received-routes") : QStringLiteral("advertised-routes"),
                 json ? QStringLiteral(" | json") : QString());
    }
    case QueryKind::RouteLookup: {
        const bool v6 = body.contains("IPv6 Routing Table") || body.contains("\"ipv6prefix\"");
        return QStringLiteral("show %1 route <destination>%2").arg(v6 ? QStringLiteral("ipv6") : QStringLiteral("ip"), json ? QStringLiteral(" | json") : QString());
    }
    case QueryKind::LldpNeighbors:
        if (json)
            return body.contains("TABLE_nbor_detail") ? QStringLiteral("show lldp neighbors detail | json") : QStringLiteral("show lldp neighbors | json");
        return body.contains("Chassis id:") ? QStringLiteral("show lldp neighbors detail") : QStringLiteral("show lldp neighbors");
    }
    return {};
}

// The forms RouterLens reads for a kind, named in the refusal of a text pasted without its
// prompt line (which was matched against them by shape).
QString formsRead(QueryKind kind)
{
    switch (kind) {
    case QueryKind::Facts: return QStringLiteral("show version (text or | json)");
    case QueryKind::LinkStatus: return QStringLiteral("show interface, show interface brief (text), show interface | json");
    case QueryKind::VlanErrors: return QStringLiteral("show interface (text or | json)");
    case QueryKind::BgpStatus:
        return QStringLiteral("show ip bgp summary / show bgp {ipv4|ipv6} unicast summary / show bgp vrf all all summary (text or | json), show bgp ... neighbors (text)");
    case QueryKind::ArpTable: return QStringLiteral("show ip arp, show ipv6 neighbor (text or | json)");
    case QueryKind::ReceivedRoutes: return QStringLiteral("show bgp ... neighbors X received-routes (text or | json)");
    case QueryKind::AdvertisedRoutes: return QStringLiteral("show bgp ... neighbors X advertised-routes (text or | json)");
    case QueryKind::RouteLookup: return QStringLiteral("show ip route X, show ipv6 route X (text or | json)");
    case QueryKind::LldpNeighbors: return QStringLiteral("show lldp neighbors, show lldp neighbors detail (text or | json)");
    case QueryKind::Optics: return QStringLiteral("show interface transceiver details (text or | json)");
    }
    return {};
}

} // namespace

Result<RecordSet> CiscoNxosTranslator::parse(QueryKind kind, const QueryParams &params,
                                             const QList<CommandOutput> &outputs) const
{
    auto all = parseOutputs(*this, kind, params, outputs, [kind](const CommandOutput &o) { return parseOne(kind, o.command, o.output); });
    if (!all)
        return all;
    return applyFilters(*all, params);
}

Result<PastedParse> CiscoNxosTranslator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    return parsePastedChunks(
        kind, text, [kind](const QByteArray &body) { return guess(kind, body); },
        [kind](const QString &cmd) { return cmd.contains(u'<') || answers(kind, cmd); },
        [kind](const QString &cmd, const QByteArray &body) -> Result<RecordSet> {
            auto r = parseOne(kind, cmd, body);
            // Without a prompt line the form was picked by shape: say which forms were tried.
            if (!r && r.error().code == ErrorCode::ParseError && cmd == guess(kind, body)) {
                Error e = r.error();
                e.message += QStringLiteral(" Without a prompt line the text was matched against the NX-OS forms RouterLens reads: %1.").arg(formsRead(kind));
                return e;
            }
            return r;
        });
}

} // namespace rl
