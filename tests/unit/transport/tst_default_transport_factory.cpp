#include "engine/transport/default_transport_factory.h"
#include "engine/transport/http_api_transport.h"
#include "engine/transport/ssh_transport.h"

#include <QTest>

using namespace rl;

class TestDefaultTransportFactory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void httpKindsGetHttpTransport_data();
    void httpKindsGetHttpTransport();
    void unknownCredentialProfile();
    void sshRouterGetsSshTransport();
};

void TestDefaultTransportFactory::httpKindsGetHttpTransport_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("eapi") << int(TransportKind::HttpEapi);
    QTest::newRow("nxapi") << int(TransportKind::HttpNxapi);
    QTest::newRow("restconf") << int(TransportKind::Restconf);
}

void TestDefaultTransportFactory::httpKindsGetHttpTransport()
{
    QFETCH(int, kind);
    DefaultTransportFactory f(QHash<QString, CredentialProfile>{}, nullptr);
    Router r;
    r.name = QStringLiteral("edge-1");
    r.host = QStringLiteral("127.0.0.1");
    r.transport = TransportKind(kind);
    auto t = f.create(r, {});
    QVERIFY(dynamic_cast<HttpApiTransport *>(t.get()));
    // An empty allow-list refuses everything before anything is sent.
    const auto out = t->run({QStringLiteral("show version")}, {});
    QCOMPARE(out.error().code, ErrorCode::ForbiddenCommand);
}

void TestDefaultTransportFactory::unknownCredentialProfile()
{
    DefaultTransportFactory f(QHash<QString, CredentialProfile>{}, nullptr);
    Router r;
    r.name = QStringLiteral("edge-1");
    r.host = QStringLiteral("127.0.0.1");
    r.credentials = QStringLiteral("missing");
    const auto out = f.create(r, {})->run({QStringLiteral("show version")}, {});
    QCOMPARE(out.error().code, ErrorCode::InventoryError);
    QVERIFY(out.error().message.contains(QLatin1String("missing")));
}

void TestDefaultTransportFactory::sshRouterGetsSshTransport()
{
    CredentialProfile c;
    c.name = QStringLiteral("lab");
    c.username = QStringLiteral("ops");
    DefaultTransportFactory f(QHash<QString, CredentialProfile>{{c.name, c}}, nullptr);
    Router r;
    r.name = QStringLiteral("edge-1");
    r.host = QStringLiteral("127.0.0.1");
    r.credentials = QStringLiteral("lab");
    auto t = f.create(r, {});
    QVERIFY(dynamic_cast<SshTransport *>(t.get()));
    // The empty guard of a default profile refuses before any connection is tried.
    QCOMPARE(t->run({QStringLiteral("show version")}, {}).error().code, ErrorCode::ForbiddenCommand);
    QVERIFY(!t->isOpen());
}

QTEST_GUILESS_MAIN(TestDefaultTransportFactory)
#include "tst_default_transport_factory.moc"
