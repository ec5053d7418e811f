#include "engine/vendors/juniper/junos_xml_readers.h"

#include "engine/api/ip_address.h"
#include "engine/vendors/common/cli_text.h"

#include <QRegularExpression>

#include <cmath>

namespace rl::junos {

// ---- Node --------------------------------------------------------------------------------

const Node *Node::child(QStringView childName) const
{
    for (const Node &c : children)
        if (c.name == childName)
            return &c;
    return nullptr;
}

QString Node::value(QStringView childName) const
{
    const Node *c = child(childName);
    return c ? c->text : QString();
}

qint64 Node::integer(QStringView childName) const
{
    bool ok = false;
    const qint64 n = value(childName).toLongLong(&ok);
    return ok ? n : -1;
}

QString Node::attribute(QStringView attributeName) const
{
    for (const auto &[k, v] : attributes)
        if (k == attributeName)
            return v;
    return {};
}

QString Node::childAttribute(QStringView childName, QStringView attributeName) const
{
    const Node *c = child(childName);
    return c ? c->attribute(attributeName) : QString();
}

namespace {

// Elements that wrap the answer: the reply itself and the per-routing-engine answers of a
// chassis with two routing engines or a virtual chassis ("re0:", "fpc0:" in the CLI).
bool isWrapper(QStringView name)
{
    return name == u"rpc-reply" || name == u"multi-routing-engine-results" || name == u"multi-routing-engine-item";
}

bool isAnswer(const Node &n)
{
    return !isWrapper(n.name) && n.name != u"cli" && n.name != u"re-name" && !n.name.isEmpty();
}

} // namespace

const Node *findAnswer(const Node &document, QStringView answerName)
{
    for (const Node &c : document.children) {
        if (c.name == answerName)
            return &c;
        if (isWrapper(c.name))
            if (const Node *found = findAnswer(c, answerName))
                return found;
    }
    return nullptr;
}

const Node *firstAnswer(const Node &document)
{
    for (const Node &c : document.children) {
        if (isAnswer(c))
            return &c;
        if (isWrapper(c.name))
            if (const Node *found = firstAnswer(c))
                return found;
    }
    return nullptr;
}

// ---- field conversions -------------------------------------------------------------------

LinkState linkState(QStringView s)
{
    s = s.trimmed();
    if (s.compare(u"up", Qt::CaseInsensitive) == 0)
        return LinkState::Up;
    if (s.compare(u"down", Qt::CaseInsensitive) == 0)
        return LinkState::Down;
    return LinkState::Unknown;
}

qint64 speedBps(QStringView s)
{
    s = s.trimmed();
    qsizetype i = 0;
    while (i < s.size() && s[i].isDigit())
        ++i;
    bool ok = false;
    const qint64 n = s.left(i).toLongLong(&ok);
    if (!ok)
        return -1; // "Auto", "Unlimited", "Unspecified"
    const QString unit = s.mid(i).trimmed().toString().toLower();
    if (unit == u"gbps" || unit == u"g")
        return n * 1000000000;
    if (unit == u"mbps" || unit == u"m")
        return n * 1000000;
    if (unit == u"kbps" || unit == u"k")
        return n * 1000;
    if (unit == u"bps")
        return n;
    return -1;
}

std::pair<QString, QString> ribContext(QStringView rib)
{
    QString s = rib.trimmed().toString();
    QString vrf = QStringLiteral("default");
    const QStringList parts = s.split(QLatin1Char('.'));
    // "CUST-A.inet.0" names an instance; "bgp.l3vpn.0" and "bgp.evpn.0" are the master's.
    if (parts.size() >= 3 && parts.at(0) != u"bgp") {
        vrf = parts.at(0);
        s = parts.mid(1).join(QLatin1Char('.'));
    }
    if (s == u"inet.0") return {vrf, QStringLiteral("ipv4-unicast")};
    if (s == u"inet6.0") return {vrf, QStringLiteral("ipv6-unicast")};
    if (s == u"inet.2") return {vrf, QStringLiteral("ipv4-multicast")};
    if (s == u"inet6.2") return {vrf, QStringLiteral("ipv6-multicast")};
    if (s == u"bgp.l3vpn.0") return {vrf, QStringLiteral("vpnv4-unicast")};
    if (s == u"bgp.l3vpn-inet6.0") return {vrf, QStringLiteral("vpnv6-unicast")};
    if (s == u"bgp.evpn.0") return {vrf, QStringLiteral("l2vpn-evpn")};
    if (s == u"inetflow.0") return {vrf, QStringLiteral("ipv4-flowspec")};
    return {vrf, s};
}

std::pair<QString, RouteOrigin> splitOrigin(QStringView path)
{
    path = path.trimmed();
    // detail and extensive views: "AS path: 65001 65002 I", sometimes with a second line
    if (path.startsWith(u"AS path:"))
        path = path.mid(8).trimmed();
    if (const qsizetype nl = path.indexOf(u'\n'); nl >= 0)
        path = path.left(nl).trimmed();
    RouteOrigin o = RouteOrigin::Unknown;
    if (!path.isEmpty()) {
        const QChar c = path.back();
        if ((c == u'I' || c == u'E' || c == u'?') && (path.size() == 1 || path[path.size() - 2] == u' ')) {
            o = c == u'I' ? RouteOrigin::Igp : c == u'E' ? RouteOrigin::Egp : RouteOrigin::Incomplete;
            path = path.left(path.size() - 1).trimmed();
        }
    }
    return {path.toString(), o};
}

namespace {

qint64 secondsAttribute(const Node &n, QStringView child)
{
    bool ok = false;
    const qint64 s = n.childAttribute(child, u"junos:seconds").toLongLong(&ok);
    return ok ? s : -1;
}

qint64 asn(const QString &s)
{
    const QByteArray u = s.trimmed().toUtf8();
    return clitext::parseAsn(std::string_view(u.constData(), size_t(u.size()))).value_or(-1);
}

qint64 duration(const QString &s)
{
    const QByteArray u = s.trimmed().toUtf8();
    return clitext::parseDuration(std::string_view(u.constData(), size_t(u.size()))).value_or(-1);
}

// dBm, mA, °C as printed; "- Inf" (no light) and anything else not a number is unknown.
double real(const QString &s)
{
    bool ok = false;
    const double d = s.trimmed().toDouble(&ok);
    return ok ? d : NAN;
}

Error noAnswer(const QString &what, const QByteArray &text, const Node &document, const QString &expected)
{
    const Node *a = firstAnswer(document);
    return clitext::formatError(what, text,
                                a ? QStringLiteral("it holds %1, not %2").arg(a->name, expected)
                                  : QStringLiteral("it holds no %1").arg(expected));
}

} // namespace

// ---- facts -------------------------------------------------------------------------------

Result<RecordSet> readFacts(const Node &document, const QByteArray &text)
{
    FactsRecord f;
    f.vendor = QStringLiteral("Juniper");
    f.platform = QStringLiteral("juniper-junos");
    if (const Node *sw = findAnswer(document, u"software-information")) {
        f.hostname = sw->value(u"host-name");
        f.model = sw->value(u"product-model");
        f.osVersion = sw->value(u"junos-version");
        if (f.osVersion.isEmpty()) {
            // Before 15.1 the version is only in the package list: "JUNOS Base OS boot [12.3R12.4]"
            static const QRegularExpression bracket(QStringLiteral("\\[([^\\]]+)\\]"));
            sw->forEach(u"package-information", [&](const Node &pkg) {
                if (f.osVersion.isEmpty())
                    if (const auto m = bracket.match(pkg.value(u"comment")); m.hasMatch())
                        f.osVersion = m.captured(1);
            });
        }
    } else if (const Node *inv = findAnswer(document, u"chassis-inventory")) {
        const Node *chassis = inv->child(u"chassis");
        if (!chassis)
            return clitext::formatError(QStringLiteral("facts"), text, QStringLiteral("its chassis-inventory has no chassis"));
        f.serial = chassis->value(u"serial-number");
    } else if (const Node *up = findAnswer(document, u"system-uptime-information")) {
        const Node *booted = up->child(u"system-booted-time");
        if (booted) {
            f.uptimeSeconds = secondsAttribute(*booted, u"time-length");
            if (f.uptimeSeconds < 0) // "1w2d 03:04" without the attribute
                f.uptimeSeconds = duration(booted->value(u"time-length").remove(QLatin1Char('(')).remove(QStringLiteral(" ago)")));
        }
    } else {
        return noAnswer(QStringLiteral("facts"), text, document,
                        QStringLiteral("software-information, chassis-inventory or system-uptime-information"));
    }
    return RecordSet(QueryKind::Facts, QList<FactsRecord>{f});
}

// ---- interfaces --------------------------------------------------------------------------

namespace {

InterfaceRecord physicalInterface(const Node &pi)
{
    InterfaceRecord r;
    r.name = pi.value(u"name");
    const LinkState admin = linkState(pi.value(u"admin-status"));
    r.adminState = admin == LinkState::Down ? LinkState::AdminDown : admin;
    r.operState = linkState(pi.value(u"oper-status"));
    r.mtu = pi.integer(u"mtu"); // "Unlimited" on lo0 and tunnels: unknown
    r.speedBps = speedBps(pi.value(u"speed"));
    r.mac = normalizeMac(pi.value(u"current-physical-address"));
    r.description = pi.value(u"description");
    // "Never" carries junos:seconds="0": unknown, not "changed just now"
    if (pi.value(u"interface-flapped") != u"Never")
        r.lastChangeSeconds = secondsAttribute(pi, u"interface-flapped");
    if (const Node *ts = pi.child(u"traffic-statistics")) {
        r.inPackets = ts->integer(u"input-packets");
        r.outPackets = ts->integer(u"output-packets");
    }
    if (const Node *ie = pi.child(u"input-error-list")) {
        r.inErrors = ie->integer(u"input-errors");
        r.inDiscards = ie->integer(u"input-drops");
    }
    if (const Node *oe = pi.child(u"output-error-list")) {
        r.outErrors = oe->integer(u"output-errors");
        r.outDiscards = oe->integer(u"output-drops");
    }
    if (const Node *mac = pi.child(u"ethernet-mac-statistics"))
        r.crcErrors = mac->integer(u"input-crc-errors");
    return r;
}

// A logical unit as an interface record: its own state and counters, the rest from its port;
// down whenever the port is.
InterfaceRecord logicalInterface(const Node &li, const InterfaceRecord &parent)
{
    InterfaceRecord r;
    r.name = li.value(u"name");
    r.description = li.value(u"description");
    r.speedBps = parent.speedBps;
    r.mac = parent.mac;
    LinkState admin = linkState(li.value(u"admin-status"));
    LinkState oper = linkState(li.value(u"oper-status"));
    if (admin == LinkState::Unknown && oper == LinkState::Unknown) {
        // extensive prints the unit's flags only: "Up", or "Down" for a disabled unit
        const Node *flags = li.child(u"if-config-flags");
        if (flags && flags->has(u"iff-down"))
            admin = LinkState::Down, oper = LinkState::Down;
        else if (flags && flags->has(u"iff-up"))
            admin = LinkState::Up, oper = LinkState::Up;
        else
            admin = parent.adminState, oper = parent.operState; // no flags printed: the port's
    }
    r.adminState = admin == LinkState::Down ? LinkState::AdminDown : admin;
    r.operState = oper;
    if (parent.adminState == LinkState::AdminDown || parent.operState == LinkState::Down)
        r.operState = LinkState::Down;
    li.forEach(u"address-family", [&](const Node &af) {
        if (r.mtu < 0)
            r.mtu = af.integer(u"mtu");
    });
    if (const Node *ts = li.child(u"traffic-statistics")) {
        r.inPackets = ts->integer(u"input-packets");
        r.outPackets = ts->integer(u"output-packets");
    }
    return r;
}

} // namespace

Result<RecordSet> readInterfaces(const Node &document, const QByteArray &text, const QString &logicalWanted)
{
    const Node *info = findAnswer(document, u"interface-information");
    if (!info)
        return noAnswer(queryKindTitle(QueryKind::LinkStatus), text, document, QStringLiteral("interface-information"));
    // terse is the table people read unit states from: its units are rows of their own
    const bool terse = info->attribute(u"junos:style") == u"terse";
    QList<InterfaceRecord> rows;
    info->forEach(u"physical-interface", [&](const Node &pi) {
        const InterfaceRecord port = physicalInterface(pi);
        rows.append(port);
        pi.forEach(u"logical-interface", [&](const Node &li) {
            if (terse || li.value(u"name").compare(logicalWanted, Qt::CaseInsensitive) == 0)
                rows.append(logicalInterface(li, port));
        });
    });
    if (rows.isEmpty() && !info->children.empty() && !info->has(u"physical-interface"))
        return clitext::formatError(queryKindTitle(QueryKind::LinkStatus), text,
                                    QStringLiteral("its interface-information holds no physical-interface"));
    return RecordSet(QueryKind::LinkStatus, rows);
}

Result<RecordSet> readVlans(const Node &document, const QByteArray &text)
{
    const Node *info = findAnswer(document, u"interface-information");
    if (!info)
        return noAnswer(queryKindTitle(QueryKind::VlanErrors), text, document, QStringLiteral("interface-information"));
    // "[ 0x8100.100 ]", "VLAN-Tag [ 0x8100.200 0x8100.2001 ] In(pop-pop) ..."
    static const QRegularExpression tag(QStringLiteral("\\[\\s*0x[0-9a-fA-F]+\\.(\\d+)(?:\\s+0x[0-9a-fA-F]+\\.(\\d+))?"));
    QList<VlanRecord> rows;
    info->forEach(u"physical-interface", [&](const Node &pi) {
        const InterfaceRecord port = physicalInterface(pi);
        qint64 channelErrors = -1, mismatch = -1;
        if (const Node *ie = pi.child(u"input-error-list")) {
            // L2 channel errors: frames whose VLAN tag matches no logical unit
            channelErrors = ie->integer(u"input-l2-channel-errors");
            mismatch = ie->integer(u"input-l2-mismatch-timeouts");
        }
        pi.forEach(u"logical-interface", [&](const Node &li) {
            QString link = li.childAttribute(u"link-address", u"junos:format");
            if (link.isEmpty())
                link = li.value(u"link-address");
            const auto m = tag.match(link);
            if (!m.hasMatch())
                return;
            VlanRecord v;
            v.interfaceName = li.value(u"name");
            v.parentInterface = port.name;
            v.vlanId = m.captured(1).toLongLong();
            if (!m.captured(2).isEmpty()) {
                v.innerVlanId = m.captured(2).toLongLong();
                v.encapsulation = QStringLiteral("qinq");
            } else {
                v.encapsulation = QStringLiteral("dot1q");
            }
            v.operState = logicalInterface(li, port).operState; // a disabled unit is down on an up port
            if (const Node *ts = li.child(u"traffic-statistics")) {
                v.inPackets = ts->integer(u"input-packets");
                v.outPackets = ts->integer(u"output-packets");
            }
            v.unknownTagDrops = channelErrors;
            v.mismatchedTagDrops = mismatch;
            v.otherDrops = port.inDiscards;
            rows.append(v);
        });
    });
    return RecordSet(QueryKind::VlanErrors, rows);
}

// ---- BGP ---------------------------------------------------------------------------------

namespace {

QString instanceVrf(const QString &instance)
{
    return instance.isEmpty() || instance == u"master" ? QStringLiteral("default") : instance;
}

} // namespace

Result<RecordSet> readBgp(const Node &document, const QByteArray &text, const QString &vrfAsked)
{
    const Node *info = findAnswer(document, u"bgp-information");
    if (!info)
        return noAnswer(queryKindTitle(QueryKind::BgpStatus), text, document, QStringLiteral("bgp-information"));
    QList<BgpNeighborRecord> rows;
    info->forEach(u"bgp-peer", [&](const Node &peer) {
        BgpNeighborRecord base;
        base.neighbor = peer.value(u"peer-address").section(QLatin1Char('+'), 0, 0); // "10.0.0.2+179"
        base.remoteAs = asn(peer.value(u"peer-as"));
        base.localAs = asn(peer.value(u"local-as"));
        base.remoteRouterId = peer.value(u"peer-id");
        base.stateDetail = peer.value(u"peer-state");
        base.state = base.stateDetail.startsWith(u"Establ") ? BgpState::Established : bgpStateFromName(base.stateDetail);
        base.adminEnabled = !base.stateDetail.contains(u"Admin");
        // summary only; the detail view prints no established time
        base.uptimeSeconds = secondsAttribute(peer, u"elapsed-time");
        if (base.uptimeSeconds < 0 && peer.has(u"elapsed-time"))
            base.uptimeSeconds = duration(peer.value(u"elapsed-time"));
        base.description = peer.value(u"description");
        const QString lastError = peer.value(u"last-error");
        if (lastError != u"None")
            base.lastError = lastError;
        // the detail view names the peer's instance; the summary only its RIBs
        const QString peerVrf = peer.has(u"peer-cfg-rti") ? instanceVrf(peer.value(u"peer-cfg-rti")) : vrfAsked;
        bool any = false;
        peer.forEach(u"bgp-rib", [&](const Node &rib) {
            BgpNeighborRecord r = base;
            const auto [vrf, af] = ribContext(rib.value(u"name"));
            r.vrf = vrf == u"default" ? peerVrf : vrf;
            r.addressFamily = af;
            r.prefixesReceived = rib.integer(u"received-prefix-count");
            r.prefixesAccepted = rib.integer(u"accepted-prefix-count");
            r.prefixesSent = rib.integer(u"advertised-prefix-count");
            rows.append(r);
            any = true;
        });
        if (!any) { // not established: no RIB yet; its family from its address
            base.vrf = peerVrf;
            base.addressFamily = base.neighbor.contains(QLatin1Char(':')) ? QStringLiteral("ipv6-unicast") : QStringLiteral("ipv4-unicast");
            rows.append(base);
        }
    });
    if (rows.isEmpty() && !info->has(u"peer-count") && !info->has(u"bgp-peer"))
        return clitext::formatError(queryKindTitle(QueryKind::BgpStatus), text,
                                    QStringLiteral("its bgp-information holds neither peers nor a peer count"));
    return RecordSet(QueryKind::BgpStatus, rows);
}

// ---- ARP and IPv6 neighbors --------------------------------------------------------------

Result<RecordSet> readArp(const Node &document, const QByteArray &text, const QString &vrf)
{
    QList<ArpRecord> rows;
    if (const Node *arp = findAnswer(document, u"arp-table-information")) {
        arp->forEach(u"arp-table-entry", [&](const Node &e) {
            ArpRecord r;
            r.vrf = vrf;
            r.ip = e.value(u"ip-address");
            r.mac = normalizeMac(e.value(u"mac-address"));
            // "irb.100 [ae0.100]": the L3 interface, then the port it was learned on
            r.interfaceName = e.value(u"interface-name").section(QLatin1Char(' '), 0, 0);
            const Node *flags = e.child(u"arp-table-entry-flags");
            r.state = flags && flags->has(u"permanent") ? NeighborState::Permanent
                      : r.mac.isEmpty()                 ? NeighborState::Incomplete
                                                        : NeighborState::Complete;
            rows.append(r);
        });
        return RecordSet(QueryKind::ArpTable, rows);
    }
    if (const Node *nd = findAnswer(document, u"ipv6-nd-information")) {
        nd->forEach(u"ipv6-nd-entry", [&](const Node &e) {
            ArpRecord r;
            r.vrf = vrf;
            r.ip = e.value(u"ipv6-nd-neighbor-address");
            r.mac = normalizeMac(e.value(u"ipv6-nd-neighbor-l2-address")); // "none" while incomplete
            r.interfaceName = e.value(u"ipv6-nd-interface-name").section(QLatin1Char(' '), 0, 0);
            const QString state = e.value(u"ipv6-nd-state");
            r.state = state.compare(u"unreachable", Qt::CaseInsensitive) == 0 ? NeighborState::Failed
                                                                               : neighborStateFromName(state);
            rows.append(r);
        });
        return RecordSet(QueryKind::ArpTable, rows);
    }
    return noAnswer(queryKindTitle(QueryKind::ArpTable), text, document, QStringLiteral("arp-table-information or ipv6-nd-information"));
}

// ---- routes ------------------------------------------------------------------------------

namespace {

QString protocolName(const QString &junos)
{
    const QString p = junos.toLower();
    if (p == u"direct")
        return QStringLiteral("connected");
    return p;
}

} // namespace

Result<RecordSet> readRoutes(QueryKind kind, const Node &document, const QByteArray &text)
{
    const QString what = queryKindTitle(kind);
    const Node *info = findAnswer(document, u"route-information");
    if (!info)
        return noAnswer(what, text, document, QStringLiteral("route-information"));
    QList<RouteRecord> rows;
    QString badPrefix;
    info->forEach(u"route-table", [&](const Node &table) {
        table.forEach(u"rt", [&](const Node &rt) {
            QString dest = rt.value(u"rt-destination");
            if (!dest.contains(u'/') && rt.has(u"rt-prefix-length"))
                dest += u'/' + rt.value(u"rt-prefix-length");
            const auto prefix = IpPrefix::parse(dest);
            if (!prefix) {
                if (badPrefix.isNull())
                    badPrefix = dest;
                return;
            }
            rt.forEach(u"rt-entry", [&](const Node &e) {
                RouteRecord r;
                r.prefix = *prefix;
                if (e.has(u"as-path")) {
                    const auto [path, origin] = splitOrigin(e.value(u"as-path"));
                    r.asPath = path;
                    r.origin = origin;
                }
                r.localPref = e.integer(u"local-preference");
                r.med = e.integer(u"med");
                const QString active = e.value(u"active-tag");
                r.best = active.startsWith(u'*') || active.startsWith(u'+');
                if (const Node *c = e.child(u"communities")) {
                    QStringList all;
                    c->forEach(u"community", [&](const Node &x) { all.append(x.text); });
                    r.communities = all.join(QLatin1Char(' '));
                }
                if (kind == QueryKind::RouteLookup)
                    r.protocol = protocolName(e.value(u"protocol-name"));
                bool anyNh = false;
                e.forEach(u"nh", [&](const Node &nh) {
                    // a received or advertised route has one next hop; a lookup shows every one
                    if (anyNh && kind != QueryKind::RouteLookup)
                        return;
                    RouteRecord x = r;
                    if (const auto a = IpAddress::parse(nh.value(u"to")))
                        x.nextHop = *a;
                    x.interfaceName = nh.value(u"via");
                    if (x.interfaceName.isEmpty())
                        x.interfaceName = nh.value(u"nh-local-interface"); // Local routes
                    rows.append(x);
                    anyNh = true;
                });
                if (!anyNh)
                    rows.append(r);
            });
        });
    });
    if (!badPrefix.isNull())
        return clitext::formatError(what, text, QStringLiteral("\"%1\" is not a prefix").arg(badPrefix));
    return RecordSet(kind, rows);
}

// ---- LLDP --------------------------------------------------------------------------------

Result<RecordSet> readLldp(const Node &document, const QByteArray &text)
{
    const Node *info = findAnswer(document, u"lldp-neighbors-information");
    if (!info)
        return noAnswer(queryKindTitle(QueryKind::LldpNeighbors), text, document, QStringLiteral("lldp-neighbors-information"));
    QList<LldpNeighborRecord> rows;
    info->forEach(u"lldp-neighbor-information", [&](const Node &n) {
        LldpNeighborRecord r;
        // the summary names the port lldp-local-port-id (lldp-local-interface before 14.1 and
        // in the detail view)
        r.localInterface = n.value(u"lldp-local-port-id");
        if (r.localInterface.isEmpty())
            r.localInterface = n.value(u"lldp-local-interface");
        r.remoteChassisId = n.value(u"lldp-remote-chassis-id");
        r.remotePortId = n.value(u"lldp-remote-port-id");
        r.remoteSystemName = n.value(u"lldp-remote-system-name");
        r.remotePortDescription = n.value(u"lldp-remote-port-description");
        r.remoteMgmtAddress = n.value(u"lldp-remote-management-address");
        if (const Node *m = n.child(u"lldp-remote-management-address-information"); m && r.remoteMgmtAddress.isEmpty())
            r.remoteMgmtAddress = m->value(u"lldp-remote-management-address");
        r.capabilities = n.value(u"lldp-remote-system-capabilities-enabled");
        rows.append(r);
    });
    return RecordSet(QueryKind::LldpNeighbors, rows);
}

// ---- optics ------------------------------------------------------------------------------

Result<RecordSet> readOptics(const Node &document, const QByteArray &text)
{
    const Node *info = findAnswer(document, u"interface-information");
    if (!info)
        return noAnswer(queryKindTitle(QueryKind::Optics), text, document, QStringLiteral("interface-information"));
    QList<OpticsRecord> rows;
    info->forEach(u"physical-interface", [&](const Node &pi) {
        const Node *od = pi.child(u"optics-diagnostics");
        if (!od) // a port without an optic
            return;
        OpticsRecord base;
        base.interfaceName = pi.value(u"name");
        base.temperatureC = real(od->childAttribute(u"module-temperature", u"junos:celsius"));
        if (std::isnan(base.temperatureC)) // "34 degrees C / 93 degrees F"
            base.temperatureC = real(od->value(u"module-temperature").section(QLatin1Char(' '), 0, 0));
        base.rxLowWarnDbm = real(od->value(u"laser-rx-power-low-warn-threshold-dbm"));
        base.rxHighWarnDbm = real(od->value(u"laser-rx-power-high-warn-threshold-dbm"));
        base.txLowWarnDbm = real(od->value(u"laser-tx-power-low-warn-threshold-dbm"));
        base.txHighWarnDbm = real(od->value(u"laser-tx-power-high-warn-threshold-dbm"));
        bool lanes = false;
        od->forEach(u"optics-diagnostics-lane-values", [&](const Node &lane) {
            OpticsRecord r = base;
            r.lane = lane.integer(u"lane-index");
            r.txPowerDbm = real(lane.value(u"laser-output-power-dbm"));
            r.rxPowerDbm = real(lane.value(u"laser-rx-optical-power-dbm"));
            r.biasMa = real(lane.value(u"laser-bias-current"));
            rows.append(r);
            lanes = true;
        });
        if (!lanes) {
            base.txPowerDbm = real(od->value(u"laser-output-power-dbm"));
            base.rxPowerDbm = od->has(u"rx-signal-avg-optical-power-dbm") ? real(od->value(u"rx-signal-avg-optical-power-dbm"))
                                                                          : real(od->value(u"laser-rx-optical-power-dbm"));
            base.biasMa = real(od->value(u"laser-bias-current"));
            rows.append(base);
        }
    });
    return RecordSet(QueryKind::Optics, rows);
}

// ---- dispatch ----------------------------------------------------------------------------

namespace {

// "show arp no-resolve vpn CUST-A", "show bgp summary instance CUST-A": the VRF asked for.
QString vrfOf(const QString &command, const QString &keyword)
{
    const QStringList words = command.simplified().split(QLatin1Char(' '));
    const qsizetype i = words.indexOf(keyword);
    return i >= 0 && i + 1 < words.size() && words.at(i + 1) != u"|" ? words.at(i + 1) : QStringLiteral("default");
}

} // namespace

Result<RecordSet> read(QueryKind kind, const QString &command, const Node &document, const QByteArray &text,
                       const QString &logicalWanted)
{
    switch (kind) {
    case QueryKind::Facts: return readFacts(document, text);
    case QueryKind::LinkStatus: return readInterfaces(document, text, logicalWanted);
    case QueryKind::VlanErrors: return readVlans(document, text);
    case QueryKind::BgpStatus: return readBgp(document, text, vrfOf(command, QStringLiteral("instance")));
    case QueryKind::ArpTable: return readArp(document, text, vrfOf(command, QStringLiteral("vpn")));
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
    case QueryKind::RouteLookup: return readRoutes(kind, document, text);
    case QueryKind::LldpNeighbors: return readLldp(document, text);
    case QueryKind::Optics: return readOptics(document, text);
    }
    return Error(ErrorCode::InternalError, QStringLiteral("Unknown query kind."));
}

QString commandFor(QueryKind kind, const Node &document, const QString &suffix)
{
    const Node *a = firstAnswer(document);
    if (!a)
        return {};
    const QString name = a->name;
    if (name == u"software-information") return QStringLiteral("show version") + suffix;
    if (name == u"chassis-inventory") return QStringLiteral("show chassis hardware") + suffix;
    if (name == u"system-uptime-information") return QStringLiteral("show system uptime") + suffix;
    if (name == u"bgp-information") {
        const Node *peer = a->child(u"bgp-peer");
        const bool detail = peer && peer->attribute(u"junos:style") == u"detail";
        return (detail ? QStringLiteral("show bgp neighbor") : QStringLiteral("show bgp summary")) + suffix;
    }
    if (name == u"arp-table-information") return QStringLiteral("show arp no-resolve") + suffix;
    if (name == u"ipv6-nd-information") return QStringLiteral("show ipv6 neighbors") + suffix;
    if (name == u"lldp-neighbors-information") return QStringLiteral("show lldp neighbors") + suffix;
    if (name == u"interface-information") {
        bool optics = false;
        a->forEach(u"physical-interface", [&](const Node &pi) { optics = optics || pi.has(u"optics-diagnostics"); });
        if (optics || kind == QueryKind::Optics)
            return QStringLiteral("show interfaces diagnostics optics") + suffix;
        if (a->attribute(u"junos:style") == u"terse")
            return QStringLiteral("show interfaces terse") + suffix;
        // extensive and the plain view share junos:style "normal": extensive has the error lists
        bool extensive = false;
        a->forEach(u"physical-interface", [&](const Node &pi) { extensive = extensive || pi.has(u"input-error-list"); });
        return (extensive ? QStringLiteral("show interfaces extensive") : QStringLiteral("show interfaces")) + suffix;
    }
    if (name == u"route-information") {
        switch (kind) {
        case QueryKind::ReceivedRoutes: return QStringLiteral("show route receive-protocol bgp <neighbor>") + suffix;
        case QueryKind::AdvertisedRoutes: return QStringLiteral("show route advertising-protocol bgp <neighbor>") + suffix;
        case QueryKind::Facts:
        case QueryKind::LinkStatus:
        case QueryKind::BgpStatus:
        case QueryKind::ArpTable:
        case QueryKind::VlanErrors:
        case QueryKind::RouteLookup:
        case QueryKind::LldpNeighbors:
        case QueryKind::Optics: break;
        }
        return QStringLiteral("show route <destination>") + suffix;
    }
    return {};
}

} // namespace rl::junos
