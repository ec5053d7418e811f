#pragma once

// Parsers for FRR's vtysh output: JSON where vtysh has it, text for `show ip neigh`.

#include "engine/api/error.h"
#include "engine/api/records.h"
#include "engine/api/request.h"

#include <QByteArray>

namespace rl {

class FrrParsers
{
public:
    // `show version`: hostname and FRR version (vtysh prints no uptime).
    static Result<FactsRecord> version(const QByteArray &text);
    // `show interface [X] json`.
    static Result<QList<InterfaceRecord>> interfaces(const QByteArray &json, const QString &interfaceName = {});
    // VLAN interfaces from `show interface json`; an untagged row for a filtered non-VLAN interface.
    static Result<QList<VlanRecord>> vlans(const QByteArray &json, const QString &interfaceName = {});
    // `show bgp vrf all neighbors json`: one record per neighbor, VRF and address family,
    // filtered by params.neighbor / vrf / addressFamily.
    static Result<QList<BgpNeighborRecord>> bgpNeighbors(const QByteArray &json, const QueryParams &filter = {});
    // `show bgp ... neighbors X received-routes|advertised-routes json`.
    static Result<QList<RouteRecord>> neighborRoutes(const QByteArray &json);
    // `show ip route X json` / `show ipv6 route X json`.
    static Result<QList<RouteRecord>> routeLookup(const QByteArray &json);
    // `show ip neigh` (zebra's neighbor table: interface, address, MAC).
    static Result<QList<ArpRecord>> neighbors(const QByteArray &text, const QString &vrf = {});
};

} // namespace rl
