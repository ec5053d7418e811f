#include "engine/api/ip_address.h"

#include <QTest>

using namespace rl;

class TestIpAddress final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseAndFormat_data();
    void parseAndFormat();
    void prefixes_data();
    void prefixes();
    void ordering();
    void macs_data();
    void macs();
};

void TestIpAddress::parseAndFormat_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // empty: must be rejected
    QTest::newRow("v4") << "198.51.100.7" << "198.51.100.7";
    QTest::newRow("v6 compressed") << "2001:DB8:0:0::1" << "2001:db8::1";
    QTest::newRow("v4 mapped") << "::ffff:198.51.100.1" << "::ffff:198.51.100.1";
    QTest::newRow("octet too big") << "198.51.100.256" << "";
    QTest::newRow("three octets") << "198.51.100" << "";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("trailing junk") << "198.51.100.1x" << "";
    QTest::newRow("hostname") << "router.lab" << "";
    QTest::newRow("non-ascii") << QString::fromUtf8("198.51.100.１") << "";
}

void TestIpAddress::parseAndFormat()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto a = IpAddress::parse(QStringView(text));
    if (expected.isEmpty()) {
        QVERIFY(!a.has_value());
    } else {
        QVERIFY(a.has_value());
        QCOMPARE(a->toString(), expected);
    }
}

void TestIpAddress::prefixes_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("contains");
    QTest::newRow("inside /24") << "203.0.113.0/24" << "203.0.113.200" << true;
    QTest::newRow("outside /24") << "203.0.113.0/24" << "203.0.114.1" << false;
    QTest::newRow("odd length") << "198.18.0.0/15" << "198.19.255.1" << true;
    QTest::newRow("odd length outside") << "198.18.0.0/15" << "198.20.0.1" << false;
    QTest::newRow("default") << "0.0.0.0/0" << "8.8.8.8" << true;
    QTest::newRow("v6") << "2001:db8::/32" << "2001:db8:ffff::1" << true;
    QTest::newRow("family mismatch") << "2001:db8::/32" << "198.51.100.1" << false;
}

void TestIpAddress::prefixes()
{
    QFETCH(QString, prefix);
    QFETCH(QString, address);
    QFETCH(bool, contains);
    const auto p = IpPrefix::parse(QStringView(prefix));
    const auto a = IpAddress::parse(QStringView(address));
    QVERIFY(p && a);
    QCOMPARE(p->contains(*a), contains);
    QCOMPARE(p->toString(), prefix);
}

void TestIpAddress::ordering()
{
    // Numeric, not textual: 198.51.100.9 < 198.51.100.10.
    QVERIFY(*IpAddress::parse(std::string_view("198.51.100.9")) < *IpAddress::parse(std::string_view("198.51.100.10")));
    QVERIFY(*IpPrefix::parse(std::string_view("10.0.0.0/8")) < *IpPrefix::parse(std::string_view("10.0.0.0/16")));
    QVERIFY(!IpPrefix::parse(std::string_view("10.0.0.0/x")));
    QVERIFY(!IpPrefix::parse(std::string_view("10.0.0.0/")));
}

void TestIpAddress::macs_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("colon upper") << "00:1B:21:3A:4F:5E" << "00:1b:21:3a:4f:5e";
    QTest::newRow("cisco dotted") << "001b.213a.4f5e" << "00:1b:21:3a:4f:5e";
    QTest::newRow("dashes") << "00-1b-21-3a-4f-5e" << "00:1b:21:3a:4f:5e";
    QTest::newRow("incomplete") << "Incomplete" << "";
    QTest::newRow("short") << "00:1b:21" << "";
}

void TestIpAddress::macs()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(normalizeMac(input), expected);
}

QTEST_GUILESS_MAIN(TestIpAddress)
#include "tst_ip_address.moc"
