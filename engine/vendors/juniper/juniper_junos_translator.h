#pragma once

#include "engine/vendors/translator.h"

namespace rl {

// Juniper Junos over an SSH shell, every command with "| display json". Offline, it reads the
// same answers as JSON, as XML ("| display xml", NETCONF replies) and as CLI text; received
// routes include the routes the import policy rejected ("... hidden"), marked not valid.
class JuniperJunosTranslator final : public Translator
{
public:
    QString platform() const override { return QStringLiteral("juniper-junos"); }
    QString vendor() const override { return QStringLiteral("Juniper"); }
    SessionProfile sessionProfile() const override;
    Result<QStringList> commands(QueryKind kind, const QueryParams &params) const override;
    Result<RecordSet> parse(QueryKind kind, const QueryParams &params,
                            const QList<CommandOutput> &outputs) const override;
    Result<PastedParse> parsePasted(QueryKind kind, const QByteArray &text) const override;
};

} // namespace rl
