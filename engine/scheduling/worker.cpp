#include "engine/scheduling/worker.h"

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <exception>

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

// A session that threw is in an unknown state: closed if it lets itself be, never reused.
void dropFaultySession(std::unique_ptr<Transport> &transport)
{
    try {
        if (transport)
            transport->close();
    } catch (...) {
    }
    transport.reset();
}

// What a waiter learns when the code reading its router's answer threw.
Error readerFault(const QString &router, std::exception_ptr fault)
{
    QString what = QStringLiteral("an exception of unknown type");
    try {
        std::rethrow_exception(fault);
    } catch (const std::exception &e) {
        what = QString::fromLocal8Bit(e.what());
    } catch (...) {
    }
    return Error(ErrorCode::InternalError,
                 QStringLiteral("RouterLens could not read router %1's answer: its reader failed. Nothing was kept. This is "
                                "a fault in RouterLens: please report it with the router's output (routerlens-cli parse "
                                "replays saved output).")
                     .arg(router),
                 what);
}

} // namespace

Worker::Worker(SchedulerState &state, Dispatcher &dispatcher) : m_state(state), m_dispatcher(dispatcher) {}

Worker::~Worker()
{
    join();
}

void Worker::start()
{
    m_thread = std::thread([this] { run(); });
}

void Worker::join()
{
    if (m_thread.joinable())
        m_thread.join();
}

void Worker::run()
{
    std::unique_lock lock(m_state.mutex);
    // Under the lock: applyConfig() may replace the config meanwhile (ThreadSanitizer).
    lowerThisThreadsPriority(m_state.config.workerNiceness);
    bool retire = false;
    while (!m_state.stopping && !retire) {
        std::unique_ptr<Transport> transport;
        Job *job = m_dispatcher.next(transport);
        if (!job) {
            waitForWork(lock);
            continue;
        }
        // More capacity may remain: let another worker look.
        if (m_state.idleWorkers > 0 && m_dispatcher.hasReady() && m_state.inFlight < m_state.config.maxInFlightTotal)
            m_state.workCv.notify_one();
        const Assignment a = assignment(*job);
        // Team mode: the wedge check waits until the work is at the router (see execute()).
        job->waitingForTeam = m_state.exchange != nullptr;
        lock.unlock();
        JobOutcome outcome = execute(lock, *job, a, transport);
        lock.lock();
        const bool report = finish(*job, a, outcome, transport, retire); // job is gone after this
        lock.unlock();
        if (transport)
            dropFaultySession(transport); // not kept: wedged, or the scheduler is stopping
        if (report)
            this->report(std::move(outcome));
        lock.lock();
    }
    lock.unlock();
    m_finished = true;
}

void Worker::waitForWork(std::unique_lock<std::mutex> &lock)
{
    const qint64 now = m_state.clock->nowMs();
    const qint64 wake = m_dispatcher.nextWake();
    const qint64 waitMs = std::clamp<qint64>(wake - now, 1, m_state.config.housekeepingIntervalMs * 5);
    ++m_state.idleWorkers;
    m_state.workCv.wait_for(lock, std::chrono::milliseconds(waitMs));
    --m_state.idleWorkers;
}

Worker::Assignment Worker::assignment(const Job &job) const
{
    Assignment a;
    a.router = job.router;
    a.commands = job.commands;
    a.followUps = job.followUps; // fixed from here: see Scheduler::submit
    a.options = m_state.config.exec;
    a.options.cancelled = job.cancel;
    if (job.maxOutputBytes > 0)
        a.options.maxOutputBytes = job.maxOutputBytes;
    a.key = job.key;
    a.queuedWallMs = job.queuedWallMs;
    a.jobId = job.id;
    a.score = job.entry.score;
    a.routerLimit = m_state.config.maxInFlightPerRouter;
    return a;
}

JobOutcome Worker::execute(std::unique_lock<std::mutex> &lock, Job &job, const Assignment &a,
                           std::unique_ptr<Transport> &transport)
{
    JobOutcome outcome;
    outcome.commands = a.commands;
    outcome.firstRoundCount = a.commands.size();
    // Team mode: identical work may run, or have run, in another process. Work with a second
    // round is not shared: its follow-ups depend on this process's waiters.
    WorkExchange *exchange = a.followUps ? nullptr : m_state.exchange.get();
    WorkExchange::Claim claim;
    if (exchange) {
        claim = claimShared(a);
        switch (claim.kind) {
        case WorkExchange::Claim::Kind::Done:
            if (!claim.outcome.commands.isEmpty())
                outcome.commands = claim.outcome.commands;
            outcome.firstRoundCount = outcome.commands.size();
            outcome.outputs = std::move(claim.outcome.outputs);
            outcome.error = std::move(claim.outcome.error);
            return outcome;
        case WorkExchange::Claim::Kind::Failed:
            outcome.error = claim.error;
            return outcome;
        case WorkExchange::Claim::Kind::Elsewhere: // cancelled while another process held it
            return outcome;
        case WorkExchange::Claim::Kind::Run:
            break;
        }
    }
    // Team mode: the router's limit counts every process's work at it.
    WorkExchange *places = m_state.exchange.get();
    WorkExchange::Slot slot;
    if (places) {
        slot = takeSlot(a);
        if (slot.kind != WorkExchange::Slot::Kind::Granted) {
            if (slot.kind == WorkExchange::Slot::Kind::Failed)
                outcome.error = slot.error;
            if (exchange)
                exchange->abandon(a.key, claim.generation);
            return outcome; // Busy: cancelled while waiting for a place
        }
        // The wedge check times the call at the router, not the wait for the place.
        lock.lock();
        job.waitingForTeam = false;
        job.startedMs = m_state.clock->nowMs();
        lock.unlock();
    }
    const qint64 startedMs = m_state.clock->nowMs();
    runHere(lock, job, a, transport, outcome);
    if (places)
        places->releaseRouterSlot(a.router, slot.slot, a.jobId);
    if (exchange) {
        if (a.options.cancelled->load())
            exchange->abandon(a.key, claim.generation);
        else
            exchange->finish(a.key, claim.generation,
                             {outcome.commands, outcome.outputs, outcome.error, m_state.clock->nowMs() - startedMs});
    }
    return outcome;
}

WorkExchange::Claim Worker::claimShared(const Assignment &a)
{
    WorkExchange &exchange = *m_state.exchange;
    for (;;) {
        WorkExchange::Claim c = exchange.claim(a.key, a.router, a.commands, a.queuedWallMs);
        if (c.kind != WorkExchange::Claim::Kind::Elsewhere)
            return c;
        // Held by another process: look again shortly (its outcome, or its lease expired).
        // stop() and the last waiter leaving both raise the cancel flag.
        const int step = 10;
        for (int waited = 0; waited < exchange.pollIntervalMs(); waited += step) {
            if (a.options.cancelled->load())
                return c;
            std::this_thread::sleep_for(std::chrono::milliseconds(step));
        }
        if (a.options.cancelled->load())
            return c;
    }
}

WorkExchange::Slot Worker::takeSlot(const Assignment &a)
{
    WorkExchange &exchange = *m_state.exchange;
    for (;;) {
        WorkExchange::Slot s = exchange.takeRouterSlot(a.router, a.routerLimit, a.score, a.queuedWallMs, a.jobId);
        if (s.kind != WorkExchange::Slot::Kind::Busy)
            return s;
        const int step = 10;
        for (int waited = 0; waited < exchange.pollIntervalMs(); waited += step) {
            if (a.options.cancelled->load()) {
                exchange.leaveRouterQueue(a.router, a.jobId);
                return s;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(step));
        }
    }
}

// At the router, on this process's session. A transport or a reader that throws is a fault in
// RouterLens or a library, not an answer: it fails only its own job, never the worker or the
// process. The router is only ever sent read-only commands (CommandGuard), so a transport fault
// is retried once on a fresh session; the faulty session is never reused.
void Worker::runHere(std::unique_lock<std::mutex> &lock, Job &job, const Assignment &a,
                     std::unique_ptr<Transport> &transport, JobOutcome &outcome)
{
    QString fault;
    for (int attempt = 1; attempt <= 2; ++attempt) {
        outcome.commands = a.commands;
        outcome.firstRoundCount = a.commands.size();
        outcome.outputs.clear();
        outcome.error = {};
        if (!transport && m_state.transports)
            transport = m_state.transports(a.router);
        if (!transport) {
            outcome.error = Error(ErrorCode::Unreachable,
                                  QStringLiteral("There is no way to reach router %1 (no transport for it).").arg(a.router));
            return;
        }
        try {
            runRounds(lock, job, a, *transport, outcome);
            return;
        } catch (const std::exception &e) {
            fault = QString::fromLocal8Bit(e.what());
        } catch (...) {
            fault = QStringLiteral("an exception of unknown type");
        }
        if (lock.owns_lock())
            lock.unlock();
        dropFaultySession(transport);
        m_state.faults.fetch_add(1, std::memory_order_relaxed);
        if (a.options.cancelled->load())
            break;
    }
    outcome.outputs.clear();
    outcome.error = Error(ErrorCode::InternalError,
                          QStringLiteral("RouterLens's connection to router %1 failed on two fresh sessions; nothing more "
                                         "was sent. This is a fault in RouterLens, not in the router: please report it "
                                         "with the router's platform.")
                              .arg(a.router),
                          fault);
}

void Worker::runRounds(std::unique_lock<std::mutex> &lock, Job &job, const Assignment &a, Transport &transport,
                       JobOutcome &outcome)
{
    Result<QList<CommandOutput>> result = transport.run(a.commands, a.options);
    if (result.ok())
        outcome.outputs = std::move(result).value();
    else
        outcome.error = result.error();
    if (a.followUps && !outcome.error && !a.options.cancelled->load())
        runFollowUps(lock, job, a, transport, outcome);
}

// The second round (Translator::followUpCommands) on the same session.
void Worker::runFollowUps(std::unique_lock<std::mutex> &lock, Job &job, const Assignment &a, Transport &transport,
                          JobOutcome &outcome)
{
    QList<Waiter> waiters;
    lock.lock();
    // From here on identical work starts a job of its own: a waiter joining now would
    // miss the follow-ups computed for the waiters below.
    if (m_state.byKey.value(job.key) == &job)
        m_state.byKey.remove(job.key);
    waiters.reserve(qsizetype(job.waiters.size()));
    for (const Waiter &w : job.waiters)
        waiters.append(w);
    lock.unlock();
    QStringList more;
    try {
        more = m_state.sink->followUpCommands(a.router, waiters, outcome.outputs);
    } catch (...) {
        // The translator's fault, not the session's: no retry.
        m_state.faults.fetch_add(1, std::memory_order_relaxed);
        outcome.error = readerFault(a.router, std::current_exception());
        return;
    }
    if (more.isEmpty())
        return;
    Result<QList<CommandOutput>> result = transport.run(more, a.options);
    if (!result.ok()) {
        outcome.error = result.error();
        return;
    }
    outcome.commands += more;
    outcome.outputs += std::move(result).value();
}

void Worker::report(JobOutcome &&outcome)
{
    const QString router = outcome.router;
    const QList<Waiter> waiters = outcome.waiters; // shared, not copied
    try {
        m_state.sink->jobFinished(std::move(outcome));
    } catch (...) {
        m_state.faults.fetch_add(1, std::memory_order_relaxed);
        const Error error = readerFault(router, std::current_exception());
        for (const Waiter &w : waiters)
            m_state.sink->waiterFailed(w, error);
    }
}

bool Worker::finish(Job &job, const Assignment &a, JobOutcome &outcome, std::unique_ptr<Transport> &transport,
                    bool &retire)
{
    const qint64 now = m_state.clock->nowMs();
    RouterState &r = m_state.routerState(a.router);
    if (job.abandoned) {
        // The housekeeper has given its capacity and its waiters to others already.
        retire = true;
        m_state.jobs.erase(job.id);
        return false;
    }
    --r.inFlight;
    --m_state.inFlight;
    ++r.completed;
    if (transport && !m_state.stopping)
        r.idle.push_back({std::move(transport), now});
    if (a.options.cancelled->load() && !outcome.error)
        outcome.error = Error(ErrorCode::Cancelled, QStringLiteral("The request was cancelled."));
    outcome.router = a.router;
    outcome.startedMs = job.startedMs;
    outcome.latencyMs = now - job.startedMs;
    outcome.waiters.reserve(qsizetype(job.waiters.size()));
    for (Waiter &w : job.waiters) {
        m_state.tickets.erase(w.ticket);
        m_state.recordLatency(double(now - w.enqueuedMs));
        outcome.waiters.append(std::move(w));
    }
    if (outcome.error)
        m_state.failed += outcome.waiters.size();
    else
        m_state.completed += outcome.waiters.size();
    if (m_state.byKey.value(job.key) == &job)
        m_state.byKey.remove(job.key);
    m_state.jobs.erase(job.id); // job is gone after this
    m_dispatcher.refresh(r, now);
    return !outcome.waiters.isEmpty() && !m_state.stopping;
}

} // namespace rl
