// API tokens: a token identifies its client until revoked; the file keeps hashes only, is
// private to its owner, and a file that is not ours or is damaged is refused, not rewritten.

#include "server/token_store.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace rl;

class TestTokenStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenIdentifiesItsClientUntilRevoked()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tokens.json"));
        TokenStore store(path);
        QVERIFY(!store.load());
        const Result<QString> token = store.create({QStringLiteral("globex-ops"), Role::External, QStringLiteral("globex")},
                                                   QStringLiteral("ticket 4711"));
        QVERIFY(token);
        QVERIFY(token->startsWith(QLatin1String("rlt_")));
        const std::optional<ClientIdentity> who = store.identify(token->toLatin1());
        QVERIFY(who);
        QCOMPARE(who->id, QStringLiteral("globex-ops"));
        QCOMPARE(who->role, Role::External);
        QCOMPARE(who->customer, QStringLiteral("globex"));

        // Read back by another process: the same answer; then revoked, nothing.
        TokenStore again(path);
        QVERIFY(!again.load());
        QVERIFY(again.identify(token->toLatin1()));
        QCOMPARE(again.entries().first().note, QStringLiteral("ticket 4711"));
        QVERIFY(!again.revoke(again.entries().first().id));
        QVERIFY(!again.identify(token->toLatin1()));
        TokenStore third(path);
        QVERIFY(!third.load());
        QVERIFY(!third.identify(token->toLatin1()));
        QVERIFY(third.entries().first().isRevoked());
    }

    // A running service sees a revocation made by the admin command (another process).
    void revocationReachesARunningService()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tokens.json"));
        TokenStore admin(path);
        const Result<QString> token = admin.create({QStringLiteral("noc"), Role::Internal, {}});
        QVERIFY(token);
        TokenStore service(path);
        QVERIFY(!service.load());
        QVERIFY(service.identify(token->toLatin1()));
        QVERIFY(!admin.revoke(admin.entries().first().id));
        QTRY_VERIFY_WITH_TIMEOUT((service.refreshIfChanged(), !service.identify(token->toLatin1())), 5000);

        // A file damaged meanwhile identifies nobody (and says why), until it is fixed.
        const Result<QString> second = admin.create({QStringLiteral("noc2"), Role::Internal, {}});
        QVERIFY(second);
        QTRY_VERIFY_WITH_TIMEOUT((service.refreshIfChanged(), service.identify(second->toLatin1()).has_value()), 5000);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("not json");
        f.close();
        Error seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen = seen ? seen : service.refreshIfChanged(), !service.identify(second->toLatin1())), 5000);
        QCOMPARE(seen.code, ErrorCode::InventoryError);
    }

    void fileKeepsNoTokenAndIsPrivate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tokens.json"));
        TokenStore store(path);
        const Result<QString> token = store.create({QStringLiteral("noc"), Role::Internal, {}});
        QVERIFY(token);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        const QByteArray secret = token->toLatin1().mid(17);
        QVERIFY(!text.contains(secret));
        QVERIFY(!text.contains(token->toLatin1()));
        QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
    }

    void wrongTokensIdentifyNobody_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::newRow("last character") << QStringLiteral("last");
        QTest::newRow("another id") << QStringLiteral("id");
        QTest::newRow("cut short") << QStringLiteral("short");
        QTest::newRow("longer") << QStringLiteral("long");
        QTest::newRow("empty") << QStringLiteral("empty");
    }
    void wrongTokensIdentifyNobody()
    {
        QFETCH(QString, mutation);
        TokenStore store;
        const Result<QString> token = store.create({QStringLiteral("noc"), Role::Admin, {}});
        QVERIFY(token);
        QByteArray t = token->toLatin1();
        if (mutation == QLatin1String("last"))
            t[t.size() - 1] = t.at(t.size() - 1) == 'A' ? 'B' : 'A';
        else if (mutation == QLatin1String("id"))
            t[4] = t.at(4) == '0' ? '1' : '0';
        else if (mutation == QLatin1String("short"))
            t.chop(1);
        else if (mutation == QLatin1String("long"))
            t += 'x';
        else
            t.clear();
        QVERIFY(!store.identify(t));
        QVERIFY(store.identify(token->toLatin1()));
    }

    void externalTokenNeedsACustomer()
    {
        TokenStore store;
        const Result<QString> t = store.create({QStringLiteral("someone"), Role::External, {}});
        QVERIFY(!t);
        QCOMPARE(t.error().code, ErrorCode::InvalidRequest);
        QVERIFY(store.entries().isEmpty());
    }

    void filesThatAreNotOursAreRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("private_");
        QTest::addColumn<QString>("says");
        QTest::newRow("an inventory") << QByteArray(R"({"routers":[]})") << true << QStringLiteral("not a RouterLens token file");
        QTest::newRow("not JSON") << QByteArray("hello") << true << QStringLiteral("not a RouterLens token file");
        QTest::newRow("damaged entry") << QByteArray(R"({"routerlensTokens":1,"tokens":[{"id":"abc","client":"x","role":"admin","sha256":"00"}]})")
                                       << true << QStringLiteral("damaged entry");
        QTest::newRow("external without customer")
            << QByteArray(R"({"routerlensTokens":1,"tokens":[{"id":"0123456789ab","client":"x","role":"external","sha256":")"
                          + QByteArray(64, 'a') + R"("}]})")
            << true << QStringLiteral("damaged entry");
        QTest::newRow("readable by others") << QByteArray(R"({"routerlensTokens":1,"tokens":[]})") << false << QStringLiteral("chmod 600");
    }
    void filesThatAreNotOursAreRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, private_);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tokens.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        f.setPermissions(private_ ? (QFileDevice::ReadOwner | QFileDevice::WriteOwner)
                                  : (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        TokenStore store(path);
        const Error e = store.load();
        QCOMPARE(e.code, ErrorCode::InventoryError);
        QVERIFY2(e.message.contains(says), qPrintable(e.message));
        QVERIFY(e.message.contains(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content); // untouched
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_token_store.moc"
