#pragma once

#include "engine/api/error.h"
#include "engine/scheduling/scheduling_types.h"
#include "engine/scheduling/throttle_state_store.h"
#include "engine/scheduling/throttling_manager.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <memory>

namespace rl {

// What the gate says about one (client, router) pair at one moment.
struct ThrottleVerdict {
    enum class Outcome : quint8 {
        Admit,    // every scope has a token
        HoldBack, // `scope` is out of tokens: wait `retryAfterMs` for one
        Suspend,  // `scope` is out of tokens and suspends the client for `retryAfterMs`
        Reject,   // `scope` is out of tokens: answer `throttled`, retry after `retryAfterMs`
    };
    Outcome outcome = Outcome::Admit;
    ThrottleScope scope = ThrottleScope::Client; // the scope that refused (not for Admit)
    qint64 retryAfterMs = 0;                     // from the `now` asked about; 0 for Admit

    bool admitted() const { return outcome == Outcome::Admit; }
    // The `throttled` answer a Reject gives its caller (names the scope and the wait).
    Error error() const;
};

// The three throttle scopes (per client, per router, network-wide) and what each does when it
// runs out of tokens. A scope whose action is Reject is asked when a request is admitted, so
// the answer comes at once; the others when the request is about to be dispatched.
//
// Pure decision: no threads, no lock, no clock of its own (the caller passes `now` and holds
// whatever lock guards it). Checking never spends a token; `charge` does, after an Admit.
// The token counters live in the ThrottleStateStore, so several services can share them.
class ThrottleGate
{
public:
    enum class Phase : quint8 {
        Admission, // scopes whose action is Reject, in the order client, router, network
        Dispatch,  // the other scopes, in the order network, router, client
    };

    explicit ThrottleGate(std::shared_ptr<ThrottleStateStore> state, ThrottlePolicy policy = {});

    void setPolicy(const ThrottlePolicy &policy) { m_policy = policy; }
    const ThrottlePolicy &policy() const { return m_policy; }

    // The first scope of the phase without a token, or Admit. Spends nothing.
    ThrottleVerdict check(Phase phase, const QString &client, const QString &router, qint64 nowMs);
    // Takes one token from every scope of the phase (call after an Admit at the same `now`).
    void charge(Phase phase, const QString &client, const QString &router, qint64 nowMs);
    // check and charge in one: a token from every scope of the phase, or (the first scope
    // without one) none at all, the ones already taken given back. Each scope is taken in one
    // call to the store, so with counters shared by several processes (team mode) no other
    // process can spend the token between looking and taking, and it asks the store half as often.
    ThrottleVerdict take(Phase phase, const QString &client, const QString &router, qint64 nowMs);

    // The limit in force for a scope's key (overrides, and a tightened router's lower limit).
    RateLimit limit(ThrottleScope scope, const QString &key) const;

    // The throttling manager's periodic review (see ThrottlingManager): with the rates seen
    // over the last period, which routers run tightened from now on.
    void review(double networkRate, const QHash<QString, double> &routerRates);
    void endTightening() { m_manager.reset(); }
    const QSet<QString> &tightened() const { return m_manager.tightened(); }

private:
    struct Scope {
        ThrottleScope scope;
        const QString *key;
        RateLimit limit;
    };
    // The scopes a phase looks at, in its order; unlimited ones and the other phase's left out.
    int scopesOf(Phase phase, const QString &client, const QString &router, Scope (&out)[3]) const;

    std::shared_ptr<ThrottleStateStore> m_state;
    ThrottlePolicy m_policy;
    ThrottlingManager m_manager;
};

} // namespace rl
