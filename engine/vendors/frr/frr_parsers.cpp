#include "engine/vendors/frr/frr_parsers.h"

#include "engine/vendors/common/parse_util.h"
#include "engine/vendors/common/route_table_json.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace rl {
namespace {

// "ipv4Unicast" -> "ipv4-unicast", "l2VpnEvpn" -> "l2vpn-evpn"
QString familyName(const QString &frrKey)
{
    QString out;
    for (qsizetype i = 0; i < frrKey.size(); ++i) {
        const QChar c = frrKey.at(i);
        if (c.isUpper() && i > 0)
            out += QLatin1Char('-');
        out += c.toLower();
    }
    return out;
}

QString what(const char *cmd) { return QStringLiteral("FRR \"%1\"").arg(QLatin1String(cmd)); }

// vtysh prints "% ..." lines instead of JSON for unknown commands, unknown VRFs and neighbors.
Error vtyshComplaint(const QString &w, const QByteArray &text)
{
    const QString t = QString::fromUtf8(text).trimmed();
    return Error(ErrorCode::ParseError,
                 QStringLiteral("FRR answered %1 with a message instead of data: %2").arg(w, t.left(200)),
                 QStringLiteral("line 1: %1").arg(t.section(QLatin1Char('\n'), 0, 0)));
}

// The first character that is not blank (not trimmed(), which copies the text: a full table
// is hundreds of megabytes).
bool isComplaint(const QByteArray &text)
{
    for (const char c : text) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return c == '%';
    }
    return false;
}

} // namespace

Result<FactsRecord> FrrParsers::version(const QByteArray &text)
{
    // "FRRouting 8.4.4 (lab-frr) on Linux(6.18.44-fc-v782)."
    static const QRegularExpression re(QStringLiteral("^FRRouting (\\S+) \\(([^)]*)\\) on (\\S+?)\\.?$"));
    const QStringList ls = parse::lines(text);
    for (int i = 0; i < ls.size(); ++i) {
        const auto m = re.match(ls.at(i).trimmed());
        if (!m.hasMatch())
            continue;
        FactsRecord f;
        f.hostname = m.captured(2);
        f.vendor = QStringLiteral("FRRouting");
        f.platform = QStringLiteral("frr");
        f.osVersion = QStringLiteral("FRRouting ") + m.captured(1);
        f.model = m.captured(3);
        return f;
    }
    return parse::lineError(what("show version"), 1, ls.value(0), QStringLiteral("no \"FRRouting <version> (<host>)\" line"));
}

Result<QList<InterfaceRecord>> FrrParsers::interfaces(const QByteArray &json, const QString &interfaceName)
{
    if (isComplaint(json))
        return vtyshComplaint(what("show interface json"), json);
    auto obj = parse::jsonObject(json, what("show interface json"));
    if (!obj)
        return obj.error();
    QList<InterfaceRecord> out;
    for (auto it = obj->begin(); it != obj->end(); ++it) {
        if (!parse::matchesFilter(interfaceName, it.key()))
            continue;
        const QJsonObject o = it.value().toObject();
        InterfaceRecord r;
        r.name = it.key();
        r.adminState = linkStateFromName(o.value(QLatin1String("administrativeStatus")).toString());
        r.operState = r.adminState == LinkState::Down ? LinkState::AdminDown
                                                      : linkStateFromName(o.value(QLatin1String("operationalStatus")).toString());
        if (r.adminState == LinkState::Down)
            r.adminState = LinkState::AdminDown;
        r.mtu = parse::jsonInt(o, QLatin1String("mtu"));
        const qint64 speed = parse::jsonInt(o, QLatin1String("speed"));
        r.speedBps = speed > 0 ? speed * 1000000 : -1; // vtysh prints Mb/s
        r.mac = normalizeMac(o.value(QLatin1String("hardwareAddress")).toString());
        r.description = o.value(QLatin1String("description")).toString();
        out.append(r);
    }
    return out;
}

Result<QList<VlanRecord>> FrrParsers::vlans(const QByteArray &json, const QString &interfaceName)
{
    if (isComplaint(json))
        return vtyshComplaint(what("show interface json"), json);
    auto obj = parse::jsonObject(json, what("show interface json"));
    if (!obj)
        return obj.error();
    QList<VlanRecord> out;
    for (auto it = obj->begin(); it != obj->end(); ++it) {
        if (!parse::matchesFilter(interfaceName, it.key()))
            continue;
        const QJsonObject o = it.value().toObject();
        const bool isVlan = o.contains(QLatin1String("vlanId"));
        if (!isVlan && interfaceName.isEmpty())
            continue;
        VlanRecord r;
        r.interfaceName = it.key();
        r.operState = linkStateFromName(o.value(QLatin1String("operationalStatus")).toString());
        if (isVlan) {
            r.vlanId = parse::jsonInt(o, QLatin1String("vlanId"));
            r.parentInterface = o.value(QLatin1String("parentInterface")).toString();
            r.encapsulation = QStringLiteral("dot1q");
        } else {
            r.encapsulation = QStringLiteral("untagged");
            r.tagCheck = TagCheck::Untagged;
        }
        out.append(r);
    }
    return out;
}

Result<QList<BgpNeighborRecord>> FrrParsers::bgpNeighbors(const QByteArray &json, const QueryParams &filter)
{
    const QString w = what("show bgp vrf all neighbors json");
    if (isComplaint(json))
        return vtyshComplaint(w, json);
    auto obj = parse::jsonObject(json, w);
    if (!obj)
        return obj.error();
    QList<BgpNeighborRecord> out;
    for (auto v = obj->begin(); v != obj->end(); ++v) {
        if (!v.value().isObject())
            return parse::jsonError(w, 0, QStringLiteral("VRF \"%1\" is not an object").arg(v.key()));
        const QJsonObject vrfObj = v.value().toObject();
        const QString vrf = vrfObj.value(QLatin1String("vrfName")).toString(v.key());
        if (!parse::matchesFilter(filter.vrf.isEmpty() ? QString() : filter.vrf, vrf))
            continue;
        for (auto p = vrfObj.begin(); p != vrfObj.end(); ++p) {
            if (!p.value().isObject())
                continue; // vrfId, vrfName
            if (!parse::matchesFilter(filter.neighbor, p.key()))
                continue;
            const QJsonObject n = p.value().toObject();
            if (!n.contains(QLatin1String("bgpState")))
                return parse::jsonError(w, 0, QStringLiteral("neighbor %1 has no \"bgpState\"").arg(p.key()));
            BgpNeighborRecord base;
            base.vrf = vrf;
            base.neighbor = p.key();
            base.localAs = parse::jsonInt(n, QLatin1String("localAs"));
            base.remoteAs = parse::jsonInt(n, QLatin1String("remoteAs"));
            base.remoteRouterId = n.value(QLatin1String("remoteRouterId")).toString();
            if (base.remoteRouterId == QLatin1String("0.0.0.0"))
                base.remoteRouterId.clear();
            // The TCP session's own end; "Unknown" while no connection is up.
            if (const QString local = n.value(QLatin1String("hostLocal")).toString(); IpAddress::parse(local))
                base.localAddress = local;
            base.stateDetail = n.value(QLatin1String("bgpState")).toString();
            base.state = bgpStateFromName(base.stateDetail);
            base.adminEnabled = !n.value(QLatin1String("adminShutDown")).toBool(false);
            if (!base.adminEnabled)
                base.stateDetail += QStringLiteral(" (Admin)");
            // Established: time up; otherwise time since the session last went down.
            const qint64 ms = base.state == BgpState::Established ? parse::jsonInt(n, QLatin1String("bgpTimerUpMsec"))
                                                                  : parse::jsonInt(n, QLatin1String("lastResetTimerMsecs"));
            base.uptimeSeconds = ms < 0 ? -1 : ms / 1000;
            base.description = n.value(QLatin1String("nbrDesc")).toString();
            const QString notification = n.value(QLatin1String("lastNotificationReason")).toString();
            if (!notification.isEmpty()) {
                base.lastError = notification;
                // Who sent it tells which end refused: "Bad Peer AS" received means the peer's
                // configuration expects another AS from this router.
                const QString dueTo = n.value(QLatin1String("lastResetDueTo")).toString();
                const QString direction = dueTo == QLatin1String("BGP Notification received") ? QStringLiteral("received from the peer")
                                        : dueTo == QLatin1String("BGP Notification send")     ? QStringLiteral("sent to the peer")
                                                                                              : QString();
                const QString code = n.value(QLatin1String("lastErrorCodeSubcode")).toString();
                QStringList notes;
                if (!code.isEmpty())
                    notes << QStringLiteral("code %1").arg(code);
                if (!direction.isEmpty())
                    notes << direction;
                if (!notes.isEmpty())
                    base.lastError += QStringLiteral(" (%1)").arg(notes.join(QStringLiteral(", ")));
            } else if (base.state != BgpState::Established) {
                base.lastError = n.value(QLatin1String("lastResetDueTo")).toString();
            }
            const QJsonObject afs = n.value(QLatin1String("addressFamilyInfo")).toObject();
            if (afs.isEmpty()) {
                if (filter.addressFamily.isEmpty())
                    out.append(base);
                continue;
            }
            for (auto a = afs.begin(); a != afs.end(); ++a) {
                BgpNeighborRecord r = base;
                r.addressFamily = familyName(a.key());
                if (!parse::matchesFamily(filter.addressFamily, r.addressFamily))
                    continue;
                const QJsonObject af = a.value().toObject();
                // FRR counts received prefixes after inbound policy ("PfxRcd" in its summary):
                // its received count is its accepted count.
                r.prefixesAccepted = parse::jsonInt(af, QLatin1String("acceptedPrefixCounter"));
                r.prefixesReceived = r.prefixesAccepted;
                r.prefixesSent = parse::jsonInt(af, QLatin1String("sentPrefixCounter"));
                if (r.prefixesSent < 0 && r.state != BgpState::Established)
                    r.prefixesSent = 0;
                out.append(r);
            }
        }
    }
    return out;
}

Result<QList<RouteRecord>> FrrParsers::neighborRoutes(const QByteArray &json)
{
    // A full table is hundreds of megabytes: read in one streaming pass (route_table_json.h),
    // with no QJsonDocument of it.
    const QString w = what("show bgp neighbors received-routes/advertised-routes json");
    if (isComplaint(json))
        return vtyshComplaint(w, json);
    auto set = RouteTableJson::frr(QueryKind::ReceivedRoutes, w, json);
    if (!set)
        return set.error();
    return set->rows<RouteRecord>();
}

Result<QList<RouteRecord>> FrrParsers::receivedRoutes(const QByteArray &receivedJson, const QByteArray &filteredJson)
{
    auto received = neighborRoutes(receivedJson);
    if (!received)
        return received;
    const QString w = what("show bgp neighbors filtered-routes json");
    if (isComplaint(filteredJson))
        return vtyshComplaint(w, filteredJson);
    auto filtered = RouteTableJson::frr(QueryKind::ReceivedRoutes, w, filteredJson);
    if (!filtered)
        return filtered.error();
    QSet<QString> dropped;
    for (const RouteRecord &r : filtered->rows<RouteRecord>())
        dropped.insert(r.prefix.toString());
    QList<RouteRecord> out = std::move(received).value();
    for (RouteRecord &r : out) {
        if (dropped.contains(r.prefix.toString())) {
            r.valid = false;
            r.best = false;
        }
    }
    return out;
}

qint64 FrrParsers::filteredPrefixCount(const QByteArray &receivedJson)
{
    // A top-level counter after the routes: look at the end only (a full table is large), and
    // the last occurrence (no route carries such a key).
    static const QByteArray key("\"filteredPrefixCounter\"");
    const qsizetype at = receivedJson.lastIndexOf(key);
    if (at < 0)
        return -1;
    qsizetype i = at + key.size();
    while (i < receivedJson.size() && (receivedJson.at(i) == ' ' || receivedJson.at(i) == ':' || receivedJson.at(i) == '\n'))
        ++i;
    qint64 n = 0;
    bool digits = false;
    for (; i < receivedJson.size() && receivedJson.at(i) >= '0' && receivedJson.at(i) <= '9' && n < (qint64(1) << 40); ++i) {
        n = n * 10 + (receivedJson.at(i) - '0');
        digits = true;
    }
    return digits ? n : -1;
}

Result<QList<RouteRecord>> FrrParsers::routeLookup(const QByteArray &json)
{
    const QString w = what("show ip route <destination> json");
    if (isComplaint(json))
        return vtyshComplaint(w, json);
    auto obj = parse::jsonObject(json, w);
    if (!obj)
        return obj.error();
    QList<RouteRecord> out;
    for (auto it = obj->begin(); it != obj->end(); ++it) {
        for (const QJsonValue &ev : it.value().toArray()) {
            const QJsonObject e = ev.toObject();
            RouteRecord r;
            const auto p = IpPrefix::parse(e.value(QLatin1String("prefix")).toString(it.key()));
            if (!p)
                return parse::jsonError(w, 0, QStringLiteral("route \"%1\" has no prefix").arg(it.key()));
            r.prefix = *p;
            r.protocol = e.value(QLatin1String("protocol")).toString();
            r.med = parse::jsonInt(e, QLatin1String("metric"));
            r.best = e.value(QLatin1String("selected")).toBool();
            r.valid = e.value(QLatin1String("installed")).toBool(r.best);
            const QJsonArray nhs = e.value(QLatin1String("nexthops")).toArray();
            for (const QJsonValue &nv : nhs) {
                const QJsonObject nh = nv.toObject();
                if (!nh.value(QLatin1String("active")).toBool(true))
                    continue;
                if (const auto a = IpAddress::parse(nh.value(QLatin1String("ip")).toString()))
                    r.nextHop = *a;
                r.interfaceName = nh.value(QLatin1String("interfaceName")).toString();
                break;
            }
            out.append(r);
        }
    }
    return out;
}

Result<QList<ArpRecord>> FrrParsers::neighbors(const QByteArray &text, const QString &vrf)
{
    const QString w = what("show ip neigh");
    if (isComplaint(text))
        return vtyshComplaint(w, text);
    const QStringList ls = parse::lines(text);
    QList<ArpRecord> out;
    bool header = false;
    for (int i = 0; i < ls.size(); ++i) {
        const QString line = ls.at(i).trimmed();
        if (line.isEmpty())
            continue;
        if (!header) {
            if (!line.startsWith(QLatin1String("Interface")) || !line.contains(QLatin1String("Neighbor")))
                return parse::lineError(w, i + 1, line, QStringLiteral("expected the \"Interface Neighbor MAC\" header"));
            header = true;
            continue;
        }
        const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (f.size() < 3 || !parse::isIpAddress(f.at(1)))
            return parse::lineError(w, i + 1, line, QStringLiteral("expected interface, address and MAC"));
        ArpRecord r;
        r.vrf = vrf.isEmpty() ? QStringLiteral("default") : vrf;
        r.interfaceName = f.at(0);
        r.ip = f.at(1);
        r.mac = normalizeMac(f.at(2));
        // zebra lists resolved entries only and prints no state: a MAC means resolved.
        r.state = r.mac.isEmpty() ? NeighborState::Incomplete : NeighborState::Complete;
        out.append(r);
    }
    if (!header && !ls.isEmpty())
        return parse::lineError(w, 1, ls.first(), QStringLiteral("expected the \"Interface Neighbor MAC\" header"));
    return out;
}

} // namespace rl
