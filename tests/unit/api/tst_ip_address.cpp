#include "engine/api/ip_address.h"

#include <QTest>

#include <arpa/inet.h>

#include <cstring>
#include <random>
#include <string>

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
    void strictText_data();
    void strictText();
    void sameAsInetPton();
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

// The hand-written fast parser: every malformed form must be refused, not read leniently.
void TestIpAddress::strictText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // empty: must be rejected
    QTest::newRow("256") << "10.0.0.256" << "";
    QTest::newRow("999") << "999.1.1.1" << "";
    QTest::newRow("255 ok") << "255.255.255.255" << "255.255.255.255";
    QTest::newRow("zero") << "0.0.0.0" << "0.0.0.0";
    QTest::newRow("leading zero") << "10.01.0.1" << "";
    QTest::newRow("four digits") << "10.0001.0.1" << "";
    QTest::newRow("leading garbage") << "x10.0.0.1" << "";
    QTest::newRow("leading space") << " 10.0.0.1" << "";
    QTest::newRow("trailing space") << "10.0.0.1 " << "";
    QTest::newRow("trailing dot") << "10.0.0.1." << "";
    QTest::newRow("five parts") << "10.0.0.1.5" << "";
    QTest::newRow("empty part") << "10..0.1" << "";
    QTest::newRow("sign") << "10.+1.0.1" << "";
    QTest::newRow("hex v4") << "0x0a.0.0.1" << "";
    QTest::newRow("v6 full") << "2001:0db8:0000:0000:0000:0000:0000:0001" << "2001:db8::1";
    QTest::newRow("v6 all zero") << "::" << "::";
    QTest::newRow("v6 loopback") << "::1" << "::1";
    QTest::newRow("v6 trailing gap") << "2001:db8::" << "2001:db8::";
    QTest::newRow("v6 seven and gap") << "1:2:3:4:5:6:7::" << "1:2:3:4:5:6:7:0";
    QTest::newRow("v6 eight and gap") << "1:2:3:4:5:6:7::8" << "";
    QTest::newRow("v6 nine groups") << "1:2:3:4:5:6:7:8:9" << "";
    QTest::newRow("v6 seven groups") << "1:2:3:4:5:6:7" << "";
    QTest::newRow("v6 two gaps") << "1::2::3" << "";
    QTest::newRow("v6 triple colon") << ":::" << "";
    QTest::newRow("v6 leading colon") << ":1::2" << "";
    QTest::newRow("v6 trailing colon") << "1::2:" << "";
    QTest::newRow("v6 five hex digits") << "12345::1" << "";
    QTest::newRow("v6 bad hex") << "20g1::1" << "";
    QTest::newRow("v6 upper") << "FE80::ABCD" << "fe80::abcd";
    QTest::newRow("v6 embedded v4") << "64:ff9b::192.0.2.33" << "64:ff9b::c000:221";
    QTest::newRow("v6 embedded v4 full") << "1:2:3:4:5:6:1.2.3.4" << "1:2:3:4:5:6:102:304";
    QTest::newRow("v6 embedded v4 too late") << "1:2:3:4:5:6:7:1.2.3.4" << "";
    QTest::newRow("v6 embedded bad v4") << "::ffff:1.2.3.256" << "";
    QTest::newRow("v6 embedded v4 not last") << "::1.2.3.4:5" << "";
    QTest::newRow("v6 zone") << "fe80::1%eth0" << "";
    QTest::newRow("too long") << "2001:0db8:0000:0000:0000:0000:0000:0001:0000:0000" << "";
}

void TestIpAddress::strictText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QByteArray utf8 = text.toUtf8();
    const auto a = IpAddress::parse(std::string_view(utf8.constData(), size_t(utf8.size())));
    if (expected.isEmpty()) {
        QVERIFY2(!a.has_value(), qPrintable(text));
    } else {
        QVERIFY2(a.has_value(), qPrintable(text));
        QCOMPARE(a->toString(), expected);
    }
}

// Random strings over the address alphabet: the fast parser accepts exactly what the C
// library's inet_pton accepts, and reads the same bytes.
void TestIpAddress::sameAsInetPton()
{
    std::mt19937 rng(7);
    const char alphabet[] = "0123456789abcdefABCDEF:.:.::0012255";
    int accepted = 0;
    for (int i = 0; i < 200000; ++i) {
        std::string s;
        const int len = 1 + int(rng() % 24);
        for (int k = 0; k < len; ++k)
            s += alphabet[rng() % (sizeof alphabet - 1)];
        if (i % 4 == 0) // bias towards plausible shapes
            s = std::to_string(rng() % 300) + "." + std::to_string(rng() % 300) + "." + std::to_string(rng() % 260) + "." + std::to_string(rng() % 260);
        unsigned char ref[16] = {};
        const bool colon = s.find(':') != std::string::npos;
        const bool refOk = inet_pton(colon ? AF_INET6 : AF_INET, s.c_str(), ref) == 1;
        const auto a = IpAddress::parse(std::string_view(s));
        QVERIFY2(a.has_value() == refOk, s.c_str());
        if (refOk) {
            ++accepted;
            QVERIFY2(std::memcmp(a->bytes().data(), ref, colon ? 16 : 4) == 0, s.c_str());
        }
    }
    QVERIFY(accepted > 1000); // the corpus really exercised the accepting paths
}

QTEST_GUILESS_MAIN(TestIpAddress)
#include "tst_ip_address.moc"
