#pragma once

#include "engine/api/usage.h"

#include <QAbstractTableModel>
#include <QList>

namespace rl {

// Usage of a period (RouterDataService::usage), summed per client or per router: requests,
// answers from the store, coalesced, throttled, errors (by code in the tooltip), latency
// percentiles from the summed hourly histograms.
class UsageModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageModel)

public:
    enum class Grouping { PerClient, PerRouter };
    enum Column { NameColumn, RequestsColumn, CacheHitsColumn, CoalescedColumn, ThrottledColumn, ErrorsColumn,
                  P50Column, P95Column, P99Column, ColumnCount };
    // The raw number of a cell (counts; percentiles in ms, -1 without samples), for sorting.
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit UsageModel(Grouping grouping, QObject *parent = nullptr);

    Grouping grouping() const { return m_grouping; }
    // Replaces the rows with these buckets summed per client or router.
    void setBuckets(const QList<UsageBucket> &buckets);
    // Every bucket summed.
    const UsageCounters &total() const { return m_total; }
    // The row's name and counters.
    QString nameAt(int row) const;
    const UsageCounters &countersAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "timeout: 3, unreachable: 1", or empty.
    static QString errorsText(const UsageCounters &c);

private:
    struct Row {
        QString name;
        UsageCounters counters;
    };
    Grouping m_grouping;
    QList<Row> m_rows;
    UsageCounters m_total;
};

} // namespace rl
