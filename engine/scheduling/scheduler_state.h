#pragma once

#include "engine/scheduling/clock.h"
#include "engine/scheduling/queue_backend.h"
#include "engine/scheduling/scheduler.h"
#include "engine/scheduling/work_exchange.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <array>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <queue>
#include <unordered_map>
#include <vector>

namespace rl {

// What the scheduler's rooms share (Scheduler, Dispatcher, Worker, housekeeping): the work
// and the counters, guarded by one mutex. Internal to engine/scheduling.

// One unit of router work: one router, one list of commands, any number of waiters.
struct Job {
    quint64 id = 0;
    QString key;              // router + commands: identical work joins this job (coalescing)
    QString router;
    QStringList commands;
    std::vector<Waiter> waiters;
    QueueEntry entry;
    ClientIdentity owner;     // the client whose tokens the job spends
    qint64 notBeforeMs = 0;   // held back or suspended until
    WorkState blocked = WorkState::Queued;
    bool heldBack = false;
    bool inFlight = false;
    bool followUps = false;   // some waiter may need a second round; the others skip it entirely
    qint64 maxOutputBytes = 0; // the router's own limit; 0: the config's
    qint64 startedMs = 0;
    qint64 queuedWallMs = 0;  // UTC, for the work exchange: another process's outcome since then is ours too
    CancelFlag cancel;
    int attempt = 1;          // 2: a rerun after the first session wedged
    bool abandoned = false;   // wedged past every deadline: its waiters moved on, its worker was replaced
    // Team mode: waiting for another process's lease on it or for a place at the router, not
    // yet at the router (the wedge check starts when it gets there).
    bool waitingForTeam = false;
};

struct IdleTransport {
    std::unique_ptr<Transport> transport;
    qint64 lastUsedMs = 0;
};

struct RouterState {
    QString name;
    int inFlight = 0;
    int heldBack = 0;
    qint64 blockedUntil = 0;
    qint64 blockedListedAt = 0; // the wake-up time it is listed under in the dispatcher's blocked list
    bool ready = false;         // listed in the dispatcher's ready set
    QueueEntry rank;            // its best entry when ready
    std::vector<IdleTransport> idle;
    int rejected = 0;
    qint64 completed = 0;
    int dispatchedThisPeriod = 0;
};

// Every member below the mutex is guarded by it. The members above it are set before the
// threads start and only read afterwards.
class SchedulerState
{
public:
    static constexpr int LatencySamples = 4096;
    static constexpr int RateSlots = 20;        // 100 ms slots: the last two seconds
    static constexpr qint64 RateSlotMs = 100;

    SchedulerState() { m_latencies.reserve(LatencySamples); }

    TransportProvider transports;
    SchedulerSink *sink = nullptr;
    std::shared_ptr<Clock> clock;
    std::shared_ptr<WorkExchange> exchange; // team mode: work shared with other processes; null: none

    mutable std::mutex mutex;
    std::condition_variable workCv;  // workers wait here for work
    std::condition_variable houseCv; // housekeeping waits here for its next round

    SchedulerConfig config;
    std::unique_ptr<QueueBackend> queue;
    bool running = false;
    bool stopping = false;
    bool paused = false;

    std::unordered_map<quint64, std::unique_ptr<Job>> jobs;
    QHash<QString, Job *> byKey;          // pending and in-flight work, for coalescing
    std::unordered_map<quint64, Job *> tickets;
    QHash<QString, RouterState *> routers;
    std::vector<std::unique_ptr<RouterState>> routerStore;
    // (deadline, ticket), earliest first
    std::priority_queue<std::pair<qint64, quint64>, std::vector<std::pair<qint64, quint64>>, std::greater<>> deadlines;

    quint64 nextJobId = 1;
    quint64 nextTicket = 1;
    quint64 nextSeq = 1;
    int inFlight = 0;
    int idleWorkers = 0;       // waiting for work: only then is a wake-up worth a system call
    int queuedWaiters = 0;
    int heldBackJobs = 0;
    qint64 rejected = 0, completed = 0, failed = 0, coalesced = 0;
    std::atomic<qint64> faults = 0; // exceptions the workers caught (counted without the lock)

    RouterState &routerState(const QString &name);
    // Removes a waiter from its job (the job may be left without waiters).
    Waiter detach(Job &job, quint64 ticket);

    // The recent dispatch rate and the latency ring (metrics).
    void countDispatch(qint64 now);
    double recentRate(qint64 now) const;
    void recordLatency(double ms);
    void resetRate(qint64 now) { m_rateSlotStart = now / RateSlotMs; }
    const std::vector<double> &latencies() const { return m_latencies; }

private:
    std::array<int, RateSlots> m_rateSlots{};
    qint64 m_rateSlotStart = 0;   // the slot index (ms / RateSlotMs) of the current slot
    std::vector<double> m_latencies; // ring
    size_t m_latencyNext = 0;
};

} // namespace rl
