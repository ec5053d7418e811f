#include "engine/vendors/arista/arista_eos_json_parsers.h"

#include "engine/vendors/arista/arista_eos_interface_status.h"
#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/json_dom.h"

#include <cmath>

namespace rl::eosJson {

using namespace jsondom;

namespace {

// A UNIX timestamp as an age at `now`; a timestamp after `now` (clock skew) is age 0.
qint64 sinceEpoch(double ts, qint64 now)
{
    if (std::isnan(ts) || ts <= 0)
        return -1;
    return ts > double(now) ? 0 : now - qint64(ts);
}

qint64 sumCounters(Element c, const char *a, const char *b, const char *cc)
{
    const qint64 x = integer(c, a), y = integer(c, b), z = integer(c, cc);
    return x < 0 ? -1 : x + std::max<qint64>(y, 0) + std::max<qint64>(z, 0);
}

// Parses `json` and hands its root to `read`; the DOM parser is released afterwards.
template<typename Fn>
Result<RecordSet> withRoot(const QByteArray &json, const QString &what, Fn &&read)
{
    simdjson::dom::parser &parser = threadParser();
    const jsondom::ParserRelease release(parser);
    auto doc = jsondom::parse(parser, json, what);
    if (!doc)
        return doc.error();
    return read(*doc);
}

Error missing(const QString &what, const QByteArray &json, const char *member)
{
    return clitext::formatError(what, json, QStringLiteral("it has no \"%1\" member").arg(QLatin1String(member)));
}

} // namespace

Result<RecordSet> showVersion(const QByteArray &json, qint64 now)
{
    const QString what = QStringLiteral("show version | json");
    return withRoot(json, what, [&](Element root) -> Result<RecordSet> {
        if (!has(root, "version"))
            return missing(what, json, "version");
        FactsRecord f;
        f.vendor = QStringLiteral("Arista");
        f.platform = QStringLiteral("arista-eos");
        f.osVersion = qstr(root, "version");
        f.model = qstr(root, "modelName");
        f.serial = qstr(root, "serialNumber");
        const double up = real(root, "uptime");
        f.uptimeSeconds = !std::isnan(up) ? qint64(up) : sinceEpoch(real(root, "bootupTimestamp"), now);
        return RecordSet(QueryKind::Facts, QList<FactsRecord>{f});
    });
}

Result<RecordSet> showHostname(const QByteArray &json)
{
    const QString what = QStringLiteral("show hostname | json");
    return withRoot(json, what, [&](Element root) -> Result<RecordSet> {
        if (!has(root, "hostname"))
            return missing(what, json, "hostname");
        FactsRecord f;
        f.vendor = QStringLiteral("Arista");
        f.platform = QStringLiteral("arista-eos");
        f.hostname = qstr(root, "hostname");
        return RecordSet(QueryKind::Facts, QList<FactsRecord>{f});
    });
}

Result<RecordSet> showInterfaces(const QByteArray &json, qint64 now)
{
    const QString what = QStringLiteral("show interfaces | json");
    return withRoot(json, what, [&](Element root) -> Result<RecordSet> {
        if (has(root, "interfaceStatuses")) {
            // "show interfaces status | json": the summary. What it lacks stays unknown.
            QList<InterfaceRecord> rows;
            forEachMember(member(root, "interfaceStatuses"), [&](std::string_view name, Element i) {
                InterfaceRecord r;
                r.name = toQString(name);
                r.description = qstr(i, "description");
                const std::string_view link = str(i, "linkStatus");
                r.adminState = link == "disabled" ? LinkState::AdminDown : LinkState::Up;
                r.operState = link == "connected" ? LinkState::Up : LinkState::Down;
                const qint64 bw = integer(i, "bandwidth");
                r.speedBps = bw > 0 ? bw : -1; // 0 while a port negotiates or has no link
                rows.append(r);
            });
            return RecordSet(QueryKind::LinkStatus, rows);
        }
        if (!has(root, "interfaces"))
            return missing(what, json, "interfaces");
        QList<InterfaceRecord> rows;
        forEachMember(member(root, "interfaces"), [&](std::string_view name, Element i) {
            InterfaceRecord r;
            r.name = toQString(name);
            r.adminState = str(i, "interfaceStatus") == "disabled" ? LinkState::AdminDown : LinkState::Up;
            r.operState = linkStateFromName(toQString(str(i, "lineProtocolStatus")));
            r.speedBps = integer(i, "bandwidth"); // already bit/s
            r.mtu = integer(i, "mtu");
            r.mac = normalizeMac(qstr(i, "physicalAddress"));
            r.description = qstr(i, "description");
            r.lastChangeSeconds = sinceEpoch(real(i, "lastStatusChangeTimestamp"), now);
            if (has(i, "interfaceCounters")) {
                const Element c = member(i, "interfaceCounters");
                r.inPackets = sumCounters(c, "inUcastPkts", "inMulticastPkts", "inBroadcastPkts");
                r.outPackets = sumCounters(c, "outUcastPkts", "outMulticastPkts", "outBroadcastPkts");
                r.inErrors = integer(c, "totalInErrors");
                r.outErrors = integer(c, "totalOutErrors");
                r.inDiscards = integer(c, "inDiscards");
                r.outDiscards = integer(c, "outDiscards");
                r.crcErrors = integer(member(c, "inputErrorsDetail"), "fcsErrors");
            }
            rows.append(r);
        });
        return RecordSet(QueryKind::LinkStatus, rows);
    });
}

Result<RecordSet> showBgpSummary(const QByteArray &json, bool ipv6, qint64 now)
{
    const QString what = ipv6 ? QStringLiteral("show ipv6 bgp summary | json") : QStringLiteral("show ip bgp summary | json");
    return withRoot(json, what, [&](Element root) -> Result<RecordSet> {
        if (!has(root, "vrfs"))
            return missing(what, json, "vrfs");
        QList<BgpNeighborRecord> rows;
        forEachMember(member(root, "vrfs"), [&](std::string_view vrf, Element v) {
            const qint64 localAs = clitext::parseAsn(str(v, "asn")).value_or(integer(v, "asn"));
            forEachMember(member(v, "peers"), [&](std::string_view peer, Element n) {
                BgpNeighborRecord r;
                r.vrf = toQString(vrf);
                r.neighbor = toQString(peer);
                r.addressFamily = ipv6 ? QStringLiteral("ipv6-unicast") : QStringLiteral("ipv4-unicast");
                r.localAs = localAs;
                // Newer EOS writes ASNs as strings (asdot when configured so).
                r.remoteAs = clitext::parseAsn(str(n, "asn")).value_or(integer(n, "asn"));
                r.stateDetail = qstr(n, "peerState");
                r.state = bgpStateFromName(r.stateDetail);
                const std::string_view reason = str(n, "peerStateIdleReason");
                if (!reason.empty()) {
                    r.stateDetail += QStringLiteral(" (%1)").arg(toQString(reason));
                    r.adminEnabled = reason != "Admin";
                }
                r.uptimeSeconds = sinceEpoch(real(n, "upDownTime"), now);
                r.prefixesReceived = integer(n, "prefixReceived");
                r.prefixesAccepted = integer(n, "prefixAccepted");
                r.description = qstr(n, "description");
                rows.append(r);
            });
        });
        return RecordSet(QueryKind::BgpStatus, rows);
    });
}

Result<RecordSet> showArp(const QByteArray &json, bool ipv6, const QString &vrf)
{
    const QString what = ipv6 ? QStringLiteral("show ipv6 neighbors | json") : QStringLiteral("show ip arp | json");
    return withRoot(json, what, [&](Element root) -> Result<RecordSet> {
        QList<ArpRecord> rows;
        auto readList = [&](const QString &vrfName, Element list) {
            forEachRow(list, [&](Element e) {
                ArpRecord r;
                r.vrf = vrfName;
                r.ip = qstr(e, "address");
                r.mac = normalizeMac(qstr(e, "hwAddress"));
                // "Vlan100, Ethernet2": the routed interface, then the port the MAC was learned on
                // (or "not learned"); the record names the routed interface, as the text form does.
                r.interfaceName = qstr(e, "interface").section(QLatin1Char(','), 0, 0).trimmed();
                r.ageSeconds = integer(e, "age");
                const std::string_view st = str(e, "state");
                r.state = !st.empty() ? neighborStateFromName(toQString(st))
                          : r.mac.isEmpty() ? NeighborState::Incomplete : NeighborState::Complete;
                rows.append(r);
            });
        };
        const char *listKey = ipv6 ? "ipV6Neighbors" : "ipV4Neighbors";
        if (has(root, "vrfs"))
            forEachMember(member(root, "vrfs"), [&](std::string_view v, Element e) { readList(toQString(v), member(e, listKey)); });
        else if (has(root, listKey))
            readList(vrf, member(root, listKey)); // older EOS: no per-VRF level
        else
            return Result<RecordSet>(clitext::formatError(what, json, QStringLiteral("it has neither \"vrfs\" nor \"%1\"").arg(QLatin1String(listKey))));
        return Result<RecordSet>(RecordSet(QueryKind::ArpTable, rows));
    });
}

Result<RecordSet> showIpRoute(const QByteArray &json)
{
    const QString what = QStringLiteral("show ip route | json");
    return withRoot(json, what, [&](Element root) -> Result<RecordSet> {
        if (!has(root, "vrfs"))
            return missing(what, json, "vrfs");
        QList<RouteRecord> rows;
        forEachMember(member(root, "vrfs"), [&](std::string_view, Element v) {
            forEachMember(member(v, "routes"), [&](std::string_view prefix, Element e) {
                const auto p = IpPrefix::parse(prefix);
                if (!p)
                    return;
                RouteRecord base;
                base.prefix = *p;
                base.protocol = qstr(e, "routeType");
                base.med = integer(e, "metric");
                bool first = true;
                forEachRow(member(e, "vias"), [&](Element via) {
                    RouteRecord r = base;
                    if (auto nh = IpAddress::parse(str(via, "nexthopAddr")))
                        r.nextHop = *nh;
                    r.interfaceName = qstr(via, "interface");
                    r.best = first;
                    first = false;
                    rows.append(r);
                });
                if (first)
                    rows.append(base);
            });
        });
        return RecordSet(QueryKind::RouteLookup, rows);
    });
}

Result<RecordSet> showLldpNeighbors(const QByteArray &json)
{
    const QString what = QStringLiteral("show lldp neighbors detail | json");
    return withRoot(json, what, [&](Element root) -> Result<RecordSet> {
        if (!has(root, "lldpNeighbors"))
            return missing(what, json, "lldpNeighbors");
        QList<LldpNeighborRecord> rows;
        const Element all = member(root, "lldpNeighbors");
        if (all.is_array()) {
            // "show lldp neighbors | json": port, neighborDevice, neighborPort, ttl only.
            forEachRow(all, [&](Element n) {
                LldpNeighborRecord r;
                r.localInterface = qstr(n, "port");
                r.remoteSystemName = qstr(n, "neighborDevice");
                r.remotePortId = qstr(n, "neighborPort");
                rows.append(r);
            });
            return RecordSet(QueryKind::LldpNeighbors, rows);
        }
        forEachMember(all, [&](std::string_view local, Element e) {
            forEachRow(member(e, "lldpNeighborInfo"), [&](Element n) {
                LldpNeighborRecord r;
                r.localInterface = toQString(local);
                r.remoteSystemName = qstr(n, "systemName");
                r.remoteChassisId = qstr(n, "chassisId");
                const Element port = member(n, "neighborInterfaceInfo");
                r.remotePortId = qstr(port, "interfaceId").remove(QLatin1Char('"'));
                r.remotePortDescription = qstr(port, "interfaceDescription");
                forEachRow(member(n, "managementAddresses"), [&](Element a) {
                    if (r.remoteMgmtAddress.isEmpty())
                        r.remoteMgmtAddress = qstr(a, "address");
                });
                QStringList caps;
                forEachMember(member(n, "systemCapabilities"), [&](std::string_view cap, Element on) {
                    bool b = false;
                    if (on.get(b) == simdjson::SUCCESS && b)
                        caps << toQString(cap);
                });
                r.capabilities = caps.join(QLatin1Char(','));
                rows.append(r);
            });
        });
        return RecordSet(QueryKind::LldpNeighbors, rows);
    });
}

Result<RecordSet> showTransceiver(const QByteArray &json)
{
    const QString what = QStringLiteral("show interfaces transceiver | json");
    return withRoot(json, what, [&](Element root) -> Result<RecordSet> {
        if (!has(root, "interfaces"))
            return missing(what, json, "interfaces");
        QList<OpticsRecord> rows;
        forEachMember(member(root, "interfaces"), [&](std::string_view name, Element e) {
            if (!has(e, "rxPower") && !has(e, "txPower"))
                return; // no optic in this port
            OpticsRecord r;
            r.interfaceName = toQString(name);
            r.rxPowerDbm = real(e, "rxPower");
            r.txPowerDbm = real(e, "txPower");
            r.temperatureC = real(e, "temperature");
            r.biasMa = real(e, "txBias");
            const Element d = member(e, "details");
            r.rxLowWarnDbm = real(member(d, "rxPower"), "lowWarn");
            r.rxHighWarnDbm = real(member(d, "rxPower"), "highWarn");
            r.txLowWarnDbm = real(member(d, "txPower"), "lowWarn");
            r.txHighWarnDbm = real(member(d, "txPower"), "highWarn");
            rows.append(r);
        });
        return RecordSet(QueryKind::Optics, rows);
    });
}

// EOS documents no counter of frames dropped for an unknown or wrong tag, so those stay
// unknown; discards are the subinterface's inDiscards.
Result<RecordSet> vlanErrors(const QByteArray &statusText, const QByteArray &interfacesJson)
{
    auto status = EosInterfaceStatus::parse(statusText);
    if (!status)
        return status.error();
    const QString what = QStringLiteral("show interfaces | json");
    return withRoot(interfacesJson, what, [&](Element root) -> Result<RecordSet> {
        if (!has(root, "interfaces"))
            return missing(what, interfacesJson, "interfaces");
        const Element interfaces = member(root, "interfaces");
        QList<VlanRecord> rows;
        for (const EosInterfaceStatusRow &s : std::as_const(*status)) {
            if (s.vlanId < 0)
                continue;
            VlanRecord v = EosInterfaceStatus::vlanRecord(s);
            const QByteArray key = s.port.toUtf8();
            const Element i = member(interfaces, std::string_view(key.constData(), size_t(key.size())));
            if (has(i, "interfaceCounters")) {
                const Element c = member(i, "interfaceCounters");
                v.inPackets = sumCounters(c, "inUcastPkts", "inMulticastPkts", "inBroadcastPkts");
                v.outPackets = sumCounters(c, "outUcastPkts", "outMulticastPkts", "outBroadcastPkts");
                v.otherDrops = integer(c, "inDiscards");
            }
            if (has(i, "lineProtocolStatus") && v.operState != LinkState::AdminDown)
                v.operState = linkStateFromName(toQString(str(i, "lineProtocolStatus")));
            rows.append(v);
        }
        return RecordSet(QueryKind::VlanErrors, rows);
    });
}

} // namespace rl::eosJson
