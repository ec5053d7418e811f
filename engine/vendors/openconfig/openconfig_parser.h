#pragma once

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace rl {

// OpenConfig data as RESTCONF returns it (RFC 7951 JSON: module-qualified names where the
// module changes, 64-bit integers as strings, identities as "module:NAME"). Pure functions of
// the text; `now` turns OpenConfig's timeticks64 (nanoseconds since the Unix epoch) into ages.
class OpenConfigParser
{
public:
    // GET .../openconfig-interfaces:interfaces -> one record per interface (subinterfaces are
    // left to the VLAN queries).
    static Result<QList<InterfaceRecord>> interfaces(const QByteArray &json, const QDateTime &now);
    // GET .../network-instance=<vrf>/protocols/protocol=BGP,BGP/bgp/neighbors -> one record
    // per neighbor and AFI-SAFI, tagged with vrf.
    static Result<QList<BgpNeighborRecord>> bgpNeighbors(const QByteArray &json, const QString &vrf,
                                                         const QDateTime &now);

    // "openconfig-if-ethernet:SPEED_10GB" -> 10000; -1 when unknown.
    static qint64 speedMbps(const QString &identity);
    // "openconfig-bgp-types:IPV4_UNICAST" -> "ipv4-unicast".
    static QString addressFamily(const QString &identity);
};

} // namespace rl
