// The stored-answer decoder (engine/storage/record_set_codec.*): a store's blob may be damaged,
// or written by anyone who can write the file.
//   byte 0: the query kind the row claims (index into allQueryKinds())
//   the rest: the stored bytes
// Promises checked beyond "no crash, no sanitizer report, bounded memory (-rss_limit_mb)": a
// refused blob is a store-error with a sentence; a decoded one is of the kind asked for and
// encodes and decodes to the same records.

#include "fuzz/fuzz_support.h"

#include "engine/storage/record_set_codec.h"

#include <QJsonArray>

using namespace rl;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QList<QueryKind> kinds = allQueryKinds();
    fuzz::Input in(data, size);
    const QueryKind kind = kinds.at(in.byte() % kinds.size());
    const auto decoded = RecordSetCodec::decode(kind, in.rest());
    if (!decoded) {
        fuzz::checkError(decoded.error());
        RL_FUZZ_CHECK(decoded.error().code == ErrorCode::StoreError, decoded.error().toString());
        return 0;
    }
    RL_FUZZ_CHECK(decoded->kind() == kind, queryKindName(decoded->kind()));
    const auto again = RecordSetCodec::decode(kind, RecordSetCodec::encode(*decoded, 1));
    RL_FUZZ_CHECK(again.ok(), again.error().toString());
    RL_FUZZ_CHECK(fuzz::recordsText(*again) == fuzz::recordsText(*decoded), QStringLiteral("store round trip"));
    return 0;
}
