#pragma once

#include "engine/vendors/translator.h"

namespace rl {

// Cisco IOS-XR over an SSH shell: text output. Most tables share IOS's layout and its parser.
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

    // "show arp [vrf X]": IOS-XR's own layout, per node.
    static Result<QList<ArpRecord>> parseArp(const QByteArray &text, const QString &vrf);
};

} // namespace rl
