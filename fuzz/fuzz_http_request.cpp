// The request heads routerlens-serve reads from anyone who can reach it
// (server/http_server.*: httpHeadEnd and parseHttpRequestHead).
//   the input: bytes as a client sends them
// Promises checked: a head is found only within the bytes; a refusal has one of its statuses
// and a sentence; an accepted head has a method, a path starting with "/", a body length
// within the limit, and header names in lower case.

#include "fuzz/fuzz_support.h"

#include "server/http_server.h"

using namespace rl;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    constexpr qint64 kMaxBody = 64 * 1024;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype end = httpHeadEnd(bytes);
    RL_FUZZ_CHECK(end == -1 || (end > 0 && end <= bytes.size()), QStringLiteral("head end %1 of %2").arg(end).arg(bytes.size()));
    if (end < 0)
        return 0;
    const auto parsed = parseHttpRequestHead(bytes.first(end), kMaxBody);
    if (const HttpRefusal *no = std::get_if<HttpRefusal>(&parsed)) {
        RL_FUZZ_CHECK(no->status == 400 || no->status == 411 || no->status == 413 || no->status == 431,
                      QStringLiteral("status %1").arg(no->status));
        RL_FUZZ_CHECK(!no->message.isEmpty(), QStringLiteral("a refusal without a sentence"));
        return 0;
    }
    const HttpRequestHead &h = std::get<HttpRequestHead>(parsed);
    RL_FUZZ_CHECK(!h.request.method.isEmpty(), QStringLiteral("no method"));
    RL_FUZZ_CHECK(h.request.path.startsWith(QLatin1Char('/')), h.request.path);
    RL_FUZZ_CHECK(h.contentLength >= 0 && h.contentLength <= kMaxBody, QStringLiteral("length %1").arg(h.contentLength));
    for (auto it = h.request.headers.cbegin(); it != h.request.headers.cend(); ++it)
        RL_FUZZ_CHECK(it.key() == it.key().toLower(), QString::fromLatin1(it.key()));
    return 0;
}
