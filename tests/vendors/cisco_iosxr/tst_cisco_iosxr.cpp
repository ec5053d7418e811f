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
    return rl::testing::registeredTranslator("cisco-iosxr");
}

} // namespace

class TestCiscoIosxr : public QObject
{
    Q_OBJECT

private slots:
    void errors_data();
    void errors();
    void commandsPassGuard_data();
    void commandsPassGuard();
    void guardRefusesWrites();
    void prompt();
    void opticsCommand_data();
    void opticsCommand();
    void opticsNamedForInterface();
};

void TestCiscoIosxr::errors_data()
{
    rl::testing::addErrorsColumns();

    QTest::newRow("arp of version") << QueryKind::ArpTable << "version.txt" << "parse-error" << "";
    QTest::newRow("advertised cut mid-line") << QueryKind::AdvertisedRoutes << "advertised_routes_truncated.txt" << "parse-error" << "line 5: 10.60.0.0/16";
    QTest::newRow("advertised cut after a wrapped prefix") << QueryKind::AdvertisedRoutes << "advertised_routes_cut_wrap.txt" << "parse-error" << "line 5: 2001:db8:abcd:1234::/64";
    QTest::newRow("advertised rejected command") << QueryKind::AdvertisedRoutes << "advertised_routes_invalid.txt" << "unsupported-query" << "";
    QTest::newRow("advertised of received table") << QueryKind::AdvertisedRoutes << "version.txt" << "parse-error" << "";
    QTest::newRow("optics cut in a lane row") << QueryKind::Optics << "optics_truncated_lane.txt" << "parse-error" << "line 48:            3     41.5 mA    0.89";
    QTest::newRow("optics cut in a threshold row") << QueryKind::Optics << "optics_truncated_threshold.txt" << "parse-error" << "line 36:";
    QTest::newRow("optics cut before the temperature") << QueryKind::Optics << "optics_cut_after_lanes.txt" << "parse-error" << "line 48:            3     41.5 mA    0.89 dBm";
    QTest::newRow("routes counted, no table") << QueryKind::ReceivedRoutes << "received_routes_no_header.txt" << "parse-error" << "line 10: Processed 3 prefixes";
    QTest::newRow("routes banner cut before the count") << QueryKind::ReceivedRoutes << "received_routes_banner_cut.txt" << "parse-error" << "output begins";
    QTest::newRow("optics of version") << QueryKind::Optics << "version.txt" << "parse-error" << "";

}

void TestCiscoIosxr::errors()
{
    rl::testing::runErrors(translator());
}

void TestCiscoIosxr::commandsPassGuard_data()
{
    rl::testing::addCommandsPassGuardRows("GigabitEthernet0/0/0/1.100");
}

void TestCiscoIosxr::commandsPassGuard()
{
    // IOS-XR reads optics per controller: the interface picks it.
    rl::testing::runCommandsPassGuard(translator(), {.needsInterface = QueryKind::Optics});
}

void TestCiscoIosxr::guardRefusesWrites()
{
    rl::testing::runGuardRefusesWrites(translator());
}

void TestCiscoIosxr::prompt()
{
    rl::testing::runPromptAfterOutput(translator(), QStringLiteral("RP/0/RSP0/CPU0:core-1.lab#"));
}

void TestCiscoIosxr::opticsCommand_data()
{
    QTest::addColumn<QString>("interfaceName");
    QTest::addColumn<QString>("result"); // the command, or the error code
    QTest::newRow("100G port") << "HundredGigE0/0/0/0" << "show controllers optics 0/0/0/0";
    QTest::newRow("breakout subinterface") << "TenGigE0/1/0/3/2.100" << "show controllers optics 0/1/0/3";
    QTest::newRow("controller name") << "Optics0/2/0/10" << "show controllers optics 0/2/0/10";
    QTest::newRow("bundle") << "Bundle-Ether1" << "invalid-request";
    QTest::newRow("loopback") << "Loopback0" << "invalid-request";
    QTest::newRow("management") << "MgmtEth0/RSP0/CPU0/0" << "invalid-request";
    QTest::newRow("none") << "" << "invalid-request";
}

void TestCiscoIosxr::opticsCommand()
{
    QFETCH(QString, interfaceName);
    QFETCH(QString, result);
    QueryParams p;
    p.interfaceName = interfaceName;
    const auto cmds = translator()->commands(QueryKind::Optics, p);
    if (!result.startsWith(u"show")) {
        QVERIFY(!cmds.ok());
        QCOMPARE(cmds.error().codeName(), result);
        // Without an interface the refusal says which option names it.
        if (interfaceName.isEmpty())
            QVERIFY2(cmds.error().message.contains(u"--interface"), qPrintable(cmds.error().message));
        return;
    }
    QVERIFY2(cmds.ok(), qPrintable(cmds.error().toString()));
    QCOMPARE(*cmds, QStringList{result});
    const CommandGuard g = translator()->sessionProfile().guard;
    QVERIFY(!g.check(result).isError());
    // The location pattern is strict: nothing rides along with it.
    for (const char *c : {"show controllers optics all", "show controllers optics 0/0/0/0 | file disk0:x",
                          "show controllers optics 0/0/0/0/0", "show controllers optics 0/0/0/0 location all",
                          "show controllers optics HundredGigE0/0/0/0"})
        QVERIFY2(g.check(QString::fromLatin1(c)).isError(), c);
}

void TestCiscoIosxr::opticsNamedForInterface()
{
    // Records carry the interface asked about, so the interface filter keeps them.
    QueryParams p;
    p.interfaceName = QStringLiteral("HundredGigE0/0/0/0");
    const auto cmds = translator()->commands(QueryKind::Optics, p);
    QVERIFY(cmds.ok());
    const auto r = translator()->parse(QueryKind::Optics, p, {CommandOutput{cmds->first(), fixture(translator()->platform(), QStringLiteral("optics_lanes.txt"))}});
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->size(), 4);
    checkRow(*r, 2, QStringLiteral("interface=HundredGigE0/0/0/0;lane=2;txPowerDbm=1.11"));
}

QTEST_GUILESS_MAIN(TestCiscoIosxr)
#include "tst_cisco_iosxr.moc"
