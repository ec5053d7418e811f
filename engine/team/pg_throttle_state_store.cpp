#include "engine/team/pg_throttle_state_store.h"

#include "engine/team/pg_database.h"

#include <chrono>

namespace rl {

namespace {

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

PgThrottleStateStore::PgThrottleStateStore(std::shared_ptr<PgDatabase> database) : m_db(std::move(database)) {}

qint64 PgThrottleStateStore::call(ThrottleScope scope, const QString &key, const RateLimit &limit, int mode)
{
    if (limit.isUnlimited())
        return 0;
    if (steadyMs() < m_backOffUntil.load()) {
        ++m_failures;
        return UnreachableWaitMs;
    }
    auto r = m_db->exec("SELECT rl_throttle_take($1::smallint, $2, $3::double precision, $4::double precision, "
                        "$5::smallint)",
                        {PgParam(int(scope)), key, PgParam(limit.ratePerSecond), PgParam(limit.burst), PgParam(mode)});
    if (!r || r->size() != 1) {
        ++m_failures;
        if (!r && r.error().code == ErrorCode::DatabaseUnreachable)
            m_backOffUntil = steadyMs() + BackOffMs;
        return UnreachableWaitMs;
    }
    return r->number(0, 0, UnreachableWaitMs);
}

qint64 PgThrottleStateStore::tryTake(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs)
{
    Q_UNUSED(nowMs);
    return call(scope, key, limit, 0);
}

qint64 PgThrottleStateStore::peek(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs)
{
    Q_UNUSED(nowMs);
    return call(scope, key, limit, 1);
}

void PgThrottleStateStore::refund(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs)
{
    Q_UNUSED(nowMs);
    call(scope, key, limit, 2);
}

void PgThrottleStateStore::clear()
{
    m_db->exec("DELETE FROM rl_throttle");
}

} // namespace rl
