#pragma once

#include "engine/transport/transport.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

#include <memory>

class QSslSocket;

namespace rl {

struct HttpsRequest {
    QByteArray method;                          // GET or POST
    QByteArray target;                          // the encoded path and query
    QList<QPair<QByteArray, QByteArray>> headers; // besides Host, Content-Length and Connection
    QByteArray body;
};

struct HttpsLimits {
    qint64 connectTimeoutMs = 10000; // TCP and TLS, when a new connection is needed
    qint64 answerBudgetMs = 30000;   // from the connection being up to the last byte of the answer
    qint64 maxBodyBytes = 0;
    qint64 maxHeadBytes = 64 * 1024;
    int sliceMs = 20;                // how often the wait looks at the clock and the cancel flag
    CancelFlag cancelled;
};

struct HttpsOutcome {
    enum class Failure : quint8 {
        None,
        Cancelled,
        ConnectTimeout,
        AnswerTimeout,
        Unreachable,        // refused, no route, name not found (socketError says which)
        ClosedInHandshake,  // the peer hung up before TLS was up
        TlsFailed,          // the handshake failed, or the certificate was refused (sslErrors)
        PinMismatch,
        ClosedBeforeAnswer, // connected, request sent, closed without a byte of answer
        ClosedMidAnswer,
        NotHttp,
        HeadTooLarge,
        BodyTooLarge,
        BadFraming,
    };
    Failure failure = Failure::None;
    int status = 0;
    QByteArray body;
    QByteArray location;        // a redirect's target
    QList<QSslError> sslErrors; // what verification found, when it refused the peer
    QByteArray peerDigest;      // SHA-256 of the certificate the peer presented
    QString socketError;        // the socket's own words, for details
    QByteArray preview;         // the first bytes of the answer (for NotHttp)
    bool connected = false;     // TLS was up (now or from an earlier exchange)
    qint64 elapsedMs = 0;
};

// One HTTP/1.1 connection over TLS to a router's API, used from one thread at a time (it runs
// a private event loop while it waits, so it needs no event loop of its caller's). Exchanges
// reuse the connection while the router keeps it alive. Everything read is bounded
// (HttpResponseReader): the head, the body, the framing lines, and the time.
//
// TLS: `ssl` decides verification (VerifyNone: nothing is checked, nothing recorded); a
// 32-byte `pin` accepts exactly the certificate with that SHA-256 of its DER form, whatever
// its chain, name or dates, and refuses any other.
class HttpsConnection
{
public:
    HttpsConnection(QString host, quint16 port, QSslConfiguration ssl, QByteArray pin);
    ~HttpsConnection();
    HttpsConnection(const HttpsConnection &) = delete;
    HttpsConnection &operator=(const HttpsConnection &) = delete;

    HttpsOutcome exchange(const HttpsRequest &request, const HttpsLimits &limits);
    bool isUp() const;

private:
    HttpsOutcome attempt(const QByteArray &wire, bool headRequest, const HttpsLimits &limits,
                         const QElapsedTimer &clock, bool reuse);
    QByteArray wireForm(const HttpsRequest &request) const;

    QString m_host;
    quint16 m_port;
    QSslConfiguration m_ssl;
    QByteArray m_pin;
    std::unique_ptr<QSslSocket> m_socket;
};

} // namespace rl
