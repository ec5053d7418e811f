#include "engine/vendors/juniper/junos_text_parsers.h"

#include "engine/vendors/common/cli_text.h"

namespace rl::junosText {

Result<RecordSet> parse(QueryKind kind, const QString &command, const QByteArray &body)
{
    Q_UNUSED(command);
    return clitext::formatError(queryKindTitle(kind), body,
                                QStringLiteral("RouterLens does not read Junos text output for this yet; ask for it with | display json"));
}

QString guessCommand(QueryKind kind, const QByteArray &body)
{
    Q_UNUSED(kind);
    Q_UNUSED(body);
    return {};
}

} // namespace rl::junosText
