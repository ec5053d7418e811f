#include "engine/api/display_text.h"
#include "engine/api/record_export.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace rl;

class TestRecordExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvFieldQuoting_data();
    void csvFieldQuoting();
    void csvOfResponseWithFailedRouter();
    void tableShowsErrorsAndHidesEmptyColumns();
    void jsonIsVersioned();
    void csvNeutralisesFormulas_data();
    void csvNeutralisesFormulas();
    void csvOfAHostileLldpName();
    void tableShowsControlCharactersEscaped();
    void cellTextShowsControlCharactersEscaped_data();
    void cellTextShowsControlCharactersEscaped();
    void terminalTextKeepsLineBreaks();
    void jsonEscapesWhatTerminalsObey();

private:
    static Response sample();
};

void TestRecordExport::csvFieldQuoting_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << "eth0" << "eth0";
    QTest::newRow("comma") << "to ce1, port 2" << "\"to ce1, port 2\"";
    QTest::newRow("quote") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "a\nb" << "\"a\nb\"";
    QTest::newRow("cr") << "a\rb" << "\"a\rb\"";
    QTest::newRow("empty") << "" << "";
}

void TestRecordExport::csvFieldQuoting()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(RecordExport::csvField(in), out);
}

Response TestRecordExport::sample()
{
    Response resp;
    resp.requestId = QStringLiteral("x");
    resp.kind = QueryKind::BgpStatus;
    BgpNeighborRecord n;
    n.vrf = QStringLiteral("default");
    n.neighbor = QStringLiteral("198.19.0.2");
    n.addressFamily = QStringLiteral("ipv4-unicast");
    n.remoteAs = 65002;
    n.state = BgpState::Established;
    n.description = QStringLiteral("to bird, \"primary\"");
    RouterResult ok;
    ok.router = QStringLiteral("pe1");
    ok.records = RecordSet(QueryKind::BgpStatus, QList<BgpNeighborRecord>{n});
    ok.fetchedAt = QDateTime(QDate(2026, 11, 27), QTime(8, 0), Qt::UTC);
    RouterResult bad;
    bad.router = QStringLiteral("pe2");
    bad.records = RecordSet(QueryKind::BgpStatus);
    bad.error = Error(ErrorCode::Timeout, QStringLiteral("pe2 stopped answering after 30 s; try again or raise the command timeout."));
    resp.results = {ok, bad};
    return resp;
}

void TestRecordExport::csvOfResponseWithFailedRouter()
{
    const QByteArray csv = RecordExport::toCsv(sample());
    const QList<QByteArray> lines = csv.split('\n');
    // header + 2 rows + trailing empty after the last CRLF
    QCOMPARE(lines.size(), 4);
    for (int i = 0; i < 3; ++i)
        QVERIFY2(lines[i].endsWith('\r'), lines[i].constData());
    QVERIFY(lines[0].startsWith("router,vrf,neighbor,addressFamily,"));
    QVERIFY(lines[0].endsWith("fetchedAt,source,error\r"));
    QVERIFY(lines[1].startsWith("pe1,default,198.19.0.2,ipv4-unicast,"));
    QVERIFY(lines[1].contains(",\"to bird, \"\"primary\"\"\","));
    QVERIFY(lines[1].contains(",established,"));
    QVERIFY(lines[1].contains(",true,")); // adminEnabled, machine-readable
    QVERIFY(lines[2].startsWith("pe2,"));
    QVERIFY(lines[2].contains("timeout: pe2 stopped answering"));
    // Same number of fields on every line (quoted commas do not count).
    auto fields = [](const QByteArray &line) {
        int n = 1;
        bool quoted = false;
        for (char c : line) {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                ++n;
        }
        return n;
    };
    QCOMPARE(fields(lines[1]), fields(lines[0]));
    QCOMPARE(fields(lines[2]), fields(lines[0]));
}

void TestRecordExport::tableShowsErrorsAndHidesEmptyColumns()
{
    const QString table = RecordExport::toTable(sample());
    QVERIFY(table.contains(QStringLiteral("== pe1 (live): 1 row")));
    QVERIFY(table.contains(QStringLiteral("established")));
    QVERIFY(table.contains(QStringLiteral("timeout: pe2 stopped answering")));
    QVERIFY(!table.contains(QStringLiteral("Remote router ID"))); // empty in every row
    QVERIFY(table.contains(QStringLiteral("Remote AS")));
}

void TestRecordExport::jsonIsVersioned()
{
    const QJsonObject obj = QJsonDocument::fromJson(RecordExport::toJson(sample())).object();
    QCOMPARE(obj.value(QStringLiteral("version")).toInt(), ApiVersion);
    QCOMPARE(obj.value(QStringLiteral("results")).toArray().size(), 2);
    QCOMPARE(obj.value(QStringLiteral("results")).toArray().at(1).toObject().value(QStringLiteral("error")).toObject()
                 .value(QStringLiteral("code")).toString(), QStringLiteral("timeout"));
}

// Router-supplied text opened in a spreadsheet must not run as a formula (OWASP "CSV
// injection": a cell starting with = + - @ tab or CR gets a leading single quote). Numbers,
// negative ones included, stay numbers.
void TestRecordExport::csvNeutralisesFormulas_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("hyperlink") << "=HYPERLINK(\"http://198.51.100.99/x\",\"click\")"
                               << "\"'=HYPERLINK(\"\"http://198.51.100.99/x\"\",\"\"click\"\")\"";
    QTest::newRow("plus") << "+cmd|' /C calc'!A0" << "'+cmd|' /C calc'!A0";
    QTest::newRow("minus formula") << "-2+3+cmd|' /C calc'!A0" << "'-2+3+cmd|' /C calc'!A0";
    QTest::newRow("at") << "@SUM(1+1)*cmd|' /C calc'!A0" << "'@SUM(1+1)*cmd|' /C calc'!A0";
    QTest::newRow("leading tab") << "\t=1+1" << "'\t=1+1";
    QTest::newRow("leading cr") << "\r=1+1" << "\"'\r=1+1\"";
    QTest::newRow("dashes in a description") << "-- uplink --" << "'-- uplink --";
    QTest::newRow("negative dBm") << "-3.52" << "-3.52";
    QTest::newRow("negative integer") << "-1" << "-1";
    QTest::newRow("signed exponent") << "+1.5e-3" << "+1.5e-3";
    QTest::newRow("equals inside") << "a=b" << "a=b";
}

void TestRecordExport::csvNeutralisesFormulas()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(RecordExport::csvField(in), out);
}

void TestRecordExport::csvOfAHostileLldpName()
{
    LldpNeighborRecord l;
    l.localInterface = QStringLiteral("GigabitEthernet0/0/0/1");
    l.remoteSystemName = QStringLiteral("=HYPERLINK(\"http://198.51.100.99/\",\"ce-globex\")");
    l.remotePortDescription = QStringLiteral("uplink\x1b]0;owned\x07");
    Response resp;
    resp.kind = QueryKind::LldpNeighbors;
    RouterResult part;
    part.router = QStringLiteral("pe1");
    part.records = RecordSet(QueryKind::LldpNeighbors, QList<LldpNeighborRecord>{l});
    resp.results = {part};
    const QString csv = QString::fromUtf8(RecordExport::toCsv(resp));
    QVERIFY2(csv.contains(QStringLiteral(",\"'=HYPERLINK(")), qPrintable(csv));
    QVERIFY2(!csv.contains(QStringLiteral(",=HYPERLINK")) && !csv.contains(QStringLiteral(",\"=HYPERLINK")), qPrintable(csv));
    // Control characters are shown, not sent: CSV goes to terminals too.
    QVERIFY2(csv.contains(QStringLiteral("uplink\\x1b]0;owned\\x07")), qPrintable(csv));
    QVERIFY(!csv.contains(QChar(0x1b)) && !csv.contains(QChar(0x07)));
}

void TestRecordExport::tableShowsControlCharactersEscaped()
{
    InterfaceRecord i;
    i.name = QStringLiteral("GigabitEthernet0/0/0/1.210");
    i.description = QStringLiteral("globex\x1b[2J\x1b[31mPWNED\u009b" "1m\u202Etxt.exe"); // C1 CSI, then "1m"
    Response resp;
    resp.kind = QueryKind::LinkStatus;
    RouterResult part;
    part.router = QStringLiteral("pe1");
    part.records = RecordSet(QueryKind::LinkStatus, QList<InterfaceRecord>{i});
    RouterResult bad;
    bad.router = QStringLiteral("pe2");
    bad.error = Error(ErrorCode::ParseError, QStringLiteral("line 3 not understood: \"\x1b[8mhidden\""),
                      QStringLiteral("first line: \x1b[2K"));
    resp.results = {part, bad};
    const QString table = RecordExport::toTable(resp);
    QVERIFY2(table.contains(QStringLiteral("globex\\x1b[2J\\x1b[31mPWNED\\x9b1m\\u202etxt.exe")), qPrintable(table));
    QVERIFY2(table.contains(QStringLiteral("\\x1b[8mhidden")), qPrintable(table));
    QVERIFY2(table.contains(QStringLiteral("first line: \\x1b[2K")), qPrintable(table));
    for (QChar c : table) {
        const char16_t u = c.unicode();
        QVERIFY2(u == '\n' || (u >= 0x20 && u != 0x7f && !(u >= 0x80 && u <= 0x9f) && !(u >= 0x202a && u <= 0x202e)),
                 qPrintable(QStringLiteral("U+%1 in the table").arg(int(u), 4, 16, QLatin1Char('0'))));
    }
}

void TestRecordExport::cellTextShowsControlCharactersEscaped_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << "uplink to ce-globex" << "uplink to ce-globex";
    QTest::newRow("escape sequence") << "a\x1b[31mb" << "a\\x1b[31mb";
    QTest::newRow("bell and NUL") << QString::fromUtf16(u"x\u0007y\u0000z", 5) << "x\\x07y\\x00z";
    QTest::newRow("tab and newline") << "a\tb\nc" << "a\\x09b\\x0ac";
    QTest::newRow("DEL and C1 CSI") << "a\x7f\u009b" << "a\\x7f\\x9b";
    QTest::newRow("right-to-left override") << "abc\u202Egnp.exe" << "abc\\u202egnp.exe";
    QTest::newRow("isolates") << "\u2066x\u2069" << "\\u2066x\\u2069";
    QTest::newRow("letters beyond ASCII stay") << "Zürich–Köln 東京" << "Zürich–Köln 東京";
}

void TestRecordExport::cellTextShowsControlCharactersEscaped()
{
    QFETCH(QString, in);
    QFETCH(QString, shown);
    QCOMPARE(cellText(QVariant(in), ColumnType::Text), shown);
}

// Terminal output keeps its own line structure; a lone CR (which would let a router's text
// overwrite the line it is on) and every other control are shown.
void TestRecordExport::terminalTextKeepsLineBreaks()
{
    using DisplayText::Keep;
    QCOMPARE(DisplayText::escapeControls(QStringLiteral("a\r\nb\tc\rd\x1b[0m\n"), Keep::LineBreaks),
             QStringLiteral("a\r\nb\tc\\x0dd\\x1b[0m\n"));
    QCOMPARE(DisplayText::escapeControls(QStringLiteral("a\r\nb\tc\rd\x1b[0m\n"), Keep::Whitespace),
             QStringLiteral("a\r\nb\tc\rd\\x1b[0m\n"));
    QCOMPARE(DisplayText::escapeControls(QStringLiteral("a\r\nb"), Keep::Nothing), QStringLiteral("a\\x0d\\x0ab"));
    QVERIFY(!DisplayText::hasControls(u"plain text, Zürich", Keep::Nothing));
    QVERIFY(DisplayText::hasControls(u"x\u202ey", Keep::LineBreaks));
    QVERIFY(!DisplayText::hasControls(u"x\n", Keep::LineBreaks));
}

// JSON is printed to terminals too: C1 controls and direction overrides, which JSON may carry
// raw, are written as \u escapes, so the text stays valid JSON and reads back the same.
void TestRecordExport::jsonEscapesWhatTerminalsObey()
{
    InterfaceRecord i;
    i.name = QStringLiteral("eth0");
    i.description = QStringLiteral("a\u009b" "2Jb\u202Ec\x1b[0m\x7f");
    Response resp;
    resp.kind = QueryKind::LinkStatus;
    RouterResult part;
    part.router = QStringLiteral("pe1");
    part.records = RecordSet(QueryKind::LinkStatus, QList<InterfaceRecord>{i});
    resp.results = {part};
    const QByteArray json = RecordExport::toJson(resp);
    const QString text = QString::fromUtf8(json);
    for (QChar c : text) {
        const char16_t u = c.unicode();
        QVERIFY2(u == '\n' || (u >= 0x20 && u != 0x7f && !(u >= 0x80 && u <= 0x9f) && u != 0x202e),
                 qPrintable(QStringLiteral("raw U+%1 in the JSON").arg(int(u), 4, 16, QLatin1Char('0'))));
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject rec = doc.object().value(QStringLiteral("results")).toArray().at(0).toObject()
                                .value(QStringLiteral("records")).toArray().at(0).toObject();
    QCOMPARE(rec.value(QStringLiteral("description")).toString(), i.description);
}

QTEST_GUILESS_MAIN(TestRecordExport)
#include "tst_record_export.moc"
