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
    return rl::testing::registeredTranslator("juniper-junos");
}

} // namespace

class TestJuniperJunos : public QObject
{
    Q_OBJECT

private slots:
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

void TestJuniperJunos::errors_data()
{
    rl::testing::addErrorsColumns();

    QTest::newRow("truncated") << QueryKind::BgpStatus << "truncated.json" << "parse-error" << "bgp-information";
    QTest::newRow("syntax error") << QueryKind::BgpStatus << "syntax_error.txt" << "unsupported-query" << "syntax error";
    QTest::newRow("wrong document") << QueryKind::BgpStatus << "lldp.json" << "parse-error" << "lldp";

}

void TestJuniperJunos::errors()
{
    rl::testing::runErrors(translator());
}

void TestJuniperJunos::linkStatusOfOneInterface_data()
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

void TestJuniperJunos::linkStatusOfOneInterface()
{
    QFETCH(QString, name);
    QFETCH(int, rows);
    QFETCH(QString, checks);
    QueryParams p;
    p.interfaceName = name;
    const auto cmds = translator()->commands(QueryKind::LinkStatus, p);
    QVERIFY(cmds.ok());
    QCOMPARE(cmds->size(), 1);
    const auto r = translator()->parse(QueryKind::LinkStatus, p, {CommandOutput{cmds->at(0), fixture(translator()->platform(), QStringLiteral("interfaces_logical.json")), 0, 1}});
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->size(), rows);
    checkRow(*r, 0, checks);
}

void TestJuniperJunos::commandsPassGuard_data()
{
    rl::testing::addCommandsPassGuardRows("ge-0/0/1.100");
}

void TestJuniperJunos::commandsPassGuard()
{
    rl::testing::runCommandsPassGuard(translator());
}

void TestJuniperJunos::guardRefusesWrites()
{
    rl::testing::runGuardRefusesWrites(translator());
}

void TestJuniperJunos::prompt()
{
    rl::testing::runPromptAfterOutput(translator(), QStringLiteral("user@mx1.lab> "));
}

// Issue 10 point 4: what the neighbor sent includes the routes the import policy rejected;
// the live path asks for them ("... hidden") and marks them not accepted.
void TestJuniperJunos::receivedRoutesIncludeHidden()
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

    const QByteArray table = fixture(translator()->platform(), QStringLiteral("received_routes.json"));
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
void TestJuniperJunos::xmlAndJsonReadAlike_data()
{
    QTest::addColumn<QueryKind>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("rows");
    QTest::newRow("bgp summary in an instance") << QueryKind::BgpStatus << "bgp_summary_instance" << 3;
    QTest::newRow("received routes") << QueryKind::ReceivedRoutes << "received_routes" << 5;
}

void TestJuniperJunos::xmlAndJsonReadAlike()
{
    QFETCH(QueryKind, kind);
    QFETCH(QString, name);
    QFETCH(int, rows);
    const auto xml = translator()->parsePasted(kind, fixture(translator()->platform(), name + QStringLiteral(".xml")));
    QVERIFY2(xml.ok(), qPrintable(xml.error().toString()));
    const QString json = name == u"received_routes" ? QStringLiteral("received_routes_same.json") : name + QStringLiteral(".json");
    const auto js = translator()->parsePasted(kind, fixture(translator()->platform(), json));
    QVERIFY2(js.ok(), qPrintable(js.error().toString()));
    QCOMPARE(xml->records.size(), rows);
    QCOMPARE(xml->records.toJson(), js->records.toJson());
}

QTEST_GUILESS_MAIN(TestJuniperJunos)
#include "tst_juniper_junos.moc"
