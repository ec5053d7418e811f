#pragma once

#include "engine/api/request.h"
#include "engine/api/usage.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace rl {

// What clients asked of which routers and how it went, per hour: requests (router parts),
// answers from the store, coalesced, throttled, errors by code, latency. The engine records
// into it (RouterDataService, for every front end) and flushes it into the result store every
// few seconds. Not thread-safe: one thread.
class UsageMeter
{
public:
    using Counters = UsageCounters;
    using Row = UsageBucket;

    // Keeps this many hours of buckets (older ones are dropped as new hours begin).
    explicit UsageMeter(int keepHours = 24 * 7);

    // `coalesced`: the part was answered by joining identical work already queued or running.
    void recordPart(const QString &client, const RouterResult &part, const QDateTime &at, bool coalesced = false);
    void recordRefusal(const QString &client, const Error &error, const QDateTime &at);
    // Adds a bucket as it is (one read back from a store, or not yet flushed).
    void add(const Row &row);

    bool isEmpty() const { return m_hours.isEmpty(); }
    // Rows of hours in [from, to), for one client (empty: all).
    QList<Row> rows(const QDateTime &from, const QDateTime &to, const QString &client = {}) const;
    // Every row kept, and the meter emptied (a flush).
    QList<Row> takeAll();
    // Everything kept, summed per client and router (a Prometheus scrape).
    QList<Row> totals() const;
    // The Prometheus text exposition format (version 0.0.4) of totals().
    QByteArray prometheusText() const;

    // Rows summed per client and router over their hours (hour left invalid).
    static QList<Row> sumPerClientRouter(const QList<Row> &rows);
    // The Prometheus text of rows summed per client and router.
    static QByteArray prometheusText(const QList<Row> &totals);

private:
    Counters &bucket(const QDateTime &at, const QString &client, const QString &router);
    void dropOld(qint64 hour);

    int m_keepHours;
    // hour (seconds since the epoch / 3600) -> client -> router -> counters
    QMap<qint64, QHash<QString, QHash<QString, Counters>>> m_hours;
};

} // namespace rl
