#include "engine/api/command_guard.h"

namespace rl {

CommandGuard::CommandGuard(const QStringList &patterns)
{
    for (const QString &p : patterns) {
        // The whole command, to its true end: "$" alone would also match before a final newline.
        QRegularExpression re(QRegularExpression::anchoredPattern(p));
        Q_ASSERT_X(re.isValid(), "CommandGuard", qPrintable(p));
        m_patterns.append(re);
    }
}

Error CommandGuard::check(const QString &command) const
{
    auto refuse = [&](const QString &why) {
        return Error(ErrorCode::ForbiddenCommand,
                     QStringLiteral("RouterLens refused to send \"%1\": %2 RouterLens only reads from routers.")
                         .arg(command.left(120), why));
    };
    if (command.isEmpty())
        return refuse(QStringLiteral("the command is empty."));
    // Characters that chain, redirect, substitute or quote: none of the read-only commands
    // we send needs them, so their presence means a parameter tried to smuggle something in.
    // ('|' is allowed only as the platforms' own output filter, e.g. "| json", "| display json",
    // which the per-platform patterns spell out.)
    for (QChar c : command) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || u == ';' || u == '`' || u == '$' || u == '&' || u == '>' || u == '<'
            || u == '\\' || u == '"' || u == '\'' || u > 0x7e)
            return refuse(QStringLiteral("it contains a control or shell character."));
    }
    for (const QRegularExpression &re : m_patterns) {
        if (re.match(command).hasMatch())
            return {};
    }
    return refuse(QStringLiteral("it is not on this platform's list of read-only commands."));
}

} // namespace rl
