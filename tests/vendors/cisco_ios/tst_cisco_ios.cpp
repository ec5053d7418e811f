#include "engine/vendors/common/commercial_cli.h"
#include "engine/vendors/translator.h"
#include "tests/vendors/common/vendor_test_support.h"

#include <QFile>
#include <QTest>

using namespace rl;

namespace {

using rl::testing::checkRow;
using rl::testing::fixture;

const Translator *ios()
{
    return rl::testing::registeredTranslator("cisco-ios");
}

} // namespace

class TestCiscoIos : public QObject
{
    Q_OBJECT

private slots:
    void interfaceFilterTakesShortNames_data();
    void interfaceFilterTakesShortNames();
    void sameInterface_data();
    void sameInterface();
    void errors_data();
    void errors();
    void liveParseUsesCommandContext();
    void commandsPassGuard_data();
    void commandsPassGuard();
    void guardRefusesWrites();
    void prompt();
};

void TestCiscoIos::errors_data()
{
    rl::testing::addErrorsColumns();
    QTest::newRow("summary truncated") << QueryKind::BgpStatus << "bgp_summary_truncated.txt" << "parse-error" << "line 6: 10.0.0.6";
    QTest::newRow("summary bad AS") << QueryKind::BgpStatus << "bgp_summary_garbage.txt" << "parse-error" << "line 5: 10.0.0.6";
    QTest::newRow("summary of prose") << QueryKind::BgpStatus << "not_router_output.txt" << "parse-error" << "Hello";
    QTest::newRow("routes truncated") << QueryKind::ReceivedRoutes << "received_routes_truncated.txt" << "parse-error" << "line 13:";
    QTest::newRow("routes bad next hop") << QueryKind::ReceivedRoutes << "received_routes_garbage.txt" << "parse-error" << "line 12:";
    QTest::newRow("routes of prose") << QueryKind::ReceivedRoutes << "not_router_output.txt" << "parse-error" << "Hello";
    QTest::newRow("routes of a summary") << QueryKind::ReceivedRoutes << "bgp_summary_ipv4.txt" << "parse-error" << "";
    QTest::newRow("routes counted, no table") << QueryKind::ReceivedRoutes << "received_routes_counted_no_table.txt" << "parse-error" << "line 5: Total number of prefixes 2";
    QTest::newRow("arp of bgp text") << QueryKind::ArpTable << "bgp_summary_vrf.txt" << "parse-error" << "";
    QTest::newRow("interfaces of prose") << QueryKind::LinkStatus << "not_router_output.txt" << "parse-error" << "Hello";
    QTest::newRow("version of prose") << QueryKind::Facts << "not_router_output.txt" << "parse-error" << "Hello";
}

void TestCiscoIos::errors()
{
    rl::testing::runErrors(ios());
}

void TestCiscoIos::liveParseUsesCommandContext()
{
    QueryParams p;
    p.vrf = QStringLiteral("CUST-A");
    const auto cmds = ios()->commands(QueryKind::BgpStatus, p);
    QVERIFY(cmds.ok());
    QCOMPARE(cmds->size(), 2);
    QCOMPARE(cmds->at(0), QStringLiteral("show bgp vpnv4 unicast vrf CUST-A summary"));
    QList<CommandOutput> outs;
    outs.append({cmds->at(0), fixture(ios()->platform(), QStringLiteral("bgp_summary_vrf.txt")), 0, 1});
    outs.append({cmds->at(1), QByteArray("BGP router identifier 172.31.1.1, local AS number 65000\n"), 0, 1});
    const auto r = ios()->parse(QueryKind::BgpStatus, p, outs);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->size(), 1);
    QCOMPARE(r->rows<BgpNeighborRecord>().at(0).vrf, QStringLiteral("CUST-A"));
    // Mismatched output count is an error, not a guess.
    outs.removeLast();
    QVERIFY(!ios()->parse(QueryKind::BgpStatus, p, outs).ok());
}

void TestCiscoIos::commandsPassGuard_data()
{
    rl::testing::addCommandsPassGuardRows("GigabitEthernet0/0/0.100");
}

void TestCiscoIos::commandsPassGuard()
{
    rl::testing::runCommandsPassGuard(ios(), {.unsupportedAllowed = false, .shellMode = false, .needsInterface = {}});
}

void TestCiscoIos::guardRefusesWrites()
{
    rl::testing::runGuardRefusesWrites(ios(), {"configure terminal", "reload", "clear ip bgp *", "show running-config", "copy run start",
                                                "show ip arp vrf X ; reload", "show ip route 10.0.0.1 | redirect flash:x", "write memory",
                                                "show bgp ipv4 unicast neighbors 10.0.0.1 received-routes\nreload"});
    // A parameter cannot smuggle a second command into the one built from it.
    const CommandGuard g = ios()->sessionProfile().guard;
    QueryParams p;
    p.neighbor = QStringLiteral("10.0.0.1 received-routes | include x");
    const auto cmds = ios()->commands(QueryKind::ReceivedRoutes, p);
    QVERIFY(cmds.ok());
    QVERIFY(g.check(cmds->first()).isError());
}

void TestCiscoIos::prompt()
{
    const QRegularExpression re(ios()->sessionProfile().promptPattern);
    QVERIFY(re.isValid());
    for (const char *p : {"edge1#", "edge1.lab#", "sw1.lab(s1)#", "edge-1.lab>", "RP/0/RSP0/CPU0:core-1.lab#"})
        QVERIFY2(re.match(QString::fromLatin1("\r\n") + QString::fromLatin1(p)).hasMatch(), p);
    QVERIFY(!re.match(QStringLiteral("Neighbor        V           AS MsgRcvd")).hasMatch());
}

void TestCiscoIos::interfaceFilterTakesShortNames_data()
{
    rl::testing::addInterfaceFilterColumns();
    QTest::newRow("optics, long name") << QueryKind::Optics << "transceiver_detail.txt" << "TenGigabitEthernet1/1/1" << 1 << "interface=Te1/1/1;temperatureC=34.5";
    QTest::newRow("optics, Gi long name") << QueryKind::Optics << "transceiver_gi.txt" << "GigabitEthernet0/0/1" << 1 << "interface=Gi0/0/1;rxPowerDbm=-6.4";
    QTest::newRow("optics, short name, lower case") << QueryKind::Optics << "transceiver_gi.txt" << "gi0/0/1" << 1 << "interface=Gi0/0/1";
    QTest::newRow("optics, other port") << QueryKind::Optics << "transceiver_gi.txt" << "GigabitEthernet0/0/3" << 0 << "";
    QTest::newRow("link status, short name") << QueryKind::LinkStatus << "show_interfaces.txt" << "Gi0/0/0" << 1 << "name=GigabitEthernet0/0/0";
}

void TestCiscoIos::interfaceFilterTakesShortNames()
{
    rl::testing::runInterfaceFilter(ios());
}

void TestCiscoIos::sameInterface_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("Gi") << "GigabitEthernet0/0/1" << "Gi0/0/1" << true;
    QTest::newRow("Gi lower case") << "gi0/0/1" << "GIGABITETHERNET0/0/1" << true;
    QTest::newRow("Gi other port") << "GigabitEthernet0/0/1" << "Gi0/0/10" << false;
    QTest::newRow("Te IOS") << "Te1/1/1" << "TenGigabitEthernet1/1/1" << true;
    QTest::newRow("Te XR") << "TenGigE0/1/0/3" << "Te0/1/0/3" << true;
    QTest::newRow("Hu") << "HundredGigE0/0/0/0" << "Hu0/0/0/0" << true;
    QTest::newRow("Fo") << "FortyGigabitEthernet1/0/49" << "Fo1/0/49" << true;
    QTest::newRow("Twe") << "TwentyFiveGigE1/0/1" << "Twe1/0/1" << true;
    QTest::newRow("Tw is two-gig, not 25G") << "TwentyFiveGigE1/0/1" << "Tw1/0/1" << false;
    QTest::newRow("Et EOS") << "Et1" << "Ethernet1" << true;
    QTest::newRow("Eth NX-OS") << "Eth1/1" << "Ethernet1/1" << true;
    QTest::newRow("Et not a longer port") << "Et1" << "Ethernet10" << false;
    QTest::newRow("Et subinterface") << "Et1.100" << "Ethernet1.100" << true;
    QTest::newRow("Et vs port of the subinterface") << "Et1" << "Ethernet1.100" << false;
    QTest::newRow("Po") << "Po10" << "Port-channel10" << true;
    QTest::newRow("Po EOS") << "port-channel10" << "Port-Channel10" << true;
    QTest::newRow("BE") << "BE10" << "Bundle-Ether10" << true;
    QTest::newRow("types differ") << "Gi0/0/1" << "Te0/0/1" << false;
    QTest::newRow("unknown type, same") << "ge-0/0/1" << "GE-0/0/1" << true;
    QTest::newRow("unknown type differs") << "ge-0/0/1" << "xe-0/0/1" << false;
    QTest::newRow("no port number") << "Gi" << "GigabitEthernet" << false;
    QTest::newRow("blank before the port") << "Gi 0/0/1" << "GigabitEthernet0/0/1" << true;
}

void TestCiscoIos::sameInterface()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(commercial::sameInterface(a, b), same);
    QCOMPARE(commercial::sameInterface(b, a), same);
}

QTEST_GUILESS_MAIN(TestCiscoIos)
#include "tst_cisco_ios.moc"
