#pragma once

#include "engine/vendors/translator.h"

namespace rl {

// Cisco NX-OS over an SSH shell, every command with "| json" (TABLE_x / ROW_x documents).
class CiscoNxosTranslator final : public Translator
{
public:
    QString platform() const override { return QStringLiteral("cisco-nxos"); }
    QString vendor() const override { return QStringLiteral("Cisco"); }
    SessionProfile sessionProfile() const override;
    Result<QStringList> commands(QueryKind kind, const QueryParams &params) const override;
    Result<RecordSet> parse(QueryKind kind, const QueryParams &params,
                            const QList<CommandOutput> &outputs) const override;
    Result<PastedParse> parsePasted(QueryKind kind, const QByteArray &text) const override;
};

} // namespace rl
