#pragma once

// Parsers for Cisco IOS / IOS-XE CLI text. IOS-XR prints most of these tables in the same
// layout, so the IOS-XR translator reuses them (its own differences live in CiscoIosxrParser).
// Pure functions from the router's text to records; unreadable text is parse-error naming the line.

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QList>

namespace rl {

class CiscoIosParser final
{
public:
    // "show ip bgp summary", "show bgp all summary", "show bgp ipv4 unicast summary",
    // "show ip bgp vpnv4 vrf X summary", IOS-XR "show bgp vrf all ipv4 unicast summary", ...
    // vrf / addressFamily apply until the text names its own ("For address family:", "VRF:").
    static Result<QList<BgpNeighborRecord>> bgpSummary(const QByteArray &text, const QString &vrf,
                                                       const QString &addressFamily);
    // "show ip bgp neighbors", "show bgp ipv4 unicast neighbors X", "show ip bgp vpnv4 vrf X
    // neighbors": one record per neighbor and "For address family:" section; a neighbor
    // without sections gets one record for addressFamily.
    static Result<QList<BgpNeighborRecord>> bgpNeighbors(const QByteArray &text, const QString &vrf,
                                                         const QString &addressFamily);
    // A BGP table: "show bgp ipv4 unicast neighbors X received-routes" / "advertised-routes",
    // "show ip bgp", IOS-XR "show bgp neighbor X routes".
    static Result<QList<RouteRecord>> bgpTable(const QByteArray &text);
    static Result<FactsRecord> version(const QByteArray &text);
    static Result<QList<InterfaceRecord>> interfaces(const QByteArray &text);
    // "show ip interface brief": name and states only; the rest stays unknown.
    static Result<QList<InterfaceRecord>> interfacesBrief(const QByteArray &text);
    // "show interfaces description": name, states and description only.
    static Result<QList<InterfaceRecord>> interfacesDescription(const QByteArray &text);
    // Subinterfaces with dot1q / QinQ encapsulation, from the same "show interfaces" text.
    static Result<QList<VlanRecord>> vlans(const QByteArray &text);
    static Result<QList<ArpRecord>> arp(const QByteArray &text, const QString &vrf);
    static Result<QList<ArpRecord>> ipv6Neighbors(const QByteArray &text, const QString &vrf);
    // "show ip route X" / "show ipv6 route X" (IOS-XR "show route X" prints the same block).
    static Result<QList<RouteRecord>> routeLookup(const QByteArray &text);
    static Result<QList<LldpNeighborRecord>> lldpDetail(const QByteArray &text);
    // "show lldp neighbors": the summary table (Device ID cut at 20 characters by IOS, no
    // chassis id or management address).
    static Result<QList<LldpNeighborRecord>> lldpSummary(const QByteArray &text);
    // "show interfaces transceiver detail": one table per measured quantity.
    static Result<QList<OpticsRecord>> transceiverDetail(const QByteArray &text);

    // "IPv4 Unicast" -> "ipv4-unicast"
    static QString familyName(QStringView text);
};

} // namespace rl
