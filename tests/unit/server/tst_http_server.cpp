// The HTTP/1.1 server under routerlens-serve, spoken to over raw sockets on 127.0.0.1: every
// limit a caller could abuse holds (head, body, slow senders, idle connections, connection
// count, framing), keep-alive and 100-continue work, and TLS serves what plain HTTP serves.

#include "server/http_server.h"

#include <QProcess>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace rl;

namespace {

// Reads until the peer closes or `ms` pass; the event loop keeps the server serving.
QByteArray readAll(QTcpSocket &s, int ms, const QByteArray &until = {})
{
    QByteArray got;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        got += s.readAll();
        if (!until.isEmpty() && got.contains(until))
            break;
        if (s.state() == QAbstractSocket::UnconnectedState)
            break;
        QThread::msleep(2);
    }
    return got + s.readAll();
}

bool connectTo(QTcpSocket &s, quint16 port)
{
    s.connectToHost(QHostAddress::LocalHost, port);
    QElapsedTimer t;
    t.start();
    while (s.state() != QAbstractSocket::ConnectedState && t.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return s.state() == QAbstractSocket::ConnectedState;
}

int statusOf(const QByteArray &answer)
{
    return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0;
}

} // namespace

class TestHttpServer final : public QObject
{
    Q_OBJECT

private:
    int m_handled = 0;
    QByteArray m_lastBody;

    std::unique_ptr<HttpServer> server(HttpServer::Limits limits, quint16 &port, std::optional<QSslConfiguration> tls = {})
    {
        auto s = std::make_unique<HttpServer>(limits);
        s->setHandler([this](const HttpRequest &r, HttpResponder responder) {
            ++m_handled;
            m_lastBody = r.body;
            responder.send(HttpReply{200, "text/plain", {}, "hello " + r.method + ' ' + r.path.toUtf8()});
        });
        const Result<quint16> p = s->listen(QHostAddress::LocalHost, 0, tls);
        port = p ? *p : 0;
        return s;
    }

private Q_SLOTS:
    void init()
    {
        m_handled = 0;
        m_lastBody.clear();
    }

    void keepAliveServesSeveralRequests()
    {
        quint16 port = 0;
        auto s = server({}, port);
        QTcpSocket c;
        QVERIFY(connectTo(c, port));
        c.write("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(readAll(c, 3000, "hello GET /a").contains("hello GET /a"));
        c.write("POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde");
        const QByteArray second = readAll(c, 3000, "hello POST /b");
        QCOMPARE(statusOf(second), 200);
        QCOMPARE(m_lastBody, QByteArray("abcde"));
        QCOMPARE(m_handled, 2);
        QCOMPARE(c.state(), QAbstractSocket::ConnectedState);
    }

    void expectContinue()
    {
        quint16 port = 0;
        auto s = server({}, port);
        QTcpSocket c;
        QVERIFY(connectTo(c, port));
        c.write("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
        QVERIFY(readAll(c, 3000, "100 Continue").startsWith("HTTP/1.1 100 Continue"));
        c.write("xyz");
        QCOMPARE(statusOf(readAll(c, 3000, "hello")), 200);
        QCOMPARE(m_lastBody, QByteArray("xyz"));
    }

    void limitsRefuseBeforeSpending_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("head over 16 KiB") << QByteArray("GET / HTTP/1.1\r\nX-Junk: " + QByteArray(20000, 'j') + "\r\n\r\n") << 431;
        QTest::newRow("body announced over 1 MiB") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n") << 413;
        QTest::newRow("chunked body") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n") << 411;
        QTest::newRow("two lengths") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << 400;
        QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n") << 400;
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << 400;
        QTest::newRow("absolute target") << QByteArray("GET http://elsewhere/ HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("header without name") << QByteArray("GET / HTTP/1.1\r\n: x\r\n\r\n") << 400;
    }
    void limitsRefuseBeforeSpending()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        quint16 port = 0;
        auto s = server({}, port);
        QTcpSocket c;
        QVERIFY(connectTo(c, port));
        c.write(request);
        const QByteArray answer = readAll(c, 5000);
        QCOMPARE(statusOf(answer), status);
        QVERIFY(answer.contains("\"code\":\"invalid-request\""));
        QVERIFY(answer.contains("Connection: close"));
        QCOMPARE(m_handled, 0);
        QCOMPARE(c.state(), QAbstractSocket::UnconnectedState); // closed after the refusal
    }

    // A sender that never finishes its request is cut off; so is a connection left idle.
    void slowAndIdleConnectionsEnd()
    {
        HttpServer::Limits limits;
        limits.requestTimeoutMs = 300;
        limits.idleTimeoutMs = 300;
        quint16 port = 0;
        auto s = server(limits, port);
        QTcpSocket slow;
        QVERIFY(connectTo(slow, port));
        slow.write("GET / HTTP/1.1\r\nHost: x\r\n");
        QCOMPARE(statusOf(readAll(slow, 5000)), 408);
        QCOMPARE(slow.state(), QAbstractSocket::UnconnectedState);
        QTcpSocket idle;
        QVERIFY(connectTo(idle, port));
        QVERIFY(readAll(idle, 5000).isEmpty());
        QCOMPARE(idle.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(m_handled, 0);
        QTRY_COMPARE(s->openConnections(), 0);
    }

    void connectionCountIsCapped()
    {
        HttpServer::Limits limits;
        limits.maxConnections = 2;
        quint16 port = 0;
        auto s = server(limits, port);
        QTcpSocket a, b, c;
        QVERIFY(connectTo(a, port));
        QVERIFY(connectTo(b, port));
        QTRY_COMPARE(s->openConnections(), 2);
        c.connectToHost(QHostAddress::LocalHost, port); // answered and closed at once
        const QByteArray refused = readAll(c, 3000, "throttled");
        QCOMPARE(statusOf(refused), 503);
        QVERIFY(refused.contains("Retry-After:"));
        a.write("GET /still HTTP/1.1\r\n\r\n");
        QVERIFY(readAll(a, 3000, "hello GET /still").contains("hello GET /still"));
    }

    void tlsServesAndPlainTextIsRefused()
    {
        QTemporaryDir dir;
        QProcess openssl;
        openssl.setWorkingDirectory(dir.path());
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), QStringLiteral("key.pem"), QStringLiteral("-out"), QStringLiteral("cert.pem"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(dir.filePath(QStringLiteral("cert.pem")));
        QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QSslKey key(keyFile.readAll(), QSsl::Ec);
        QVERIFY(!chain.isEmpty() && !key.isNull());
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setLocalCertificateChain(chain);
        conf.setPrivateKey(key);
        quint16 port = 0;
        auto s = server({}, port, conf);
        QVERIFY(port);

        QSslSocket tls;
        QSslConfiguration client = QSslConfiguration::defaultConfiguration();
        client.setCaCertificates(chain);
        tls.setSslConfiguration(client);
        tls.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        QElapsedTimer t;
        t.start();
        while (!tls.isEncrypted() && t.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QVERIFY(tls.isEncrypted());
        tls.write("GET /secure HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(readAll(tls, 3000, "hello GET /secure").contains("hello GET /secure"));

        QTcpSocket plain;
        QVERIFY(connectTo(plain, port));
        plain.write("GET /plain HTTP/1.1\r\nHost: x\r\n\r\n");
        const QByteArray answer = readAll(plain, 5000);
        QVERIFY(!answer.contains("hello"));
        QCOMPARE(m_handled, 1);
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_http_server.moc"
