#include "ui/models/comparison_model.h"

#include "engine/api/display_text.h"

#include "ui/models/state_colors.h"

#include <QCoreApplication>
#include <QFont>
#include <QHash>

namespace rl {
namespace {

bool isVolatile(ColumnType t)
{
    return t == ColumnType::Counter || t == ColumnType::Duration;
}

} // namespace

ComparisonModel::ComparisonModel(QObject *parent)
    : QAbstractTableModel(parent), m_recordColumns(RecordSet::columnsFor(QueryKind::Facts))
{
}

void ComparisonModel::setSides(QueryKind kind, const QList<ComparisonSide> &sides)
{
    beginResetModel();
    m_kind = kind;
    m_recordColumns = RecordSet::columnsFor(kind);
    m_sides = sides;
    rebuild();
    endResetModel();
}

void ComparisonModel::clear()
{
    setSides(m_kind, {});
}

void ComparisonModel::setIgnoreVolatile(bool ignore)
{
    if (ignore == m_ignoreVolatile)
        return;
    beginResetModel();
    m_ignoreVolatile = ignore;
    rebuild();
    endResetModel();
}

void ComparisonModel::setOnlyDifferences(bool only)
{
    if (only == m_onlyDifferences)
        return;
    beginResetModel();
    m_onlyDifferences = only;
    rebuildVisible();
    endResetModel();
}

int ComparisonModel::differingRowCount() const
{
    int n = 0;
    for (const AlignedRow &r : m_aligned)
        n += r.differs ? 1 : 0;
    return n;
}

QStringList ComparisonModel::sideErrors() const
{
    QStringList out;
    for (const ComparisonSide &s : m_sides) {
        if (!s.result.ok())
            out << tr("%1: %2").arg(s.label, DisplayText::escapeControls(s.result.error.message));
    }
    return out;
}

bool ComparisonModel::alignsBy(int recordColumn) const
{
    const ColumnInfo &info = m_recordColumns[size_t(recordColumn)];
    if (!info.isKey)
        return false;
    // Routes: each router reaches a prefix through its own next hop, so routers line up by
    // prefix (the nth path of a prefix against the nth) and the next hops are compared.
    const bool routes = m_kind == QueryKind::ReceivedRoutes || m_kind == QueryKind::AdvertisedRoutes
                     || m_kind == QueryKind::RouteLookup;
    return !(routes && info.type == ColumnType::Address);
}

void ComparisonModel::rebuild()
{
    m_columns.clear();
    for (size_t c = 0; c < m_recordColumns.size(); ++c) {
        if (alignsBy(int(c)))
            m_columns.push_back({int(c), -1});
    }
    for (size_t c = 0; c < m_recordColumns.size(); ++c) {
        if (alignsBy(int(c)))
            continue;
        for (qsizetype s = 0; s < m_sides.size(); ++s)
            m_columns.push_back({int(c), int(s)});
    }
    std::vector<int> alignColumns;
    bool alignsByAllKeys = true;
    for (size_t c = 0; c < m_recordColumns.size(); ++c) {
        if (alignsBy(int(c)))
            alignColumns.push_back(int(c));
        else if (m_recordColumns[c].isKey)
            alignsByAllKeys = false;
    }

    m_aligned.clear();
    QHash<QString, size_t> byKey;
    const size_t sideCount = size_t(m_sides.size());
    for (size_t s = 0; s < sideCount; ++s) {
        const RouterResult &r = m_sides[qsizetype(s)].result;
        if (!r.ok() || r.records.kind() != m_kind)
            continue;
        const qsizetype n = r.records.size();
        QHash<QString, int> seen; // per side: how many rows had this key so far
        for (qsizetype i = 0; i < n; ++i) {
            QString key;
            if (alignsByAllKeys) {
                key = r.records.rowKey(i);
            } else {
                for (int c : alignColumns)
                    key += r.records.value(i, c).toString() + QLatin1Char('|');
                key += QString::number(seen[key]++);
            }
            auto it = byKey.find(key);
            size_t at;
            if (it == byKey.end()) {
                at = m_aligned.size();
                byKey.insert(key, at);
                m_aligned.push_back({key, std::vector<qint32>(sideCount, -1), false});
            } else {
                at = it.value();
            }
            // A duplicate key on one side (a platform listing a row twice) keeps the first.
            if (m_aligned[at].record[s] < 0)
                m_aligned[at].record[s] = qint32(i);
        }
    }
    for (AlignedRow &row : m_aligned) {
        row.differs = false;
        for (qint32 rec : row.record) {
            if (rec < 0)
                row.differs = true;
        }
        for (size_t c = 0; c < m_recordColumns.size() && !row.differs; ++c) {
            if (alignsBy(int(c)) || (m_ignoreVolatile && isVolatile(m_recordColumns[c].type)))
                continue;
            row.differs = cellDiffers(row, int(c));
        }
    }
    rebuildVisible();
}

void ComparisonModel::rebuildVisible()
{
    m_visible.clear();
    for (size_t i = 0; i < m_aligned.size(); ++i) {
        if (!m_onlyDifferences || m_aligned[i].differs)
            m_visible.push_back(int(i));
    }
}

QVariant ComparisonModel::sideValue(const AlignedRow &row, int side, int recordColumn) const
{
    const qint32 rec = row.record[size_t(side)];
    if (rec < 0)
        return {};
    return m_sides[side].result.records.value(rec, recordColumn);
}

bool ComparisonModel::cellDiffers(const AlignedRow &row, int recordColumn) const
{
    bool first = true;
    QVariant ref;
    for (size_t s = 0; s < row.record.size(); ++s) {
        if (row.record[s] < 0)
            return true;
        const QVariant v = sideValue(row, int(s), recordColumn);
        if (first) {
            ref = v;
            first = false;
        } else if (v != ref) {
            return true;
        }
    }
    return false;
}

int ComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int ComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlignedRow &row = m_aligned[size_t(m_visible[size_t(index.row())])];
    const Column col = m_columns[size_t(index.column())];
    const ColumnInfo &info = m_recordColumns[size_t(col.recordColumn)];

    QVariant value;
    bool missing = false;
    if (col.side < 0) {
        // Key columns: equal on every side that has the row.
        for (size_t s = 0; s < row.record.size(); ++s) {
            if (row.record[s] >= 0) {
                value = sideValue(row, int(s), col.recordColumn);
                break;
            }
        }
    } else {
        missing = row.record[size_t(col.side)] < 0;
        value = sideValue(row, col.side, col.recordColumn);
    }
    const bool differs = col.side >= 0 && cellDiffers(row, col.recordColumn);

    switch (role) {
    case Qt::DisplayRole:
        if (missing)
            return tr("(missing)");
        return cellText(value, info.type);
    case Qt::ToolTipRole:
        if (missing)
            return tr("%1 has no such row").arg(m_sides[col.side].label);
        if (differs) {
            QStringList lines;
            for (size_t s = 0; s < row.record.size(); ++s)
                lines << QStringLiteral("%1: %2").arg(m_sides[qsizetype(s)].label,
                                                      cellText(sideValue(row, int(s), col.recordColumn), info.type));
            return lines.join(QLatin1Char('\n'));
        }
        return {};
    case Qt::BackgroundRole:
        if (missing)
            return StateColors::background(StateColors::Tone::Bad);
        if (differs)
            return StateColors::background(isVolatile(info.type) ? StateColors::Tone::Muted : StateColors::Tone::Warning);
        return {};
    case Qt::ForegroundRole:
        if (missing)
            return StateColors::foreground(StateColors::Tone::Muted);
        if (info.type == ColumnType::State) {
            const QColor c = StateColors::foreground(StateColors::toneFor(QString::fromLatin1(info.key), value.toString()));
            return c.isValid() ? QVariant(c) : QVariant();
        }
        return {};
    case Qt::FontRole:
        if (differs && !missing && !(isVolatile(info.type))) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (info.type == ColumnType::Integer || info.type == ColumnType::Counter || info.type == ColumnType::Real
            || info.type == ColumnType::Duration || info.type == ColumnType::BitRate)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case DiffRole:
        return differs;
    case RowDiffRole:
        return row.differs;
    case MissingRole:
        return missing;
    case SideRole:
        return col.side;
    case RawValueRole:
        return value;
    default:
        return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const Column col = m_columns[size_t(section)];
    const ColumnInfo &info = m_recordColumns[size_t(col.recordColumn)];
    const QString title = QCoreApplication::translate("rl::Records", info.title);
    switch (role) {
    case Qt::DisplayRole:
        if (col.side < 0)
            return title;
        return tr("%1 · %2").arg(title, m_sides[col.side].label);
    case Qt::ToolTipRole:
        if (col.side >= 0 && !m_sides[col.side].result.ok())
            return DisplayText::escapeControls(m_sides[col.side].result.error.message);
        return {};
    case SideRole:
        return col.side;
    case ColumnKeyRole:
        return col.side < 0 ? QString::fromLatin1(info.key)
                            : QStringLiteral("%1.%2").arg(QString::fromLatin1(info.key), m_sides[col.side].label);
    default:
        return {};
    }
}

} // namespace rl
