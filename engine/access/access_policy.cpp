#include "engine/access/access_policy.h"

#include "engine/api/ip_address.h"

#include <algorithm>

namespace rl {
namespace {

// What one external client may see on one router, from its customer's connections.
struct Scope {
    QSet<QString> interfaces;
    QList<IpAddress> peers;  // parsed, so "2001:db8::1" and "2001:DB8:0::1" match
    QStringList peerTexts;   // as written in the inventory, for messages
};

Scope scopeOf(const Inventory &inventory, const QString &customer, const QString &router)
{
    Scope s;
    auto addPeer = [&](const QString &text) {
        if (text.isEmpty())
            return;
        if (const auto addr = IpAddress::parse(QStringView(text)))
            s.peers.append(*addr);
        s.peerTexts.append(text);
    };
    for (const Connection &c : inventory.connectionsOf(customer)) {
        if (c.providerRouter == router) {
            if (!c.providerInterface.isEmpty())
                s.interfaces.insert(c.providerInterface);
            addPeer(c.customerAddress); // the provider router's BGP peer is the customer
            addPeer(c.customerAddress6);
        }
        if (!c.customerRouter.isEmpty() && c.customerRouter == router) {
            if (!c.customerInterface.isEmpty())
                s.interfaces.insert(c.customerInterface);
            addPeer(c.providerAddress);
            addPeer(c.providerAddress6);
        }
    }
    return s;
}

bool isPeer(const Scope &s, const QString &neighbor)
{
    if (const auto addr = IpAddress::parse(QStringView(neighbor)))
        return s.peers.contains(*addr);
    return s.peerTexts.contains(neighbor); // unnumbered peers are named by interface
}

Error forbidden(const QString &sentence)
{
    return Error(ErrorCode::Forbidden, sentence);
}

QString sortedList(const QSet<QString> &set)
{
    QStringList l(set.begin(), set.end());
    l.sort();
    return l.isEmpty() ? QStringLiteral("none") : l.join(QLatin1String(", "));
}

template<typename R, typename Pred>
RecordSet filtered(const RecordSet &in, Pred keep)
{
    QList<R> out;
    for (const R &r : in.rows<R>()) {
        if (keep(r))
            out.append(r);
    }
    return RecordSet(in.kind(), std::move(out));
}

} // namespace

AccessPolicy::AccessPolicy()
    : m_externalKinds{QueryKind::LinkStatus,     QueryKind::VlanErrors,       QueryKind::ArpTable,
                      QueryKind::BgpStatus,      QueryKind::ReceivedRoutes,   QueryKind::AdvertisedRoutes,
                      QueryKind::RouteLookup}
{
}

void AccessPolicy::setExternalQueryKinds(const QSet<QueryKind> &kinds)
{
    m_externalKinds = kinds;
}

QStringList AccessPolicy::visibleRouters(const Inventory &inventory, const ClientIdentity &client) const
{
    if (client.role != Role::External)
        return inventory.routerNames();
    QSet<QString> mine;
    for (const Connection &c : inventory.connectionsOf(client.customer)) {
        mine.insert(c.providerRouter);
        if (!c.customerRouter.isEmpty())
            mine.insert(c.customerRouter);
    }
    QStringList out;
    for (const Router &r : inventory.routers()) { // inventory order, as everywhere else
        if (mine.contains(r.name))
            out.append(r.name);
    }
    return out;
}

QList<Connection> AccessPolicy::visibleConnections(const Inventory &inventory, const ClientIdentity &client) const
{
    if (client.role != Role::External)
        return inventory.connections();
    return client.customer.isEmpty() ? QList<Connection>{} : inventory.connectionsOf(client.customer);
}

Error AccessPolicy::check(const Inventory &inventory, const Request &request) const
{
    const ClientIdentity &client = request.client;
    if (client.role != Role::External)
        return {};
    if (client.customer.isEmpty())
        return forbidden(QStringLiteral("Client \"%1\" is external but belongs to no customer, so it may not "
                                        "query any router; ask an administrator to assign its customer.")
                             .arg(client.id));
    if (!m_externalKinds.contains(request.kind)) {
        QStringList allowed;
        for (QueryKind k : allQueryKinds()) {
            if (m_externalKinds.contains(k))
                allowed.append(queryKindName(k));
        }
        return forbidden(QStringLiteral("External clients may not run the query \"%1\"; they may run: %2.")
                             .arg(queryKindName(request.kind),
                                  allowed.isEmpty() ? QStringLiteral("none") : allowed.join(QLatin1String(", "))));
    }
    const QStringList visible = visibleRouters(inventory, client);
    for (const QString &router : request.routers) {
        // An unknown router is refused like a foreign one: externals learn nothing about other routers.
        if (!visible.contains(router))
            return forbidden(QStringLiteral("Router \"%1\" is not part of a connection of customer \"%2\"; external "
                                            "clients may query only their own connections' routers (%3).")
                                 .arg(router, client.customer,
                                      visible.isEmpty() ? QStringLiteral("none") : visible.join(QLatin1String(", "))));
        const Scope scope = scopeOf(inventory, client.customer, router);
        const QString &ifname = request.params.interfaceName;
        if (!ifname.isEmpty() && !scope.interfaces.contains(ifname))
            return forbidden(QStringLiteral("Interface \"%1\" on router \"%2\" does not belong to a connection of "
                                            "customer \"%3\"; allowed interfaces there: %4.")
                                 .arg(ifname, router, client.customer, sortedList(scope.interfaces)));
        const QString &neighbor = request.params.neighbor;
        if (!neighbor.isEmpty() && !isPeer(scope, neighbor))
            return forbidden(QStringLiteral("BGP neighbor \"%1\" on router \"%2\" is not a peer of a connection of "
                                            "customer \"%3\"; allowed neighbors there: %4.")
                                 .arg(neighbor, router, client.customer,
                                      scope.peerTexts.isEmpty() ? QStringLiteral("none")
                                                                : scope.peerTexts.join(QLatin1String(", "))));
    }
    return {};
}

RecordSet AccessPolicy::filterRecords(const Inventory &inventory, const ClientIdentity &client,
                                      const QString &router, const RecordSet &records) const
{
    if (client.role != Role::External)
        return records;
    if (!visibleRouters(inventory, client).contains(router))
        return RecordSet(records.kind());
    const Scope scope = scopeOf(inventory, client.customer, router);
    auto ownInterface = [&](const QString &name) { return scope.interfaces.contains(name); };

    return std::visit(
        [&](const auto &list) -> RecordSet {
            using R = typename std::decay_t<decltype(list)>::value_type;
            if constexpr (std::is_same_v<R, InterfaceRecord>)
                return filtered<R>(records, [&](const R &r) { return ownInterface(r.name); });
            else if constexpr (std::is_same_v<R, VlanRecord>)
                return filtered<R>(records, [&](const R &r) { return ownInterface(r.interfaceName); });
            else if constexpr (std::is_same_v<R, ArpRecord>)
                return filtered<R>(records, [&](const R &r) { return ownInterface(r.interfaceName); });
            else if constexpr (std::is_same_v<R, BgpNeighborRecord>)
                return filtered<R>(records, [&](const R &r) { return isPeer(scope, r.neighbor); });
            else if constexpr (std::is_same_v<R, LldpNeighborRecord>)
                return filtered<R>(records, [&](const R &r) { return ownInterface(r.localInterface); });
            else if constexpr (std::is_same_v<R, OpticsRecord>)
                return filtered<R>(records, [&](const R &r) { return ownInterface(r.interfaceName); });
            else
                return records; // routes are asked per own neighbor; facts only when an admin allowed them
        },
        records.lists());
}

bool AccessPolicy::mayChangeThrottlePolicies(const ClientIdentity &client) const
{
    return client.role == Role::Admin;
}

} // namespace rl
