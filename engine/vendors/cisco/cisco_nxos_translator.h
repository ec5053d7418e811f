#pragma once

#include "engine/vendors/translator.h"

namespace rl {

// Cisco NX-OS over an SSH shell. Live commands end in "| json" (TABLE_x / ROW_x documents);
// pasted or saved output is read in that form or as the CLI text, one parser per command and
// form (cisco_nxos_json_parsers.h, cisco_nxos_text_parsers.h).
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
