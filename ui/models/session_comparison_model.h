#pragma once

#include "engine/diagnosis/session_compare.h"

#include <QAbstractTableModel>

#include <vector>

namespace rl {

// The session-aware side by side: one row per BGP session, link or route exchanged, both ends
// on it (SessionCompare's flat table). Columns that only repeat the summary column (router,
// address, VRF) are left out. A value the two ends disagree on is highlighted; an end whose
// router could not be read reads "cannot tell", never "(missing)". A filter keeps the rows of
// one class: "mismatch" (anything the two ends disagree on, any route not on both sides) or a
// route class ("sent-not-received", "received-not-sent", "rejected").
class SessionComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionComparisonModel)

public:
    enum Role {
        StatusRole = Qt::UserRole + 1, // the row's stable status name
        FlaggedRole,                   // bool: the two ends disagree on this cell
        CannotTellRole,                // bool: this cell's end could not be read
        RawValueRole,
        ColumnKeyRole,
    };
    enum class Kind : quint8 { Sessions, Links, Routes };

    explicit SessionComparisonModel(QObject *parent = nullptr);

    void setTable(Kind kind, const PairTable &table);
    void clear();
    Kind kind() const { return m_kind; }
    const PairTable &table() const { return m_table; }
    // Empty: every row.
    void setFilter(const QString &filterClass);
    QString filter() const { return m_filter; }
    // How many rows of the whole table have this status / would pass this filter.
    int countStatus(const QString &status) const;
    int countFilter(const QString &filterClass) const;
    // A row status ("paired", "sent-not-received", ...) for people, translated.
    static QString statusText(const QString &status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool passes(const PairTable::Row &row, const QString &filterClass) const;
    void rebuildVisible();

    Kind m_kind = Kind::Sessions;
    PairTable m_table;
    std::vector<int> m_columns; // shown columns -> table columns
    std::vector<int> m_visible; // shown rows -> table rows
    QString m_filter;
};

} // namespace rl
