#pragma once

#include "engine/api/event_log.h"

#include <QAbstractTableModel>

namespace rl {

// The application log: replays EventLog's history, then follows entryAdded. Keeps at most
// `capacity` rows, dropping the oldest.
class LogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogModel)

public:
    enum Column { TimeColumn, LevelColumn, SourceColumn, MessageColumn, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1 };

    explicit LogModel(QObject *parent = nullptr);

    // Subscribe first, then replay: nothing logged in between is lost, nothing is shown twice.
    void attach(EventLog &log);
    void append(const LogEntry &entry);
    void setCapacity(int rows);
    const QList<LogEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void trim();

    QList<LogEntry> m_entries;
    int m_capacity = 10000;
    QDateTime m_replayedUpTo;     // entries at or before this came with the replay
    QList<LogEntry> m_replayTail; // the replay's entries at exactly m_replayedUpTo
    QMetaObject::Connection m_connection;
};

} // namespace rl
