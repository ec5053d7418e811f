#include "engine/vendors/frr_translator.h"

#include "engine/vendors/frr_parsers.h"
#include "engine/vendors/parse_util.h"

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
            + QStringLiteral(" (?:received-routes|advertised-routes) json"),
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

Result<RecordSet> FrrTranslator::parse(QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs) const
{
    auto cmds = commands(kind, params);
    if (!cmds)
        return cmds.error();
    if (outputs.size() != cmds->size())
        return Error(ErrorCode::InternalError, QStringLiteral("Expected %1 command outputs for %2, got %3.")
                                                   .arg(cmds->size()).arg(queryKindTitle(kind)).arg(outputs.size()));
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
    case QueryKind::AdvertisedRoutes:
        return wrap(kind, FrrParsers::neighborRoutes(o.output));
    case QueryKind::RouteLookup:
        return wrap(kind, FrrParsers::routeLookup(o.output));
    default:
        break;
    }
    return Error(ErrorCode::UnsupportedQuery, QStringLiteral("No FRR parser for %1.").arg(queryKindTitle(kind)));
}

} // namespace rl
