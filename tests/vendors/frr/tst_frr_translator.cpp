// FrrTranslator against outputs captured from the lab's FRR 8.4 router (tests/vendors/data/frr).
#include "tests/vendors/common/vendor_test_support.h"

#include "engine/vendors/frr/frr_parsers.h"
#include "engine/vendors/frr/frr_translator.h"

#include <QTest>

class TestFrrTranslator : public QObject
{
    Q_OBJECT
private slots:
    void pasted_data();
    void pasted() { rl::testing::runCapturedPasted(&m_t); }
    void captured_data();
    void captured() { rl::testing::runCaptured(&m_t); }
    void unreadableOutput_data();
    void unreadableOutput();
    void filteredRoutesUnreadable();
    void guardRefusesOtherCommands();
    void registryKnowsFrr();

private:
    rl::FrrTranslator m_t;
};

void TestFrrTranslator::captured_data()
{
    rl::testing::addCapturedColumns();
    // state kind params count errorCode match expect
    QTest::newRow("facts") << "normal" << "facts" << "" << 1 << "" << "" << "hostname=lab-frr;osVersion=FRRouting 8.4.4;uptimeSeconds=";
    QTest::newRow("links") << "normal" << "link-status" << "" << 5 << "" << "name=cust0" << "adminState=up;operState=up;mtu=1500";
    QTest::newRow("link one") << "normal" << "link-status" << "interface=cust0" << 1 << "" << "name=cust0" << "speedBps=10000000000";
    QTest::newRow("vlan untagged") << "normal" << "vlan-errors" << "interface=cust0" << 1 << "" << "interface=cust0" << "encapsulation=untagged;tagCheck=untagged;vlanId=";
    QTest::newRow("vlan none") << "normal" << "vlan-errors" << "" << 0 << "" << "" << "";
    QTest::newRow("bgp all") << "normal" << "bgp-status" << "" << 6 << "" << "neighbor=198.19.0.1;addressFamily=ipv6-unicast"
                             << "state=established;remoteAs=65002;localAs=65001;prefixesAccepted=2;prefixesSent=4;remoteRouterId=198.51.100.65;vrf=default;localAddress=198.19.0.0";
    QTest::newRow("bgp v6 peer") << "normal" << "bgp-status" << "neighbor=2001:db8:19:100::2" << 1 << "" << "addressFamily=ipv6-unicast" << "prefixesAccepted=1;description=acme CPE (connection acme-vlan100) IPv6";
    QTest::newRow("bgp af filter") << "normal" << "bgp-status" << "addressFamily=ipv4" << 3 << "" << "neighbor=198.19.0.66" << "prefixesAccepted=1;prefixesSent=7";
    QTest::newRow("bgp admin down") << "faults" << "bgp-status" << "neighbor=198.19.0.3" << 1 << "" << ""
                                    << "state=idle;adminEnabled=false;stateDetail=Idle (Admin);lastError=Admin. shutdown;prefixesAccepted=0";
    QTest::newRow("bgp hold timer") << "faults" << "bgp-status" << "neighbor=198.19.0.66" << 1 << "" << ""
                                    << "adminEnabled=true;lastError=Hold Timer Expired (code 0400, sent to the peer);remoteRouterId=;localAddress=";
    QTest::newRow("bgp empty tables") << "empty" << "bgp-status" << "" << 6 << "" << "neighbor=198.19.0.1;addressFamily=ipv4-unicast" << "prefixesAccepted=0;prefixesSent=0";
    QTest::newRow("arp") << "normal" << "arp-table" << "" << 9 << "" << "ip=198.19.0.66" << "interface=cust0;state=complete";
    QTest::newRow("arp customer gone") << "faults" << "arp-table" << "" << 7 << "" << "ip=198.19.0.1" << "interface=to-bird;state=complete";
    QTest::newRow("received") << "normal" << "received-routes" << "neighbor=198.19.0.1" << 4 << "" << "prefix=198.51.100.128/26"
                              << "asPath=65002 65003;origin=incomplete;nextHop=198.19.0.1;best=true";
    QTest::newRow("received none") << "faults" << "received-routes" << "neighbor=198.19.0.66" << 0 << "" << "" << "";
    QTest::newRow("received v6") << "normal" << "received-routes" << "neighbor=2001:db8:19:100::2" << 1 << "" << "" << "";
    // FRR's import prefix-list drops 198.51.100.192/27 (lab/fault.sh policy-deny): received-routes
    // still marks it "*>"; the filtered-routes follow-up names it, so it reads as not accepted.
    QTest::newRow("received, one filtered by policy") << "policy" << "received-routes" << "neighbor=198.19.0.66" << 2 << ""
                                                      << "prefix=198.51.100.192/27" << "valid=false;best=false";
    QTest::newRow("received, the other accepted") << "policy" << "received-routes" << "neighbor=198.19.0.66" << 2 << ""
                                                  << "prefix=203.0.113.224/27" << "valid=true;best=true";
    QTest::newRow("received, nothing filtered: no second round") << "policy" << "received-routes" << "neighbor=2001:db8:19:100::2" << 2 << ""
                                                                 << "prefix=2001:db8:a001::/48" << "valid=true";
    QTest::newRow("bgp counts after the policy") << "policy" << "bgp-status" << "neighbor=198.19.0.66" << 1 << "" << ""
                                                 << "state=established;prefixesAccepted=1";
    QTest::newRow("advertised") << "normal" << "advertised-routes" << "neighbor=198.19.0.1" << 7 << "" << "prefix=198.51.100.0/26" << "asPath=;med=0";
    QTest::newRow("advertised empty") << "empty" << "advertised-routes" << "neighbor=198.19.0.1" << 0 << "" << "" << "";
    QTest::newRow("lookup") << "normal" << "route-lookup" << "destination=198.51.100.65" << 1 << "" << ""
                            << "prefix=198.51.100.64/26;protocol=bgp;nextHop=198.19.0.1;interface=to-bird;best=true";
    QTest::newRow("lookup v6") << "normal" << "route-lookup" << "destination=2001:db8:2000::1" << 1 << "" << "" << "prefix=2001:db8:2000::/48";
    QTest::newRow("lookup no route") << "faults" << "route-lookup" << "destination=203.0.113.225" << 0 << "" << "" << "";
    QTest::newRow("lldp") << "normal" << "lldp-neighbors" << "" << -1 << "unsupported-query" << "" << "";
    QTest::newRow("optics") << "normal" << "optics" << "" << -1 << "unsupported-query" << "" << "";
}

void TestFrrTranslator::unreadableOutput_data()
{
    // Handmade text (not captured): what a broken or unexpected answer looks like.
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("detailContains");
    QTest::newRow("vtysh complaint") << "bgp-status" << QByteArray("% Unknown command: show bgp vrf all neighbors json\n") << "line 1";
    QTest::newRow("truncated json") << "bgp-status" << QByteArray("{\"default\":{\"198.19.0.1\":{\"bgpState\":") << "offset";
    QTest::newRow("json array") << "link-status" << QByteArray("[1,2]") << "offset";
    QTest::newRow("neigh garbage") << "arp-table" << QByteArray("Interface Neighbor MAC #Rules\nto-bird not-an-ip xx 0\n") << "line 2";
    QTest::newRow("neigh no header") << "arp-table" << QByteArray("hello\n") << "line 1";
    QTest::newRow("version garbage") << "facts" << QByteArray("something else\n") << "line 1";
    QTest::newRow("nothing") << "route-lookup" << QByteArray("") << "offset";
}

void TestFrrTranslator::unreadableOutput()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, output);
    QFETCH(QString, detailContains);
    rl::QueryParams p;
    p.destination = QStringLiteral("198.51.100.1");
    const auto k = *rl::queryKindFromName(kind);
    const auto cmds = m_t.commands(k, p);
    QVERIFY(cmds.ok());
    rl::CommandOutput o;
    o.command = cmds->first();
    o.output = output;
    const auto res = m_t.parse(k, p, {o});
    QVERIFY(!res.ok());
    QCOMPARE(res.error().code, rl::ErrorCode::ParseError);
    QVERIFY2(res.error().detail.contains(detailContains), qPrintable(res.error().toString()));
}

void TestFrrTranslator::filteredRoutesUnreadable()
{
    // Handmade: a received-routes answer that counts a filtered route, and a second round that
    // vtysh refused. The routes must not be shown as all accepted.
    rl::QueryParams p;
    p.neighbor = QStringLiteral("198.19.0.66");
    const auto cmds = m_t.commands(rl::QueryKind::ReceivedRoutes, p);
    QVERIFY(cmds.ok());
    rl::CommandOutput first;
    first.command = cmds->first();
    first.output = QByteArray("{\"receivedRoutes\":{\"198.51.100.192/27\":{\"addrPrefix\":\"198.51.100.192\",\"prefixLen\":27,"
                              "\"network\":\"198.51.100.192/27\",\"nextHop\":\"198.19.0.66\",\"path\":\"65010\",\"bgpOriginCode\":\"i\","
                              "\"appliedStatusSymbols\":{\"*\":true,\">\":true}}},\n\"totalPrefixCounter\":1,\n\"filteredPrefixCounter\":1\n}\n");
    const auto more = m_t.followUpCommands(rl::QueryKind::ReceivedRoutes, p, {first});
    QVERIFY(more.ok());
    QCOMPARE(*more, QStringList{QStringLiteral("show bgp ipv4 unicast neighbors 198.19.0.66 filtered-routes json")});
    QVERIFY(!m_t.sessionProfile().guard.check(more->first()).isError());
    rl::CommandOutput second;
    second.command = more->first();
    second.output = QByteArray("% Unknown command: show bgp ipv4 unicast neighbors 198.19.0.66 filtered-routes json\n");
    second.exitStatus = 1;
    const auto res = m_t.parse(rl::QueryKind::ReceivedRoutes, p, {first, second});
    QVERIFY(!res.ok());
    QCOMPARE(res.error().code, rl::ErrorCode::ParseError);
    // Without the filtered count there is no second round.
    first.output.replace("\"filteredPrefixCounter\":1", "\"filteredPrefixCounter\":0");
    QCOMPARE(m_t.followUpCommands(rl::QueryKind::ReceivedRoutes, p, {first})->size(), 0);
    QVERIFY(m_t.parse(rl::QueryKind::ReceivedRoutes, p, {first}).ok());
}

void TestFrrTranslator::guardRefusesOtherCommands()
{
    const rl::CommandGuard g = m_t.sessionProfile().guard;
    QVERIFY(!g.check(QStringLiteral("show bgp vrf all neighbors json")).isError());
    QVERIFY(!g.check(QStringLiteral("show bgp vrf blue ipv6 unicast neighbors 2001:db8::1 received-routes json")).isError());
    QVERIFY(g.check(QStringLiteral("configure terminal")).isError());
    QVERIFY(g.check(QStringLiteral("show ip route 1.2.3.4 json' -c 'configure terminal")).isError());
    QVERIFY(g.check(QStringLiteral("show interface -x json")).isError());
    QVERIFY(g.check(QStringLiteral("show ip route 999.1.1.1 json")).isError());
    QVERIFY(g.check(QStringLiteral("show bgp ipv4 unicast neighbors foo received-routes json")).isError());
    QCOMPARE(m_t.sessionProfile().execWrapper, QStringLiteral("vtysh -c '%1'"));
}

void TestFrrTranslator::registryKnowsFrr()
{
    const rl::Translator *t = rl::TranslatorRegistry::find(QStringLiteral("frr"));
    QVERIFY(t != nullptr);
    QCOMPARE(t->vendor(), QStringLiteral("FRRouting"));
}

void TestFrrTranslator::pasted_data()
{
    rl::testing::addCapturedPastedColumns();
    QTest::newRow("version") << "normal" << "facts" << "vtysh -c 'show version'" << true << 1 << "show version";
    QTest::newRow("version bare") << "normal" << "facts" << "vtysh -c 'show version'" << false << 1 << "show version";
    QTest::newRow("bgp vrf all") << "normal" << "bgp-status" << "vtysh -c 'show bgp vrf all neighbors json'" << true << 6 << "show bgp vrf all neighbors json";
    QTest::newRow("bgp bare") << "faults" << "bgp-status" << "vtysh -c 'show bgp vrf all neighbors json'" << false << 6 << "show bgp vrf all neighbors json";
    QTest::newRow("bgp one neighbor") << "normal" << "bgp-status" << "vtysh -c 'show bgp neighbors 198.19.0.66 json'" << true << 1 << "198.19.0.66";
    QTest::newRow("neigh among others") << "faults" << "arp-table" << "vtysh -c 'show version'|vtysh -c 'show ip neigh'|vtysh -c 'show interface json'" << true << 7 << "show ip neigh";
    QTest::newRow("interfaces") << "normal" << "link-status" << "vtysh -c 'show interface json'" << false << 5 << "show interface json";
    QTest::newRow("received") << "normal" << "received-routes" << "vtysh -c 'show bgp ipv4 unicast neighbors 198.19.0.1 received-routes json'" << true << 4 << "received-routes";
    QTest::newRow("advertised not received") << "normal" << "received-routes" << "vtysh -c 'show bgp ipv4 unicast neighbors 198.19.0.1 advertised-routes json'" << true << -1 << "";
    QTest::newRow("advertised bare") << "normal" << "advertised-routes" << "vtysh -c 'show bgp ipv4 unicast neighbors 198.19.0.1 advertised-routes json'" << false << 7 << "advertised-routes";
    QTest::newRow("lookup") << "normal" << "route-lookup" << "vtysh -c 'show ip route 198.51.100.65 json'" << true << 1 << "show ip route 198.51.100.65 json";
    QTest::newRow("wrong kind") << "normal" << "bgp-status" << "vtysh -c 'show ip neigh'" << true << -1 << "";
}

QTEST_GUILESS_MAIN(TestFrrTranslator)
#include "tst_frr_translator.moc"
