// The full-table parsers' address reader, at its edges. An empty field (NX-OS and Junos rows
// without a prefix) used to reach memchr() with a null pointer, which is undefined even for
// zero bytes: the UndefinedBehaviorSanitizer build stops on it.
#include "engine/vendors/common/address_scan.h"

#include <QTest>

using namespace rl;

class TestAddressScan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void prefixes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("v4") << QByteArray("203.0.113.0/24") << "203.0.113.0/24";
        QTest::newRow("v4 host") << QByteArray("198.51.100.7/32") << "198.51.100.7/32";
        QTest::newRow("v6") << QByteArray("2001:db8:1300::/48") << "2001:db8:1300::/48";
        QTest::newRow("length too long") << QByteArray("203.0.113.0/33") << "";
        QTest::newRow("no length") << QByteArray("203.0.113.0/") << "";
        QTest::newRow("garbage") << QByteArray("n/a") << "";
        QTest::newRow("empty, not null") << QByteArray("") << "";
    }
    void prefixes()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const auto p = addressscan::prefix(std::string_view(text.constData(), size_t(text.size())));
        QCOMPARE(p ? p->toString() : QString(), expected);
    }

    void emptyViewHasNoData()
    {
        // What a JSON or XML reader hands over for a missing field: no characters, no pointer.
        const std::string_view none;
        QVERIFY(none.data() == nullptr);
        QVERIFY(!addressscan::prefix(none));
        QVERIFY(!addressscan::address(none));
    }
};

QTEST_GUILESS_MAIN(TestAddressScan)
#include "tst_address_scan.moc"
