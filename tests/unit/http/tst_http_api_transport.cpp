// The HTTP API transport against a local HTTPS server on 127.0.0.1 that serves answers written
// in each API's documented shape: eAPI runCmds, NX-API cli batches, RESTCONF GETs; JSON-RPC
// errors, HTTP errors, slow and cut-short answers, and certificates good and bad.

#include "https_test_server.h"

#include "engine/api/event_log.h"
#include "engine/transport/http_api_codec.h"
#include "engine/transport/http_api_transport.h"
#include "engine/transport/secret_resolver.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QThread>
#include <QtTest>

using namespace rl;

namespace {

const char *kSecretVar = "RL_TEST_HTTP_SECRET";
const QByteArray kSecret = "s3cret-pa55";

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

CannedReply eapiAnswer(const ReceivedRequest &req)
{
    const QJsonObject rpc = jsonOf(req.body);
    const bool text = rpc.value("params").toObject().value("format").toString() == QLatin1String("text");
    QJsonArray results;
    for (const QJsonValue &c : rpc.value("params").toObject().value("cmds").toArray()) {
        // format text: what the CLI would print, in "output"
        if (text)
            results.append(QJsonObject{{"output", QStringLiteral("Port  Name  Status\n(%1)\n").arg(c.toString())}});
        else
            results.append(QJsonObject{{"command", c.toString()}, {"answer", 42}});
    }
    return {200, "application/json",
            compact(QJsonObject{{"jsonrpc", "2.0"}, {"id", rpc.value("id")}, {"result", results}})};
}

} // namespace

class TestHttpApiTransport final : public QObject
{
    Q_OBJECT

private:
    TestPki m_pki;
    std::unique_ptr<HttpsTestServer> m_server;
    quint16 m_port = 0;

    Router router(TransportKind kind) const
    {
        Router r;
        r.name = QStringLiteral("api1");
        r.host = QStringLiteral("127.0.0.1");
        r.port = m_port;
        r.platform = QStringLiteral("arista-eos");
        r.transport = kind;
        r.caFile = m_pki.path(QStringLiteral("ca.pem"));
        return r;
    }
    static SessionProfile profile()
    {
        SessionProfile p;
        p.guard = CommandGuard({QStringLiteral(R"(show (version|interfaces status|interfaces|ip bgp summary)( \| json)?)"),
                                QStringLiteral(R"(/restconf/data/openconfig-interfaces:interfaces)"),
                                QStringLiteral(R"(/restconf/data/missing:thing)")});
        return p;
    }
    static CredentialProfile basicCreds()
    {
        return CredentialProfile{QStringLiteral("lab"), QStringLiteral("viewer"), {}, QStringLiteral("env:") + kSecretVar,
                                 false};
    }
    std::unique_ptr<Transport> transport(const Router &r, const CredentialProfile *creds = nullptr) const
    {
        const CredentialProfile basic = basicCreds();
        return makeHttpTransport(r, profile(), creds ? creds : &basic, std::make_shared<SecretResolver>());
    }
    static ExecOptions fast()
    {
        ExecOptions o;
        o.connectTimeoutMs = 5000;
        o.commandTimeoutMs = 5000;
        return o;
    }
    void serveGood()
    {
        m_server->setIdentity({m_pki.cert(QStringLiteral("good.pem"))}, m_pki.key(QStringLiteral("good.key")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_pki.generate();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        qputenv(kSecretVar, kSecret);
        m_server = std::make_unique<HttpsTestServer>();
        m_port = m_server->start({m_pki.cert(QStringLiteral("good.pem"))}, m_pki.key(QStringLiteral("good.key")));
        QVERIFY(m_port != 0);
    }
    void init()
    {
        serveGood();
        m_server->reset();
        m_server->setHandler({});
    }
    void cleanupTestCase() { m_server.reset(); }

    void eapiRunsCommandsInOneCall()
    {
        m_server->setHandler(eapiAnswer);
        auto t = transport(router(TransportKind::HttpEapi));
        const auto r = t->run({QStringLiteral("show version | json"), QStringLiteral("show ip bgp summary | json")}, fast());
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->size(), 2);
        QCOMPARE(r->at(1).command, QStringLiteral("show ip bgp summary | json"));
        QCOMPARE(jsonOf(r->at(1).output).value("command").toString(), QStringLiteral("show ip bgp summary"));
        QCOMPARE(jsonOf(r->at(0).output).value("answer").toInt(), 42);
        QVERIFY(t->isOpen());

        const auto got = m_server->received();
        QCOMPARE(got.size(), 1);
        QCOMPARE(got[0].method, QByteArray("POST"));
        QCOMPARE(got[0].path, QByteArray("/command-api"));
        QCOMPARE(got[0].headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(got[0].headers.value("authorization"), "Basic " + QByteArray("viewer:" + kSecret).toBase64());
        const QJsonObject rpc = jsonOf(got[0].body);
        QCOMPARE(rpc.value("jsonrpc").toString(), QStringLiteral("2.0"));
        QCOMPARE(rpc.value("method").toString(), QStringLiteral("runCmds"));
        const QJsonObject params = rpc.value("params").toObject();
        QCOMPARE(params.value("version").toInt(), 1);
        QCOMPARE(params.value("format").toString(), QStringLiteral("json"));
        QCOMPARE(params.value("cmds").toArray(),
                 (QJsonArray{QStringLiteral("show version"), QStringLiteral("show ip bgp summary")}));
    }

    void eapiAsksTextForCommandsWithoutJson()
    {
        // One format per runCmds call: a text command between JSON ones splits the run into
        // three calls, answers stay in the order asked.
        m_server->setHandler(eapiAnswer);
        auto t = transport(router(TransportKind::HttpEapi));
        const auto r = t->run({QStringLiteral("show version | json"), QStringLiteral("show interfaces status"),
                               QStringLiteral("show interfaces | json")}, fast());
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->size(), 3);
        QCOMPARE(r->at(1).command, QStringLiteral("show interfaces status"));
        QCOMPARE(r->at(1).output, QByteArray("Port  Name  Status\n(show interfaces status)\n"));
        QCOMPARE(jsonOf(r->at(2).output).value("command").toString(), QStringLiteral("show interfaces"));
        const auto got = m_server->received();
        QCOMPARE(got.size(), 3);
        const QStringList formats{jsonOf(got[0].body).value("params").toObject().value("format").toString(),
                                  jsonOf(got[1].body).value("params").toObject().value("format").toString(),
                                  jsonOf(got[2].body).value("params").toObject().value("format").toString()};
        QCOMPARE(formats, (QStringList{"json", "text", "json"}));
    }

    void eapiTextAnswerWithoutOutputIsParseError()
    {
        m_server->setHandler([](const ReceivedRequest &req) {
            const QJsonObject rpc = jsonOf(req.body);
            return CannedReply{200, "application/json",
                               compact(QJsonObject{{"jsonrpc", "2.0"}, {"id", rpc.value("id")},
                                                   {"result", QJsonArray{QJsonObject{{"answer", 1}}}}})};
        });
        auto t = transport(router(TransportKind::HttpEapi));
        const auto r = t->run({QStringLiteral("show interfaces status")}, fast());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::ParseError);
    }

    void nxapiMatchesAnswersById()
    {
        m_server->setHandler([](const ReceivedRequest &req) {
            // Answer in reverse order: the transport must match by id.
            const QJsonArray batch = QJsonDocument::fromJson(req.body).array();
            QJsonArray out;
            for (qsizetype i = batch.size() - 1; i >= 0; --i) {
                const QJsonObject call = batch.at(i).toObject();
                const QString cmd = call.value("params").toObject().value("cmd").toString();
                out.append(QJsonObject{{"jsonrpc", "2.0"},
                                       {"id", call.value("id")},
                                       {"result", QJsonObject{{"body", QJsonObject{{"cmd", cmd}}}}}});
            }
            return CannedReply{200, "application/json-rpc", QJsonDocument(out).toJson()};
        });
        auto t = transport(router(TransportKind::HttpNxapi));
        const auto r = t->run({QStringLiteral("show version | json"), QStringLiteral("show interfaces status")}, fast());
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->size(), 2);
        QCOMPARE(jsonOf(r->at(0).output).value("cmd").toString(), QStringLiteral("show version"));
        QCOMPARE(jsonOf(r->at(1).output).value("cmd").toString(), QStringLiteral("show interfaces status"));
        const auto got = m_server->received();
        QCOMPARE(got.size(), 1);
        QCOMPARE(got[0].path, QByteArray("/ins"));
        QCOMPARE(got[0].headers.value("content-type"), QByteArray("application/json-rpc"));
        const QJsonArray batch = QJsonDocument::fromJson(got[0].body).array();
        QCOMPARE(batch.size(), 2);
        QCOMPARE(batch.at(0).toObject().value("method").toString(), QStringLiteral("cli"));
        QCOMPARE(batch.at(1).toObject().value("id").toInt(), 2);
    }

    void restconfGetsPathsWithBearerToken()
    {
        const QByteArray doc = R"({"openconfig-interfaces:interfaces":{"interface":[]}})";
        m_server->setHandler([doc](const ReceivedRequest &) { return CannedReply{200, "application/yang-data+json", doc}; });
        const CredentialProfile token{QStringLiteral("tok"), {}, {}, QStringLiteral("env:") + kSecretVar, false};
        auto t = transport(router(TransportKind::Restconf), &token);
        const auto r = t->run({QStringLiteral("/restconf/data/openconfig-interfaces:interfaces")}, fast());
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->size(), 1);
        QCOMPARE(r->at(0).output, doc);
        const auto got = m_server->received();
        QCOMPARE(got.size(), 1);
        QCOMPARE(got[0].method, QByteArray("GET"));
        QCOMPARE(got[0].path, QByteArray("/restconf/data/openconfig-interfaces:interfaces"));
        QCOMPARE(got[0].headers.value("accept"), QByteArray("application/yang-data+json"));
        QCOMPARE(got[0].headers.value("authorization"), "Bearer " + kSecret);
    }

    void restconfSeveralPathsInOneRun()
    {
        m_server->setHandler([](const ReceivedRequest &req) {
            return CannedReply{200, "application/yang-data+json", "{\"path\":\"" + req.path + "\"}"};
        });
        ExecOptions o = fast();
        o.connectTimeoutMs = 2000;
        const auto r = transport(router(TransportKind::Restconf))
                           ->run({QStringLiteral("/restconf/data/openconfig-interfaces:interfaces"),
                                  QStringLiteral("/restconf/data/missing:thing")},
                                 o);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->size(), 2);
        QCOMPARE(jsonOf(r->at(1).output).value("path").toString(), QStringLiteral("/restconf/data/missing:thing"));
        QCOMPARE(m_server->received().size(), 2);
        QCOMPARE(m_server->connectionCount(), 1); // the second GET reused the connection
    }

    void answersBecomeErrors_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");

        const int eapi = int(TransportKind::HttpEapi), nx = int(TransportKind::HttpNxapi),
                  rc = int(TransportKind::Restconf);
        QTest::newRow("eapi invalid command")
            << eapi << 200
            << QByteArray(R"j({"jsonrpc":"2.0","id":"x","error":{"code":1002,"message":"CLI command 2 of 2 'show ip bgp summary' failed: invalid command","data":[{},{"errors":["Invalid input (at token 2: 'bgp')"]}]}})j")
            << "unsupported-query" << "Invalid input (at token 2";
        QTest::newRow("eapi internal error") << eapi << 200
                                             << QByteArray(R"j({"jsonrpc":"2.0","id":null,"error":{"code":-32603,"message":"Internal error"}})j")
                                             << "parse-error" << "Internal error";
        QTest::newRow("eapi not json") << eapi << 200 << QByteArray("<html>Welcome</html>") << "parse-error" << "JSON-RPC";
        QTest::newRow("eapi wrong count") << eapi << 200 << QByteArray(R"j({"jsonrpc":"2.0","result":[{}]})j")
                                          << "parse-error" << "1 results to 2 commands";
        QTest::newRow("eapi 401") << eapi << 401 << QByteArray("Unauthorized") << "auth-failed" << "HTTP 401";
        QTest::newRow("eapi 403") << eapi << 403 << QByteArray("Forbidden") << "auth-failed" << "HTTP 403";
        QTest::newRow("eapi 404") << eapi << 404 << QByteArray("<html>not found</html>") << "unsupported-query"
                                  << "management api http-commands";
        QTest::newRow("nxapi invalid command 500")
            << nx << 500
            << QByteArray(R"j([{"jsonrpc":"2.0","result":{"body":{}},"id":1},{"jsonrpc":"2.0","error":{"code":-32602,"message":"Invalid params","data":{"msg":"Request contains invalid command"}},"id":2}])j")
            << "unsupported-query" << "Request contains invalid command";
        QTest::newRow("nxapi missing answer") << nx << 200 << QByteArray(R"j([{"jsonrpc":"2.0","result":null,"id":1}])j")
                                              << "parse-error" << "show ip bgp summary";
        QTest::newRow("nxapi 503") << nx << 503 << QByteArray("busy") << "unreachable" << "retry later";
        QTest::newRow("restconf 404")
            << rc << 404
            << QByteArray(R"j({"ietf-restconf:errors":{"error":[{"error-type":"application","error-tag":"invalid-value","error-message":"uri keypath not found"}]}})j")
            << "unsupported-query" << "YANG model";
        QTest::newRow("restconf 400") << rc << 400
                                      << QByteArray(R"j({"ietf-restconf:errors":{"error":[{"error-tag":"malformed-message","error-message":"bad path"}]}})j")
                                      << "unsupported-query" << "bad path";
        QTest::newRow("restconf redirect") << rc << 302 << QByteArray() << "unreachable" << "redirect";
    }
    void answersBecomeErrors()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        m_server->setHandler([=](const ReceivedRequest &) { return CannedReply{status, "application/json", body}; });
        auto t = transport(router(TransportKind(kind)));
        const QStringList cmds = TransportKind(kind) == TransportKind::Restconf
            ? QStringList{QStringLiteral("/restconf/data/openconfig-interfaces:interfaces")}
            : QStringList{QStringLiteral("show version | json"), QStringLiteral("show ip bgp summary | json")};
        const auto r = t->run(cmds, fast());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().codeName(), code);
        const QString all = r.error().message + QLatin1Char(' ') + r.error().detail;
        QVERIFY2(all.contains(mentions), qPrintable(all));
        QVERIFY(!all.contains(QString::fromLatin1(kSecret)));
        QVERIFY(!t->isOpen());
    }

    void slowAnswerTimesOut()
    {
        m_server->setHandler([](const ReceivedRequest &r) {
            CannedReply c = eapiAnswer(r);
            c.delayMs = 3000;
            return c;
        });
        auto t = transport(router(TransportKind::HttpEapi));
        ExecOptions o = fast();
        o.commandTimeoutMs = 300;
        const auto r = t->run({QStringLiteral("show version")}, o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Timeout);
        QVERIFY2(r.error().message.contains(QLatin1String("did not answer")), qPrintable(r.error().message));
    }

    void connectTimeoutWhenNobodyAnswersTheHandshake()
    {
        // A listener that accepts TCP but never speaks TLS.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        Router rt = router(TransportKind::HttpEapi);
        rt.port = silent.serverPort();
        auto t = transport(rt);
        ExecOptions o = fast();
        o.connectTimeoutMs = 300;
        const auto r = t->run({QStringLiteral("show version")}, o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Timeout);
        QVERIFY2(r.error().message.contains(QLatin1String("HTTPS connection")), qPrintable(r.error().message));
    }

    void cutShortAnswerIsConnectionLost()
    {
        m_server->setHandler([](const ReceivedRequest &r) {
            CannedReply c = eapiAnswer(r);
            c.closeAfterBytes = c.body.size() / 2;
            return c;
        });
        auto t = transport(router(TransportKind::HttpEapi));
        const auto r = t->run({QStringLiteral("show version")}, fast());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::ConnectionLost);
    }

    void refusedConnectionIsUnreachable()
    {
        quint16 freePort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            freePort = probe.serverPort();
        }
        Router rt = router(TransportKind::Restconf);
        rt.port = freePort;
        const auto r = transport(rt)->run({QStringLiteral("/restconf/data/openconfig-interfaces:interfaces")}, fast());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Unreachable);
    }

    void outputCapAborts()
    {
        m_server->setHandler([](const ReceivedRequest &) {
            return CannedReply{200, "application/yang-data+json", QByteArray(5000, 'x')};
        });
        ExecOptions o = fast();
        o.maxOutputBytes = 1000;
        const auto r = transport(router(TransportKind::Restconf))
                           ->run({QStringLiteral("/restconf/data/openconfig-interfaces:interfaces")}, o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::OutputTooLarge);
    }

    void cancelStopsWaiting()
    {
        m_server->setHandler([](const ReceivedRequest &r) {
            CannedReply c = eapiAnswer(r);
            c.delayMs = 5000;
            return c;
        });
        ExecOptions o = fast();
        o.cancelled = makeCancelFlag();
        std::unique_ptr<QThread> canceller(QThread::create([flag = o.cancelled] {
            QThread::msleep(200);
            flag->store(true);
        }));
        canceller->start();
        const auto r = transport(router(TransportKind::HttpEapi))->run({QStringLiteral("show version")}, o);
        canceller->wait();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
    }

    void guardStopsCommandsBeforeSending_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("commands");
        QTest::newRow("eapi configure") << int(TransportKind::HttpEapi)
                                        << QStringList{QStringLiteral("show version"), QStringLiteral("configure terminal")};
        QTest::newRow("eapi chained") << int(TransportKind::HttpEapi)
                                      << QStringList{QStringLiteral("show version ; reload")};
        QTest::newRow("nxapi write") << int(TransportKind::HttpNxapi) << QStringList{QStringLiteral("copy running-config startup-config")};
        QTest::newRow("restconf other path")
            << int(TransportKind::Restconf)
            << QStringList{QStringLiteral("/restconf/data/openconfig-interfaces:interfaces"),
                           QStringLiteral("/restconf/operations/openconfig-system:reboot")};
    }
    void guardStopsCommandsBeforeSending()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, commands);
        m_server->setHandler(eapiAnswer);
        const auto r = transport(router(TransportKind(kind)))->run(commands, fast());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::ForbiddenCommand);
        QCOMPARE(m_server->received().size(), 0);
        QCOMPARE(m_server->connectionCount(), 0);
    }

    void emptyGuardRefusesEverything()
    {
        const CredentialProfile basic = basicCreds();
        auto t = makeHttpTransport(router(TransportKind::HttpEapi), SessionProfile{}, &basic, nullptr);
        const auto r = t->run({QStringLiteral("show version")}, fast());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::ForbiddenCommand);
        QCOMPARE(m_server->connectionCount(), 0);
    }

    void certificates_data()
    {
        QTest::addColumn<QString>("serverCert");
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<QString>("pinOf");    // the certificate whose digest is pinned
        QTest::addColumn<bool>("verify");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("mentions");

        QTest::newRow("trusted ca") << "good" << "ca.pem" << "" << true << true << "";
        QTest::newRow("system cas only") << "good" << "" << "" << true << false << "no trusted CA";
        QTest::newRow("wrong ca") << "good" << "otherca.pem" << "" << true << false << "no trusted CA";
        QTest::newRow("expired") << "expired" << "ca.pem" << "" << true << false << "expired";
        QTest::newRow("hostname mismatch") << "wrongname" << "ca.pem" << "" << true << false << "another name";
        QTest::newRow("self-signed refused") << "self" << "ca.pem" << "" << true << false << "no trusted CA";
        QTest::newRow("self-signed pinned") << "self" << "" << "self" << true << true << "";
        QTest::newRow("wrong name pinned") << "wrongname" << "" << "wrongname" << true << true << "";
        QTest::newRow("valid but not the pinned") << "good" << "ca.pem" << "self" << true << false << "pinned";
        QTest::newRow("untrusted not the pinned") << "wrongname" << "" << "self" << true << false << "pinned";
        QTest::newRow("verification off") << "self" << "" << "" << false << true << "";
    }
    void certificates()
    {
        QFETCH(QString, serverCert);
        QFETCH(QString, caFile);
        QFETCH(QString, pinOf);
        QFETCH(bool, verify);
        QFETCH(bool, accepted);
        QFETCH(QString, mentions);
        m_server->setIdentity({m_pki.cert(serverCert + QStringLiteral(".pem"))}, m_pki.key(serverCert + QStringLiteral(".key")));
        m_server->setHandler(eapiAnswer);
        Router rt = router(TransportKind::HttpEapi);
        rt.name = QStringLiteral("tls-%1").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
        rt.caFile = caFile.isEmpty() ? QString() : m_pki.path(caFile);
        rt.tlsVerify = verify;
        if (!pinOf.isEmpty())
            rt.pinnedCertSha256 = QString::fromLatin1(
                QCryptographicHash::hash(m_pki.cert(pinOf + QStringLiteral(".pem")).toDer(), QCryptographicHash::Sha256).toHex());

        const qsizetype logBefore = EventLog::instance().history().size();
        const auto r = transport(rt)->run({QStringLiteral("show version")}, fast());
        QVERIFY2(r.ok() == accepted, qPrintable(r.ok() ? QStringLiteral("accepted") : r.error().toString()));
        if (!accepted) {
            // A certificate problem is not a network problem: its own code, and a sentence saying what to check.
            QCOMPARE(r.error().code, ErrorCode::TlsError);
            QCOMPARE(r.error().codeName(), QStringLiteral("tls-error"));
            QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
            QVERIFY2(r.error().message.contains(QStringLiteral("Check")), qPrintable(r.error().message));
            // Refused before any request: the credentials never left this machine.
            QCOMPARE(m_server->received().size(), 0);
        }
        bool warned = false;
        const auto log = EventLog::instance().history();
        for (qsizetype i = logBefore; i < log.size(); ++i)
            warned = warned || (log[i].level == LogEntry::Level::Warning && log[i].message.contains(rt.name));
        QCOMPARE(warned, !verify);
    }

    void pinnedFormsAreEquivalent()
    {
        const QByteArray digest = QCryptographicHash::hash("x", QCryptographicHash::Sha256);
        const QString hex = QString::fromLatin1(digest.toHex());
        QString colons;
        for (int i = 0; i < hex.size(); i += 2)
            colons += (i ? QStringLiteral(":") : QString()) + hex.mid(i, 2).toUpper();
        QCOMPARE(HttpApiCodec::parsePin(hex), std::optional<QByteArray>(digest));
        QCOMPARE(HttpApiCodec::parsePin(colons), std::optional<QByteArray>(digest));
        QCOMPARE(HttpApiCodec::parsePin(QStringLiteral("sha256//") + QString::fromLatin1(digest.toBase64())),
                 std::optional<QByteArray>(digest));
        QVERIFY(!HttpApiCodec::parsePin(QStringLiteral("abcd")));
        QVERIFY(!HttpApiCodec::parsePin(hex.left(62) + QStringLiteral("zz")));
    }

    void badPinOrCaFileIsAnInventoryError()
    {
        Router rt = router(TransportKind::HttpEapi);
        rt.pinnedCertSha256 = QStringLiteral("not-a-digest");
        auto r = transport(rt)->run({QStringLiteral("show version")}, fast());
        QCOMPARE(r.error().code, ErrorCode::InventoryError);
        rt = router(TransportKind::HttpEapi);
        rt.caFile = m_pki.path(QStringLiteral("missing.pem"));
        r = transport(rt)->run({QStringLiteral("show version")}, fast());
        QCOMPARE(r.error().code, ErrorCode::InventoryError);
        QCOMPARE(m_server->connectionCount(), 0);
    }

    void missingSecretIsAuthFailed()
    {
        const CredentialProfile creds{QStringLiteral("x"), QStringLiteral("viewer"), {},
                                      QStringLiteral("env:RL_TEST_HTTP_NO_SUCH_VARIABLE"), false};
        const auto r = transport(router(TransportKind::HttpEapi), &creds)->run({QStringLiteral("show version")}, fast());
        QCOMPARE(r.error().code, ErrorCode::AuthFailed);
        QCOMPARE(m_server->connectionCount(), 0);
    }

    void runsFromAnyThread()
    {
        // No thread affinity: the same transport serves calls from two different threads.
        m_server->setHandler(eapiAnswer);
        auto t = transport(router(TransportKind::HttpEapi));
        for (int round = 0; round < 2; ++round) {
            bool ok = false;
            std::unique_ptr<QThread> worker(QThread::create([&] { ok = t->run({QStringLiteral("show version")}, fast()).ok(); }));
            worker->start();
            QVERIFY(worker->wait(20000));
            QVERIFY(ok);
        }
        QCOMPARE(m_server->received().size(), 2);
    }

    void apiCommandDropsJsonFilter_data()
    {
        QTest::addColumn<QString>("cli");
        QTest::addColumn<QString>("api");
        QTest::newRow("plain") << "show version" << "show version";
        QTest::newRow("json") << "show ip bgp summary | json" << "show ip bgp summary";
        QTest::newRow("json tight") << "show vrf|json" << "show vrf";
        QTest::newRow("json-pretty") << "show vrf | json-pretty" << "show vrf";
        QTest::newRow("other filter kept") << "show run | include bgp" << "show run | include bgp";
    }
    void apiCommandDropsJsonFilter()
    {
        QFETCH(QString, cli);
        QFETCH(QString, api);
        QCOMPARE(HttpApiCodec::apiCommand(cli), api);
    }

    void otherKindsGetNoHttpTransport()
    {
        Router rt = router(TransportKind::Ssh);
        QVERIFY(!makeHttpTransport(rt, profile(), nullptr, nullptr));
    }
};

QTEST_GUILESS_MAIN(TestHttpApiTransport)
#include "tst_http_api_transport.moc"
