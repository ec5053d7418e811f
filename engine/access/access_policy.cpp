#include "engine/access/access_policy.h"

#include "engine/api/interface_name.h"
#include "engine/api/ip_address.h"
#include "engine/api/request_validator.h"

#include <algorithm>

namespace rl {
namespace {

// A BGP peer of the client's connection, in the VRF the session lives in.
struct Peer {
    std::optional<IpAddress> address; // parsed, so "2001:db8::1" and "2001:DB8:0::1" match
    QString text;                     // as written in the inventory (unnumbered peers: an interface)
    QString vrf;                      // normalized: "" is the global table
};

// What one external client may see on one router, from its customer's connections.
struct Scope {
    QSet<QString> interfaces;
    QList<Peer> peers;
    QSet<QString> vrfs;            // normalized
    QList<IpPrefix> space;         // expected prefixes and both ends' link addresses (host prefixes)
    QList<IpAddress> addresses;    // both ends' link addresses: own next hops
};

// What belongs to the other customers: their prefixes and addresses anywhere, and their
// interfaces on this router. Only used to drop route records; never shown.
struct Foreign {
    QList<IpPrefix> space;
    QList<IpAddress> addresses;
    QSet<QString> interfaces;
};

QList<IpAddress> linkAddresses(const Connection &c)
{
    QList<IpAddress> out;
    for (const QString &text : {c.providerAddress, c.customerAddress, c.providerAddress6, c.customerAddress6}) {
        if (const auto a = IpAddress::parse(QStringView(text)))
            out.append(*a);
    }
    return out;
}

void addSpace(const Connection &c, QList<IpPrefix> &space, QList<IpAddress> &addresses)
{
    for (const IpAddress &a : linkAddresses(c)) {
        space.append(IpPrefix(a, quint8(a.bitLength())));
        addresses.append(a);
    }
    for (const QString &text : c.expectedPrefixes) {
        if (const auto p = IpPrefix::parse(QStringView(text)))
            space.append(*p);
    }
}

Scope scopeOf(const Inventory &inventory, const QString &customer, const QString &router)
{
    Scope s;
    auto addPeer = [&](const QString &text, const QString &vrf) {
        if (text.isEmpty())
            return;
        s.peers.append({IpAddress::parse(QStringView(text)), text, vrf});
    };
    for (const Connection &c : inventory.connectionsOf(customer)) {
        const bool provider = c.providerRouter == router;
        const bool customerEnd = !c.customerRouter.isEmpty() && c.customerRouter == router;
        if (!provider && !customerEnd)
            continue;
        if (provider) {
            const QString vrf = AccessPolicy::normalVrf(c.vrf);
            if (!c.providerInterface.isEmpty())
                s.interfaces.insert(c.providerInterface);
            s.vrfs.insert(vrf);
            addPeer(c.customerAddress, vrf); // the provider router's BGP peer is the customer
            addPeer(c.customerAddress6, vrf);
        }
        if (customerEnd) {
            const QString vrf = AccessPolicy::normalVrf(c.customerVrf);
            if (!c.customerInterface.isEmpty())
                s.interfaces.insert(c.customerInterface);
            s.vrfs.insert(vrf);
            addPeer(c.providerAddress, vrf);
            addPeer(c.providerAddress6, vrf);
        }
        addSpace(c, s.space, s.addresses);
    }
    return s;
}

bool insideAny(const IpPrefix &p, const QList<IpPrefix> &space)
{
    return std::any_of(space.cbegin(), space.cend(), [&](const IpPrefix &q) {
        return p.address().family() == q.address().family() && p.length() >= q.length() && q.contains(p.address());
    });
}

Foreign foreignOf(const Inventory &inventory, const QString &customer, const QString &router, const Scope &own)
{
    Foreign f;
    for (const Connection &c : inventory.connections()) {
        if (c.customer == customer)
            continue;
        addSpace(c, f.space, f.addresses);
        if (c.providerRouter == router && !c.providerInterface.isEmpty())
            f.interfaces.insert(c.providerInterface);
        if (c.customerRouter == router && !c.customerInterface.isEmpty())
            f.interfaces.insert(c.customerInterface);
    }
    // Overlapping address plans (customers in separate VRFs) must not hide the client's own.
    f.space.removeIf([&](const IpPrefix &p) { return insideAny(p, own.space); });
    f.addresses.removeIf([&](const IpAddress &a) { return own.addresses.contains(a); });
    for (const QString &i : own.interfaces)
        f.interfaces.remove(i);
    return f;
}

bool isPeer(const Scope &s, const QString &neighbor, const QString &vrf)
{
    const QString wanted = AccessPolicy::normalVrf(vrf);
    const auto addr = IpAddress::parse(QStringView(neighbor));
    return std::any_of(s.peers.cbegin(), s.peers.cend(), [&](const Peer &p) {
        if (p.vrf != wanted)
            return false;
        return addr ? p.address == addr : p.text == neighbor; // unnumbered peers are named by interface
    });
}

QStringList peerTexts(const Scope &s, const QString &vrf)
{
    const QString wanted = AccessPolicy::normalVrf(vrf);
    QStringList out;
    for (const Peer &p : s.peers) {
        if (p.vrf == wanted)
            out.append(p.text);
    }
    return out;
}

Error forbidden(const QString &sentence)
{
    return Error(ErrorCode::Forbidden, sentence);
}

QString listOrNone(QStringList l)
{
    l.sort();
    return l.isEmpty() ? QStringLiteral("none") : l.join(QLatin1String(", "));
}

QString vrfList(const QSet<QString> &vrfs)
{
    QStringList l;
    for (const QString &v : vrfs)
        l.append(v.isEmpty() ? QStringLiteral("the global table (no VRF)") : v);
    return listOrNone(l);
}

// Whether `name` is one of `interfaces` in any spelling: a platform prints "Gi0/0/0/2.300" in
// one table and "GigabitEthernet0/0/0/2.300" in another, and the inventory uses either.
bool hasInterface(const QSet<QString> &interfaces, const QString &name)
{
    if (name.isEmpty())
        return false;
    if (interfaces.contains(name))
        return true;
    for (const QString &i : interfaces) {
        if (sameInterface(i, name))
            return true;
    }
    return false;
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

QString AccessPolicy::normalVrf(const QString &vrf)
{
    for (const char *global : {"default", "global", "master"}) {
        if (vrf.compare(QLatin1String(global), Qt::CaseInsensitive) == 0)
            return {};
    }
    return vrf;
}

AccessPolicy::AccessPolicy()
{
    for (const QueryKindInfo &k : queryKindTable()) {
        if (k.externalDefault)
            m_externalKinds.insert(k.kind);
    }
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
    const QueryParams &params = request.params;
    for (const QString &router : request.routers) {
        // Decided from the client's own connections only: a router that does not exist and one
        // that belongs to another customer get the same sentence, so names cannot be probed.
        if (!visible.contains(router))
            return forbidden(QStringLiteral("Router \"%1\" is not part of a connection of customer \"%2\"; external "
                                            "clients may query only their own connections' routers (%3).")
                                 .arg(router, client.customer,
                                      visible.isEmpty() ? QStringLiteral("none") : visible.join(QLatin1String(", "))));
        const Scope scope = scopeOf(inventory, client.customer, router);
        const QString &ifname = params.interfaceName;
        if (!ifname.isEmpty() && !hasInterface(scope.interfaces, ifname))
            return forbidden(QStringLiteral("Interface \"%1\" on router \"%2\" does not belong to a connection of "
                                            "customer \"%3\"; allowed interfaces there: %4.")
                                 .arg(ifname, router, client.customer, listOrNone(scope.interfaces.values())));
        // The VRF decides which table is read: another VRF is another customer's routing table.
        if (RequestValidator::usesParam(request.kind, u"vrf") && !scope.vrfs.contains(normalVrf(params.vrf)))
            return forbidden(QStringLiteral("%1 on router \"%2\" is not the VRF of a connection of customer \"%3\"; "
                                            "allowed there: %4.")
                                 .arg(params.vrf.isEmpty() ? QStringLiteral("The global table (no VRF)")
                                                           : QStringLiteral("VRF \"%1\"").arg(params.vrf),
                                      router, client.customer, vrfList(scope.vrfs)));
        const QString &neighbor = params.neighbor;
        if (!neighbor.isEmpty() && !isPeer(scope, neighbor, params.vrf))
            return forbidden(QStringLiteral("BGP neighbor \"%1\" on router \"%2\" is not a peer of a connection of "
                                            "customer \"%3\"%4; allowed neighbors there: %5.")
                                 .arg(neighbor, router, client.customer,
                                      params.vrf.isEmpty() ? QString() : QStringLiteral(" in VRF \"%1\"").arg(params.vrf),
                                      listOrNone(peerTexts(scope, params.vrf))));
        if (!params.destination.isEmpty()) {
            const auto dest = IpPrefix::parse(QStringView(params.destination));
            if (!dest || !insideAny(*dest, scope.space)) {
                QStringList space;
                for (const IpPrefix &p : scope.space)
                    space.append(p.toString());
                space.removeDuplicates();
                return forbidden(QStringLiteral("The destination \"%1\" is outside the addresses and expected prefixes "
                                                "of customer \"%2\"'s connections on router \"%3\"; external clients "
                                                "may look up only those: %4.")
                                     .arg(params.destination, client.customer, router, listOrNone(space)));
            }
        }
    }
    return {};
}

RecordSet AccessPolicy::filterRecords(const Inventory &inventory, const ClientIdentity &client, const QString &router,
                                      const QueryParams &params, const RecordSet &records) const
{
    if (client.role != Role::External)
        return records;
    if (client.customer.isEmpty() || !visibleRouters(inventory, client).contains(router))
        return RecordSet(records.kind());
    const Scope scope = scopeOf(inventory, client.customer, router);
    auto ownInterface = [&](const QString &name) { return hasInterface(scope.interfaces, name); };
    // A record that names no VRF was read from the table the request asked for.
    auto ownVrf = [&](const QString &recordVrf) {
        return scope.vrfs.contains(normalVrf(recordVrf.isEmpty() ? params.vrf : recordVrf));
    };

    return std::visit(
        [&](const auto &list) -> RecordSet {
            using R = typename std::decay_t<decltype(list)>::value_type;
            if constexpr (std::is_same_v<R, InterfaceRecord>)
                return filtered<R>(records, [&](const R &r) { return ownInterface(r.name); });
            else if constexpr (std::is_same_v<R, VlanRecord>)
                return filtered<R>(records, [&](const R &r) { return ownInterface(r.interfaceName); });
            else if constexpr (std::is_same_v<R, ArpRecord>)
                return filtered<R>(records, [&](const R &r) { return ownInterface(r.interfaceName) && ownVrf(r.vrf); });
            else if constexpr (std::is_same_v<R, BgpNeighborRecord>)
                return filtered<R>(records, [&](const R &r) {
                    // The same address may be another customer's peer in another VRF.
                    return isPeer(scope, r.neighbor, r.vrf.isEmpty() ? params.vrf : r.vrf);
                });
            else if constexpr (std::is_same_v<R, LldpNeighborRecord>)
                return filtered<R>(records, [&](const R &r) { return ownInterface(r.localInterface); });
            else if constexpr (std::is_same_v<R, OpticsRecord>)
                return filtered<R>(records, [&](const R &r) { return ownInterface(r.interfaceName); });
            else if constexpr (std::is_same_v<R, RouteRecord>) {
                const Foreign foreign = foreignOf(inventory, client.customer, router, scope);
                const bool lookup = records.kind() == QueryKind::RouteLookup;
                return filtered<R>(records, [&](const R &r) {
                    const bool ownPrefix = insideAny(r.prefix, scope.space);
                    if ((insideAny(r.prefix, foreign.space) && !ownPrefix) || foreign.addresses.contains(r.nextHop)
                        || hasInterface(foreign.interfaces, r.interfaceName))
                        return false; // another customer's route
                    if (!lookup)
                        return true; // received from / advertised to the client's own neighbor
                    // A lookup shows only routes into the client's own space or connection.
                    return ownPrefix || scope.addresses.contains(r.nextHop) || ownInterface(r.interfaceName);
                });
            } else
                return records; // facts: only when an administrator allowed externals to ask for them
        },
        records.lists());
}

bool AccessPolicy::mayChangeThrottlePolicies(const ClientIdentity &client) const
{
    return client.role == Role::Admin;
}

} // namespace rl
