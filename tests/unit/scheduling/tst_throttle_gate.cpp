// The throttle decision on its own: no scheduler, no threads, no waiting. Time is a ManualClock
// moved by hand; every answer is checked to the millisecond.

#include "engine/scheduling/clock.h"
#include "engine/scheduling/memory_throttle_state_store.h"
#include "engine/scheduling/throttle_gate.h"

#include <QTest>

using namespace rl;

using Outcome = ThrottleVerdict::Outcome;
using Phase = ThrottleGate::Phase;

Q_DECLARE_METATYPE(rl::ThrottleScope)
Q_DECLARE_METATYPE(rl::ThrottleAction)
Q_DECLARE_METATYPE(rl::ThrottleVerdict::Outcome)
Q_DECLARE_METATYPE(rl::ThrottleGate::Phase)

namespace {

const QString Client = QStringLiteral("alice");
const QString Router = QStringLiteral("r1");
const QString NetworkKey;

const QString &keyOf(ThrottleScope scope)
{
    return scope == ThrottleScope::Client ? Client : scope == ThrottleScope::Router ? Router : NetworkKey;
}

// A policy where only `scope` is limited.
ThrottlePolicy only(ThrottleScope scope, const RateLimit &limit)
{
    ThrottlePolicy p;
    p.perClient = p.perRouter = p.network = RateLimit{};
    switch (scope) {
    case ThrottleScope::Client: p.perClient = limit; break;
    case ThrottleScope::Router: p.perRouter = limit; break;
    case ThrottleScope::Network: p.network = limit; break;
    }
    return p;
}

Phase phaseOf(ThrottleAction action)
{
    return action == ThrottleAction::Reject ? Phase::Admission : Phase::Dispatch;
}

} // namespace

class TestThrottleGate : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<MemoryThrottleStateStore> m_store;
    ManualClock m_clock{50000};

    ThrottleGate gate(const ThrottlePolicy &policy) { return ThrottleGate(m_store, policy); }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_shared<MemoryThrottleStateStore>();
        m_clock.set(50000);
    }

    // Each scope, each action: two tokens of burst, then the third ask is refused by that scope
    // with that action's outcome and a retry-after of one token (2/s: 500 ms), or the
    // suspension's length.
    void scopeRefuses_data()
    {
        QTest::addColumn<ThrottleScope>("scope");
        QTest::addColumn<ThrottleAction>("action");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<qint64>("retryAfterMs");
        const struct { const char *name; ThrottleScope scope; } scopes[] = {
            {"client", ThrottleScope::Client}, {"router", ThrottleScope::Router}, {"network", ThrottleScope::Network}};
        for (const auto &s : scopes) {
            QTest::newRow(qPrintable(QStringLiteral("%1 hold-back").arg(s.name)))
                << s.scope << ThrottleAction::HoldBack << Outcome::HoldBack << qint64(500);
            QTest::newRow(qPrintable(QStringLiteral("%1 suspend").arg(s.name)))
                << s.scope << ThrottleAction::Suspend << Outcome::Suspend << qint64(7000);
            QTest::newRow(qPrintable(QStringLiteral("%1 reject").arg(s.name)))
                << s.scope << ThrottleAction::Reject << Outcome::Reject << qint64(500);
        }
    }
    void scopeRefuses()
    {
        QFETCH(ThrottleScope, scope);
        QFETCH(ThrottleAction, action);
        QFETCH(Outcome, outcome);
        QFETCH(qint64, retryAfterMs);
        ThrottleGate g = gate(only(scope, RateLimit{2, 2, action, 7}));
        const Phase phase = phaseOf(action);
        const qint64 now = m_clock.nowMs();
        for (int i = 0; i < 2; ++i) {
            const ThrottleVerdict v = g.check(phase, Client, Router, now);
            QVERIFY2(v.admitted(), qPrintable(QStringLiteral("ask %1 of the burst refused").arg(i + 1)));
            QCOMPARE(v.retryAfterMs, qint64(0));
            g.charge(phase, Client, Router, now);
        }
        const ThrottleVerdict v = g.check(phase, Client, Router, now);
        QCOMPARE(v.outcome, outcome);
        QCOMPARE(v.scope, scope);
        QCOMPARE(v.retryAfterMs, retryAfterMs);
        QVERIFY(!v.admitted());
    }

    // take() is check and charge in one: all of the phase's scopes give a token, or none does.
    void takeIsAllOrNothing()
    {
        ThrottlePolicy p = only(ThrottleScope::Network, RateLimit{3, 3, ThrottleAction::HoldBack, 10});
        p.perRouter = RateLimit{2, 2, ThrottleAction::HoldBack, 10};
        ThrottleGate g = gate(p);
        const qint64 now = m_clock.nowMs();
        QVERIFY(g.take(Phase::Dispatch, Client, Router, now).admitted());
        QVERIFY(g.take(Phase::Dispatch, Client, Router, now).admitted());
        // The router is empty now, the network has one token left: refused by the router, and
        // the network's token taken on the way is given back.
        const ThrottleVerdict v = g.take(Phase::Dispatch, Client, Router, now);
        QVERIFY(!v.admitted());
        QCOMPARE(v.scope, ThrottleScope::Router);
        QCOMPARE(v.outcome, Outcome::HoldBack);
        QCOMPARE(v.retryAfterMs, qint64(500));
        QCOMPARE(m_store->peek(ThrottleScope::Network, NetworkKey, p.network, now), qint64(0));
        QVERIFY(g.take(Phase::Dispatch, Client, QStringLiteral("r2"), now).admitted()); // that last token
        QCOMPARE(g.take(Phase::Dispatch, Client, QStringLiteral("r3"), now).scope, ThrottleScope::Network);
        // Admission takes only the Reject scopes: none here.
        QVERIFY(g.take(Phase::Admission, Client, Router, now).admitted());
    }

    // A scope belongs to one phase: Reject scopes are asked at admission only, the others at
    // dispatch only. An empty scope of the other phase neither refuses nor is charged.
    void phasesAreSeparate_data()
    {
        QTest::addColumn<ThrottleScope>("scope");
        QTest::addColumn<ThrottleAction>("action");
        QTest::newRow("client reject") << ThrottleScope::Client << ThrottleAction::Reject;
        QTest::newRow("router reject") << ThrottleScope::Router << ThrottleAction::Reject;
        QTest::newRow("network reject") << ThrottleScope::Network << ThrottleAction::Reject;
        QTest::newRow("client hold-back") << ThrottleScope::Client << ThrottleAction::HoldBack;
        QTest::newRow("router suspend") << ThrottleScope::Router << ThrottleAction::Suspend;
        QTest::newRow("network hold-back") << ThrottleScope::Network << ThrottleAction::HoldBack;
    }
    void phasesAreSeparate()
    {
        QFETCH(ThrottleScope, scope);
        QFETCH(ThrottleAction, action);
        const RateLimit limit{1, 1, action, 10};
        ThrottleGate g = gate(only(scope, limit));
        const Phase own = phaseOf(action);
        const Phase other = own == Phase::Admission ? Phase::Dispatch : Phase::Admission;
        const qint64 now = m_clock.nowMs();

        // Charging the other phase takes nothing from this scope.
        for (int i = 0; i < 5; ++i)
            g.charge(other, Client, Router, now);
        QVERIFY(g.check(own, Client, Router, now).admitted());

        // Emptied, it refuses in its own phase and is not asked in the other.
        g.charge(own, Client, Router, now);
        QCOMPARE(g.check(own, Client, Router, now).scope, scope);
        QVERIFY(!g.check(own, Client, Router, now).admitted());
        QVERIFY(g.check(other, Client, Router, now).admitted());
    }

    // Several scopes empty: admission names the client's own limit first, dispatch the widest.
    void order_data()
    {
        QTest::addColumn<Phase>("phase");
        QTest::addColumn<bool>("clientEmpty");
        QTest::addColumn<bool>("routerEmpty");
        QTest::addColumn<bool>("networkEmpty");
        QTest::addColumn<ThrottleScope>("refusedBy");
        QTest::newRow("admission, all") << Phase::Admission << true << true << true << ThrottleScope::Client;
        QTest::newRow("admission, router+network") << Phase::Admission << false << true << true << ThrottleScope::Router;
        QTest::newRow("admission, network") << Phase::Admission << false << false << true << ThrottleScope::Network;
        QTest::newRow("dispatch, all") << Phase::Dispatch << true << true << true << ThrottleScope::Network;
        QTest::newRow("dispatch, client+router") << Phase::Dispatch << true << true << false << ThrottleScope::Router;
        QTest::newRow("dispatch, client") << Phase::Dispatch << true << false << false << ThrottleScope::Client;
    }
    void order()
    {
        QFETCH(Phase, phase);
        QFETCH(bool, clientEmpty);
        QFETCH(bool, routerEmpty);
        QFETCH(bool, networkEmpty);
        QFETCH(ThrottleScope, refusedBy);
        const ThrottleAction action = phase == Phase::Admission ? ThrottleAction::Reject : ThrottleAction::HoldBack;
        const RateLimit limit{1, 1, action, 10};
        ThrottlePolicy p;
        p.perClient = p.perRouter = p.network = limit;
        ThrottleGate g = gate(p);
        const qint64 now = m_clock.nowMs();
        // Empty the chosen buckets behind the gate's back.
        const std::pair<ThrottleScope, bool> empty[] = {
            {ThrottleScope::Client, clientEmpty}, {ThrottleScope::Router, routerEmpty}, {ThrottleScope::Network, networkEmpty}};
        for (const auto &[scope, isEmpty] : empty) {
            if (isEmpty)
                QCOMPARE(m_store->tryTake(scope, keyOf(scope), limit, now), qint64(0));
        }
        const ThrottleVerdict v = g.check(phase, Client, Router, now);
        QVERIFY(!v.admitted());
        QCOMPARE(v.scope, refusedBy);
    }

    // Tokens come back at the limit's rate (4/s: one per 250 ms), never above the burst.
    void refill_data()
    {
        QTest::addColumn<qint64>("elapsedMs");
        QTest::addColumn<int>("chargesAfter");
        QTest::addColumn<bool>("admitted");
        QTest::addColumn<qint64>("retryAfterMs");
        QTest::newRow("at once") << qint64(0) << 0 << false << qint64(250);
        QTest::newRow("100 ms") << qint64(100) << 0 << false << qint64(150);
        QTest::newRow("249 ms") << qint64(249) << 0 << false << qint64(1);
        QTest::newRow("250 ms: one token") << qint64(250) << 0 << true << qint64(0);
        QTest::newRow("250 ms, token spent") << qint64(250) << 1 << false << qint64(250);
        QTest::newRow("600 ms, two spent") << qint64(600) << 2 << false << qint64(150);
        QTest::newRow("10 s: burst only") << qint64(10000) << 3 << false << qint64(250);
        QTest::newRow("10 s, burst spent but one") << qint64(10000) << 2 << true << qint64(0);
    }
    void refill()
    {
        QFETCH(qint64, elapsedMs);
        QFETCH(int, chargesAfter);
        QFETCH(bool, admitted);
        QFETCH(qint64, retryAfterMs);
        // burst 3: the last two rows show the bucket stops filling at 3 however long it waits.
        ThrottleGate g = gate(only(ThrottleScope::Router, RateLimit{4, 3, ThrottleAction::HoldBack, 10}));
        for (int i = 0; i < 3; ++i)
            g.charge(Phase::Dispatch, Client, Router, m_clock.nowMs());
        m_clock.advance(elapsedMs);
        for (int i = 0; i < chargesAfter; ++i) {
            QVERIFY(g.check(Phase::Dispatch, Client, Router, m_clock.nowMs()).admitted());
            g.charge(Phase::Dispatch, Client, Router, m_clock.nowMs());
        }
        const ThrottleVerdict v = g.check(Phase::Dispatch, Client, Router, m_clock.nowMs());
        QCOMPARE(v.admitted(), admitted);
        QCOMPARE(v.retryAfterMs, retryAfterMs);
    }

    // A refusal spends nothing: not in the refusing scope (its wait stays the same however often
    // it is asked), not in the scopes that had tokens.
    void refusalChargesNothing_data()
    {
        QTest::addColumn<ThrottleScope>("emptyScope");
        QTest::addColumn<ThrottleAction>("action");
        QTest::newRow("client, at dispatch") << ThrottleScope::Client << ThrottleAction::HoldBack;
        QTest::newRow("router, at dispatch") << ThrottleScope::Router << ThrottleAction::Suspend;
        QTest::newRow("network, at dispatch") << ThrottleScope::Network << ThrottleAction::HoldBack;
        QTest::newRow("client, at admission") << ThrottleScope::Client << ThrottleAction::Reject;
        QTest::newRow("router, at admission") << ThrottleScope::Router << ThrottleAction::Reject;
        QTest::newRow("network, at admission") << ThrottleScope::Network << ThrottleAction::Reject;
    }
    void refusalChargesNothing()
    {
        QFETCH(ThrottleScope, emptyScope);
        QFETCH(ThrottleAction, action);
        const RateLimit limit{2, 1, action, 10};
        ThrottlePolicy p;
        p.perClient = p.perRouter = p.network = limit;
        ThrottleGate g = gate(p);
        const Phase phase = phaseOf(action);
        const qint64 now = m_clock.nowMs();
        QCOMPARE(m_store->tryTake(emptyScope, keyOf(emptyScope), limit, now), qint64(0));

        const ThrottleVerdict first = g.check(phase, Client, Router, now);
        QVERIFY(!first.admitted());
        QCOMPARE(first.scope, emptyScope);
        for (int i = 0; i < 20; ++i) {
            const ThrottleVerdict again = g.check(phase, Client, Router, now);
            QCOMPARE(again.scope, first.scope);
            QCOMPARE(again.retryAfterMs, first.retryAfterMs);
        }
        for (ThrottleScope s : {ThrottleScope::Client, ThrottleScope::Router, ThrottleScope::Network}) {
            if (s != emptyScope)
                QCOMPARE(m_store->peek(s, keyOf(s), limit, now), qint64(0)); // its one token is still there
        }
        // The refused scope refills on time: the refusals did not push it back.
        QCOMPARE(m_store->peek(emptyScope, keyOf(emptyScope), limit, now + 500), qint64(0));
    }

    // Unlimited scopes never refuse and keep no count.
    void unlimitedNeverRefuses()
    {
        ThrottleGate g = gate(only(ThrottleScope::Client, RateLimit{}));
        for (int i = 0; i < 1000; ++i) {
            QVERIFY(g.check(Phase::Dispatch, Client, Router, m_clock.nowMs()).admitted());
            QVERIFY(g.check(Phase::Admission, Client, Router, m_clock.nowMs()).admitted());
            g.charge(Phase::Dispatch, Client, Router, m_clock.nowMs());
            g.charge(Phase::Admission, Client, Router, m_clock.nowMs());
        }
    }

    // The limit in force: overrides by client and router, and a router the throttling manager
    // tightened while the network runs loaded.
    void limits_data()
    {
        QTest::addColumn<ThrottleScope>("scope");
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("networkRate");
        QTest::addColumn<double>("rate");
        QTest::addColumn<double>("burst");
        QTest::newRow("client default") << ThrottleScope::Client << "alice" << 0.0 << 20.0 << 40.0;
        QTest::newRow("client override") << ThrottleScope::Client << "batch" << 0.0 << 1.0 << 2.0;
        QTest::newRow("router default") << ThrottleScope::Router << "r1" << 0.0 << 10.0 << 10.0;
        QTest::newRow("router override") << ThrottleScope::Router << "big" << 0.0 << 50.0 << 60.0;
        QTest::newRow("busy router, loaded network") << ThrottleScope::Router << "r1" << 90.0 << 5.0 << 5.0;
        QTest::newRow("quiet router, loaded network") << ThrottleScope::Router << "r2" << 90.0 << 10.0 << 10.0;
        QTest::newRow("busy router, quiet network") << ThrottleScope::Router << "r1" << 50.0 << 10.0 << 10.0;
        QTest::newRow("network") << ThrottleScope::Network << "" << 90.0 << 100.0 << 100.0;
    }
    void limits()
    {
        QFETCH(ThrottleScope, scope);
        QFETCH(QString, key);
        QFETCH(double, networkRate);
        QFETCH(double, rate);
        QFETCH(double, burst);
        ThrottlePolicy p;
        p.perClient = {20, 40, ThrottleAction::HoldBack, 10};
        p.perRouter = {10, 10, ThrottleAction::HoldBack, 10};
        p.network = {100, 100, ThrottleAction::HoldBack, 10};
        p.clientOverrides.insert(QStringLiteral("batch"), {1, 2, ThrottleAction::Reject, 10});
        p.routerOverrides.insert(QStringLiteral("big"), {50, 60, ThrottleAction::HoldBack, 10});
        p.loadThreshold = 0.8;
        p.tightenFactor = 0.5;
        ThrottleGate g = gate(p);
        g.review(networkRate, {{QStringLiteral("r1"), 9.0}, {QStringLiteral("r2"), 1.0}});
        const RateLimit l = g.limit(scope, key);
        QCOMPARE(l.ratePerSecond, rate);
        QCOMPARE(l.burst, burst);
        g.endTightening();
        QVERIFY(g.tightened().isEmpty());
    }

    // A refusal becomes the `throttled` answer: the scope named, the wait rounded up to seconds.
    void verdictError_data()
    {
        QTest::addColumn<ThrottleScope>("scope");
        QTest::addColumn<qint64>("retryAfterMs");
        QTest::addColumn<QString>("message");
        QTest::newRow("client, 500 ms") << ThrottleScope::Client << qint64(500)
                                        << "Too many requests for the client limit; try again in 1 s.";
        QTest::newRow("router, 1001 ms") << ThrottleScope::Router << qint64(1001)
                                         << "Too many requests for the router limit; try again in 2 s.";
        QTest::newRow("network, 3000 ms") << ThrottleScope::Network << qint64(3000)
                                          << "Too many requests for the network limit; try again in 3 s.";
    }
    void verdictError()
    {
        QFETCH(ThrottleScope, scope);
        QFETCH(qint64, retryAfterMs);
        QFETCH(QString, message);
        ThrottleVerdict v;
        QVERIFY(!v.error());
        v.outcome = Outcome::Reject;
        v.scope = scope;
        v.retryAfterMs = retryAfterMs;
        const Error e = v.error();
        QCOMPARE(e.code, ErrorCode::Throttled);
        QCOMPARE(e.retryAfterMs, retryAfterMs);
        QCOMPARE(e.message, message);
    }
};

QTEST_GUILESS_MAIN(TestThrottleGate)
#include "tst_throttle_gate.moc"
