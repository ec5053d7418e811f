#pragma once

#include "engine/api/query_kind.h"
#include "engine/api/request.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

namespace rl {

// ---- throttling policy (data, loaded from settings) ---------------------------------------

enum class ThrottleScope : quint8 { Client, Router, Network };
QString throttleScopeName(ThrottleScope s);

// What happens to a request over a limit.
enum class ThrottleAction : quint8 {
    HoldBack, // stays queued at lower priority until a token frees
    Suspend,  // the client is suspended for `suspendSeconds`; its requests wait
    Reject,   // answered at once with `throttled` and a retry-after
};
QString throttleActionName(ThrottleAction a);
std::optional<ThrottleAction> throttleActionFromName(QStringView name);

// A token bucket: `ratePerSecond` sustained, `burst` at once. rate <= 0 means unlimited.
struct RateLimit {
    double ratePerSecond = 0;
    double burst = 0;
    ThrottleAction action = ThrottleAction::HoldBack;
    double suspendSeconds = 10;
    bool isUnlimited() const { return ratePerSecond <= 0; }
    friend bool operator==(const RateLimit &, const RateLimit &) = default;
};

struct ThrottlePolicy {
    RateLimit perClient{20, 40, ThrottleAction::HoldBack, 10};
    RateLimit perRouter{5, 10, ThrottleAction::HoldBack, 10};
    RateLimit network{200, 400, ThrottleAction::HoldBack, 10};
    QHash<QString, RateLimit> clientOverrides; // by client id
    QHash<QString, RateLimit> routerOverrides; // by router name
    // The throttling manager tightens a busy router's limit down to this fraction when the
    // network-wide rate runs above `loadThreshold` of its limit.
    double loadThreshold = 0.8;
    double tightenFactor = 0.5;
    friend bool operator==(const ThrottlePolicy &, const ThrottlePolicy &) = default;
};

// ---- priority scheme (data) -----------------------------------------------------------------

struct PriorityScheme {
    int internalRole = 200;
    int externalRole = 100;
    int adminRole = 200;
    int interactive = 300;             // a person is waiting
    int background = 0;
    QHash<QueryKind, int> kindWeight;  // default weights by kind (diagnostic basics first)
    double agingPerSecond = 10;        // points gained per second waited, so nothing starves
    int heldBackPenalty = 150;         // subtracted while a throttle holds the request back
    friend bool operator==(const PriorityScheme &, const PriorityScheme &) = default;
};

// ---- what the activity panel and metrics show ---------------------------------------------

enum class WorkState : quint8 { Queued, HeldBack, Suspended, InFlight, Done, Failed, Rejected, Cancelled };
QString workStateName(WorkState s);

// One router's part of a request, as the activity panel lists it.
struct ActivityEntry {
    QString requestId;
    QString router;
    QString clientId;
    QueryKind kind = QueryKind::Facts;
    WorkState state = WorkState::Queued;
    double priority = 0;
    qint64 waitingMs = 0;
    int coalescedWith = 0; // other waiters sharing this router command
};

struct RouterQueueStats {
    QString router;
    int pending = 0;
    int inFlight = 0;
    int heldBack = 0;
    int rejected = 0;       // since start
    qint64 completed = 0;   // since start
};

struct EngineMetrics {
    QDateTime at;
    int queued = 0;
    int inFlight = 0;
    int heldBack = 0;
    qint64 rejected = 0;
    qint64 completed = 0;
    qint64 failed = 0;
    qint64 cacheHits = 0;
    qint64 coalesced = 0;
    qint64 faults = 0;             // transport or reader faults (exceptions) caught by the workers
    double requestRate = 0;        // router commands started per second, recent window
    double networkLimit = 0;       // network-wide throttle, per second (0: unlimited)
    double latencyP50Ms = 0;
    double latencyP99Ms = 0;
    QList<RouterQueueStats> routers; // only routers with something queued or in flight
};

} // namespace rl

Q_DECLARE_METATYPE(rl::ActivityEntry)
Q_DECLARE_METATYPE(rl::EngineMetrics)
