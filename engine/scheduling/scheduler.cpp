#include "engine/scheduling/scheduler.h"

#include "engine/scheduling/memory_queue_backend.h"
#include "engine/scheduling/memory_throttle_state_store.h"
#include "engine/scheduling/throttle_gate.h"

#include <QHash>
#include <QSet>
#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <cerrno>
#include <array>
#include <condition_variable>
#include <mutex>
#include <queue>
#include <set>
#include <thread>
#include <unordered_map>
#include <vector>

namespace rl {

namespace {

// Parsing a full table or a fan-out's answers must not take a core from the window that shows
// them: workers run a few nice steps below the thread that started them. On Linux the nice
// value is per thread; lowering it needs no privilege. Elsewhere this does nothing.
void lowerThisThreadsPriority(int steps)
{
#ifdef Q_OS_LINUX
    if (steps <= 0)
        return;
    const auto tid = id_t(::syscall(SYS_gettid));
    errno = 0;
    const int now = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0)
        ::setpriority(PRIO_PROCESS, tid, std::min(19, now + steps));
#else
    Q_UNUSED(steps);
#endif
}

} // namespace


namespace {

constexpr int ScanLimit = 16;           // jobs looked at per router when the best ones are blocked
constexpr int LatencySamples = 4096;
constexpr int RateSlots = 20;           // 100 ms slots: the last two seconds
constexpr qint64 RateSlotMs = 100;

struct Job {
    quint64 id = 0;
    QString key;
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
    CancelFlag cancel;
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
    qint64 blockedListedAt = 0; // the wake-up time it is listed under in blockedRouters
    bool ready = false;
    QueueEntry rank;           // its best entry when in the ready set
    std::vector<IdleTransport> idle;
    int rejected = 0;
    qint64 completed = 0;
    int dispatchedThisPeriod = 0;
};

struct ReadyBefore {
    bool operator()(const std::pair<QueueEntry, RouterState *> &a, const std::pair<QueueEntry, RouterState *> &b) const
    {
        if (queueEntryBefore(a.first, b.first))
            return true;
        if (queueEntryBefore(b.first, a.first))
            return false;
        return a.second < b.second;
    }
};

} // namespace

class SchedulerPrivate
{
public:
    SchedulerConfig config;
    TransportProvider transports;
    SchedulerSink *sink = nullptr;
    std::shared_ptr<Clock> clock;
    std::unique_ptr<QueueBackend> queue;
    std::unique_ptr<ThrottleGate> gate;

    mutable std::mutex mutex;
    std::condition_variable workCv;
    std::condition_variable houseCv;
    std::vector<std::thread> workers;
    std::thread housekeeper;
    bool running = false;
    bool stopping = false;
    bool paused = false;

    std::unordered_map<quint64, std::unique_ptr<Job>> jobs;
    QHash<QString, Job *> byKey;          // pending and in-flight work, for coalescing
    std::unordered_map<quint64, Job *> tickets;
    QHash<QString, RouterState *> routers;
    std::vector<std::unique_ptr<RouterState>> routerStore;
    std::set<std::pair<QueueEntry, RouterState *>, ReadyBefore> ready;
    std::multimap<qint64, RouterState *> blockedRouters;
    QHash<QString, qint64> suspendedClients;
    qint64 networkBlockedUntil = 0;
    std::priority_queue<std::pair<qint64, quint64>, std::vector<std::pair<qint64, quint64>>, std::greater<>> deadlines;

    quint64 nextJobId = 1;
    quint64 nextTicket = 1;
    quint64 nextSeq = 1;
    int inFlight = 0;
    int idleWorkers = 0;       // waiting for work: only then is a wake-up worth a system call
    int queuedWaiters = 0;
    int heldBackJobs = 0;
    qint64 rejected = 0, completed = 0, failed = 0, coalesced = 0;
    std::array<int, RateSlots> rateSlots{};
    qint64 rateSlotStart = 0;   // the slot index (ms / RateSlotMs) of rateSlots[current]
    std::vector<double> latencies; // ring
    size_t latencyNext = 0;
    qint64 lastReviewMs = 0;
    qint64 lastIdleSweepMs = 0;

    // --- helpers, all with the mutex held ---

    RouterState &routerState(const QString &name)
    {
        auto it = routers.find(name);
        if (it != routers.end())
            return **it;
        auto r = std::make_unique<RouterState>();
        r->name = name;
        RouterState *p = r.get();
        routerStore.push_back(std::move(r));
        routers.insert(name, p);
        return *p;
    }

    void refresh(RouterState &r, qint64 now)
    {
        if (r.ready) {
            ready.erase({r.rank, &r});
            r.ready = false;
        }
        if (r.inFlight >= config.maxInFlightPerRouter)
            return;
        if (r.blockedUntil > now) {
            if (r.blockedListedAt != r.blockedUntil) {
                blockedRouters.emplace(r.blockedUntil, &r);
                r.blockedListedAt = r.blockedUntil;
            }
            return;
        }
        const auto best = queue->best(r.name);
        if (!best)
            return;
        r.rank = *best;
        r.ready = true;
        ready.insert({r.rank, &r});
    }

    void wakeDue(qint64 now)
    {
        while (!blockedRouters.empty() && blockedRouters.begin()->first <= now) {
            const qint64 at = blockedRouters.begin()->first;
            RouterState *r = blockedRouters.begin()->second;
            blockedRouters.erase(blockedRouters.begin());
            if (r->blockedListedAt == at)
                r->blockedListedAt = 0;
            if (!r->ready && r->blockedUntil <= now)
                refresh(*r, now);
        }
    }

    qint64 nextWake() const
    {
        qint64 next = std::numeric_limits<qint64>::max();
        if (!blockedRouters.empty())
            next = blockedRouters.begin()->first;
        if (networkBlockedUntil > 0)
            next = std::min(next, networkBlockedUntil);
        return next;
    }

    void markHeld(Job &job, RouterState &r, qint64 notBefore, WorkState state)
    {
        job.notBeforeMs = std::max(job.notBeforeMs, notBefore);
        job.blocked = state;
        if (job.heldBack)
            return;
        job.heldBack = true;
        ++heldBackJobs;
        ++r.heldBack;
        queue->remove(r.name, job.entry);
        job.entry.score -= config.priority.heldBackPenalty;
        queue->push(r.name, job.entry);
    }

    void clearHeld(Job &job, RouterState &r)
    {
        if (job.heldBack) {
            job.heldBack = false;
            --heldBackJobs;
            --r.heldBack;
        }
        job.blocked = WorkState::Queued;
    }

    void countDispatch(qint64 now)
    {
        const qint64 slot = now / RateSlotMs;
        if (slot != rateSlotStart) {
            const qint64 gap = std::min<qint64>(RateSlots, slot - rateSlotStart);
            for (qint64 i = 1; i <= gap; ++i)
                rateSlots[size_t((rateSlotStart + i) % RateSlots)] = 0;
            rateSlotStart = slot;
        }
        ++rateSlots[size_t(slot % RateSlots)];
    }

    double recentRate(qint64 now) const
    {
        const qint64 slot = now / RateSlotMs;
        if (slot - rateSlotStart >= RateSlots)
            return 0;
        // complete slots of the last second (the current one is partial)
        int sum = 0;
        const int n = 10;
        for (int i = 1; i <= n; ++i) {
            const qint64 s = slot - i;
            if (s > rateSlotStart || s <= rateSlotStart - RateSlots)
                continue;
            sum += rateSlots[size_t(s % RateSlots)];
        }
        return sum * 1000.0 / (n * RateSlotMs);
    }

    void recordLatency(double ms)
    {
        if (latencies.size() < LatencySamples) {
            latencies.push_back(ms);
        } else {
            latencies[latencyNext] = ms;
            latencyNext = (latencyNext + 1) % LatencySamples;
        }
    }

    // Removes a waiter from its job. Returns the job when it is left without waiters.
    Waiter detach(Job &job, quint64 ticket)
    {
        Waiter w;
        for (auto it = job.waiters.begin(); it != job.waiters.end(); ++it) {
            if (it->ticket == ticket) {
                w = std::move(*it);
                job.waiters.erase(it);
                break;
            }
        }
        if (!job.inFlight)
            --queuedWaiters;
        return w;
    }

    void dropPendingJob(Job &job, qint64 now)
    {
        RouterState &r = routerState(job.router);
        queue->remove(job.router, job.entry);
        if (job.heldBack) {
            --heldBackJobs;
            --r.heldBack;
        }
        if (byKey.value(job.key) == &job)
            byKey.remove(job.key);
        jobs.erase(job.id); // job is gone after this
        refresh(r, now);
    }

    // Picks the next job for a worker, or null. Takes the throttle tokens.
    Job *pick(std::unique_ptr<Transport> &transport)
    {
        const qint64 now = clock->nowMs();
        wakeDue(now);
        while (!paused && !stopping && inFlight < config.maxInFlightTotal && !ready.empty()) {
            if (networkBlockedUntil > now)
                return nullptr;
            networkBlockedUntil = 0;
            RouterState &r = *ready.begin()->second;
            Job *candidate = nullptr;
            qint64 minNotBefore = std::numeric_limits<qint64>::max();
            queue->visit(r.name, ScanLimit, [&](const QueueEntry &e) {
                Job *job = jobs.at(e.jobId).get();
                qint64 notBefore = job->notBeforeMs;
                const auto s = suspendedClients.constFind(job->owner.id);
                if (s != suspendedClients.cend())
                    notBefore = std::max(notBefore, *s);
                if (notBefore <= now) {
                    candidate = job;
                    return false;
                }
                minNotBefore = std::min(minNotBefore, notBefore);
                return true;
            });
            if (!candidate) {
                r.blockedUntil = minNotBefore == std::numeric_limits<qint64>::max() ? now + 1 : minNotBefore;
                refresh(r, now);
                continue;
            }
            // The scopes whose action is Reject were charged at admission.
            const ThrottleVerdict verdict = gate->check(ThrottleGate::Phase::Dispatch, candidate->owner.id, r.name, now);
            if (verdict.outcome == ThrottleVerdict::Outcome::Suspend) {
                const qint64 until = now + verdict.retryAfterMs;
                suspendedClients.insert(candidate->owner.id, until);
                markHeld(*candidate, r, until, WorkState::Suspended);
                r.blockedUntil = 0;
                refresh(r, now);
                continue;
            }
            if (!verdict.admitted()) {
                const qint64 wait = verdict.retryAfterMs;
                switch (verdict.scope) {
                case ThrottleScope::Network:
                    networkBlockedUntil = now + wait;
                    markHeld(*candidate, r, 0, WorkState::HeldBack);
                    refresh(r, now);
                    return nullptr;
                case ThrottleScope::Router:
                    markHeld(*candidate, r, 0, WorkState::HeldBack);
                    r.blockedUntil = now + wait;
                    refresh(r, now);
                    continue;
                case ThrottleScope::Client:
                    markHeld(*candidate, r, now + wait, WorkState::HeldBack);
                    refresh(r, now);
                    continue;
                }
            }
            gate->charge(ThrottleGate::Phase::Dispatch, candidate->owner.id, r.name, now);
            // Dispatch.
            queue->remove(r.name, candidate->entry);
            clearHeld(*candidate, r);
            candidate->inFlight = true;
            candidate->startedMs = now;
            candidate->cancel = makeCancelFlag();
            queuedWaiters -= int(candidate->waiters.size());
            ++r.inFlight;
            ++inFlight;
            ++r.dispatchedThisPeriod;
            countDispatch(now);
            if (!r.idle.empty()) {
                transport = std::move(r.idle.back().transport);
                r.idle.pop_back();
            }
            refresh(r, now);
            return candidate;
        }
        return nullptr;
    }

    void workerLoop()
    {
        std::unique_lock lock(mutex);
        // Under the lock: applyConfig() may replace the config meanwhile (ThreadSanitizer).
        lowerThisThreadsPriority(config.workerNiceness);
        for (;;) {
            if (stopping)
                return;
            std::unique_ptr<Transport> transport;
            Job *job = pick(transport);
            if (!job) {
                const qint64 now = clock->nowMs();
                const qint64 wake = nextWake();
                const qint64 waitMs = std::clamp<qint64>(wake - now, 1, config.housekeepingIntervalMs * 5);
                ++idleWorkers;
                workCv.wait_for(lock, std::chrono::milliseconds(waitMs));
                --idleWorkers;
                continue;
            }
            // More capacity may remain: let another worker look.
            if (idleWorkers > 0 && !ready.empty() && inFlight < config.maxInFlightTotal)
                workCv.notify_one();
            const QString router = job->router;
            const QStringList commands = job->commands;
            const bool followUps = job->followUps; // fixed from here: see submit()
            ExecOptions options = config.exec;
            options.cancelled = job->cancel;
            if (job->maxOutputBytes > 0)
                options.maxOutputBytes = job->maxOutputBytes;
            lock.unlock();

            JobOutcome outcome;
            outcome.commands = commands;
            outcome.firstRoundCount = commands.size();
            if (!transport && transports)
                transport = transports(router);
            if (!transport) {
                outcome.error = Error(ErrorCode::Unreachable,
                                      QStringLiteral("There is no way to reach router %1 (no transport for it).").arg(router));
            } else {
                Result<QList<CommandOutput>> result = transport->run(commands, options);
                if (result.ok())
                    outcome.outputs = std::move(result).value();
                else
                    outcome.error = result.error();
            }
            if (followUps && !outcome.error && !options.cancelled->load())
                runFollowUps(lock, *job, *transport, options, outcome);

            lock.lock();
            const qint64 now = clock->nowMs();
            RouterState &r = routerState(router);
            --r.inFlight;
            --inFlight;
            ++r.completed;
            if (transport && !stopping)
                r.idle.push_back({std::move(transport), now});
            if (options.cancelled->load() && !outcome.error)
                outcome.error = Error(ErrorCode::Cancelled, QStringLiteral("The request was cancelled."));
            outcome.router = router;
            outcome.startedMs = job->startedMs;
            outcome.latencyMs = now - job->startedMs;
            outcome.waiters.reserve(qsizetype(job->waiters.size()));
            for (Waiter &w : job->waiters) {
                tickets.erase(w.ticket);
                recordLatency(double(now - w.enqueuedMs));
                outcome.waiters.append(std::move(w));
            }
            if (outcome.error)
                failed += outcome.waiters.size();
            else
                completed += outcome.waiters.size();
            if (byKey.value(job->key) == job)
                byKey.remove(job->key);
            jobs.erase(job->id);
            refresh(r, now);
            const bool stoppingNow = stopping;
            lock.unlock();
            if (!outcome.waiters.isEmpty() && !stoppingNow)
                sink->jobFinished(std::move(outcome));
            lock.lock();
        }
    }

    // The second round (Translator::followUpCommands) on the same session. Called and
    // returning without the lock.
    void runFollowUps(std::unique_lock<std::mutex> &lock, Job &job, Transport &transport, const ExecOptions &options,
                      JobOutcome &outcome)
    {
        QList<Waiter> waiters;
        lock.lock();
        // From here on identical work starts a job of its own: a waiter joining now would
        // miss the follow-ups computed for the waiters below.
        if (byKey.value(job.key) == &job)
            byKey.remove(job.key);
        waiters.reserve(qsizetype(job.waiters.size()));
        for (const Waiter &w : job.waiters)
            waiters.append(w);
        lock.unlock();
        const QStringList more = sink->followUpCommands(job.router, waiters, outcome.outputs);
        if (more.isEmpty())
            return;
        Result<QList<CommandOutput>> result = transport.run(more, options);
        if (!result.ok()) {
            outcome.error = result.error();
            return;
        }
        outcome.commands += more;
        outcome.outputs += std::move(result).value();
    }

    void housekeeping()
    {
        std::unique_lock lock(mutex);
        while (!stopping) {
            houseCv.wait_for(lock, std::chrono::milliseconds(config.housekeepingIntervalMs));
            if (stopping)
                return;
            const qint64 now = clock->nowMs();
            // Deadlines.
            std::vector<Waiter> expired;
            while (!deadlines.empty() && deadlines.top().first <= now) {
                const quint64 ticket = deadlines.top().second;
                deadlines.pop();
                auto it = tickets.find(ticket);
                if (it == tickets.end())
                    continue;
                Job *job = it->second;
                tickets.erase(it);
                expired.push_back(detach(*job, ticket));
                if (job->waiters.empty()) {
                    if (job->inFlight)
                        job->cancel->store(true);
                    else
                        dropPendingJob(*job, now);
                }
            }
            // Suspensions that ended.
            for (auto it = suspendedClients.begin(); it != suspendedClients.end();) {
                if (*it <= now)
                    it = suspendedClients.erase(it);
                else
                    ++it;
            }
            // The throttling manager.
            if (now - lastReviewMs >= config.throttleReviewMs) {
                const double period = std::max<qint64>(1, now - lastReviewMs) / 1000.0;
                // Without a network limit there is nothing to protect: skip the per-router rates.
                const bool review = !config.throttle.network.isUnlimited();
                QHash<QString, double> rates;
                double total = 0;
                for (const auto &r : routerStore) {
                    if (r->dispatchedThisPeriod > 0) {
                        if (review)
                            rates.insert(r->name, r->dispatchedThisPeriod / period);
                        total += r->dispatchedThisPeriod;
                        r->dispatchedThisPeriod = 0;
                    }
                }
                if (review)
                    gate->review(total / period, rates);
                else
                    gate->endTightening();
                lastReviewMs = now;
            }
            // Idle sessions: closed outside the lock (an SSH goodbye may take a moment).
            std::vector<std::unique_ptr<Transport>> toClose;
            if (now - lastIdleSweepMs >= 1000) {
                lastIdleSweepMs = now;
                for (const auto &r : routerStore) {
                    for (auto it = r->idle.begin(); it != r->idle.end();) {
                        if (now - it->lastUsedMs >= config.idleTimeoutMs) {
                            toClose.push_back(std::move(it->transport));
                            it = r->idle.erase(it);
                        } else {
                            ++it;
                        }
                    }
                }
            }
            wakeDue(now);
            if (!ready.empty())
                workCv.notify_all();
            if (expired.empty() && toClose.empty())
                continue;
            lock.unlock();
            for (const Waiter &w : expired) {
                sink->waiterFailed(w, Error(ErrorCode::Timeout,
                                            QStringLiteral("No answer within the request time limit (queueing included); "
                                                           "try again later or raise the request timeout.")));
            }
            for (auto &t : toClose)
                t->close();
            toClose.clear();
            lock.lock();
        }
    }
};

double Scheduler::baseScore(const PriorityScheme &s, Role role, QueryKind kind, Urgency urgency)
{
    double score = role == Role::External ? s.externalRole : role == Role::Admin ? s.adminRole : s.internalRole;
    score += s.kindWeight.value(kind, 0);
    score += urgency == Urgency::Interactive ? s.interactive : s.background;
    return score;
}

Scheduler::Scheduler(SchedulerConfig config, TransportProvider transports, SchedulerSink *sink,
                     std::shared_ptr<Clock> clock, std::unique_ptr<QueueBackend> queue,
                     std::shared_ptr<ThrottleStateStore> throttleState)
    : d(std::make_unique<SchedulerPrivate>())
{
    d->config = std::move(config);
    d->config.maxInFlightPerRouter = std::max(1, d->config.maxInFlightPerRouter);
    d->config.maxInFlightTotal = std::max(1, d->config.maxInFlightTotal);
    d->config.housekeepingIntervalMs = std::max(1, d->config.housekeepingIntervalMs);
    d->transports = std::move(transports);
    d->sink = sink;
    d->clock = clock ? std::move(clock) : std::make_shared<SteadyClock>();
    d->queue = queue ? std::move(queue) : std::make_unique<MemoryQueueBackend>();
    d->gate = std::make_unique<ThrottleGate>(
        throttleState ? std::move(throttleState) : std::make_shared<MemoryThrottleStateStore>(), d->config.throttle);
    d->rateSlotStart = d->clock->nowMs() / RateSlotMs;
    d->latencies.reserve(LatencySamples);
}

Scheduler::~Scheduler()
{
    stop();
}

void Scheduler::start()
{
    std::lock_guard lock(d->mutex);
    if (d->running)
        return;
    d->running = true;
    d->stopping = false;
    d->lastReviewMs = d->clock->nowMs();
    d->lastIdleSweepMs = d->lastReviewMs;
    for (int i = 0; i < d->config.maxInFlightTotal; ++i)
        d->workers.emplace_back([this] { d->workerLoop(); });
    d->housekeeper = std::thread([this] { d->housekeeping(); });
}

void Scheduler::stop()
{
    {
        std::lock_guard lock(d->mutex);
        if (!d->running)
            return;
        d->stopping = true;
        for (auto &[id, job] : d->jobs) {
            if (job->inFlight && job->cancel)
                job->cancel->store(true);
        }
    }
    d->workCv.notify_all();
    d->houseCv.notify_all();
    for (auto &t : d->workers)
        t.join();
    d->workers.clear();
    if (d->housekeeper.joinable())
        d->housekeeper.join();
    std::lock_guard lock(d->mutex);
    d->running = false;
    for (const auto &r : d->routerStore) {
        for (auto &t : r->idle)
            t.transport->close();
        r->idle.clear();
    }
}

quint64 Scheduler::submit(WorkItem item)
{
    std::unique_lock lock(d->mutex);
    const qint64 now = d->clock->nowMs();
    const quint64 ticket = d->nextTicket++;

    Waiter w;
    w.ticket = ticket;
    w.requestId = std::move(item.requestId);
    w.router = item.router;
    w.client = std::move(item.client);
    w.kind = item.kind;
    w.params = std::move(item.params);
    w.tag = item.tag;
    w.enqueuedMs = now;
    w.deadlineMs = item.timeoutMs > 0 ? now + item.timeoutMs : 0;
    // Aging is folded into a static key: score(now) = base + aging * (now - queued), so
    // ordering by base - aging * queued is the same at any moment.
    w.priority = baseScore(d->config.priority, w.client.role, w.kind, item.urgency)
        - d->config.priority.agingPerSecond * double(now) / 1000.0;

    QString key = item.router;
    key.reserve(item.router.size() + 64);
    key += QChar(0x1d);
    key += item.commands.join(QChar(0x1e));

    Job *joinable = d->byKey.value(key);
    // Work in flight that every earlier waiter abandoned is being cancelled: start afresh.
    if (joinable && joinable->inFlight && joinable->cancel->load())
        joinable = nullptr;
    // Work in flight that asks no second round cannot start one for a late waiter.
    if (joinable && joinable->inFlight && item.followUps && !joinable->followUps)
        joinable = nullptr;
    if (joinable)
        joinable->followUps = joinable->followUps || item.followUps;
    if (Job *job = joinable) {
        ++d->coalesced;
        if (!job->inFlight) {
            ++d->queuedWaiters;
            if (w.priority > job->entry.score && !job->heldBack) {
                RouterState &r = d->routerState(job->router);
                d->queue->remove(job->router, job->entry);
                job->entry.score = w.priority;
                d->queue->push(job->router, job->entry);
                d->refresh(r, now);
            }
        }
        if (w.deadlineMs)
            d->deadlines.emplace(w.deadlineMs, ticket);
        d->tickets.emplace(ticket, job);
        job->waiters.push_back(std::move(w));
        return ticket;
    }

    RouterState &r = d->routerState(item.router);
    // Scopes whose action is Reject are charged at admission, so the answer comes at once.
    const ThrottleVerdict verdict = d->gate->check(ThrottleGate::Phase::Admission, w.client.id, item.router, now);
    if (!verdict.admitted()) {
        ++d->rejected;
        ++r.rejected;
        lock.unlock();
        d->sink->waiterFailed(w, verdict.error());
        return ticket;
    }
    d->gate->charge(ThrottleGate::Phase::Admission, w.client.id, item.router, now);

    auto job = std::make_unique<Job>();
    job->id = d->nextJobId++;
    job->key = key;
    job->router = std::move(item.router);
    job->commands = std::move(item.commands);
    job->followUps = item.followUps;
    job->maxOutputBytes = item.maxOutputBytes;
    job->owner = w.client;
    job->entry = {job->id, w.priority, d->nextSeq++};
    const auto s = d->suspendedClients.constFind(w.client.id);
    if (s != d->suspendedClients.cend() && *s > now) {
        job->notBeforeMs = *s;
        job->blocked = WorkState::Suspended;
    }
    if (w.deadlineMs)
        d->deadlines.emplace(w.deadlineMs, ticket);
    d->tickets.emplace(ticket, job.get());
    job->waiters.push_back(std::move(w));
    ++d->queuedWaiters;
    Job *p = job.get();
    d->byKey.insert(p->key, p);
    d->queue->push(p->router, p->entry);
    d->jobs.emplace(p->id, std::move(job));
    if (!r.ready || queueEntryBefore(p->entry, r.rank))
        d->refresh(r, now);
    const bool wake = d->idleWorkers > 0 && r.ready;
    lock.unlock();
    if (wake)
        d->workCv.notify_one();
    return ticket;
}

void Scheduler::cancel(quint64 ticket, bool notify)
{
    std::unique_lock lock(d->mutex);
    auto it = d->tickets.find(ticket);
    if (it == d->tickets.end())
        return;
    Job *job = it->second;
    d->tickets.erase(it);
    const Waiter w = d->detach(*job, ticket);
    if (job->waiters.empty()) {
        if (job->inFlight)
            job->cancel->store(true);
        else
            d->dropPendingJob(*job, d->clock->nowMs());
    }
    lock.unlock();
    if (notify)
        d->sink->waiterFailed(w, Error(ErrorCode::Cancelled, QStringLiteral("The request was cancelled.")));
}

void Scheduler::cancelAll(bool notify)
{
    std::vector<quint64> all;
    {
        std::lock_guard lock(d->mutex);
        all.reserve(d->tickets.size());
        for (const auto &[t, job] : d->tickets)
            all.push_back(t);
    }
    for (quint64 t : all)
        cancel(t, notify);
}

void Scheduler::setPaused(bool paused)
{
    {
        std::lock_guard lock(d->mutex);
        d->paused = paused;
    }
    d->workCv.notify_all();
}

void Scheduler::applyConfig(const SchedulerConfig &config)
{
    {
        std::lock_guard lock(d->mutex);
        const int workers = d->config.maxInFlightTotal;
        d->config = config;
        d->config.maxInFlightPerRouter = std::max(1, d->config.maxInFlightPerRouter);
        d->config.maxInFlightTotal = d->running ? std::clamp(config.maxInFlightTotal, 1, workers)
                                                : std::max(1, config.maxInFlightTotal);
        d->config.housekeepingIntervalMs = std::max(1, d->config.housekeepingIntervalMs);
        d->gate->setPolicy(d->config.throttle);
        const qint64 now = d->clock->nowMs();
        for (const auto &r : d->routerStore)
            d->refresh(*r, now);
    }
    d->workCv.notify_all();
}

SchedulerConfig Scheduler::config() const
{
    std::lock_guard lock(d->mutex);
    return d->config;
}

void Scheduler::poke()
{
    d->workCv.notify_all();
    d->houseCv.notify_all();
}

void Scheduler::closeIdleSessions()
{
    std::vector<std::unique_ptr<Transport>> toClose;
    {
        std::lock_guard lock(d->mutex);
        for (const auto &r : d->routerStore) {
            for (auto &t : r->idle)
                toClose.push_back(std::move(t.transport));
            r->idle.clear();
        }
    }
    for (auto &t : toClose)
        t->close();
}

EngineMetrics Scheduler::metrics() const
{
    std::lock_guard lock(d->mutex);
    const qint64 now = d->clock->nowMs();
    EngineMetrics m;
    m.at = QDateTime::currentDateTimeUtc();
    m.queued = d->queuedWaiters;
    m.inFlight = d->inFlight;
    m.heldBack = d->heldBackJobs;
    m.rejected = d->rejected;
    m.completed = d->completed;
    m.failed = d->failed;
    m.coalesced = d->coalesced;
    m.requestRate = d->recentRate(now);
    m.networkLimit = d->config.throttle.network.isUnlimited() ? 0 : d->config.throttle.network.ratePerSecond;
    if (!d->latencies.empty()) {
        std::vector<double> sorted = d->latencies;
        const auto at = [&](double q) {
            const size_t i = std::min(sorted.size() - 1, size_t(q * double(sorted.size() - 1) + 0.5));
            std::nth_element(sorted.begin(), sorted.begin() + qsizetype(i), sorted.end());
            return sorted[i];
        };
        m.latencyP50Ms = at(0.5);
        m.latencyP99Ms = at(0.99);
    }
    for (const auto &r : d->routerStore) {
        const qsizetype pending = d->queue->size(r->name);
        if (pending == 0 && r->inFlight == 0)
            continue;
        m.routers.append({r->name, int(pending), r->inFlight, r->heldBack, r->rejected, r->completed});
    }
    return m;
}

QList<ActivityEntry> Scheduler::activity() const
{
    std::lock_guard lock(d->mutex);
    const qint64 now = d->clock->nowMs();
    QList<ActivityEntry> out;
    for (const auto &[id, job] : d->jobs) {
        for (const Waiter &w : job->waiters) {
            if (out.size() >= d->config.activityLimit)
                return out;
            ActivityEntry e;
            e.requestId = w.requestId;
            e.router = job->router;
            e.clientId = w.client.id;
            e.kind = w.kind;
            e.state = job->inFlight ? WorkState::InFlight : job->blocked;
            e.priority = job->entry.score + d->config.priority.agingPerSecond * double(now) / 1000.0;
            e.waitingMs = now - w.enqueuedMs;
            e.coalescedWith = int(job->waiters.size()) - 1;
            out.append(e);
        }
    }
    return out;
}

QSet<QString> Scheduler::tightenedRouters() const
{
    std::lock_guard lock(d->mutex);
    return d->gate->tightened();
}

} // namespace rl
