#pragma once

// Hand-built diagnoses for the tests of the report, the change detection and the window:
// a tagged dual-stack connection with both routers in the inventory.
#include "engine/diagnosis/connection_diagnosis.h"

namespace rl::testing {

inline Connection diagnosedConnection()
{
    Connection c;
    c.id = QStringLiteral("globex-test-210");
    c.customer = QStringLiteral("globex");
    c.providerRouter = QStringLiteral("pe1");
    c.providerInterface = QStringLiteral("Gi0/0/0/1.210");
    c.vlan = 210;
    c.providerAddress = QStringLiteral("198.51.100.1");
    c.customerAddress = QStringLiteral("198.51.100.2");
    c.providerAddress6 = QStringLiteral("2001:db8:210::1");
    c.customerAddress6 = QStringLiteral("2001:db8:210::2");
    c.providerAs = 64500;
    c.customerAs = 65101;
    c.customerRouter = QStringLiteral("ce1");
    c.customerInterface = QStringLiteral("Gi0/0/1.201");
    c.prefixLimit = 100;
    c.expectedPrefixes = {QStringLiteral("203.0.113.0/26")};
    return c;
}

template<typename R>
RouterResult answer(const QString &router, QueryKind kind, QList<R> rows)
{
    RouterResult r;
    r.router = router;
    r.records = RecordSet(kind, std::move(rows));
    r.fetchedAt = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    return r;
}

inline InterfaceRecord port(const QString &name, qint64 inErrors, qint64 inPackets)
{
    InterfaceRecord i;
    i.name = name;
    i.adminState = LinkState::Up;
    i.operState = LinkState::Up;
    i.mtu = 1500;
    i.inErrors = inErrors;
    i.inPackets = inPackets;
    return i;
}

inline BgpNeighborRecord session(const QString &neighbor, BgpState state, qint64 uptime)
{
    BgpNeighborRecord n;
    n.vrf = QStringLiteral("default");
    n.neighbor = neighbor;
    n.addressFamily = QStringLiteral("ipv4-unicast");
    n.state = state;
    n.uptimeSeconds = uptime;
    n.localAs = 64500;
    n.remoteAs = 65101;
    return n;
}

inline DiagnosisStep makeStep(const QString &layer, ConnectionEnd end, const QString &router, Verdict v, const QString &finding,
                              const QList<RouterResult> &records = {})
{
    DiagnosisStep s;
    s.layer = layer;
    s.end = end;
    s.router = router;
    s.verdict = v;
    s.finding = finding;
    s.advice = QStringLiteral("Advice for %1.").arg(layer);
    s.evidence = QStringLiteral("evidence of %1").arg(layer);
    s.records = records;
    return s;
}

// The globex picture: the customer tags VLAN 201, the provider expects 210; ARP and BGP fail
// above it; the customer's optics cannot be read.
inline DiagnosisResult vlanMismatch(qint64 providerErrors = 5, qint64 bgpUptime = 100, BgpState bgpState = BgpState::Active)
{
    DiagnosisResult d;
    d.connection = diagnosedConnection();
    const RouterResult link = answer(QStringLiteral("pe1"), QueryKind::LinkStatus,
                                     QList<InterfaceRecord>{port(QStringLiteral("Gi0/0/0/1"), providerErrors, 1000),
                                                            port(QStringLiteral("Gi0/0/0/1.210"), 0, 900)});
    VlanRecord v;
    v.interfaceName = QStringLiteral("Gi0/0/1.201");
    v.parentInterface = QStringLiteral("Gi0/0/1");
    v.vlanId = 201;
    v.expectedVlan = 210;
    v.tagCheck = TagCheck::Mismatch;
    const RouterResult vlan = answer(QStringLiteral("ce1"), QueryKind::VlanErrors, QList<VlanRecord>{v});
    RouterResult optics;
    optics.router = QStringLiteral("ce1");
    optics.records = RecordSet(QueryKind::Optics);
    optics.error = Error(ErrorCode::Timeout, QStringLiteral("ce1 did not answer within 10 s."));
    const RouterResult bgp = answer(QStringLiteral("pe1"), QueryKind::BgpStatus,
                                    QList<BgpNeighborRecord>{session(QStringLiteral("198.51.100.2"), bgpState, bgpUptime)});
    d.steps = {
        makeStep(QStringLiteral("management"), ConnectionEnd::Provider, QStringLiteral("pe1"), Verdict::Ok, QStringLiteral("pe1 answers.")),
        makeStep(QStringLiteral("management"), ConnectionEnd::Customer, QStringLiteral("ce1"), Verdict::Ok, QStringLiteral("ce1 answers.")),
        makeStep(QStringLiteral("optics"), ConnectionEnd::Customer, QStringLiteral("ce1"), Verdict::CannotCheck,
                 QStringLiteral("Could not check the optics on ce1: ce1 did not answer within 10 s."), {optics}),
        makeStep(QStringLiteral("link"), ConnectionEnd::Provider, QStringLiteral("pe1"), Verdict::Ok, QStringLiteral("Gi0/0/0/1.210 is up on pe1."), {link}),
        makeStep(QStringLiteral("mtu"), ConnectionEnd::Both, QStringLiteral("pe1, ce1"), Verdict::Ok, QStringLiteral("Both ends use MTU 1500."), {link}),
        makeStep(QStringLiteral("vlan"), ConnectionEnd::Customer, QStringLiteral("ce1"), Verdict::Fault,
                 QStringLiteral("Gi0/0/1.201 on ce1 is tagged 201 but the connection uses VLAN 210."), {vlan}),
        makeStep(QStringLiteral("bgp-ipv4"), ConnectionEnd::Provider, QStringLiteral("pe1"),
                 bgpState == BgpState::Established ? Verdict::Ok : Verdict::Fault,
                 bgpState == BgpState::Established ? QStringLiteral("The BGP session from pe1 to 198.51.100.2 is established (for %1 s).").arg(bgpUptime)
                                                   : QStringLiteral("The BGP session from pe1 to 198.51.100.2 is Active, not established."),
                 {bgp}),
    };
    d.steps[5].likelyCause = true;
    d.steps[5].advice = QStringLiteral("Change the subinterface's encapsulation to dot1q 210.");
    d.likelyCause = 5;
    return d;
}

} // namespace rl::testing
