#pragma once

// Small helpers shared by the vendor output parsers: JSON with an error that names the offset,
// line-by-line reading with an error that names the line, durations in the many forms routers
// print them, and BGP attribute formatting. Everything here is a pure function of its input.

#include "engine/api/error.h"
#include "engine/api/ip_address.h"
#include "engine/vendors/translator.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace rl::parse {

// A parse-error naming what was parsed ("FRR bgp summary") and where: "line 12: <text>".
Error lineError(const QString &what, int lineNumber, QStringView line, const QString &why = {});
Error jsonError(const QString &what, qsizetype offset, const QString &why);

// Parses a JSON document; text that is not JSON becomes parse-error naming the offset and
// the first bytes of the text (routers print errors instead of JSON, e.g. "% Unknown command").
Result<QJsonDocument> json(const QByteArray &text, const QString &what);
// As json(), but requires an object / an array at the top.
Result<QJsonObject> jsonObject(const QByteArray &text, const QString &what);
Result<QJsonArray> jsonArray(const QByteArray &text, const QString &what);

// An integer member that may be a JSON number or a numeric string; -1 when absent.
qint64 jsonInt(const QJsonObject &obj, QLatin1StringView key, qint64 fallback = -1);
// A JSON number as a whole number (truncated toward zero); nullopt when it lies outside qint64
// (converting such a double is undefined behaviour, and the number is not what it says).
std::optional<qint64> wholeNumber(double d);

// Text split into lines without trailing '\r'.
QStringList lines(const QByteArray &text);

// "00:00:50", "1d02h03m", "02w3d04h", "1:02:03:04", "never" (-1), "5d", "3h12m"... into seconds;
// std::nullopt when the text is none of these forms.
std::optional<qint64> durationSeconds(QStringView text);

// A 32-bit community value as "high:low", well-known ones by name (no-export, ...).
QString communityText(quint32 value);

// True when the text is an IPv4 or IPv6 address.
bool isIpAddress(QStringView text);

// Keeps the records whose key equals wanted (case-insensitive); all when wanted is empty.
inline bool matchesFilter(const QString &wanted, const QString &value)
{
    return wanted.isEmpty() || wanted.compare(value, Qt::CaseInsensitive) == 0;
}

// "ipv4"/"ipv6" filter against "ipv4-unicast", "ipv6-unicast", ...
bool matchesFamily(const QString &wanted, const QString &addressFamily);

// Regex fragments for allow-lists: strict forms of the validated parameters.
QString ipv4Pattern();
QString ipv6Pattern();
QString ipPattern();      // either
QString prefixPattern();  // an address, optionally /len
QString namePattern();    // interface / VRF names: [A-Za-z0-9][A-Za-z0-9._:/-]{0,63}

// An error for a command that exited non-zero (exec channels), quoting what it printed.
Error commandFailed(const QString &command, int exitStatus, const QByteArray &output);

// Pasted terminal text cut at its prompt lines ("rlab@lab-bird:~$ birdc show status",
// "lab-frr# show ip neigh", "bird> show route all"). `typed` is the command as typed; `command`
// the same without a vtysh -c '...' / birdc / sudo wrapper. Text before the first prompt, or
// all of it when there is none, is one piece with no command.
struct PastedPiece {
    QString typed;
    QString command;
    QByteArray body;
};
QList<PastedPiece> splitPasted(const QByteArray &text);

// Reads one piece: nullopt when the command (or, without one, the text) does not answer the
// query kind, else its records or why it could not be read.
using PieceReader = std::function<std::optional<Result<RecordSet>>(const PastedPiece &piece)>;
// parsePasted's shape for the open-source platforms: every piece that answers the kind is read
// and joined; the result names the commands taken ("; " between them). `guessed` names the
// command taken for a piece that came without a prompt.
Result<PastedParse> readPasted(QueryKind kind, const QByteArray &text, const PieceReader &read,
                               const std::function<QString(const PastedPiece &)> &guessed);

// The first non-blank character of the text, for telling JSON from text ('[', '{' or 0).
char firstJsonChar(const QByteArray &text);

} // namespace rl::parse
