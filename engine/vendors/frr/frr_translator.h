#pragma once

#include "engine/vendors/translator.h"

namespace rl {

// FRRouting, read through vtysh over SSH exec channels. Every command goes through the
// session's exec wrapper `vtysh -c '%1'` (vtysh takes one command per -c argument, so the
// words must arrive quoted; the guard checks the command before the wrapper adds the quotes).
// Because of that wrapper the translator sends no host commands: everything comes from vtysh.
class FrrTranslator final : public Translator
{
public:
    QString platform() const override { return QStringLiteral("frr"); }
    QString vendor() const override { return QStringLiteral("FRRouting"); }
    SessionProfile sessionProfile() const override;
    Result<QStringList> commands(QueryKind kind, const QueryParams &params) const override;
    // received-routes: when its answer counts routes the import policy drops, filtered-routes
    // names them (received-routes alone shows them as valid and best).
    Result<QStringList> followUpCommands(QueryKind kind, const QueryParams &params,
                                         const QList<CommandOutput> &firstRound) const override;
    bool hasFollowUps(QueryKind kind) const override { return kind == QueryKind::ReceivedRoutes; }
    Result<RecordSet> parse(QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs) const override;
    Result<PastedParse> parsePasted(QueryKind kind, const QByteArray &text) const override;

    static QStringList allowedPatterns();
};

} // namespace rl
