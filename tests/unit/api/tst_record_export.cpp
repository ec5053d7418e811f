#include "engine/api/record_export.h"

#include <QJsonDocument>
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

QTEST_GUILESS_MAIN(TestRecordExport)
#include "tst_record_export.moc"
