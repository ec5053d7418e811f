#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <array>
#include <utility>

namespace rl {

// Latency of answers in fixed buckets (milliseconds, upper bounds), the same ones the
// Prometheus histogram exports: percentiles are read from the buckets, interpolated within one.
// Fixed buckets add up: hours, processes and stores merge by adding counts.
class LatencyHistogram
{
public:
    static constexpr std::array<double, 13> kBoundsMs{5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000};
    static constexpr std::size_t kBucketCount = kBoundsMs.size() + 1; // the last: beyond the last bound

    void add(double ms);
    void merge(const LatencyHistogram &other);
    // Adds n samples to bucket i directly (a stored histogram read back), and their sum.
    void addToBucket(std::size_t i, qint64 n);
    void addSum(double ms) { m_sumMs += ms; }
    qint64 count() const { return m_count; }
    double sumMs() const { return m_sumMs; }
    qint64 bucket(std::size_t i) const { return i < kBucketCount ? m_buckets[i] : 0; }
    // The p-th percentile (0 < p < 100) in ms; -1 with no samples.
    double percentile(double p) const;
    // Cumulative count of samples at or below kBoundsMs[i] (i < size), or all (i == size).
    qint64 cumulative(std::size_t i) const;
    friend bool operator==(const LatencyHistogram &, const LatencyHistogram &) = default;

private:
    std::array<qint64, kBucketCount> m_buckets{};
    qint64 m_count = 0;
    double m_sumMs = 0;
};

// What one client asked of one router in one hour, and how it went. Every field adds up, so
// buckets of several processes (or of the same process before and after a restart) merge by
// adding; that is how the stores keep them (ResultStore::addUsage).
struct UsageCounters {
    qint64 parts = 0;      // router parts answered (live, from the store, or joined) or failed
    qint64 cacheHits = 0;  // parts answered from the result store
    qint64 coalesced = 0;  // parts answered by joining identical work already queued or running
    qint64 throttled = 0;  // parts and whole requests refused as throttled
    qint64 throttledRequests = 0; // of those, whole requests (no router part was made)
    qint64 refused = 0;    // whole requests refused otherwise (invalid, forbidden, ...)
    QMap<QString, qint64> errors; // failed parts and refused requests, by error code
    LatencyHistogram latency;     // live parts: the time the router took

    void merge(const UsageCounters &o);
    bool isEmpty() const;
    // What was asked: router parts, plus whole requests refused before any router part.
    qint64 requests() const { return parts + refused + throttledRequests; }
    qint64 errorCount() const;

    // The counters as named integer metrics ("parts", "error:timeout", "latency_le_5", ...),
    // nonzero ones only: the form both stores keep, one row per metric, so that adding a bucket
    // is an atomic "value = value + n" per row however many processes add at once.
    QList<std::pair<QString, qint64>> toMetrics() const;
    // Adds one named metric (as toMetrics gives); false for a name it does not know.
    bool addMetric(const QString &name, qint64 value);

    friend bool operator==(const UsageCounters &, const UsageCounters &) = default;
};

// One hour of one client's use of one router (router empty: whole requests refused before
// any router was asked).
struct UsageBucket {
    QDateTime hour; // start of the hour, UTC
    QString client;
    QString router;
    UsageCounters counters;
};

// The start of the hour `t` falls in, UTC.
QDateTime usageHour(const QDateTime &t);

} // namespace rl
