#include "ui/models/usage_model.h"

#include <QMap>

#include <cmath>

namespace rl {

UsageModel::UsageModel(Grouping grouping, QObject *parent) : QAbstractTableModel(parent), m_grouping(grouping) {}

void UsageModel::setBuckets(const QList<UsageBucket> &buckets)
{
    QMap<QString, UsageCounters> sums;
    UsageCounters total;
    for (const UsageBucket &b : buckets) {
        sums[m_grouping == Grouping::PerClient ? b.client : b.router].merge(b.counters);
        total.merge(b.counters);
    }
    beginResetModel();
    m_rows.clear();
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        m_rows.append({it.key(), it.value()});
    m_total = total;
    endResetModel();
}

QString UsageModel::nameAt(int row) const
{
    return m_rows.value(row).name;
}

const UsageCounters &UsageModel::countersAt(int row) const
{
    return m_rows.at(row).counters;
}

int UsageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UsageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UsageModel::errorsText(const UsageCounters &c)
{
    QStringList parts;
    for (auto it = c.errors.cbegin(); it != c.errors.cend(); ++it)
        parts << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
    return parts.join(QStringLiteral(", "));
}

QVariant UsageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    const UsageCounters &c = r.counters;
    const auto percentile = [&c](double p) { return c.latency.count() > 0 ? c.latency.percentile(p) : -1.0; };
    const auto raw = [&]() -> QVariant {
        switch (index.column()) {
        case NameColumn: return r.name;
        case RequestsColumn: return c.requests();
        case CacheHitsColumn: return c.cacheHits;
        case CoalescedColumn: return c.coalesced;
        case ThrottledColumn: return c.throttled;
        case ErrorsColumn: return c.errorCount();
        case P50Column: return percentile(50);
        case P95Column: return percentile(95);
        case P99Column: return percentile(99);
        default: return {};
        }
    };
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn && r.name.isEmpty())
            return m_grouping == Grouping::PerClient ? tr("(no client id)") : tr("(refused before any router)");
        if (index.column() >= P50Column) {
            const double ms = raw().toDouble();
            return ms < 0 ? QStringLiteral("—") : tr("%1 ms").arg(std::lround(ms));
        }
        return raw();
    case SortRole:
        return raw();
    case Qt::ToolTipRole:
        if (index.column() == ErrorsColumn || index.column() == ThrottledColumn) {
            const QString text = errorsText(c);
            return text.isEmpty() ? tr("No errors.") : tr("Errors by code: %1").arg(text);
        }
        if (index.column() == RequestsColumn)
            return tr("%1 router parts, %2 whole requests refused (%3 of them throttled)")
                .arg(c.parts)
                .arg(c.refused + c.throttledRequests)
                .arg(c.throttledRequests);
        if (index.column() >= P50Column)
            return tr("Time the routers took to answer live, from %n answer(s)", nullptr, int(c.latency.count()));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant UsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return m_grouping == Grouping::PerClient ? tr("Client") : tr("Router");
        case RequestsColumn: return tr("Requests");
        case CacheHitsColumn: return tr("From store");
        case CoalescedColumn: return tr("Coalesced");
        case ThrottledColumn: return tr("Throttled");
        case ErrorsColumn: return tr("Errors");
        case P50Column: return tr("p50");
        case P95Column: return tr("p95");
        case P99Column: return tr("p99");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RequestsColumn: return tr("Router parts asked (a request to three routers counts three), and whole requests refused");
        case CacheHitsColumn: return tr("Parts answered from the result store, without asking the router");
        case CoalescedColumn: return tr("Parts answered by joining identical work already queued or running");
        case ThrottledColumn: return tr("Parts and whole requests refused by a throttle");
        case ErrorsColumn: return tr("Failed parts and refused requests; the codes are in each cell's tooltip");
        case P50Column:
        case P95Column:
        case P99Column: return tr("Latency percentile of live answers (from hourly histograms)");
        default: return {};
        }
    }
    return {};
}

} // namespace rl
