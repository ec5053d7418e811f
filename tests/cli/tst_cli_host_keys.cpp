// routerlens-cli known-hosts and --accept-new-host-keys as a person meets them: the real CLI
// against private OpenSSH servers on 127.0.0.1 (root and openssh-server needed; without them the
// test fails, it never skips).

#include "test_sshd.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using rl::testing::TestSshd;

class TestCliHostKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // In this order: one story from a router never seen to a router whose key changed.
    void initTestCase();
    void cleanupTestCase();
    void unknownKeyIsRefused();
    void addWithoutAnAnswerWritesNothing();
    void addAnsweredNoWritesNothing();
    void addAnsweredYes();
    void queryAnswersOnceAccepted();
    void listAndRemove();
    void addWithYesThenAlreadyRecorded();
    void addWithAnotherFingerprintWritesNothing();
    void changedKeyIsRefusedByQueryAndAdd();
    void acceptNewRecordsABrandNewRouterOnly();
    void removeThenAddTakesTheNewKey();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
        QString both() const { return out + err; }
    };
    Run cli(QStringList args, const QByteArray &input = {});
    QByteArray knownHosts() const;
    static QString describe(const Run &r);

    TestSshd m_edgeA;
    TestSshd m_edgeB;
    QTemporaryDir m_tmp;
    QString m_inventory;
    QString m_knownHosts;
    QString m_oldFingerprint; // edge-a's key before it changes
};

void TestCliHostKeys::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(ROUTERLENS_CLI)), ROUTERLENS_CLI " is not built");
    QString why;
    if (!m_edgeA.start({}, &why) || !m_edgeB.start({}, &why))
        QFAIL(qPrintable(QStringLiteral("cannot start the test sshd (run as root with openssh-server installed): ") + why));
    m_knownHosts = m_tmp.filePath(QStringLiteral("ssh/known_hosts")); // its folder does not exist yet
    auto router = [&](const QString &name, const TestSshd &sshd, const QString &credentials) {
        return QJsonObject{{QStringLiteral("name"), name},           {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                           {QStringLiteral("port"), sshd.port()},    {QStringLiteral("platform"), QStringLiteral("linux")},
                           {QStringLiteral("transport"), QStringLiteral("ssh")}, {QStringLiteral("credentials"), credentials},
                           {QStringLiteral("knownHosts"), m_knownHosts}};
    };
    auto profile = [](const TestSshd &sshd) {
        return QJsonObject{{QStringLiteral("username"), sshd.user()}, {QStringLiteral("keyFile"), sshd.clientKey()},
                           {QStringLiteral("useAgent"), false}};
    };
    const QJsonObject inv{
        {QStringLiteral("version"), 1},
        {QStringLiteral("credentials"), QJsonObject{{QStringLiteral("a"), profile(m_edgeA)}, {QStringLiteral("b"), profile(m_edgeB)}}},
        {QStringLiteral("routers"), QJsonArray{router(QStringLiteral("edge-a"), m_edgeA, QStringLiteral("a")),
                                               router(QStringLiteral("edge-b"), m_edgeB, QStringLiteral("b"))}}};
    m_inventory = m_tmp.filePath(QStringLiteral("inventory.json"));
    QFile f(m_inventory);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(inv).toJson());
}

void TestCliHostKeys::cleanupTestCase()
{
    m_edgeA.stop();
    m_edgeB.stop();
}

TestCliHostKeys::Run TestCliHostKeys::cli(QStringList args, const QByteArray &input)
{
    args << QStringLiteral("--inventory") << m_inventory;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_tmp.filePath(QStringLiteral("home"))); // its store, its settings
    env.remove(QStringLiteral("SSH_AUTH_SOCK"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ROUTERLENS_CLI), args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    p.write(input);
    p.closeWriteChannel(); // a pipe, then its end: never a terminal
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QByteArray TestCliHostKeys::knownHosts() const
{
    QFile f(m_knownHosts);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString TestCliHostKeys::describe(const Run &r)
{
    return QStringLiteral("exit %1\n--- stdout\n%2--- stderr\n%3").arg(r.exitCode).arg(r.out, r.err);
}

void TestCliHostKeys::unknownKeyIsRefused()
{
    const Run r = cli({QStringLiteral("query"), QStringLiteral("-r"), QStringLiteral("edge-a"), QStringLiteral("facts")});
    QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
    QVERIFY2(r.both().contains(QLatin1String("host-key-unknown")), qPrintable(describe(r)));
    QVERIFY2(r.both().contains(m_edgeA.hostFingerprint()), qPrintable(describe(r)));
    QVERIFY2(r.err.contains(QLatin1String("routerlens-cli known-hosts add edge-a --inventory")), qPrintable(describe(r)));
    QVERIFY(!QFile::exists(m_knownHosts));
}

void TestCliHostKeys::addWithoutAnAnswerWritesNothing()
{
    const Run r = cli({QStringLiteral("known-hosts"), QStringLiteral("add"), QStringLiteral("edge-a")});
    QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(QLatin1String("ssh-ed25519")) && r.out.contains(m_edgeA.hostFingerprint()), qPrintable(describe(r)));
    QVERIFY2(r.out.contains(QLatin1String("Accept? [y/N]")), qPrintable(describe(r)));
    QVERIFY2(r.err.contains(QLatin1String("not a terminal")) && r.err.contains(QLatin1String("--yes")), qPrintable(describe(r)));
    QVERIFY(!QFile::exists(m_knownHosts));
}

void TestCliHostKeys::addAnsweredNoWritesNothing()
{
    for (const QByteArray &answer : {QByteArray("n\n"), QByteArray("\n"), QByteArray("yesplease\n")}) {
        const Run r = cli({QStringLiteral("known-hosts"), QStringLiteral("add"), QStringLiteral("edge-a")}, answer);
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QLatin1String("not accepted")), qPrintable(describe(r)));
        QVERIFY(!QFile::exists(m_knownHosts));
    }
}

void TestCliHostKeys::addAnsweredYes()
{
    const Run r = cli({QStringLiteral("known-hosts"), QStringLiteral("add"), QStringLiteral("edge-a")}, "y\n");
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(QLatin1String("Recorded")), qPrintable(describe(r)));
    QVERIFY(knownHosts().contains(m_edgeA.hostPublicKey().toLatin1()));
    QVERIFY(knownHosts().startsWith(QStringLiteral("[127.0.0.1]:%1 ").arg(m_edgeA.port()).toLatin1()));
    m_oldFingerprint = m_edgeA.hostFingerprint();
}

void TestCliHostKeys::queryAnswersOnceAccepted()
{
    const Run r = cli({QStringLiteral("query"), QStringLiteral("-r"), QStringLiteral("edge-a"), QStringLiteral("facts")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(QLatin1String("== edge-a")), qPrintable(describe(r)));
}

void TestCliHostKeys::listAndRemove()
{
    Run r = cli({QStringLiteral("known-hosts"), QStringLiteral("list")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("edge-a .*ssh-ed25519 ") + QRegularExpression::escape(m_oldFingerprint))),
             qPrintable(describe(r)));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("edge-b .*not recorded"))), qPrintable(describe(r)));

    r = cli({QStringLiteral("known-hosts"), QStringLiteral("list"), QStringLiteral("edge-a"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QJsonArray listed = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("knownHosts")).toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed[0].toObject().value(QStringLiteral("keys")).toArray().first().toObject().value(QStringLiteral("fingerprint")).toString(),
             m_oldFingerprint);

    r = cli({QStringLiteral("known-hosts"), QStringLiteral("remove"), QStringLiteral("edge-a")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(QLatin1String("Removed 1")), qPrintable(describe(r)));
    QVERIFY(!knownHosts().contains(m_edgeA.hostPublicKey().toLatin1()));
    r = cli({QStringLiteral("known-hosts"), QStringLiteral("remove"), QStringLiteral("edge-a")});
    QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("nothing changed")), qPrintable(describe(r)));
}

void TestCliHostKeys::addWithYesThenAlreadyRecorded()
{
    Run r = cli({QStringLiteral("known-hosts"), QStringLiteral("add"), QStringLiteral("edge-a"), QStringLiteral("--yes")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY(knownHosts().contains(m_edgeA.hostPublicKey().toLatin1()));
    r = cli({QStringLiteral("known-hosts"), QStringLiteral("add"), QStringLiteral("edge-a"), QStringLiteral("--yes")});
    QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("already recorded")), qPrintable(describe(r)));
    QCOMPARE(knownHosts().count(m_edgeA.hostPublicKey().toLatin1()), 1); // never twice
}

void TestCliHostKeys::addWithAnotherFingerprintWritesNothing()
{
    const QByteArray before = knownHosts();
    const Run r = cli({QStringLiteral("known-hosts"), QStringLiteral("add"), QStringLiteral("edge-b"), QStringLiteral("--fingerprint"),
                       m_edgeA.hostFingerprint()});
    QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(m_edgeB.hostFingerprint()), qPrintable(describe(r)));
    QCOMPARE(knownHosts(), before);
}

void TestCliHostKeys::changedKeyIsRefusedByQueryAndAdd()
{
    QString why;
    QVERIFY2(m_edgeA.rotateHostKey(&why), qPrintable(why));
    const QString fresh = m_edgeA.hostFingerprint();
    QVERIFY(fresh != m_oldFingerprint);
    const QByteArray before = knownHosts();

    for (const QStringList &extra : {QStringList{}, QStringList{QStringLiteral("--accept-new-host-keys")}}) {
        const Run r = cli(QStringList{QStringLiteral("query"), QStringLiteral("-r"), QStringLiteral("edge-a"), QStringLiteral("facts")} + extra);
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(r.both().contains(QLatin1String("host-key-mismatch")), qPrintable(describe(r)));
        QCOMPARE(knownHosts(), before);
    }
    const QList<QPair<QStringList, QByteArray>> adds{{{}, QByteArray()}, {{}, QByteArray("y\n")}, {{QStringLiteral("--yes")}, QByteArray()},
                                                      {{QStringLiteral("--fingerprint"), fresh}, QByteArray()}};
    for (const auto &[extra, input] : adds) {
        const Run r = cli(QStringList{QStringLiteral("known-hosts"), QStringLiteral("add"), QStringLiteral("edge-a")} + extra, input);
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QLatin1String("host-key-mismatch")) && r.err.contains(QLatin1String("CHANGED")), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(m_oldFingerprint) && r.both().contains(fresh), qPrintable(describe(r))); // old and new
        QVERIFY2(r.err.contains(QLatin1String("routerlens-cli known-hosts remove edge-a")), qPrintable(describe(r)));
        QCOMPARE(knownHosts(), before);
    }
}

void TestCliHostKeys::acceptNewRecordsABrandNewRouterOnly()
{
    const QByteArray before = knownHosts();
    const QString newKey = m_edgeB.hostFingerprint();
    Run r = cli({QStringLiteral("query"), QStringLiteral("-r"), QStringLiteral("edge-a"), QStringLiteral("-r"), QStringLiteral("edge-b"),
                 QStringLiteral("facts"), QStringLiteral("--accept-new-host-keys")});
    QVERIFY2(r.exitCode == 3, qPrintable(describe(r))); // edge-b answers, edge-a's changed key is refused
    QVERIFY2(r.err.contains(QRegularExpression(QStringLiteral("host key: Router edge-b .*") + QRegularExpression::escape(newKey))),
             qPrintable(describe(r)));
    QVERIFY2(!r.err.contains(QLatin1String("host key: Router edge-a")), qPrintable(describe(r)));
    QVERIFY2(r.both().contains(QLatin1String("host-key-mismatch")), qPrintable(describe(r)));
    const QByteArray after = knownHosts();
    QVERIFY(after.startsWith(before)); // appended, nothing replaced
    QVERIFY(after.contains(m_edgeB.hostPublicKey().toLatin1()));
    QVERIFY(!after.contains(m_edgeA.hostPublicKey().toLatin1()));

    r = cli({QStringLiteral("query"), QStringLiteral("-r"), QStringLiteral("edge-b"), QStringLiteral("facts")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r))); // recorded for good, no flag needed now

    for (const QString &command : {QStringLiteral("diagnose"), QStringLiteral("compare")}) {
        r = cli({command, QStringLiteral("--help")});
        QVERIFY2(r.out.contains(QLatin1String("--accept-new-host-keys")), qPrintable(describe(r)));
    }
}

void TestCliHostKeys::removeThenAddTakesTheNewKey()
{
    Run r = cli({QStringLiteral("known-hosts"), QStringLiteral("remove"), QStringLiteral("edge-a")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    r = cli({QStringLiteral("known-hosts"), QStringLiteral("add"), QStringLiteral("edge-a"), QStringLiteral("--fingerprint"),
             m_edgeA.hostFingerprint()});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY(knownHosts().contains(m_edgeB.hostPublicKey().toLatin1())); // the other router's key stays
    r = cli({QStringLiteral("query"), QStringLiteral("-r"), QStringLiteral("edge-a"), QStringLiteral("facts")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
}

QTEST_GUILESS_MAIN(TestCliHostKeys)
#include "tst_cli_host_keys.moc"
