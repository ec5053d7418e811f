// The HTTP API of routerlens-serve, end to end on 127.0.0.1 against the demo lab: identity from
// tokens only, the customer boundary, queries waited for and polled, diagnoses, errors with
// their codes and statuses, and an OpenAPI document that lists exactly the routes served.

#include "engine/service/router_data_service.h"
#include "engine/storage/memory_result_store.h"
#include "server/api_server.h"
#include "server/http_server.h"
#include "server/token_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QtTest>

using namespace rl;

namespace {

struct Answer {
    int status = 0;
    QJsonObject json;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers;
    QString code() const { return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
};

} // namespace

class TestApiServer final : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<MemoryResultStore> m_store = std::make_shared<MemoryResultStore>();
    std::unique_ptr<RouterDataService> m_service;
    TokenStore m_tokens;
    std::unique_ptr<ApiServer> m_api;
    std::unique_ptr<HttpServer> m_http;
    QNetworkAccessManager m_nam;
    quint16 m_port = 0;
    QString m_internal, m_admin, m_globex, m_initech, m_revoked;

    Answer call(const QByteArray &method, const QString &path, const QString &token, const QByteArray &body = {},
                const QByteArray &contentType = "application/json")
    {
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        if (!body.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        a.json = QJsonDocument::fromJson(a.body).object();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            a.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return a;
    }
    static QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }
    static QSet<QString> names(const QJsonArray &list, const char *key)
    {
        QSet<QString> s;
        for (const QJsonValue &v : list)
            s.insert(v.toObject().value(QLatin1String(key)).toString());
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        EngineSettings settings = EngineSettings::defaults();
        settings.storePath = QStringLiteral(":memory:");
        RouterDataService::Backends backends;
        backends.store = m_store;
        m_service = std::make_unique<RouterDataService>(settings, backends);
        m_service->useDemoLab();
        auto make = [&](const QString &id, Role role, const QString &customer) {
            const Result<QString> t = m_tokens.create(ClientIdentity{id, role, customer});
            return t ? *t : QString();
        };
        m_internal = make(QStringLiteral("noc-alice"), Role::Internal, {});
        m_admin = make(QStringLiteral("noc-admin"), Role::Admin, {});
        m_globex = make(QStringLiteral("globex-ops"), Role::External, QStringLiteral("globex"));
        m_initech = make(QStringLiteral("initech-ops"), Role::External, QStringLiteral("initech"));
        m_revoked = make(QStringLiteral("former"), Role::Internal, {});
        QVERIFY(!m_revoked.isEmpty());
        QVERIFY(!m_tokens.revoke(m_tokens.entries().last().id));
        ApiServer::Options options;
        options.maxOpenQueriesPerClient = 2;
        options.maxKeptPerClient = 3;
        m_api = std::make_unique<ApiServer>(*m_service, m_tokens, options);
        m_http = std::make_unique<HttpServer>(HttpServer::Limits{});
        m_http->setHandler([this](const HttpRequest &r, HttpResponder responder) { m_api->handle(r, std::move(responder)); });
        const Result<quint16> port = m_http->listen(QHostAddress::LocalHost, 0, std::nullopt);
        QVERIFY2(port, qPrintable(port ? QString() : port.error().message));
        m_port = *port;
    }

    void identityComesFromTheToken_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("status");
        QTest::newRow("none") << QString() << 401;
        QTest::newRow("garbage") << QStringLiteral("hello") << 401;
        QTest::newRow("forged secret") << m_globex.left(m_globex.size() - 4) + QStringLiteral("AAAA") << 401;
        QTest::newRow("revoked") << m_revoked << 401;
        QTest::newRow("valid") << m_internal << 200;
    }
    void identityComesFromTheToken()
    {
        QFETCH(QString, token);
        QFETCH(int, status);
        const Answer a = call("GET", QStringLiteral("/v1/routers"), token);
        QCOMPARE(a.status, status);
        if (status == 401) {
            QCOMPARE(a.code(), QStringLiteral("auth-failed"));
            QVERIFY(a.headers.value("www-authenticate").startsWith("Bearer"));
            QVERIFY(!a.json.contains(QStringLiteral("routers")));
        }
    }

    void meNamesTheTokensClient()
    {
        const Answer a = call("GET", QStringLiteral("/v1/me"), m_globex);
        QCOMPARE(a.status, 200);
        const QJsonObject c = a.json.value(QStringLiteral("client")).toObject();
        QCOMPARE(c.value(QStringLiteral("id")).toString(), QStringLiteral("globex-ops"));
        QCOMPARE(c.value(QStringLiteral("role")).toString(), QStringLiteral("external"));
        QCOMPARE(c.value(QStringLiteral("customer")).toString(), QStringLiteral("globex"));
        const Answer staff = call("GET", QStringLiteral("/v1/me"), m_internal);
        QCOMPARE(staff.json.value(QStringLiteral("client")).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("internal"));
        QVERIFY(!staff.json.value(QStringLiteral("client")).toObject().contains(QStringLiteral("customer")));
        QCOMPARE(call("GET", QStringLiteral("/v1/me"), m_revoked).status, 401);
    }

    // ?after=N ends a long-poll at the next part, not at the end: a front end shows each router's
    // part as it comes. pe1-par answers from the store at once; the other two wait while the
    // engine is paused, then the first of them wakes the poll with the query still running.
    void afterFollowsThePartsAsTheyArrive()
    {
        const QByteArray one = json({{QStringLiteral("routers"), QJsonArray{QStringLiteral("pe1-par")}},
                                     {QStringLiteral("query"), QStringLiteral("bgp-status")}});
        QCOMPARE(call("POST", QStringLiteral("/v1/queries?wait=60"), m_internal, one).status, 200);
        m_service->setPaused(true);
        const QByteArray three = json({{QStringLiteral("routers"),
                                        QJsonArray{QStringLiteral("pe1-par"), QStringLiteral("ce-globex"), QStringLiteral("pe2-ams")}},
                                       {QStringLiteral("query"), QStringLiteral("bgp-status")},
                                       {QStringLiteral("maxAgeSeconds"), 3600}});
        const Answer started = call("POST", QStringLiteral("/v1/queries"), m_internal, three);
        QCOMPARE(started.status, 202);
        const QString location = started.json.value(QStringLiteral("location")).toString();
        // The stored part is there (or comes) at once.
        const Answer first = call("GET", location + QStringLiteral("?wait=60&after=0"), m_internal);
        QCOMPARE(first.status, 202);
        QCOMPARE(first.json.value(QStringLiteral("parts")).toArray().size(), 1);
        QCOMPARE(call("GET", location + QStringLiteral("?wait=5&after=-1"), m_internal).status, 400);
        // Waiting for a second part while the engine is paused; it comes when it resumes.
        QTimer::singleShot(200, m_service.get(), [this] { m_service->setPaused(false); });
        const Answer second = call("GET", location + QStringLiteral("?wait=60&after=1"), m_internal);
        QCOMPARE(second.status, 202);
        QCOMPARE(second.json.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(second.json.value(QStringLiteral("parts")).toArray().size(), 2);
        const Answer done = call("GET", location + QStringLiteral("?wait=60"), m_internal);
        QCOMPARE(done.status, 200);
        QCOMPARE(done.json.value(QStringLiteral("response")).toObject().value(QStringLiteral("results")).toArray().size(), 3);
    }

    void healthAndDocumentNeedNoToken()
    {
        QCOMPARE(call("GET", QStringLiteral("/v1/health"), {}).status, 200);
        const Answer doc = call("GET", QStringLiteral("/openapi.json"), {});
        QCOMPARE(doc.status, 200);
        QCOMPARE(doc.json.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.3"));
    }

    // Every route served is documented with its method, and the document lists nothing else.
    void openApiListsExactlyTheRoutes()
    {
        const QJsonObject paths = QJsonDocument::fromJson(ApiServer::openApiDocument()).object().value(QStringLiteral("paths")).toObject();
        QVERIFY(!paths.isEmpty());
        QSet<QString> served, documented;
        for (const ApiServer::Route &r : ApiServer::routes())
            served.insert(QString::fromLatin1(r.method).toLower() + QLatin1Char(' ') + r.pattern);
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            for (const QString &method : it.value().toObject().keys())
                documented.insert(method + QLatin1Char(' ') + it.key());
        }
        QCOMPARE(documented, served);
        // And the routes that need no token say so in the document.
        for (const ApiServer::Route &r : ApiServer::routes()) {
            const QJsonObject op = paths.value(r.pattern).toObject().value(QString::fromLatin1(r.method).toLower()).toObject();
            QCOMPARE(op.contains(QStringLiteral("security")) && op.value(QStringLiteral("security")).toArray().isEmpty(), !r.authenticated);
        }
    }

    void externalSeesOnlyItsOwn()
    {
        const Answer routers = call("GET", QStringLiteral("/v1/routers"), m_globex);
        QCOMPARE(routers.status, 200);
        QCOMPARE(names(routers.json.value(QStringLiteral("routers")).toArray(), "name"),
                 (QSet<QString>{QStringLiteral("pe1-par"), QStringLiteral("ce-globex")}));
        // A customer learns which routers, not how to reach them.
        QVERIFY(!routers.body.contains("\"host\""));
        const Answer conns = call("GET", QStringLiteral("/v1/connections"), m_globex);
        QCOMPARE(names(conns.json.value(QStringLiteral("connections")).toArray(), "id"), QSet<QString>{QStringLiteral("globex-par-210")});
        QVERIFY(!conns.body.contains("initech"));
        const Answer all = call("GET", QStringLiteral("/v1/connections"), m_internal);
        QVERIFY(names(all.json.value(QStringLiteral("connections")).toArray(), "id").size() >= 4);
    }

    void queryWaitedFor()
    {
        const Answer a = call("POST", QStringLiteral("/v1/queries?wait=60"), m_globex,
                              json({{QStringLiteral("routers"), QJsonArray{QStringLiteral("pe1-par")}},
                                    {QStringLiteral("query"), QStringLiteral("bgp-status")}}));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        const Result<Response> r = Response::fromJson(a.json.value(QStringLiteral("response")).toObject());
        QVERIFY(r);
        QCOMPARE(r->results.size(), 1);
        QVERIFY2(r->results.first().ok(), qPrintable(r->results.first().error.message));
        QVERIFY(r->results.first().records.size() > 0);
        // pe1-par also carries initech's session: the filter for globex holds on the API too.
        QVERIFY(a.body.contains("198.51.100.2"));
        QVERIFY(!a.body.contains("198.51.100.6"));
        QVERIFY(!a.body.contains("65102"));
    }

    void queryPolled()
    {
        const Answer started = call("POST", QStringLiteral("/v1/queries"), m_initech,
                                    json({{QStringLiteral("routers"), QJsonArray{QStringLiteral("pe1-par")}},
                                          {QStringLiteral("query"), QStringLiteral("bgp-status")}}));
        QCOMPARE(started.status, 202);
        const QString location = started.json.value(QStringLiteral("location")).toString();
        QVERIFY(location.startsWith(QLatin1String("/v1/queries/q-")));
        QCOMPARE(QString::fromLatin1(started.headers.value("location")), location);
        // Not another client's to read, even knowing the id.
        QCOMPARE(call("GET", location, m_globex).status, 404);
        QCOMPARE(call("GET", location, m_internal).status, 404);
        const Answer done = call("GET", location + QStringLiteral("?wait=60"), m_initech);
        QCOMPARE(done.status, 200);
        QCOMPARE(done.json.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(done.json.value(QStringLiteral("progress")).toObject().value(QStringLiteral("done")).toInt(), 1);
    }

    // Access before existence: a router of another customer and one that does not exist give
    // the same answer to an external client; an internal one learns it does not exist.
    void refusalsCarryCodeAndStatus_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        auto q = [](const QString &router, const QString &kind) {
            return QJsonDocument(QJsonObject{{QStringLiteral("routers"), QJsonArray{router}}, {QStringLiteral("query"), kind}})
                .toJson(QJsonDocument::Compact);
        };
        QTest::newRow("other customer's router") << m_globex << q(QStringLiteral("ce-initech"), QStringLiteral("facts")) << 403 << QStringLiteral("forbidden");
        QTest::newRow("no such router, external") << m_globex << q(QStringLiteral("zz-nowhere"), QStringLiteral("facts")) << 403 << QStringLiteral("forbidden");
        QTest::newRow("no such router, internal") << m_internal << q(QStringLiteral("zz-nowhere"), QStringLiteral("facts")) << 404 << QStringLiteral("unknown-router");
        QTest::newRow("unknown kind") << m_internal << q(QStringLiteral("pe1-par"), QStringLiteral("reboot")) << 400 << QStringLiteral("unsupported-query");
        QTest::newRow("client in the body") << m_globex
                                            << QByteArray(R"({"client":{"id":"x","role":"admin"},"routers":["pe1-par"],"query":"facts"})")
                                            << 400 << QStringLiteral("invalid-request");
        QTest::newRow("id in the body") << m_globex << QByteArray(R"({"id":"q-1","routers":["pe1-par"],"query":"facts"})") << 400
                                        << QStringLiteral("invalid-request");
        QTest::newRow("not JSON") << m_globex << QByteArray("{routers: pe1-par") << 400 << QStringLiteral("invalid-request");
        QTest::newRow("a VRF of another customer") << m_globex
                                                   << QByteArray(R"({"routers":["pe1-par"],"query":"bgp-status","params":{"vrf":"INITECH-VRF"}})")
                                                   << 403 << QStringLiteral("forbidden");
    }
    void refusalsCarryCodeAndStatus()
    {
        QFETCH(QString, token);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const Answer a = call("POST", QStringLiteral("/v1/queries?wait=30"), token, body);
        QCOMPARE(a.status, status);
        QCOMPARE(a.code(), code);
        QVERIFY(!a.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
    }

    void badRequestsOfTheApiItself()
    {
        QCOMPARE(call("GET", QStringLiteral("/v1/nothing-here"), m_internal).status, 404);
        const Answer wrongMethod = call("PUT", QStringLiteral("/v1/queries"), m_internal, "{}");
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.headers.value("allow"), QByteArray("POST"));
        QCOMPARE(call("POST", QStringLiteral("/v1/queries?wait=soon"), m_internal, R"({"routers":["pe1-par"],"query":"facts"})").status, 400);
        QCOMPARE(call("POST", QStringLiteral("/v1/queries?wait=100000"), m_internal, R"({"routers":["pe1-par"],"query":"facts"})").status, 400);
        QCOMPARE(call("POST", QStringLiteral("/v1/queries"), m_internal, R"({"routers":["pe1-par"],"query":"facts"})", "text/plain").status, 400);
    }

    // A client with its limit of queries running gets 429 and when to retry.
    void tooManyOpenQueries()
    {
        const QByteArray body = R"({"routers":["pe2-ams"],"query":"received-routes","params":{"neighbor":"198.51.100.10"}})";
        QList<int> statuses;
        QStringList locations;
        Answer last;
        for (int i = 0; i < 3; ++i) {
            last = call("POST", QStringLiteral("/v1/queries"), m_internal, body);
            statuses.append(last.status);
            locations.append(last.json.value(QStringLiteral("location")).toString());
        }
        QCOMPARE(statuses, (QList<int>{202, 202, 429}));
        QCOMPARE(last.code(), QStringLiteral("throttled"));
        QVERIFY(last.headers.value("retry-after").toInt() >= 1);
        // The count is per client and falls as queries end, answered or cancelled.
        QCOMPARE(call("POST", QStringLiteral("/v1/queries"), m_admin, body).status, 202);
        QCOMPARE(call("GET", locations.at(0) + QStringLiteral("?wait=60"), m_internal).status, 200);
        QCOMPARE(call("DELETE", locations.at(1), m_internal).status, 202);
        QTRY_COMPARE(call("GET", locations.at(1), m_internal).json.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        statuses.clear();
        for (int i = 0; i < 3; ++i)
            statuses.append(call("POST", QStringLiteral("/v1/queries"), m_internal, body).status);
        QCOMPARE(statuses, (QList<int>{202, 202, 429}));
    }

    void diagnosisForACustomer()
    {
        const Answer a = call("POST", QStringLiteral("/v1/diagnoses?wait=120"), m_globex,
                              R"({"all":true,"secondReadSeconds":0})");
        QCOMPARE(a.status, 200);
        const QJsonArray diagnoses = a.json.value(QStringLiteral("result")).toObject().value(QStringLiteral("diagnoses")).toArray();
        QCOMPARE(diagnoses.size(), 1);
        const QJsonObject d = diagnoses.first().toObject();
        QCOMPARE(d.value(QStringLiteral("connection")).toString(), QStringLiteral("globex-par-210"));
        // The demo's globex sends the wrong VLAN: the API gives the same verdict as the CLI.
        QCOMPARE(d.value(QStringLiteral("verdict")).toString(), QStringLiteral("fault"));
        QCOMPARE(d.value(QStringLiteral("likelyCause")).toObject().value(QStringLiteral("layer")).toString(), QStringLiteral("vlan"));
        QVERIFY(!a.body.contains("initech"));
        // Another customer's connection is not there for this client.
        QCOMPARE(call("POST", QStringLiteral("/v1/diagnoses"), m_globex, R"({"connections":["initech-par-300"]})").status, 404);
        QCOMPARE(call("GET", a.json.value(QStringLiteral("location")).toString(), m_initech).status, 404);
    }

    // Ended answers are kept to be read back, a bounded number per client: the oldest go.
    void keptAnswersAreBounded()
    {
        QStringList locations;
        for (int i = 0; i < 5; ++i) {
            const Answer a = call("POST", QStringLiteral("/v1/queries?wait=60"), m_admin,
                                  R"({"routers":["pe1-par"],"query":"bgp-status","maxAgeSeconds":3600})");
            QCOMPARE(a.status, 200);
            locations.append(a.json.value(QStringLiteral("location")).toString());
        }
        QTRY_COMPARE(call("GET", locations.first(), m_admin).status, 404);
        QCOMPARE(call("GET", locations.last(), m_admin).status, 200);
    }

    void usageIsForStaff()
    {
        QCOMPARE(call("GET", QStringLiteral("/v1/usage"), m_globex).status, 403);
        QCOMPARE(call("GET", QStringLiteral("/metrics"), m_globex).status, 403);
        const Answer a = call("GET", QStringLiteral("/v1/usage"), m_admin);
        QCOMPARE(a.status, 200);
        QVERIFY(a.json.value(QStringLiteral("completed")).toInteger() >= 1);
        // What the API's clients asked, per client and router: globex's bgp-status on pe1-par.
        bool globexSeen = false;
        for (const QJsonValue &v : a.json.value(QStringLiteral("apiUsage")).toArray()) {
            const QJsonObject row = v.toObject();
            if (row.value(QStringLiteral("client")) == QLatin1String("globex-ops") && row.value(QStringLiteral("router")) == QLatin1String("pe1-par"))
                globexSeen = row.value(QStringLiteral("parts")).toInt() >= 1;
        }
        QVERIFY(globexSeen);
        const Answer metrics = call("GET", QStringLiteral("/metrics"), m_admin);
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains(R"(routerlens_router_parts_total{client="globex-ops",router="pe1-par"})"));
        QVERIFY(metrics.body.contains("routerlens_engine_completed "));
        QVERIFY(metrics.body.contains(R"(routerlens_requests_refused_total{client="globex-ops",reason="other"})"));
    }

    // /v1/usage and /metrics read the store: figures another process added there are shown with
    // this one's, summed.
    void usageReadsTheStore()
    {
        UsageBucket other;
        other.hour = usageHour(QDateTime::currentDateTimeUtc());
        other.client = QStringLiteral("noc-bob");
        other.router = QStringLiteral("pe1-par");
        other.counters.parts = 5;
        other.counters.coalesced = 2;
        other.counters.errors[QStringLiteral("timeout")] = 1;
        other.counters.latency.add(80);
        QVERIFY(!m_store->addUsage({other}));
        const Answer a = call("GET", QStringLiteral("/v1/usage?hours=1"), m_admin);
        QCOMPARE(a.status, 200);
        QJsonObject bob;
        for (const QJsonValue &v : a.json.value(QStringLiteral("apiUsage")).toArray())
            if (v.toObject().value(QStringLiteral("client")) == QLatin1String("noc-bob"))
                bob = v.toObject();
        QCOMPARE(bob.value(QStringLiteral("parts")).toInt(), 5);
        QCOMPARE(bob.value(QStringLiteral("coalesced")).toInt(), 2);
        QCOMPARE(bob.value(QStringLiteral("errors")).toObject().value(QStringLiteral("timeout")).toInt(), 1);
        QVERIFY(bob.value(QStringLiteral("latencyP95Ms")).toDouble() > 50);
        // What this process answered is in the store after a flush, once.
        m_service->flushUsage();
        const Answer again = call("GET", QStringLiteral("/v1/usage?hours=1"), m_admin);
        QCOMPARE(again.json.value(QStringLiteral("apiUsage")).toArray().size(), a.json.value(QStringLiteral("apiUsage")).toArray().size());
        for (const QJsonValue &v : again.json.value(QStringLiteral("apiUsage")).toArray())
            QVERIFY(a.json.value(QStringLiteral("apiUsage")).toArray().contains(v));
        const Answer metrics = call("GET", QStringLiteral("/metrics"), m_admin);
        QVERIFY(metrics.body.contains(R"(routerlens_coalesced_total{client="noc-bob",router="pe1-par"} 2)"));
        QVERIFY(metrics.body.contains(R"(routerlens_router_parts_total{client="noc-bob",router="pe1-par"} 5)"));
        QCOMPARE(call("GET", QStringLiteral("/v1/usage?hours=0"), m_admin).status, 400);
    }
};

QTEST_GUILESS_MAIN(TestApiServer)
#include "tst_api_server.moc"
