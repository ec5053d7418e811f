#pragma once

#include "engine/vendors/translator.h"

namespace rl {

// Cisco IOS and IOS-XE over an SSH shell: text output, parsed by CiscoIosParser.
class CiscoIosTranslator final : public Translator
{
public:
    QString platform() const override { return QStringLiteral("cisco-ios"); }
    QString vendor() const override { return QStringLiteral("Cisco"); }
    SessionProfile sessionProfile() const override;
    Result<QStringList> commands(QueryKind kind, const QueryParams &params) const override;
    Result<RecordSet> parse(QueryKind kind, const QueryParams &params,
                            const QList<CommandOutput> &outputs) const override;
    Result<PastedParse> parsePasted(QueryKind kind, const QByteArray &text) const override;

    // Which command most likely printed text for this query when no prompt line says so.
    static QString guessCommand(QueryKind kind, const QByteArray &text);
};

} // namespace rl
