// The same behaviour is asked of every ResultStore backend; each test runs per backend.
#include "engine/storage/memory_result_store.h"
#include "engine/storage/record_set_codec.h"
#include "engine/storage/sqlite_result_store.h"
#ifdef ROUTERLENS_TEST_POSTGRES
#include "engine/team/pg_database.h"
#include "engine/team/pg_result_store.h"
#endif

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <QTest>
#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

using namespace rl;

Q_DECLARE_METATYPE(std::function<std::unique_ptr<rl::ResultStore>()>)

namespace {

using StoreFactory = std::function<std::unique_ptr<ResultStore>()>;

const QDateTime kT0 = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

StoredAnswer makeAnswer(const QString &router, QueryKind kind, const QDateTime &fetched, qint64 ttlSeconds,
                        int rows = 2, const QString &neighbor = {})
{
    StoredAnswer a;
    a.router = router;
    a.kind = kind;
    a.params.neighbor = neighbor;
    a.fetchedAt = fetched;
    a.expiresAt = fetched.addSecs(ttlSeconds);
    a.commands = {QStringLiteral("show bgp summary json")};
    a.latencyMs = 42;
    QList<BgpNeighborRecord> list;
    for (int i = 0; i < rows; ++i) {
        BgpNeighborRecord r;
        r.vrf = QStringLiteral("default");
        r.neighbor = QStringLiteral("198.18.1.%1").arg(i + 1);
        r.addressFamily = QStringLiteral("ipv4-unicast");
        r.localAs = 65001;
        r.remoteAs = 65010 + i;
        r.state = BgpState::Established;
        r.prefixesReceived = 10 * i;
        list.append(r);
    }
    a.records = RecordSet(kind, list);
    return a;
}

} // namespace

class TestResultStore final : public QObject
{
    Q_OBJECT

private:
    void addBackends();
    std::unique_ptr<ResultStore> openStore();

private Q_SLOTS:
    void putAndFresh_data() { addBackends(); }
    void putAndFresh();
    void freshHonoursNotBeforeAndExpiry_data() { addBackends(); }
    void freshHonoursNotBeforeAndExpiry();
    void freshKeysOnParams_data() { addBackends(); }
    void freshKeysOnParams();
    void historyNewestFirst_data() { addBackends(); }
    void historyNewestFirst();
    void loadMissing_data() { addBackends(); }
    void loadMissing();
    void prune_data() { addBackends(); }
    void prune();
    void concurrentUse_data() { addBackends(); }
    void concurrentUse();
    // Usage buckets: added to, never overwritten; read back by hour window; percentiles from
    // the stored histograms; pruned by hour; two stores on one database (two processes) sum up.
    void usageBucketsAddUp_data() { addBackends(); }
    void usageBucketsAddUp();
    void usagePercentilesFromStoredBuckets_data() { addBackends(); }
    void usagePercentilesFromStoredBuckets();
    void usageWindowAndPrune_data() { addBackends(); }
    void usageWindowAndPrune();
    void usageFromTwoStoresOnOneDatabase_data() { addBackends(); }
    void usageFromTwoStoresOnOneDatabase();
    void sqliteVersion2StoreGetsUsage();

    void codecRoundTrip();
    void codecRejectsDamage();
    void codecReadsAnswersStoredBeforeAColumnWasAdded();
    void sqliteSurvivesReopen();
    void sqliteLargeAnswer();
    void sqliteForeignFileLeftAlone_data();
    void sqliteForeignFileLeftAlone();
    void sqliteUnwritablePath();

private:
    // A second store on the database the factory made last (another process), or null for
    // the memory store (there is no second process on it).
    std::unique_ptr<ResultStore> sibling();

    QTemporaryDir m_dir;
    int m_files = 0;
    QString m_lastLocation; // the file or connection string the factory made last
};

void TestResultStore::addBackends()
{
    QTest::addColumn<StoreFactory>("factory");
    QTest::newRow("memory") << StoreFactory([] { return std::make_unique<MemoryResultStore>(); });
    QTest::newRow("sqlite") << StoreFactory([this] {
        m_lastLocation = m_dir.filePath(QStringLiteral("s%1/results.sqlite").arg(++m_files));
        return std::make_unique<SqliteResultStore>(m_lastLocation);
    });
#ifdef ROUTERLENS_TEST_POSTGRES
    // tst_pg_result_store (tests/postgres): the same contract on PostgreSQL, a fresh database
    // per store in the private instance tests/postgres/with_postgres.sh started.
    QTest::newRow("postgresql") << StoreFactory([this]() -> std::unique_ptr<ResultStore> {
        const QString server = qEnvironmentVariable("RL_TEST_PG");
        if (server.isEmpty())
            qFatal("RL_TEST_PG is not set: run this test through tests/postgres/with_postgres.sh (ctest does)");
        const QString name = QStringLiteral("rl_store_%1").arg(++m_files);
        PgDatabase admin(server);
        if (auto r = admin.exec(QStringLiteral("CREATE DATABASE %1").arg(name).toUtf8().constData()); !r)
            qFatal("cannot create a database: %s", qPrintable(r.error().toString()));
        m_lastLocation = server + QStringLiteral(" dbname=") + name;
        return std::make_unique<PgResultStore>(std::make_shared<PgDatabase>(m_lastLocation));
    });
#endif
}

std::unique_ptr<ResultStore> TestResultStore::sibling()
{
    const QByteArray tag = QTest::currentDataTag();
    std::unique_ptr<ResultStore> store;
    if (tag == "sqlite")
        store = std::make_unique<SqliteResultStore>(m_lastLocation);
#ifdef ROUTERLENS_TEST_POSTGRES
    if (tag == "postgresql")
        store = std::make_unique<PgResultStore>(std::make_shared<PgDatabase>(m_lastLocation));
#endif
    if (store && store->open())
        return nullptr;
    return store;
}

std::unique_ptr<ResultStore> TestResultStore::openStore()
{
    QFETCH(StoreFactory, factory);
    auto store = factory();
    const Error err = store->open();
    if (err)
        qWarning() << err.toString();
    return err ? nullptr : std::move(store);
}

void TestResultStore::putAndFresh()
{
    auto store = openStore();
    QVERIFY(store);
    const StoredAnswer a = makeAnswer(QStringLiteral("lab-frr"), QueryKind::BgpStatus, kT0, 60, 3);
    const Result<qint64> id = store->put(a);
    QVERIFY2(id.ok(), qPrintable(id.error().toString()));
    QVERIFY(*id > 0);

    const auto hit = store->fresh(QStringLiteral("lab-frr"), QueryKind::BgpStatus, {}, kT0.addSecs(-10),
                                  kT0.addSecs(30));
    QVERIFY(hit.has_value());
    QCOMPARE(hit->id, *id);
    QCOMPARE(hit->router, a.router);
    QCOMPARE(hit->kind, a.kind);
    QCOMPARE(hit->fetchedAt, a.fetchedAt);
    QCOMPARE(hit->expiresAt, a.expiresAt);
    QCOMPARE(hit->commands, a.commands);
    QCOMPARE(hit->latencyMs, a.latencyMs);
    QCOMPARE(hit->records, a.records);

    // Another router or kind: a miss.
    QVERIFY(!store->fresh(QStringLiteral("lab-bird"), QueryKind::BgpStatus, {}, {}, kT0));
    QVERIFY(!store->fresh(QStringLiteral("lab-frr"), QueryKind::ArpTable, {}, {}, kT0));
}

void TestResultStore::freshHonoursNotBeforeAndExpiry()
{
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(store->put(makeAnswer(QStringLiteral("r1"), QueryKind::BgpStatus, kT0, 60)).ok());
    const QString r1 = QStringLiteral("r1");
    // Too old for the caller.
    QVERIFY(!store->fresh(r1, QueryKind::BgpStatus, {}, kT0.addSecs(1), kT0.addSecs(2)));
    // Expired.
    QVERIFY(!store->fresh(r1, QueryKind::BgpStatus, {}, kT0.addSecs(-100), kT0.addSecs(60)));
    QVERIFY(!store->fresh(r1, QueryKind::BgpStatus, {}, kT0.addSecs(-100), kT0.addSecs(61)));
    // Exactly at notBefore and before expiry: a hit.
    QVERIFY(store->fresh(r1, QueryKind::BgpStatus, {}, kT0, kT0.addSecs(59)));

    // With two fresh answers, the newest wins.
    const Result<qint64> newer = store->put(makeAnswer(r1, QueryKind::BgpStatus, kT0.addSecs(10), 60, 1));
    QVERIFY(newer.ok());
    const auto hit = store->fresh(r1, QueryKind::BgpStatus, {}, kT0.addSecs(-100), kT0.addSecs(20));
    QVERIFY(hit);
    QCOMPARE(hit->id, *newer);
    QCOMPARE(hit->records.size(), 1);
}

void TestResultStore::freshKeysOnParams()
{
    auto store = openStore();
    QVERIFY(store);
    const QString r = QStringLiteral("r1");
    QVERIFY(store->put(makeAnswer(r, QueryKind::BgpStatus, kT0, 60, 1, QStringLiteral("198.18.1.1"))).ok());
    QueryParams p;
    p.neighbor = QStringLiteral("198.18.1.1");
    const auto hit = store->fresh(r, QueryKind::BgpStatus, p, {}, kT0);
    QVERIFY(hit);
    QCOMPARE(hit->params, p);
    p.neighbor = QStringLiteral("198.18.1.2");
    QVERIFY(!store->fresh(r, QueryKind::BgpStatus, p, {}, kT0));
    QVERIFY(!store->fresh(r, QueryKind::BgpStatus, QueryParams{}, {}, kT0));
}

void TestResultStore::historyNewestFirst()
{
    auto store = openStore();
    QVERIFY(store);
    const QString r = QStringLiteral("r1");
    // Inserted out of order on purpose: history sorts by fetch time.
    const qint64 mid = *store->put(makeAnswer(r, QueryKind::BgpStatus, kT0.addSecs(60), 10, 2));
    const qint64 old = *store->put(makeAnswer(r, QueryKind::BgpStatus, kT0, 10, 1));
    const qint64 newest = *store->put(makeAnswer(r, QueryKind::BgpStatus, kT0.addSecs(120), 10, 3));
    QVERIFY(store->put(makeAnswer(QStringLiteral("other"), QueryKind::BgpStatus, kT0, 10)).ok());

    const QList<StoredAnswerInfo> h = store->history(r, QueryKind::BgpStatus, {});
    QCOMPARE(h.size(), 3);
    QCOMPARE(h[0].id, newest);
    QCOMPARE(h[1].id, mid);
    QCOMPARE(h[2].id, old);
    QCOMPARE(h[0].recordCount, 3);
    QCOMPARE(h[2].recordCount, 1);
    QCOMPARE(h[1].fetchedAt, kT0.addSecs(60));
    QCOMPARE(h[1].router, r);

    QCOMPARE(store->history(r, QueryKind::BgpStatus, {}, 2).size(), 2);

    const auto loaded = store->load(old);
    QVERIFY(loaded);
    QCOMPARE(loaded->records, makeAnswer(r, QueryKind::BgpStatus, kT0, 10, 1).records);
}

void TestResultStore::loadMissing()
{
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(!store->load(12345));
    QVERIFY(store->history(QStringLiteral("nobody"), QueryKind::Facts, {}).isEmpty());
}

void TestResultStore::prune()
{
    auto store = openStore();
    QVERIFY(store);
    const QString r = QStringLiteral("r1");
    for (int i = 0; i < 5; ++i)
        QVERIFY(store->put(makeAnswer(r, QueryKind::BgpStatus, kT0.addSecs(i * 60), 3600)).ok());
    QCOMPARE(store->prune(kT0.addSecs(120)), 2);
    const auto h = store->history(r, QueryKind::BgpStatus, {});
    QCOMPARE(h.size(), 3);
    QCOMPARE(h.last().fetchedAt, kT0.addSecs(120));
    QCOMPARE(store->prune(kT0), 0);
}

void TestResultStore::concurrentUse()
{
    auto store = openStore();
    QVERIFY(store);
    constexpr int kThreads = 4;
    constexpr int kPerThread = 50;
    std::atomic<int> failures{0};
    QList<QThread *> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.append(QThread::create([&, t] {
            const QString router = QStringLiteral("r%1").arg(t);
            for (int i = 0; i < kPerThread; ++i) {
                if (!store->put(makeAnswer(router, QueryKind::BgpStatus, kT0.addSecs(i), 3600, 1)).ok())
                    ++failures;
                if (!store->fresh(router, QueryKind::BgpStatus, {}, {}, kT0))
                    ++failures;
                store->history(router, QueryKind::BgpStatus, {}, 5);
            }
        }));
    }
    for (QThread *th : threads)
        th->start();
    for (QThread *th : threads) {
        QVERIFY(th->wait(120000));
        delete th;
    }
    QCOMPARE(failures.load(), 0);
    for (int t = 0; t < kThreads; ++t)
        QCOMPARE(store->history(QStringLiteral("r%1").arg(t), QueryKind::BgpStatus, {}, 1000).size(), kPerThread);
}

namespace {

UsageBucket bucket(const QDateTime &at, const QString &client, const QString &router)
{
    UsageBucket b;
    b.hour = usageHour(at);
    b.client = client;
    b.router = router;
    return b;
}

// The bucket of (hour, client, router) in rows, or an empty one.
UsageCounters find(const QList<UsageBucket> &rows, const QDateTime &hour, const QString &client, const QString &router)
{
    for (const UsageBucket &b : rows)
        if (b.hour == usageHour(hour) && b.client == client && b.router == router)
            return b.counters;
    return {};
}

} // namespace

void TestResultStore::usageBucketsAddUp()
{
    auto store = openStore();
    QVERIFY(store);
    UsageBucket a = bucket(kT0, QStringLiteral("globex"), QStringLiteral("pe1"));
    a.counters.parts = 3;
    a.counters.cacheHits = 1;
    a.counters.coalesced = 1;
    a.counters.throttled = 1;
    a.counters.errors[QStringLiteral("timeout")] = 1;
    a.counters.errors[QStringLiteral("throttled")] = 1;
    a.counters.latency.add(40);
    a.counters.latency.add(120);
    UsageBucket refusals = bucket(kT0, QStringLiteral("globex"), QString());
    refusals.counters.refused = 2;
    refusals.counters.throttled = 1;
    refusals.counters.throttledRequests = 1;
    refusals.counters.errors[QStringLiteral("forbidden")] = 2;
    refusals.counters.errors[QStringLiteral("throttled")] = 1;
    {
        const Error e = store->addUsage({a, refusals});
        QVERIFY2(!e, qPrintable(e.toString() + QLatin1Char(' ') + e.detail));
    }
    UsageBucket more = bucket(kT0.addSecs(1200), QStringLiteral("globex"), QStringLiteral("pe1")); // the same hour
    more.counters.parts = 2;
    more.counters.coalesced = 2;
    more.counters.errors[QStringLiteral("timeout")] = 4;
    more.counters.latency.add(3000);
    QVERIFY(!store->addUsage({more}));
    QVERIFY(!store->addUsage({})); // nothing to add is no error

    const Result<QList<UsageBucket>> rows = store->usage(usageHour(kT0), usageHour(kT0).addSecs(3600));
    QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().toString()));
    QCOMPARE(rows->size(), 2);
    UsageCounters expected = a.counters;
    expected.merge(more.counters);
    const UsageCounters got = find(*rows, kT0, QStringLiteral("globex"), QStringLiteral("pe1"));
    QCOMPARE(got.parts, 5);
    QCOMPARE(got.coalesced, 3);
    QCOMPARE(got.errors.value(QStringLiteral("timeout")), 5);
    QCOMPARE(got.latency.count(), 3);
    QCOMPARE(got.latency.sumMs(), 3160.0);
    QVERIFY(got == expected);
    QVERIFY(find(*rows, kT0, QStringLiteral("globex"), QString()) == refusals.counters);
    QCOMPARE(find(*rows, kT0, QStringLiteral("globex"), QString()).requests(), 3);
}

void TestResultStore::usagePercentilesFromStoredBuckets()
{
    auto store = openStore();
    QVERIFY(store);
    // 100 answers of 10 .. 1000 ms over two hours, stored in pieces.
    LatencyHistogram all;
    for (int i = 1; i <= 100; ++i) {
        UsageBucket b = bucket(kT0.addSecs(i <= 50 ? 0 : 3600), QStringLiteral("initech"), QStringLiteral("pe2"));
        b.counters.parts = 1;
        b.counters.latency.add(i * 10.0);
        all.add(i * 10.0);
        QVERIFY(!store->addUsage({b}));
    }
    const Result<QList<UsageBucket>> rows = store->usage(usageHour(kT0), usageHour(kT0).addSecs(7200));
    QVERIFY(rows);
    QCOMPARE(rows->size(), 2);
    LatencyHistogram merged;
    for (const UsageBucket &b : *rows)
        merged.merge(b.counters.latency);
    QCOMPARE(merged.count(), 100);
    for (std::size_t i = 0; i < LatencyHistogram::kBucketCount; ++i)
        QCOMPARE(merged.bucket(i), all.bucket(i));
    QCOMPARE(merged.percentile(50), all.percentile(50));
    QCOMPARE(merged.percentile(99), all.percentile(99));
    QVERIFY(merged.percentile(50) >= 250 && merged.percentile(50) <= 500);
    QVERIFY(merged.percentile(99) >= 500 && merged.percentile(99) <= 1000);
}

void TestResultStore::usageWindowAndPrune()
{
    auto store = openStore();
    QVERIFY(store);
    QList<UsageBucket> hours;
    for (int h = 0; h < 5; ++h) {
        UsageBucket b = bucket(kT0.addSecs(3600 * h), QStringLiteral("c"), QStringLiteral("r"));
        b.counters.parts = h + 1;
        hours.append(b);
    }
    QVERIFY(!store->addUsage(hours));
    // [10:00 + 1h, 10:00 + 3h): the hours starting at +1h and +2h.
    const auto window = store->usage(kT0.addSecs(3600), kT0.addSecs(3 * 3600));
    QVERIFY(window);
    QCOMPARE(window->size(), 2);
    QCOMPARE(window->at(0).counters.parts, 2);
    QCOMPARE(window->at(1).counters.parts, 3);
    QCOMPARE(window->at(0).hour, kT0.addSecs(3600));
    // A window ending within an hour takes that hour; one starting within an hour takes it too.
    const auto partial = store->usage(kT0.addSecs(3600 + 600), kT0.addSecs(2 * 3600 + 1));
    QVERIFY(partial);
    QCOMPARE(partial->size(), 2);
    QVERIFY(store->pruneUsage(kT0.addSecs(2 * 3600)) > 0);
    const auto left = store->usage(kT0.addSecs(-3600), kT0.addSecs(10 * 3600));
    QVERIFY(left);
    QCOMPARE(left->size(), 3);
    QCOMPARE(left->first().counters.parts, 3);
    QCOMPARE(store->pruneUsage(kT0.addSecs(2 * 3600)), 0);
}

void TestResultStore::usageFromTwoStoresOnOneDatabase()
{
    auto first = openStore();
    QVERIFY(first);
    auto second = sibling();
    ResultStore *other = second ? second.get() : first.get();
    // Two processes flushing the same buckets at once: every addition counts.
    constexpr int kFlushes = 40;
    std::atomic<int> failures{0};
    auto flusher = [&](ResultStore *store, const QString &router) {
        for (int i = 0; i < kFlushes; ++i) {
            UsageBucket shared = bucket(kT0, QStringLiteral("globex"), QStringLiteral("pe1"));
            shared.counters.parts = 1;
            shared.counters.errors[QStringLiteral("timeout")] = 1;
            shared.counters.latency.add(30);
            UsageBucket own = bucket(kT0, QStringLiteral("globex"), router);
            own.counters.cacheHits = 2;
            if (store->addUsage({shared, own}))
                ++failures;
        }
    };
    QThread *a = QThread::create(flusher, first.get(), QStringLiteral("a"));
    QThread *b = QThread::create(flusher, other, QStringLiteral("b"));
    a->start();
    b->start();
    QVERIFY(a->wait(120000));
    QVERIFY(b->wait(120000));
    delete a;
    delete b;
    QCOMPARE(failures.load(), 0);
    for (ResultStore *store : {first.get(), other}) {
        const auto rows = store->usage(kT0, kT0.addSecs(1));
        QVERIFY(rows);
        const UsageCounters shared = find(*rows, kT0, QStringLiteral("globex"), QStringLiteral("pe1"));
        QCOMPARE(shared.parts, 2 * kFlushes);
        QCOMPARE(shared.errors.value(QStringLiteral("timeout")), 2 * kFlushes);
        QCOMPARE(shared.latency.count(), 2 * kFlushes);
        QCOMPARE(find(*rows, kT0, QStringLiteral("globex"), QStringLiteral("a")).cacheHits, 2 * kFlushes);
        QCOMPARE(find(*rows, kT0, QStringLiteral("globex"), QStringLiteral("b")).cacheHits, 2 * kFlushes);
    }
}

void TestResultStore::sqliteVersion2StoreGetsUsage()
{
    // A store of the previous RouterLens (format 2, no usage table): opened, it gains the table
    // and keeps its answers.
    const QString path = m_dir.filePath(QStringLiteral("v2/results.sqlite"));
    qint64 id = -1;
    {
        SqliteResultStore store(path);
        QVERIFY(!store.open());
        const auto put = store.put(makeAnswer(QStringLiteral("r1"), QueryKind::BgpStatus, kT0, 60));
        QVERIFY(put.ok());
        id = *put;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("DROP TABLE usage")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 2")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));
    SqliteResultStore store(path);
    const Error e = store.open();
    QVERIFY2(!e, qPrintable(e.toString()));
    QVERIFY(store.load(id));
    UsageBucket b = bucket(kT0, QStringLiteral("c"), QStringLiteral("r1"));
    b.counters.parts = 7;
    QVERIFY(!store.addUsage({b}));
    const auto rows = store.usage(kT0, kT0.addSecs(1));
    QVERIFY(rows);
    QCOMPARE(find(*rows, kT0, QStringLiteral("c"), QStringLiteral("r1")).parts, 7);
}

namespace {

RecordSet routes(int count)
{
    QList<RouteRecord> list;
    list.reserve(count);
    for (int i = 0; i < count; ++i) {
        RouteRecord r;
        r.prefix = IpPrefix(IpAddress::fromV4(0x0a000000u + quint32(i) * 256u), 24);
        r.nextHop = IpAddress::fromV4(0xc6130002u);
        r.asPath = QStringLiteral("65010 65020 %1").arg(64512 + i % 1000);
        r.communities = (i % 3) ? QString() : QStringLiteral("65010:100 no-export");
        r.localPref = 100;
        r.med = (i % 2) ? -1 : i;
        r.origin = RouteOrigin::Igp;
        r.best = i % 2;
        list.append(r);
    }
    return RecordSet(QueryKind::ReceivedRoutes, list);
}

} // namespace

void TestResultStore::codecRoundTrip()
{
    const RecordSet r = routes(500);
    const auto back = RecordSetCodec::decode(QueryKind::ReceivedRoutes, RecordSetCodec::encode(r));
    QVERIFY(back);
    QCOMPARE(*back, r);

    QList<OpticsRecord> optics(2);
    optics[0].interfaceName = QStringLiteral("et-0/0/1");
    optics[0].rxPowerDbm = -3.25;
    optics[1].lane = 2; // the rest unknown (NaN)
    const RecordSet o(QueryKind::Optics, optics);
    const auto oBack = RecordSetCodec::decode(QueryKind::Optics, RecordSetCodec::encode(o));
    QVERIFY(oBack);
    QCOMPARE(*oBack, o);

    const auto empty = RecordSetCodec::decode(QueryKind::ArpTable, RecordSetCodec::encode(RecordSet(QueryKind::ArpTable)));
    QVERIFY(empty);
    QCOMPARE(empty->size(), 0);
}

void TestResultStore::codecRejectsDamage()
{
    const QByteArray good = RecordSetCodec::encode(routes(50));
    QVERIFY(!RecordSetCodec::decode(QueryKind::BgpStatus, good)); // another kind
    QVERIFY(!RecordSetCodec::decode(QueryKind::ReceivedRoutes, QByteArray("garbage")));
    QVERIFY(!RecordSetCodec::decode(QueryKind::ReceivedRoutes, QByteArray()));
    const QByteArray raw = qUncompress(good);
    QVERIFY(!RecordSetCodec::decode(QueryKind::ReceivedRoutes, qCompress(raw.left(raw.size() / 2))));
}

void TestResultStore::codecReadsAnswersStoredBeforeAColumnWasAdded()
{
    // BGP records gained localAddress at their end: an answer stored (by format version 2,
    // before the header carried a checksum of its columns) with the 15 columns before it still
    // reads, the new column unknown. Its last byte is the new column's "absent" marker; the
    // column count sits after the magic, version and kind, the checksum after the count.
    BgpNeighborRecord n;
    n.vrf = QStringLiteral("default");
    n.neighbor = QStringLiteral("198.51.100.2");
    n.localAs = 64500;
    n.remoteAs = 65010;
    n.state = BgpState::Established;
    const RecordSet now(QueryKind::BgpStatus, QList<BgpNeighborRecord>{n});
    QByteArray raw = qUncompress(RecordSetCodec::encode(now));
    QCOMPARE(raw.at(raw.size() - 1), char(0));
    const int columns = int(BgpNeighborRecord::columns().size());
    QCOMPARE(QString::fromLatin1(BgpNeighborRecord::columns()[size_t(columns - 1)].key), QStringLiteral("localAddress"));
    raw.chop(1);
    raw.remove(4 + 1 + 1 + 4, 4);
    raw[4] = 2;
    QDataStream patch(&raw, QIODevice::ReadWrite);
    patch.device()->seek(4 + 1 + 1);
    patch << quint32(columns - 1);
    const auto back = RecordSetCodec::decode(QueryKind::BgpStatus, qCompress(raw));
    QVERIFY(back);
    QCOMPARE(*back, now);
    // More columns than the record type has is damage, not an older answer.
    patch.device()->seek(4 + 1 + 1);
    patch << quint32(columns + 1);
    QVERIFY(!RecordSetCodec::decode(QueryKind::BgpStatus, qCompress(raw)));
}

void TestResultStore::sqliteSurvivesReopen()
{
    const QString path = m_dir.filePath(QStringLiteral("reopen/results.sqlite"));
    qint64 id = -1;
    {
        SqliteResultStore store(path);
        QVERIFY(!store.open());
        id = *store.put(makeAnswer(QStringLiteral("r1"), QueryKind::BgpStatus, kT0, 60, 3));
    }
    SqliteResultStore store(path);
    QVERIFY(!store.open());
    QVERIFY(store.warnings().isEmpty());
    const auto a = store.load(id);
    QVERIFY(a);
    QCOMPARE(a->records, makeAnswer(QStringLiteral("r1"), QueryKind::BgpStatus, kT0, 60, 3).records);
    QCOMPARE(store.history(QStringLiteral("r1"), QueryKind::BgpStatus, {}).size(), 1);
}

void TestResultStore::sqliteLargeAnswer()
{
    // A sizeable table round-trips; the benchmark covers a million routes.
    SqliteResultStore store(m_dir.filePath(QStringLiteral("large/results.sqlite")));
    QVERIFY(!store.open());
    StoredAnswer a;
    a.router = QStringLiteral("lab-frr");
    a.kind = QueryKind::ReceivedRoutes;
    a.params.neighbor = QStringLiteral("198.19.0.2");
    a.fetchedAt = kT0;
    a.expiresAt = kT0.addSecs(300);
    a.records = routes(100000);
    const auto id = store.put(a);
    QVERIFY2(id.ok(), qPrintable(id.error().toString()));
    const auto back = store.fresh(a.router, a.kind, a.params, kT0, kT0.addSecs(1));
    QVERIFY(back);
    QCOMPARE(back->records.size(), 100000);
    QCOMPARE(back->records, a.records);
    QCOMPARE(back->params, a.params);
    QVERIFY(QFileInfo(store.path()).size() + QFileInfo(store.path() + QStringLiteral("-wal")).size()
            < 100000 * 40); // compact: well under the JSON form
}

void TestResultStore::sqliteForeignFileLeftAlone_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("text file") << QByteArray("this is not a database\n").repeated(200);
    QTest::newRow("random bytes") << QByteArray(8192, '\xa5');
    QByteArray header("SQLite format 3");
    header.append('\0');
    header.append(QByteArray(4080, '\x7f'));
    QTest::newRow("sqlite header of another application") << header;
}

void TestResultStore::sqliteForeignFileLeftAlone()
{
    // Not provably a RouterLens store: refused, and kept exactly as it was, under its name.
    // (tst_store_integrity covers damaged RouterLens stores, which are moved aside.)
    QFETCH(QByteArray, content);
    const QString dir = m_dir.filePath(QStringLiteral("foreign%1").arg(++m_files));
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + QStringLiteral("/results.sqlite");
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    SqliteResultStore store(path);
    const Error err = store.open();
    QCOMPARE(err.code, ErrorCode::StoreError);
    QVERIFY2(err.message.contains(QStringLiteral("is not a RouterLens result store")), qPrintable(err.message));
    QVERIFY(store.warnings().isEmpty());
    QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList{QStringLiteral("results.sqlite")});
    QFile old(path);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), content);
    QVERIFY(!store.put(makeAnswer(QStringLiteral("r1"), QueryKind::BgpStatus, kT0, 60)).ok());
}

void TestResultStore::sqliteUnwritablePath()
{
    // A path whose folder is a file: an error value, not a crash.
    const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
    QFile f(blocker);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    SqliteResultStore store(blocker + QStringLiteral("/sub/results.sqlite"));
    const Error err = store.open();
    QCOMPARE(err.code, ErrorCode::StoreError);
    QVERIFY(!store.put(makeAnswer(QStringLiteral("r1"), QueryKind::BgpStatus, kT0, 60)).ok());
    QVERIFY(!store.fresh(QStringLiteral("r1"), QueryKind::BgpStatus, {}, {}, kT0));
}

QTEST_GUILESS_MAIN(TestResultStore)
#include "tst_result_store.moc"
