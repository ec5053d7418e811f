#include "https_test_server.h"

#include <QFile>
#include <QMetaObject>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

// Lives in the server thread; one QSslSocket per connection, parsed as HTTP/1.1 with keep-alive.
class ServerCore final : public QTcpServer
{
public:
    explicit ServerCore(std::shared_ptr<HttpsTestServer::Shared> shared) : m_shared(std::move(shared)) {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        {
            QMutexLocker lock(&m_shared->mutex);
            ++m_shared->connections;
            if (!m_shared->chain.isEmpty()) {
                conf.setLocalCertificateChain(m_shared->chain);
                conf.setPrivateKey(m_shared->key);
            }
        }
        conf.setPeerVerifyMode(QSslSocket::VerifyNone);
        socket->setSslConfiguration(conf);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QSslSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            serve(socket, *buffer);
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        // Handshake failures (the client refused our certificate) just end the connection.
        connect(socket, &QSslSocket::errorOccurred, socket, [socket](QAbstractSocket::SocketError) {
            socket->deleteLater();
        });
        socket->startServerEncryption();
    }

private:
    void serve(QSslSocket *socket, QByteArray &buffer)
    {
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            ReceivedRequest req;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            req.method = first.value(0);
            req.path = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    req.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
            }
            const qsizetype length = req.headers.value("content-length", "0").toLongLong();
            if (buffer.size() < end + 4 + length)
                return;
            req.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);

            ReplyHandler handler;
            {
                QMutexLocker lock(&m_shared->mutex);
                m_shared->received.append(req);
                handler = m_shared->handler;
            }
            const CannedReply reply = handler ? handler(req) : CannedReply{404, "text/plain", "no handler"};
            if (reply.delayMs > 0)
                QTimer::singleShot(reply.delayMs, socket, [this, socket, reply] { answer(socket, reply); });
            else
                answer(socket, reply);
        }
    }

    void answer(QSslSocket *socket, const CannedReply &reply)
    {
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
        const bool streamed = reply.streamBytes != 0;
        if (!reply.rawReply.isEmpty()) {
            socket->write(reply.rawReply);
            if (streamed)
                stream(socket, reply);
            return;
        }
        QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + " Canned\r\n";
        head += "Content-Type: " + reply.contentType + "\r\n";
        if (streamed && reply.chunked)
            head += "Transfer-Encoding: chunked\r\n";
        else
            head += "Content-Length: " + QByteArray::number(streamed ? reply.streamBytes : reply.body.size()) + "\r\n";
        if (reply.status == 401)
            head += "WWW-Authenticate: Basic realm=\"test\"\r\n";
        head += reply.extraHead;
        head += "\r\n";
        socket->write(head);
        if (reply.headOnly)
            return;
        if (streamed) {
            stream(socket, reply);
            return;
        }
        if (reply.closeAfterBytes >= 0) {
            socket->write(reply.body.left(reply.closeAfterBytes));
            socket->flush();
            socket->disconnectFromHost();
            return;
        }
        socket->write(reply.body);
    }

    // Writes the body piece by piece from a timer on the socket: paced (intervalMs), or as fast
    // as the client takes it (a new piece only when little is waiting to be written).
    void stream(QSslSocket *socket, const CannedReply &reply)
    {
        auto *timer = new QTimer(socket);
        timer->setInterval(reply.intervalMs);
        auto left = std::make_shared<qint64>(reply.streamBytes);
        connect(timer, &QTimer::timeout, socket, [this, socket, timer, reply, left] {
            if (socket->state() != QAbstractSocket::ConnectedState) {
                timer->stop();
                return;
            }
            if (socket->bytesToWrite() + socket->encryptedBytesToWrite() > 4 * reply.pieceBytes)
                return;
            qint64 n = reply.pieceBytes;
            if (*left >= 0)
                n = std::min(n, *left);
            QByteArray piece;
            piece.reserve(n);
            while (piece.size() < n)
                piece.append(reply.body.left(n - piece.size()));
            if (reply.chunked)
                socket->write(QByteArray::number(n, 16) + "\r\n" + piece + "\r\n");
            else
                socket->write(piece);
            {
                QMutexLocker lock(&m_shared->mutex);
                m_shared->streamed += n;
            }
            if (*left >= 0 && (*left -= n) == 0) {
                if (reply.chunked)
                    socket->write("0\r\n\r\n");
                timer->stop();
            }
        });
        timer->start();
    }

    std::shared_ptr<HttpsTestServer::Shared> m_shared;
};

HttpsTestServer::HttpsTestServer()
    : m_shared(std::make_shared<Shared>())
    , m_thread(new QThread)
{
    m_core = new ServerCore(m_shared);
    m_core->moveToThread(m_thread);
    m_thread->start();
}

HttpsTestServer::~HttpsTestServer()
{
    QMetaObject::invokeMethod(m_core, [core = m_core] { delete core; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

quint16 HttpsTestServer::start(const QList<QSslCertificate> &chain, const QSslKey &key)
{
    setIdentity(chain, key);
    quint16 port = 0;
    QMetaObject::invokeMethod(
        m_core,
        [&] {
            if (m_core->listen(QHostAddress::LocalHost, 0))
                port = m_core->serverPort();
        },
        Qt::BlockingQueuedConnection);
    return port;
}

void HttpsTestServer::setIdentity(const QList<QSslCertificate> &chain, const QSslKey &key)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->chain = chain;
    m_shared->key = key;
}

void HttpsTestServer::setHandler(ReplyHandler handler)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->handler = std::move(handler);
}

QList<ReceivedRequest> HttpsTestServer::received() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->received;
}

int HttpsTestServer::connectionCount() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->connections;
}

void HttpsTestServer::dropConnections()
{
    QMetaObject::invokeMethod(m_core, [core = m_core] {
        for (QSslSocket *s : core->findChildren<QSslSocket *>())
            s->abort();
    });
}

qint64 HttpsTestServer::bodyBytesSent() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->streamed;
}

void HttpsTestServer::reset()
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->received.clear();
    m_shared->connections = 0;
    m_shared->streamed = 0;
}

// ---- TestPki ------------------------------------------------------------------------------

QString TestPki::openssl(const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("openssl %1 failed: %2").arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAllStandardError()));
    return {};
}

QString TestPki::generate()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder");
    const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    auto makeCa = [&](const QString &name, const QString &cn) {
        return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec
                       + QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                                     name + QStringLiteral(".pem"), QStringLiteral("-days"), QStringLiteral("30"),
                                     QStringLiteral("-subj"), QStringLiteral("/CN=") + cn});
    };
    auto makeLeaf = [&](const QString &name, const QString &san, const QString &days, bool selfSigned) -> QString {
        QFile ext(m_dir.filePath(name + QStringLiteral(".ext")));
        if (!ext.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write %1").arg(ext.fileName());
        ext.write("basicConstraints=CA:FALSE\nsubjectAltName=" + san.toLatin1() + "\n");
        ext.close();
        if (selfSigned)
            return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec
                           + QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                                         name + QStringLiteral(".pem"), QStringLiteral("-days"), days,
                                         QStringLiteral("-subj"), QStringLiteral("/CN=router-self"),
                                         QStringLiteral("-addext"), QStringLiteral("subjectAltName=") + san});
        if (QString e = openssl(QStringList{QStringLiteral("req"), QStringLiteral("-new")} + ec
                                + QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                                              name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                                              QStringLiteral("/CN=") + name});
            !e.isEmpty())
            return e;
        // A negative validity makes "not after" fall before "not before": an expired certificate.
        return openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), name + QStringLiteral(".csr"),
                        QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                        QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), name + QStringLiteral(".pem"),
                        QStringLiteral("-days"), days, QStringLiteral("-extfile"), name + QStringLiteral(".ext")});
    };
    const QString local = QStringLiteral("IP:127.0.0.1,DNS:localhost");
    for (const QString &e : {makeCa(QStringLiteral("ca"), QStringLiteral("RouterLens Test CA")),
                             makeCa(QStringLiteral("otherca"), QStringLiteral("Some Other CA")),
                             makeLeaf(QStringLiteral("good"), local, QStringLiteral("30"), false),
                             makeLeaf(QStringLiteral("expired"), local, QStringLiteral("-1"), false),
                             makeLeaf(QStringLiteral("wrongname"), QStringLiteral("DNS:other.example.net"),
                                      QStringLiteral("30"), false),
                             makeLeaf(QStringLiteral("self"), local, QStringLiteral("30"), true)}) {
        if (!e.isEmpty())
            return e;
    }
    return {};
}

QSslCertificate TestPki::cert(const QString &file) const
{
    return QSslCertificate::fromPath(m_dir.filePath(file), QSsl::Pem).value(0);
}

QSslKey TestPki::key(const QString &file) const
{
    QFile f(m_dir.filePath(file));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QSslKey(f.readAll(), QSsl::Ec, QSsl::Pem);
}
