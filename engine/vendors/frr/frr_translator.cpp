#include "engine/vendors/frr/frr_translator.h"

#include "engine/vendors/frr/frr_parsers.h"
#include "engine/vendors/common/parse_util.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace rl {
namespace {

bool isDefaultVrf(const QString &vrf) { return vrf.isEmpty() || vrf == QLatin1String("default"); }

QString vrfPart(const QString &vrf) { return isDefaultVrf(vrf) ? QString() : QStringLiteral(" vrf ") + vrf; }

// "ipv4"/"ipv6" from the parameter, else from the neighbor's or destination's own family.
QString familyFor(const QueryParams &params, const QString &address)
{
    if (!params.addressFamily.isEmpty())
        return params.addressFamily.startsWith(QLatin1String("ipv6")) ? QStringLiteral("ipv6") : QStringLiteral("ipv4");
    return address.contains(QLatin1Char(':')) ? QStringLiteral("ipv6") : QStringLiteral("ipv4");
}

template<typename R>
Result<RecordSet> wrap(QueryKind kind, Result<QList<R>> rows)
{
    if (!rows)
        return rows.error();
    return RecordSet(kind, std::move(rows).value());
}

} // namespace

QStringList FrrTranslator::allowedPatterns()
{
    const QString name = parse::namePattern();
    const QString vrf = QStringLiteral("(?: vrf ") + name + QStringLiteral(")?");
    return {
        QStringLiteral("show version"),
        QStringLiteral("show interface(?: ") + name + QStringLiteral(")? json"),
        QStringLiteral("show bgp vrf all neighbors json"),
        QStringLiteral("show ip neigh"),
        QStringLiteral("show bgp") + vrf + QStringLiteral(" (?:ipv4|ipv6) unicast neighbors ") + parse::ipPattern()
            + QStringLiteral(" (?:received-routes|advertised-routes|filtered-routes) json"),
        QStringLiteral("show (?:ip|ipv6) route") + vrf + QLatin1Char(' ') + parse::prefixPattern() + QStringLiteral(" json"),
    };
}

SessionProfile FrrTranslator::sessionProfile() const
{
    SessionProfile p;
    p.mode = SessionProfile::Mode::Exec;
    p.guard = CommandGuard(allowedPatterns());
    p.execWrapper = QStringLiteral("vtysh -c '%1'");
    return p;
}

Result<QStringList> FrrTranslator::commands(QueryKind kind, const QueryParams &params) const
{
    if (Error missing = missingParameter(kind, params))
        return missing;
    switch (kind) {
    case QueryKind::Facts:
        return QStringList{QStringLiteral("show version")};
    case QueryKind::LinkStatus:
        return QStringList{params.interfaceName.isEmpty() ? QStringLiteral("show interface json")
                                                          : QStringLiteral("show interface %1 json").arg(params.interfaceName)};
    case QueryKind::VlanErrors:
        return QStringList{QStringLiteral("show interface json")};
    case QueryKind::BgpStatus:
        // Every VRF and family at once; the filters apply to the parsed records.
        return QStringList{QStringLiteral("show bgp vrf all neighbors json")};
    case QueryKind::ArpTable:
        return QStringList{QStringLiteral("show ip neigh")};
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        return QStringList{QStringLiteral("show bgp%1 %2 unicast neighbors %3 %4 json")
                               .arg(vrfPart(params.vrf), familyFor(params, params.neighbor), params.neighbor,
                                    kind == QueryKind::ReceivedRoutes ? QStringLiteral("received-routes")
                                                                      : QStringLiteral("advertised-routes"))};
    case QueryKind::RouteLookup:
        return QStringList{QStringLiteral("show %1 route%2 %3 json")
                               .arg(familyFor(params, params.destination) == QLatin1String("ipv6") ? QStringLiteral("ipv6")
                                                                                                   : QStringLiteral("ip"),
                                    vrfPart(params.vrf), params.destination)};
    case QueryKind::LldpNeighbors:
        return Error(ErrorCode::UnsupportedQuery,
                     QStringLiteral("LLDP neighbors are not available on the frr platform: FRR has no LLDP, and RouterLens "
                                    "reads FRR routers only through vtysh. Add the host as a linux router to read lldpd."));
    case QueryKind::Optics:
        return Error(ErrorCode::UnsupportedQuery,
                     QStringLiteral("Optics are not available on the frr platform: vtysh reports no transceiver data "
                                    "(FRR runs on hosts whose interfaces are the kernel's)."));
    }
    return Error(ErrorCode::UnsupportedQuery, QStringLiteral("Unknown query kind."));
}

Result<QStringList> FrrTranslator::followUpCommands(QueryKind kind, const QueryParams &params,
                                                    const QList<CommandOutput> &firstRound) const
{
    if (kind != QueryKind::ReceivedRoutes || firstRound.size() != 1)
        return QStringList{};
    const CommandOutput &o = firstRound.first();
    // A failed first command is reported by parse(); no second round for it.
    if (o.exitStatus != 0 || FrrParsers::filteredPrefixCount(o.output) <= 0)
        return QStringList{};
    return QStringList{QStringLiteral("show bgp%1 %2 unicast neighbors %3 filtered-routes json")
                           .arg(vrfPart(params.vrf), familyFor(params, params.neighbor), params.neighbor)};
}

Result<RecordSet> FrrTranslator::parse(QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs) const
{
    auto first = commands(kind, params);
    if (!first)
        return first.error();
    QStringList cmds = first.value();
    if (kind == QueryKind::ReceivedRoutes) {
        auto more = followUpCommands(kind, params, outputs.mid(0, cmds.size()));
        if (!more)
            return more.error();
        cmds += more.value();
    }
    if (outputs.size() != cmds.size())
        return Error(ErrorCode::InternalError, QStringLiteral("Expected %1 command outputs for %2, got %3.")
                                                   .arg(cmds.size()).arg(queryKindTitle(kind)).arg(outputs.size()));
    const CommandOutput &o = outputs.first();
    if (o.exitStatus != 0 && o.output.trimmed().isEmpty())
        return parse::commandFailed(o.command, o.exitStatus, o.output);
    switch (kind) {
    case QueryKind::Facts: {
        auto f = FrrParsers::version(o.output);
        if (!f)
            return f.error();
        return RecordSet(kind, QList<FactsRecord>{*f});
    }
    case QueryKind::LinkStatus:
        return wrap(kind, FrrParsers::interfaces(o.output, params.interfaceName));
    case QueryKind::VlanErrors:
        return wrap(kind, FrrParsers::vlans(o.output, params.interfaceName));
    case QueryKind::BgpStatus:
        return wrap(kind, FrrParsers::bgpNeighbors(o.output, params));
    case QueryKind::ArpTable:
        return wrap(kind, FrrParsers::neighbors(o.output, params.vrf));
    case QueryKind::ReceivedRoutes:
        if (outputs.size() == 2) {
            const CommandOutput &f = outputs.at(1);
            if (f.exitStatus != 0 && f.output.trimmed().isEmpty())
                return parse::commandFailed(f.command, f.exitStatus, f.output);
            return wrap(kind, FrrParsers::receivedRoutes(o.output, f.output));
        }
        return wrap(kind, FrrParsers::neighborRoutes(o.output));
    case QueryKind::AdvertisedRoutes:
        return wrap(kind, FrrParsers::neighborRoutes(o.output));
    case QueryKind::RouteLookup:
        return wrap(kind, FrrParsers::routeLookup(o.output));
    case QueryKind::LldpNeighbors:
    case QueryKind::Optics:
        break;
    }
    return Error(ErrorCode::UnsupportedQuery, QStringLiteral("No FRR parser for %1.").arg(queryKindTitle(kind)));
}


namespace {

// vtysh commands by what they answer; guessed from the text when pasted without a prompt.
enum class FrrOutput { None, Version, Interfaces, Neighbors, BgpNeighbors, NeighborRoutes, RouteLookup };

FrrOutput frrCommandShape(const QString &c)
{
    static const QRegularExpression intf(QStringLiteral("^show interface\\b.*\\bjson$"));
    static const QRegularExpression bgpNbr(QStringLiteral("^show (?:bgp|ip bgp)\\b.*\\bneighbors?(?: \\S+)? json$"));
    static const QRegularExpression nbrRoutes(QStringLiteral("^show (?:bgp|ip bgp)\\b.*\\bneighbors? \\S+ (?:received-routes|advertised-routes|routes) json$"));
    static const QRegularExpression lookup(QStringLiteral("^show (?:ip|ipv6) route\\b.*\\S+ json$"));
    if (c == QLatin1String("show version"))
        return FrrOutput::Version;
    if (intf.match(c).hasMatch())
        return FrrOutput::Interfaces;
    if (c == QLatin1String("show ip neigh") || c == QLatin1String("show ip neighbor"))
        return FrrOutput::Neighbors;
    if (nbrRoutes.match(c).hasMatch())
        return FrrOutput::NeighborRoutes;
    if (bgpNbr.match(c).hasMatch())
        return FrrOutput::BgpNeighbors;
    if (lookup.match(c).hasMatch())
        return FrrOutput::RouteLookup;
    return FrrOutput::None;
}

FrrOutput frrTextShape(const QByteArray &body)
{
    if (!parse::firstJsonChar(body))
        return body.contains("FRRouting") ? FrrOutput::Version
             : body.contains("Neighbor") || body.contains("MAC") ? FrrOutput::Neighbors : FrrOutput::None;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return FrrOutput::None;
    const QJsonObject o = doc.object();
    if (o.contains(QLatin1String("receivedRoutes")) || o.contains(QLatin1String("advertisedRoutes")))
        return FrrOutput::NeighborRoutes;
    const QJsonObject first = o.begin() != o.end() ? o.begin()->toObject() : QJsonObject();
    // Interfaces carry a vrfName too: tell them apart first.
    if (first.contains(QLatin1String("operationalStatus")) || first.contains(QLatin1String("administrativeStatus")))
        return FrrOutput::Interfaces;
    if (first.contains(QLatin1String("bgpState")) || first.contains(QLatin1String("vrfName")))
        return FrrOutput::BgpNeighbors;
    if (o.begin() != o.end() && o.begin()->isArray())
        return FrrOutput::RouteLookup;
    return FrrOutput::None;
}

// "show bgp neighbors [X] json" prints the neighbors of the default VRF at the top; the parser
// reads the "vrf all" form, keyed by VRF.
QByteArray asVrfAll(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.isEmpty() || o.contains(QLatin1String("default")) || o.begin()->toObject().contains(QLatin1String("vrfName")))
        return json;
    QJsonObject vrf = o;
    vrf.insert(QLatin1String("vrfName"), QStringLiteral("default"));
    return QJsonDocument(QJsonObject{{QStringLiteral("default"), vrf}}).toJson(QJsonDocument::Compact);
}

} // namespace

Result<PastedParse> FrrTranslator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    auto read = [kind](const parse::PastedPiece &p) -> std::optional<Result<RecordSet>> {
        const FrrOutput shape = p.command.isEmpty() ? frrTextShape(p.body) : frrCommandShape(p.command);
        switch (kind) {
        case QueryKind::Facts:
            if (shape == FrrOutput::Version) {
                auto f = FrrParsers::version(p.body);
                if (!f)
                    return Result<RecordSet>(f.error());
                return Result<RecordSet>(RecordSet(kind, QList<FactsRecord>{*f}));
            }
            break;
        case QueryKind::LinkStatus:
            if (shape == FrrOutput::Interfaces)
                return wrap(kind, FrrParsers::interfaces(p.body));
            break;
        case QueryKind::VlanErrors:
            if (shape == FrrOutput::Interfaces)
                return wrap(kind, FrrParsers::vlans(p.body));
            break;
        case QueryKind::BgpStatus:
            if (shape == FrrOutput::BgpNeighbors)
                return wrap(kind, FrrParsers::bgpNeighbors(asVrfAll(p.body)));
            break;
        case QueryKind::ArpTable:
            if (shape == FrrOutput::Neighbors)
                return wrap(kind, FrrParsers::neighbors(p.body));
            break;
        case QueryKind::ReceivedRoutes:
        case QueryKind::AdvertisedRoutes: {
            const bool wantAdvertised = kind == QueryKind::AdvertisedRoutes;
            const bool isAdvertised = p.command.isEmpty() ? p.body.contains("\"advertisedRoutes\"")
                                                          : p.command.contains(QLatin1String("advertised-routes"));
            if (shape == FrrOutput::NeighborRoutes && wantAdvertised == isAdvertised)
                return wrap(kind, FrrParsers::neighborRoutes(p.body));
            break;
        }
        case QueryKind::RouteLookup:
            if (shape == FrrOutput::RouteLookup)
                return wrap(kind, FrrParsers::routeLookup(p.body));
            break;
        case QueryKind::LldpNeighbors:
        case QueryKind::Optics:
            break;
        }
        return std::nullopt;
    };
    auto guessed = [this, kind](const parse::PastedPiece &) {
        const auto c = commands(kind, {QStringLiteral("<neighbor>"), QString(), QString(), QString(), QStringLiteral("<destination>")});
        return c ? c->first() : QString();
    };
    if (kind == QueryKind::LldpNeighbors || kind == QueryKind::Optics)
        return commands(kind, {}).error();
    return parse::readPasted(kind, text, read, guessed);
}

} // namespace rl
