#include "ui/models/activity_model.h"

#include "ui/models/state_colors.h"

#include <QHash>

namespace rl {
namespace {

StateColors::Tone toneOf(WorkState s)
{
    switch (s) {
    case WorkState::HeldBack:
    case WorkState::Suspended: return StateColors::Tone::Warning;
    case WorkState::InFlight: return StateColors::Tone::Busy;
    case WorkState::Done: return StateColors::Tone::Good;
    case WorkState::Failed:
    case WorkState::Rejected: return StateColors::Tone::Bad;
    case WorkState::Cancelled: return StateColors::Tone::Muted;
    case WorkState::Queued: break;
    }
    return StateColors::Tone::None;
}

QString waitingText(qint64 ms)
{
    if (ms < 10000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1 s").arg(ms / 1000);
}

} // namespace

ActivityModel::ActivityModel(QObject *parent) : QAbstractTableModel(parent) {}

QString ActivityModel::stateTitle(WorkState s)
{
    switch (s) {
    case WorkState::Queued: return tr("queued");
    case WorkState::HeldBack: return tr("held back (throttled)");
    case WorkState::Suspended: return tr("suspended (throttled)");
    case WorkState::InFlight: return tr("in flight");
    case WorkState::Done: return tr("done");
    case WorkState::Failed: return tr("failed");
    case WorkState::Rejected: return tr("rejected (throttled)");
    case WorkState::Cancelled: return tr("cancelled");
    }
    return {};
}

namespace {

QString entryKey(const ActivityEntry &e)
{
    return e.requestId + QLatin1Char('\x1f') + e.router;
}

} // namespace

void ActivityModel::setEntries(const QList<ActivityEntry> &entries)
{
    // The engine lists its work in no stable order. Rows keep their place: entries gone are
    // removed (finished work leaves the list), the others updated in place with one
    // range-wide dataChanged, new ones appended with one insert. No reset, so the selection
    // and the scroll position survive.
    QHash<QString, qsizetype> incoming;
    incoming.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i)
        incoming.insert(entryKey(entries[i]), i);

    // Remove from the back, one contiguous run at a time.
    for (qsizetype end = m_entries.size(); end > 0;) {
        if (incoming.contains(entryKey(m_entries[end - 1]))) {
            --end;
            continue;
        }
        qsizetype begin = end - 1;
        while (begin > 0 && !incoming.contains(entryKey(m_entries[begin - 1])))
            --begin;
        beginRemoveRows({}, int(begin), int(end - 1));
        m_entries.remove(begin, end - begin);
        endRemoveRows();
        end = begin;
    }

    // One dataChanged over the cells that really changed (mostly the Waiting column), not
    // the whole table: during a fan-out this runs a few times a second and the view repaints
    // what it is told changed.
    QList<bool> seen(entries.size(), false);
    int firstRow = -1, lastRow = -1, firstCol = ColumnCount, lastCol = -1;
    for (qsizetype r = 0; r < m_entries.size(); ++r) {
        ActivityEntry &row = m_entries[r];
        const qsizetype i = incoming.value(entryKey(row));
        seen[i] = true;
        const ActivityEntry &e = entries[i];
        const bool changed[ColumnCount] = {false, false, e.clientId != row.clientId, e.kind != row.kind,
                                           e.priority != row.priority, e.waitingMs != row.waitingMs,
                                           e.state != row.state, e.coalescedWith != row.coalescedWith};
        for (int c = 0; c < ColumnCount; ++c) {
            if (!changed[c])
                continue;
            firstRow = firstRow < 0 ? int(r) : firstRow;
            lastRow = int(r);
            firstCol = qMin(firstCol, c);
            lastCol = qMax(lastCol, c);
        }
        row = e;
    }
    if (firstRow >= 0)
        Q_EMIT dataChanged(index(firstRow, firstCol), index(lastRow, lastCol));

    QList<ActivityEntry> added;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!seen[i] && incoming.value(entryKey(entries[i])) == i) // a duplicate key counts once
            added.append(entries[i]);
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, rowCount(), rowCount() + int(added.size()) - 1);
        m_entries.append(added);
        endInsertRows();
    }
}

void ActivityModel::removeRequest(const QString &requestId)
{
    // A request answered: its rows go at once, before the engine's next activity tick.
    QList<ActivityEntry> keep;
    keep.reserve(m_entries.size());
    for (const ActivityEntry &e : std::as_const(m_entries)) {
        if (e.requestId != requestId)
            keep.append(e);
    }
    if (keep.size() != m_entries.size())
        setEntries(keep);
}

int ActivityModel::countIn(WorkState state) const
{
    int n = 0;
    for (const ActivityEntry &e : m_entries)
        n += e.state == state ? 1 : 0;
    return n;
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityEntry &e = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case RouterColumn: return e.router;
        case RequestColumn: return e.requestId;
        case ClientColumn: return e.clientId;
        case QueryColumn: return queryKindDisplayTitle(e.kind);
        case PriorityColumn: return QString::number(e.priority, 'f', 0);
        case WaitingColumn: return waitingText(e.waitingMs);
        case StateColumn: return stateTitle(e.state);
        case SharedColumn: return e.coalescedWith > 0 ? tr("+%1").arg(e.coalescedWith) : QString();
        case ColumnCount: break;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StateColumn) {
            const QColor c = StateColors::foreground(toneOf(e.state));
            return c.isValid() ? QVariant(c) : QVariant();
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == PriorityColumn || index.column() == WaitingColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == SharedColumn && e.coalescedWith > 0)
            return tr("%n other request(s) share this router command", nullptr, e.coalescedWith);
        return {};
    case RequestIdRole:
        return e.requestId;
    case StateRole:
        return int(e.state);
    default:
        return {};
    }
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case RouterColumn: return tr("Router");
    case RequestColumn: return tr("Request");
    case ClientColumn: return tr("Client");
    case QueryColumn: return tr("Query");
    case PriorityColumn: return tr("Priority");
    case WaitingColumn: return tr("Waiting");
    case StateColumn: return tr("State");
    case SharedColumn: return tr("Shared");
    case ColumnCount: break;
    }
    return {};
}

// ---- RouterQueueModel

RouterQueueModel::RouterQueueModel(QObject *parent) : QAbstractTableModel(parent) {}

void RouterQueueModel::setStats(const QList<RouterQueueStats> &stats)
{
    bool sameRows = stats.size() == m_stats.size();
    for (qsizetype i = 0; sameRows && i < stats.size(); ++i)
        sameRows = stats[i].router == m_stats[i].router;
    if (sameRows) {
        m_stats = stats;
        if (!m_stats.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_stats = stats;
    endResetModel();
}

int RouterQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_stats.size());
}

int RouterQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RouterQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RouterQueueStats &s = m_stats[index.row()];
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case RouterColumn: return s.router;
        case PendingColumn: return s.pending;
        case InFlightColumn: return s.inFlight;
        case HeldBackColumn: return s.heldBack;
        case RejectedColumn: return s.rejected;
        case CompletedColumn: return s.completed;
        case ColumnCount: break;
        }
    }
    if (role == Qt::ForegroundRole) {
        if (index.column() == HeldBackColumn && s.heldBack > 0)
            return StateColors::foreground(StateColors::Tone::Warning);
        if (index.column() == RejectedColumn && s.rejected > 0)
            return StateColors::foreground(StateColors::Tone::Bad);
    }
    if (role == Qt::TextAlignmentRole && index.column() != RouterColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RouterQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case RouterColumn: return tr("Router");
    case PendingColumn: return tr("Pending");
    case InFlightColumn: return tr("In flight");
    case HeldBackColumn: return tr("Held back");
    case RejectedColumn: return tr("Rejected");
    case CompletedColumn: return tr("Completed");
    case ColumnCount: break;
    }
    return {};
}

} // namespace rl
