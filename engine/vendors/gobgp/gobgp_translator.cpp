#include "engine/vendors/gobgp/gobgp_translator.h"

#include "engine/vendors/gobgp/gobgp_parsers.h"
#include "engine/vendors/linux/linux_translator.h"
#include "engine/vendors/common/parse_util.h"

#include <QRegularExpression>

namespace rl {
namespace {

bool isDefaultVrf(const QString &vrf) { return vrf.isEmpty() || vrf == QLatin1String("default"); }

QString familyFor(const QueryParams &params, const QString &address)
{
    if (!params.addressFamily.isEmpty())
        return params.addressFamily.startsWith(QLatin1String("ipv6")) ? QStringLiteral("ipv6") : QStringLiteral("ipv4");
    return address.contains(QLatin1Char(':')) ? QStringLiteral("ipv6") : QStringLiteral("ipv4");
}

// IPv4 unicast is the gobgp CLI's default family: only IPv6 needs "-a ipv6".
QString familyOption(const QueryParams &params, const QString &address)
{
    return familyFor(params, address) == QLatin1String("ipv6") ? QStringLiteral(" -a ipv6") : QString();
}

template<typename R>
Result<RecordSet> wrap(QueryKind kind, Result<QList<R>> rows)
{
    if (!rows)
        return rows.error();
    return RecordSet(kind, std::move(rows).value());
}

} // namespace

QStringList GobgpTranslator::allowedPatterns()
{
    const QString ip = parse::ipPattern();
    QStringList p = LinuxTranslator::hostPatterns();
    p << QStringLiteral("date \\+%s")
      << QStringLiteral("gobgp neighbor(?: ") + ip + QStringLiteral(")? -j")
      << QStringLiteral("gobgp neighbor ") + ip + QStringLiteral(" adj-(?:in|out)(?: -a ipv6)? -j")
      << QStringLiteral("gobgp global rib(?: -a ipv6)? ") + parse::prefixPattern() + QStringLiteral(" -j");
    return p;
}

SessionProfile GobgpTranslator::sessionProfile() const
{
    SessionProfile p;
    p.mode = SessionProfile::Mode::Exec;
    p.guard = CommandGuard(allowedPatterns());
    return p;
}

Result<QStringList> GobgpTranslator::commands(QueryKind kind, const QueryParams &params) const
{
    if (Error missing = missingParameter(kind, params))
        return missing;
    const bool routeKind = kind == QueryKind::BgpStatus || kind == QueryKind::ReceivedRoutes
                        || kind == QueryKind::AdvertisedRoutes || kind == QueryKind::RouteLookup;
    if (routeKind && !isDefaultVrf(params.vrf))
        return Error(ErrorCode::UnsupportedQuery,
                     QStringLiteral("RouterLens reads only GoBGP's global table; VRF \"%1\" is not supported on the gobgp platform yet.")
                         .arg(params.vrf));
    switch (kind) {
    case QueryKind::BgpStatus:
        // GoBGP prints session times as epoch seconds: the router's clock turns them into durations.
        // A single neighbor's view also carries the advertised counts the list leaves out.
        return QStringList{QStringLiteral("date +%s"),
                           params.neighbor.isEmpty() ? QStringLiteral("gobgp neighbor -j")
                                                     : QStringLiteral("gobgp neighbor %1 -j").arg(params.neighbor)};
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        return QStringList{QStringLiteral("gobgp neighbor %1 %2%3 -j")
                               .arg(params.neighbor,
                                    kind == QueryKind::ReceivedRoutes ? QStringLiteral("adj-in") : QStringLiteral("adj-out"),
                                    familyOption(params, params.neighbor))};
    case QueryKind::RouteLookup:
        // gobgpd keeps its RIB to itself (no FIB here): the BGP table answers the lookup.
        return QStringList{QStringLiteral("gobgp global rib%1 %2 -j")
                               .arg(familyOption(params, params.destination), params.destination)};
    case QueryKind::Optics:
        return LinuxTranslator::opticsUnsupported(platform());
    case QueryKind::Facts:
    case QueryKind::LinkStatus:
    case QueryKind::ArpTable:
    case QueryKind::VlanErrors:
    case QueryKind::LldpNeighbors:
        break;
    }
    return LinuxTranslator::hostCommands(kind, params);
}

Result<RecordSet> GobgpTranslator::parse(QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs) const
{
    auto cmds = commands(kind, params);
    if (!cmds)
        return cmds.error();
    if (kind != QueryKind::RouteLookup && LinuxTranslator::isHostKind(kind)) {
        auto r = LinuxTranslator::parseHost(kind, params, outputs);
        if (r && kind == QueryKind::Facts) {
            for (FactsRecord &f : r->rows<FactsRecord>()) {
                f.vendor = vendor();
                f.platform = platform();
            }
        }
        return r;
    }
    if (outputs.size() != cmds->size())
        return Error(ErrorCode::InternalError, QStringLiteral("Expected %1 command outputs for %2, got %3.")
                                                   .arg(cmds->size()).arg(queryKindTitle(kind)).arg(outputs.size()));
    for (const CommandOutput &o : outputs) {
        // adj-in on a session that is down exits 1 ({"error":"neighbor X's BGP session is not established"}):
        // a down session has received nothing, the same empty table FRR and BIRD answer with.
        if (o.exitStatus != 0 && kind == QueryKind::ReceivedRoutes && o.output.contains("session is not established"))
            return RecordSet(kind);
        if (o.exitStatus != 0) {
            // "gobgp neighbor X" for an unknown peer exits 1 ("not found"): no such neighbor.
            if (o.output.contains("not found") && !params.neighbor.isEmpty())
                return Error(ErrorCode::InvalidRequest,
                             QStringLiteral("GoBGP has no neighbor %1.").arg(params.neighbor),
                             QString::fromUtf8(o.output.left(200)).simplified());
            return parse::commandFailed(o.command, o.exitStatus, o.output);
        }
    }
    switch (kind) {
    case QueryKind::BgpStatus: {
        auto now = GobgpParsers::epoch(outputs.at(0).output);
        if (!now)
            return now.error();
        return wrap(kind, GobgpParsers::neighbors(outputs.at(1).output, *now, params));
    }
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
    case QueryKind::RouteLookup:
        return wrap(kind, GobgpParsers::routes(outputs.at(0).output));
    case QueryKind::Facts:
    case QueryKind::LinkStatus:
    case QueryKind::ArpTable:
    case QueryKind::VlanErrors:
    case QueryKind::LldpNeighbors:
    case QueryKind::Optics:
        break;
    }
    return Error(ErrorCode::InternalError, QStringLiteral("No GoBGP parser for %1.").arg(queryKindTitle(kind)));
}


Result<PastedParse> GobgpTranslator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    static const QRegularExpression neighborList(QStringLiteral("^gobgp neighbor(?: \\S+)? -j$"));
    const QList<parse::PastedPiece> pieces = parse::splitPasted(text);
    // Session times are epoch seconds: a pasted "date +%s" gives the clock, else they stay unknown.
    qint64 now = -1;
    for (const parse::PastedPiece &p : pieces) {
        if (p.command == QLatin1String("date +%s")) {
            if (auto e = GobgpParsers::epoch(p.body))
                now = *e;
        }
    }
    auto jsonShape = [](const QByteArray &body) {
        // Neighbors carry "conf"/"state"; route lists are a prefix -> paths object (or [] when empty).
        return body.contains("\"conf\"") && body.contains("\"state\"") ? 1 : parse::firstJsonChar(body) ? 2 : 0;
    };
    switch (kind) {
    case QueryKind::BgpStatus:
        return parse::readPasted(
            kind, text,
            [&](const parse::PastedPiece &p) -> std::optional<Result<RecordSet>> {
                const bool mine = p.command.isEmpty() ? jsonShape(p.body) == 1 : neighborList.match(p.command).hasMatch();
                if (!mine)
                    return std::nullopt;
                return wrap(kind, GobgpParsers::neighbors(p.body, now));
            },
            [](const parse::PastedPiece &) { return QStringLiteral("gobgp neighbor -j"); });
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
    case QueryKind::RouteLookup: {
        const QString want = kind == QueryKind::ReceivedRoutes ? QStringLiteral(" adj-in") : kind == QueryKind::AdvertisedRoutes
                                                                                                 ? QStringLiteral(" adj-out")
                                                                                                 : QStringLiteral("gobgp global rib");
        return parse::readPasted(
            kind, text,
            [&](const parse::PastedPiece &p) -> std::optional<Result<RecordSet>> {
                const bool mine = p.command.isEmpty() ? jsonShape(p.body) == 2
                                                      : p.command.contains(want) && p.command.endsWith(QLatin1String(" -j"));
                if (!mine)
                    return std::nullopt;
                return wrap(kind, GobgpParsers::routes(p.body));
            },
            [kind](const parse::PastedPiece &) {
                return kind == QueryKind::ReceivedRoutes ? QStringLiteral("gobgp neighbor <neighbor> adj-in -j")
                     : kind == QueryKind::AdvertisedRoutes ? QStringLiteral("gobgp neighbor <neighbor> adj-out -j")
                                                           : QStringLiteral("gobgp global rib <destination> -j");
            });
    }
    case QueryKind::Optics:
        return LinuxTranslator::opticsUnsupported(platform());
    case QueryKind::Facts:
    case QueryKind::LinkStatus:
    case QueryKind::ArpTable:
    case QueryKind::VlanErrors:
    case QueryKind::LldpNeighbors:
        break;
    }
    return LinuxTranslator::parsePastedHost(kind, text);
}

} // namespace rl
