#include "engine/api/query_kind.h"

#include <array>

namespace rl {
namespace {

struct KindInfo {
    QueryKind kind;
    const char *name;
    const char *title;
};

constexpr std::array<KindInfo, QueryKindCount> kKinds{{
    {QueryKind::Facts, "facts", "Facts"},
    {QueryKind::LinkStatus, "link-status", "Link status"},
    {QueryKind::BgpStatus, "bgp-status", "BGP status"},
    {QueryKind::ArpTable, "arp-table", "ARP / neighbor table"},
    {QueryKind::VlanErrors, "vlan-errors", "VLAN tagging errors"},
    {QueryKind::ReceivedRoutes, "received-routes", "Received routes"},
    {QueryKind::AdvertisedRoutes, "advertised-routes", "Advertised routes"},
    {QueryKind::RouteLookup, "route-lookup", "Route lookup"},
    {QueryKind::LldpNeighbors, "lldp-neighbors", "LLDP neighbors"},
    {QueryKind::Optics, "optics", "Optics levels"},
}};

} // namespace

QString queryKindName(QueryKind kind)
{
    return QString::fromLatin1(kKinds[static_cast<size_t>(kind)].name);
}

QString queryKindTitle(QueryKind kind)
{
    return QString::fromLatin1(kKinds[static_cast<size_t>(kind)].title);
}

std::optional<QueryKind> queryKindFromName(QStringView name)
{
    for (const KindInfo &info : kKinds) {
        if (name == QLatin1String(info.name))
            return info.kind;
    }
    return std::nullopt;
}

QList<QueryKind> allQueryKinds()
{
    QList<QueryKind> kinds;
    for (const KindInfo &info : kKinds)
        kinds.append(info.kind);
    return kinds;
}

} // namespace rl
