#include "scheduler_test_sink.h"

#include "engine/scheduling/memory_throttle_state_store.h"
#include "engine/scheduling/throttling_manager.h"

#include <QTest>

using namespace rl;
using namespace rl::testing;

class TestThrottling : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<ScriptedTransportFactory> m_routers;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<TestSink> m_sink;

    std::unique_ptr<Scheduler> make(SchedulerConfig config)
    {
        auto routers = m_routers;
        auto s = std::make_unique<Scheduler>(config, [routers](const QString &r) { return routers->create(r); },
                                             m_sink.get(), m_clock);
        s->start();
        return s;
    }
    void advance(Scheduler &s, qint64 ms)
    {
        m_clock->advance(ms);
        s.poke();
    }
    // The count must stay put: nothing else may start.
    void settle() { QTest::qWait(40); }

private Q_SLOTS:
    void init()
    {
        m_routers = std::make_shared<ScriptedTransportFactory>();
        m_clock = std::make_shared<ManualClock>();
        m_sink = std::make_unique<TestSink>();
    }

    void tokenBucket()
    {
        MemoryThrottleStateStore store;
        const RateLimit limit{2, 3, ThrottleAction::HoldBack, 10};
        const qint64 t0 = 5000;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(store.tryTake(ThrottleScope::Router, "r1", limit, t0), 0);
        QCOMPARE(store.tryTake(ThrottleScope::Router, "r1", limit, t0), 500); // 2/s: one token per 500 ms
        QCOMPARE(store.tryTake(ThrottleScope::Router, "r2", limit, t0), 0);   // buckets are per key
        QCOMPARE(store.peek(ThrottleScope::Router, "r1", limit, t0 + 499), 1);
        QCOMPARE(store.tryTake(ThrottleScope::Router, "r1", limit, t0 + 500), 0);
        QCOMPARE(store.tryTake(ThrottleScope::Router, "r1", RateLimit{}, t0 + 500), 0); // unlimited
    }

    void holdBack_data()
    {
        QTest::addColumn<int>("scope");
        QTest::newRow("client") << int(ThrottleScope::Client);
        QTest::newRow("router") << int(ThrottleScope::Router);
        QTest::newRow("network") << int(ThrottleScope::Network);
    }
    void holdBack()
    {
        QFETCH(int, scope);
        SchedulerConfig c = unlimitedConfig();
        const RateLimit limit{1, 2, ThrottleAction::HoldBack, 10};
        switch (ThrottleScope(scope)) {
        case ThrottleScope::Client: c.throttle.perClient = limit; break;
        case ThrottleScope::Router: c.throttle.perRouter = limit; break;
        case ThrottleScope::Network: c.throttle.network = limit; break;
        }
        auto s = make(c);
        for (int i = 0; i < 5; ++i)
            s->submit(item(QStringLiteral("q%1").arg(i), "r1", QStringLiteral("show %1").arg(i)));
        QTRY_COMPARE(m_sink->answered(), 2); // the burst
        settle();
        QCOMPARE(m_sink->answered(), 2);
        QVERIFY(s->metrics().heldBack >= 1);
        const QList<ActivityEntry> act = s->activity();
        QVERIFY(std::any_of(act.begin(), act.end(), [](const ActivityEntry &e) { return e.state == WorkState::HeldBack; }));
        advance(*s, 1000);
        QTRY_COMPARE(m_sink->answered(), 3);
        settle();
        QCOMPARE(m_sink->answered(), 3);
        advance(*s, 2000);
        QTRY_COMPARE(m_sink->answered(), 5);
        for (const QString &id : m_sink->order())
            QCOMPARE(m_sink->error(id).code, ErrorCode::None);
    }

    void clientLimitIsPerClient()
    {
        SchedulerConfig c = unlimitedConfig();
        c.throttle.perClient = RateLimit{1, 1, ThrottleAction::HoldBack, 10};
        auto s = make(c);
        s->setPaused(true);
        s->submit(item("a1", "r1", "show 1", Role::Internal, Urgency::Interactive, "alice"));
        s->submit(item("a2", "r1", "show 2", Role::Internal, Urgency::Interactive, "alice"));
        s->submit(item("b1", "r1", "show 3", Role::Internal, Urgency::Interactive, "bob"));
        s->setPaused(false);
        QTRY_COMPARE(m_sink->answered(), 2);
        settle();
        QCOMPARE(m_sink->order(), QStringList({"a1", "b1"})); // bob is not held behind alice
        advance(*s, 1000);
        QTRY_COMPARE(m_sink->answered(), 3);
    }

    void heldBackLosesPriority()
    {
        // A held-back request gets the penalty: a newer one from another client overtakes it.
        SchedulerConfig c = unlimitedConfig();
        c.maxInFlightTotal = 1;
        c.throttle.clientOverrides.insert("alice", RateLimit{1, 1, ThrottleAction::HoldBack, 10});
        auto s = make(c);
        s->submit(item("a1", "r1", "show 1", Role::Internal, Urgency::Interactive, "alice"));
        QTRY_COMPARE(m_sink->answered(), 1);
        s->submit(item("a2", "r1", "show 2", Role::Internal, Urgency::Interactive, "alice"));
        settle(); // a2 is held back now
        s->setPaused(true);
        advance(*s, 1000);
        s->submit(item("b1", "r1", "show 3", Role::Internal, Urgency::Interactive, "bob"));
        s->setPaused(false);
        QTRY_COMPARE(m_sink->answered(), 3);
        QCOMPARE(m_sink->order(), QStringList({"a1", "b1", "a2"}));
    }

    void suspend()
    {
        SchedulerConfig c = unlimitedConfig();
        c.throttle.perClient = RateLimit{1, 1, ThrottleAction::Suspend, 10};
        auto s = make(c);
        s->submit(item("a1", "r1", "show 1", Role::Internal, Urgency::Interactive, "alice"));
        s->submit(item("a2", "r1", "show 2", Role::Internal, Urgency::Interactive, "alice"));
        QTRY_COMPARE(m_sink->answered(), 1);
        settle();
        const QList<ActivityEntry> act = s->activity();
        QCOMPARE(act.size(), 1);
        QCOMPARE(act.first().state, WorkState::Suspended);
        advance(*s, 5000); // a token is back, but the client is suspended for 10 s
        settle();
        QCOMPARE(m_sink->answered(), 1);
        s->submit(item("a3", "r2", "show 3", Role::Internal, Urgency::Interactive, "alice"));
        settle();
        QCOMPARE(m_sink->answered(), 1); // new work of a suspended client waits too
        advance(*s, 6000);
        QTRY_COMPARE(m_sink->answered(), 2);
        // a3 finds no token again: the client is suspended once more, for the full period.
        advance(*s, 9000);
        settle();
        QCOMPARE(m_sink->answered(), 2);
        advance(*s, 1000);
        QTRY_COMPARE(m_sink->answered(), 3);
    }

    void reject_data()
    {
        QTest::addColumn<int>("scope");
        QTest::newRow("client") << int(ThrottleScope::Client);
        QTest::newRow("router") << int(ThrottleScope::Router);
        QTest::newRow("network") << int(ThrottleScope::Network);
    }
    void reject()
    {
        QFETCH(int, scope);
        SchedulerConfig c = unlimitedConfig();
        const RateLimit limit{2, 1, ThrottleAction::Reject, 10};
        switch (ThrottleScope(scope)) {
        case ThrottleScope::Client: c.throttle.perClient = limit; break;
        case ThrottleScope::Router: c.throttle.perRouter = limit; break;
        case ThrottleScope::Network: c.throttle.network = limit; break;
        }
        auto s = make(c);
        s->setPaused(true); // answered at once even though nothing runs
        s->submit(item("ok", "r1", "show 1"));
        s->submit(item("over", "r1", "show 2"));
        QCOMPARE(m_sink->answered(), 1);
        const Error e = m_sink->error("over");
        QCOMPARE(e.code, ErrorCode::Throttled);
        QCOMPARE(e.retryAfterMs, 500);
        QCOMPARE(s->metrics().rejected, 1);
        // Identical work joins what is queued and costs no token.
        s->submit(item("joined", "r1", "show 1"));
        QCOMPARE(m_sink->answered(), 1);
        advance(*s, 500);
        s->submit(item("later", "r1", "show 3"));
        s->setPaused(false);
        QTRY_COMPARE(m_sink->answered(), 4);
        QCOMPARE(m_sink->error("later").code, ErrorCode::None);
        QCOMPARE(m_sink->error("joined").code, ErrorCode::None);
    }

    void managerTightensBusyRouters()
    {
        ThrottlePolicy p;
        p.network = RateLimit{100, 100, ThrottleAction::HoldBack, 10};
        p.perRouter = RateLimit{10, 10, ThrottleAction::HoldBack, 10};
        p.routerOverrides.insert("big", RateLimit{50, 50, ThrottleAction::HoldBack, 10});
        p.loadThreshold = 0.8;
        p.tightenFactor = 0.5;
        ThrottlingManager m;
        QVERIFY(m.evaluate(70, p, {{"r1", 10}, {"r2", 1}}).isEmpty()); // network not loaded
        const QSet<QString> t = m.evaluate(90, p, {{"r1", 9}, {"r2", 1}, {"big", 30}});
        QCOMPARE(t, QSet<QString>({"r1"}));
        QCOMPARE(ThrottlingManager::routerLimit(p, "r1", true).ratePerSecond, 5.0);
        QCOMPARE(ThrottlingManager::routerLimit(p, "r1", true).burst, 5.0);
        QCOMPARE(ThrottlingManager::routerLimit(p, "big", false).ratePerSecond, 50.0);
        // r1 now runs slower but stays tightened while the network is loaded
        QCOMPARE(m.evaluate(85, p, {{"r1", 5}}), QSet<QString>({"r1"}));
        QVERIFY(m.evaluate(40, p, {{"r1", 5}}).isEmpty());
    }

    void schedulerAppliesTightening()
    {
        SchedulerConfig c = unlimitedConfig();
        c.throttle.network = RateLimit{10, 1000, ThrottleAction::HoldBack, 10};
        c.throttle.perRouter = RateLimit{10, 10, ThrottleAction::HoldBack, 10};
        c.throttleReviewMs = 1000;
        auto s = make(c);
        // 10 commands to r1 within the first review period: 10/s, over 0.8 x 10/s network-wide.
        for (int i = 0; i < 10; ++i)
            s->submit(item(QStringLiteral("a%1").arg(i), "r1", QStringLiteral("show %1").arg(i)));
        QTRY_COMPARE(m_sink->answered(), 10);
        advance(*s, 1000);
        QTRY_COMPARE(s->tightenedRouters(), QSet<QString>({"r1"}));
        // Quiet period: the network rate falls, the limit comes back.
        advance(*s, 1000);
        QTRY_VERIFY(s->tightenedRouters().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestThrottling)
#include "tst_throttling.moc"
