#include "engine/scheduling/dispatcher.h"

#include <algorithm>
#include <limits>

namespace rl {

namespace {

constexpr int ScanLimit = 16; // jobs looked at per router when the best ones are blocked
constexpr qint64 Never = std::numeric_limits<qint64>::max();

} // namespace

bool Dispatcher::ReadyBefore::operator()(const std::pair<QueueEntry, RouterState *> &a,
                                         const std::pair<QueueEntry, RouterState *> &b) const
{
    if (queueEntryBefore(a.first, b.first))
        return true;
    if (queueEntryBefore(b.first, a.first))
        return false;
    return a.second < b.second;
}

Dispatcher::Dispatcher(SchedulerState &state, ThrottleGate &gate) : m_state(state), m_gate(gate) {}

bool Dispatcher::mayStart() const
{
    return !m_state.paused && !m_state.stopping && m_state.inFlight < m_state.config.maxInFlightTotal;
}

Job *Dispatcher::next(std::unique_ptr<Transport> &transport)
{
    const qint64 now = m_state.clock->nowMs();
    wakeDue(now);
    while (mayStart() && !m_ready.empty()) {
        if (m_networkBlockedUntil > now)
            return nullptr;
        m_networkBlockedUntil = 0;
        RouterState &r = *m_ready.begin()->second;
        Job *job = eligibleJob(r, now);
        if (!job)
            continue;
        // The scopes whose action is Reject were charged at admission.
        const ThrottleVerdict verdict = m_gate.take(ThrottleGate::Phase::Dispatch, job->owner.id, r.name, now);
        if (!verdict.admitted()) {
            if (!holdBack(*job, r, verdict, now))
                return nullptr;
            continue;
        }
        start(*job, r, now, transport);
        return job;
    }
    return nullptr;
}

Job *Dispatcher::eligibleJob(RouterState &r, qint64 now)
{
    Job *candidate = nullptr;
    qint64 minNotBefore = Never;
    m_state.queue->visit(r.name, ScanLimit, [&](const QueueEntry &e) {
        Job *job = m_state.jobs.at(e.jobId).get();
        const qint64 notBefore = std::max(job->notBeforeMs, suspendedUntil(job->owner.id));
        if (notBefore <= now) {
            candidate = job;
            return false;
        }
        minNotBefore = std::min(minNotBefore, notBefore);
        return true;
    });
    if (!candidate) {
        r.blockedUntil = minNotBefore == Never ? now + 1 : minNotBefore;
        refresh(r, now);
    }
    return candidate;
}

bool Dispatcher::holdBack(Job &job, RouterState &r, const ThrottleVerdict &verdict, qint64 now)
{
    if (verdict.outcome == ThrottleVerdict::Outcome::Suspend) {
        // Every job of the client waits, on every router.
        const qint64 until = now + verdict.retryAfterMs;
        m_suspendedClients.insert(job.owner.id, until);
        markHeld(job, r, until, WorkState::Suspended);
        r.blockedUntil = 0;
        refresh(r, now);
        return true;
    }
    switch (verdict.scope) {
    case ThrottleScope::Network:
        // No router may start anything until the network has a token again.
        m_networkBlockedUntil = now + verdict.retryAfterMs;
        markHeld(job, r, 0, WorkState::HeldBack);
        refresh(r, now);
        return false;
    case ThrottleScope::Router:
        markHeld(job, r, 0, WorkState::HeldBack);
        r.blockedUntil = now + verdict.retryAfterMs;
        refresh(r, now);
        return true;
    case ThrottleScope::Client:
        // The router may start another client's work meanwhile.
        markHeld(job, r, now + verdict.retryAfterMs, WorkState::HeldBack);
        refresh(r, now);
        return true;
    }
    return true;
}

void Dispatcher::markHeld(Job &job, RouterState &r, qint64 notBefore, WorkState state)
{
    job.notBeforeMs = std::max(job.notBeforeMs, notBefore);
    job.blocked = state;
    if (job.heldBack)
        return;
    job.heldBack = true;
    ++m_state.heldBackJobs;
    ++r.heldBack;
    m_state.queue->remove(r.name, job.entry);
    job.entry.score -= m_state.config.priority.heldBackPenalty;
    m_state.queue->push(r.name, job.entry);
}

void Dispatcher::clearHeld(Job &job, RouterState &r)
{
    if (job.heldBack) {
        job.heldBack = false;
        --m_state.heldBackJobs;
        --r.heldBack;
    }
    job.blocked = WorkState::Queued;
}

void Dispatcher::start(Job &job, RouterState &r, qint64 now, std::unique_ptr<Transport> &transport)
{
    m_state.queue->remove(r.name, job.entry);
    clearHeld(job, r);
    job.inFlight = true;
    job.startedMs = now;
    job.cancel = makeCancelFlag();
    m_state.queuedWaiters -= int(job.waiters.size());
    ++r.inFlight;
    ++m_state.inFlight;
    ++r.dispatchedThisPeriod;
    m_state.countDispatch(now);
    if (!r.idle.empty()) {
        transport = std::move(r.idle.back().transport);
        r.idle.pop_back();
    }
    refresh(r, now);
}

bool Dispatcher::enqueue(const Job &job, qint64 now)
{
    RouterState &r = m_state.routerState(job.router);
    m_state.queue->push(job.router, job.entry);
    if (!r.ready || queueEntryBefore(job.entry, r.rank))
        refresh(r, now);
    return r.ready;
}

void Dispatcher::raise(Job &job, double score, qint64 now)
{
    RouterState &r = m_state.routerState(job.router);
    m_state.queue->remove(job.router, job.entry);
    job.entry.score = score;
    m_state.queue->push(job.router, job.entry);
    refresh(r, now);
}

void Dispatcher::drop(Job &job, qint64 now)
{
    RouterState &r = m_state.routerState(job.router);
    m_state.queue->remove(job.router, job.entry);
    if (job.heldBack) {
        --m_state.heldBackJobs;
        --r.heldBack;
    }
    if (m_state.byKey.value(job.key) == &job)
        m_state.byKey.remove(job.key);
    m_state.jobs.erase(job.id); // job is gone after this
    refresh(r, now);
}

void Dispatcher::refresh(RouterState &r, qint64 now)
{
    if (r.ready) {
        m_ready.erase({r.rank, &r});
        r.ready = false;
    }
    if (r.inFlight >= m_state.config.maxInFlightPerRouter)
        return;
    if (r.blockedUntil > now) {
        if (r.blockedListedAt != r.blockedUntil) {
            m_blockedRouters.emplace(r.blockedUntil, &r);
            r.blockedListedAt = r.blockedUntil;
        }
        return;
    }
    const auto best = m_state.queue->best(r.name);
    if (!best)
        return;
    r.rank = *best;
    r.ready = true;
    m_ready.insert({r.rank, &r});
}

void Dispatcher::refreshAll(qint64 now)
{
    for (const auto &r : m_state.routerStore)
        refresh(*r, now);
}

void Dispatcher::wakeDue(qint64 now)
{
    while (!m_blockedRouters.empty() && m_blockedRouters.begin()->first <= now) {
        const qint64 at = m_blockedRouters.begin()->first;
        RouterState *r = m_blockedRouters.begin()->second;
        m_blockedRouters.erase(m_blockedRouters.begin());
        if (r->blockedListedAt == at)
            r->blockedListedAt = 0;
        if (!r->ready && r->blockedUntil <= now)
            refresh(*r, now);
    }
}

qint64 Dispatcher::nextWake() const
{
    qint64 next = Never;
    if (!m_blockedRouters.empty())
        next = m_blockedRouters.begin()->first;
    if (m_networkBlockedUntil > 0)
        next = std::min(next, m_networkBlockedUntil);
    return next;
}

void Dispatcher::endSuspensions(qint64 now)
{
    for (auto it = m_suspendedClients.begin(); it != m_suspendedClients.end();) {
        if (*it <= now)
            it = m_suspendedClients.erase(it);
        else
            ++it;
    }
}

} // namespace rl
