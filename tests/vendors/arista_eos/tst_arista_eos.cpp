#include "engine/vendors/translator.h"
#include "tests/vendors/common/vendor_test_support.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace rl;
namespace {

using rl::testing::checkRow;
using rl::testing::fixture;

const Translator *translator()
{
    return rl::testing::registeredTranslator("arista-eos");
}

} // namespace

class TestAristaEos : public QObject
{
    Q_OBJECT

private slots:
    void interfaceFilterTakesShortNames_data();
    void interfaceFilterTakesShortNames();
    void vlanErrorsJoinStatusAndCounters();
    void errors_data();
    void errors();
    void commandsPassGuard_data();
    void commandsPassGuard();
    void guardRefusesWrites();
    void prompt();
};

void TestAristaEos::vlanErrorsJoinStatusAndCounters()
{
    // Live: the text table gives each subinterface's tag, the JSON its counters.
    QueryParams p;
    const auto cmds = translator()->commands(QueryKind::VlanErrors, p);
    QVERIFY2(cmds.ok(), qPrintable(cmds.error().toString()));
    QCOMPARE(*cmds, (QStringList{QStringLiteral("show interfaces status"), QStringLiteral("show interfaces | json")}));
    const QList<CommandOutput> outs{{cmds->at(0), fixture(translator()->platform(), QStringLiteral("interfaces_status.txt")), 0, 0},
                                    {cmds->at(1), fixture(translator()->platform(), QStringLiteral("interfaces_subif.json")), 0, 0}};
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

void TestAristaEos::errors_data()
{
    rl::testing::addErrorsColumns();

    QTest::newRow("truncated json") << QueryKind::BgpStatus << "bgp_summary_truncated.json" << "parse-error" << "routerId";
    QTest::newRow("cli error") << QueryKind::BgpStatus << "invalid.txt" << "unsupported-query" << "Invalid input";
    QTest::newRow("wrong document") << QueryKind::BgpStatus << "lldp.json" << "parse-error" << "lldpNeighbors";
    QTest::newRow("routes of arp") << QueryKind::ReceivedRoutes << "arp.json" << "parse-error" << "ipV4Neighbors";
    QTest::newRow("status cut short") << QueryKind::VlanErrors << "interfaces_status_cut.txt" << "parse-error" << "line 3";
    QTest::newRow("status bad tag") << QueryKind::VlanErrors << "interfaces_status_badtag.txt" << "parse-error" << "2x0";
    QTest::newRow("status of json") << QueryKind::VlanErrors << "interfaces.json" << "parse-error" << "";

}

void TestAristaEos::errors()
{
    rl::testing::runErrors(translator());
}

void TestAristaEos::commandsPassGuard_data()
{
    rl::testing::addCommandsPassGuardRows("Ethernet1");
}

void TestAristaEos::commandsPassGuard()
{
    rl::testing::runCommandsPassGuard(translator());
}

void TestAristaEos::guardRefusesWrites()
{
    rl::testing::runGuardRefusesWrites(translator());
}

void TestAristaEos::prompt()
{
    rl::testing::runPromptAfterOutput(translator(), QStringLiteral("sw1.lab(s1)#"));
}

void TestAristaEos::interfaceFilterTakesShortNames_data()
{
    rl::testing::addInterfaceFilterColumns();
    QTest::newRow("optics, Et") << QueryKind::Optics << "transceiver.json" << "Et1" << 1 << "interface=Ethernet1";
    QTest::newRow("optics, et3") << QueryKind::Optics << "transceiver.json" << "et3" << 1 << "interface=Ethernet3";
}

void TestAristaEos::interfaceFilterTakesShortNames()
{
    rl::testing::runInterfaceFilter(translator());
}

QTEST_GUILESS_MAIN(TestAristaEos)
#include "tst_arista_eos.moc"
