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
    return rl::testing::registeredTranslator("cisco-nxos");
}

} // namespace

class TstCiscoNxos : public QObject
{
    Q_OBJECT

private slots:
    void interfaceFilterTakesShortNames_data();
    void interfaceFilterTakesShortNames();
    void pasted_data();
    void pasted();
    void errors_data();
    void errors();
    void commandsPassGuard_data();
    void commandsPassGuard();
    void guardRefusesWrites();
    void prompt();
};

void TstCiscoNxos::pasted_data()
{
    rl::testing::addPastedColumns();

    QTest::newRow("bgp vrfs, asdot") << QueryKind::BgpStatus << "bgp_summary.json" << "show bgp vrf all all summary | json" << 4
        << 0 << "vrf=default;neighbor=10.0.2.2;localAs=4259840100;remoteAs=65001;uptimeSeconds=3196800;state=established;prefixesReceived=120;addressFamily=ipv4-unicast"
        << 1 << "state=idle;uptimeSeconds=;remoteAs=4259840100";
    QTest::newRow("bgp shut admin, one-row vrf") << QueryKind::BgpStatus << "bgp_summary.json" << "show bgp vrf all all summary | json" << 4
        << 2 << "stateDetail=Shut (Admin);adminEnabled=false;uptimeSeconds=312" << 3 << "vrf=CUST-A;neighbor=172.31.6.2;uptimeSeconds=93600;prefixesReceived=3";
    QTest::newRow("received routes") << QueryKind::ReceivedRoutes << "received_routes.json" << "show bgp vrf default ipv4 unicast neighbors 10.0.2.2 received-routes | json" << 3
        << 0 << "prefix=10.1.0.0/16;nextHop=10.0.2.2;asPath=65001 65002;origin=igp;best=true;localPref=100;med=0"
        << 2 << "prefix=10.2.0.0/24;asPath=;origin=incomplete;best=true";
    QTest::newRow("arp vrfs") << QueryKind::ArpTable << "arp.json" << "show ip arp vrf all | json" << 3
        << 0 << "vrf=default;ip=10.0.2.2;mac=00:50:56:ab:02:01;ageSeconds=724;interface=Ethernet1/1;state=complete"
        << 1 << "mac=;state=incomplete";
    QTest::newRow("version") << QueryKind::Facts << "version.json" << "show version | json" << 1
        << 0 << "hostname=n9k1.lab;osVersion=9.3(10);serial=FDO22280ABC;uptimeSeconds=1047845;platform=cisco-nxos" << 0 << "";
    QTest::newRow("interfaces") << QueryKind::LinkStatus << "interfaces.json" << "show interface | json" << 2
        << 0 << "name=Ethernet1/1;operState=up;speedBps=10000000000;mtu=9216;inErrors=3;crcErrors=2;mac=00:a1:b2:c3:00:11" << 1 << "adminState=admin-down;operState=down";
    QTest::newRow("lldp") << QueryKind::LldpNeighbors << "lldp.json" << "show lldp neighbors detail | json" << 1
        << 0 << "localInterface=Eth1/49;remoteSystemName=sw1.lab;remotePortId=Ethernet49;remoteMgmtAddress=10.255.0.21" << 0 << "";
    QTest::newRow("vlan subinterfaces, parent's bad-etype drops") << QueryKind::VlanErrors << "vlan_interfaces.json" << "show interface | json" << 2
        << 0 << "interface=Ethernet1/5.410;parentInterface=Ethernet1/5;vlanId=410;encapsulation=dot1q;operState=up;inPackets=455012;outPackets=431990;unknownTagDrops=37;otherDrops=0"
        << 1 << "interface=Ethernet1/5.411;vlanId=411;operState=admin-down;inPackets=;unknownTagDrops=37";
    QTest::newRow("vlan without subinterfaces") << QueryKind::VlanErrors << "vlan_no_subinterfaces.json" << "show interface | json" << 0
        << 0 << "" << 0 << "";
    QTest::newRow("optics, empty cage and copper skipped") << QueryKind::Optics << "transceiver_details.json" << "show interface transceiver details | json" << 3
        << 0 << "interface=Ethernet1/1;lane=1;rxPowerDbm=-14.87;txPowerDbm=-2.21;temperatureC=31.47;biasMa=36.12;rxLowWarnDbm=-14.4;rxHighWarnDbm=0.49;txLowWarnDbm=-6.3;txHighWarnDbm=0.49"
        << 2 << "interface=Ethernet1/49;lane=2;rxPowerDbm=;txPowerDbm=-1.02;rxLowWarnDbm=-9.5";

}

void TstCiscoNxos::pasted()
{
    rl::testing::runPasted(translator());
}

void TstCiscoNxos::errors_data()
{
    rl::testing::addErrorsColumns();

    QTest::newRow("bad uptime") << QueryKind::BgpStatus << "bad_time.json" << "parse-error" << "";
    QTest::newRow("wrong document") << QueryKind::BgpStatus << "lldp.json" << "parse-error" << "TABLE_nbor_detail";
    QTest::newRow("routes of version") << QueryKind::ReceivedRoutes << "version.json" << "parse-error" << "nxos_ver_str";
    QTest::newRow("vlan of version") << QueryKind::VlanErrors << "version.json" << "parse-error" << "nxos_ver_str";
    QTest::newRow("optics of bgp summary") << QueryKind::Optics << "bgp_summary.json" << "parse-error" << "TABLE_vrf";
    QTest::newRow("optics truncated") << QueryKind::Optics << "transceiver_truncated.json" << "parse-error" << "";

}

void TstCiscoNxos::errors()
{
    rl::testing::runErrors(translator());
}

void TstCiscoNxos::commandsPassGuard_data()
{
    rl::testing::addCommandsPassGuardRows("Ethernet1/3.100");
}

void TstCiscoNxos::commandsPassGuard()
{
    rl::testing::runCommandsPassGuard(translator());
}

void TstCiscoNxos::guardRefusesWrites()
{
    rl::testing::runGuardRefusesWrites(translator());
}

void TstCiscoNxos::prompt()
{
    rl::testing::runPromptAfterOutput(translator(), QStringLiteral("n9k1.lab#"));
}

void TstCiscoNxos::interfaceFilterTakesShortNames_data()
{
    rl::testing::addInterfaceFilterColumns();
    QTest::newRow("optics, Eth") << QueryKind::Optics << "transceiver_details.json" << "Eth1/1" << 1 << "interface=Ethernet1/1";
    QTest::newRow("optics, Eth other port") << QueryKind::Optics << "transceiver_details.json" << "eth1/9" << 0 << "";
}

void TstCiscoNxos::interfaceFilterTakesShortNames()
{
    rl::testing::runInterfaceFilter(translator());
}

QTEST_GUILESS_MAIN(TstCiscoNxos)
#include "tst_cisco_nxos.moc"
