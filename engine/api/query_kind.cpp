#include "engine/api/query_kind.h"

#include <QCoreApplication>

#include <array>

namespace rl {
namespace {

constexpr quint8 kRouteParams = ParamNeighbor | ParamVrf | ParamAddressFamily;

// clang-format off
constexpr std::array kKinds{
//  kind                         name                 title                                                    accepts                                        required          weight  fresh s  external  records
    QueryKindInfo{QueryKind::Facts,            "facts",             QT_TRANSLATE_NOOP("QueryKind", "Facts"),                ParamNone,                                    ParamNone,        40,     3600,    false,    RecordType::Facts},
    QueryKindInfo{QueryKind::LinkStatus,       "link-status",       QT_TRANSLATE_NOOP("QueryKind", "Link status"),          ParamInterface,                               ParamNone,        60,     30,      true,     RecordType::Interface},
    QueryKindInfo{QueryKind::BgpStatus,        "bgp-status",        QT_TRANSLATE_NOOP("QueryKind", "BGP status"),           kRouteParams,                                 ParamNone,        50,     30,      true,     RecordType::BgpNeighbor},
    QueryKindInfo{QueryKind::ArpTable,         "arp-table",         QT_TRANSLATE_NOOP("QueryKind", "ARP / neighbor table"), ParamVrf | ParamAddressFamily | ParamInterface, ParamNone,      50,     60,      true,     RecordType::Arp},
    QueryKindInfo{QueryKind::VlanErrors,       "vlan-errors",       QT_TRANSLATE_NOOP("QueryKind", "VLAN tagging errors"),  ParamInterface,                               ParamNone,        50,     30,      true,     RecordType::Vlan},
    QueryKindInfo{QueryKind::ReceivedRoutes,   "received-routes",   QT_TRANSLATE_NOOP("QueryKind", "Received routes"),      kRouteParams,                                 ParamNeighbor,    0,      300,     true,     RecordType::Route},
    QueryKindInfo{QueryKind::AdvertisedRoutes, "advertised-routes", QT_TRANSLATE_NOOP("QueryKind", "Advertised routes"),    kRouteParams,                                 ParamNeighbor,    0,      300,     true,     RecordType::Route},
    QueryKindInfo{QueryKind::RouteLookup,      "route-lookup",      QT_TRANSLATE_NOOP("QueryKind", "Route lookup"),         ParamVrf | ParamDestination,                  ParamDestination, 40,     60,      true,     RecordType::Route},
    QueryKindInfo{QueryKind::LldpNeighbors,    "lldp-neighbors",    QT_TRANSLATE_NOOP("QueryKind", "LLDP neighbors"),       ParamInterface,                               ParamNone,        30,     600,     false,    RecordType::LldpNeighbor},
    QueryKindInfo{QueryKind::Optics,           "optics",            QT_TRANSLATE_NOOP("QueryKind", "Optics levels"),        ParamInterface,                               ParamNone,        30,     60,      false,    RecordType::Optics},
};
// clang-format on

// One row per kind, in enumerator order, each taking what it requires: a missing, extra or
// misplaced row fails the build instead of answering for the wrong kind.
constexpr bool wellFormed()
{
    for (size_t i = 0; i < kKinds.size(); ++i) {
        if (size_t(kKinds[i].kind) != i || (kKinds[i].required & ~kKinds[i].accepts) != 0)
            return false;
    }
    return true;
}
static_assert(kKinds.size() == size_t(QueryKindCount), "one row per QueryKind (and QueryKind::Last names the last one)");
static_assert(wellFormed(), "rows in QueryKind order, required parameters among the accepted ones");

constexpr const char *kParamNames[] = {"neighbor", "vrf", "addressFamily", "interface", "destination"};
static_assert(std::size(kParamNames) == std::size(kAllQueryParams));

} // namespace

const QueryKindInfo &queryKindInfo(QueryKind kind)
{
    return kKinds[static_cast<size_t>(kind)];
}

std::span<const QueryKindInfo> queryKindTable()
{
    return kKinds;
}

QString queryParamName(QueryParam param)
{
    for (size_t i = 0; i < std::size(kAllQueryParams); ++i) {
        if (kAllQueryParams[i] == param)
            return QString::fromLatin1(kParamNames[i]);
    }
    return {};
}

std::optional<QueryParam> queryParamFromName(QStringView name)
{
    for (size_t i = 0; i < std::size(kAllQueryParams); ++i) {
        if (name == QLatin1String(kParamNames[i]))
            return kAllQueryParams[i];
    }
    return std::nullopt;
}

QString queryKindName(QueryKind kind)
{
    return QString::fromLatin1(queryKindInfo(kind).name);
}

QString queryKindTitle(QueryKind kind)
{
    return QString::fromLatin1(queryKindInfo(kind).title);
}

QString queryKindDisplayTitle(QueryKind kind)
{
    return QCoreApplication::translate("QueryKind", queryKindInfo(kind).title);
}

std::optional<QueryKind> queryKindFromName(QStringView name)
{
    for (const QueryKindInfo &info : kKinds) {
        if (name == QLatin1String(info.name))
            return info.kind;
    }
    return std::nullopt;
}

QList<QueryKind> allQueryKinds()
{
    QList<QueryKind> kinds;
    for (const QueryKindInfo &info : kKinds)
        kinds.append(info.kind);
    return kinds;
}

} // namespace rl
