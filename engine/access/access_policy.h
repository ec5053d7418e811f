#pragma once

#include "engine/api/error.h"
#include "engine/api/records.h"
#include "engine/api/request.h"
#include "engine/inventory/inventory.h"

#include <QSet>
#include <QStringList>

namespace rl {

// Who may see and ask what.
// - internal: every router, every query kind;
// - admin: as internal, and may change throttle policies;
// - external: only the routers, interfaces, VRFs, BGP neighbors and address space of its own
//   customer's connections, and only the query kinds allowed to externals. What an external
//   client may not see is filtered out of every answer too, whichever path it takes (live,
//   coalesced, cached, history, export, diagnosis).
//
// Access is decided before existence: an external client naming a router that does not exist
// gets the same `forbidden` sentence as for a router that belongs to someone else, so names
// cannot be probed.
class AccessPolicy
{
public:
    AccessPolicy();

    void setExternalQueryKinds(const QSet<QueryKind> &kinds);
    QSet<QueryKind> externalQueryKinds() const { return m_externalKinds; }

    // forbidden (with a sentence saying what is not allowed) or no error. Checks the routers
    // and every parameter against the client's connections: interface, VRF, neighbor (in that
    // VRF) and route-lookup destination (inside the connections' addresses and expected prefixes).
    Error check(const Inventory &inventory, const Request &request) const;
    // The routers this client may see and query.
    QStringList visibleRouters(const Inventory &inventory, const ClientIdentity &client) const;
    // The connections this client may see: an external client only its own customer's (a
    // shared provider router does not make another customer's connection visible).
    QList<Connection> visibleConnections(const Inventory &inventory, const ClientIdentity &client) const;
    // Removes what an external client may not see from one router's answer to a query with
    // `params` (the VRF a route table was read from matters). Every record type is filtered:
    // interfaces, VLANs, ARP, LLDP and optics by the connection's interfaces; BGP sessions by
    // VRF and peer; routes when they belong to another customer (its prefixes, addresses or
    // interfaces) and, for a route lookup, unless they lead into the client's own connection.
    RecordSet filterRecords(const Inventory &inventory, const ClientIdentity &client, const QString &router,
                            const QueryParams &params, const RecordSet &records) const;
    bool mayChangeThrottlePolicies(const ClientIdentity &client) const;

    // The one spelling of the global table: "", "default", "global", "master" (Junos) all read as "".
    static QString normalVrf(const QString &vrf);

private:
    QSet<QueryKind> m_externalKinds;
};

} // namespace rl
