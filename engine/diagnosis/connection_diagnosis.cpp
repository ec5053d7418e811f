#include "engine/diagnosis/connection_diagnosis.h"

namespace rl {

QString verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Ok: return QStringLiteral("ok");
    case Verdict::Warning: return QStringLiteral("warning");
    case Verdict::Fault: return QStringLiteral("fault");
    case Verdict::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

QList<Request> ConnectionDiagnosis::requestsFor(const Connection &c, const ClientIdentity &client)
{
    auto make = [&](QueryKind kind) {
        Request r;
        r.client = client;
        r.routers = {c.providerRouter};
        r.kind = kind;
        r.urgency = Urgency::Interactive;
        return r;
    };
    QList<Request> out;
    Request link = make(QueryKind::LinkStatus);
    out.append(link);
    out.append(make(QueryKind::VlanErrors));
    out.append(make(QueryKind::ArpTable));
    Request bgp = make(QueryKind::BgpStatus);
    bgp.params.neighbor = c.customerAddress;
    out.append(bgp);
    Request received = make(QueryKind::ReceivedRoutes);
    received.params.neighbor = c.customerAddress;
    out.append(received);
    Request advertised = make(QueryKind::AdvertisedRoutes);
    advertised.params.neighbor = c.customerAddress;
    out.append(advertised);
    return out;
}

namespace {

// "eth1.100" -> "eth1"; "GigabitEthernet0/0/0.100" -> "GigabitEthernet0/0/0".
QString parentOf(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return dot > 0 ? name.left(dot) : name;
}

DiagnosisStep unanswered(const QString &layer, const RouterResult &r)
{
    DiagnosisStep s;
    s.layer = layer;
    s.verdict = Verdict::Unknown;
    s.finding = r.error.isError() ? QStringLiteral("Could not check: %1").arg(r.error.message)
                                  : QStringLiteral("Could not check: no answer.");
    s.evidence = r.error.codeName();
    return s;
}

bool answered(const RouterResult &r)
{
    return !r.router.isEmpty() && r.ok();
}

DiagnosisStep linkStep(const Connection &c, const RouterResult &r)
{
    if (!answered(r))
        return unanswered(QStringLiteral("link"), r);
    DiagnosisStep s;
    s.layer = QStringLiteral("link");
    const InterfaceRecord *sub = nullptr;
    const InterfaceRecord *parent = nullptr;
    for (const InterfaceRecord &i : r.records.rows<InterfaceRecord>()) {
        if (i.name == c.providerInterface)
            sub = &i;
        else if (i.name == parentOf(c.providerInterface))
            parent = &i;
    }
    const InterfaceRecord *i = sub ? sub : parent;
    if (!i) {
        s.verdict = Verdict::Fault;
        s.finding = QStringLiteral("Interface %1 does not exist on %2: check the inventory's connection or the router's configuration.")
                        .arg(c.providerInterface, c.providerRouter);
        return s;
    }
    s.evidence = QStringLiteral("%1 admin %2, oper %3").arg(i->name, linkStateName(i->adminState), linkStateName(i->operState));
    for (const InterfaceRecord *x : {parent, sub}) {
        if (x && (x->adminState == LinkState::Down || x->adminState == LinkState::AdminDown)) {
            s.verdict = Verdict::Fault;
            s.finding = QStringLiteral("%1 is administratively down on %2: it was shut down on the provider side.").arg(x->name, c.providerRouter);
            return s;
        }
    }
    for (const InterfaceRecord *x : {parent, sub}) {
        if (x && x->operState != LinkState::Up && x->operState != LinkState::Unknown) {
            s.verdict = Verdict::Fault;
            s.finding = QStringLiteral("%1 is enabled but down (%2): no signal from the customer side — check the cable, the optics or the customer's port.")
                            .arg(x->name, linkStateName(x->operState));
            return s;
        }
    }
    const qint64 errors = std::max<qint64>(0, i->crcErrors) + std::max<qint64>(0, i->inErrors);
    if (errors > 0) {
        s.verdict = Verdict::Warning;
        s.finding = QStringLiteral("%1 is up but has counted %2 input/CRC errors: a dirty fibre or a bad cable drops frames.").arg(i->name).arg(errors);
        return s;
    }
    s.verdict = Verdict::Ok;
    s.finding = QStringLiteral("%1 is up.").arg(i->name);
    return s;
}

// customerSilent: ARP for the customer's address is unresolved. Frames with a foreign tag
// arriving while the customer stays silent on the expected VLAN mean it tags another VLAN.
DiagnosisStep vlanStep(const Connection &c, const RouterResult &r, bool customerSilent)
{
    DiagnosisStep s;
    s.layer = QStringLiteral("vlan");
    if (c.vlan <= 0) {
        s.verdict = Verdict::Ok;
        s.finding = QStringLiteral("The connection is untagged; nothing to check.");
        return s;
    }
    if (!answered(r))
        return unanswered(s.layer, r);
    for (const VlanRecord &v : r.records.rows<VlanRecord>()) {
        if (v.interfaceName != c.providerInterface)
            continue;
        s.evidence = QStringLiteral("%1 tag %2, expected %3").arg(v.interfaceName).arg(v.vlanId).arg(c.vlan);
        if (v.vlanId >= 0 && v.vlanId != c.vlan) {
            s.verdict = Verdict::Fault;
            s.finding = QStringLiteral("%1 is tagged %2 but the connection uses VLAN %3: fix the subinterface's encapsulation.")
                            .arg(v.interfaceName).arg(v.vlanId).arg(c.vlan);
            return s;
        }
        const qint64 drops = std::max<qint64>(0, v.unknownTagDrops) + std::max<qint64>(0, v.mismatchedTagDrops);
        if (drops > 0)
            s.evidence += QStringLiteral(", %1 frames with an unaccepted tag on %2").arg(drops).arg(v.parentInterface);
        if (drops > 0 && customerSilent) {
            s.verdict = Verdict::Fault;
            s.finding = QStringLiteral("%1 frames arrived on %2 with a VLAN tag no subinterface accepts, while nothing answers on VLAN %3: "
                                       "the customer is most likely sending another VLAN than %3 — check the tag on its subinterface.")
                            .arg(drops).arg(v.parentInterface.isEmpty() ? v.interfaceName : v.parentInterface).arg(c.vlan);
            return s;
        }
        if (drops > 0) {
            s.verdict = Verdict::Warning;
            s.finding = QStringLiteral("%1 frames arrived with a tag nobody accepts: the customer may be sending another VLAN than %2.")
                            .arg(drops).arg(c.vlan);
            return s;
        }
        s.verdict = Verdict::Ok;
        s.finding = QStringLiteral("%1 is tagged %2 as expected.").arg(v.interfaceName).arg(c.vlan);
        return s;
    }
    s.verdict = Verdict::Fault;
    s.finding = QStringLiteral("No subinterface for VLAN %1 on %2.").arg(c.vlan).arg(c.providerRouter);
    return s;
}

DiagnosisStep arpStep(const Connection &c, const RouterResult &r)
{
    if (!answered(r))
        return unanswered(QStringLiteral("arp"), r);
    DiagnosisStep s;
    s.layer = QStringLiteral("arp");
    for (const ArpRecord &a : r.records.rows<ArpRecord>()) {
        if (a.ip != c.customerAddress)
            continue;
        s.evidence = QStringLiteral("%1 %2 %3").arg(a.ip, a.mac.isEmpty() ? QStringLiteral("(no MAC)") : a.mac, neighborStateName(a.state));
        if (a.mac.isEmpty() || a.state == NeighborState::Incomplete || a.state == NeighborState::Failed) {
            s.verdict = Verdict::Fault;
            s.finding = QStringLiteral("ARP for the customer's address %1 is unresolved: the customer router does not answer on this link — "
                                       "check its address, its VLAN tag and that its interface is up.").arg(a.ip);
            return s;
        }
        s.verdict = a.state == NeighborState::Stale ? Verdict::Ok : Verdict::Ok;
        s.finding = QStringLiteral("The customer's address %1 resolves to %2.").arg(a.ip, a.mac);
        return s;
    }
    s.verdict = Verdict::Fault;
    s.finding = QStringLiteral("No ARP entry for the customer's address %1: nothing has been heard from it.").arg(c.customerAddress);
    return s;
}

DiagnosisStep bgpStep(const Connection &c, const RouterResult &r)
{
    if (!answered(r))
        return unanswered(QStringLiteral("bgp"), r);
    DiagnosisStep s;
    s.layer = QStringLiteral("bgp");
    const BgpNeighborRecord *n = nullptr;
    for (const BgpNeighborRecord &b : r.records.rows<BgpNeighborRecord>()) {
        if (b.neighbor == c.customerAddress && (!n || b.state == BgpState::Established))
            n = &b;
    }
    if (!n) {
        s.verdict = Verdict::Fault;
        s.finding = QStringLiteral("%1 has no BGP neighbor %2: the session is not configured.").arg(c.providerRouter, c.customerAddress);
        return s;
    }
    s.evidence = QStringLiteral("%1 AS%2 %3%4").arg(n->neighbor).arg(n->remoteAs).arg(n->stateDetail.isEmpty() ? bgpStateName(n->state) : n->stateDetail,
                                                      n->lastError.isEmpty() ? QString() : QStringLiteral(", last error: ") + n->lastError);
    if (!n->adminEnabled) {
        s.verdict = Verdict::Fault;
        s.finding = QStringLiteral("The BGP session to %1 is shut down on %2.").arg(c.customerAddress, c.providerRouter);
        return s;
    }
    if (c.customerAs > 0 && n->remoteAs > 0 && n->remoteAs != c.customerAs) {
        s.verdict = Verdict::Fault;
        s.finding = QStringLiteral("The session expects AS %1 but the connection's customer is AS %2.").arg(n->remoteAs).arg(c.customerAs);
        return s;
    }
    if (n->state != BgpState::Established) {
        s.verdict = Verdict::Fault;
        s.finding = QStringLiteral("The BGP session to %1 is %2, not established%3.")
                        .arg(c.customerAddress, bgpStateName(n->state),
                             n->lastError.isEmpty() ? QString() : QStringLiteral(" (last error: %1)").arg(n->lastError));
        return s;
    }
    s.verdict = Verdict::Ok;
    s.finding = QStringLiteral("The BGP session to %1 is established.").arg(c.customerAddress);
    return s;
}

DiagnosisStep routesStep(const Connection &c, const RouterResult &received, const RouterResult &advertised, const RouterResult &bgp)
{
    DiagnosisStep s;
    s.layer = QStringLiteral("routes");
    if (!answered(received) && !answered(advertised))
        return unanswered(s.layer, received.error.isError() ? received : advertised);
    const qsizetype in = answered(received) ? received.records.size() : -1;
    const qsizetype out = answered(advertised) ? advertised.records.size() : -1;
    s.evidence = QStringLiteral("%1 received, %2 advertised").arg(in).arg(out);
    if (in == 0) {
        s.verdict = Verdict::Warning;
        s.finding = QStringLiteral("No routes received from %1: the customer announces nothing, or an import policy drops it all.").arg(c.customerAddress);
        return s;
    }
    // The session's counters tell what an import policy or a prefix list rejected.
    for (const BgpNeighborRecord &n : answered(bgp) ? bgp.records.rows<BgpNeighborRecord>() : QList<BgpNeighborRecord>()) {
        if (n.neighbor != c.customerAddress || n.prefixesAccepted < 0 || n.prefixesReceived <= n.prefixesAccepted)
            continue;
        s.verdict = Verdict::Warning;
        s.evidence += QStringLiteral(", %1 of %2 accepted").arg(n.prefixesAccepted).arg(n.prefixesReceived);
        s.finding = QStringLiteral("Only %1 of the %2 prefixes received from %3 are accepted: an import policy, prefix list or prefix "
                                   "limit rejects the rest — compare with what the customer advertises.")
                        .arg(n.prefixesAccepted).arg(n.prefixesReceived).arg(c.customerAddress);
        return s;
    }
    if (out == 0) {
        s.verdict = Verdict::Warning;
        s.finding = QStringLiteral("No routes advertised to %1: check the export policy.").arg(c.customerAddress);
        return s;
    }
    s.verdict = (in < 0 || out < 0) ? Verdict::Unknown : Verdict::Ok;
    s.finding = QStringLiteral("%1 routes received from and %2 advertised to the customer.").arg(in).arg(out);
    return s;
}

} // namespace

QList<DiagnosisStep> ConnectionDiagnosis::evaluate(const Connection &c, const ConnectionEvidence &e)
{
    const DiagnosisStep arp = arpStep(c, e.arp);
    QList<DiagnosisStep> steps{linkStep(c, e.link), vlanStep(c, e.vlan, arp.verdict == Verdict::Fault), arp, bgpStep(c, e.bgp),
                               routesStep(c, e.received, e.advertised, e.bgp)};
    // The lowest fault is the likely cause; faults above it follow from it.
    for (DiagnosisStep &s : steps) {
        if (s.verdict == Verdict::Fault) {
            s.likelyCause = true;
            break;
        }
    }
    return steps;
}

} // namespace rl
