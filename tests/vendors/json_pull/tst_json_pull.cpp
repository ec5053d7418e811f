// jsonpull::Reader: every document JSON allows is read to its end, and every other text is
// refused with a reason, whether the reader reads the value or skips it.

#include "engine/vendors/common/json_pull.h"

#include <QTest>

#include <string>

using namespace rl;
using jsonpull::Kind;
using jsonpull::Reader;

class TestJsonPull final : public QObject
{
    Q_OBJECT

private slots:
    void skipsValidDocuments_data();
    void skipsValidDocuments();
    void refusesInvalidDocuments_data();
    void refusesInvalidDocuments();
    void readsStrings_data();
    void readsStrings();
    void readsNumbers_data();
    void readsNumbers();
    void walksMembersAndItems();
    void unescapedStringsOutliveLaterReads();
    void longStringsCrossTheBlockPath();
    void blankRunsEndAtTheFirstOtherByte();
};

namespace {

// Skips one value and checks nothing follows; the reader's error, or "" when it was valid.
std::string skipAll(const QByteArray &text)
{
    Reader r(text.constData(), text.constData() + text.size());
    r.skip() && r.atEnd();
    return r.ok() ? std::string() : std::string(r.error());
}

} // namespace

void TestJsonPull::skipsValidDocuments_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("empty array") << QByteArray(" [ ] ");
    QTest::newRow("scalars") << QByteArray(R"([1, -0, 0.5, -12.25e+3, 4E-2, 18446744073709551616, "x", true, false, null])");
    QTest::newRow("nested") << QByteArray(R"({"a": [{"b": {"c": [[], {}]}}], "d": {"e": null}})");
    QTest::newRow("escapes") << QByteArray(R"(["\"\\\/\b\f\n\r\t", "\u00e9\u20ac\ud83d\ude00"])");
    QTest::newRow("utf-8") << QByteArray("[\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"]");
    QTest::newRow("blanks everywhere") << QByteArray(" \r\n\t{ \"a\" \t:\n 1 ,\r\n \"b\" : [ 2 , 3 ] }\n");
    QTest::newRow("a bare string") << QByteArray("\"x\"");
    QTest::newRow("long indentation") << QByteArray("{\n" + QByteArray(100, ' ') + "\"a\":" + QByteArray(40, ' ') + "1\n}");
    QByteArray deep;
    for (int i = 0; i < 1000; ++i)
        deep += '[';
    for (int i = 0; i < 1000; ++i)
        deep += ']';
    QTest::newRow("1000 levels") << deep;
}

void TestJsonPull::skipsValidDocuments()
{
    QFETCH(QByteArray, text);
    QCOMPARE(skipAll(text), std::string());
}

void TestJsonPull::refusesInvalidDocuments_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("says");
    QTest::newRow("nothing") << QByteArray("") << "ends where a value";
    QTest::newRow("trailing comma in object") << QByteArray(R"({"a": 1,})") << "member name";
    QTest::newRow("trailing comma in array") << QByteArray("[1, 2,]") << "value was expected";
    QTest::newRow("leading comma") << QByteArray("[,1]") << "value was expected";
    QTest::newRow("missing comma") << QByteArray("[1 2]") << "expected ','";
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << "':'";
    QTest::newRow("unquoted name") << QByteArray("{a: 1}") << "member name";
    QTest::newRow("single quotes") << QByteArray("['a']") << "value was expected";
    QTest::newRow("wrong closer") << QByteArray("[1}") << "expected ','";
    QTest::newRow("unclosed array") << QByteArray("[1, [2]") << "ends inside";
    QTest::newRow("unclosed string") << QByteArray("[\"abc") << "not closed";
    QTest::newRow("long unclosed string") << QByteArray("[\"" + QByteArray(40, 'a')) << "not closed";
    QTest::newRow("raw newline in string") << QByteArray("[\"a\nb\"]") << "control character";
    QTest::newRow("raw tab in long string") << QByteArray("[\"" + QByteArray(20, 'a') + "\t\"]") << "control character";
    QTest::newRow("unknown escape") << QByteArray(R"(["\x41"])") << "unknown escape";
    QTest::newRow("short \\u") << QByteArray(R"(["\u12"])") << "four hex digits";
    QTest::newRow("lone low surrogate") << QByteArray(R"(["\udc00"])") << "lone low surrogate";
    QTest::newRow("high surrogate alone") << QByteArray(R"(["\ud83d x"])") << "high surrogate";
    QTest::newRow("latin-1 byte") << QByteArray("[\"caf\xe9\"]") << "UTF-8";
    QTest::newRow("overlong slash") << QByteArray("[\"\xc0\xaf\"]") << "UTF-8";
    QTest::newRow("encoded surrogate") << QByteArray("[\"\xed\xa0\x80\"]") << "UTF-8";
    QTest::newRow("above U+10FFFF") << QByteArray("[\"\xf4\x90\x80\x80\"]") << "UTF-8";
    QTest::newRow("cut UTF-8") << QByteArray("[\"\xe2\x82\"]") << "UTF-8";
    QTest::newRow("leading zero") << QByteArray("[01]") << "expected ','";
    QTest::newRow("plus sign") << QByteArray("[+1]") << "value was expected";
    QTest::newRow("bare minus") << QByteArray("[-]") << "no digits";
    QTest::newRow("point without digits") << QByteArray("[1.]") << "after its point";
    QTest::newRow("exponent without digits") << QByteArray("[1e+]") << "exponent";
    QTest::newRow("misspelt literal") << QByteArray("[tru]") << "true, false or null";
    QTest::newRow("capital literal") << QByteArray("[True]") << "value was expected";
    QTest::newRow("two documents") << QByteArray("{} {}") << "follows the document";
    QByteArray deep;
    for (int i = 0; i < 1025; ++i)
        deep += '[';
    QTest::newRow("1025 levels") << deep << "1024 levels";
}

void TestJsonPull::refusesInvalidDocuments()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, says);
    const std::string error = skipAll(text);
    QVERIFY2(!error.empty(), "read as valid JSON");
    QVERIFY2(QString::fromStdString(error).contains(says), error.c_str());
}

void TestJsonPull::readsStrings_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("value"); // UTF-8
    QTest::newRow("plain") << QByteArray(R"("65001 65002")") << QByteArray("65001 65002");
    QTest::newRow("empty") << QByteArray(R"("")") << QByteArray("");
    QTest::newRow("escaped quote and slash") << QByteArray(R"("a\"b\\c\/d")") << QByteArray("a\"b\\c/d");
    QTest::newRow("control escapes") << QByteArray(R"("\b\f\n\r\t")") << QByteArray("\b\f\n\r\t");
    QTest::newRow("\\u to UTF-8") << QByteArray(R"("\u0041\u00e9\u20ac")") << QByteArray("A\xc3\xa9\xe2\x82\xac");
    QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\ude00")") << QByteArray("\xf0\x9f\x98\x80");
    QTest::newRow("UTF-8 kept in place") << QByteArray("\"Z\xc3\xbcrich\"") << QByteArray("Z\xc3\xbcrich");
    QTest::newRow("escape after 20 plain bytes") << QByteArray(R"("aaaaaaaaaaaaaaaaaaaa\nb")") << QByteArray("aaaaaaaaaaaaaaaaaaaa\nb");
}

void TestJsonPull::readsStrings()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, value);
    Reader r(text.constData(), text.constData() + text.size());
    QCOMPARE(r.peek(), Kind::String);
    std::string_view s;
    QVERIFY2(r.string(s), r.error());
    QCOMPARE(QByteArray(s.data(), qsizetype(s.size())), value);
    QVERIFY(r.atEnd());
}

void TestJsonPull::readsNumbers_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<bool>("integral");
    QTest::newRow("zero") << QByteArray("0") << qint64(0) << true;
    QTest::newRow("negative") << QByteArray("-65001") << qint64(-65001) << true;
    QTest::newRow("4-byte ASN") << QByteArray("4200000000") << qint64(4200000000) << true;
    QTest::newRow("19 digits") << QByteArray("9223372036854775807") << qint64(9223372036854775807LL) << true;
    QTest::newRow("fraction truncated") << QByteArray("100.75") << qint64(100) << false;
    QTest::newRow("exponent") << QByteArray("1.5e3") << qint64(1500) << false;
    QTest::newRow("beyond int64 is clamped") << QByteArray("18446744073709551616") << std::numeric_limits<qint64>::max() << false;
}

void TestJsonPull::readsNumbers()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, value);
    QFETCH(bool, integral);
    Reader r(text.constData(), text.constData() + text.size());
    QCOMPARE(r.peek(), Kind::Number);
    qint64 v = 0;
    bool isInt = false;
    QVERIFY2(r.number(v, isInt), r.error());
    QCOMPARE(v, value);
    QCOMPARE(isInt, integral);
    QVERIFY(r.atEnd());
}

void TestJsonPull::walksMembersAndItems()
{
    const QByteArray text = R"({"a": [1, {"x": true}], "b": "y", "c": {}})";
    Reader r(text.constData(), text.constData() + text.size());
    QCOMPARE(r.peek(), Kind::Object);
    r.enter();
    bool first = true;
    std::string_view key;
    QStringList seen;
    while (r.member(first, key)) {
        seen << QString::fromLatin1(key.data(), qsizetype(key.size()));
        if (key == "a") {
            QCOMPARE(r.peek(), Kind::Array);
            r.enter();
            bool firstItem = true;
            int items = 0;
            while (r.item(firstItem)) {
                ++items;
                QVERIFY(r.skip());
            }
            QCOMPARE(items, 2);
        } else {
            QVERIFY(r.skip());
        }
    }
    QVERIFY2(r.ok(), r.error());
    QCOMPARE(seen, (QStringList{"a", "b", "c"}));
    QVERIFY(r.atEnd());
}

void TestJsonPull::unescapedStringsOutliveLaterReads()
{
    const QByteArray text = R"(["a\tb", "c\nd", "plain"])";
    Reader r(text.constData(), text.constData() + text.size());
    r.enter();
    bool first = true;
    std::vector<std::string_view> got;
    while (r.item(first)) {
        std::string_view s;
        QCOMPARE(r.peek(), Kind::String);
        QVERIFY(r.string(s));
        got.push_back(s);
    }
    QVERIFY(r.ok());
    QCOMPARE(got.size(), size_t(3));
    QCOMPARE(std::string(got[0]), std::string("a\tb"));
    QCOMPARE(std::string(got[1]), std::string("c\nd"));
    QCOMPARE(std::string(got[2]), std::string("plain"));
}

// Strings and blank runs longer than 16 bytes go through the block loops; a quote, escape or
// bad byte at every offset of a block is found.
void TestJsonPull::longStringsCrossTheBlockPath()
{
    for (int at = 0; at < 40; ++at) {
        const QByteArray body(at, 'a');
        for (const QByteArray &tail : {QByteArray("\""), QByteArray("\\n\""), QByteArray("\x01\""), QByteArray("\xc3\xa9\"")}) {
            const QByteArray text = "[\"" + body + tail + "]";
            const std::string error = skipAll(text);
            if (tail.startsWith('\x01'))
                QVERIFY2(error.find("control character") != std::string::npos, qPrintable(QString::number(at)));
            else
                QVERIFY2(error.empty(), qPrintable(QStringLiteral("%1: %2").arg(at).arg(QString::fromStdString(error))));
        }
    }
}

// Both block loops (16 and 32 bytes) against a byte-at-a-time reference, on runs of every
// length up to 100 ending in each kind of byte, with newlines, tabs and returns inside.
void TestJsonPull::blankRunsEndAtTheFirstOtherByte()
{
    const bool avx2 = __builtin_cpu_supports("avx2");
    int checked = 0;
    for (int length = 0; length <= 100; ++length) {
        for (const char *inside : {" ", "\n", "\t", "\r\n"}) {
            for (const char *after : {"x", "\"", "{", ""}) {
                QByteArray text;
                for (int i = 0; i < length; ++i)
                    text += (i % 13 == 7) ? inside : " ";
                const qsizetype blanks = text.size();
                text += after;
                const char *b = text.constData(), *e = b + text.size();
                QCOMPARE(Reader::blankRunSse2(b, e) - b, blanks);
                // The reader's own inline step over a line break and its indentation.
                const QByteArray doc = "[1," + text.left(blanks) + "2" + text.left(blanks) + "]";
                QCOMPARE(skipAll(doc), std::string());
#if defined(__x86_64__) && defined(__GNUC__)
                if (avx2)
                    QCOMPARE(Reader::blankRunAvx2(b, e) - b, blanks);
#endif
                ++checked;
            }
        }
    }
    QCOMPARE(checked, 101 * 16);
    // And through the reader: a value after a long run is found.
    const QByteArray text = "[" + QByteArray(70, ' ') + "\n" + QByteArray(33, ' ') + "1]";
    QCOMPARE(skipAll(text), std::string());
}

QTEST_GUILESS_MAIN(TestJsonPull)
#include "tst_json_pull.moc"
