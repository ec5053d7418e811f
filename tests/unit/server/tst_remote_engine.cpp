// RemoteEngine (the desktop's side of the API) against a scripted service on 127.0.0.1: parts
// followed as they arrive, the service going away mid-query (what arrived stays, the rest says
// why), refusals with the API's code and sentence, 429's time to retry from Retry-After, a
// proxy's 503 page, a refused connection, and cancel reaching the service. Deterministic: the
// script decides what the "service" says and when.
#include "engine/service/remote_engine.h"
#include "server/http_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using namespace rl;

class TestRemoteEngine final : public QObject
{
    Q_OBJECT

private:
    // What the scripted service answers: by method and path, given the request.
    std::function<void(const HttpRequest &, HttpResponder)> m_script;
    std::unique_ptr<HttpServer> m_http;
    quint16 m_port = 0;
    QList<QByteArray> m_seen; // "METHOD path?query"

    static HttpReply json(int status, const QJsonObject &o, QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        return HttpReply{status, "application/json", std::move(headers), QJsonDocument(o).toJson(QJsonDocument::Compact)};
    }
    static QJsonObject part(const QString &router)
    {
        RouterResult r;
        r.router = router;
        r.records = RecordSet(QueryKind::BgpStatus);
        r.fetchedAt = QDateTime::currentDateTimeUtc();
        return r.toJson();
    }
    static QJsonObject running(const QJsonArray &parts, int total)
    {
        return {{QStringLiteral("version"), ApiVersion},
                {QStringLiteral("id"), QStringLiteral("q-1")},
                {QStringLiteral("state"), QStringLiteral("running")},
                {QStringLiteral("location"), QStringLiteral("/v1/queries/q-1")},
                {QStringLiteral("progress"), QJsonObject{{QStringLiteral("done"), parts.size()}, {QStringLiteral("total"), total}}},
                {QStringLiteral("parts"), parts}};
    }
    static QJsonObject apiError(const char *code, const QString &message)
    {
        return {{QStringLiteral("version"), ApiVersion},
                {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QLatin1String(code)}, {QStringLiteral("message"), message}}}};
    }
    std::unique_ptr<RemoteEngine> engine(quint16 port = 0)
    {
        RemoteEngine::Options o;
        o.base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port ? port : m_port));
        o.token = "rlt_000000000000_test";
        return std::make_unique<RemoteEngine>(o);
    }
    static Request request(const QStringList &routers)
    {
        Request r;
        r.id = QStringLiteral("ui-1");
        r.routers = routers;
        r.kind = QueryKind::BgpStatus;
        return r;
    }
    static Response waitResponse(QSignalSpy &spy)
    {
        if (spy.isEmpty() && !spy.wait(30000))
            return {};
        return spy.first().first().value<Response>();
    }

private Q_SLOTS:
    void init()
    {
        m_seen.clear();
        m_http = std::make_unique<HttpServer>(HttpServer::Limits{});
        m_http->setHandler([this](const HttpRequest &r, HttpResponder responder) {
            m_seen << r.method + ' ' + r.path.toUtf8() + (r.query.isEmpty() ? QByteArray() : '?' + r.query.toString().toUtf8());
            m_script(r, std::move(responder));
        });
        const Result<quint16> port = m_http->listen(QHostAddress::LocalHost, 0, std::nullopt);
        QVERIFY(port);
        m_port = *port;
    }

    void partsFollowedThenServiceGoneKeepsThem()
    {
        m_script = [this](const HttpRequest &r, HttpResponder out) {
            if (r.method == "POST") {
                QVERIFY(!QJsonDocument::fromJson(r.body).object().contains(QStringLiteral("client"))); // never sent
                return out.send(json(202, running({}, 2)));
            }
            if (r.query.queryItemValue(QStringLiteral("after")) == QLatin1String("0"))
                return out.send(json(202, running({part(QStringLiteral("pe1-par"))}, 2)));
            // The next poll: the service dies before answering it.
            QTimer::singleShot(0, this, [this] { m_http.reset(); });
        };
        auto remote = engine();
        QSignalSpy parts(remote.get(), &RemoteEngine::partReady);
        QSignalSpy responses(remote.get(), &RemoteEngine::responseReady);
        QSignalSpy serviceErrors(remote.get(), &RemoteEngine::serviceError);
        remote->submit(request({QStringLiteral("pe1-par"), QStringLiteral("ce-globex")}));
        const Response resp = waitResponse(responses);
        QCOMPARE(resp.requestId, QStringLiteral("ui-1"));
        QVERIFY2(resp.error.code == ErrorCode::ConnectionLost || resp.error.code == ErrorCode::Unreachable, qPrintable(resp.error.toString()));
        QCOMPARE(resp.results.size(), 2);
        QCOMPARE(resp.results.at(0).router, QStringLiteral("pe1-par"));
        QVERIFY(resp.results.at(0).ok()); // what arrived stays
        QCOMPARE(resp.results.at(1).router, QStringLiteral("ce-globex"));
        QCOMPARE(resp.results.at(1).error.code, resp.error.code);
        QCOMPARE(parts.size(), 2); // pe1-par as it came, then ce-globex's error
        QCOMPARE(parts.at(0).at(1).value<RouterResult>().router, QStringLiteral("pe1-par"));
        QCOMPARE(serviceErrors.size(), 1);
        QVERIFY(!remote->isConnected());
        QCOMPARE(remote->lastError().code, resp.error.code);
        QVERIFY(m_seen.at(1).contains("after=0"));
        QVERIFY(m_seen.at(2).contains("after=1"));
        QVERIFY(!remote->isRunning(QStringLiteral("ui-1")));
    }

    void refusalsCarryTheApisCodeAndSentence_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<qint64>("retryMs");
        const auto body = [](const char *code, const char *message) {
            return QJsonDocument(apiError(code, QLatin1String(message))).toJson(QJsonDocument::Compact);
        };
        QTest::newRow("401") << 401 << body("auth-failed", "The token is not valid (unknown or revoked): ask your administrator for a new one.")
                             << QByteArray() << int(ErrorCode::AuthFailed) << QStringLiteral("The token is not valid") << qint64(-1);
        QTest::newRow("403") << 403 << body("forbidden", "Router lab-frr is not one you may ask.") << QByteArray()
                             << int(ErrorCode::Forbidden) << QStringLiteral("not one you may ask") << qint64(-1);
        QTest::newRow("429") << 429 << body("throttled", "You have 64 queries running.") << QByteArray("7")
                             << int(ErrorCode::Throttled) << QStringLiteral("64 queries") << qint64(7000);
        QTest::newRow("503 from a proxy") << 503 << QByteArray("<html>Service Unavailable</html>") << QByteArray()
                                          << int(ErrorCode::Unreachable) << QStringLiteral("unavailable (HTTP 503)") << qint64(-1);
    }
    void refusalsCarryTheApisCodeAndSentence()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, code);
        QFETCH(QString, sentence);
        QFETCH(qint64, retryMs);
        m_script = [&](const HttpRequest &, HttpResponder out) {
            HttpReply r{status, body.startsWith('{') ? "application/json" : "text/html", {}, body};
            if (!retryAfter.isEmpty())
                r.headers.append({"Retry-After", retryAfter});
            out.send(r);
        };
        auto remote = engine();
        QSignalSpy responses(remote.get(), &RemoteEngine::responseReady);
        remote->submit(request({QStringLiteral("pe1-par")}));
        const Response resp = waitResponse(responses);
        QCOMPARE(int(resp.error.code), code);
        QVERIFY2(resp.error.message.contains(sentence), qPrintable(resp.error.message));
        QCOMPARE(resp.error.retryAfterMs, retryMs);
        QVERIFY(resp.results.isEmpty()); // refused as a whole, as the engine would
    }

    void connectionRefusedSaysSo()
    {
        QTcpServer probe; // a port nothing listens on
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closed = probe.serverPort();
        probe.close();
        auto remote = engine(closed);
        QSignalSpy failed(remote.get(), &RemoteEngine::failed);
        remote->connectToService();
        QVERIFY(failed.wait(30000));
        const Error e = failed.first().first().value<Error>();
        QCOMPARE(e.code, ErrorCode::Unreachable);
        QVERIFY2(e.message.contains(QLatin1String("cannot be reached")), qPrintable(e.message));
        QVERIFY(!remote->isConnected());
    }

    void cancelReachesTheService()
    {
        m_script = [](const HttpRequest &r, HttpResponder out) {
            if (r.method == "POST")
                return out.send(json(202, running({part(QStringLiteral("pe1-par"))}, 2)));
            if (r.method == "DELETE")
                return out.send(json(202, {{QStringLiteral("state"), QStringLiteral("cancelling")}}));
            // long-polls wait: never answered here
        };
        auto remote = engine();
        QSignalSpy responses(remote.get(), &RemoteEngine::responseReady);
        QSignalSpy parts(remote.get(), &RemoteEngine::partReady);
        remote->submit(request({QStringLiteral("pe1-par"), QStringLiteral("ce-globex")}));
        QTRY_COMPARE_WITH_TIMEOUT(parts.size(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_seen.size() >= 2, 30000); // the long-poll for more is out
        remote->cancel(QStringLiteral("ui-1"));
        const Response resp = waitResponse(responses);
        QCOMPARE(resp.results.size(), 2);
        QVERIFY(resp.results.at(0).ok());
        QCOMPARE(resp.results.at(1).error.code, ErrorCode::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(m_seen.contains("DELETE /v1/queries/q-1"), 30000);
        QCOMPARE(responses.size(), 1); // exactly one end
    }

    void diagnosisReadBack()
    {
        // The JSON form of a diagnosis comes back as the values the Diagnosis tab shows.
        const QJsonObject step{{QStringLiteral("layer"), QStringLiteral("vlan")},
                               {QStringLiteral("end"), QStringLiteral("customer")},
                               {QStringLiteral("router"), QStringLiteral("ce-globex")},
                               {QStringLiteral("verdict"), QStringLiteral("fault")},
                               {QStringLiteral("finding"), QStringLiteral("VLAN 201 is sent where 210 is expected.")},
                               {QStringLiteral("likelyCause"), true},
                               {QStringLiteral("records"), QJsonArray{}}};
        const QJsonObject odd{{QStringLiteral("layer"), QStringLiteral("link")}, {QStringLiteral("verdict"), QStringLiteral("maybe")}};
        const QJsonObject result{{QStringLiteral("diagnoses"),
                                  QJsonArray{QJsonObject{{QStringLiteral("connection"), QStringLiteral("globex-par-210")},
                                                         {QStringLiteral("steps"), QJsonArray{odd, step}}}}}};
        Connection known;
        known.id = QStringLiteral("globex-par-210");
        known.vlan = 210;
        const QList<DiagnosisResult> d = RemoteEngine::diagnosesFromJson(result, {known});
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().connection.vlan, 210);
        QCOMPARE(d.first().steps.size(), 2);
        QCOMPARE(d.first().steps.at(0).verdict, Verdict::CannotCheck); // an unknown verdict is never OK
        QCOMPARE(d.first().likelyCause, 1);
        QCOMPARE(d.first().cause()->end, ConnectionEnd::Customer);
        QCOMPARE(d.first().overall(), Verdict::Fault);
    }

    void cleanup()
    {
        m_http.reset();
    }
};

QTEST_MAIN(TestRemoteEngine)
#include "tst_remote_engine.moc"
