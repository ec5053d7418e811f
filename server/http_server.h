#pragma once

#include "engine/api/error.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QSslConfiguration>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>
#include <variant>

class QTcpServer;

namespace rl {

struct HttpRequest {
    QByteArray method;                   // upper case, as sent
    QString path;                        // decoded, without the query
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QHostAddress peer;
};

struct HttpReply {
    int status = 200;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

// A request's head as read from the wire, before its body. Pure, for the server and its fuzz
// target (fuzz/fuzz_http_request.cpp).
struct HttpRequestHead {
    HttpRequest request;       // without body and peer
    qint64 contentLength = 0;
    bool keepAlive = true;
    bool expectContinue = false;
};
struct HttpRefusal {
    int status = 400;          // 400, 411, 413 or 431
    QString message;           // a sentence for the caller
};
// Where the head in `buffer` ends (just past its empty line), or -1 when it has not yet.
qsizetype httpHeadEnd(QByteArrayView buffer);
// Reads a complete head (up to and including its empty line).
std::variant<HttpRequestHead, HttpRefusal> parseHttpRequestHead(QByteArrayView head, qint64 maxBodyBytes);

class HttpConnection;

// Answers one request, now or later (the engine works asynchronously). Copyable; sending on a
// connection that has gone away does nothing. Only the first send counts.
class HttpResponder
{
public:
    void send(const HttpReply &reply) const;
    bool isOpen() const;

private:
    friend class HttpConnection;
    struct State;
    std::shared_ptr<State> m_state;
};

using HttpHandler = std::function<void(const HttpRequest &, HttpResponder)>;

// A small HTTP/1.1 server for routerlens-serve, over TCP or TLS (QSslServer). It is small on
// purpose: every limit a caller could abuse is explicit and enforced before memory is spent —
// the head, the body (Content-Length only; chunked request bodies are refused), the time a
// request may take to arrive, idle keep-alive time, the TLS handshake time, the number of open
// connections. One request at a time per connection (no pipelining), keep-alive otherwise.
// Lives in one thread (the one with the service).
class HttpServer final : public QObject
{
    Q_OBJECT

public:
    struct Limits {
        qint64 maxHeadBytes = 16 * 1024;
        qint64 maxBodyBytes = 1024 * 1024;
        int requestTimeoutMs = 30000; // from a request's first byte to its last
        int idleTimeoutMs = 60000;    // a kept-alive connection with no request
        int handshakeTimeoutMs = 10000;
        int maxConnections = 256;
    };

    explicit HttpServer(Limits limits, QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(HttpHandler handler) { m_handler = std::move(handler); }
    // Listens; TLS when `tls` is given. The port (the one chosen when 0 was asked), or why not.
    Result<quint16> listen(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls);
    int openConnections() const { return m_open; }
    const Limits &limits() const { return m_limits; }

private:
    friend class HttpConnection;
    void accept();

    Limits m_limits;
    HttpHandler m_handler;
    std::unique_ptr<QTcpServer> m_server;
    int m_open = 0;
};

} // namespace rl
