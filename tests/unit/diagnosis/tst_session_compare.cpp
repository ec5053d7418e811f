// The relationship pairing of a session-aware comparison, on records built here: the two ends
// of BGP sessions (IPv4, IPv6, VRFs, peers outside the compared set, AS mismatches, an end that
// could not be read), links by LLDP and by connection, and routes sent against received.
#include "engine/diagnosis/session_compare.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace rl;

namespace {

BgpNeighborRecord session(const QString &vrf, const QString &neighbor, const QString &family, qint64 localAs, qint64 remoteAs,
                          const QString &localAddress = {}, BgpState state = BgpState::Established)
{
    BgpNeighborRecord r;
    r.vrf = vrf;
    r.neighbor = neighbor;
    r.addressFamily = family;
    r.localAs = localAs;
    r.remoteAs = remoteAs;
    r.localAddress = localAddress;
    r.state = state;
    r.stateDetail = bgpStateName(state);
    r.uptimeSeconds = 100;
    r.prefixesReceived = r.prefixesAccepted = r.prefixesSent = state == BgpState::Established ? 2 : 0;
    return r;
}

RouterAnswers bgpRouter(const QString &name, QList<BgpNeighborRecord> rows)
{
    RouterAnswers a;
    a.router = name;
    a.bgp.router = name;
    a.bgp.records = RecordSet(QueryKind::BgpStatus, std::move(rows));
    return a;
}

RouterAnswers failedRouter(const QString &name, ErrorCode code, const QString &why)
{
    RouterAnswers a;
    a.router = name;
    a.bgp.router = name;
    a.bgp.records = RecordSet(QueryKind::BgpStatus);
    a.bgp.error = Error(code, why);
    a.links = a.bgp;
    a.links.records = RecordSet(QueryKind::LinkStatus);
    return a;
}

const SessionRow *rowOf(const SessionComparison &c, const QString &router, const QString &neighbor, const QString &vrf = {})
{
    for (const SessionRow &r : c.rows) {
        if (r.a.router == router && r.a.head().neighbor == neighbor && (vrf.isEmpty() || r.a.head().vrf == vrf))
            return &r;
        if (!r.b.isNull() && r.b.router == router && r.b.head().neighbor == neighbor && (vrf.isEmpty() || r.b.head().vrf == vrf))
            return &r;
    }
    return nullptr;
}

Connection connection(const QString &id, const QString &provider, const QString &providerIf, const QString &customer,
                      const QString &customerIf, const QString &p4, const QString &c4, qint64 pAs, qint64 cAs)
{
    Connection c;
    c.id = id;
    c.customer = id.section(QLatin1Char('-'), 0, 0);
    c.providerRouter = provider;
    c.providerInterface = providerIf;
    c.customerRouter = customer;
    c.customerInterface = customerIf;
    c.providerAddress = p4;
    c.customerAddress = c4;
    c.providerAs = pAs;
    c.customerAs = cAs;
    return c;
}

InterfaceRecord intf(const QString &name, qint64 mtu, const QString &mac = {}, LinkState oper = LinkState::Up)
{
    InterfaceRecord i;
    i.name = name;
    i.adminState = LinkState::Up;
    i.operState = oper;
    i.mtu = mtu;
    i.mac = mac;
    i.speedBps = 10'000'000'000;
    i.inErrors = 0;
    return i;
}

LldpNeighborRecord lldp(const QString &local, const QString &system, const QString &portId, const QString &portDescription = {})
{
    LldpNeighborRecord n;
    n.localInterface = local;
    n.remoteSystemName = system;
    n.remotePortId = portId;
    n.remotePortDescription = portDescription;
    return n;
}

RouteRecord route(const char *prefix, bool valid = true)
{
    RouteRecord r;
    r.prefix = *IpPrefix::parse(std::string_view(prefix));
    r.valid = valid;
    r.asPath = QStringLiteral("65010");
    return r;
}

RouterResult routesPart(const QString &router, QueryKind kind, QList<RouteRecord> rows)
{
    RouterResult r;
    r.router = router;
    r.records = RecordSet(kind, std::move(rows));
    return r;
}

} // namespace

class TestSessionCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bothEndsOfOneSessionOnOneRow();
    void ipv6SessionIsItsOwnRow();
    void sessionsInDifferentVrfsNeverPair();
    void customerVrfPairsWithGlobalTableByConnection();
    void overlappingAddressesAreAmbiguousNotGuessed();
    void peerOutsideTheComparison();
    void asMismatchIsFlagged();
    void unreadableEndIsCannotTellNotMissing();
    void connectionAsRulesOutAnUnreadRouter();
    void inferredFromPointToPointSubnetSaysSo();
    void oneWayProofNeedsAgreement();
    void routesPlannedPerFamilyAndDirection();
    void routesClassified();
    void routesOtherSideUnreadable();
    void linksByLldpAndConnection();
    void linkEndUnreadable();
    void jsonCarriesBothEnds();
};

void TestSessionCompare::bothEndsOfOneSessionOnOneRow()
{
    // lab-frr and lab-bird, one session carrying both families, as the lab has it.
    const RouterAnswers frr = bgpRouter(QStringLiteral("frr"),
                                        {session(QStringLiteral("default"), QStringLiteral("198.19.0.1"), QStringLiteral("ipv4-unicast"), 65001, 65002, QStringLiteral("198.19.0.0")),
                                         session(QStringLiteral("default"), QStringLiteral("198.19.0.1"), QStringLiteral("ipv6-unicast"), 65001, 65002, QStringLiteral("198.19.0.0")),
                                         session(QStringLiteral("default"), QStringLiteral("203.0.113.9"), QStringLiteral("ipv4-unicast"), 65001, 65099)});
    const RouterAnswers bird = bgpRouter(QStringLiteral("bird"),
                                         {session(QStringLiteral("default"), QStringLiteral("198.19.0.0"), QStringLiteral("ipv4-unicast"), 65002, 65001, QStringLiteral("198.19.0.1")),
                                          session(QStringLiteral("default"), QStringLiteral("198.19.0.0"), QStringLiteral("ipv6-unicast"), 65002, 65001, QStringLiteral("198.19.0.1"))});
    const SessionComparison c = SessionCompare::bgpSessions({frr, bird}, {});
    QCOMPARE(c.rows.size(), 2);
    const SessionRow &r = c.rows.first();
    QCOMPARE(r.status, PairStatus::Paired);
    QCOMPARE(r.a.router, QStringLiteral("frr"));
    QCOMPARE(r.b.router, QStringLiteral("bird"));
    QCOMPARE(r.aAddress, QStringLiteral("198.19.0.0"));
    QCOMPARE(r.bAddress, QStringLiteral("198.19.0.1"));
    QCOMPARE(r.a.families(), QStringList({QStringLiteral("ipv4-unicast"), QStringLiteral("ipv6-unicast")}));
    QCOMPARE(r.transport(), QStringLiteral("ipv4"));
    QVERIFY2(r.mismatches.isEmpty(), qPrintable(r.mismatches.join(QLatin1Char(';'))));
    QVERIFY(r.basis.contains(QStringLiteral("bird names 198.19.0.1 as its own address")));
    QCOMPARE(r.a.prefixes(&BgpNeighborRecord::prefixesSent), QStringLiteral("ipv4 2, ipv6 2"));
    // The one-session-two-families row says so in the table.
    const PairTable t = SessionCompare::table(c);
    QCOMPARE(t.rows.first().cells.value(1).toString(), QStringLiteral("frr 198.19.0.0 <-> bird 198.19.0.1"));
    QCOMPARE(t.rows.first().cells.value(2).toString(), QStringLiteral("ipv4 carrying ipv4 + ipv6"));
    QCOMPARE(c.rows.last().status, PairStatus::PeerOutside);
}

void TestSessionCompare::ipv6SessionIsItsOwnRow()
{
    const RouterAnswers a = bgpRouter(QStringLiteral("a"),
                                      {session(QStringLiteral("default"), QStringLiteral("198.51.100.2"), QStringLiteral("ipv4-unicast"), 64500, 65010, QStringLiteral("198.51.100.1")),
                                       session(QStringLiteral("default"), QStringLiteral("2001:db8:7::2"), QStringLiteral("ipv6-unicast"), 64500, 65010, QStringLiteral("2001:db8:7::1"))});
    const RouterAnswers b = bgpRouter(QStringLiteral("b"),
                                      {session(QStringLiteral("default"), QStringLiteral("2001:db8:7::1"), QStringLiteral("ipv6-unicast"), 65010, 64500, QStringLiteral("2001:db8:7::2")),
                                       session(QStringLiteral("default"), QStringLiteral("198.51.100.1"), QStringLiteral("ipv4-unicast"), 65010, 64500, QStringLiteral("198.51.100.2"))});
    const SessionComparison c = SessionCompare::bgpSessions({a, b}, {});
    QCOMPARE(c.rows.size(), 2);
    const SessionRow *v4 = rowOf(c, QStringLiteral("a"), QStringLiteral("198.51.100.2"));
    const SessionRow *v6 = rowOf(c, QStringLiteral("a"), QStringLiteral("2001:db8:7::2"));
    QVERIFY(v4 && v6 && v4 != v6);
    QCOMPARE(v4->status, PairStatus::Paired);
    QCOMPARE(v6->status, PairStatus::Paired);
    QCOMPARE(v6->transport(), QStringLiteral("ipv6"));
    QCOMPARE(v6->b.head().neighbor, QStringLiteral("2001:db8:7::1"));
    QCOMPARE(v4->b.head().neighbor, QStringLiteral("198.51.100.1"));
}

void TestSessionCompare::sessionsInDifferentVrfsNeverPair()
{
    // The same addresses in VRFs red and blue on a; b has them in red only.
    const RouterAnswers a = bgpRouter(QStringLiteral("a"),
                                      {session(QStringLiteral("red"), QStringLiteral("10.0.0.2"), QStringLiteral("ipv4-unicast"), 65001, 65002, QStringLiteral("10.0.0.1")),
                                       session(QStringLiteral("blue"), QStringLiteral("10.0.0.2"), QStringLiteral("ipv4-unicast"), 65001, 65002, QStringLiteral("10.0.0.1"))});
    const RouterAnswers b = bgpRouter(QStringLiteral("b"),
                                      {session(QStringLiteral("red"), QStringLiteral("10.0.0.1"), QStringLiteral("ipv4-unicast"), 65002, 65001, QStringLiteral("10.0.0.2"))});
    const SessionComparison c = SessionCompare::bgpSessions({a, b}, {});
    const SessionRow *red = rowOf(c, QStringLiteral("a"), QStringLiteral("10.0.0.2"), QStringLiteral("red"));
    const SessionRow *blue = rowOf(c, QStringLiteral("a"), QStringLiteral("10.0.0.2"), QStringLiteral("blue"));
    QVERIFY(red && blue && red != blue);
    QCOMPARE(red->status, PairStatus::Paired);
    QCOMPARE(red->b.head().vrf, QStringLiteral("red"));
    QVERIFY(blue->status != PairStatus::Paired);
    QVERIFY(blue->b.isNull());
    QVERIFY(!SessionCompare::vrfsCompatible(QStringLiteral("red"), QStringLiteral("blue")));
    QVERIFY(SessionCompare::vrfsCompatible(QStringLiteral("red"), QStringLiteral("RED")));
    QVERIFY(SessionCompare::vrfsCompatible(QStringLiteral("red"), QStringLiteral("default")));
}

void TestSessionCompare::customerVrfPairsWithGlobalTableByConnection()
{
    // The provider keeps the customer in a VRF, the customer in its global table; no local
    // addresses: the connection says whose the addresses are.
    const RouterAnswers pe = bgpRouter(QStringLiteral("pe"),
                                       {session(QStringLiteral("CUST-UMB"), QStringLiteral("198.51.100.10"), QStringLiteral("ipv4-unicast"), 64500, 4200000103)});
    const RouterAnswers ce = bgpRouter(QStringLiteral("ce"),
                                       {session(QStringLiteral("default"), QStringLiteral("198.51.100.9"), QStringLiteral("ipv4-unicast"), 4200000103, 64500)});
    const Connection conn = connection(QStringLiteral("umbrella-1"), QStringLiteral("pe"), QStringLiteral("ge-0/0/2.410"), QStringLiteral("ce"),
                                       QStringLiteral("Ethernet1/1.410"), QStringLiteral("198.51.100.9"), QStringLiteral("198.51.100.10"), 64500, 4200000103);
    const SessionComparison c = SessionCompare::bgpSessions({pe, ce}, {conn});
    QCOMPARE(c.rows.size(), 1);
    QCOMPARE(c.rows.first().status, PairStatus::Paired);
    QVERIFY(c.rows.first().basis.contains(QStringLiteral("connection umbrella-1")));
    QCOMPARE(c.rows.first().aAddress, QStringLiteral("198.51.100.9"));
    // Without the connection, the two hosts of one /30 and agreeing AS numbers still pair
    // them, and the basis says it was inferred.
    const SessionComparison inferred = SessionCompare::bgpSessions({pe, ce}, {});
    QCOMPARE(inferred.rows.size(), 1);
    QCOMPARE(inferred.rows.first().status, PairStatus::Paired);
    QVERIFY(inferred.rows.first().basis.startsWith(QStringLiteral("inferred")));
}

void TestSessionCompare::overlappingAddressesAreAmbiguousNotGuessed()
{
    // Two customer VRFs on the provider reuse one /30 with the same customer AS; the customer
    // router's global table could be either: nothing says which.
    const RouterAnswers pe = bgpRouter(QStringLiteral("pe"),
                                       {session(QStringLiteral("CUST-A"), QStringLiteral("10.0.0.2"), QStringLiteral("ipv4-unicast"), 64500, 65010, QStringLiteral("10.0.0.1")),
                                        session(QStringLiteral("CUST-B"), QStringLiteral("10.0.0.2"), QStringLiteral("ipv4-unicast"), 64500, 65010, QStringLiteral("10.0.0.1"))});
    const RouterAnswers ce = bgpRouter(QStringLiteral("ce"),
                                       {session(QStringLiteral("default"), QStringLiteral("10.0.0.1"), QStringLiteral("ipv4-unicast"), 65010, 64500, QStringLiteral("10.0.0.2"))});
    const SessionComparison c = SessionCompare::bgpSessions({pe, ce}, {});
    QCOMPARE(c.rows.size(), 3);
    for (const SessionRow &r : c.rows) {
        QCOMPARE(r.status, PairStatus::Ambiguous);
        QVERIFY(r.b.isNull());
    }
    QVERIFY(c.rows.last().basis.contains(QStringLiteral("pe 10.0.0.2")));
}

void TestSessionCompare::peerOutsideTheComparison()
{
    const RouterAnswers a = bgpRouter(QStringLiteral("a"), {session(QStringLiteral("default"), QStringLiteral("10.255.0.9"), QStringLiteral("ipv4-unicast"), 64500, 64501)});
    const RouterAnswers b = bgpRouter(QStringLiteral("b"), {session(QStringLiteral("default"), QStringLiteral("10.40.255.2"), QStringLiteral("ipv4-unicast"), 65010, 65010)});
    const SessionComparison c = SessionCompare::bgpSessions({a, b}, {});
    QCOMPARE(c.rows.size(), 2);
    for (const SessionRow &r : c.rows) {
        QCOMPARE(r.status, PairStatus::PeerOutside);
        QVERIFY(r.otherRouter.isEmpty());
    }
    QCOMPARE(pairStatusText(PairStatus::PeerOutside), QStringLiteral("peer not in this comparison"));
    const PairTable t = SessionCompare::table(c);
    QCOMPARE(t.rows.first().statusText, QStringLiteral("peer not in this comparison"));
    QVERIFY(!t.rows.first().statusText.contains(QStringLiteral("missing")));
    QCOMPARE(t.rows.first().cells.value(1).toString(), QStringLiteral("a <-> 10.255.0.9"));
}

void TestSessionCompare::asMismatchIsFlagged()
{
    // a expects AS 65099 for b, which is AS 65002: the session stays down; the connection says
    // whose the addresses are.
    const RouterAnswers a = bgpRouter(QStringLiteral("a"),
                                      {session(QStringLiteral("default"), QStringLiteral("198.51.100.2"), QStringLiteral("ipv4-unicast"), 64500, 65099, {}, BgpState::Active)});
    const RouterAnswers b = bgpRouter(QStringLiteral("b"),
                                      {session(QStringLiteral("default"), QStringLiteral("198.51.100.1"), QStringLiteral("ipv4-unicast"), 65002, 64500, {}, BgpState::Idle)});
    const Connection conn = connection(QStringLiteral("x-1"), QStringLiteral("a"), QStringLiteral("eth1"), QStringLiteral("b"), QStringLiteral("eth0"),
                                       QStringLiteral("198.51.100.1"), QStringLiteral("198.51.100.2"), 64500, 65002);
    const SessionComparison c = SessionCompare::bgpSessions({a, b}, {conn});
    QCOMPARE(c.rows.size(), 1);
    const SessionRow &r = c.rows.first();
    QCOMPARE(r.status, PairStatus::Paired);
    QVERIFY(r.asMismatch);
    QCOMPARE(r.mismatches.size(), 1);
    QCOMPARE(r.mismatches.first(), QStringLiteral("AS: a expects AS 65099 for b, which is AS 65002"));
    const PairTable t = SessionCompare::table(c);
    QCOMPARE(t.rows.first().filterClass, QStringLiteral("mismatch"));
    QVERIFY(t.rows.first().flagged.contains(11)); // aRemoteAs
    QCOMPARE(QString::fromLatin1(t.columns[11].key), QStringLiteral("aRemoteAs"));
}

void TestSessionCompare::unreadableEndIsCannotTellNotMissing()
{
    const RouterAnswers a = bgpRouter(QStringLiteral("a"),
                                      {session(QStringLiteral("default"), QStringLiteral("198.19.0.1"), QStringLiteral("ipv4-unicast"), 65001, 65002, QStringLiteral("198.19.0.0"))});
    const RouterAnswers b = failedRouter(QStringLiteral("b"), ErrorCode::Timeout, QStringLiteral("b did not answer within 30 s."));
    const SessionComparison c = SessionCompare::bgpSessions({a, b}, {});
    QCOMPARE(c.rows.size(), 1);
    const SessionRow &r = c.rows.first();
    QCOMPARE(r.status, PairStatus::CannotTell);
    QCOMPARE(r.otherRouter, QStringLiteral("b"));
    QCOMPARE(r.otherError.code, ErrorCode::Timeout);
    QCOMPARE(c.unreadable.size(), 1);
    QVERIFY(c.unreadable.first().startsWith(QStringLiteral("b: timeout")));
    const PairTable t = SessionCompare::table(c);
    QCOMPARE(t.rows.first().status, QStringLiteral("cannot-tell"));
    QVERIFY(t.rows.first().cannotTell.value(1).contains(QStringLiteral("did not answer")));
    QVERIFY(t.rows.first().cannotTell.value(0).isEmpty());

    // With a connection that gives b the address, b is named as the end that cannot be read.
    const Connection conn = connection(QStringLiteral("x-1"), QStringLiteral("a"), QStringLiteral("eth1"), QStringLiteral("b"), QStringLiteral("eth0"),
                                       QStringLiteral("198.19.0.0"), QStringLiteral("198.19.0.1"), 65001, 65002);
    const SessionComparison named = SessionCompare::bgpSessions({a, b}, {conn});
    QCOMPARE(named.rows.first().status, PairStatus::CannotTell);
    QVERIFY(named.rows.first().basis.contains(QStringLiteral("connection x-1")));
}

void TestSessionCompare::connectionAsRulesOutAnUnreadRouter()
{
    // b could not be read, but the inventory says b is AS 65010: a's session to AS 65099 is
    // not b's, so it is outside the comparison.
    const RouterAnswers a = bgpRouter(QStringLiteral("a"), {session(QStringLiteral("default"), QStringLiteral("203.0.113.9"), QStringLiteral("ipv4-unicast"), 64500, 65099)});
    const RouterAnswers b = failedRouter(QStringLiteral("b"), ErrorCode::Unreachable, QStringLiteral("No route to b."));
    const Connection conn = connection(QStringLiteral("x-1"), QStringLiteral("a"), QStringLiteral("eth1"), QStringLiteral("b"), QStringLiteral("eth0"),
                                       QStringLiteral("198.51.100.1"), QStringLiteral("198.51.100.2"), 64500, 65010);
    QCOMPARE(SessionCompare::bgpSessions({a, b}, {conn}).rows.first().status, PairStatus::PeerOutside);
    QCOMPARE(SessionCompare::bgpSessions({a, b}, {}).rows.first().status, PairStatus::CannotTell);
}

void TestSessionCompare::inferredFromPointToPointSubnetSaysSo()
{
    // iBGP between two provider edges whose summaries name no local address: a /30's two hosts
    // and agreeing AS numbers pair them, and the basis says it is inferred.
    const RouterAnswers a = bgpRouter(QStringLiteral("pe1"), {session(QStringLiteral("default"), QStringLiteral("10.255.0.2"), QStringLiteral("ipv4-unicast"), 64500, 64500)});
    const RouterAnswers b = bgpRouter(QStringLiteral("pe2"), {session(QStringLiteral("default"), QStringLiteral("10.255.0.1"), QStringLiteral("ipv4-unicast"), 64500, 64500)});
    SessionComparison c = SessionCompare::bgpSessions({a, b}, {});
    QCOMPARE(c.rows.size(), 1);
    QCOMPARE(c.rows.first().status, PairStatus::Paired);
    QVERIFY(c.rows.first().basis.startsWith(QStringLiteral("inferred")));
    // .0 and .3 of a /30 are not two hosts of it; and other AS numbers are another session.
    const RouterAnswers edge = bgpRouter(QStringLiteral("pe1"), {session(QStringLiteral("default"), QStringLiteral("10.255.0.3"), QStringLiteral("ipv4-unicast"), 64500, 64500)});
    const RouterAnswers far = bgpRouter(QStringLiteral("pe2"), {session(QStringLiteral("default"), QStringLiteral("10.255.0.0"), QStringLiteral("ipv4-unicast"), 64500, 64500)});
    QCOMPARE(SessionCompare::bgpSessions({edge, far}, {}).rows.first().status, PairStatus::NotFound);
    const RouterAnswers otherAs = bgpRouter(QStringLiteral("pe2"), {session(QStringLiteral("default"), QStringLiteral("10.255.0.1"), QStringLiteral("ipv4-unicast"), 64501, 64500)});
    c = SessionCompare::bgpSessions({a, otherAs}, {});
    QCOMPARE(c.rows.size(), 2);
    QVERIFY(c.rows.first().status != PairStatus::Paired);
}

void TestSessionCompare::oneWayProofNeedsAgreement()
{
    // gobgp names 198.19.0.3 as its own; frr's session to it has no local address (shut down),
    // gobgp's neighbor 198.19.0.2 is on the same /31: paired, one way read, the other agreeing.
    const RouterAnswers frr = bgpRouter(QStringLiteral("frr"),
                                        {session(QStringLiteral("default"), QStringLiteral("198.19.0.3"), QStringLiteral("ipv4-unicast"), 65001, 65003, {}, BgpState::Idle)});
    const RouterAnswers gobgp = bgpRouter(QStringLiteral("gobgp"),
                                          {session(QStringLiteral("default"), QStringLiteral("198.19.0.2"), QStringLiteral("ipv4-unicast"), 65003, 65001, QStringLiteral("198.19.0.3"), BgpState::Active)});
    const SessionComparison c = SessionCompare::bgpSessions({frr, gobgp}, {});
    QCOMPARE(c.rows.size(), 1);
    QCOMPARE(c.rows.first().status, PairStatus::Paired);
    QCOMPARE(c.rows.first().aAddress, QStringLiteral("198.19.0.2"));
    QVERIFY(c.rows.first().basis.contains(QStringLiteral("gobgp names 198.19.0.3")));
    // Both down: no state mismatch (neither is established).
    QVERIFY(c.rows.first().mismatches.isEmpty());
}

void TestSessionCompare::routesPlannedPerFamilyAndDirection()
{
    const RouterAnswers a = bgpRouter(QStringLiteral("a"),
                                      {session(QStringLiteral("CUST"), QStringLiteral("198.19.0.1"), QStringLiteral("ipv4-unicast"), 65001, 65002, QStringLiteral("198.19.0.0")),
                                       session(QStringLiteral("CUST"), QStringLiteral("198.19.0.1"), QStringLiteral("ipv6-unicast"), 65001, 65002, QStringLiteral("198.19.0.0"))});
    const RouterAnswers b = bgpRouter(QStringLiteral("b"),
                                      {session(QStringLiteral("default"), QStringLiteral("198.19.0.0"), QStringLiteral("ipv4-unicast"), 65002, 65001, QStringLiteral("198.19.0.1")),
                                       session(QStringLiteral("default"), QStringLiteral("198.19.0.0"), QStringLiteral("ipv6-unicast"), 65002, 65001, QStringLiteral("198.19.0.1"))});
    const QList<RouteExchange> plan = SessionCompare::planRoutes(SessionCompare::bgpSessions({a, b}, {}));
    QCOMPARE(plan.size(), 4);
    QCOMPARE(plan[0].from, QStringLiteral("a"));
    QCOMPARE(plan[0].to, QStringLiteral("b"));
    QCOMPARE(plan[0].family, QStringLiteral("ipv4"));
    QCOMPARE(plan[0].advertisedQuery.neighbor, QStringLiteral("198.19.0.1"));
    QCOMPARE(plan[0].advertisedQuery.vrf, QStringLiteral("CUST"));
    QCOMPARE(plan[0].receivedQuery.neighbor, QStringLiteral("198.19.0.0"));
    QVERIFY(plan[0].receivedQuery.vrf.isEmpty());
    QCOMPARE(plan[1].from, QStringLiteral("b"));
    QCOMPARE(plan[1].advertisedQuery.neighbor, QStringLiteral("198.19.0.0"));
    QCOMPARE(plan[1].receivedQuery.vrf, QStringLiteral("CUST"));
    QCOMPARE(plan[2].family, QStringLiteral("ipv6"));
    QCOMPARE(plan[3].receivedQuery.addressFamily, QStringLiteral("ipv6"));
}

void TestSessionCompare::routesClassified()
{
    RouteExchange e;
    e.from = QStringLiteral("ce");
    e.to = QStringLiteral("pe");
    e.fromAddress = QStringLiteral("198.51.100.10");
    e.toAddress = QStringLiteral("198.51.100.9");
    e.family = QStringLiteral("ipv4");
    e.advertised = routesPart(QStringLiteral("ce"), QueryKind::AdvertisedRoutes,
                              {route("203.0.113.0/26"), route("203.0.113.64/26"), route("198.51.100.128/25"), route("203.0.113.128/26")});
    e.received = routesPart(QStringLiteral("pe"), QueryKind::ReceivedRoutes,
                            {route("203.0.113.0/26"), route("203.0.113.64/26"), route("198.51.100.128/25", false), route("100.64.0.0/10")});
    const RouteComparison c = SessionCompare::routes({e});
    QCOMPARE(c.rows.size(), 5);
    QHash<QString, RouteMatch> by;
    for (const RouteRow &r : c.rows)
        by.insert(r.prefix.toString(), r.match);
    QCOMPARE(by.value(QStringLiteral("203.0.113.0/26")), RouteMatch::Both);
    QCOMPARE(by.value(QStringLiteral("203.0.113.64/26")), RouteMatch::Both);
    QCOMPARE(by.value(QStringLiteral("198.51.100.128/25")), RouteMatch::Rejected);
    QCOMPARE(by.value(QStringLiteral("203.0.113.128/26")), RouteMatch::SentNotReceived);
    QCOMPARE(by.value(QStringLiteral("100.64.0.0/10")), RouteMatch::ReceivedNotSent);
    const PairTable t = SessionCompare::table(c);
    QCOMPARE(t.rows.size(), 5);
    int flagged = 0;
    for (const PairTable::Row &row : t.rows) {
        QCOMPARE(row.filterClass, row.status);
        flagged += row.flagged.isEmpty() ? 0 : 1;
        if (row.status == QLatin1String("rejected")) {
            QCOMPARE(row.statusText, QStringLiteral("received but rejected"));
            QCOMPARE(row.cells.value(10).toBool(), false); // receivedValid
        }
    }
    QCOMPARE(flagged, 3);

    // A path that already holds the receiver's AS is dropped there as a loop; on a session
    // that is not up nothing arrives at all: the note says which.
    RouteExchange loop = e;
    loop.toAs = 64500;
    loop.advertised.records.rows<RouteRecord>()[3].asPath = QStringLiteral("65010 64500");
    const RouteComparison looped = SessionCompare::routes({loop});
    for (const RouteRow &r : looped.rows)
        if (r.match == RouteMatch::SentNotReceived)
            QVERIFY2(r.note.contains(QStringLiteral("already holds AS 64500, pe's own")), qPrintable(r.note));
    RouteExchange down = e;
    down.down = QStringLiteral("idle on pe");
    for (const RouteRow &r : SessionCompare::routes({down}).rows)
        if (r.match == RouteMatch::SentNotReceived)
            QVERIFY2(r.note.startsWith(QStringLiteral("the session is not established (idle on pe)")), qPrintable(r.note));
}

void TestSessionCompare::routesOtherSideUnreadable()
{
    RouteExchange e;
    e.from = QStringLiteral("a");
    e.to = QStringLiteral("b");
    e.family = QStringLiteral("ipv6");
    e.advertised = routesPart(QStringLiteral("a"), QueryKind::AdvertisedRoutes, {route("2001:db8:1000::/48")});
    e.received.router = QStringLiteral("b");
    e.received.records = RecordSet(QueryKind::ReceivedRoutes);
    e.received.error = Error(ErrorCode::Timeout, QStringLiteral("b did not answer."));
    const RouteComparison c = SessionCompare::routes({e});
    QCOMPARE(c.rows.size(), 1);
    QCOMPARE(c.rows.first().match, RouteMatch::CannotTell);
    QCOMPARE(c.notes.size(), 1);
    QVERIFY(c.notes.first().contains(QStringLiteral("what b received could not be read")));
    const PairTable t = SessionCompare::table(c);
    QVERIFY(!t.rows.first().cannotTell.value(1).isEmpty());
}

void TestSessionCompare::linksByLldpAndConnection()
{
    RouterAnswers pe;
    pe.router = QStringLiteral("pe");
    pe.links.router = pe.router;
    pe.links.records = RecordSet(QueryKind::LinkStatus, QList<InterfaceRecord>{intf(QStringLiteral("ge-0/0/2"), 1514), intf(QStringLiteral("xe-0/0/0"), 9192)});
    pe.extraLinks.append(pe.links);
    pe.extraLinks.first().records = RecordSet(QueryKind::LinkStatus, QList<InterfaceRecord>{intf(QStringLiteral("ge-0/0/2.410"), 1500)});
    pe.lldp.router = pe.router;
    pe.lldp.records = RecordSet(QueryKind::LldpNeighbors, QList<LldpNeighborRecord>{
        lldp(QStringLiteral("ge-0/0/2"), QStringLiteral("ce"), QStringLiteral("Ethernet1/1")),
        lldp(QStringLiteral("xe-0/0/0"), QStringLiteral("core1.example"), QStringLiteral("TenGigE0/0/0/0"))});
    RouterAnswers ce;
    ce.router = QStringLiteral("ce");
    ce.links.router = ce.router;
    ce.links.records = RecordSet(QueryKind::LinkStatus, QList<InterfaceRecord>{intf(QStringLiteral("Ethernet1/1"), 1500, QStringLiteral("00:3a:9c:5e:21:00")),
                                                                              intf(QStringLiteral("Ethernet1/1.410"), 9000)});
    // The customer's LLDP names the provider by its FQDN and the port by a short name: the same link.
    ce.lldp.router = ce.router;
    ce.lldp.records = RecordSet(QueryKind::LldpNeighbors, QList<LldpNeighborRecord>{lldp(QStringLiteral("Eth1/1"), QStringLiteral("pe.ams.example"), QStringLiteral("ge-0/0/2"))});
    const Connection conn = connection(QStringLiteral("umbrella-1"), QStringLiteral("pe"), QStringLiteral("ge-0/0/2.410"), QStringLiteral("ce"),
                                       QStringLiteral("Ethernet1/1.410"), QStringLiteral("198.51.100.9"), QStringLiteral("198.51.100.10"), 64500, 4200000103);
    const LinkComparison c = SessionCompare::links({pe, ce}, {conn});
    QCOMPARE(c.rows.size(), 3);
    const LinkRow &physical = c.rows[0];
    QCOMPARE(physical.status, PairStatus::Paired);
    QCOMPARE(physical.basis, QStringLiteral("LLDP from both ends"));
    QCOMPARE(physical.a.interfaceName, QStringLiteral("ge-0/0/2"));
    QCOMPARE(physical.b.interfaceName, QStringLiteral("Ethernet1/1"));
    QCOMPARE(physical.mismatches.size(), 1);
    QVERIFY(physical.mismatches.first().contains(QStringLiteral("probably one MTU counted two ways")));
    const LinkRow &unit = c.rows[1];
    QCOMPARE(unit.basis, QStringLiteral("connection umbrella-1"));
    QCOMPARE(unit.a.interfaceName, QStringLiteral("ge-0/0/2.410"));
    QVERIFY(unit.a.record.has_value()); // from the interface asked by name
    QCOMPARE(unit.mismatches, QStringList{QStringLiteral("MTU: 1500 on pe, 9000 on ce")});
    const LinkRow &outside = c.rows[2];
    QCOMPARE(outside.status, PairStatus::PeerOutside);
    QCOMPARE(outside.remoteSystem, QStringLiteral("core1.example"));
    const PairTable t = SessionCompare::table(c);
    QVERIFY(t.rows[1].flagged.contains(12) && t.rows[1].flagged.contains(13));
    QCOMPARE(QString::fromLatin1(t.columns[12].key), QStringLiteral("aMtu"));
}

void TestSessionCompare::linkEndUnreadable()
{
    // lldpd sends the far port's MAC as its id and its name as the description.
    RouterAnswers bird;
    bird.router = QStringLiteral("bird");
    bird.links.router = bird.router;
    bird.links.records = RecordSet(QueryKind::LinkStatus, QList<InterfaceRecord>{intf(QStringLiteral("to-frr"), 1500)});
    bird.lldp.router = bird.router;
    bird.lldp.records = RecordSet(QueryKind::LldpNeighbors, QList<LldpNeighborRecord>{
        lldp(QStringLiteral("to-frr"), QStringLiteral("frr"), QStringLiteral("0e:9f:95:f5:22:57"), QStringLiteral("to-bird"))});
    const RouterAnswers frr = failedRouter(QStringLiteral("frr"), ErrorCode::AuthFailed, QStringLiteral("The router refused the credentials."));
    const LinkComparison c = SessionCompare::links({frr, bird}, {});
    QCOMPARE(c.rows.size(), 1);
    const LinkRow &r = c.rows.first();
    QCOMPARE(r.status, PairStatus::Paired);
    QCOMPARE(r.a.router, QStringLiteral("frr")); // the order the routers were given
    QCOMPARE(r.a.interfaceName, QStringLiteral("to-bird"));
    QVERIFY(!r.a.record);
    QCOMPARE(r.a.error.code, ErrorCode::AuthFailed);
    QVERIFY(r.mismatches.isEmpty());
    const PairTable t = SessionCompare::table(c);
    QVERIFY(t.rows.first().cannotTell.value(0).contains(QStringLiteral("auth-failed")));
    QVERIFY(t.rows.first().cannotTell.value(1).isEmpty());
    QVERIFY(!c.notes.isEmpty());
}

void TestSessionCompare::jsonCarriesBothEnds()
{
    const RouterAnswers a = bgpRouter(QStringLiteral("a"), {session(QStringLiteral("default"), QStringLiteral("198.19.0.1"), QStringLiteral("ipv4-unicast"), 65001, 65002, QStringLiteral("198.19.0.0"))});
    const RouterAnswers b = bgpRouter(QStringLiteral("b"), {session(QStringLiteral("default"), QStringLiteral("198.19.0.0"), QStringLiteral("ipv4-unicast"), 65002, 65001, QStringLiteral("198.19.0.1"))});
    const QJsonObject o = SessionCompare::toJson(SessionCompare::bgpSessions({a, b}, {}));
    const QJsonObject s = o.value(QStringLiteral("sessions")).toArray().first().toObject();
    QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("paired"));
    QCOMPARE(s.value(QStringLiteral("a")).toObject().value(QStringLiteral("address")).toString(), QStringLiteral("198.19.0.0"));
    QCOMPARE(s.value(QStringLiteral("b")).toObject().value(QStringLiteral("router")).toString(), QStringLiteral("b"));
    QCOMPARE(s.value(QStringLiteral("b")).toObject().value(QStringLiteral("families")).toObject()
                 .value(QStringLiteral("ipv4-unicast")).toObject().value(QStringLiteral("prefixesReceived")).toInt(), 2);
}

QTEST_GUILESS_MAIN(TestSessionCompare)
#include "tst_session_compare.moc"
