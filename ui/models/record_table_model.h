#pragma once

#include "engine/api/records.h"
#include "engine/api/request.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QDateTime>
#include <QFuture>
#include <QFutureWatcher>

#include <atomic>
#include <memory>
#include <string_view>
#include <vector>

namespace rl {

// The rows of one query's answer, every router's part in one table. Generic over RecordSet:
// columns are Router, the record type's own columns (RecordSet::columns()), Source and Age.
// A router that failed shows one row carrying its error sentence in place.
//
// Built for full routing tables: a row is a 4-byte storage slot over the implicitly shared
// records (a slot's part is found from the parts' first slots); sort() orders the slots on
// typed keys extracted once per row; the lowercase text the filter searches is built once, off
// the UI thread. Router names and error sentences are kept once per part, and text columns
// whose values repeat (AS paths, communities, states) are interned: a row holds a 4-byte index
// into a table of distinct values instead of the text.
class RecordTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordTableModel)

public:
    enum Role {
        RawValueRole = Qt::UserRole + 1, // the typed value (JSON export, comparison)
        ColumnKeyRole,                   // headerData: stable column key ("router", "prefix", ...)
        ColumnTypeRole,                  // headerData: rl::ColumnType as int
        ErrorRowRole,                    // bool: this row is a router's error
        RouterRole,                      // the router of the row
        ToneRole,                        // StateColors::Tone as int
    };

    explicit RecordTableModel(QObject *parent = nullptr);
    ~RecordTableModel() override;

    void setResults(QueryKind kind, const QList<RouterResult> &parts);
    // Streaming: one router's part as it arrives (RouterDataService::partReady). A part for a
    // router already shown replaces it.
    void addPart(const RouterResult &part);
    // A batch of parts (the GUI collects what arrived during one refresh): one insert.
    void addParts(const QList<RouterResult> &parts);
    void clear();
    // Where the rows came from. Pasted: text read offline (the paste box), so Source says
    // "pasted", never "live", and there is no cache age.
    enum class Origin { Routers, Pasted };
    void setOrigin(Origin origin);
    Origin origin() const { return m_origin; }
    // Age is computed against this clock; refreshAges() moves it to now.
    void setReferenceTime(const QDateTime &now);
    void refreshAges();

    QueryKind kind() const { return m_kind; }
    const QList<RouterResult> &parts() const { return m_parts; }
    qsizetype recordCount() const;
    int routerColumn() const { return 0; }
    int firstRecordColumn() const { return 1; }
    int recordColumnCount() const { return int(m_columns.size()); }
    int sourceColumn() const { return recordColumnCount() + 1; }
    int ageColumn() const { return recordColumnCount() + 2; }
    ColumnType columnType(int column) const;
    QString columnKey(int column) const;
    bool isErrorRow(int row) const;
    QString displayText(int row, int column) const;

    // Filter support. ensureTextIndex() blocks until the text index is built (it normally
    // is, in the background, long before anyone types). Text is lowercase UTF-8.
    void ensureTextIndex() const;
    // Is the index of the current rows there (built in the background, or waited for)?
    bool isTextIndexReady() const;
    // The whole row as the filter sees it, fields (Router and record columns) joined by '\x1f'.
    std::string rowText(int row) const;
    std::string_view fieldText(int row, int column) const;
    // Per storage slot: does any of its fields contain `needle` (lowercase)? slotOfRow maps a row.
    std::vector<bool> slotsContaining(std::string_view needle) const;
    qsizetype slotOfRow(int row) const { return qsizetype(m_rows[size_t(row)]); }
    // Is this record column's text interned (one table of distinct values, an index per row)?
    bool isColumnInterned(int column) const;

    // What the rows cost, in bytes actually allocated (capacity, not size), for the benchmark.
    struct MemoryUse {
        qsizetype rows = 0;          // row -> slot
        qsizetype parts = 0;         // per part: first slot, router and error text
        qsizetype inlineText = 0;    // text of the columns kept per row
        qsizetype offsets = 0;       // where each slot's inline text starts
        qsizetype internedIds = 0;   // per row and interned column: an index
        qsizetype internedTables = 0;// the distinct values, once
        int internedColumns = 0;
        qsizetype total() const { return rows + parts + inlineText + offsets + internedIds + internedTables; }
    };
    MemoryUse memoryUse() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    struct TextIndex;
    // The background build of the current rows' index. New rows, or the model's end, tell it
    // to stop: it then gives no index (a null result).
    QFuture<std::shared_ptr<TextIndex>> textIndexBuild() const;

Q_SIGNALS:
    // The background build of the current rows' index has finished and the model holds it.
    void textIndexReady();

private:
    struct RowRef {
        qsizetype part;
        qint32 record; // -1: the part's error row
    };
    qsizetype partOfSlot(quint32 slot) const;
    RowRef refOf(int row) const;
    void rebuildRows();
    void appendRowsFrom(qsizetype firstPart);
    void startTextIndex();
    void cancelTextIndex();
    void adoptTextIndex();
    void applySort();
    bool applyRouteIpSort();

    QueryKind m_kind = QueryKind::Facts;
    Origin m_origin = Origin::Routers;
    std::span<const ColumnInfo> m_columns;
    QList<RouterResult> m_parts;
    std::vector<quint32> m_partBase; // part -> its first storage slot (slots follow arrival order)
    std::vector<quint32> m_rows;     // row -> storage slot
    QDateTime m_now;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    // The index build: a watcher owned by the model (its result arrives here, on the model's
    // thread) and the flag that tells the build to stop. Each build has its own flag.
    QFutureWatcher<std::shared_ptr<TextIndex>> m_textWatcher;
    std::shared_ptr<std::atomic_bool> m_textCancel;
    mutable std::shared_ptr<TextIndex> m_text;
};

} // namespace rl
