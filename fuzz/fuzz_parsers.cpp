// Every parser entry point: platform x query kind x path (pasted text, whose form the
// recogniser reads; or a live answer to the translator's own commands, in the form those
// commands ask for: text, JSON or XML). The layout of an input is in parser_input.h.
//
// Promises checked beyond "no crash, no sanitizer report":
//   - every command a translator builds from validated parameters passes its read-only guard;
//   - an error has a code and a sentence; records are of the kind asked for;
//   - records survive the JSON form and the store's binary form unchanged.

#include "fuzz/fuzz_support.h"
#include "fuzz/parser_input.h"

#include "engine/api/request_validator.h"
#include "engine/storage/record_set_codec.h"
#include "engine/vendors/offline_parser.h"

#include <QJsonArray>

using namespace rl;

namespace {

void checkRecords(QueryKind kind, const RecordSet &records)
{
    RL_FUZZ_CHECK(records.kind() == kind, queryKindName(records.kind()));
    const QByteArray text = fuzz::recordsText(records);
    RL_FUZZ_CHECK(fuzz::recordsText(RecordSet::fromJson(kind, records.toJson())) == text, QStringLiteral("JSON round trip"));
    const auto decoded = RecordSetCodec::decode(kind, RecordSetCodec::encode(records, 1));
    RL_FUZZ_CHECK(decoded.ok(), decoded.error().toString());
    RL_FUZZ_CHECK(fuzz::recordsText(*decoded) == text, QStringLiteral("store round trip"));
}

void checkGuard(const Translator &t, const QStringList &commands)
{
    const SessionProfile profile = t.sessionProfile();
    for (const QString &c : commands) {
        const Error e = profile.guard.check(c);
        RL_FUZZ_CHECK(!e.isError(), t.platform() + QStringLiteral(": ") + c);
    }
}

void live(const Translator &t, QueryKind kind, fuzz::Input &in)
{
    const QByteArray rest = in.rest();
    const qsizetype nl = rest.indexOf('\n');
    const QueryParams params = fuzz::paramsFromLine(nl < 0 ? rest : rest.left(nl));
    // The service validates a request before any translator sees it.
    if (RequestValidator::validateParams(kind, params).isError())
        return;
    const auto commands = t.commands(kind, params);
    if (!commands) {
        fuzz::checkError(commands.error());
        return;
    }
    RL_FUZZ_CHECK(!commands->isEmpty(), QStringLiteral("no commands and no error"));
    checkGuard(t, *commands);

    const QList<QByteArray> chunks = nl < 0 ? QList<QByteArray>{} : rest.mid(nl + 1).split(fuzz::kOutputSeparator);
    qsizetype next = 0;
    QList<CommandOutput> outputs;
    for (const QString &c : *commands)
        outputs.append(CommandOutput{c, next < chunks.size() ? chunks.at(next++) : QByteArray(), 0, 0});
    if (t.hasFollowUps(kind)) {
        const auto more = t.followUpCommands(kind, params, outputs);
        if (!more) {
            fuzz::checkError(more.error());
            return;
        }
        checkGuard(t, *more);
        for (const QString &c : *more)
            outputs.append(CommandOutput{c, next < chunks.size() ? chunks.at(next++) : QByteArray(), 0, 0});
    }
    const auto parsed = t.parse(kind, params, outputs);
    if (!parsed) {
        fuzz::checkError(parsed.error());
        return;
    }
    checkRecords(kind, *parsed);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QStringList platforms = TranslatorRegistry::platforms();
    static const QList<QueryKind> kinds = allQueryKinds();
    fuzz::Input in(data, size);
    const QString platform = platforms.at(in.byte() % platforms.size());
    const QueryKind kind = kinds.at(in.byte() % kinds.size());
    const bool isLive = in.byte() & 1;
    const Translator *t = TranslatorRegistry::find(platform);
    if (isLive) {
        live(*t, kind, in);
        return 0;
    }
    const auto parsed = OfflineParser::parse(platform, kind, in.rest());
    if (!parsed) {
        fuzz::checkError(parsed.error());
        return 0;
    }
    checkRecords(kind, parsed->records);
    return 0;
}
