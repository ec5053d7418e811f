#include "engine/vendors/juniper/junos_xml_parsers.h"

#include "engine/vendors/common/cli_text.h"

namespace rl::junosXml {

Result<RecordSet> parse(QueryKind kind, const QString &command, const QByteArray &body)
{
    Q_UNUSED(command);
    return clitext::formatError(queryKindTitle(kind), body,
                                QStringLiteral("RouterLens does not read Junos xml output for this yet; ask for it with | display json"));
}

QString guessCommand(QueryKind kind, const QByteArray &body)
{
    Q_UNUSED(kind);
    Q_UNUSED(body);
    return {};
}

} // namespace rl::junosXml
