#include "engine/vendors/translator.h"

namespace rl {

Result<QStringList> Translator::followUpCommands(QueryKind, const QueryParams &, const QList<CommandOutput> &) const
{
    return QStringList{};
}

Error Translator::missingParameter(QueryKind kind, const QueryParams &params) const
{
    const char *name = nullptr;
    if ((kind == QueryKind::ReceivedRoutes || kind == QueryKind::AdvertisedRoutes) && params.neighbor.isEmpty())
        name = "neighbor";
    else if (kind == QueryKind::RouteLookup && params.destination.isEmpty())
        name = "destination";
    if (!name)
        return {};
    return Error(ErrorCode::InvalidRequest,
                 QStringLiteral("%1 on %2 needs the %3 parameter.").arg(queryKindTitle(kind), platform(), QLatin1String(name)));
}

Result<PastedParse> Translator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    return Error(ErrorCode::UnsupportedQuery,
                 QStringLiteral("Parsing pasted %1 output is not available for the %2 platform yet.")
                     .arg(queryKindTitle(kind), platform()));
}

} // namespace rl
