#include "engine/transport/known_hosts_file.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace rl;

namespace {

// Public keys made with ssh-keygen for this test; fingerprints as `ssh-keygen -l -E sha256` prints them.
const QByteArray kKeyA = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPoNNzHXw3rSla/e2W5MmR6rapRMMwr3zi9olsG/NP/G";
const QString kFpA = QStringLiteral("SHA256:jkCrxV8FLTXgv19OIkJQvlE4eUcRtjLXO02DamuRzjI");
const QByteArray kKeyB = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL7Cva0v/FsYDk+fmtP77uOwzVIP5f33nYLG6dwgVfWZ";
const QString kFpB = QStringLiteral("SHA256:s/l3g2nAmPDqEzk9fNZFKW4hy70VhDz+op22s6dyq9k");
const QByteArray kKeyC = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBIVnea+sFgDHvdsdZGKecA2mEuSw3wBc"
                         "mMUMshtk7JwFgAf45joU6BTyYmS1JqWRIQF565mxc5o/HN9a3EeyuwA=";
const QString kFpC = QStringLiteral("SHA256:bhfPIyiFdcCDIvcVWLgR93hmam+9DnGtBL4EmEOlwX4");
// `ssh-keygen -H` of "[127.0.0.1]:2202 A" and "pe9.example.net B".
const QByteArray kHashed = "|1|wgRcLS/Lf04r+VHMDUDt5ANL5ys=|8t9wsk92gDx46+bGQ9dCSI1rOCw= " + kKeyA + "\n"
                           "|1|U8T4zMVr9LTIBQ4wEQtrnbodi9o=|bgi6vEY1CFCy0crcO4Z1qQld/Bo= " + kKeyB + "\n";

} // namespace

class TestKnownHostsFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostName_data();
    void hostName();
    void keysFor_data();
    void keysFor();
    void missingFileRecordsNothing();
    void remove_data();
    void remove();
    void removeKeepsPermissions();

private:
    QString write(const QByteArray &content);

    QTemporaryDir m_dir;
    int m_files = 0;
};

QString TestKnownHostsFile::write(const QByteArray &content)
{
    const QString path = m_dir.filePath(QStringLiteral("known_hosts_%1").arg(++m_files));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestKnownHostsFile::hostName_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("expected");
    QTest::newRow("port 22: the bare name") << "pe1.example.net" << 22 << "pe1.example.net";
    QTest::newRow("another port: bracketed") << "127.0.0.1" << 2202 << "[127.0.0.1]:2202";
    QTest::newRow("lower case, as ssh looks it up") << "PE1.Example.NET" << 830 << "[pe1.example.net]:830";
}

void TestKnownHostsFile::hostName()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, expected);
    QCOMPARE(KnownHostsFile::hostName(host, port), expected);
}

void TestKnownHostsFile::keysFor_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("expected"); // "type fingerprint line"
    const QString a = QStringLiteral("ssh-ed25519 ") + kFpA;
    const QString b = QStringLiteral("ssh-ed25519 ") + kFpB;
    const QString c = QStringLiteral("ecdsa-sha2-nistp256 ") + kFpC;
    QTest::newRow("plain name") << QByteArray("pe1.example.net " + kKeyA + "\n") << "pe1.example.net"
                                << QStringList{a + " 1"};
    QTest::newRow("bracketed port") << QByteArray("pe2.example.net " + kKeyB + "\n[127.0.0.1]:2202 " + kKeyA + "\n")
                                    << "[127.0.0.1]:2202" << QStringList{a + " 2"};
    QTest::newRow("another port is another host") << QByteArray("[127.0.0.1]:2202 " + kKeyA + "\n") << "[127.0.0.1]:2203"
                                                  << QStringList{};
    QTest::newRow("hashed, first") << kHashed << "[127.0.0.1]:2202" << QStringList{a + " 1"};
    QTest::newRow("hashed, second") << kHashed << "pe9.example.net" << QStringList{b + " 2"};
    QTest::newRow("several names on a line") << QByteArray("pe1.example.net,198.51.100.7 " + kKeyB + " a comment\n")
                                             << "198.51.100.7" << QStringList{b + " 1"};
    QTest::newRow("two key types") << QByteArray("pe1.example.net " + kKeyA + "\npe1.example.net " + kKeyC + "\n")
                                   << "pe1.example.net" << QStringList{a + " 1", c + " 2"};
    QTest::newRow("comments, blanks and markers are skipped")
        << QByteArray("# pe1.example.net " + kKeyA + "\n\n@cert-authority *.example.net " + kKeyA + "\npe1.example.net " + kKeyB + "\n")
        << "pe1.example.net" << QStringList{b + " 4"};
    QTest::newRow("a wildcard pattern names it too") << QByteArray("*.example.net " + kKeyA + "\n") << "pe1.example.net"
                                                     << QStringList{a + " 1"};
    QTest::newRow("no last line end") << QByteArray("pe1.example.net " + kKeyA) << "pe1.example.net" << QStringList{a + " 1"};
}

void TestKnownHostsFile::keysFor()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, name);
    QFETCH(QStringList, expected);
    const auto keys = KnownHostsFile(write(content)).keysFor(name);
    QVERIFY2(keys.ok(), qPrintable(keys.error().toString()));
    QStringList got;
    for (const KnownHostKey &k : *keys)
        got << QStringLiteral("%1 %2 %3").arg(k.keyType, k.fingerprint).arg(k.line);
    QCOMPARE(got, expected);
}

void TestKnownHostsFile::missingFileRecordsNothing()
{
    KnownHostsFile missing(m_dir.filePath(QStringLiteral("never_written")));
    const auto keys = missing.keysFor(QStringLiteral("pe1.example.net"));
    QVERIFY(keys.ok());
    QVERIFY(keys->isEmpty());
    const auto removed = missing.remove(QStringLiteral("pe1.example.net"));
    QVERIFY(removed.ok());
    QCOMPARE(*removed, 0);
    QVERIFY(!QFile::exists(missing.path())); // removing nothing creates nothing
}

void TestKnownHostsFile::remove_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("removed");
    QTest::addColumn<QByteArray>("left");
    QTest::newRow("its only line") << QByteArray("pe1.example.net " + kKeyA + "\n") << "pe1.example.net" << 1 << QByteArray();
    QTest::newRow("comments and other hosts stay")
        << QByteArray("# keep me\npe2.example.net " + kKeyB + "\npe1.example.net " + kKeyA + "\n\n") << "pe1.example.net" << 1
        << QByteArray("# keep me\npe2.example.net " + kKeyB + "\n\n");
    QTest::newRow("every key of the host") << QByteArray("pe1.example.net " + kKeyA + "\npe1.example.net " + kKeyC + "\n")
                                           << "pe1.example.net" << 2 << QByteArray();
    QTest::newRow("a shared line keeps the other names")
        << QByteArray("pe1.example.net,198.51.100.7 " + kKeyA + " a comment\n") << "pe1.example.net" << 1
        << QByteArray("198.51.100.7 " + kKeyA + " a comment\n");
    QTest::newRow("hashed") << kHashed << "[127.0.0.1]:2202" << 1 << kHashed.mid(kHashed.indexOf('\n') + 1);
    QTest::newRow("port 22 written bracketed") << QByteArray("[pe1.example.net]:22 " + kKeyA + "\n") << "pe1.example.net"
                                               << 1 << QByteArray();
    QTest::newRow("another port stays") << QByteArray("[127.0.0.1]:2202 " + kKeyA + "\n") << "[127.0.0.1]:2203" << 0
                                        << QByteArray("[127.0.0.1]:2202 " + kKeyA + "\n");
    QTest::newRow("a wildcard stays for a person to edit") << QByteArray("*.example.net " + kKeyA + "\n") << "pe1.example.net"
                                                           << 0 << QByteArray("*.example.net " + kKeyA + "\n");
    QTest::newRow("names compare without case") << QByteArray("PE1.example.net " + kKeyA + "\n") << "pe1.example.net" << 1
                                                << QByteArray();
}

void TestKnownHostsFile::remove()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, name);
    QFETCH(int, removed);
    QFETCH(QByteArray, left);
    KnownHostsFile file(write(content));
    const auto n = file.remove(name);
    QVERIFY2(n.ok(), qPrintable(n.error().toString()));
    QCOMPARE(*n, removed);
    QFile f(file.path());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), left);
}

void TestKnownHostsFile::removeKeepsPermissions()
{
    const QString path = write("pe1.example.net " + kKeyA + "\npe2.example.net " + kKeyB + "\n");
    const QFile::Permissions owner = QFile::ReadOwner | QFile::WriteOwner;
    QVERIFY(QFile::setPermissions(path, owner));
    const auto n = KnownHostsFile(path).remove(QStringLiteral("pe1.example.net"));
    QVERIFY(n.ok());
    QCOMPARE(*n, 1);
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    QCOMPARE(QFile::permissions(path) & owner, owner);
}

QTEST_GUILESS_MAIN(TestKnownHostsFile)
#include "tst_known_hosts_file.moc"
