#include "engine/vendors/common/commercial_cli.h"
#include "engine/vendors/translator.h"
#include "tests/vendors/common/vendor_test_support.h"

#include <QFile>
#include <QTest>

using namespace rl;

namespace {

using rl::testing::checkRow;
using rl::testing::sample;

const Translator *ios()
{
    return rl::testing::registeredTranslator("cisco-ios");
}

} // namespace

class TstCiscoIos : public QObject
{
    Q_OBJECT

private slots:
    void interfaceFilterTakesShortNames_data();
    void interfaceFilterTakesShortNames();
    void sameInterface_data();
    void sameInterface();
    void pasted_data();
    void pasted();
    void errors_data();
    void errors();
    void liveParseUsesCommandContext();
    void commandsPassGuard_data();
    void commandsPassGuard();
    void guardRefusesWrites();
    void prompt();
};

void TstCiscoIos::pasted_data()
{
    rl::testing::addPastedColumns();

    const auto bgp = QueryKind::BgpStatus;
    QTest::newRow("summary asdot local AS, 1y3w") << bgp << "bgp_summary_ipv4.txt" << "show bgp ipv4 unicast summary" << 7
        << 0 << "neighbor=10.0.0.2;state=established;prefixesReceived=1201;uptimeSeconds=33350400;localAs=4259840100;vrf=default;addressFamily=ipv4-unicast"
        << 1 << "remoteAs=4259840100;uptimeSeconds=3196800";
    QTest::newRow("summary Idle (Admin) asdot peer") << bgp << "bgp_summary_ipv4.txt" << "show bgp ipv4 unicast summary" << 7
        << 2 << "state=idle;stateDetail=Idle (Admin);adminEnabled=false;remoteAs=4259840200;uptimeSeconds=312"
        << 3 << "state=idle;stateDetail=Idle (PfxCt);adminEnabled=true;uptimeSeconds=93600";
    QTest::newRow("summary Active never, Connect") << bgp << "bgp_summary_ipv4.txt" << "show bgp ipv4 unicast summary" << 7
        << 4 << "state=active;uptimeSeconds=" << 5 << "state=connect;uptimeSeconds=3";
    QTest::newRow("ipv6 wrapped neighbors") << bgp << "bgp_summary_ipv6.txt" << "show bgp ipv6 unicast summary" << 3
        << 1 << "neighbor=2001:db8:ffff:1234:5678:9abc:def0:2;state=idle;remoteAs=65002;addressFamily=ipv6-unicast"
        << 2 << "neighbor=fe80::2%GigabitEthernet0/0/1;prefixesReceived=2;uptimeSeconds=3723";
    QTest::newRow("all summary sections") << bgp << "bgp_all_summary.txt" << "show bgp all summary" << 3
        << 0 << "addressFamily=ipv4-unicast;uptimeSeconds=1209600" << 2 << "addressFamily=vpnv4-unicast;state=active;remoteAs=64513";
    QTest::newRow("vrf summary") << bgp << "bgp_summary_vrf.txt" << "show ip bgp vpnv4 vrf CUST-A summary" << 1
        << 0 << "vrf=CUST-A;addressFamily=ipv4-unicast;prefixesReceived=5" << 0 << "";
    QTest::newRow("bgp not active is empty") << bgp << "bgp_summary_not_active.txt" << "show bgp ipv4 unicast summary" << 0
        << 0 << "" << 0 << "";

    const auto rr = QueryKind::ReceivedRoutes;
    QTest::newRow("received v4") << rr << "received_routes_ipv4.txt" << "show bgp ipv4 unicast neighbors 192.0.2.1 received-routes" << 6
        << 0 << "prefix=10.1.0.0/16;nextHop=192.0.2.1;asPath=65001 65002;origin=igp;med=0;best=true;localPref="
        << 1 << "prefix=10.1.0.0/16;nextHop=192.0.2.5;med=20;best=false;asPath=65003 65002";
    QTest::newRow("received v4 locpref, sets") << rr << "received_routes_ipv4.txt" << "show bgp ipv4 unicast neighbors 192.0.2.1 received-routes" << 6
        << 2 << "prefix=10.2.0.0/24;localPref=100;med=0;asPath=" << 3 << "asPath=65001 4259840100 {65010,65011};origin=incomplete;med=";
    QTest::newRow("received classful, wide metric") << rr << "received_routes_ipv4.txt" << "show bgp ipv4 unicast neighbors 192.0.2.1 received-routes" << 6
        << 4 << "prefix=172.16.0.0/16;origin=egp" << 5 << "med=4294967295;localPref=;asPath=65001 65001 65001";
    QTest::newRow("received v6 wrapped") << rr << "received_routes_ipv6.txt" << "show ip bgp neighbors <neighbor> received-routes" << 3
        << 1 << "prefix=2001:db8:1234:5678::/64;nextHop=fe80::1;asPath=65001 65002"
        << 2 << "prefix=2001:db8:1234:5678::/64;nextHop=2001:db8:ffff:1:2:3:4:5;best=false;med=0";
    QTest::newRow("received older IOS, codes touching network") << rr << "received_routes_old_ios.txt" << "show ip bgp neighbors <neighbor> received-routes" << 2
        << 0 << "prefix=10.2.0.0/24;localPref=100;med=0;best=true;asPath=" << 1 << "prefix=10.3.0.0/24;asPath=65001 65005;origin=egp";
    QTest::newRow("received empty") << rr << "received_routes_empty.txt" << "show bgp ipv4 unicast neighbors 192.0.2.9 received-routes" << 0
        << 0 << "" << 0 << "";

    QTest::newRow("received XE 17, network right of its column") << rr << "received_routes_xe17.txt" << "show bgp ipv4 unicast neighbors 192.0.2.1 received-routes" << 5
        << 0 << "prefix=10.1.1.0/24;nextHop=192.0.2.1;med=0;localPref=;best=true;asPath=65001 65010;origin=igp"
        << 1 << "prefix=10.1.1.0/24;nextHop=192.0.2.5;med=30;best=false;valid=true";
    QTest::newRow("received XE 17, locpref, RPKI code, wrapped v6") << rr << "received_routes_xe17.txt" << "show bgp ipv4 unicast neighbors 192.0.2.1 received-routes" << 5
        << 2 << "prefix=10.1.2.0/24;nextHop=10.255.0.3;med=0;localPref=100;asPath="
        << 4 << "prefix=2001:db8:4411:7700::/56;nextHop=192.0.2.1;med=0;asPath=65001";
    QTest::newRow("received XE 17, RPKI valid row") << rr << "received_routes_xe17.txt" << "show bgp ipv4 unicast neighbors 192.0.2.1 received-routes" << 5
        << 3 << "prefix=10.1.3.0/24;best=true;med=;asPath=65001;origin=incomplete" << 0 << "";
    QTest::newRow("received network left of its column") << rr << "received_routes_left_shift.txt" << "show bgp ipv6 unicast neighbors 2001:DB8:FFFF::1 received-routes" << 4
        << 0 << "prefix=2001:db8:10::/48;nextHop=2001:db8:ffff::1;med=0;asPath=65001"
        << 1 << "prefix=fd00:1::/32;nextHop=2001:db8:ffff::1;med=;asPath=65001 65020;origin=incomplete";
    QTest::newRow("received left of column, path row, touching codes") << rr << "received_routes_left_shift.txt" << "show bgp ipv6 unicast neighbors 2001:DB8:FFFF::1 received-routes" << 4
        << 2 << "prefix=fd00:1::/32;nextHop=2001:db8:ffff::5;med=20;best=false"
        << 3 << "prefix=10.9.0.0/16;localPref=100;best=true";
    QTest::newRow("received banner only, 0 prefixes") << rr << "received_routes_banner_only.txt" << "show bgp ipv4 unicast neighbors 192.0.2.11 received-routes" << 0
        << 0 << "" << 0 << "";
    QTest::newRow("interfaces") << QueryKind::LinkStatus << "show_interfaces.txt" << "show interfaces" << 4
        << 0 << "name=GigabitEthernet0/0/0;operState=up;mtu=1500;speedBps=1000000000;mac=00:a1:b2:c3:d4:e0;inErrors=7;crcErrors=4;inDiscards=12;outDiscards=5;inPackets=9876543;description=uplink to pe1.lab Gi0/0/3"
        << 3 << "adminState=admin-down;operState=down;mtu=9000;speedBps=10000000000";
    QTest::newRow("vlans dot1q and qinq") << QueryKind::VlanErrors << "show_interfaces.txt" << "show interfaces" << 2
        << 0 << "interface=GigabitEthernet0/0/0.100;parentInterface=GigabitEthernet0/0/0;vlanId=100;encapsulation=dot1q;unknownTagDrops=41;inPackets=5000"
        << 1 << "vlanId=200;innerVlanId=2001;encapsulation=qinq;operState=down";
    QTest::newRow("arp vrf") << QueryKind::ArpTable << "show_ip_arp.txt" << "show ip arp vrf CUST-A" << 3
        << 1 << "vrf=CUST-A;ip=172.31.1.2;mac=00:50:56:ab:cd:01;ageSeconds=720;interface=GigabitEthernet0/0/0.100;state=complete"
        << 2 << "mac=;state=incomplete";
    QTest::newRow("ipv6 neighbors") << QueryKind::ArpTable << "show_ipv6_neighbors.txt" << "show ipv6 neighbors" << 3
        << 1 << "ip=fe80::250:56ff:feab:cd02;state=stale;ageSeconds=180" << 2 << "state=incomplete;mac=";
    QTest::newRow("version xe") << QueryKind::Facts << "show_version_xe.txt" << "show version" << 1
        << 0 << "hostname=edge1.lab;osVersion=17.03.04a;model=ISR4331/K9;serial=FDO2122A1BC;uptimeSeconds=33537900" << 0 << "";
    QTest::newRow("version classic") << QueryKind::Facts << "show_version_classic.txt" << "show version" << 1
        << 0 << "hostname=branch-7;osVersion=15.7(3)M5;model=CISCO2911/K9;uptimeSeconds=7344180" << 0 << "";
    QTest::newRow("route lookup v4 multipath") << QueryKind::RouteLookup << "route_lookup_v4.txt" << "show ip route 10.1.2.3" << 2
        << 0 << "prefix=10.1.0.0/16;protocol=bgp;nextHop=192.0.2.1;best=true" << 1 << "nextHop=192.0.2.5;best=false";
    QTest::newRow("route lookup connected") << QueryKind::RouteLookup << "route_lookup_connected.txt" << "show ip route <destination>" << 1
        << 0 << "protocol=connected;interface=GigabitEthernet0/0/0;nextHop=" << 0 << "";
    QTest::newRow("route lookup v6") << QueryKind::RouteLookup << "route_lookup_v6.txt" << "show ip route <destination>" << 1
        << 0 << "prefix=2001:db8:1::/48;nextHop=fe80::1;interface=GigabitEthernet0/0/0" << 0 << "";
    QTest::newRow("route lookup none") << QueryKind::RouteLookup << "route_lookup_none.txt" << "show ip route 203.0.113.9" << 0
        << 0 << "" << 0 << "";
    QTest::newRow("lldp") << QueryKind::LldpNeighbors << "lldp_detail.txt" << "show lldp neighbors detail" << 2
        << 0 << "localInterface=Gi0/0/0;remoteSystemName=pe1.lab;remotePortId=Gi0/0/3;remoteMgmtAddress=10.255.0.9;capabilities=R"
        << 1 << "remoteSystemName=mx1.lab;remoteMgmtAddress=";
    QTest::newRow("optics") << QueryKind::Optics << "transceiver_detail.txt" << "show interfaces transceiver detail" << 2
        << 0 << "interface=Te1/1/1;temperatureC=34.5;biasMa=6.2;txPowerDbm=-2.3;rxPowerDbm=-3.1;rxLowWarnDbm=-13.9"
        << 1 << "rxPowerDbm=-19.2;txHighWarnDbm=-1.3";
}

void TstCiscoIos::pasted()
{
    rl::testing::runPasted(ios());
}

void TstCiscoIos::errors_data()
{
    rl::testing::addErrorsColumns();
    QTest::newRow("summary truncated") << QueryKind::BgpStatus << "bgp_summary_truncated.txt" << "parse-error" << "line 6: 10.0.0.6";
    QTest::newRow("summary bad AS") << QueryKind::BgpStatus << "bgp_summary_garbage.txt" << "parse-error" << "line 5: 10.0.0.6";
    QTest::newRow("summary of prose") << QueryKind::BgpStatus << "not_router_output.txt" << "parse-error" << "Hello";
    QTest::newRow("routes truncated") << QueryKind::ReceivedRoutes << "received_routes_truncated.txt" << "parse-error" << "line 13:";
    QTest::newRow("routes bad next hop") << QueryKind::ReceivedRoutes << "received_routes_garbage.txt" << "parse-error" << "line 12:";
    QTest::newRow("routes of prose") << QueryKind::ReceivedRoutes << "not_router_output.txt" << "parse-error" << "Hello";
    QTest::newRow("routes of a summary") << QueryKind::ReceivedRoutes << "bgp_summary_ipv4.txt" << "parse-error" << "";
    QTest::newRow("routes counted, no table") << QueryKind::ReceivedRoutes << "received_routes_counted_no_table.txt" << "parse-error" << "line 4: Total number of prefixes 2";
    QTest::newRow("arp of bgp text") << QueryKind::ArpTable << "bgp_summary_vrf.txt" << "parse-error" << "";
    QTest::newRow("interfaces of prose") << QueryKind::LinkStatus << "not_router_output.txt" << "parse-error" << "Hello";
    QTest::newRow("version of prose") << QueryKind::Facts << "not_router_output.txt" << "parse-error" << "Hello";
}

void TstCiscoIos::errors()
{
    rl::testing::runErrors(ios());
}

void TstCiscoIos::liveParseUsesCommandContext()
{
    QueryParams p;
    p.vrf = QStringLiteral("CUST-A");
    const auto cmds = ios()->commands(QueryKind::BgpStatus, p);
    QVERIFY(cmds.ok());
    QCOMPARE(cmds->size(), 2);
    QCOMPARE(cmds->at(0), QStringLiteral("show bgp vpnv4 unicast vrf CUST-A summary"));
    QList<CommandOutput> outs;
    outs.append({cmds->at(0), sample(QStringLiteral("bgp_summary_vrf.txt")), 0, 1});
    outs.append({cmds->at(1), QByteArray("BGP router identifier 172.31.1.1, local AS number 65000\n"), 0, 1});
    const auto r = ios()->parse(QueryKind::BgpStatus, p, outs);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->size(), 1);
    QCOMPARE(r->rows<BgpNeighborRecord>().at(0).vrf, QStringLiteral("CUST-A"));
    // Mismatched output count is an error, not a guess.
    outs.removeLast();
    QVERIFY(!ios()->parse(QueryKind::BgpStatus, p, outs).ok());
}

void TstCiscoIos::commandsPassGuard_data()
{
    rl::testing::addCommandsPassGuardRows("GigabitEthernet0/0/0.100");
}

void TstCiscoIos::commandsPassGuard()
{
    rl::testing::runCommandsPassGuard(ios(), {.unsupportedAllowed = false, .shellMode = false, .needsInterface = {}});
}

void TstCiscoIos::guardRefusesWrites()
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

void TstCiscoIos::prompt()
{
    const QRegularExpression re(ios()->sessionProfile().promptPattern);
    QVERIFY(re.isValid());
    for (const char *p : {"edge1#", "edge1.lab#", "sw1.lab(s1)#", "edge-1.lab>", "RP/0/RSP0/CPU0:core-1.lab#"})
        QVERIFY2(re.match(QString::fromLatin1("\r\n") + QString::fromLatin1(p)).hasMatch(), p);
    QVERIFY(!re.match(QStringLiteral("Neighbor        V           AS MsgRcvd")).hasMatch());
}

void TstCiscoIos::interfaceFilterTakesShortNames_data()
{
    rl::testing::addInterfaceFilterColumns();
    QTest::newRow("optics, long name") << QueryKind::Optics << "transceiver_detail.txt" << "TenGigabitEthernet1/1/1" << 1 << "interface=Te1/1/1;temperatureC=34.5";
    QTest::newRow("optics, Gi long name") << QueryKind::Optics << "transceiver_gi.txt" << "GigabitEthernet0/0/1" << 1 << "interface=Gi0/0/1;rxPowerDbm=-6.4";
    QTest::newRow("optics, short name, lower case") << QueryKind::Optics << "transceiver_gi.txt" << "gi0/0/1" << 1 << "interface=Gi0/0/1";
    QTest::newRow("optics, other port") << QueryKind::Optics << "transceiver_gi.txt" << "GigabitEthernet0/0/3" << 0 << "";
    QTest::newRow("link status, short name") << QueryKind::LinkStatus << "show_interfaces.txt" << "Gi0/0/0" << 1 << "name=GigabitEthernet0/0/0";
}

void TstCiscoIos::interfaceFilterTakesShortNames()
{
    rl::testing::runInterfaceFilter(ios());
}

void TstCiscoIos::sameInterface_data()
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

void TstCiscoIos::sameInterface()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(commercial::sameInterface(a, b), same);
    QCOMPARE(commercial::sameInterface(b, a), same);
}

QTEST_GUILESS_MAIN(TstCiscoIos)
#include "tst_cisco_ios.moc"
