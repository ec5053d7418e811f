#include "engine/vendors/linux/linux_translator.h"

#include "engine/vendors/linux/linux_parsers.h"
#include "engine/vendors/common/parse_util.h"

#include <QRegularExpression>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rl {
namespace {

const QString kLinkShow = QStringLiteral("ip -j -s -d link show");

// The address part of a destination ("203.0.113.0/24" -> "203.0.113.0"): ip route get takes addresses.
QString lookupAddress(const QString &destination)
{
    return destination.section(QLatin1Char('/'), 0, 0);
}

bool isDefaultVrf(const QString &vrf)
{
    return vrf.isEmpty() || vrf == QLatin1String("default");
}

template<typename R>
Result<RecordSet> wrap(QueryKind kind, Result<QList<R>> rows)
{
    if (!rows)
        return rows.error();
    return RecordSet(kind, std::move(rows).value());
}

} // namespace

bool LinuxTranslator::isHostKind(QueryKind kind)
{
    switch (kind) {
    case QueryKind::Facts:
    case QueryKind::LinkStatus:
    case QueryKind::ArpTable:
    case QueryKind::VlanErrors:
    case QueryKind::RouteLookup:
    case QueryKind::LldpNeighbors:
        return true;
    case QueryKind::BgpStatus:
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
    case QueryKind::Optics:
        return false;
    }
    return false;
}

QStringList LinuxTranslator::hostPatterns()
{
    const QString name = parse::namePattern();
    const QString ip = parse::ipPattern();
    return {
        QStringLiteral("hostname"),
        QStringLiteral("uname -srm"),
        QStringLiteral("cat /proc/uptime"),
        QStringLiteral("ip -j -s -d link show(?: dev ") + name + QStringLiteral(")?"),
        QStringLiteral("ip -j neigh show(?: vrf ") + name + QStringLiteral(")?"),
        QStringLiteral("ip -j (?:-6 )?route get ") + ip + QStringLiteral("(?: vrf ") + name + QStringLiteral(")?"),
        QStringLiteral("lldpcli -f json0 show neighbors"),
    };
}

Error LinuxTranslator::opticsUnsupported(const QString &platform)
{
    return Error(ErrorCode::UnsupportedQuery,
                 QStringLiteral("Optics are not available on the %1 platform: RouterLens reads it as a Linux host whose "
                                "interfaces are virtual (veth, bridges), without transceivers to report on.")
                     .arg(platform));
}

Result<QStringList> LinuxTranslator::hostCommands(QueryKind kind, const QueryParams &params)
{
    switch (kind) {
    case QueryKind::Facts:
        return QStringList{QStringLiteral("hostname"), QStringLiteral("uname -srm"), QStringLiteral("cat /proc/uptime")};
    case QueryKind::LinkStatus:
        return QStringList{params.interfaceName.isEmpty() ? kLinkShow : kLinkShow + QStringLiteral(" dev ") + params.interfaceName};
    case QueryKind::VlanErrors:
        // Whole table: the parser needs the parents of the subinterfaces too.
        return QStringList{kLinkShow};
    case QueryKind::ArpTable:
        return QStringList{isDefaultVrf(params.vrf) ? QStringLiteral("ip -j neigh show")
                                                    : QStringLiteral("ip -j neigh show vrf ") + params.vrf};
    case QueryKind::RouteLookup: {
        const QString address = lookupAddress(params.destination);
        QString c = (address.contains(QLatin1Char(':')) ? QStringLiteral("ip -j -6 route get ") : QStringLiteral("ip -j route get ")) + address;
        if (!isDefaultVrf(params.vrf))
            c += QStringLiteral(" vrf ") + params.vrf;
        return QStringList{c};
    }
    case QueryKind::LldpNeighbors:
        return QStringList{QStringLiteral("lldpcli -f json0 show neighbors")};
    case QueryKind::BgpStatus:
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
    case QueryKind::Optics:
        break;
    }
    return Error(ErrorCode::UnsupportedQuery,
                 QStringLiteral("%1 is not a host-level query.").arg(queryKindTitle(kind)));
}

Result<RecordSet> LinuxTranslator::parseHost(QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs)
{
    auto expected = hostCommands(kind, params);
    if (!expected)
        return expected.error();
    if (outputs.size() != expected->size())
        return Error(ErrorCode::InternalError,
                     QStringLiteral("Expected %1 command outputs for %2, got %3.")
                         .arg(expected->size()).arg(queryKindTitle(kind)).arg(outputs.size()));
    for (const CommandOutput &o : outputs) {
        if (o.exitStatus == 0)
            continue;
        // No route to the destination is an answer: an empty lookup, not a failure.
        if (kind == QueryKind::RouteLookup && o.output.contains("unreachable"))
            return RecordSet(kind);
        if (kind == QueryKind::LldpNeighbors)
            return Error(ErrorCode::UnsupportedQuery,
                         QStringLiteral("LLDP neighbors need lldpd running on the router; lldpcli failed: %1")
                             .arg(QString::fromUtf8(o.output.left(200)).simplified()));
        return parse::commandFailed(o.command, o.exitStatus, o.output);
    }
    switch (kind) {
    case QueryKind::Facts: {
        auto f = LinuxParsers::facts(outputs.at(0).output, outputs.at(1).output, outputs.at(2).output);
        if (!f)
            return f.error();
        f->platform = QStringLiteral("linux");
        return RecordSet(kind, QList<FactsRecord>{*f});
    }
    case QueryKind::LinkStatus:
        return wrap(kind, LinuxParsers::links(outputs.at(0).output, params.interfaceName));
    case QueryKind::VlanErrors:
        return wrap(kind, LinuxParsers::vlans(outputs.at(0).output, params.interfaceName));
    case QueryKind::ArpTable:
        return wrap(kind, LinuxParsers::neighbors(outputs.at(0).output, params.vrf));
    case QueryKind::RouteLookup:
        return wrap(kind, LinuxParsers::routeGet(outputs.at(0).output));
    case QueryKind::LldpNeighbors:
        return wrap(kind, LinuxParsers::lldpNeighbors(outputs.at(0).output));
    case QueryKind::BgpStatus:
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
    case QueryKind::Optics:
        break;
    }
    return Error(ErrorCode::InternalError, QStringLiteral("No host parser for %1.").arg(queryKindTitle(kind)));
}

SessionProfile LinuxTranslator::sessionProfile() const
{
    SessionProfile p;
    p.mode = SessionProfile::Mode::Exec;
    p.guard = CommandGuard(hostPatterns());
    return p;
}

Result<QStringList> LinuxTranslator::commands(QueryKind kind, const QueryParams &params) const
{
    if (Error missing = kind == QueryKind::RouteLookup ? missingParameter(kind, params) : Error())
        return missing;
    if (isHostKind(kind))
        return hostCommands(kind, params);
    if (kind == QueryKind::Optics)
        return opticsUnsupported(platform());
    return Error(ErrorCode::UnsupportedQuery,
                 QStringLiteral("%1 is not available on the linux platform: a plain Linux host runs no BGP daemon "
                                "RouterLens reads. Give a host running FRR, BIRD or GoBGP that platform in the inventory.")
                     .arg(queryKindTitle(kind)));
}

Result<RecordSet> LinuxTranslator::parse(QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs) const
{
    if (!isHostKind(kind)) {
        auto c = commands(kind, params);
        return c.error();
    }
    return parseHost(kind, params, outputs);
}

namespace {

// What an iproute2 / lldpcli JSON answer is, from its shape, for text pasted without a prompt.
enum class HostJson { None, Links, Neighbors, RouteGet, Lldp };

HostJson hostJsonShape(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        return doc.object().contains(QLatin1String("lldp")) ? HostJson::Lldp : HostJson::None;
    if (!doc.isArray())
        return HostJson::None;
    const QJsonObject o = doc.array().first().toObject();
    if (o.contains(QLatin1String("ifname")) && o.contains(QLatin1String("link_type")))
        return HostJson::Links;
    if (o.contains(QLatin1String("dst")) && (o.contains(QLatin1String("prefsrc")) || o.contains(QLatin1String("uid"))))
        return HostJson::RouteGet;
    if (o.contains(QLatin1String("dst")) && o.contains(QLatin1String("state")))
        return HostJson::Neighbors;
    return HostJson::None;
}

HostJson hostCommandShape(const QString &c)
{
    static const QRegularExpression link(QStringLiteral("^ip\\b.*\\blink(?: show)?\\b"));
    static const QRegularExpression neigh(QStringLiteral("^ip\\b.*\\bneigh"));
    static const QRegularExpression get(QStringLiteral("^ip\\b.*\\broute get\\b"));
    if (c.startsWith(QLatin1String("lldpcli")))
        return HostJson::Lldp;
    if (get.match(c).hasMatch())
        return HostJson::RouteGet;
    if (neigh.match(c).hasMatch())
        return HostJson::Neighbors;
    if (link.match(c).hasMatch())
        return HostJson::Links;
    return HostJson::None;
}

} // namespace

std::optional<Result<RecordSet>> LinuxTranslator::readPastedHost(QueryKind kind, const QString &command, const QByteArray &body)
{
    const HostJson shape = command.isEmpty() ? hostJsonShape(body) : hostCommandShape(command);
    switch (kind) {
    case QueryKind::LinkStatus:
        if (shape == HostJson::Links)
            return wrap(kind, LinuxParsers::links(body));
        break;
    case QueryKind::VlanErrors:
        if (shape == HostJson::Links)
            return wrap(kind, LinuxParsers::vlans(body));
        break;
    case QueryKind::ArpTable:
        if (shape == HostJson::Neighbors)
            return wrap(kind, LinuxParsers::neighbors(body));
        break;
    case QueryKind::RouteLookup:
        if (shape == HostJson::RouteGet)
            return wrap(kind, LinuxParsers::routeGet(body));
        break;
    case QueryKind::LldpNeighbors:
        if (shape == HostJson::Lldp)
            return wrap(kind, LinuxParsers::lldpNeighbors(body));
        break;
    case QueryKind::Facts:
    case QueryKind::BgpStatus:
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
    case QueryKind::Optics:
        break;
    }
    return std::nullopt;
}

Result<PastedParse> LinuxTranslator::parsePastedHost(QueryKind kind, const QByteArray &text)
{
    if (kind == QueryKind::Facts) {
        // Three small answers, each needing its prompt line to be told apart.
        QByteArray host, uname, uptime;
        QStringList typed;
        for (const parse::PastedPiece &p : parse::splitPasted(text)) {
            if (p.command == QLatin1String("hostname"))
                host = p.body;
            else if (p.command == QLatin1String("uname -srm"))
                uname = p.body;
            else if (p.command == QLatin1String("cat /proc/uptime"))
                uptime = p.body;
            else
                continue;
            typed << p.typed;
        }
        if (host.isEmpty() || uname.isEmpty() || uptime.isEmpty())
            return Error(ErrorCode::ParseError,
                         QStringLiteral("Facts of a Linux host need the output of hostname, uname -srm and cat /proc/uptime, "
                                        "each pasted with its prompt line."));
        auto f = LinuxParsers::facts(host, uname, uptime);
        if (!f)
            return f.error();
        f->platform = QStringLiteral("linux");
        return PastedParse{typed.join(QStringLiteral("; ")), RecordSet(kind, QList<FactsRecord>{*f})};
    }
    return parse::readPasted(
        kind, text, [kind](const parse::PastedPiece &p) { return readPastedHost(kind, p.command, p.body); },
        [kind](const parse::PastedPiece &) { return hostCommands(kind, {QString(), QString(), QString(), QString(), QStringLiteral("<destination>")})->first(); });
}

Result<PastedParse> LinuxTranslator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    if (!isHostKind(kind))
        return commands(kind, {}).error();
    return parsePastedHost(kind, text);
}


} // namespace rl
