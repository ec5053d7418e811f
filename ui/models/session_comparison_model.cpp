#include "ui/models/session_comparison_model.h"

#include "ui/models/state_colors.h"

#include <QCoreApplication>
#include <QFont>

namespace rl {
namespace {

StateColors::Tone statusTone(const QString &status)
{
    if (status == u"paired" || status == u"both")
        return StateColors::Tone::Good;
    if (status == u"rejected")
        return StateColors::Tone::Bad;
    if (status == u"sent-not-received" || status == u"received-not-sent" || status == u"not-found" || status == u"ambiguous")
        return StateColors::Tone::Warning;
    return StateColors::Tone::Muted; // cannot tell, peer not in this comparison
}

// The state columns' keys without their side ("aOperState" -> "operState").
QString stateKey(const char *key)
{
    QString k = QString::fromLatin1(key);
    if (k.size() > 1 && (k.startsWith(QLatin1Char('a')) || k.startsWith(QLatin1Char('b'))) && k[1].isUpper()) {
        k.remove(0, 1);
        k[0] = k[0].toLower();
    }
    return k;
}

} // namespace

QString SessionComparisonModel::statusText(const QString &status)
{
    if (status == u"paired")
        return tr("paired");
    if (status == u"peer-outside")
        return tr("peer not in this comparison");
    if (status == u"not-found")
        return tr("other end not found");
    if (status == u"cannot-tell")
        return tr("cannot tell");
    if (status == u"ambiguous")
        return tr("ambiguous");
    if (status == u"both")
        return tr("sent and received");
    if (status == u"sent-not-received")
        return tr("sent but not received");
    if (status == u"received-not-sent")
        return tr("received but not sent");
    if (status == u"rejected")
        return tr("received but rejected");
    return status;
}

SessionComparisonModel::SessionComparisonModel(QObject *parent) : QAbstractTableModel(parent) {}

void SessionComparisonModel::setTable(Kind kind, const PairTable &table)
{
    beginResetModel();
    m_kind = kind;
    m_table = table;
    m_columns.clear();
    for (int c = 0; c < m_table.columns.size(); ++c)
        if (!m_table.columns[c].detail)
            m_columns.push_back(c);
    rebuildVisible();
    endResetModel();
}

void SessionComparisonModel::clear()
{
    setTable(m_kind, {});
}

void SessionComparisonModel::setFilter(const QString &filterClass)
{
    if (filterClass == m_filter)
        return;
    beginResetModel();
    m_filter = filterClass;
    rebuildVisible();
    endResetModel();
}

bool SessionComparisonModel::passes(const PairTable::Row &row, const QString &filterClass) const
{
    if (filterClass.isEmpty())
        return true;
    if (filterClass == u"mismatch")
        return !row.filterClass.isEmpty() && row.filterClass != u"both";
    return row.filterClass == filterClass;
}

void SessionComparisonModel::rebuildVisible()
{
    m_visible.clear();
    for (int r = 0; r < m_table.rows.size(); ++r)
        if (passes(m_table.rows[r], m_filter))
            m_visible.push_back(r);
}

int SessionComparisonModel::countStatus(const QString &status) const
{
    int n = 0;
    for (const PairTable::Row &r : m_table.rows)
        n += r.status == status ? 1 : 0;
    return n;
}

int SessionComparisonModel::countFilter(const QString &filterClass) const
{
    int n = 0;
    for (const PairTable::Row &r : m_table.rows)
        n += passes(r, filterClass) ? 1 : 0;
    return n;
}

int SessionComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int SessionComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant SessionComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PairTable::Row &row = m_table.rows[m_visible[size_t(index.row())]];
    const int c = m_columns[size_t(index.column())];
    const PairTable::Column &col = m_table.columns[c];
    const QVariant value = row.cells.value(c);
    const bool cannotTell = col.side >= 0 && !row.cannotTell.value(col.side).isEmpty();
    const bool flagged = row.flagged.contains(c);
    const bool isStatus = c == 0;

    switch (role) {
    case Qt::DisplayRole:
        if (isStatus)
            return statusText(row.status);
        if (cannotTell)
            return tr("cannot tell");
        return cellText(value, col.type);
    case Qt::ToolTipRole:
        if (cannotTell)
            return tr("Cannot tell: %1").arg(row.cannotTell.value(col.side));
        if (isStatus || flagged) {
            // The basis and the mismatches are the last two columns of every table kind.
            QStringList lines;
            for (int k = 0; k < m_table.columns.size(); ++k) {
                const QString key = QString::fromLatin1(m_table.columns[k].key);
                if ((key == u"basis" || key == u"mismatches" || key == u"note") && !row.cells.value(k).toString().isEmpty())
                    lines << row.cells.value(k).toString();
            }
            return lines.join(QLatin1Char('\n'));
        }
        return value.typeId() == QMetaType::QString && value.toString().size() > 40 ? value : QVariant();
    case Qt::BackgroundRole:
        if (isStatus) // a pair whose ends disagree reads as a warning, not as fine
            return StateColors::background(row.filterClass == u"mismatch" ? StateColors::Tone::Warning : statusTone(row.status));
        if (cannotTell)
            return StateColors::background(StateColors::Tone::Muted);
        if (flagged)
            return StateColors::background(StateColors::Tone::Warning);
        return {};
    case Qt::ForegroundRole:
        if (cannotTell)
            return StateColors::foreground(StateColors::Tone::Muted);
        if (col.type == ColumnType::State && !isStatus) {
            const QColor fg = StateColors::foreground(StateColors::toneFor(stateKey(col.key), value.toString()));
            return fg.isValid() ? QVariant(fg) : QVariant();
        }
        return {};
    case Qt::FontRole:
        if (flagged && !cannotTell) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (col.type == ColumnType::Integer || col.type == ColumnType::Counter || col.type == ColumnType::Duration
            || col.type == ColumnType::BitRate)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case StatusRole:
        return row.status;
    case FlaggedRole:
        return flagged;
    case CannotTellRole:
        return cannotTell;
    case RawValueRole:
        return isStatus ? QVariant(row.status) : value;
    default:
        return {};
    }
}

QVariant SessionComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const PairTable::Column &col = m_table.columns[m_columns[size_t(section)]];
    const QString title = QCoreApplication::translate("rl::SessionCompare", col.title);
    switch (role) {
    case Qt::DisplayRole:
        if (col.side < 0)
            return title;
        if (m_kind == Kind::Routes)
            return col.side == 0 ? tr("%1 · sender").arg(title) : tr("%1 · receiver").arg(title);
        return col.side == 0 ? tr("%1 · A").arg(title) : tr("%1 · B").arg(title);
    case Qt::ToolTipRole:
        if (col.side < 0)
            return {};
        if (m_kind == Kind::Routes)
            return col.side == 0 ? tr("As the sending end advertises it") : tr("As the receiving end received it");
        return col.side == 0 ? tr("End A: the router left of <-> in the second column") : tr("End B: the router right of <-> in the second column");
    case ColumnKeyRole:
        return QString::fromLatin1(col.key);
    default:
        return {};
    }
}

} // namespace rl
