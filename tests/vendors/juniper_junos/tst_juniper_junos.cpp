#include "engine/vendors/translator.h"
#include "tests/vendors/common/vendor_test_support.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace rl;
namespace {

using rl::testing::checkRow;
using rl::testing::sample;

const Translator *translator()
{
    return rl::testing::registeredTranslator("juniper-junos");
}

} // namespace

class TstJuniperJunos : public QObject
{
    Q_OBJECT

private slots:
    void pasted_data();
    void pasted();
    void errors_data();
    void errors();
    void linkStatusOfOneInterface_data();
    void linkStatusOfOneInterface();
    void commandsPassGuard_data();
    void commandsPassGuard();
    void guardRefusesWrites();
    void prompt();
    void receivedRoutesIncludeHidden();
    void xmlAndJsonReadAlike_data();
    void xmlAndJsonReadAlike();
};

void TstJuniperJunos::pasted_data()
{
    rl::testing::addPastedColumns();

    QTest::newRow("bgp per rib, Establ") << QueryKind::BgpStatus << "bgp_summary.json" << "show bgp summary | display json" << 5
        << 0 << "vrf=default;neighbor=10.0.3.2;addressFamily=ipv4-unicast;state=established;uptimeSeconds=788645;prefixesReceived=12;prefixesAccepted=11;description=to edge3"
        << 1 << "vrf=CUST-A;addressFamily=ipv4-unicast;prefixesReceived=2";
    QTest::newRow("bgp down peers, asdot, +port") << QueryKind::BgpStatus << "bgp_summary.json" << "show bgp summary | display json" << 5
        << 2 << "neighbor=2001:db8:0:3::2;addressFamily=ipv6-unicast;remoteAs=4259840100;state=active;uptimeSeconds=312"
        << 3 << "neighbor=10.0.3.6;state=idle;uptimeSeconds=7384";
    QTest::newRow("bgp Connect 1y3w") << QueryKind::BgpStatus << "bgp_summary.json" << "show bgp summary | display json" << 5
        << 4 << "state=connect;uptimeSeconds=33350400" << 4 << "";
    QTest::newRow("received routes") << QueryKind::ReceivedRoutes << "received_routes.json" << "show route receive-protocol bgp <neighbor> | display json" << 3
        << 0 << "prefix=10.1.0.0/16;nextHop=10.0.3.2;asPath=65001 65002;origin=igp;med=0;localPref=100;best=true"
        << 1 << "prefix=10.2.0.0/24;asPath=65001 {65010 65011};origin=incomplete;best=false";
    QTest::newRow("received route, empty path") << QueryKind::ReceivedRoutes << "received_routes.json" << "show route receive-protocol bgp <neighbor> | display json" << 3
        << 2 << "asPath=;origin=igp" << 2 << "";
    QTest::newRow("route lookup") << QueryKind::RouteLookup << "route_lookup.json" << "show route <destination> | display json" << 3
        << 0 << "prefix=10.0.3.0/30;protocol=connected;interface=ge-0/0/1.0;nextHop=" << 2 << "prefix=0.0.0.0/0;protocol=bgp;nextHop=10.0.3.6;interface=ge-0/0/2.0";
    QTest::newRow("interfaces") << QueryKind::LinkStatus << "interfaces_extensive.json" << "show interfaces extensive | display json" << 2
        << 0 << "name=ge-0/0/1;operState=up;mtu=1522;speedBps=1000000000;lastChangeSeconds=788640;inErrors=9;inDiscards=4;crcErrors=3;inPackets=123456"
        << 1 << "adminState=admin-down;speedBps=10000000000";
    QTest::newRow("vlans dot1q qinq, L2 drops") << QueryKind::VlanErrors << "interfaces_extensive.json" << "show interfaces extensive | display json" << 2
        << 0 << "interface=ge-0/0/1.100;parentInterface=ge-0/0/1;vlanId=100;encapsulation=dot1q;unknownTagDrops=17;mismatchedTagDrops=2;inPackets=1000"
        << 1 << "vlanId=200;innerVlanId=2001;encapsulation=qinq";
    QTest::newRow("arp") << QueryKind::ArpTable << "arp.json" << "show arp no-resolve | display json" << 2
        << 0 << "ip=10.0.3.2;mac=00:50:56:ab:03:02;interface=ge-0/0/1.0;state=complete" << 1 << "state=permanent";
    QTest::newRow("ipv6 nd") << QueryKind::ArpTable << "ipv6_neighbors.json" << "show ipv6 neighbors | display json" << 1
        << 0 << "ip=2001:db8:0:3::2;state=reachable;interface=ge-0/0/1.0" << 0 << "";
    QTest::newRow("version") << QueryKind::Facts << "version.json" << "show version | display json" << 1
        << 0 << "hostname=mx1.lab;model=mx204;osVersion=21.4R3-S2.3;vendor=Juniper" << 0 << "";
    QTest::newRow("version old") << QueryKind::Facts << "version_old.json" << "show version | display json" << 1
        << 0 << "osVersion=12.3X48-D105.4" << 0 << "";
    QTest::newRow("optics lanes") << QueryKind::Optics << "optics.json" << "show interfaces diagnostics optics | display json" << 3
        << 0 << "interface=xe-0/1/0;lane=;txPowerDbm=-2.21;rxPowerDbm=-3.05;temperatureC=34;biasMa=6.12;rxLowWarnDbm=-18.01"
        << 2 << "interface=et-0/0/0;lane=1;rxPowerDbm=;txPowerDbm=0.4";
    QTest::newRow("lldp") << QueryKind::LldpNeighbors << "lldp.json" << "show lldp neighbors | display json" << 1
        << 0 << "localInterface=ge-0/0/1;remoteSystemName=edge3.lab;remotePortId=Gi0/0/5" << 0 << "";

}

void TstJuniperJunos::pasted()
{
    rl::testing::runPasted(translator());
}

void TstJuniperJunos::errors_data()
{
    rl::testing::addErrorsColumns();

    QTest::newRow("truncated") << QueryKind::BgpStatus << "truncated.json" << "parse-error" << "bgp-information";
    QTest::newRow("syntax error") << QueryKind::BgpStatus << "syntax_error.txt" << "unsupported-query" << "syntax error";
    QTest::newRow("wrong document") << QueryKind::BgpStatus << "lldp.json" << "parse-error" << "lldp";

}

void TstJuniperJunos::errors()
{
    rl::testing::runErrors(translator());
}

void TstJuniperJunos::linkStatusOfOneInterface_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("checks");
    QTest::newRow("port") << "ge-0/0/2" << 1 << "name=ge-0/0/2;operState=up;mtu=1522;inPackets=555000";
    QTest::newRow("unit up") << "ge-0/0/2.410" << 1
        << "name=ge-0/0/2.410;adminState=up;operState=up;description=CUST-B access;mtu=1500;speedBps=1000000000;inPackets=7410;outPackets=6410;mac=00:05:86:71:22:02";
    QTest::newRow("unit disabled") << "ge-0/0/2.420" << 1 << "name=ge-0/0/2.420;adminState=admin-down;operState=down;mtu=";
    QTest::newRow("unit of a down port") << "ge-0/0/3.0" << 1 << "name=ge-0/0/3.0;adminState=up;operState=down";
    QTest::newRow("unit without flags takes the port's state") << "ge-0/0/2.32767" << 1 << "adminState=up;operState=up";
    QTest::newRow("name in capitals") << "GE-0/0/2.410" << 1 << "name=ge-0/0/2.410";
    QTest::newRow("no such unit") << "ge-0/0/2.999" << 0 << "";
}

void TstJuniperJunos::linkStatusOfOneInterface()
{
    QFETCH(QString, name);
    QFETCH(int, rows);
    QFETCH(QString, checks);
    QueryParams p;
    p.interfaceName = name;
    const auto cmds = translator()->commands(QueryKind::LinkStatus, p);
    QVERIFY(cmds.ok());
    QCOMPARE(cmds->size(), 1);
    const auto r = translator()->parse(QueryKind::LinkStatus, p, {CommandOutput{cmds->at(0), sample(QStringLiteral("interfaces_logical.json")), 0, 1}});
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->size(), rows);
    checkRow(*r, 0, checks);
}

void TstJuniperJunos::commandsPassGuard_data()
{
    rl::testing::addCommandsPassGuardRows("ge-0/0/1.100");
}

void TstJuniperJunos::commandsPassGuard()
{
    rl::testing::runCommandsPassGuard(translator());
}

void TstJuniperJunos::guardRefusesWrites()
{
    rl::testing::runGuardRefusesWrites(translator());
}

void TstJuniperJunos::prompt()
{
    rl::testing::runPromptAfterOutput(translator(), QStringLiteral("user@mx1.lab> "));
}

// Issue 10 point 4: what the neighbor sent includes the routes the import policy rejected;
// the live path asks for them ("... hidden") and marks them not accepted.
void TstJuniperJunos::receivedRoutesIncludeHidden()
{
    QueryParams p;
    p.neighbor = QStringLiteral("10.0.3.2");
    const auto cmds = translator()->commands(QueryKind::ReceivedRoutes, p);
    QVERIFY(cmds.ok());
    QCOMPARE(cmds->size(), 2);
    QCOMPARE(cmds->at(0), QStringLiteral("show route receive-protocol bgp 10.0.3.2 table inet.0 | display json"));
    QCOMPARE(cmds->at(1), QStringLiteral("show route receive-protocol bgp 10.0.3.2 table inet.0 hidden | display json"));
    const SessionProfile profile = translator()->sessionProfile();
    for (const QString &c : *cmds)
        QVERIFY2(!profile.guard.check(c), qPrintable(c));
    QVERIFY(profile.guard.check(QStringLiteral("show route receive-protocol bgp 10.0.3.2 table inet.0 hidden detail | display json")));
    QVERIFY(profile.guard.check(QStringLiteral("show route receive-protocol bgp 10.0.3.2; hidden | display json")));

    const QByteArray table = sample(QStringLiteral("received_routes.json"));
    const auto r = translator()->parse(QueryKind::ReceivedRoutes, p,
                                       {CommandOutput{cmds->at(0), table, 0, 1}, CommandOutput{cmds->at(1), table, 0, 1}});
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    const auto &rows = r->rows<RouteRecord>();
    QCOMPARE(rows.size(), 6);
    for (qsizetype i = 0; i < 3; ++i)
        QVERIFY(rows.at(i).valid);
    for (qsizetype i = 3; i < 6; ++i) {
        QVERIFY(!rows.at(i).valid);
        QVERIFY(!rows.at(i).best); // a rejected route is never the one in use
    }
    // advertised routes have no hidden counterpart
    const auto adv = translator()->commands(QueryKind::AdvertisedRoutes, p);
    QVERIFY(adv.ok());
    QCOMPARE(adv->size(), 1);
}

// Junos renders one XML schema as XML or JSON: the same answer gives the same records
// (route tables: JSON streams through RouteTableJson, XML through the element tree).
void TstJuniperJunos::xmlAndJsonReadAlike_data()
{
    QTest::addColumn<QueryKind>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("rows");
    QTest::newRow("bgp summary in an instance") << QueryKind::BgpStatus << "bgp_summary_instance" << 3;
    QTest::newRow("received routes") << QueryKind::ReceivedRoutes << "received_routes" << 5;
}

void TstJuniperJunos::xmlAndJsonReadAlike()
{
    QFETCH(QueryKind, kind);
    QFETCH(QString, name);
    QFETCH(int, rows);
    const auto xml = translator()->parsePasted(kind, sample(name + QStringLiteral(".xml")));
    QVERIFY2(xml.ok(), qPrintable(xml.error().toString()));
    const QString json = name == u"received_routes" ? QStringLiteral("received_routes_same.json") : name + QStringLiteral(".json");
    const auto js = translator()->parsePasted(kind, sample(json));
    QVERIFY2(js.ok(), qPrintable(js.error().toString()));
    QCOMPARE(xml->records.size(), rows);
    QCOMPARE(xml->records.toJson(), js->records.toJson());
}

QTEST_GUILESS_MAIN(TstJuniperJunos)
#include "tst_juniper_junos.moc"
