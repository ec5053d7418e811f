// The diagnosis as a report for a ticket: HTML that is self-contained and escapes what routers
// said, CSV that a spreadsheet opens without running a formula.
#include "engine/diagnosis/diagnosis_report.h"
#include "tests/unit/diagnosis/diagnosis_test_data.h"

#include <QRegularExpression>
#include <QTest>

using namespace rl;

class TestDiagnosisReport final : public QObject
{
    Q_OBJECT

private:
    // The globex picture with hostile text where a router or the inventory supplies text.
    static DiagnosisResult hostile()
    {
        DiagnosisResult d = testing::vlanMismatch();
        d.connection.customer = QStringLiteral("globex <b>&</b>");
        d.steps[5].finding = QStringLiteral("tagged 201 <script>alert(1)</script>");
        InterfaceRecord evil = testing::port(QStringLiteral("Gi0/0/0/1.999"), 0, 0);
        evil.description = QStringLiteral("=HYPERLINK(\"http://x\",\"<img src=x onerror=alert(2)>\")");
        d.steps[3].records[0].records.rows<InterfaceRecord>().append(evil);
        return d;
    }

private Q_SLOTS:
    void htmlNamesCauseAndEveryStep()
    {
        DiagnosisReport::Options o;
        o.generatedAt = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
        const QString html = QString::fromUtf8(DiagnosisReport::toHtml({testing::vlanMismatch()}, o));
        QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(html.contains(QLatin1String("2024-05-01T12:00:00Z")));
        // The cause in one sentence with its advice, near the top (before the steps table).
        const qsizetype cause = html.indexOf(QLatin1String("<b>Likely cause:</b> vlan, customer end (ce1): Gi0/0/1.201 on ce1 is tagged 201"));
        QVERIFY2(cause > 0, qPrintable(html.left(3000)));
        QVERIFY(html.indexOf(QLatin1String("Change the subinterface&#39;s encapsulation to dot1q 210."), cause) > cause
                || html.indexOf(QLatin1String("Change the subinterface's encapsulation to dot1q 210."), cause) > cause);
        QVERIFY(cause < html.indexOf(QLatin1String("<table class=\"steps\">")));
        // Facts, every step with its verdict, and CANNOT-CHECK marked apart from OK.
        QVERIFY(html.contains(QLatin1String("<th>VLAN</th><td>VLAN 210</td>")));
        QVERIFY(html.contains(QLatin1String("<th>Prefix limit</th><td>100</td>")));
        QVERIFY(html.contains(QLatin1String("<th>Expected prefixes</th><td>203.0.113.0/26</td>")));
        for (const char *layer : {"management", "optics", "link", "mtu", "vlan", "bgp-ipv4"})
            QVERIFY2(html.contains(QStringLiteral(">%1</a>").arg(QLatin1String(layer))), layer);
        QVERIFY(html.contains(QLatin1String("<span class=\"v v-cannot-check\">CANNOT-CHECK ?</span>")));
        QVERIFY(html.contains(QLatin1String("<span class=\"v v-fault\">FAULT</span>")));
        // Evidence rows as tables, and the router's error where it could not answer.
        QVERIFY(html.contains(QLatin1String("<th>Unknown-tag drops</th>")));
        QVERIFY(html.contains(QLatin1String("<td>Gi0/0/1.201</td>")));
        QVERIFY(html.contains(QLatin1String("<p class=\"err\">timeout: ce1 did not answer within 10 s.</p>")));
        // The summary links to each step's evidence.
        QVERIFY(html.contains(QLatin1String("href=\"#c0-s5\"")));
        QVERIFY(html.contains(QLatin1String("id=\"c0-s5\"")));
    }

    void htmlIsSelfContainedAndEscaped()
    {
        const QString html = QString::fromUtf8(DiagnosisReport::toHtml({hostile()}));
        QVERIFY(!html.contains(QLatin1String("<script")));
        QVERIFY(!html.contains(QLatin1String("<img")));
        QVERIFY(!html.contains(QLatin1String("<b>&</b>")));
        QVERIFY(html.contains(QLatin1String("tagged 201 &lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(html.contains(QLatin1String("globex &lt;b&gt;&amp;&lt;/b&gt;")));
        QVERIFY(html.contains(QLatin1String("&lt;img src=x onerror=alert(2)&gt;")));
        // Nothing is fetched when the file is opened: no external style, image or script.
        QVERIFY(!html.contains(QLatin1String("<link")));
        QVERIFY(!html.contains(QLatin1String(" src=\"")));
        QVERIFY(html.contains(QLatin1String("@media print")));
    }

    void htmlCapsLongTables()
    {
        DiagnosisResult d = testing::vlanMismatch();
        QList<InterfaceRecord> many;
        for (int i = 0; i < 30; ++i)
            many << testing::port(QStringLiteral("Gi0/0/%1").arg(i), 0, 0);
        d.steps[3].records = {testing::answer(QStringLiteral("pe1"), QueryKind::LinkStatus, many)};
        DiagnosisReport::Options o;
        o.maxRowsPerTable = 10;
        const QString html = QString::fromUtf8(DiagnosisReport::toHtml({d}, o));
        QVERIFY(html.contains(QLatin1String("<td>Gi0/0/9</td>")));
        QVERIFY(!html.contains(QLatin1String("<td>Gi0/0/10</td>")));
        QVERIFY(html.contains(QLatin1String("20 more rows not listed here")));
        // The CSV has them all.
        QVERIFY(QString::fromUtf8(DiagnosisReport::toCsv({d})).contains(QLatin1String(",Gi0/0/29,")));
    }

    void csvStepsThenEvidence()
    {
        const QString csv = QString::fromUtf8(DiagnosisReport::toCsv({testing::vlanMismatch()}));
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("record,connection,customer,layer,end,router,verdict,likelyCause,finding,advice,evidence"));
        QCOMPARE(lines.filter(QRegularExpression(QStringLiteral("^step,"))).size(), 7);
        QVERIFY(lines.contains(QStringLiteral("step,globex-test-210,globex,vlan,customer,ce1,fault,true,"
                                              "Gi0/0/1.201 on ce1 is tagged 201 but the connection uses VLAN 210.,"
                                              "Change the subinterface's encapsulation to dot1q 210.,evidence of vlan")));
        QVERIFY(lines.contains(QStringLiteral("step,globex-test-210,globex,optics,customer,ce1,cannot-check,false,"
                                              "Could not check the optics on ce1: ce1 did not answer within 10 s.,Advice for optics.,evidence of optics")));
        // Each answer under its own header of record columns; errors in place of rows.
        const qsizetype vlanHeader = lines.indexOf(QStringLiteral(
            "evidence-header,connection,layer,end,router,kind,fetchedAt,error,interface,parentInterface,vlanId,innerVlanId,"
            "encapsulation,operState,inPackets,outPackets,unknownTagDrops,mismatchedTagDrops,otherDrops,expectedVlan,tagCheck"));
        QVERIFY(vlanHeader > 0);
        QVERIFY(lines.at(vlanHeader + 1).startsWith(QLatin1String("evidence,globex-test-210,vlan,customer,ce1,vlan-errors,2024-05-01T10:00:00Z,,Gi0/0/1.201,Gi0/0/1,201,")));
        QVERIFY(lines.at(vlanHeader + 1).endsWith(QLatin1String(",210,mismatch")));
        QVERIFY(lines.contains(QStringLiteral("evidence,globex-test-210,optics,customer,ce1,optics,,timeout: ce1 did not answer within 10 s.")));
    }

    void csvNeutralisesFormulas()
    {
        const QString csv = QString::fromUtf8(DiagnosisReport::toCsv({hostile()}));
        QVERIFY(csv.contains(QLatin1String(",\"'=HYPERLINK(\"\"http://x\"\",\"\"<img src=x onerror=alert(2)>\"\")\"")));
        QVERIFY(!csv.contains(QLatin1String(",=HYPERLINK")));
        QVERIFY(!csv.contains(QLatin1String(",\"=HYPERLINK")));
    }

    void spreadsheetField_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << "pe1" << "pe1";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("formula") << "=1+2" << "'=1+2";
        QTest::newRow("plus") << "+cmd|' /C calc'!A0" << "'+cmd|' /C calc'!A0";
        QTest::newRow("minus formula") << "-2+3" << "'-2+3";
        QTest::newRow("at") << "@SUM(A1)" << "'@SUM(A1)";
        QTest::newRow("tab") << "\t=1" << "'\t=1";
        QTest::newRow("negative dBm stays a number") << "-19.4" << "-19.4";
        QTest::newRow("negative integer") << "-1" << "-1";
        QTest::newRow("comma quoted after") << "=A1,B1" << "\"'=A1,B1\"";
        QTest::newRow("quote doubled") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
        QTest::newRow("formula in the middle is text") << "a=b" << "a=b";
    }

    void spreadsheetField()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(DiagnosisReport::spreadsheetField(in), out);
    }

    void untaggedAndQinQ()
    {
        Connection c = testing::diagnosedConnection();
        QCOMPARE(DiagnosisReport::vlanText(c), QStringLiteral("VLAN 210"));
        c.innerVlan = 20;
        QCOMPARE(DiagnosisReport::vlanText(c), QStringLiteral("VLAN 210.20"));
        c.vlan = -1;
        QCOMPARE(DiagnosisReport::vlanText(c), QStringLiteral("untagged"));
    }

    void noCauseSaysWhy()
    {
        DiagnosisResult d = testing::vlanMismatch();
        d.steps[5].verdict = Verdict::Ok;
        d.steps[5].likelyCause = false;
        d.steps[6].verdict = Verdict::Ok;
        d.likelyCause = -1;
        const QString html = QString::fromUtf8(DiagnosisReport::toHtml({d}));
        QVERIFY(!html.contains(QLatin1String("Likely cause:")));
        QVERIFY(html.contains(QLatin1String("No fault found, but some layers could not be checked")));
        d.steps.removeAt(2); // the optics that could not be read
        QVERIFY(QString::fromUtf8(DiagnosisReport::toHtml({d})).contains(QLatin1String("Every check passed.")));
    }
};

QTEST_GUILESS_MAIN(TestDiagnosisReport)
#include "tst_diagnosis_report.moc"
