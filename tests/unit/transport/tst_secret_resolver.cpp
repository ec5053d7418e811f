#include "engine/transport/secret_resolver.h"

#include <QTest>

using namespace rl;

class TestSecretResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void environment();
    void errorsNameTheReference_data();
    void errorsNameTheReference();
    void keychainWithoutSessionBus();
    void wipe();
};

void TestSecretResolver::environment()
{
    qputenv("RL_TST_SECRET", "s3cret value");
    const auto r = SecretResolver().resolve(QStringLiteral("env:RL_TST_SECRET"));
    QVERIFY(r.ok());
    QCOMPARE(r.value(), QByteArray("s3cret value"));
}

void TestSecretResolver::errorsNameTheReference_data()
{
    QTest::addColumn<QString>("reference");
    QTest::newRow("unset variable") << QStringLiteral("env:RL_TST_NEVER_SET");
    QTest::newRow("no variable") << QStringLiteral("env:");
    QTest::newRow("unknown scheme") << QStringLiteral("file:/etc/passwd");
    QTest::newRow("plain text") << QStringLiteral("hunter2");
    QTest::newRow("keychain without account") << QStringLiteral("keychain:routerlens");
}

void TestSecretResolver::errorsNameTheReference()
{
    QFETCH(QString, reference);
    const auto r = SecretResolver().resolve(reference);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::AuthFailed);
    QVERIFY(r.error().message.contains(reference));
}

void TestSecretResolver::keychainWithoutSessionBus()
{
    const QByteArray saved = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    const auto r = SecretResolver(2000).resolve(QStringLiteral("keychain:routerlens/lab"));
    if (!saved.isEmpty())
        qputenv("DBUS_SESSION_BUS_ADDRESS", saved);
    QCOMPARE(r.error().code, ErrorCode::AuthFailed);
    QVERIFY(r.error().message.contains(QLatin1String("D-Bus")));
    QVERIFY(r.error().message.contains(QLatin1String("keychain:routerlens/lab")));
}

void TestSecretResolver::wipe()
{
    QByteArray secret("top secret");
    const char *data = secret.constData();
    Q_UNUSED(data);
    SecretResolver::wipe(secret);
    QVERIFY(secret.isEmpty());
}

QTEST_GUILESS_MAIN(TestSecretResolver)
#include "tst_secret_resolver.moc"
