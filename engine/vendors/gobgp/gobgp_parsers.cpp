#include "engine/vendors/gobgp/gobgp_parsers.h"

#include "engine/vendors/common/parse_util.h"

#include <QJsonArray>
#include <QJsonObject>

namespace rl {
namespace {

const QString kNeighborWhat = QStringLiteral("GoBGP \"gobgp neighbor -j\"");
const QString kRoutesWhat = QStringLiteral("GoBGP route table (-j)");

QString familyName(const QJsonObject &family)
{
    const qint64 afi = parse::jsonInt(family, QLatin1String("afi"), 0);
    const qint64 safi = parse::jsonInt(family, QLatin1String("safi"), 0);
    const QString a = afi == 1 ? QStringLiteral("ipv4") : afi == 2 ? QStringLiteral("ipv6")
                    : afi == 25 ? QStringLiteral("l2vpn") : QStringLiteral("afi%1").arg(afi);
    const QString s = safi == 1 ? QStringLiteral("unicast") : safi == 2 ? QStringLiteral("multicast")
                    : safi == 70 ? QStringLiteral("evpn") : safi == 128 ? QStringLiteral("vpn")
                    : safi == 133 ? QStringLiteral("flowspec") : QStringLiteral("safi%1").arg(safi);
    return a + QLatin1Char('-') + s;
}

qint64 secondsSince(const QJsonObject &timerState, QLatin1StringView key, qint64 now)
{
    const qint64 at = parse::jsonInt(timerState.value(key).toObject(), QLatin1String("seconds"), 0);
    if (at <= 0 || now <= 0)
        return -1;
    return qMax<qint64>(0, now - at);
}

// A JSON number as GoBGP printed it: whole numbers as integers, anything else as a double.
QString numberText(double d)
{
    const auto n = parse::wholeNumber(d);
    return n && double(*n) == d ? QString::number(*n) : QString::number(d, 'g', 17);
}

QString asPathText(const QJsonArray &segments)
{
    QStringList parts;
    for (const QJsonValue &sv : segments) {
        const QJsonObject s = sv.toObject();
        QStringList asns;
        for (const QJsonValue &a : s.value(QLatin1String("asns")).toArray())
            asns.append(numberText(a.toDouble()));
        // segment_type 1: AS_SET, 2: AS_SEQUENCE (3/4: confederation forms)
        const qint64 type = parse::jsonInt(s, QLatin1String("segment_type"));
        if (type == 1 || type == 4)
            parts.append(QLatin1Char('{') + asns.join(QLatin1Char(',')) + QLatin1Char('}'));
        else if (type == 3)
            parts.append(QLatin1Char('(') + asns.join(QLatin1Char(' ')) + QLatin1Char(')'));
        else
            parts.append(asns.join(QLatin1Char(' ')));
    }
    return parts.join(QLatin1Char(' '));
}

RouteRecord routeFromPath(const QString &prefixKey, const QJsonObject &p)
{
    RouteRecord r;
    const QString prefix = p.value(QLatin1String("nlri")).toObject().value(QLatin1String("prefix")).toString(prefixKey);
    if (const auto px = IpPrefix::parse(prefix))
        r.prefix = *px;
    r.protocol = QStringLiteral("bgp");
    r.best = p.value(QLatin1String("best")).toBool();
    r.valid = !p.value(QLatin1String("filtered")).toBool(false);
    for (const QJsonValue &av : p.value(QLatin1String("attrs")).toArray()) {
        const QJsonObject a = av.toObject();
        switch (parse::jsonInt(a, QLatin1String("type"))) {
        case 1: { // ORIGIN: 0 IGP, 1 EGP, 2 INCOMPLETE
            const qint64 v = parse::jsonInt(a, QLatin1String("value"), 0);
            r.origin = v == 0 ? RouteOrigin::Igp : v == 1 ? RouteOrigin::Egp : RouteOrigin::Incomplete;
            break;
        }
        case 2: r.asPath = asPathText(a.value(QLatin1String("as_paths")).toArray()); break;
        case 3:   // NEXT_HOP
        case 14:  // MP_REACH_NLRI
            if (const auto nh = IpAddress::parse(a.value(QLatin1String("nexthop")).toString()))
                r.nextHop = *nh;
            break;
        case 4: r.med = parse::jsonInt(a, QLatin1String("metric"), 0); break;
        case 5: r.localPref = parse::jsonInt(a, QLatin1String("value"), parse::jsonInt(a, QLatin1String("local_pref"), 0)); break;
        case 8: {
            QStringList cs;
            for (const QJsonValue &c : a.value(QLatin1String("communities")).toArray())
            {
                const auto n = parse::wholeNumber(c.toDouble());
                // A community is 32 bits; anything else is shown as the number it is.
                cs.append(n && *n >= 0 && *n <= 0xffffffffLL ? parse::communityText(quint32(*n)) : numberText(c.toDouble()));
            }
            r.communities = cs.join(QLatin1Char(' '));
            break;
        }
        default: break;
        }
    }
    return r;
}

} // namespace

BgpState GobgpParsers::sessionState(qint64 number)
{
    switch (number) {
    case 1: return BgpState::Idle;
    case 2: return BgpState::Connect;
    case 3: return BgpState::Active;
    case 4: return BgpState::OpenSent;
    case 5: return BgpState::OpenConfirm;
    case 6: return BgpState::Established;
    default: return BgpState::Unknown;
    }
}

Result<qint64> GobgpParsers::epoch(const QByteArray &text)
{
    const QString t = QString::fromUtf8(text).trimmed();
    bool ok = false;
    const qint64 n = t.toLongLong(&ok);
    if (!ok || n <= 0)
        return parse::lineError(QStringLiteral("date +%s"), 1, t, QStringLiteral("expected seconds since the epoch"));
    return n;
}

Result<QList<BgpNeighborRecord>> GobgpParsers::neighbors(const QByteArray &json, qint64 nowEpoch, const QueryParams &filter)
{
    auto doc = parse::json(json, kNeighborWhat);
    if (!doc)
        return doc.error();
    QJsonArray peers;
    if (doc->isArray())
        peers = doc->array();
    else
        peers.append(doc->object());
    QList<BgpNeighborRecord> out;
    for (const QJsonValue &pv : peers) {
        const QJsonObject p = pv.toObject();
        const QJsonObject conf = p.value(QLatin1String("conf")).toObject();
        const QJsonObject state = p.value(QLatin1String("state")).toObject();
        BgpNeighborRecord base;
        base.neighbor = conf.value(QLatin1String("neighbor_address")).toString();
        if (base.neighbor.isEmpty())
            base.neighbor = conf.value(QLatin1String("neighbor_interface")).toString();
        if (base.neighbor.isEmpty() || !p.contains(QLatin1String("state")))
            return parse::jsonError(kNeighborWhat, 0, QStringLiteral("a peer without an address or state"));
        base.vrf = conf.value(QLatin1String("vrf")).toString();
        if (base.vrf.isEmpty())
            base.vrf = QStringLiteral("default");
        if (!parse::matchesFilter(filter.neighbor, base.neighbor) || !parse::matchesFilter(filter.vrf, base.vrf))
            continue;
        base.localAs = parse::jsonInt(conf, QLatin1String("local_asn"));
        base.remoteAs = parse::jsonInt(conf, QLatin1String("peer_asn"));
        base.remoteRouterId = state.value(QLatin1String("router_id")).toString();
        // Where this end speaks from: the session's own address (configured or bound).
        const QString local = p.value(QLatin1String("transport")).toObject().value(QLatin1String("local_address")).toString();
        if (IpAddress::parse(local))
            base.localAddress = local;
        base.state = sessionState(parse::jsonInt(state, QLatin1String("session_state"), 0));
        base.stateDetail = bgpStateName(base.state);
        // admin_state: 0 UP (left out), 1 DOWN, 2 PFX_CT (shut by a prefix limit)
        const qint64 admin = parse::jsonInt(state, QLatin1String("admin_state"), 0);
        base.adminEnabled = admin != 1;
        if (admin == 1)
            base.stateDetail += QStringLiteral(" (Admin)");
        else if (admin == 2)
            base.stateDetail += QStringLiteral(" (PfxCt)");
        const QJsonObject timers = p.value(QLatin1String("timers")).toObject().value(QLatin1String("state")).toObject();
        base.uptimeSeconds = secondsSince(timers, base.state == BgpState::Established ? QLatin1String("uptime")
                                                                                       : QLatin1String("downtime"),
                                          nowEpoch);
        base.description = conf.value(QLatin1String("description")).toString();
        const QJsonArray afs = p.value(QLatin1String("afi_safis")).toArray();
        if (afs.isEmpty() && filter.addressFamily.isEmpty())
            out.append(base);
        for (const QJsonValue &av : afs) {
            const QJsonObject as = av.toObject().value(QLatin1String("state")).toObject();
            BgpNeighborRecord r = base;
            r.addressFamily = familyName(as.value(QLatin1String("family")).toObject());
            if (!parse::matchesFamily(filter.addressFamily, r.addressFamily))
                continue;
            r.prefixesReceived = parse::jsonInt(as, QLatin1String("received"), 0);
            r.prefixesAccepted = parse::jsonInt(as, QLatin1String("accepted"), 0);
            // The neighbor list leaves "advertised" out altogether; only `gobgp neighbor X` fills it.
            r.prefixesSent = doc->isObject() ? parse::jsonInt(as, QLatin1String("advertised"), 0) : -1;
            out.append(r);
        }
    }
    return out;
}

Result<QList<RouteRecord>> GobgpParsers::routes(const QByteArray &json)
{
    auto obj = parse::jsonObject(json, kRoutesWhat);
    if (!obj)
        return obj.error();
    QList<RouteRecord> out;
    for (auto it = obj->begin(); it != obj->end(); ++it) {
        if (!it.value().isArray())
            return parse::jsonError(kRoutesWhat, 0, QStringLiteral("\"%1\" is not a list of paths").arg(it.key()));
        for (const QJsonValue &pv : it.value().toArray()) {
            RouteRecord r = routeFromPath(it.key(), pv.toObject());
            if (r.prefix.isNull())
                return parse::jsonError(kRoutesWhat, 0, QStringLiteral("\"%1\" is not a prefix").arg(it.key()));
            out.append(r);
        }
    }
    return out;
}

} // namespace rl
