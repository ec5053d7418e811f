#pragma once

#include "engine/api/request.h"
#include "engine/inventory/inventory.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace rl {

// The layered diagnosis of a private connection, from both ends, bottom up: management
// reachability -> optics -> link -> MTU -> VLAN -> ARP / IPv6 ND -> BGP per family -> routes
// per family. Each check gets a verdict, a finding, one sentence of advice and the records it
// read. The lowest FAULT is the likely cause (the layers above it are its consequences); with
// no fault, the most specific WARN. "Could not ask" is CANNOT-CHECK, never OK.
enum class Verdict : quint8 { Ok, Warn, Fault, CannotCheck };
QString verdictName(Verdict v); // "ok", "warn", "fault", "cannot-check"

enum class ConnectionEnd : quint8 { Provider, Customer, Both };
QString connectionEndName(ConnectionEnd e); // "provider", "customer", "both"

struct DiagnosisStep {
    QString layer;      // "management", "optics", "link", "mtu", "vlan", "arp", "nd",
                        // "bgp-ipv4", "bgp-ipv6", "routes-ipv4", "routes-ipv6",
                        // "route-lookup-ipv4", "route-lookup-ipv6"
    ConnectionEnd end = ConnectionEnd::Provider;
    QString router;     // the router the finding is about; both routers' names for Both
    Verdict verdict = Verdict::CannotCheck;
    QString finding;    // what was seen, for people
    QString advice;     // one sentence: what to do about it
    QString evidence;   // the values it rests on, short
    QList<RouterResult> records; // the answers it read, narrowed to the rows that matter
    bool likelyCause = false;
    // The finding reads a configured value (a tag, an AS, a shutdown) rather than inferring
    // from symptoms; of two faults on one layer, the direct one is named as the cause.
    bool direct = false;
};

// What one end's router answered. An empty router: that end is not in the inventory (or not
// visible to the caller), so it is not checked.
struct EndEvidence {
    QString router;
    RouterResult link;        // the whole interface table: the port and its units
    RouterResult linkAgain;   // read again a few seconds later: are errors rising?
    RouterResult unit;        // the connection's subinterface asked by name (Junos lists a
                              // logical unit, with its own MTU, only when asked for it)
    RouterResult vlan;
    RouterResult vlanAgain;
    RouterResult arp;         // ARP and IPv6 neighbors
    RouterResult bgp;
    RouterResult received;    // from the other end, IPv4 unicast
    RouterResult received6;
    RouterResult advertised;  // to the other end, IPv4 unicast
    RouterResult advertised6;
    RouterResult optics;
    // Where the provider router sends traffic for one customer prefix per family (asked after
    // the first round, once the routes show which prefix matters most); empty when not asked.
    RouterResult lookup;
    RouterResult lookup6;
    QString lookupPrefix; // the customer prefix the lookup is about ("203.0.113.64/26")
    QString lookupPrefix6;
};

struct ConnectionEvidence {
    EndEvidence provider;
    EndEvidence customer;
    double secondsBetweenReads = 0; // between link and linkAgain
};

enum class EvidenceSlot : quint8 {
    Link, LinkAgain, Unit, Vlan, VlanAgain, Arp, Bgp, Received, Received6, Advertised, Advertised6, Optics, Lookup, Lookup6,
};

// One request a diagnosis needs, and where its answer goes.
struct PlannedRequest {
    ConnectionEnd end = ConnectionEnd::Provider;
    EvidenceSlot slot = EvidenceSlot::Link;
    Request request;
    bool secondRead = false; // sent again after the first round, for counters that must rise
    QString about;           // a follow-up lookup: the customer prefix it is about
};

struct DiagnosisResult {
    Connection connection;
    QList<DiagnosisStep> steps;
    int likelyCause = -1; // index into steps, or -1

    // Fault when a fault was found; else CannotCheck when some check could not be made; else
    // Warn when a warning was found; else Ok.
    Verdict overall() const;
    const DiagnosisStep *cause() const { return likelyCause >= 0 ? &steps.at(likelyCause) : nullptr; }
};

class ConnectionDiagnosis
{
public:
    // The requests of one connection, both ends, all interactive. customerVisible: whether the
    // caller may ask the customer's router (an external client asks only what it may see).
    static QList<PlannedRequest> plan(const Connection &connection, const ClientIdentity &client, bool customerVisible);
    // Asked once the first round has answered: a route lookup, from the provider router, of one
    // customer prefix per family — the one the routes put in doubt (rejected, not received,
    // expected but not announced), else the first accepted one. Empty when no prefix is known.
    static QList<PlannedRequest> followUp(const Connection &connection, const ConnectionEvidence &evidence, const ClientIdentity &client);
    // Where an answer goes in the evidence.
    static RouterResult &slot(ConnectionEvidence &evidence, ConnectionEnd end, EvidenceSlot slot);
    // Pure: the verdict per layer and end from the answers.
    static DiagnosisResult evaluate(const Connection &connection, const ConnectionEvidence &evidence);
    // "wrong peer AS", "hold timer expired", ... from a session's last error / state detail;
    // empty when the text names no cause RouterLens knows.
    static QString bgpCause(const QString &lastError, const QString &stateDetail);
};

} // namespace rl

Q_DECLARE_METATYPE(rl::DiagnosisStep)
Q_DECLARE_METATYPE(rl::DiagnosisResult)
