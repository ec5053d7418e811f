// The Usage view (Tools > Usage…) and the activity panel's usage line, against the demo lab
// with an SQLite store: what the engine answered, per client and per router, read back from
// the store; the CSV export; the model under QAbstractItemModelTester.
#include "engine/service/router_data_service.h"
#include "ui/dialogs/usage_dialog.h"
#include "ui/main_window.h"
#include "ui/models/usage_model.h"
#include "ui/widgets/activity_panel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace rl;

namespace {

UsageBucket bucket(const QString &client, const QString &router, qint64 parts, qint64 hits = 0)
{
    UsageBucket b;
    b.hour = usageHour(QDateTime::currentDateTimeUtc());
    b.client = client;
    b.router = router;
    b.counters.parts = parts;
    b.counters.cacheHits = hits;
    return b;
}

// The row of a model whose first column reads `name`, or -1.
int rowOf(const QAbstractItemModel &m, const QString &name)
{
    for (int r = 0; r < m.rowCount(); ++r)
        if (m.index(r, UsageModel::NameColumn).data(UsageModel::SortRole).toString() == name)
            return r;
    return -1;
}

qint64 cell(const QAbstractItemModel &m, int row, int column)
{
    return m.index(row, column).data(UsageModel::SortRole).toLongLong();
}

} // namespace

class TestUsageDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelSumsPerClientAndRouter();
    void viewShowsWhatTheEngineAnswered();
    void periodAndExport();
    void reachedFromTheToolsMenu();
    void activityPanelShowsThisHour();
    void cleanupTestCase();

private:
    Response ask(const QString &client, const QStringList &routers, qint64 maxAgeSeconds = 0);

    QTemporaryDir m_dir;
    std::unique_ptr<RouterDataService> m_service;
};

void TestUsageDialog::initTestCase()
{
    Q_INIT_RESOURCE(ui);
    QVERIFY(m_dir.isValid());
    EngineSettings s = EngineSettings::defaults();
    s.storePath = m_dir.filePath(QStringLiteral("results.sqlite"));
    m_service = std::make_unique<RouterDataService>(s);
    QVERIFY(!m_service->storeError());
    m_service->useDemoLab();
    QVERIFY(m_service->inventory().contains(QStringLiteral("lab-frr")));
}

void TestUsageDialog::cleanupTestCase()
{
    m_service.reset();
}

Response TestUsageDialog::ask(const QString &client, const QStringList &routers, qint64 maxAgeSeconds)
{
    QSignalSpy done(m_service.get(), &RouterDataService::responseReady);
    Request r;
    r.client.id = client;
    r.routers = routers;
    r.kind = QueryKind::BgpStatus;
    r.maxAgeSeconds = maxAgeSeconds;
    const QString id = m_service->submit(r);
    for (int i = 0; i < 200; ++i) {
        for (const QList<QVariant> &args : std::as_const(done))
            if (args.at(0).value<Response>().requestId == id)
                return args.at(0).value<Response>();
        done.wait(100);
    }
    return {};
}

void TestUsageDialog::modelSumsPerClientAndRouter()
{
    UsageModel clients(UsageModel::Grouping::PerClient);
    UsageModel routers(UsageModel::Grouping::PerRouter);
    QAbstractItemModelTester t1(&clients, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&routers, QAbstractItemModelTester::FailureReportingMode::QtTest);
    UsageBucket slow = bucket(QStringLiteral("noc"), QStringLiteral("pe1"), 2);
    slow.counters.latency.add(100);
    slow.counters.latency.add(2000);
    slow.counters.errors[QStringLiteral("timeout")] = 1;
    UsageBucket refused = bucket(QStringLiteral("noc"), QString(), 0);
    refused.counters.refused = 1;
    refused.counters.errors[QStringLiteral("forbidden")] = 1;
    const QList<UsageBucket> buckets{slow, refused, bucket(QStringLiteral("globex"), QStringLiteral("pe1"), 3, 2),
                                     bucket(QStringLiteral("noc"), QStringLiteral("pe2"), 1)};
    clients.setBuckets(buckets);
    routers.setBuckets(buckets);
    QCOMPARE(clients.rowCount(), 2);
    QCOMPARE(routers.rowCount(), 3); // pe1, pe2 and the requests refused before any router
    const int noc = rowOf(clients, QStringLiteral("noc"));
    QVERIFY(noc >= 0);
    QCOMPARE(cell(clients, noc, UsageModel::RequestsColumn), 4); // 3 parts and a refused request
    QCOMPARE(cell(clients, noc, UsageModel::ErrorsColumn), 2);
    const QString tip = clients.index(noc, UsageModel::ErrorsColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("timeout: 1")) && tip.contains(QStringLiteral("forbidden: 1")), qPrintable(tip));
    const int pe1 = rowOf(routers, QStringLiteral("pe1"));
    QCOMPARE(cell(routers, pe1, UsageModel::RequestsColumn), 5);
    QCOMPARE(cell(routers, pe1, UsageModel::CacheHitsColumn), 2);
    QVERIFY(routers.index(pe1, UsageModel::P50Column).data().toString().endsWith(QStringLiteral(" ms")));
    const int pe2 = rowOf(routers, QStringLiteral("pe2"));
    QCOMPARE(routers.index(pe2, UsageModel::P95Column).data().toString(), QStringLiteral("—")); // no live samples
    QCOMPARE(routers.index(rowOf(routers, QString()), UsageModel::NameColumn).data().toString(),
             QStringLiteral("(refused before any router)"));
    QCOMPARE(clients.total().requests(), 7);
    clients.setBuckets({});
    QCOMPARE(clients.rowCount(), 0);
}

void TestUsageDialog::viewShowsWhatTheEngineAnswered()
{
    // alice asks two routers (one is down), bob asks one of them again from the store.
    const Response a = ask(QStringLiteral("alice"), {QStringLiteral("lab-frr"), QStringLiteral("demo-pe-down")});
    QCOMPARE(a.results.size(), 2);
    const Response b = ask(QStringLiteral("bob"), {QStringLiteral("lab-frr")}, 3600);
    QCOMPARE(b.results.size(), 1);
    QVERIFY(b.results.first().fromCache());
    m_service->flushUsage(); // into the SQLite store

    UsageDialog dialog(m_service.get());
    QAbstractItemModelTester tester(dialog.clientModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.refresh();
    const UsageModel &clients = *dialog.clientModel();
    const int alice = rowOf(clients, QStringLiteral("alice"));
    const int bob = rowOf(clients, QStringLiteral("bob"));
    QVERIFY(alice >= 0 && bob >= 0);
    QCOMPARE(cell(clients, alice, UsageModel::RequestsColumn), 2);
    QCOMPARE(cell(clients, alice, UsageModel::ErrorsColumn), 1);
    QVERIFY(clients.index(alice, UsageModel::ErrorsColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("unreachable: 1")));
    QCOMPARE(cell(clients, bob, UsageModel::CacheHitsColumn), 1);
    const UsageModel &routers = *dialog.routerModel();
    const int frr = rowOf(routers, QStringLiteral("lab-frr"));
    QVERIFY(frr >= 0);
    QCOMPARE(cell(routers, frr, UsageModel::RequestsColumn), 2);
    QCOMPARE(cell(routers, frr, UsageModel::CacheHitsColumn), 1);
    QVERIFY(cell(routers, frr, UsageModel::P95Column) >= 0); // a live answer's latency
    QVERIFY2(dialog.status().contains(QStringLiteral("3 requests")), qPrintable(dialog.status()));

    // The tables as a person sees them.
    dialog.resize(1000, 420);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString shots = qEnvironmentVariable("RL_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        dialog.grab().save(shots + QStringLiteral("/usage_per_client.png"));
        dialog.tabs()->setCurrentIndex(UsageDialog::PerRouterTab);
        QTest::qWait(50);
        dialog.grab().save(shots + QStringLiteral("/usage_per_router.png"));
    }
}

void TestUsageDialog::periodAndExport()
{
    UsageDialog dialog(m_service.get());
    dialog.setPeriod(UsageDialog::Last7Days);
    QCOMPARE(dialog.period(), UsageDialog::Last7Days);
    QVERIFY(rowOf(*dialog.clientModel(), QStringLiteral("alice")) >= 0);
    dialog.setPeriod(UsageDialog::LastHour);
    QCOMPARE(dialog.period(), UsageDialog::LastHour);
    dialog.setPeriod(UsageDialog::Last24Hours);
    dialog.tabs()->setCurrentIndex(UsageDialog::PerRouterTab);
    const QString path = m_dir.filePath(QStringLiteral("usage.csv"));
    QVERIFY(!dialog.exportCsv(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QVERIFY2(lines.first().startsWith("Router,Requests,From store,Coalesced,Throttled,Errors,p50,p95,p99"), lines.first().constData());
    bool frr = false;
    for (const QByteArray &l : lines)
        frr = frr || l.startsWith("lab-frr,2,1,0,0,0,");
    QVERIFY(frr);
    QVERIFY(dialog.exportCsv(m_dir.filePath(QStringLiteral("no/such/dir/usage.csv"))));
}

void TestUsageDialog::reachedFromTheToolsMenu()
{
    MainWindow window(m_service.get());
    auto *action = window.findChild<QAction *>(QStringLiteral("usageAction"));
    QVERIFY(action);
    action->trigger();
    auto *dialog = window.findChild<UsageDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(rowOf(*dialog->clientModel(), QStringLiteral("bob")) >= 0);
    dialog->close();
}

void TestUsageDialog::activityPanelShowsThisHour()
{
    const Response again = ask(QStringLiteral("alice"), {QStringLiteral("lab-frr")});
    QCOMPARE(again.results.size(), 1);
    ActivityPanel panel(m_service.get());
    // Four parts this hour: alice's two, bob's from the store, alice's now (fewer only when the
    // hour turned during this test: then the line still shows what the engine counts).
    const UsageCounters hour = m_service->usageThisHour();
    QVERIFY(hour.requests() >= 1 && hour.requests() <= 4);
    const QString text = panel.usageLine()->text();
    QVERIFY2(text.contains(QStringLiteral("%1 requests").arg(hour.requests())), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("%1% from store").arg(std::lround(100.0 * double(hour.cacheHits) / double(hour.parts)))),
             qPrintable(text));
    if (hour.requests() == 4)
        QVERIFY2(text.contains(QStringLiteral("25% from store")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("p95 ")));
    const QString shots = qEnvironmentVariable("RL_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        panel.resize(1200, 260);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.grab().save(shots + QStringLiteral("/activity_usage_line.png"));
    }
}

QTEST_MAIN(TestUsageDialog)
#include "tst_usage_dialog.moc"
