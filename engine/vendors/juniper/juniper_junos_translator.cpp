#include "engine/vendors/juniper/juniper_junos_translator.h"

#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/commercial_cli.h"
#include "engine/vendors/common/json_dom.h"
#include "engine/vendors/common/route_table_json.h"
#include "engine/vendors/common/string_interner.h"
#include "engine/vendors/juniper/junos_text_parsers.h"
#include "engine/vendors/juniper/junos_xml_parsers.h"

#include <QRegularExpression>

namespace rl {

using namespace commercial;
using namespace jsondom;

SessionProfile JuniperJunosTranslator::sessionProfile() const
{
    const QString ip = clitext::guardIp(), name = clitext::guardName(), prefix = clitext::guardPrefix();
    const QString table = QStringLiteral("(?:%1\\.)?inet6?\\.0").arg(QStringLiteral("[A-Za-z0-9_-]{1,64}"));
    SessionProfile p;
    p.mode = SessionProfile::Mode::Shell;
    p.setupCommands = {QStringLiteral("set cli screen-length 0"), QStringLiteral("set cli screen-width 0")};
    p.promptPattern = clitext::promptPattern();
    p.guard = CommandGuard({
        QStringLiteral("set cli screen-length 0"),
        QStringLiteral("set cli screen-width 0"),
        QStringLiteral("show (?:version|chassis hardware|system uptime) \\| display json"),
        QStringLiteral("show interfaces(?: %1)? extensive \\| display json").arg(name),
        QStringLiteral("show interfaces diagnostics optics(?: %1)? \\| display json").arg(name),
        QStringLiteral("show bgp summary(?: instance %1)? \\| display json").arg(name),
        QStringLiteral("show arp no-resolve(?: vpn %1)? \\| display json").arg(name),
        QStringLiteral("show ipv6 neighbors \\| display json"),
        QStringLiteral("show route (?:receive-protocol|advertising-protocol) bgp %1 table %2 \\| display json").arg(ip, table),
        QStringLiteral("show route %1 table %2 \\| display json").arg(prefix, table),
        QStringLiteral("show lldp neighbors \\| display json"),
    });
    return p;
}

Result<QStringList> JuniperJunosTranslator::commands(QueryKind kind, const QueryParams &p) const
{
    const QString fam = familyFor(p);
    const QString table = (p.vrf.isEmpty() ? QString() : p.vrf + QLatin1Char('.'))
                          + (fam == u"ipv6" ? QStringLiteral("inet6.0") : QStringLiteral("inet.0"));
    switch (kind) {
    case QueryKind::Facts:
        return QStringList{QStringLiteral("show version | display json"), QStringLiteral("show chassis hardware | display json"),
                           QStringLiteral("show system uptime | display json")};
    case QueryKind::LinkStatus:
    case QueryKind::VlanErrors:
        return QStringList{p.interfaceName.isEmpty() ? QStringLiteral("show interfaces extensive | display json")
                                                     : QStringLiteral("show interfaces %1 extensive | display json").arg(p.interfaceName.section(QLatin1Char('.'), 0, 0))};
    case QueryKind::BgpStatus:
        return QStringList{p.vrf.isEmpty() ? QStringLiteral("show bgp summary | display json")
                                           : QStringLiteral("show bgp summary instance %1 | display json").arg(p.vrf)};
    case QueryKind::ArpTable:
        return QStringList{p.vrf.isEmpty() ? QStringLiteral("show arp no-resolve | display json")
                                           : QStringLiteral("show arp no-resolve vpn %1 | display json").arg(p.vrf),
                           QStringLiteral("show ipv6 neighbors | display json")};
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        if (p.neighbor.isEmpty())
            return needsParam(kind, "neighbor", platform());
        return QStringList{QStringLiteral("show route %1 bgp %2 table %3 | display json")
                               .arg(kind == QueryKind::ReceivedRoutes ? QStringLiteral("receive-protocol") : QStringLiteral("advertising-protocol"),
                                    p.neighbor, table)};
    case QueryKind::RouteLookup:
        if (p.destination.isEmpty())
            return needsParam(kind, "destination", platform());
        return QStringList{QStringLiteral("show route %1 table %2 | display json").arg(p.destination, table)};
    case QueryKind::LldpNeighbors:
        return QStringList{QStringLiteral("show lldp neighbors | display json")};
    case QueryKind::Optics:
        return QStringList{p.interfaceName.isEmpty() ? QStringLiteral("show interfaces diagnostics optics | display json")
                                                     : QStringLiteral("show interfaces diagnostics optics %1 | display json").arg(p.interfaceName)};
    }
    return unsupported(kind, platform(), QStringLiteral("RouterLens does not know this query."));
}

namespace {

// "inet.0" -> default/ipv4-unicast, "CUST.inet6.0" -> CUST/ipv6-unicast, "bgp.l3vpn.0" -> vpnv4
std::pair<QString, QString> ribContext(std::string_view rib)
{
    QString s = toQString(rib);
    QString vrf = QStringLiteral("default");
    const QStringList parts = s.split(QLatin1Char('.'));
    if (parts.size() >= 3 && parts.at(0) != u"bgp") {
        vrf = parts.at(0);
        s = parts.mid(1).join(QLatin1Char('.'));
    }
    if (s == u"inet.0") return {vrf, QStringLiteral("ipv4-unicast")};
    if (s == u"inet6.0") return {vrf, QStringLiteral("ipv6-unicast")};
    if (s == u"bgp.l3vpn.0") return {vrf, QStringLiteral("vpnv4-unicast")};
    if (s == u"bgp.l3vpn-inet6.0") return {vrf, QStringLiteral("vpnv6-unicast")};
    if (s == u"inet.2") return {vrf, QStringLiteral("ipv4-multicast")};
    return {vrf, s};
}

LinkState junosState(std::string_view s)
{
    if (s == "up") return LinkState::Up;
    if (s == "down") return LinkState::Down;
    return LinkState::Unknown;
}

qint64 junosSpeedBps(std::string_view s)
{
    // "1000mbps", "10Gbps", "100Gbps", "Unlimited", "Auto"
    size_t i = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
        ++i;
    const auto n = clitext::toInt(s.substr(0, i));
    if (!n)
        return -1;
    const std::string_view unit = s.substr(i);
    if (unit == "Gbps" || unit == "gbps") return *n * 1000000000;
    if (unit == "mbps" || unit == "Mbps") return *n * 1000000;
    return -1;
}

// The origin letter Junos appends to an AS path ("65001 65002 I").
std::pair<std::string_view, RouteOrigin> splitOrigin(std::string_view path)
{
    path = clitext::trimmed(path);
    RouteOrigin o = RouteOrigin::Unknown;
    if (!path.empty()) {
        const char c = path.back();
        if ((c == 'I' || c == 'E' || c == '?') && (path.size() == 1 || path[path.size() - 2] == ' ')) {
            o = c == 'I' ? RouteOrigin::Igp : c == 'E' ? RouteOrigin::Egp : RouteOrigin::Incomplete;
            path = clitext::trimmed(path.substr(0, path.size() - 1));
        }
    }
    // "AS path: 65001 65002 I" in some views
    if (clitext::startsWith(path, "AS path:"))
        path = clitext::trimmed(path.substr(8));
    return {path, o};
}

Element first(Element root, std::string_view key) { return jfirst(root, key); }

// A logical unit (ge-0/0/2.410) as an interface record: its own flags and counters, the
// rest from its physical parent; down when the parent is.
InterfaceRecord logicalInterface(Element li, const InterfaceRecord &parent)
{
    InterfaceRecord r;
    r.name = jqstr(li, "name").trimmed();
    r.description = jqstr(li, "description");
    r.speedBps = parent.speedBps;
    r.mac = parent.mac;
    const Element flags = first(li, "if-config-flags");
    LinkState admin = junosState(clitext::trimmed(jdata(li, "admin-status")));
    LinkState oper = junosState(clitext::trimmed(jdata(li, "oper-status")));
    if (admin == LinkState::Unknown && oper == LinkState::Unknown) {
        // extensive prints flags only: "Up", or "Down" for a disabled unit
        if (has(flags, "iff-down"))
            admin = LinkState::Down, oper = LinkState::Down;
        else if (has(flags, "iff-up"))
            admin = LinkState::Up, oper = LinkState::Up;
        else
            admin = parent.adminState, oper = parent.operState; // no flags printed: the port's state
    }
    r.adminState = admin == LinkState::Down ? LinkState::AdminDown : admin;
    r.operState = oper;
    if (parent.adminState == LinkState::AdminDown || parent.operState == LinkState::Down)
        r.operState = LinkState::Down;
    forEachRow(member(li, "address-family"), [&](Element af) {
        if (r.mtu < 0)
            r.mtu = clitext::toInt(clitext::trimmed(jdata(af, "mtu"))).value_or(-1);
    });
    const Element ts = first(li, "traffic-statistics");
    r.inPackets = jint(ts, "input-packets");
    r.outPackets = jint(ts, "output-packets");
    return r;
}

// `logicalWanted`: a unit asked for by name (ge-0/0/2.410) also becomes a link-status record;
// the whole table stays one record per physical port.
enum class JunosForm { Json, Xml, Text };

// Junos answers the same command as JSON (| display json), XML (| display xml, NETCONF) or
// CLI text; the first character that is not blank tells which.
JunosForm formOf(const QByteArray &text)
{
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (c == '{' || c == '[')
            return JunosForm::Json;
        if (c == '<')
            return JunosForm::Xml;
        return JunosForm::Text;
    }
    return JunosForm::Text;
}

Result<RecordSet> parseJson(QueryKind kind, const QString &command, const QByteArray &text, const QString &logicalWanted);

Result<RecordSet> parseOne(QueryKind kind, const QString &command, const QByteArray &text, const QString &logicalWanted = {})
{
    switch (formOf(text)) {
    case JunosForm::Xml: return junosXml::parse(kind, command, text);
    case JunosForm::Text: return junosText::parse(kind, command, text);
    case JunosForm::Json: break;
    }
    return parseJson(kind, command, text, logicalWanted);
}

Result<RecordSet> parseJson(QueryKind kind, const QString &command, const QByteArray &text, const QString &logicalWanted)
{
    // Route tables stream through On-Demand JSON (no DOM of a full table).
    if (kind == QueryKind::ReceivedRoutes || kind == QueryKind::AdvertisedRoutes)
        return RouteTableJson::junos(kind, command, text);
    simdjson::dom::parser &parser = threadParser();
    const jsondom::ParserRelease release(parser);
    const QString what = queryKindTitle(kind);
    auto doc = jsondom::parse(parser, text, command.isEmpty() ? what : command);
    if (!doc)
        return doc.error();
    Element root = *doc;
    // Several routing engines wrap each answer: take the first engine's.
    if (has(root, "multi-routing-engine-results"))
        root = first(first(root, "multi-routing-engine-results"), "multi-routing-engine-item");
    switch (kind) {
    case QueryKind::Facts: {
        FactsRecord f;
        f.vendor = QStringLiteral("Juniper");
        f.platform = QStringLiteral("juniper-junos");
        if (has(root, "software-information")) {
            const Element sw = first(root, "software-information");
            f.hostname = jqstr(sw, "host-name");
            f.model = jqstr(sw, "product-model");
            f.osVersion = jqstr(sw, "junos-version");
            if (f.osVersion.isEmpty()) {
                // Older releases: "JUNOS Base OS boot [12.3R12.4]"
                static const QRegularExpression br(QStringLiteral("\\[([^\\]]+)\\]"));
                forEachRow(member(sw, "package-information"), [&](Element pkg) {
                    if (f.osVersion.isEmpty())
                        if (auto m = br.match(jqstr(pkg, "comment")); m.hasMatch())
                            f.osVersion = m.captured(1);
                });
            }
        } else if (has(root, "chassis-inventory")) {
            const Element ch = first(first(root, "chassis-inventory"), "chassis");
            f.serial = jqstr(ch, "serial-number");
        } else if (has(root, "system-uptime-information")) {
            const Element up = first(first(root, "system-uptime-information"), "system-booted-time");
            f.uptimeSeconds = clitext::toInt(jattr(up, "time-length", "junos:seconds")).value_or(-1);
        } else {
            return clitext::formatError(what, text, QStringLiteral("it is none of software-information, chassis-inventory, system-uptime-information"));
        }
        return RecordSet(kind, QList<FactsRecord>{f});
    }
    case QueryKind::LinkStatus:
    case QueryKind::VlanErrors: {
        if (!has(root, "interface-information"))
            return clitext::formatError(what, text, QStringLiteral("it has no interface-information"));
        QList<InterfaceRecord> ifs;
        QList<VlanRecord> vlans;
        static const QRegularExpression tag(QStringLiteral("VLAN-Tag \\[\\s*0x[0-9a-fA-F]+\\.(\\d+)(?:\\s+0x[0-9a-fA-F]+\\.(\\d+))?"));
        forEachRow(member(first(root, "interface-information"), "physical-interface"), [&](Element pi) {
            InterfaceRecord r;
            r.name = jqstr(pi, "name").trimmed();
            const LinkState admin = junosState(clitext::trimmed(jdata(pi, "admin-status")));
            r.adminState = admin == LinkState::Down ? LinkState::AdminDown : admin;
            r.operState = junosState(clitext::trimmed(jdata(pi, "oper-status")));
            r.mtu = clitext::toInt(clitext::trimmed(jdata(pi, "mtu"))).value_or(-1);
            r.speedBps = junosSpeedBps(clitext::trimmed(jdata(pi, "speed")));
            r.mac = normalizeMac(jqstr(pi, "current-physical-address").trimmed());
            r.description = jqstr(pi, "description");
            r.lastChangeSeconds = clitext::toInt(jattr(pi, "interface-flapped", "junos:seconds")).value_or(-1);
            const Element ts = first(pi, "traffic-statistics");
            r.inPackets = jint(ts, "input-packets");
            r.outPackets = jint(ts, "output-packets");
            const Element ie = first(pi, "input-error-list");
            const Element oe = first(pi, "output-error-list");
            r.inErrors = jint(ie, "input-errors");
            r.inDiscards = jint(ie, "input-drops");
            r.outErrors = jint(oe, "output-errors");
            r.outDiscards = jint(oe, "output-drops");
            r.crcErrors = jint(first(pi, "ethernet-mac-statistics"), "input-crc-errors");
            // L2 channel errors: frames whose VLAN tag matches no logical unit.
            const qint64 channelErrors = jint(ie, "input-l2-channel-errors");
            const qint64 mismatch = jint(ie, "input-l2-mismatch-timeouts");
            ifs.append(r);
            forEachRow(member(pi, "logical-interface"), [&](Element li) {
                if (!logicalWanted.isEmpty() && kind == QueryKind::LinkStatus
                    && jqstr(li, "name").trimmed().compare(logicalWanted, Qt::CaseInsensitive) == 0)
                    ifs.append(logicalInterface(li, r));
                const auto m = tag.match(jqstr(li, "link-address"));
                if (!m.hasMatch())
                    return;
                VlanRecord v;
                v.interfaceName = jqstr(li, "name").trimmed();
                v.parentInterface = r.name;
                v.vlanId = m.captured(1).toLongLong();
                if (!m.captured(2).isEmpty()) {
                    v.innerVlanId = m.captured(2).toLongLong();
                    v.encapsulation = QStringLiteral("qinq");
                } else {
                    v.encapsulation = QStringLiteral("dot1q");
                }
                v.operState = r.operState;
                const Element lts = first(li, "traffic-statistics");
                v.inPackets = jint(lts, "input-packets");
                v.outPackets = jint(lts, "output-packets");
                v.unknownTagDrops = channelErrors;
                v.mismatchedTagDrops = mismatch;
                v.otherDrops = r.inDiscards;
                vlans.append(v);
            });
        });
        if (kind == QueryKind::LinkStatus)
            return RecordSet(kind, ifs);
        return RecordSet(kind, vlans);
    }
    case QueryKind::BgpStatus: {
        if (!has(root, "bgp-information"))
            return clitext::formatError(what, text, QStringLiteral("it has no bgp-information"));
        QList<BgpNeighborRecord> rows;
        forEachRow(member(first(root, "bgp-information"), "bgp-peer"), [&](Element peer) {
            BgpNeighborRecord base;
            QString addr = jqstr(peer, "peer-address");
            addr = addr.section(QLatin1Char('+'), 0, 0); // "10.0.0.2+179"
            base.neighbor = addr;
            base.remoteAs = clitext::parseAsn(jdata(peer, "peer-as")).value_or(-1);
            base.localAs = clitext::parseAsn(jdata(peer, "local-as")).value_or(-1);
            base.stateDetail = jqstr(peer, "peer-state");
            base.state = base.stateDetail.startsWith(u"Establ") ? BgpState::Established : bgpStateFromName(base.stateDetail);
            base.uptimeSeconds = clitext::toInt(jattr(peer, "elapsed-time", "junos:seconds"))
                                     .value_or(clitext::parseDuration(jdata(peer, "elapsed-time")).value_or(-1));
            base.description = jqstr(peer, "description");
            base.adminEnabled = !base.stateDetail.contains(u"Admin");
            bool any = false;
            forEachRow(member(peer, "bgp-rib"), [&](Element rib) {
                BgpNeighborRecord r = base;
                const auto [vrf, af] = ribContext(jdata(rib, "name"));
                r.vrf = vrf;
                r.addressFamily = af;
                r.prefixesReceived = jint(rib, "received-prefix-count");
                r.prefixesAccepted = jint(rib, "accepted-prefix-count");
                r.prefixesSent = jint(rib, "advertised-prefix-count");
                rows.append(r);
                any = true;
            });
            if (!any) { // not established: no RIB yet; its family from its address
                base.vrf = QStringLiteral("default");
                base.addressFamily = addr.contains(QLatin1Char(':')) ? QStringLiteral("ipv6-unicast") : QStringLiteral("ipv4-unicast");
                rows.append(base);
            }
        });
        return RecordSet(kind, rows);
    }
    case QueryKind::ArpTable: {
        QList<ArpRecord> rows;
        const QString vrf = command.contains(u" vpn ") ? command.section(QStringLiteral(" vpn "), 1).section(QLatin1Char(' '), 0, 0)
                                                      : QStringLiteral("default");
        if (has(root, "arp-table-information")) {
            forEachRow(member(first(root, "arp-table-information"), "arp-table-entry"), [&](Element e) {
                ArpRecord r;
                r.vrf = vrf;
                r.ip = jqstr(e, "ip-address").trimmed();
                r.mac = normalizeMac(jqstr(e, "mac-address").trimmed());
                r.interfaceName = jqstr(e, "interface-name").trimmed();
                // Flags are empty members: {"permanent": [null]}, {"none": [null]}
                const bool permanent = has(jfirst(e, "arp-table-entry-flags"), "permanent");
                r.state = permanent ? NeighborState::Permanent
                          : r.mac.isEmpty() ? NeighborState::Incomplete : NeighborState::Complete;
                rows.append(r);
            });
        } else if (has(root, "ipv6-nd-information")) {
            forEachRow(member(first(root, "ipv6-nd-information"), "ipv6-nd-entry"), [&](Element e) {
                ArpRecord r;
                r.vrf = QStringLiteral("default");
                r.ip = jqstr(e, "ipv6-nd-neighbor-address").trimmed();
                r.mac = normalizeMac(jqstr(e, "ipv6-nd-neighbor-l2-address").trimmed());
                r.interfaceName = jqstr(e, "ipv6-nd-interface-name").trimmed();
                r.state = neighborStateFromName(jqstr(e, "ipv6-nd-state").trimmed());
                rows.append(r);
            });
        } else if (text.trimmed().isEmpty() || text.contains("{}")) {
            // no entries
        } else {
            return clitext::formatError(what, text, QStringLiteral("it has neither arp-table-information nor ipv6-nd-information"));
        }
        return RecordSet(kind, rows);
    }
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
    case QueryKind::RouteLookup: {
        if (!has(root, "route-information"))
            return clitext::formatError(what, text, QStringLiteral("it has no route-information"));
        QList<RouteRecord> rows;
        StringInterner paths;
        QString badPrefix;
        forEachRow(member(first(root, "route-information"), "route-table"), [&](Element table) {
            simdjson::dom::array rts;
            if (member(table, "rt").get(rts) == simdjson::SUCCESS)
                rows.reserve(rows.size() + qsizetype(rts.size()));
            forEachRow(member(table, "rt"), [&](Element rt) {
                std::string_view dest = clitext::trimmed(jdata(rt, "rt-destination"));
                std::string withLength;
                if (dest.find('/') == std::string_view::npos && has(rt, "rt-prefix-length")) {
                    withLength = std::string(dest) + '/' + std::string(clitext::trimmed(jdata(rt, "rt-prefix-length")));
                    dest = withLength;
                }
                const auto p = IpPrefix::parse(dest);
                if (!p) {
                    badPrefix = jqstr(rt, "rt-destination");
                    return;
                }
                forEachRow(member(rt, "rt-entry"), [&](Element e) {
                    RouteRecord r;
                    r.prefix = *p;
                    // One pass over the entry's fields: a key lookup scans the object each time.
                    Element nhs;
                    bool haveNh = false;
                    simdjson::dom::object o;
                    if (e.get(o) == simdjson::SUCCESS) {
                        for (auto field : o) {
                            const std::string_view k = field.key;
                            if (keyIs(k, "as-path")) {
                                const auto [path, origin] = splitOrigin(jvalue(field.value));
                                r.asPath = paths.intern(path);
                                r.origin = origin;
                            } else if (keyIs(k, "local-preference")) {
                                r.localPref = clitext::toInt(jvalue(field.value)).value_or(-1);
                            } else if (keyIs(k, "med")) {
                                r.med = clitext::toInt(jvalue(field.value)).value_or(-1);
                            } else if (keyIs(k, "active-tag")) {
                                const std::string_view active = jvalue(field.value);
                                r.best = !active.empty() && (active[0] == '*' || active[0] == '+');
                            } else if (keyIs(k, "nh")) {
                                nhs = field.value;
                                haveNh = true;
                            } else if (kind == QueryKind::RouteLookup && keyIs(k, "protocol-name")) {
                                r.protocol = toQString(jvalue(field.value)).toLower();
                                if (r.protocol == u"direct")
                                    r.protocol = QStringLiteral("connected");
                            }
                        }
                    }
                    bool anyNh = false;
                    if (haveNh) {
                        forEachRow(nhs, [&](Element nh) {
                            if (anyNh && kind != QueryKind::RouteLookup)
                                return;
                            RouteRecord x = r;
                            if (auto a = IpAddress::parse(clitext::trimmed(jdata(nh, "to"))))
                                x.nextHop = *a;
                            const std::string_view via = clitext::trimmed(jdata(nh, "via"));
                            if (!via.empty())
                                x.interfaceName = toQString(via);
                            rows.append(std::move(x));
                            anyNh = true;
                        });
                    }
                    if (!anyNh)
                        rows.append(std::move(r));
                });
            });
        });
        if (!badPrefix.isNull())
            return clitext::formatError(what, text, QStringLiteral("\"%1\" is not a prefix").arg(badPrefix));
        return RecordSet(kind, rows);
    }
    case QueryKind::LldpNeighbors: {
        QList<LldpNeighborRecord> rows;
        forEachRow(member(first(root, "lldp-neighbors-information"), "lldp-neighbor-information"), [&](Element n) {
            LldpNeighborRecord r;
            r.localInterface = jqstr(n, "lldp-local-port-id");
            if (r.localInterface.isEmpty())
                r.localInterface = jqstr(n, "lldp-local-interface");
            r.remoteChassisId = jqstr(n, "lldp-remote-chassis-id");
            r.remotePortId = jqstr(n, "lldp-remote-port-id");
            r.remoteSystemName = jqstr(n, "lldp-remote-system-name");
            r.remotePortDescription = jqstr(n, "lldp-remote-port-description");
            r.remoteMgmtAddress = jqstr(n, "lldp-remote-management-address");
            rows.append(r);
        });
        return RecordSet(kind, rows);
    }
    case QueryKind::Optics: {
        if (!has(root, "interface-information"))
            return clitext::formatError(what, text, QStringLiteral("it has no interface-information"));
        QList<OpticsRecord> rows;
        auto dbm = [](Element e, std::string_view key) {
            const std::string_view s = clitext::trimmed(jdata(e, key));
            return clitext::toReal(s).value_or(NAN); // "- Inf" when dark
        };
        forEachRow(member(first(root, "interface-information"), "physical-interface"), [&](Element pi) {
            const Element od = first(pi, "optics-diagnostics");
            if (!has(pi, "optics-diagnostics"))
                return;
            OpticsRecord base;
            base.interfaceName = jqstr(pi, "name").trimmed();
            base.temperatureC = clitext::toReal(jattr(od, "module-temperature", "junos:celsius")).value_or(NAN);
            base.rxLowWarnDbm = dbm(od, "laser-rx-power-low-warn-threshold-dbm");
            base.rxHighWarnDbm = dbm(od, "laser-rx-power-high-warn-threshold-dbm");
            base.txLowWarnDbm = dbm(od, "laser-tx-power-low-warn-threshold-dbm");
            base.txHighWarnDbm = dbm(od, "laser-tx-power-high-warn-threshold-dbm");
            bool lanes = false;
            forEachRow(member(od, "optics-diagnostics-lane-values"), [&](Element lane) {
                OpticsRecord r = base;
                r.lane = jint(lane, "lane-index");
                r.txPowerDbm = dbm(lane, "laser-output-power-dbm");
                r.rxPowerDbm = dbm(lane, "laser-rx-optical-power-dbm");
                r.biasMa = dbm(lane, "laser-bias-current");
                rows.append(r);
                lanes = true;
            });
            if (!lanes) {
                base.txPowerDbm = dbm(od, "laser-output-power-dbm");
                base.rxPowerDbm = has(od, "rx-signal-avg-optical-power-dbm") ? dbm(od, "rx-signal-avg-optical-power-dbm")
                                                                             : dbm(od, "laser-rx-optical-power-dbm");
                base.biasMa = dbm(od, "laser-bias-current");
                rows.append(base);
            }
        });
        return RecordSet(kind, rows);
    }
    }
    return Error(ErrorCode::InternalError, QStringLiteral("Unknown query kind."));
}

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
    case QueryKind::Facts: return has("show ver") || has("chassis hardware") || has("system uptime");
    case QueryKind::LinkStatus:
    case QueryKind::VlanErrors: return has("show interfaces") && !has("diagnostics");
    case QueryKind::BgpStatus: return has("bgp summary") || has("bgp neighbor");
    case QueryKind::ArpTable: return has("show arp") || has("ipv6 neighbors");
    case QueryKind::ReceivedRoutes: return has("receive-protocol");
    case QueryKind::AdvertisedRoutes: return has("advertising-protocol");
    case QueryKind::RouteLookup: return has("show route");
    case QueryKind::LldpNeighbors: return has("lldp");
    case QueryKind::Optics: return has("diagnostics optics");
    }
    return false;
}

QString guess(QueryKind kind, const QByteArray &body)
{
    switch (formOf(body)) {
    case JunosForm::Xml: return junosXml::guessCommand(kind, body);
    case JunosForm::Text: return junosText::guessCommand(kind, body);
    case JunosForm::Json: break;
    }
    switch (kind) {
    case QueryKind::Facts:
        return body.contains("chassis-inventory") ? QStringLiteral("show chassis hardware | display json")
               : body.contains("system-uptime-information") ? QStringLiteral("show system uptime | display json")
                                                            : QStringLiteral("show version | display json");
    case QueryKind::LinkStatus:
    case QueryKind::VlanErrors: return QStringLiteral("show interfaces extensive | display json");
    case QueryKind::BgpStatus: return QStringLiteral("show bgp summary | display json");
    case QueryKind::ArpTable: return body.contains("ipv6-nd-information") ? QStringLiteral("show ipv6 neighbors | display json") : QStringLiteral("show arp no-resolve | display json");
    case QueryKind::ReceivedRoutes: return QStringLiteral("show route receive-protocol bgp <neighbor> | display json");
    case QueryKind::AdvertisedRoutes: return QStringLiteral("show route advertising-protocol bgp <neighbor> | display json");
    case QueryKind::RouteLookup: return QStringLiteral("show route <destination> | display json");
    case QueryKind::LldpNeighbors: return QStringLiteral("show lldp neighbors | display json");
    case QueryKind::Optics: return QStringLiteral("show interfaces diagnostics optics | display json");
    }
    return {};
}

} // namespace

Result<RecordSet> JuniperJunosTranslator::parse(QueryKind kind, const QueryParams &params,
                                                const QList<CommandOutput> &outputs) const
{
    const auto cmds = commands(kind, params);
    if (!cmds)
        return cmds.error();
    if (outputs.size() != cmds->size())
        return outputCountMismatch(kind, cmds->size(), outputs.size());
    RecordSet all(kind);
    for (const CommandOutput &o : outputs) {
        auto part = parseOne(kind, o.command, o.output, params.interfaceName.contains(u'.') ? params.interfaceName : QString());
        if (!part)
            return part.error();
        appendRecords(all, *part);
    }
    if (kind == QueryKind::Facts)
        return mergeFacts(all);
    return applyFilters(all, params);
}

Result<PastedParse> JuniperJunosTranslator::parsePasted(QueryKind kind, const QByteArray &text) const
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
