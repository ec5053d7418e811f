#include "engine/scheduling/memory_throttle_state_store.h"

#include <algorithm>
#include <cmath>

namespace rl {

MemoryThrottleStateStore::Bucket &MemoryThrottleStateStore::bucket(ThrottleScope scope, const QString &key,
                                                                   const RateLimit &limit, qint64 nowMs)
{
    Bucket &b = m_buckets[int(scope)][key];
    const double burst = std::max(1.0, limit.burst);
    if (b.tokens < 0) {
        b.tokens = burst;
        b.lastMs = nowMs;
    } else if (nowMs > b.lastMs) {
        b.tokens = std::min(burst, b.tokens + (nowMs - b.lastMs) * limit.ratePerSecond / 1000.0);
        b.lastMs = nowMs;
    } else if (b.tokens > burst) {
        b.tokens = burst; // the limit was lowered
    }
    return b;
}

qint64 MemoryThrottleStateStore::waitFor(const Bucket &b, const RateLimit &limit)
{
    if (b.tokens >= 1.0)
        return 0;
    const double ms = (1.0 - b.tokens) * 1000.0 / limit.ratePerSecond;
    return std::max<qint64>(1, qint64(std::ceil(ms - 1e-6))); // no rounding noise past a whole ms
}

qint64 MemoryThrottleStateStore::tryTake(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs)
{
    if (limit.isUnlimited())
        return 0;
    std::lock_guard lock(m_mutex);
    Bucket &b = bucket(scope, key, limit, nowMs);
    const qint64 wait = waitFor(b, limit);
    if (wait == 0)
        b.tokens -= 1.0;
    return wait;
}

qint64 MemoryThrottleStateStore::peek(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs)
{
    if (limit.isUnlimited())
        return 0;
    std::lock_guard lock(m_mutex);
    return waitFor(bucket(scope, key, limit, nowMs), limit);
}

void MemoryThrottleStateStore::refund(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs)
{
    if (limit.isUnlimited())
        return;
    std::lock_guard lock(m_mutex);
    Bucket &b = bucket(scope, key, limit, nowMs);
    b.tokens = std::min(std::max(1.0, limit.burst), b.tokens + 1.0);
}

void MemoryThrottleStateStore::clear()
{
    std::lock_guard lock(m_mutex);
    for (auto &m : m_buckets)
        m.clear();
}

} // namespace rl
