// Every query kind on every platform of the real lab, over real SSH, through the whole
// scheduling pipeline; and many requests against one router at once.

#include "lab_fixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace rl;

class TestLabQueries final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyKindOnEveryPlatform_data();
    void everyKindOnEveryPlatform();
    void bgpSessionsAreEstablished_data();
    void bgpSessionsAreEstablished();
    void storeAnswersWithinMaxAge();
    void manyRequestsRespectPerRouterLimitAndThrottle();
    void identicalRequestsAreCoalesced();

private:
    LabFixture m_lab;
};

void TestLabQueries::initTestCase()
{
    EngineSettings settings = EngineSettings::defaults();
    const QString why = m_lab.setUp(settings);
    if (!why.isEmpty())
        QFAIL(qPrintable(why));
}

// expect: "rows:N" (answered with at least N records), "unsupported" (unsupported-query with
// a sentence), "answer" (answered; the lab may legitimately have no rows, e.g. no 802.1Q).
void TestLabQueries::everyKindOnEveryPlatform_data()
{
    QTest::addColumn<QString>("router");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QueryParams>("params");
    QTest::addColumn<QString>("expect");

    struct Peer { const char *router; const char *neighbor; const char *lookup; };
    // Each router's first eBGP peer (lab/up.sh address plan) and an address to look up.
    const Peer peers[] = {
        {"lab-frr", "198.19.0.1", "198.51.100.129"},   // frr -> bird; lookup gobgp's loopback
        {"lab-bird", "198.19.0.0", "198.51.100.1"},    // bird -> frr
        {"lab-gobgp", "198.19.0.2", "198.51.100.65"},  // gobgp -> frr
    };
    for (const Peer &p : peers) {
        const QString r = QString::fromLatin1(p.router);
        const QueryParams none;
        QueryParams nb;
        nb.neighbor = QString::fromLatin1(p.neighbor);
        QueryParams lookup;
        lookup.destination = QString::fromLatin1(p.lookup);
        QTest::addRow("%s facts", p.router) << r << int(QueryKind::Facts) << none << "rows:1";
        QTest::addRow("%s link-status", p.router) << r << int(QueryKind::LinkStatus) << none << "rows:3";
        QTest::addRow("%s bgp-status", p.router) << r << int(QueryKind::BgpStatus) << none << "rows:2";
        QTest::addRow("%s arp-table", p.router) << r << int(QueryKind::ArpTable) << none << "rows:1";
        QTest::addRow("%s vlan-errors", p.router) << r << int(QueryKind::VlanErrors) << none << "answer";
        QTest::addRow("%s received-routes", p.router) << r << int(QueryKind::ReceivedRoutes) << nb << "rows:1";
        // BIRD lists a session's routes by protocol name: a second round of commands, after
        // "show protocols all" gave the name, reads the import and export tables.
        QTest::addRow("%s advertised-routes", p.router) << r << int(QueryKind::AdvertisedRoutes) << nb << "rows:1";
        QTest::addRow("%s route-lookup", p.router) << r << int(QueryKind::RouteLookup) << lookup << "rows:1";
        QTest::addRow("%s optics", p.router) << r << int(QueryKind::Optics) << none << "unsupported";
    }
    const QString host = QStringLiteral("lab-host");
    QueryParams hostLookup;
    hostLookup.destination = QStringLiteral("198.19.0.65");
    QueryParams nb;
    nb.neighbor = QStringLiteral("198.19.0.65");
    QTest::newRow("lab-host facts") << host << int(QueryKind::Facts) << QueryParams{} << "rows:1";
    QTest::newRow("lab-host link-status") << host << int(QueryKind::LinkStatus) << QueryParams{} << "rows:3";
    QTest::newRow("lab-host arp-table") << host << int(QueryKind::ArpTable) << QueryParams{} << "rows:1";
    QTest::newRow("lab-host vlan-errors") << host << int(QueryKind::VlanErrors) << QueryParams{} << "answer";
    QTest::newRow("lab-host route-lookup") << host << int(QueryKind::RouteLookup) << hostLookup << "rows:1";
    QTest::newRow("lab-host bgp-status") << host << int(QueryKind::BgpStatus) << QueryParams{} << "unsupported";
    QTest::newRow("lab-host received-routes") << host << int(QueryKind::ReceivedRoutes) << nb << "unsupported";
    QTest::newRow("lab-host optics") << host << int(QueryKind::Optics) << QueryParams{} << "unsupported";
}

void TestLabQueries::everyKindOnEveryPlatform()
{
    QFETCH(QString, router);
    QFETCH(int, kind);
    QFETCH(QueryParams, params);
    QFETCH(QString, expect);

    const Response resp = m_lab.ask({router}, QueryKind(kind), params);
    QVERIFY2(!resp.error.isError(), qPrintable(resp.error.toString()));
    QCOMPARE(resp.results.size(), 1);
    const RouterResult &part = resp.results.first();
    QCOMPARE(part.router, router);
    if (expect == QLatin1String("unsupported")) {
        QCOMPARE(part.error.codeName(), QStringLiteral("unsupported-query"));
        QVERIFY(part.error.message.size() > 20);
        return;
    }
    QVERIFY2(part.ok(), qPrintable(part.error.toString()));
    QCOMPARE(part.records.kind(), QueryKind(kind));
    QVERIFY(!part.fromCache());
    QVERIFY(part.fetchedAt.isValid());
    QVERIFY(!part.commands.isEmpty());
    if (router == QLatin1String("lab-bird")
        && (QueryKind(kind) == QueryKind::ReceivedRoutes || QueryKind(kind) == QueryKind::AdvertisedRoutes))
        QCOMPARE(part.commands.last(), QueryKind(kind) == QueryKind::ReceivedRoutes
                                           ? QStringLiteral("birdc show route all import table frr.ipv4")
                                           : QStringLiteral("birdc show route all export table frr.ipv4"));
    if (expect.startsWith(QLatin1String("rows:"))) {
        const int min = expect.mid(5).toInt();
        QVERIFY2(part.records.size() >= min,
                 qPrintable(QStringLiteral("%1 rows, expected at least %2").arg(part.records.size()).arg(min)));
    }
    if (QueryKind(kind) == QueryKind::Facts)
        QCOMPARE(part.records.rows<FactsRecord>().first().hostname, router); // each node has its own UTS name
}

void TestLabQueries::bgpSessionsAreEstablished_data()
{
    QTest::addColumn<QString>("router");
    QTest::addColumn<QString>("neighbor");
    QTest::addColumn<qint64>("remoteAs");
    QTest::newRow("frr sees bird") << "lab-frr" << "198.19.0.1" << qint64(65002);
    QTest::newRow("frr sees gobgp") << "lab-frr" << "198.19.0.3" << qint64(65003);
    QTest::newRow("bird sees frr") << "lab-bird" << "198.19.0.0" << qint64(65001);
    QTest::newRow("gobgp sees bird") << "lab-gobgp" << "198.19.0.4" << qint64(65002);
}

void TestLabQueries::bgpSessionsAreEstablished()
{
    QFETCH(QString, router);
    QFETCH(QString, neighbor);
    QFETCH(qint64, remoteAs);
    QueryParams p;
    p.neighbor = neighbor;
    const Response resp = m_lab.ask({router}, QueryKind::BgpStatus, p);
    QCOMPARE(resp.results.size(), 1);
    const RouterResult &part = resp.results.first();
    QVERIFY2(part.ok(), qPrintable(part.error.toString()));
    const auto &rows = part.records.rows<BgpNeighborRecord>();
    QVERIFY(!rows.isEmpty());
    bool found = false;
    for (const BgpNeighborRecord &n : rows) {
        QCOMPARE(n.neighbor, neighbor); // the filter holds
        if (n.addressFamily == QLatin1String("ipv4-unicast")) {
            found = true;
            QCOMPARE(n.state, BgpState::Established);
            QCOMPARE(n.remoteAs, remoteAs);
            QVERIFY(n.prefixesReceived >= 1);
        }
    }
    QVERIFY2(found, "no ipv4-unicast record for the neighbor");
}

void TestLabQueries::storeAnswersWithinMaxAge()
{
    const Response live = m_lab.ask({QStringLiteral("lab-frr")}, QueryKind::Facts);
    QVERIFY(live.results.value(0).ok());
    const Response cached = m_lab.ask({QStringLiteral("lab-frr")}, QueryKind::Facts, {}, 3600);
    QCOMPARE(cached.results.size(), 1);
    QVERIFY(cached.results.first().fromCache());
    QCOMPARE(cached.results.first().records, live.results.first().records);
    const auto history = m_lab.service().history(ClientIdentity{}, QStringLiteral("lab-frr"), QueryKind::Facts, {});
    QVERIFY(!history.isEmpty());
}

// 12 different questions to one router at once, with a per-router limit of one in flight and a
// per-router throttle: every one answered, never two in flight on that router, some held back.
// The throttle (1/s) is slower than the lab answers even on a loaded machine, so it binds.
void TestLabQueries::manyRequestsRespectPerRouterLimitAndThrottle()
{
    EngineSettings settings = EngineSettings::defaults();
    settings.maxInFlightPerRouter = 1;
    settings.throttle.perRouter = RateLimit{1, 1, ThrottleAction::HoldBack, 10};
    auto service = m_lab.serviceWithInventory(m_lab.inventoryJson(), settings);
    QVERIFY(service);

    int maxInFlight = 0;
    int maxHeldBack = 0;
    connect(service.get(), &RouterDataService::metricsChanged, this, [&](const EngineMetrics &m) {
        for (const RouterQueueStats &r : m.routers) {
            if (r.router == QLatin1String("lab-frr")) {
                maxInFlight = std::max(maxInFlight, r.inFlight);
                maxHeldBack = std::max(maxHeldBack, r.heldBack);
            }
        }
    });
    QSet<QString> pending;
    int ok = 0;
    connect(service.get(), &RouterDataService::responseReady, this, [&](const Response &resp) {
        if (pending.remove(resp.requestId) && resp.allOk())
            ++ok;
    });
    const QStringList lookups = {QStringLiteral("198.51.100.1"), QStringLiteral("198.51.100.65"), QStringLiteral("198.51.100.129"),
                                 QStringLiteral("203.0.113.129"), QStringLiteral("203.0.113.161"), QStringLiteral("203.0.113.193")};
    for (int i = 0; i < 12; ++i) {
        Request req;
        req.client = {QStringLiteral("lab-load"), Role::Internal, {}};
        req.routers = {QStringLiteral("lab-frr")};
        // Distinct questions, so that nothing coalesces.
        if (i < 6) {
            req.kind = QueryKind::RouteLookup;
            req.params.destination = lookups[i];
        } else {
            const QueryKind kinds[] = {QueryKind::Facts, QueryKind::LinkStatus, QueryKind::BgpStatus, QueryKind::ArpTable};
            req.kind = kinds[i % 4];
            req.params = {};
            if (req.kind == QueryKind::BgpStatus)
                req.params.neighbor = (i % 8 < 4) ? QStringLiteral("198.19.0.1") : QStringLiteral("198.19.0.3");
            req.urgency = (i % 2) ? Urgency::Background : Urgency::Interactive;
        }
        pending.insert(service->submit(req));
    }
    QTRY_VERIFY_WITH_TIMEOUT(pending.isEmpty(), 180000);
    QCOMPARE(ok, 12);
    QCOMPARE(maxInFlight, 1);
    QVERIFY2(maxHeldBack > 0, "the per-router throttle never held anything back");
    QVERIFY(service->metrics().completed >= 12);
}

void TestLabQueries::identicalRequestsAreCoalesced()
{
    auto service = m_lab.serviceWithInventory(m_lab.inventoryJson());
    QVERIFY(service);
    QSet<QString> pending;
    int ok = 0;
    connect(service.get(), &RouterDataService::responseReady, this, [&](const Response &resp) {
        if (pending.remove(resp.requestId) && resp.allOk())
            ++ok;
    });
    const qint64 before = service->metrics().coalesced;
    for (int i = 0; i < 10; ++i) {
        Request req;
        req.client = {QStringLiteral("client-%1").arg(i), Role::Internal, {}};
        req.routers = {QStringLiteral("lab-bird")};
        req.kind = QueryKind::BgpStatus;
        pending.insert(service->submit(req));
    }
    QTRY_VERIFY_WITH_TIMEOUT(pending.isEmpty(), 60000);
    QCOMPARE(ok, 10);
    QVERIFY2(service->metrics().coalesced - before >= 8, "ten identical questions should reach the router about once");
}

QTEST_GUILESS_MAIN(TestLabQueries)
#include "tst_lab_queries.moc"
