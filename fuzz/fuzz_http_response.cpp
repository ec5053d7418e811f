// The HTTP/1.1 answer reader of the HTTPS transports (engine/transport/http_response_reader.*):
// everything a router's API server sends back, head, framing and body.
//   byte 0: bits 0-6 the size of each read (1..128 bytes), bit 7 the answer is to a HEAD request
//   the rest: the bytes as they come off the connection
// Promises checked: the body never exceeds its limit; a finished answer has a final status;
// a failed one says why; and the answer does not depend on how the bytes were split into reads.

#include "fuzz/fuzz_support.h"

#include "engine/transport/http_response_reader.h"

using namespace rl;

namespace {

constexpr HttpResponseReader::Limits kLimits{4096, 64 * 1024};

HttpResponseReader readAll(const QByteArray &bytes, qsizetype piece, bool head, bool closeAtEnd)
{
    HttpResponseReader r(kLimits, head);
    for (qsizetype at = 0; at < bytes.size(); at += piece)
        r.feed(QByteArrayView(bytes).sliced(at, std::min(piece, bytes.size() - at)));
    if (closeAtEnd && !r.done() && !r.failed())
        r.peerClosed();
    return r;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::Input in(data, size);
    const uint8_t mode = in.byte();
    const qsizetype piece = 1 + (mode & 0x7f);
    const bool head = mode & 0x80;
    const QByteArray bytes = in.rest();

    for (bool close : {false, true}) {
        const HttpResponseReader split = readAll(bytes, piece, head, close);
        const HttpResponseReader whole = readAll(bytes, bytes.size() + 1, head, close);
        RL_FUZZ_CHECK(split.body().size() <= kLimits.maxBodyBytes, QStringLiteral("body %1").arg(split.body().size()));
        RL_FUZZ_CHECK(split.state() == whole.state() && split.problem() == whole.problem()
                          && split.status() == whole.status() && split.body() == whole.body(),
                      QStringLiteral("reads of %1 bytes give another answer than one read").arg(piece));
        if (split.done())
            RL_FUZZ_CHECK(split.status() >= 200 && split.status() <= 999, QStringLiteral("status %1").arg(split.status()));
        if (split.failed())
            RL_FUZZ_CHECK(split.problem() != HttpResponseReader::Problem::None, QStringLiteral("failed without a reason"));
        if (close)
            RL_FUZZ_CHECK(split.done() || split.failed(), QStringLiteral("still reading after the peer closed"));
    }
    return 0;
}
