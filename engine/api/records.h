#pragma once

// The normalized record types: one per query kind, whatever the platform.
// Every record type describes its columns (key, title, type, whether it identifies a row),
// and reads and writes its fields by column index, so that tables, CSV, JSON and the
// side-by-side comparison all work from one description.
//
// Unknown values: integers are -1, reals NaN, strings empty; value() returns an invalid
// QVariant for them, shown as an empty cell and written as JSON null.
//
// Units: one per field, whatever the platform prints; every translator converts into it.
//   durations (uptimeSeconds, lastChangeSeconds, ageSeconds)  whole seconds, rounded down
//                                       ("00:05:12", "1d02h", IOS ARP minutes, Junos
//                                       "1w2d 03:04", "-" for a static entry = unknown,
//                                       sub-second ages = 0)
//   speedBps                            bit/s (IOS/NX-OS "BW 1000000 Kbit" = 1e9, "10Gbps"); shown
//                                       as "10 Gb/s" (ColumnType::BitRate), written as the number
//   mtu                                 bytes of L3 payload as the platform reports the
//                                       interface MTU (no conversion between L2/L3 views)
//   packet, error and drop counters     integers, as counted since the last clear
//   localAs, remoteAs                   asplain integer (asdot "65000.100" = 4259840100)
//   prefixes*                           integer counts
//   localPref, med                      integers
//   rx/tx power and thresholds          dBm (mW converted: 10*log10(mW)); temperature °C;
//                                       laser bias mA
//   vlanId, innerVlanId                 802.1Q tag 1-4094
//   mac                                 lowercase, colon separated (HSRP/VRRP virtual MACs as is)

#include "engine/api/ip_address.h"
#include "engine/api/query_kind.h"

#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>
#include <QVariant>

#include <cmath>
#include <span>
#include <variant>

namespace rl {

enum class ColumnType : quint8 {
    Text,     // free text
    Integer,  // a count or number (AS, MTU, VLAN)
    Counter,  // an error/packet counter: differences matter
    Real,     // dBm, degrees
    Bool,
    State,    // an enumerated state with a stable lowercase name
    Address,  // IP address, sorts numerically
    Prefix,   // IP prefix, sorts numerically
    Duration, // seconds
    BitRate,  // bit/s, shown as "10 Gb/s"
};

struct ColumnInfo {
    const char *key;   // stable JSON / CSV name, camelCase
    const char *title; // header for people
    ColumnType type;
    bool isKey;        // identifies a row when aligning two answers side by side
};

// ---- enumerated states -----------------------------------------------------------------

enum class LinkState : quint8 { Unknown, Up, Down, AdminDown, Testing, Dormant, LowerLayerDown, NotPresent };
QString linkStateName(LinkState s);
LinkState linkStateFromName(QStringView name);

enum class BgpState : quint8 { Unknown, Idle, Connect, Active, OpenSent, OpenConfirm, Established };
QString bgpStateName(BgpState s);
BgpState bgpStateFromName(QStringView name); // accepts vendor spellings, case-insensitive

enum class NeighborState : quint8 { Unknown, Complete, Incomplete, Reachable, Stale, Delay, Probe, Failed, Permanent, NoArp };
QString neighborStateName(NeighborState s);
NeighborState neighborStateFromName(QStringView name);

enum class RouteOrigin : quint8 { Unknown, Igp, Egp, Incomplete };
QString routeOriginName(RouteOrigin o);
RouteOrigin routeOriginFromName(QStringView name); // "i", "e", "?", "IGP", "incomplete", ...

enum class TagCheck : quint8 { Unknown, Match, Mismatch, Untagged };
QString tagCheckName(TagCheck t);
TagCheck tagCheckFromName(QStringView name);

// ---- records ---------------------------------------------------------------------------

struct FactsRecord {
    QString hostname;
    QString vendor;
    QString platform;
    QString osVersion;
    QString model;
    QString serial;
    qint64 uptimeSeconds = -1;

    // The columns, in the order of columns(), value() and setValue(); add new ones at the end,
    // before Count (stored answers are read by position and checked by name).
    enum class Column : int { Hostname, Vendor, Platform, OsVersion, Model, Serial, UptimeSeconds, Count };

    static std::span<const ColumnInfo> columns();
    QVariant value(int column) const;
    void setValue(int column, const QVariant &v);
    friend bool operator==(const FactsRecord &, const FactsRecord &) = default;
};

struct InterfaceRecord {
    QString name;
    LinkState adminState = LinkState::Unknown;
    LinkState operState = LinkState::Unknown;
    qint64 speedBps = -1;      // bit/s
    qint64 mtu = -1;
    QString mac;
    QString description;
    qint64 lastChangeSeconds = -1; // seconds since the last state change
    qint64 inPackets = -1;
    qint64 outPackets = -1;
    qint64 inErrors = -1;
    qint64 outErrors = -1;
    qint64 crcErrors = -1;
    qint64 inDiscards = -1;
    qint64 outDiscards = -1;

    // The columns, in the order of columns(), value() and setValue(); add new ones at the end,
    // before Count (stored answers are read by position and checked by name).
    enum class Column : int { Name, AdminState, OperState, SpeedBps, Mtu, Mac, Description, LastChangeSeconds, InPackets, OutPackets, InErrors, OutErrors, CrcErrors, InDiscards, OutDiscards, Count };

    static std::span<const ColumnInfo> columns();
    QVariant value(int column) const;
    void setValue(int column, const QVariant &v);
    friend bool operator==(const InterfaceRecord &, const InterfaceRecord &) = default;
};

// One record per neighbor, VRF and address family.
struct BgpNeighborRecord {
    QString vrf;            // "default" for the global table
    QString neighbor;       // address, or interface name for unnumbered peers
    QString addressFamily;  // "ipv4-unicast", "ipv6-unicast", ...
    qint64 localAs = -1;
    qint64 remoteAs = -1;
    QString remoteRouterId;
    BgpState state = BgpState::Unknown;
    QString stateDetail;    // the platform's own words: "Idle (Admin)", "Idle (PfxCt)", ...
    bool adminEnabled = true;
    qint64 uptimeSeconds = -1; // established for / time since last state change
    qint64 prefixesReceived = -1;
    qint64 prefixesAccepted = -1;
    qint64 prefixesSent = -1;
    QString description;
    QString lastError;
    // This end's own address on the session (the TCP source), where the platform prints it
    // (FRR hostLocal, BIRD "Source address", GoBGP transport local_address); empty when not.
    // It tells which compared router the other end of a session is (session_compare.h).
    QString localAddress;

    // The columns, in the order of columns(), value() and setValue(); add new ones at the end,
    // before Count (stored answers are read by position and checked by name).
    enum class Column : int { Vrf, Neighbor, AddressFamily, LocalAs, RemoteAs, RemoteRouterId, State, StateDetail, AdminEnabled, UptimeSeconds, PrefixesReceived, PrefixesAccepted, PrefixesSent, Description, LastError, LocalAddress, Count };

    static std::span<const ColumnInfo> columns();
    QVariant value(int column) const;
    void setValue(int column, const QVariant &v);
    friend bool operator==(const BgpNeighborRecord &, const BgpNeighborRecord &) = default;
};

// ARP (IPv4) and neighbor discovery (IPv6) entries alike.
struct ArpRecord {
    QString vrf;
    QString ip;
    QString mac;            // normalized: lowercase, colon separated; empty when unresolved
    QString interfaceName;
    qint64 ageSeconds = -1;
    NeighborState state = NeighborState::Unknown;

    // The columns, in the order of columns(), value() and setValue(); add new ones at the end,
    // before Count (stored answers are read by position and checked by name).
    enum class Column : int { Vrf, Ip, Mac, Interface, AgeSeconds, State, Count };

    static std::span<const ColumnInfo> columns();
    QVariant value(int column) const;
    void setValue(int column, const QVariant &v);
    friend bool operator==(const ArpRecord &, const ArpRecord &) = default;
};

// One tagged subinterface or VLAN.
struct VlanRecord {
    QString interfaceName;
    QString parentInterface;
    qint64 vlanId = -1;
    qint64 innerVlanId = -1;        // QinQ inner tag
    QString encapsulation;          // "dot1q", "qinq", "untagged", ...
    LinkState operState = LinkState::Unknown;
    qint64 inPackets = -1;
    qint64 outPackets = -1;
    qint64 unknownTagDrops = -1;    // frames with a tag no subinterface accepts
    qint64 mismatchedTagDrops = -1; // frames with a tag other than the configured one
    qint64 otherDrops = -1;
    qint64 expectedVlan = -1;       // from the inventory's connection, when known
    TagCheck tagCheck = TagCheck::Unknown;

    // The columns, in the order of columns(), value() and setValue(); add new ones at the end,
    // before Count (stored answers are read by position and checked by name).
    enum class Column : int { Interface, ParentInterface, VlanId, InnerVlanId, Encapsulation, OperState, InPackets, OutPackets, UnknownTagDrops, MismatchedTagDrops, OtherDrops, ExpectedVlan, TagCheck, Count };

    static std::span<const ColumnInfo> columns();
    QVariant value(int column) const;
    void setValue(int column, const QVariant &v);
    friend bool operator==(const VlanRecord &, const VlanRecord &) = default;
};

// A route: received from / advertised to a neighbor, or the answer of a route lookup.
// Kept compact (no heap for addresses; AS paths and communities are implicitly shared
// strings, so parsers can intern them): full tables have millions of rows.
struct RouteRecord {
    IpPrefix prefix;
    IpAddress nextHop;
    QString asPath;       // "65001 65002 {65010,65011}"
    QString communities;  // space separated, "65001:100 no-export"
    QString protocol;     // route-lookup: "bgp", "connected", "static", ...
    QString interfaceName;
    qint64 localPref = -1;
    qint64 med = -1;
    RouteOrigin origin = RouteOrigin::Unknown;
    bool best = false;
    bool valid = true;

    // The columns, in the order of columns(), value() and setValue(); add new ones at the end,
    // before Count (stored answers are read by position and checked by name).
    enum class Column : int { Prefix, NextHop, AsPath, Origin, LocalPref, Med, Communities, Best, Valid, Protocol, Interface, Count };

    static std::span<const ColumnInfo> columns();
    QVariant value(int column) const;
    void setValue(int column, const QVariant &v);
    friend bool operator==(const RouteRecord &, const RouteRecord &) = default;
};

struct LldpNeighborRecord {
    QString localInterface;
    QString remoteSystemName;
    QString remoteChassisId;
    QString remotePortId;
    QString remotePortDescription;
    QString remoteMgmtAddress;
    QString capabilities;

    // The columns, in the order of columns(), value() and setValue(); add new ones at the end,
    // before Count (stored answers are read by position and checked by name).
    enum class Column : int { LocalInterface, RemoteSystemName, RemoteChassisId, RemotePortId, RemotePortDescription, RemoteMgmtAddress, Capabilities, Count };

    static std::span<const ColumnInfo> columns();
    QVariant value(int column) const;
    void setValue(int column, const QVariant &v);
    friend bool operator==(const LldpNeighborRecord &, const LldpNeighborRecord &) = default;
};

struct OpticsRecord {
    QString interfaceName;
    qint64 lane = -1;
    double rxPowerDbm = NAN;
    double txPowerDbm = NAN;
    double temperatureC = NAN;
    double biasMa = NAN;
    double rxLowWarnDbm = NAN;
    double rxHighWarnDbm = NAN;
    double txLowWarnDbm = NAN;
    double txHighWarnDbm = NAN;

    // The columns, in the order of columns(), value() and setValue(); add new ones at the end,
    // before Count (stored answers are read by position and checked by name).
    enum class Column : int { Interface, Lane, RxPowerDbm, TxPowerDbm, TemperatureC, BiasMa, RxLowWarnDbm, RxHighWarnDbm, TxLowWarnDbm, TxHighWarnDbm, Count };

    static std::span<const ColumnInfo> columns();
    QVariant value(int column) const;
    void setValue(int column, const QVariant &v);
    bool operator==(const OpticsRecord &o) const;
};

// ---- a typed list of records -----------------------------------------------------------

// The records of one answer. Implicitly shared lists: cheap to copy across threads.
class RecordSet
{
public:
    using Lists = std::variant<QList<FactsRecord>, QList<InterfaceRecord>, QList<BgpNeighborRecord>,
                               QList<ArpRecord>, QList<VlanRecord>, QList<RouteRecord>,
                               QList<LldpNeighborRecord>, QList<OpticsRecord>>;

    RecordSet() : RecordSet(QueryKind::Facts) {}
    explicit RecordSet(QueryKind kind);
    template<typename R>
    RecordSet(QueryKind kind, QList<R> rows) : m_kind(kind), m_rows(std::move(rows)) {}

    QueryKind kind() const { return m_kind; }
    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }

    std::span<const ColumnInfo> columns() const;
    static std::span<const ColumnInfo> columnsFor(QueryKind kind);
    int columnIndex(QStringView key) const;
    QVariant value(qsizetype row, int column) const;
    // The key columns of a row joined, for aligning answers side by side.
    QString rowKey(qsizetype row) const;

    template<typename R>
    const QList<R> &rows() const { return std::get<QList<R>>(m_rows); }
    template<typename R>
    QList<R> &rows() { return std::get<QList<R>>(m_rows); }
    const Lists &lists() const { return m_rows; }

    QJsonArray toJson() const;
    static RecordSet fromJson(QueryKind kind, const QJsonArray &array);

    friend bool operator==(const RecordSet &, const RecordSet &) = default;

private:
    QueryKind m_kind;
    Lists m_rows;
};

// Converts a cell value to the text a table or CSV shows.
QString cellText(const QVariant &value, ColumnType type);

} // namespace rl

Q_DECLARE_METATYPE(rl::RecordSet)
