#include "engine/storage/record_set_codec.h"

#include <QDataStream>
#include <QIODevice>

namespace rl {
namespace {

constexpr quint32 kMagic = 0x524c5253; // "RLRS"
// 2: interface speed in bit/s (was Mb/s); answers stored by version 1 are not read back.
constexpr quint8 kFormatVersion = 2;

enum class Slot : quint8 { Text, Integer, Real, Bool };

Slot slotOf(ColumnType t)
{
    switch (t) {
    case ColumnType::Integer:
    case ColumnType::Counter:
    case ColumnType::Duration:
    case ColumnType::BitRate:
        return Slot::Integer;
    case ColumnType::Real:
        return Slot::Real;
    case ColumnType::Bool:
        return Slot::Bool;
    case ColumnType::Text:
    case ColumnType::State:
    case ColumnType::Address:
    case ColumnType::Prefix:
        break;
    }
    return Slot::Text;
}

} // namespace

QByteArray RecordSetCodec::encode(const RecordSet &records, int compressionLevel)
{
    QByteArray raw;
    {
        QDataStream out(&raw, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        const auto columns = records.columns();
        out << kMagic << kFormatVersion << quint8(records.kind()) << quint32(columns.size())
            << qint64(records.size());
        for (qsizetype row = 0; row < records.size(); ++row) {
            for (int col = 0; col < int(columns.size()); ++col) {
                const QVariant v = records.value(row, col);
                if (!v.isValid()) {
                    out << quint8(0);
                    continue;
                }
                out << quint8(1);
                switch (slotOf(columns[col].type)) {
                case Slot::Text: out << v.toString(); break;
                case Slot::Integer: out << qint64(v.toLongLong()); break;
                case Slot::Real: out << v.toDouble(); break;
                case Slot::Bool: out << v.toBool(); break;
                }
            }
        }
    }
    return qCompress(raw, compressionLevel);
}

std::optional<RecordSet> RecordSetCodec::decode(QueryKind kind, const QByteArray &data)
{
    const QByteArray raw = qUncompress(data);
    if (raw.isEmpty())
        return std::nullopt;
    QDataStream in(raw);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, columnCount = 0;
    quint8 version = 0, storedKind = 0;
    qint64 rowCount = 0;
    in >> magic >> version >> storedKind >> columnCount >> rowCount;
    const auto columns = RecordSet::columnsFor(kind);
    // A record type gains columns only at its end: an answer stored before that has fewer,
    // and the columns it lacks stay unknown.
    if (in.status() != QDataStream::Ok || magic != kMagic || version != kFormatVersion
        || storedKind != quint8(kind) || columnCount == 0 || columnCount > columns.size() || rowCount < 0
        || rowCount > raw.size()) // every row takes at least a byte: a bound against damaged counts
        return std::nullopt;

    std::optional<RecordSet> result;
    bool ok = true;
    const RecordSet prototype(kind); // only for its list type
    std::visit(
        [&](const auto &list) {
            using R = typename std::decay_t<decltype(list)>::value_type;
            QList<R> rows;
            rows.reserve(rowCount);
            for (qint64 row = 0; row < rowCount && ok; ++row) {
                R r;
                for (int col = 0; col < int(columnCount); ++col) {
                    quint8 present = 0;
                    in >> present;
                    QVariant v;
                    if (present) {
                        switch (slotOf(columns[col].type)) {
                        case Slot::Text: { QString s; in >> s; v = s; break; }
                        case Slot::Integer: { qint64 n = 0; in >> n; v = n; break; }
                        case Slot::Real: { double d = 0; in >> d; v = d; break; }
                        case Slot::Bool: { bool b = false; in >> b; v = b; break; }
                        }
                    }
                    r.setValue(col, v);
                }
                if (in.status() != QDataStream::Ok)
                    ok = false;
                rows.append(std::move(r));
            }
            if (ok && in.status() == QDataStream::Ok)
                result = RecordSet(kind, std::move(rows));
        },
        prototype.lists());
    return result;
}

} // namespace rl
