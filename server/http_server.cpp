#include "server/http_server.h"

#include <QPointer>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace rl {

namespace {

QByteArray reasonOf(int status)
{
    switch (status) {
    case 200: return "OK";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

// An error the server itself gives (before any handler), in the API's error shape.
QByteArray errorBody(const QByteArray &code, const QString &message)
{
    return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message.toUtf8().replace('"', "'") + "\"}}\n";
}

} // namespace

qsizetype httpHeadEnd(QByteArrayView buf)
{
    const qsizetype crlf = buf.indexOf("\r\n\r\n");
    const qsizetype lf = buf.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf))
        return crlf + 4;
    return lf >= 0 ? lf + 2 : -1;
}

std::variant<HttpRequestHead, HttpRefusal> parseHttpRequestHead(QByteArrayView head, qint64 maxBodyBytes)
{
    auto refuse = [](int status, const QString &message) { return HttpRefusal{status, message}; };
    const QList<QByteArray> lines = head.toByteArray().split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    if (first.size() != 3 || !first.at(2).startsWith("HTTP/1.") || !first.at(1).startsWith('/') || first.at(0).isEmpty())
        return refuse(400, QStringLiteral("This is not an HTTP/1.1 request."));
    HttpRequestHead h;
    h.request.method = first.at(0);
    const QUrl url = QUrl::fromEncoded(first.at(1), QUrl::StrictMode);
    if (!url.isValid() || !url.scheme().isEmpty() || !url.host().isEmpty() || !url.path().startsWith(QLatin1Char('/')))
        return refuse(400, QStringLiteral("The request's path is not a valid URL path."));
    h.request.path = url.path();
    h.request.query = QUrlQuery(url);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return refuse(400, QStringLiteral("A request header line has no name."));
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length" && h.request.headers.contains(name) && h.request.headers.value(name) != value)
            return refuse(400, QStringLiteral("The request has two different Content-Length headers."));
        h.request.headers.insert(name, value);
    }
    const bool http10 = first.at(2) == "HTTP/1.0";
    const QByteArray connection = h.request.headers.value("connection").toLower();
    h.keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
    if (h.request.headers.contains("transfer-encoding"))
        return refuse(411, QStringLiteral("Send the request body with a Content-Length (chunked bodies are not accepted)."));
    if (h.request.headers.contains("content-length")) {
        const QByteArray text = h.request.headers.value("content-length");
        bool ok = false;
        const qint64 length = text.size() <= 18 ? text.toLongLong(&ok) : -1;
        if (!ok || length < 0 || text.startsWith('+'))
            return refuse(400, QStringLiteral("The request's Content-Length is not a number."));
        if (length > maxBodyBytes)
            return refuse(413, QStringLiteral("The request body is larger than %1 KiB.").arg(maxBodyBytes / 1024));
        h.contentLength = length;
    }
    h.expectContinue = h.contentLength > 0 && h.request.headers.value("expect").toLower() == "100-continue";
    return h;
}

struct HttpResponder::State {
    QPointer<HttpConnection> connection;
    bool sent = false;
};

// One client connection: reads one request at a time within the limits, hands it to the
// handler, writes its reply, and reads the next.
class HttpConnection final : public QObject
{
public:
    HttpConnection(HttpServer &server, QTcpSocket *socket)
        : QObject(&server)
        , m_server(server)
        , m_socket(socket)
    {
        socket->setParent(this);
        socket->setReadBufferSize(64 * 1024);
        ++m_server.m_open;
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_buffer.isEmpty() && !m_busy)
                return close(); // idle keep-alive: just close
            if (!m_busy)
                fail(408, "request-timeout", QStringLiteral("The request did not arrive in time; send it again."));
        });
        connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readMore);
        connect(socket, &QTcpSocket::disconnected, this, [this] { close(); });
        m_timer.start(m_server.m_limits.idleTimeoutMs);
        readMore();
    }
    ~HttpConnection() override { --m_server.m_open; }

    void reply(const HttpReply &r, bool keepAlive)
    {
        if (!m_socket || m_closing)
            return;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonOf(r.status) + "\r\n";
        if (!r.body.isEmpty() || r.status != 204)
            out += "Content-Type: " + r.contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
        for (const auto &[name, value] : r.headers)
            out += name + ": " + value + "\r\n";
        out += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
        out += keepAlive && m_keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
        m_socket->write(out + r.body);
        m_busy = false;
        if (!keepAlive || !m_keepAlive) {
            m_closing = true;
            m_socket->disconnectFromHost();
            // A client that does not read what is left gets no more than a few seconds.
            QTimer::singleShot(5000, this, [this] {
                if (m_socket)
                    m_socket->abort();
                deleteLater();
            });
            return;
        }
        m_timer.start(m_server.m_limits.idleTimeoutMs);
        QTimer::singleShot(0, this, &HttpConnection::readMore); // a request that came meanwhile
    }

private:
    void close()
    {
        if (m_closing && m_socket && m_socket->state() != QAbstractSocket::UnconnectedState)
            return; // disconnectFromHost is flushing; disconnected comes later
        m_closing = true;
        m_timer.stop();
        deleteLater();
    }

    void fail(int status, const QByteArray &code, const QString &message)
    {
        m_keepAlive = false;
        HttpReply r{status, "application/json", {}, errorBody(code, message)};
        reply(r, false);
    }

    void readMore()
    {
        if (!m_socket || m_busy || m_closing)
            return;
        const HttpServer::Limits &lim = m_server.m_limits;
        const qint64 cap = m_expectBody >= 0 ? m_headLength + m_expectBody : lim.maxHeadBytes + 1;
        while (m_socket->bytesAvailable() > 0 && m_buffer.size() < cap)
            m_buffer += m_socket->read(cap - m_buffer.size());
        if (m_buffer.isEmpty())
            return;
        if (!m_started) {
            m_started = true;
            m_timer.start(lim.requestTimeoutMs);
        }
        if (m_expectBody < 0 && !parseHead())
            return;
        if (m_expectBody < 0 || m_buffer.size() < m_headLength + m_expectBody)
            return;
        m_request.body = m_buffer.mid(m_headLength, m_expectBody);
        m_buffer.remove(0, m_headLength + m_expectBody);
        dispatch();
    }

    // False while the head is incomplete or after a refusal.
    bool parseHead()
    {
        const HttpServer::Limits &lim = m_server.m_limits;
        const qsizetype end = httpHeadEnd(m_buffer);
        if (end < 0 || end > lim.maxHeadBytes) {
            if (m_buffer.size() > lim.maxHeadBytes || end > lim.maxHeadBytes)
                fail(431, "invalid-request", QStringLiteral("The request head is larger than %1 KiB.").arg(lim.maxHeadBytes / 1024));
            return false;
        }
        auto parsed = parseHttpRequestHead(QByteArrayView(m_buffer).first(end), lim.maxBodyBytes);
        if (const HttpRefusal *no = std::get_if<HttpRefusal>(&parsed)) {
            fail(no->status, "invalid-request", no->message);
            return false;
        }
        HttpRequestHead &head = std::get<HttpRequestHead>(parsed);
        m_request = std::move(head.request);
        m_request.peer = m_socket->peerAddress();
        m_keepAlive = head.keepAlive;
        m_headLength = end;
        m_expectBody = head.contentLength;
        if (head.expectContinue && m_buffer.size() == end)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        // The body may be in the buffer already or on its way.
        if (m_buffer.size() < end + m_expectBody && m_socket->bytesAvailable() > 0)
            QTimer::singleShot(0, this, &HttpConnection::readMore);
        return true;
    }

    void dispatch()
    {
        m_busy = true;
        m_started = false;
        m_expectBody = -1;
        m_headLength = 0;
        m_timer.stop();
        HttpResponder responder;
        responder.m_state = std::make_shared<HttpResponder::State>();
        responder.m_state->connection = this;
        if (m_server.m_handler)
            m_server.m_handler(m_request, responder);
        else
            responder.send(HttpReply{503, "application/json", {}, errorBody("internal-error", QStringLiteral("No handler."))});
    }

    HttpServer &m_server;
    QPointer<QTcpSocket> m_socket;
    QTimer m_timer;
    QByteArray m_buffer;
    HttpRequest m_request;
    qsizetype m_headLength = 0;
    qint64 m_expectBody = -1; // -1: reading the head
    bool m_started = false;   // a request's first byte arrived
    bool m_busy = false;      // the handler has the request; its reply is awaited
    bool m_keepAlive = true;
    bool m_closing = false;

    friend class HttpResponder;
};

void HttpResponder::send(const HttpReply &reply) const
{
    if (!m_state || m_state->sent)
        return;
    m_state->sent = true;
    if (HttpConnection *c = m_state->connection.data())
        c->reply(reply, true);
}

bool HttpResponder::isOpen() const
{
    return m_state && !m_state->sent && m_state->connection;
}

HttpServer::HttpServer(Limits limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{
}

HttpServer::~HttpServer()
{
    // The connections first, while this object is whole: they count themselves out of it.
    const QObjectList kids = children();
    for (QObject *o : kids)
        delete dynamic_cast<HttpConnection *>(o);
}

Result<quint16> HttpServer::listen(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls)
{
    if (tls) {
        auto ssl = std::make_unique<QSslServer>();
        ssl->setSslConfiguration(*tls);
        ssl->setHandshakeTimeout(m_limits.handshakeTimeoutMs);
        m_server = std::move(ssl);
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    m_server->setMaxPendingConnections(64);
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &HttpServer::accept);
    if (!m_server->listen(address, port))
        return Error(ErrorCode::Unreachable,
                     QStringLiteral("Cannot listen on %1 port %2: %3.").arg(address.toString()).arg(port).arg(m_server->errorString()));
    return m_server->serverPort();
}

void HttpServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_open >= m_limits.maxConnections) {
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nConnection: close\r\n"
                          "Retry-After: 5\r\nContent-Length: "
                          + QByteArray::number(errorBody("throttled", QStringLiteral("Too many open connections; try again in 5 s.")).size())
                          + "\r\n\r\n" + errorBody("throttled", QStringLiteral("Too many open connections; try again in 5 s.")));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        new HttpConnection(*this, socket);
    }
}

} // namespace rl
