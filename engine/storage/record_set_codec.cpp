#include "engine/storage/record_set_codec.h"

#include <QDataStream>
#include <QIODevice>
#include <QtEndian>

#include <zlib.h>

#include <cstring>

namespace rl {
namespace {

constexpr quint32 kMagic = 0x524c5253; // "RLRS"
// 2: interface speed in bit/s (was Mb/s); answers stored by version 1 are not read back.
// 3: the header carries a checksum of the stored columns' names and kinds, so an answer stored
//    before columns were renamed or reordered is refused instead of read into the wrong fields.
constexpr quint8 kFormatVersion = 3;
constexpr quint8 kPositionalVersion = 2;

// The columns of each record type (in RecordType order) when version 2 was last written.
// Version 2 stored cells by position only: its answers are read while today's columns start
// with these, in this order (columns added at the end since are unknown in them).
constexpr const char *kVersion2Columns[] = {
    "hostname vendor platform osVersion model serial uptimeSeconds",
    "name adminState operState speedBps mtu mac description lastChangeSeconds inPackets outPackets inErrors outErrors "
    "crcErrors inDiscards outDiscards",
    "vrf neighbor addressFamily localAs remoteAs remoteRouterId state stateDetail adminEnabled uptimeSeconds "
    "prefixesReceived prefixesAccepted prefixesSent description lastError localAddress",
    "vrf ip mac interface ageSeconds state",
    "interface parentInterface vlanId innerVlanId encapsulation operState inPackets outPackets unknownTagDrops "
    "mismatchedTagDrops otherDrops expectedVlan tagCheck",
    "prefix nextHop asPath origin localPref med communities best valid protocol interface",
    "localInterface remoteSystemName remoteChassisId remotePortId remotePortDescription remoteMgmtAddress capabilities",
    "interface lane rxPowerDbm txPowerDbm temperatureC biasMa rxLowWarnDbm rxHighWarnDbm txLowWarnDbm txHighWarnDbm",
};
constexpr quint32 kNullString = 0xffffffff; // QDataStream's length of a null QString

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

// A checksum of the first `count` columns' names and storage slots.
quint32 layoutOf(std::span<const ColumnInfo> columns, quint32 count)
{
    QByteArray text;
    for (quint32 i = 0; i < count && i < columns.size(); ++i)
        text.append(columns[i].key).append('\x1f').append(char('0' + int(slotOf(columns[i].type)))).append('\x1e');
    return quint32(crc32(0, reinterpret_cast<const Bytef *>(text.constData()), uInt(text.size())));
}

// Whether an answer of `count` positional (version 2) columns means today's first `count`.
bool version2Fits(QueryKind kind, std::span<const ColumnInfo> columns, quint32 count)
{
    const QList<QByteArray> then = QByteArray(kVersion2Columns[size_t(queryKindInfo(kind).records)]).split(' ');
    if (count > quint32(then.size()) || count > columns.size())
        return false;
    for (quint32 i = 0; i < count; ++i) {
        if (then[qsizetype(i)] != columns[i].key)
            return false;
    }
    return true;
}

Error damaged(const QString &why)
{
    return Error(ErrorCode::StoreError, QStringLiteral("The stored answer is damaged: %1.").arg(why));
}

// What one stored answer may cost to decode, by its stored size.
qint64 budgetFor(qint64 storedBytes)
{
    return RecordSetCodec::MaxDecodedBytes + RecordSetCodec::DecodeFactor * storedBytes;
}

// qCompress's framing (a 4-byte big-endian size, then a zlib stream), inflated into exactly
// the declared size and not a byte more.
Result<QByteArray> inflateChecked(const QByteArray &data)
{
    if (data.size() < 4)
        return damaged(QStringLiteral("it is too short (%1 bytes)").arg(data.size()));
    const qint64 declared = qFromBigEndian<quint32>(data.constData());
    const qint64 budget = budgetFor(data.size());
    if (declared > budget)
        return damaged(QStringLiteral("it says it would decompress to %1 bytes, more than the %2 allowed for an answer "
                                      "stored in %3 bytes")
                           .arg(declared)
                           .arg(budget)
                           .arg(data.size()));
    // One byte more than declared: room to notice data that goes on.
    QByteArray out(declared + 1, Qt::Uninitialized);
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    if (inflateInit(&zs) != Z_OK)
        return damaged(QStringLiteral("its data cannot be decompressed"));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData() + 4));
    zs.avail_in = uInt(data.size() - 4);
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = inflate(&zs, Z_FINISH);
    const qint64 produced = qint64(zs.total_out);
    const uInt leftover = zs.avail_in;
    inflateEnd(&zs);
    if (produced > declared)
        return damaged(QStringLiteral("it decompresses to more than the %1 bytes it declares").arg(declared));
    if (rc == Z_STREAM_END && produced < declared)
        return damaged(QStringLiteral("its data ends after %1 of the %2 bytes it declares").arg(produced).arg(declared));
    if (rc == Z_BUF_ERROR || (rc == Z_OK && produced < declared))
        return damaged(QStringLiteral("its compressed data ends after %1 of the %2 bytes it declares")
                           .arg(produced)
                           .arg(declared));
    if (rc != Z_STREAM_END)
        return damaged(QStringLiteral("its data is not compressed as RouterLens stores it (zlib: %1)")
                           .arg(QString::fromLatin1(zError(rc))));
    if (leftover > 0)
        return damaged(QStringLiteral("%1 bytes follow its compressed data").arg(leftover));
    out.truncate(declared);
    return out;
}

// Reads QDataStream's big-endian encoding from memory, every length checked against what
// is left before anything is allocated.
class CheckedReader
{
public:
    explicit CheckedReader(const QByteArray &raw) : m_p(raw.constData()), m_end(raw.constData() + raw.size()) {}

    qint64 remaining() const { return m_end - m_p; }

    template<typename T>
    bool read(T *out)
    {
        if (remaining() < qint64(sizeof(T)))
            return false;
        *out = qFromBigEndian<T>(m_p);
        m_p += sizeof(T);
        return true;
    }

    bool readDouble(double *out)
    {
        quint64 bits = 0;
        if (!read(&bits))
            return false;
        std::memcpy(out, &bits, sizeof bits);
        return true;
    }

    // Empty error when read; else why not.
    QString readString(QString *out)
    {
        quint32 bytes = 0;
        if (!read(&bytes))
            return QStringLiteral("it ends inside a text's length");
        if (bytes == kNullString) {
            *out = QString();
            return {};
        }
        if (bytes % 2 != 0)
            return QStringLiteral("it has a text of an odd number of bytes (%1)").arg(bytes);
        if (qint64(bytes) > remaining())
            return QStringLiteral("it has a text of %1 bytes but only %2 bytes follow").arg(bytes).arg(remaining());
        QString s(qsizetype(bytes / 2), Qt::Uninitialized);
        qFromBigEndian<char16_t>(m_p, bytes / 2, s.data());
        m_p += bytes;
        *out = std::move(s);
        return {};
    }

private:
    const char *m_p;
    const char *m_end;
};

} // namespace

QByteArray RecordSetCodec::encode(const RecordSet &records, int compressionLevel)
{
    QByteArray raw;
    {
        QDataStream out(&raw, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        const auto columns = records.columns();
        out << kMagic << kFormatVersion << quint8(records.kind()) << quint32(columns.size())
            << layoutOf(columns, quint32(columns.size())) << qint64(records.size());
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

// Long on purpose: the stored format's checks in file order, each refusing before a cell is read.
Result<RecordSet> RecordSetCodec::decode(QueryKind kind, const QByteArray &data)
{
    const auto inflated = inflateChecked(data);
    if (!inflated)
        return inflated.error();
    const QByteArray &raw = *inflated;
    CheckedReader in(raw);
    quint32 magic = 0, columnCount = 0, layout = 0;
    quint8 version = 0, storedKind = 0;
    qint64 rowCount = 0;
    if (!in.read(&magic) || !in.read(&version) || !in.read(&storedKind) || !in.read(&columnCount))
        return damaged(QStringLiteral("it ends inside its header"));
    if (magic != kMagic)
        return damaged(QStringLiteral("it is not a stored answer of RouterLens"));
    if (version != kFormatVersion && version != kPositionalVersion)
        return damaged(QStringLiteral("it is in format version %1; this RouterLens reads versions %2 and %3, so the "
                                      "router is asked again")
                           .arg(version)
                           .arg(kPositionalVersion)
                           .arg(kFormatVersion));
    if ((version == kFormatVersion && !in.read(&layout)) || !in.read(&rowCount))
        return damaged(QStringLiteral("it ends inside its header"));
    if (storedKind != quint8(kind))
        return damaged(QStringLiteral("it holds records of another query kind than %1").arg(queryKindName(kind)));
    const auto columns = RecordSet::columnsFor(kind);
    // A record type gains columns only at its end: an answer stored before that has fewer,
    // and the columns it lacks stay unknown.
    if (columnCount == 0 || columnCount > columns.size())
        return damaged(QStringLiteral("it has %1 columns where %2 has %3")
                           .arg(columnCount)
                           .arg(queryKindName(kind))
                           .arg(columns.size()));
    // Never read cells into other fields than the ones they were stored from.
    const bool sameColumns = version == kFormatVersion ? layout == layoutOf(columns, columnCount)
                                                       : version2Fits(kind, columns, columnCount);
    if (!sameColumns)
        return damaged(QStringLiteral("it was stored with other columns for %1 than this RouterLens has (renamed or "
                                      "reordered since), so the router is asked again")
                           .arg(queryKindName(kind)));
    // Every cell takes at least its presence byte.
    if (rowCount < 0 || rowCount > in.remaining() / qint64(qMax<quint32>(columnCount, 1)))
        return damaged(QStringLiteral("it declares %1 rows of %2 cells but only %3 bytes follow")
                           .arg(rowCount)
                           .arg(columnCount)
                           .arg(in.remaining()));

    std::optional<RecordSet> result;
    QString problem;
    const RecordSet prototype(kind); // only for its list type
    std::visit(
        [&](const auto &list) {
            using R = typename std::decay_t<decltype(list)>::value_type;
            // A row of unknown cells is a byte a cell stored but a whole record in memory.
            const qint64 memory = raw.size() + rowCount * qint64(sizeof(R));
            const qint64 budget = budgetFor(data.size());
            if (memory > budget) {
                problem = QStringLiteral("its %1 rows would take %2 MiB of memory, more than the %3 MiB allowed for an "
                                         "answer stored in %4 bytes")
                              .arg(rowCount)
                              .arg(memory >> 20)
                              .arg(budget >> 20)
                              .arg(data.size());
                return;
            }
            QList<R> rows;
            rows.reserve(rowCount);
            for (qint64 row = 0; row < rowCount; ++row) {
                R r;
                for (int col = 0; col < int(columnCount); ++col) {
                    quint8 present = 0;
                    if (!in.read(&present)) {
                        problem = QStringLiteral("it ends inside row %1 of %2").arg(row + 1).arg(rowCount);
                        return;
                    }
                    if (present > 1) {
                        problem = QStringLiteral("row %1, column %2 has presence byte %3 (0 or 1 expected)")
                                      .arg(row + 1)
                                      .arg(col + 1)
                                      .arg(present);
                        return;
                    }
                    if (!present) {
                        r.setValue(col, QVariant());
                        continue;
                    }
                    QVariant v;
                    bool ok = true;
                    switch (slotOf(columns[col].type)) {
                    case Slot::Text: {
                        QString s;
                        if (const QString why = in.readString(&s); !why.isEmpty()) {
                            problem = QStringLiteral("row %1, column %2: %3").arg(row + 1).arg(col + 1).arg(why);
                            return;
                        }
                        v = s;
                        break;
                    }
                    case Slot::Integer: {
                        qint64 n = 0;
                        ok = in.read(&n);
                        v = n;
                        break;
                    }
                    case Slot::Real: {
                        double d = 0;
                        ok = in.readDouble(&d);
                        v = d;
                        break;
                    }
                    case Slot::Bool: {
                        quint8 b = 0;
                        ok = in.read(&b) && b <= 1;
                        v = b != 0;
                        break;
                    }
                    }
                    if (!ok) {
                        problem = QStringLiteral("it ends inside row %1 of %2, or a true/false cell holds another "
                                                 "value")
                                      .arg(row + 1)
                                      .arg(rowCount);
                        return;
                    }
                    r.setValue(col, v);
                }
                rows.append(std::move(r));
            }
            if (in.remaining() != 0) {
                problem = QStringLiteral("%1 bytes follow after the last row").arg(in.remaining());
                return;
            }
            result = RecordSet(kind, std::move(rows));
        },
        prototype.lists());
    if (!result)
        return damaged(problem);
    return std::move(*result);
}

} // namespace rl
