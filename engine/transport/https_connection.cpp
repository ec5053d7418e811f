#include "engine/transport/https_connection.h"

#include "engine/transport/http_response_reader.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTimer>

namespace rl {

namespace {

using Failure = HttpsOutcome::Failure;

// Qt reads from the network into the socket's buffer only while it holds less than this; the
// reader takes it in pieces of the same size.
constexpr qint64 kReadBuffer = 1024 * 1024;

QByteArray certDigest(const QSslCertificate &cert)
{
    return cert.isNull() ? QByteArray() : QCryptographicHash::hash(cert.toDer(), QCryptographicHash::Sha256);
}

Failure failureOf(const HttpResponseReader &reader)
{
    switch (reader.problem()) {
    case HttpResponseReader::Problem::NotHttp:
        return Failure::NotHttp;
    case HttpResponseReader::Problem::HeadTooLarge:
        return Failure::HeadTooLarge;
    case HttpResponseReader::Problem::BodyTooLarge:
        return Failure::BodyTooLarge;
    case HttpResponseReader::Problem::BadFraming:
        return Failure::BadFraming;
    case HttpResponseReader::Problem::ClosedEarly:
    case HttpResponseReader::Problem::None:
        break;
    }
    return reader.bytesSeen() == 0 ? Failure::ClosedBeforeAnswer : Failure::ClosedMidAnswer;
}

bool isTlsError(QAbstractSocket::SocketError e)
{
    return e == QAbstractSocket::SslHandshakeFailedError || e == QAbstractSocket::SslInternalError
        || e == QAbstractSocket::SslInvalidUserDataError;
}

} // namespace

HttpsConnection::HttpsConnection(QString host, quint16 port, QSslConfiguration ssl, QByteArray pin)
    : m_host(std::move(host))
    , m_port(port)
    , m_ssl(std::move(ssl))
    , m_pin(std::move(pin))
{
}

HttpsConnection::~HttpsConnection()
{
    if (m_socket)
        m_socket->abort();
}

bool HttpsConnection::isUp() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState && m_socket->isEncrypted();
}

QByteArray HttpsConnection::wireForm(const HttpsRequest &request) const
{
    const bool v6 = m_host.contains(QLatin1Char(':'));
    QByteArray w = request.method + ' ' + request.target + " HTTP/1.1\r\n";
    w += "Host: " + (v6 ? '[' + m_host.toLatin1() + ']' : m_host.toLatin1()) + ':' + QByteArray::number(m_port) + "\r\n";
    for (const auto &[name, value] : request.headers)
        w += name + ": " + value + "\r\n";
    if (!request.body.isEmpty() || request.method == "POST")
        w += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    w += "Connection: keep-alive\r\n\r\n";
    w += request.body;
    return w;
}

HttpsOutcome HttpsConnection::exchange(const HttpsRequest &request, const HttpsLimits &limits)
{
    QElapsedTimer clock;
    clock.start();
    QByteArray wire = wireForm(request);
    const bool head = request.method == "HEAD";
    const bool reuse = isUp();
    HttpsOutcome out = attempt(wire, head, limits, clock, reuse);
    // A kept-alive connection the router closed while it was idle: once more on a new one (the
    // request only reads; sending it twice changes nothing).
    if (reuse && out.failure == Failure::ClosedBeforeAnswer)
        out = attempt(wire, head, limits, clock, false);
    wire.fill('\0'); // it may carry the Authorization header
    out.elapsedMs = clock.elapsed();
    return out;
}

// Long on purpose: one request on the wire and its reply read under one deadline; each way it can
// end (deadline, close, TLS error, a limit, garbage) is decided where it happens.
HttpsOutcome HttpsConnection::attempt(const QByteArray &wire, bool headRequest, const HttpsLimits &limits,
                                      const QElapsedTimer &clock, bool reuse)
{
    HttpsOutcome out;
    if (!reuse) {
        if (m_socket)
            m_socket->abort();
        m_socket = std::make_unique<QSslSocket>();
        m_socket->setReadBufferSize(kReadBuffer);
        m_socket->setSslConfiguration(m_ssl);
    }
    QSslSocket *s = m_socket.get();
    HttpResponseReader reader({limits.maxHeadBytes, limits.maxBodyBytes}, headRequest);
    QEventLoop loop;
    QObject ctx; // every connection below ends with it
    bool finished = false;
    const qint64 startedMs = clock.elapsed();
    qint64 connectedAt = reuse ? startedMs : -1;
    out.connected = reuse;

    auto finish = [&](Failure f) {
        if (finished)
            return;
        finished = true;
        out.failure = f;
        loop.quit();
    };
    auto drain = [&] {
        while (!finished && s->bytesAvailable() > 0) {
            const QByteArray piece = s->read(kReadBuffer);
            if (piece.isEmpty())
                break;
            reader.feed(piece);
            if (reader.done())
                finish(Failure::None);
            else if (reader.failed())
                finish(failureOf(reader));
        }
    };
    auto closed = [&] {
        drain();
        if (finished)
            return;
        reader.peerClosed();
        finish(reader.done() ? Failure::None : failureOf(reader));
    };

    QObject::connect(s, &QSslSocket::sslErrors, &ctx, [&](const QList<QSslError> &errors) {
        out.peerDigest = certDigest(s->peerCertificate());
        if (out.peerDigest.isEmpty() && !errors.isEmpty())
            out.peerDigest = certDigest(errors.first().certificate());
        if (s->peerVerifyMode() == QSslSocket::VerifyNone) {
            s->ignoreSslErrors(errors);
        } else if (!m_pin.isEmpty()) {
            // A pinned certificate stands in for the chain, the name and the dates.
            if (out.peerDigest == m_pin)
                s->ignoreSslErrors(errors);
            else
                finish(Failure::PinMismatch);
        } else {
            out.sslErrors = errors; // not ignored: the handshake fails
        }
    });
    QObject::connect(s, &QSslSocket::encrypted, &ctx, [&] {
        out.peerDigest = certDigest(s->peerCertificate());
        if (!m_pin.isEmpty() && out.peerDigest != m_pin)
            return finish(Failure::PinMismatch);
        out.connected = true;
        connectedAt = clock.elapsed();
        s->write(wire);
    });
    QObject::connect(s, &QSslSocket::readyRead, &ctx, drain);
    QObject::connect(s, &QAbstractSocket::errorOccurred, &ctx, [&](QAbstractSocket::SocketError e) {
        if (finished)
            return;
        out.socketError = s->errorString();
        if (!out.connected) {
            if (!out.sslErrors.isEmpty() || isTlsError(e))
                finish(Failure::TlsFailed);
            else
                finish(e == QAbstractSocket::RemoteHostClosedError ? Failure::ClosedInHandshake : Failure::Unreachable);
        } else {
            closed();
        }
    });
    QObject::connect(s, &QAbstractSocket::disconnected, &ctx, [&] {
        if (!finished && out.connected)
            closed();
        else
            finish(Failure::ClosedInHandshake);
    });

    QTimer tick;
    tick.setInterval(std::max(1, limits.sliceMs));
    QObject::connect(&tick, &QTimer::timeout, &ctx, [&] {
        const qint64 now = clock.elapsed();
        if (limits.cancelled && limits.cancelled->load())
            finish(Failure::Cancelled);
        else if (!out.connected && now - startedMs > limits.connectTimeoutMs)
            finish(Failure::ConnectTimeout);
        else if (out.connected && now - connectedAt > limits.answerBudgetMs)
            finish(Failure::AnswerTimeout);
    });
    tick.start();
    if (reuse)
        s->write(wire);
    else
        s->connectToHostEncrypted(m_host, m_port);
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    tick.stop();
    QObject::disconnect(s, nullptr, &ctx, nullptr);

    if (out.failure == Failure::None) {
        out.status = reader.status();
        out.body = reader.body();
        out.location = reader.header("location");
        if (!reader.keepAlive()) {
            m_socket->abort();
            m_socket.reset();
        }
    } else {
        out.preview = reader.preview();
        m_socket->abort();
        m_socket.reset();
    }
    return out;
}

} // namespace rl
