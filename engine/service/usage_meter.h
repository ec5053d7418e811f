#pragma once

#include "engine/api/request.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <array>

namespace rl {

// Latency of answers in fixed buckets (milliseconds, upper bounds), the same ones the
// Prometheus histogram exports: percentiles are read from the buckets, interpolated within one.
class LatencyHistogram
{
public:
    static constexpr std::array<double, 13> kBoundsMs{5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000};

    void add(double ms);
    void merge(const LatencyHistogram &other);
    qint64 count() const { return m_count; }
    double sumMs() const { return m_sumMs; }
    // The p-th percentile (0 < p < 100) in ms; -1 with no samples.
    double percentile(double p) const;
    // Cumulative count of samples at or below kBoundsMs[i] (i < size), or all (i == size).
    qint64 cumulative(std::size_t i) const;

private:
    std::array<qint64, kBoundsMs.size() + 1> m_buckets{};
    qint64 m_count = 0;
    double m_sumMs = 0;
};

// What clients asked of which routers and how it went, per hour: requests (router parts),
// answers from the store, throttled, errors by code, latency. The engine's front ends record
// into it; the API returns it and exports it for Prometheus. Not thread-safe: one thread.
class UsageMeter
{
public:
    struct Counters {
        qint64 parts = 0;      // router parts answered (live or from the store) or failed
        qint64 cacheHits = 0;  // parts answered from the store
        qint64 throttled = 0;  // whole requests refused as throttled
        qint64 refused = 0;    // whole requests refused otherwise (invalid, forbidden, ...)
        QMap<QString, qint64> errors; // failed parts by error code
        LatencyHistogram latency;     // live parts
        void merge(const Counters &o);
    };
    struct Row {
        QDateTime hour; // start of the hour, UTC
        QString client;
        QString router; // empty for whole-request refusals
        Counters counters;
    };

    // Keeps this many hours of buckets (older ones are dropped as new hours begin).
    explicit UsageMeter(int keepHours = 24 * 7);

    void recordPart(const QString &client, const RouterResult &part, const QDateTime &at);
    void recordRefusal(const QString &client, const Error &error, const QDateTime &at);

    // Rows of hours in [from, to), for one client (empty: all).
    QList<Row> rows(const QDateTime &from, const QDateTime &to, const QString &client = {}) const;
    // Everything kept, summed per client and router (a Prometheus scrape).
    QList<Row> totals() const;
    // The Prometheus text exposition format (version 0.0.4) of totals().
    QByteArray prometheusText() const;

private:
    Counters &bucket(const QDateTime &at, const QString &client, const QString &router);
    void dropOld(qint64 hour);

    int m_keepHours;
    // hour (seconds since the epoch / 3600) -> client -> router -> counters
    QMap<qint64, QHash<QString, QHash<QString, Counters>>> m_hours;
};

} // namespace rl
