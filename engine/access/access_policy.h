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
// - external: only the routers and interfaces of its own customer's connections, only the
//   query kinds allowed to externals, and only the BGP neighbors and routes of those
//   connections. What an external client may not see is filtered out of answers too.
class AccessPolicy
{
public:
    AccessPolicy();

    void setExternalQueryKinds(const QSet<QueryKind> &kinds);
    QSet<QueryKind> externalQueryKinds() const { return m_externalKinds; }

    // forbidden (with a sentence saying what is not allowed) or no error.
    Error check(const Inventory &inventory, const Request &request) const;
    // The routers this client may see and query.
    QStringList visibleRouters(const Inventory &inventory, const ClientIdentity &client) const;
    // The connections this client may see: an external client only its own customer's (a
    // shared provider router does not make another customer's connection visible).
    QList<Connection> visibleConnections(const Inventory &inventory, const ClientIdentity &client) const;
    // Removes what an external client may not see from one router's answer.
    RecordSet filterRecords(const Inventory &inventory, const ClientIdentity &client,
                            const QString &router, const RecordSet &records) const;
    bool mayChangeThrottlePolicies(const ClientIdentity &client) const;

private:
    QSet<QueryKind> m_externalKinds;
};

} // namespace rl
