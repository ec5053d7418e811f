#pragma once

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>

namespace rl {

// A compact binary form of a RecordSet for the store: one typed value per cell, driven by the
// record type's column description, then zlib-compressed. A million routes take a few tens of
// megabytes instead of the hundreds their JSON form would.
//
// Decoding trusts nothing it reads: the uncompressed size, the row count and every text length
// are checked against the bytes that are really there before anything is allocated, and an
// answer may not decode to more memory than MaxDecodedBytes plus DecodeFactor times its stored
// size (real answers stay far below; a few kilobytes of repeated empty rows would not).
class RecordSetCodec
{
public:
    static constexpr qint64 MaxDecodedBytes = 64LL * 1024 * 1024;
    static constexpr qint64 DecodeFactor = 64;

    static QByteArray encode(const RecordSet &records, int compressionLevel = 3);
    // A store-error naming what is wrong when the data is damaged, crafted, or of another
    // format version or query kind.
    static Result<RecordSet> decode(QueryKind kind, const QByteArray &data);
};

} // namespace rl
