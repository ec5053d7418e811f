#include "engine/diagnosis/connection_diagnosis.h"

#include <QTest>

#include <functional>

using namespace rl;

Q_DECLARE_METATYPE(ConnectionEvidence)

namespace {

Connection connection()
{
    Connection c;
    c.id = QStringLiteral("acme-1");
    c.customer = QStringLiteral("acme");
    c.providerRouter = QStringLiteral("pe1");
    c.providerInterface = QStringLiteral("Gi0/0/1.100");
    c.vlan = 100;
    c.providerAddress = QStringLiteral("198.51.100.1");
    c.customerAddress = QStringLiteral("198.51.100.2");
    c.providerAddress6 = QStringLiteral("2001:db8:100::1");
    c.customerAddress6 = QStringLiteral("2001:db8:100::2");
    c.providerAs = 64500;
    c.customerAs = 65010;
    c.customerRouter = QStringLiteral("ce1");
    c.customerInterface = QStringLiteral("GigabitEthernet0/1.100");
    return c;
}

template<typename R>
RouterResult part(const QString &router, QueryKind kind, QList<R> rows)
{
    RouterResult r;
    r.router = router;
    r.records = RecordSet(kind, std::move(rows));
    return r;
}

InterfaceRecord intf(const QString &name, const QString &mac, qint64 mtu)
{
    InterfaceRecord i;
    i.name = name;
    i.adminState = LinkState::Up;
    i.operState = LinkState::Up;
    i.mac = mac;
    i.mtu = mtu;
    i.inErrors = 5; // lifetime errors that do not rise: not a finding
    return i;
}

RouteRecord route(const char *prefix, bool valid = true)
{
    RouteRecord r;
    r.prefix = *IpPrefix::parse(std::string_view(prefix));
    r.valid = valid;
    return r;
}

// A route-lookup row: prefix, next hop, protocol.
RouteRecord lookupRow(const char *prefix, const char *nextHop, const char *protocol)
{
    RouteRecord r = route(prefix);
    r.nextHop = *IpAddress::parse(std::string_view(nextHop));
    r.protocol = QString::fromLatin1(protocol);
    r.best = true;
    return r;
}

// The evidence with the provider's lookup of `prefix` answered with `rows`.
ConnectionEvidence withLookup(ConnectionEvidence e, const char *prefix, const QList<RouteRecord> &rows)
{
    e.provider.lookupPrefix = QString::fromLatin1(prefix);
    e.provider.lookup = part(e.provider.router, QueryKind::RouteLookup, rows);
    return e;
}

EndEvidence end(const QString &router, const QString &port, const QString &sub, const QString &mac, const QString &peer4,
                const QString &peer6, const QString &peerMac, qint64 peerAs, const QList<RouteRecord> &received,
                const QList<RouteRecord> &advertised)
{
    EndEvidence e;
    e.router = router;
    e.link = part(router, QueryKind::LinkStatus, QList<InterfaceRecord>{intf(port, mac, 1500), intf(sub, mac, 1500)});
    e.linkAgain = e.link;
    VlanRecord v;
    v.interfaceName = sub;
    v.parentInterface = port;
    v.vlanId = 100;
    v.unknownTagDrops = 0;
    e.vlan = part(router, QueryKind::VlanErrors, QList<VlanRecord>{v});
    e.vlanAgain = e.vlan;
    e.arp = part(router, QueryKind::ArpTable,
                 QList<ArpRecord>{{QStringLiteral("default"), peer4, peerMac, sub, 30, NeighborState::Reachable},
                                  {QStringLiteral("default"), peer6, peerMac, sub, 30, NeighborState::Reachable}});
    BgpNeighborRecord n4;
    n4.neighbor = peer4;
    n4.addressFamily = QStringLiteral("ipv4-unicast");
    n4.remoteAs = peerAs;
    n4.state = BgpState::Established;
    n4.uptimeSeconds = 3600;
    BgpNeighborRecord n6 = n4;
    n6.neighbor = peer6;
    n6.addressFamily = QStringLiteral("ipv6-unicast");
    e.bgp = part(router, QueryKind::BgpStatus, QList<BgpNeighborRecord>{n4, n6});
    e.received = part(router, QueryKind::ReceivedRoutes, received);
    e.advertised = part(router, QueryKind::AdvertisedRoutes, advertised);
    e.received6 = part(router, QueryKind::ReceivedRoutes, QList<RouteRecord>{route("2001:db8:900::/48")});
    e.advertised6 = part(router, QueryKind::AdvertisedRoutes, QList<RouteRecord>{route("2001:db8:800::/48")});
    e.optics.router = router;
    e.optics.error = Error(ErrorCode::UnsupportedQuery, QStringLiteral("Optics are not available on this platform."));
    return e;
}

const QList<RouteRecord> kCustomerRoutes{route("203.0.113.0/26"), route("203.0.113.64/26")};
const QList<RouteRecord> kProviderRoutes{route("0.0.0.0/0")};

ConnectionEvidence healthy()
{
    ConnectionEvidence e;
    e.secondsBetweenReads = 3;
    e.provider = end(QStringLiteral("pe1"), QStringLiteral("Gi0/0/1"), QStringLiteral("Gi0/0/1.100"), QStringLiteral("00:00:5e:00:01:01"),
                     QStringLiteral("198.51.100.2"), QStringLiteral("2001:db8:100::2"), QStringLiteral("00:00:5e:00:02:02"), 65010,
                     kCustomerRoutes, kProviderRoutes);
    e.customer = end(QStringLiteral("ce1"), QStringLiteral("GigabitEthernet0/1"), QStringLiteral("GigabitEthernet0/1.100"),
                     QStringLiteral("00:00:5e:00:02:02"), QStringLiteral("198.51.100.1"), QStringLiteral("2001:db8:100::1"),
                     QStringLiteral("00:00:5e:00:01:01"), 64500, kProviderRoutes, kCustomerRoutes);
    e.provider.received6 = part(QStringLiteral("pe1"), QueryKind::ReceivedRoutes, QList<RouteRecord>{route("2001:db8:800::/48")});
    e.provider.advertised6 = part(QStringLiteral("pe1"), QueryKind::AdvertisedRoutes, QList<RouteRecord>{route("2001:db8:900::/48")});
    e.customer.received6 = part(QStringLiteral("ce1"), QueryKind::ReceivedRoutes, QList<RouteRecord>{route("2001:db8:900::/48")});
    e.customer.advertised6 = part(QStringLiteral("ce1"), QueryKind::AdvertisedRoutes, QList<RouteRecord>{route("2001:db8:800::/48")});
    return e;
}

InterfaceRecord &linkRow(EndEvidence &e, int row) { return e.link.records.rows<InterfaceRecord>()[row]; }
BgpNeighborRecord &session(EndEvidence &e, int row) { return e.bgp.records.rows<BgpNeighborRecord>()[row]; }

QString verdictOf(const DiagnosisResult &d, const QString &layer, ConnectionEnd end)
{
    for (const DiagnosisStep &s : d.steps)
        if (s.layer == layer && s.end == end)
            return verdictName(s.verdict);
    return QStringLiteral("(none)");
}

} // namespace

class TestConnectionDiagnosis final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plan();
    void cases_data();
    void cases();
    void unreachableProviderCannotBeChecked();
    void followUpLooksUpThePrefixInDoubt();
    void connectionVrfIsAsked();
    void unmanagedCustomerRouter();
    void untaggedConnection();
    void lastErrorsDecoded_data();
    void lastErrorsDecoded();
};

void TestConnectionDiagnosis::plan()
{
    const QList<PlannedRequest> both = ConnectionDiagnosis::plan(connection(), ClientIdentity{}, true);
    const QList<PlannedRequest> providerOnly = ConnectionDiagnosis::plan(connection(), ClientIdentity{}, false);
    QVERIFY(both.size() > providerOnly.size());
    QSet<QString> routers;
    int secondReads = 0;
    for (const PlannedRequest &p : both) {
        QCOMPARE(p.request.routers.size(), 1);
        routers.insert(p.request.routers.first());
        QCOMPARE(p.request.urgency, Urgency::Interactive);
        secondReads += p.secondRead ? 1 : 0;
        QCOMPARE(p.request.routers.first(), p.end == ConnectionEnd::Customer ? QStringLiteral("ce1") : QStringLiteral("pe1"));
        if (p.request.kind == QueryKind::ReceivedRoutes && p.end == ConnectionEnd::Provider)
            QVERIFY(p.request.params.neighbor == u"198.51.100.2" || p.request.params.neighbor == u"2001:db8:100::2");
        if (p.request.kind == QueryKind::ReceivedRoutes && p.end == ConnectionEnd::Customer)
            QVERIFY(p.request.params.neighbor == u"198.51.100.1" || p.request.params.neighbor == u"2001:db8:100::1");
    }
    QCOMPARE(routers, (QSet<QString>{QStringLiteral("pe1"), QStringLiteral("ce1")}));
    QCOMPARE(secondReads, 4); // link and VLAN counters, on both ends
    for (const PlannedRequest &p : providerOnly)
        QCOMPARE(p.end, ConnectionEnd::Provider);
}

void TestConnectionDiagnosis::cases_data()
{
    QTest::addColumn<Connection>("conn");
    QTest::addColumn<ConnectionEvidence>("evidence");
    QTest::addColumn<QString>("checks");   // "layer/end=verdict;..."
    QTest::addColumn<QString>("cause");    // "layer/end" of the likely cause, or empty
    QTest::addColumn<QString>("mentions"); // in the cause's finding
    QTest::addColumn<QString>("overall");

    const Connection c = connection();
    QTest::newRow("healthy") << c << healthy() << "link/provider=ok;link/customer=ok;vlan/customer=ok;arp/provider=ok;nd/customer=ok;"
                                                 "bgp-ipv4/provider=ok;bgp-ipv6/customer=ok;routes-ipv4/both=ok;routes-ipv6/both=ok;mtu/both=ok"
                             << "" << "" << "ok";

    ConnectionEvidence shut = healthy();
    linkRow(shut.provider, 0).adminState = LinkState::AdminDown;
    linkRow(shut.provider, 1).operState = LinkState::LowerLayerDown;
    QTest::newRow("provider port shut") << c << shut << "link/provider=fault" << "link/provider" << "administratively down" << "fault";

    ConnectionEvidence noSignal = healthy();
    linkRow(noSignal.customer, 0).operState = LinkState::Down;
    QTest::newRow("no signal on the customer's port") << c << noSignal << "link/customer=fault;link/provider=ok" << "link/customer" << "no signal"
                                                      << "fault";

    ConnectionEvidence rising = healthy();
    rising.provider.linkAgain.records.rows<InterfaceRecord>()[1].inErrors = 45;
    QTest::newRow("errors rising between the reads") << c << rising << "link/provider=warn" << "link/provider" << "40 more in 3 s" << "warn";

    ConnectionEvidence lifetime = healthy();
    linkRow(lifetime.provider, 1).inErrors = 100000;
    lifetime.provider.linkAgain = lifetime.provider.link;
    QTest::newRow("lifetime errors that do not rise") << c << lifetime << "link/provider=ok" << "" << "" << "ok";

    ConnectionEvidence wrongTag = healthy();
    wrongTag.customer.vlan.records.rows<VlanRecord>()[0].vlanId = 101;
    for (ArpRecord &a : wrongTag.provider.arp.records.rows<ArpRecord>())
        a.mac.clear(), a.state = NeighborState::Incomplete;
    wrongTag.provider.vlan.records.rows<VlanRecord>()[0].unknownTagDrops = 500;
    session(wrongTag.provider, 0).state = BgpState::Active;
    QTest::newRow("customer tags another VLAN: the direct finding is the cause")
        << c << wrongTag << "vlan/customer=fault;vlan/provider=fault;arp/provider=fault;bgp-ipv4/provider=fault;routes-ipv4/both=cannot-check"
        << "vlan/customer" << "tagged 101 but the connection uses VLAN 100" << "fault";

    ConnectionEvidence macMismatch = healthy();
    macMismatch.provider.arp.records.rows<ArpRecord>()[0].mac = QStringLiteral("00:00:0c:07:ac:0a");
    QTest::newRow("ARP answered by another MAC") << c << macMismatch << "arp/provider=warn" << "arp/provider" << "00:00:0c:07:ac:0a" << "warn";

    ConnectionEvidence bgpShut = healthy();
    session(bgpShut.customer, 0).adminEnabled = false;
    session(bgpShut.customer, 0).state = BgpState::Idle;
    QTest::newRow("customer shut its session") << c << bgpShut << "bgp-ipv4/customer=fault;routes-ipv4/both=ok" << "bgp-ipv4/customer"
                                                << "shut down on ce1" << "fault";

    ConnectionEvidence wrongAs = healthy();
    session(wrongAs.provider, 0).remoteAs = 65011;
    session(wrongAs.provider, 0).state = BgpState::Active;
    QTest::newRow("provider expects another AS") << c << wrongAs << "bgp-ipv4/provider=fault" << "bgp-ipv4/provider" << "AS 65011" << "fault";

    ConnectionEvidence limit = healthy();
    session(limit.provider, 0).state = BgpState::Idle;
    session(limit.provider, 0).stateDetail = QStringLiteral("Idle (PfxCt)");
    ConnectionEvidence peerRefuses = healthy(); // FRR's words when the other end sends "Bad Peer AS"
    session(peerRefuses.provider, 0).state = BgpState::Active;
    session(peerRefuses.provider, 0).localAs = 64500;
    session(peerRefuses.provider, 0).lastError = QStringLiteral("OPEN Message Error/Bad Peer AS (code 0202, received from the peer)");
    QTest::newRow("the other end refuses the provider's AS") << c << peerRefuses << "bgp-ipv4/provider=fault;bgp-ipv6/provider=ok"
                                                              << "bgp-ipv4/provider"
                                                              << "198.51.100.2 refused the OPEN of pe1: it expects another AS than AS 64500"
                                                              << "fault";

    ConnectionEvidence noNht = healthy(); // FRR waits for a route to the peer (the link's connected route is gone)
    session(noNht.provider, 0).state = BgpState::Active;
    session(noNht.provider, 0).lastError = QStringLiteral("Waiting for NHT");
    QTest::newRow("no route to the peer") << c << noNht << "bgp-ipv4/provider=fault" << "bgp-ipv4/provider" << "no route to the peer" << "fault";

    QTest::newRow("maximum prefixes reached") << c << limit << "bgp-ipv4/provider=fault" << "bgp-ipv4/provider" << "maximum prefixes" << "fault";

    Connection limited = c;
    limited.prefixLimit = 10;
    ConnectionEvidence nearLimit = healthy();
    session(nearLimit.provider, 0).prefixesReceived = 9;
    QTest::newRow("close to the prefix limit") << limited << nearLimit << "bgp-ipv4/provider=warn" << "bgp-ipv4/provider" << "close to the limit of 10"
                                               << "warn";

    ConnectionEvidence rejected = healthy();
    rejected.provider.received.records.rows<RouteRecord>()[1].valid = false;
    QTest::newRow("provider rejects a prefix it received") << c << rejected << "routes-ipv4/both=warn" << "routes-ipv4/both"
                                                            << "rejects 203.0.113.64/26" << "warn";

    ConnectionEvidence dropped = healthy();
    dropped.provider.received.records.rows<RouteRecord>().removeLast();
    QTest::newRow("announced but not received") << c << dropped << "routes-ipv4/both=warn" << "routes-ipv4/both"
                                                 << "ce1 announces 203.0.113.64/26 but pe1 does not accept it" << "warn";

    // BGP loop prevention: a route carrying the receiver's own AS is not taken, as expected.
    ConnectionEvidence loopBack = healthy();
    RouteRecord own = route("203.0.113.0/26"); // the customer's prefix, learned back over another path
    own.asPath = QStringLiteral("64999 65010");
    loopBack.provider.advertised.records.rows<RouteRecord>().append(own);
    QTest::newRow("provider sends the customer's own prefix back") << c << loopBack << "routes-ipv4/both=ok" << "" << "" << "ok";

    ConnectionEvidence loopUp = healthy();
    RouteRecord transit = route("198.51.100.128/26"); // the provider's own prefix, via the customer's other upstream
    transit.asPath = QStringLiteral("64999 {64500,64501}");
    loopUp.customer.advertised.records.rows<RouteRecord>().append(transit);
    QTest::newRow("customer announces a path through the provider's AS") << c << loopUp << "routes-ipv4/both=ok" << "" << "" << "ok";

    ConnectionEvidence counters = healthy(); // a platform whose received list is before the policy (GoBGP's adj-in)
    RouteRecord looped = route("203.0.113.128/26");
    looped.asPath = QStringLiteral("65010 64500");
    counters.provider.received.records.rows<RouteRecord>().append(looped);
    session(counters.provider, 0).prefixesReceived = 3;
    session(counters.provider, 0).prefixesAccepted = 2;
    QTest::newRow("counters: the one not accepted is a loop") << c << counters << "routes-ipv4/both=ok" << "" << "" << "ok";
    ConnectionEvidence counted = counters;
    counted.provider.received.records.rows<RouteRecord>().last().asPath = QStringLiteral("65010");
    QTest::newRow("counters: one not accepted by policy") << c << counted << "routes-ipv4/both=warn" << "routes-ipv4/both"
                                                          << "only 2 of the 3 prefixes" << "warn";

    ConnectionEvidence notTaken = healthy(); // without its AS in the path, a route the customer drops is a finding
    notTaken.provider.advertised.records.rows<RouteRecord>().append(route("198.51.100.0/24"));
    QTest::newRow("customer does not take a prefix") << c << notTaken << "routes-ipv4/both=warn" << "routes-ipv4/both"
                                                     << "pe1 sends 198.51.100.0/24 but ce1 does not take it" << "warn";

    Connection expects = c;
    expects.expectedPrefixes = {QStringLiteral("203.0.113.128/26")};
    QTest::newRow("an agreed prefix is not announced") << expects << healthy() << "routes-ipv4/both=warn" << "routes-ipv4/both"
                                                       << "does not announce 203.0.113.128/26" << "warn";

    ConnectionEvidence mtuDown = healthy();
    linkRow(mtuDown.customer, 1).mtu = 9000;
    linkRow(mtuDown.customer, 0).mtu = 9000;
    session(mtuDown.provider, 0).state = BgpState::OpenConfirm;
    QTest::newRow("MTU mismatch with the session stuck") << c << mtuDown << "mtu/both=fault" << "mtu/both" << "The MTUs differ" << "fault";

    ConnectionEvidence mtuUp = healthy();
    linkRow(mtuUp.customer, 1).mtu = 9000;
    QTest::newRow("MTU mismatch with the sessions up") << c << mtuUp << "mtu/both=warn" << "mtu/both" << "TCP works around it" << "warn";

    ConnectionEvidence l2l3 = healthy();
    linkRow(l2l3.customer, 1).mtu = 1514;
    QTest::newRow("MTU counted with and without the Ethernet header") << c << l2l3 << "mtu/both=ok" << "" << "" << "ok";

    ConnectionEvidence unitOnly = healthy(); // Junos, or an external client's filtered answer
    unitOnly.provider.link.records.rows<InterfaceRecord>().clear();
    unitOnly.provider.linkAgain = unitOnly.provider.link;
    unitOnly.provider.unit = part(QStringLiteral("pe1"), QueryKind::LinkStatus, QList<InterfaceRecord>{intf(QStringLiteral("Gi0/0/1.100"), {}, 1500)});
    QTest::newRow("only the subinterface asked by name") << c << unitOnly << "link/provider=ok;mtu/both=ok" << "" << "" << "ok";

    ConnectionEvidence bgpTimedOut = healthy(); // an error answer carries no records of its kind
    bgpTimedOut.provider.bgp.records = RecordSet();
    bgpTimedOut.provider.bgp.error = Error(ErrorCode::Timeout, QStringLiteral("pe1 did not answer within 30 s."));
    QTest::newRow("provider's BGP answer timed out") << c << bgpTimedOut << "bgp-ipv4/provider=cannot-check;routes-ipv4/both=ok;link/provider=ok"
                                                     << "" << "" << "cannot-check";

    ConnectionEvidence customerDown = healthy();
    for (RouterResult *r : {&customerDown.customer.link, &customerDown.customer.linkAgain, &customerDown.customer.vlan,
                            &customerDown.customer.vlanAgain, &customerDown.customer.arp, &customerDown.customer.bgp,
                            &customerDown.customer.received, &customerDown.customer.advertised, &customerDown.customer.received6,
                            &customerDown.customer.advertised6})
        r->error = Error(ErrorCode::Timeout, QStringLiteral("ce1 did not answer within 30 s."));
    QTest::newRow("lookup: traffic goes to the customer")
        << c << withLookup(healthy(), "203.0.113.0/26", {lookupRow("0.0.0.0/0", "198.51.100.254", "static"),
                                                          lookupRow("203.0.113.0/26", "198.51.100.2", "bgp")})
        << "route-lookup-ipv4/provider=ok;routes-ipv4/both=ok" << "" << "" << "ok";
    QTest::newRow("lookup: a static route elsewhere wins")
        << c << withLookup(healthy(), "203.0.113.0/26", {lookupRow("203.0.113.0/25", "10.0.0.9", "static")})
        << "route-lookup-ipv4/provider=warn;routes-ipv4/both=ok" << "route-lookup-ipv4/provider" << "follows 203.0.113.0/25 via 10.0.0.9 (static)"
        << "warn";
    QTest::newRow("lookup: no route at all")
        << c << withLookup(healthy(), "203.0.113.0/26", {}) << "route-lookup-ipv4/provider=warn" << "route-lookup-ipv4/provider"
        << "has no route for 203.0.113.0/26 (looked up 203.0.113.1)" << "warn";
    ConnectionEvidence rejectedAndGone = withLookup(healthy(), "203.0.113.64/26", {lookupRow("0.0.0.0/0", "10.0.0.9", "bgp")});
    rejectedAndGone.provider.received.records.rows<RouteRecord>()[1].valid = false;
    QTest::newRow("lookup that follows a rejected prefix is its consequence, not the cause")
        << c << rejectedAndGone << "route-lookup-ipv4/provider=warn;routes-ipv4/both=warn" << "routes-ipv4/both" << "rejects 203.0.113.64/26"
        << "warn";
    ConnectionEvidence lookupFailed = withLookup(healthy(), "203.0.113.0/26", {});
    lookupFailed.provider.lookup.error = Error(ErrorCode::Timeout, QStringLiteral("pe1 did not answer within 30 s."));
    QTest::newRow("lookup not answered") << c << lookupFailed << "route-lookup-ipv4/provider=cannot-check" << "" << "" << "cannot-check";

    QTest::newRow("customer router cannot be asked") << c << customerDown << "management/customer=cannot-check;management/provider=ok;"
                                                                            "link/customer=(none);routes-ipv4/both=ok"
                                                     << "" << "" << "cannot-check";
}

void TestConnectionDiagnosis::cases()
{
    QFETCH(Connection, conn);
    QFETCH(ConnectionEvidence, evidence);
    QFETCH(QString, checks);
    QFETCH(QString, cause);
    QFETCH(QString, mentions);
    QFETCH(QString, overall);
    const DiagnosisResult d = ConnectionDiagnosis::evaluate(conn, evidence);
    QStringList all;
    for (const DiagnosisStep &s : d.steps) {
        all << s.layer + u'/' + connectionEndName(s.end) + u'=' + verdictName(s.verdict);
        QVERIFY2(!s.finding.isEmpty(), qPrintable(s.layer));
        QVERIFY2(!s.finding.contains(u"-1"), qPrintable(s.finding));
        if (s.verdict != Verdict::Ok && s.verdict != Verdict::CannotCheck)
            QVERIFY2(!s.advice.isEmpty(), qPrintable(s.layer + QStringLiteral(": every finding says what to do")));
    }
    const QString got = all.join(QLatin1Char(';'));
    for (const QString &check : checks.split(QLatin1Char(';'))) {
        const QString layerEnd = check.section(QLatin1Char('='), 0, 0);
        QCOMPARE(verdictOf(d, layerEnd.section(u'/', 0, 0),
                           layerEnd.endsWith(u"provider") ? ConnectionEnd::Provider
                           : layerEnd.endsWith(u"customer") ? ConnectionEnd::Customer : ConnectionEnd::Both)
                     + QStringLiteral(" (") + layerEnd + u')',
                 check.section(QLatin1Char('='), 1) + QStringLiteral(" (") + layerEnd + u')');
    }
    const DiagnosisStep *likely = d.cause();
    QCOMPARE(likely ? likely->layer + u'/' + connectionEndName(likely->end) : QString(), cause);
    if (likely)
        QVERIFY2(likely->finding.contains(mentions), qPrintable(likely->finding));
    int causes = 0;
    for (const DiagnosisStep &s : d.steps)
        causes += s.likelyCause ? 1 : 0;
    QCOMPARE(causes, likely ? 1 : 0);
    QCOMPARE(verdictName(d.overall()), overall);
    Q_UNUSED(got);
}

void TestConnectionDiagnosis::unreachableProviderCannotBeChecked()
{
    ConnectionEvidence e = healthy();
    e.customer = EndEvidence{};
    for (RouterResult *r : {&e.provider.link, &e.provider.linkAgain, &e.provider.vlan, &e.provider.vlanAgain, &e.provider.arp,
                            &e.provider.bgp, &e.provider.received, &e.provider.advertised, &e.provider.received6,
                            &e.provider.advertised6, &e.provider.optics})
        r->error = Error(ErrorCode::Unreachable, QStringLiteral("pe1 cannot be reached over SSH."));
    const DiagnosisResult d = ConnectionDiagnosis::evaluate(connection(), e);
    QCOMPARE(d.overall(), Verdict::CannotCheck);
    QCOMPARE(d.steps.size(), 1);
    QCOMPARE(d.steps.first().layer, QStringLiteral("management"));
    QVERIFY(d.steps.first().finding.contains(u"cannot be reached"));
    QVERIFY(!d.cause()); // nothing was found: "could not ask" is no cause and never OK
}

// A connection in a VRF is read from that VRF on each end (ARP, BGP, routes, the lookup):
// the global table holds other sessions, and an external client may read only its own VRF.
void TestConnectionDiagnosis::connectionVrfIsAsked()
{
    Connection c = connection();
    c.vrf = QStringLiteral("CUST-A");
    c.customerVrf = QStringLiteral("INET");
    int inVrf = 0;
    for (const PlannedRequest &p : ConnectionDiagnosis::plan(c, ClientIdentity{}, true)) {
        const bool usesVrf = p.request.kind == QueryKind::ArpTable || p.request.kind == QueryKind::BgpStatus
            || p.request.kind == QueryKind::ReceivedRoutes || p.request.kind == QueryKind::AdvertisedRoutes;
        const QString want = !usesVrf ? QString() : p.end == ConnectionEnd::Provider ? c.vrf : c.customerVrf;
        QCOMPARE(p.request.params.vrf, want);
        inVrf += !want.isEmpty();
    }
    QVERIFY(inVrf >= 8); // ARP, BGP and both route kinds per family, on both ends
    const QList<PlannedRequest> f = ConnectionDiagnosis::followUp(c, healthy(), ClientIdentity{});
    QVERIFY(!f.isEmpty());
    for (const PlannedRequest &p : f)
        QCOMPARE(p.request.params.vrf, c.vrf);
}

void TestConnectionDiagnosis::followUpLooksUpThePrefixInDoubt()
{
    const ClientIdentity client;
    // healthy: the lowest accepted prefix per family, looked up at its first host address
    QList<PlannedRequest> f = ConnectionDiagnosis::followUp(connection(), healthy(), client);
    QCOMPARE(f.size(), 2);
    QCOMPARE(f[0].slot, EvidenceSlot::Lookup);
    QCOMPARE(f[0].about, QStringLiteral("203.0.113.0/26"));
    QCOMPARE(f[0].request.kind, QueryKind::RouteLookup);
    QCOMPARE(f[0].request.routers, QStringList{QStringLiteral("pe1")});
    QCOMPARE(f[0].request.params.destination, QStringLiteral("203.0.113.1"));
    QCOMPARE(f[1].slot, EvidenceSlot::Lookup6);
    QCOMPARE(f[1].request.params.destination, QStringLiteral("2001:db8:800::1"));

    // a rejected prefix comes first
    ConnectionEvidence e = healthy();
    e.provider.received.records.rows<RouteRecord>()[1].valid = false;
    QCOMPARE(ConnectionDiagnosis::followUp(connection(), e, client).first().about, QStringLiteral("203.0.113.64/26"));
    // then one the customer announces that never arrived
    e = healthy();
    e.customer.advertised = part(QStringLiteral("ce1"), QueryKind::AdvertisedRoutes,
                                 QList<RouteRecord>{route("203.0.113.0/26"), route("203.0.113.64/26"), route("203.0.113.128/25")});
    QCOMPARE(ConnectionDiagnosis::followUp(connection(), e, client).first().about, QStringLiteral("203.0.113.128/25"));
    // with nothing received and nothing known, nothing to look up (the session check says why)
    e = healthy();
    e.customer = EndEvidence{};
    e.provider.received = part(QStringLiteral("pe1"), QueryKind::ReceivedRoutes, QList<RouteRecord>{});
    e.provider.received6 = e.provider.received;
    QVERIFY(ConnectionDiagnosis::followUp(connection(), e, client).isEmpty());
    // ... unless the connection names its expected prefixes; a /32 is looked up as it is
    Connection c = connection();
    c.expectedPrefixes = {QStringLiteral("203.0.113.77/32")};
    f = ConnectionDiagnosis::followUp(c, e, client);
    QCOMPARE(f.size(), 1);
    QCOMPARE(f[0].request.params.destination, QStringLiteral("203.0.113.77"));
}

void TestConnectionDiagnosis::unmanagedCustomerRouter()
{
    Connection c = connection();
    c.customerRouter.clear();
    ConnectionEvidence e = healthy();
    e.customer = EndEvidence{};
    const DiagnosisResult d = ConnectionDiagnosis::evaluate(c, e);
    for (const DiagnosisStep &s : d.steps)
        QVERIFY2(s.end != ConnectionEnd::Customer, qPrintable(s.layer));
    QCOMPARE(d.overall(), Verdict::Ok);
    QCOMPARE(verdictOf(d, QStringLiteral("routes-ipv4"), ConnectionEnd::Both), QStringLiteral("ok"));
}

void TestConnectionDiagnosis::untaggedConnection()
{
    Connection c = connection();
    c.vlan = -1;
    ConnectionEvidence e = healthy();
    for (EndEvidence *x : {&e.provider, &e.customer})
        for (VlanRecord &v : x->vlan.records.rows<VlanRecord>())
            v.vlanId = -1;
    const DiagnosisResult d = ConnectionDiagnosis::evaluate(c, e);
    for (const DiagnosisStep &s : d.steps) {
        if (s.layer == u"vlan") {
            QCOMPARE(s.verdict, Verdict::Ok);
            QVERIFY2(s.finding.contains(u"untagged"), qPrintable(s.finding));
        }
    }
}

void TestConnectionDiagnosis::lastErrorsDecoded_data()
{
    QTest::addColumn<QString>("lastError");
    QTest::addColumn<QString>("stateDetail");
    QTest::addColumn<QString>("cause");
    QTest::newRow("ios bad peer as") << "BGP Notification sent, OPEN message error/bad peer AS" << "Idle" << "wrong peer AS";
    QTest::newRow("junos hold time") << "Hold Timer Expired Error" << "Active" << "hold timer expired";
    QTest::newRow("frr hold time") << "Waiting for Peer IPv6 LLA / Hold Timer Expired" << "Active" << "hold timer expired";
    QTest::newRow("pfxct") << "" << "Idle (PfxCt)" << "maximum prefixes";
    QTest::newRow("cease max prefix") << "Cease/maximum number of prefixes reached" << "Idle" << "maximum prefixes";
    QTest::newRow("md5") << "TCP MD5 authentication failed" << "Connect" << "authentication";
    QTest::newRow("admin") << "Cease/administrative shutdown" << "Idle" << "shut down administratively";
    QTest::newRow("frr waiting for nht") << "Waiting for NHT" << "Active" << "no route to the peer";
    QTest::newRow("frr bad peer as received") << "OPEN Message Error/Bad Peer AS (code 0202, received from the peer)" << "Active" << "wrong peer AS";
    QTest::newRow("nothing known") << "" << "Active" << "";
}

void TestConnectionDiagnosis::lastErrorsDecoded()
{
    QFETCH(QString, lastError);
    QFETCH(QString, stateDetail);
    QFETCH(QString, cause);
    const QString got = ConnectionDiagnosis::bgpCause(lastError, stateDetail);
    QVERIFY2(cause.isEmpty() ? got.isEmpty() : got.startsWith(cause), qPrintable(got));
}

QTEST_GUILESS_MAIN(TestConnectionDiagnosis)
#include "tst_connection_diagnosis.moc"
