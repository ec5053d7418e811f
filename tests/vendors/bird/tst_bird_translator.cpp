// BirdTranslator against outputs captured from the lab's BIRD 2.0.12 router (tests/vendors/data/bird).
#include "tests/vendors/common/vendor_test_support.h"

#include "engine/vendors/bird/bird_parsers.h"
#include "engine/vendors/bird/bird_translator.h"

#include <QTest>

class TestBirdTranslator : public QObject
{
    Q_OBJECT
private slots:
    void pasted_data();
    void pasted() { rl::testing::runCapturedPasted(&m_t); }
    void captured_data();
    void captured() { rl::testing::runCaptured(&m_t); }
    void routeTables_data();
    void routeTables();
    void unreadableOutput_data();
    void unreadableOutput();
    void guard();
    void protocolNamesFromTheRouterAreNotTrusted();
    void channelWithoutTable();

private:
    rl::BirdTranslator m_t;
};

void TestBirdTranslator::captured_data()
{
    rl::testing::addCapturedColumns();
    QTest::newRow("facts") << "normal" << "facts" << "" << 1 << "" << "" << "hostname=lab-bird;vendor=BIRD;osVersion=BIRD 2.0.12 on Linux 6.18.44-fc-v782";
    QTest::newRow("bgp all") << "normal" << "bgp-status" << "" << 4 << "" << "neighbor=198.19.0.0;addressFamily=ipv4-unicast"
                             << "state=established;localAs=65002;remoteAs=65001;remoteRouterId=198.51.100.1;prefixesAccepted=5;prefixesSent=4;uptimeSeconds=9;description=lab-frr PE (IPv4+IPv6);localAddress=198.19.0.1";
    QTest::newRow("bgp v6 channel") << "normal" << "bgp-status" << "neighbor=198.19.0.0;addressFamily=ipv6" << 1 << "" << "" << "addressFamily=ipv6-unicast;prefixesAccepted=3;prefixesSent=2";
    QTest::newRow("bgp lost") << "faults" << "bgp-status" << "neighbor=198.19.0.5" << 1 << "" << ""
                              << "state=idle;adminEnabled=true;lastError=Error: Neighbor lost;stateDetail=Idle Error: Neighbor lost;uptimeSeconds=18;prefixesAccepted=0;localAddress=";
    QTest::newRow("bgp v6 peer") << "faults" << "bgp-status" << "neighbor=2001:db8:19:23::3" << 1 << "" << "" << "addressFamily=ipv6-unicast;state=idle";
    QTest::newRow("bgp empty") << "empty" << "bgp-status" << "" << 4 << "" << "neighbor=198.19.0.0;addressFamily=ipv4-unicast" << "prefixesAccepted=0;prefixesSent=0";
    QTest::newRow("lookup") << "normal" << "route-lookup" << "destination=198.51.100.1" << 2 << "" << "best=true"
                            << "prefix=198.51.100.0/26;nextHop=198.19.0.0;interface=to-frr;asPath=65001;med=0;localPref=100;communities=65001:100;origin=igp;protocol=bgp";
    QTest::newRow("lookup v6") << "normal" << "route-lookup" << "destination=2001:db8:1000::1" << 2 << "" << "best=true" << "prefix=2001:db8:1000::/48";
    QTest::newRow("lookup none") << "normal" << "route-lookup" << "destination=198.51.100.250" << 0 << "" << "" << "";
    QTest::newRow("links") << "normal" << "link-status" << "" << 4 << "" << "name=to-frr" << "operState=up;adminState=up";
    // received/advertised routes: "show protocols all" finds the session's protocol name, then a second
    // round reads its channel's import or export table ("show route all import table frr.ipv4"), captured on the lab
    QTest::newRow("advertised") << "normal" << "advertised-routes" << "neighbor=198.19.0.0" << 4 << "" << "prefix=198.51.100.64/26"
                                << "med=20;communities=65002:100;origin=igp;protocol=static";
    QTest::newRow("advertised learned") << "normal" << "advertised-routes" << "neighbor=198.19.0.0" << 4 << "" << "prefix=198.51.100.128/26"
                                        << "asPath=65003;nextHop=198.19.0.5;med=30;communities=65003:100;origin=incomplete";
    QTest::newRow("advertised v6 on v4 session") << "normal" << "advertised-routes" << "neighbor=198.19.0.0;addressFamily=ipv6" << 2 << ""
                                                 << "" << "";
    QTest::newRow("advertised v6 peer") << "normal" << "advertised-routes" << "neighbor=2001:db8:19:23::3" << 3 << "" << "" << "";
    QTest::newRow("advertised no v6 channel") << "normal" << "advertised-routes" << "neighbor=198.19.0.5;addressFamily=ipv6" << -1
                                              << "invalid-request" << "" << "";
    QTest::newRow("advertised unknown peer") << "normal" << "advertised-routes" << "neighbor=198.19.0.9" << -1 << "invalid-request" << "" << "";
    QTest::newRow("received") << "normal" << "received-routes" << "neighbor=198.19.0.0" << 5 << "" << "prefix=198.51.100.0/26"
                              << "nextHop=198.19.0.0;interface=to-frr;asPath=65001;med=0;localPref=100;communities=65001:100;origin=igp";
    // the import table holds what the neighbor sent, whether or not BIRD chose it (it prefers GoBGP's own path)
    QTest::newRow("received not chosen") << "normal" << "received-routes" << "neighbor=198.19.0.0" << 5 << "" << "prefix=203.0.113.192/27"
                                         << "asPath=65001 65003;origin=incomplete;communities=65003:200";
    QTest::newRow("received v6 on v4 session") << "normal" << "received-routes" << "neighbor=198.19.0.0;addressFamily=ipv6" << 3 << ""
                                               << "prefix=2001:db8:1000::/48" << "best=true;asPath=65001;interface=to-frr";
    QTest::newRow("received v6") << "normal" << "received-routes" << "neighbor=2001:db8:19:23::3" << 3 << "" << "prefix=2001:db8:3000::/48"
                                 << "asPath=65003;origin=incomplete;nextHop=2001:db8:19:23::3";
    QTest::newRow("received gobgp4") << "normal" << "received-routes" << "neighbor=198.19.0.5" << 5 << "" << "" << "";
    QTest::newRow("received unknown peer") << "normal" << "received-routes" << "neighbor=198.19.0.9" << -1 << "invalid-request" << "" << "";
    QTest::newRow("received empty") << "empty" << "received-routes" << "neighbor=198.19.0.0" << 0 << "" << "" << "";
    // the link to GoBGP is down: its channel is not up, BIRD keeps no tables for it, nothing is sent or received
    QTest::newRow("advertised session down") << "faults" << "advertised-routes" << "neighbor=198.19.0.5" << 0 << "" << "" << "";
    QTest::newRow("received session down") << "faults" << "received-routes" << "neighbor=198.19.0.5" << 0 << "" << "" << "";
    QTest::newRow("received up in faults") << "faults" << "received-routes" << "neighbor=198.19.0.0" << 2 << "" << "" << "";
}

void TestBirdTranslator::routeTables_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("asPath");
    QTest::addColumn<QString>("origin");
    QTest::newRow("import frr v4") << "normal/show_route_all_import_table_frr_ipv4.txt" << 5 << "203.0.113.192/27" << "65001 65003" << "incomplete";
    QTest::newRow("all") << "normal/show_route_all.txt" << -1 << "198.51.100.0/26" << "65001" << "igp";
    QTest::newRow("import empty") << "empty/show_route_all_import_table_frr_ipv4.txt" << 0 << "" << "" << "";
}

void TestBirdTranslator::routeTables()
{
    // Per-protocol import/export tables (what parsePasted reads) have the received-routes format.
    QFETCH(QString, file);
    QFETCH(int, count);
    QFETCH(QString, prefix);
    QFETCH(QString, asPath);
    QFETCH(QString, origin);
    const QByteArray text = rl::testing::readFile(rl::testing::dataDir(QStringLiteral("bird")) + file);
    QVERIFY(!text.isEmpty());
    const auto r = rl::BirdParsers::routes(text);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    if (count >= 0)
        QCOMPARE(r->size(), count);
    else
        QVERIFY(r->size() > 0);
    if (prefix.isEmpty())
        return;
    bool found = false;
    for (const rl::RouteRecord &x : *r) {
        if (x.prefix.toString() == prefix && x.asPath == asPath) {
            QCOMPARE(rl::routeOriginName(x.origin), origin);
            found = true;
        }
    }
    QVERIFY2(found, qPrintable(prefix));
}

void TestBirdTranslator::unreadableOutput_data()
{
    // Handmade text (not captured).
    QTest::addColumn<int>("which"); // 0 routes, 1 protocols, 2 status
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("detail");
    QTest::newRow("route garbage") << 0 << QByteArray("BIRD 2.0.12 ready.\nTable master4:\nthis is not a route\n") << "line 3";
    QTest::newRow("attr first") << 0 << QByteArray("\tBGP.origin: IGP\n") << "line 1";
    QTest::newRow("bad prefix") << 0 << QByteArray("300.1.1.0/24 unicast [x 07:00:00] * (100)\n") << "line 1";
    QTest::newRow("syntax error") << 0 << QByteArray("BIRD 2.0.12 ready.\nsyntax error, unexpected CF_SYM_UNDEFINED\n") << "line 2";
    QTest::newRow("no socket") << 1 << QByteArray("Unable to connect to server control socket (/run/bird/bird.ctl): No such file or directory\n") << "line 1";
    QTest::newRow("proto garbage") << 1 << QByteArray("BIRD 2.0.12 ready.\nName Proto Table State Since Info\n???\n") << "line 3";
    QTest::newRow("status garbage") << 2 << QByteArray("hello\n") << "line 1";
}

void TestBirdTranslator::unreadableOutput()
{
    QFETCH(int, which);
    QFETCH(QByteArray, text);
    QFETCH(QString, detail);
    rl::Error e;
    if (which == 0)
        e = rl::BirdParsers::routes(text).error();
    else if (which == 1)
        e = rl::BirdParsers::bgpProtocols(text, QDateTime::currentDateTimeUtc()).error();
    else
        e = rl::BirdParsers::status(text).error();
    QCOMPARE(e.code, rl::ErrorCode::ParseError);
    QVERIFY2(e.detail.contains(detail), qPrintable(e.toString()));
}

void TestBirdTranslator::guard()
{
    const rl::CommandGuard g = m_t.sessionProfile().guard;
    QVERIFY(!g.check(QStringLiteral("birdc show route all table master6 where from = 2001:db8:19:12::1")).isError());
    QVERIFY(g.check(QStringLiteral("birdc disable frr")).isError());
    QVERIFY(g.check(QStringLiteral("birdc configure")).isError());
    QVERIFY(g.check(QStringLiteral("birdc show route all table master4 where from = 1.2.3.4 || true")).isError());
    QVERIFY(!g.check(QStringLiteral("birdc show route all export table gobgp_4.ipv4")).isError());
    QVERIFY(g.check(QStringLiteral("birdc show route all export table x;reboot.ipv4")).isError());
    QVERIFY(g.check(QStringLiteral("birdc show route all export table frr.ipv4 && id")).isError());
}

void TestBirdTranslator::protocolNamesFromTheRouterAreNotTrusted()
{
    // The second round puts a name the router printed into a command: a name that is not a BIRD
    // symbol is refused, never quoted and sent.
    const QByteArray protocols = "BIRD 2.0.12 ready.\n"
                                 "Name       Proto      Table      State  Since         Info\n"
                                 "x$(reboot) BGP        ---        up     10:22:09.369  Established\n"
                                 "    Neighbor address: 198.19.0.0\n"
                                 "  Channel ipv4\n"
                                 "    State:          UP\n";
    rl::QueryParams p;
    p.neighbor = QStringLiteral("198.19.0.0");
    const auto more = m_t.followUpCommands(rl::QueryKind::AdvertisedRoutes, p,
                                           {rl::CommandOutput{QStringLiteral("birdc show protocols all"), protocols, 0, 0}});
    QVERIFY(!more.ok());
    QCOMPARE(more.error().code, rl::ErrorCode::UnsupportedQuery);
    QVERIFY2(more.error().message.contains(QLatin1String("Rename the protocol")), qPrintable(more.error().message));
}

void TestBirdTranslator::channelWithoutTable()
{
    // A channel that is up but was configured without "export table on".
    rl::QueryParams p;
    p.neighbor = QStringLiteral("198.19.0.0");
    const QByteArray protocols = rl::testing::readFile(rl::testing::dataDir(QStringLiteral("bird")) + QStringLiteral("normal/show_protocols_all.txt"));
    const QList<rl::CommandOutput> outs{
        {QStringLiteral("birdc show protocols all"), protocols, 0, 0},
        {QStringLiteral("birdc show route all export table frr.ipv4"), "BIRD 2.0.12 ready.\nNo export table in channel frr.ipv4\n", 1, 0}};
    const auto r = m_t.parse(rl::QueryKind::AdvertisedRoutes, p, outs);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, rl::ErrorCode::UnsupportedQuery);
    QVERIFY2(r.error().message.contains(QLatin1String("export table on;")), qPrintable(r.error().message));
}

void TestBirdTranslator::pasted_data()
{
    rl::testing::addCapturedPastedColumns();
    QTest::newRow("protocols with clock") << "faults" << "bgp-status" << "birdc show status|birdc show protocols all" << true << 4 << "birdc show protocols all";
    QTest::newRow("protocols bare") << "normal" << "bgp-status" << "birdc show protocols all" << false << 4 << "show protocols all";
    QTest::newRow("status facts") << "normal" << "facts" << "birdc show status" << true << 1 << "birdc show status";
    QTest::newRow("import table") << "normal" << "received-routes" << "birdc show route all import table frr.ipv4" << true << 5 << "import table frr.ipv4";
    QTest::newRow("where from") << "normal" << "received-routes" << "birdc show route all table master4 where from = 198.19.0.0" << true << 5 << "where from";
    QTest::newRow("export table") << "normal" << "advertised-routes" << "birdc show route all export table frr.ipv4" << true << 4 << "export table frr.ipv4";
    QTest::newRow("export bare") << "normal" << "advertised-routes" << "birdc show route all export table gobgp6.ipv6" << false << 3 << "export table";
    QTest::newRow("export is not received") << "normal" << "received-routes" << "birdc show route all export table frr.ipv4" << true << -1 << "";
    QTest::newRow("lookup") << "normal" << "route-lookup" << "birdc show route for 198.51.100.1 all" << true << 2 << "show route for";
    QTest::newRow("host links") << "normal" << "link-status" << "ip -j -s -d link show" << true << 4 << "ip -j -s -d link show";
}

QTEST_GUILESS_MAIN(TestBirdTranslator)
#include "tst_bird_translator.moc"
