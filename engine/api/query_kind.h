#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace rl {

// The platform-independent questions RouterLens can ask a router.
enum class QueryKind : quint8 {
    Facts,
    LinkStatus,
    BgpStatus,
    ArpTable,
    VlanErrors,
    ReceivedRoutes,
    AdvertisedRoutes,
    RouteLookup,
    LldpNeighbors,
    Optics,
};

inline constexpr int QueryKindCount = 10;

// Stable wire names: "facts", "link-status", "bgp-status", ...
QString queryKindName(QueryKind kind);
std::optional<QueryKind> queryKindFromName(QStringView name);
// A short title for people: "BGP status", "ARP table", ...
QString queryKindTitle(QueryKind kind);
QList<QueryKind> allQueryKinds();

} // namespace rl

Q_DECLARE_METATYPE(rl::QueryKind)
