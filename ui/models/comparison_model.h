#pragma once

#include "engine/api/records.h"
#include "engine/api/request.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace rl {

// One answer in a comparison: a router's part, labelled ("edge-1", or "edge-1 at 09:14").
struct ComparisonSide {
    QString label;
    RouterResult result;
};

// The same query on two or more routers (or one router at two times), side by side. Rows
// are aligned by the record type's key columns (neighbor, prefix, interface, ...): the key
// columns once, then each other column once per side. A cell whose values differ between
// the sides, or a row missing on a side, is highlighted; "only differences" hides the rest.
class ComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonModel)

public:
    enum Role {
        DiffRole = Qt::UserRole + 1, // bool: this cell's value differs between the sides
        RowDiffRole,                 // bool: anything on this row differs (or is missing)
        MissingRole,                 // bool: this side has no such row
        SideRole,                    // int: the side of the column, -1 for key columns
        RawValueRole,
        ColumnKeyRole,
    };

    explicit ComparisonModel(QObject *parent = nullptr);

    void setSides(QueryKind kind, const QList<ComparisonSide> &sides);
    void clear();
    // Counters and durations (packets, uptime) always move; by default they are shown but do
    // not make a row "different".
    void setIgnoreVolatile(bool ignore);
    bool ignoreVolatile() const { return m_ignoreVolatile; }
    void setOnlyDifferences(bool only);
    bool onlyDifferences() const { return m_onlyDifferences; }

    QueryKind kind() const { return m_kind; }
    const QList<ComparisonSide> &sides() const { return m_sides; }
    int differingRowCount() const;
    int alignedRowCount() const { return int(m_aligned.size()); }
    // Sides that could not be compared, with their error sentence.
    QStringList sideErrors() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct AlignedRow {
        QString key;
        std::vector<qint32> record; // per side, -1 when missing
        bool differs = false;
    };
    struct Column {
        int recordColumn;
        int side; // -1: key column shown once
    };
    void rebuild();
    void rebuildVisible();
    bool cellDiffers(const AlignedRow &row, int recordColumn) const;
    QVariant sideValue(const AlignedRow &row, int side, int recordColumn) const;

    // The columns rows are lined up by across routers (key columns; for routes the prefix only).
    bool alignsBy(int recordColumn) const;
    QueryKind m_kind = QueryKind::Facts;
    std::span<const ColumnInfo> m_recordColumns;
    QList<ComparisonSide> m_sides;
    std::vector<Column> m_columns;
    std::vector<AlignedRow> m_aligned;
    std::vector<int> m_visible; // shown rows -> aligned rows
    bool m_ignoreVolatile = true;
    bool m_onlyDifferences = false;
};

} // namespace rl
