#pragma once

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QList>

namespace rl {

// IOS-XR interface state and counters. Pure functions from text to records; a block or row
// that cannot be read is parse-error naming the line.
class CiscoIosxrInterfaceParser final
{
public:
    // "show interfaces [X]": one block per interface ("Bundle-Ether10 is up, line protocol is
    // up"), Bundle-Ether, GigE/TenGigE/HundredGigE, dot1q subinterfaces, Loopback, MgmtEth,
    // tunnel-ip, Null0, BVI.
    static Result<QList<InterfaceRecord>> interfaces(const QByteArray &text);
    // The tagged subinterfaces of the same text: 802.1Q "VLAN Id N" (L3) or "Outer Match:
    // Dot1Q VLAN N" (l2transport), a second tag for QinQ; the parent's "drops for
    // unrecognized upper-level protocol" as the frames no subinterface accepted.
    static Result<QList<VlanRecord>> vlans(const QByteArray &text);
    // "show interfaces brief": Intf Name / Intf State / LineP State / Encap / MTU / BW (Kbps),
    // short names as printed (BE10, Te0/0/0/1).
    static Result<QList<InterfaceRecord>> interfacesBrief(const QByteArray &text);
    // "show interfaces description": Interface / Status / Protocol / Description, short names,
    // "admin-down"; the description is everything from its column on (may be empty).
    static Result<QList<InterfaceRecord>> interfacesDescription(const QByteArray &text);
    // "show ipv4 interface brief" / "show ip interface brief": Interface / IP-Address /
    // Status / Protocol / Vrf-Name: states only.
    static Result<QList<InterfaceRecord>> ipv4InterfaceBrief(const QByteArray &text);
};

} // namespace rl
