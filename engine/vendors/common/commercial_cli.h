#pragma once

// Small pieces the commercial-platform translators share: picking the VRF and address
// family a command asked for, and the common shape of parse() and parsePasted().

#include "engine/api/error.h"
#include "engine/api/interface_name.h"
#include "engine/api/records.h"
#include "engine/api/request.h"
#include "engine/api/session_profile.h"
#include "engine/vendors/translator.h"

#include <functional>

namespace rl::commercial {

// "ipv4" / "ipv6" from the params, or from the neighbor's address when not given.
QString familyFor(const QueryParams &params);
// The VRF named by "vrf NAME" in a command, or "default".
QString vrfInCommand(const QString &command);
// "ipv6-unicast" when the command asks for IPv6 / VPNv6, else "ipv4-unicast".
QString familyInCommand(const QString &command);

Error needsParam(QueryKind kind, const char *param, const QString &platform);
Error unsupported(QueryKind kind, const QString &platform, const QString &why);
Error outputCountMismatch(QueryKind kind, qsizetype expected, qsizetype got);

// parse()'s common shape. checkOutputs: the outputs answer the commands the translator gives
// for these params (same count), else an error. parseOutputs: that check, then each output read
// by `parseOne` and the records joined in order; the first output it cannot read is the answer.
Error checkOutputs(const Translator &t, QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs);
using OutputParser = std::function<Result<RecordSet>(const CommandOutput &output)>;
Result<RecordSet> parseOutputs(const Translator &t, QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs,
                               const OutputParser &parseOne);

// Facts asked with several commands (version, hardware, uptime) merged into one record: each
// field from the last answer that has it.
RecordSet mergeFacts(const RecordSet &all);

// Appends the records of `part` to `into` (same kind).
void appendRecords(RecordSet &into, const RecordSet &part);

// Whether two interface names are the same port (engine/api/interface_name.h).
using rl::sameInterface;

// Drops rows not matching the interface / VRF / neighbor filters the params set.
RecordSet applyFilters(RecordSet set, const QueryParams &params);

// parsePasted's common shape: cut at prompt lines, let `parseOne` read each piece with the
// command it came with (or the guessed one), join the records and name what was taken.
using ChunkParser = std::function<Result<RecordSet>(const QString &command, const QByteArray &body)>;
using CommandGuesser = std::function<QString(const QByteArray &body)>;
using CommandFilter = std::function<bool(const QString &command)>; // does this command answer the query?
Result<PastedParse> parsePastedChunks(QueryKind kind, const QByteArray &text, const CommandGuesser &guess,
                                      const CommandFilter &relevant, const ChunkParser &parseOne);

} // namespace rl::commercial
