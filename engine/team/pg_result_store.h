#pragma once

#include "engine/storage/result_store.h"

#include <QMutex>

#include <memory>

namespace rl {

class PgDatabase;

// The result store of team mode: every routerlens-serve process on one PostgreSQL database
// finds the answers the others fetched (DESIGN.md "Scale"). Records are kept in the same
// compressed form as the SQLite store's (RecordSetCodec). Thread-safe.
class PgResultStore final : public ResultStore
{
public:
    explicit PgResultStore(std::shared_ptr<PgDatabase> database);

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
    QStringList warnings() const override;
    void setWarningHandler(WarningHandler handler) override;

private:
    void addWarning(const QString &warning);

    std::shared_ptr<PgDatabase> m_db;
    mutable QMutex m_mutex;
    QStringList m_warnings;
    WarningHandler m_handler;
};

} // namespace rl
