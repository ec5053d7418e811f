#include "engine/scheduling/scheduler.h"

#include "engine/scheduling/dispatcher.h"
#include "engine/scheduling/memory_queue_backend.h"
#include "engine/scheduling/memory_throttle_state_store.h"
#include "engine/scheduling/scheduler_state.h"
#include "engine/scheduling/throttle_gate.h"
#include "engine/scheduling/worker.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace rl {

// The scheduler's rooms: the shared books (SchedulerState), the throttle decision
// (ThrottleGate), the choice of the next job (Dispatcher), the worker threads (Worker), and
// here the front desk (submit, cancel, settings, metrics) and the housekeeping thread.
class SchedulerPrivate
{
public:
    SchedulerState state;
    std::unique_ptr<ThrottleGate> gate;
    std::unique_ptr<Dispatcher> dispatcher;
    std::vector<std::unique_ptr<Worker>> workers;
    std::thread housekeeper;
    qint64 lastReviewMs = 0;    // housekeeping's, under the mutex
    qint64 lastIdleSweepMs = 0;
    qint64 lastWedgeSweepMs = 0;

    // ---- submit's steps, with the mutex held ----

    Waiter waiterFor(WorkItem &item, quint64 ticket, qint64 now) const
    {
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
        w.priority = Scheduler::baseScore(state.config.priority, w.client.role, w.kind, item.urgency)
            - state.config.priority.agingPerSecond * double(now) / 1000.0;
        return w;
    }

    // Identical work (same router, same commands) is done once for every waiter.
    static QString jobKey(const QString &router, const QStringList &commands)
    {
        QString key = router;
        key.reserve(router.size() + 64);
        key += QChar(0x1d);
        key += commands.join(QChar(0x1e));
        return key;
    }

    // The job a new waiter with this key can join, or null.
    Job *joinable(const QString &key, bool followUps)
    {
        Job *job = state.byKey.value(key);
        // Work in flight that every earlier waiter abandoned is being cancelled: start afresh.
        if (job && job->inFlight && job->cancel->load())
            return nullptr;
        // Work in flight that asks no second round cannot start one for a late waiter.
        if (job && job->inFlight && followUps && !job->followUps)
            return nullptr;
        return job;
    }

    void join(Job &job, Waiter &&w, bool followUps, qint64 now)
    {
        job.followUps = job.followUps || followUps;
        ++state.coalesced;
        w.coalesced = true;
        if (!job.inFlight) {
            ++state.queuedWaiters;
            if (w.priority > job.entry.score && !job.heldBack)
                dispatcher->raise(job, w.priority, now);
        }
        if (w.deadlineMs)
            state.deadlines.emplace(w.deadlineMs, w.ticket);
        state.tickets.emplace(w.ticket, &job);
        job.waiters.push_back(std::move(w));
    }

    // Queues new work for one waiter. Returns whether its router is ready to start it.
    bool enqueueNew(WorkItem &item, QString key, Waiter &&w, qint64 now)
    {
        auto job = std::make_unique<Job>();
        job->id = state.nextJobId++;
        job->key = std::move(key);
        job->router = std::move(item.router);
        job->commands = std::move(item.commands);
        job->followUps = item.followUps;
        job->maxOutputBytes = item.maxOutputBytes;
        job->owner = w.client;
        if (state.exchange)
            job->queuedWallMs = QDateTime::currentMSecsSinceEpoch();
        job->entry = {job->id, w.priority, state.nextSeq++};
        const qint64 suspendedUntil = dispatcher->suspendedUntil(w.client.id);
        if (suspendedUntil > now) {
            job->notBeforeMs = suspendedUntil;
            job->blocked = WorkState::Suspended;
        }
        if (w.deadlineMs)
            state.deadlines.emplace(w.deadlineMs, w.ticket);
        state.tickets.emplace(w.ticket, job.get());
        job->waiters.push_back(std::move(w));
        ++state.queuedWaiters;
        Job &p = *job;
        state.byKey.insert(p.key, &p);
        state.jobs.emplace(p.id, std::move(job));
        return dispatcher->enqueue(p, now);
    }

    // Detaches a waiter; a job left without waiters is dropped, or its transport call cancelled.
    Waiter release(Job &job, quint64 ticket, qint64 now)
    {
        Waiter w = state.detach(job, ticket);
        if (job.waiters.empty()) {
            if (job.inFlight)
                job.cancel->store(true);
            else
                dispatcher->drop(job, now);
        }
        return w;
    }

    // ---- housekeeping thread ----

    void housekeeping()
    {
        std::unique_lock lock(state.mutex);
        while (!state.stopping) {
            state.houseCv.wait_for(lock, std::chrono::milliseconds(state.config.housekeepingIntervalMs));
            if (state.stopping)
                return;
            const qint64 now = state.clock->nowMs();
            std::vector<Waiter> expired = expireDeadlines(now);
            std::vector<Waiter> wedged = replaceWedgedWorkers(now);
            dispatcher->endSuspensions(now);
            if (now - lastReviewMs >= state.config.throttleReviewMs)
                reviewThrottle(now);
            std::vector<std::unique_ptr<Transport>> toClose = takeIdleSessions(now);
            dispatcher->wakeDue(now);
            if (dispatcher->hasReady())
                state.workCv.notify_all();
            if (expired.empty() && wedged.empty() && toClose.empty())
                continue;
            // Answers and SSH goodbyes (which may take a moment) without the lock.
            lock.unlock();
            for (const Waiter &w : expired) {
                state.sink->waiterFailed(w, Error(ErrorCode::Timeout,
                                                  QStringLiteral("No answer within the request time limit (queueing "
                                                                 "included); try again later or raise the request timeout.")));
            }
            for (const Waiter &w : wedged) {
                state.sink->waiterFailed(w, Error(ErrorCode::ConnectionLost,
                                                  QStringLiteral("Router %1 stopped answering and its session did not end "
                                                                 "when told to, twice (on two sessions). Check the router "
                                                                 "(its CPU, its SSH or API server), then try again.")
                                                      .arg(w.router)));
            }
            for (auto &t : toClose)
                t->close();
            toClose.clear();
            lock.lock();
        }
    }

    std::vector<Waiter> expireDeadlines(qint64 now)
    {
        std::vector<Waiter> expired;
        while (!state.deadlines.empty() && state.deadlines.top().first <= now) {
            const quint64 ticket = state.deadlines.top().second;
            state.deadlines.pop();
            auto it = state.tickets.find(ticket);
            if (it == state.tickets.end())
                continue;
            Job *job = it->second;
            state.tickets.erase(it);
            expired.push_back(release(*job, ticket, now));
        }
        return expired;
    }

    // How long a router call may run: its transport's own limits (connect, then each command;
    // twice over when a second round may follow) and the grace. 0: no limit to judge by.
    qint64 wedgedAfterMs(const Job &job) const
    {
        const ExecOptions &e = state.config.exec;
        if (e.commandTimeoutMs <= 0 || e.connectTimeoutMs <= 0)
            return 0;
        const qint64 commands = qint64(job.commands.size()) * (job.followUps ? 2 : 1);
        return e.connectTimeoutMs + e.commandTimeoutMs * std::max<qint64>(1, commands) + state.config.wedgeGraceMs;
    }

    // A router call running past every limit its transport should keep is wedged (a transport
    // that ignores its deadlines and its cancel flag). Told to stop once more, it is abandoned:
    // its capacity is given back, a new worker replaces the thread it holds, and its waiters
    // are queued again on a fresh session once; the second time they are returned to fail.
    // Checked once a second.
    std::vector<Waiter> replaceWedgedWorkers(qint64 now)
    {
        std::vector<Waiter> failed;
        if (now - lastWedgeSweepMs < 1000)
            return failed;
        lastWedgeSweepMs = now;
        std::vector<Job *> wedged;
        for (const auto &[id, job] : state.jobs) {
            const qint64 limit = job->inFlight && !job->abandoned && !job->waitingForTeam ? wedgedAfterMs(*job) : 0;
            if (limit > 0 && now - job->startedMs > limit)
                wedged.push_back(job.get());
        }
        for (Job *job : wedged) {
            job->cancel->store(true);
            job->abandoned = true;
            state.faults.fetch_add(1, std::memory_order_relaxed);
            if (state.byKey.value(job->key) == job)
                state.byKey.remove(job->key);
            RouterState &r = state.routerState(job->router);
            --r.inFlight;
            --state.inFlight;
            std::vector<Waiter> waiters = std::move(job->waiters);
            job->waiters.clear();
            if (job->attempt >= 2) {
                for (Waiter &w : waiters) {
                    state.tickets.erase(w.ticket);
                    ++state.failed;
                    failed.push_back(std::move(w));
                }
            } else if (!waiters.empty()) {
                requeue(*job, std::move(waiters), now);
            }
            dispatcher->refresh(r, now);
            workers.push_back(std::make_unique<Worker>(state, *dispatcher));
            workers.back()->start();
        }
        // Threads that retired after their wedged call finally returned.
        std::erase_if(workers, [](const std::unique_ptr<Worker> &w) {
            if (!w->finished())
                return false;
            w->join();
            return true;
        });
        return failed;
    }

    // The waiters of an abandoned job, as a new job of the same work (its second attempt).
    void requeue(const Job &old, std::vector<Waiter> waiters, qint64 now)
    {
        auto job = std::make_unique<Job>();
        job->id = state.nextJobId++;
        job->key = old.key;
        job->router = old.router;
        job->commands = old.commands;
        job->followUps = old.followUps;
        job->maxOutputBytes = old.maxOutputBytes;
        job->owner = old.owner;
        job->attempt = old.attempt + 1;
        double best = waiters.front().priority;
        for (Waiter &w : waiters) {
            best = std::max(best, w.priority);
            state.tickets[w.ticket] = job.get();
            ++state.queuedWaiters;
            job->waiters.push_back(std::move(w));
        }
        job->entry = {job->id, best, state.nextSeq++};
        Job &p = *job;
        if (!state.byKey.contains(p.key))
            state.byKey.insert(p.key, &p);
        state.jobs.emplace(p.id, std::move(job));
        dispatcher->enqueue(p, now);
    }

    // The throttling manager's period: the rates since the last review decide which routers
    // run tightened.
    void reviewThrottle(qint64 now)
    {
        const double period = std::max<qint64>(1, now - lastReviewMs) / 1000.0;
        // Without a network limit there is nothing to protect: skip the per-router rates.
        const bool review = !state.config.throttle.network.isUnlimited();
        QHash<QString, double> rates;
        double total = 0;
        for (const auto &r : state.routerStore) {
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

    // Sessions idle for longer than the idle timeout, to be closed outside the lock.
    std::vector<std::unique_ptr<Transport>> takeIdleSessions(qint64 now)
    {
        std::vector<std::unique_ptr<Transport>> toClose;
        if (now - lastIdleSweepMs < 1000)
            return toClose;
        lastIdleSweepMs = now;
        for (const auto &r : state.routerStore) {
            for (auto it = r->idle.begin(); it != r->idle.end();) {
                if (now - it->lastUsedMs >= state.config.idleTimeoutMs) {
                    toClose.push_back(std::move(it->transport));
                    it = r->idle.erase(it);
                } else {
                    ++it;
                }
            }
        }
        return toClose;
    }
};

double Scheduler::baseScore(const PriorityScheme &s, Role role, QueryKind kind, Urgency urgency)
{
    double score = role == Role::External ? s.externalRole : role == Role::Admin ? s.adminRole : s.internalRole;
    score += s.kindWeight.value(kind, 0);
    score += urgency == Urgency::Interactive ? s.interactive : s.background;
    return score;
}

namespace {

// Limits the scheduler cannot work without, whatever the settings say.
SchedulerConfig sane(SchedulerConfig c)
{
    c.maxInFlightPerRouter = std::max(1, c.maxInFlightPerRouter);
    c.maxInFlightTotal = std::max(1, c.maxInFlightTotal);
    c.housekeepingIntervalMs = std::max(1, c.housekeepingIntervalMs);
    c.wedgeGraceMs = std::max(0, c.wedgeGraceMs);
    return c;
}

} // namespace

Scheduler::Scheduler(SchedulerConfig config, TransportProvider transports, SchedulerSink *sink,
                     std::shared_ptr<Clock> clock, std::unique_ptr<QueueBackend> queue,
                     std::shared_ptr<ThrottleStateStore> throttleState, std::shared_ptr<WorkExchange> exchange)
    : d(std::make_unique<SchedulerPrivate>())
{
    SchedulerState &s = d->state;
    s.config = sane(std::move(config));
    s.transports = std::move(transports);
    s.sink = sink;
    s.clock = clock ? std::move(clock) : std::make_shared<SteadyClock>();
    s.queue = queue ? std::move(queue) : std::make_unique<MemoryQueueBackend>();
    s.exchange = std::move(exchange);
    s.resetRate(s.clock->nowMs());
    d->gate = std::make_unique<ThrottleGate>(
        throttleState ? std::move(throttleState) : std::make_shared<MemoryThrottleStateStore>(), s.config.throttle);
    d->dispatcher = std::make_unique<Dispatcher>(s, *d->gate);
}

Scheduler::~Scheduler()
{
    stop();
}

void Scheduler::start()
{
    SchedulerState &s = d->state;
    std::lock_guard lock(s.mutex);
    if (s.running)
        return;
    s.running = true;
    s.stopping = false;
    d->lastReviewMs = s.clock->nowMs();
    d->lastIdleSweepMs = d->lastReviewMs;
    d->lastWedgeSweepMs = d->lastReviewMs;
    for (int i = 0; i < s.config.maxInFlightTotal; ++i) {
        d->workers.push_back(std::make_unique<Worker>(s, *d->dispatcher));
        d->workers.back()->start();
    }
    d->housekeeper = std::thread([this] { d->housekeeping(); });
}

void Scheduler::stop()
{
    SchedulerState &s = d->state;
    {
        std::lock_guard lock(s.mutex);
        if (!s.running)
            return;
        s.stopping = true;
        for (auto &[id, job] : s.jobs) {
            if (job->inFlight && job->cancel)
                job->cancel->store(true);
        }
    }
    s.workCv.notify_all();
    s.houseCv.notify_all();
    // The housekeeper first: it replaces wedged workers. A worker still inside a wedged router
    // call is waited for here; its call was told to stop (cancel flag) twice.
    if (d->housekeeper.joinable())
        d->housekeeper.join();
    for (auto &w : d->workers)
        w->join();
    d->workers.clear();
    std::lock_guard lock(s.mutex);
    s.running = false;
    for (const auto &r : s.routerStore) {
        for (auto &t : r->idle)
            t.transport->close();
        r->idle.clear();
    }
}

quint64 Scheduler::submit(WorkItem item)
{
    SchedulerState &s = d->state;
    std::unique_lock lock(s.mutex);
    const qint64 now = s.clock->nowMs();
    Waiter w = d->waiterFor(item, s.nextTicket++, now);
    const quint64 ticket = w.ticket;
    QString key = SchedulerPrivate::jobKey(item.router, item.commands);
    if (Job *job = d->joinable(key, item.followUps)) {
        d->join(*job, std::move(w), item.followUps, now);
        return ticket;
    }
    RouterState &r = s.routerState(item.router);
    // Scopes whose action is Reject are charged at admission, so the answer comes at once.
    const ThrottleVerdict verdict = d->gate->take(ThrottleGate::Phase::Admission, w.client.id, item.router, now);
    if (!verdict.admitted()) {
        ++s.rejected;
        ++r.rejected;
        lock.unlock();
        s.sink->waiterFailed(w, verdict.error());
        return ticket;
    }
    const bool ready = d->enqueueNew(item, std::move(key), std::move(w), now);
    const bool wake = s.idleWorkers > 0 && ready;
    lock.unlock();
    if (wake)
        s.workCv.notify_one();
    return ticket;
}

void Scheduler::cancel(quint64 ticket, bool notify)
{
    SchedulerState &s = d->state;
    std::unique_lock lock(s.mutex);
    auto it = s.tickets.find(ticket);
    if (it == s.tickets.end())
        return;
    Job *job = it->second;
    s.tickets.erase(it);
    const Waiter w = d->release(*job, ticket, s.clock->nowMs());
    lock.unlock();
    if (notify)
        s.sink->waiterFailed(w, Error(ErrorCode::Cancelled, QStringLiteral("The request was cancelled.")));
}

void Scheduler::cancelAll(bool notify)
{
    std::vector<quint64> all;
    {
        std::lock_guard lock(d->state.mutex);
        all.reserve(d->state.tickets.size());
        for (const auto &[t, job] : d->state.tickets)
            all.push_back(t);
    }
    for (quint64 t : all)
        cancel(t, notify);
}

void Scheduler::failRouters(const QHash<QString, Error> &errors)
{
    if (errors.isEmpty())
        return;
    SchedulerState &s = d->state;
    std::vector<std::pair<Waiter, Error>> failed;
    std::vector<std::unique_ptr<Transport>> toClose;
    {
        std::lock_guard lock(s.mutex);
        const qint64 now = s.clock->nowMs();
        // Collected first: releasing a job's last waiter may delete the job.
        std::vector<std::pair<quint64, Job *>> theirs;
        for (const auto &[ticket, job] : s.tickets) {
            if (errors.contains(job->router))
                theirs.emplace_back(ticket, job);
        }
        for (const auto &[ticket, job] : theirs) {
            const QString router = job->router;
            s.tickets.erase(ticket);
            failed.emplace_back(d->release(*job, ticket, now), errors.value(router));
        }
        for (const auto &r : s.routerStore) {
            if (!errors.contains(r->name))
                continue;
            for (auto &t : r->idle)
                toClose.push_back(std::move(t.transport));
            r->idle.clear();
        }
    }
    for (auto &t : toClose)
        t->close();
    for (const auto &[w, error] : failed)
        s.sink->waiterFailed(w, error);
}

void Scheduler::setPaused(bool paused)
{
    {
        std::lock_guard lock(d->state.mutex);
        d->state.paused = paused;
    }
    d->state.workCv.notify_all();
}

void Scheduler::applyConfig(const SchedulerConfig &config)
{
    SchedulerState &s = d->state;
    {
        std::lock_guard lock(s.mutex);
        const int workers = s.config.maxInFlightTotal;
        s.config = sane(config);
        // The worker count is fixed at start: a running scheduler can only use fewer.
        if (s.running)
            s.config.maxInFlightTotal = std::clamp(config.maxInFlightTotal, 1, workers);
        d->gate->setPolicy(s.config.throttle);
        d->dispatcher->refreshAll(s.clock->nowMs());
    }
    s.workCv.notify_all();
}

SchedulerConfig Scheduler::config() const
{
    std::lock_guard lock(d->state.mutex);
    return d->state.config;
}

void Scheduler::poke()
{
    d->state.workCv.notify_all();
    d->state.houseCv.notify_all();
}

void Scheduler::closeIdleSessions()
{
    std::vector<std::unique_ptr<Transport>> toClose;
    {
        std::lock_guard lock(d->state.mutex);
        for (const auto &r : d->state.routerStore) {
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
    const SchedulerState &s = d->state;
    std::lock_guard lock(s.mutex);
    const qint64 now = s.clock->nowMs();
    EngineMetrics m;
    m.at = QDateTime::currentDateTimeUtc();
    m.queued = s.queuedWaiters;
    m.inFlight = s.inFlight;
    m.heldBack = s.heldBackJobs;
    m.rejected = s.rejected;
    m.completed = s.completed;
    m.failed = s.failed;
    m.coalesced = s.coalesced;
    m.faults = s.faults.load(std::memory_order_relaxed);
    m.requestRate = s.recentRate(now);
    m.networkLimit = s.config.throttle.network.isUnlimited() ? 0 : s.config.throttle.network.ratePerSecond;
    if (!s.latencies().empty()) {
        std::vector<double> sorted = s.latencies();
        const auto at = [&](double q) {
            const size_t i = std::min(sorted.size() - 1, size_t(q * double(sorted.size() - 1) + 0.5));
            std::nth_element(sorted.begin(), sorted.begin() + qsizetype(i), sorted.end());
            return sorted[i];
        };
        m.latencyP50Ms = at(0.5);
        m.latencyP99Ms = at(0.99);
    }
    for (const auto &r : s.routerStore) {
        const qsizetype pending = s.queue->size(r->name);
        if (pending == 0 && r->inFlight == 0)
            continue;
        m.routers.append({r->name, int(pending), r->inFlight, r->heldBack, r->rejected, r->completed});
    }
    return m;
}

QList<ActivityEntry> Scheduler::activity() const
{
    const SchedulerState &s = d->state;
    std::lock_guard lock(s.mutex);
    const qint64 now = s.clock->nowMs();
    QList<ActivityEntry> out;
    for (const auto &[id, job] : s.jobs) {
        for (const Waiter &w : job->waiters) {
            if (out.size() >= s.config.activityLimit)
                return out;
            ActivityEntry e;
            e.requestId = w.requestId;
            e.router = job->router;
            e.clientId = w.client.id;
            e.kind = w.kind;
            e.state = job->inFlight ? WorkState::InFlight : job->blocked;
            e.priority = job->entry.score + s.config.priority.agingPerSecond * double(now) / 1000.0;
            e.waitingMs = now - w.enqueuedMs;
            e.coalescedWith = int(job->waiters.size()) - 1;
            out.append(e);
        }
    }
    return out;
}

QSet<QString> Scheduler::tightenedRouters() const
{
    std::lock_guard lock(d->state.mutex);
    return d->gate->tightened();
}

} // namespace rl
