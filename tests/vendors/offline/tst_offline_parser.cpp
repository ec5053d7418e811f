#include "engine/vendors/offline_parser.h"
#include "tests/vendors/common/vendor_test_support.h"

#include <QTest>

using namespace rl;
using rl::testing::fixture;

class TestOfflineParser : public QObject
{
    Q_OBJECT

private slots:
    void recognisesCommand_data();
    void recognisesCommand();
    void ticketWithSeveralCommands();
    void refusals_data();
    void refusals();
    void errorLinesCountThePaste();
};

void TestOfflineParser::recognisesCommand_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("rows");
    // With a prompt line the command is taken as typed; without, it is recognised from the text.
    QTest::newRow("ios all summary, no prompt") << "cisco-ios" << "bgp-status" << "bgp_all_summary.txt" << "show bgp all summary" << 3;
    QTest::newRow("ios vrf summary, prompt") << "cisco-ios" << "bgp-status" << "bgp_summary_vrf.txt"
                                             << "show ip bgp vpnv4 vrf CUST-A summary" << 1;
    QTest::newRow("ios ipv6 summary guessed") << "cisco-ios" << "bgp-status" << "bgp_summary_truncated.txt" << "" << -1;
    QTest::newRow("xr vrf all") << "cisco-iosxr" << "bgp-status" << "bgp_vrf_summary.txt"
                                << "show bgp vrf all ipv4 unicast summary" << 3;
    QTest::newRow("junos json") << "juniper-junos" << "bgp-status" << "bgp_summary.json"
                                << "show bgp summary | display json" << 5;
    QTest::newRow("eos json") << "arista-eos" << "arp-table" << "arp.json" << "show ip arp vrf all | json" << 3;
    QTest::newRow("nxos json") << "cisco-nxos" << "received-routes" << "received_routes.json"
                               << "show bgp vrf default ipv4 unicast neighbors 10.0.2.2 received-routes | json" << 3;
}

void TestOfflineParser::recognisesCommand()
{
    QFETCH(QString, platform);
    QFETCH(QString, kind);
    QFETCH(QString, file);
    QFETCH(QString, command);
    QFETCH(int, rows);
    const auto r = OfflineParser::parse(platform, kind, fixture(platform, file));
    if (rows < 0) { // truncated sample: an error naming the line, never an empty table
        QVERIFY(!r.ok());
        QCOMPARE(r.error().codeName(), QStringLiteral("parse-error"));
        QVERIFY(r.error().detail.startsWith(u"line "));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->command, command);
    QCOMPARE(r->records.size(), rows);
}

void TestOfflineParser::ticketWithSeveralCommands()
{
    const QByteArray text = fixture(QStringLiteral("cisco-ios"), QStringLiteral("ticket_mixed.txt"));
    const auto bgp = OfflineParser::parse(QStringLiteral("cisco-ios"), QueryKind::BgpStatus, text);
    QVERIFY2(bgp.ok(), qPrintable(bgp.error().toString()));
    QCOMPARE(bgp->command, QStringLiteral("show ip bgp summary; show bgp ipv6 unicast summary"));
    QCOMPARE(bgp->records.size(), 2);
    const auto &rows = bgp->records.rows<BgpNeighborRecord>();
    QCOMPARE(rows.at(0).prefixesReceived, 3);
    QCOMPARE(rows.at(1).addressFamily, QStringLiteral("ipv6-unicast"));
    QCOMPARE(rows.at(1).state, BgpState::Active);
    const auto arp = OfflineParser::parse(QStringLiteral("cisco-ios"), QueryKind::ArpTable, text);
    QVERIFY2(arp.ok(), qPrintable(arp.error().toString()));
    QCOMPARE(arp->command, QStringLiteral("show ip arp"));
    QCOMPARE(arp->records.size(), 2);
}

void TestOfflineParser::refusals_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown platform") << "cisco-catos" << "bgp-status" << QByteArray("x") << "invalid-request";
    QTest::newRow("unknown kind") << "cisco-ios" << "bgp-stats" << QByteArray("x") << "invalid-request";
    QTest::newRow("empty paste") << "cisco-ios" << "bgp-status" << QByteArray(" \n\n") << "invalid-request";
    QTest::newRow("only other commands") << "cisco-ios" << "lldp-neighbors"
                                         << QByteArray("r1#show ip arp\nProtocol  Address          Age (min)  Hardware Addr   Type   Interface\n")
                                         << "parse-error";
    QTest::newRow("binary junk") << "juniper-junos" << "bgp-status" << QByteArray("\x01\x02\xff\xfe{{{\0\0", 10) << "parse-error";
}

void TestOfflineParser::refusals()
{
    QFETCH(QString, platform);
    QFETCH(QString, kind);
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    const auto r = OfflineParser::parse(platform, kind, text);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().codeName(), code);
    QVERIFY(!r.error().message.isEmpty());
}

// A row the parser cannot read is named by its line in what the person pasted, not by its line
// in the piece after the prompt.
void TestOfflineParser::errorLinesCountThePaste()
{
    const QByteArray paste = "Last login: Sun Dec  6 21:00:01 2026 from 10.0.0.9\n"
                             "ce1#show ip arp\n"
                             "Protocol  Address          Age (min)  Hardware Addr   Type   Interface\n"
                             "Internet  10.0.12.1              12   0011.2233.4401  ARPA   GigabitEthernet0/0\n"
                             "Internet  10.0.12.2    this row is damaged\n";
    const auto r = OfflineParser::parse(QStringLiteral("cisco-ios"), QStringLiteral("arp-table"), paste);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().codeName(), QStringLiteral("parse-error"));
    QVERIFY2(r.error().message.contains(u"line 5") || r.error().detail.contains(u"line 5"), qPrintable(r.error().toString()));
}

QTEST_GUILESS_MAIN(TestOfflineParser)
#include "tst_offline_parser.moc"
