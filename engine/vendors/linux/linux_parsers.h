#pragma once

// Parsers for Linux host commands (iproute2 JSON, /proc, uname). BIRD and GoBGP routers are
// Linux hosts too, so their translators use these for everything that is not BGP.

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QString>

namespace rl {

class LinuxParsers
{
public:
    // `hostname`, `uname -srm`, `cat /proc/uptime`.
    static Result<FactsRecord> facts(const QByteArray &hostname, const QByteArray &uname, const QByteArray &procUptime);
    // `ip -j -s -d link show [dev X]` (`-s -s` adds CRC errors); interfaceName filters when not empty.
    static Result<QList<InterfaceRecord>> links(const QByteArray &ipLinkJson, const QString &interfaceName = {});
    // `ip -j neigh show`: IPv4 ARP and IPv6 ND entries.
    static Result<QList<ArpRecord>> neighbors(const QByteArray &ipNeighJson, const QString &vrf = {});
    // VLAN subinterfaces from `ip -j -s -d link show`. With an interface filter that names an
    // untagged interface, one "untagged" row for it, so a missing tag shows up instead of nothing.
    static Result<QList<VlanRecord>> vlans(const QByteArray &ipLinkJson, const QString &interfaceName = {});
    // `ip -j route get X`.
    static Result<QList<RouteRecord>> routeGet(const QByteArray &ipRouteJson);
    // `lldpcli -f json0 show neighbors` (json0: the same shape whatever the neighbor count).
    static Result<QList<LldpNeighborRecord>> lldpNeighbors(const QByteArray &json0);
};

} // namespace rl
