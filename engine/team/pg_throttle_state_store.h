#pragma once

#include "engine/scheduling/throttle_state_store.h"

#include <atomic>
#include <memory>

namespace rl {

class PgDatabase;

// The token buckets of team mode, one row per (scope, key) in the database, so a router's
// limit (and a client's, and the network's) holds whichever routerlens-serve process asks.
// Each call is one statement (rl_throttle_take) that locks the row, refills it by the
// database's clock and takes, looks or gives back: atomic across processes. The callers'
// nowMs is their own steady clock and is not comparable between processes: it is not used.
//
// When the database cannot be reached the answer is "wait a second": a limit that must hold
// whoever asks is not given up because the counters are out of sight. The scheduler asks under
// its lock, so after a failure the database is left alone for BackOffMs (each attempt may take
// libpq's connect timeout) and the answer meanwhile is the same wait.
class PgThrottleStateStore final : public ThrottleStateStore
{
public:
    static constexpr qint64 UnreachableWaitMs = 1000;
    static constexpr qint64 BackOffMs = 5000;

    explicit PgThrottleStateStore(std::shared_ptr<PgDatabase> database);

    qint64 tryTake(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs) override;
    qint64 peek(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs) override;
    void refund(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs) override;
    void clear() override;

    // Calls that could not reach the counters (tests, metrics).
    qint64 failures() const { return m_failures.load(); }

private:
    qint64 call(ThrottleScope scope, const QString &key, const RateLimit &limit, int mode);

    std::shared_ptr<PgDatabase> m_db;
    std::atomic<qint64> m_failures{0};
    std::atomic<qint64> m_backOffUntil{0}; // steady clock, ms
};

} // namespace rl
