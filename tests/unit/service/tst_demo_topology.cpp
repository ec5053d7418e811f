// The topology map of the built-in demo lab: real captures of FRR, BIRD, GoBGP and a Linux host
// (LLDP, BGP, interfaces, ARP / ND) and the provider network's documented output formats, asked
// through RouterDataService as the window asks them.
#include "engine/diagnosis/topology.h"
#include "engine/service/router_data_service.h"
#include "engine/storage/memory_result_store.h"

#include <QSignalSpy>
#include <QTest>

using namespace rl;

namespace {

const TopologyEdge *between(const TopologyGraph &g, const QString &x, const QString &y, const QString &family = {})
{
    const TopologyEdge *found = nullptr;
    for (const TopologyEdge &e : g.edges) {
        const bool ends = (e.a.node == x && e.b.node == y) || (e.a.node == y && e.b.node == x);
        const bool kind = family.isEmpty() ? e.kind == TopologyEdgeKind::Link
                                           : e.kind == TopologyEdgeKind::Session && e.addressFamily == family;
        if (ends && kind) {
            if (found)
                return nullptr;
            found = &e;
        }
    }
    return found;
}

QString describe(const TopologyGraph &g)
{
    QString out;
    for (const TopologyNode &n : g.nodes)
        out += QStringLiteral("node %1 [%2] %3\n").arg(n.id, topologyNodeKindName(n.kind), n.addresses.join(QLatin1Char(',')));
    for (const TopologyEdge &e : g.edges)
        out += QStringLiteral("%1 %2 %3 by=%4 conn=%5 (%6 | %7)\n")
                   .arg(e.id, topologyStateName(e.state), e.addressFamily, e.matchedBy, e.connectionId, e.a.stateText,
                        e.b.stateText);
    return out;
}

} // namespace

class TestDemoTopology : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void labRoutersFindEachOther();
    void providerNetworkAndItsCustomers();
    void customerMap();

private:
    TopologyGraph map(const QStringList &routers, const QString &customer = {});
    std::unique_ptr<RouterDataService> m_service;
};

void TestDemoTopology::initTestCase()
{
    RouterDataService::Backends b;
    b.store = std::make_shared<MemoryResultStore>();
    m_service = std::make_unique<RouterDataService>(EngineSettings::defaults(), b);
    m_service->useDemoLab();
}

TopologyGraph TestDemoTopology::map(const QStringList &routers, const QString &customer)
{
    QSignalSpy responses(m_service.get(), &RouterDataService::responseReady);
    TopologyInput in;
    in.routers = routers;
    in.customer = customer;
    in.inventory = m_service->inventory().routers();
    in.connections = m_service->inventory().connections();
    const QList<QueryKind> kinds = TopologyBuilder::queries();
    for (QueryKind k : kinds) {
        Request r;
        r.routers = routers;
        r.kind = k;
        m_service->submit(r);
    }
    [&] { QTRY_COMPARE_WITH_TIMEOUT(responses.size(), int(kinds.size()), 60000); }();
    for (const QList<QVariant> &args : std::as_const(responses)) {
        const Response resp = args.first().value<Response>();
        for (const RouterResult &part : resp.results) {
            TopologyAnswers &a = in.answers[part.router];
            switch (resp.kind) {
            case QueryKind::LldpNeighbors: a.lldp = part; break;
            case QueryKind::BgpStatus: a.bgp = part; break;
            case QueryKind::LinkStatus: a.links = part; break;
            case QueryKind::ArpTable: a.arp = part; break;
            default: break;
            }
        }
    }
    const TopologyGraph g = TopologyBuilder::build(in);
    if (qEnvironmentVariableIsSet("RL_TOPOLOGY_DUMP"))
        qInfo("%s", qPrintable(describe(g)));
    return g;
}

void TestDemoTopology::labRoutersFindEachOther()
{
    const TopologyGraph g = map({"lab-frr", "lab-bird", "lab-gobgp", "lab-host"});
    const QByteArray all = describe(g).toUtf8();
    // Every BGP peer of the lab is a lab router: no external node.
    for (const TopologyNode &n : g.nodes)
        QVERIFY2(n.kind == TopologyNodeKind::Asked, all.constData());
    QCOMPARE(g.nodes.size(), 4);

    // Links LLDP saw (FRR runs no LLDP: BIRD, GoBGP and the host saw it), and the acme connection.
    const TopologyEdge *frrBird = between(g, "lab-frr", "lab-bird");
    QVERIFY2(frrBird, all.constData());
    QCOMPARE(frrBird->state, TopologyState::Up);
    const TopologyEdge *frrHost = between(g, "lab-frr", "lab-host");
    QVERIFY2(frrHost, all.constData());
    QCOMPARE(frrHost->connectionId, QStringLiteral("acme-vlan100"));
    QCOMPARE(frrHost->sources, (QStringList{"lldp", "connection"}));
    QCOMPARE(frrHost->a.interfaceName, QStringLiteral("cust0"));
    QCOMPARE(frrHost->b.interfaceName, QStringLiteral("uplink0"));
    QVERIFY2(between(g, "lab-frr", "lab-gobgp"), all.constData());
    QCOMPARE(g.count(TopologyEdgeKind::Link), 3); // BIRD-GoBGP is down: no LLDP, no link drawn

    // The sessions, each once, both ends paired.
    const TopologyEdge *fb4 = between(g, "lab-frr", "lab-bird", "ipv4-unicast");
    const TopologyEdge *fb6 = between(g, "lab-frr", "lab-bird", "ipv6-unicast");
    QVERIFY2(fb4 && fb6, all.constData());
    QCOMPARE(fb4->matchedBy, QStringLiteral("arp"));
    QCOMPARE(fb4->state, TopologyState::Up);
    QCOMPARE(fb6->state, TopologyState::Up);
    // FRR's IPv4 session to GoBGP is shut down; the IPv6 one is up.
    const TopologyEdge *fg4 = between(g, "lab-frr", "lab-gobgp", "ipv4-unicast");
    const TopologyEdge *fg6 = between(g, "lab-frr", "lab-gobgp", "ipv6-unicast");
    QVERIFY2(fg4 && fg6, all.constData());
    QCOMPARE(fg4->state, TopologyState::Down);
    QCOMPARE(fg6->state, TopologyState::Up);
    // BIRD's link to GoBGP is down: no ARP entry, the ends are found by their AS numbers.
    const TopologyEdge *bg4 = between(g, "lab-bird", "lab-gobgp", "ipv4-unicast");
    const TopologyEdge *bg6 = between(g, "lab-bird", "lab-gobgp", "ipv6-unicast");
    QVERIFY2(bg4 && bg6, all.constData());
    QCOMPARE(bg4->matchedBy, QStringLiteral("as-numbers"));
    QCOMPARE(bg4->state, TopologyState::Down);
    QCOMPARE(bg6->state, TopologyState::Down);
    // The acme customer host runs no BGP: FRR's side tells, the host's side cannot be asked.
    const TopologyEdge *acme4 = between(g, "lab-frr", "lab-host", "ipv4-unicast");
    const TopologyEdge *acme6 = between(g, "lab-frr", "lab-host", "ipv6-unicast");
    QVERIFY2(acme4 && acme6, all.constData());
    QCOMPARE(acme4->connectionId, QStringLiteral("acme-vlan100"));
    QCOMPARE(acme6->connectionId, QStringLiteral("acme-vlan100"));
    QCOMPARE(acme4->state, TopologyState::Down);
    QCOMPARE(acme4->b.state, TopologyState::Unknown);
    QVERIFY(acme4->b.stateText.startsWith("cannot be asked"));
    QCOMPARE(g.count(TopologyEdgeKind::Session), 8);
}

void TestDemoTopology::providerNetworkAndItsCustomers()
{
    const TopologyGraph g = map({"pe1-par", "pe2-ams", "ce-globex", "ce-initech", "ce-umbrella"});
    const QByteArray all = describe(g).toUtf8();
    const TopologyEdge *core = between(g, "pe1-par", "pe2-ams");
    QVERIFY2(core, all.constData());
    QCOMPARE(core->state, TopologyState::Up);
    QCOMPARE(core->sources, QStringList{"lldp"});
    // iBGP between the loopbacks: no ARP for them, one session each way in AS 64500.
    const TopologyEdge *ibgp = between(g, "pe1-par", "pe2-ams", "ipv4-unicast");
    QVERIFY2(ibgp, all.constData());
    QCOMPARE(ibgp->matchedBy, QStringLiteral("as-numbers"));
    QCOMPARE(ibgp->state, TopologyState::Up);
    QVERIFY2(between(g, "pe1-par", "pe2-ams", "ipv6-unicast"), all.constData());

    struct Want {
        const char *ce, *pe, *connection;
        TopologyState sessions;
    };
    for (const Want &w : {Want{"ce-globex", "pe1-par", "globex-par-210", TopologyState::Down},
                          Want{"ce-initech", "pe1-par", "initech-par-300", TopologyState::Up},
                          Want{"ce-umbrella", "pe2-ams", "umbrella-ams-410", TopologyState::Up}}) {
        const TopologyEdge *link = between(g, w.pe, w.ce);
        QVERIFY2(link, qPrintable(QString::fromUtf8(w.ce) + "\n" + all));
        QCOMPARE(link->connectionId, QString::fromUtf8(w.connection));
        QCOMPARE(link->sources, (QStringList{"lldp", "connection"}));
        QCOMPARE(link->a.node, QString::fromUtf8(w.pe));
        QCOMPARE(link->state, TopologyState::Up); // globex's fault is its VLAN tag, not the link
        for (const char *family : {"ipv4-unicast", "ipv6-unicast"}) {
            const TopologyEdge *s = between(g, w.pe, w.ce, family);
            QVERIFY2(s, qPrintable(QString::fromUtf8(w.ce) + " " + family + "\n" + all));
            QCOMPARE(s->connectionId, QString::fromUtf8(w.connection));
            QCOMPARE(s->matchedBy, QStringLiteral("connection"));
            QCOMPARE(s->state, w.sessions);
        }
    }
    // The customers' own iBGP peers and LAN switches are outside the inventory.
    for (const char *ext : {"external:bgp:ce-globex:default:65101", "external:lldp:par-core1.globex.example"}) {
        const TopologyNode *n = g.node(ext);
        QVERIFY2(n, qPrintable(QString::fromUtf8(ext) + "\n" + all));
        QCOMPARE(n->kind, TopologyNodeKind::External);
    }
}

void TestDemoTopology::customerMap()
{
    const QStringList routers = TopologyBuilder::customerRouters("umbrella", m_service->inventory().connections(),
                                                                 m_service->inventory().routers());
    QCOMPARE(routers, (QStringList{"ce-umbrella", "pe2-ams"}));
    const TopologyGraph g = map(routers, "umbrella");
    const QByteArray all = describe(g).toUtf8();
    QVERIFY2(between(g, "pe2-ams", "ce-umbrella"), all.constData());
    // pe2-ams's core link and iBGP to pe1-par are not the customer's.
    QVERIFY2(!g.node("pe1-par"), all.constData());
    for (const TopologyEdge &e : g.edges)
        QVERIFY2(e.a.node == "ce-umbrella" || e.b.node == "ce-umbrella", qPrintable(e.id));
}

QTEST_GUILESS_MAIN(TestDemoTopology)
#include "tst_demo_topology.moc"
