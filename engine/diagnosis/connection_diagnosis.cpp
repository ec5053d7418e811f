#include "engine/diagnosis/connection_diagnosis.h"

#include "engine/api/interface_name.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace rl {

QString verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Ok: return QStringLiteral("ok");
    case Verdict::Warn: return QStringLiteral("warn");
    case Verdict::Fault: return QStringLiteral("fault");
    case Verdict::CannotCheck: return QStringLiteral("cannot-check");
    }
    return QStringLiteral("cannot-check");
}

QString connectionEndName(ConnectionEnd e)
{
    switch (e) {
    case ConnectionEnd::Provider: return QStringLiteral("provider");
    case ConnectionEnd::Customer: return QStringLiteral("customer");
    case ConnectionEnd::Both: return QStringLiteral("both");
    }
    return QStringLiteral("both");
}

Verdict DiagnosisResult::overall() const
{
    bool cannot = false, warn = false;
    for (const DiagnosisStep &s : steps) {
        if (s.verdict == Verdict::Fault)
            return Verdict::Fault;
        cannot = cannot || s.verdict == Verdict::CannotCheck;
        warn = warn || s.verdict == Verdict::Warn;
    }
    return cannot ? Verdict::CannotCheck : warn ? Verdict::Warn : Verdict::Ok;
}

// ---- planning -------------------------------------------------------------------------------

QList<PlannedRequest> ConnectionDiagnosis::plan(const Connection &c, const ClientIdentity &client, bool customerVisible)
{
    QList<PlannedRequest> out;
    auto add = [&](ConnectionEnd end, EvidenceSlot slot, const QString &router, QueryKind kind, const QueryParams &params,
                   bool secondRead = false) {
        PlannedRequest p;
        p.end = end;
        p.slot = slot;
        p.secondRead = secondRead;
        p.request.client = client;
        p.request.routers = {router};
        p.request.kind = kind;
        p.request.params = params;
        p.request.urgency = Urgency::Interactive; // a person is on the phone
        out.append(p);
    };
    auto plainEnd = [&](ConnectionEnd end, const QString &router, const QString &interfaceName, const QString &peer4,
                        const QString &peer6, const QString &vrf) {
        QueryParams none;
        QueryParams inVrf; // ARP, BGP and routes are read from the connection's VRF
        inVrf.vrf = vrf;
        QueryParams intf;
        intf.interfaceName = interfaceName;
        // Link and VLAN answers are filtered here, not on the router: the parent port's counters
        // (unknown-tag drops, errors) belong to the answer.
        add(end, EvidenceSlot::Link, router, QueryKind::LinkStatus, none);
        add(end, EvidenceSlot::LinkAgain, router, QueryKind::LinkStatus, none, true);
        if (interfaceName.contains(QLatin1Char('.')))
            add(end, EvidenceSlot::Unit, router, QueryKind::LinkStatus, intf);
        add(end, EvidenceSlot::Vlan, router, QueryKind::VlanErrors, none);
        add(end, EvidenceSlot::VlanAgain, router, QueryKind::VlanErrors, none, true);
        add(end, EvidenceSlot::Arp, router, QueryKind::ArpTable, inVrf);
        add(end, EvidenceSlot::Bgp, router, QueryKind::BgpStatus, inVrf);
        QueryParams optics;
        optics.interfaceName = interfaceName.section(QLatin1Char('.'), 0, 0);
        add(end, EvidenceSlot::Optics, router, QueryKind::Optics, optics);
        if (!peer4.isEmpty()) {
            QueryParams p = inVrf;
            p.neighbor = peer4;
            p.addressFamily = QStringLiteral("ipv4");
            add(end, EvidenceSlot::Received, router, QueryKind::ReceivedRoutes, p);
            add(end, EvidenceSlot::Advertised, router, QueryKind::AdvertisedRoutes, p);
        }
        if (!peer6.isEmpty()) {
            QueryParams p = inVrf;
            p.neighbor = peer6;
            p.addressFamily = QStringLiteral("ipv6");
            add(end, EvidenceSlot::Received6, router, QueryKind::ReceivedRoutes, p);
            add(end, EvidenceSlot::Advertised6, router, QueryKind::AdvertisedRoutes, p);
        }
    };
    plainEnd(ConnectionEnd::Provider, c.providerRouter, c.providerInterface, c.customerAddress, c.customerAddress6, c.vrf);
    if (customerVisible && !c.customerRouter.isEmpty())
        plainEnd(ConnectionEnd::Customer, c.customerRouter, c.customerInterface, c.providerAddress, c.providerAddress6,
                 c.customerVrf);
    return out;
}

RouterResult &ConnectionDiagnosis::slot(ConnectionEvidence &e, ConnectionEnd end, EvidenceSlot slot)
{
    EndEvidence &x = end == ConnectionEnd::Customer ? e.customer : e.provider;
    switch (slot) {
    case EvidenceSlot::Link: return x.link;
    case EvidenceSlot::LinkAgain: return x.linkAgain;
    case EvidenceSlot::Unit: return x.unit;
    case EvidenceSlot::Vlan: return x.vlan;
    case EvidenceSlot::VlanAgain: return x.vlanAgain;
    case EvidenceSlot::Arp: return x.arp;
    case EvidenceSlot::Bgp: return x.bgp;
    case EvidenceSlot::Received: return x.received;
    case EvidenceSlot::Received6: return x.received6;
    case EvidenceSlot::Advertised: return x.advertised;
    case EvidenceSlot::Advertised6: return x.advertised6;
    case EvidenceSlot::Optics: return x.optics;
    case EvidenceSlot::Lookup: return x.lookup;
    case EvidenceSlot::Lookup6: return x.lookup6;
    }
    return x.link;
}

namespace {

bool familyOf(const IpPrefix &p, bool v6)
{
    return v6 ? p.address().isV6() : p.address().isV4();
}

// The customer prefix whose route matters most, one family: one the provider rejected, one the
// customer announces that the provider did not receive, one expected but not received, else the
// lowest accepted one.
QString prefixToLookUp(const Connection &c, const EndEvidence &provider, const EndEvidence &customer, bool v6)
{
    const RouterResult &received = v6 ? provider.received6 : provider.received;
    const RouterResult &announced = v6 ? customer.advertised6 : customer.advertised;
    QList<IpPrefix> got, rejected, accepted, sent;
    if (received.ok() && !received.router.isEmpty())
        for (const RouteRecord &r : received.records.rows<RouteRecord>())
            if (familyOf(r.prefix, v6)) {
                got.append(r.prefix);
                (r.valid ? accepted : rejected).append(r.prefix);
            }
    if (announced.ok() && !announced.router.isEmpty())
        for (const RouteRecord &r : announced.records.rows<RouteRecord>())
            if (familyOf(r.prefix, v6) && !got.contains(r.prefix))
                sent.append(r.prefix);
    for (const QString &text : c.expectedPrefixes)
        if (const auto p = IpPrefix::parse(QStringView(text)); p && familyOf(*p, v6) && !got.contains(*p))
            sent.append(*p);
    for (QList<IpPrefix> *list : {&rejected, &sent, &accepted}) {
        if (list->isEmpty())
            continue;
        std::sort(list->begin(), list->end());
        return list->first().toString();
    }
    return {};
}

} // namespace

QList<PlannedRequest> ConnectionDiagnosis::followUp(const Connection &c, const ConnectionEvidence &e, const ClientIdentity &client)
{
    QList<PlannedRequest> out;
    for (bool v6 : {false, true}) {
        const QString prefix = prefixToLookUp(c, e.provider, e.customer, v6);
        const auto parsed = IpPrefix::parse(QStringView(prefix));
        if (!parsed)
            continue;
        PlannedRequest p;
        p.end = ConnectionEnd::Provider;
        p.slot = v6 ? EvidenceSlot::Lookup6 : EvidenceSlot::Lookup;
        p.about = prefix;
        p.request.client = client;
        p.request.routers = {c.providerRouter};
        p.request.kind = QueryKind::RouteLookup;
        p.request.params.destination = parsed->firstHost().toString();
        p.request.params.vrf = c.vrf; // the connection's table, which is also the only one an external client may read
        p.request.urgency = Urgency::Interactive;
        out.append(p);
    }
    return out;
}

// ---- evaluation -----------------------------------------------------------------------------

QString ConnectionDiagnosis::bgpCause(const QString &lastError, const QString &stateDetail)
{
    const QString t = (lastError + QLatin1Char(' ') + stateDetail).toLower();
    auto has = [&](const char *w) { return t.contains(QLatin1String(w)); };
    if (has("peer as") || has("bad peer") || has("remote-as") || has("remote as") || has("peer-as") || has("bad as"))
        return QStringLiteral("wrong peer AS: the two ends do not agree on the AS numbers");
    if (has("maximum prefix") || has("maximum number of prefixes") || has("max-prefix") || has("maxpfx") || has("pfxct")
        || has("prefix limit") || has("prefix-limit") || has("prefix count"))
        return QStringLiteral("maximum prefixes reached: the customer sent more prefixes than the provider's limit");
    if (has("hold time") || has("hold timer") || has("holdtime") || has("hold-time"))
        return QStringLiteral("hold timer expired: keepalives stopped arriving (a lossy link, an MTU problem or an overloaded peer)");
    if (has("authentic") || has("md5") || has("tcp-ao") || has("password"))
        return QStringLiteral("authentication: the TCP MD5 / TCP-AO keys of the two ends differ or one end has none");
    // FRR: "Waiting for NHT" — next-hop tracking finds no route to the peer's address.
    if (has("no route") || has("unreachable") || has("connect failed") || has("connection refused") || has("waiting for nht"))
        return QStringLiteral("no route to the peer: the peer's address cannot be reached over the link");
    if (has("admin") || has("shutdown") || has("shut"))
        return QStringLiteral("shut down administratively");
    return {};
}

namespace {

bool answered(const RouterResult &r)
{
    return !r.router.isEmpty() && r.ok();
}

bool asked(const RouterResult &r)
{
    return !r.router.isEmpty();
}

// The platform cannot answer this kind, or the caller may not ask it: the check does not
// apply (it is left out), which is not the same as a router that could not be asked.
bool notApplicable(const RouterResult &r)
{
    return r.error.code == ErrorCode::UnsupportedQuery || r.error.code == ErrorCode::Forbidden;
}

// "eth1.100" -> "eth1"; "GigabitEthernet0/0/0.100" -> "GigabitEthernet0/0/0".
QString parentOf(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return dot > 0 ? name.left(dot) : name;
}

bool sameInterface(const QString &a, const QString &b)
{
    return !a.isEmpty() && !b.isEmpty() && rl::sameInterface(a, b);
}

// A copy of an answer narrowed to the rows `keep` accepts: the evidence a step shows.
template<typename R, typename Keep>
RouterResult narrowed(const RouterResult &r, Keep keep)
{
    RouterResult out = r;
    if (!r.ok())
        return out;
    QList<R> rows;
    for (const R &x : r.records.template rows<R>())
        if (keep(x))
            rows.append(x);
    out.records = RecordSet(r.records.kind(), rows);
    return out;
}

struct Ctx {
    const Connection &c;
    ConnectionEnd end;
    const EndEvidence &here;
    const EndEvidence *there; // the other end, when it was asked
    QString interfaceName;    // this end's interface on the connection
    QString peer4, peer6;     // the other end's addresses
    QString self4, self6;     // this end's addresses
    qint64 expectedPeerAs = -1;
    double seconds = 0;
};

DiagnosisStep step(const Ctx &x, const QString &layer)
{
    DiagnosisStep s;
    s.layer = layer;
    s.end = x.end;
    s.router = x.here.router;
    return s;
}

DiagnosisStep cannotCheck(DiagnosisStep s, const RouterResult &r, const QString &what)
{
    s.verdict = Verdict::CannotCheck;
    s.finding = r.error.isError() ? QStringLiteral("Could not check %1 on %2: %3").arg(what, s.router, r.error.message)
                                  : QStringLiteral("Could not check %1 on %2: no answer.").arg(what, s.router);
    s.advice = QStringLiteral("Ask again once %1 answers; until then this layer is unknown, not fine.").arg(s.router);
    s.evidence = r.error.isError() ? r.error.codeName() : QStringLiteral("no answer");
    if (asked(r))
        s.records = {r};
    return s;
}

// Reachability errors: the router could not be asked at all.
bool unreachable(const Error &e)
{
    switch (e.code) {
    case ErrorCode::Unreachable:
    case ErrorCode::AuthFailed:
    case ErrorCode::Timeout:
    case ErrorCode::HostKeyUnknown:
    case ErrorCode::HostKeyMismatch:
    case ErrorCode::TlsError:
    case ErrorCode::ConnectionLost:
    case ErrorCode::UnknownRouter:
    case ErrorCode::Throttled:
        return true;
    default:
        return false;
    }
}

DiagnosisStep managementStep(const Ctx &x)
{
    DiagnosisStep s = step(x, QStringLiteral("management"));
    const EndEvidence &e = x.here;
    Error firstError;
    int ok = 0, n = 0;
    for (const RouterResult *r : {&e.link, &e.unit, &e.vlan, &e.arp, &e.bgp, &e.received, &e.advertised, &e.optics}) {
        if (!asked(*r) || notApplicable(*r))
            continue; // a kind the platform or the caller cannot ask says nothing about reachability
        ++n;
        if (r->ok() || !unreachable(r->error))
            ++ok;
        else if (!firstError)
            firstError = r->error;
    }
    if (n == 0) {
        s.verdict = Verdict::CannotCheck;
        s.finding = QStringLiteral("%1 was not asked.").arg(s.router);
        s.advice = QStringLiteral("Run the diagnosis again.");
        return s;
    }
    if (ok == 0) {
        s.verdict = Verdict::CannotCheck;
        s.direct = true;
        s.finding = QStringLiteral("%1 cannot be asked: %2").arg(s.router, firstError.message);
        s.advice = QStringLiteral("Check the management path to %1 (address, SSH, credentials, host key); every layer on this end is unknown until it answers.")
                       .arg(s.router);
        s.evidence = firstError.codeName();
        return s;
    }
    s.verdict = Verdict::Ok;
    s.finding = QStringLiteral("%1 answers.").arg(s.router);
    s.evidence = QStringLiteral("%1 of %2 queries answered").arg(ok).arg(n);
    return s;
}

const InterfaceRecord *findInterface(const RouterResult &r, const QString &name)
{
    if (!answered(r))
        return nullptr;
    for (const InterfaceRecord &i : r.records.rows<InterfaceRecord>())
        if (sameInterface(i.name, name))
            return &i;
    return nullptr;
}

qint64 errorsOf(const InterfaceRecord *i)
{
    if (!i)
        return -1;
    if (i->inErrors < 0 && i->crcErrors < 0)
        return -1;
    return std::max<qint64>(0, i->inErrors) + (i->inErrors < 0 ? std::max<qint64>(0, i->crcErrors) : 0);
}

DiagnosisStep opticsStep(const Ctx &x, bool *skip)
{
    DiagnosisStep s = step(x, QStringLiteral("optics"));
    const RouterResult &r = x.here.optics;
    *skip = false;
    if (notApplicable(r) || !asked(r)) {
        *skip = true; // the platform has no optics (virtual links): nothing to say
        return s;
    }
    if (!answered(r))
        return cannotCheck(s, r, QStringLiteral("the optics"));
    const QString port = parentOf(x.interfaceName);
    s.records = {narrowed<OpticsRecord>(r, [&](const OpticsRecord &o) { return sameInterface(o.interfaceName, port); })};
    const QList<OpticsRecord> &rows = s.records.first().records.rows<OpticsRecord>();
    if (rows.isEmpty()) {
        s.verdict = Verdict::Ok;
        s.finding = QStringLiteral("%1 reports no optical module on %2 (copper or no diagnostics).").arg(s.router, port);
        return s;
    }
    s.verdict = Verdict::Ok;
    QStringList values;
    for (const OpticsRecord &o : rows) {
        values << QStringLiteral("rx %1 dBm").arg(o.rxPowerDbm, 0, 'f', 1);
        if (std::isnan(o.rxPowerDbm))
            continue;
        if (o.rxPowerDbm <= -30.0) {
            s.verdict = Verdict::Fault;
            s.finding = QStringLiteral("No light arrives on %1 of %2 (%3 dBm).").arg(port, s.router).arg(o.rxPowerDbm, 0, 'f', 1);
            s.advice = QStringLiteral("Check the fibre and the far end's transmitter: the cable, the patch panel, the connectors.");
            return s;
        }
        if (!std::isnan(o.rxLowWarnDbm) && o.rxPowerDbm < o.rxLowWarnDbm) {
            s.verdict = Verdict::Warn;
            s.finding = QStringLiteral("%1 of %2 receives %3 dBm, below the module's low warning of %4 dBm.")
                            .arg(port, s.router).arg(o.rxPowerDbm, 0, 'f', 1).arg(o.rxLowWarnDbm, 0, 'f', 1);
            s.advice = QStringLiteral("Clean the connectors and check the fibre's length and bends; errors follow when the light drops further.");
        } else if (!std::isnan(o.rxLowWarnDbm) && o.rxPowerDbm - o.rxLowWarnDbm < 1.0 && s.verdict == Verdict::Ok) {
            s.verdict = Verdict::Warn;
            s.finding = QStringLiteral("%1 of %2 receives %3 dBm, within 1 dB of the module's low warning of %4 dBm.")
                            .arg(port, s.router).arg(o.rxPowerDbm, 0, 'f', 1).arg(o.rxLowWarnDbm, 0, 'f', 1);
            s.advice = QStringLiteral("Plan to clean or replace the fibre: the margin is small.");
        }
    }
    s.evidence = values.join(QStringLiteral(", "));
    if (s.verdict == Verdict::Ok)
        s.finding = QStringLiteral("Light levels on %1 of %2 are within the module's thresholds.").arg(port, s.router);
    return s;
}

DiagnosisStep linkStep(const Ctx &x, bool *skip)
{
    DiagnosisStep s = step(x, QStringLiteral("link"));
    const RouterResult &r = x.here.link;
    *skip = notApplicable(r);
    if (!answered(r))
        return cannotCheck(s, r, QStringLiteral("the link"));
    const QString parentName = parentOf(x.interfaceName);
    const InterfaceRecord *sub = findInterface(r, x.interfaceName);
    if (!sub)
        sub = findInterface(x.here.unit, x.interfaceName);
    const InterfaceRecord *parent = parentName != x.interfaceName ? findInterface(r, parentName) : nullptr;
    s.records = {narrowed<InterfaceRecord>(r, [&](const InterfaceRecord &i) {
        return sameInterface(i.name, x.interfaceName) || sameInterface(i.name, parentName);
    })};
    if (sub && !findInterface(r, x.interfaceName))
        s.records.append(narrowed<InterfaceRecord>(x.here.unit, [&](const InterfaceRecord &i) { return sameInterface(i.name, x.interfaceName); }));
    const InterfaceRecord *i = sub ? sub : parent;
    if (!i) {
        s.verdict = Verdict::Fault;
        s.direct = true;
        s.finding = QStringLiteral("%1 has no interface %2.").arg(s.router, x.interfaceName);
        s.advice = QStringLiteral("Check the connection's interface in the inventory, or the router's configuration.");
        return s;
    }
    s.evidence = QStringLiteral("%1 admin %2, oper %3").arg(i->name, linkStateName(i->adminState), linkStateName(i->operState));
    for (const InterfaceRecord *y : {parent, sub}) {
        if (y && (y->adminState == LinkState::Down || y->adminState == LinkState::AdminDown)) {
            s.verdict = Verdict::Fault;
            s.direct = true;
            s.finding = QStringLiteral("%1 is administratively down on %2.").arg(y->name, s.router);
            s.advice = QStringLiteral("Enable it (no shutdown / delete disable) if the connection is meant to be in service.");
            return s;
        }
    }
    for (const InterfaceRecord *y : {parent, sub}) {
        if (y && y->operState != LinkState::Up && y->operState != LinkState::Unknown) {
            s.verdict = Verdict::Fault;
            s.finding = QStringLiteral("%1 is enabled but %2 on %3: no signal from the other end.").arg(y->name, linkStateName(y->operState), s.router);
            s.advice = QStringLiteral("Check the cable, the optics and that the far end's port is enabled.");
            return s;
        }
    }
    // Errors: a rate between two reads, not the lifetime counter.
    const InterfaceRecord *again = findInterface(x.here.linkAgain, i->name);
    const qint64 before = errorsOf(i), after = errorsOf(again);
    if (before >= 0 && after >= 0 && after > before) {
        s.verdict = Verdict::Warn;
        s.finding = QStringLiteral("%1 on %2 counts input errors rising: %3 more in %4 s.")
                        .arg(i->name, s.router).arg(after - before).arg(qRound(x.seconds));
        s.advice = QStringLiteral("Frames are being damaged on the wire: clean or replace the fibre or cable, check the optics' light levels.");
        s.evidence += QStringLiteral(", input errors %1 -> %2").arg(before).arg(after);
        if (answered(x.here.linkAgain))
            s.records.append(narrowed<InterfaceRecord>(x.here.linkAgain, [&](const InterfaceRecord &y) { return sameInterface(y.name, i->name); }));
        return s;
    }
    s.verdict = Verdict::Ok;
    s.finding = QStringLiteral("%1 is up on %2.").arg(i->name, s.router);
    if (before > 0)
        s.evidence += answered(x.here.linkAgain) ? QStringLiteral(", %1 input errors since the counters were cleared, not rising").arg(before)
                                                 : QStringLiteral(", %1 input errors since the counters were cleared (not read twice)").arg(before);
    return s;
}

qint64 mtuOf(const EndEvidence &e, const QString &interfaceName)
{
    const InterfaceRecord *sub = findInterface(e.unit, interfaceName);
    if (!sub || sub->mtu <= 0)
        sub = findInterface(e.link, interfaceName);
    if (sub && sub->mtu > 0)
        return sub->mtu;
    const InterfaceRecord *parent = findInterface(e.link, parentOf(interfaceName));
    return parent ? parent->mtu : -1;
}

// Platforms count the interface MTU with or without the Ethernet header (and tags): a
// difference of exactly such a header is the same MTU seen two ways.
bool sameMtuSeenTwoWays(qint64 a, qint64 b)
{
    const qint64 d = std::llabs(a - b);
    return d == 14 || d == 18 || d == 22;
}

// sessionsUp: every BGP session of the connection is established, so the mismatch has not
// broken it (TCP's MSS keeps BGP within the smaller MTU); large packets still drop.
DiagnosisStep mtuStep(const Connection &c, const EndEvidence &p, const EndEvidence &cu, bool sessionsUp, bool *skip)
{
    DiagnosisStep s;
    s.layer = QStringLiteral("mtu");
    s.end = ConnectionEnd::Both;
    s.router = cu.router.isEmpty() ? p.router : p.router + QStringLiteral(", ") + cu.router;
    const qint64 a = mtuOf(p, c.providerInterface);
    const qint64 b = cu.router.isEmpty() ? -1 : mtuOf(cu, c.customerInterface);
    *skip = a < 0 && b < 0 && c.mtu < 0;
    if (*skip)
        return s;
    for (const EndEvidence *e : {&p, &cu})
        if (answered(e->link))
            s.records.append(narrowed<InterfaceRecord>(e->link, [&](const InterfaceRecord &i) {
                const QString &n = e == &p ? c.providerInterface : c.customerInterface;
                return sameInterface(i.name, n) || sameInterface(i.name, parentOf(n));
            }));
    s.evidence = QStringLiteral("provider %1, customer %2%3")
                     .arg(a >= 0 ? QString::number(a) : QStringLiteral("?"), b >= 0 ? QString::number(b) : QStringLiteral("?"),
                          c.mtu > 0 ? QStringLiteral(", agreed %1").arg(c.mtu) : QString());
    if (a > 0 && b > 0 && a != b && !sameMtuSeenTwoWays(a, b)) {
        s.verdict = sessionsUp ? Verdict::Warn : Verdict::Fault;
        s.direct = true;
        s.finding = QStringLiteral("The MTUs differ: %1 has %2 on %3, %4 has %5 on %6%7.")
                        .arg(p.router).arg(a).arg(c.providerInterface, cu.router).arg(b).arg(c.customerInterface,
                             sessionsUp ? QStringLiteral(" (the BGP sessions are up, so TCP works around it)") : QString());
        s.advice = QStringLiteral("Set the same MTU on both ends: packets larger than the smaller MTU are dropped, and BGP sessions can stall.");
        return s;
    }
    for (auto [have, router, ifname] : {std::tuple{a, p.router, c.providerInterface}, std::tuple{b, cu.router, c.customerInterface}}) {
        if (c.mtu > 0 && have > 0 && have != c.mtu && !sameMtuSeenTwoWays(have, c.mtu)) {
            s.verdict = Verdict::Warn;
            s.direct = true;
            s.finding = QStringLiteral("%1 has MTU %2 on %3, the connection's agreed MTU is %4.").arg(router).arg(have).arg(ifname).arg(c.mtu);
            s.advice = QStringLiteral("Align the interface MTU with what was agreed for the connection.");
            return s;
        }
    }
    if (a < 0 || (b < 0 && !cu.router.isEmpty())) {
        s.verdict = Verdict::CannotCheck;
        s.finding = QStringLiteral("The MTU of one end is not known, so the two ends cannot be compared.");
        s.advice = QStringLiteral("Check the MTU on both ends by hand.");
        return s;
    }
    s.verdict = Verdict::Ok;
    s.finding = cu.router.isEmpty() ? QStringLiteral("MTU %1 on %2 (the customer's router is not in the inventory).").arg(a).arg(p.router)
                                    : QStringLiteral("Both ends use MTU %1.").arg(a);
    return s;
}

DiagnosisStep vlanStep(const Ctx &x, bool peerSilent, bool *skip)
{
    DiagnosisStep s = step(x, QStringLiteral("vlan"));
    const RouterResult &r = x.here.vlan;
    const int expected = x.c.vlan;
    *skip = notApplicable(r);
    if (!answered(r))
        return cannotCheck(s, r, QStringLiteral("the VLAN tag"));
    const QString parentName = parentOf(x.interfaceName);
    s.records = {narrowed<VlanRecord>(r, [&](const VlanRecord &v) {
        return sameInterface(v.interfaceName, x.interfaceName) || sameInterface(v.parentInterface, parentName);
    })};
    const VlanRecord *v = nullptr;
    for (const VlanRecord &y : r.records.rows<VlanRecord>())
        if (sameInterface(y.interfaceName, x.interfaceName))
            v = &y;
    if (expected <= 0) {
        s.verdict = Verdict::Ok;
        s.finding = v && v->vlanId > 0 ? QStringLiteral("%1 on %2 is tagged %3, but the connection is untagged.").arg(v->interfaceName, s.router).arg(v->vlanId)
                                       : QStringLiteral("The connection is untagged on %1.").arg(s.router);
        if (v && v->vlanId > 0) {
            s.verdict = Verdict::Warn;
            s.direct = true;
            s.advice = QStringLiteral("Check whether the connection should be tagged; update the inventory or the interface.");
        }
        s.evidence = QStringLiteral("untagged");
        return s;
    }
    if (!v) {
        s.verdict = Verdict::Fault;
        s.direct = true;
        s.finding = QStringLiteral("%1 has no tagged subinterface %2 for VLAN %3.").arg(s.router, x.interfaceName).arg(expected);
        s.advice = QStringLiteral("Create the subinterface with encapsulation dot1q %1, or fix the connection's interface in the inventory.").arg(expected);
        return s;
    }
    s.evidence = QStringLiteral("%1 tag %2, expected %3").arg(v->interfaceName).arg(v->vlanId).arg(expected);
    if (v->vlanId >= 0 && v->vlanId != expected) {
        s.verdict = Verdict::Fault;
        s.direct = true;
        s.finding = QStringLiteral("%1 on %2 is tagged %3 but the connection uses VLAN %4.").arg(v->interfaceName, s.router).arg(v->vlanId).arg(expected);
        s.advice = QStringLiteral("Change the subinterface's encapsulation to dot1q %1 (the tag must match on both ends).").arg(expected);
        return s;
    }
    // Unknown-tag drops on the parent: rising between the two reads, or counted while the peer is silent.
    qint64 before = std::max<qint64>(0, v->unknownTagDrops) + std::max<qint64>(0, v->mismatchedTagDrops);
    qint64 after = -1;
    if (answered(x.here.vlanAgain))
        for (const VlanRecord &y : x.here.vlanAgain.records.rows<VlanRecord>())
            if (sameInterface(y.interfaceName, v->interfaceName))
                after = std::max<qint64>(0, y.unknownTagDrops) + std::max<qint64>(0, y.mismatchedTagDrops);
    const bool rising = after > before;
    if (before > 0)
        s.evidence += QStringLiteral(", %1 frames with a tag no subinterface takes on %2%3")
                          .arg(before).arg(v->parentInterface.isEmpty() ? parentName : v->parentInterface,
                                           rising ? QStringLiteral(" (rising: +%1)").arg(after - before) : QString());
    if ((rising || before > 0) && peerSilent) {
        s.verdict = Verdict::Fault;
        s.finding = QStringLiteral("Frames arrive on %1 of %2 with a VLAN tag no subinterface accepts, while nothing answers on VLAN %3: "
                                   "the other end most likely tags another VLAN.")
                        .arg(v->parentInterface.isEmpty() ? parentName : v->parentInterface, s.router).arg(expected);
        s.advice = QStringLiteral("Compare the tag on the other end's subinterface with VLAN %1.").arg(expected);
        return s;
    }
    if (rising) {
        s.verdict = Verdict::Warn;
        s.finding = QStringLiteral("Frames with an unaccepted VLAN tag keep arriving on %1 of %2.").arg(v->parentInterface, s.router);
        s.advice = QStringLiteral("Something on the port sends another VLAN: check the other end's subinterfaces.");
        return s;
    }
    s.verdict = Verdict::Ok;
    s.finding = QStringLiteral("%1 on %2 is tagged %3 as expected.").arg(v->interfaceName, s.router).arg(expected);
    return s;
}

// The MAC of the other end's interface, when that end was asked.
QString peerMac(const Ctx &x)
{
    if (!x.there)
        return {};
    const QString theirs = x.end == ConnectionEnd::Provider ? x.c.customerInterface : x.c.providerInterface;
    const InterfaceRecord *sub = findInterface(x.there->link, theirs);
    if (sub && !sub->mac.isEmpty())
        return sub->mac;
    const InterfaceRecord *parent = findInterface(x.there->link, parentOf(theirs));
    return parent ? parent->mac : QString();
}

DiagnosisStep neighborStep(const Ctx &x, bool v6, bool *skip)
{
    DiagnosisStep s = step(x, v6 ? QStringLiteral("nd") : QStringLiteral("arp"));
    const QString peer = v6 ? x.peer6 : x.peer4;
    const RouterResult &r = x.here.arp;
    *skip = peer.isEmpty() || notApplicable(r);
    if (*skip)
        return s;
    if (!answered(r))
        return cannotCheck(s, r, v6 ? QStringLiteral("IPv6 neighbor discovery") : QStringLiteral("ARP"));
    const auto peerAddr = IpAddress::parse(peer);
    auto same = [&](const QString &ip) {
        const auto a = IpAddress::parse(ip);
        return a && peerAddr ? *a == *peerAddr : ip.compare(peer, Qt::CaseInsensitive) == 0;
    };
    s.records = {narrowed<ArpRecord>(r, [&](const ArpRecord &a) { return same(a.ip); })};
    const QString what = v6 ? QStringLiteral("IPv6 neighbor") : QStringLiteral("ARP entry");
    const QList<ArpRecord> &rows = s.records.first().records.rows<ArpRecord>();
    if (rows.isEmpty()) {
        s.verdict = Verdict::Fault;
        s.finding = QStringLiteral("%1 has no %2 for %3: nothing has been heard from it on the link.").arg(s.router, what, peer);
        s.advice = QStringLiteral("Check the other end's address, its VLAN tag and that its interface is up.");
        return s;
    }
    const ArpRecord &a = rows.first();
    s.evidence = QStringLiteral("%1 %2 %3").arg(a.ip, a.mac.isEmpty() ? QStringLiteral("(no MAC)") : a.mac, neighborStateName(a.state));
    if (a.mac.isEmpty() || a.state == NeighborState::Incomplete || a.state == NeighborState::Failed) {
        s.verdict = Verdict::Fault;
        s.finding = QStringLiteral("%1 cannot resolve %2 (%3): the other end does not answer on the link.")
                        .arg(s.router, peer, a.mac.isEmpty() ? QStringLiteral("incomplete") : neighborStateName(a.state));
        s.advice = QStringLiteral("Check the other end's address, its VLAN tag and that its interface is up.");
        return s;
    }
    const QString expectedMac = peerMac(x);
    if (!expectedMac.isEmpty() && a.mac.compare(expectedMac, Qt::CaseInsensitive) != 0) {
        s.verdict = Verdict::Warn;
        s.finding = QStringLiteral("%1 resolves %2 to %3, but the other end's interface has MAC %4.").arg(s.router, peer, a.mac, expectedMac);
        s.advice = QStringLiteral("Another device may answer for this address (a duplicate address, or a virtual MAC of HSRP/VRRP): check who owns %1.").arg(peer);
        return s;
    }
    s.verdict = Verdict::Ok;
    s.finding = QStringLiteral("%1 resolves %2 to %3%4.").arg(s.router, peer, a.mac,
                                                            expectedMac.isEmpty() ? QString() : QStringLiteral(", the other end's interface"));
    return s;
}

const BgpNeighborRecord *findSession(const RouterResult &r, const QString &peer, bool v6)
{
    if (!answered(r))
        return nullptr;
    const auto want = IpAddress::parse(peer);
    const BgpNeighborRecord *found = nullptr;
    for (const BgpNeighborRecord &b : r.records.rows<BgpNeighborRecord>()) {
        const auto have = IpAddress::parse(b.neighbor);
        const bool match = have && want ? *have == *want : b.neighbor.compare(peer, Qt::CaseInsensitive) == 0;
        if (!match)
            continue;
        // A session carries one or more families; prefer the row of this family.
        const bool family = b.addressFamily.isEmpty() || b.addressFamily.startsWith(v6 ? u"ipv6" : u"ipv4");
        if (!found || (family && !(found->addressFamily.startsWith(v6 ? u"ipv6" : u"ipv4"))) || b.state == BgpState::Established)
            found = &b;
    }
    return found;
}

DiagnosisStep bgpStep(const Ctx &x, bool v6, bool *skip)
{
    DiagnosisStep s = step(x, v6 ? QStringLiteral("bgp-ipv6") : QStringLiteral("bgp-ipv4"));
    const QString peer = v6 ? x.peer6 : x.peer4;
    const RouterResult &r = x.here.bgp;
    *skip = peer.isEmpty() || notApplicable(r);
    if (*skip)
        return s;
    if (!answered(r))
        return cannotCheck(s, r, QStringLiteral("the BGP session"));
    const auto want = IpAddress::parse(peer);
    s.records = {narrowed<BgpNeighborRecord>(r, [&](const BgpNeighborRecord &b) {
        const auto have = IpAddress::parse(b.neighbor);
        return have && want && *have == *want;
    })};
    const BgpNeighborRecord *n = findSession(r, peer, v6);
    if (!n) {
        s.verdict = Verdict::Fault;
        s.direct = true;
        s.finding = QStringLiteral("%1 has no BGP session with %2.").arg(s.router, peer);
        s.advice = QStringLiteral("Configure the neighbor %1 (remote AS %2) on %3.").arg(peer).arg(x.expectedPeerAs).arg(s.router);
        return s;
    }
    s.evidence = QStringLiteral("%1 AS%2 %3%4").arg(n->neighbor).arg(n->remoteAs).arg(n->stateDetail.isEmpty() ? bgpStateName(n->state) : n->stateDetail,
                                                      n->lastError.isEmpty() ? QString() : QStringLiteral(", last error: ") + n->lastError);
    if (!n->adminEnabled) {
        s.verdict = Verdict::Fault;
        s.direct = true;
        s.finding = QStringLiteral("The BGP session to %1 is shut down on %2.").arg(peer, s.router);
        s.advice = QStringLiteral("Enable the neighbor on %1 if the session should be up.").arg(s.router);
        return s;
    }
    if (x.expectedPeerAs > 0 && n->remoteAs > 0 && n->remoteAs != x.expectedPeerAs) {
        s.verdict = Verdict::Fault;
        s.direct = true;
        s.finding = QStringLiteral("%1 expects AS %2 from %3, but the connection says AS %4.").arg(s.router).arg(n->remoteAs).arg(peer).arg(x.expectedPeerAs);
        s.advice = QStringLiteral("Correct the neighbor's remote AS on %1 (or the AS in the inventory).").arg(s.router);
        return s;
    }
    const qint64 limit = x.end == ConnectionEnd::Provider ? x.c.prefixLimit : -1;
    if (n->state != BgpState::Established) {
        const QString cause = ConnectionDiagnosis::bgpCause(n->lastError, n->stateDetail);
        // Which end refused the OPEN tells whose configuration to correct.
        const QString le = n->lastError.toLower();
        const bool refusedByPeer = le.contains(u"received from the peer") || le.contains(u"notification received")
                                || le.contains(u"received notification");
        const bool refusedHere = le.contains(u"sent to the peer") || le.contains(u"notification sent") || le.contains(u"notification send");
        QString asDetail;
        QString asAdvice = QStringLiteral("Compare the local and remote AS configured on both ends.");
        if (cause.startsWith(u"wrong peer AS") && refusedByPeer) {
            const QString mine = n->localAs > 0 ? QStringLiteral("AS %1").arg(n->localAs) : QStringLiteral("its AS");
            asDetail = QStringLiteral(" (%1 refused the OPEN of %2: it expects another AS than %3)").arg(peer, s.router, mine);
            asAdvice = QStringLiteral("Correct the remote AS that the router at %1 configures for %2: it must be %3.").arg(peer, s.router, mine);
        } else if (cause.startsWith(u"wrong peer AS") && refusedHere) {
            asDetail = QStringLiteral(" (%1 refused the OPEN of %2: it announces another AS than %3)")
                           .arg(s.router, peer, n->remoteAs > 0 ? QStringLiteral("AS %1").arg(n->remoteAs) : QStringLiteral("the one configured"));
            asAdvice = QStringLiteral("Check the local AS of the router at %1 against the remote AS configured on %2.").arg(peer, s.router);
        }
        s.verdict = Verdict::Fault;
        s.finding = QStringLiteral("The BGP session from %1 to %2 is %3, not established%4%5.")
                        .arg(s.router, peer, n->stateDetail.isEmpty() ? bgpStateName(n->state) : n->stateDetail,
                             cause.isEmpty() ? (n->lastError.isEmpty() ? QString() : QStringLiteral(" (last error: %1)").arg(n->lastError))
                                             : QStringLiteral(": %1").arg(cause),
                             asDetail);
        s.direct = !cause.isEmpty();
        s.advice = cause.startsWith(u"wrong peer AS") ? asAdvice
                 : cause.startsWith(u"maximum prefixes") ? QStringLiteral("Ask the customer to announce fewer prefixes or raise the limit, then clear the session.")
                 : cause.startsWith(u"hold timer") ? QStringLiteral("Look for packet loss on the link (errors, optics) and an MTU mismatch.")
                 : cause.startsWith(u"authentication") ? QStringLiteral("Set the same TCP MD5 / TCP-AO key on both ends.")
                 : cause.startsWith(u"no route") ? QStringLiteral("Check ARP / neighbor discovery and the addresses on both ends.")
                 : cause.startsWith(u"shut down") ? QStringLiteral("The other end shut the session down: ask why, then enable it.")
                                                  : QStringLiteral("Check the lower layers first; then the neighbor's configuration on both ends.");
        return s;
    }
    if (limit > 0 && n->prefixesReceived > limit) {
        s.verdict = Verdict::Fault;
        s.direct = true;
        s.finding = QStringLiteral("%1 receives %2 prefixes from %3, over the connection's limit of %4.").arg(s.router).arg(n->prefixesReceived).arg(peer).arg(limit);
        s.advice = QStringLiteral("Ask the customer to announce only its agreed prefixes.");
        return s;
    }
    if (limit > 0 && n->prefixesReceived >= 0 && n->prefixesReceived * 10 >= limit * 9) {
        s.verdict = Verdict::Warn;
        s.finding = QStringLiteral("%1 receives %2 prefixes from %3, close to the limit of %4.").arg(s.router).arg(n->prefixesReceived).arg(peer).arg(limit);
        s.advice = QStringLiteral("A few more prefixes will take the session down: agree a higher limit or fewer prefixes.");
        return s;
    }
    s.verdict = Verdict::Ok;
    s.finding = QStringLiteral("The BGP session from %1 to %2 is established%3.")
                    .arg(s.router, peer, n->uptimeSeconds > 0 ? QStringLiteral(" (for %1 s)").arg(n->uptimeSeconds) : QString());
    return s;
}

QSet<QString> prefixesOf(const RouterResult &r, bool acceptedOnly)
{
    QSet<QString> out;
    if (!answered(r))
        return out;
    for (const RouteRecord &x : r.records.rows<RouteRecord>())
        if (!acceptedOnly || x.valid)
            out.insert(x.prefix.toString());
    return out;
}

// Whether an AS path ("65001 65002 {65010,65011}") holds the AS.
bool pathContains(const QString &asPath, qint64 as)
{
    if (as <= 0 || asPath.isEmpty())
        return false;
    static const QRegularExpression separators(QStringLiteral("[\\s{}(),\\[\\]]+"));
    const QString want = QString::number(as);
    const QStringList parts = asPath.split(separators, Qt::SkipEmptyParts);
    return parts.contains(want);
}

// The prefixes of an answer whose AS path holds the AS: a router drops a route that carries its
// own AS (loop prevention), so such a route sent back over the connection is expected not to be
// taken, not a policy problem.
QSet<QString> loopedBack(const RouterResult &r, qint64 as)
{
    QSet<QString> out;
    if (!answered(r) || as <= 0)
        return out;
    for (const RouteRecord &x : r.records.rows<RouteRecord>())
        if (pathContains(x.asPath, as))
            out.insert(x.prefix.toString());
    return out;
}

bool familyPrefix(const QString &prefix, bool v6)
{
    return prefix.contains(QLatin1Char(':')) == v6;
}

QString listed(QStringList prefixes)
{
    std::sort(prefixes.begin(), prefixes.end());
    if (prefixes.size() > 8) {
        const qsizetype more = prefixes.size() - 8;
        prefixes = prefixes.mid(0, 8);
        prefixes << QStringLiteral("and %1 more").arg(more);
    }
    return prefixes.join(QStringLiteral(", "));
}

// What the customer announces against what the provider received and accepted, one family.
// Long on purpose: one verdict, its cases in the order a person checks them by hand.
DiagnosisStep routesStep(const Connection &c, const EndEvidence &p, const EndEvidence &cu, bool v6, const DiagnosisStep *bgp, bool *skip)
{
    DiagnosisStep s;
    s.layer = v6 ? QStringLiteral("routes-ipv6") : QStringLiteral("routes-ipv4");
    s.end = ConnectionEnd::Both;
    s.router = cu.router.isEmpty() ? p.router : p.router + QStringLiteral(", ") + cu.router;
    const QString customerAddr = v6 ? c.customerAddress6 : c.customerAddress;
    *skip = customerAddr.isEmpty();
    if (*skip)
        return s;
    const RouterResult &received = v6 ? p.received6 : p.received;
    const RouterResult &sentByProvider = v6 ? p.advertised6 : p.advertised;
    const RouterResult &announced = v6 ? cu.advertised6 : cu.advertised;
    const RouterResult &receivedByCustomer = v6 ? cu.received6 : cu.received;
    if (bgp && bgp->verdict == Verdict::Fault) {
        s.verdict = Verdict::CannotCheck;
        s.finding = QStringLiteral("No routes to compare while the BGP session is down.");
        s.advice = QStringLiteral("Fix the session first.");
        s.evidence = QStringLiteral("session down");
        return s;
    }
    if (!answered(received))
        return cannotCheck([&] { DiagnosisStep t = s; t.router = p.router; return t; }(), received, QStringLiteral("the received routes"));
    s.records.append(received);
    const QSet<QString> got = prefixesOf(received, false);
    const QSet<QString> accepted = prefixesOf(received, true);
    QStringList rejected, notReceived, notAnnounced, notTakenByCustomer;
    // Routes that carry the receiving end's own AS are dropped by BGP's loop prevention (a
    // multihomed or transit customer sees its own prefixes come back): expected, not a finding.
    // Some platforms list such routes among the received ones without marking them (GoBGP's
    // adj-in is before its loop check): they count as not taken either way.
    const QSet<QString> loopsAtProvider = loopedBack(received, c.providerAs);
    QSet<QString> loops = loopsAtProvider;
    for (const QString &x : got)
        if (!accepted.contains(x) && !loopsAtProvider.contains(x))
            rejected << x;
    const bool customerAsked = answered(announced);
    if (customerAsked) {
        s.records.append(announced);
        const QSet<QString> looping = loopedBack(announced, c.providerAs);
        for (const QString &x : prefixesOf(announced, false)) {
            if (got.contains(x))
                continue;
            if (looping.contains(x))
                loops.insert(x);
            else
                notReceived << x;
        }
    }
    for (const QString &x : c.expectedPrefixes)
        if (familyPrefix(x, v6) && (customerAsked ? !prefixesOf(announced, false).contains(x) : !got.contains(x)))
            notAnnounced << x;
    if (answered(sentByProvider) && answered(receivedByCustomer)) {
        s.records.append(sentByProvider);
        s.records.append(receivedByCustomer);
        const QSet<QString> theyGot = prefixesOf(receivedByCustomer, false);
        const QSet<QString> looping = loopedBack(sentByProvider, c.customerAs);
        for (const QString &x : prefixesOf(sentByProvider, false)) {
            if (theyGot.contains(x))
                continue;
            if (looping.contains(x))
                loops.insert(x);
            else
                notTakenByCustomer << x;
        }
    }
    // The session's own counters, for platforms that list only accepted routes.
    qint64 counted = -1, countedAccepted = -1;
    // (a session that could not be read carries its error answer, whose records may be of no kind)
    if (bgp && bgp->verdict != Verdict::CannotCheck && !bgp->records.isEmpty() && bgp->records.first().ok()
        && bgp->records.first().records.kind() == QueryKind::BgpStatus)
        for (const BgpNeighborRecord &n : bgp->records.first().records.rows<BgpNeighborRecord>())
            if (n.addressFamily.isEmpty() || n.addressFamily.startsWith(v6 ? u"ipv6" : u"ipv4")) {
                counted = n.prefixesReceived;
                countedAccepted = n.prefixesAccepted;
            }
    s.evidence = QStringLiteral("%1 received (%2 accepted)%3").arg(got.size()).arg(accepted.size())
                     .arg(customerAsked ? QStringLiteral(", %1 announced by the customer").arg(prefixesOf(announced, false).size()) : QString());
    if (!loops.isEmpty())
        s.evidence += QStringLiteral("; not taken by BGP loop prevention (the receiver's own AS in the path), as expected: %1")
                          .arg(listed(QStringList(loops.cbegin(), loops.cend())));
    QStringList findings;
    if (!rejected.isEmpty())
        findings << QStringLiteral("%1 rejects %2 from the customer (its import policy: received, not accepted)").arg(p.router, listed(rejected));
    if (!notReceived.isEmpty())
        findings << QStringLiteral("%1 announces %2 but %3 does not accept %4 (filtered by the provider's import policy or prefix list)")
                        .arg(cu.router, listed(notReceived), p.router, notReceived.size() == 1 ? QStringLiteral("it") : QStringLiteral("them"));
    if (notReceived.isEmpty() && rejected.isEmpty() && counted > 0 && countedAccepted >= 0
        && countedAccepted + qint64(loopsAtProvider.size()) < counted)
        findings << QStringLiteral("only %1 of the %2 prefixes received from %3 are accepted by %4 (an import policy, prefix list or limit rejects the rest)")
                        .arg(countedAccepted).arg(counted).arg(customerAddr, p.router);
    if (!notAnnounced.isEmpty())
        findings << QStringLiteral("the customer does not announce %1 at all (expected for this connection)").arg(listed(notAnnounced));
    if (!notTakenByCustomer.isEmpty())
        findings << QStringLiteral("%1 sends %2 but %3 does not take %4").arg(p.router, listed(notTakenByCustomer), cu.router,
                                                                            notTakenByCustomer.size() == 1 ? QStringLiteral("it") : QStringLiteral("them"));
    if (!findings.isEmpty()) {
        s.verdict = Verdict::Warn;
        s.direct = !rejected.isEmpty() || !notReceived.isEmpty() || !notAnnounced.isEmpty();
        s.finding = findings.join(QStringLiteral("; ")) + QLatin1Char('.');
        s.advice = !notAnnounced.isEmpty() && rejected.isEmpty() && notReceived.isEmpty()
                       ? QStringLiteral("Ask the customer to announce the agreed prefixes.")
                       : QStringLiteral("Compare the provider's import policy or prefix list for this customer with the prefixes named.");
        return s;
    }
    if (got.isEmpty()) {
        s.verdict = Verdict::Warn;
        s.finding = QStringLiteral("%1 receives no %2 routes from %3: the customer announces nothing, or an import policy drops everything.")
                        .arg(p.router, v6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4"), customerAddr);
        s.advice = QStringLiteral("Check what the customer announces and the provider's import policy.");
        return s;
    }
    s.verdict = Verdict::Ok;
    qsizetype taken = 0;
    for (const QString &x : accepted)
        taken += loopsAtProvider.contains(x) ? 0 : 1;
    const QString loopNote = loops.isEmpty() ? QString()
        : QStringLiteral("; %1 more carry the receiving router's own AS and are dropped by BGP loop prevention, as expected").arg(loops.size());
    s.finding = customerAsked ? QStringLiteral("Every prefix %1 announces is received and accepted by %2 (%3)%4.").arg(cu.router, p.router).arg(taken).arg(loopNote)
                              : QStringLiteral("%1 receives and accepts %2 prefixes from %3%4.").arg(p.router).arg(taken).arg(customerAddr, loopNote);
    return s;
}

// Where the provider router sends traffic for the customer prefix: to the customer over this
// connection (OK), somewhere else (WARN: names the route it follows), or nowhere (WARN).
DiagnosisStep lookupStep(const Connection &c, const EndEvidence &p, bool v6, bool *skip)
{
    DiagnosisStep s;
    s.layer = v6 ? QStringLiteral("route-lookup-ipv6") : QStringLiteral("route-lookup-ipv4");
    s.end = ConnectionEnd::Provider;
    s.router = p.router;
    const RouterResult &r = v6 ? p.lookup6 : p.lookup;
    const QString prefix = v6 ? p.lookupPrefix6 : p.lookupPrefix;
    *skip = prefix.isEmpty() || !asked(r) || notApplicable(r);
    if (*skip)
        return s;
    if (!r.ok())
        return cannotCheck(s, r, QStringLiteral("the route to %1").arg(prefix));
    s.records = {r};
    const auto target = IpPrefix::parse(QStringView(prefix));
    const IpAddress addr = target ? target->firstHost() : IpAddress();
    const RouteRecord *best = nullptr;
    for (const RouteRecord &x : r.records.rows<RouteRecord>()) {
        if (!x.prefix.contains(addr))
            continue;
        // the longest match; of equal ones the best path
        if (!best || x.prefix.length() > best->prefix.length() || (x.prefix.length() == best->prefix.length() && x.best && !best->best))
            best = &x;
    }
    const QString peer = v6 ? c.customerAddress6 : c.customerAddress;
    if (!best) {
        s.verdict = Verdict::Warn;
        s.finding = QStringLiteral("%1 has no route for %2 (looked up %3): traffic from the provider network to it is dropped there.")
                        .arg(p.router, prefix, addr.toString());
        s.advice = QStringLiteral("Find why %1 holds no route for %2: the session, the import policy or the announcement.").arg(p.router, prefix);
        s.evidence = QStringLiteral("no route");
        return s;
    }
    const auto peerAddr = IpAddress::parse(QStringView(peer));
    const bool viaCustomer = (peerAddr && best->nextHop == *peerAddr)
                             || (!best->interfaceName.isEmpty() && sameInterface(best->interfaceName, c.providerInterface)
                                 && best->protocol != u"connected" && best->protocol != u"local");
    const QString how = QStringLiteral("%1 via %2%3").arg(best->prefix.toString(),
                                                          best->nextHop.isNull() ? best->interfaceName : best->nextHop.toString(),
                                                          best->protocol.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(best->protocol));
    s.evidence = how;
    if (viaCustomer) {
        s.verdict = Verdict::Ok;
        s.finding = QStringLiteral("%1 sends traffic for %2 to the customer: %3.").arg(p.router, prefix, how);
        return s;
    }
    s.verdict = Verdict::Warn;
    s.finding = QStringLiteral("%1 sends traffic for %2 elsewhere, not over this connection: it follows %3.").arg(p.router, prefix, how);
    s.advice = QStringLiteral("Check why the customer's route for %1 is not the one %2 uses (not received, rejected, or a preferred path elsewhere).")
                   .arg(prefix, p.router);
    return s;
}

int layerRank(const QString &layer)
{
    static const QStringList order{QStringLiteral("management"), QStringLiteral("optics"), QStringLiteral("link"), QStringLiteral("mtu"),
                                   QStringLiteral("vlan"), QStringLiteral("arp"), QStringLiteral("nd"), QStringLiteral("bgp-ipv4"),
                                   QStringLiteral("bgp-ipv6"), QStringLiteral("routes-ipv4"), QStringLiteral("routes-ipv6"),
                                   QStringLiteral("route-lookup-ipv4"), QStringLiteral("route-lookup-ipv6")};
    const qsizetype i = order.indexOf(layer);
    return i < 0 ? int(order.size()) : int(i);
}

// For picking the most specific warning: a lookup that finds no route to the customer is
// usually the consequence of what the routes check names (the prefix rejected or never sent),
// so it ranks just below the routes; it is the cause only when the routes look fine.
int causeRank(const QString &layer)
{
    if (layer.startsWith(u"route-lookup"))
        return 2 * layerRank(QStringLiteral("routes-ipv4")) - 1;
    return 2 * layerRank(layer);
}

} // namespace

// Long on purpose: the diagnosis' order of steps (layer by layer, both ends), readable as a whole.
DiagnosisResult ConnectionDiagnosis::evaluate(const Connection &c, const ConnectionEvidence &e)
{
    DiagnosisResult result;
    result.connection = c;
    const bool customerAsked = !e.customer.router.isEmpty();
    Ctx prov{c, ConnectionEnd::Provider, e.provider, customerAsked ? &e.customer : nullptr, c.providerInterface,
             c.customerAddress, c.customerAddress6, c.providerAddress, c.providerAddress6, c.customerAs, e.secondsBetweenReads};
    Ctx cust{c, ConnectionEnd::Customer, e.customer, &e.provider, c.customerInterface,
             c.providerAddress, c.providerAddress6, c.customerAddress, c.customerAddress6, c.providerAs, e.secondsBetweenReads};
    QList<const Ctx *> ends{&prov};
    if (customerAsked)
        ends.append(&cust);

    QList<DiagnosisStep> &steps = result.steps;
    QHash<const Ctx *, bool> reachable;
    for (const Ctx *x : ends) {
        DiagnosisStep m = managementStep(*x);
        reachable.insert(x, m.verdict == Verdict::Ok);
        steps.append(m);
    }
    for (const Ctx *x : ends) {
        if (!reachable.value(x))
            continue;
        bool skip = false;
        DiagnosisStep o = opticsStep(*x, &skip);
        if (!skip)
            steps.append(o);
    }
    for (const Ctx *x : ends) {
        bool skip = false;
        DiagnosisStep l = linkStep(*x, &skip);
        if (reachable.value(x) && !skip)
            steps.append(l);
    }
    // ARP first (not shown yet): a silent peer turns unknown-tag drops into the VLAN's fault.
    QHash<const Ctx *, QList<DiagnosisStep>> neighbors;
    QHash<const Ctx *, bool> peerSilent;
    for (const Ctx *x : ends) {
        if (!reachable.value(x))
            continue;
        for (bool v6 : {false, true}) {
            bool skip = false;
            DiagnosisStep n = neighborStep(*x, v6, &skip);
            if (skip)
                continue;
            if (!v6)
                peerSilent.insert(x, n.verdict == Verdict::Fault);
            neighbors[x].append(n);
        }
    }
    for (const Ctx *x : ends) {
        bool skip = false;
        DiagnosisStep v = vlanStep(*x, peerSilent.value(x), &skip);
        if (reachable.value(x) && !skip)
            steps.append(v);
    }
    for (const Ctx *x : ends)
        for (const DiagnosisStep &n : neighbors.value(x))
            if (!n.layer.startsWith(u"nd"))
                steps.append(n);
    for (const Ctx *x : ends)
        for (const DiagnosisStep &n : neighbors.value(x))
            if (n.layer.startsWith(u"nd"))
                steps.append(n);
    QHash<bool, DiagnosisStep> providerBgp;
    bool sessionsUp = true, anySession = false;
    for (bool v6 : {false, true}) {
        for (const Ctx *x : ends) {
            if (!reachable.value(x))
                continue;
            bool skip = false;
            DiagnosisStep b = bgpStep(*x, v6, &skip);
            if (skip)
                continue;
            if (x == &prov)
                providerBgp.insert(v6, b);
            anySession = true;
            sessionsUp = sessionsUp && b.verdict != Verdict::Fault && b.verdict != Verdict::CannotCheck;
            steps.append(b);
        }
    }
    if (reachable.value(&prov)) {
        bool skip = false;
        DiagnosisStep m = mtuStep(c, e.provider, customerAsked && reachable.value(&cust) ? e.customer : EndEvidence{},
                                  anySession && sessionsUp, &skip);
        if (!skip)
            steps.append(m);
    }
    if (reachable.value(&prov)) {
        for (bool v6 : {false, true}) {
            bool skip = false;
            const DiagnosisStep *b = providerBgp.contains(v6) ? &providerBgp[v6] : nullptr;
            DiagnosisStep r = routesStep(c, e.provider, customerAsked && reachable.value(&cust) ? e.customer : EndEvidence{}, v6, b, &skip);
            if (!skip)
                steps.append(r);
        }
    }
    if (reachable.value(&prov)) {
        for (bool v6 : {false, true}) {
            bool skip = false;
            DiagnosisStep l = lookupStep(c, e.provider, v6, &skip);
            if (!skip)
                steps.append(l);
        }
    }
    std::stable_sort(steps.begin(), steps.end(), [](const DiagnosisStep &a, const DiagnosisStep &b) { return layerRank(a.layer) < layerRank(b.layer); });

    // The likely cause: the lowest fault (a direct finding before an inferred one on the same
    // layer); with no fault, the most specific warning (the highest layer: it names a prefix, a
    // session, a tag rather than a symptom).
    int best = -1;
    for (int i = 0; i < steps.size(); ++i) {
        const DiagnosisStep &s = steps.at(i);
        if (s.verdict != Verdict::Fault)
            continue;
        if (best < 0) {
            best = i;
            continue;
        }
        const DiagnosisStep &b = steps.at(best);
        if (layerRank(s.layer) == layerRank(b.layer) && s.direct && !b.direct)
            best = i;
    }
    if (best < 0) {
        for (int i = 0; i < steps.size(); ++i) {
            const DiagnosisStep &s = steps.at(i);
            if (s.verdict != Verdict::Warn)
                continue;
            if (best < 0 || causeRank(s.layer) > causeRank(steps.at(best).layer)
                || (causeRank(s.layer) == causeRank(steps.at(best).layer) && s.direct && !steps.at(best).direct))
                best = i;
        }
    }
    if (best >= 0) {
        steps[best].likelyCause = true;
        result.likelyCause = best;
    }
    return result;
}

} // namespace rl
