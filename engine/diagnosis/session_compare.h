#pragma once

// Session-aware comparison: the relationships between the answers of two or more routers.
//  - BGP: the two ends of one session on one row (A's neighbor address is B's own address,
//    and B's is A's), with per-end state, uptime, prefixes and AS numbers;
//  - links: the two ends of one link, by LLDP or by the inventory's connections;
//  - routes: what one end advertises to the other against what the other received from it.
// Pure functions on value types: the CLI's `compare`, the window's side by side and the tests
// all read the same answers the same way. Nothing here asks a router; SessionComparer
// (engine/service) gathers the answers.
//
// Truth: an end that could not be read is "cannot tell", never "missing"; a session whose
// other end is not among the compared routers is "peer not in this comparison"; a pairing
// inferred rather than read says so in its basis.

#include "engine/api/request.h"
#include "engine/inventory/inventory.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace rl {

// What one compared router answered. An answer that was not asked has an empty router name;
// one that failed carries its error.
struct RouterAnswers {
    QString router;
    QStringList aliases;            // other names it goes by (inventory host, hostname): LLDP names it so
    RouterResult bgp;               // bgp-status
    RouterResult links;             // link-status, every interface
    QList<RouterResult> extraLinks; // link-status asked for one interface (a Junos unit is listed only then)
    RouterResult lldp;              // lldp-neighbors
};

enum class PairStatus : quint8 {
    Paired,      // both ends are among the compared routers
    PeerOutside, // the other end is none of the compared routers
    NotFound,    // a compared router may be the other end (its AS), but nothing read says which session
    CannotTell,  // the router that may be the other end could not be read
    Ambiguous,   // more than one compared session could be the other end
};
QString pairStatusName(PairStatus s); // "paired", "peer-outside", "not-found", "cannot-tell", "ambiguous"
QString pairStatusText(PairStatus s); // for people: "paired", "peer not in this comparison", ...

// ---- BGP sessions ------------------------------------------------------------------------------

// One end of a session: this router's records of it, one per address family it carries.
struct SessionEnd {
    QString router;
    QList<BgpNeighborRecord> records;

    bool isNull() const { return records.isEmpty(); }
    const BgpNeighborRecord &head() const { return records.first(); }
    QStringList families() const;
    // Prefix counts per family: "2" for one family, "ipv4 2, ipv6 1" for several; empty when unknown.
    QString prefixes(qint64 BgpNeighborRecord::*field) const;
};

struct SessionRow {
    PairStatus status = PairStatus::PeerOutside;
    QString basis;        // how the two ends were paired, or why no other end was found
    SessionEnd a;         // always set
    SessionEnd b;         // the other end, when paired
    QString aAddress;     // a's own address on the session, when known
    QString bAddress;     // the other end's address (a's neighbor)
    QString otherRouter;  // NotFound / CannotTell: the compared router that may be the other end
    Error otherError;     // CannotTell: why that router could not be read
    QStringList mismatches; // what the two ends disagree on, for people
    bool asMismatch = false;

    QString transport() const; // "ipv4" / "ipv6": the family of the session's addresses
};

struct SessionComparison {
    QStringList routers;    // compared, in order
    QList<SessionRow> rows;
    QStringList unreadable; // "lab-bird: timeout: ..." for each router whose BGP answer failed
};

// ---- links -------------------------------------------------------------------------------------

struct LinkEnd {
    QString router;
    QString interfaceName;
    std::optional<InterfaceRecord> record; // from the router's link answer
    Error error;                           // the link answer could not be read
};

struct LinkRow {
    PairStatus status = PairStatus::PeerOutside;
    QString basis;         // "LLDP seen by lab-bird", "LLDP from both ends", "connection umbrella-ams-410"
    LinkEnd a;
    LinkEnd b;             // the other end, when paired
    QString remoteSystem;  // PeerOutside: whom LLDP names on the far side, and its port
    QString remotePort;
    QStringList mismatches;
};

struct LinkComparison {
    QStringList routers;
    QList<LinkRow> rows;
    QStringList notes;     // answers that could not be read, LLDP not available, ...
};

// ---- routes ------------------------------------------------------------------------------------

// One direction of one paired session in one family: what `from` advertises to `to`, against
// what `to` received from `from`.
struct RouteExchange {
    QString from;
    QString to;
    QString fromAddress;         // from's address on the session (to's neighbor)
    QString toAddress;           // to's address (from's neighbor)
    QString family;              // "ipv4" / "ipv6"
    qint64 toAs = -1;            // the receiving end's own AS (a path holding it is dropped as a loop)
    QString down;                // why nothing flows: "idle on lab-frr"; empty when both ends are established
    QueryParams advertisedQuery; // advertised-routes on `from`
    QueryParams receivedQuery;   // received-routes on `to`
    RouterResult advertised;
    RouterResult received;
};

enum class RouteMatch : quint8 {
    Both,            // sent and received
    SentNotReceived, // advertised by one end, not in what the other received
    ReceivedNotSent, // received by one end, not in what the other says it advertised
    Rejected,        // received but not accepted (valid = false: Junos hidden, BIRD filtered)
    CannotTell,      // the other side's answer could not be read
};
QString routeMatchName(RouteMatch m); // "both", "sent-not-received", "received-not-sent", "rejected", "cannot-tell"
QString routeMatchText(RouteMatch m); // for people

struct RouteRow {
    int exchange = -1;  // index into RouteComparison::exchanges
    IpPrefix prefix;
    RouteMatch match = RouteMatch::Both;
    std::optional<RouteRecord> sent;     // as the sending end advertises it
    std::optional<RouteRecord> received; // as the receiving end received it
    QString note;
};

struct RouteComparison {
    QList<RouteExchange> exchanges;
    QList<RouteRow> rows;
    QStringList notes;
};

// ---- a comparison as a flat table ---------------------------------------------------------------

// The one flat form the CLI's table and CSV and the window's model read: one row per session,
// link or prefix; the JSON form is the structured one (toJson).
struct PairTable {
    struct Column {
        const char *key;   // stable CSV name
        const char *title; // for people; translated in the "rl::SessionCompare" context
        ColumnType type;
        int side;          // 0: end A, 1: end B, -1: the row as a whole
        bool detail = false; // also in a summary column (the session, link or direction): terminals leave it out
    };
    struct Row {
        QVariantList cells;   // by column; invalid: unknown
        QString status;       // pairStatusName / routeMatchName
        QString statusText;   // the same for people
        QString filterClass;  // routes: routeMatchName; sessions and links: "mismatch" or ""
        QList<int> flagged;   // columns whose values the two ends disagree on
        QStringList cannotTell; // per side (0, 1): why that end cannot tell, or empty
    };
    QList<Column> columns;
    QList<Row> rows;
    QStringList notes;
};

class SessionCompare
{
public:
    // The two ends of each BGP session among the routers' answers. A's neighbor address is B's
    // own address when B's records name it as their local address, or a connection of the
    // inventory gives it to B (connections: those the caller may see). Sessions in two
    // differently named VRFs never pair, unless one is the global table (a provider's customer
    // VRF and the customer's global table) or a connection names both ends.
    static SessionComparison bgpSessions(const QList<RouterAnswers> &routers, const QList<Connection> &connections);

    // The two ends of each link: by LLDP (A's neighbor names B and B's port) and by the
    // connections (provider router + interface <-> customer router + interface).
    static LinkComparison links(const QList<RouterAnswers> &routers, const QList<Connection> &connections);

    // What to ask for the routes of the paired sessions: per session, family and direction.
    static QList<RouteExchange> planRoutes(const SessionComparison &sessions);
    // Each prefix of each exchange classified; exchanges carry their answers.
    static RouteComparison routes(const QList<RouteExchange> &exchanges);

    static PairTable table(const SessionComparison &c);
    static PairTable table(const LinkComparison &c);
    static PairTable table(const RouteComparison &c);

    static QJsonObject toJson(const SessionComparison &c);
    static QJsonObject toJson(const LinkComparison &c);
    static QJsonObject toJson(const RouteComparison &c);

    // Whether two VRF names can hold the two ends of one session (see bgpSessions).
    static bool vrfsCompatible(const QString &a, const QString &b);
};

} // namespace rl

Q_DECLARE_METATYPE(rl::SessionComparison)
Q_DECLARE_METATYPE(rl::LinkComparison)
Q_DECLARE_METATYPE(rl::RouteComparison)
