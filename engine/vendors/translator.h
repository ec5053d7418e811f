#pragma once

#include "engine/api/error.h"
#include "engine/api/query_kind.h"
#include "engine/api/records.h"
#include "engine/api/request.h"
#include "engine/api/session_profile.h"

#include <QStringList>

namespace rl {

// What the offline parser recognized in pasted text.
struct PastedParse {
    QString command;     // the command that most likely produced the text
    RecordSet records;
};

// One platform: turns a platform-independent query into the platform's own commands and
// its output back into normalized records. Parsing is a pure function of the text.
class Translator
{
public:
    virtual ~Translator() = default;

    virtual QString platform() const = 0;     // "frr", "cisco-ios", ...
    virtual QString vendor() const = 0;       // "FRRouting", "Cisco", ...
    virtual SessionProfile sessionProfile() const = 0;

    // The commands that answer the query, every one passing the profile's guard; or
    // unsupported-query with a sentence saying why the platform cannot answer it.
    virtual Result<QStringList> commands(QueryKind kind, const QueryParams &params) const = 0;
    // A second round of commands, built from the first round's outputs, for answers that need a
    // name only the router knows (BIRD lists a neighbor's routes by protocol name, not address).
    // Empty when the first round is the whole answer (the default). Every command must pass the
    // guard, and anything taken from the router's output must be validated before it is put in a
    // command: the router's text is not trusted. An error here is the waiter's answer.
    virtual Result<QStringList> followUpCommands(QueryKind kind, const QueryParams &params,
                                                 const QList<CommandOutput> &firstRound) const;
    // Whether followUpCommands() may return commands for this kind: work that never needs a
    // second round skips it (and keeps coalescing while in flight).
    virtual bool hasFollowUps(QueryKind kind) const { Q_UNUSED(kind); return false; }
    // Outputs are in the order of commands() followed by followUpCommands(). Text it cannot read
    // is parse-error naming the line, never an empty table.
    virtual Result<RecordSet> parse(QueryKind kind, const QueryParams &params,
                                    const QList<CommandOutput> &outputs) const = 0;

    // Offline parsing of text a person pasted: recognize which command printed it.
    virtual Result<PastedParse> parsePasted(QueryKind kind, const QByteArray &text) const;

protected:
    // invalid-request when the kind needs a parameter the params lack (a neighbor for
    // received/advertised routes, a destination for a route lookup); None otherwise. A command
    // is never built with an empty parameter in it.
    Error missingParameter(QueryKind kind, const QueryParams &params) const;
};

class TranslatorRegistry
{
public:
    // nullptr for an unknown platform. Translators are stateless and live for the program.
    static const Translator *find(const QString &platform);
    static QStringList platforms();
};

} // namespace rl
