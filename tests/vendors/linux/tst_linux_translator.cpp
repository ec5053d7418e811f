// LinuxTranslator against outputs captured from the lab's customer host (tests/vendors/data/linux).
#include "tests/vendors/common/vendor_test_support.h"

#include "engine/vendors/linux/linux_parsers.h"
#include "engine/vendors/linux/linux_translator.h"

#include <QTest>

class TestLinuxTranslator : public QObject
{
    Q_OBJECT
private slots:
    void pasted_data();
    void pasted() { rl::testing::runCapturedPasted(&m_t); }
    void captured_data();
    void captured() { rl::testing::runCaptured(&m_t); }
    void vlanSubinterface();
    void unreadableOutput();
    void guard();

private:
    rl::LinuxTranslator m_t;
};

void TestLinuxTranslator::captured_data()
{
    rl::testing::addCapturedColumns();
    QTest::newRow("facts") << "normal" << "facts" << "" << 1 << "" << ""
                           << "hostname=lab-host;vendor=Linux;osVersion=Linux 6.18.44-fc-v782;model=x86_64;platform=linux";
    QTest::newRow("links") << "normal" << "link-status" << "" << 3 << "" << "name=lo" << "operState=up;adminState=up;mtu=65536";
    QTest::newRow("links faults") << "faults" << "link-status" << "" << 3 << "" << "name=uplink0" << "operState=up;inErrors=0";
    QTest::newRow("arp") << "normal" << "arp-table" << "" << 3 << "" << "ip=2001:db8:19:100::1" << "interface=uplink0;state=reachable;vrf=default";
    QTest::newRow("arp faults") << "faults" << "arp-table" << "" << 1 << "" << "ip=198.18.0.1" << "state=delay";
    QTest::newRow("vlan untagged") << "normal" << "vlan-errors" << "interface=uplink0" << 1 << "" << "" << "encapsulation=untagged;tagCheck=untagged";
    QTest::newRow("vlan none") << "normal" << "vlan-errors" << "" << 0 << "" << "" << "";
    QTest::newRow("lookup") << "normal" << "route-lookup" << "destination=198.51.100.1" << 1 << "" << ""
                            << "prefix=198.51.100.1/32;nextHop=198.19.0.65;interface=uplink0";
    QTest::newRow("lookup v6") << "normal" << "route-lookup" << "destination=2001:db8:1000::1" << 1 << "" << "" << "protocol=bird;nextHop=2001:db8:19:100::1";
    QTest::newRow("lookup unreachable") << "empty" << "route-lookup" << "destination=198.51.100.1" << 0 << "" << "" << "";
    QTest::newRow("lldp none") << "normal" << "lldp-neighbors" << "" << 0 << "" << "" << "";
    QTest::newRow("lldp") << "faults" << "lldp-neighbors" << "" << 1 << "" << "localInterface=uplink0" << "remoteSystemName=lab-frr;remotePortDescription=cust0;remoteMgmtAddress=198.18.0.11;capabilities=router";
    QTest::newRow("bgp") << "normal" << "bgp-status" << "" << -1 << "unsupported-query" << "" << "";
    QTest::newRow("optics") << "normal" << "optics" << "" << -1 << "unsupported-query" << "" << "";
}

void TestLinuxTranslator::vlanSubinterface()
{
    // Handmade: the lab kernel has no 802.1Q module, so no capture has a vlan link. Shape per iproute2's -d -j output.
    const QByteArray json = R"([{"ifname":"cust0","flags":["UP","LOWER_UP"],"operstate":"UP","linkinfo":{"info_kind":"veth"}},
        {"ifname":"cust0.100","link":"cust0","flags":["UP","LOWER_UP"],"operstate":"UP",
         "linkinfo":{"info_kind":"vlan","info_data":{"protocol":"802.1Q","id":100,"flags":["REORDER_HDR"]}},
         "stats64":{"rx":{"packets":10,"dropped":3},"tx":{"packets":12,"dropped":1}}},
        {"ifname":"cust0.200","link":"cust0","flags":["BROADCAST"],"operstate":"DOWN",
         "linkinfo":{"info_kind":"vlan","info_data":{"protocol":"802.1ad","id":200}}}])";
    auto r = rl::LinuxParsers::vlans(json);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->size(), 2);
    QCOMPARE(r->at(0).vlanId, 100);
    QCOMPARE(r->at(0).parentInterface, QStringLiteral("cust0"));
    QCOMPARE(r->at(0).encapsulation, QStringLiteral("dot1q"));
    QCOMPARE(r->at(0).otherDrops, 4);
    QCOMPARE(r->at(1).encapsulation, QStringLiteral("qinq"));
    QCOMPARE(r->at(1).operState, rl::LinkState::AdminDown);
}

void TestLinuxTranslator::unreadableOutput()
{
    QCOMPARE(rl::LinuxParsers::links("Device \"x\" does not exist.").error().code, rl::ErrorCode::ParseError);
    QCOMPARE(rl::LinuxParsers::neighbors("[{\"dst\":\"nonsense\"}]").error().code, rl::ErrorCode::ParseError);
    QCOMPARE(rl::LinuxParsers::facts("h\n", "Linux\n", "1 2\n").error().code, rl::ErrorCode::ParseError);
    QCOMPARE(rl::LinuxParsers::facts("h\n", "Linux 6.1 x86_64\n", "abc\n").error().code, rl::ErrorCode::ParseError);
    QVERIFY(rl::LinuxParsers::neighbors("[]").ok());
}

void TestLinuxTranslator::guard()
{
    const rl::CommandGuard g = m_t.sessionProfile().guard;
    QVERIFY(!g.check(QStringLiteral("ip -j -6 route get 2001:db8::1")).isError());
    QVERIFY(g.check(QStringLiteral("ip link set dev uplink0 down")).isError());
    QVERIFY(g.check(QStringLiteral("ip -j -s -d link show dev -x")).isError());
    QVERIFY(g.check(QStringLiteral("cat /etc/shadow")).isError());
}

void TestLinuxTranslator::pasted_data()
{
    rl::testing::addCapturedPastedColumns();
    QTest::newRow("facts") << "normal" << "facts" << "hostname|uname -srm|cat /proc/uptime" << true << 1 << "uname -srm";
    QTest::newRow("facts without prompts") << "normal" << "facts" << "hostname|uname -srm|cat /proc/uptime" << false << -1 << "";
    QTest::newRow("links") << "normal" << "link-status" << "ip -j -s -d link show" << false << 3 << "ip -j -s -d link show";
    QTest::newRow("neigh") << "faults" << "arp-table" << "ip -j neigh show" << true << 1 << "ip -j neigh show";
    QTest::newRow("neigh bare") << "normal" << "arp-table" << "ip -j neigh show" << false << 3 << "ip -j neigh show";
    QTest::newRow("route get") << "normal" << "route-lookup" << "ip -j route get 198.51.100.1" << false << 1 << "route get";
    QTest::newRow("lldp") << "faults" << "lldp-neighbors" << "lldpcli -f json0 show neighbors" << true << 1 << "lldpcli";
    QTest::newRow("not this kind") << "normal" << "route-lookup" << "ip -j neigh show" << true << -1 << "";
    QTest::newRow("garbage") << "normal" << "arp-table" << "uname -srm" << false << -1 << "";
}

QTEST_GUILESS_MAIN(TestLinuxTranslator)
#include "tst_linux_translator.moc"
