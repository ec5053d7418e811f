#include "engine/vendors/translator.h"

namespace rl {

Result<QStringList> Translator::followUpCommands(QueryKind, const QueryParams &, const QList<CommandOutput> &) const
{
    return QStringList{};
}

Result<PastedParse> Translator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    return Error(ErrorCode::UnsupportedQuery,
                 QStringLiteral("Parsing pasted %1 output is not available for the %2 platform yet.")
                     .arg(queryKindTitle(kind), platform()));
}

} // namespace rl
