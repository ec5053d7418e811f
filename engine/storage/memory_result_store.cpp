#include "engine/storage/memory_result_store.h"

#include <QMutexLocker>

#include <algorithm>

namespace rl {
namespace {

bool sameKey(const StoredAnswer &a, const QString &router, QueryKind kind, const QueryParams &params)
{
    return a.kind == kind && a.router == router && a.params == params;
}

StoredAnswerInfo infoOf(const StoredAnswer &a)
{
    StoredAnswerInfo info;
    info.id = a.id;
    info.router = a.router;
    info.kind = a.kind;
    info.params = a.params;
    info.fetchedAt = a.fetchedAt;
    info.expiresAt = a.expiresAt;
    info.recordCount = a.records.size();
    return info;
}

// Newest first: by fetch time, then by insertion order.
bool newerFirst(const StoredAnswer &a, const StoredAnswer &b)
{
    if (a.fetchedAt != b.fetchedAt)
        return a.fetchedAt > b.fetchedAt;
    return a.id > b.id;
}

} // namespace

Error MemoryResultStore::open()
{
    return {};
}

std::optional<StoredAnswer> MemoryResultStore::fresh(const QString &router, QueryKind kind,
                                                     const QueryParams &params, const QDateTime &notBefore,
                                                     const QDateTime &now)
{
    QMutexLocker lock(&m_mutex);
    const StoredAnswer *best = nullptr;
    for (const StoredAnswer &a : std::as_const(m_answers)) {
        if (!sameKey(a, router, kind, params))
            continue;
        if (notBefore.isValid() && a.fetchedAt < notBefore)
            continue;
        if (a.expiresAt.isValid() && now.isValid() && a.expiresAt <= now)
            continue;
        if (!best || newerFirst(a, *best))
            best = &a;
    }
    if (!best)
        return std::nullopt;
    return *best;
}

Result<qint64> MemoryResultStore::put(const StoredAnswer &answer)
{
    if (answer.router.isEmpty())
        return Error(ErrorCode::StoreError, QStringLiteral("An answer without a router name cannot be stored."));
    QMutexLocker lock(&m_mutex);
    StoredAnswer copy = answer;
    copy.id = m_nextId++;
    m_answers.insert(copy.id, copy);
    return copy.id;
}

QList<StoredAnswerInfo> MemoryResultStore::history(const QString &router, QueryKind kind,
                                                   const QueryParams &params, int limit)
{
    QList<StoredAnswer> matching;
    {
        QMutexLocker lock(&m_mutex);
        for (const StoredAnswer &a : std::as_const(m_answers)) {
            if (sameKey(a, router, kind, params))
                matching.append(a);
        }
    }
    std::sort(matching.begin(), matching.end(), newerFirst);
    QList<StoredAnswerInfo> out;
    for (const StoredAnswer &a : std::as_const(matching)) {
        if (limit >= 0 && out.size() >= limit)
            break;
        out.append(infoOf(a));
    }
    return out;
}

std::optional<StoredAnswer> MemoryResultStore::load(qint64 id)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_answers.constFind(id);
    if (it == m_answers.constEnd())
        return std::nullopt;
    return *it;
}

int MemoryResultStore::prune(const QDateTime &cutoff)
{
    QMutexLocker lock(&m_mutex);
    int removed = 0;
    for (auto it = m_answers.begin(); it != m_answers.end();) {
        if (it->fetchedAt < cutoff) {
            it = m_answers.erase(it);
            ++removed;
        } else {
            ++it;
        }
    }
    return removed;
}

qsizetype MemoryResultStore::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_answers.size();
}

Error MemoryResultStore::addUsage(const QList<UsageBucket> &buckets)
{
    QMutexLocker lock(&m_mutex);
    for (const UsageBucket &b : buckets)
        m_usage[{b.hour.toSecsSinceEpoch() / 3600, b.client, b.router}].merge(b.counters);
    return {};
}

Result<QList<UsageBucket>> MemoryResultStore::usage(const QDateTime &from, const QDateTime &to)
{
    QMutexLocker lock(&m_mutex);
    QList<UsageBucket> out;
    const qint64 first = from.toSecsSinceEpoch() / 3600;
    const qint64 last = (to.toSecsSinceEpoch() + 3599) / 3600; // exclusive
    for (auto it = m_usage.lowerBound({first, QString(), QString()}); it != m_usage.cend() && std::get<0>(it.key()) < last; ++it)
        out.append({QDateTime::fromSecsSinceEpoch(std::get<0>(it.key()) * 3600, Qt::UTC), std::get<1>(it.key()),
                    std::get<2>(it.key()), it.value()});
    return out;
}

int MemoryResultStore::pruneUsage(const QDateTime &cutoff)
{
    QMutexLocker lock(&m_mutex);
    const qint64 before = cutoff.toSecsSinceEpoch() / 3600;
    int n = 0;
    while (!m_usage.isEmpty() && std::get<0>(m_usage.firstKey()) < before) {
        m_usage.erase(m_usage.begin());
        ++n;
    }
    return n;
}

} // namespace rl
