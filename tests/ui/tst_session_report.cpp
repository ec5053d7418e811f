#include "ui/export/session_report.h"
#include "model_test_data.h"

#include <QTest>

using namespace rl;

class TestSessionReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvHasOneLinePerPart();
    void htmlIsEscaped();
};

namespace {

Response response()
{
    Response r;
    r.requestId = QStringLiteral("req-1");
    r.kind = QueryKind::BgpStatus;
    r.results = testing::threeRouters();
    r.completedAt = QDateTime::fromString(QStringLiteral("2026-01-01T10:00:05Z"), Qt::ISODate);
    return r;
}

} // namespace

void TestSessionReport::csvHasOneLinePerPart()
{
    SessionReport report;
    report.add(response());
    Response refused;
    refused.requestId = QStringLiteral("req-2");
    refused.kind = QueryKind::ReceivedRoutes;
    refused.error = Error(ErrorCode::InvalidRequest, QStringLiteral("The received-routes query needs a \"neighbor\" parameter."));
    report.add(refused);
    const QList<QByteArray> lines = report.toCsv().split('\n');
    QCOMPARE(lines.size(), 1 + 3 + 1 + 1);
    QVERIFY(lines[0].startsWith("request,completedAt,query,"));
    QVERIFY(lines[1].startsWith("req-1,2026-01-01T10:00:05Z,bgp-status,,edge-1,2026-01-01T10:00:00Z,live,2,,"));
    QVERIFY(lines[2].contains("edge-2,,,0,unreachable,edge-2 did not answer on port 22; check that it is up."));
    QVERIFY(lines[3].contains("core-1,2026-01-01T10:00:00Z,stored,1"));
    QVERIFY(lines[4].contains("invalid-request,\"The received-routes query needs a \"\"neighbor\"\" parameter.\""));
}

void TestSessionReport::htmlIsEscaped()
{
    SessionReport report;
    Response r = response();
    r.results[0].router = QStringLiteral("<script>edge</script>");
    report.add(r);
    const QString html = QString::fromUtf8(report.toHtml(QStringLiteral("Session & report")));
    QVERIFY(html.contains(QStringLiteral("<title>Session &amp; report</title>")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;edge&lt;/script&gt;")));
    QVERIFY(!html.contains(QStringLiteral("<script>")));
    QVERIFY(html.contains(QStringLiteral("<td>198.51.100.1</td>")));
    QVERIFY(html.contains(QStringLiteral("class=\"err\">unreachable: edge-2 did not answer")));
}

QTEST_MAIN(TestSessionReport)
#include "tst_session_report.moc"
