#pragma once

#include "engine/api/error.h"
#include "engine/api/query_kind.h"
#include "engine/api/records.h"
#include "engine/api/request.h"
#include "engine/transport/transport.h"

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
    // Outputs are in the order of commands(). Text it cannot read is parse-error naming the
    // line, never an empty table.
    virtual Result<RecordSet> parse(QueryKind kind, const QueryParams &params,
                                    const QList<CommandOutput> &outputs) const = 0;

    // Offline parsing of text a person pasted: recognize which command printed it.
    virtual Result<PastedParse> parsePasted(QueryKind kind, const QByteArray &text) const;
};

class TranslatorRegistry
{
public:
    // nullptr for an unknown platform. Translators are stateless and live for the program.
    static const Translator *find(const QString &platform);
    static QStringList platforms();
};

} // namespace rl
