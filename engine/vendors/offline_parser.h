#pragma once

#include "engine/api/error.h"
#include "engine/api/query_kind.h"
#include "engine/vendors/translator.h"

#include <QByteArray>
#include <QString>

namespace rl {

// Reads output a person saved or pasted (a ticket, a terminal log) into the normalized
// records, without any router. The CLI's "parse" verb and the GUI's paste box call this.
class OfflineParser final
{
public:
    // The most text read at once: the same as the default output limit of a live command, so a
    // paste costs what a router's answer may. A larger text is refused (output-too-large) before
    // it is read; bench/engine/bench_inventory prints how long a paste of this size takes.
    static constexpr qint64 MaxTextBytes = 64LL * 1024 * 1024;

    // platform: "cisco-ios", "juniper-junos", ... The result names the command it took the
    // text for ("show bgp all summary"), several joined by "; " when the paste held more.
    static Result<PastedParse> parse(const QString &platform, QueryKind kind, const QByteArray &text);
    // Same, with the platform and query kind by their wire names (as the CLI receives them).
    static Result<PastedParse> parse(const QString &platform, const QString &queryKind, const QByteArray &text);
};

} // namespace rl
