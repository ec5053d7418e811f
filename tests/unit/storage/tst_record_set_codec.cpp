// Stored answers are read back with every count checked: crafted or damaged blobs are refused
// as damaged, with a reason, before they cost memory. The memory cases run in a child process
// (store_helper) whose address space is limited, so a decoder that trusts a count fails the
// test instead of taking the machine's memory.
#include "engine/storage/record_set_codec.h"

#include <QDataStream>
#include <QFile>
#include <QIODevice>
#include <QTest>
#include <QtEndian>

#include <QProcess>
#include <QTemporaryFile>

#include <cmath>

using namespace rl;

namespace {

constexpr quint32 kMagic = 0x524c5253;
constexpr quint8 kVersion = 2;

RecordSet routes(int n)
{
    QList<RouteRecord> list;
    list.reserve(n);
    for (int i = 0; i < n; ++i) {
        RouteRecord r;
        r.prefix = *IpPrefix::parse(QStringLiteral("10.%1.%2.0/24").arg((i >> 8) & 255).arg(i & 255));
        r.nextHop = *IpAddress::parse(QStringLiteral("198.51.100.%1").arg(i % 200 + 1));
        r.asPath = QStringLiteral("65010 65020 %1").arg(64512 + i % 1000);
        r.communities = QStringLiteral("65010:100");
        r.localPref = 100;
        r.med = i % 7;
        r.origin = RouteOrigin::Igp;
        r.best = i % 2 == 0;
        list.append(r);
    }
    return RecordSet(QueryKind::ReceivedRoutes, list);
}

// The uncompressed payload's header as the encoder writes it.
QByteArray header(QueryKind kind, quint32 columns, qint64 rows)
{
    QByteArray raw;
    QDataStream out(&raw, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kVersion << quint8(kind) << columns << rows;
    return raw;
}

quint32 columnsOf(QueryKind kind)
{
    return quint32(RecordSet::columnsFor(kind).size());
}

// qCompress's framing with a declared size of our choosing.
QByteArray withDeclaredSize(const QByteArray &compressed, quint32 declared)
{
    QByteArray b = compressed;
    qToBigEndian(declared, b.data());
    return b;
}

// Decodes `blob` in a child process (store_helper) limited to `headroomMiB` of address space
// beyond what it has mapped. 0: refused, 1: accepted, -1: crashed (an allocation the limit did
// not allow ends in std::bad_alloc).
int decodeInLimitedChild(QueryKind kind, const QByteArray &blob, int headroomMiB)
{
    QTemporaryFile file;
    if (!file.open() || file.write(blob) != blob.size() || !file.flush())
        return -2;
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(QStringLiteral(STORE_HELPER),
            {QStringLiteral("decode"), queryKindName(kind), file.fileName(), QString::number(headroomMiB)});
    if (!p.waitForFinished(120000))
        return -3;
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestRecordSetCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips();
    void version2StillRead();
    void refusedWithReason_data();
    void refusedWithReason();
    void craftedCountsCostNoMemory_data();
    void craftedCountsCostNoMemory();
    void everyTruncationRefused();
    void largeAnswerDecodes();
};

void TestRecordSetCodec::roundTrips()
{
    const RecordSet r = routes(300);
    const auto back = RecordSetCodec::decode(QueryKind::ReceivedRoutes, RecordSetCodec::encode(r));
    QVERIFY2(back.ok(), qPrintable(back.error().toString()));
    QCOMPARE(*back, r);

    QList<LldpNeighborRecord> lldp(3);
    lldp[0].localInterface = QStringLiteral("Gi0/1");
    lldp[0].remoteSystemName = QString::fromUtf8("k\xc3\xb6ln-\xe2\x82\xac-\xf0\x9f\x93\xa1"); // beyond Latin-1 and the BMP
    lldp[1].remotePortDescription = QString(); // unknown
    lldp[2].capabilities = QStringLiteral("");
    const RecordSet l(QueryKind::LldpNeighbors, lldp);
    const auto lBack = RecordSetCodec::decode(QueryKind::LldpNeighbors, RecordSetCodec::encode(l));
    QVERIFY2(lBack.ok(), qPrintable(lBack.error().toString()));
    QCOMPARE(*lBack, l);

    QList<OpticsRecord> optics(2);
    optics[0].interfaceName = QStringLiteral("et-0/0/1");
    optics[0].rxPowerDbm = -3.25;
    optics[1].lane = 2;
    const RecordSet o(QueryKind::Optics, optics);
    const auto oBack = RecordSetCodec::decode(QueryKind::Optics, RecordSetCodec::encode(o));
    QVERIFY(oBack.ok());
    QCOMPARE(*oBack, o);
    QVERIFY(std::isnan(oBack->rows<OpticsRecord>()[1].rxPowerDbm));

    const auto empty = RecordSetCodec::decode(QueryKind::ArpTable, RecordSetCodec::encode(RecordSet(QueryKind::ArpTable)));
    QVERIFY(empty.ok());
    QCOMPARE(empty->size(), 0);
}

// Answers stored by version 2 (cells by position, no column checksum) are read while today's
// columns start with the ones version 2 wrote.
void TestRecordSetCodec::version2StillRead()
{
    for (const RecordSet &r : {routes(40), RecordSet(QueryKind::ArpTable, QList<ArpRecord>(3))}) {
        QByteArray raw = qUncompress(RecordSetCodec::encode(r));
        QCOMPARE(int(raw[4]), 3);
        raw.remove(10, 4); // magic(4) version(1) kind(1) columns(4), then the checksum
        raw[4] = 2;
        const auto back = RecordSetCodec::decode(r.kind(), qCompress(raw));
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
        QCOMPARE(*back, r);
    }
}

void TestRecordSetCodec::refusedWithReason_data()
{
    QTest::addColumn<QueryKind>("kind");
    QTest::addColumn<QByteArray>("blob");
    QTest::addColumn<QString>("reason");

    const QByteArray good = RecordSetCodec::encode(routes(50));
    const QByteArray raw = qUncompress(good);
    const auto K = QueryKind::ReceivedRoutes;
    const quint32 cols = columnsOf(K);

    QTest::newRow("another kind") << QueryKind::BgpStatus << good << QStringLiteral("another query kind");
    QTest::newRow("empty") << K << QByteArray() << QStringLiteral("too short");
    QTest::newRow("not zlib") << K << QByteArray("\x00\x00\x01\x00garbage garbage", 19) << QStringLiteral("not compressed");
    QTest::newRow("declared 2 GiB from a few bytes")
        << K << withDeclaredSize(good, 0x7fffffff) << QStringLiteral("decompress to");
    QTest::newRow("declared smaller than the data")
        << K << withDeclaredSize(good, quint32(raw.size() / 2)) << QStringLiteral("more than the");
    QTest::newRow("declared larger than the data")
        << K << withDeclaredSize(good, quint32(raw.size() + 10)) << QStringLiteral("ends after");
    QTest::newRow("half the rows") << K << qCompress(raw.left(raw.size() / 2)) << QStringLiteral("row 26");
    QTest::newRow("trailing bytes") << K << qCompress(raw + QByteArray(5, '\0')) << QStringLiteral("after the last row");

    QByteArray v1 = raw;
    v1[4] = 1;
    QTest::newRow("format version 1") << K << qCompress(v1) << QStringLiteral("format version 1");
    QByteArray layout = raw;
    layout[10] = char(layout[10] ^ 0x5a); // the columns' checksum: stored before a column was renamed or moved
    QTest::newRow("other columns") << K << qCompress(layout) << QStringLiteral("stored with other columns");
    QByteArray magic = raw;
    magic[0] = 'X';
    QTest::newRow("not a record set") << K << qCompress(magic) << QStringLiteral("not a stored answer");

    // Counts that the bytes cannot hold.
    QTest::newRow("row count beyond the bytes")
        << K << qCompress(header(K, cols, 1000000) + QByteArray(cols * 10, '\0'))
        << QStringLiteral("declares 1000000 rows");
    QTest::newRow("negative row count") << K << qCompress(header(K, cols, -5)) << QStringLiteral("declares -5 rows");
    QTest::newRow("column count") << K << qCompress(header(K, cols + 3, 0)) << QStringLiteral("columns");
    QByteArray longText = header(K, cols, 1);
    longText += '\1'; // the first column (prefix, text) is present...
    longText += QByteArray::fromHex("7ffffff0"); // ...and says it is 2 GiB long
    longText += QByteArray(64, 'a');
    QTest::newRow("text longer than the bytes") << K << qCompress(longText) << QStringLiteral("text of 2147483632 bytes");
    QByteArray oddText = header(K, cols, 1);
    oddText += '\1';
    oddText += QByteArray::fromHex("00000003");
    oddText += QByteArray(64, 'a');
    QTest::newRow("odd text length") << K << qCompress(oddText) << QStringLiteral("odd");
    QByteArray presence = header(K, cols, 1) + QByteArray(1, '\7') + QByteArray(64, '\0');
    QTest::newRow("presence byte 7") << K << qCompress(presence) << QStringLiteral("presence");

    // Rows that are all unknown cost a byte per cell stored but a whole record in memory.
    const QByteArray bomb = header(K, cols, 4000000) + QByteArray(qsizetype(cols) * 4000000, '\0');
    QTest::newRow("4 million empty rows") << K << qCompress(bomb, 9) << QStringLiteral("memory");
}

void TestRecordSetCodec::refusedWithReason()
{
    QFETCH(QueryKind, kind);
    QFETCH(QByteArray, blob);
    QFETCH(QString, reason);
    const auto r = RecordSetCodec::decode(kind, blob);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::StoreError);
    QVERIFY2(r.error().message.contains(QStringLiteral("damaged")), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(reason), qPrintable(r.error().message));
}

void TestRecordSetCodec::craftedCountsCostNoMemory_data()
{
    QTest::addColumn<QByteArray>("blob");
    const auto K = QueryKind::ReceivedRoutes;
    const quint32 cols = columnsOf(K);
    // The case: ~100 KB stored, gigabytes when decoded.
    const QByteArray rows = header(K, cols, 9000000) + QByteArray(qsizetype(cols) * 9000000, '\0');
    QTest::newRow("9 million empty rows") << qCompress(rows, 9);
    // A row count the bytes pass the old bound with (one byte per row), but not one per cell.
    const qint64 n = 20000000;
    QTest::newRow("row count = bytes") << qCompress(header(K, cols, n) + QByteArray(n, '\0'), 9);
    QByteArray longText = header(K, cols, 1) + '\1' + QByteArray::fromHex("7ffffff0") + QByteArray(1000, 'a');
    QTest::newRow("2 GiB text") << qCompress(longText);
    QTest::newRow("2 GiB declared") << withDeclaredSize(qCompress(header(K, cols, 0)), 0x7ffffff0);
}

void TestRecordSetCodec::craftedCountsCostNoMemory()
{
    QFETCH(QByteArray, blob);
    QVERIFY2(blob.size() < 200 * 1024, qPrintable(QString::number(blob.size())));
    // 400 MiB is plenty for a 200 KB answer, and far below what trusting its counts takes.
    QCOMPARE(decodeInLimitedChild(QueryKind::ReceivedRoutes, blob, 400), 0);
    // The same child accepts a real answer of that size.
    QCOMPARE(decodeInLimitedChild(QueryKind::ReceivedRoutes, RecordSetCodec::encode(routes(20000)), 400), 1);
}

void TestRecordSetCodec::everyTruncationRefused()
{
    // Every prefix of a valid payload is refused (never a crash, never a shorter answer).
    QList<BgpNeighborRecord> list(3);
    for (int i = 0; i < 3; ++i) {
        list[i].neighbor = QStringLiteral("198.51.100.%1").arg(i + 1);
        list[i].remoteAs = 65000 + i;
        list[i].description = QStringLiteral("peer %1").arg(i);
    }
    const QByteArray raw = qUncompress(RecordSetCodec::encode(RecordSet(QueryKind::BgpStatus, list)));
    for (qsizetype cut = 0; cut < raw.size(); ++cut) {
        const auto r = RecordSetCodec::decode(QueryKind::BgpStatus, qCompress(raw.left(cut)));
        QVERIFY2(!r.ok(), qPrintable(QStringLiteral("accepted %1 of %2 bytes").arg(cut).arg(raw.size())));
    }
    QVERIFY(RecordSetCodec::decode(QueryKind::BgpStatus, qCompress(raw)).ok());
}

void TestRecordSetCodec::largeAnswerDecodes()
{
    // The limits leave real answers alone: a quarter of a million routes.
    const RecordSet r = routes(250000);
    const QByteArray blob = RecordSetCodec::encode(r);
    const auto back = RecordSetCodec::decode(QueryKind::ReceivedRoutes, blob);
    QVERIFY2(back.ok(), qPrintable(back.error().toString()));
    QCOMPARE(back->size(), 250000);
    QCOMPARE(*back, r);
}

QTEST_GUILESS_MAIN(TestRecordSetCodec)
#include "tst_record_set_codec.moc"
