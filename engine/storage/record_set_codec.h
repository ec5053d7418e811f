#pragma once

#include "engine/api/records.h"

#include <QByteArray>

#include <optional>

namespace rl {

// A compact binary form of a RecordSet for the store: one typed value per cell, driven by the
// record type's column description, then zlib-compressed. A million routes take a few tens of
// megabytes instead of the hundreds their JSON form would.
class RecordSetCodec
{
public:
    static QByteArray encode(const RecordSet &records, int compressionLevel = 3);
    // Empty when the data is damaged or of another format version.
    static std::optional<RecordSet> decode(QueryKind kind, const QByteArray &data);
};

} // namespace rl
