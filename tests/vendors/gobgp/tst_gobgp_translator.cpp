// GobgpTranslator against outputs captured from the lab's GoBGP 3.10 router (tests/vendors/data/gobgp).
#include "tests/vendors/common/vendor_test_support.h"

#include "engine/vendors/gobgp/gobgp_parsers.h"
#include "engine/vendors/gobgp/gobgp_translator.h"

#include <QTest>

class TestGobgpTranslator : public QObject
{
    Q_OBJECT
private slots:
    void pasted_data();
    void pasted() { rl::testing::runCapturedPasted(&m_t); }
    void captured_data();
    void captured() { rl::testing::runCaptured(&m_t); }
    void sessionStates_data();
    void sessionStates();
    void uptimeFromEpoch();
    void unreadableOutput();
    void guard();

private:
    rl::GobgpTranslator m_t;
};

void TestGobgpTranslator::captured_data()
{
    rl::testing::addCapturedColumns();
    QTest::newRow("facts") << "normal" << "facts" << "" << 1 << "" << "" << "hostname=lab-gobgp;vendor=GoBGP;platform=gobgp";
    QTest::newRow("bgp all") << "normal" << "bgp-status" << "" << 4 << "" << "neighbor=198.19.0.2"
                             << "addressFamily=ipv4-unicast;state=established;localAs=65003;remoteAs=65001;prefixesReceived=7;prefixesAccepted=5;prefixesSent=;remoteRouterId=198.51.100.1;description=lab-frr IPv4;localAddress=198.19.0.3";
    QTest::newRow("bgp v6") << "normal" << "bgp-status" << "addressFamily=ipv6" << 2 << "" << "neighbor=2001:db8:19:13::1" << "addressFamily=ipv6-unicast";
    QTest::newRow("bgp down") << "faults" << "bgp-status" << "" << 4 << "" << "neighbor=198.19.0.4"
                              << "state=active;prefixesReceived=0;prefixesAccepted=0;remoteRouterId=";
    QTest::newRow("bgp filter") << "faults" << "bgp-status" << "addressFamily=ipv4" << 2 << "" << "neighbor=198.19.0.2" << "adminEnabled=true";
    QTest::newRow("adj-in") << "normal" << "received-routes" << "neighbor=198.19.0.2" << 7 << "" << "prefix=198.51.100.0/26"
                            << "asPath=65001;nextHop=198.19.0.2;origin=igp;med=0";
    QTest::newRow("adj-in v6") << "normal" << "received-routes" << "neighbor=2001:db8:19:13::1" << 4 << "" << "" << "";
    QTest::newRow("adj-in session down") << "faults" << "received-routes" << "neighbor=198.19.0.2" << 0 << "" << "" << "";
    QTest::newRow("adj-in v6 session down") << "faults" << "received-routes" << "neighbor=2001:db8:19:23::2" << 0 << "" << "" << "";
    QTest::newRow("adj-in v6 up in faults") << "faults" << "received-routes" << "neighbor=2001:db8:19:13::1" << 3 << "" << "" << "";
    QTest::newRow("adj-in empty") << "empty" << "received-routes" << "neighbor=198.19.0.2" << 0 << "" << "" << "";
    QTest::newRow("adj-out") << "normal" << "advertised-routes" << "neighbor=198.19.0.2" << 4 << "" << "prefix=198.51.100.128/26"
                             << "asPath=65003;med=30;communities=65003:100;origin=incomplete";
    QTest::newRow("lookup") << "normal" << "route-lookup" << "destination=198.51.100.1" << 2 << "" << "best=true"
                            << "prefix=198.51.100.0/26;nextHop=198.19.0.2;protocol=bgp";
    QTest::newRow("lookup v6") << "normal" << "route-lookup" << "destination=2001:db8:1000::1" << 2 << "" << "best=true"
                               << "prefix=2001:db8:1000::/48;nextHop=2001:db8:19:13::1";
    QTest::newRow("lookup none") << "normal" << "route-lookup" << "destination=198.51.100.250" << 0 << "" << "" << "";
    QTest::newRow("links") << "normal" << "link-status" << "" << 4 << "" << "name=to-frr" << "adminState=up;operState=up";
    QTest::newRow("optics") << "normal" << "optics" << "" << -1 << "unsupported-query" << "" << "";
    QTest::newRow("vrf") << "normal" << "bgp-status" << "vrf=blue" << -1 << "unsupported-query" << "" << "";
}

void TestGobgpTranslator::sessionStates_data()
{
    QTest::addColumn<int>("number");
    QTest::addColumn<QString>("name");
    QTest::newRow("idle") << 1 << "idle";
    QTest::newRow("active") << 3 << "active";
    QTest::newRow("established") << 6 << "established";
    QTest::newRow("unknown") << 0 << "unknown";
}

void TestGobgpTranslator::sessionStates()
{
    QFETCH(int, number);
    QFETCH(QString, name);
    QCOMPARE(rl::bgpStateName(rl::GobgpParsers::sessionState(number)), name);
}

void TestGobgpTranslator::uptimeFromEpoch()
{
    // Handmade: GoBGP prints protobuf timestamps; admin_state 1 is "DOWN".
    const QByteArray json = R"({"conf":{"neighbor_address":"192.0.2.9","peer_asn":65009,"local_asn":65003},
        "state":{"session_state":1,"admin_state":1},
        "timers":{"state":{"uptime":{"seconds":1000},"downtime":{"seconds":1900}}},
        "afi_safis":[{"state":{"family":{"afi":1,"safi":1},"enabled":true}}]})";
    auto r = rl::GobgpParsers::neighbors(json, 2000);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->size(), 1);
    QCOMPARE(r->first().uptimeSeconds, 100);
    QCOMPARE(r->first().adminEnabled, false);
    QCOMPARE(r->first().stateDetail, QStringLiteral("idle (Admin)"));
    QCOMPARE(r->first().prefixesSent, 0); // a single neighbor's view: omitted means zero
}

void TestGobgpTranslator::unreadableOutput()
{
    QVERIFY(!rl::GobgpParsers::routes("{\"198.51.100.0/26\": 5}").ok());
    QVERIFY(!rl::GobgpParsers::routes("rpc error: code = Unavailable").ok());
    QCOMPARE(rl::GobgpParsers::neighbors("[{\"conf\":{}}]", 1).error().code, rl::ErrorCode::ParseError);
    QCOMPARE(rl::GobgpParsers::epoch("Thu Nov 26").error().code, rl::ErrorCode::ParseError);
    QVERIFY(rl::GobgpParsers::routes("{}").ok());
}

void TestGobgpTranslator::guard()
{
    const rl::CommandGuard g = m_t.sessionProfile().guard;
    QVERIFY(!g.check(QStringLiteral("date +%s")).isError());
    QVERIFY(!g.check(QStringLiteral("gobgp neighbor 2001:db8::1 adj-in -a ipv6 -j")).isError());
    QVERIFY(g.check(QStringLiteral("gobgp neighbor 198.19.0.2 disable")).isError());
    QVERIFY(g.check(QStringLiteral("gobgp global rib add 10.0.0.0/8")).isError());
    QVERIFY(g.check(QStringLiteral("gobgp neighbor -j --host 10.0.0.1")).isError());
}

void TestGobgpTranslator::pasted_data()
{
    rl::testing::addCapturedPastedColumns();
    QTest::newRow("neighbors with clock") << "normal" << "bgp-status" << "date +%s|gobgp neighbor -j" << true << 4 << "gobgp neighbor -j";
    QTest::newRow("neighbors bare") << "faults" << "bgp-status" << "gobgp neighbor -j" << false << 4 << "gobgp neighbor -j";
    QTest::newRow("adj-in") << "normal" << "received-routes" << "gobgp neighbor 198.19.0.2 adj-in -j" << true << 7 << "adj-in";
    QTest::newRow("adj-out among adj-in") << "normal" << "advertised-routes" << "gobgp neighbor 198.19.0.2 adj-in -j|gobgp neighbor 198.19.0.2 adj-out -j" << true << 4 << "adj-out";
    QTest::newRow("rib") << "normal" << "route-lookup" << "gobgp global rib 198.51.100.1 -j" << true << 2 << "global rib";
    QTest::newRow("host neigh") << "normal" << "arp-table" << "ip -j neigh show" << false << 8 << "ip -j neigh show";
}

QTEST_GUILESS_MAIN(TestGobgpTranslator)
#include "tst_gobgp_translator.moc"
