#pragma once

#include "engine/scheduling/scheduling_types.h"

#include <QAbstractTableModel>

namespace rl {

// The engine's work in progress, one row per router part of a request (ActivityEntry):
// who asked, priority, how long it has waited and its state. Updated from
// RouterDataService::activityChanged a few times a second; rows keep their place, finished
// work leaves, new work is appended (see setEntries), so the selection survives.
class ActivityModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityModel)

public:
    enum Column { RouterColumn, RequestColumn, ClientColumn, QueryColumn, PriorityColumn, WaitingColumn,
                  StateColumn, SharedColumn, ColumnCount };
    enum Role { RequestIdRole = Qt::UserRole + 1, StateRole };

    explicit ActivityModel(QObject *parent = nullptr);

    void setEntries(const QList<ActivityEntry> &entries);
    void removeRequest(const QString &requestId);
    const QList<ActivityEntry> &entries() const { return m_entries; }
    static QString stateTitle(WorkState state);
    // Counts by state, for the panel's summary line.
    int countIn(WorkState state) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ActivityEntry> m_entries;
};

// Per-router queues (EngineMetrics::routers): pending, in flight, held back, rejected.
class RouterQueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RouterQueueModel)

public:
    enum Column { RouterColumn, PendingColumn, InFlightColumn, HeldBackColumn, RejectedColumn, CompletedColumn,
                  ColumnCount };

    explicit RouterQueueModel(QObject *parent = nullptr);
    void setStats(const QList<RouterQueueStats> &stats);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RouterQueueStats> m_stats;
};

} // namespace rl
