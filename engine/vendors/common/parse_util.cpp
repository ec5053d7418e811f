#include "engine/vendors/common/parse_util.h"

#include "engine/vendors/common/commercial_cli.h"

#include <QJsonParseError>
#include <QRegularExpression>

namespace rl::parse {

Error lineError(const QString &what, int lineNumber, QStringView line, const QString &why)
{
    QString msg = QStringLiteral("RouterLens could not read the %1 output at line %2").arg(what).arg(lineNumber);
    msg += why.isEmpty() ? QStringLiteral(".") : QStringLiteral(": %1.").arg(why);
    msg += QStringLiteral(" The platform may print a format this version does not know; please report it with the raw output.");
    return Error(ErrorCode::ParseError, msg,
                 QStringLiteral("line %1: %2").arg(lineNumber).arg(line.left(200).toString()));
}

Error jsonError(const QString &what, qsizetype offset, const QString &why)
{
    return Error(ErrorCode::ParseError,
                 QStringLiteral("RouterLens could not read the %1 output as JSON (at offset %2: %3).")
                     .arg(what).arg(offset).arg(why),
                 QStringLiteral("offset %1").arg(offset));
}

Result<QJsonDocument> json(const QByteArray &text, const QString &what)
{
    if (text.trimmed().isEmpty())
        return jsonError(what, 0, QStringLiteral("the router printed nothing"));
    QJsonParseError err;
    QJsonDocument doc = QJsonDocument::fromJson(text, &err);
    if (err.error != QJsonParseError::NoError) {
        Error e = jsonError(what, err.offset, err.errorString());
        e.detail = QStringLiteral("offset %1; output begins: %2")
                       .arg(err.offset)
                       .arg(QString::fromUtf8(text.left(120)).simplified());
        return e;
    }
    return doc;
}

Result<QJsonObject> jsonObject(const QByteArray &text, const QString &what)
{
    auto doc = json(text, what);
    if (!doc)
        return doc.error();
    if (!doc->isObject())
        return jsonError(what, 0, QStringLiteral("expected a JSON object"));
    return doc->object();
}

Result<QJsonArray> jsonArray(const QByteArray &text, const QString &what)
{
    auto doc = json(text, what);
    if (!doc)
        return doc.error();
    if (!doc->isArray())
        return jsonError(what, 0, QStringLiteral("expected a JSON array"));
    return doc->array();
}

std::optional<qint64> wholeNumber(double d)
{
    // 2^63 is exactly representable; every double below it in magnitude converts.
    if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0))
        return std::nullopt;
    return qint64(d);
}

qint64 jsonInt(const QJsonObject &obj, QLatin1StringView key, qint64 fallback)
{
    const QJsonValue v = obj.value(key);
    if (v.isDouble())
        return wholeNumber(v.toDouble()).value_or(fallback);
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        return ok ? n : fallback;
    }
    return fallback;
}

QStringList lines(const QByteArray &text)
{
    QStringList out = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (QString &l : out) {
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    }
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

std::optional<qint64> durationSeconds(QStringView text)
{
    const QString t = text.trimmed().toString().toLower();
    if (t.isEmpty())
        return std::nullopt;
    if (t == QLatin1String("never"))
        return -1;
    // h:m:s, or d:h:m:s
    static const QRegularExpression colon(QStringLiteral("^(?:(\\d+):)?(\\d+):(\\d{1,2}):(\\d{1,2})(?:\\.\\d+)?$"));
    if (auto m = colon.match(t); m.hasMatch()) {
        const qint64 d = m.captured(1).isEmpty() ? 0 : m.captured(1).toLongLong();
        return ((d * 24 + m.captured(2).toLongLong()) * 60 + m.captured(3).toLongLong()) * 60 + m.captured(4).toLongLong();
    }
    // unit groups: 1y2w3d04h05m06s in any subset, in this order
    static const QRegularExpression units(
        QStringLiteral("^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$"));
    if (auto m = units.match(t); m.hasMatch() && m.capturedLength(0) > 0) {
        static constexpr qint64 mult[] = {365 * 86400, 7 * 86400, 86400, 3600, 60, 1};
        qint64 total = 0;
        for (int i = 0; i < 6; ++i)
            total += m.captured(i + 1).toLongLong() * mult[i];
        return total;
    }
    return std::nullopt;
}

QString communityText(quint32 value)
{
    switch (value) {
    case 0xFFFFFF01: return QStringLiteral("no-export");
    case 0xFFFFFF02: return QStringLiteral("no-advertise");
    case 0xFFFFFF03: return QStringLiteral("no-export-subconfed");
    case 0xFFFF029A: return QStringLiteral("graceful-shutdown");
    case 0xFFFF0000: return QStringLiteral("accept-own");
    case 0xFFFF0006: return QStringLiteral("blackhole");
    default: break;
    }
    return QStringLiteral("%1:%2").arg(value >> 16).arg(value & 0xFFFF);
}

bool isIpAddress(QStringView text) { return IpAddress::parse(text).has_value(); }

bool matchesFamily(const QString &wanted, const QString &addressFamily)
{
    return wanted.isEmpty() || addressFamily.startsWith(wanted, Qt::CaseInsensitive);
}

QString ipv4Pattern()
{
    return QStringLiteral("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
}

QString ipv6Pattern()
{
    // Hex groups and colons, at least one colon, optionally an embedded IPv4 tail; the
    // validator already checked it parses, this keeps anything else out of the command.
    return QStringLiteral("(?=[0-9A-Fa-f:.]*:)[0-9A-Fa-f:]{2,39}(?:") + ipv4Pattern() + QStringLiteral(")?");
}

QString ipPattern() { return QStringLiteral("(?:") + ipv4Pattern() + QStringLiteral("|") + ipv6Pattern() + QStringLiteral(")"); }

QString prefixPattern() { return ipPattern() + QStringLiteral("(?:/[0-9]{1,3})?"); }

QString namePattern() { return QStringLiteral("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}"); }

Error commandFailed(const QString &command, int exitStatus, const QByteArray &output)
{
    const QString said = QString::fromUtf8(output.left(300)).simplified();
    return Error(ErrorCode::ParseError,
                 QStringLiteral("The router could not run \"%1\" (exit status %2)%3")
                     .arg(command)
                     .arg(exitStatus)
                     .arg(said.isEmpty() ? QStringLiteral(".") : QStringLiteral(": %1").arg(said)),
                 said);
}

QList<PastedPiece> splitPasted(const QByteArray &text)
{
    // A prompt: a user/host part ending in $, # or >, then a command these platforms answer.
    static const QRegularExpression prompt(QStringLiteral(
        "^[A-Za-z0-9_.@:~/()\\[\\]-]*[$#>] ?((?:sudo\\s+)?(?:vtysh|birdc|gobgp|ip|hostname|uname|cat|date|lldpcli|show)\\b.*)$"));
    static const QRegularExpression vtysh(QStringLiteral("^vtysh\\s+-c\\s+(['\"])(.*)\\1\\s*$"));
    QList<PastedPiece> out;
    PastedPiece current;
    bool started = false;
    auto flush = [&]() {
        if (started || !current.body.trimmed().isEmpty())
            out.append(current);
    };
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype nl = text.indexOf('\n', pos);
        const qsizetype end = nl < 0 ? text.size() : nl + 1;
        QString line = QString::fromUtf8(text.mid(pos, end - pos)).trimmed();
        if (const auto m = prompt.match(line); m.hasMatch()) {
            flush();
            current = PastedPiece();
            started = true;
            current.typed = m.captured(1).simplified();
            QString c = current.typed;
            if (c.startsWith(QLatin1String("sudo ")))
                c = c.mid(5);
            if (const auto v = vtysh.match(c); v.hasMatch())
                c = v.captured(2).simplified();
            if (c.startsWith(QLatin1String("birdc ")))
                c = c.mid(6);
            current.command = c;
        } else {
            current.body += text.mid(pos, end - pos);
        }
        pos = end;
    }
    flush();
    return out;
}

Result<PastedParse> readPasted(QueryKind kind, const QByteArray &text, const PieceReader &read,
                               const std::function<QString(const PastedPiece &)> &guessed)
{
    PastedParse out;
    out.records = RecordSet(kind);
    QStringList taken;
    std::optional<Error> firstError;
    for (const PastedPiece &piece : splitPasted(text)) {
        if (piece.body.trimmed().isEmpty())
            continue;
        auto part = read(piece);
        if (!part)
            continue; // another command's output pasted alongside
        if (!part->ok()) {
            if (!firstError)
                firstError = part->error();
            continue;
        }
        commercial::appendRecords(out.records, part->value());
        taken.append(piece.typed.isEmpty() ? guessed(piece) : piece.typed);
    }
    if (taken.isEmpty()) {
        if (firstError)
            return *firstError;
        return Error(ErrorCode::ParseError,
                     QStringLiteral("RouterLens found no output in the pasted text that answers %1; paste the output of one of "
                                    "the platform's commands for it, ideally with the prompt line.")
                         .arg(queryKindTitle(kind)));
    }
    out.command = taken.join(QStringLiteral("; "));
    return out;
}

char firstJsonChar(const QByteArray &text)
{
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '[' || c == '{' ? c : 0;
    }
    return 0;
}

} // namespace rl::parse
