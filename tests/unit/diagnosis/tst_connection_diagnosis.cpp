#include "engine/diagnosis/connection_diagnosis.h"

#include <QTest>

using namespace rl;

Q_DECLARE_METATYPE(ConnectionEvidence)

class TestConnectionDiagnosis final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requests();
    void layers_data();
    void layers();
};

static Connection connection()
{
    Connection c;
    c.id = QStringLiteral("acme-1");
    c.customer = QStringLiteral("acme");
    c.providerRouter = QStringLiteral("pe1");
    c.providerInterface = QStringLiteral("eth1.100");
    c.vlan = 100;
    c.providerAddress = QStringLiteral("198.19.0.65");
    c.customerAddress = QStringLiteral("198.19.0.66");
    c.providerAs = 65001;
    c.customerAs = 65010;
    return c;
}

template<typename R>
static RouterResult part(QueryKind kind, QList<R> rows)
{
    RouterResult r;
    r.router = QStringLiteral("pe1");
    r.records = RecordSet(kind, std::move(rows));
    return r;
}

static ConnectionEvidence healthy()
{
    ConnectionEvidence e;
    InterfaceRecord parent;
    parent.name = QStringLiteral("eth1");
    parent.adminState = LinkState::Up;
    parent.operState = LinkState::Up;
    InterfaceRecord sub = parent;
    sub.name = QStringLiteral("eth1.100");
    e.link = part(QueryKind::LinkStatus, QList<InterfaceRecord>{parent, sub});
    VlanRecord v;
    v.interfaceName = QStringLiteral("eth1.100");
    v.vlanId = 100;
    v.unknownTagDrops = 0;
    e.vlan = part(QueryKind::VlanErrors, QList<VlanRecord>{v});
    e.arp = part(QueryKind::ArpTable, QList<ArpRecord>{{QStringLiteral("default"), QStringLiteral("198.19.0.66"),
                                                         QStringLiteral("02:00:00:00:00:66"), QStringLiteral("eth1.100"), 30,
                                                         NeighborState::Reachable}});
    BgpNeighborRecord n;
    n.neighbor = QStringLiteral("198.19.0.66");
    n.remoteAs = 65010;
    n.state = BgpState::Established;
    e.bgp = part(QueryKind::BgpStatus, QList<BgpNeighborRecord>{n});
    RouteRecord route;
    route.prefix = *IpPrefix::parse(std::string_view("203.0.113.224/27"));
    e.received = part(QueryKind::ReceivedRoutes, QList<RouteRecord>{route});
    e.advertised = part(QueryKind::AdvertisedRoutes, QList<RouteRecord>{route, route});
    return e;
}

void TestConnectionDiagnosis::requests()
{
    const QList<Request> reqs = ConnectionDiagnosis::requestsFor(connection(), ClientIdentity{});
    QCOMPARE(reqs.size(), 6);
    QCOMPARE(reqs[3].kind, QueryKind::BgpStatus);
    QCOMPARE(reqs[3].params.neighbor, QStringLiteral("198.19.0.66"));
    for (const Request &r : reqs)
        QCOMPARE(r.routers, QStringList{QStringLiteral("pe1")});
}

void TestConnectionDiagnosis::layers_data()
{
    QTest::addColumn<ConnectionEvidence>("evidence");
    QTest::addColumn<QString>("verdicts");   // link,vlan,arp,bgp,routes
    QTest::addColumn<QString>("cause");      // the likely-cause layer, or empty
    QTest::addColumn<QString>("mentions");   // in the cause's sentence

    QTest::newRow("healthy") << healthy() << "ok,ok,ok,ok,ok" << "" << "";

    ConnectionEvidence shut = healthy();
    shut.link.records.rows<InterfaceRecord>()[0].adminState = LinkState::AdminDown;
    shut.link.records.rows<InterfaceRecord>()[1].operState = LinkState::LowerLayerDown;
    QTest::newRow("parent shut") << shut << "fault,ok,ok,ok,ok" << "link" << "administratively down";

    ConnectionEvidence noSignal = healthy();
    noSignal.link.records.rows<InterfaceRecord>()[0].operState = LinkState::Down;
    QTest::newRow("no signal") << noSignal << "fault,ok,ok,ok,ok" << "link" << "no signal";

    ConnectionEvidence crc = healthy();
    crc.link.records.rows<InterfaceRecord>()[1].crcErrors = 17;
    QTest::newRow("crc errors") << crc << "warning,ok,ok,ok,ok" << "" << "";

    ConnectionEvidence wrongTag = healthy();
    wrongTag.vlan.records.rows<VlanRecord>()[0].vlanId = 101;
    QTest::newRow("wrong tag") << wrongTag << "ok,fault,ok,ok,ok" << "vlan" << "tagged 101";

    ConnectionEvidence arp = healthy();
    arp.arp.records.rows<ArpRecord>()[0].mac.clear();
    arp.arp.records.rows<ArpRecord>()[0].state = NeighborState::Incomplete;
    BgpNeighborRecord &n = arp.bgp.records.rows<BgpNeighborRecord>()[0];
    n.state = BgpState::Active;
    QTest::newRow("arp incomplete, bgp down as a consequence") << arp << "ok,ok,fault,fault,ok" << "arp" << "unresolved";

    ConnectionEvidence foreignTag = arp;
    foreignTag.vlan.records.rows<VlanRecord>()[0].unknownTagDrops = 47905;
    QTest::newRow("foreign tags while arp is unresolved: the vlan is the cause")
        << foreignTag << "ok,fault,fault,fault,ok" << "vlan" << "another VLAN than 100";

    ConnectionEvidence strayTags = healthy();
    strayTags.vlan.records.rows<VlanRecord>()[0].unknownTagDrops = 12;
    QTest::newRow("stray tags, customer answers") << strayTags << "ok,warning,ok,ok,ok" << "" << "";

    ConnectionEvidence bgpShut = healthy();
    bgpShut.bgp.records.rows<BgpNeighborRecord>()[0].adminEnabled = false;
    bgpShut.bgp.records.rows<BgpNeighborRecord>()[0].state = BgpState::Idle;
    QTest::newRow("bgp shut") << bgpShut << "ok,ok,ok,fault,ok" << "bgp" << "shut down";

    ConnectionEvidence wrongAs = healthy();
    wrongAs.bgp.records.rows<BgpNeighborRecord>()[0].remoteAs = 65011;
    wrongAs.bgp.records.rows<BgpNeighborRecord>()[0].state = BgpState::Active;
    QTest::newRow("wrong AS") << wrongAs << "ok,ok,ok,fault,ok" << "bgp" << "AS 65011";

    ConnectionEvidence nothingIn = healthy();
    nothingIn.received.records = RecordSet(QueryKind::ReceivedRoutes);
    QTest::newRow("nothing received") << nothingIn << "ok,ok,ok,ok,warning" << "" << "";

    ConnectionEvidence filtered = healthy();
    filtered.bgp.records.rows<BgpNeighborRecord>()[0].prefixesReceived = 3;
    filtered.bgp.records.rows<BgpNeighborRecord>()[0].prefixesAccepted = 2;
    QTest::newRow("received but not accepted") << filtered << "ok,ok,ok,ok,warning" << "" << "";

    ConnectionEvidence unreachable = healthy();
    unreachable.link.error = Error(ErrorCode::Unreachable, QStringLiteral("pe1 did not answer."));
    QTest::newRow("router unreachable") << unreachable << "unknown,ok,ok,ok,ok" << "" << "";
}

void TestConnectionDiagnosis::layers()
{
    QFETCH(ConnectionEvidence, evidence);
    QFETCH(QString, verdicts);
    QFETCH(QString, cause);
    QFETCH(QString, mentions);
    const QList<DiagnosisStep> steps = ConnectionDiagnosis::evaluate(connection(), evidence);
    QStringList got;
    QString gotCause;
    for (const DiagnosisStep &s : steps) {
        got.append(verdictName(s.verdict));
        QVERIFY(!s.finding.isEmpty());
        if (s.likelyCause) {
            QVERIFY2(gotCause.isEmpty(), "only one likely cause");
            gotCause = s.layer;
            QVERIFY2(s.finding.contains(mentions), qPrintable(s.finding));
        }
    }
    QCOMPARE(got.join(QLatin1Char(',')), verdicts);
    QCOMPARE(gotCause, cause);
}

QTEST_GUILESS_MAIN(TestConnectionDiagnosis)
#include "tst_connection_diagnosis.moc"
