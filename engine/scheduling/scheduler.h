#pragma once

#include "engine/api/error.h"
#include "engine/api/request.h"
#include "engine/scheduling/clock.h"
#include "engine/scheduling/queue_backend.h"
#include "engine/scheduling/scheduling_types.h"
#include "engine/scheduling/throttle_state_store.h"
#include "engine/scheduling/work_exchange.h"
#include "engine/transport/transport.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace rl {

class SchedulerPrivate;

// One router's part of one request, handed to the scheduler.
struct WorkItem {
    QString requestId;
    QString router;
    ClientIdentity client;
    QueryKind kind = QueryKind::Facts;
    Urgency urgency = Urgency::Interactive;
    QueryParams params;
    QStringList commands;    // the translator's commands: with the router, the coalescing key
    qint64 timeoutMs = 0;    // the part's whole life, queueing included; <= 0: none
    quint64 tag = 0;         // the caller's own reference (e.g. the index of the router in the request)
    bool followUps = false;  // the answer may need a second round (SchedulerSink::followUpCommands)
    qint64 maxOutputBytes = 0; // the router's own output limit per command; 0: SchedulerConfig::exec's
};

// Who waits for a unit of work; the outcome names every waiter so each can be parsed with
// its own parameters.
struct Waiter {
    quint64 ticket = 0;
    QString requestId;
    QString router;
    ClientIdentity client;
    QueryKind kind = QueryKind::Facts;
    QueryParams params;
    quint64 tag = 0;
    double priority = 0;     // the score when it was queued (higher first)
    qint64 enqueuedMs = 0;
    qint64 deadlineMs = 0;   // 0: none
    bool coalesced = false;  // joined identical work already queued or running (not its first waiter)
};

// The answer of one unit of work: the router's outputs (shared by every waiter) or an error.
struct JobOutcome {
    QString router;
    QStringList commands;            // both rounds: the job's commands, then the follow-ups
    qsizetype firstRoundCount = 0;   // how many of commands (and outputs) the first round sent
    QList<CommandOutput> outputs;
    Error error;
    qint64 startedMs = 0;
    qint64 latencyMs = 0;    // time spent at the router
    QList<Waiter> waiters;
};

// Where results go. jobFinished runs on a worker thread (parse and store there, not on the
// GUI thread); waiterFailed on whichever thread decided (submit, cancel, housekeeping).
// Never called with the scheduler's lock held.
class SchedulerSink
{
public:
    virtual ~SchedulerSink() = default;
    virtual void jobFinished(JobOutcome &&outcome) = 0;
    // After the first round, on the worker thread: a second round of commands the waiters need
    // (see Translator::followUpCommands), run on the same session. Identical work stops joining
    // the job once its first round is back, so every waiter's follow-ups are in the list.
    virtual QStringList followUpCommands(const QString &router, const QList<Waiter> &waiters,
                                         const QList<CommandOutput> &firstRound)
    {
        Q_UNUSED(router);
        Q_UNUSED(waiters);
        Q_UNUSED(firstRound);
        return {};
    }
    virtual void waiterFailed(const Waiter &waiter, const Error &error) = 0;
};

struct SchedulerConfig {
    ThrottlePolicy throttle;
    PriorityScheme priority;
    int maxInFlightPerRouter = 1;
    int maxInFlightTotal = 32;       // also the number of worker threads
    int idleTimeoutMs = 300000;
    ExecOptions exec;                // connect/command timeouts and output limit (cancel flag is per job)
    int housekeepingIntervalMs = 20; // how often deadlines, idle sessions and wake-ups are checked
    int throttleReviewMs = 1000;     // the throttling manager's period
    int activityLimit = 500;         // most entries activity() lists
    int workerNiceness = 5;          // worker threads run this many nice steps below the caller (0: same)
    // A router call still running this long after its transport's own time limits (connect,
    // then each command; twice with a second round) is wedged: its waiters move to a fresh
    // session once (then fail with connection-lost) and its worker thread is replaced.
    int wedgeGraceMs = 15000;
};

using TransportProvider = std::function<std::unique_ptr<Transport>(const QString &router)>;

// Per-router priority queues, coalescing, throttling and the worker pool.
//
// Built of rooms that share one lock (SchedulerState): each Worker thread asks the Dispatcher
// for the next job itself (no hand-off thread per request): the best ready router, its best
// eligible job, then the ThrottleGate's three scopes; the blocking transport call runs outside
// the lock. A housekeeping thread handles deadlines, idle sessions, suspended clients and the
// throttling manager. Thread-safe.
class Scheduler
{
public:
    Scheduler(SchedulerConfig config, TransportProvider transports, SchedulerSink *sink,
              std::shared_ptr<Clock> clock = {}, std::unique_ptr<QueueBackend> queue = {},
              std::shared_ptr<ThrottleStateStore> throttleState = {},
              std::shared_ptr<WorkExchange> exchange = {});
    ~Scheduler(); // stops: what is queued or in flight is cancelled without being reported

    Scheduler(const Scheduler &) = delete;
    Scheduler &operator=(const Scheduler &) = delete;

    void start();
    void stop();

    // Queues a part; returns its ticket. A part over a Reject limit is answered at once
    // (waiterFailed, throttled with retry-after) and still gets a ticket.
    quint64 submit(WorkItem item);
    // Detaches one waiter: answered cancelled (when notify) and, when it was the last one
    // waiting for its work, the work is dropped or its transport call cancelled.
    void cancel(quint64 ticket, bool notify = true);
    void cancelAll(bool notify = true);
    // Ends all work of these routers (the inventory dropped or changed them): every waiter,
    // queued or in flight, is answered with its router's error, transport calls left without
    // waiters are cancelled, and the routers' idle sessions are closed.
    void failRouters(const QHash<QString, Error> &errors);

    // While paused nothing new starts (tests, and "hold everything" in the UI).
    void setPaused(bool paused);
    void applyConfig(const SchedulerConfig &config); // limits and priorities; worker count is fixed at start
    SchedulerConfig config() const;
    // Wakes workers and housekeeping to look at the clock again (tests with a manual clock).
    void poke();
    // Closes every idle session now.
    void closeIdleSessions();

    EngineMetrics metrics() const;
    QList<ActivityEntry> activity() const;
    QSet<QString> tightenedRouters() const;
    // The score a part gets at queueing time, before aging.
    static double baseScore(const PriorityScheme &scheme, Role role, QueryKind kind, Urgency urgency);

private:
    std::unique_ptr<SchedulerPrivate> d;
};

} // namespace rl

Q_DECLARE_METATYPE(rl::Waiter)
