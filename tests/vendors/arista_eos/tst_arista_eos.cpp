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
    return rl::testing::registeredTranslator("arista-eos");
}

} // namespace

class TstAristaEos : public QObject
{
    Q_OBJECT

private slots:
    void interfaceFilterTakesShortNames_data();
    void interfaceFilterTakesShortNames();
    void pasted_data();
    void pasted();
    void vlanErrorsJoinStatusAndCounters();
    void errors_data();
    void errors();
    void commandsPassGuard_data();
    void commandsPassGuard();
    void guardRefusesWrites();
    void prompt();
};

void TstAristaEos::pasted_data()
{
    rl::testing::addPastedColumns();

    QTest::newRow("bgp vrfs, asdot, Idle (Admin)") << QueryKind::BgpStatus << "bgp_summary_v4.json" << "show ip bgp summary vrf all | json" << 4
        << 0 << "vrf=default;neighbor=10.0.1.2;localAs=4259840100;remoteAs=4259840100;state=established;prefixesReceived=1201;prefixesAccepted=1199;addressFamily=ipv4-unicast"
        << 1 << "state=idle;stateDetail=Idle (Admin);adminEnabled=false;remoteAs=65002";
    QTest::newRow("bgp vrf CUST-A") << QueryKind::BgpStatus << "bgp_summary_v4.json" << "show ip bgp summary vrf all | json" << 4
        << 2 << "state=active;remoteAs=65003" << 3 << "vrf=CUST-A;neighbor=172.31.5.2;localAs=65000";
    QTest::newRow("received routes") << QueryKind::ReceivedRoutes << "received_routes.json" << "show ip bgp neighbors <neighbor> received-routes | json" << 3
        << 0 << "prefix=10.1.0.0/16;nextHop=10.0.1.2;asPath=65001 65002;origin=igp;med=0;localPref=100;best=true;valid=true"
        << 1 << "asPath=65001 {65010,65011};origin=incomplete;valid=false;best=false;med=";
    QTest::newRow("received routes empty path") << QueryKind::ReceivedRoutes << "received_routes.json" << "show ip bgp neighbors <neighbor> received-routes | json" << 3
        << 2 << "prefix=10.8.0.0/24;asPath=" << 2 << "";
    QTest::newRow("arp vrfs") << QueryKind::ArpTable << "arp.json" << "show ip arp vrf all | json" << 3
        << 0 << "vrf=default;ip=10.0.1.2;mac=00:50:56:ab:00:01;ageSeconds=212;state=complete;interface=Ethernet1"
        << 2 << "vrf=CUST-A;interface=Ethernet3.100";
    QTest::newRow("version") << QueryKind::Facts << "version.json" << "show version | json" << 1
        << 0 << "osVersion=4.28.3M;model=DCS-7280SR-48C6;serial=JPE12345678;uptimeSeconds=1209642;vendor=Arista" << 0 << "";
    QTest::newRow("hostname") << QueryKind::Facts << "hostname.json" << "show hostname | json" << 1 << 0 << "hostname=sw1" << 0 << "";
    QTest::newRow("interfaces") << QueryKind::LinkStatus << "interfaces.json" << "show interfaces | json" << 2
        << 0 << "name=Ethernet1;operState=up;adminState=up;speedBps=10000000000;mtu=9214;inPackets=1023;outPackets=911;inErrors=5;crcErrors=4;inDiscards=2"
        << 1 << "adminState=admin-down;operState=down";
    QTest::newRow("lldp") << QueryKind::LldpNeighbors << "lldp.json" << "show lldp neighbors detail | json" << 1
        << 0 << "localInterface=Ethernet1;remoteSystemName=edge1.lab;remotePortId=Gi0/0/2;remoteMgmtAddress=10.255.0.1;capabilities=bridge,router" << 0 << "";
    QTest::newRow("optics") << QueryKind::Optics << "transceiver.json" << "show interfaces transceiver | json" << 2
        << 0 << "interface=Ethernet1;rxPowerDbm=-2.51;txPowerDbm=-1.98;temperatureC=33.6;biasMa=6.73;rxLowWarnDbm=-14" << 1 << "interface=Ethernet3;rxPowerDbm=-30;rxLowWarnDbm=";
    // vlan-errors pasted: the status table alone (its tags), counters unknown
    QTest::newRow("vlan subinterfaces") << QueryKind::VlanErrors << "interfaces_status.txt" << "show interfaces status" << 3
        << 0 << "interface=Ethernet1.210;parentInterface=Ethernet1;vlanId=210;encapsulation=dot1q;operState=up;otherDrops="
        << 2 << "interface=Ethernet2.55;vlanId=55;innerVlanId=1001;encapsulation=qinq;operState=admin-down";
    QTest::newRow("route lookup ecmp") << QueryKind::RouteLookup << "route.json" << "show ip route <destination> | json" << 2
        << 0 << "prefix=10.1.0.0/16;protocol=eBGP;nextHop=10.0.1.2;interface=Ethernet1;best=true" << 1 << "nextHop=10.0.1.6;best=false";

}

void TstAristaEos::pasted()
{
    rl::testing::runPasted(translator());
}

void TstAristaEos::vlanErrorsJoinStatusAndCounters()
{
    // Live: the text table gives each subinterface's tag, the JSON its counters.
    QueryParams p;
    const auto cmds = translator()->commands(QueryKind::VlanErrors, p);
    QVERIFY2(cmds.ok(), qPrintable(cmds.error().toString()));
    QCOMPARE(*cmds, (QStringList{QStringLiteral("show interfaces status"), QStringLiteral("show interfaces | json")}));
    const QList<CommandOutput> outs{{cmds->at(0), sample(QStringLiteral("interfaces_status.txt")), 0, 0},
                                    {cmds->at(1), sample(QStringLiteral("interfaces_subif.json")), 0, 0}};
    const auto r = translator()->parse(QueryKind::VlanErrors, p, outs);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->size(), 3);
    checkRow(*r, 0, QStringLiteral("interface=Ethernet1.210;vlanId=210;operState=up;inPackets=0;outPackets=1459;otherDrops=4381;unknownTagDrops="));
    checkRow(*r, 1, QStringLiteral("interface=Ethernet1.300;vlanId=300;operState=lower-layer-down;inPackets="));
    checkRow(*r, 2, QStringLiteral("interface=Ethernet2.55;operState=admin-down;inPackets=10"));
    // The interface parameter keeps one subinterface.
    p.interfaceName = QStringLiteral("Ethernet1.300");
    const auto one = translator()->parse(QueryKind::VlanErrors, p, outs);
    QVERIFY2(one.ok(), qPrintable(one.error().toString()));
    QCOMPARE(one->size(), 1);
}

void TstAristaEos::errors_data()
{
    rl::testing::addErrorsColumns();

    QTest::newRow("truncated json") << QueryKind::BgpStatus << "bgp_summary_truncated.json" << "parse-error" << "routerId";
    QTest::newRow("cli error") << QueryKind::BgpStatus << "invalid.txt" << "unsupported-query" << "Invalid input";
    QTest::newRow("wrong document") << QueryKind::BgpStatus << "lldp.json" << "parse-error" << "lldpNeighbors";
    QTest::newRow("routes of arp") << QueryKind::ReceivedRoutes << "arp.json" << "parse-error" << "ipV4Neighbors";
    QTest::newRow("status cut short") << QueryKind::VlanErrors << "interfaces_status_cut.txt" << "parse-error" << "line 2";
    QTest::newRow("status bad tag") << QueryKind::VlanErrors << "interfaces_status_badtag.txt" << "parse-error" << "2x0";
    QTest::newRow("status of json") << QueryKind::VlanErrors << "interfaces.json" << "parse-error" << "";

}

void TstAristaEos::errors()
{
    rl::testing::runErrors(translator());
}

void TstAristaEos::commandsPassGuard_data()
{
    rl::testing::addCommandsPassGuardRows("Ethernet1");
}

void TstAristaEos::commandsPassGuard()
{
    rl::testing::runCommandsPassGuard(translator());
}

void TstAristaEos::guardRefusesWrites()
{
    rl::testing::runGuardRefusesWrites(translator());
}

void TstAristaEos::prompt()
{
    rl::testing::runPromptAfterOutput(translator(), QStringLiteral("sw1.lab(s1)#"));
}

void TstAristaEos::interfaceFilterTakesShortNames_data()
{
    rl::testing::addInterfaceFilterColumns();
    QTest::newRow("optics, Et") << QueryKind::Optics << "transceiver.json" << "Et1" << 1 << "interface=Ethernet1";
    QTest::newRow("optics, et3") << QueryKind::Optics << "transceiver.json" << "et3" << 1 << "interface=Ethernet3";
}

void TstAristaEos::interfaceFilterTakesShortNames()
{
    rl::testing::runInterfaceFilter(translator());
}

QTEST_GUILESS_MAIN(TstAristaEos)
#include "tst_arista_eos.moc"
