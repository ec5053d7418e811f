#include "engine/vendors/openconfig/openconfig_parser.h"

#include "engine/vendors/common/parse_util.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

namespace rl {

namespace {

// RFC 7951 qualifies a member with its module only where the module changes, and devices
// differ in where they think that is: accept "name" and "any-module:name" alike.
QJsonValue member(const QJsonObject &obj, QLatin1StringView name)
{
    const auto it = obj.constFind(name);
    if (it != obj.constEnd())
        return *it;
    for (auto i = obj.constBegin(); i != obj.constEnd(); ++i) {
        const QString key = i.key();
        const qsizetype colon = key.indexOf(QLatin1Char(':'));
        if (colon > 0 && QStringView(key).mid(colon + 1) == name)
            return *i;
    }
    return QJsonValue(QJsonValue::Undefined);
}

QJsonObject object(const QJsonObject &obj, QLatin1StringView name)
{
    return member(obj, name).toObject();
}

// A leaf from "state", falling back to "config" (some devices fill only one of them).
QJsonValue leaf(const QJsonObject &entry, QLatin1StringView name)
{
    QJsonValue v = member(object(entry, QLatin1StringView("state")), name);
    if (v.isUndefined() || v.isNull())
        v = member(object(entry, QLatin1StringView("config")), name);
    return v;
}

// Integers arrive as numbers (up to 32 bits) or as strings (64 bits, RFC 7951 6.1).
qint64 integer(const QJsonValue &v)
{
    if (v.isDouble())
        return parse::wholeNumber(v.toDouble()).value_or(-1);
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        return ok ? n : -1;
    }
    return -1;
}

// Identities are "module:NAME"; the module does not matter for the value.
QString identityName(const QJsonValue &v)
{
    const QString s = v.toString().trimmed();
    return s.mid(s.lastIndexOf(QLatin1Char(':')) + 1);
}

// timeticks64: nanoseconds since the Unix epoch. Older models used hundredths of a second
// since an unstated origin; those cannot be turned into an age and stay unknown.
qint64 secondsSince(const QJsonValue &v, const QDateTime &now)
{
    const qint64 ns = integer(v);
    if (ns < 100'000'000'000'000'000LL || !now.isValid()) // before 1973: not epoch nanoseconds
        return -1;
    const qint64 age = now.toSecsSinceEpoch() - ns / 1'000'000'000LL;
    return age >= 0 ? age : -1;
}

Error parseError(const QString &what, const QString &why, const QByteArray &text = {})
{
    QString head = QString::fromUtf8(text.left(120)).simplified();
    return Error(ErrorCode::ParseError, QStringLiteral("The OpenConfig %1 answer cannot be read: %2").arg(what, why),
                 head.isEmpty() ? QString() : QStringLiteral("begins: %1").arg(head));
}

// The document's top object, or parse-error. Empty text and "{}" are an empty answer: RESTCONF
// servers send either when the container has no data.
Result<QJsonObject> document(const QByteArray &json, const QString &what)
{
    if (json.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return parseError(what, QStringLiteral("%1 at offset %2.").arg(pe.errorString()).arg(pe.offset), json);
    if (!doc.isObject())
        return parseError(what, QStringLiteral("the top level is not a JSON object."), json);
    return doc.object();
}

// The list named `list` inside the container `container`, whichever of the two the
// document starts with (a GET of the list itself answers {"module:list": [...]}).
Result<QJsonArray> entries(const QJsonObject &top, QLatin1StringView container, QLatin1StringView list,
                           const QString &what, const QByteArray &json)
{
    if (top.isEmpty())
        return QJsonArray();
    QJsonValue c = member(top, container);
    if (c.isObject()) {
        const QJsonValue l = member(c.toObject(), list);
        if (l.isUndefined())
            return QJsonArray();
        if (!l.isArray())
            return parseError(what, QStringLiteral("\"%1\" is not a list.").arg(list), json);
        return l.toArray();
    }
    const QJsonValue l = member(top, list);
    if (l.isArray())
        return l.toArray();
    return parseError(what, QStringLiteral("it holds neither \"%1\" nor \"%2\"; members: %3.")
                                .arg(container, list, top.keys().join(QLatin1String(", ")).left(200)),
                      json);
}

LinkState operState(const QString &s)
{
    if (s == QLatin1String("UP"))
        return LinkState::Up;
    if (s == QLatin1String("DOWN"))
        return LinkState::Down;
    if (s == QLatin1String("TESTING"))
        return LinkState::Testing;
    if (s == QLatin1String("DORMANT"))
        return LinkState::Dormant;
    if (s == QLatin1String("NOT_PRESENT"))
        return LinkState::NotPresent;
    if (s == QLatin1String("LOWER_LAYER_DOWN"))
        return LinkState::LowerLayerDown;
    return LinkState::Unknown;
}

BgpState sessionState(const QString &s)
{
    static const QHash<QString, BgpState> states{
        {QStringLiteral("IDLE"), BgpState::Idle},           {QStringLiteral("CONNECT"), BgpState::Connect},
        {QStringLiteral("ACTIVE"), BgpState::Active},       {QStringLiteral("OPENSENT"), BgpState::OpenSent},
        {QStringLiteral("OPENCONFIRM"), BgpState::OpenConfirm}, {QStringLiteral("ESTABLISHED"), BgpState::Established}};
    return states.value(s.toUpper(), BgpState::Unknown);
}

} // namespace

qint64 OpenConfigParser::speedMbps(const QString &identity)
{
    static const QRegularExpression re(QStringLiteral(R"(SPEED_(\d+)(MB|GB|TB)$)"));
    const auto m = re.match(identity);
    if (!m.hasMatch())
        return -1;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    return unit == QLatin1String("MB") ? n : unit == QLatin1String("GB") ? n * 1000 : n * 1000 * 1000;
}

QString OpenConfigParser::addressFamily(const QString &identity)
{
    QString s = identity;
    const qsizetype colon = s.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0)
        s = s.mid(colon + 1);
    return s.toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
}

Result<QList<InterfaceRecord>> OpenConfigParser::interfaces(const QByteArray &json, const QDateTime &now)
{
    const QString what = QStringLiteral("interfaces");
    Result<QJsonObject> top = document(json, what);
    if (!top)
        return top.error();
    Result<QJsonArray> list = entries(*top, QLatin1StringView("interfaces"), QLatin1StringView("interface"), what, json);
    if (!list)
        return list.error();

    QList<InterfaceRecord> out;
    out.reserve(list->size());
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QJsonObject e = list->at(i).toObject();
        InterfaceRecord r;
        r.name = member(e, QLatin1StringView("name")).toString();
        if (r.name.isEmpty())
            r.name = leaf(e, QLatin1StringView("name")).toString();
        if (r.name.isEmpty())
            return parseError(what, QStringLiteral("interface entry %1 has no name.").arg(i), json);
        const QJsonObject state = object(e, QLatin1StringView("state"));

        QString admin = leaf(e, QLatin1StringView("admin-status")).toString();
        if (admin.isEmpty()) {
            const QJsonValue enabled = leaf(e, QLatin1StringView("enabled"));
            if (enabled.isBool())
                admin = enabled.toBool() ? QStringLiteral("UP") : QStringLiteral("DOWN");
        }
        const LinkState oper = operState(member(state, QLatin1StringView("oper-status")).toString());
        if (admin == QLatin1String("DOWN")) {
            r.adminState = LinkState::AdminDown;
            r.operState = LinkState::Down;
        } else {
            r.adminState = admin == QLatin1String("UP") ? LinkState::Up
                           : admin == QLatin1String("TESTING") ? LinkState::Testing
                                                              : LinkState::Unknown;
            r.operState = oper;
        }
        r.mtu = integer(leaf(e, QLatin1StringView("mtu")));
        r.description = leaf(e, QLatin1StringView("description")).toString();
        r.lastChangeSeconds = secondsSince(member(state, QLatin1StringView("last-change")), now);

        const QJsonObject counters = object(state, QLatin1StringView("counters"));
        auto counter = [&](const char *name) { return integer(member(counters, QLatin1StringView(name))); };
        r.inPackets = counter("in-pkts");
        if (r.inPackets < 0) { // older models: per cast type only
            const qint64 u = counter("in-unicast-pkts"), m = counter("in-multicast-pkts"), b = counter("in-broadcast-pkts");
            if (u >= 0)
                r.inPackets = u + std::max<qint64>(m, 0) + std::max<qint64>(b, 0);
        }
        r.outPackets = counter("out-pkts");
        if (r.outPackets < 0) {
            const qint64 u = counter("out-unicast-pkts"), m = counter("out-multicast-pkts"), b = counter("out-broadcast-pkts");
            if (u >= 0)
                r.outPackets = u + std::max<qint64>(m, 0) + std::max<qint64>(b, 0);
        }
        r.inErrors = counter("in-errors");
        r.outErrors = counter("out-errors");
        r.inDiscards = counter("in-discards");
        r.outDiscards = counter("out-discards");
        r.crcErrors = counter("in-fcs-errors");

        // openconfig-if-ethernet augments the interface with speed, MAC and CRC counters.
        const QJsonObject eth = object(e, QLatin1StringView("ethernet"));
        const QJsonObject ethState = object(eth, QLatin1StringView("state"));
        QString speed = member(ethState, QLatin1StringView("negotiated-port-speed")).toString();
        if (OpenConfigParser::speedMbps(speed) < 0)
            speed = leaf(eth, QLatin1StringView("port-speed")).toString();
        const qint64 mbps = OpenConfigParser::speedMbps(speed);
        r.speedBps = mbps < 0 ? -1 : mbps * 1'000'000;
        if (r.speedBps < 0) {
            const qint64 bps = integer(member(state, QLatin1StringView("speed"))); // some devices: bits per second
            r.speedBps = bps > 0 ? bps : -1;
        }
        r.mac = member(ethState, QLatin1StringView("mac-address")).toString().toLower();
        if (r.mac.isEmpty())
            r.mac = member(ethState, QLatin1StringView("hw-mac-address")).toString().toLower();
        if (r.crcErrors < 0)
            r.crcErrors = integer(member(object(ethState, QLatin1StringView("counters")), QLatin1StringView("in-crc-errors")));
        out.append(std::move(r));
    }
    return out;
}

Result<QList<BgpNeighborRecord>> OpenConfigParser::bgpNeighbors(const QByteArray &json, const QString &vrf,
                                                                const QDateTime &now)
{
    const QString what = QStringLiteral("BGP neighbors");
    Result<QJsonObject> top = document(json, what);
    if (!top)
        return top.error();
    Result<QJsonArray> list = entries(*top, QLatin1StringView("neighbors"), QLatin1StringView("neighbor"), what, json);
    if (!list)
        return list.error();

    QList<BgpNeighborRecord> out;
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QJsonObject e = list->at(i).toObject();
        BgpNeighborRecord base;
        base.vrf = vrf.isEmpty() ? QStringLiteral("default") : vrf;
        base.neighbor = member(e, QLatin1StringView("neighbor-address")).toString();
        if (base.neighbor.isEmpty())
            base.neighbor = leaf(e, QLatin1StringView("neighbor-address")).toString();
        if (base.neighbor.isEmpty())
            return parseError(what, QStringLiteral("neighbor entry %1 has no neighbor-address.").arg(i), json);
        const QJsonObject state = object(e, QLatin1StringView("state"));
        base.remoteAs = integer(leaf(e, QLatin1StringView("peer-as")));
        base.localAs = integer(leaf(e, QLatin1StringView("local-as")));
        base.description = leaf(e, QLatin1StringView("description")).toString();
        const QJsonValue enabled = leaf(e, QLatin1StringView("enabled"));
        base.adminEnabled = !enabled.isBool() || enabled.toBool();
        const QString session = member(state, QLatin1StringView("session-state")).toString();
        if (session.isEmpty() && !state.isEmpty())
            return parseError(what, QStringLiteral("neighbor %1 has no session-state.").arg(base.neighbor), json);
        base.state = sessionState(session);
        if (!session.isEmpty() && base.state == BgpState::Unknown)
            return parseError(what, QStringLiteral("neighbor %1 has the unknown session-state \"%2\".")
                                        .arg(base.neighbor, session.left(40)),
                              json);
        base.stateDetail = base.adminEnabled ? session : session + QStringLiteral(" (admin disabled)");
        if (base.state == BgpState::Established)
            base.uptimeSeconds = secondsSince(member(state, QLatin1StringView("last-established")), now);
        base.remoteRouterId = member(state, QLatin1StringView("remote-router-id")).toString();
        const QJsonValue lastError = member(state, QLatin1StringView("last-notification-error-code"));
        if (lastError.isString())
            base.lastError = identityName(lastError);

        const QJsonValue afiList = member(object(e, QLatin1StringView("afi-safis")), QLatin1StringView("afi-safi"));
        bool any = false;
        for (const QJsonValue &a : afiList.toArray()) {
            const QJsonObject afi = a.toObject();
            QString name = member(afi, QLatin1StringView("afi-safi-name")).toString();
            if (name.isEmpty())
                name = leaf(afi, QLatin1StringView("afi-safi-name")).toString();
            const QJsonValue afiEnabled = leaf(afi, QLatin1StringView("enabled"));
            if (name.isEmpty() || (afiEnabled.isBool() && !afiEnabled.toBool()))
                continue;
            BgpNeighborRecord r = base;
            r.addressFamily = addressFamily(name);
            const QJsonObject prefixes = object(object(afi, QLatin1StringView("state")), QLatin1StringView("prefixes"));
            const qint64 pre = integer(member(prefixes, QLatin1StringView("received-pre-policy")));
            const qint64 received = integer(member(prefixes, QLatin1StringView("received")));
            const qint64 installed = integer(member(prefixes, QLatin1StringView("installed")));
            // With pre-policy counts, "received" is what policy accepted; without, "installed" is.
            r.prefixesReceived = pre >= 0 ? pre : received;
            r.prefixesAccepted = pre >= 0 ? received : installed;
            r.prefixesSent = integer(member(prefixes, QLatin1StringView("sent")));
            out.append(std::move(r));
            any = true;
        }
        if (!any) {
            // No AFI-SAFI data: the session's own family, from the neighbor's address.
            const QHostAddress addr(base.neighbor);
            base.addressFamily = addr.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("ipv6-unicast")
                                 : addr.isNull()                                   ? QString()
                                                                                   : QStringLiteral("ipv4-unicast");
            out.append(std::move(base));
        }
    }
    return out;
}

} // namespace rl
