#include "engine/diagnosis/topology.h"

#include "engine/api/ip_address.h"
#include "engine/api/interface_name.h"

#include <QSet>

#include <algorithm>
#include <bit>

namespace rl {

QString topologyStateName(TopologyState s)
{
    switch (s) {
    case TopologyState::Up: return QStringLiteral("up");
    case TopologyState::Down: return QStringLiteral("down");
    case TopologyState::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString topologyNodeKindName(TopologyNodeKind k)
{
    switch (k) {
    case TopologyNodeKind::Asked: return QStringLiteral("asked");
    case TopologyNodeKind::Inventory: return QStringLiteral("inventory");
    case TopologyNodeKind::External: break;
    }
    return QStringLiteral("external");
}

const TopologyNode *TopologyGraph::node(const QString &id) const
{
    for (const TopologyNode &n : nodes)
        if (n.id == id)
            return &n;
    return nullptr;
}

const TopologyEdge *TopologyGraph::edge(const QString &id) const
{
    for (const TopologyEdge &e : edges)
        if (e.id == id)
            return &e;
    return nullptr;
}

int TopologyGraph::count(TopologyEdgeKind kind) const
{
    return int(std::count_if(edges.cbegin(), edges.cend(), [kind](const TopologyEdge &e) { return e.kind == kind; }));
}

QList<QueryKind> TopologyBuilder::queries()
{
    return {QueryKind::LldpNeighbors, QueryKind::BgpStatus, QueryKind::LinkStatus, QueryKind::ArpTable};
}

QStringList TopologyBuilder::customerRouters(const QString &customer, const QList<Connection> &connections,
                                             const QList<Router> &inventory)
{
    QSet<QString> known;
    for (const Router &r : inventory)
        known.insert(r.name);
    QStringList out;
    for (const Connection &c : connections) {
        if (c.customer != customer)
            continue;
        for (const QString &r : {c.providerRouter, c.customerRouter})
            if (!r.isEmpty() && known.contains(r) && !out.contains(r))
                out << r;
    }
    out.sort();
    return out;
}

namespace {

// ---- small value helpers ------------------------------------------------------------------

QString normAddress(const QString &text)
{
    const QString t = text.trimmed();
    if (const auto a = IpAddress::parse(QStringView(t)))
        return a->toString();
    return t.toLower();
}

bool isAddress(const QString &text)
{
    return IpAddress::parse(QStringView(text.trimmed())).has_value();
}

bool isV6(const QString &text)
{
    const auto a = IpAddress::parse(QStringView(text.trimmed()));
    return a && a->isV6();
}

// Leading bits two addresses share; -1 when either is not an address or the families differ.
int commonPrefixBits(const QString &x, const QString &y)
{
    const auto a = IpAddress::parse(QStringView(x));
    const auto b = IpAddress::parse(QStringView(y));
    if (!a || !b || a->family() != b->family())
        return -1;
    int bits = 0;
    for (int i = 0; i < a->bitLength() / 8; ++i) {
        const quint8 diff = a->bytes()[size_t(i)] ^ b->bytes()[size_t(i)];
        if (diff == 0) {
            bits += 8;
            continue;
        }
        bits += std::countl_zero(diff);
        break;
    }
    return bits;
}

// A MAC that names one interface: not empty, not all zeros (loopbacks), not broadcast.
QString usableMac(const QString &text)
{
    const QString m = normalizeMac(text);
    if (m.isEmpty() || m == QLatin1String("00:00:00:00:00:00") || m == QLatin1String("ff:ff:ff:ff:ff:ff"))
        return {};
    return m;
}

bool readable(const RouterResult &r)
{
    return !r.router.isEmpty() && r.ok();
}

TopologyState stateOf(LinkState s)
{
    switch (s) {
    case LinkState::Up: return TopologyState::Up;
    case LinkState::Down:
    case LinkState::AdminDown:
    case LinkState::LowerLayerDown:
    case LinkState::NotPresent: return TopologyState::Down;
    default: return TopologyState::Unknown;
    }
}

TopologyState stateOf(BgpState s)
{
    if (s == BgpState::Established)
        return TopologyState::Up;
    return s == BgpState::Unknown ? TopologyState::Unknown : TopologyState::Down;
}

TopologyState combine(TopologyState a, TopologyState b)
{
    if (a == TopologyState::Down || b == TopologyState::Down)
        return TopologyState::Down;
    if (a == TopologyState::Up || b == TopologyState::Up)
        return TopologyState::Up;
    return TopologyState::Unknown;
}

bool sameIf(const QString &a, const QString &b)
{
    return !a.isEmpty() && !b.isEmpty() && rl::sameInterface(a, b);
}

QString parentOf(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return dot > 0 ? name.left(dot) : name;
}

bool sameVrf(const QString &a, const QString &b)
{
    auto norm = [](const QString &v) { return v.isEmpty() ? QStringLiteral("default") : v.toLower(); };
    return norm(a) == norm(b);
}

template<typename R, typename Keep>
RouterResult narrowed(const RouterResult &r, Keep keep)
{
    RouterResult out = r;
    if (!r.ok())
        return out;
    QList<R> rows;
    for (const R &x : r.records.template rows<R>())
        if (keep(x))
            rows.append(x);
    out.records = RecordSet(r.records.kind(), rows);
    return out;
}

// Who owns a key (a MAC, an address, a router id), first claim wins; a second, different owner
// makes the key ambiguous, and an ambiguous key names nobody.
class Claims
{
public:
    void claim(const QString &key, const QString &owner, const QString &how)
    {
        if (key.isEmpty() || owner.isEmpty())
            return;
        auto it = m_map.find(key);
        if (it == m_map.end())
            m_map.insert(key, {owner, how, false});
        else if (it->owner != owner)
            it->ambiguous = true;
    }
    QString owner(const QString &key, QString *how = nullptr) const
    {
        const auto it = m_map.constFind(key);
        if (it == m_map.cend() || it->ambiguous)
            return {};
        if (how)
            *how = it->how;
        return it->owner;
    }
    bool contested(const QString &key) const
    {
        const auto it = m_map.constFind(key);
        return it != m_map.cend() && it->ambiguous;
    }

private:
    struct Claim {
        QString owner;
        QString how;
        bool ambiguous = false;
    };
    QHash<QString, Claim> m_map;
};

// One row of an asked router's BGP table, on its way to an edge.
struct Session {
    QString router;
    BgpNeighborRecord rec;
    QString neighbor;     // normalized address (or the interface of an unnumbered peer)
    QString owner;        // the node at the far end, when identified
    QString matchedBy;
    QString via;          // the interface the neighbor is reached on (this router's ARP / ND)
    QString connectionId;
    bool contested = false; // evidence disagrees about the neighbor: never guessed from AS numbers
    int pair = -1;        // the far end's own row, when it is an asked router's
};

class Builder
{
public:
    explicit Builder(const TopologyInput &in) : m_in(in)
    {
        for (const QString &r : in.routers)
            m_asked.insert(r);
        for (const Router &r : in.inventory)
            m_inventory.insert(r.name, &r);
        for (const Connection &c : in.connections) {
            const bool touches = m_asked.contains(c.providerRouter) || m_asked.contains(c.customerRouter);
            if (in.customer.isEmpty() ? touches : c.customer == in.customer)
                m_connections.append(c);
        }
    }

    TopologyGraph run()
    {
        QStringList asked = m_in.routers;
        asked.removeDuplicates();
        asked.sort();
        for (const QString &r : asked)
            askedNode(r);
        collectMacs(asked);
        lldpLinks(asked);
        addressClaims(asked);
        collectSessions(asked);
        identifySessions();
        pairSessions();
        pairByAsNumbers();
        sessionEdges();
        connectionLinks();
        connectionSessions();
        for (TopologyEdge &e : m_edges)
            if (e.kind == TopologyEdgeKind::Link)
                fillLink(e);
        if (!m_in.customer.isEmpty())
            keepCustomer();
        return finish();
    }

private:
    // ---- answers --------------------------------------------------------------------------

    const TopologyAnswers *answers(const QString &router) const
    {
        const auto it = m_in.answers.constFind(router);
        return it == m_in.answers.cend() ? nullptr : &*it;
    }
    const RouterResult &part(const QString &router, QueryKind kind) const
    {
        static const RouterResult none;
        const TopologyAnswers *a = answers(router);
        if (!a)
            return none;
        switch (kind) {
        case QueryKind::LldpNeighbors: return a->lldp;
        case QueryKind::BgpStatus: return a->bgp;
        case QueryKind::LinkStatus: return a->links;
        case QueryKind::ArpTable: return a->arp;
        default: return none;
        }
    }
    // Why a node's answer of this kind says nothing: for an end that reads Unknown.
    QString silence(const QString &node, QueryKind kind) const
    {
        if (!m_asked.contains(node)) {
            const auto n = m_nodes.constFind(node);
            return n != m_nodes.cend() && n->kind == TopologyNodeKind::External ? QStringLiteral("not in the inventory")
                                                                                : QStringLiteral("not asked");
        }
        const RouterResult &r = part(node, kind);
        if (r.router.isEmpty())
            return QStringLiteral("no answer yet");
        if (r.error.code == ErrorCode::UnsupportedQuery)
            return QStringLiteral("cannot be asked: %1").arg(r.error.message);
        return QStringLiteral("could not read (%1): %2").arg(r.error.codeName(), r.error.message);
    }

    // ---- nodes ----------------------------------------------------------------------------

    TopologySide sideOf(const QString &router, QString *customer = nullptr) const
    {
        TopologySide side = TopologySide::Unknown;
        for (const Connection &c : m_in.connections) {
            if (c.providerRouter == router)
                side = TopologySide::Provider;
            if (c.customerRouter == router) {
                if (customer)
                    *customer = c.customer;
                return TopologySide::Customer;
            }
        }
        if (side != TopologySide::Unknown)
            return side;
        const Router *r = m_inventory.value(router);
        if (!r)
            return side;
        const QString role = r->tags.value(QStringLiteral("role")).toLower();
        const QString tagCustomer = r->tags.value(QStringLiteral("customer"));
        if (customer)
            *customer = tagCustomer;
        static const QStringList providerRoles{QStringLiteral("pe"), QStringLiteral("p"), QStringLiteral("rr"),
                                               QStringLiteral("core"), QStringLiteral("asbr"), QStringLiteral("pr")};
        if (providerRoles.contains(role))
            return TopologySide::Provider;
        if (role == u"ce" || role == u"cpe" || !tagCustomer.isEmpty())
            return TopologySide::Customer;
        return side;
    }

    TopologyNode &routerNode(const QString &name)
    {
        auto it = m_nodes.find(name);
        if (it != m_nodes.end())
            return *it;
        TopologyNode n;
        n.id = name;
        n.label = name;
        n.kind = m_asked.contains(name) ? TopologyNodeKind::Asked : TopologyNodeKind::Inventory;
        n.side = sideOf(name, &n.customer);
        if (const Router *r = m_inventory.value(name))
            n.platform = r->platform;
        n.detail = n.kind == TopologyNodeKind::Asked ? QStringLiteral("asked for this map")
                                                     : QStringLiteral("in the inventory, not asked for this map");
        return *m_nodes.insert(name, n);
    }

    void askedNode(const QString &name)
    {
        TopologyNode &n = routerNode(name);
        // A router none of whose answers could be read is shown as such, not as a router
        // without links. Its reason: the router could not be reached, if that is what happened;
        // else the first error that is not "this platform cannot say".
        auto rank = [](ErrorCode c) {
            switch (c) {
            case ErrorCode::Unreachable:
            case ErrorCode::Timeout:
            case ErrorCode::AuthFailed:
            case ErrorCode::HostKeyUnknown:
            case ErrorCode::HostKeyMismatch:
            case ErrorCode::TlsError:
            case ErrorCode::ConnectionLost: return 0;
            case ErrorCode::UnsupportedQuery: return 2;
            default: return 1;
            }
        };
        const RouterResult *worst = nullptr;
        bool anyReadable = false, allAnswered = true;
        for (QueryKind k : TopologyBuilder::queries()) {
            const RouterResult &r = part(name, k);
            if (r.router.isEmpty())
                allAnswered = false;
            else if (r.ok())
                anyReadable = true;
            else if (!worst || rank(r.error.code) < rank(worst->error.code))
                worst = &r;
        }
        if (allAnswered && !anyReadable && worst)
            n.problem = QStringLiteral("%1: %2").arg(worst->error.codeName(), worst->error.message);
    }

    TopologyNode &externalNode(const QString &id, const QString &label, const QString &detail)
    {
        auto it = m_nodes.find(id);
        if (it != m_nodes.end())
            return *it;
        TopologyNode n;
        n.id = id;
        n.label = label;
        n.kind = TopologyNodeKind::External;
        n.detail = detail;
        return *m_nodes.insert(id, n);
    }

    // The router of an LLDP neighbor: by name (or its first DNS label), management address,
    // or a MAC an asked router owns; else an external node named by what it announced.
    QString lldpPeer(const QString &from, const LldpNeighborRecord &n)
    {
        const QString sys = n.remoteSystemName.trimmed();
        if (!sys.isEmpty() && !isAddress(sys)) {
            const QString first = sys.section(QLatin1Char('.'), 0, 0);
            for (const Router &r : m_in.inventory)
                if (r.name.compare(sys, Qt::CaseInsensitive) == 0)
                    return routerNode(r.name).id;
            for (const Router &r : m_in.inventory)
                if (r.name.compare(first, Qt::CaseInsensitive) == 0)
                    return routerNode(r.name).id;
        }
        if (!n.remoteMgmtAddress.isEmpty() && isAddress(n.remoteMgmtAddress)) {
            const QString mgmt = normAddress(n.remoteMgmtAddress);
            for (const Router &r : m_in.inventory)
                if (isAddress(r.host) && normAddress(r.host) == mgmt)
                    return routerNode(r.name).id;
        }
        for (const QString &id : {n.remotePortId, n.remoteChassisId}) {
            const QString owner = m_macs.owner(usableMac(id));
            if (!owner.isEmpty() && owner != from)
                return routerNode(owner).id;
        }
        const QString key = !sys.isEmpty() ? sys.toLower() : !n.remoteChassisId.isEmpty() ? n.remoteChassisId.toLower()
                                                                                         : n.remotePortId.toLower();
        TopologyNode &ext = externalNode(QStringLiteral("external:lldp:%1").arg(key), sys.isEmpty() ? n.remoteChassisId : sys,
                                         QStringLiteral("LLDP neighbor of %1").arg(from));
        return ext.id;
    }

    // ---- interfaces -----------------------------------------------------------------------

    // A router's own spelling of an interface another name abbreviates ("Gi0/0/1").
    QString ownInterface(const QString &router, const QString &name) const
    {
        const RouterResult &l = part(router, QueryKind::LinkStatus);
        if (readable(l))
            for (const InterfaceRecord &i : l.records.rows<InterfaceRecord>())
                if (sameIf(i.name, name))
                    return i.name;
        return name;
    }

    QString remotePort(const QString &node, const LldpNeighborRecord &n) const
    {
        const RouterResult &l = part(node, QueryKind::LinkStatus);
        const QString portMac = usableMac(n.remotePortId);
        if (m_asked.contains(node) && readable(l)) {
            const auto &rows = l.records.rows<InterfaceRecord>();
            for (const InterfaceRecord &i : rows)
                if (sameIf(i.name, n.remotePortId))
                    return i.name;
            if (!portMac.isEmpty())
                for (const InterfaceRecord &i : rows)
                    if (!i.name.contains(QLatin1Char('.')) && usableMac(i.mac) == portMac)
                        return i.name;
            for (const InterfaceRecord &i : rows)
                if (!n.remotePortDescription.isEmpty() && i.name.compare(n.remotePortDescription, Qt::CaseInsensitive) == 0)
                    return i.name;
        }
        // A port id that is a MAC (Linux lldpd) says less than a description that is one word.
        if (!portMac.isEmpty() && !n.remotePortDescription.isEmpty() && !n.remotePortDescription.contains(QLatin1Char(' ')))
            return n.remotePortDescription;
        return n.remotePortId;
    }

    void collectMacs(const QStringList &asked)
    {
        for (const QString &r : asked) {
            const RouterResult &l = part(r, QueryKind::LinkStatus);
            if (!readable(l))
                continue;
            for (const InterfaceRecord &i : l.records.rows<InterfaceRecord>())
                m_macs.claim(usableMac(i.mac), r, QStringLiteral("mac"));
        }
    }

    // ---- links ----------------------------------------------------------------------------

    static bool sameEnd(const TopologyEnd &e, const QString &node, const QString &iface)
    {
        return e.node == node && (sameIf(e.interfaceName, iface) || (e.interfaceName.isEmpty() && iface.isEmpty()));
    }

    TopologyEdge *findLink(const QString &n1, const QString &i1, const QString &n2, const QString &i2)
    {
        for (TopologyEdge &e : m_edges) {
            if (e.kind != TopologyEdgeKind::Link)
                continue;
            if ((sameEnd(e.a, n1, i1) && sameEnd(e.b, n2, i2)) || (sameEnd(e.a, n2, i2) && sameEnd(e.b, n1, i1)))
                return &e;
        }
        return nullptr;
    }

    void lldpLinks(const QStringList &asked)
    {
        for (const QString &r : asked) {
            const RouterResult &lldp = part(r, QueryKind::LldpNeighbors);
            if (!readable(lldp))
                continue;
            for (const LldpNeighborRecord &n : lldp.records.rows<LldpNeighborRecord>()) {
                const QString peer = lldpPeer(r, n);
                if (peer == r)
                    continue;
                const QString local = ownInterface(r, n.localInterface);
                const QString remote = remotePort(peer, n);
                if (!n.remoteMgmtAddress.isEmpty() && isAddress(n.remoteMgmtAddress))
                    m_lldpMgmt.append({normAddress(n.remoteMgmtAddress), peer});
                if (TopologyEdge *e = findLink(r, local, peer, remote)) {
                    Q_UNUSED(e); // the other end reported the same link
                    continue;
                }
                TopologyEdge e;
                e.kind = TopologyEdgeKind::Link;
                e.a.node = r;
                e.a.interfaceName = local;
                e.b.node = peer;
                e.b.interfaceName = remote;
                e.sources << QStringLiteral("lldp");
                m_edges.append(e);
            }
        }
    }

    void connectionLinks()
    {
        QSet<int> absorbed; // edges that already carry a connection
        for (const Connection &c : m_connections) {
            const QString provider = routerNode(c.providerRouter).id;
            const QString customer = customerNodeOf(c);
            const QString pPort = parentOf(c.providerInterface);
            const QString cPort = parentOf(c.customerInterface);
            // The physical link LLDP saw under this connection's subinterfaces becomes its edge.
            int found = -1;
            for (int i = 0; i < m_edges.size() && found < 0; ++i) {
                TopologyEdge &e = m_edges[i];
                if (e.kind != TopologyEdgeKind::Link || !e.connectionId.isEmpty() || absorbed.contains(i))
                    continue;
                auto matches = [&](const TopologyEnd &p, const TopologyEnd &q) {
                    return p.node == provider && sameIf(parentOf(p.interfaceName), pPort) && q.node == customer
                        && (cPort.isEmpty() || q.interfaceName.isEmpty() || sameIf(parentOf(q.interfaceName), cPort));
                };
                if (matches(e.a, e.b)) {
                    found = i;
                } else if (matches(e.b, e.a)) {
                    std::swap(e.a, e.b);
                    found = i;
                }
            }
            if (found < 0) {
                TopologyEdge e;
                e.kind = TopologyEdgeKind::Link;
                e.a.node = provider;
                e.b.node = customer;
                m_edges.append(e);
                found = int(m_edges.size() - 1);
            }
            absorbed.insert(found);
            TopologyEdge &link = m_edges[found];
            link.a.interfaceName = ownInterface(provider, c.providerInterface);
            if (!c.customerInterface.isEmpty())
                link.b.interfaceName = ownInterface(customer, c.customerInterface);
            link.connectionId = c.id;
            link.sources << QStringLiteral("connection");
        }
    }

    QString customerNodeOf(const Connection &c)
    {
        if (!c.customerRouter.isEmpty())
            return routerNode(c.customerRouter).id;
        TopologyNode &n = externalNode(QStringLiteral("external:customer:%1").arg(c.id), c.customer,
                                       QStringLiteral("the customer's router of %1, not in the inventory").arg(c.id));
        n.side = TopologySide::Customer;
        n.customer = c.customer;
        return n.id;
    }

    void fillLink(TopologyEdge &e)
    {
        for (TopologyEnd *end : {&e.a, &e.b}) {
            end->evidence.clear();
            const QString iface = end->interfaceName;
            if (!m_asked.contains(end->node) || !readable(part(end->node, QueryKind::LinkStatus))) {
                end->state = TopologyState::Unknown;
                end->stateText = silence(end->node, QueryKind::LinkStatus);
                const RouterResult &l = part(end->node, QueryKind::LinkStatus);
                if (m_asked.contains(end->node) && !l.router.isEmpty())
                    end->evidence << l;
            } else {
                const RouterResult &l = part(end->node, QueryKind::LinkStatus);
                const InterfaceRecord *exact = nullptr, *parent = nullptr;
                for (const InterfaceRecord &i : l.records.rows<InterfaceRecord>()) {
                    if (!exact && sameIf(i.name, iface))
                        exact = &i;
                    if (!parent && iface.contains(QLatin1Char('.')) && sameIf(i.name, parentOf(iface)))
                        parent = &i;
                }
                const InterfaceRecord *rec = exact ? exact : parent;
                if (!rec) {
                    end->state = TopologyState::Unknown;
                    end->stateText = iface.isEmpty() ? QStringLiteral("interface not known")
                                                     : QStringLiteral("%1 is not in its interface table").arg(iface);
                } else {
                    end->state = stateOf(rec->operState);
                    end->stateText = rec == exact ? linkStateName(rec->operState)
                                                  : QStringLiteral("%1 (%2)").arg(linkStateName(rec->operState), rec->name);
                    // A subinterface that is up on a parent port that is down is down.
                    if (exact && parent && stateOf(parent->operState) == TopologyState::Down) {
                        end->state = TopologyState::Down;
                        end->stateText = QStringLiteral("%1; port %2 %3").arg(linkStateName(exact->operState), parent->name,
                                                                           linkStateName(parent->operState));
                    }
                }
                end->evidence << narrowed<InterfaceRecord>(l, [&](const InterfaceRecord &i) {
                    return sameIf(i.name, iface) || sameIf(i.name, parentOf(iface));
                });
            }
            const RouterResult &lldp = part(end->node, QueryKind::LldpNeighbors);
            if (m_asked.contains(end->node) && readable(lldp)) {
                RouterResult rows = narrowed<LldpNeighborRecord>(lldp, [&](const LldpNeighborRecord &n) {
                    return sameIf(n.localInterface, iface) || sameIf(n.localInterface, parentOf(iface));
                });
                if (!rows.records.isEmpty())
                    end->evidence << rows;
            }
        }
        e.state = combine(e.a.state, e.b.state);
    }

    // ---- addresses ------------------------------------------------------------------------

    void addressClaims(const QStringList &asked)
    {
        for (const Router &r : m_in.inventory)
            if (isAddress(r.host))
                m_addresses.claim(normAddress(r.host), r.name, QStringLiteral("inventory-host"));
        for (const Connection &c : m_in.connections) {
            for (const QString &a : {c.providerAddress, c.providerAddress6})
                if (!a.isEmpty())
                    m_addresses.claim(normAddress(a), c.providerRouter, QStringLiteral("connection"));
            for (const QString &a : {c.customerAddress, c.customerAddress6})
                if (!a.isEmpty() && !c.customerRouter.isEmpty())
                    m_addresses.claim(normAddress(a), c.customerRouter, QStringLiteral("connection"));
        }
        for (const QString &r : asked) {
            const RouterResult &arp = part(r, QueryKind::ArpTable);
            if (!readable(arp))
                continue;
            for (const ArpRecord &a : arp.records.rows<ArpRecord>()) {
                if (a.ip.startsWith(QLatin1String("fe80"), Qt::CaseInsensitive))
                    continue; // link-local addresses repeat on every link
                m_addresses.claim(normAddress(a.ip), m_macs.owner(usableMac(a.mac)), QStringLiteral("arp"));
            }
        }
        for (const auto &[address, node] : std::as_const(m_lldpMgmt))
            m_addresses.claim(address, node, QStringLiteral("lldp"));
    }

    // ---- sessions -------------------------------------------------------------------------

    void collectSessions(const QStringList &asked)
    {
        for (const QString &r : asked) {
            const RouterResult &bgp = part(r, QueryKind::BgpStatus);
            if (!readable(bgp))
                continue;
            for (const BgpNeighborRecord &rec : bgp.records.rows<BgpNeighborRecord>()) {
                Session s;
                s.router = r;
                s.rec = rec;
                s.neighbor = normAddress(rec.neighbor);
                s.via = viaInterface(r, rec.vrf, s.neighbor);
                m_sessions.append(s);
            }
        }
    }

    // The ARP / ND entry a router has for a neighbor in the session's VRF (or, when its table
    // names no VRF for it, the only entry for that address).
    const ArpRecord *arpEntry(const QString &router, const QString &vrf, const QString &address)
    {
        auto index = m_arpIndex.find(router);
        if (index == m_arpIndex.end()) {
            // Built once per router: tables of thousands of entries meet hundreds of sessions.
            index = m_arpIndex.insert(router, {});
            const RouterResult &arp = part(router, QueryKind::ArpTable);
            if (readable(arp))
                for (const ArpRecord &a : arp.records.rows<ArpRecord>())
                    index->insert(normAddress(a.ip), &a);
        }
        const QList<const ArpRecord *> entries = index->values(address);
        for (const ArpRecord *a : entries)
            if (sameVrf(a->vrf, vrf))
                return a;
        return entries.size() == 1 && entries.first()->vrf.isEmpty() ? entries.first() : nullptr;
    }

    QString viaInterface(const QString &router, const QString &vrf, const QString &address)
    {
        const ArpRecord *a = arpEntry(router, vrf, address);
        return a ? a->interfaceName : QString();
    }

    void identify(Session &s, const QString &owner, const QString &how, const QString &connectionId = {})
    {
        if (owner.isEmpty() || owner == s.router)
            return;
        s.owner = owner;
        s.matchedBy = how;
        if (!connectionId.isEmpty())
            s.connectionId = connectionId;
    }

    void identifySessions()
    {
        for (Session &s : m_sessions) {
            // 1. The inventory's connection: this router is one end and the neighbor the other's address.
            QList<const Connection *> hits;
            bool toProvider = false;
            for (const Connection &c : m_in.connections) {
                if (s.neighbor.isEmpty())
                    break;
                if (c.providerRouter == s.router && (normAddress(c.customerAddress) == s.neighbor
                                                     || normAddress(c.customerAddress6) == s.neighbor))
                    hits << &c;
                else if (c.customerRouter == s.router && (normAddress(c.providerAddress) == s.neighbor
                                                          || normAddress(c.providerAddress6) == s.neighbor)) {
                    hits << &c;
                    toProvider = true;
                }
            }
            if (hits.size() > 1) {
                // Overlapping addresses in VRFs: the connection whose interface the neighbor is on.
                hits.removeIf([&](const Connection *c) {
                    return !sameIf(s.via, toProvider ? c->customerInterface : c->providerInterface);
                });
            }
            if (hits.size() == 1) {
                const Connection &c = *hits.first();
                identify(s, toProvider ? routerNode(c.providerRouter).id : customerNodeOf(c), QStringLiteral("connection"), c.id);
                continue;
            }
            // 2. This router's ARP / ND entry for the neighbor, whose MAC is another router's.
            if (const ArpRecord *a = arpEntry(s.router, s.rec.vrf, s.neighbor)) {
                const QString owner = m_macs.owner(usableMac(a->mac));
                if (!owner.isEmpty() && owner != s.router) {
                    identify(s, routerNode(owner).id, QStringLiteral("arp"));
                    continue;
                }
            }
            // 3. What every answer and the inventory say about the address.
            QString how;
            const QString owner = m_addresses.owner(s.neighbor, &how);
            s.contested = m_addresses.contested(s.neighbor);
            if (!owner.isEmpty() && owner != s.router) {
                identify(s, m_nodes.contains(owner) ? owner : routerNode(owner).id, how);
                continue;
            }
        }
        // 4. A router id seen on an identified session names the same router elsewhere.
        Claims rids;
        for (const Session &s : std::as_const(m_sessions))
            if (!s.owner.isEmpty())
                rids.claim(s.rec.remoteRouterId, s.owner, QStringLiteral("router-id"));
        for (Session &s : m_sessions) {
            if (!s.owner.isEmpty())
                continue;
            const QString owner = rids.owner(s.rec.remoteRouterId);
            if (!owner.isEmpty()) {
                identify(s, owner, QStringLiteral("router-id"));
                continue;
            }
            // 5. A family the connection lists no addresses for, towards the connection's other
            //    AS: that connection's session (one connection of that AS on this router only).
            QList<const Connection *> hits;
            bool toProvider = false;
            const bool v6 = isV6(s.neighbor) || s.rec.addressFamily.startsWith(QLatin1String("ipv6"));
            for (const Connection &c : m_in.connections) {
                if (c.providerRouter == s.router && c.customerAs >= 0 && s.rec.remoteAs == c.customerAs
                    && (v6 ? c.customerAddress6 : c.customerAddress).isEmpty())
                    hits << &c;
                else if (c.customerRouter == s.router && c.providerAs >= 0 && s.rec.remoteAs == c.providerAs
                         && (v6 ? c.providerAddress6 : c.providerAddress).isEmpty()) {
                    hits << &c;
                    toProvider = true;
                }
            }
            if (hits.size() == 1 && !s.contested) {
                const Connection &c = *hits.first();
                identify(s, toProvider ? routerNode(c.providerRouter).id : customerNodeOf(c), QStringLiteral("connection-as"),
                         c.id);
            }
        }
    }

    // The far end's own row: an asked router's session towards this one, in the same family.
    // Of several, the one whose neighbor shares the most leading bits with this one's (the two
    // addresses of one link share its subnet).
    void pairSessions()
    {
        for (int i = 0; i < m_sessions.size(); ++i) {
            Session &s = m_sessions[i];
            if (s.pair >= 0 || s.owner.isEmpty() || !m_asked.contains(s.owner))
                continue;
            int best = -1, bestBits = -2;
            bool bestOwned = false;
            for (int j = 0; j < m_sessions.size(); ++j) {
                const Session &t = m_sessions[j];
                if (j == i || t.pair >= 0 || t.router != s.owner || t.rec.addressFamily != s.rec.addressFamily)
                    continue;
                const bool owned = t.owner == s.router;
                const int bits = commonPrefixBits(s.neighbor, t.neighbor);
                // An unidentified row of the far end answers for this session only when it is
                // towards this router's AS on the same subnet.
                const bool asCompatible = t.owner.isEmpty() && !t.contested && s.rec.localAs >= 0
                    && t.rec.remoteAs == s.rec.localAs && bits >= (isV6(s.neighbor) ? 64 : 24);
                if (!owned && !asCompatible)
                    continue;
                if (best < 0 || (owned && !bestOwned) || (owned == bestOwned && bits > bestBits)) {
                    best = j;
                    bestBits = bits;
                    bestOwned = owned;
                }
            }
            if (best < 0)
                continue;
            Session &t = m_sessions[best];
            s.pair = best;
            t.pair = i;
            if (t.owner.isEmpty())
                identify(t, s.router, QStringLiteral("paired"));
            if (s.connectionId.isEmpty())
                s.connectionId = t.connectionId;
            if (t.connectionId.isEmpty())
                t.connectionId = s.connectionId;
        }
    }

    bool asPairable(const Session &s, const Session &t) const
    {
        if (t.router == s.router || !t.owner.isEmpty() || t.contested || t.pair >= 0)
            return false;
        if (t.rec.addressFamily != s.rec.addressFamily || s.rec.remoteAs < 0 || t.rec.remoteAs < 0)
            return false;
        if (s.rec.remoteAs != t.rec.localAs || t.rec.remoteAs != s.rec.localAs)
            return false;
        if (s.neighbor == t.neighbor)
            return false;
        // Two ends of one session have different router ids.
        if (!s.rec.remoteRouterId.isEmpty() && s.rec.remoteRouterId == t.rec.remoteRouterId)
            return false;
        const int bits = commonPrefixBits(s.neighbor, t.neighbor);
        return bits >= (isV6(s.neighbor) ? 64 : 24);
    }

    // Two asked routers, each with exactly one unidentified session towards the other's AS in
    // one family, on addresses of one subnet: the two ends of one session. Anything less
    // certain stays an external peer.
    void pairByAsNumbers()
    {
        auto candidates = [&](int i) {
            QList<int> out;
            const Session &s = m_sessions[i];
            if (!s.owner.isEmpty() || s.contested || s.pair >= 0)
                return out;
            for (int j = 0; j < m_sessions.size(); ++j)
                if (j != i && asPairable(s, m_sessions[j]))
                    out << j;
            return out;
        };
        for (int i = 0; i < m_sessions.size(); ++i) {
            const QList<int> mine = candidates(i);
            if (mine.size() != 1)
                continue;
            const int j = mine.first();
            if (candidates(j) != QList<int>{i})
                continue;
            Session &s = m_sessions[i];
            Session &t = m_sessions[j];
            identify(s, t.router, QStringLiteral("as-numbers"));
            identify(t, s.router, QStringLiteral("as-numbers"));
            s.pair = j;
            t.pair = i;
        }
    }

    QString externalPeer(const Session &s)
    {
        // One node per peer router id; without one, per AS as seen from this router and VRF
        // (the node then stands for that AS's peers, and says so).
        const QString as = s.rec.remoteAs >= 0 ? QString::number(s.rec.remoteAs) : QStringLiteral("?");
        const QString id = !s.rec.remoteRouterId.isEmpty()
            ? QStringLiteral("external:bgp:rid:%1:%2").arg(as, s.rec.remoteRouterId)
            : QStringLiteral("external:bgp:%1:%2:%3").arg(s.router, s.rec.vrf.isEmpty() ? QStringLiteral("default") : s.rec.vrf, as);
        const QString label = s.rec.remoteAs >= 0 ? QStringLiteral("AS %1").arg(s.rec.remoteAs) : QStringLiteral("AS ?");
        TopologyNode &n = externalNode(id, label, QStringLiteral("BGP peer of %1").arg(s.router));
        n.as = s.rec.remoteAs;
        if (!n.addresses.contains(s.neighbor))
            n.addresses << s.neighbor;
        return n.id;
    }

    void fillSessionEnd(TopologyEnd &e, const Session &s)
    {
        e.node = s.router;
        e.vrf = s.rec.vrf;
        e.as = s.rec.localAs;
        e.interfaceName = s.via;
        e.state = stateOf(s.rec.state);
        e.stateText = !s.rec.stateDetail.isEmpty() ? s.rec.stateDetail : bgpStateName(s.rec.state);
        if (!s.rec.adminEnabled && !e.stateText.contains(QLatin1String("admin"), Qt::CaseInsensitive))
            e.stateText += QStringLiteral(" (shut down)");
        const BgpNeighborRecord rec = s.rec;
        e.evidence << narrowed<BgpNeighborRecord>(part(s.router, QueryKind::BgpStatus),
                                                  [&](const BgpNeighborRecord &r) { return r == rec; });
    }

    // The end a session's row does not describe: the peer as this row names it.
    void fillSilentEnd(TopologyEnd &e, const QString &node, const Session &from)
    {
        e.node = node;
        e.address = from.neighbor;
        e.as = from.rec.remoteAs;
        e.state = TopologyState::Unknown;
        const RouterResult &bgp = part(node, QueryKind::BgpStatus);
        if (m_asked.contains(node) && readable(bgp)) {
            // Its table answered without this session: filtered out, or not configured there.
            e.stateText = QStringLiteral("no session towards %1 in its table").arg(from.router);
        } else {
            e.stateText = silence(node, QueryKind::BgpStatus);
            if (m_asked.contains(node) && !bgp.router.isEmpty())
                e.evidence << bgp;
        }
    }

    // Which end an edge names first: the provider's, else the inventory router's, else by name.
    bool providerFirst(const QString &x, const QString &y) const
    {
        const TopologyNode nx = m_nodes.value(x), ny = m_nodes.value(y);
        if ((nx.side == TopologySide::Provider) != (ny.side == TopologySide::Provider))
            return nx.side == TopologySide::Provider;
        if ((nx.kind == TopologyNodeKind::External) != (ny.kind == TopologyNodeKind::External))
            return ny.kind == TopologyNodeKind::External;
        return x <= y;
    }

    void sessionEdges()
    {
        for (int i = 0; i < m_sessions.size(); ++i) {
            Session &s = m_sessions[i];
            if (s.pair >= 0 && s.pair < i)
                continue; // drawn with its pair
            if (s.owner.isEmpty())
                s.owner = externalPeer(s);
            TopologyEdge e;
            e.kind = TopologyEdgeKind::Session;
            e.addressFamily = s.rec.addressFamily;
            e.connectionId = s.connectionId;
            e.matchedBy = s.matchedBy;
            fillSessionEnd(e.a, s);
            if (s.pair >= 0) {
                const Session &t = m_sessions[s.pair];
                fillSessionEnd(e.b, t);
                e.a.address = t.neighbor;
                e.b.address = s.neighbor;
                if (e.matchedBy == u"paired")
                    e.matchedBy = t.matchedBy;
                if (e.connectionId.isEmpty())
                    e.connectionId = t.connectionId;
            } else {
                fillSilentEnd(e.b, s.owner, s);
                e.a.address = ownAddressFor(s);
            }
            if (!providerFirst(e.a.node, e.b.node))
                std::swap(e.a, e.b);
            e.state = combine(e.a.state, e.b.state);
            if (!e.connectionId.isEmpty())
                m_coveredSessions.insert(e.connectionId + QLatin1Char('|') + e.a.address + QLatin1Char('|') + e.b.address);
            m_edges.append(e);
        }
    }

    // This router's address on a session, when its connection says.
    QString ownAddressFor(const Session &s) const
    {
        for (const Connection &c : m_in.connections) {
            if (c.id != s.connectionId)
                continue;
            const bool v6 = isV6(s.neighbor);
            if (c.providerRouter == s.router)
                return normAddress(v6 ? c.providerAddress6 : c.providerAddress);
            if (c.customerRouter == s.router)
                return normAddress(v6 ? c.customerAddress6 : c.customerAddress);
        }
        return {};
    }

    // A connection with both AS numbers expects a BGP session per family it has addresses for;
    // one that no asked table showed is drawn too: Unknown when neither end could be read, Down
    // when an end's table answered without it.
    void connectionSessions()
    {
        for (const Connection &c : m_connections) {
            if (c.providerAs < 0 || c.customerAs < 0)
                continue;
            const struct {
                QString provider, customer, family;
            } families[] = {{c.providerAddress, c.customerAddress, QStringLiteral("ipv4-unicast")},
                            {c.providerAddress6, c.customerAddress6, QStringLiteral("ipv6-unicast")}};
            for (const auto &f : families) {
                if (f.provider.isEmpty() || f.customer.isEmpty())
                    continue;
                const QString pa = normAddress(f.provider), ca = normAddress(f.customer);
                if (m_coveredSessions.contains(c.id + QLatin1Char('|') + pa + QLatin1Char('|') + ca))
                    continue;
                TopologyEdge e;
                e.kind = TopologyEdgeKind::Session;
                e.addressFamily = f.family;
                e.connectionId = c.id;
                e.matchedBy = QStringLiteral("connection");
                e.a.node = routerNode(c.providerRouter).id;
                e.a.address = pa;
                e.a.as = c.providerAs;
                e.b.node = customerNodeOf(c);
                e.b.address = ca;
                e.b.as = c.customerAs;
                for (auto [end, peer] : {std::pair{&e.a, ca}, std::pair{&e.b, pa}}) {
                    const RouterResult &bgp = part(end->node, QueryKind::BgpStatus);
                    if (m_asked.contains(end->node) && readable(bgp)) {
                        end->state = TopologyState::Down;
                        end->stateText = QStringLiteral("no session to %1 configured").arg(peer);
                        end->evidence << narrowed<BgpNeighborRecord>(bgp, [](const BgpNeighborRecord &) { return false; });
                    } else {
                        end->state = TopologyState::Unknown;
                        end->stateText = silence(end->node, QueryKind::BgpStatus);
                        if (m_asked.contains(end->node) && !bgp.router.isEmpty())
                            end->evidence << bgp;
                    }
                }
                e.state = combine(e.a.state, e.b.state);
                m_edges.append(e);
            }
        }
    }

    // ---- the customer's map ---------------------------------------------------------------

    void keepCustomer()
    {
        QSet<QString> ids, theirs;
        for (const Connection &c : m_connections) {
            ids.insert(c.id);
            if (!c.customerRouter.isEmpty())
                theirs.insert(c.customerRouter);
            else
                theirs.insert(QStringLiteral("external:customer:%1").arg(c.id));
        }
        for (const TopologyNode &n : std::as_const(m_nodes))
            if (n.customer == m_in.customer)
                theirs.insert(n.id);
        m_edges.removeIf([&](const TopologyEdge &e) {
            if (ids.contains(e.connectionId) || theirs.contains(e.a.node) || theirs.contains(e.b.node))
                return false;
            return !(m_asked.contains(e.a.node) && m_asked.contains(e.b.node));
        });
    }

    // ---- result ---------------------------------------------------------------------------

    TopologyGraph finish()
    {
        TopologyGraph g;
        QSet<QString> used(m_asked.cbegin(), m_asked.cend());
        for (const TopologyEdge &e : std::as_const(m_edges)) {
            used.insert(e.a.node);
            used.insert(e.b.node);
        }
        // What the answers say about each node: its AS and its own addresses.
        QHash<QString, QMap<qint64, int>> asVotes;
        for (const TopologyEdge &e : std::as_const(m_edges)) {
            for (const TopologyEnd *end : {&e.a, &e.b}) {
                if (end->as >= 0)
                    asVotes[end->node][end->as] += 1;
            }
        }
        for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
            if (!used.contains(it.key()))
                continue;
            TopologyNode n = *it;
            const auto &votes = asVotes.value(n.id);
            if (n.as < 0 && !votes.isEmpty()) {
                n.as = votes.firstKey();
                for (auto v = votes.cbegin(); v != votes.cend(); ++v)
                    if (v.value() > votes.value(n.as))
                        n.as = v.key();
            }
            n.addresses.sort();
            g.nodes.append(n);
        }
        for (const Session &s : std::as_const(m_sessions)) {
            // The addresses other routers reach a node at.
            if (TopologyNode *n = nodeIn(g, s.owner); n && n->kind != TopologyNodeKind::External && isAddress(s.neighbor)
                && !n->addresses.contains(s.neighbor))
                n->addresses << s.neighbor;
        }
        for (TopologyNode &n : g.nodes)
            n.addresses.sort();
        std::sort(g.nodes.begin(), g.nodes.end(), [](const TopologyNode &x, const TopologyNode &y) {
            if (x.kind != y.kind)
                return int(x.kind) < int(y.kind);
            return x.id < y.id;
        });
        QHash<QString, int> seen;
        for (TopologyEdge &e : m_edges) {
            if (e.kind == TopologyEdgeKind::Link)
                e.id = QStringLiteral("link:%1:%2--%3:%4").arg(e.a.node, e.a.interfaceName, e.b.node, e.b.interfaceName);
            else
                e.id = QStringLiteral("session:%1:%2--%3:%4:%5:%6")
                           .arg(e.a.node, e.a.address, e.b.node, e.b.address, e.a.vrf.isEmpty() ? e.b.vrf : e.a.vrf, e.addressFamily);
            const int n = seen[e.id]++;
            if (n > 0)
                e.id += QStringLiteral("#%1").arg(n + 1);
            e.sources.removeDuplicates();
        }
        g.edges = m_edges;
        std::stable_sort(g.edges.begin(), g.edges.end(), [](const TopologyEdge &x, const TopologyEdge &y) {
            if (x.kind != y.kind)
                return x.kind == TopologyEdgeKind::Link;
            return x.id < y.id;
        });
        return g;
    }

    static TopologyNode *nodeIn(TopologyGraph &g, const QString &id)
    {
        for (TopologyNode &n : g.nodes)
            if (n.id == id)
                return &n;
        return nullptr;
    }

    const TopologyInput &m_in;
    QSet<QString> m_asked;
    QHash<QString, const Router *> m_inventory;
    QList<Connection> m_connections; // those this map draws
    QHash<QString, TopologyNode> m_nodes;
    QList<TopologyEdge> m_edges;
    Claims m_macs;      // MAC -> asked router
    Claims m_addresses; // address -> node
    QList<std::pair<QString, QString>> m_lldpMgmt; // management address -> node
    QList<Session> m_sessions;
    QHash<QString, QMultiHash<QString, const ArpRecord *>> m_arpIndex; // router -> address -> its entries
    QSet<QString> m_coveredSessions; // "connection|provider address|customer address"
};

} // namespace

TopologyGraph TopologyBuilder::build(const TopologyInput &input)
{
    return Builder(input).run();
}

} // namespace rl
