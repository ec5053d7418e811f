#include "engine/scheduling/scheduler_state.h"

namespace rl {

RouterState &SchedulerState::routerState(const QString &name)
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

Waiter SchedulerState::detach(Job &job, quint64 ticket)
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

void SchedulerState::countDispatch(qint64 now)
{
    const qint64 slot = now / RateSlotMs;
    if (slot != m_rateSlotStart) {
        const qint64 gap = std::min<qint64>(RateSlots, slot - m_rateSlotStart);
        for (qint64 i = 1; i <= gap; ++i)
            m_rateSlots[size_t((m_rateSlotStart + i) % RateSlots)] = 0;
        m_rateSlotStart = slot;
    }
    ++m_rateSlots[size_t(slot % RateSlots)];
}

double SchedulerState::recentRate(qint64 now) const
{
    const qint64 slot = now / RateSlotMs;
    if (slot - m_rateSlotStart >= RateSlots)
        return 0;
    // complete slots of the last second (the current one is partial)
    int sum = 0;
    const int n = 10;
    for (int i = 1; i <= n; ++i) {
        const qint64 s = slot - i;
        if (s > m_rateSlotStart || s <= m_rateSlotStart - RateSlots)
            continue;
        sum += m_rateSlots[size_t(s % RateSlots)];
    }
    return sum * 1000.0 / (n * RateSlotMs);
}

void SchedulerState::recordLatency(double ms)
{
    if (m_latencies.size() < LatencySamples) {
        m_latencies.push_back(ms);
    } else {
        m_latencies[m_latencyNext] = ms;
        m_latencyNext = (m_latencyNext + 1) % LatencySamples;
    }
}

} // namespace rl
