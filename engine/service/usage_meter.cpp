#include "engine/service/usage_meter.h"

#include <algorithm>

namespace rl {

UsageMeter::UsageMeter(int keepHours)
    : m_keepHours(std::max(1, keepHours))
{
}

UsageMeter::Counters &UsageMeter::bucket(const QDateTime &at, const QString &client, const QString &router)
{
    const qint64 hour = at.toSecsSinceEpoch() / 3600;
    if (!m_hours.contains(hour))
        dropOld(hour);
    return m_hours[hour][client][router];
}

void UsageMeter::dropOld(qint64 hour)
{
    while (!m_hours.isEmpty() && m_hours.firstKey() <= hour - m_keepHours)
        m_hours.erase(m_hours.begin());
}

void UsageMeter::recordPart(const QString &client, const RouterResult &part, const QDateTime &at, bool coalesced)
{
    Counters &c = bucket(at, client, part.router);
    ++c.parts;
    if (part.source == AnswerSource::Store)
        ++c.cacheHits;
    if (coalesced)
        ++c.coalesced;
    if (part.error) {
        ++c.errors[part.error.codeName()];
        if (part.error.code == ErrorCode::Throttled)
            ++c.throttled;
    } else if (part.source == AnswerSource::Live && part.latencyMs >= 0)
        c.latency.add(double(part.latencyMs));
}

void UsageMeter::recordRefusal(const QString &client, const Error &error, const QDateTime &at)
{
    Counters &c = bucket(at, client, QString());
    if (error.code == ErrorCode::Throttled) {
        ++c.throttled;
        ++c.throttledRequests;
    } else
        ++c.refused;
    ++c.errors[error.codeName()];
}

void UsageMeter::add(const Row &row)
{
    bucket(row.hour, row.client, row.router).merge(row.counters);
}

QList<UsageMeter::Row> UsageMeter::takeAll()
{
    QList<Row> out;
    for (auto h = m_hours.cbegin(); h != m_hours.cend(); ++h)
        for (auto c = h->cbegin(); c != h->cend(); ++c)
            for (auto r = c->cbegin(); r != c->cend(); ++r)
                out.append(Row{QDateTime::fromSecsSinceEpoch(h.key() * 3600, Qt::UTC), c.key(), r.key(), r.value()});
    m_hours.clear();
    return out;
}

QList<UsageMeter::Row> UsageMeter::rows(const QDateTime &from, const QDateTime &to, const QString &client) const
{
    QList<Row> out;
    const qint64 first = from.toSecsSinceEpoch() / 3600;
    const qint64 last = (to.toSecsSinceEpoch() + 3599) / 3600; // exclusive
    for (auto h = m_hours.lowerBound(first); h != m_hours.cend() && h.key() < last; ++h) {
        for (auto c = h->cbegin(); c != h->cend(); ++c) {
            if (!client.isEmpty() && c.key() != client)
                continue;
            for (auto r = c->cbegin(); r != c->cend(); ++r)
                out.append(Row{QDateTime::fromSecsSinceEpoch(h.key() * 3600, Qt::UTC), c.key(), r.key(), r.value()});
        }
    }
    std::sort(out.begin(), out.end(), [](const Row &a, const Row &b) {
        return std::tie(a.hour, a.client, a.router) < std::tie(b.hour, b.client, b.router);
    });
    return out;
}

QList<UsageMeter::Row> UsageMeter::totals() const
{
    QList<Row> all;
    for (auto h = m_hours.cbegin(); h != m_hours.cend(); ++h)
        for (auto c = h->cbegin(); c != h->cend(); ++c)
            for (auto r = c->cbegin(); r != c->cend(); ++r)
                all.append(Row{{}, c.key(), r.key(), r.value()});
    return sumPerClientRouter(all);
}

QList<UsageMeter::Row> UsageMeter::sumPerClientRouter(const QList<Row> &rows)
{
    QMap<std::pair<QString, QString>, Counters> sum;
    for (const Row &r : rows)
        sum[{r.client, r.router}].merge(r.counters);
    QList<Row> out;
    for (auto it = sum.cbegin(); it != sum.cend(); ++it)
        out.append(Row{{}, it.key().first, it.key().second, it.value()});
    return out;
}

namespace {

// A label value as the exposition format wants it: backslash, quote and line feed escaped.
QByteArray labelValue(const QString &v)
{
    QByteArray out;
    for (const char c : v.toUtf8()) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 15);
}

} // namespace

QByteArray UsageMeter::prometheusText() const
{
    return prometheusText(totals());
}

QByteArray UsageMeter::prometheusText(const QList<Row> &rows)
{
    QByteArray out;
    auto family = [&](const char *name, const char *type, const char *help) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
    };
    auto labels = [](const Row &r, const QByteArray &extra = {}) {
        QByteArray l = "client=\"" + labelValue(r.client) + "\",router=\"" + labelValue(r.router) + '"';
        if (!extra.isEmpty())
            l += ',' + extra;
        return '{' + l + '}';
    };
    family("routerlens_router_parts_total", "counter", "Router parts answered or failed, per client and router.");
    for (const Row &r : rows)
        if (!r.router.isEmpty())
            out += "routerlens_router_parts_total" + labels(r) + ' ' + QByteArray::number(r.counters.parts) + '\n';
    family("routerlens_cache_hits_total", "counter", "Router parts answered from the result store.");
    for (const Row &r : rows)
        if (!r.router.isEmpty())
            out += "routerlens_cache_hits_total" + labels(r) + ' ' + QByteArray::number(r.counters.cacheHits) + '\n';
    family("routerlens_coalesced_total", "counter", "Router parts answered by joining identical work already queued or running.");
    for (const Row &r : rows)
        if (!r.router.isEmpty())
            out += "routerlens_coalesced_total" + labels(r) + ' ' + QByteArray::number(r.counters.coalesced) + '\n';
    family("routerlens_throttled_total", "counter", "Router parts and whole requests refused as throttled, per client and router (empty router: whole requests).");
    for (const Row &r : rows)
        out += "routerlens_throttled_total" + labels(r) + ' ' + QByteArray::number(r.counters.throttled) + '\n';
    family("routerlens_requests_refused_total", "counter", "Whole requests refused, throttled or otherwise, per client.");
    for (const Row &r : rows) {
        if (!r.router.isEmpty())
            continue;
        const QByteArray l = "{client=\"" + labelValue(r.client) + '"';
        out += "routerlens_requests_refused_total" + l + ",reason=\"throttled\"} " + QByteArray::number(r.counters.throttledRequests) + '\n';
        out += "routerlens_requests_refused_total" + l + ",reason=\"other\"} " + QByteArray::number(r.counters.refused) + '\n';
    }
    family("routerlens_errors_total", "counter", "Errors by stable code, per client and router (empty router: whole requests).");
    for (const Row &r : rows)
        for (auto it = r.counters.errors.cbegin(); it != r.counters.errors.cend(); ++it)
            out += "routerlens_errors_total" + labels(r, "code=\"" + labelValue(it.key()) + '"') + ' ' + QByteArray::number(it.value()) + '\n';
    family("routerlens_answer_latency_seconds", "histogram", "Time routers took to answer live, per client and router.");
    for (const Row &r : rows) {
        if (r.router.isEmpty())
            continue;
        const LatencyHistogram &h = r.counters.latency;
        for (std::size_t i = 0; i < LatencyHistogram::kBoundsMs.size(); ++i)
            out += "routerlens_answer_latency_seconds_bucket" + labels(r, "le=\"" + number(LatencyHistogram::kBoundsMs[i] / 1000.0) + '"') + ' '
                + QByteArray::number(h.cumulative(i)) + '\n';
        out += "routerlens_answer_latency_seconds_bucket" + labels(r, "le=\"+Inf\"") + ' ' + QByteArray::number(h.count()) + '\n';
        out += "routerlens_answer_latency_seconds_sum" + labels(r) + ' ' + number(h.sumMs() / 1000.0) + '\n';
        out += "routerlens_answer_latency_seconds_count" + labels(r) + ' ' + QByteArray::number(h.count()) + '\n';
    }
    return out;
}

} // namespace rl
