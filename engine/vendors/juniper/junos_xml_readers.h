#pragma once

// Readers of the Junos XML schema, one per command. Junos prints every operational answer
// from one XML schema: `| display xml` and NETCONF give it as XML, `| display json` renders the
// same elements as JSON ({"name": [{"data": "x", "attributes": {...}}]}). Both renderings are
// turned into the small element tree below (junos_xml_parsers.cpp, junos_json_parsers.cpp),
// and these pure functions read the tree, so a field is read the same way whatever the form.

#include "engine/api/error.h"
#include "engine/api/query_kind.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>
#include <vector>

namespace rl::junos {

// One XML element: its name (as printed, "junos:" prefixes kept on attributes), its trimmed
// character data and its children in document order.
struct Node {
    QString name;
    QString text;
    QList<std::pair<QString, QString>> attributes;
    std::vector<Node> children;

    const Node *child(QStringView childName) const; // the first child so named, or nullptr
    bool has(QStringView childName) const { return child(childName) != nullptr; }
    QString value(QStringView childName) const;     // the child's text, empty when absent
    qint64 integer(QStringView childName) const;    // the child's text as a number, -1 otherwise
    QString attribute(QStringView attributeName) const;
    QString childAttribute(QStringView childName, QStringView attributeName) const;
    template<typename Fn>
    void forEach(QStringView childName, Fn &&fn) const
    {
        for (const Node &c : children)
            if (c.name == childName)
                fn(c);
    }
};

// The answer element (bgp-information, route-information, ...) inside the document: at the
// top, in an <rpc-reply>, or in the first routing engine's item of a multi-routing-engine
// answer that holds one. nullptr when there is none.
const Node *findAnswer(const Node &document, QStringView answerName);
// The first answer element of the document, whatever its name (for messages and recognition).
const Node *firstAnswer(const Node &document);

// ---- one reader per command --------------------------------------------------------------
// `what` names the query in error messages; `text` is the raw output, for formatError.

// show version (software-information), show chassis hardware (chassis-inventory),
// show system uptime (system-uptime-information): one partial facts record each.
Result<RecordSet> readFacts(const Node &document, const QByteArray &text);
// show interfaces [extensive|detail] (physical-interface rows); `logicalWanted` (ge-0/0/2.410)
// adds that unit as its own record. show interfaces terse: physical ports and their units.
Result<RecordSet> readInterfaces(const Node &document, const QByteArray &text, const QString &logicalWanted);
// VLAN-tagged logical units of show interfaces extensive, with the port's L2 drop counters.
Result<RecordSet> readVlans(const Node &document, const QByteArray &text);
// show bgp summary (terse peers) and show bgp neighbor (detail peers): one record per peer and RIB.
// `vrf` is the instance asked for ("... instance CUST-A"), for peers that have no RIB yet.
Result<RecordSet> readBgp(const Node &document, const QByteArray &text, const QString &vrf);
// show arp no-resolve [vpn V] (arp-table-information) and show ipv6 neighbors (ipv6-nd-information).
Result<RecordSet> readArp(const Node &document, const QByteArray &text, const QString &vrf);
// show route receive-protocol|advertising-protocol bgp N, show route <destination>.
Result<RecordSet> readRoutes(QueryKind kind, const Node &document, const QByteArray &text);
// show lldp neighbors (summary rows) and show lldp neighbors interface X (detail).
Result<RecordSet> readLldp(const Node &document, const QByteArray &text);
// show interfaces diagnostics optics: one record per port, or per lane of a multi-lane optic.
Result<RecordSet> readOptics(const Node &document, const QByteArray &text);

// The reader for a query kind. `command` picks the VRF of an ARP table ("... vpn CUST-A").
Result<RecordSet> read(QueryKind kind, const QString &command, const Node &document, const QByteArray &text,
                       const QString &logicalWanted = {});

// The command that printed the document, from its answer element ("show bgp neighbor" for
// detail peers); `suffix` is " | display xml" or " | display json". Empty when nothing fits.
QString commandFor(QueryKind kind, const Node &document, const QString &suffix);

// Field conversions shared by the readers.
LinkState linkState(QStringView s);            // "up", "down"
qint64 speedBps(QStringView s);                // "1000mbps", "10Gbps", "100G"; -1 for "Auto"/"Unlimited"
std::pair<QString, QString> ribContext(QStringView rib); // "CUST.inet6.0" -> {CUST, ipv6-unicast}
std::pair<QString, RouteOrigin> splitOrigin(QStringView path); // "65001 65002 I" -> {"65001 65002", igp}

} // namespace rl::junos
