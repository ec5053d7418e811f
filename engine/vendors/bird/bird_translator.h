#pragma once

#include "engine/vendors/translator.h"

namespace rl {

// BIRD 2: BGP and routes from birdc (text; birdc joins its arguments into one command, so no
// quoting is needed), everything else from the Linux host it runs on.
class BirdTranslator final : public Translator
{
public:
    QString platform() const override { return QStringLiteral("bird"); }
    QString vendor() const override { return QStringLiteral("BIRD"); }
    SessionProfile sessionProfile() const override;
    Result<QStringList> commands(QueryKind kind, const QueryParams &params) const override;
    Result<QStringList> followUpCommands(QueryKind kind, const QueryParams &params,
                                         const QList<CommandOutput> &firstRound) const override;
    bool hasFollowUps(QueryKind kind) const override
    {
        return kind == QueryKind::ReceivedRoutes || kind == QueryKind::AdvertisedRoutes;
    }
    Result<RecordSet> parse(QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs) const override;
    Result<PastedParse> parsePasted(QueryKind kind, const QByteArray &text) const override;

    static QStringList allowedPatterns();
};

} // namespace rl
