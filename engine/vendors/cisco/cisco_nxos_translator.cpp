#include "engine/vendors/cisco/cisco_nxos_translator.h"

#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/commercial_cli.h"
#include "engine/vendors/common/json_dom.h"
#include "engine/vendors/common/route_table_json.h"
#include "engine/vendors/common/string_interner.h"

#include <QHash>

namespace rl {

using namespace commercial;
using namespace jsondom;

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

// Walks TABLE_/ROW_ nesting to every row under `rowKey`, passing the VRF named on the way.
template<typename Fn>
void walkRows(Element e, const QString &vrf, std::string_view rowKey, std::string_view vrfKey, Fn &&fn)
{
    simdjson::dom::array a;
    if (e.get(a) == simdjson::SUCCESS) {
        for (Element x : a)
            walkRows(x, vrf, rowKey, vrfKey, fn);
        return;
    }
    simdjson::dom::object o;
    if (e.get(o) != simdjson::SUCCESS)
        return;
    QString here = vrf;
    if (const std::string_view v = str(e, vrfKey); !v.empty())
        here = toQString(v);
    for (auto field : o) {
        if (field.key == rowKey)
            forEachRow(field.value, [&](Element row) { fn(here, row); });
        else if (field.key.substr(0, 6) == "TABLE_" || field.key.substr(0, 4) == "ROW_")
            walkRows(field.value, here, rowKey, vrfKey, fn);
    }
}

QString afName(std::string_view nx, bool v6Default)
{
    // "IPv4 Unicast", "IPv6 Unicast"; older releases: af-id 1/2 and safi 1
    if (nx.empty())
        return v6Default ? QStringLiteral("ipv6-unicast") : QStringLiteral("ipv4-unicast");
    QString s = toQString(nx).toLower();
    s.replace(QLatin1Char(' '), QLatin1Char('-'));
    return s;
}

Result<RecordSet> parseOne(QueryKind kind, const QString &command, const QByteArray &text)
{
    // Route tables stream through On-Demand JSON (no DOM of a full table).
    if (kind == QueryKind::ReceivedRoutes || kind == QueryKind::AdvertisedRoutes)
        return RouteTableJson::nxos(kind, command, text);
    simdjson::dom::parser &parser = threadParser();
    const jsondom::ParserRelease release(parser);
    const QString what = queryKindTitle(kind);
    auto doc = jsondom::parse(parser, text, command.isEmpty() ? what : command);
    if (!doc)
        return doc.error();
    const Element root = *doc;
    const bool v6 = command.contains(u"ipv6");
    switch (kind) {
    case QueryKind::Facts: {
        if (!has(root, "nxos_ver_str") && !has(root, "kickstart_ver_str") && !has(root, "sys_ver_str"))
            return clitext::formatError(what, text, QStringLiteral("it has no NX-OS version member"));
        FactsRecord f;
        f.vendor = QStringLiteral("Cisco");
        f.platform = QStringLiteral("cisco-nxos");
        f.hostname = qstr(root, "host_name");
        f.osVersion = has(root, "nxos_ver_str") ? qstr(root, "nxos_ver_str") : has(root, "sys_ver_str") ? qstr(root, "sys_ver_str") : qstr(root, "kickstart_ver_str");
        f.model = qstr(root, "chassis_id");
        f.serial = qstr(root, "proc_board_id");
        const qint64 d = integer(root, "kern_uptm_days"), h = integer(root, "kern_uptm_hrs"),
                     m = integer(root, "kern_uptm_mins"), s = integer(root, "kern_uptm_secs");
        if (d >= 0)
            f.uptimeSeconds = ((d * 24 + std::max<qint64>(h, 0)) * 60 + std::max<qint64>(m, 0)) * 60 + std::max<qint64>(s, 0);
        return RecordSet(kind, QList<FactsRecord>{f});
    }
    case QueryKind::LinkStatus: {
        if (!has(root, "TABLE_interface"))
            return clitext::formatError(what, text, QStringLiteral("it has no TABLE_interface"));
        QList<InterfaceRecord> rows;
        forEachNxRow(root, "interface", [&](Element i) {
            InterfaceRecord r;
            r.name = qstr(i, "interface");
            const std::string_view admin = str(i, "admin_state");
            r.adminState = admin == "down" ? LinkState::AdminDown : LinkState::Up;
            r.operState = linkStateFromName(qstr(i, "state"));
            const qint64 bw = integer(i, "eth_bw");
            r.speedBps = bw < 0 ? -1 : bw * 1000; // eth_bw is in Kbit/s
            r.mtu = integer(i, "eth_mtu");
            r.mac = normalizeMac(qstr(i, "eth_hw_addr"));
            r.description = qstr(i, "desc");
            r.inPackets = integer(i, "eth_inpkts");
            r.outPackets = integer(i, "eth_outpkts");
            r.inErrors = integer(i, "eth_inerr");
            r.outErrors = integer(i, "eth_outerr");
            r.crcErrors = integer(i, "eth_crc");
            r.inDiscards = integer(i, "eth_indiscard");
            r.outDiscards = integer(i, "eth_outdiscard");
            rows.append(r);
        });
        return RecordSet(kind, rows);
    }
    case QueryKind::BgpStatus: {
        if (!has(root, "TABLE_vrf"))
            return clitext::formatError(what, text, QStringLiteral("it has no TABLE_vrf"));
        QList<BgpNeighborRecord> rows;
        Error bad;
        forEachNxRow(root, "vrf", [&](Element vrf) {
            const QString vrfName = qstr(vrf, "vrf-name-out");
            const qint64 localAs = integer(vrf, "vrf-local-as");
            forEachNxRow(vrf, "af", [&](Element af) {
                forEachNxRow(af, "saf", [&](Element saf) {
                    const QString family = afName(str(saf, "af-name"), v6);
                    forEachNxRow(saf, "neighbor", [&](Element n) {
                        BgpNeighborRecord r;
                        r.vrf = vrfName;
                        r.addressFamily = family;
                        r.neighbor = qstr(n, "neighborid");
                        r.localAs = localAs;
                        r.remoteAs = integer(n, "neighboras");
                        r.stateDetail = qstr(n, "state");
                        r.state = bgpStateFromName(r.stateDetail);
                        r.adminEnabled = !r.stateDetail.contains(u"Admin") && !r.stateDetail.contains(u"Shut");
                        const auto up = clitext::parseDuration(str(n, "time"));
                        if (!up && !bad)
                            bad = clitext::formatError(what, text, QStringLiteral("\"%1\" is not an up/down time").arg(qstr(n, "time")));
                        r.uptimeSeconds = up.value_or(-1);
                        r.prefixesReceived = integer(n, "prefixreceived");
                        rows.append(r);
                    });
                });
            });
        });
        if (bad)
            return bad;
        return RecordSet(kind, rows);
    }
    case QueryKind::ArpTable: {
        if (!has(root, "TABLE_vrf"))
            return clitext::formatError(what, text, QStringLiteral("it has no TABLE_vrf"));
        QList<ArpRecord> rows;
        walkRows(root, QStringLiteral("default"), "ROW_adj", "vrf-name-out", [&](const QString &vrf, Element a) {
            ArpRecord r;
            r.vrf = vrf;
            r.ip = has(a, "ip-addr-out") ? qstr(a, "ip-addr-out") : qstr(a, "ipv6-addr");
            r.mac = normalizeMac(qstr(a, "mac"));
            r.interfaceName = qstr(a, "intf-out");
            r.ageSeconds = clitext::parseDuration(str(a, "time-stamp")).value_or(-1);
            r.state = r.mac.isEmpty() ? NeighborState::Incomplete : NeighborState::Complete;
            rows.append(r);
        });
        return RecordSet(kind, rows);
    }
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        break; // read by RouteTableJson above
    case QueryKind::RouteLookup: {
        QList<RouteRecord> rows;
        walkRows(root, QString(), "ROW_prefix", "vrf-name-out", [&](const QString &, Element pfx) {
            const auto p = IpPrefix::parse(str(pfx, "ipprefix").empty() ? str(pfx, "ipv6prefix") : str(pfx, "ipprefix"));
            if (!p)
                return;
            forEachNxRow(pfx, "path", [&](Element path) {
                RouteRecord r;
                r.prefix = *p;
                if (auto a = IpAddress::parse(str(path, "ipnexthop").empty() ? str(path, "ipv6nexthop") : str(path, "ipnexthop")))
                    r.nextHop = *a;
                r.interfaceName = qstr(path, "ifname");
                r.protocol = qstr(path, "clientname").section(QLatin1Char('-'), 0, 0);
                r.med = integer(path, "metric");
                r.best = str(path, "ubest") == "true" || rows.isEmpty();
                rows.append(r);
            });
        });
        return RecordSet(kind, rows);
    }
    case QueryKind::LldpNeighbors: {
        QList<LldpNeighborRecord> rows;
        forEachNxRow(root, "nbor_detail", [&](Element n) {
            LldpNeighborRecord r;
            r.localInterface = qstr(n, "l_port_id");
            r.remoteSystemName = qstr(n, "sys_name");
            r.remoteChassisId = qstr(n, "chassis_id");
            r.remotePortId = qstr(n, "port_id");
            r.remotePortDescription = qstr(n, "port_desc");
            r.remoteMgmtAddress = qstr(n, "mgmt_addr");
            r.capabilities = qstr(n, "enabled_capability");
            rows.append(r);
        });
        return RecordSet(kind, rows);
    }
    case QueryKind::VlanErrors: {
        if (!has(root, "TABLE_interface"))
            return clitext::formatError(what, text, QStringLiteral("it has no TABLE_interface"));
        struct Row {
            VlanRecord v;
            qint64 badEtype = -1;
            bool tagged = false;
        };
        QList<Row> all;
        forEachNxRow(root, "interface", [&](Element i) {
            Row r;
            r.v.interfaceName = qstr(i, "interface");
            r.v.parentInterface = has(i, "parent_interface") ? qstr(i, "parent_interface")
                                                             : r.v.interfaceName.section(QLatin1Char('.'), 0, 0);
            const qint64 tag = integer(i, "eth_encap_vlan");
            // "encapsulation": "802.1Q" on a subinterface, "ARPA" on a plain port.
            r.tagged = tag > 0 || qstr(i, "encapsulation").contains(u"802.1Q", Qt::CaseInsensitive);
            r.v.vlanId = tag > 0 ? tag : -1;
            r.v.encapsulation = r.tagged ? QStringLiteral("dot1q") : QString();
            r.v.operState = str(i, "admin_state") == "down" ? LinkState::AdminDown : linkStateFromName(qstr(i, "state"));
            r.v.inPackets = integer(i, "eth_inpkts");
            r.v.outPackets = integer(i, "eth_outpkts");
            r.v.otherDrops = integer(i, "eth_indiscard");
            // "bad etype drop": frames whose EtherType / VLAN tag no (sub)interface of the port takes.
            r.badEtype = integer(i, "eth_bad_eth");
            all.append(r);
        });
        QHash<QString, qint64> parentDrops;
        for (const Row &r : all)
            if (!r.tagged)
                parentDrops.insert(r.v.interfaceName, r.badEtype);
        QList<VlanRecord> rows;
        for (const Row &r : all) {
            if (!r.tagged)
                continue;
            VlanRecord v = r.v;
            v.unknownTagDrops = parentDrops.value(v.parentInterface, r.badEtype);
            rows.append(v);
        }
        return RecordSet(kind, rows);
    }
    case QueryKind::Optics: {
        if (!has(root, "TABLE_interface"))
            return clitext::formatError(what, text, QStringLiteral("it has no TABLE_interface"));
        QList<OpticsRecord> rows;
        forEachNxRow(root, "interface", [&](Element i) {
            if (str(i, "sfp") != "present")
                return; // empty cage
            const QString name = qstr(i, "interface");
            // Copper cables and optics without diagnostics have no lane table.
            forEachNxRow(i, "lane", [&](Element l) {
                OpticsRecord r;
                r.interfaceName = name;
                r.lane = integer(l, "lane_number");
                r.rxPowerDbm = real(l, "rx_pwr");
                r.txPowerDbm = real(l, "tx_pwr");
                r.temperatureC = real(l, "temperature");
                r.biasMa = real(l, "current");
                r.rxLowWarnDbm = real(l, "rx_pwr_warn_lo");
                r.rxHighWarnDbm = real(l, "rx_pwr_warn_hi");
                r.txLowWarnDbm = real(l, "tx_pwr_warn_lo");
                r.txHighWarnDbm = real(l, "tx_pwr_warn_hi");
                rows.append(r);
            });
        });
        return RecordSet(kind, rows);
    }
    }
    return Error(ErrorCode::UnsupportedQuery, QStringLiteral("Cisco NX-OS output for %1 is not read by RouterLens yet.").arg(what));
}

bool answers(QueryKind kind, const QString &cmd)
{
    const QString c = cmd.simplified().toLower();
    auto has = [&](const char *w) { return c.contains(QLatin1String(w)); };
    switch (kind) {
    case QueryKind::Facts: return has("show ver");
    case QueryKind::LinkStatus:
    case QueryKind::VlanErrors: return has("show int") && !has("transceiver");
    case QueryKind::Optics: return has("transceiver");
    case QueryKind::BgpStatus: return has("bgp") && has("summ");
    case QueryKind::ArpTable: return has(" arp") || has("ipv6 nei");
    case QueryKind::ReceivedRoutes: return has("bgp") && has("received");
    case QueryKind::AdvertisedRoutes: return has("bgp") && has("advertised");
    case QueryKind::RouteLookup: return has(" route");
    case QueryKind::LldpNeighbors: return has("lldp");
    default: return false;
    }
}

QString guess(QueryKind kind, const QByteArray &body)
{
    switch (kind) {
    case QueryKind::Facts: return QStringLiteral("show version | json");
    case QueryKind::LinkStatus:
    case QueryKind::VlanErrors: return QStringLiteral("show interface | json");
    case QueryKind::Optics: return QStringLiteral("show interface transceiver details | json");
    case QueryKind::BgpStatus: return QStringLiteral("show bgp vrf all all summary | json");
    case QueryKind::ArpTable: return body.contains("ipv6-addr") ? QStringLiteral("show ipv6 neighbor vrf all | json") : QStringLiteral("show ip arp vrf all | json");
    case QueryKind::ReceivedRoutes: return QStringLiteral("show bgp ipv4 unicast neighbors <neighbor> received-routes | json");
    case QueryKind::AdvertisedRoutes: return QStringLiteral("show bgp ipv4 unicast neighbors <neighbor> advertised-routes | json");
    case QueryKind::RouteLookup: return QStringLiteral("show ip route <destination> | json");
    case QueryKind::LldpNeighbors: return QStringLiteral("show lldp neighbors detail | json");
    default: return {};
    }
}

} // namespace

Result<RecordSet> CiscoNxosTranslator::parse(QueryKind kind, const QueryParams &params,
                                             const QList<CommandOutput> &outputs) const
{
    const auto cmds = commands(kind, params);
    if (!cmds)
        return cmds.error();
    if (outputs.size() != cmds->size())
        return outputCountMismatch(kind, cmds->size(), outputs.size());
    RecordSet all(kind);
    for (const CommandOutput &o : outputs) {
        auto part = parseOne(kind, o.command, o.output);
        if (!part)
            return part.error();
        appendRecords(all, *part);
    }
    return applyFilters(all, params);
}

Result<PastedParse> CiscoNxosTranslator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    return parsePastedChunks(
        kind, text, [kind](const QByteArray &body) { return guess(kind, body); },
        [kind](const QString &cmd) { return cmd.contains(u'<') || answers(kind, cmd); },
        [kind](const QString &cmd, const QByteArray &body) { return parseOne(kind, cmd, body); });
}

} // namespace rl
