#include "engine/vendors/bird_translator.h"

#include "engine/vendors/bird_parsers.h"
#include "engine/vendors/linux_translator.h"
#include "engine/vendors/parse_util.h"

#include <QRegularExpression>

namespace rl {
namespace {

const QString kStatus = QStringLiteral("birdc show status");

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
      << QStringLiteral("birdc show route for ") + parse::prefixPattern() + QStringLiteral(" all");
    // "show route all (import|export) table <proto>.ipv4" is not sent (see AdvertisedRoutes) but pasted text of
    // it is read by parsePasted().
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
        return QStringList{kStatus, QStringLiteral("birdc show protocols all")};
    case QueryKind::ReceivedRoutes:
        // BIRD names sessions by protocol, not by address, and its CLI takes an address only in a
        // filter: "from" is the peer a route came from. These are the routes the import filter
        // accepted, best or not (the per-protocol "import table <proto>.ipv4" would show them before
        // the filter, but needs the protocol's name, which one round of commands cannot look up).
        return QStringList{QStringLiteral("birdc show route all table %1 where from = %2")
                               .arg(wantsV6(params, params.neighbor) ? QStringLiteral("master6") : QStringLiteral("master4"),
                                    params.neighbor)};
    case QueryKind::AdvertisedRoutes:
        // Verified on BIRD 2.0.12: every export view ("show route export <proto>", "show route export
        // table <proto>.ipv4") takes a protocol name, "export table all" is a syntax error, and no
        // filter term names the peer a route goes to.
        return Error(ErrorCode::UnsupportedQuery,
                     QStringLiteral("Advertised routes are not available on the bird platform yet: BIRD 2 lists them only per "
                                    "protocol name (show route all export table <protocol>.ipv4), no BIRD command accepts the "
                                    "neighbor's address for them, and RouterLens cannot look the name up before asking. "
                                    "Run \"birdc show route all export table <protocol>.ipv4\" and paste it to read it."));
    case QueryKind::RouteLookup:
        return QStringList{QStringLiteral("birdc show route for %1 all").arg(params.destination)};
    case QueryKind::Optics:
        return LinuxTranslator::opticsUnsupported(platform());
    default:
        break;
    }
    return LinuxTranslator::hostCommands(kind, params);
}

Result<RecordSet> BirdTranslator::parse(QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs) const
{
    auto cmds = commands(kind, params);
    if (!cmds)
        return cmds.error();
    if (outputs.size() != cmds->size())
        return Error(ErrorCode::InternalError, QStringLiteral("Expected %1 command outputs for %2, got %3.")
                                                   .arg(cmds->size()).arg(queryKindTitle(kind)).arg(outputs.size()));
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
    case QueryKind::RouteLookup:
        return wrap(kind, BirdParsers::routes(outputs.at(0).output));
    default:
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
    default:
        break;
    }
    return LinuxTranslator::parsePastedHost(kind, text);
}

} // namespace rl
