// NetBox imports against recorded device lists served over TLS on 127.0.0.1: two pages followed,
// each device mapped or left out with a warning that says why, the token sent as NetBox expects
// and never to another server, and a refused token, a page that is not NetBox's, an untrusted
// certificate and plain HTTP each a clear error.
#include "https_test_server.h"

#include "engine/inventory/netbox_inventory.h"
#include "engine/service/netbox_import.h"

#include <QFile>
#include <QTest>
#include <QUrlQuery>

using namespace rl;

namespace {

QByteArray recorded(const char *name)
{
    QFile f(QStringLiteral(TOPSRCDIR "tests/unit/inventory/data/netbox/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", name);
    return f.readAll();
}

} // namespace

class TestNetBoxImport : public QObject
{
    Q_OBJECT

private:
    TestPki m_pki;
    HttpsTestServer m_server;
    quint16 m_port = 0;

    QByteArray base() const { return "https://127.0.0.1:" + QByteArray::number(m_port); }

    // NetBox's pages as recorded, addressed as this server.
    void serveRecordedPages(QByteArray nextOverride = {})
    {
        const QByteArray b = base();
        m_server.setHandler([b, nextOverride](const ReceivedRequest &r) {
            CannedReply reply;
            const QUrlQuery q(QUrl(QString::fromUtf8(r.path)).query());
            if (!r.path.startsWith("/api/dcim/devices/")) {
                reply.status = 404;
                reply.body = R"({"detail": "Not found."})";
                return reply;
            }
            QByteArray page = recorded(q.queryItemValue(QStringLiteral("offset")) == u"3" ? "devices-page2.json"
                                                                                          : "devices-page1.json");
            if (!nextOverride.isEmpty())
                page.replace("{{BASE}}/api/dcim/devices/?limit=3&offset=3", nextOverride);
            reply.body = page.replace("{{BASE}}", b);
            return reply;
        });
    }

    NetBoxSource source() const
    {
        NetBoxSource s;
        s.url = QUrl(QString::fromUtf8(base()) + QStringLiteral("/"));
        s.token = "0123456789abcdef0123456789abcdef01234567";
        s.caFile = m_pki.path(QStringLiteral("ca.pem"));
        s.credentials.name = QStringLiteral("netops");
        s.credentials.username = QStringLiteral("netops-ro");
        s.credentials.secret = QStringLiteral("env:RL_NETOPS_PASSWORD");
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_pki.generate();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_port = m_server.start({m_pki.cert(QStringLiteral("good.pem"))}, m_pki.key(QStringLiteral("good.key")));
        QVERIFY(m_port != 0);
    }

    void init() { m_server.reset(); }

    void twoPagesBecomeRouters()
    {
        serveRecordedPages();
        NetBoxImportReport report;
        const auto inv = importFromNetBox(source(), &report);
        QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
        QCOMPARE(report.pages, 2);
        QCOMPARE(report.devices, 7);
        QCOMPARE(report.count, 7);
        QCOMPARE(inv->routerNames(), (QStringList{QStringLiteral("ams-pe1"), QStringLiteral("ams-pe2"),
                                                  QStringLiteral("fra-p1"), QStringLiteral("ber-leaf1")}));
        const Router *pe1 = inv->router(QStringLiteral("ams-pe1"));
        QCOMPARE(pe1->platform, QStringLiteral("juniper-junos"));
        QCOMPARE(pe1->host, QStringLiteral("198.51.100.11"));
        QCOMPARE(pe1->port, 22);
        QCOMPARE(pe1->credentials, QStringLiteral("netops"));
        QCOMPARE(pe1->tags.value(QStringLiteral("site")), QStringLiteral("ams-dc1"));
        QCOMPARE(pe1->tags.value(QStringLiteral("customer")), QStringLiteral("tulip-bank"));
        QCOMPARE(pe1->tags.value(QStringLiteral("role")), QStringLiteral("provider-edge"));
        QCOMPARE(pe1->tags.value(QStringLiteral("status")), QStringLiteral("active"));
        QCOMPARE(pe1->tags.value(QStringLiteral("netbox-id")), QStringLiteral("101"));
        QCOMPARE(inv->router(QStringLiteral("ams-pe2"))->platform, QStringLiteral("cisco-ios"));
        QCOMPARE(inv->router(QStringLiteral("ams-pe2"))->host, QStringLiteral("198.51.100.12")); // primary_ip, the v4 one
        QCOMPARE(inv->router(QStringLiteral("fra-p1"))->platform, QStringLiteral("arista-eos"));
        QCOMPARE(inv->router(QStringLiteral("fra-p1"))->host, QStringLiteral("2001:db8:40::21"));
        QCOMPARE(inv->router(QStringLiteral("fra-p1"))->tags.value(QStringLiteral("status")), QStringLiteral("planned"));
        QCOMPARE(inv->router(QStringLiteral("ber-leaf1"))->platform, QStringLiteral("cisco-nxos"));
        QCOMPARE(inv->router(QStringLiteral("ber-leaf1"))->tags.value(QStringLiteral("role")), QStringLiteral("leaf")); // 3.x device_role
        QVERIFY(inv->credentialProfile(QStringLiteral("netops")));
        // The three devices left out, each named with the reason.
        const QStringList w = inv->warnings();
        QCOMPARE(w.size(), 3);
        QVERIFY2(w.filter(QStringLiteral("\"fra-fw1\" (id 104) left out: its platform \"paloalto-panos\"")).size() == 1,
                 qPrintable(w.join(u'\n')));
        QVERIFY(w.filter(QStringLiteral("\"fra-p2\" (id 105) left out: it has no primary IP")).size() == 1);
        QVERIFY(w.filter(QStringLiteral("NetBox device 106 left out: it has no name")).size() == 1);
        // The token as NetBox expects it, on every page; the first page asks for big pages.
        const QList<ReceivedRequest> got = m_server.received();
        QCOMPARE(got.size(), 2);
        for (const ReceivedRequest &r : got)
            QCOMPARE(r.headers.value("authorization"), QByteArray("Token 0123456789abcdef0123456789abcdef01234567"));
        QCOMPARE(got[0].path, QByteArray("/api/dcim/devices/?limit=1000"));
        QCOMPARE(got[1].path, QByteArray("/api/dcim/devices/?limit=3&offset=3"));
    }

    void filtersInTheUrlAreKept()
    {
        serveRecordedPages();
        NetBoxSource s = source();
        s.url = QUrl(QString::fromUtf8(base()) + QStringLiteral("/api/dcim/devices/?site=ams-dc1&status=active"));
        QVERIFY(importFromNetBox(s).ok());
        QCOMPARE(m_server.received().value(0).path, QByteArray("/api/dcim/devices/?site=ams-dc1&status=active&limit=1000"));
    }

    void theTokenNeverFollowsAnotherServer()
    {
        serveRecordedPages("https://198.51.100.200/api/dcim/devices/?limit=3&offset=3");
        const auto inv = importFromNetBox(source());
        QVERIFY(!inv.ok());
        QVERIFY2(inv.error().message.contains(QLatin1String("another server")), qPrintable(inv.error().message));
        QCOMPARE(m_server.received().size(), 1);
    }

    void aRefusedTokenSaysSo()
    {
        m_server.setHandler([](const ReceivedRequest &) {
            CannedReply reply;
            reply.status = 403;
            reply.body = R"({"detail": "Invalid token"})";
            return reply;
        });
        const auto inv = importFromNetBox(source());
        QVERIFY(!inv.ok());
        QCOMPARE(inv.error().code, ErrorCode::AuthFailed);
        QVERIFY2(inv.error().message.contains(QLatin1String("refused the token (HTTP 403")), qPrintable(inv.error().message));
        QVERIFY(!inv.error().message.contains(QLatin1String("0123456789abcdef")));
    }

    void aPageThatIsNotNetBoxIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");
        QTest::newRow("html") << QByteArray("<html><body>Login</body></html>") << "is not JSON";
        QTest::newRow("other json") << QByteArray(R"({"results": "no"})") << "is not a device list";
        QTest::newRow("results not devices") << QByteArray(R"({"count": 1, "next": null, "results": [7]})") << "not a device";
        QTest::newRow("nothing usable") << QByteArray(R"({"count": 0, "next": null, "results": []})") << "list is empty";
    }

    void aPageThatIsNotNetBoxIsRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        m_server.setHandler([body](const ReceivedRequest &) {
            CannedReply reply;
            reply.body = body;
            return reply;
        });
        const auto inv = importFromNetBox(source());
        QVERIFY(!inv.ok());
        QCOMPARE(inv.error().code, ErrorCode::InventoryError);
        QVERIFY2(inv.error().message.contains(says), qPrintable(inv.error().message));
    }

    void anUntrustedCertificateIsRefused()
    {
        serveRecordedPages();
        NetBoxSource s = source();
        s.caFile = m_pki.path(QStringLiteral("otherca.pem"));
        const auto inv = importFromNetBox(s);
        QVERIFY(!inv.ok());
        QCOMPARE(inv.error().code, ErrorCode::TlsError);
        QVERIFY(m_server.received().isEmpty());
    }

    void plainHttpIsRefused()
    {
        NetBoxSource s = source();
        s.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_port));
        const auto inv = importFromNetBox(s);
        QVERIFY(!inv.ok());
        QVERIFY2(inv.error().message.contains(QLatin1String("not an https:// URL")), qPrintable(inv.error().message));
        s = source();
        s.token.clear();
        QVERIFY(importFromNetBox(s).error().message.contains(QLatin1String("No NetBox API token")));
        QVERIFY(m_server.received().isEmpty());
    }

    void platformNames_data()
    {
        QTest::addColumn<QString>("netbox");
        QTest::addColumn<QString>("platform");
        QTest::newRow("ios-xe slug") << "cisco-ios-xe" << "cisco-ios";
        QTest::newRow("nx-os slug") << "cisco-nx-os" << "cisco-nxos";
        QTest::newRow("ios-xr slug") << "cisco-ios-xr" << "cisco-iosxr";
        QTest::newRow("junos") << "junos" << "juniper-junos";
        QTest::newRow("napalm eos") << "eos" << "arista-eos";
        QTest::newRow("netmiko") << "cisco_xe" << "cisco-ios";
        QTest::newRow("typed name") << "Cisco IOS-XE" << "cisco-ios";
        QTest::newRow("typed junos") << "Juniper Junos" << "juniper-junos";
        QTest::newRow("ours") << "frr" << "frr";
        QTest::newRow("unknown") << "paloalto-panos" << "";
    }

    void platformNames()
    {
        QFETCH(QString, netbox);
        QFETCH(QString, platform);
        QCOMPARE(NetBoxInventoryReader::platformFromNetBox(netbox), platform);
    }
};

QTEST_MAIN(TestNetBoxImport)
#include "tst_netbox_import.moc"
