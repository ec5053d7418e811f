#include "engine/vendors/bird/bird_translator.h"

#include "engine/api/ip_address.h"
#include "engine/vendors/bird/bird_parsers.h"
#include "engine/vendors/linux/linux_translator.h"
#include "engine/vendors/common/parse_util.h"

#include <QRegularExpression>

namespace rl {
namespace {

const QString kStatus = QStringLiteral("birdc show status");
const QString kProtocols = QStringLiteral("birdc show protocols all");

// A BIRD symbol: what a protocol may be called. Names are read from the router's output and put
// into a command, so anything else is refused rather than quoted.
QString protocolNamePattern() { return QStringLiteral("[A-Za-z_][A-Za-z0-9_]{0,63}"); }

bool isDefaultVrf(const QString &vrf) { return vrf.isEmpty() || vrf == QLatin1String("default"); }

bool wantsV6(const QueryParams &params, const QString &address)
{
    if (!params.addressFamily.isEmpty())
        return params.addressFamily.startsWith(QLatin1String("ipv6"));
    return address.contains(QLatin1Char(':'));
}

template<typename R>
Result<RecordSet> wrap(QueryKind kind, Result<QList<R>> rows)
{
    if (!rows)
        return rows.error();
    return RecordSet(kind, std::move(rows).value());
}

} // namespace

QStringList BirdTranslator::allowedPatterns()
{
    QStringList p = LinuxTranslator::hostPatterns();
    p << QStringLiteral("birdc show status")
      << QStringLiteral("birdc show protocols all")
      << QStringLiteral("birdc show route all table master[46] where from = ") + parse::ipPattern()
      // protocol names come from the router's own output: only BIRD symbol characters pass
      << QStringLiteral("birdc show route all (import|export) table ") + protocolNamePattern() + QStringLiteral("\\.ipv[46]")
      << QStringLiteral("birdc show route for ") + parse::prefixPattern() + QStringLiteral(" all");
    return p;
}

SessionProfile BirdTranslator::sessionProfile() const
{
    SessionProfile p;
    p.mode = SessionProfile::Mode::Exec;
    p.guard = CommandGuard(allowedPatterns());
    return p;
}

Result<QStringList> BirdTranslator::commands(QueryKind kind, const QueryParams &params) const
{
    if (Error missing = missingParameter(kind, params))
        return missing;
    const bool bgpKind = kind == QueryKind::BgpStatus || kind == QueryKind::ReceivedRoutes
                      || kind == QueryKind::AdvertisedRoutes || kind == QueryKind::RouteLookup;
    if (bgpKind && !isDefaultVrf(params.vrf))
        return Error(ErrorCode::UnsupportedQuery,
                     QStringLiteral("RouterLens reads only BIRD's master tables; VRF \"%1\" is not supported on the bird platform yet.")
                         .arg(params.vrf));
    switch (kind) {
    case QueryKind::Facts: {
        QStringList c = *LinuxTranslator::hostCommands(kind, params);
        c << kStatus;
        return c;
    }
    case QueryKind::BgpStatus:
        // Protocol times are clock times: the server's clock from show status turns them into durations.
        return QStringList{kStatus, kProtocols};
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        // BIRD names sessions by protocol, not by address: every per-session route view takes the
        // protocol's name ("export table all" is a syntax error in 2.0.12, and no filter term names
        // the peer a route goes to). The first round finds the name, followUpCommands() asks for the
        // channel's import table (what the neighbor sent, before the import filter, like
        // soft-reconfiguration inbound elsewhere) or export table (what goes out, after the export
        // filter).
        return QStringList{kProtocols};
    case QueryKind::RouteLookup:
        return QStringList{QStringLiteral("birdc show route for %1 all").arg(params.destination)};
    case QueryKind::Optics:
        return LinuxTranslator::opticsUnsupported(platform());
    case QueryKind::LinkStatus:
    case QueryKind::ArpTable:
    case QueryKind::VlanErrors:
    case QueryKind::LldpNeighbors:
        break;
    }
    return LinuxTranslator::hostCommands(kind, params);
}

Result<QStringList> BirdTranslator::followUpCommands(QueryKind kind, const QueryParams &params,
                                                     const QList<CommandOutput> &firstRound) const
{
    if (kind != QueryKind::ReceivedRoutes && kind != QueryKind::AdvertisedRoutes)
        return QStringList{};
    if (firstRound.size() != 1)
        return Error(ErrorCode::InternalError, QStringLiteral("Expected the output of \"%1\" before asking for routes.").arg(kProtocols));
    const CommandOutput &o = firstRound.first();
    if (o.exitStatus != 0)
        return parse::commandFailed(o.command, o.exitStatus, o.output);
    auto protocols = BirdParsers::bgpProtocolNames(o.output);
    if (!protocols)
        return protocols.error();
    const auto wanted = IpAddress::parse(QStringView(params.neighbor));
    const QString family = wantsV6(params, params.neighbor) ? QStringLiteral("ipv6") : QStringLiteral("ipv4");
    QStringList known;
    for (const BirdBgpProtocol &p : std::as_const(*protocols)) {
        known << QStringLiteral("%1 (%2)").arg(p.name, p.neighbor);
        const auto address = IpAddress::parse(QStringView(p.neighbor));
        if (!wanted || !address || *address != *wanted)
            continue;
        static const QRegularExpression symbol(QRegularExpression::anchoredPattern(protocolNamePattern())); // no final newline either
        if (!symbol.match(p.name).hasMatch())
            return Error(ErrorCode::UnsupportedQuery,
                         QStringLiteral("BIRD names the session with %1 \"%2\", which RouterLens does not put into a command "
                                        "(only letters, digits and underscores). Rename the protocol, or run the command "
                                        "yourself and paste its output.").arg(params.neighbor, p.name.left(80)));
        if (!p.channels.contains(family))
            return Error(ErrorCode::InvalidRequest,
                         QStringLiteral("BIRD's session with %1 (protocol %2) carries no %3 channel; it carries %4. "
                                        "Choose one of those address families.")
                             .arg(params.neighbor, p.name, family, p.channels.isEmpty() ? QStringLiteral("none") : p.channels.join(QStringLiteral(", "))));
        // A channel that is not up has no tables: the session carries no routes either way, and
        // asking would only earn "No export table in channel".
        if (!p.channelsUp.contains(family))
            return QStringList{};
        return QStringList{QStringLiteral("birdc show route all %1 table %2.%3")
                               .arg(kind == QueryKind::ReceivedRoutes ? QStringLiteral("import") : QStringLiteral("export"), p.name, family)};
    }
    return Error(ErrorCode::InvalidRequest,
                 QStringLiteral("This BIRD router has no BGP session with neighbor %1. Its sessions: %2.")
                     .arg(params.neighbor, known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", "))));
}

Result<RecordSet> BirdTranslator::parse(QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs) const
{
    auto first = commands(kind, params);
    if (!first)
        return first.error();
    QStringList cmds = first.value();
    if (kind == QueryKind::ReceivedRoutes || kind == QueryKind::AdvertisedRoutes) {
        auto more = followUpCommands(kind, params, outputs.mid(0, cmds.size()));
        if (!more)
            return more.error();
        cmds += more.value();
    }
    if (outputs.size() != cmds.size())
        return Error(ErrorCode::InternalError, QStringLiteral("Expected %1 command outputs for %2, got %3.")
                                                   .arg(cmds.size()).arg(queryKindTitle(kind)).arg(outputs.size()));
    if (kind == QueryKind::Facts) {
        auto r = LinuxTranslator::parseHost(kind, params, outputs.mid(0, 3));
        if (!r)
            return r;
        auto st = BirdParsers::status(outputs.at(3).output);
        if (!st)
            return st.error();
        for (FactsRecord &f : r->rows<FactsRecord>()) {
            f.vendor = vendor();
            f.platform = platform();
            f.osVersion = QStringLiteral("BIRD %1 on %2").arg(st->version, f.osVersion);
        }
        return r;
    }
    if (LinuxTranslator::isHostKind(kind) && kind != QueryKind::RouteLookup)
        return LinuxTranslator::parseHost(kind, params, outputs);
    for (const CommandOutput &o : outputs) {
        // BIRD keeps per-session tables only when the channel asks for them.
        if (o.exitStatus != 0 && (o.output.contains("No import table in channel") || o.output.contains("No export table in channel"))) {
            const bool import = o.output.contains("No import table");
            return Error(ErrorCode::UnsupportedQuery,
                         QStringLiteral("This BIRD router keeps no %1 table for the session, so it cannot list the routes %2. "
                                        "Add \"%1 table on;\" to the session's channel in bird.conf (BIRD 2.0.8 or later).")
                             .arg(import ? QStringLiteral("import") : QStringLiteral("export"),
                                  import ? QStringLiteral("the neighbor sent") : QStringLiteral("it sends to the neighbor")),
                         QString::fromUtf8(o.output.trimmed().right(200)));
        }
        // birdc exits 1 on "Network not found": no route is an answer, not a failure.
        if (o.exitStatus != 0 && !o.output.contains("Network not found"))
            return parse::commandFailed(o.command, o.exitStatus, o.output);
    }
    switch (kind) {
    case QueryKind::BgpStatus: {
        auto st = BirdParsers::status(outputs.at(0).output);
        if (!st)
            return st.error();
        return wrap(kind, BirdParsers::bgpProtocols(outputs.at(1).output, st->serverTime, params));
    }
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        // No second round: the session's channel is down, so nothing is received or sent.
        if (outputs.size() == 1)
            return RecordSet(kind, QList<RouteRecord>{});
        if (kind == QueryKind::AdvertisedRoutes) {
            // The export table holds routes as the export filter left them, before BGP fills in
            // its own attributes: a route from another protocol (static, kernel) has no origin
            // yet and goes out as IGP (what the lab's FRR receives).
            auto routes = BirdParsers::routes(outputs.at(1).output);
            if (!routes)
                return routes.error();
            QList<RouteRecord> rows = std::move(routes).value();
            for (RouteRecord &r : rows) {
                if (r.origin == RouteOrigin::Unknown && r.protocol != QLatin1String("bgp"))
                    r.origin = RouteOrigin::Igp;
            }
            return RecordSet(kind, std::move(rows));
        }
        return wrap(kind, BirdParsers::routes(outputs.at(1).output));
    case QueryKind::RouteLookup:
        return wrap(kind, BirdParsers::routes(outputs.at(0).output));
    case QueryKind::Facts:
    case QueryKind::LinkStatus:
    case QueryKind::ArpTable:
    case QueryKind::VlanErrors:
    case QueryKind::LldpNeighbors:
    case QueryKind::Optics:
        break;
    }
    return Error(ErrorCode::InternalError, QStringLiteral("No BIRD parser for %1.").arg(queryKindTitle(kind)));
}


Result<PastedParse> BirdTranslator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    // birdc commands as typed at "bird>" or after "birdc" (splitPasted drops the "birdc ").
    static const QRegularExpression routeCmd(QStringLiteral("^show route\\b.*\\ball\\b"));
    auto isProtocols = [](const parse::PastedPiece &p) {
        return p.command.isEmpty() ? p.body.contains("Name ") && p.body.contains(" Proto ") && p.body.contains("BGP state:")
                                   : p.command.startsWith(QLatin1String("show protocols all"));
    };
    auto isStatus = [](const parse::PastedPiece &p) {
        return p.command.isEmpty() ? p.body.contains("Current server time is ") : p.command.startsWith(QLatin1String("show status"));
    };
    auto isRoutes = [](const parse::PastedPiece &p) {
        if (!p.command.isEmpty())
            return routeCmd.match(p.command).hasMatch();
        return p.body.contains("\nTable ") || p.body.startsWith("Table ") || p.body.contains("\tBGP.") || p.body.contains("\tType: ");
    };
    const QList<parse::PastedPiece> pieces = parse::splitPasted(text);
    // Session times are clock times: a pasted "show status" gives the clock, else they stay unknown.
    QDateTime serverTime;
    for (const parse::PastedPiece &p : pieces) {
        if (isStatus(p)) {
            if (auto st = BirdParsers::status(p.body))
                serverTime = st->serverTime;
        }
    }
    switch (kind) {
    case QueryKind::Facts:
        return parse::readPasted(
            kind, text,
            [&](const parse::PastedPiece &p) -> std::optional<Result<RecordSet>> {
                if (!isStatus(p))
                    return std::nullopt;
                auto st = BirdParsers::status(p.body);
                if (!st)
                    return Result<RecordSet>(st.error());
                FactsRecord f;
                f.hostname = st->hostname;
                f.vendor = vendor();
                f.platform = platform();
                f.osVersion = QStringLiteral("BIRD %1").arg(st->version);
                return Result<RecordSet>(RecordSet(kind, QList<FactsRecord>{f}));
            },
            [](const parse::PastedPiece &) { return kStatus; });
    case QueryKind::BgpStatus:
        return parse::readPasted(
            kind, text,
            [&](const parse::PastedPiece &p) -> std::optional<Result<RecordSet>> {
                if (!isProtocols(p))
                    return std::nullopt;
                return wrap(kind, BirdParsers::bgpProtocols(p.body, serverTime));
            },
            [](const parse::PastedPiece &) { return QStringLiteral("birdc show protocols all"); });
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
    case QueryKind::RouteLookup:
        // Advertised routes: "show route all export table <proto>.ipv4" (or "show route all export <proto>");
        // received: the import table or "where from = X"; any "show route ... all" is the same format.
        return parse::readPasted(
            kind, text,
            [&](const parse::PastedPiece &p) -> std::optional<Result<RecordSet>> {
                if (!isRoutes(p))
                    return std::nullopt;
                const bool exportView = p.command.contains(QLatin1String("export")) || p.body.contains("Table export:");
                const bool importView = p.command.contains(QLatin1String("import")) || p.command.contains(QLatin1String("where from"))
                                     || p.body.contains("Table import:");
                if ((kind == QueryKind::AdvertisedRoutes && importView) || (kind == QueryKind::ReceivedRoutes && exportView))
                    return std::nullopt;
                return wrap(kind, BirdParsers::routes(p.body));
            },
            [kind](const parse::PastedPiece &) {
                return kind == QueryKind::AdvertisedRoutes ? QStringLiteral("birdc show route all export table <protocol>.ipv4")
                     : kind == QueryKind::ReceivedRoutes   ? QStringLiteral("birdc show route all import table <protocol>.ipv4")
                                                           : QStringLiteral("birdc show route for <destination> all");
            });
    case QueryKind::Optics:
        return LinuxTranslator::opticsUnsupported(platform());
    case QueryKind::LinkStatus:
    case QueryKind::ArpTable:
    case QueryKind::VlanErrors:
    case QueryKind::LldpNeighbors:
        break;
    }
    return LinuxTranslator::parsePastedHost(kind, text);
}

} // namespace rl
