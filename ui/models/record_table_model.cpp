#include "ui/models/record_table_model.h"

#include "engine/api/display_text.h"

#include "ui/models/state_colors.h"

#include <QCoreApplication>
#include <QHash>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <cstring>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <limits>
#include <numeric>

namespace rl {
namespace {

// Error sentences may quote what a router printed: its control characters are shown, not obeyed.
QString errorSentence(const Error &e)
{
    return QStringLiteral("%1: %2").arg(e.codeName(), DisplayText::escapeControls(e.message));
}

bool isNumeric(ColumnType t)
{
    return t == ColumnType::Integer || t == ColumnType::Counter || t == ColumnType::Real || t == ColumnType::Duration
           || t == ColumnType::BitRate;
}

// Sorting and indexing a full table allocate tens of megabytes for a moment; glibc keeps
// freed blocks of that size in its heaps (and in the index builder's arena) instead of
// giving them back, which showed as 40 bytes per row more after one sort. Hand them back.
void releaseFreedMemory(qsizetype rows)
{
#if defined(__GLIBC__)
    if (rows >= 100000)
        malloc_trim(0);
#else
    Q_UNUSED(rows);
#endif
}

void appendLower(QByteArray &out, const QString &s)
{
    // Most cells are ASCII: lower them byte by byte without a temporary QString.
    bool ascii = true;
    for (QChar c : s) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        for (QChar c : s) {
            char ch = char(c.unicode());
            if (ch >= 'A' && ch <= 'Z')
                ch = char(ch - 'A' + 'a');
            out.append(ch);
        }
    } else {
        out.append(s.toLower().toUtf8());
    }
}

} // namespace

// The lowercase text the filter searches. Slots follow the parts in arrival order; an error
// part has one slot. Per slot, the inline columns' text ('\x1f' between fields, '\n' at the
// end, so a match never spans two rows) and, per interned column, an index into that column's
// table of distinct values. The router name and error sentence are kept once per part.
struct RecordTableModel::TextIndex {
    struct Interned {
        int recordColumn = 0;
        QByteArray values;                 // distinct lowercase values, each ended by '\n'
        std::vector<quint32> valueOffsets; // per value, plus one past the end
        std::vector<quint32> ids;          // per slot
        std::string_view value(quint32 id) const
        {
            return std::string_view(values.constData() + valueOffsets[id], valueOffsets[id + 1] - valueOffsets[id] - 1);
        }
    };
    QByteArray text;
    std::vector<quint32> offsets;     // per slot, plus one past the end
    std::vector<Interned> interned;
    std::vector<int> inlineField;     // per record column: its place among the inline fields, or -1
    std::vector<int> internedAt;      // per record column: its index in `interned`, or -1
    std::vector<quint32> partBase;    // per part: first slot, plus one past the last slot
    std::vector<QByteArray> partRouter; // lowercase
    std::vector<QByteArray> partError;  // lowercase error sentence, empty when the part answered

    qsizetype partOf(qsizetype slot) const
    {
        return qsizetype(std::upper_bound(partBase.begin(), partBase.end() - 1, quint32(slot)) - partBase.begin()) - 1;
    }
};

namespace {

// Marks every '\n'-ended entry of `buffer` (starts in `offsets`) that contains `needle`.
// One memmem over the whole buffer beats a search per entry: the first byte of a typed filter
// ("6" of "65010") is everywhere, the whole needle is not.
void markContaining(const QByteArray &buffer, const std::vector<quint32> &offsets, std::string_view needle,
                    std::vector<bool> &hit)
{
    const char *base = buffer.constData();
    const size_t size = size_t(buffer.size());
    size_t pos = 0;
    size_t entry = 0;
    while (pos < size) {
        const void *found = memmem(base + pos, size - pos, needle.data(), needle.size());
        if (!found)
            break;
        const size_t at = size_t(static_cast<const char *>(found) - base);
        // Entries are short and matches dense: step rather than search.
        while (entry + 1 < offsets.size() && offsets[entry + 1] <= at)
            ++entry;
        hit[entry] = true;
        pos = offsets[entry + 1];
    }
}

bool internable(ColumnType t)
{
    return t == ColumnType::Text || t == ColumnType::State;
}

// Builds the text index off the UI thread, in three steps over the parts (what each part
// says once, the interned columns, the inline text). It reads only its own copies of the parts
// and stops early, returning nothing, once `cancel` is set: the model is gone or has newer rows.
class TextIndexBuilder
{
public:
    using TextIndex = RecordTableModel::TextIndex;

    TextIndexBuilder(const QList<RouterResult> &parts, std::span<const ColumnInfo> cols, const std::atomic_bool &cancel)
        : m_parts(parts), m_cols(cols), m_ncols(int(cols.size())), m_cancel(cancel)
    {
    }

    std::shared_ptr<TextIndex> build()
    {
        m_index = std::make_shared<TextIndex>();
        indexParts();
        if (!internColumns() || !appendInlineText())
            return {};
        return std::move(m_index);
    }

private:
    struct Candidate {
        TextIndex::Interned col;
        QHash<QString, quint32> idOf;
        qint64 inlineBytes = 0;
    };

    // Checked once per part and every few thousand records: a million-row build stops within
    // a millisecond or so of being told.
    bool cancelled(qsizetype record = 0) const
    {
        return (record & 4095) == 0 && m_cancel.load(std::memory_order_relaxed);
    }

    void indexParts()
    {
        TextIndex &ix = *m_index;
        ix.partBase.reserve(size_t(m_parts.size()) + 1);
        ix.partRouter.reserve(size_t(m_parts.size()));
        ix.partError.reserve(size_t(m_parts.size()));
        for (const RouterResult &p : m_parts) {
            ix.partBase.push_back(m_slotCount);
            m_slotCount += p.ok() ? quint32(p.records.size()) : 1;
            QByteArray router;
            appendLower(router, p.router);
            ix.partRouter.push_back(router);
            QByteArray error;
            if (!p.ok())
                appendLower(error, errorSentence(p.error));
            ix.partError.push_back(error);
        }
        ix.partBase.push_back(m_slotCount);
    }

    // Pass 1: every text column is interned, and what its text would cost inline is counted;
    // then the columns where interning does not pay are turned back.
    bool internColumns()
    {
        for (int c = 0; c < m_ncols; ++c) {
            if (!internable(m_cols[size_t(c)].type))
                continue;
            Candidate cand;
            cand.col.recordColumn = c;
            cand.col.ids.reserve(m_slotCount);
            cand.col.valueOffsets.push_back(0);
            // Value 0 is the empty text (error rows, missing values).
            cand.col.values.append('\n');
            cand.col.valueOffsets.push_back(1);
            cand.idOf.insert(QString(), 0);
            m_cands.push_back(std::move(cand));
        }
        if (!m_cands.empty()) {
            for (const RouterResult &p : m_parts) {
                if (cancelled())
                    return false;
                if (!p.ok()) {
                    for (Candidate &cand : m_cands)
                        cand.col.ids.push_back(0);
                    continue;
                }
                bool stopped = false;
                std::visit([&](const auto &list) { stopped = !internRecords(list); }, p.records.lists());
                if (stopped)
                    return false;
            }
        }
        chooseInterned();
        return true;
    }

    template<typename List>
    bool internRecords(const List &list)
    {
        for (qsizetype r = 0; r < list.size(); ++r) {
            if (cancelled(r + 1))
                return false;
            for (Candidate &cand : m_cands) {
                const QString v = list[r].value(cand.col.recordColumn).toString();
                cand.inlineBytes += v.size() + 1;
                auto it = cand.idOf.constFind(v);
                if (it == cand.idOf.cend()) {
                    const quint32 id = quint32(cand.col.valueOffsets.size() - 1);
                    appendLower(cand.col.values, v);
                    cand.col.values.append('\n');
                    cand.col.valueOffsets.push_back(quint32(cand.col.values.size()));
                    it = cand.idOf.insert(v, id);
                }
                cand.col.ids.push_back(*it);
            }
        }
        return true;
    }

    // A column stays interned when that is smaller than its text per row: not so for columns
    // whose values rarely repeat (descriptions, MAC addresses). Rejected candidates give their
    // text from their (complete) tables in pass 2.
    void chooseInterned()
    {
        TextIndex &ix = *m_index;
        ix.internedAt.assign(size_t(m_ncols), -1);
        for (Candidate &cand : m_cands) {
            const qint64 internedBytes = qint64(m_slotCount) * qint64(sizeof(quint32)) + cand.col.values.size()
                + qint64(cand.col.valueOffsets.size() * sizeof(quint32));
            cand.idOf = {};
            if (internedBytes < cand.inlineBytes) {
                cand.col.values.squeeze();
                cand.col.valueOffsets.shrink_to_fit();
                ix.internedAt[size_t(cand.col.recordColumn)] = int(ix.interned.size());
                ix.interned.push_back(std::move(cand.col));
            }
        }
        ix.inlineField.assign(size_t(m_ncols), -1);
        int inlineCount = 0;
        for (int c = 0; c < m_ncols; ++c) {
            if (ix.internedAt[size_t(c)] < 0)
                ix.inlineField[size_t(c)] = inlineCount++;
        }
        m_fromTable.assign(size_t(m_ncols), nullptr);
        for (const Candidate &cand : m_cands) {
            if (ix.internedAt[size_t(cand.col.recordColumn)] < 0)
                m_fromTable[size_t(cand.col.recordColumn)] = &cand.col;
        }
    }

    // Pass 2: the inline text.
    bool appendInlineText()
    {
        TextIndex &ix = *m_index;
        ix.offsets.reserve(size_t(m_slotCount) + 1);
        for (const RouterResult &p : m_parts) {
            if (cancelled())
                return false;
            if (!p.ok()) {
                ix.offsets.push_back(quint32(ix.text.size()));
                ix.text.append('\n'); // the error is per part
                continue;
            }
            bool stopped = false;
            std::visit([&](const auto &list) { stopped = !appendRecords(list); }, p.records.lists());
            if (stopped)
                return false;
        }
        ix.offsets.push_back(quint32(ix.text.size()));
        ix.text.squeeze(); // growth slack; realloc of a mapped block moves no bytes
        return true;
    }

    template<typename List>
    bool appendRecords(const List &list)
    {
        TextIndex &ix = *m_index;
        const quint32 base = quint32(ix.offsets.size());
        for (qsizetype r = 0; r < list.size(); ++r) {
            if (cancelled(r + 1))
                return false;
            const auto &rec = list[r];
            ix.offsets.push_back(quint32(ix.text.size()));
            bool first = true;
            for (int c = 0; c < m_ncols; ++c) {
                if (ix.inlineField[size_t(c)] < 0)
                    continue;
                if (!first)
                    ix.text.append('\x1f');
                first = false;
                if (const auto *t = m_fromTable[size_t(c)]) {
                    const std::string_view v = t->value(t->ids[size_t(base) + size_t(r)]);
                    ix.text.append(v.data(), qsizetype(v.size()));
                } else {
                    appendLower(ix.text, cellText(rec.value(c), m_cols[size_t(c)].type));
                }
            }
            ix.text.append('\n');
        }
        return true;
    }

    const QList<RouterResult> &m_parts;
    const std::span<const ColumnInfo> m_cols;
    const int m_ncols;
    const std::atomic_bool &m_cancel;
    std::shared_ptr<TextIndex> m_index;
    quint32 m_slotCount = 0;
    std::vector<Candidate> m_cands;
    std::vector<const TextIndex::Interned *> m_fromTable; // per record column, into m_cands
};

// One row's sort key: class first (unknown values and error rows sort below everything),
// then the typed field the column uses.
struct SortKey {
    quint8 cls = 0;
    IpPrefix ip;
    qint64 i = 0;
    double d = 0;
};

inline int compareKeys(const SortKey &a, const SortKey &b)
{
    if (a.cls != b.cls)
        return a.cls < b.cls ? -1 : 1;
    if (a.ip != b.ip)
        return a.ip < b.ip ? -1 : 1;
    if (a.i != b.i)
        return a.i < b.i ? -1 : 1;
    if (a.d != b.d)
        return a.d < b.d ? -1 : 1;
    return 0;
}

} // namespace

RecordTableModel::RecordTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_columns(RecordSet::columnsFor(QueryKind::Facts)),
      m_now(QDateTime::currentDateTimeUtc())
{
    connect(&m_textWatcher, &QFutureWatcherBase::finished, this, &RecordTableModel::adoptTextIndex);
}

RecordTableModel::~RecordTableModel()
{
    // The builder reads only its own copies of the parts, so nothing waits for it: told to
    // stop, it returns within a few thousand rows and its result goes nowhere.
    cancelTextIndex();
}

void RecordTableModel::setResults(QueryKind kind, const QList<RouterResult> &parts)
{
    beginResetModel();
    m_kind = kind;
    m_columns = RecordSet::columnsFor(kind);
    m_parts = parts;
    m_now = QDateTime::currentDateTimeUtc();
    rebuildRows();
    if (m_sortColumn >= 0)
        applySort();
    startTextIndex(); // before the views and the filter look at the new rows
    endResetModel();
}

void RecordTableModel::addPart(const RouterResult &part)
{
    addParts({part});
}

void RecordTableModel::addParts(const QList<RouterResult> &parts)
{
    if (parts.isEmpty())
        return;
    QHash<QString, qsizetype> shown;
    shown.reserve(m_parts.size());
    for (qsizetype i = 0; i < m_parts.size(); ++i)
        shown.insert(m_parts[i].router, i);
    bool replaces = false;
    for (const RouterResult &p : parts)
        replaces = replaces || shown.contains(p.router);
    if (replaces) {
        // A router answered again: its rows change in place, rare enough for a reset.
        QList<RouterResult> merged = m_parts;
        for (const RouterResult &p : parts) {
            const auto it = shown.constFind(p.router);
            if (it != shown.cend()) {
                merged[*it] = p;
            } else {
                shown.insert(p.router, merged.size());
                merged.append(p);
            }
        }
        setResults(m_kind, merged);
        return;
    }
    // One range-wide insert for the whole batch, one text index, at most one sort.
    qsizetype added = 0;
    for (const RouterResult &p : parts)
        added += p.ok() ? p.records.size() : 1;
    const qsizetype firstPart = m_parts.size();
    if (added == 0) {
        m_parts.append(parts); // empty answers add no row
        appendRowsFrom(firstPart);
        startTextIndex();
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(added) - 1);
    m_parts.append(parts);
    appendRowsFrom(firstPart);
    startTextIndex();
    endInsertRows();
    if (m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder); // places the new rows
}

void RecordTableModel::clear()
{
    beginResetModel();
    m_parts.clear();
    rebuildRows();
    startTextIndex();
    endResetModel();
}

void RecordTableModel::setOrigin(Origin origin)
{
    if (origin == m_origin)
        return;
    m_origin = origin;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, sourceColumn()), index(rowCount() - 1, ageColumn()));
}

void RecordTableModel::setReferenceTime(const QDateTime &now)
{
    m_now = now;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, ageColumn()), index(rowCount() - 1, ageColumn()));
}

void RecordTableModel::refreshAges()
{
    setReferenceTime(QDateTime::currentDateTimeUtc());
}

qsizetype RecordTableModel::recordCount() const
{
    qsizetype n = 0;
    for (const RouterResult &p : m_parts)
        n += p.ok() ? p.records.size() : 0;
    return n;
}

qsizetype RecordTableModel::partOfSlot(quint32 slot) const
{
    // Parts are few (one per router), rows many: a binary search per lookup beats a part
    // index stored per row. Empty parts share their base with the next one; upper_bound
    // finds the last part starting at or before the slot, which is the one holding it.
    if (m_partBase.size() == 1)
        return 0;
    return qsizetype(std::upper_bound(m_partBase.begin(), m_partBase.end(), slot) - m_partBase.begin()) - 1;
}

RecordTableModel::RowRef RecordTableModel::refOf(int row) const
{
    const quint32 slot = m_rows[size_t(row)];
    const qsizetype part = partOfSlot(slot);
    if (!m_parts[part].ok())
        return {part, -1};
    return {part, qint32(slot - m_partBase[size_t(part)])};
}

void RecordTableModel::rebuildRows()
{
    m_partBase.clear();
    m_rows.clear();
    qsizetype total = 0;
    for (const RouterResult &p : m_parts)
        total += p.ok() ? p.records.size() : 1;
    // Exactly: a full table is a million rows, growth slack would be a third more.
    m_rows.shrink_to_fit();
    m_rows.reserve(size_t(total));
    m_partBase.shrink_to_fit();
    m_partBase.reserve(size_t(m_parts.size()));
    appendRowsFrom(0);
}

void RecordTableModel::appendRowsFrom(qsizetype firstPart)
{
    // Rows already shown keep their (possibly sorted) order; the new parts' rows go at the end.
    quint32 next = firstPart == 0 ? 0 : quint32(m_partBase.back());
    if (firstPart > 0) {
        const RouterResult &last = m_parts[firstPart - 1];
        next += last.ok() ? quint32(last.records.size()) : 1;
    }
    qsizetype added = 0;
    for (qsizetype i = firstPart; i < m_parts.size(); ++i)
        added += m_parts[i].ok() ? m_parts[i].records.size() : 1;
    // setResults reserved exactly; parts streaming in grow the rows geometrically.
    if (m_rows.capacity() < m_rows.size() + size_t(added))
        m_rows.reserve(std::max(m_rows.size() + size_t(added), m_rows.capacity() + m_rows.capacity() / 2));
    for (qsizetype i = firstPart; i < m_parts.size(); ++i) {
        m_partBase.push_back(next);
        const RouterResult &p = m_parts[i];
        const quint32 n = p.ok() ? quint32(p.records.size()) : 1;
        for (quint32 r = 0; r < n; ++r)
            m_rows.push_back(next + r);
        next += n;
    }
}

void RecordTableModel::startTextIndex()
{
    // The rows changed: an index still being built for the old ones is of no use any more.
    cancelTextIndex();
    m_text.reset();
    m_textCancel = std::make_shared<std::atomic_bool>(false);
    // A copy of the parts: the implicitly shared lists make it cheap and thread-safe.
    m_textWatcher.setFuture(QtConcurrent::run([parts = m_parts, cols = m_columns, cancel = m_textCancel] {
        return TextIndexBuilder(parts, cols, *cancel).build();
    }));
}

void RecordTableModel::cancelTextIndex()
{
    if (m_textCancel)
        m_textCancel->store(true, std::memory_order_relaxed);
}

void RecordTableModel::adoptTextIndex()
{
    // Only the build of the current rows is watched (setFuture lets go of the one before); a
    // cancelled build has no index to give.
    if (m_text || m_textWatcher.isCanceled() || m_textWatcher.future().resultCount() == 0)
        return;
    std::shared_ptr<TextIndex> built = m_textWatcher.result();
    if (!built)
        return;
    m_text = std::move(built);
    releaseFreedMemory(qsizetype(m_rows.size()));
    Q_EMIT textIndexReady();
}

bool RecordTableModel::isTextIndexReady() const
{
    return m_text != nullptr;
}

QFuture<std::shared_ptr<RecordTableModel::TextIndex>> RecordTableModel::textIndexBuild() const
{
    return m_textWatcher.future();
}

void RecordTableModel::ensureTextIndex() const
{
    if (!m_text) {
        m_text = m_textWatcher.future().result();
        releaseFreedMemory(qsizetype(m_rows.size()));
    }
}

bool RecordTableModel::isColumnInterned(int column) const
{
    ensureTextIndex();
    return column >= firstRecordColumn() && column <= recordColumnCount()
        && m_text->internedAt[size_t(column - 1)] >= 0;
}

std::string RecordTableModel::rowText(int row) const
{
    std::string out(fieldText(row, routerColumn()));
    for (int c = firstRecordColumn(); c <= recordColumnCount(); ++c) {
        out += '\x1f';
        out += fieldText(row, c);
        if (isErrorRow(row))
            break; // the sentence is the row
    }
    return out;
}

std::vector<bool> RecordTableModel::slotsContaining(std::string_view needle) const
{
    ensureTextIndex();
    const TextIndex &ix = *m_text;
    const size_t slotCount = ix.offsets.empty() ? 0 : ix.offsets.size() - 1;
    std::vector<bool> hit(slotCount, false);
    // The separators are no typed text; a needle holding one would match across fields.
    if (needle.empty() || needle.find_first_of("\n\x1f") != std::string_view::npos)
        return hit;
    markContaining(ix.text, ix.offsets, needle, hit);
    for (const TextIndex::Interned &col : ix.interned) {
        std::vector<bool> valueHit(col.valueOffsets.size() - 1, false);
        markContaining(col.values, col.valueOffsets, needle, valueHit);
        if (std::find(valueHit.begin(), valueHit.end(), true) == valueHit.end())
            continue;
        for (size_t s = 0; s < slotCount; ++s) {
            if (valueHit[col.ids[s]])
                hit[s] = true;
        }
    }
    for (size_t p = 0; p + 1 < ix.partBase.size(); ++p) {
        const auto has = [&](const QByteArray &t) { return std::string_view(t.constData(), size_t(t.size())).find(needle) != std::string_view::npos; };
        if (has(ix.partRouter[p]) || has(ix.partError[p]))
            std::fill(hit.begin() + ix.partBase[p], hit.begin() + ix.partBase[p + 1], true);
    }
    return hit;
}

std::string_view RecordTableModel::fieldText(int row, int column) const
{
    ensureTextIndex();
    const TextIndex &ix = *m_text;
    const size_t slot = m_rows[size_t(row)];
    const qsizetype part = ix.partOf(qsizetype(slot));
    const auto view = [](const QByteArray &t) { return std::string_view(t.constData(), size_t(t.size())); };
    if (column == routerColumn())
        return view(ix.partRouter[size_t(part)]);
    if (column < firstRecordColumn() || column > recordColumnCount())
        return {}; // Source and Age are not searched
    if (!ix.partError[size_t(part)].isEmpty())
        return column == firstRecordColumn() ? view(ix.partError[size_t(part)]) : std::string_view();
    const int rc = column - 1;
    if (const int i = ix.internedAt[size_t(rc)]; i >= 0)
        return ix.interned[size_t(i)].value(ix.interned[size_t(i)].ids[slot]);
    std::string_view text(ix.text.constData() + ix.offsets[slot], ix.offsets[slot + 1] - ix.offsets[slot] - 1);
    for (int f = ix.inlineField[size_t(rc)]; f > 0; --f) {
        const size_t sep = text.find('\x1f');
        if (sep == std::string_view::npos)
            return {};
        text.remove_prefix(sep + 1);
    }
    const size_t sep = text.find('\x1f');
    return sep == std::string_view::npos ? text : text.substr(0, sep);
}

RecordTableModel::MemoryUse RecordTableModel::memoryUse() const
{
    ensureTextIndex();
    const TextIndex &ix = *m_text;
    MemoryUse m;
    m.rows = qsizetype(m_rows.capacity() * sizeof(quint32));
    m.parts = qsizetype(m_partBase.capacity() * sizeof(quint32) + ix.partBase.capacity() * sizeof(quint32));
    for (size_t p = 0; p < ix.partRouter.size(); ++p)
        m.parts += ix.partRouter[p].capacity() + ix.partError[p].capacity() + 2 * qsizetype(sizeof(QByteArray));
    m.inlineText = ix.text.capacity();
    m.offsets = qsizetype(ix.offsets.capacity() * sizeof(quint32));
    for (const TextIndex::Interned &col : ix.interned) {
        m.internedIds += qsizetype(col.ids.capacity() * sizeof(quint32));
        m.internedTables += col.values.capacity() + qsizetype(col.valueOffsets.capacity() * sizeof(quint32));
    }
    m.internedColumns = int(ix.interned.size());
    return m;
}

ColumnType RecordTableModel::columnType(int column) const
{
    if (column >= firstRecordColumn() && column <= recordColumnCount())
        return m_columns[size_t(column - 1)].type;
    if (column == ageColumn())
        return ColumnType::Duration;
    return ColumnType::Text;
}

QString RecordTableModel::columnKey(int column) const
{
    if (column == routerColumn())
        return QStringLiteral("router");
    if (column == sourceColumn())
        return QStringLiteral("source");
    if (column == ageColumn())
        return QStringLiteral("ageSeconds");
    if (column >= 1 && column <= recordColumnCount())
        return QLatin1String(m_columns[size_t(column - 1)].key);
    return {};
}

bool RecordTableModel::isErrorRow(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() && !m_parts[partOfSlot(m_rows[size_t(row)])].ok();
}

QString RecordTableModel::displayText(int row, int column) const
{
    const RowRef ref = refOf(row);
    const RouterResult &part = m_parts[ref.part];
    if (column == routerColumn())
        return part.router;
    if (column == sourceColumn()) {
        if (ref.record < 0)
            return tr("error");
        if (m_origin == Origin::Pasted)
            return tr("pasted");
        switch (part.source) {
        case AnswerSource::Store: return tr("stored");
        case AnswerSource::Pasted: return tr("pasted");
        case AnswerSource::File: return tr("file");
        case AnswerSource::Live: break;
        }
        return tr("live");
    }
    if (column == ageColumn()) {
        if (!part.fetchedAt.isValid() || m_origin == Origin::Pasted)
            return {};
        return cellText(QVariant(qMax<qint64>(0, part.fetchedAt.secsTo(m_now))), ColumnType::Duration);
    }
    if (ref.record < 0)
        return column == firstRecordColumn() ? errorSentence(part.error) : QString();
    return cellText(part.records.value(ref.record, column - 1), m_columns[size_t(column - 1)].type);
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : recordColumnCount() + 3;
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const RowRef ref = refOf(row);
    const RouterResult &part = m_parts[ref.part];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, column);
    case Qt::ToolTipRole:
        if (ref.record < 0)
            return part.error.detail.isEmpty() ? errorSentence(part.error)
                                               : errorSentence(part.error) + QLatin1Char('\n')
                                                     + DisplayText::escapeControls(part.error.detail);
        if (column == sourceColumn() && !part.commands.isEmpty())
            return tr("Commands sent:\n%1").arg(part.commands.join(QLatin1Char('\n')));
        if (column == ageColumn() && part.fetchedAt.isValid())
            return tr("Fetched at %1 UTC").arg(part.fetchedAt.toString(Qt::ISODate));
        return {};
    case Qt::TextAlignmentRole:
        if (ref.record >= 0 && isNumeric(columnType(column)))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ToneRole:
    case Qt::ForegroundRole: {
        StateColors::Tone tone = StateColors::Tone::None;
        if (ref.record < 0) {
            tone = column == routerColumn() || column == firstRecordColumn() ? StateColors::Tone::Bad : tone;
        } else if (column >= 1 && column <= recordColumnCount()
                   && m_columns[size_t(column - 1)].type == ColumnType::State) {
            const QString state = part.records.value(ref.record, column - 1).toString();
            tone = StateColors::toneFor(QString::fromLatin1(m_columns[size_t(column - 1)].key), state);
        } else if (column == sourceColumn() && part.source != AnswerSource::Live) {
            tone = StateColors::Tone::Muted;
        }
        if (role == ToneRole)
            return int(tone);
        const QColor c = StateColors::foreground(tone);
        return c.isValid() ? QVariant(c) : QVariant();
    }
    case RawValueRole:
        if (column == routerColumn())
            return part.router;
        if (column == sourceColumn())
            return ref.record < 0              ? QStringLiteral("error")
                 : m_origin == Origin::Pasted ? QStringLiteral("pasted")
                 : part.fromCache()           ? QStringLiteral("stored")
                                              : answerSourceName(part.source);
        if (column == ageColumn())
            return part.fetchedAt.isValid() && m_origin != Origin::Pasted ? QVariant(qMax<qint64>(0, part.fetchedAt.secsTo(m_now))) : QVariant();
        if (ref.record < 0)
            return column == firstRecordColumn() ? QVariant(errorSentence(part.error)) : QVariant();
        return part.records.value(ref.record, column - 1);
    case ErrorRowRole:
        return ref.record < 0;
    case RouterRole:
        return part.router;
    default:
        return {};
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole:
        if (section == routerColumn())
            return tr("Router");
        if (section == sourceColumn())
            return tr("Source");
        if (section == ageColumn())
            return tr("Answer age");
        // Record column titles come from the engine's column description.
        return QCoreApplication::translate("rl::Records", m_columns[size_t(section - 1)].title);
    case ColumnKeyRole:
        return columnKey(section);
    case ColumnTypeRole:
        return int(columnType(section));
    case Qt::ToolTipRole:
        if (section >= 1 && section <= recordColumnCount() && m_columns[size_t(section - 1)].isKey)
            return tr("Identifies a row when comparing answers");
        return {};
    default:
        return {};
    }
}

void RecordTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < -1 || column >= columnCount())
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    std::vector<qsizetype> persistentSlots;
    persistentSlots.reserve(size_t(persistent.size()));
    for (const QModelIndex &idx : persistent)
        persistentSlots.push_back(slotOfRow(idx.row()));
    if (column < 0)
        rebuildRows(); // back to arrival order
    else
        applySort();
    releaseFreedMemory(qsizetype(m_rows.size()));
    if (!persistent.isEmpty()) {
        std::vector<int> rowOfSlot(m_rows.size());
        for (size_t r = 0; r < m_rows.size(); ++r)
            rowOfSlot[size_t(m_rows[r])] = int(r);
        QModelIndexList to;
        to.reserve(persistent.size());
        for (qsizetype i = 0; i < persistent.size(); ++i)
            to.append(index(rowOfSlot[size_t(persistentSlots[size_t(i)])], persistent[i].column()));
        changePersistentIndexList(persistent, to);
    }
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

namespace {

// An address or prefix as a flat sort key: class, family, the 16 address bytes as two
// big-endian words, the length; the row as the tie-break keeps arrival order among equals.
struct IpSortKey {
    quint64 hi = 0;
    quint64 lo = 0;
    quint32 meta = 0; // class << 16 | family << 8 | length
    quint32 row = 0;
};

IpSortKey ipSortKey(const IpPrefix &p, quint32 row)
{
    IpSortKey k;
    k.row = row;
    if (p.address().isNull())
        return k; // class 0: below every address
    const auto &b = p.address().bytes();
    for (int i = 0; i < 8; ++i) {
        k.hi = (k.hi << 8) | b[size_t(i)];
        k.lo = (k.lo << 8) | b[size_t(i + 8)];
    }
    // IPv4 before IPv6, as people read tables.
    k.meta = (2u << 16) | (quint32(p.address().isV4() ? 1 : 2) << 8) | p.length();
    return k;
}

inline int compareIpKeys(const IpSortKey &a, const IpSortKey &b)
{
    if (a.meta >> 8 != b.meta >> 8)
        return a.meta >> 8 < b.meta >> 8 ? -1 : 1;
    if (a.hi != b.hi)
        return a.hi < b.hi ? -1 : 1;
    if (a.lo != b.lo)
        return a.lo < b.lo ? -1 : 1;
    if ((a.meta & 0xff) != (b.meta & 0xff))
        return (a.meta & 0xff) < (b.meta & 0xff) ? -1 : 1;
    return 0;
}

} // namespace

bool RecordTableModel::applyRouteIpSort()
{
    // Routes by prefix or next hop: typed keys straight from the records, no text, no
    // indirection while sorting.
    const int rc = m_sortColumn - 1;
    if (rc < 0 || rc > 1)
        return false;
    const size_t n = m_rows.size();
    std::vector<IpSortKey> keys(n);
    for (size_t r = 0; r < n; ++r) {
        const RowRef ref = refOf(int(r));
        if (ref.record < 0) {
            keys[r].row = quint32(r); // error rows: class 0
            continue;
        }
        const auto *routes = std::get_if<QList<RouteRecord>>(&m_parts[ref.part].records.lists());
        if (!routes)
            return false;
        const RouteRecord &route = routes->at(ref.record);
        keys[r] = rc == 0 ? ipSortKey(route.prefix, quint32(r))
                          : ipSortKey(IpPrefix(route.nextHop, quint8(route.nextHop.bitLength())), quint32(r));
        if (!route.nextHop.isNull() || rc == 0)
            continue;
        keys[r].meta = 0; // no next hop: class 0
    }
    const bool desc = m_sortOrder == Qt::DescendingOrder;
    std::sort(keys.begin(), keys.end(), [desc](const IpSortKey &a, const IpSortKey &b) {
        const int c = compareIpKeys(a, b);
        if (c != 0)
            return desc ? c > 0 : c < 0;
        return a.row < b.row;
    });
    std::vector<quint32> sorted(n);
    for (size_t r = 0; r < n; ++r)
        sorted[r] = m_rows[keys[r].row];
    m_rows.swap(sorted);
    return true;
}

namespace {

// Text columns sort by rank among their distinct values: strings are compared once per
// distinct value, not once per comparison.
void rankTexts(std::vector<SortKey> &keys, const std::vector<QString> &texts)
{
    QHash<QString, qint64> rank;
    for (const QString &t : texts)
        rank.insert(t, 0);
    QStringList distinct = rank.keys();
    std::sort(distinct.begin(), distinct.end(), [](const QString &a, const QString &b) {
        const int c = QString::compare(a, b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
    for (qsizetype i = 0; i < distinct.size(); ++i)
        rank[distinct[i]] = i;
    for (size_t r = 0; r < keys.size(); ++r)
        keys[r].i = rank.value(texts[r]);
}

// The key of one record's column `rc`; text to be ranked goes to `text` (textual types only).
void recordSortKey(const RecordSet &set, qint32 record, int rc, ColumnType type, SortKey &k, QString *text)
{
    // Routes: the typed prefix and next hop, no text round trip.
    if (const auto *routes = std::get_if<QList<RouteRecord>>(&set.lists()); routes && rc <= 1) {
        const RouteRecord &route = routes->at(record);
        if (rc == 0) {
            k.cls = route.prefix.isNull() ? 0 : 1;
            k.ip = route.prefix;
        } else {
            k.cls = route.nextHop.isNull() ? 0 : 1;
            k.ip = IpPrefix(route.nextHop, quint8(route.nextHop.bitLength()));
        }
        return;
    }
    const QVariant v = set.value(record, rc);
    if (!v.isValid())
        return;
    k.cls = 1;
    switch (type) {
    case ColumnType::Integer:
    case ColumnType::Counter:
    case ColumnType::Duration:
    case ColumnType::BitRate:
    case ColumnType::Bool:
        k.i = v.toLongLong();
        break;
    case ColumnType::Real:
        k.d = v.toDouble();
        break;
    case ColumnType::Address:
    case ColumnType::Prefix: {
        const QString s = v.toString();
        if (auto p = IpPrefix::parse(QStringView(s)))
            k.ip = *p;
        else
            *text = s; // unnumbered peers and the like: after addresses, by name
        break;
    }
    default:
        *text = v.toString();
        break;
    }
}

// The order of the rows by their keys (stable: equal keys keep their order).
std::vector<quint32> sortedOrder(std::vector<SortKey> keys, ColumnType type, bool desc)
{
    const size_t n = keys.size();
    std::vector<quint32> perm(n);
    std::iota(perm.begin(), perm.end(), 0u);
    if (type == ColumnType::Address || type == ColumnType::Prefix) {
        std::stable_sort(perm.begin(), perm.end(), [&](quint32 a, quint32 b) {
            const int c = compareKeys(keys[a], keys[b]);
            return desc ? c > 0 : c < 0;
        });
        return perm;
    }
    // Integers, ranks and reals: a flat (key, row) array sorts far faster than indirection.
    struct Flat {
        qint64 i;
        double d;
        quint32 row;
    };
    std::vector<Flat> flat(n);
    for (size_t r = 0; r < n; ++r) {
        const SortKey &k = keys[r];
        flat[r] = {k.cls ? k.i : std::numeric_limits<qint64>::min(),
                   k.cls ? k.d : -std::numeric_limits<double>::infinity(), quint32(r)};
    }
    keys.clear();
    keys.shrink_to_fit();
    if (type == ColumnType::Real) {
        std::stable_sort(flat.begin(), flat.end(), [desc](const Flat &a, const Flat &b) { return desc ? a.d > b.d : a.d < b.d; });
    } else {
        std::stable_sort(flat.begin(), flat.end(), [desc](const Flat &a, const Flat &b) { return desc ? a.i > b.i : a.i < b.i; });
    }
    for (size_t r = 0; r < n; ++r)
        perm[r] = flat[r].row;
    return perm;
}

} // namespace

void RecordTableModel::applySort()
{
    if (applyRouteIpSort())
        return;
    const int column = m_sortColumn;
    const size_t n = m_rows.size();
    std::vector<SortKey> keys(n);
    const ColumnType type = columnType(column);
    if (column == routerColumn() || column == sourceColumn()) {
        std::vector<QString> texts(n);
        for (size_t r = 0; r < n; ++r) {
            texts[r] = displayText(int(r), column);
            keys[r].cls = 1;
        }
        rankTexts(keys, texts);
    } else if (column == ageColumn()) {
        for (size_t r = 0; r < n; ++r) {
            const RouterResult &p = m_parts[partOfSlot(m_rows[r])];
            keys[r].cls = p.fetchedAt.isValid() ? 1 : 0;
            keys[r].i = p.fetchedAt.isValid() ? p.fetchedAt.secsTo(m_now) : 0;
        }
    } else {
        const bool textual = type == ColumnType::Text || type == ColumnType::State || type == ColumnType::Address
            || type == ColumnType::Prefix;
        std::vector<QString> texts(textual ? n : 0);
        for (size_t r = 0; r < n; ++r) {
            const RowRef ref = refOf(int(r));
            if (ref.record >= 0) // error rows: class 0
                recordSortKey(m_parts[ref.part].records, ref.record, column - 1, type, keys[r], textual ? &texts[r] : nullptr);
        }
        if (textual)
            rankTexts(keys, texts);
    }
    const std::vector<quint32> perm = sortedOrder(std::move(keys), type, m_sortOrder == Qt::DescendingOrder);
    std::vector<quint32> sorted(n);
    for (size_t r = 0; r < n; ++r)
        sorted[r] = m_rows[perm[r]];
    m_rows.swap(sorted);
}

} // namespace rl
