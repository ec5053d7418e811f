#pragma once

#include "engine/api/records.h"
#include "engine/api/request.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QDateTime>
#include <QFuture>

#include <memory>
#include <string_view>
#include <vector>

namespace rl {

// The rows of one query's answer, every router's part in one table. Generic over RecordSet:
// columns are Router, the record type's own columns (RecordSet::columns()), Source and Age.
// A router that failed shows one row carrying its error sentence in place.
//
// Built for full routing tables: a row is 8 bytes over the implicitly shared records;
// sort() orders an index permutation on typed keys extracted once per row; the lowercase
// text the filter searches is built once, off the UI thread, into one contiguous buffer.
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

    // Filter support. ensureTextIndex() blocks until the text buffer is built (it normally
    // is, in the background, long before anyone types). Text is lowercase UTF-8; the fields
    // of a row (Router and record columns) are separated by '\x1f'.
    void ensureTextIndex() const;
    std::string_view rowText(int row) const;
    std::string_view fieldText(int row, int column) const;
    // Per storage slot: does its text contain `needle` (lowercase)? slotOfRow maps a row.
    std::vector<bool> slotsContaining(std::string_view needle) const;
    qsizetype slotOfRow(int row) const { return slotOf(m_rows[size_t(row)]); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    struct TextIndex {
        QByteArray text;
        std::vector<quint32> offsets; // per storage slot, plus one past the end (rows end in '\n')
    };

private:
    struct RowRef {
        quint32 part;
        qint32 record; // -1: the part's error row
    };
    qsizetype slotOf(RowRef ref) const { return m_partBase[ref.part] + (ref.record < 0 ? 0 : ref.record); }
    void rebuildRows();
    void appendRowsFrom(qsizetype firstPart);
    void startTextIndex();
    void applySort();
    bool applyRouteIpSort();

    QueryKind m_kind = QueryKind::Facts;
    std::span<const ColumnInfo> m_columns;
    QList<RouterResult> m_parts;
    std::vector<qsizetype> m_partBase;
    std::vector<RowRef> m_rows;
    QDateTime m_now;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    mutable QFuture<std::shared_ptr<TextIndex>> m_textFuture;
    mutable std::shared_ptr<TextIndex> m_text;
};

} // namespace rl
