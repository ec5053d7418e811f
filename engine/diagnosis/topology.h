#pragma once

#include "engine/api/request.h"
#include "engine/inventory/inventory.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace rl {

// A map of routers and what joins them, built from the routers' own answers (LLDP neighbors,
// BGP neighbor tables, interface tables, ARP / IPv6 ND tables) and the inventory's
// connections. Pure: values in, values out.
//
// Truth: an edge is Up or Down only when a router said so. An answer that could not be read,
// a router that was not asked, a row a filtered table does not show: Unknown, never Down.
// The far end of a BGP session is named only on evidence (the connection's addresses, an
// ARP / ND entry whose MAC is that router's, an LLDP management address, the inventory's host
// address, a router id seen before, the AS numbers of two routers that each have exactly one
// unmatched session towards the other's AS on one subnet); without evidence the peer is an
// external node, and the edge says how its ends were matched.

enum class TopologyState : quint8 { Unknown, Up, Down };
QString topologyStateName(TopologyState s); // "unknown", "up", "down"

enum class TopologyNodeKind : quint8 {
    Asked,     // an inventory router asked for this map
    Inventory, // in the inventory and seen from the asked routers, not asked itself
    External,  // not in the inventory: a BGP peer or LLDP neighbor of an asked router
};
QString topologyNodeKindName(TopologyNodeKind k); // "asked", "inventory", "external"

// Where a router sits around a private connection (the inventory's connections and role tags).
enum class TopologySide : quint8 { Unknown, Provider, Customer };

struct TopologyNode {
    QString id;            // the inventory name; external nodes: "external:..."
    QString label;         // inventory name; external: LLDP system name, or "AS 65101"
    TopologyNodeKind kind = TopologyNodeKind::External;
    TopologySide side = TopologySide::Unknown;
    QString platform;      // inventory routers
    QString customer;      // the customer whose router this is, when known
    qint64 as = -1;        // its AS: its own BGP table, or what its peers call it
    QStringList addresses; // addresses known to be its own (sorted)
    QString detail;        // for people: how the node is known ("BGP peer of pe1-par", ...)
    QString problem;       // an asked router none of whose answers could be read: why
    friend bool operator==(const TopologyNode &, const TopologyNode &) = default;
};

enum class TopologyEdgeKind : quint8 { Link, Session };

struct TopologyEnd {
    QString node;
    QString interfaceName; // link: the port or subinterface; session: where the peer is reached (ARP/ND), when known
    QString address;       // session: this end's address (what the other end names as its neighbor), when known
    QString vrf;           // session
    qint64 as = -1;        // session: this end's AS
    TopologyState state = TopologyState::Unknown;
    QString stateText;     // what this end's router says: "up", "Established", "Idle (Admin)", "not asked", ...
    QList<RouterResult> evidence; // this end's rows (answers narrowed to them); an error answer as is
};

struct TopologyEdge {
    QString id;            // stable across rebuilds of the same answers
    TopologyEdgeKind kind = TopologyEdgeKind::Link;
    TopologyEnd a;         // links of a connection and sessions: the provider end first
    TopologyEnd b;
    TopologyState state = TopologyState::Unknown; // Down when an end reads down; else Up when one reads up
    QString addressFamily; // sessions: "ipv4-unicast", "ipv6-unicast", ...
    QString connectionId;  // the inventory connection it belongs to, or empty
    QStringList sources;   // links: "lldp", "connection"
    // Sessions: how end b was identified: "connection", "arp", "lldp", "inventory-host",
    // "router-id", "connection-as", "as-numbers", "paired" (it named a's router as its peer);
    // empty: b is an external peer nobody identified.
    QString matchedBy;
};

struct TopologyGraph {
    QList<TopologyNode> nodes; // asked routers first, then by id
    QList<TopologyEdge> edges;
    const TopologyNode *node(const QString &id) const;
    const TopologyEdge *edge(const QString &id) const;
    int count(TopologyEdgeKind kind) const;
};

// What one asked router answered; a part with an empty router name: no answer yet.
struct TopologyAnswers {
    RouterResult lldp;
    RouterResult bgp;
    RouterResult links;
    RouterResult arp;
};

struct TopologyInput {
    QStringList routers;                     // the routers asked
    QHash<QString, TopologyAnswers> answers; // by router
    QList<Router> inventory;                 // the routers the caller may see
    QList<Connection> connections;           // the connections the caller may see
    QString customer;                        // set: the map of this customer's connections only
};

class TopologyBuilder
{
public:
    static TopologyGraph build(const TopologyInput &input);
    // The routers a customer's map asks: both ends of each of its connections that are in the
    // inventory (the provider edges included), sorted.
    static QStringList customerRouters(const QString &customer, const QList<Connection> &connections,
                                       const QList<Router> &inventory);
    // The queries a map needs.
    static QList<QueryKind> queries();
};

} // namespace rl

Q_DECLARE_METATYPE(rl::TopologyGraph)
