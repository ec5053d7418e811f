#include "engine/inventory/ssh_jump_hop.h"

#include <QRegularExpression>

namespace rl {

QString SshJumpHop::text() const
{
    QString h = host.contains(u':') ? QStringLiteral("[%1]").arg(host) : host;
    if (!user.isEmpty())
        h = user + u'@' + h;
    if (port > 0)
        h += QStringLiteral(":%1").arg(port);
    return h;
}

Result<QList<SshJumpHop>> parseJumpSpec(const QString &spec)
{
    const QString s = spec.trimmed();
    QList<SshJumpHop> hops;
    if (s.isEmpty() || s.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return hops;
    for (QString part : s.split(u',')) {
        part = part.trimmed();
        auto bad = [&](const QString &why) {
            return Error(ErrorCode::InvalidRequest,
                         QStringLiteral("The jump host \"%1\" in the ProxyJump \"%2\" is not [user@]host[:port]: %3.")
                             .arg(part, s, why));
        };
        if (part.isEmpty())
            return bad(QStringLiteral("a hop is empty"));
        SshJumpHop hop;
        QString rest = part;
        if (rest.startsWith(QLatin1String("ssh://"), Qt::CaseInsensitive))
            rest = rest.mid(6);
        const qsizetype at = rest.lastIndexOf(u'@');
        if (at >= 0) {
            hop.user = rest.left(at);
            rest = rest.mid(at + 1);
            if (hop.user.isEmpty())
                return bad(QStringLiteral("the user before @ is empty"));
        }
        QString portText;
        if (rest.startsWith(u'[')) {
            const qsizetype close = rest.indexOf(u']');
            if (close < 0)
                return bad(QStringLiteral("a [ without ]"));
            hop.host = rest.mid(1, close - 1);
            const QString after = rest.mid(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(u':'))
                    return bad(QStringLiteral("text after ]"));
                portText = after.mid(1);
            }
        } else if (rest.count(u':') == 1) {
            hop.host = rest.section(u':', 0, 0);
            portText = rest.section(u':', 1);
        } else {
            hop.host = rest; // a bare IPv6 address has several colons and no port
        }
        if (hop.host.isEmpty())
            return bad(QStringLiteral("the host is empty"));
        if (hop.host.contains(QRegularExpression(QStringLiteral(R"([\s/'"`$;|&<>\\])"))))
            return bad(QStringLiteral("the host holds a character no host name has"));
        if (!portText.isNull()) {
            bool ok = false;
            hop.port = portText.toInt(&ok);
            if (!ok || hop.port < 1 || hop.port > 65535)
                return bad(QStringLiteral("the port is not a number from 1 to 65535"));
        }
        hops << hop;
    }
    return hops;
}

} // namespace rl
