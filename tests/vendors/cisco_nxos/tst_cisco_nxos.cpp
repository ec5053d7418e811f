#include "engine/vendors/translator.h"
#include "tests/vendors/common/vendor_test_support.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace rl;
namespace {

using rl::testing::checkRow;

const Translator *translator()
{
    return rl::testing::registeredTranslator("cisco-nxos");
}

} // namespace

class TestCiscoNxos : public QObject
{
    Q_OBJECT

private slots:
    void interfaceFilterTakesShortNames_data();
    void interfaceFilterTakesShortNames();
    void errors_data();
    void errors();
    void commandsPassGuard_data();
    void commandsPassGuard();
    void guardRefusesWrites();
    void prompt();
};

void TestCiscoNxos::errors_data()
{
    rl::testing::addErrorsColumns();

    QTest::newRow("bad uptime") << QueryKind::BgpStatus << "bad_time.json" << "parse-error" << "";
    QTest::newRow("wrong document") << QueryKind::BgpStatus << "lldp.json" << "parse-error" << "TABLE_nbor_detail";
    QTest::newRow("routes of version") << QueryKind::ReceivedRoutes << "version.json" << "parse-error" << "nxos_ver_str";
    QTest::newRow("vlan of version") << QueryKind::VlanErrors << "version.json" << "parse-error" << "nxos_ver_str";
    QTest::newRow("optics of bgp summary") << QueryKind::Optics << "bgp_summary.json" << "parse-error" << "TABLE_vrf";
    QTest::newRow("optics truncated") << QueryKind::Optics << "transceiver_truncated.json" << "parse-error" << "";

}

void TestCiscoNxos::errors()
{
    rl::testing::runErrors(translator());
}

void TestCiscoNxos::commandsPassGuard_data()
{
    rl::testing::addCommandsPassGuardRows("Ethernet1/3.100");
}

void TestCiscoNxos::commandsPassGuard()
{
    rl::testing::runCommandsPassGuard(translator());
}

void TestCiscoNxos::guardRefusesWrites()
{
    rl::testing::runGuardRefusesWrites(translator());
}

void TestCiscoNxos::prompt()
{
    rl::testing::runPromptAfterOutput(translator(), QStringLiteral("n9k1.lab#"));
}

void TestCiscoNxos::interfaceFilterTakesShortNames_data()
{
    rl::testing::addInterfaceFilterColumns();
    QTest::newRow("optics, Eth") << QueryKind::Optics << "transceiver_details.json" << "Eth1/1" << 1 << "interface=Ethernet1/1";
    QTest::newRow("optics, Eth other port") << QueryKind::Optics << "transceiver_details.json" << "eth1/9" << 0 << "";
}

void TestCiscoNxos::interfaceFilterTakesShortNames()
{
    rl::testing::runInterfaceFilter(translator());
}

QTEST_GUILESS_MAIN(TestCiscoNxos)
#include "tst_cisco_nxos.moc"
