// The speed-ups behind the full-table parsers: each must give the same answers as the plain
// path and refuse what the plain path refuses.

#include "engine/vendors/cisco/cisco_ios_parser.h"
#include "engine/vendors/common/json_dom.h"
#include "engine/vendors/common/big_list.h"
#include "engine/vendors/common/string_interner.h"

#include <QFile>
#include <QTest>

#include <string>

using namespace rl;

class TestParserFastPaths final : public QObject
{
    Q_OBJECT

private slots:
    void internerSharesEqualText();
    void internerSurvivesGrowth();
    void internerDeferredMatchesImmediate();
    void internerLeavesNonAsciiAlone();
    void bigListsAskForHugePages();
    void jsonParsesInPlaceOrCopied_data();
    void jsonParsesInPlaceOrCopied();
    void parserBuffersReleasedAfterBigDocument();
    void ciscoTableRows_data();
    void ciscoTableRows();
    void ciscoTableRefuses_data();
    void ciscoTableRefuses();
};

void TestParserFastPaths::internerSharesEqualText()
{
    StringInterner in;
    const QString a = in.intern("65001 65002");
    const QString b = in.intern(std::string("65001 65002"));
    const QString c = in.intern("65001 65003");
    QCOMPARE(a, QStringLiteral("65001 65002"));
    QCOMPARE(a.constData(), b.constData()); // one shared copy
    QVERIFY(a.constData() != c.constData());
    QVERIFY(in.intern("").isEmpty());
    QCOMPARE(in.size(), size_t(2));
    // A prefix of a stored text is a different text.
    QCOMPARE(in.intern("65001"), QStringLiteral("65001"));
    QCOMPARE(in.size(), size_t(3));
    // Texts compared a word at a time: differing only in the last byte of a word, or of an
    // overlapping last word.
    for (const char *t : {"65001 6500", "65001 6501", "174 3356 1299 29", "174 3356 1299 28", "174 3356 1299 2914 1", "174 3356 1299 2914 2"})
        QCOMPARE(in.intern(t), QString::fromLatin1(t));
    QCOMPARE(in.size(), size_t(9));
}

void TestParserFastPaths::internerSurvivesGrowth()
{
    StringInterner in;
    QList<QString> first;
    for (int i = 0; i < 20000; ++i)
        first.append(in.intern(std::to_string(i) + " 174 3356"));
    QCOMPARE(in.size(), size_t(20000));
    for (int i = 0; i < 20000; ++i) {
        const QString again = in.intern(std::to_string(i) + " 174 3356");
        QCOMPARE(again, QString::number(i) + QStringLiteral(" 174 3356"));
        QCOMPARE(again.constData(), first[i].constData());
    }
    QCOMPARE(in.size(), size_t(20000));
}

// push()/flush() hand every row the same shared string intern() would, in any order of
// repeats, across growth of the table and with fewer rows than the pipeline is deep.
void TestParserFastPaths::internerDeferredMatchesImmediate()
{
    for (int rows : {0, 1, 5, 16, 17, 40000}) {
        std::vector<std::string> texts;
        for (int i = 0; i < rows; ++i)
            texts.push_back(i % 7 == 3 ? std::string() : std::to_string((i * 7919) % 5003) + " 3356 1299");
        StringInterner deferred, immediate;
        QList<QString> got(rows, QStringLiteral("unset"));
        int calls = 0;
        auto assign = [&](quint32 row, const QString &s) {
            got[qsizetype(row)] = s;
            ++calls;
        };
        for (int i = 0; i < rows; ++i)
            deferred.push(texts[size_t(i)], quint32(i), assign);
        deferred.flush(assign);
        QCOMPARE(calls, rows);
        for (int i = 0; i < rows; ++i) {
            const QString want = immediate.intern(texts[size_t(i)]);
            QCOMPARE(got[i], want);
            if (i > 0 && texts[size_t(i)] == texts[size_t(i - 1)] && !want.isEmpty())
                QCOMPARE(got[i].constData(), got[i - 1].constData());
        }
        QCOMPARE(deferred.size(), immediate.size());
        // Equal texts share one string wherever they sit.
        for (int i = 0; i + 5003 < rows; i += 997) {
            if (!texts[size_t(i)].empty() && texts[size_t(i)] == texts[size_t(i + 5003)])
                QCOMPARE(got[i].constData(), got[i + 5003].constData());
        }
    }
}

// A text with bytes above 0x7f is decoded as UTF-8 and never matched against the ASCII
// strings by the widened compare (Latin-1 "\xe9" is not "\u00e9" from UTF-8 "\xc3\xa9").
void TestParserFastPaths::internerLeavesNonAsciiAlone()
{
    StringInterner in;
    QCOMPARE(in.intern("caf\xc3\xa9"), QString::fromUtf8("caf\xc3\xa9"));
    QCOMPARE(in.intern("caf\xe9 x"), QString::fromUtf8("caf\xe9 x"));
    QCOMPARE(in.size(), size_t(0));
    QCOMPARE(in.intern("cafe"), QStringLiteral("cafe"));
    QCOMPARE(in.size(), size_t(1));
}

namespace {

// The transparent-huge-page mode ("always", "madvise" or "never"), from sysfs.
QByteArray thpMode()
{
    QFile f(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
    if (!f.open(QIODevice::ReadOnly))
        return "unknown";
    const QByteArray s = f.readAll();
    const qsizetype a = s.indexOf('['), b = s.indexOf(']');
    return a >= 0 && b > a ? s.mid(a + 1, b - a - 1) : QByteArray("unknown");
}

// THPeligible of the mapping holding p, from /proc/self/smaps: -1 when not found.
int thpEligible(const void *p)
{
    QFile f(QStringLiteral("/proc/self/smaps"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const auto at = quintptr(p);
    bool inside = false;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const qsizetype dash = line.indexOf('-'), space = line.indexOf(' ');
        if (dash > 0 && space > dash && line.at(0) != 'T') { // a mapping's header line
            bool ok1 = false, ok2 = false;
            const quintptr from = line.left(dash).toULongLong(&ok1, 16), to = line.mid(dash + 1, space - dash - 1).toULongLong(&ok2, 16);
            if (ok1 && ok2)
                inside = at >= from && at < to;
            continue;
        }
        if (inside && line.startsWith("THPeligible:"))
            return line.mid(12).trimmed().toInt();
    }
    return -1;
}

} // namespace

// A full table's record list and the interner's slot table ask for 2 MB pages before they are
// filled (one page fault per 2 MB instead of per 4 KB); contents are unchanged either way.
void TestParserFastPaths::bigListsAskForHugePages()
{
    QList<RouteRecord> rows;
    rows.reserve(200000); // 32 MB
    adviseHugePages(rows);
    for (int i = 0; i < 200000; ++i)
        rows.emplace_back().med = i;
    QCOMPARE(rows.size(), 200000);
    QCOMPARE(rows[199999].med, qint64(199999));

    std::vector<quint64, HugePageAllocator<quint64>> big(4u << 20); // 32 MB
    QCOMPARE(quintptr(big.data()) % (2u << 20), quintptr(0)); // on a 2 MB boundary
    big.back() = 42;
    big.resize(big.size() * 2);
    QCOMPARE(big[(4u << 20) - 1], quint64(42));
    std::vector<quint64, HugePageAllocator<quint64>> small(16);
    small[15] = 7;
    QCOMPARE(small[15], quint64(7));

    const QByteArray mode = thpMode();
    const int listEligible = thpEligible(rows.constData() + 100000);
    const int vectorEligible = thpEligible(big.data());
    qInfo("transparent huge pages: %s; THPeligible list %d, slot table %d", mode.constData(), listEligible, vectorEligible);
    if (mode == "madvise" || mode == "always") {
        QCOMPARE(listEligible, 1);
        QCOMPARE(vectorEligible, 1);
    } else {
        QVERIFY(listEligible <= 0 && vectorEligible <= 0); // off here: the advice changes nothing
    }
}

void TestParserFastPaths::jsonParsesInPlaceOrCopied_data()
{
    QTest::addColumn<bool>("spare"); // the array has room for simdjson's padding
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("expected"); // -2: parse-error
    const QByteArray doc = "{\"a\": {\"b\": 42}}";
    QTest::newRow("spare capacity") << true << doc << qint64(42);
    QTest::newRow("no spare capacity") << false << doc << qint64(42);
    QTest::newRow("prompt around, spare") << true << QByteArray("sw1# show x | json\n" + doc + "\nsw1#") << qint64(42);
    QTest::newRow("prompt around, none") << false << QByteArray("sw1# show x | json\n" + doc + "\nsw1#") << qint64(42);
    QTest::newRow("cut short, spare") << true << QByteArray("{\"a\": {\"b\": 42") << qint64(-2);
    QTest::newRow("cut short, none") << false << QByteArray("{\"a\": {\"b\": 42") << qint64(-2);
    QTest::newRow("no json") << true << QByteArray("% Invalid input detected at '^' marker.") << qint64(-2);
}

void TestParserFastPaths::jsonParsesInPlaceOrCopied()
{
    QFETCH(bool, spare);
    QFETCH(QByteArray, text);
    QFETCH(qint64, expected);
    QByteArray input;
    if (spare) {
        input.reserve(text.size() + 256);
        input.append(text);
        QVERIFY(input.capacity() - input.size() >= qsizetype(simdjson::SIMDJSON_PADDING));
    } else {
        input = QByteArray::fromRawData(text.constData(), text.size()); // capacity 0: must be copied
    }
    simdjson::dom::parser parser;
    const auto doc = jsondom::parse(parser, input, QStringLiteral("test"));
    if (expected == -2) {
        QVERIFY(!doc);
        QVERIFY(doc.error().code != ErrorCode::None);
        return;
    }
    QVERIFY(doc);
    QCOMPARE(jsondom::integer(jsondom::member(*doc, "a"), "b"), expected);
}

void TestParserFastPaths::parserBuffersReleasedAfterBigDocument()
{
    simdjson::dom::parser parser;
    {
        const jsondom::ParserRelease release(parser);
        QVERIFY(jsondom::parse(parser, QByteArray("[1, 2, 3]"), QStringLiteral("small")));
    }
    QVERIFY(parser.capacity() > 0); // small documents keep their buffers for the next answer
    QByteArray big;
    big.reserve(qsizetype(jsondom::kKeptParserCapacity) + (1 << 20));
    big.append('[');
    while (big.size() < qsizetype(jsondom::kKeptParserCapacity) + 1000)
        big.append("12345678,");
    big.append("0]");
    {
        const jsondom::ParserRelease release(parser);
        const auto doc = jsondom::parse(parser, big, QStringLiteral("big"));
        QVERIFY(doc);
        QVERIFY(parser.capacity() > jsondom::kKeptParserCapacity);
    }
    QCOMPARE(parser.capacity(), size_t(0));
    // And the parser still works afterwards.
    QVERIFY(jsondom::parse(parser, QByteArray("{\"x\": 1}"), QStringLiteral("after")));
}

namespace {
const QByteArray kHeader = "BGP table version is 5, local router ID is 10.0.0.1\n"
                           "Status codes: s suppressed, d damped, h history, * valid, > best, i - internal\n"
                           "Origin codes: i - IGP, e - EGP, ? - incomplete\n\n"
                           "     Network          Next Hop            Metric LocPrf Weight Path\n";
}

void TestParserFastPaths::ciscoTableRows_data()
{
    QTest::addColumn<QByteArray>("rows");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("nextHop");
    QTest::addColumn<QString>("asPath");
    QTest::addColumn<int>("origin");
    QTest::addColumn<qint64>("med");
    QTest::addColumn<bool>("best");
    QTest::addColumn<int>("count");
    QTest::newRow("plain") << QByteArray(" *>  198.51.100.0/24  192.0.2.1                0             0 65001 65002 i\n")
                           << "198.51.100.0/24" << "192.0.2.1" << "65001 65002" << int(RouteOrigin::Igp) << qint64(0) << true << 1;
    QTest::newRow("origin only, no path") << QByteArray(" *>  198.51.100.0/24  192.0.2.1                              0 ?\n")
                                          << "198.51.100.0/24" << "192.0.2.1" << "" << int(RouteOrigin::Incomplete) << qint64(-1) << true << 1;
    QTest::newRow("trailing blanks and CRLF") << QByteArray(" *   198.51.100.0/24  192.0.2.1                              0 65001   e   \r\n")
                                              << "198.51.100.0/24" << "192.0.2.1" << "65001" << int(RouteOrigin::Egp) << qint64(-1) << false << 1;
    QTest::newRow("tabs between path numbers") << QByteArray(" *>  198.51.100.0/24  192.0.2.1                              0 65001\t65002 i\n")
                                               << "198.51.100.0/24" << "192.0.2.1" << "65001\t65002" << int(RouteOrigin::Igp) << qint64(-1) << true << 1;
    QTest::newRow("long path over 16-byte blocks")
        << QByteArray(" *>  198.51.100.0/24  192.0.2.1                              0 174 3356 1299 2914 6453 4200000000 64512 65535 i\n")
        << "198.51.100.0/24" << "192.0.2.1" << "174 3356 1299 2914 6453 4200000000 64512 65535" << int(RouteOrigin::Igp) << qint64(-1) << true << 1;
    QTest::newRow("wrapped v6 then second path")
        << QByteArray(" *>  2001:db8:1234:5678::/64\n"
                      "                      2001:db8::1" + QByteArray(28, ' ') + "0 65001 i\n"
                      " *                    2001:db8::2" + QByteArray(28, ' ') + "0 65002 65001 i\n")
        << "2001:db8:1234:5678::/64" << "2001:db8::1" << "65001" << int(RouteOrigin::Igp) << qint64(-1) << true << 2;
    QTest::newRow("classful network without length")
        << QByteArray(" *>  10.0.0.0         192.0.2.1                              0 65001 i\n")
        << "10.0.0.0/8" << "192.0.2.1" << "65001" << int(RouteOrigin::Igp) << qint64(-1) << true << 1;
    QTest::newRow("one-digit length, tab after next hop")
        << QByteArray(" *>  10.0.0.0/8       192.0.2.1\t                             0 65001 i\n")
        << "10.0.0.0/8" << "192.0.2.1" << "65001" << int(RouteOrigin::Igp) << qint64(-1) << true << 1;
}

void TestParserFastPaths::ciscoTableRows()
{
    QFETCH(QByteArray, rows);
    QFETCH(QString, prefix);
    QFETCH(QString, nextHop);
    QFETCH(QString, asPath);
    QFETCH(int, origin);
    QFETCH(qint64, med);
    QFETCH(bool, best);
    QFETCH(int, count);
    const auto r = CiscoIosParser::bgpTable(kHeader + rows + "\nTotal number of prefixes 1\n");
    QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
    QCOMPARE(r->size(), count);
    const RouteRecord &row = r->first();
    QCOMPARE(row.prefix.toString(), prefix);
    QCOMPARE(row.nextHop.toString(), nextHop);
    QCOMPARE(row.asPath, asPath);
    QCOMPARE(int(row.origin), origin);
    QCOMPARE(row.med, med);
    QCOMPARE(row.best, best);
    QVERIFY(r->capacity() >= count);
    QVERIFY(r->capacity() <= count + 1); // reserved from the row count, not from the text size
}

void TestParserFastPaths::ciscoTableRefuses_data()
{
    QTest::addColumn<QByteArray>("rows");
    QTest::addColumn<QString>("line"); // the line the error must name
    QTest::newRow("no origin code") << QByteArray(" *>  198.51.100.0/24  192.0.2.1                              0 65001 65002\n") << "line 6:";
    QTest::newRow("origin glued to path") << QByteArray(" *>  198.51.100.0/24  192.0.2.1                              0 65001i\n") << "line 6:";
    QTest::newRow("octet 256 in next hop") << QByteArray(" *>  198.51.100.0/24  192.0.2.256                            0 65001 i\n") << "line 6:";
    QTest::newRow("garbage before network") << QByteArray(" *>  x198.51.100.0/24 192.0.2.1                              0 65001 i\n") << "line 6:";
    QTest::newRow("letters as weight") << QByteArray(" *>  198.51.100.0/24  192.0.2.1                             0x 65001 i\n") << "line 6:";
    QTest::newRow("cut after next hop") << QByteArray(" *>  198.51.100.0/24  192.0.2.1\n") << "line 6:";
    // The in-place IPv4 readers hand anything not followed by a blank to the general path.
    QTest::newRow("prefix length 33") << QByteArray(" *>  198.51.100.0/33  192.0.2.1                              0 65001 i\n") << "line 6:";
    QTest::newRow("three-digit length") << QByteArray(" *>  198.51.100.0/240 192.0.2.1                              0 65001 i\n") << "line 6:";
    QTest::newRow("letter after length") << QByteArray(" *>  198.51.100.0/24x 192.0.2.1                              0 65001 i\n") << "line 6:";
    QTest::newRow("letter after next hop") << QByteArray(" *>  198.51.100.0/24  192.0.2.1x                             0 65001 i\n") << "line 6:";
    QTest::newRow("leading zero in next hop") << QByteArray(" *>  198.51.100.0/24  192.0.2.01                             0 65001 i\n") << "line 6:";
    QTest::newRow("five parts in next hop") << QByteArray(" *>  198.51.100.0/24  192.0.2.1.5                            0 65001 i\n") << "line 6:";
}

void TestParserFastPaths::ciscoTableRefuses()
{
    QFETCH(QByteArray, rows);
    QFETCH(QString, line);
    const auto r = CiscoIosParser::bgpTable(kHeader + rows);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::ParseError);
    QVERIFY2(r.error().toString().contains(line), qPrintable(r.error().toString()));
}

QTEST_GUILESS_MAIN(TestParserFastPaths)
#include "tst_parser_fast_paths.moc"
