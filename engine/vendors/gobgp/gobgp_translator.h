#pragma once

#include "engine/vendors/translator.h"

namespace rl {

// GoBGP: BGP from the gobgp CLI's JSON; everything else from the Linux host it runs on.
class GobgpTranslator final : public Translator
{
public:
    QString platform() const override { return QStringLiteral("gobgp"); }
    QString vendor() const override { return QStringLiteral("GoBGP"); }
    SessionProfile sessionProfile() const override;
    Result<QStringList> commands(QueryKind kind, const QueryParams &params) const override;
    Result<RecordSet> parse(QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs) const override;
    Result<PastedParse> parsePasted(QueryKind kind, const QByteArray &text) const override;

    static QStringList allowedPatterns();
};

} // namespace rl
