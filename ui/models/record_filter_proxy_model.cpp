#include "ui/models/record_filter_proxy_model.h"

#include "ui/models/record_table_model.h"

#include <algorithm>

namespace rl {
namespace {

std::string lowerUtf8(const QString &s)
{
    const QByteArray b = s.toLower().toUtf8();
    return std::string(b.constData(), size_t(b.size()));
}

} // namespace

RecordFilterProxyModel::RecordFilterProxyModel(QObject *parent) : QAbstractProxyModel(parent) {}

void RecordFilterProxyModel::setSourceModel(QAbstractItemModel *source)
{
    auto *records = qobject_cast<RecordTableModel *>(source);
    Q_ASSERT_X(records || !source, "RecordFilterProxyModel", "the source must be a RecordTableModel");
    beginResetModel();
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_source = records;
    QAbstractProxyModel::setSourceModel(source);
    if (m_source) {
        // Any change of the source's rows re-runs the filter with one reset: cheaper for a
        // view than thousands of scattered row removals.
        m_connections << connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); })
                      << connect(m_source, &QAbstractItemModel::modelReset, this, [this] { sourceReset(); })
                      // Unfiltered, rows arriving (a fan-out streaming in) pass straight through.
                      << connect(m_source, &QAbstractItemModel::rowsAboutToBeInserted, this,
                                 [this](const QModelIndex &, int first, int last) {
                                     m_insertByReset = m_filtering;
                                     if (m_insertByReset)
                                         beginResetModel();
                                     else
                                         beginInsertRows({}, first, last);
                                 })
                      << connect(m_source, &QAbstractItemModel::rowsInserted, this, [this] {
                             if (m_insertByReset)
                                 sourceReset();
                             else
                                 endInsertRows();
                         })
                      << connect(m_source, &QAbstractItemModel::layoutAboutToBeChanged, this, [this] { beginResetModel(); })
                      << connect(m_source, &QAbstractItemModel::layoutChanged, this, [this] { sourceReset(); })
                      << connect(m_source, &QAbstractItemModel::dataChanged, this,
                                 [this](const QModelIndex &tl, const QModelIndex &br, const QList<int> &roles) {
                                     if (rowCount() == 0)
                                         return;
                                     // Only the Age column changes in place; pass it on as one range.
                                     Q_EMIT dataChanged(index(0, tl.column()), index(rowCount() - 1, br.column()), roles);
                                 })
                      << connect(m_source, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
    }
    m_filtering = false;
    m_visible.clear();
    if (m_source && (!m_text.isEmpty() || !m_columnFilters.isEmpty()))
        refilter(false);
    endResetModel();
}

void RecordFilterProxyModel::sourceReset()
{
    m_filtering = false;
    m_visible.clear();
    if (!m_text.isEmpty() || !m_columnFilters.isEmpty())
        refilter(false);
    endResetModel();
}

void RecordFilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    const bool narrow = m_filtering && !m_text.isEmpty() && text.contains(m_text, Qt::CaseInsensitive);
    m_text = text;
    beginResetModel();
    refilter(narrow);
    endResetModel();
}

void RecordFilterProxyModel::setColumnFilter(int column, const QString &text)
{
    if (m_columnFilters.value(column) == text)
        return;
    if (text.isEmpty())
        m_columnFilters.remove(column);
    else
        m_columnFilters.insert(column, text);
    beginResetModel();
    refilter(false);
    endResetModel();
}

void RecordFilterProxyModel::clearFilters()
{
    m_text.clear();
    m_columnFilters.clear();
    beginResetModel();
    refilter(false);
    endResetModel();
}

bool RecordFilterProxyModel::accepts(int sourceRow, const std::string &needle, const std::vector<ColumnTest> &tests) const
{
    if (!needle.empty() && !m_slotHits[size_t(m_source->slotOfRow(sourceRow))])
        return false;
    for (const ColumnTest &t : tests) {
        const std::string_view field = m_source->fieldText(sourceRow, t.column);
        bool hit;
        if (t.op) {
            bool ok = false;
            const double v = QByteArray(field.data(), qsizetype(field.size())).toDouble(&ok);
            hit = ok && (t.op == '<' ? v < t.number : t.op == '>' ? v > t.number : v == t.number);
        } else {
            hit = field.find(t.needle) != std::string_view::npos;
        }
        if (hit == t.negate)
            return false;
    }
    return true;
}

void RecordFilterProxyModel::refilter(bool narrowOnly)
{
    if (!m_source || (m_text.isEmpty() && m_columnFilters.isEmpty())) {
        m_filtering = false;
        m_visible.clear();
        m_visible.shrink_to_fit();
        return;
    }
    m_source->ensureTextIndex();
    const std::string needle = lowerUtf8(m_text);
    std::vector<ColumnTest> tests;
    for (auto it = m_columnFilters.cbegin(); it != m_columnFilters.cend(); ++it) {
        if (it.key() >= m_source->ageColumn() || it.key() == m_source->sourceColumn())
            continue; // not in the text buffer; Source and Age are not worth filtering
        ColumnTest t;
        t.column = it.key();
        QString f = it.value().trimmed();
        if (f.startsWith(QLatin1Char('!'))) {
            t.negate = true;
            f.remove(0, 1);
        }
        const ColumnType type = m_source->columnType(t.column);
        const bool numeric = type == ColumnType::Integer || type == ColumnType::Counter || type == ColumnType::Real
                             || type == ColumnType::BitRate;
        if (numeric && !f.isEmpty() && (f[0] == QLatin1Char('<') || f[0] == QLatin1Char('>') || f[0] == QLatin1Char('='))) {
            bool ok = false;
            const double n = f.mid(1).trimmed().toDouble(&ok);
            if (ok) {
                t.op = char(f[0].unicode());
                t.number = n;
            }
        }
        t.needle = lowerUtf8(f);
        tests.push_back(std::move(t));
    }

    m_slotHits.clear();
    if (!needle.empty())
        m_slotHits = m_source->slotsContaining(needle);
    std::vector<int> next;
    if (narrowOnly) {
        next.reserve(m_visible.size());
        for (int row : m_visible) {
            if (accepts(row, needle, tests))
                next.push_back(row);
        }
    } else {
        const int n = m_source->rowCount();
        for (int row = 0; row < n; ++row) {
            if (accepts(row, needle, tests))
                next.push_back(row);
        }
    }
    next.shrink_to_fit();
    m_visible.swap(next);
    m_slotHits.clear();
    m_slotHits.shrink_to_fit();
    m_filtering = true;
}

QModelIndex RecordFilterProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex RecordFilterProxyModel::parent(const QModelIndex &) const
{
    return {};
}

int RecordFilterProxyModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_source)
        return 0;
    return m_filtering ? int(m_visible.size()) : m_source->rowCount();
}

int RecordFilterProxyModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_source)
        return 0;
    return m_source->columnCount();
}

QModelIndex RecordFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !m_source)
        return {};
    const int row = m_filtering ? m_visible[size_t(proxyIndex.row())] : proxyIndex.row();
    return m_source->index(row, proxyIndex.column());
}

QModelIndex RecordFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || !m_source)
        return {};
    int row = sourceIndex.row();
    if (m_filtering) {
        const auto it = std::lower_bound(m_visible.begin(), m_visible.end(), row);
        if (it == m_visible.end() || *it != row)
            return {};
        row = int(it - m_visible.begin());
    }
    return createIndex(row, sourceIndex.column());
}

void RecordFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (m_source)
        m_source->sort(column, order);
}

} // namespace rl
