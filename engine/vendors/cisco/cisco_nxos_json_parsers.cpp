#include "engine/vendors/cisco/cisco_nxos_json_parsers.h"

#include "engine/vendors/cisco/cisco_nxos_text_parsers.h"

#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/json_dom.h"

#include <QHash>

namespace rl::nxos {

using namespace jsondom;

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
    // "IPv4 Unicast", "IPv6 Unicast"; older releases print only af-id 1/2 and safi 1
    if (nx.empty())
        return v6Default ? QStringLiteral("ipv6-unicast") : QStringLiteral("ipv4-unicast");
    QString s = toQString(nx).toLower();
    s.replace(QLatin1Char(' '), QLatin1Char('-'));
    return s;
}

// The first present key's string value: releases renamed members over time.
QString firstOf(Element e, std::initializer_list<std::string_view> keys)
{
    for (std::string_view k : keys)
        if (has(e, k))
            return qstr(e, k);
    return {};
}
// Parses the document and hands its root to `read`; the parser stays alive meanwhile.
template<typename Fn>
Result<RecordSet> withRoot(const QByteArray &text, const QString &what, Fn &&read)
{
    simdjson::dom::parser &parser = threadParser();
    const jsondom::ParserRelease release(parser);
    auto doc = jsondom::parse(parser, text, what);
    if (!doc)
        return doc.error();
    return read(*doc);
}

QString titleOr(const QString &command, QueryKind kind)
{
    return command.isEmpty() ? queryKindTitle(kind) : command;
}

} // namespace

Result<RecordSet> versionJson(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, QueryKind::Facts);
    return withRoot(text, what, [&](Element root) -> Result<RecordSet> {
        if (!has(root, "nxos_ver_str") && !has(root, "kickstart_ver_str") && !has(root, "sys_ver_str"))
            return clitext::formatError(what, text, QStringLiteral("it has no NX-OS version member"));
        FactsRecord f;
        f.vendor = QStringLiteral("Cisco");
        f.platform = QStringLiteral("cisco-nxos");
        f.hostname = qstr(root, "host_name");
        f.osVersion = firstOf(root, {"nxos_ver_str", "sys_ver_str", "kickstart_ver_str"});
        f.model = qstr(root, "chassis_id");
        f.serial = qstr(root, "proc_board_id");
        const qint64 d = integer(root, "kern_uptm_days"), h = integer(root, "kern_uptm_hrs"),
                     m = integer(root, "kern_uptm_mins"), s = integer(root, "kern_uptm_secs");
        if (d >= 0)
            f.uptimeSeconds = ((d * 24 + std::max<qint64>(h, 0)) * 60 + std::max<qint64>(m, 0)) * 60 + std::max<qint64>(s, 0);
        return RecordSet(QueryKind::Facts, QList<FactsRecord>{f});
    });
}

Result<RecordSet> interfacesJson(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, QueryKind::LinkStatus);
    return withRoot(text, what, [&](Element root) -> Result<RecordSet> {
        if (!has(root, "TABLE_interface"))
            return clitext::formatError(what, text, QStringLiteral("it has no TABLE_interface"));
        QList<InterfaceRecord> rows;
        forEachNxRow(root, "interface", [&](Element i) {
            InterfaceRecord r;
            r.name = qstr(i, "interface");
            if (has(i, "svi_admin_state")) {
                // SVIs (VlanN) report with their own "svi_" members.
                r.adminState = str(i, "svi_admin_state") == "down" ? LinkState::AdminDown : LinkState::Up;
                r.operState = linkStateFromName(qstr(i, "svi_line_proto"));
                const qint64 bw = integer(i, "svi_bw");
                r.speedBps = bw < 0 ? -1 : bw * 1000;
                r.mtu = integer(i, "svi_mtu");
                r.mac = normalizeMac(qstr(i, "svi_mac"));
                r.description = qstr(i, "desc");
                r.inPackets = integer(i, "svi_ucast_pkts_in");
                r.outPackets = integer(i, "svi_ucast_pkts_out");
                rows.append(r);
                return;
            }
            // Older releases have no admin_state member: the reason says when it is shut.
            const std::string_view admin = str(i, "admin_state");
            const bool shut = admin == "down" || (admin.empty() && str(i, "state_rsn_desc").find("Administratively down") != std::string_view::npos);
            r.adminState = shut ? LinkState::AdminDown : LinkState::Up;
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
            // "eth_link_flapped": "5d02h", "1week(s) 2day(s)", "never"
            if (const std::string_view f = str(i, "eth_link_flapped"); !f.empty())
                r.lastChangeSeconds = flapDuration(f).value_or(-1);
            rows.append(r);
        });
        return RecordSet(QueryKind::LinkStatus, rows);
    });
}

Result<RecordSet> bgpSummaryJson(const QByteArray &text, const QString &command, bool v6)
{
    const QString what = titleOr(command, QueryKind::BgpStatus);
    return withRoot(text, what, [&](Element root) -> Result<RecordSet> {
        if (!has(root, "TABLE_vrf"))
            return clitext::formatError(what, text, QStringLiteral("it has no TABLE_vrf"));
        QList<BgpNeighborRecord> rows;
        Error bad;
        forEachNxRow(root, "vrf", [&](Element vrf) {
            const QString vrfName = qstr(vrf, "vrf-name-out");
            const qint64 localAs = integer(vrf, "vrf-local-as");
            forEachNxRow(vrf, "af", [&](Element af) {
                forEachNxRow(af, "saf", [&](Element saf) {
                    // Older releases name the family only by af-id (1 IPv4, 2 IPv6).
                    const qint64 afId = integer(af, "af-id");
                    const QString family = afName(str(saf, "af-name"), afId == 2 || (afId < 0 && v6));
                    forEachNxRow(saf, "neighbor", [&](Element n) {
                        BgpNeighborRecord r;
                        r.vrf = vrfName;
                        r.addressFamily = family;
                        r.neighbor = qstr(n, "neighborid");
                        r.localAs = localAs;
                        r.remoteAs = integer(n, "neighboras");
                        r.stateDetail = qstr(n, "state");
                        r.state = bgpState(r.stateDetail);
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
        return RecordSet(QueryKind::BgpStatus, rows);
    });
}

Result<RecordSet> arpJson(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, QueryKind::ArpTable);
    return withRoot(text, what, [&](Element root) -> Result<RecordSet> {
        if (!has(root, "TABLE_vrf"))
            return clitext::formatError(what, text, QStringLiteral("it has no TABLE_vrf"));
        QList<ArpRecord> rows;
        walkRows(root, QStringLiteral("default"), "ROW_adj", "vrf-name-out", [&](const QString &vrf, Element a) {
            ArpRecord r;
            r.vrf = vrf;
            r.ip = firstOf(a, {"ip-addr-out", "ipv6-addr", "addr"});
            r.mac = normalizeMac(qstr(a, "mac"));
            r.interfaceName = qstr(a, "intf-out");
            r.ageSeconds = clitext::parseDuration(str(a, "time-stamp")).value_or(-1);
            r.state = r.mac.isEmpty() ? NeighborState::Incomplete : NeighborState::Complete;
            rows.append(r);
        });
        return RecordSet(QueryKind::ArpTable, rows);
    });
}

Result<RecordSet> routeLookupJson(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, QueryKind::RouteLookup);
    return withRoot(text, what, [&](Element root) -> Result<RecordSet> {
        if (!has(root, "TABLE_vrf"))
            return clitext::formatError(what, text, QStringLiteral("it has no TABLE_vrf"));
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
        return RecordSet(QueryKind::RouteLookup, rows);
    });
}

Result<RecordSet> lldpJson(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, QueryKind::LldpNeighbors);
    return withRoot(text, what, [&](Element root) -> Result<RecordSet> {
        QList<LldpNeighborRecord> rows;
        if (has(root, "TABLE_nbor_detail")) {
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
        } else if (has(root, "TABLE_nbor")) {
            // The summary: its "chassis_id" member holds the Device ID column (the system
            // name, or the chassis MAC when the neighbor sends no name).
            forEachNxRow(root, "nbor", [&](Element n) {
                LldpNeighborRecord r;
                r.localInterface = qstr(n, "l_port_id");
                r.remoteSystemName = qstr(n, "chassis_id");
                r.remotePortId = qstr(n, "port_id");
                r.capabilities = lldpCapabilityLetters(firstOf(n, {"system_capability", "capability"}));
                if (isDottedMac(r.remoteSystemName))
                    std::swap(r.remoteSystemName, r.remoteChassisId);
                rows.append(r);
            });
        } else {
            return clitext::formatError(what, text, QStringLiteral("it has no TABLE_nbor_detail or TABLE_nbor"));
        }
        return RecordSet(QueryKind::LldpNeighbors, rows);
    });
}

Result<RecordSet> vlanErrorsJson(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, QueryKind::VlanErrors);
    return withRoot(text, what, [&](Element root) -> Result<RecordSet> {
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
        return RecordSet(QueryKind::VlanErrors, rows);
    });
}

Result<RecordSet> opticsJson(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, QueryKind::Optics);
    return withRoot(text, what, [&](Element root) -> Result<RecordSet> {
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
        return RecordSet(QueryKind::Optics, rows);
    });
}

} // namespace rl::nxos
