#pragma once

#include "engine/vendors/translator.h"

namespace rl {

// Cisco IOS-XR over an SSH shell: text output. IOS-XR prints its own layouts (BGP summary with a
// speaker column, per-node ARP, "show route" descriptor blocks...), read by the cisco_iosxr_*
// parsers; the BGP route table shares IOS's layout and its fast reader.
class CiscoIosxrTranslator final : public Translator
{
public:
    QString platform() const override { return QStringLiteral("cisco-iosxr"); }
    QString vendor() const override { return QStringLiteral("Cisco"); }
    SessionProfile sessionProfile() const override;
    Result<QStringList> commands(QueryKind kind, const QueryParams &params) const override;
    Result<RecordSet> parse(QueryKind kind, const QueryParams &params,
                            const QList<CommandOutput> &outputs) const override;
    Result<PastedParse> parsePasted(QueryKind kind, const QByteArray &text) const override;
};

} // namespace rl
