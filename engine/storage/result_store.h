#pragma once

#include "engine/api/error.h"
#include "engine/api/query_kind.h"
#include "engine/api/records.h"
#include "engine/api/request.h"
#include "engine/api/usage.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace rl {

// One router's answer to one query, as kept by the store.
struct StoredAnswer {
    qint64 id = -1;              // assigned by the store
    QString router;
    QueryKind kind = QueryKind::Facts;
    QueryParams params;
    QDateTime fetchedAt;         // UTC
    QDateTime expiresAt;         // UTC; after this a cached answer is not served
    RecordSet records;
    QStringList commands;
    qint64 latencyMs = -1;
};

// Metadata of a stored answer, for history lists without loading the records.
struct StoredAnswerInfo {
    qint64 id = -1;
    QString router;
    QueryKind kind = QueryKind::Facts;
    QueryParams params;
    QDateTime fetchedAt;
    QDateTime expiresAt;
    qint64 recordCount = 0;
};

// The result store: answers with their fetch time and expiry, and their history.
// Every method may be called from any thread. Kept behind this interface so a
// PostgreSQL store can serve several service instances later (DESIGN.md, Scale).
class ResultStore
{
public:
    virtual ~ResultStore() = default;

    virtual Error open() = 0;
    // The newest answer for (router, kind, params) fetched at or after `notBefore` and not
    // expired at `now`.
    virtual std::optional<StoredAnswer> fresh(const QString &router, QueryKind kind, const QueryParams &params,
                                              const QDateTime &notBefore, const QDateTime &now) = 0;
    virtual Result<qint64> put(const StoredAnswer &answer) = 0;
    // Newest first.
    virtual QList<StoredAnswerInfo> history(const QString &router, QueryKind kind, const QueryParams &params,
                                            int limit = 100) = 0;
    virtual std::optional<StoredAnswer> load(qint64 id) = 0;
    // Removes answers fetched before `cutoff` (the retention setting); returns how many.
    virtual int prune(const QDateTime &cutoff) = 0;

    // Usage per client, router and hour (UsageBucket). addUsage adds the buckets to what is
    // kept (never overwrites), in one transaction, so several processes on one store sum up;
    // on failure nothing was added and the caller may try the same buckets again.
    virtual Error addUsage(const QList<UsageBucket> &buckets) = 0;
    // The buckets of the hours in [from, to), every client and router.
    virtual Result<QList<UsageBucket>> usage(const QDateTime &from, const QDateTime &to) = 0;
    // Removes usage of hours before `cutoff`; returns how many buckets' rows went.
    virtual int pruneUsage(const QDateTime &cutoff) = 0;

    // What a person should know about the store: a damaged file moved aside at open or later,
    // an answer skipped because it was damaged, an answer that could not be kept.
    virtual QStringList warnings() const { return {}; }
    // Called, on whichever thread found it, with each warning as it happens (after open()).
    using WarningHandler = std::function<void(const QString &warning)>;
    virtual void setWarningHandler(WarningHandler handler) { Q_UNUSED(handler); }
};

} // namespace rl
