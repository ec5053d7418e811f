// Periodic health collection on the scripted platform with a manual clock: rounds when due and
// not before, stale routers asked and fresh ones answered from the store, no pile-up behind a
// slow router, people's queries served first, and the schedule's text form.
#include "scripted_translator.h"

#include "engine/scheduling/clock.h"
#include "engine/service/health_collector.h"
#include "engine/service/remote_engine.h"
#include "engine/service/router_data_service.h"
#include "engine/storage/memory_result_store.h"
#include "engine/transport/scripted_transport.h"

#include <QSignalSpy>
#include <QTest>

using namespace rl;
using namespace rl::testing;

namespace {

ScriptedAnswer answer(const char *output)
{
    ScriptedAnswer a;
    a.output = output;
    return a;
}

const ScriptedTranslator &translator()
{
    static const ScriptedTranslator t;
    return t;
}

} // namespace

class TestHealthCollector : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<ScriptedTransportFactory> m_routers;
    std::shared_ptr<MemoryResultStore> m_store;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<RouterDataService> m_service;

    void start()
    {
        EngineSettings settings = EngineSettings::defaults();
        settings.throttle.perClient = RateLimit{};
        settings.throttle.perRouter = RateLimit{};
        settings.throttle.network = RateLimit{};
        settings.maxInFlightPerRouter = 1;
        settings.maxInFlightTotal = 1;
        m_routers = std::make_shared<ScriptedTransportFactory>();
        m_routers->setAnswer(QStringLiteral("r1"), QStringLiteral("show bgp summary"), answer("10.0.0.2 Established\n"));
        m_routers->setAnswer(QStringLiteral("r2"), QStringLiteral("show bgp summary"), answer("10.0.0.6 Idle\n"));
        m_routers->setAnswer(QStringLiteral("r3"), QStringLiteral("show bgp summary"), answer("10.0.0.10 Established\n"));
        m_routers->setDefaultAnswer(answer("pe\n"));
        m_store = std::make_shared<MemoryResultStore>();
        m_clock = std::make_shared<ManualClock>();
        RouterDataService::Backends b;
        b.transports = m_routers;
        b.store = m_store;
        b.clock = m_clock;
        b.translators = [](const QString &platform) -> const Translator * {
            return platform == u"frr" ? &translator() : nullptr;
        };
        m_service = std::make_unique<RouterDataService>(settings, b);
        Inventory inv;
        for (const char *n : {"r1", "r2", "r3"}) {
            Router r;
            r.name = QString::fromLatin1(n);
            r.host = QStringLiteral("127.0.0.1");
            r.platform = QStringLiteral("frr");
            QVERIFY(!inv.addRouter(r));
        }
        m_service->setInventory(inv);
    }

    // Waits for the collector's next round to end.
    Response waitRound(QSignalSpy &rounds, int count)
    {
        if (rounds.size() < count)
            rounds.wait(5000);
        while (rounds.size() < count && rounds.wait(5000)) {
        }
        if (rounds.size() < count)
            return {};
        return rounds.at(count - 1).at(0).value<Response>();
    }

    void putAnswer(const QString &router, qint64 ageSeconds)
    {
        StoredAnswer a;
        a.router = router;
        a.kind = QueryKind::BgpStatus;
        a.fetchedAt = QDateTime::currentDateTimeUtc().addSecs(-ageSeconds);
        a.expiresAt = a.fetchedAt.addSecs(3600);
        BgpNeighborRecord n;
        n.neighbor = QStringLiteral("10.9.9.9");
        a.records = RecordSet(QueryKind::BgpStatus, QList<BgpNeighborRecord>{n});
        QVERIFY(m_store->put(a).ok());
    }

private Q_SLOTS:
    void runsOnlyWithSchedules()
    {
        start();
        HealthCollector none(m_service.get(), {}, m_clock);
        none.start();
        QVERIFY(!none.isRunning()); // the window with no schedule: no timer at all
        HealthCollector one(m_service.get(), {{QueryKind::BgpStatus, 60, {}}}, m_clock);
        one.start();
        QVERIFY(one.isRunning());
        one.stop();
        QVERIFY(!one.isRunning());
    }

    void roundsWhenDueAndNotBefore()
    {
        start();
        HealthCollector collector(m_service.get(), {{QueryKind::BgpStatus, 60, {}}}, m_clock);
        QSignalSpy rounds(&collector, &HealthCollector::roundFinished);
        QCOMPARE(collector.collectDue(), 1); // the first round is due at once, every router
        Response first = waitRound(rounds, 1);
        QCOMPARE(first.results.size(), 3);
        QVERIFY(first.allOk());
        QCOMPARE(m_routers->calls(QStringLiteral("r1")), 1);
        QCOMPARE(m_routers->calls(QStringLiteral("r3")), 1);

        m_clock->advance(59 * 1000);
        QCOMPARE(collector.collectDue(), 0); // not yet
        m_clock->advance(1000);
        QCOMPARE(collector.collectDue(), 1);
        const Response second = waitRound(rounds, 2);
        QCOMPARE(second.results.size(), 3);
        // The answers a second ago are younger than the interval: taken from the store.
        for (const RouterResult &part : second.results)
            QCOMPARE(part.source, AnswerSource::Store);
        QCOMPARE(m_routers->totalCalls(), 3);
        // Stored with history: every live answer of the first round is in the store.
        QCOMPARE(m_store->history(QStringLiteral("r2"), QueryKind::BgpStatus, QueryParams{}, 10).size(), 1);
        QCOMPARE(collector.counts().rounds, 2);
        QCOMPARE(collector.counts().routerFailures, 0);
    }

    void onlyStaleRoutersAreAsked()
    {
        start();
        putAnswer(QStringLiteral("r1"), 20);  // an operator asked r1 20 s ago
        putAnswer(QStringLiteral("r2"), 600); // r2's last answer is ten minutes old
        HealthCollector collector(m_service.get(),
                                  {{QueryKind::BgpStatus, 60, {QStringLiteral("r1"), QStringLiteral("r2")}}}, m_clock);
        QSignalSpy rounds(&collector, &HealthCollector::roundFinished);
        QCOMPARE(collector.collectDue(), 1);
        const Response round = waitRound(rounds, 1);
        QCOMPARE(round.results.size(), 2);
        QCOMPARE(m_routers->calls(QStringLiteral("r1")), 0);
        QCOMPARE(m_routers->calls(QStringLiteral("r2")), 1);
        QCOMPARE(m_routers->calls(QStringLiteral("r3")), 0); // not scheduled
    }

    void aSlowRoundIsNotPiledUpOn()
    {
        start();
        m_routers->setGateClosed(true); // routers do not answer until the gate opens
        HealthCollector collector(m_service.get(), {{QueryKind::BgpStatus, 10, {QStringLiteral("r1")}}}, m_clock);
        QSignalSpy rounds(&collector, &HealthCollector::roundFinished);
        QCOMPARE(collector.collectDue(), 1);
        for (int i = 0; i < 3; ++i) {
            m_clock->advance(10 * 1000);
            QCOMPARE(collector.collectDue(), 0);
        }
        QCOMPARE(collector.counts().skippedBusy, 3);
        m_routers->setGateClosed(false);
        QVERIFY(!waitRound(rounds, 1).requestId.isEmpty());
        QCOMPARE(m_routers->calls(QStringLiteral("r1")), 1);
        m_clock->advance(10 * 1000);
        QCOMPARE(collector.collectDue(), 1); // the next turn runs again
    }

    void peopleAreServedFirst()
    {
        start();
        m_service->setPaused(true);
        HealthCollector collector(m_service.get(), {{QueryKind::BgpStatus, 60, {QStringLiteral("r1")}}}, m_clock);
        QSignalSpy rounds(&collector, &HealthCollector::roundFinished);
        QCOMPARE(collector.collectDue(), 1);
        m_clock->advance(500); // the health round has waited a little longer
        Request person;
        person.routers = {QStringLiteral("r1")};
        person.kind = QueryKind::Facts;
        QSignalSpy responses(m_service.get(), &RouterDataService::responseReady);
        m_service->submit(person);
        m_service->setPaused(false);
        QVERIFY(!waitRound(rounds, 1).requestId.isEmpty());
        const QStringList log = m_routers->callLog();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0), QStringLiteral("r1|show version"));
        QCOMPARE(log.at(1), QStringLiteral("r1|show bgp summary"));
    }

    void failuresAreCounted()
    {
        start();
        m_routers->setAnswer(QStringLiteral("r2"), QStringLiteral("show bgp summary"), answer("garbage"));
        HealthCollector collector(m_service.get(), {{QueryKind::BgpStatus, 60, {QStringLiteral("r1"), QStringLiteral("r2")}}},
                                  m_clock);
        QSignalSpy rounds(&collector, &HealthCollector::roundFinished);
        collector.collectDue();
        const Response round = waitRound(rounds, 1);
        QCOMPARE(round.failedCount(), 1);
        QCOMPARE(collector.counts().routerFailures, 1);
    }

    // The desktop keeps its schedules while inventories come and go: a named router the
    // inventory does not have is left out of the round; the others are still asked.
    void routersGoneFromTheInventoryAreLeftOut()
    {
        start();
        HealthCollector collector(m_service.get(),
                                  {{QueryKind::BgpStatus, 60, {QStringLiteral("r1"), QStringLiteral("gone")}},
                                   {QueryKind::BgpStatus, 30, {QStringLiteral("gone")}}},
                                  m_clock);
        QSignalSpy rounds(&collector, &HealthCollector::roundFinished);
        QCOMPARE(collector.collectDue(), 1); // the second schedule has nothing to ask
        const Response round = waitRound(rounds, 1);
        QVERIFY(!round.error);
        QCOMPARE(round.results.size(), 1);
        QCOMPARE(round.results.first().router, QStringLiteral("r1"));
        QVERIFY(round.results.first().ok());
        QCOMPARE(collector.counts().routersMissing, 2);
    }

    void nothingIsCollectedThroughARemoteService()
    {
        // A window switched to a RouterLens service: this computer's schedules would go out as
        // the token's client; the service keeps its own instead.
        start();
        HealthCollector collector(m_service.get(), {{QueryKind::BgpStatus, 60, {}}}, m_clock);
        RemoteEngine::Options o;
        o.base = QUrl(QStringLiteral("http://127.0.0.1:9"));
        o.token = "rlt_000000000000_x";
        m_service->useRemote(new RemoteEngine(o));
        QCOMPARE(collector.collectDue(), 0);
        m_clock->advance(3600 * 1000);
        QCOMPARE(collector.collectDue(), 0);
    }

    void scheduleText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("again"); // format(parse(text)), or the error's telling part
        QTest::newRow("every router") << "bgp-status:60" << true << "bgp-status:60";
        QTest::newRow("some routers") << "arp-table:300:r1, r2,r1" << true << "arp-table:300:r1,r2";
        QTest::newRow("unknown kind") << "reboot:60" << false << "names no query kind";
        QTest::newRow("too often") << "bgp-status:1" << false << "from 10 s";
        QTest::newRow("not a number") << "bgp-status:often" << false << "from 10 s";
        QTest::newRow("too rarely") << "bgp-status:999999999" << false << "from 10 s";
        QTest::newRow("empty router") << "bgp-status:60:r1,,r2" << false << "empty router name";
        QTest::newRow("no interval") << "bgp-status" << false << "KIND:SECONDS";
        QTest::newRow("too many parts") << "bgp-status:60:r1:x" << false << "KIND:SECONDS";
    }

    void scheduleText()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, again);
        const auto s = HealthCollector::parse(text);
        QCOMPARE(s.ok(), ok);
        if (ok) {
            QCOMPARE(HealthCollector::format(*s), again);
        } else {
            QCOMPARE(s.error().code, ErrorCode::InvalidRequest);
            QVERIFY2(s.error().message.contains(again), qPrintable(s.error().message));
        }
    }
};

QTEST_MAIN(TestHealthCollector)
#include "tst_health_collector.moc"
