#include "engine/vendors/arista/arista_eos_translator.h"

#include "engine/vendors/arista/arista_eos_interface_status.h"
#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/commercial_cli.h"
#include "engine/vendors/common/json_dom.h"
#include "engine/vendors/common/route_table_json.h"
#include "engine/vendors/common/string_interner.h"

#include <QDateTime>
#include <QRegularExpression>

namespace rl {

using namespace commercial;
using namespace jsondom;

SessionProfile AristaEosTranslator::sessionProfile() const
{
    const QString ip = clitext::guardIp(), name = clitext::guardName(), prefix = clitext::guardPrefix();
    SessionProfile p;
    p.mode = SessionProfile::Mode::Shell;
    p.setupCommands = {QStringLiteral("terminal length 0"), QStringLiteral("terminal width 32767")};
    p.promptPattern = clitext::promptPattern();
    p.guard = CommandGuard({
        QStringLiteral("terminal length 0"),
        QStringLiteral("terminal width 32767"),
        QStringLiteral("show (?:version|hostname) \\| json"),
        QStringLiteral("show interfaces(?: %1)?(?: transceiver)? \\| json").arg(name),
        QStringLiteral("show (?:ip|ipv6) bgp summary vrf (?:all|%1) \\| json").arg(name),
        QStringLiteral("show ip arp vrf (?:all|%1) \\| json").arg(name),
        QStringLiteral("show ipv6 neighbors vrf (?:all|%1) \\| json").arg(name),
        QStringLiteral("show (?:ip|ipv6) bgp neighbors %1 (?:received-routes|advertised-routes) vrf %2 \\| json").arg(ip, name),
        QStringLiteral("show (?:ip|ipv6) route vrf %1 %2 \\| json").arg(name, prefix),
        QStringLiteral("show lldp neighbors detail \\| json"),
        // text: its JSON form has no subinterface encapsulation (see VlanErrors)
        QStringLiteral("show interfaces status"),
    });
    return p;
}

Result<QStringList> AristaEosTranslator::commands(QueryKind kind, const QueryParams &p) const
{
    const QString vrf = p.vrf.isEmpty() ? QStringLiteral("default") : p.vrf;
    const QString vrfOrAll = p.vrf.isEmpty() ? QStringLiteral("all") : p.vrf;
    const QString fam = familyFor(p);
    const QString ipKw = fam == u"ipv6" ? QStringLiteral("ipv6") : QStringLiteral("ip");
    switch (kind) {
    case QueryKind::Facts:
        return QStringList{QStringLiteral("show version | json"), QStringLiteral("show hostname | json")};
    case QueryKind::LinkStatus:
        return QStringList{p.interfaceName.isEmpty() ? QStringLiteral("show interfaces | json")
                                                     : QStringLiteral("show interfaces %1 | json").arg(p.interfaceName)};
    case QueryKind::BgpStatus: {
        QStringList c;
        if (fam != u"ipv6")
            c << QStringLiteral("show ip bgp summary vrf %1 | json").arg(vrfOrAll);
        if (fam != u"ipv4")
            c << QStringLiteral("show ipv6 bgp summary vrf %1 | json").arg(vrfOrAll);
        return c;
    }
    case QueryKind::ArpTable:
        return QStringList{QStringLiteral("show ip arp vrf %1 | json").arg(vrfOrAll),
                           QStringLiteral("show ipv6 neighbors vrf %1 | json").arg(vrfOrAll)};
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        if (p.neighbor.isEmpty())
            return needsParam(kind, "neighbor", platform());
        return QStringList{QStringLiteral("show %1 bgp neighbors %2 %3 vrf %4 | json")
                               .arg(ipKw, p.neighbor,
                                    kind == QueryKind::ReceivedRoutes ? QStringLiteral("received-routes") : QStringLiteral("advertised-routes"),
                                    vrf)};
    case QueryKind::RouteLookup:
        if (p.destination.isEmpty())
            return needsParam(kind, "destination", platform());
        return QStringList{QStringLiteral("show %1 route vrf %2 %3 | json").arg(ipKw, vrf, p.destination)};
    case QueryKind::LldpNeighbors:
        return QStringList{QStringLiteral("show lldp neighbors detail | json")};
    case QueryKind::Optics:
        return QStringList{QStringLiteral("show interfaces transceiver | json")};
    case QueryKind::VlanErrors:
        // The tag a subinterface expects is documented only in the text table of "show
        // interfaces status" (Type dot1q-encapsulation, Encapsulation <tag>); the counters come
        // from the JSON of every interface. Over eAPI a command without "| json" is asked as text.
        return QStringList{QStringLiteral("show interfaces status"), QStringLiteral("show interfaces | json")};
    }
    return unsupported(kind, platform(), QStringLiteral("RouterLens does not know this query."));
}

namespace {

// EOS prints the last state change as a UNIX timestamp; age relative to now.
qint64 sinceEpoch(double ts)
{
    if (std::isnan(ts) || ts <= 0)
        return -1;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return ts > double(now) ? 0 : now - qint64(ts);
}

Result<RecordSet> parseVlanErrors(const QByteArray &statusText, const QByteArray &interfacesJson);

Result<RecordSet> parseOne(QueryKind kind, const QString &command, const QByteArray &text)
{
    // Only pasted text gets here for vlan-errors: the status table alone, counters unknown.
    if (kind == QueryKind::VlanErrors)
        return parseVlanErrors(text, QByteArrayLiteral("{\"interfaces\": {}}"));
    // Route tables stream through On-Demand JSON (no DOM of a full table).
    if (kind == QueryKind::ReceivedRoutes || kind == QueryKind::AdvertisedRoutes)
        return RouteTableJson::eos(kind, command, text);
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
        FactsRecord f;
        f.vendor = QStringLiteral("Arista");
        f.platform = QStringLiteral("arista-eos");
        if (has(root, "hostname")) {
            f.hostname = qstr(root, "hostname");
        } else {
            if (!has(root, "version"))
                return clitext::formatError(what, text, QStringLiteral("it has no \"version\" member"));
            f.osVersion = qstr(root, "version");
            f.model = qstr(root, "modelName");
            f.serial = qstr(root, "serialNumber");
            const double boot = real(root, "bootupTimestamp");
            const double up = real(root, "uptime");
            f.uptimeSeconds = !std::isnan(up) ? qint64(up) : sinceEpoch(boot);
        }
        return RecordSet(kind, QList<FactsRecord>{f});
    }
    case QueryKind::LinkStatus: {
        if (!has(root, "interfaces"))
            return clitext::formatError(what, text, QStringLiteral("it has no \"interfaces\" member"));
        QList<InterfaceRecord> rows;
        forEachMember(member(root, "interfaces"), [&](std::string_view name, Element i) {
            InterfaceRecord r;
            r.name = toQString(name);
            const std::string_view st = str(i, "interfaceStatus");
            r.adminState = st == "disabled" ? LinkState::AdminDown : LinkState::Up;
            r.operState = linkStateFromName(toQString(str(i, "lineProtocolStatus")));
            const qint64 bw = integer(i, "bandwidth");
            r.speedBps = bw; // bandwidth is in bit/s
            r.mtu = integer(i, "mtu");
            r.mac = normalizeMac(qstr(i, "physicalAddress"));
            r.description = qstr(i, "description");
            r.lastChangeSeconds = sinceEpoch(real(i, "lastStatusChangeTimestamp"));
            const Element c = member(i, "interfaceCounters");
            if (has(i, "interfaceCounters")) {
                auto sum = [&](const char *a, const char *b, const char *cc) {
                    const qint64 x = integer(c, a), y = integer(c, b), z = integer(c, cc);
                    return x < 0 ? -1 : x + std::max<qint64>(y, 0) + std::max<qint64>(z, 0);
                };
                r.inPackets = sum("inUcastPkts", "inMulticastPkts", "inBroadcastPkts");
                r.outPackets = sum("outUcastPkts", "outMulticastPkts", "outBroadcastPkts");
                r.inErrors = integer(c, "totalInErrors");
                r.outErrors = integer(c, "totalOutErrors");
                r.inDiscards = integer(c, "inDiscards");
                r.outDiscards = integer(c, "outDiscards");
                r.crcErrors = integer(member(c, "inputErrorsDetail"), "fcsErrors");
            }
            rows.append(r);
        });
        return RecordSet(kind, rows);
    }
    case QueryKind::BgpStatus: {
        if (!has(root, "vrfs"))
            return clitext::formatError(what, text, QStringLiteral("it has no \"vrfs\" member"));
        QList<BgpNeighborRecord> rows;
        forEachMember(member(root, "vrfs"), [&](std::string_view vrf, Element v) {
            const qint64 localAs = integer(v, "asn");
            forEachMember(member(v, "peers"), [&](std::string_view peer, Element n) {
                BgpNeighborRecord r;
                r.vrf = toQString(vrf);
                r.neighbor = toQString(peer);
                r.addressFamily = v6 ? QStringLiteral("ipv6-unicast") : QStringLiteral("ipv4-unicast");
                r.localAs = localAs;
                r.remoteAs = integer(n, "asn");
                r.stateDetail = qstr(n, "peerState");
                r.state = bgpStateFromName(r.stateDetail);
                const std::string_view reason = str(n, "peerStateIdleReason");
                if (!reason.empty()) {
                    r.stateDetail += QStringLiteral(" (%1)").arg(toQString(reason));
                    r.adminEnabled = reason != "Admin";
                }
                r.uptimeSeconds = sinceEpoch(real(n, "upDownTime"));
                r.prefixesReceived = integer(n, "prefixReceived");
                r.prefixesAccepted = integer(n, "prefixAccepted");
                r.description = qstr(n, "description");
                rows.append(r);
            });
        });
        return RecordSet(kind, rows);
    }
    case QueryKind::ArpTable: {
        QList<ArpRecord> rows;
        auto readList = [&](const QString &vrf, Element list) {
            forEachRow(list, [&](Element e) {
                ArpRecord r;
                r.vrf = vrf;
                r.ip = qstr(e, "address");
                r.mac = normalizeMac(qstr(e, "hwAddress"));
                r.interfaceName = qstr(e, "interface");
                r.ageSeconds = integer(e, "age");
                const std::string_view st = str(e, "state");
                r.state = !st.empty() ? neighborStateFromName(toQString(st))
                          : r.mac.isEmpty() ? NeighborState::Incomplete : NeighborState::Complete;
                rows.append(r);
            });
        };
        const char *listKey = v6 ? "ipV6Neighbors" : "ipV4Neighbors";
        if (has(root, "vrfs")) {
            forEachMember(member(root, "vrfs"), [&](std::string_view vrf, Element v) { readList(toQString(vrf), member(v, listKey)); });
        } else if (has(root, listKey)) {
            readList(vrfInCommand(command), member(root, listKey)); // older EOS: no per-VRF level
        } else {
            return clitext::formatError(what, text, QStringLiteral("it has neither \"vrfs\" nor \"%1\"").arg(QLatin1String(listKey)));
        }
        return RecordSet(kind, rows);
    }
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        break; // read by RouteTableJson above
    case QueryKind::RouteLookup: {
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
        return RecordSet(kind, rows);
    }
    case QueryKind::LldpNeighbors: {
        if (!has(root, "lldpNeighbors"))
            return clitext::formatError(what, text, QStringLiteral("it has no \"lldpNeighbors\" member"));
        QList<LldpNeighborRecord> rows;
        forEachMember(member(root, "lldpNeighbors"), [&](std::string_view local, Element e) {
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
        return RecordSet(kind, rows);
    }
    case QueryKind::Optics: {
        if (!has(root, "interfaces"))
            return clitext::formatError(what, text, QStringLiteral("it has no \"interfaces\" member"));
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
        return RecordSet(kind, rows);
    }
    case QueryKind::VlanErrors:
        break;
    }
    return Error(ErrorCode::UnsupportedQuery, QStringLiteral("Arista EOS output for %1 is not read by RouterLens.").arg(what));
}

// vlan-errors: the subinterfaces of "show interfaces status" (text) with their counters from
// "show interfaces | json". EOS documents no counter of frames dropped for an unknown or wrong
// tag, so those stay unknown; discards are the subinterface's inDiscards.
Result<RecordSet> parseVlanErrors(const QByteArray &statusText, const QByteArray &interfacesJson)
{
    auto status = EosInterfaceStatus::parse(statusText);
    if (!status)
        return status.error();
    simdjson::dom::parser &parser = threadParser();
    const jsondom::ParserRelease release(parser);
    const QString what = QStringLiteral("show interfaces | json");
    auto doc = jsondom::parse(parser, interfacesJson, what);
    if (!doc)
        return doc.error();
    const Element root = *doc;
    if (!has(root, "interfaces"))
        return clitext::formatError(what, interfacesJson, QStringLiteral("it has no \"interfaces\" member"));
    const Element interfaces = member(root, "interfaces");
    QList<VlanRecord> rows;
    for (const EosInterfaceStatusRow &s : std::as_const(*status)) {
        if (s.vlanId < 0)
            continue;
        VlanRecord v;
        v.interfaceName = s.port;
        v.parentInterface = s.port.section(QLatin1Char('.'), 0, 0);
        v.vlanId = s.vlanId;
        v.innerVlanId = s.innerVlanId;
        v.encapsulation = s.innerVlanId >= 0 ? QStringLiteral("qinq") : QStringLiteral("dot1q");
        v.operState = EosInterfaceStatus::linkState(s.status);
        const QByteArray key = s.port.toUtf8();
        const Element i = member(interfaces, std::string_view(key.constData(), size_t(key.size())));
        if (has(i, "interfaceCounters")) {
            const Element c = member(i, "interfaceCounters");
            auto sum = [&](const char *a, const char *b, const char *cc) {
                const qint64 x = integer(c, a), y = integer(c, b), z = integer(c, cc);
                return x < 0 ? -1 : x + std::max<qint64>(y, 0) + std::max<qint64>(z, 0);
            };
            v.inPackets = sum("inUcastPkts", "inMulticastPkts", "inBroadcastPkts");
            v.outPackets = sum("outUcastPkts", "outMulticastPkts", "outBroadcastPkts");
            v.otherDrops = integer(c, "inDiscards");
        }
        if (has(i, "lineProtocolStatus") && v.operState != LinkState::AdminDown)
            v.operState = linkStateFromName(toQString(str(i, "lineProtocolStatus")));
        rows.append(v);
    }
    return RecordSet(QueryKind::VlanErrors, rows);
}

// Facts need both documents merged into one record.
RecordSet mergeFacts(const RecordSet &all)
{
    FactsRecord f;
    for (const FactsRecord &r : all.rows<FactsRecord>()) {
        if (!r.hostname.isEmpty()) f.hostname = r.hostname;
        if (!r.osVersion.isEmpty()) f.osVersion = r.osVersion;
        if (!r.model.isEmpty()) f.model = r.model;
        if (!r.serial.isEmpty()) f.serial = r.serial;
        if (r.uptimeSeconds >= 0) f.uptimeSeconds = r.uptimeSeconds;
        f.vendor = r.vendor;
        f.platform = r.platform;
    }
    return RecordSet(QueryKind::Facts, QList<FactsRecord>{f});
}

bool answers(QueryKind kind, const QString &cmd)
{
    const QString c = cmd.simplified().toLower();
    auto has = [&](const char *w) { return c.contains(QLatin1String(w)); };
    switch (kind) {
    case QueryKind::Facts: return has("show ver") || has("show hostname");
    case QueryKind::LinkStatus: return has("show int") && !has("transceiver");
    case QueryKind::BgpStatus: return has("bgp") && has("summ");
    case QueryKind::ArpTable: return has(" arp") || has("ipv6 nei");
    case QueryKind::ReceivedRoutes: return has("bgp") && has("received");
    case QueryKind::AdvertisedRoutes: return has("bgp") && has("advertised");
    case QueryKind::RouteLookup: return has(" route");
    case QueryKind::LldpNeighbors: return has("lldp");
    case QueryKind::Optics: return has("transceiver");
    case QueryKind::VlanErrors: return has("show int") && has("status");
    }
    return false;
}

QString guess(QueryKind kind, const QByteArray &body)
{
    switch (kind) {
    case QueryKind::Facts: return body.contains("\"hostname\"") ? QStringLiteral("show hostname | json") : QStringLiteral("show version | json");
    case QueryKind::LinkStatus: return QStringLiteral("show interfaces | json");
    case QueryKind::BgpStatus:
        // IPv6 peers are keyed by their address: a colon inside a peer key says IPv6.
        return body.contains("\"peers\"") && QRegularExpression(QStringLiteral("\"[0-9a-fA-F]*:[0-9a-fA-F:]*\"\\s*:\\s*\\{")).match(QString::fromLatin1(body.left(1 << 20))).hasMatch()
                   ? QStringLiteral("show ipv6 bgp summary vrf all | json") : QStringLiteral("show ip bgp summary vrf all | json");
    case QueryKind::ArpTable: return body.contains("ipV6Neighbors") ? QStringLiteral("show ipv6 neighbors vrf all | json") : QStringLiteral("show ip arp vrf all | json");
    case QueryKind::ReceivedRoutes: return QStringLiteral("show ip bgp neighbors <neighbor> received-routes | json");
    case QueryKind::AdvertisedRoutes: return QStringLiteral("show ip bgp neighbors <neighbor> advertised-routes | json");
    case QueryKind::RouteLookup: return QStringLiteral("show ip route <destination> | json");
    case QueryKind::LldpNeighbors: return QStringLiteral("show lldp neighbors detail | json");
    case QueryKind::Optics: return QStringLiteral("show interfaces transceiver | json");
    case QueryKind::VlanErrors: return QStringLiteral("show interfaces status");
    }
    return {};
}

} // namespace

Result<RecordSet> AristaEosTranslator::parse(QueryKind kind, const QueryParams &params,
                                             const QList<CommandOutput> &outputs) const
{
    const auto cmds = commands(kind, params);
    if (!cmds)
        return cmds.error();
    if (outputs.size() != cmds->size())
        return outputCountMismatch(kind, cmds->size(), outputs.size());
    if (kind == QueryKind::VlanErrors) {
        auto r = parseVlanErrors(outputs.at(0).output, outputs.at(1).output);
        if (!r)
            return r.error();
        return applyFilters(*r, params);
    }
    RecordSet all(kind);
    for (const CommandOutput &o : outputs) {
        auto part = parseOne(kind, o.command, o.output);
        if (!part)
            return part.error();
        appendRecords(all, *part);
    }
    if (kind == QueryKind::Facts)
        return mergeFacts(all);
    return applyFilters(all, params);
}

Result<PastedParse> AristaEosTranslator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    auto r = parsePastedChunks(
        kind, text, [kind](const QByteArray &body) { return guess(kind, body); },
        [kind](const QString &cmd) { return cmd.contains(u'<') || answers(kind, cmd); },
        [kind](const QString &cmd, const QByteArray &body) { return parseOne(kind, cmd, body); });
    if (r && kind == QueryKind::Facts)
        r->records = mergeFacts(r->records);
    return r;
}

} // namespace rl
