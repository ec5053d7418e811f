#pragma once

// A small HTTPS/1.1 server on 127.0.0.1 for the HTTP transport tests. It runs in its own thread
// (the transport under test blocks the test thread), records every request it receives, and
// answers through a handler the test sets: canned answers, slow answers, answers cut short.
// Also: TestPki, a throw-away CA and server certificates made with the openssl command line.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

class QThread;
class ServerCore;

struct ReceivedRequest {
    QByteArray method;
    QByteArray path;                     // with query
    QMap<QByteArray, QByteArray> headers; // names lowercased
    QByteArray body;
};

struct CannedReply {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    int delayMs = 0;             // wait this long before answering
    qint64 closeAfterBytes = -1; // announce the whole body, send only this much of it, close

    // Faults (tst_http_transport_faults). A streamed reply writes `body` over and over, in pieces
    // of `pieceBytes` every `intervalMs` (0: as fast as the client reads), until `streamBytes` are
    // sent (-1: until the client goes away), with Content-Length, or chunked when `chunked`.
    qint64 streamBytes = 0;  // 0: not streamed
    qint64 pieceBytes = 64 * 1024;
    int intervalMs = 0;
    bool chunked = false;
    bool headOnly = false;   // send the head (and Content-Length), then nothing, never close
    QByteArray rawReply = {};// when set: these bytes instead of an HTTP head (garbage), then
                             // the stream if any (raw, never chunked), then wait
    QByteArray extraHead = {};// more header lines, each ending in \r\n
};

using ReplyHandler = std::function<CannedReply(const ReceivedRequest &)>;

class HttpsTestServer
{
public:
    HttpsTestServer();
    ~HttpsTestServer();
    HttpsTestServer(const HttpsTestServer &) = delete;
    HttpsTestServer &operator=(const HttpsTestServer &) = delete;

    // Listens on 127.0.0.1 with this identity; returns the port, 0 on failure.
    quint16 start(const QList<QSslCertificate> &chain, const QSslKey &key);
    // New connections use this identity.
    void setIdentity(const QList<QSslCertificate> &chain, const QSslKey &key);
    void setHandler(ReplyHandler handler);

    QList<ReceivedRequest> received() const;
    int connectionCount() const;
    qint64 bodyBytesSent() const; // body bytes of streamed replies handed to the socket so far
    void dropConnections();       // abort every open connection (a router's HTTPS server dying)
    void reset(); // forget received requests and connections

    // Internal, called from the server thread.
    struct Shared {
        mutable QMutex mutex;
        QList<QSslCertificate> chain;
        QSslKey key;
        ReplyHandler handler;
        QList<ReceivedRequest> received;
        int connections = 0;
        qint64 streamed = 0;
    };

private:
    std::shared_ptr<Shared> m_shared;
    QThread *m_thread = nullptr;
    ServerCore *m_core = nullptr;
};

// Certificates for the tests, generated once per test run in a temporary folder.
class TestPki
{
public:
    // Empty string when every file was made; otherwise what went wrong.
    QString generate();

    QString path(const QString &file) const { return m_dir.filePath(file); }
    QSslCertificate cert(const QString &file) const;
    QSslKey key(const QString &file) const;

    // Files: ca.pem (trusted CA), otherca.pem (a CA nobody trusts here), and key/cert pairs
    // signed by ca.pem unless said otherwise:
    //   good.{key,pem}      for 127.0.0.1 and localhost
    //   expired.{key,pem}   for 127.0.0.1, but no longer valid
    //   wrongname.{key,pem} for other.example.net only
    //   self.{key,pem}      self-signed, for 127.0.0.1
private:
    QString openssl(const QStringList &args);
    QTemporaryDir m_dir;
};
