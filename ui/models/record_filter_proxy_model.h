#pragma once

#include <QAbstractProxyModel>
#include <QHash>
#include <QString>

#include <string>
#include <vector>

namespace rl {

class RecordTableModel;

// Filters a RecordTableModel by a text typed into the filter box (any column) and by
// per-column texts, case-insensitively, on the model's precomputed lowercase text. A filter
// that only grows (the person typing on) re-tests the rows still shown, not all of them.
// A column filter may start with '!' to exclude, or with <, >, = for numeric columns.
// Sorting is forwarded to the source model, which sorts typed keys.
class RecordFilterProxyModel final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordFilterProxyModel)

public:
    explicit RecordFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;
    RecordTableModel *recordModel() const { return m_source; }

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    void setColumnFilter(int column, const QString &text);
    QString columnFilter(int column) const { return m_columnFilters.value(column); }
    void clearFilters();
    bool isFiltering() const { return m_filtering; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    struct ColumnTest {
        int column = 0;
        std::string needle;
        bool negate = false;
        char op = 0; // '<', '>', '=' for numeric comparisons
        double number = 0;
    };
    void refilter(bool narrowOnly);
    bool accepts(int sourceRow, const std::string &needle, const std::vector<ColumnTest> &tests) const;
    void sourceReset();

    RecordTableModel *m_source = nullptr;
    QString m_text;
    QHash<int, QString> m_columnFilters;
    bool m_filtering = false;
    bool m_insertByReset = false; // between the source's rowsAboutToBeInserted and rowsInserted
    // proxy row -> source row, when filtering; ascending, so mapFromSource is a binary search
    // (no second per-row array: 4 bytes a row on a full table)
    std::vector<int> m_visible;
    std::vector<bool> m_slotHits;  // during refilter: storage slots whose text holds the needle
    QList<QMetaObject::Connection> m_connections;
};

} // namespace rl
