#pragma once

#include "engine/scheduling/scheduler_state.h"
#include "engine/scheduling/throttle_gate.h"

#include <QHash>
#include <QString>

#include <map>
#include <memory>
#include <set>
#include <utility>

namespace rl {

// Which job runs next: the router whose best queued job ranks highest, then the first job in
// that router's queue that is not held back or suspended, then the throttle gate. A job the
// gate refuses is held back (its router or the whole network waits for a token, or its client
// is suspended) and the choice goes on. A job chosen is marked in flight and its router's
// idle session handed over.
//
// Keeps the routers that may start work in a ready set ordered by their best entry, and the
// blocked ones by the time they may again, so a choice looks at few routers however many
// there are. Every member is called with SchedulerState::mutex held.
class Dispatcher
{
public:
    Dispatcher(SchedulerState &state, ThrottleGate &gate);

    // The next job to run, now in flight, or null when none may start; `transport` gets the
    // router's idle session when it has one.
    Job *next(std::unique_ptr<Transport> &transport);

    // Puts a new job in its router's queue. Returns whether the router is ready to start work.
    bool enqueue(const Job &job, qint64 now);
    // A waiter with a better score joined a queued job: the job moves up in its router's queue.
    void raise(Job &job, double score, qint64 now);
    // Removes a queued job nobody waits for any more (the job is destroyed).
    void drop(Job &job, qint64 now);
    // Looks at a router again: after its job finished, or after the limits changed.
    void refresh(RouterState &r, qint64 now);
    void refreshAll(qint64 now);

    // Routers whose wait ended become ready again.
    void wakeDue(qint64 now);
    // When the earliest blocked router or the network may start again (max: never).
    qint64 nextWake() const;
    bool hasReady() const { return !m_ready.empty(); }

    // When the client's suspension ends, or 0 when it is not suspended.
    qint64 suspendedUntil(const QString &client) const { return m_suspendedClients.value(client, 0); }
    void endSuspensions(qint64 now);

private:
    struct ReadyBefore {
        bool operator()(const std::pair<QueueEntry, RouterState *> &a,
                        const std::pair<QueueEntry, RouterState *> &b) const;
    };

    bool mayStart() const;
    // The router's first job that is not held back or suspended; blocks the router until the
    // earliest one may run when there is none.
    Job *eligibleJob(RouterState &r, qint64 now);
    // Holds back a job the gate refused. Returns false when nothing else may start now.
    bool holdBack(Job &job, RouterState &r, const ThrottleVerdict &verdict, qint64 now);
    void markHeld(Job &job, RouterState &r, qint64 notBefore, WorkState state);
    void clearHeld(Job &job, RouterState &r);
    void start(Job &job, RouterState &r, qint64 now, std::unique_ptr<Transport> &transport);

    SchedulerState &m_state;
    ThrottleGate &m_gate;
    std::set<std::pair<QueueEntry, RouterState *>, ReadyBefore> m_ready;
    std::multimap<qint64, RouterState *> m_blockedRouters; // by the time they may start again
    QHash<QString, qint64> m_suspendedClients;             // client id -> suspended until
    qint64 m_networkBlockedUntil = 0;
};

} // namespace rl
