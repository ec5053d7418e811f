// Team mode on PostgreSQL (engine/team): the schema and its errors, the throttle counters shared
// by two instances, two schedulers sharing identical work through the work exchange (SKIP
// LOCKED leases), the store seen by another instance, and a lease taken over after its holder
// stopped renewing it; the per-router limit held across instances (places at the router, given
// best work first); old rows pruned. Each instance has its own PgDatabase, i.e. its own connections, as two
// routerlens-serve processes would. Runs in the private PostgreSQL of with_postgres.sh.
#include "engine/team/pg_database.h"
#include "engine/team/pg_result_store.h"
#include "engine/team/pg_throttle_state_store.h"
#include "engine/team/pg_work_exchange.h"

#include "scheduler_test_sink.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace rl;
using namespace rl::testing;

class TestPgTeam final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void schemaIsCreatedOnceAndVersioned();
    void version1DatabaseGainsUsage();
    void newerSchemaIsRefused();
    void unreachableDatabase();
    void passwordIsRefusedAndNeverShown();
    void throttleContract();
    void routerLimitHoldsAcrossTwoInstances();
    void storeAnswerFoundByAnotherInstance();
    void skipLockedGivesTheLeaseToOne();
    void twoSchedulersCoalesceIdenticalWork();
    void leaseRenewedWhileHolderLives();
    void takeoverAfterTheHolderDies();
    void routerLimitOfOneHoldsAcrossProcesses();
    void placesGoToTheBestWorkOfAnyProcess();
    void aWaiterThatStopsAskingIsPassed();
    void aDeadHoldersPlaceIsTakenOver();
    void pruneRemovesOnlyWhatNoClaimNeeds();

private:
    QString freshDatabase();
    std::shared_ptr<PgDatabase> openDatabase(const QString &conninfo);

    QString m_server;
    int m_databases = 0;
};

void TestPgTeam::initTestCase()
{
    m_server = qEnvironmentVariable("RL_TEST_PG");
    QVERIFY2(!m_server.isEmpty(), "RL_TEST_PG is not set: run through tests/postgres/with_postgres.sh (ctest does)");
    PgDatabase probe(m_server);
    auto r = probe.exec("SELECT 1");
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
}

QString TestPgTeam::freshDatabase()
{
    const QString name = QStringLiteral("rl_team_%1").arg(++m_databases);
    PgDatabase admin(m_server);
    auto r = admin.exec(QStringLiteral("CREATE DATABASE %1").arg(name).toUtf8().constData());
    if (!r)
        qFatal("cannot create a database: %s", qPrintable(r.error().toString()));
    return m_server + QStringLiteral(" dbname=") + name;
}

std::shared_ptr<PgDatabase> TestPgTeam::openDatabase(const QString &conninfo)
{
    auto db = std::make_shared<PgDatabase>(conninfo);
    const Error e = db->open();
    if (e)
        qWarning() << e.toString();
    return e ? nullptr : db;
}

void TestPgTeam::schemaIsCreatedOnceAndVersioned()
{
    const QString conninfo = freshDatabase();
    // Four processes starting at once: one creates the schema, the others find it.
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&] {
            PgDatabase db(conninfo);
            if (const Error e = db.open()) {
                qWarning() << e.toString();
                ++failures;
            } else if (db.schemaVersion() != PgDatabase::SchemaVersion) {
                ++failures;
            }
        });
    for (auto &t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
    PgDatabase db(conninfo);
    auto r = db.exec("SELECT count(*), max(version) FROM rl_schema");
    QVERIFY(r.ok());
    QCOMPARE(r->number(0, 0), qint64(PgDatabase::SchemaVersion)); // one row per version, each applied once
    QCOMPARE(r->number(0, 1), qint64(PgDatabase::SchemaVersion));
    QVERIFY(db.open().code == ErrorCode::None); // again: nothing to do
}

void TestPgTeam::version1DatabaseGainsUsage()
{
    // A database the previous RouterLens set up (schema 1: none of version 2's tables): opened,
    // it is migrated and keeps what it held.
    const QString conninfo = freshDatabase();
    {
        auto db = openDatabase(conninfo);
        QVERIFY(db);
        QVERIFY(db->exec("INSERT INTO rl_throttle (scope, key, tokens, last_ms) VALUES (1, 'pe1', 3, 0)").ok());
        QVERIFY(db->exec("DROP TABLE rl_usage, rl_router_slot, rl_router_wait").ok());
        QVERIFY(db->exec("DROP INDEX rl_work_finished").ok());
        QVERIFY(db->exec("DELETE FROM rl_schema WHERE version > 1").ok());
    }
    PgDatabase db(conninfo);
    const Error e = db.open();
    QVERIFY2(!e, qPrintable(e.toString()));
    QCOMPARE(db.schemaVersion(), PgDatabase::SchemaVersion);
    for (const char *table : {"rl_usage", "rl_router_slot", "rl_router_wait"})
        QVERIFY2(db.exec(QByteArray("SELECT count(*) FROM ").append(table).constData()).ok(), table);
    auto kept = db.exec("SELECT count(*) FROM rl_throttle");
    QVERIFY(kept.ok());
    QCOMPARE(kept->number(0, 0), 1);
}

void TestPgTeam::newerSchemaIsRefused()
{
    const QString conninfo = freshDatabase();
    auto db = openDatabase(conninfo);
    QVERIFY(db);
    QVERIFY(db->exec("INSERT INTO rl_schema (version, program) VALUES ($1, 'routerlens 9.9')",
                     {PgParam(PgDatabase::SchemaVersion + 1)}).ok());
    PgDatabase older(conninfo);
    const Error e = older.open();
    QCOMPARE(e.code, ErrorCode::DatabaseSchemaNewer);
    QCOMPARE(e.codeName(), QStringLiteral("database-schema-newer"));
    QVERIFY2(e.message.contains(QStringLiteral("schema version %1").arg(PgDatabase::SchemaVersion + 1)), qPrintable(e.message));
    QVERIFY(db->exec("SELECT count(*) FROM rl_answers").ok()); // left as it was
}

void TestPgTeam::unreachableDatabase()
{
    PgDatabase db(QStringLiteral("host=/nonexistent-rl-socket-dir port=1 dbname=rl connect_timeout=2"));
    const Error e = db.open();
    QCOMPARE(e.code, ErrorCode::DatabaseUnreachable);
    QCOMPARE(e.codeName(), QStringLiteral("database-unreachable"));
    QVERIFY2(e.message.contains(QStringLiteral("/nonexistent-rl-socket-dir")), qPrintable(e.message));
    QVERIFY(!e.detail.isEmpty()); // libpq's reason
    // A statement on it: the same code, not a crash or a hang.
    QCOMPARE(db.exec("SELECT 1").error().code, ErrorCode::DatabaseUnreachable);
    // The throttle counters out of sight: hold back (never "go ahead"), and leave the database
    // alone for a while instead of trying again on every dispatch.
    auto unreachable = std::make_shared<PgDatabase>(QStringLiteral("host=/nonexistent-rl-socket-dir port=1 dbname=rl"));
    PgThrottleStateStore counters(unreachable);
    const RateLimit limit{5, 5, ThrottleAction::HoldBack, 10};
    QCOMPARE(counters.tryTake(ThrottleScope::Router, QStringLiteral("pe1"), limit, 0), PgThrottleStateStore::UnreachableWaitMs);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 100; ++i)
        QCOMPARE(counters.tryTake(ThrottleScope::Router, QStringLiteral("pe1"), limit, 0), PgThrottleStateStore::UnreachableWaitMs);
    QVERIFY2(timer.elapsed() < PgThrottleStateStore::BackOffMs, "the unreachable database was asked again");
    QCOMPARE(counters.failures(), 101);
    QCOMPARE(counters.tryTake(ThrottleScope::Router, QStringLiteral("pe1"), RateLimit{}, 0), 0); // unlimited
}

void TestPgTeam::passwordIsRefusedAndNeverShown()
{
    for (const QString &conninfo : {QStringLiteral("postgresql://alice:s3cret@db.example/rl"),
                                    QStringLiteral("host=db.example dbname=rl password=s3cret")}) {
        const Error e = PgDatabase::checkConninfo(conninfo);
        QCOMPARE(e.code, ErrorCode::InvalidRequest);
        QVERIFY(e.message.contains(QStringLiteral("PGPASSFILE")));
        QVERIFY(!e.toString().contains(QStringLiteral("s3cret")));
        PgDatabase db(conninfo);
        QVERIFY(!db.describe().contains(QStringLiteral("s3cret")));
        QVERIFY(db.describe().contains(QStringLiteral("db.example")));
        const Error opened = db.open(); // refused before any connection
        QCOMPARE(opened.code, ErrorCode::InvalidRequest);
    }
    QVERIFY(!PgDatabase::checkConninfo(QStringLiteral("postgresql://alice@db.example:5433/rl")));
}

void TestPgTeam::throttleContract()
{
    auto db = openDatabase(freshDatabase());
    QVERIFY(db);
    PgThrottleStateStore s(db);
    const RateLimit limit{2, 3, ThrottleAction::HoldBack, 10};
    const QString r1 = QStringLiteral("pe1");
    QCOMPARE(s.tryTake(ThrottleScope::Router, r1, limit, 0), 0);
    QCOMPARE(s.tryTake(ThrottleScope::Router, r1, limit, 0), 0);
    QCOMPARE(s.peek(ThrottleScope::Router, r1, limit, 0), 0);
    QCOMPARE(s.tryTake(ThrottleScope::Router, r1, limit, 0), 0);
    const qint64 wait = s.tryTake(ThrottleScope::Router, r1, limit, 0); // burst spent
    QVERIFY2(wait > 0 && wait <= 500, qPrintable(QString::number(wait)));
    QVERIFY(s.peek(ThrottleScope::Router, r1, limit, 0) > 0);
    s.refund(ThrottleScope::Router, r1, limit, 0);
    QCOMPARE(s.peek(ThrottleScope::Router, r1, limit, 0), 0);
    // Other keys and scopes have their own buckets; unlimited never waits.
    QCOMPARE(s.tryTake(ThrottleScope::Router, QStringLiteral("pe2"), limit, 0), 0);
    QCOMPARE(s.tryTake(ThrottleScope::Client, r1, limit, 0), 0);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(s.tryTake(ThrottleScope::Network, {}, RateLimit{}, 0), 0);
    // Refilled at the rate: after 600 ms at 2/s at least one token is back.
    QTest::qWait(600);
    QCOMPARE(s.tryTake(ThrottleScope::Router, r1, limit, 0), 0);
    s.clear();
    QCOMPARE(s.peek(ThrottleScope::Router, r1, limit, 0), 0);
    QCOMPARE(s.failures(), 0);
}

void TestPgTeam::routerLimitHoldsAcrossTwoInstances()
{
    // Two instances with their own connections take tokens for one router as fast as they can:
    // together they get what one limit allows, not one limit each.
    const QString conninfo = freshDatabase();
    auto dbA = openDatabase(conninfo);
    auto dbB = std::make_shared<PgDatabase>(conninfo);
    QVERIFY(dbA);
    QVERIFY(!dbB->open());
    PgThrottleStateStore a(dbA), b(dbB);
    const RateLimit limit{5, 5, ThrottleAction::HoldBack, 10};
    std::atomic<int> takenA{0}, takenB{0}, calls{0};
    QElapsedTimer timer;
    timer.start();
    const auto hammer = [&](PgThrottleStateStore &s, std::atomic<int> &taken) {
        while (timer.elapsed() < 1500) {
            ++calls;
            if (s.tryTake(ThrottleScope::Router, QStringLiteral("pe1"), limit, 0) == 0)
                ++taken;
        }
    };
    std::thread ta([&] { hammer(a, takenA); });
    std::thread tb([&] { hammer(b, takenB); });
    ta.join();
    tb.join();
    const double seconds = timer.elapsed() / 1000.0;
    const int total = takenA + takenB;
    qInfo("taken in %.2f s: %d by A, %d by B (limit: burst 5 + 5/s); %d calls, %.0f per second",
          seconds, takenA.load(), takenB.load(), calls.load(), calls.load() / seconds);
    QVERIFY2(total <= 5 + int(5 * seconds) + 1, qPrintable(QString::number(total)));
    QVERIFY2(total > 5, qPrintable(QString::number(total))); // the burst, and some of the refill
    QVERIFY(takenA > 0 && takenB > 0);
    QCOMPARE(a.failures() + b.failures(), 0);
}

void TestPgTeam::storeAnswerFoundByAnotherInstance()
{
    const QString conninfo = freshDatabase();
    PgResultStore a(openDatabase(conninfo));
    PgResultStore b(std::make_shared<PgDatabase>(conninfo));
    QVERIFY(!a.open());
    QVERIFY(!b.open());
    StoredAnswer answer;
    answer.router = QStringLiteral("pe1");
    answer.kind = QueryKind::ArpTable;
    answer.fetchedAt = QDateTime::currentDateTimeUtc();
    answer.expiresAt = answer.fetchedAt.addSecs(60);
    answer.commands = {QStringLiteral("show ip arp")};
    ArpRecord row;
    row.ip = QStringLiteral("192.0.2.1");
    row.mac = QStringLiteral("00:11:22:33:44:55");
    answer.records = RecordSet(QueryKind::ArpTable, QList<ArpRecord>{row});
    const Result<qint64> id = a.put(answer);
    QVERIFY(id.ok());
    const auto found = b.fresh(answer.router, answer.kind, {}, {}, QDateTime::currentDateTimeUtc());
    QVERIFY(found);
    QCOMPARE(found->id, *id);
    QCOMPARE(found->records.size(), 1);
    QCOMPARE(found->commands, answer.commands);
    QCOMPARE(b.history(answer.router, answer.kind, {}).size(), 1);
}

void TestPgTeam::skipLockedGivesTheLeaseToOne()
{
    const QString conninfo = freshDatabase();
    auto dbA = openDatabase(conninfo);
    QVERIFY(dbA);
    auto dbB = std::make_shared<PgDatabase>(conninfo);
    PgWorkExchange a(dbA), b(dbB);
    const qint64 queued = QDateTime::currentMSecsSinceEpoch();
    std::atomic<int> run{0}, elsewhere{0}, failed{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&, i] {
            PgWorkExchange &x = i % 2 ? a : b;
            const auto c = x.claim(QStringLiteral("pe1|show bgp"), QStringLiteral("pe1"), {QStringLiteral("show bgp")}, queued);
            (c.kind == WorkExchange::Claim::Kind::Run ? run : c.kind == WorkExchange::Claim::Kind::Elsewhere ? elsewhere : failed)++;
        });
    for (auto &t : threads)
        t.join();
    QCOMPARE(run.load(), 1);
    QCOMPARE(elsewhere.load(), 7);
    QCOMPARE(failed.load(), 0);
    auto r = dbA->exec("SELECT state, holder, lease_expires > now() FROM rl_work");
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 1);
    QCOMPARE(r->text(0, 0), QStringLiteral("leased"));
    QVERIFY(r->text(0, 1) == a.holderId() || r->text(0, 1) == b.holderId());
    QVERIFY(r->boolean(0, 2));
}

namespace {

// One engine process's share of a test: its own connections, exchange, counters and scheduler.
struct Instance {
    std::shared_ptr<PgDatabase> db;
    std::shared_ptr<PgWorkExchange> exchange;
    TestSink sink;
    std::unique_ptr<Scheduler> scheduler;

    Instance(const QString &conninfo, ScriptedTransportFactory &transports, int leaseMs)
    {
        db = std::make_shared<PgDatabase>(conninfo);
        if (const Error e = db->open())
            qFatal("%s", qPrintable(e.toString()));
        PgWorkExchange::Options o;
        o.leaseMs = leaseMs;
        o.pollIntervalMs = 20;
        exchange = std::make_shared<PgWorkExchange>(db, o);
        SchedulerConfig config = unlimitedConfig();
        config.throttle.perRouter = RateLimit{50, 50, ThrottleAction::HoldBack, 10}; // through the shared counters
        scheduler = std::make_unique<Scheduler>(
            config, [&transports](const QString &router) { return transports.create(router); }, &sink,
            std::shared_ptr<Clock>{}, std::unique_ptr<QueueBackend>{}, std::make_shared<PgThrottleStateStore>(db),
            exchange);
        scheduler->start();
    }
    ~Instance() { scheduler->stop(); }
};

} // namespace

void TestPgTeam::twoSchedulersCoalesceIdenticalWork()
{
    const QString conninfo = freshDatabase();
    ScriptedTransportFactory routers; // the same routers, whoever asks
    routers.setRouterAnswer(QStringLiteral("pe1"), {QByteArray("BGP table of pe1"), {}, 400});
    Instance a(conninfo, routers, 3000);
    Instance b(conninfo, routers, 3000);

    a.scheduler->submit(item(QStringLiteral("a1"), QStringLiteral("pe1"), QStringLiteral("show bgp summary")));
    QTest::qWait(50);
    b.scheduler->submit(item(QStringLiteral("b1"), QStringLiteral("pe1"), QStringLiteral("show bgp summary")));
    QTRY_VERIFY_WITH_TIMEOUT(a.sink.hasAnswer(QStringLiteral("a1")) && b.sink.hasAnswer(QStringLiteral("b1")), 10000);
    QCOMPARE(routers.calls(QStringLiteral("pe1")), 1); // asked once for both processes
    QVERIFY(!a.sink.error(QStringLiteral("a1")));
    QVERIFY(!b.sink.error(QStringLiteral("b1")));
    QCOMPARE(a.sink.outcomes().first().outputs.first().output, QByteArray("BGP table of pe1"));
    QCOMPARE(b.sink.outcomes().first().outputs.first().output, QByteArray("BGP table of pe1"));
    QCOMPARE(a.exchange->runs() + b.exchange->runs(), 1);
    QCOMPARE(a.exchange->sharedOutcomes() + b.exchange->sharedOutcomes(), 1);

    // Different work is each process's own; and identical work asked again later (after the
    // first outcome) is asked again, not served from an old outcome.
    routers.resetCounters();
    a.scheduler->submit(item(QStringLiteral("a2"), QStringLiteral("pe1"), QStringLiteral("show ip arp")));
    b.scheduler->submit(item(QStringLiteral("b2"), QStringLiteral("pe1"), QStringLiteral("show bgp summary")));
    QTRY_VERIFY_WITH_TIMEOUT(a.sink.hasAnswer(QStringLiteral("a2")) && b.sink.hasAnswer(QStringLiteral("b2")), 10000);
    QCOMPARE(routers.calls(QStringLiteral("pe1")), 2);
}

void TestPgTeam::leaseRenewedWhileHolderLives()
{
    const QString conninfo = freshDatabase();
    ScriptedTransportFactory routers;
    // Work that takes three lease times: the holder renews (every 500 ms, so a loaded machine
    // has a second to spare), nobody takes it over.
    routers.setRouterAnswer(QStringLiteral("pe1"), {QByteArray("slow"), {}, 4500});
    Instance a(conninfo, routers, 1500);
    Instance b(conninfo, routers, 1500);
    a.scheduler->submit(item(QStringLiteral("a1"), QStringLiteral("pe1"), QStringLiteral("show bgp summary")));
    QTRY_COMPARE_WITH_TIMEOUT(routers.inFlight(), 1, 5000);
    b.scheduler->submit(item(QStringLiteral("b1"), QStringLiteral("pe1"), QStringLiteral("show bgp summary")));
    QTRY_VERIFY_WITH_TIMEOUT(a.sink.hasAnswer(QStringLiteral("a1")) && b.sink.hasAnswer(QStringLiteral("b1")), 15000);
    QCOMPARE(routers.calls(QStringLiteral("pe1")), 1);
    QCOMPARE(b.exchange->takeovers(), 0);
    QCOMPARE(b.sink.outcomes().first().outputs.first().output, QByteArray("slow"));
}

void TestPgTeam::takeoverAfterTheHolderDies()
{
    const QString conninfo = freshDatabase();
    ScriptedTransportFactory routers;
    routers.setRouterAnswer(QStringLiteral("pe1"), {QByteArray("answer"), {}, 100});
    // A process that took the lease and then died: no finish, no more renewals.
    {
        auto db = openDatabase(conninfo);
        QVERIFY(db);
        PgWorkExchange::Options o;
        o.leaseMs = 800;
        PgWorkExchange dead(db, o);
        // The scheduler's key for this work (router, then the commands): see Scheduler::submit.
        const QString key = QStringLiteral("pe1") + QChar(0x1d) + QStringLiteral("show bgp summary");
        const auto c = dead.claim(key, QStringLiteral("pe1"), {QStringLiteral("show bgp summary")},
                                  QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(c.kind, WorkExchange::Claim::Kind::Run);
    }
    Instance b(conninfo, routers, 800);
    QElapsedTimer timer;
    timer.start();
    b.scheduler->submit(item(QStringLiteral("b1"), QStringLiteral("pe1"), QStringLiteral("show bgp summary")));
    QTRY_VERIFY_WITH_TIMEOUT(b.sink.hasAnswer(QStringLiteral("b1")), 10000);
    QVERIFY(!b.sink.error(QStringLiteral("b1")));
    QCOMPARE(b.exchange->takeovers(), 1);
    QCOMPARE(routers.calls(QStringLiteral("pe1")), 1);
    qInfo("taken over and answered after %lld ms (lease 800 ms)", timer.elapsed());
    auto r = b.db->exec("SELECT state, generation FROM rl_work");
    QVERIFY(r.ok());
    QCOMPARE(r->text(0, 0), QStringLiteral("done"));
    QCOMPARE(r->number(0, 1), 2);
}

void TestPgTeam::routerLimitOfOneHoldsAcrossProcesses()
{
    // Each process allows one call at a time at pe1 (SchedulerConfig's default); four different
    // pieces of work from two processes still reach pe1 one at a time.
    const QString conninfo = freshDatabase();
    ScriptedTransportFactory routers;
    routers.setRouterAnswer(QStringLiteral("pe1"), {QByteArray("answer"), {}, 250});
    Instance a(conninfo, routers, 3000);
    Instance b(conninfo, routers, 3000);
    a.scheduler->submit(item(QStringLiteral("a1"), QStringLiteral("pe1"), QStringLiteral("show ip arp")));
    b.scheduler->submit(item(QStringLiteral("b1"), QStringLiteral("pe1"), QStringLiteral("show bgp summary")));
    a.scheduler->submit(item(QStringLiteral("a2"), QStringLiteral("pe1"), QStringLiteral("show ip route")));
    b.scheduler->submit(item(QStringLiteral("b2"), QStringLiteral("pe1"), QStringLiteral("show version")));
    QTRY_VERIFY_WITH_TIMEOUT(a.sink.hasAnswer(QStringLiteral("a1")) && a.sink.hasAnswer(QStringLiteral("a2"))
                                 && b.sink.hasAnswer(QStringLiteral("b1")) && b.sink.hasAnswer(QStringLiteral("b2")),
                             15000);
    for (const char *id : {"a1", "a2"})
        QVERIFY2(!a.sink.error(QLatin1String(id)), qPrintable(a.sink.error(QLatin1String(id)).toString()));
    for (const char *id : {"b1", "b2"})
        QVERIFY2(!b.sink.error(QLatin1String(id)), qPrintable(b.sink.error(QLatin1String(id)).toString()));
    QCOMPARE(routers.calls(QStringLiteral("pe1")), 4);
    QCOMPARE(routers.maxConcurrency(QStringLiteral("pe1")), 1);
    QVERIFY(a.exchange->slotWaits() + b.exchange->slotWaits() > 0); // someone did wait for the place
    auto r = a.db->exec("SELECT count(*) FROM rl_router_slot WHERE holder IS NOT NULL");
    QVERIFY(r.ok());
    QCOMPARE(r->number(0, 0), 0); // every place given back
    auto w = a.db->exec("SELECT count(*) FROM rl_router_wait");
    QVERIFY(w.ok());
    QCOMPARE(w->number(0, 0), 0);
}

void TestPgTeam::placesGoToTheBestWorkOfAnyProcess()
{
    const QString conninfo = freshDatabase();
    auto dbA = openDatabase(conninfo);
    QVERIFY(dbA);
    auto dbB = openDatabase(conninfo);
    QVERIFY(dbB);
    PgWorkExchange::Options o;
    o.leaseMs = 5000;
    PgWorkExchange a(dbA, o), b(dbB, o);
    using Kind = WorkExchange::Slot::Kind;
    const QString pe1 = QStringLiteral("pe1");
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 10000;

    const auto held = a.takeRouterSlot(pe1, 1, 10, t0, 1);
    QCOMPARE(held.kind, Kind::Granted);
    QCOMPARE(held.slot, 0);
    QCOMPARE(b.takeRouterSlot(pe1, 1, 5, t0, 2).kind, Kind::Busy);        // B's background work waits
    QCOMPARE(a.takeRouterSlot(pe1, 1, 20, t0 + 100, 3).kind, Kind::Busy); // A's interactive work too
    a.releaseRouterSlot(pe1, held.slot, 1);
    // The place is free, but A's better work waits: B's asks again and is told to wait.
    QCOMPARE(b.takeRouterSlot(pe1, 1, 5, t0, 2).kind, Kind::Busy);
    const auto best = a.takeRouterSlot(pe1, 1, 20, t0 + 100, 3);
    QCOMPARE(best.kind, Kind::Granted);
    a.releaseRouterSlot(pe1, best.slot, 3);
    // As good as another process's work and waiting longer: first.
    QCOMPARE(a.takeRouterSlot(pe1, 1, 5, t0 + 50, 4).kind, Kind::Busy);
    const auto older = b.takeRouterSlot(pe1, 1, 5, t0, 2);
    QCOMPARE(older.kind, Kind::Granted);
    // Releasing with another ticket than the taker's frees nothing.
    b.releaseRouterSlot(pe1, older.slot, 99);
    QCOMPARE(a.takeRouterSlot(pe1, 1, 5, t0 + 50, 4).kind, Kind::Busy);
    b.releaseRouterSlot(pe1, older.slot, 2);
    QCOMPARE(a.takeRouterSlot(pe1, 1, 5, t0 + 50, 4).kind, Kind::Granted);
    // A limit of two gives two places.
    QCOMPARE(b.takeRouterSlot(pe1, 2, 5, t0, 5).kind, Kind::Granted);
    QCOMPARE(b.takeRouterSlot(pe1, 2, 5, t0, 6).kind, Kind::Busy);
}

namespace {

// Asks for a place (limit 1) every 20 ms, as a worker does, until given or `timeoutMs` passed.
// (Not QTRY_COMPARE: it evaluates its expression again after success, and asking again while
// holding the place is refused.)
WorkExchange::Slot askUntilGranted(PgWorkExchange &x, const QString &router, double score, qint64 queuedAtMs,
                                   quint64 ticket, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const WorkExchange::Slot s = x.takeRouterSlot(router, 1, score, queuedAtMs, ticket);
        if (s.kind != WorkExchange::Slot::Kind::Busy || timer.elapsed() > timeoutMs)
            return s;
        QTest::qWait(20);
    }
}

} // namespace

void TestPgTeam::aWaiterThatStopsAskingIsPassed()
{
    // A process that queued for the place and died (stopped asking) does not hold the others
    // back for longer than a lease time.
    const QString conninfo = freshDatabase();
    auto dbA = openDatabase(conninfo);
    QVERIFY(dbA);
    PgWorkExchange::Options o;
    o.leaseMs = 600;
    PgWorkExchange a(dbA, o);
    using Kind = WorkExchange::Slot::Kind;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    {
        auto dbGone = openDatabase(conninfo);
        QVERIFY(dbGone);
        PgWorkExchange gone(dbGone, o);
        const auto held = a.takeRouterSlot(QStringLiteral("pe1"), 1, 1, t0, 1);
        QCOMPARE(held.kind, Kind::Granted);
        QCOMPARE(gone.takeRouterSlot(QStringLiteral("pe1"), 1, 50, t0, 7).kind, Kind::Busy);
        a.releaseRouterSlot(QStringLiteral("pe1"), held.slot, 1);
    }
    QCOMPARE(a.takeRouterSlot(QStringLiteral("pe1"), 1, 1, t0, 2).kind, Kind::Busy); // the better waiter first
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(askUntilGranted(a, QStringLiteral("pe1"), 1, t0, 2, 5000).kind, Kind::Granted);
    QVERIFY2(timer.elapsed() >= 300, qPrintable(QString::number(timer.elapsed()))); // not passed at once
}

void TestPgTeam::aDeadHoldersPlaceIsTakenOver()
{
    const QString conninfo = freshDatabase();
    PgWorkExchange::Options o;
    o.leaseMs = 600;
    using Kind = WorkExchange::Slot::Kind;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    {
        auto dbDead = openDatabase(conninfo);
        QVERIFY(dbDead);
        PgWorkExchange dead(dbDead, o);
        QCOMPARE(dead.takeRouterSlot(QStringLiteral("pe1"), 1, 1, t0, 1).kind, Kind::Granted);
    } // stops renewing without giving the place back
    auto db = openDatabase(conninfo);
    QVERIFY(db);
    PgWorkExchange alive(db, o);
    QCOMPARE(alive.takeRouterSlot(QStringLiteral("pe1"), 1, 1, t0, 1).kind, Kind::Busy);
    QCOMPARE(askUntilGranted(alive, QStringLiteral("pe1"), 1, t0, 1, 5000).kind, Kind::Granted);
    // Ours now, and renewed while we live: nobody else gets it after a lease time.
    QTest::qWait(1000);
    PgWorkExchange other(openDatabase(conninfo), o);
    QCOMPARE(other.takeRouterSlot(QStringLiteral("pe1"), 1, 1, t0, 9).kind, Kind::Busy);
}

void TestPgTeam::pruneRemovesOnlyWhatNoClaimNeeds()
{
    const QString conninfo = freshDatabase();
    auto db = openDatabase(conninfo);
    QVERIFY(db);
    PgWorkExchange x(db);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto done = x.claim(QStringLiteral("k-done"), QStringLiteral("pe1"), {QStringLiteral("show a")}, now);
    QCOMPARE(done.kind, WorkExchange::Claim::Kind::Run);
    x.finish(QStringLiteral("k-done"), done.generation, {{QStringLiteral("show a")}, {}, {}, 5});
    const auto given = x.claim(QStringLiteral("k-given"), QStringLiteral("pe1"), {QStringLiteral("show b")}, now);
    x.abandon(QStringLiteral("k-given"), given.generation);
    const auto running = x.claim(QStringLiteral("k-running"), QStringLiteral("pe1"), {QStringLiteral("show c")}, now);
    QCOMPARE(running.kind, WorkExchange::Claim::Kind::Run);
    QCOMPARE(x.prune(60 * 1000), 0); // all younger than a minute
    QTest::qWait(50);
    QCOMPARE(x.prune(10), 2); // the outcome and the given-up work; never the leased one
    auto r = db->exec("SELECT key FROM rl_work");
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 1);
    QCOMPARE(r->text(0, 0), PgWorkExchange::rowKey(QStringLiteral("k-running")));
}

QTEST_GUILESS_MAIN(TestPgTeam)
#include "tst_pg_team.moc"
