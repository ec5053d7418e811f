#pragma once

#include "engine/scheduling/throttle_state_store.h"

#include <QHash>

#include <mutex>

namespace rl {

// Token buckets in memory, one per (scope, key). Thread-safe.
class MemoryThrottleStateStore final : public ThrottleStateStore
{
public:
    qint64 tryTake(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs) override;
    qint64 peek(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs) override;
    void refund(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs) override;
    void clear() override;

private:
    struct Bucket {
        double tokens = -1; // -1: not yet used, starts full
        qint64 lastMs = 0;
    };
    Bucket &bucket(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs);
    static qint64 waitFor(const Bucket &b, const RateLimit &limit);

    std::mutex m_mutex;
    QHash<QString, Bucket> m_buckets[3];
};

} // namespace rl
