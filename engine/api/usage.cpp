#include "engine/api/usage.h"

#include <algorithm>
#include <cmath>

namespace rl {

void LatencyHistogram::add(double ms)
{
    ms = std::max(0.0, ms);
    std::size_t i = 0;
    while (i < kBoundsMs.size() && ms > kBoundsMs[i])
        ++i;
    ++m_buckets[i];
    ++m_count;
    m_sumMs += ms;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (std::size_t i = 0; i < m_buckets.size(); ++i)
        m_buckets[i] += other.m_buckets[i];
    m_count += other.m_count;
    m_sumMs += other.m_sumMs;
}

void LatencyHistogram::addToBucket(std::size_t i, qint64 n)
{
    if (i >= kBucketCount || n <= 0)
        return;
    m_buckets[i] += n;
    m_count += n;
}

qint64 LatencyHistogram::cumulative(std::size_t i) const
{
    qint64 n = 0;
    for (std::size_t k = 0; k <= std::min(i, kBoundsMs.size()); ++k)
        n += m_buckets[k];
    return n;
}

double LatencyHistogram::percentile(double p) const
{
    if (m_count == 0)
        return -1;
    const double rank = p / 100.0 * double(m_count);
    qint64 below = 0;
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        if (m_buckets[i] == 0)
            continue;
        if (double(below + m_buckets[i]) >= rank) {
            const double lo = i == 0 ? 0.0 : kBoundsMs[i - 1];
            if (i == kBoundsMs.size())
                return lo; // beyond the last bound: say the bound, not a guess past it
            const double hi = kBoundsMs[i];
            const double within = (rank - double(below)) / double(m_buckets[i]);
            return lo + (hi - lo) * std::clamp(within, 0.0, 1.0);
        }
        below += m_buckets[i];
    }
    return kBoundsMs.back();
}

void UsageCounters::merge(const UsageCounters &o)
{
    parts += o.parts;
    cacheHits += o.cacheHits;
    coalesced += o.coalesced;
    throttled += o.throttled;
    throttledRequests += o.throttledRequests;
    refused += o.refused;
    for (auto it = o.errors.cbegin(); it != o.errors.cend(); ++it)
        errors[it.key()] += it.value();
    latency.merge(o.latency);
}

bool UsageCounters::isEmpty() const
{
    return parts == 0 && cacheHits == 0 && coalesced == 0 && throttled == 0 && throttledRequests == 0 && refused == 0
        && errors.isEmpty() && latency.count() == 0;
}

qint64 UsageCounters::errorCount() const
{
    qint64 n = 0;
    for (qint64 v : errors)
        n += v;
    return n;
}

namespace {

const QString ErrorPrefix = QStringLiteral("error:");
const QString LatencyPrefix = QStringLiteral("latency_le_");
const QString LatencySum = QStringLiteral("latency_sum_ms");

QString latencyName(std::size_t i)
{
    return i < LatencyHistogram::kBoundsMs.size() ? LatencyPrefix + QString::number(LatencyHistogram::kBoundsMs[i])
                                                  : LatencyPrefix + QStringLiteral("inf");
}

} // namespace

QList<std::pair<QString, qint64>> UsageCounters::toMetrics() const
{
    QList<std::pair<QString, qint64>> out;
    auto put = [&out](const QString &name, qint64 v) {
        if (v != 0)
            out.append({name, v});
    };
    put(QStringLiteral("parts"), parts);
    put(QStringLiteral("cache_hits"), cacheHits);
    put(QStringLiteral("coalesced"), coalesced);
    put(QStringLiteral("throttled"), throttled);
    put(QStringLiteral("throttled_requests"), throttledRequests);
    put(QStringLiteral("refused"), refused);
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        put(ErrorPrefix + it.key(), it.value());
    for (std::size_t i = 0; i < LatencyHistogram::kBucketCount; ++i)
        put(latencyName(i), latency.bucket(i));
    // Latencies are whole milliseconds: their sum is one too.
    put(LatencySum, qint64(std::llround(latency.sumMs())));
    return out;
}

bool UsageCounters::addMetric(const QString &name, qint64 value)
{
    if (name == QLatin1String("parts"))
        parts += value;
    else if (name == QLatin1String("cache_hits"))
        cacheHits += value;
    else if (name == QLatin1String("coalesced"))
        coalesced += value;
    else if (name == QLatin1String("throttled"))
        throttled += value;
    else if (name == QLatin1String("throttled_requests"))
        throttledRequests += value;
    else if (name == QLatin1String("refused"))
        refused += value;
    else if (name.startsWith(ErrorPrefix) && name.size() > ErrorPrefix.size())
        errors[name.mid(ErrorPrefix.size())] += value;
    else if (name == LatencySum)
        latency.addSum(double(value));
    else if (name.startsWith(LatencyPrefix)) {
        for (std::size_t i = 0; i < LatencyHistogram::kBucketCount; ++i) {
            if (name == latencyName(i)) {
                latency.addToBucket(i, value);
                return true;
            }
        }
        return false;
    } else
        return false;
    return true;
}

QDateTime usageHour(const QDateTime &t)
{
    return QDateTime::fromSecsSinceEpoch(t.toSecsSinceEpoch() / 3600 * 3600, Qt::UTC);
}

} // namespace rl
