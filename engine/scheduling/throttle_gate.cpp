#include "engine/scheduling/throttle_gate.h"

namespace rl {

namespace {

// The network scope has one counter; its key is empty.
const QString &networkKey()
{
    static const QString key;
    return key;
}

ThrottleVerdict::Outcome outcomeOf(ThrottleAction action)
{
    switch (action) {
    case ThrottleAction::HoldBack: return ThrottleVerdict::Outcome::HoldBack;
    case ThrottleAction::Suspend: return ThrottleVerdict::Outcome::Suspend;
    case ThrottleAction::Reject: return ThrottleVerdict::Outcome::Reject;
    }
    return ThrottleVerdict::Outcome::HoldBack;
}

// What a scope without a token says: its action, and when to ask again (a suspension's length,
// or when the store says a token will be there).
ThrottleVerdict refusal(ThrottleScope scope, const RateLimit &limit, qint64 waitMs)
{
    ThrottleVerdict v;
    v.outcome = outcomeOf(limit.action);
    v.scope = scope;
    v.retryAfterMs = v.outcome == ThrottleVerdict::Outcome::Suspend ? qint64(limit.suspendSeconds * 1000) : waitMs;
    return v;
}

} // namespace

Error ThrottleVerdict::error() const
{
    if (admitted())
        return {};
    Error e(ErrorCode::Throttled,
            QStringLiteral("Too many requests for the %1 limit; try again in %2 s.")
                .arg(throttleScopeName(scope))
                .arg(qMax<qint64>(1, (retryAfterMs + 999) / 1000)));
    e.retryAfterMs = retryAfterMs;
    return e;
}

ThrottleGate::ThrottleGate(std::shared_ptr<ThrottleStateStore> state, ThrottlePolicy policy)
    : m_state(std::move(state)), m_policy(std::move(policy))
{
}

RateLimit ThrottleGate::limit(ThrottleScope scope, const QString &key) const
{
    switch (scope) {
    case ThrottleScope::Client: return m_policy.clientOverrides.value(key, m_policy.perClient);
    case ThrottleScope::Router:
        return ThrottlingManager::routerLimit(m_policy, key, m_manager.tightened().contains(key));
    case ThrottleScope::Network: return m_policy.network;
    }
    return {};
}

int ThrottleGate::scopesOf(Phase phase, const QString &client, const QString &router, Scope (&out)[3]) const
{
    // Admission answers the client about its own limit first; dispatch stops at the widest
    // scope first, because a full network blocks every router alike.
    const Scope admission[3] = {{ThrottleScope::Client, &client, {}},
                                {ThrottleScope::Router, &router, {}},
                                {ThrottleScope::Network, &networkKey(), {}}};
    const Scope dispatch[3] = {{ThrottleScope::Network, &networkKey(), {}},
                               {ThrottleScope::Router, &router, {}},
                               {ThrottleScope::Client, &client, {}}};
    int n = 0;
    for (const Scope &s : phase == Phase::Admission ? admission : dispatch) {
        const RateLimit l = limit(s.scope, *s.key);
        if (l.isUnlimited() || (l.action == ThrottleAction::Reject) != (phase == Phase::Admission))
            continue;
        out[n++] = {s.scope, s.key, l};
    }
    return n;
}

ThrottleVerdict ThrottleGate::check(Phase phase, const QString &client, const QString &router, qint64 nowMs)
{
    Scope scopes[3];
    const int n = scopesOf(phase, client, router, scopes);
    for (int i = 0; i < n; ++i) {
        const Scope &s = scopes[i];
        const qint64 wait = m_state->peek(s.scope, *s.key, s.limit, nowMs);
        if (wait <= 0)
            continue;
        return refusal(s.scope, s.limit, wait);
    }
    return {};
}

void ThrottleGate::charge(Phase phase, const QString &client, const QString &router, qint64 nowMs)
{
    Scope scopes[3];
    const int n = scopesOf(phase, client, router, scopes);
    for (int i = 0; i < n; ++i)
        m_state->tryTake(scopes[i].scope, *scopes[i].key, scopes[i].limit, nowMs);
}

ThrottleVerdict ThrottleGate::take(Phase phase, const QString &client, const QString &router, qint64 nowMs)
{
    Scope scopes[3];
    const int n = scopesOf(phase, client, router, scopes);
    for (int i = 0; i < n; ++i) {
        const Scope &s = scopes[i];
        const qint64 wait = m_state->tryTake(s.scope, *s.key, s.limit, nowMs);
        if (wait <= 0)
            continue;
        for (int j = 0; j < i; ++j)
            m_state->refund(scopes[j].scope, *scopes[j].key, scopes[j].limit, nowMs);
        return refusal(s.scope, s.limit, wait);
    }
    return {};
}

void ThrottleGate::review(double networkRate, const QHash<QString, double> &routerRates)
{
    m_manager.evaluate(networkRate, m_policy, routerRates);
}

} // namespace rl
