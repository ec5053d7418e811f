#include "ui/models/log_model.h"

#include "ui/models/state_colors.h"

namespace rl {

LogModel::LogModel(QObject *parent) : QAbstractTableModel(parent) {}

void LogModel::attach(EventLog &log)
{
    disconnect(m_connection);
    m_connection = connect(&log, &EventLog::entryAdded, this, [this](const LogEntry &e) {
        // Entries queued while the replay ran are already in it.
        if (m_replayedUpTo.isValid() && e.at <= m_replayedUpTo) {
            if (e.at < m_replayedUpTo)
                return;
            for (const LogEntry &t : std::as_const(m_replayTail)) {
                if (t.source == e.source && t.message == e.message && t.level == e.level)
                    return;
            }
        }
        append(e);
    }, Qt::QueuedConnection);
    const QList<LogEntry> history = log.history();
    beginResetModel();
    m_entries = history;
    if (m_entries.size() > m_capacity)
        m_entries.remove(0, m_entries.size() - m_capacity);
    endResetModel();
    m_replayTail.clear();
    m_replayedUpTo = history.isEmpty() ? QDateTime() : history.last().at;
    for (qsizetype i = history.size() - 1; i >= 0 && history[i].at == m_replayedUpTo; --i)
        m_replayTail.append(history[i]);
}

void LogModel::append(const LogEntry &entry)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
    trim();
}

void LogModel::setCapacity(int rows)
{
    m_capacity = qMax(1, rows);
    trim();
}

void LogModel::trim()
{
    if (m_entries.size() <= m_capacity)
        return;
    const int excess = int(m_entries.size()) - m_capacity;
    beginRemoveRows({}, 0, excess - 1);
    m_entries.remove(0, excess);
    endRemoveRows();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &e = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn: return e.at.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn: return logLevelName(e.level);
        case SourceColumn: return e.source;
        case MessageColumn: return e.message;
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return e.at.toString(Qt::ISODateWithMs);
        if (index.column() == MessageColumn)
            return e.message;
        return {};
    case Qt::ForegroundRole:
        if (e.level == LogEntry::Level::Error)
            return StateColors::foreground(StateColors::Tone::Bad);
        if (e.level == LogEntry::Level::Warning)
            return StateColors::foreground(StateColors::Tone::Warning);
        if (e.level == LogEntry::Level::Debug)
            return StateColors::foreground(StateColors::Tone::Muted);
        return {};
    case LevelRole:
        return int(e.level);
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn: return tr("Time");
    case LevelColumn: return tr("Level");
    case SourceColumn: return tr("Source");
    case MessageColumn: return tr("Message");
    case ColumnCount: break;
    }
    return {};
}

} // namespace rl
