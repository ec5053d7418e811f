#pragma once

#include "engine/vendors/translator.h"

namespace rl {

// Arista EOS over an SSH shell, every live command with "| json" (but the text of "show
// interfaces status", the only place of a subinterface's tag). Pasted and saved output is
// read in its JSON form or in any of the CLI text forms of arista_eos_text_parsers.h.
class AristaEosTranslator final : public Translator
{
public:
    QString platform() const override { return QStringLiteral("arista-eos"); }
    QString vendor() const override { return QStringLiteral("Arista"); }
    SessionProfile sessionProfile() const override;
    Result<QStringList> commands(QueryKind kind, const QueryParams &params) const override;
    Result<RecordSet> parse(QueryKind kind, const QueryParams &params,
                            const QList<CommandOutput> &outputs) const override;
    Result<PastedParse> parsePasted(QueryKind kind, const QByteArray &text) const override;
};

} // namespace rl
