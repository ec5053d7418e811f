#pragma once

// The platform-independent questions RouterLens can ask a router, and the one table that
// describes each: its wire name, its title, the parameters it takes, its default priority and
// freshness, whether external customers may ask it, and the records its answer holds.
// Adding a kind: an enumerator here (move Last), a row in query_kind.cpp, a record type if it
// needs a new one, and the translators that support it (see "Adding a query kind" in README).

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>
#include <span>

namespace rl {

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
    Last = Optics, // always the last kind above: the table is checked against it at compile time
};

inline constexpr int QueryKindCount = int(QueryKind::Last) + 1;

// The request parameters a kind may take, one bit each (QueryKindInfo::accepts / required).
enum QueryParam : quint8 {
    ParamNone = 0,
    ParamNeighbor = 1 << 0,
    ParamVrf = 1 << 1,
    ParamAddressFamily = 1 << 2,
    ParamInterface = 1 << 3,
    ParamDestination = 1 << 4,
};
inline constexpr QueryParam kAllQueryParams[] = {ParamNeighbor, ParamVrf, ParamAddressFamily, ParamInterface,
                                                 ParamDestination};
// The parameter's wire name ("neighbor", "vrf", "addressFamily", "interface", "destination").
QString queryParamName(QueryParam param);
std::optional<QueryParam> queryParamFromName(QStringView name);

// Which list of records (engine/api/records.h) a kind's answer is.
enum class RecordType : quint8 { Facts, Interface, BgpNeighbor, Arp, Vlan, Route, LldpNeighbor, Optics };

struct QueryKindInfo {
    QueryKind kind;
    const char *name;      // stable wire name: "bgp-status"
    const char *title;     // for people, English; translated with QCoreApplication::translate("QueryKind", title)
    quint8 accepts;        // QueryParam bits the kind takes
    quint8 required;       // QueryParam bits it cannot do without
    int priorityWeight;    // default weight in a router's queue: diagnostic basics first, full tables last
    int freshnessSeconds;  // default time an answer stays fresh in the store
    bool externalDefault;  // external customers may ask it unless an administrator says otherwise
    RecordType records;    // what its answer holds

    bool takes(QueryParam p) const { return (accepts & p) != 0; }
    bool needs(QueryParam p) const { return (required & p) != 0; }
};

// The row of a kind, and every row in enumerator order.
const QueryKindInfo &queryKindInfo(QueryKind kind);
std::span<const QueryKindInfo> queryKindTable();

// Stable wire names: "facts", "link-status", "bgp-status", ...
QString queryKindName(QueryKind kind);
std::optional<QueryKind> queryKindFromName(QStringView name);
// A short English title: "BGP status", "ARP / neighbor table" (engine messages and the CLI).
QString queryKindTitle(QueryKind kind);
// The same title in the application's language (the window).
QString queryKindDisplayTitle(QueryKind kind);
QList<QueryKind> allQueryKinds();

} // namespace rl

Q_DECLARE_METATYPE(rl::QueryKind)
