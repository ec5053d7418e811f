#include "scheduler_test_sink.h"

#include <QTest>

#include <atomic>
#include <stdexcept>
// Linux: nice values are per thread.
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace rl;
using namespace rl::testing;

class TestScheduler : public QObject
{
    Q_OBJECT

private:
    // One worker; a call is wedged 3 s after it started (1 s to connect, 1 s for its command,
    // 1 s of grace).
    static SchedulerConfig wedgeConfig()
    {
        SchedulerConfig c = unlimitedConfig();
        c.maxInFlightTotal = 1;
        c.exec.connectTimeoutMs = 1000;
        c.exec.commandTimeoutMs = 1000;
        c.wedgeGraceMs = 1000;
        return c;
    }

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

private Q_SLOTS:
    void init()
    {
        m_routers = std::make_shared<ScriptedTransportFactory>();
        m_clock = std::make_shared<ManualClock>();
        m_sink = std::make_unique<TestSink>();
    }

    void priorityOrder()
    {
        SchedulerConfig c = unlimitedConfig();
        c.maxInFlightTotal = 1;
        auto s = make(c);
        s->setPaused(true);
        s->submit(item("ext-bg", "r1", "show a", Role::External, Urgency::Background));
        s->submit(item("int-bg", "r1", "show b", Role::Internal, Urgency::Background));
        s->submit(item("ext-ia", "r2", "show c", Role::External, Urgency::Interactive));
        s->submit(item("int-ia", "r3", "show d", Role::Internal, Urgency::Interactive));
        s->setPaused(false);
        QTRY_COMPARE(m_sink->answered(), 4);
        QCOMPARE(m_sink->order(), QStringList({"int-ia", "ext-ia", "int-bg", "ext-bg"}));
    }

    void workersRunBelowTheCallersPriority()
    {
        // A transport that notes the nice value of the thread it runs on.
        struct NiceProbe final : Transport {
            std::shared_ptr<std::atomic<int>> seen;
            Result<QList<CommandOutput>> run(const QStringList &commands, const ExecOptions &) override
            {
                seen->store(::getpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid))));
                return QList<CommandOutput>{CommandOutput{commands.value(0), "ok", 0, 0}};
            }
        };
        auto seen = std::make_shared<std::atomic<int>>(-100);
        SchedulerConfig c = unlimitedConfig();
        c.workerNiceness = 3;
        const int mine = ::getpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)));
        Scheduler s(c, [seen](const QString &) {
            auto t = std::make_unique<NiceProbe>();
            t->seen = seen;
            return std::unique_ptr<Transport>(std::move(t));
        }, m_sink.get(), m_clock);
        s.start();
        s.submit(item("probe", "r1", "show a"));
        QTRY_COMPARE(m_sink->answered(), 1);
        QCOMPARE(seen->load(), std::min(19, mine + 3));
        // This thread keeps its own priority.
        QCOMPARE(::getpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid))), mine);
    }

    void tiesGoToTheLongestWaiting()
    {
        SchedulerConfig c = unlimitedConfig();
        c.maxInFlightTotal = 1;
        auto s = make(c);
        s->setPaused(true);
        QStringList expected;
        for (int i = 0; i < 6; ++i) {
            const QString id = QStringLiteral("req%1").arg(i);
            s->submit(item(id, QStringLiteral("r%1").arg(i % 3), QStringLiteral("show %1").arg(i)));
            expected << id;
        }
        s->setPaused(false);
        QTRY_COMPARE(m_sink->answered(), 6);
        QCOMPARE(m_sink->order(), expected);
    }

    void aging_data()
    {
        QTest::addColumn<int>("waitedSeconds");
        QTest::addColumn<QString>("first");
        // background internal = 200, interactive internal = 500; 10 points per second waited
        QTest::newRow("short wait: urgency wins") << 10 << "interactive";
        QTest::newRow("long wait: the old one wins") << 40 << "background";
    }
    void aging()
    {
        QFETCH(int, waitedSeconds);
        QFETCH(QString, first);
        SchedulerConfig c = unlimitedConfig();
        c.maxInFlightTotal = 1;
        auto s = make(c);
        s->setPaused(true);
        s->submit(item("background", "r1", "show a", Role::Internal, Urgency::Background));
        m_clock->advance(waitedSeconds * 1000);
        s->submit(item("interactive", "r2", "show b", Role::Internal, Urgency::Interactive));
        s->setPaused(false);
        QTRY_COMPARE(m_sink->answered(), 2);
        QCOMPARE(m_sink->order().first(), first);
    }

    void coalescesPendingWork()
    {
        auto s = make(unlimitedConfig());
        s->setPaused(true);
        for (int i = 0; i < 5; ++i)
            s->submit(item(QStringLiteral("w%1").arg(i), "r1", "show bgp summary"));
        s->submit(item("other", "r1", "show arp"));
        s->setPaused(false);
        QTRY_COMPARE(m_sink->answered(), 6);
        QCOMPARE(m_routers->calls("r1", "show bgp summary"), 1);
        QCOMPARE(m_routers->calls("r1", "show arp"), 1);
        QCOMPARE(s->metrics().coalesced, 4);
        bool sawFive = false;
        for (const JobOutcome &o : m_sink->outcomes()) {
            if (o.commands == QStringList{"show bgp summary"}) {
                QCOMPARE(o.waiters.size(), 5);
                QCOMPARE(o.outputs.size(), 1);
                QCOMPARE(o.outputs.first().output, QByteArray("ok show bgp summary"));
                sawFive = true;
            }
        }
        QVERIFY(sawFive);
    }

    void joinsWorkInFlight()
    {
        auto s = make(unlimitedConfig());
        m_routers->setGateClosed(true);
        s->submit(item("first", "r1", "show bgp summary"));
        QTRY_COMPARE(m_routers->inFlight(), 1);
        for (int i = 0; i < 3; ++i)
            s->submit(item(QStringLiteral("late%1").arg(i), "r1", "show bgp summary"));
        m_routers->setGateClosed(false);
        QTRY_COMPARE(m_sink->answered(), 4);
        QCOMPARE(m_routers->calls("r1"), 1);
    }

    void perRouterInFlightLimit()
    {
        SchedulerConfig c = unlimitedConfig();
        c.maxInFlightPerRouter = 2;
        c.maxInFlightTotal = 8;
        auto s = make(c);
        m_routers->setGateClosed(true);
        for (int i = 0; i < 10; ++i)
            s->submit(item(QStringLiteral("a%1").arg(i), "r1", QStringLiteral("show %1").arg(i)));
        s->submit(item("b", "r2", "show x"));
        QTRY_COMPARE(m_routers->inFlight(), 3); // two on r1, one on r2
        QTest::qWait(50);
        QCOMPARE(m_routers->inFlight(), 3);
        m_routers->setGateClosed(false);
        QTRY_COMPARE(m_sink->answered(), 11);
        QCOMPARE(m_routers->maxConcurrency("r1"), 2);
        QCOMPARE(m_routers->maxConcurrency("r2"), 1);
    }

    void totalInFlightLimit()
    {
        SchedulerConfig c = unlimitedConfig();
        c.maxInFlightTotal = 3;
        auto s = make(c);
        m_routers->setGateClosed(true);
        for (int i = 0; i < 8; ++i)
            s->submit(item(QStringLiteral("a%1").arg(i), QStringLiteral("r%1").arg(i), "show x"));
        QTRY_COMPARE(m_routers->inFlight(), 3);
        QTest::qWait(50);
        QCOMPARE(m_routers->inFlight(), 3);
        QCOMPARE(s->metrics().inFlight, 3);
        QCOMPARE(s->metrics().queued, 5);
        m_routers->setGateClosed(false);
        QTRY_COMPARE(m_sink->answered(), 8);
    }

    void reusesTransportAndClosesIdle()
    {
        SchedulerConfig c = unlimitedConfig();
        c.idleTimeoutMs = 5000;
        auto s = make(c);
        s->submit(item("a", "r1", "show a"));
        QTRY_COMPARE(m_sink->answered(), 1);
        s->submit(item("b", "r1", "show b"));
        QTRY_COMPARE(m_sink->answered(), 2);
        QCOMPARE(m_routers->transportsCreated(), 1);
        QCOMPARE(m_routers->transportsClosed(), 0);
        m_clock->advance(6000);
        s->poke();
        QTRY_COMPARE(m_routers->transportsClosed(), 1);
    }

    void timeoutIncludesQueueing()
    {
        auto s = make(unlimitedConfig());
        ScriptedAnswer hang;
        hang.hangUntilCancelled = true;
        m_routers->setRouterAnswer("r1", hang);
        WorkItem a = item("running", "r1", "show a");
        a.timeoutMs = 5000;
        WorkItem b = item("queued", "r1", "show b");
        b.timeoutMs = 5000;
        s->submit(a);
        QTRY_COMPARE(m_routers->inFlight(), 1);
        s->submit(b);
        m_clock->advance(4000);
        s->poke();
        QTest::qWait(30);
        QCOMPARE(m_sink->answered(), 0);
        m_clock->advance(2000);
        s->poke();
        QTRY_COMPARE(m_sink->answered(), 2);
        QCOMPARE(m_sink->error("running").code, ErrorCode::Timeout);
        QCOMPARE(m_sink->error("queued").code, ErrorCode::Timeout);
        QTRY_COMPARE(m_routers->inFlight(), 0); // the hanging call was cancelled
        QCOMPARE(m_routers->calls("r1", "show b"), 0);
    }

    void cancellingOneWaiterKeepsTheOthers()
    {
        auto s = make(unlimitedConfig());
        m_routers->setGateClosed(true);
        const quint64 a = s->submit(item("a", "r1", "show bgp"));
        QTRY_COMPARE(m_routers->inFlight(), 1);
        s->submit(item("b", "r1", "show bgp"));
        s->cancel(a);
        QTRY_VERIFY(m_sink->hasAnswer("a"));
        QCOMPARE(m_sink->error("a").code, ErrorCode::Cancelled);
        m_routers->setGateClosed(false);
        QTRY_VERIFY(m_sink->hasAnswer("b"));
        QCOMPARE(m_sink->error("b").code, ErrorCode::None);
        QCOMPARE(m_routers->calls("r1"), 1);
    }

    void cancellingTheLastWaiterStopsTheRouterCall()
    {
        auto s = make(unlimitedConfig());
        ScriptedAnswer hang;
        hang.hangUntilCancelled = true;
        m_routers->setRouterAnswer("r1", hang);
        const quint64 t = s->submit(item("a", "r1", "show bgp"));
        QTRY_COMPARE(m_routers->inFlight(), 1);
        s->cancel(t);
        QTRY_COMPARE(m_routers->inFlight(), 0);
        QCOMPARE(m_sink->error("a").code, ErrorCode::Cancelled);
        QCOMPARE(m_sink->answered(), 1); // no second report from the cancelled call
    }

    void cancellingQueuedWorkDropsIt()
    {
        auto s = make(unlimitedConfig());
        s->setPaused(true);
        const quint64 t = s->submit(item("a", "r1", "show bgp"));
        s->cancel(t);
        s->setPaused(false);
        QTRY_COMPARE(m_sink->answered(), 1);
        QTest::qWait(30);
        QCOMPARE(m_routers->calls("r1"), 0);
        QCOMPARE(s->metrics().queued, 0);
    }

    // The inventory dropped r1 and changed r2: every waiter of theirs, coalesced, queued or in
    // flight, gets its router's error at once; r3's work is untouched.
    void failingRoutersEndsTheirWorkOnly()
    {
        auto s = make(unlimitedConfig());
        ScriptedAnswer hang;
        hang.hangUntilCancelled = true;
        m_routers->setRouterAnswer("r1", hang);
        s->submit(item("running", "r1", "show bgp"));
        QTRY_COMPARE(m_routers->inFlight(), 1);
        s->submit(item("joined", "r1", "show bgp"));
        s->setPaused(true);
        s->submit(item("queued", "r2", "show bgp"));
        s->submit(item("other", "r3", "show bgp"));
        QHash<QString, Error> errors;
        errors.insert(QStringLiteral("r1"), Error(ErrorCode::UnknownRouter, QStringLiteral("r1 is gone")));
        errors.insert(QStringLiteral("r2"), Error(ErrorCode::InventoryError, QStringLiteral("r2 changed")));
        s->failRouters(errors);
        QCOMPARE(m_sink->answered(), 3); // at once, not when the work would have run
        QCOMPARE(m_sink->error("running").code, ErrorCode::UnknownRouter);
        QCOMPARE(m_sink->error("joined").code, ErrorCode::UnknownRouter);
        QCOMPARE(m_sink->error("queued").message, QStringLiteral("r2 changed"));
        QVERIFY(!m_sink->hasAnswer("other"));
        QTRY_COMPARE(m_routers->inFlight(), 0); // r1's call cancelled
        s->setPaused(false);
        QTRY_VERIFY(m_sink->hasAnswer("other"));
        QCOMPARE(m_sink->error("other").code, ErrorCode::None);
        QTest::qWait(30);
        QCOMPARE(m_sink->answered(), 4); // no second report from the cancelled call
        QCOMPARE(m_routers->calls("r2"), 0);
        QCOMPARE(s->metrics().queued, 0);
    }

    // A transport that throws is a fault, not an answer: the job is retried once on a fresh
    // session, and the session that threw is never reused.
    void transportFaultIsRetriedOnceOnAFreshSession()
    {
        SchedulerConfig c = unlimitedConfig();
        c.maxInFlightTotal = 1;
        auto s = make(c);
        ScriptedAnswer flaky;
        flaky.output = "up";
        flaky.throwTimes = 1;
        m_routers->setAnswer("r1", "show bgp", flaky);
        s->submit(item("a", "r1", "show bgp"));
        QTRY_COMPARE(m_sink->answered(), 1);
        QCOMPARE(m_sink->error("a").code, ErrorCode::None);
        QCOMPARE(m_sink->outcomes().first().outputs.first().output, QByteArray("up"));
        QCOMPARE(m_routers->calls("r1", "show bgp"), 2);
        QCOMPARE(m_routers->transportsCreated(), 2);
        QCOMPARE(s->metrics().faults, 1);
        // The fresh session is the one kept for the next job.
        s->submit(item("b", "r1", "show bgp"));
        QTRY_COMPARE(m_sink->answered(), 2);
        QCOMPARE(m_routers->transportsCreated(), 2);
    }

    void transportFaultTwiceFailsOnlyItsJob()
    {
        SchedulerConfig c = unlimitedConfig();
        c.maxInFlightTotal = 1; // the one worker must survive to answer the others
        auto s = make(c);
        ScriptedAnswer broken;
        broken.throwTimes = 1000;
        m_routers->setAnswer("r1", "show bgp", broken);
        s->setPaused(true);
        s->submit(item("broken", "r1", "show bgp"));
        s->submit(item("joined", "r1", "show bgp"));
        s->submit(item("other", "r2", "show bgp"));
        s->setPaused(false);
        QTRY_COMPARE(m_sink->answered(), 3);
        const Error e = m_sink->error("broken");
        QCOMPARE(e.code, ErrorCode::InternalError);
        QVERIFY2(e.message.contains("r1") && e.message.contains("two fresh sessions"), qPrintable(e.message));
        QCOMPARE(e.detail, QStringLiteral("scripted fault in the transport"));
        QCOMPARE(m_sink->error("joined").code, ErrorCode::InternalError);
        QCOMPARE(m_sink->error("other").code, ErrorCode::None);
        QCOMPARE(m_routers->calls("r1", "show bgp"), 2); // once, and once more on a fresh session
        QCOMPARE(s->metrics().faults, 2);
        QCOMPARE(s->metrics().failed, 2);
        QCOMPARE(s->metrics().inFlight, 0);
        // r1's other commands still work: the fault ended one job, not the router or the worker.
        s->submit(item("next", "r1", "show version"));
        QTRY_VERIFY(m_sink->hasAnswer("next"));
        QCOMPARE(m_sink->error("next").code, ErrorCode::None);
    }

    // A transport that ignores its own time limits and its cancel flag holds a worker thread:
    // past the limits and the grace, its waiters move to a fresh session and a new worker
    // replaces the held one; the held one retires when its call finally returns.
    void wedgedCallIsRetriedOnAFreshSessionByANewWorker()
    {
        auto s = make(wedgeConfig());
        ScriptedAnswer stuck;
        stuck.output = "up";
        stuck.wedgeTimes = 1;
        m_routers->setAnswer("r1", "show bgp", stuck);
        s->submit(item("a", "r1", "show bgp"));
        QTRY_COMPARE(m_routers->wedgedNow(), 1);
        s->submit(item("b", "r2", "show bgp")); // the only worker is held
        m_clock->advance(2900);
        s->poke();
        QTest::qWait(50);
        QCOMPARE(m_sink->answered(), 0); // within the limits: still waiting
        m_clock->advance(1200);
        s->poke();
        QTRY_COMPARE(m_sink->answered(), 2);
        QCOMPARE(m_sink->error("a").code, ErrorCode::None);
        QCOMPARE(m_sink->error("b").code, ErrorCode::None);
        QCOMPARE(m_routers->calls("r1", "show bgp"), 2);
        QCOMPARE(m_routers->transportsCreated(), 3); // r1 twice, r2
        QCOMPARE(s->metrics().faults, 1);
        QCOMPARE(s->metrics().inFlight, 0);
        m_routers->releaseWedged();
        QTRY_COMPARE(m_routers->wedgedNow(), 0);
        QTest::qWait(30);
        QCOMPARE(m_sink->answered(), 2); // the wedged call's late end reports nothing
        // One worker still runs (the replacement); the engine goes on.
        s->submit(item("c", "r1", "show version"));
        QTRY_VERIFY(m_sink->hasAnswer("c"));
        QCOMPARE(s->metrics().failed, 0);
    }

    void wedgedTwiceFailsWithConnectionLost()
    {
        auto s = make(wedgeConfig());
        ScriptedAnswer stuck;
        stuck.wedgeTimes = 2;
        m_routers->setAnswer("r1", "show bgp", stuck);
        s->submit(item("a", "r1", "show bgp"));
        QTRY_COMPARE(m_routers->wedgedNow(), 1);
        m_clock->advance(3100);
        s->poke();
        QTRY_COMPARE(m_routers->wedgedNow(), 2); // the second attempt, on the new worker
        QVERIFY(!m_sink->hasAnswer("a"));
        m_clock->advance(3100);
        s->poke();
        QTRY_VERIFY(m_sink->hasAnswer("a"));
        const Error e = m_sink->error("a");
        QCOMPARE(e.code, ErrorCode::ConnectionLost);
        QVERIFY2(e.message.contains("r1") && e.message.contains("twice"), qPrintable(e.message));
        QCOMPARE(s->metrics().faults, 2);
        QCOMPARE(s->metrics().failed, 1);
        s->submit(item("b", "r2", "show bgp")); // a third worker serves
        QTRY_VERIFY(m_sink->hasAnswer("b"));
        QCOMPARE(m_sink->error("b").code, ErrorCode::None);
        m_routers->releaseWedged();
        QTRY_COMPARE(m_routers->wedgedNow(), 0);
        QTest::qWait(30);
        QCOMPARE(m_sink->answered(), 2);
    }

    // A reader (the sink: parse and store) that throws fails that job's waiters with an internal
    // error naming the router; the worker goes on with the next job.
    void readerFaultFailsItsWaitersOnly()
    {
        struct ThrowingSink final : SchedulerSink {
            TestSink *inner = nullptr;
            void jobFinished(JobOutcome &&o) override
            {
                if (o.router == QLatin1String("r1"))
                    throw std::out_of_range("row 7 has no column 3");
                inner->jobFinished(std::move(o));
            }
            QStringList followUpCommands(const QString &router, const QList<Waiter> &, const QList<CommandOutput> &) override
            {
                if (router == QLatin1String("r3"))
                    throw std::runtime_error("follow-up planner failed");
                return {};
            }
            void waiterFailed(const Waiter &w, const Error &e) override { inner->waiterFailed(w, e); }
        };
        ThrowingSink sink;
        sink.inner = m_sink.get();
        SchedulerConfig c = unlimitedConfig();
        c.maxInFlightTotal = 1;
        auto routers = m_routers;
        Scheduler s(c, [routers](const QString &r) { return routers->create(r); }, &sink, m_clock);
        s.start();
        s.setPaused(true);
        s.submit(item("bad", "r1", "show bgp"));
        s.submit(item("good", "r2", "show bgp"));
        WorkItem second = item("second-round", "r3", "show bgp");
        second.followUps = true;
        s.submit(second);
        s.setPaused(false);
        QTRY_COMPARE(m_sink->answered(), 3);
        const Error bad = m_sink->error("bad");
        QCOMPARE(bad.code, ErrorCode::InternalError);
        QVERIFY2(bad.message.contains("r1") && bad.message.contains("reader failed"), qPrintable(bad.message));
        QCOMPARE(bad.detail, QStringLiteral("row 7 has no column 3"));
        QCOMPARE(m_sink->error("good").code, ErrorCode::None);
        const Error planner = m_sink->error("second-round");
        QCOMPARE(planner.code, ErrorCode::InternalError);
        QCOMPARE(planner.detail, QStringLiteral("follow-up planner failed"));
        QCOMPARE(m_routers->calls("r3", "show bgp"), 1); // a reader's fault is not retried
        QCOMPARE(s.metrics().faults, 2);
        s.stop();
    }

    void routerErrorReachesEveryWaiter()
    {
        auto s = make(unlimitedConfig());
        ScriptedAnswer down;
        down.error = Error(ErrorCode::Unreachable, "no route");
        m_routers->setRouterAnswer("r1", down);
        s->setPaused(true);
        s->submit(item("a", "r1", "show bgp"));
        s->submit(item("b", "r1", "show bgp"));
        s->setPaused(false);
        QTRY_COMPARE(m_sink->answered(), 2);
        QCOMPARE(m_sink->error("a").code, ErrorCode::Unreachable);
        QCOMPARE(m_sink->error("b").code, ErrorCode::Unreachable);
        QCOMPARE(s->metrics().failed, 2);
    }

    void activityListsWaiters()
    {
        auto s = make(unlimitedConfig());
        s->setPaused(true);
        s->submit(item("a", "r1", "show bgp"));
        s->submit(item("b", "r1", "show bgp"));
        const QList<ActivityEntry> act = s->activity();
        QCOMPARE(act.size(), 2);
        QCOMPARE(act.first().state, WorkState::Queued);
        QCOMPARE(act.first().coalescedWith, 1);
        const EngineMetrics m = s->metrics();
        QCOMPARE(m.routers.size(), 1);
        QCOMPARE(m.routers.first().pending, 1);
        s->setPaused(false);
        QTRY_COMPARE(m_sink->answered(), 2);
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
