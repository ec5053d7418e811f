#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace rl {

// Reads one HTTP/1.1 answer from the bytes a router sends, within limits: the head (status line
// and header lines) may not exceed maxHeadBytes, the body maxBodyBytes, and a line of chunked
// framing 1 KiB. Pure: no sockets, no clock; the HTTPS transport feeds it what arrives.
//
// It exists because Qt 6.4's network stack keeps an answer's head in memory without a limit: a
// router that sends header lines for ever could fill this process's memory before the command
// deadline (measured: 38 MiB in 1.5 s over loopback). Here every byte kept is counted.
class HttpResponseReader
{
public:
    struct Limits {
        qint64 maxHeadBytes = 64 * 1024;
        qint64 maxBodyBytes = 0;
    };
    enum class State : quint8 { Head, Body, Done, Failed };
    enum class Problem : quint8 {
        None,
        NotHttp,       // the bytes are not an HTTP/1.x answer
        HeadTooLarge,  // no end of the head within maxHeadBytes
        BodyTooLarge,  // the body (announced or received) exceeds maxBodyBytes
        BadFraming,    // a malformed Content-Length or chunk
        ClosedEarly,   // the peer closed before the answer was complete
    };

    explicit HttpResponseReader(Limits limits, bool headRequest = false);

    // Consumes `data`; stops at the end of the answer (bytes after it are ignored: we never
    // pipeline, so they can only be garbage).
    void feed(QByteArrayView data);
    // The peer closed the connection: the end of a body framed by the close, else ClosedEarly.
    void peerClosed();

    State state() const { return m_state; }
    Problem problem() const { return m_problem; }
    bool done() const { return m_state == State::Done; }
    bool failed() const { return m_state == State::Failed; }

    int status() const { return m_status; }
    const QByteArray &body() const { return m_body; }
    QByteArray header(QByteArrayView lowerCaseName) const;
    // After Done: may the connection carry the next request?
    bool keepAlive() const { return m_keepAlive; }
    // Bytes received for this answer so far (all of them, framing included).
    qint64 bytesSeen() const { return m_seen; }
    // The first bytes of the answer, for an error's detail when they were not HTTP.
    QByteArray preview() const { return m_preview; }

private:
    enum class Framing : quint8 { None, Length, Chunked, UntilClose };
    enum class ChunkStep : quint8 { Size, Data, DataEnd, Trailer };

    void fail(Problem p);
    bool parseHead(QByteArrayView head);
    void startBody();
    std::optional<qint64> contentLength(); // nothing: none given, or failed (BadFraming)
    void feedBody(QByteArrayView &data);
    void feedChunked(QByteArrayView &data);
    bool takeLine(QByteArrayView &data, QByteArray &line);

    Limits m_limits;
    bool m_headRequest;
    State m_state = State::Head;
    Problem m_problem = Problem::None;
    QByteArray m_pending; // the head, or a framing line, not complete yet
    QByteArray m_preview;
    QByteArray m_headers; // "name: value\n" lines, names lower-cased
    QByteArray m_body;
    int m_status = 0;
    bool m_http10 = false;
    bool m_keepAlive = true;
    Framing m_framing = Framing::None;
    qint64 m_remaining = 0; // Length: body bytes still due; Chunked: bytes left in this chunk
    ChunkStep m_chunkStep = ChunkStep::Size;
    qint64 m_seen = 0;
};

} // namespace rl
