#include "engine/vendors/bird/bird_parsers.h"

#include "engine/vendors/common/parse_util.h"

#include <QRegularExpression>

namespace rl {
namespace {

bool isBanner(const QString &line)
{
    static const QRegularExpression re(QStringLiteral("^BIRD \\S+ ready\\.$"));
    return re.match(line.trimmed()).hasMatch();
}

// A birdc error line ("syntax error", "No such protocol", "Unable to connect to server").
bool isBirdError(const QString &line)
{
    const QString t = line.trimmed();
    return t.startsWith(QLatin1String("syntax error")) || t.startsWith(QLatin1String("Unable to connect"))
        || t.startsWith(QLatin1String("No such")) || t.startsWith(QLatin1String("Permission denied"));
}

Error birdComplaint(const QString &what, int lineNumber, const QString &line)
{
    return Error(ErrorCode::ParseError, QStringLiteral("BIRD answered %1 with an error: %2").arg(what, line.trimmed()),
                 QStringLiteral("line %1: %2").arg(lineNumber).arg(line));
}

// "07:55:08.113" (today, by the server clock), "2026-11-26", "2026-11-26 07:55:08"
qint64 secondsSince(const QString &since, const QDateTime &now)
{
    if (!now.isValid())
        return -1;
    QDateTime at;
    static const QRegularExpression timeOnly(QStringLiteral("^(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?$"));
    if (auto m = timeOnly.match(since); m.hasMatch()) {
        at = QDateTime(now.date(), QTime(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()), now.timeSpec());
        if (at > now)
            at = at.addDays(-1);
    } else {
        at = QDateTime::fromString(since.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (!at.isValid())
            at = QDateTime(QDate::fromString(since.left(10), QStringLiteral("yyyy-MM-dd")), QTime(0, 0), now.timeSpec());
        at.setTimeSpec(now.timeSpec());
    }
    return at.isValid() ? qMax<qint64>(0, at.secsTo(now)) : -1;
}

QDateTime serverDateTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text.left(23), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    if (!t.isValid())
        t = QDateTime::fromString(text.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    t.setTimeSpec(Qt::UTC); // only differences matter; UTC avoids daylight-saving gaps
    return t;
}

// Walks `show protocols all`: the banner, birdc errors and the column header are handled here;
// each protocol line (not indented) goes to onProtocol, each indented line below it, trimmed, to
// onAttribute. A callback's error ends the walk.
template<typename OnProtocol, typename OnAttribute>
std::optional<Error> walkProtocols(const QStringList &ls, const QString &what, OnProtocol onProtocol, OnAttribute onAttribute)
{
    bool headerSeen = false;
    bool anyContent = false;
    for (int i = 0; i < ls.size(); ++i) {
        const QString &raw = ls.at(i);
        const QString l = raw.trimmed();
        if (l.isEmpty() || isBanner(l))
            continue;
        if (isBirdError(l))
            return birdComplaint(what, i + 1, l);
        if (l.startsWith(QLatin1String("Name ")) && l.contains(QLatin1String("Proto"))) {
            headerSeen = true;
            continue;
        }
        anyContent = true;
        if (!raw.startsWith(QLatin1Char(' ')) && !raw.startsWith(QLatin1Char('\t'))) {
            if (std::optional<Error> e = onProtocol(i + 1, raw, l))
                return e;
            continue;
        }
        onAttribute(l);
    }
    if (!headerSeen && anyContent)
        return parse::lineError(what, 1, ls.first(), QStringLiteral("no \"Name Proto Table State Since Info\" header"));
    return std::nullopt;
}

} // namespace

Result<BirdStatus> BirdParsers::status(const QByteArray &text)
{
    const QString what = QStringLiteral("BIRD \"show status\"");
    BirdStatus s;
    const QStringList ls = parse::lines(text);
    for (int i = 0; i < ls.size(); ++i) {
        const QString l = ls.at(i).trimmed();
        if (isBirdError(l))
            return birdComplaint(what, i + 1, l);
        if (l.startsWith(QLatin1String("BIRD ")) && !isBanner(l))
            s.version = l.mid(5);
        else if (l.startsWith(QLatin1String("Router ID is ")))
            s.routerId = l.mid(13);
        else if (l.startsWith(QLatin1String("Hostname is ")))
            s.hostname = l.mid(12);
        else if (l.startsWith(QLatin1String("Current server time is "))) {
            s.serverTime = serverDateTime(l.mid(23));
            if (!s.serverTime.isValid())
                return parse::lineError(what, i + 1, l, QStringLiteral("unreadable server time"));
        }
    }
    if (s.version.isEmpty() || !s.serverTime.isValid())
        return parse::lineError(what, 1, ls.value(0), QStringLiteral("no version or server time"));
    return s;
}

Result<QList<BirdBgpProtocol>> BirdParsers::bgpProtocolNames(const QByteArray &text)
{
    const QString what = QStringLiteral("BIRD \"show protocols all\"");
    QList<BirdBgpProtocol> out;
    bool inBgp = false;
    const std::optional<Error> e = walkProtocols(
        parse::lines(text), what,
        [&](int lineNumber, const QString &raw, const QString &l) -> std::optional<Error> {
            const QStringList f = l.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (f.size() < 4)
                return parse::lineError(what, lineNumber, raw, QStringLiteral("expected a protocol line (name, proto, table, state, since, info)"));
            inBgp = f.at(1) == QLatin1String("BGP");
            if (inBgp)
                out.append(BirdBgpProtocol{f.at(0), {}, {}, {}});
            return std::nullopt;
        },
        [&](const QString &l) {
            if (!inBgp)
                return;
            BirdBgpProtocol &p = out.last();
            if (l.startsWith(QLatin1String("Neighbor address:")))
                p.neighbor = l.mid(17).trimmed().section(QLatin1Char('%'), 0, 0);
            else if (l.startsWith(QLatin1String("Channel ")))
                p.channels.append(l.mid(8).trimmed());
            else if (l.startsWith(QLatin1String("State:")) && !p.channels.isEmpty() && l.mid(6).trimmed() == QLatin1String("UP"))
                p.channelsUp.append(p.channels.last());
        });
    if (e)
        return *e;
    return out;
}

Result<QList<BgpNeighborRecord>> BirdParsers::bgpProtocols(const QByteArray &text, const QDateTime &serverTime,
                                                           const QueryParams &filter)
{
    const QString what = QStringLiteral("BIRD \"show protocols all\"");
    static const QRegularExpression head(QStringLiteral("^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(up|down|start|stop|flush)\\s+"
                                                        "(\\d{4}-\\d{2}-\\d{2}(?: \\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)?)?|\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)?)\\s*(.*)$"));
    static const QRegularExpression routesRe(QStringLiteral("^Routes:\\s+(\\d+) imported,(?: (\\d+) filtered,)? (\\d+) exported"));
    const QStringList ls = parse::lines(text);
    QList<BgpNeighborRecord> out;
    bool inBgp = false;
    BgpNeighborRecord base;
    QList<BgpNeighborRecord> channels;
    auto flush = [&]() {
        if (!inBgp)
            return;
        const bool keep = parse::matchesFilter(filter.neighbor, base.neighbor) && parse::matchesFilter(filter.vrf, base.vrf);
        if (keep && channels.isEmpty() && filter.addressFamily.isEmpty())
            out.append(base);
        for (BgpNeighborRecord c : std::as_const(channels)) {
            // Fields learned after the channel lines were read belong to every channel.
            const QString af = c.addressFamily;
            const qint64 rcv = c.prefixesReceived, acc = c.prefixesAccepted, snt = c.prefixesSent;
            c = base;
            c.addressFamily = af;
            c.prefixesReceived = rcv;
            c.prefixesAccepted = acc;
            c.prefixesSent = snt;
            if (keep && parse::matchesFamily(filter.addressFamily, c.addressFamily))
                out.append(c);
        }
        channels.clear();
        inBgp = false;
    };
    const std::optional<Error> walked = walkProtocols(
        ls, what,
        [&](int lineNumber, const QString &raw, const QString &l) -> std::optional<Error> {
            const auto m = head.match(l);
            if (!m.hasMatch())
                return parse::lineError(what, lineNumber, raw, QStringLiteral("expected a protocol line (name, proto, table, state, since, info)"));
            flush();
            if (m.captured(2) != QLatin1String("BGP"))
                return std::nullopt;
            inBgp = true;
            base = BgpNeighborRecord();
            base.vrf = QStringLiteral("default");
            const QString protoState = m.captured(4);
            base.adminEnabled = protoState != QLatin1String("down");
            const QString info = m.captured(6).trimmed();
            base.stateDetail = info.isEmpty() ? protoState : info.simplified();
            base.state = bgpStateFromName(info.section(QLatin1Char(' '), 0, 0));
            if (!base.adminEnabled && base.state == BgpState::Unknown) {
                base.state = BgpState::Idle;
                base.stateDetail = QStringLiteral("Down (disabled)");
            }
            base.uptimeSeconds = secondsSince(m.captured(5), serverTime);
            return std::nullopt;
        },
        [&](const QString &l) {
            if (!inBgp)
                return;
            const QString key = l.section(QLatin1Char(':'), 0, 0);
            const QString value = l.section(QLatin1Char(':'), 1).trimmed();
            if (l.startsWith(QLatin1String("Channel "))) {
                BgpNeighborRecord c;
                QString fam = l.mid(8).trimmed();
                c.addressFamily = fam == QLatin1String("ipv4") || fam == QLatin1String("ipv6") ? fam + QStringLiteral("-unicast")
                                : fam.replace(QLatin1Char(' '), QLatin1Char('-'));
                c.prefixesReceived = c.prefixesAccepted = c.prefixesSent = 0;
                channels.append(c);
            } else if (auto rm = routesRe.match(l); rm.hasMatch() && !channels.isEmpty()) {
                // "imported" counts what passed the import filter; "filtered" (import keep filtered) what did not.
                channels.last().prefixesAccepted = rm.captured(1).toLongLong();
                channels.last().prefixesReceived = rm.captured(1).toLongLong() + rm.captured(2).toLongLong();
                channels.last().prefixesSent = rm.captured(3).toLongLong();
            } else if (key == QLatin1String("Description")) {
                base.description = value;
            } else if (key == QLatin1String("BGP state")) {
                const BgpState s = bgpStateFromName(value);
                if (s != BgpState::Unknown)
                    base.state = s;
            } else if (key == QLatin1String("Neighbor address")) {
                base.neighbor = value.section(QLatin1Char('%'), 0, 0);
            } else if (key == QLatin1String("Neighbor AS")) {
                base.remoteAs = value.toLongLong();
            } else if (key == QLatin1String("Local AS")) {
                base.localAs = value.toLongLong();
            } else if (key == QLatin1String("Neighbor ID")) {
                base.remoteRouterId = value;
            } else if (key == QLatin1String("Source address")) {
                base.localAddress = value.section(QLatin1Char('%'), 0, 0);
            } else if (key == QLatin1String("Last error")) {
                base.lastError = value;
            }
        });
    if (walked)
        return *walked;
    flush();
    return out;
}

Result<QList<RouteRecord>> BirdParsers::routes(const QByteArray &text)
{
    const QString what = QStringLiteral("BIRD \"show route ... all\"");
    static const QRegularExpression routeRe(QStringLiteral(
        "^(\\S+)?\\s+(?:unicast|blackhole|unreachable|prohibit|multicast)\\s+\\[(\\S+)[^\\]]*\\]\\s*(\\*)?\\s*\\((\\d+)(?:/\\d+)?\\)"));
    static const QRegularExpression viaRe(QStringLiteral("^via (\\S+)(?: on (\\S+))?"));
    static const QRegularExpression commRe(QStringLiteral("\\((\\d+),(\\d+)\\)"));
    const QStringList ls = parse::lines(text);
    QList<RouteRecord> out;
    IpPrefix current;
    for (int i = 0; i < ls.size(); ++i) {
        const QString raw = ls.at(i);
        const QString l = raw.trimmed();
        if (l.isEmpty() || isBanner(l) || l.startsWith(QLatin1String("Table ")))
            continue;
        if (l == QLatin1String("Network not found"))
            continue;
        if (isBirdError(l))
            return birdComplaint(what, i + 1, l);
        if (raw.startsWith(QLatin1Char('\t'))) {
            if (out.isEmpty())
                return parse::lineError(what, i + 1, raw, QStringLiteral("an attribute before any route"));
            RouteRecord &r = out.last();
            const QString key = l.section(QLatin1Char(':'), 0, 0);
            const QString value = l.section(QLatin1Char(':'), 1).trimmed();
            if (auto m = viaRe.match(l); m.hasMatch()) {
                if (const auto a = IpAddress::parse(m.captured(1)); a && r.nextHop.isNull())
                    r.nextHop = *a;
                if (r.interfaceName.isEmpty())
                    r.interfaceName = m.captured(2);
            } else if (l.startsWith(QLatin1String("dev "))) {
                r.interfaceName = l.mid(4).section(QLatin1Char(' '), 0, 0);
            } else if (key == QLatin1String("Type")) {
                const QString t = value.section(QLatin1Char(' '), 0, 0).toLower();
                r.protocol = t == QLatin1String("device") || t == QLatin1String("direct") ? QStringLiteral("connected")
                             : t == QLatin1String("inherit") ? QStringLiteral("kernel") : t;
            } else if (key == QLatin1String("BGP.origin")) {
                r.origin = routeOriginFromName(value);
            } else if (key == QLatin1String("BGP.as_path")) {
                r.asPath = value;
            } else if (key == QLatin1String("BGP.med")) {
                r.med = value.toLongLong();
            } else if (key == QLatin1String("BGP.local_pref")) {
                r.localPref = value.toLongLong();
            } else if (key == QLatin1String("BGP.community")) {
                QStringList cs;
                for (auto it = commRe.globalMatch(value); it.hasNext();) {
                    const auto m = it.next();
                    const quint32 v = (m.captured(1).toUInt() << 16) | (m.captured(2).toUInt() & 0xFFFF);
                    cs.append(parse::communityText(v));
                }
                r.communities = cs.join(QLatin1Char(' '));
            }
            continue;
        }
        const auto m = routeRe.match(raw);
        if (!m.hasMatch())
            return parse::lineError(what, i + 1, raw, QStringLiteral("expected a route line"));
        if (!m.captured(1).isEmpty()) {
            const auto p = IpPrefix::parse(m.captured(1));
            if (!p)
                return parse::lineError(what, i + 1, raw, QStringLiteral("\"%1\" is not a prefix").arg(m.captured(1)));
            current = *p;
        } else if (current.isNull()) {
            return parse::lineError(what, i + 1, raw, QStringLiteral("a route without a prefix"));
        }
        RouteRecord r;
        r.prefix = current;
        r.best = !m.captured(3).isEmpty();
        out.append(r);
    }
    return out;
}

} // namespace rl
