#pragma once

#include "engine/api/request.h"
#include "engine/inventory/inventory.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace rl {

// The layered diagnosis of a private connection, bottom up: link -> VLAN -> ARP -> BGP ->
// routes. Each layer gets a verdict and a sentence; the lowest failing layer is the likely
// cause, and the layers above it are reported as consequences, not as separate problems.
enum class Verdict : quint8 { Ok, Warning, Fault, Unknown };
QString verdictName(Verdict v);

struct DiagnosisStep {
    QString layer;      // "link", "vlan", "arp", "bgp", "routes"
    Verdict verdict = Verdict::Unknown;
    QString finding;    // a sentence for people
    QString evidence;   // the values it is based on
    bool likelyCause = false;
};

// The answers a diagnosis is made from: one router's part per query (the provider router).
struct ConnectionEvidence {
    RouterResult link;       // link-status
    RouterResult vlan;       // vlan-errors
    RouterResult arp;        // arp-table
    RouterResult bgp;        // bgp-status (neighbor = the customer's address)
    RouterResult received;   // received-routes from the customer
    RouterResult advertised; // advertised-routes to the customer
};

class ConnectionDiagnosis
{
public:
    // The requests whose answers a diagnosis needs, in the order of ConnectionEvidence.
    static QList<Request> requestsFor(const Connection &connection, const ClientIdentity &client);
    // Pure: the verdict per layer from the answers.
    static QList<DiagnosisStep> evaluate(const Connection &connection, const ConnectionEvidence &evidence);
};

} // namespace rl

Q_DECLARE_METATYPE(rl::DiagnosisStep)
