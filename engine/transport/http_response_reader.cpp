#include "engine/transport/http_response_reader.h"

#include <QList>

#include <algorithm>
#include <optional>

namespace rl {

namespace {

constexpr qsizetype kMaxLine = 1024;      // one line of chunk framing
constexpr qsizetype kPreviewBytes = 64;
constexpr QByteArrayView kHttp = "HTTP/";

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Digits only, at most 18 of them (no sign, no overflow).
std::optional<qint64> parseLength(QByteArrayView text)
{
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 v = 0;
    for (char c : text) {
        if (!isDigit(c))
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<qint64> parseChunkSize(QByteArrayView line)
{
    const qsizetype semi = line.indexOf(';');
    if (semi >= 0)
        line = line.first(semi);
    line = line.trimmed();
    if (line.isEmpty() || line.size() > 15)
        return std::nullopt;
    qint64 v = 0;
    for (char c : line) {
        int d;
        if (isDigit(c))
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return std::nullopt;
        v = v * 16 + d;
    }
    return v;
}

bool hasToken(QByteArrayView list, QByteArrayView token)
{
    for (QByteArrayView part : QByteArray(list.toByteArray()).split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Where the head ends (just past its empty line), or -1. Lines end in CRLF; a bare LF is
// accepted as some embedded servers send it.
qsizetype headEnd(const QByteArray &buf, qsizetype from)
{
    for (qsizetype i = buf.indexOf('\n', from); i >= 0; i = buf.indexOf('\n', i + 1)) {
        if (i + 1 < buf.size() && buf.at(i + 1) == '\n')
            return i + 2;
        if (i + 2 < buf.size() && buf.at(i + 1) == '\r' && buf.at(i + 2) == '\n')
            return i + 3;
    }
    return -1;
}

} // namespace

HttpResponseReader::HttpResponseReader(Limits limits, bool headRequest)
    : m_limits(limits)
    , m_headRequest(headRequest)
{
}

void HttpResponseReader::fail(Problem p)
{
    if (m_state == State::Failed || m_state == State::Done)
        return;
    m_state = State::Failed;
    m_problem = p;
    m_pending.clear();
}

QByteArray HttpResponseReader::header(QByteArrayView lowerCaseName) const
{
    for (QByteArrayView line : m_headers.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon) == lowerCaseName)
            return line.sliced(colon + 1).toByteArray();
    }
    return {};
}

void HttpResponseReader::feed(QByteArrayView data)
{
    if (m_state == State::Done || m_state == State::Failed)
        return;
    m_seen += data.size();
    if (m_preview.size() < kPreviewBytes)
        m_preview.append(data.first(std::min<qsizetype>(data.size(), kPreviewBytes - m_preview.size())));

    while (!data.isEmpty() && (m_state == State::Head || m_state == State::Body)) {
        if (m_state == State::Body) {
            feedBody(data);
            continue;
        }
        // The head: never more than maxHeadBytes kept.
        const qsizetype before = m_pending.size();
        const qsizetype room = std::max<qsizetype>(0, m_limits.maxHeadBytes + 1 - before);
        const qsizetype take = std::min(data.size(), room);
        m_pending.append(data.first(take));
        const qsizetype known = std::min<qsizetype>(m_pending.size(), kHttp.size());
        if (QByteArrayView(m_pending).first(known) != kHttp.first(known))
            return fail(Problem::NotHttp);
        const qsizetype end = headEnd(m_pending, std::max<qsizetype>(0, before - 2));
        if (end < 0) {
            if (m_pending.size() > m_limits.maxHeadBytes)
                return fail(Problem::HeadTooLarge);
            data = data.sliced(take);
            continue;
        }
        data = data.sliced(end - before);
        const QByteArray head = m_pending.first(end);
        m_pending.clear();
        if (!parseHead(head))
            return;
        if (m_status >= 100 && m_status < 200) {
            // An interim answer (100 Continue, 102 Processing): the real one follows.
            m_headers.clear();
            m_status = 0;
            continue;
        }
        startBody();
    }
}

bool HttpResponseReader::parseHead(QByteArrayView head)
{
    const QList<QByteArray> lines = head.toByteArray().split('\n');
    QByteArrayView status = lines.value(0);
    if (status.endsWith('\r'))
        status.chop(1);
    // "HTTP/1.1 200 OK": a 1.x version, a space, three digits, then a space or the end.
    if (status.size() < 12 || !status.startsWith("HTTP/1.") || !isDigit(status.at(7)) || status.at(8) != ' '
        || !isDigit(status.at(9)) || !isDigit(status.at(10)) || !isDigit(status.at(11))
        || (status.size() > 12 && status.at(12) != ' ')) {
        fail(Problem::NotHttp);
        return false;
    }
    m_http10 = status.at(7) == '0';
    m_status = (status.at(9) - '0') * 100 + (status.at(10) - '0') * 10 + (status.at(11) - '0');
    if (m_status < 100) {
        fail(Problem::NotHttp);
        return false;
    }
    m_headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArrayView line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(Problem::NotHttp);
            return false;
        }
        m_headers += line.first(colon).trimmed().toByteArray().toLower() + ':' + line.sliced(colon + 1).trimmed().toByteArray()
            + '\n';
    }
    return true;
}

std::optional<qint64> HttpResponseReader::contentLength()
{
    // Every Content-Length line must agree (RFC 9112 6.3); a name must match whole, not as the
    // tail of some other header's name.
    std::optional<qint64> length;
    for (QByteArrayView line : m_headers.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.first(colon) != "content-length")
            continue;
        const std::optional<qint64> v = parseLength(line.sliced(colon + 1));
        if (!v || (length && *length != *v)) {
            fail(Problem::BadFraming);
            return std::nullopt;
        }
        length = v;
    }
    return length;
}

void HttpResponseReader::startBody()
{
    const QByteArray connection = header("connection");
    m_keepAlive = m_http10 ? hasToken(connection, "keep-alive") : !hasToken(connection, "close");
    m_remaining = 0;
    if (m_headRequest || m_status == 204 || m_status == 304) {
        m_state = State::Done;
        return;
    }
    const QByteArray te = header("transfer-encoding");
    if (!te.isEmpty()) {
        m_framing = hasToken(te, "chunked") ? Framing::Chunked : Framing::UntilClose;
        m_chunkStep = ChunkStep::Size;
    } else if (const std::optional<qint64> length = contentLength(); length || m_problem != Problem::None) {
        if (!length)
            return; // failed: malformed or conflicting lengths
        if (*length > m_limits.maxBodyBytes)
            return fail(Problem::BodyTooLarge);
        m_framing = Framing::Length;
        m_remaining = *length;
        m_body.reserve(std::min<qint64>(*length, 4 * 1024 * 1024));
    } else {
        m_framing = Framing::UntilClose;
    }
    if (m_framing == Framing::UntilClose)
        m_keepAlive = false;
    m_state = (m_framing == Framing::Length && m_remaining == 0) ? State::Done : State::Body;
}

void HttpResponseReader::feedBody(QByteArrayView &data)
{
    switch (m_framing) {
    case Framing::Length: {
        const qsizetype n = std::min<qint64>(m_remaining, data.size());
        m_body.append(data.first(n));
        data = data.sliced(n);
        if ((m_remaining -= n) == 0)
            m_state = State::Done;
        return;
    }
    case Framing::UntilClose:
        if (m_body.size() + data.size() > m_limits.maxBodyBytes)
            return fail(Problem::BodyTooLarge);
        m_body.append(data);
        data = {};
        return;
    case Framing::Chunked:
        feedChunked(data);
        return;
    case Framing::None:
        break;
    }
    data = {};
    m_state = State::Done;
}

bool HttpResponseReader::takeLine(QByteArrayView &data, QByteArray &line)
{
    const qsizetype nl = data.indexOf('\n');
    const qsizetype take = nl < 0 ? data.size() : nl + 1;
    if (m_pending.size() + take > kMaxLine) {
        fail(Problem::BadFraming);
        return false;
    }
    m_pending.append(data.first(take));
    data = data.sliced(take);
    if (nl < 0)
        return false;
    line = m_pending.trimmed();
    m_pending.clear();
    return true;
}

void HttpResponseReader::feedChunked(QByteArrayView &data)
{
    QByteArray line;
    while (!data.isEmpty() && m_state == State::Body) {
        switch (m_chunkStep) {
        case ChunkStep::Size: {
            if (!takeLine(data, line))
                return;
            const std::optional<qint64> size = parseChunkSize(line);
            if (!size)
                return fail(Problem::BadFraming);
            if (*size == 0) {
                m_chunkStep = ChunkStep::Trailer;
                m_remaining = 0; // trailer bytes so far
            } else if (m_body.size() + *size > m_limits.maxBodyBytes) {
                return fail(Problem::BodyTooLarge);
            } else {
                m_remaining = *size;
                m_chunkStep = ChunkStep::Data;
            }
            break;
        }
        case ChunkStep::Data: {
            const qsizetype n = std::min<qint64>(m_remaining, data.size());
            m_body.append(data.first(n));
            data = data.sliced(n);
            if ((m_remaining -= n) == 0)
                m_chunkStep = ChunkStep::DataEnd;
            break;
        }
        case ChunkStep::DataEnd:
            if (!takeLine(data, line))
                return;
            if (!line.isEmpty())
                return fail(Problem::BadFraming);
            m_chunkStep = ChunkStep::Size;
            break;
        case ChunkStep::Trailer:
            if (!takeLine(data, line))
                return;
            if (line.isEmpty()) {
                m_state = State::Done;
                return;
            }
            if ((m_remaining += line.size()) > m_limits.maxHeadBytes)
                return fail(Problem::HeadTooLarge);
            break;
        }
    }
}

void HttpResponseReader::peerClosed()
{
    if (m_state == State::Body && m_framing == Framing::UntilClose) {
        m_state = State::Done;
        return;
    }
    fail(Problem::ClosedEarly);
}

} // namespace rl
