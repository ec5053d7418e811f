#pragma once

#include "engine/storage/result_store.h"

#include <QMutex>
#include <QMap>

#include <tuple>

namespace rl {

// The result store in memory: for tests, benchmarks and a desktop run without a disk
// store. Thread-safe through one mutex; answers are implicitly shared, so a copy out
// of the store is cheap even for large tables.
class MemoryResultStore final : public ResultStore
{
public:
    MemoryResultStore() = default;

    Error open() override;
    std::optional<StoredAnswer> fresh(const QString &router, QueryKind kind, const QueryParams &params,
                                      const QDateTime &notBefore, const QDateTime &now) override;
    Result<qint64> put(const StoredAnswer &answer) override;
    QList<StoredAnswerInfo> history(const QString &router, QueryKind kind, const QueryParams &params,
                                    int limit = 100) override;
    std::optional<StoredAnswer> load(qint64 id) override;
    int prune(const QDateTime &cutoff) override;
    Error addUsage(const QList<UsageBucket> &buckets) override;
    Result<QList<UsageBucket>> usage(const QDateTime &from, const QDateTime &to) override;
    int pruneUsage(const QDateTime &cutoff) override;

    qsizetype size() const;

private:
    mutable QMutex m_mutex;
    qint64 m_nextId = 1;
    QMap<qint64, StoredAnswer> m_answers; // by id: ids grow with insertion
    // hour (seconds since the epoch / 3600), client, router -> counters
    QMap<std::tuple<qint64, QString, QString>, UsageCounters> m_usage;
};

} // namespace rl
