#pragma once

#include "engine/vendors/translator.h"

namespace rl {

// Any router that serves OpenConfig models over RESTCONF (RFC 8040). The "commands" are GET
// paths below /restconf/data; the guard allows exactly these paths.
class OpenConfigTranslator final : public Translator
{
public:
    QString platform() const override { return QStringLiteral("openconfig"); }
    QString vendor() const override { return QStringLiteral("OpenConfig (RESTCONF)"); }
    SessionProfile sessionProfile() const override;
    Result<QStringList> commands(QueryKind kind, const QueryParams &params) const override;
    Result<RecordSet> parse(QueryKind kind, const QueryParams &params,
                            const QList<CommandOutput> &outputs) const override;
    Result<PastedParse> parsePasted(QueryKind kind, const QByteArray &text) const override;

    static QString interfacesPath();
    static QString bgpNeighborsPath(const QString &networkInstance);
};

} // namespace rl
