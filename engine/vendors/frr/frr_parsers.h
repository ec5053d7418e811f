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
    // `show bgp ... neighbors X received-routes|advertised-routes|filtered-routes json`.
    static Result<QList<RouteRecord>> neighborRoutes(const QByteArray &json);
    // received-routes (soft-reconfiguration inbound: before the import policy) marks every route
    // valid and best, also the ones the import policy drops; filtered-routes (same form) lists
    // those. Marks the received routes that filtered-routes names as not accepted.
    static Result<QList<RouteRecord>> receivedRoutes(const QByteArray &receivedJson, const QByteArray &filteredJson);
    // The "filteredPrefixCounter" at the end of a received-routes answer: how many of the
    // received routes the import policy drops; -1 when the answer has none.
    static qint64 filteredPrefixCount(const QByteArray &receivedJson);
    // `show ip route X json` / `show ipv6 route X json`.
    static Result<QList<RouteRecord>> routeLookup(const QByteArray &json);
    // `show ip neigh` (zebra's neighbor table: interface, address, MAC).
    static Result<QList<ArpRecord>> neighbors(const QByteArray &text, const QString &vrf = {});
};

} // namespace rl
