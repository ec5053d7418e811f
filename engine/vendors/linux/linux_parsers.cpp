#include "engine/vendors/linux/linux_parsers.h"

#include "engine/vendors/common/parse_util.h"

#include <QJsonArray>
#include <QJsonObject>

namespace rl {
namespace {

QString firstLine(const QByteArray &text)
{
    return QString::fromUtf8(text).section(QLatin1Char('\n'), 0, 0).trimmed();
}

bool hasFlag(const QJsonObject &link, QLatin1StringView flag)
{
    return link.value(QLatin1String("flags")).toArray().contains(QJsonValue(QString(flag)));
}

LinkState operStateOf(const QJsonObject &link)
{
    if (!hasFlag(link, QLatin1String("UP")))
        return LinkState::Down;
    const QString op = link.value(QLatin1String("operstate")).toString();
    // Loopbacks and some virtual links report UNKNOWN while carrying traffic: LOWER_UP decides.
    if (op == QLatin1String("UNKNOWN"))
        return hasFlag(link, QLatin1String("LOWER_UP")) ? LinkState::Up : LinkState::Unknown;
    return linkStateFromName(op);
}

QJsonObject stats(const QJsonObject &link, QLatin1StringView dir)
{
    QJsonObject s = link.value(QLatin1String("stats64")).toObject();
    if (s.isEmpty())
        s = link.value(QLatin1String("stats")).toObject();
    return s.value(dir).toObject();
}

} // namespace

Result<FactsRecord> LinuxParsers::facts(const QByteArray &hostname, const QByteArray &uname, const QByteArray &procUptime)
{
    FactsRecord f;
    f.hostname = firstLine(hostname);
    if (f.hostname.isEmpty())
        return parse::lineError(QStringLiteral("hostname"), 1, QString(), QStringLiteral("the host name is empty"));
    // "Linux 6.1.0-18-amd64 x86_64"
    const QStringList u = firstLine(uname).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (u.size() != 3)
        return parse::lineError(QStringLiteral("uname -srm"), 1, firstLine(uname), QStringLiteral("expected kernel name, release and machine"));
    f.vendor = QStringLiteral("Linux");
    f.osVersion = u.at(0) + QLatin1Char(' ') + u.at(1);
    f.model = u.at(2);
    // "12345.67 23456.78": seconds since boot, then idle time.
    bool ok = false;
    const double up = firstLine(procUptime).section(QLatin1Char(' '), 0, 0).toDouble(&ok);
    if (!ok || up < 0)
        return parse::lineError(QStringLiteral("/proc/uptime"), 1, firstLine(procUptime), QStringLiteral("expected seconds since boot"));
    f.uptimeSeconds = qint64(up);
    return f;
}

Result<QList<InterfaceRecord>> LinuxParsers::links(const QByteArray &ipLinkJson, const QString &interfaceName)
{
    auto arr = parse::jsonArray(ipLinkJson, QStringLiteral("ip -j link"));
    if (!arr)
        return arr.error();
    QList<InterfaceRecord> out;
    for (const QJsonValue &v : *arr) {
        const QJsonObject l = v.toObject();
        InterfaceRecord r;
        r.name = l.value(QLatin1String("ifname")).toString();
        if (r.name.isEmpty())
            return parse::jsonError(QStringLiteral("ip -j link"), 0, QStringLiteral("a link without \"ifname\""));
        if (!parse::matchesFilter(interfaceName, r.name))
            continue;
        r.adminState = hasFlag(l, QLatin1String("UP")) ? LinkState::Up : LinkState::AdminDown;
        r.operState = r.adminState == LinkState::AdminDown ? LinkState::AdminDown : operStateOf(l);
        r.mtu = parse::jsonInt(l, QLatin1String("mtu"));
        r.mac = normalizeMac(l.value(QLatin1String("address")).toString());
        r.description = l.value(QLatin1String("ifalias")).toString();
        const QJsonObject rx = stats(l, QLatin1String("rx"));
        const QJsonObject tx = stats(l, QLatin1String("tx"));
        r.inPackets = parse::jsonInt(rx, QLatin1String("packets"));
        r.outPackets = parse::jsonInt(tx, QLatin1String("packets"));
        r.inErrors = parse::jsonInt(rx, QLatin1String("errors"));
        r.outErrors = parse::jsonInt(tx, QLatin1String("errors"));
        r.crcErrors = parse::jsonInt(rx, QLatin1String("crc_errors")); // only with -s -s
        r.inDiscards = parse::jsonInt(rx, QLatin1String("dropped"));
        r.outDiscards = parse::jsonInt(tx, QLatin1String("dropped"));
        out.append(r);
    }
    return out;
}

Result<QList<ArpRecord>> LinuxParsers::neighbors(const QByteArray &ipNeighJson, const QString &vrf)
{
    auto arr = parse::jsonArray(ipNeighJson, QStringLiteral("ip -j neigh"));
    if (!arr)
        return arr.error();
    QList<ArpRecord> out;
    for (const QJsonValue &v : *arr) {
        const QJsonObject n = v.toObject();
        ArpRecord r;
        r.vrf = vrf.isEmpty() ? QStringLiteral("default") : vrf;
        r.ip = n.value(QLatin1String("dst")).toString();
        if (!parse::isIpAddress(r.ip))
            return parse::jsonError(QStringLiteral("ip -j neigh"), 0,
                                    QStringLiteral("\"%1\" is not an address").arg(r.ip));
        r.mac = normalizeMac(n.value(QLatin1String("lladdr")).toString());
        r.interfaceName = n.value(QLatin1String("dev")).toString();
        const QJsonArray states = n.value(QLatin1String("state")).toArray();
        r.state = states.isEmpty() ? NeighborState::Unknown : neighborStateFromName(states.first().toString());
        out.append(r);
    }
    return out;
}

Result<QList<VlanRecord>> LinuxParsers::vlans(const QByteArray &ipLinkJson, const QString &interfaceName)
{
    auto arr = parse::jsonArray(ipLinkJson, QStringLiteral("ip -j -d link"));
    if (!arr)
        return arr.error();
    QList<VlanRecord> out;
    for (const QJsonValue &v : *arr) {
        const QJsonObject l = v.toObject();
        const QString name = l.value(QLatin1String("ifname")).toString();
        if (!parse::matchesFilter(interfaceName, name))
            continue;
        const QJsonObject info = l.value(QLatin1String("linkinfo")).toObject();
        const bool isVlan = info.value(QLatin1String("info_kind")).toString() == QLatin1String("vlan");
        if (!isVlan && interfaceName.isEmpty())
            continue;
        VlanRecord r;
        r.interfaceName = name;
        r.operState = hasFlag(l, QLatin1String("UP")) ? operStateOf(l) : LinkState::AdminDown;
        const QJsonObject rx = stats(l, QLatin1String("rx"));
        const QJsonObject tx = stats(l, QLatin1String("tx"));
        r.inPackets = parse::jsonInt(rx, QLatin1String("packets"));
        r.outPackets = parse::jsonInt(tx, QLatin1String("packets"));
        if (isVlan) {
            const QJsonObject data = info.value(QLatin1String("info_data")).toObject();
            r.parentInterface = l.value(QLatin1String("link")).toString();
            r.vlanId = parse::jsonInt(data, QLatin1String("id"));
            const QString proto = data.value(QLatin1String("protocol")).toString();
            r.encapsulation = proto.compare(QLatin1String("802.1ad"), Qt::CaseInsensitive) == 0 ? QStringLiteral("qinq")
                                                                                                 : QStringLiteral("dot1q");
            // The kernel counts frames dropped on the subinterface; it does not split them by cause.
            const qint64 rxDrop = parse::jsonInt(rx, QLatin1String("dropped"));
            const qint64 txDrop = parse::jsonInt(tx, QLatin1String("dropped"));
            r.otherDrops = rxDrop < 0 ? txDrop : rxDrop + qMax<qint64>(0, txDrop);
        } else {
            r.encapsulation = QStringLiteral("untagged");
            r.tagCheck = TagCheck::Untagged;
        }
        out.append(r);
    }
    return out;
}

Result<QList<RouteRecord>> LinuxParsers::routeGet(const QByteArray &ipRouteJson)
{
    auto arr = parse::jsonArray(ipRouteJson, QStringLiteral("ip -j route get"));
    if (!arr)
        return arr.error();
    QList<RouteRecord> out;
    for (const QJsonValue &v : *arr) {
        const QJsonObject o = v.toObject();
        RouteRecord r;
        const auto dst = IpPrefix::parse(o.value(QLatin1String("dst")).toString());
        if (!dst)
            return parse::jsonError(QStringLiteral("ip -j route get"), 0, QStringLiteral("a route without a destination address"));
        r.prefix = *dst;
        if (const auto gw = IpAddress::parse(o.value(QLatin1String("gateway")).toString()))
            r.nextHop = *gw;
        r.interfaceName = o.value(QLatin1String("dev")).toString();
        const QString type = o.value(QLatin1String("type")).toString();
        r.protocol = o.value(QLatin1String("protocol")).toString();
        if (r.protocol.isEmpty())
            r.protocol = !type.isEmpty() ? type : r.nextHop.isNull() ? QStringLiteral("connected") : QStringLiteral("kernel");
        r.med = parse::jsonInt(o, QLatin1String("metric"));
        r.best = true;
        out.append(r);
    }
    return out;
}

namespace {
// json0 wraps every value in a list of objects: [{"value": "x"}] or [{"type": "mac", "value": "x"}].
QString json0Value(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toArray().first().toObject().value(QLatin1String("value")).toString();
}
} // namespace

Result<QList<LldpNeighborRecord>> LinuxParsers::lldpNeighbors(const QByteArray &json0)
{
    const QString what = QStringLiteral("lldpcli -f json0 show neighbors");
    auto obj = parse::jsonObject(json0, what);
    if (!obj)
        return obj.error();
    if (!obj->value(QLatin1String("lldp")).isArray())
        return parse::jsonError(what, 0, QStringLiteral("no \"lldp\" list"));
    QList<LldpNeighborRecord> out;
    for (const QJsonValue &l : obj->value(QLatin1String("lldp")).toArray()) {
        for (const QJsonValue &iv : l.toObject().value(QLatin1String("interface")).toArray()) {
            const QJsonObject i = iv.toObject();
            const QJsonObject chassis = i.value(QLatin1String("chassis")).toArray().first().toObject();
            const QJsonObject port = i.value(QLatin1String("port")).toArray().first().toObject();
            LldpNeighborRecord r;
            r.localInterface = i.value(QLatin1String("name")).toString();
            r.remoteSystemName = json0Value(chassis, QLatin1String("name"));
            r.remoteChassisId = json0Value(chassis, QLatin1String("id"));
            if (const QString mac = normalizeMac(r.remoteChassisId); !mac.isEmpty())
                r.remoteChassisId = mac;
            r.remotePortId = json0Value(port, QLatin1String("id"));
            if (const QString mac = normalizeMac(r.remotePortId); !mac.isEmpty())
                r.remotePortId = mac;
            r.remotePortDescription = json0Value(port, QLatin1String("descr"));
            r.remoteMgmtAddress = json0Value(chassis, QLatin1String("mgmt-ip"));
            QStringList caps;
            for (const QJsonValue &c : chassis.value(QLatin1String("capability")).toArray()) {
                if (c.toObject().value(QLatin1String("enabled")).toBool())
                    caps.append(c.toObject().value(QLatin1String("type")).toString().toLower());
            }
            r.capabilities = caps.join(QLatin1Char(' '));
            if (r.localInterface.isEmpty())
                return parse::jsonError(what, 0, QStringLiteral("a neighbor without a local interface name"));
            out.append(r);
        }
    }
    return out;
}

} // namespace rl
