// The topology map from the routers' answers: records built here, one rule per test.
#include "engine/diagnosis/topology.h"

#include <QTest>

using namespace rl;

namespace {

template<typename R>
RouterResult part(const QString &router, QueryKind kind, QList<R> rows)
{
    RouterResult r;
    r.router = router;
    r.records = RecordSet(kind, std::move(rows));
    return r;
}

RouterResult failed(const QString &router, QueryKind kind, ErrorCode code, const QString &message)
{
    RouterResult r;
    r.router = router;
    r.records = RecordSet(kind);
    r.error = Error(code, message);
    return r;
}

InterfaceRecord intf(const QString &name, const QString &mac, LinkState oper = LinkState::Up)
{
    InterfaceRecord i;
    i.name = name;
    i.adminState = LinkState::Up;
    i.operState = oper;
    i.mac = mac;
    return i;
}

BgpNeighborRecord bgp(const QString &neighbor, qint64 localAs, qint64 remoteAs, BgpState state,
                      const QString &family = QStringLiteral("ipv4-unicast"), const QString &vrf = QStringLiteral("default"),
                      const QString &rid = {})
{
    BgpNeighborRecord n;
    n.vrf = vrf;
    n.neighbor = neighbor;
    n.addressFamily = family;
    n.localAs = localAs;
    n.remoteAs = remoteAs;
    n.state = state;
    n.remoteRouterId = rid;
    return n;
}

ArpRecord arp(const QString &ip, const QString &mac, const QString &interfaceName, const QString &vrf = QStringLiteral("default"))
{
    return {vrf, ip, mac, interfaceName, 10, mac.isEmpty() ? NeighborState::Incomplete : NeighborState::Reachable};
}

LldpNeighborRecord lldp(const QString &local, const QString &system, const QString &port, const QString &mgmt = {})
{
    LldpNeighborRecord n;
    n.localInterface = local;
    n.remoteSystemName = system;
    n.remotePortId = port;
    n.remoteMgmtAddress = mgmt;
    return n;
}

Router router(const QString &name, const QString &role = {}, const QString &host = {})
{
    Router r;
    r.name = name;
    r.host = host.isEmpty() ? name + QStringLiteral(".example") : host;
    r.platform = QStringLiteral("frr");
    if (!role.isEmpty())
        r.tags.insert(QStringLiteral("role"), role);
    return r;
}

// A router's four answers; missing kinds answer an empty table.
struct Answers {
    QList<InterfaceRecord> links;
    QList<BgpNeighborRecord> sessions;
    QList<ArpRecord> arp;
    QList<LldpNeighborRecord> lldp;
};

TopologyAnswers answered(const QString &name, const Answers &a)
{
    TopologyAnswers t;
    t.links = part(name, QueryKind::LinkStatus, a.links);
    t.bgp = part(name, QueryKind::BgpStatus, a.sessions);
    t.arp = part(name, QueryKind::ArpTable, a.arp);
    t.lldp = part(name, QueryKind::LldpNeighbors, a.lldp);
    return t;
}

QList<const TopologyEdge *> edgesOf(const TopologyGraph &g, TopologyEdgeKind kind)
{
    QList<const TopologyEdge *> out;
    for (const TopologyEdge &e : g.edges)
        if (e.kind == kind)
            out << &e;
    return out;
}

// The one edge joining two nodes in a family ("" for links), or null.
const TopologyEdge *between(const TopologyGraph &g, const QString &x, const QString &y, const QString &family = {})
{
    const TopologyEdge *found = nullptr;
    for (const TopologyEdge &e : g.edges) {
        const bool ends = (e.a.node == x && e.b.node == y) || (e.a.node == y && e.b.node == x);
        const bool kind = family.isEmpty() ? e.kind == TopologyEdgeKind::Link
                                           : e.kind == TopologyEdgeKind::Session && e.addressFamily == family;
        if (ends && kind) {
            if (found)
                return nullptr; // not one
            found = &e;
        }
    }
    return found;
}

const TopologyEnd &endAt(const TopologyEdge &e, const QString &node)
{
    return e.a.node == node ? e.a : e.b;
}

// A provider edge and a customer router joined by a connection (dual stack, subinterfaces).
Connection connection()
{
    Connection c;
    c.id = QStringLiteral("acme-100");
    c.customer = QStringLiteral("acme");
    c.providerRouter = QStringLiteral("pe1");
    c.providerInterface = QStringLiteral("GigabitEthernet0/0/1.100");
    c.vlan = 100;
    c.providerAddress = QStringLiteral("198.51.100.1");
    c.customerAddress = QStringLiteral("198.51.100.2");
    c.providerAddress6 = QStringLiteral("2001:db8:100::1");
    c.customerAddress6 = QStringLiteral("2001:db8:100::2");
    c.providerAs = 64500;
    c.customerAs = 65010;
    c.customerRouter = QStringLiteral("ce1");
    c.customerInterface = QStringLiteral("eth1.100");
    return c;
}

} // namespace

class TestTopology : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bothEndsOfASessionAreOneEdge();
    void lldpLinkSeenFromBothEndsIsOneEdge();
    void connectionJoinsLinkAndSessions();
    void ipv6AddressesMatchWhateverTheirSpelling();
    void sessionsInDifferentVrfs();
    void peersOutsideTheSet();
    void unreadableAnswersAreUnknownNeverDown();
    void oneEndThatReadsIsEnough();
    void asNumbersPairOnlyWhenUnambiguous();
    void routerIdNamesThePeerElsewhere();
    void familyWithoutAddressesFollowsTheConnectionAs();
    void customerMapKeepsItsOwn();
    void customerRoutersOfAMap();
};

void TestTopology::bothEndsOfASessionAreOneEdge()
{
    // r1 and r2 each list the other; each one's ARP entry for its neighbor has a MAC of the other.
    TopologyInput in;
    in.routers = {"r1", "r2"};
    in.inventory = {router("r1"), router("r2")};
    in.answers["r1"] = answered("r1", {.links = {intf("eth0", "02:00:00:00:01:01")},
                                       .sessions = {bgp("198.18.5.2", 65001, 65002, BgpState::Established)},
                                       .arp = {arp("198.18.5.2", "02:00:00:00:02:01", "eth0")}});
    in.answers["r2"] = answered("r2", {.links = {intf("eth0", "02:00:00:00:02:01")},
                                       .sessions = {bgp("198.18.5.1", 65002, 65001, BgpState::Established)},
                                       .arp = {arp("198.18.5.1", "02:00:00:00:01:01", "eth0")}});
    const TopologyGraph g = TopologyBuilder::build(in);
    QCOMPARE(g.count(TopologyEdgeKind::Session), 1);
    const TopologyEdge *e = between(g, "r1", "r2", "ipv4-unicast");
    QVERIFY(e);
    QCOMPARE(e->matchedBy, QStringLiteral("arp"));
    QCOMPARE(e->state, TopologyState::Up);
    QCOMPARE(endAt(*e, "r1").address, QStringLiteral("198.18.5.1"));
    QCOMPARE(endAt(*e, "r2").address, QStringLiteral("198.18.5.2"));
    QCOMPARE(endAt(*e, "r1").as, 65001);
    QCOMPARE(endAt(*e, "r2").as, 65002);
    QCOMPARE(endAt(*e, "r1").interfaceName, QStringLiteral("eth0"));
    // both ends' rows are the evidence, one row each
    QCOMPARE(endAt(*e, "r1").evidence.size(), 1);
    QCOMPARE(endAt(*e, "r1").evidence.first().records.size(), 1);
    QCOMPARE(endAt(*e, "r2").evidence.first().records.rows<BgpNeighborRecord>().first().neighbor, QStringLiteral("198.18.5.1"));
    QCOMPARE(g.nodes.size(), 2);
    QCOMPARE(g.node("r2")->as, 65002);
    QVERIFY(g.node("r2")->addresses.contains("198.18.5.2"));

    // One end not established: the session is down, whatever the other says.
    in.answers["r2"].bgp = part("r2", QueryKind::BgpStatus,
                                QList<BgpNeighborRecord>{bgp("198.18.5.1", 65002, 65001, BgpState::Active)});
    const TopologyGraph down = TopologyBuilder::build(in);
    QCOMPARE(down.count(TopologyEdgeKind::Session), 1);
    QCOMPARE(between(down, "r1", "r2", "ipv4-unicast")->state, TopologyState::Down);
    QCOMPARE(endAt(*between(down, "r1", "r2", "ipv4-unicast"), "r2").stateText, QStringLiteral("active"));
}

void TestTopology::lldpLinkSeenFromBothEndsIsOneEdge()
{
    TopologyInput in;
    in.routers = {"pe1", "pe2"};
    in.inventory = {router("pe1", "pe"), router("pe2", "pe")};
    // Each side abbreviates the other's interface its own way.
    in.answers["pe1"] = answered("pe1", {.links = {intf("TenGigE0/0/0/0", "02:00:00:00:01:10")},
                                         .lldp = {lldp("Te0/0/0/0", "pe2.example.net", "xe-0/0/0")}});
    in.answers["pe2"] = answered("pe2", {.links = {intf("xe-0/0/0", "02:00:00:00:02:10", LinkState::Down)},
                                         .lldp = {lldp("xe-0/0/0", "pe1", "TenGigE0/0/0/0")}});
    const TopologyGraph g = TopologyBuilder::build(in);
    QCOMPARE(g.count(TopologyEdgeKind::Link), 1);
    const TopologyEdge *e = between(g, "pe1", "pe2");
    QVERIFY(e);
    QCOMPARE(endAt(*e, "pe1").interfaceName, QStringLiteral("TenGigE0/0/0/0"));
    QCOMPARE(endAt(*e, "pe2").interfaceName, QStringLiteral("xe-0/0/0"));
    QCOMPARE(endAt(*e, "pe1").state, TopologyState::Up);
    QCOMPARE(endAt(*e, "pe2").state, TopologyState::Down);
    QCOMPARE(e->state, TopologyState::Down);
    QCOMPARE(e->sources, QStringList{"lldp"});
    QVERIFY(e->connectionId.isEmpty());
    // Evidence: the interface row and the LLDP row of each end.
    QCOMPARE(endAt(*e, "pe2").evidence.size(), 2);
    QCOMPARE(endAt(*e, "pe2").evidence.at(0).records.kind(), QueryKind::LinkStatus);
    QCOMPARE(endAt(*e, "pe2").evidence.at(1).records.kind(), QueryKind::LldpNeighbors);
    QCOMPARE(g.node("pe1")->side, TopologySide::Provider);
}

void TestTopology::connectionJoinsLinkAndSessions()
{
    TopologyInput in;
    in.routers = {"pe1", "ce1"};
    in.inventory = {router("pe1"), router("ce1")};
    in.connections = {connection()};
    in.answers["pe1"] = answered(
        "pe1", {.links = {intf("GigabitEthernet0/0/1", "02:00:00:00:01:01"), intf("GigabitEthernet0/0/1.100", "02:00:00:00:01:01")},
                .sessions = {bgp("198.51.100.2", 64500, 65010, BgpState::Established),
                             bgp("2001:db8:100::2", 64500, 65010, BgpState::Idle, "ipv6-unicast")},
                .lldp = {lldp("Gi0/0/1", "ce1", "eth1")}});
    in.answers["ce1"] = answered("ce1", {.links = {intf("eth1", "02:00:00:00:02:01"), intf("eth1.100", "02:00:00:00:02:01")},
                                         .sessions = {bgp("198.51.100.1", 65010, 64500, BgpState::Established),
                                                      bgp("2001:db8:100::1", 65010, 64500, BgpState::Active, "ipv6-unicast")}});
    const TopologyGraph g = TopologyBuilder::build(in);
    // The LLDP link under the connection's subinterfaces is the connection's link, not a second one.
    QCOMPARE(g.count(TopologyEdgeKind::Link), 1);
    const TopologyEdge *link = between(g, "pe1", "ce1");
    QVERIFY(link);
    QCOMPARE(link->connectionId, QStringLiteral("acme-100"));
    QCOMPARE(link->sources, (QStringList{"lldp", "connection"}));
    QCOMPARE(link->a.node, QStringLiteral("pe1")); // the provider end first
    QCOMPARE(link->a.interfaceName, QStringLiteral("GigabitEthernet0/0/1.100"));
    QCOMPARE(link->b.interfaceName, QStringLiteral("eth1.100"));
    QCOMPARE(link->state, TopologyState::Up);

    QCOMPARE(g.count(TopologyEdgeKind::Session), 2);
    const TopologyEdge *v4 = between(g, "pe1", "ce1", "ipv4-unicast");
    const TopologyEdge *v6 = between(g, "pe1", "ce1", "ipv6-unicast");
    QVERIFY(v4 && v6);
    QCOMPARE(v4->matchedBy, QStringLiteral("connection"));
    QCOMPARE(v4->connectionId, QStringLiteral("acme-100"));
    QCOMPARE(v6->connectionId, QStringLiteral("acme-100"));
    QCOMPARE(v4->state, TopologyState::Up);
    QCOMPARE(v6->state, TopologyState::Down);
    QCOMPARE(v6->a.node, QStringLiteral("pe1"));
    QCOMPARE(v6->a.stateText, QStringLiteral("idle"));
    QCOMPARE(v6->b.stateText, QStringLiteral("active"));
    QCOMPARE(g.node("ce1")->side, TopologySide::Customer);
    QCOMPARE(g.node("ce1")->customer, QStringLiteral("acme"));
    QCOMPARE(g.node("pe1")->side, TopologySide::Provider);

    // A connection session neither table lists: drawn, and down because both tables answered.
    in.answers["ce1"].bgp = part("ce1", QueryKind::BgpStatus, QList<BgpNeighborRecord>{});
    in.answers["pe1"].bgp = part("pe1", QueryKind::BgpStatus, QList<BgpNeighborRecord>{});
    const TopologyGraph missing = TopologyBuilder::build(in);
    QCOMPARE(missing.count(TopologyEdgeKind::Session), 2);
    QCOMPARE(between(missing, "pe1", "ce1", "ipv4-unicast")->state, TopologyState::Down);
    QVERIFY(between(missing, "pe1", "ce1", "ipv4-unicast")->a.stateText.contains("no session"));
}

void TestTopology::ipv6AddressesMatchWhateverTheirSpelling()
{
    TopologyInput in;
    in.routers = {"pe1", "ce1"};
    in.inventory = {router("pe1"), router("ce1")};
    Connection c = connection();
    c.customerAddress6 = QStringLiteral("2001:DB8:100:0:0:0:0:2");
    in.connections = {c};
    in.answers["pe1"] = answered("pe1", {.sessions = {bgp("2001:db8:100::2", 64500, 65010, BgpState::Established, "ipv6-unicast")}});
    // The customer names the provider in a spelling of its own.
    in.answers["ce1"] = answered("ce1", {.sessions = {bgp("2001:0db8:0100::1", 65010, 64500, BgpState::Established,
                                                          "ipv6-unicast")}});
    const TopologyGraph g = TopologyBuilder::build(in);
    // v4 has no session in either table: one more (down) edge for it.
    const TopologyEdge *v6 = between(g, "pe1", "ce1", "ipv6-unicast");
    QVERIFY(v6);
    QCOMPARE(v6->state, TopologyState::Up);
    QCOMPARE(v6->b.address, QStringLiteral("2001:db8:100::2"));
    QCOMPARE(v6->a.address, QStringLiteral("2001:db8:100::1"));
    QVERIFY(!g.node("external:bgp:pe1:default:65010"));

    // Without a connection: the ND entry (link-local entries aside) names the peer by its MAC.
    TopologyInput nd;
    nd.routers = {"r1", "r2"};
    nd.inventory = {router("r1"), router("r2")};
    nd.answers["r1"] = answered("r1", {.links = {intf("eth0", "02:00:00:00:01:01")},
                                       .sessions = {bgp("2001:db8:5::2", 65001, 65002, BgpState::Established, "ipv6-unicast")},
                                       .arp = {arp("fe80::2", "02:00:00:00:02:01", "eth0"),
                                               arp("2001:db8:5:0::2", "02:00:00:00:02:01", "eth0")}});
    nd.answers["r2"] = answered("r2", {.links = {intf("eth0", "02:00:00:00:02:01")}});
    const TopologyGraph g2 = TopologyBuilder::build(nd);
    const TopologyEdge *e = between(g2, "r1", "r2", "ipv6-unicast");
    QVERIFY(e);
    QCOMPARE(e->matchedBy, QStringLiteral("arp"));
    // r2 answered a table without that session: its end cannot say, so it is not "down".
    QCOMPARE(endAt(*e, "r2").state, TopologyState::Unknown);
    QCOMPARE(e->state, TopologyState::Up);
}

void TestTopology::sessionsInDifferentVrfs()
{
    // One provider edge, two customers in two VRFs on the same (overlapping) addresses.
    TopologyInput in;
    in.routers = {"pe1", "ce-a", "ce-b"};
    in.inventory = {router("pe1", "pe"), router("ce-a", "ce"), router("ce-b", "ce")};
    in.answers["pe1"] = answered(
        "pe1", {.links = {intf("Gi0/1", "02:00:00:00:01:01"), intf("Gi0/2", "02:00:00:00:01:02")},
                .sessions = {bgp("10.0.0.2", 64500, 65001, BgpState::Established, "ipv4-unicast", "cust-a"),
                             bgp("10.0.0.2", 64500, 65002, BgpState::Active, "ipv4-unicast", "cust-b")},
                .arp = {arp("10.0.0.2", "02:00:00:00:0a:01", "Gi0/1", "cust-a"), arp("10.0.0.2", "02:00:00:00:0b:01", "Gi0/2", "cust-b")}});
    in.answers["ce-a"] = answered("ce-a", {.links = {intf("eth0", "02:00:00:00:0a:01")},
                                           .sessions = {bgp("10.0.0.1", 65001, 64500, BgpState::Established)},
                                           .arp = {arp("10.0.0.1", "02:00:00:00:01:01", "eth0")}});
    in.answers["ce-b"] = answered("ce-b", {.links = {intf("eth0", "02:00:00:00:0b:01")},
                                           .sessions = {bgp("10.0.0.1", 65002, 64500, BgpState::Idle)},
                                           .arp = {arp("10.0.0.1", "02:00:00:00:01:02", "eth0")}});
    const TopologyGraph g = TopologyBuilder::build(in);
    QCOMPARE(g.count(TopologyEdgeKind::Session), 2);
    const TopologyEdge *a = between(g, "pe1", "ce-a", "ipv4-unicast");
    const TopologyEdge *b = between(g, "pe1", "ce-b", "ipv4-unicast");
    QVERIFY(a && b);
    QCOMPARE(endAt(*a, "pe1").vrf, QStringLiteral("cust-a"));
    QCOMPARE(endAt(*a, "ce-a").vrf, QStringLiteral("default"));
    QCOMPARE(endAt(*b, "pe1").vrf, QStringLiteral("cust-b"));
    QCOMPARE(endAt(*a, "pe1").interfaceName, QStringLiteral("Gi0/1"));
    QCOMPARE(endAt(*b, "pe1").interfaceName, QStringLiteral("Gi0/2"));
    QCOMPARE(a->state, TopologyState::Up);
    QCOMPARE(b->state, TopologyState::Down);
    QVERIFY(a->id != b->id);
    // No external node: every session found its router.
    for (const TopologyNode &n : g.nodes)
        QVERIFY2(n.kind != TopologyNodeKind::External, qPrintable(n.id));
}

void TestTopology::peersOutsideTheSet()
{
    TopologyInput in;
    in.routers = {"pe1"};
    in.inventory = {router("pe1", "pe"), router("pe2", "pe", "10.255.0.2")};
    in.answers["pe1"] = answered(
        "pe1", {.links = {intf("Gi0/1", "02:00:00:00:01:01"), intf("Gi0/2", "02:00:00:00:01:02")},
                .sessions = {bgp("203.0.113.9", 64500, 65099, BgpState::Established),
                             bgp("2001:db8:99::9", 64500, 65099, BgpState::Established, "ipv6-unicast"),
                             bgp("10.255.0.2", 64500, 64500, BgpState::Established)},
                .lldp = {lldp("Gi0/2", "upstream-sw1.example.org", "Ethernet7")}});
    const TopologyGraph g = TopologyBuilder::build(in);
    // The peer AS 65099 is outside the inventory: one external node for its two sessions.
    const TopologyNode *ext = g.node("external:bgp:pe1:default:65099");
    QVERIFY(ext);
    QCOMPARE(ext->kind, TopologyNodeKind::External);
    QCOMPARE(ext->label, QStringLiteral("AS 65099"));
    QCOMPARE(ext->as, 65099);
    QCOMPARE(ext->addresses, (QStringList{"2001:db8:99::9", "203.0.113.9"}));
    const TopologyEdge *e = between(g, "pe1", ext->id, "ipv4-unicast");
    QVERIFY(e);
    QVERIFY(e->matchedBy.isEmpty());
    QCOMPARE(endAt(*e, ext->id).stateText, QStringLiteral("not in the inventory"));
    QCOMPARE(endAt(*e, ext->id).state, TopologyState::Unknown);
    QCOMPARE(e->state, TopologyState::Up); // pe1 says established
    // pe2 is in the inventory (its host is the neighbor address) but was not asked.
    const TopologyNode *pe2 = g.node("pe2");
    QVERIFY(pe2);
    QCOMPARE(pe2->kind, TopologyNodeKind::Inventory);
    const TopologyEdge *ibgp = between(g, "pe1", "pe2", "ipv4-unicast");
    QVERIFY(ibgp);
    QCOMPARE(ibgp->matchedBy, QStringLiteral("inventory-host"));
    QCOMPARE(endAt(*ibgp, "pe2").stateText, QStringLiteral("not asked"));
    // The LLDP neighbor outside the inventory.
    const TopologyNode *sw = g.node("external:lldp:upstream-sw1.example.org");
    QVERIFY(sw);
    QCOMPARE(sw->kind, TopologyNodeKind::External);
    const TopologyEdge *l = between(g, "pe1", sw->id);
    QVERIFY(l);
    QCOMPARE(endAt(*l, sw->id).interfaceName, QStringLiteral("Ethernet7"));
    QCOMPARE(endAt(*l, "pe1").interfaceName, QStringLiteral("Gi0/2"));
    QCOMPARE(l->state, TopologyState::Up);
    QCOMPARE(g.nodes.first().id, QStringLiteral("pe1")); // asked routers first
}

void TestTopology::unreadableAnswersAreUnknownNeverDown()
{
    TopologyInput in;
    in.routers = {"pe1", "ce1"};
    in.inventory = {router("pe1"), router("ce1")};
    in.connections = {connection()};
    TopologyAnswers pe;
    pe.links = failed("pe1", QueryKind::LinkStatus, ErrorCode::Timeout, "pe1 did not answer within 30 s.");
    pe.bgp = failed("pe1", QueryKind::BgpStatus, ErrorCode::ParseError, "No form of 'show bgp summary' matched line 1.");
    pe.arp = failed("pe1", QueryKind::ArpTable, ErrorCode::Timeout, "pe1 did not answer within 30 s.");
    pe.lldp = failed("pe1", QueryKind::LldpNeighbors, ErrorCode::UnsupportedQuery, "No LLDP on this platform.");
    in.answers["pe1"] = pe;
    TopologyAnswers ce;
    for (auto [slot, kind] : {std::pair{&ce.links, QueryKind::LinkStatus}, std::pair{&ce.bgp, QueryKind::BgpStatus},
                              std::pair{&ce.arp, QueryKind::ArpTable}, std::pair{&ce.lldp, QueryKind::LldpNeighbors}})
        *slot = failed("ce1", kind, ErrorCode::Unreachable, "ce1 is unreachable.");
    in.answers["ce1"] = ce;
    const TopologyGraph g = TopologyBuilder::build(in);
    // The connection's link and both of its sessions are drawn, every one unknown.
    QCOMPARE(g.count(TopologyEdgeKind::Link), 1);
    QCOMPARE(g.count(TopologyEdgeKind::Session), 2);
    for (const TopologyEdge &e : g.edges) {
        QCOMPARE(e.state, TopologyState::Unknown);
        QCOMPARE(e.a.state, TopologyState::Unknown);
        QCOMPARE(e.b.state, TopologyState::Unknown);
        QCOMPARE(e.connectionId, QStringLiteral("acme-100"));
    }
    const TopologyEdge *link = between(g, "pe1", "ce1");
    QVERIFY(link->a.stateText.contains("timeout"));
    QVERIFY(link->b.stateText.contains("unreachable"));
    // the error answers are the evidence the details show
    QCOMPARE(link->a.evidence.first().error.code, ErrorCode::Timeout);
    QVERIFY(between(g, "pe1", "ce1", "ipv4-unicast")->a.stateText.contains("parse-error"));
    QVERIFY(g.node("ce1")->problem.startsWith("unreachable"));
    QVERIFY(g.node("pe1")->problem.isEmpty() == false);
    QVERIFY(g.node("pe1")->problem.startsWith("timeout")); // not "this platform has no LLDP"

    // Not answered yet: unknown as well, and no node problem yet.
    TopologyInput pending = in;
    pending.answers.clear();
    const TopologyGraph p = TopologyBuilder::build(pending);
    for (const TopologyEdge &e : p.edges)
        QCOMPARE(e.state, TopologyState::Unknown);
    QCOMPARE(between(p, "pe1", "ce1")->a.stateText, QStringLiteral("no answer yet"));
    QVERIFY(p.node("ce1")->problem.isEmpty());
}

void TestTopology::oneEndThatReadsIsEnough()
{
    TopologyInput in;
    in.routers = {"pe1", "ce1"};
    in.inventory = {router("pe1"), router("ce1")};
    Connection c = connection();
    c.providerAddress6.clear();
    c.customerAddress6.clear();
    in.connections = {c};
    in.answers["pe1"] = answered("pe1", {.links = {intf("GigabitEthernet0/0/1", "02:00:00:00:01:01", LinkState::LowerLayerDown),
                                                   intf("GigabitEthernet0/0/1.100", "02:00:00:00:01:01", LinkState::Up)},
                                         .sessions = {bgp("198.51.100.2", 64500, 65010, BgpState::Established)}});
    TopologyAnswers ce;
    for (auto [slot, kind] : {std::pair{&ce.links, QueryKind::LinkStatus}, std::pair{&ce.bgp, QueryKind::BgpStatus},
                              std::pair{&ce.arp, QueryKind::ArpTable}, std::pair{&ce.lldp, QueryKind::LldpNeighbors}})
        *slot = failed("ce1", kind, ErrorCode::Timeout, "ce1 did not answer.");
    in.answers["ce1"] = ce;
    const TopologyGraph g = TopologyBuilder::build(in);
    // pe1 read its subinterface up on a port that is down: the link is down; ce1 could not say.
    const TopologyEdge *link = between(g, "pe1", "ce1");
    QVERIFY(link);
    QCOMPARE(link->a.state, TopologyState::Down);
    QVERIFY(link->a.stateText.contains("lower-layer-down"));
    QCOMPARE(link->b.state, TopologyState::Unknown);
    QCOMPARE(link->state, TopologyState::Down);
    const TopologyEdge *s = between(g, "pe1", "ce1", "ipv4-unicast");
    QVERIFY(s);
    QCOMPARE(s->state, TopologyState::Up);
    QCOMPARE(s->b.state, TopologyState::Unknown);
    QCOMPARE(s->b.evidence.first().error.code, ErrorCode::Timeout);
}

void TestTopology::asNumbersPairOnlyWhenUnambiguous()
{
    // No ARP entry (the link is down), no connection: two routers that each have one session
    // towards the other's AS on one subnet are its two ends.
    TopologyInput in;
    in.routers = {"r1", "r2"};
    in.inventory = {router("r1"), router("r2")};
    in.answers["r1"] = answered("r1", {.sessions = {bgp("198.18.7.5", 65002, 65003, BgpState::Idle)}});
    in.answers["r2"] = answered("r2", {.sessions = {bgp("198.18.7.4", 65003, 65002, BgpState::Active)}});
    TopologyGraph g = TopologyBuilder::build(in);
    const TopologyEdge *e = between(g, "r1", "r2", "ipv4-unicast");
    QVERIFY(e);
    QCOMPARE(e->matchedBy, QStringLiteral("as-numbers"));
    QCOMPARE(e->state, TopologyState::Down);

    // Addresses of two different subnets: no pairing, two external peers.
    in.answers["r2"].bgp = part("r2", QueryKind::BgpStatus, QList<BgpNeighborRecord>{bgp("203.0.113.4", 65003, 65002, BgpState::Active)});
    g = TopologyBuilder::build(in);
    QVERIFY(!between(g, "r1", "r2", "ipv4-unicast"));
    QCOMPARE(g.count(TopologyEdgeKind::Session), 2);

    // A third router in r2's AS with the same kind of session: which one is r1's peer is not
    // known, so none is claimed.
    in.answers["r2"].bgp = part("r2", QueryKind::BgpStatus, QList<BgpNeighborRecord>{bgp("198.18.7.4", 65003, 65002, BgpState::Active)});
    in.routers << "r3";
    in.inventory << router("r3");
    in.answers["r3"] = answered("r3", {.sessions = {bgp("198.18.7.6", 65003, 65002, BgpState::Active)}});
    g = TopologyBuilder::build(in);
    QVERIFY(!between(g, "r1", "r2", "ipv4-unicast"));
    QVERIFY(!between(g, "r1", "r3", "ipv4-unicast"));
    QCOMPARE(g.count(TopologyEdgeKind::Session), 3);
    for (const TopologyEdge &s : g.edges)
        QVERIFY(s.matchedBy.isEmpty());
}

void TestTopology::routerIdNamesThePeerElsewhere()
{
    // r1 knows r2 by ARP and sees its router id; r3 has no ARP entry but the same router id.
    TopologyInput in;
    in.routers = {"r1", "r2", "r3"};
    in.inventory = {router("r1"), router("r2"), router("r3")};
    in.answers["r1"] = answered("r1", {.sessions = {bgp("198.18.5.2", 65001, 65002, BgpState::Established, "ipv4-unicast",
                                                        "default", "198.18.255.2")},
                                       .arp = {arp("198.18.5.2", "02:00:00:00:02:01", "eth0")}});
    in.answers["r2"] = answered("r2", {.links = {intf("eth0", "02:00:00:00:02:01")}});
    in.answers["r3"] = answered("r3", {.sessions = {bgp("198.18.99.2", 65003, 65002, BgpState::Established, "ipv4-unicast",
                                                        "default", "198.18.255.2")}});
    const TopologyGraph g = TopologyBuilder::build(in);
    const TopologyEdge *e = between(g, "r3", "r2", "ipv4-unicast");
    QVERIFY(e);
    QCOMPARE(e->matchedBy, QStringLiteral("router-id"));
}

void TestTopology::familyWithoutAddressesFollowsTheConnectionAs()
{
    // The connection lists IPv4 addresses only; the provider also has an IPv6 session to the
    // customer's AS: that connection's session, on its customer router.
    TopologyInput in;
    in.routers = {"pe1", "ce1"};
    in.inventory = {router("pe1"), router("ce1")};
    Connection c = connection();
    c.providerAddress6.clear();
    c.customerAddress6.clear();
    in.connections = {c};
    in.answers["pe1"] = answered("pe1", {.sessions = {bgp("198.51.100.2", 64500, 65010, BgpState::Established),
                                                      bgp("2001:db8:77::2", 64500, 65010, BgpState::Active, "ipv6-unicast")}});
    in.answers["ce1"] = answered("ce1", {});
    in.answers["ce1"].bgp = failed("ce1", QueryKind::BgpStatus, ErrorCode::UnsupportedQuery, "No BGP daemon on this host.");
    const TopologyGraph g = TopologyBuilder::build(in);
    const TopologyEdge *v6 = between(g, "pe1", "ce1", "ipv6-unicast");
    QVERIFY(v6);
    QCOMPARE(v6->matchedBy, QStringLiteral("connection-as"));
    QCOMPARE(v6->connectionId, QStringLiteral("acme-100"));
    QVERIFY(v6->b.stateText.startsWith("cannot be asked"));
    QCOMPARE(v6->state, TopologyState::Down);
    // A second connection of that AS on the same router: which one is not known.
    Connection c2 = c;
    c2.id = QStringLiteral("acme-200");
    c2.customerAddress = QStringLiteral("198.51.100.6");
    c2.providerAddress = QStringLiteral("198.51.100.5");
    in.connections << c2;
    const TopologyGraph two = TopologyBuilder::build(in);
    QVERIFY(!between(two, "pe1", "ce1", "ipv6-unicast"));
}

void TestTopology::customerMapKeepsItsOwn()
{
    TopologyInput in;
    in.routers = TopologyBuilder::customerRouters("acme", {connection()}, {router("pe1"), router("ce1")});
    QCOMPARE(in.routers, (QStringList{"ce1", "pe1"}));
    in.inventory = {router("pe1", "pe"), router("ce1"), router("pe2", "pe"), router("ce9")};
    in.customer = QStringLiteral("acme");
    Connection other = connection();
    other.id = QStringLiteral("globex-1");
    other.customer = QStringLiteral("globex");
    other.customerRouter = QStringLiteral("ce9");
    other.providerInterface = QStringLiteral("GigabitEthernet0/0/2.200");
    other.customerAddress = QStringLiteral("198.51.100.10");
    other.customerAddress6.clear();
    in.connections = {connection(), other};
    in.answers["pe1"] = answered("pe1", {.links = {intf("GigabitEthernet0/0/1.100", "02:00:00:00:01:01"),
                                                   intf("TenGigE0/0/0/0", "02:00:00:00:01:10")},
                                         .sessions = {bgp("198.51.100.2", 64500, 65010, BgpState::Established),
                                                      bgp("198.51.100.10", 64500, 65010, BgpState::Established)},
                                         .lldp = {lldp("TenGigE0/0/0/0", "pe2", "xe-0/0/0")}});
    in.answers["ce1"] = answered("ce1", {.links = {intf("eth1.100", "02:00:00:00:02:01")},
                                         .sessions = {bgp("198.51.100.1", 65010, 64500, BgpState::Established),
                                                      bgp("10.9.9.9", 65010, 65010, BgpState::Established)}});
    const TopologyGraph g = TopologyBuilder::build(in);
    // acme's link and sessions, and ce1's own peer; not pe1's core link nor another customer.
    QVERIFY(between(g, "pe1", "ce1"));
    QVERIFY(between(g, "pe1", "ce1", "ipv4-unicast"));
    QVERIFY(!g.node("pe2"));
    QVERIFY(!g.node("ce9"));
    QVERIFY(g.node("external:bgp:ce1:default:65010"));
    for (const TopologyEdge &e : g.edges)
        QVERIFY2(e.connectionId != "globex-1", qPrintable(e.id));
}

void TestTopology::customerRoutersOfAMap()
{
    Connection unmanaged = connection();
    unmanaged.id = QStringLiteral("acme-2");
    unmanaged.providerRouter = QStringLiteral("pe2");
    unmanaged.customerRouter.clear();
    Connection gone = connection();
    gone.providerRouter = QStringLiteral("pe-retired");
    const QStringList r = TopologyBuilder::customerRouters("acme", {connection(), unmanaged, gone},
                                                           {router("pe1"), router("pe2"), router("ce1")});
    QCOMPARE(r, (QStringList{"ce1", "pe1", "pe2"}));
    QVERIFY(TopologyBuilder::customerRouters("nobody", {connection()}, {router("pe1")}).isEmpty());
}

QTEST_GUILESS_MAIN(TestTopology)
#include "tst_topology.moc"
