#include "scripted_translator.h"

#include "engine/service/router_data_service.h"
#include "engine/storage/memory_result_store.h"
#include "engine/transport/scripted_transport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rl;
using namespace rl::testing;

Q_DECLARE_METATYPE(rl::ErrorCode)

namespace {

const ScriptedTranslator &translator()
{
    static const ScriptedTranslator t;
    return t;
}

// Inventories accept only known platforms: the scripted translator stands in for "frr".
Router router(const QString &name, const QString &platform = QStringLiteral("frr"))
{
    Router r;
    r.name = name;
    r.host = QStringLiteral("127.0.0.1");
    r.platform = platform;
    return r;
}

// A store whose usage writes fail while `refuseUsage` is set (a database gone for a while).
class FlakyUsageStore final : public ResultStore
{
public:
    std::atomic<bool> refuseUsage = false;
    std::atomic<int> refused = 0;
    MemoryResultStore inner;

    Error open() override { return inner.open(); }
    std::optional<StoredAnswer> fresh(const QString &router, QueryKind kind, const QueryParams &params,
                                      const QDateTime &notBefore, const QDateTime &now) override
    {
        return inner.fresh(router, kind, params, notBefore, now);
    }
    Result<qint64> put(const StoredAnswer &answer) override { return inner.put(answer); }
    QList<StoredAnswerInfo> history(const QString &router, QueryKind kind, const QueryParams &params, int limit) override
    {
        return inner.history(router, kind, params, limit);
    }
    std::optional<StoredAnswer> load(qint64 id) override { return inner.load(id); }
    int prune(const QDateTime &cutoff) override { return inner.prune(cutoff); }
    Error addUsage(const QList<UsageBucket> &buckets) override
    {
        if (refuseUsage) {
            ++refused;
            return Error(ErrorCode::StoreError, QStringLiteral("The database is away."));
        }
        return inner.addUsage(buckets);
    }
    Result<QList<UsageBucket>> usage(const QDateTime &from, const QDateTime &to) override { return inner.usage(from, to); }
    int pruneUsage(const QDateTime &cutoff) override { return inner.pruneUsage(cutoff); }
};

} // namespace

class TestRouterDataService : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<ScriptedTransportFactory> m_routers;
    std::shared_ptr<MemoryResultStore> m_store;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<RouterDataService> m_service;
    std::unique_ptr<QSignalSpy> m_responses;
    std::unique_ptr<QSignalSpy> m_parts;
    std::unique_ptr<QSignalSpy> m_progress;

    void start(EngineSettings settings = EngineSettings::defaults())
    {
        settings.throttle.perClient = RateLimit{};
        settings.throttle.perRouter = RateLimit{};
        settings.throttle.network = RateLimit{};
        settings.maxInFlightTotal = 4;
        RouterDataService::Backends b;
        b.transports = m_routers;
        b.store = m_store;
        b.clock = m_clock;
        b.translators = [](const QString &platform) -> const Translator * {
            return platform == u"frr" ? &translator() : nullptr;
        };
        m_service = std::make_unique<RouterDataService>(settings, b);
        Inventory inv;
        for (const char *n : {"r1", "r2", "r3"})
            QVERIFY(!inv.addRouter(router(QString::fromLatin1(n))));
        QVERIFY(!inv.addRouter(router(QStringLiteral("odd"), QStringLiteral("juniper-junos")))); // no translator in this test
        Connection c;
        c.id = QStringLiteral("acme-1");
        c.customer = QStringLiteral("acme");
        c.providerRouter = QStringLiteral("r1");
        c.providerInterface = QStringLiteral("eth1");
        c.customerAddress = QStringLiteral("10.0.0.2");
        c.providerAddress = QStringLiteral("10.0.0.1");
        inv.addConnection(c);
        // Another customer on the same router, whose prefix must never reach acme.
        Connection g;
        g.id = QStringLiteral("globex-1");
        g.customer = QStringLiteral("globex");
        g.providerRouter = QStringLiteral("r1");
        g.providerInterface = QStringLiteral("eth2");
        g.customerAddress = QStringLiteral("10.0.0.6");
        g.providerAddress = QStringLiteral("10.0.0.5");
        g.expectedPrefixes = {QStringLiteral("203.0.113.0/25")};
        inv.addConnection(g);
        m_service->setInventory(inv);
        m_responses = std::make_unique<QSignalSpy>(m_service.get(), &RouterDataService::responseReady);
        m_parts = std::make_unique<QSignalSpy>(m_service.get(), &RouterDataService::partReady);
        m_progress = std::make_unique<QSignalSpy>(m_service.get(), &RouterDataService::progress);
    }

    Request request(QStringList routers, QueryKind kind = QueryKind::BgpStatus)
    {
        Request r;
        r.routers = std::move(routers);
        r.kind = kind;
        return r;
    }

    Response responseFor(const QString &id)
    {
        for (const QList<QVariant> &args : std::as_const(*m_responses)) {
            const Response r = args.at(0).value<Response>();
            if (r.requestId == id)
                return r;
        }
        return {};
    }
    QStringList prefixesOf(const Response &r)
    {
        QStringList out;
        const RouterResult part = r.results.value(0); // keep it: rows() refers into it
        for (const RouteRecord &rec : part.records.rows<RouteRecord>())
            out << rec.prefix.toString();
        return out;
    }
    int responsesFor(const QString &id)
    {
        int n = 0;
        for (const QList<QVariant> &args : std::as_const(*m_responses))
            n += args.at(0).value<Response>().requestId == id;
        return n;
    }

private Q_SLOTS:
    void init()
    {
        m_routers = std::make_shared<ScriptedTransportFactory>();
        m_store = std::make_shared<MemoryResultStore>();
        m_clock = std::make_shared<ManualClock>();
        ScriptedAnswer bgp;
        bgp.output = "10.0.0.2 Established\n10.9.9.9 Active\n";
        m_routers->setAnswer("r1", "show bgp summary", bgp);
        m_routers->setAnswer("r2", "show bgp summary", bgp);
        m_routers->setAnswer("r3", "show bgp summary", bgp);
    }
    void cleanup()
    {
        m_responses.reset();
        m_parts.reset();
        m_progress.reset();
        m_service.reset();
    }

    void invalidRequests_data()
    {
        QTest::addColumn<Request>("req");
        QTest::addColumn<int>("code");
        Request none;
        none.kind = QueryKind::Facts;
        QTest::newRow("no router") << none << int(ErrorCode::InvalidRequest);
        Request badName;
        badName.routers = {"r1; reload"};
        QTest::newRow("router name with a command") << badName << int(ErrorCode::InvalidRequest);
        Request badNeighbor;
        badNeighbor.routers = {"r1"};
        badNeighbor.kind = QueryKind::BgpStatus;
        badNeighbor.params.neighbor = "1.2.3.4|x";
        QTest::newRow("neighbor not an address") << badNeighbor << int(ErrorCode::InvalidRequest);
        Request missing;
        missing.routers = {"r1"};
        missing.kind = QueryKind::RouteLookup;
        QTest::newRow("route lookup without destination") << missing << int(ErrorCode::InvalidRequest);
        Request age;
        age.routers = {"r1"};
        age.maxAgeSeconds = -1;
        QTest::newRow("negative cache age") << age << int(ErrorCode::InvalidRequest);
        Request client;
        client.routers = {"r1"};
        client.client.id = "bad client";
        QTest::newRow("bad client id") << client << int(ErrorCode::InvalidRequest);
        Request unknown;
        unknown.routers = {"r1", "nowhere"};
        QTest::newRow("unknown router") << unknown << int(ErrorCode::UnknownRouter);
        Request external;
        external.routers = {"r2"};
        external.kind = QueryKind::BgpStatus;
        external.client = ClientIdentity{"acme-user", Role::External, "acme"};
        QTest::newRow("external asks another router") << external << int(ErrorCode::Forbidden);
        Request externalKind = external;
        externalKind.routers = {"r1"};
        externalKind.kind = QueryKind::Facts;
        QTest::newRow("external asks a kind not allowed") << externalKind << int(ErrorCode::Forbidden);
        // Access before existence: an external client cannot tell a missing router from a foreign one.
        Request externalUnknown = external;
        externalUnknown.routers = {"r1", "nowhere"};
        QTest::newRow("external asks an unknown router") << externalUnknown << int(ErrorCode::Forbidden);
        Request externalVrf = external;
        externalVrf.routers = {"r1"};
        externalVrf.params.vrf = "GLOBEX";
        QTest::newRow("external names a VRF not its own") << externalVrf << int(ErrorCode::Forbidden);
        Request externalLookup = external;
        externalLookup.routers = {"r1"};
        externalLookup.kind = QueryKind::RouteLookup;
        externalLookup.params.destination = "203.0.113.7";
        QTest::newRow("external looks up another customer's prefix") << externalLookup << int(ErrorCode::Forbidden);
    }

    // The sentence for a router that does not exist and for one of another customer is the
    // same but for the name; internal clients keep the precise unknown-router.
    void unknownReadsAsForbiddenForExternals()
    {
        start();
        auto ask = [&](const QString &router, const ClientIdentity &who) {
            Request r = request({router});
            r.client = who;
            const QString id = m_service->submit(r);
            [&] { QTRY_COMPARE(responsesFor(id), 1); }();
            return responseFor(id).error;
        };
        const ClientIdentity acme{"acme-user", Role::External, "acme"};
        const Error missing = ask("nowhere", acme);
        const Error foreign = ask("r2", acme);
        QCOMPARE(missing.code, ErrorCode::Forbidden);
        QCOMPARE(foreign.code, ErrorCode::Forbidden);
        QCOMPARE(QString(missing.message).replace("nowhere", "X"), QString(foreign.message).replace("r2", "X"));
        QCOMPARE(missing.detail, foreign.detail);
        QCOMPARE(ask("nowhere", ClientIdentity{}).code, ErrorCode::UnknownRouter);
        QCOMPARE(m_routers->totalCalls(), 0);
    }

    // Routes are filtered on every path: live, coalesced with an internal client's identical
    // work, and from the store.
    void externalRoutesAreFilteredOnEveryPath()
    {
        ScriptedAnswer sessions;
        sessions.output = "10.0.0.2 cust_a\n10.0.0.6 cust_b\n";
        m_routers->setAnswer("r1", "show sessions", sessions);
        ScriptedAnswer routes;
        routes.output = "198.51.100.0/24\n203.0.113.0/26\n";
        m_routers->setAnswer("r1", "show routes from cust_a", routes);
        start();
        Request internal = request({"r1"}, QueryKind::ReceivedRoutes);
        internal.params.neighbor = "10.0.0.2";
        Request external = internal;
        external.client = ClientIdentity{"acme-user", Role::External, "acme"};
        m_service->setPaused(true);
        const QString live = m_service->submit(external);
        const QString other = m_service->submit(internal);
        m_service->setPaused(false);
        QTRY_COMPARE(m_responses->size(), 2);
        QCOMPARE(m_routers->calls("r1", "show sessions"), 1); // one job, two waiters
        QCOMPARE(prefixesOf(responseFor(other)), (QStringList{"198.51.100.0/24", "203.0.113.0/26"}));
        QCOMPARE(prefixesOf(responseFor(live)), QStringList{"198.51.100.0/24"});
        Request cached = external;
        cached.maxAgeSeconds = 3600;
        const QString fromStore = m_service->submit(cached);
        QTRY_COMPARE(m_responses->size(), 3);
        QVERIFY(responseFor(fromStore).results.value(0).fromCache());
        QCOMPARE(prefixesOf(responseFor(fromStore)), QStringList{"198.51.100.0/24"});
    }

    // A parse error quotes the line it could not read, which may be another customer's row: an
    // external client is told that the answer could not be read, not what it said.
    void externalParseErrorsQuoteNothing()
    {
        ScriptedAnswer odd;
        odd.output = "10.0.0.2 Established\n10.0.0.6 Active with-a-third-field\n";
        m_routers->setAnswer("r1", "show bgp summary", odd);
        start();
        Request r = request({"r1"});
        const QString internalId = m_service->submit(r);
        r.client = ClientIdentity{"acme-user", Role::External, "acme"};
        const QString externalId = m_service->submit(r);
        QTRY_COMPARE(m_responses->size(), 2);
        const Error seen = responseFor(internalId).results.value(0).error;
        QCOMPARE(seen.code, ErrorCode::ParseError);
        QVERIFY2(seen.message.contains("10.0.0.6"), qPrintable(seen.message)); // internal: the precise line
        const Error told = responseFor(externalId).results.value(0).error;
        QCOMPARE(told.code, ErrorCode::ParseError);
        QVERIFY2(!told.message.contains("10.0.0.6") && !told.detail.contains("10.0.0.6"), qPrintable(told.toString()));
        QVERIFY(told.message.contains("could not be read"));
    }

    // History and stored answers are read as the caller: the store holds every client's answers.
    void historyIsFilteredForTheCaller()
    {
        start();
        m_service->submit(request({"r1"}));
        m_service->submit(request({"r2"}));
        QTRY_COMPARE(m_responses->size(), 2);
        const ClientIdentity acme{"acme-user", Role::External, "acme"};
        const QList<StoredAnswerInfo> all = m_service->history(ClientIdentity{}, "r1", QueryKind::BgpStatus, {});
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().recordCount, 2);
        const QList<StoredAnswerInfo> mine = m_service->history(acme, "r1", QueryKind::BgpStatus, {});
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first().recordCount, 1); // counted as acme sees it
        const auto stored = m_service->storedAnswer(acme, mine.first().id);
        QVERIFY(stored);
        QCOMPARE(stored->records.size(), 1);
        QCOMPARE(stored->records.rows<BgpNeighborRecord>().first().neighbor, QString("10.0.0.2"));
        QCOMPARE(m_service->storedAnswer(ClientIdentity{}, mine.first().id)->records.size(), 2);
        // Another router's history, by name or by id, is nobody's business of acme's.
        QVERIFY(m_service->history(acme, "r2", QueryKind::BgpStatus, {}).isEmpty());
        const QList<StoredAnswerInfo> r2 = m_service->history(ClientIdentity{}, "r2", QueryKind::BgpStatus, {});
        QCOMPARE(r2.size(), 1);
        QVERIFY(!m_service->storedAnswer(acme, r2.first().id));
        QVERIFY(m_service->history(acme, "nowhere", QueryKind::BgpStatus, {}).isEmpty());
        QueryParams foreignVrf;
        foreignVrf.vrf = "GLOBEX";
        QVERIFY(m_service->history(acme, "r1", QueryKind::BgpStatus, foreignVrf).isEmpty());
    }
    void invalidRequests()
    {
        QFETCH(Request, req);
        QFETCH(int, code);
        start();
        const QString id = m_service->submit(req);
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_responses->size(), 0); // answered after submit returned
        QTRY_COMPARE(m_responses->size(), 1);
        const Response r = responseFor(id);
        QCOMPARE(int(r.error.code), code);
        QVERIFY(!r.error.message.isEmpty());
        QTest::qWait(20);
        QCOMPARE(m_responses->size(), 1);
        QCOMPARE(m_routers->totalCalls(), 0); // nothing invalid reaches a router
    }

    void multiRouterWithFailures()
    {
        start();
        ScriptedAnswer down;
        down.error = Error(ErrorCode::Unreachable, "Router r2 does not answer.");
        m_routers->setAnswer("r2", "show bgp summary", down);
        QSignalSpy status(m_service.get(), &RouterDataService::routerStatusChanged);
        QList<int> order; // 0 part, 1 progress, 2 response
        connect(m_service.get(), &RouterDataService::partReady, this, [&] { order << 0; });
        connect(m_service.get(), &RouterDataService::progress, this, [&] { order << 1; });
        connect(m_service.get(), &RouterDataService::responseReady, this, [&] { order << 2; });
        const QString id = m_service->submit(request({"r3", "r2", "odd", "r1"}));
        QTRY_COMPARE(m_responses->size(), 1);
        const Response r = responseFor(id);
        QCOMPARE(r.error.code, ErrorCode::None);
        QCOMPARE(r.results.size(), 4);
        QCOMPARE(r.results[0].router, QString("r3"));
        QCOMPARE(r.results[1].error.code, ErrorCode::Unreachable);
        QCOMPARE(r.results[2].error.code, ErrorCode::UnsupportedQuery); // no translator for juniper-junos
        QCOMPARE(r.results[3].records.size(), 2);
        QCOMPARE(r.results[3].commands, QStringList{"show bgp summary"});
        QCOMPARE(r.failedCount(), 2);
        QCOMPARE(m_parts->size(), 4);
        QCOMPARE(order.size(), 9);
        QCOMPARE(order.last(), 2);
        const QList<QVariant> lastProgress = m_progress->last();
        QCOMPARE(lastProgress.at(1).toInt(), 4);
        QCOMPARE(lastProgress.at(2).toInt(), 4);
        QCOMPARE(m_service->routerStatus("r2"), RouterStatus::Unreachable);
        QCOMPARE(m_service->routerStatus("r1"), RouterStatus::Reachable);
        QVERIFY(status.size() >= 3);
        QTest::qWait(20);
        QCOMPARE(m_responses->size(), 1);
    }

    void parseErrorIsPerRouter()
    {
        start();
        ScriptedAnswer garbage;
        garbage.output = "garbage";
        m_routers->setAnswer("r1", "show bgp summary", garbage);
        const QString id = m_service->submit(request({"r1", "r2"}));
        QTRY_COMPARE(m_responses->size(), 1);
        const Response r = responseFor(id);
        QCOMPARE(r.results[0].error.code, ErrorCode::ParseError);
        QVERIFY(r.results[1].ok());
    }

    // A reader that throws fails its router's part with an internal error; the service, the
    // other routers and the next request carry on.
    void readerFaultIsPerRouter()
    {
        start();
        ScriptedAnswer faulty;
        faulty.output = "throw";
        m_routers->setAnswer("r1", "show bgp summary", faulty);
        const QString id = m_service->submit(request({"r1", "r2"}));
        QTRY_COMPARE(m_responses->size(), 1);
        const Response r = responseFor(id);
        QCOMPARE(r.results[0].error.code, ErrorCode::InternalError);
        QCOMPARE(r.results[0].error.detail, QStringLiteral("scripted reader fault"));
        QVERIFY(r.results[1].ok());
        QCOMPARE(m_service->metrics().faults, 1);
        m_routers->setAnswer("r1", "show bgp summary", ScriptedAnswer{"10.0.0.1 Established", {}, 0, false, 0});
        const QString again = m_service->submit(request({"r1"}));
        QTRY_COMPARE(m_responses->size(), 2);
        QVERIFY(responseFor(again).results[0].ok());
    }

    void coalescedWaitersParseWithTheirOwnParameters()
    {
        start();
        m_service->setPaused(true);
        Request filtered = request({"r1"});
        filtered.params.neighbor = "10.0.0.2";
        const QString a = m_service->submit(filtered);
        const QString b = m_service->submit(request({"r1"}));
        m_service->setPaused(false);
        QTRY_COMPARE(m_responses->size(), 2);
        QCOMPARE(m_routers->calls("r1"), 1);
        QCOMPARE(responseFor(a).results[0].records.size(), 1);
        QCOMPARE(responseFor(b).results[0].records.size(), 2);
        QCOMPARE(m_service->metrics().coalesced, 1);
    }

    void followUpRoundPerWaiter()
    {
        // Three received-routes requests share one first round ("show sessions") and then need
        // different second-round commands; an unknown neighbor fails alone.
        ScriptedAnswer sessions;
        sessions.output = "10.0.0.2 cust_a\n10.0.0.6 cust_b\n";
        m_routers->setAnswer("r1", "show sessions", sessions);
        ScriptedAnswer a, b;
        a.output = "198.51.100.0/24\n203.0.113.0/25\n";
        b.output = "203.0.113.128/25\n";
        m_routers->setAnswer("r1", "show routes from cust_a", a);
        m_routers->setAnswer("r1", "show routes from cust_b", b);
        start();
        m_service->setPaused(true);
        Request ra = request({"r1"}, QueryKind::ReceivedRoutes);
        ra.params.neighbor = "10.0.0.2";
        Request rb = ra;
        rb.params.neighbor = "10.0.0.6";
        Request rc = ra;
        rc.params.neighbor = "10.0.0.99";
        const QString ida = m_service->submit(ra);
        const QString idb = m_service->submit(rb);
        const QString idc = m_service->submit(rc);
        m_service->setPaused(false);
        QTRY_COMPARE(m_responses->size(), 3);
        QCOMPARE(m_routers->calls("r1", "show sessions"), 1);
        QCOMPARE(m_routers->calls("r1", "show routes from cust_a"), 1);
        QCOMPARE(m_routers->calls("r1", "show routes from cust_b"), 1);
        const RouterResult pa = responseFor(ida).results.value(0);
        const RouterResult pb = responseFor(idb).results.value(0);
        const RouterResult pc = responseFor(idc).results.value(0);
        QVERIFY2(pa.ok(), qPrintable(pa.error.toString()));
        QVERIFY2(pb.ok(), qPrintable(pb.error.toString()));
        QCOMPARE(pa.records.size(), 2);
        QCOMPARE(pb.records.size(), 1);
        QCOMPARE(pb.records.rows<RouteRecord>().first().prefix.toString(), QStringLiteral("203.0.113.128/25"));
        QCOMPARE(pa.commands, QStringList({"show sessions", "show routes from cust_a"}));
        QCOMPARE(pb.commands, QStringList({"show sessions", "show routes from cust_b"}));
        QCOMPARE(pc.error.code, ErrorCode::InvalidRequest);
        // The stored answer keeps both rounds' commands, so history shows what was asked.
        const auto stored = m_store->fresh("r1", QueryKind::ReceivedRoutes, ra.params, QDateTime::currentDateTimeUtc().addSecs(-60),
                                           QDateTime::currentDateTimeUtc());
        QVERIFY(stored.has_value());
        QCOMPARE(stored->commands, pa.commands);
    }

    void followUpRoundFailureIsTheJobsError()
    {
        ScriptedAnswer sessions;
        sessions.output = "10.0.0.2 cust_a\n";
        m_routers->setAnswer("r1", "show sessions", sessions);
        ScriptedAnswer lost;
        lost.error = Error(ErrorCode::ConnectionLost, QStringLiteral("The router closed the connection."));
        m_routers->setAnswer("r1", "show routes from cust_a", lost);
        start();
        Request ra = request({"r1"}, QueryKind::ReceivedRoutes);
        ra.params.neighbor = "10.0.0.2";
        const QString id = m_service->submit(ra);
        QTRY_COMPARE(m_responses->size(), 1);
        QCOMPARE(responseFor(id).results.value(0).error.code, ErrorCode::ConnectionLost);
    }

    void externalAnswersAreFiltered()
    {
        start();
        Request r = request({"r1"});
        r.client = ClientIdentity{"acme-user", Role::External, "acme"};
        const QString id = m_service->submit(r);
        QTRY_COMPARE(m_responses->size(), 1);
        const Response resp = responseFor(id);
        QCOMPARE(resp.error.code, ErrorCode::None);
        const auto &rows = resp.results[0].records.rows<BgpNeighborRecord>();
        QCOMPARE(rows.size(), 1); // only the customer's own peer
        QCOMPARE(rows.first().neighbor, QString("10.0.0.2"));
    }

    void cacheHitAndHistory()
    {
        start();
        const QString first = m_service->submit(request({"r1"}));
        QTRY_COMPARE(m_responses->size(), 1);
        QVERIFY(!responseFor(first).results[0].fromCache());
        Request again = request({"r1"});
        again.maxAgeSeconds = 60;
        const QString second = m_service->submit(again);
        QTRY_COMPARE(m_responses->size(), 2);
        const RouterResult part = responseFor(second).results[0];
        QVERIFY(part.fromCache());
        QCOMPARE(part.records.size(), 2);
        QCOMPARE(m_routers->calls("r1"), 1);
        QCOMPARE(m_service->metrics().cacheHits, 1);
        // maxAgeSeconds 0 always asks the router
        m_service->submit(request({"r1"}));
        QTRY_COMPARE(m_responses->size(), 3);
        QCOMPARE(m_routers->calls("r1"), 2);
        const QList<StoredAnswerInfo> h = m_service->history(ClientIdentity{}, "r1", QueryKind::BgpStatus, {});
        QCOMPARE(h.size(), 2);
        const auto stored = m_service->storedAnswer(ClientIdentity{}, h.first().id);
        QVERIFY(stored);
        QCOMPARE(stored->records.size(), 2);
        QVERIFY(stored->expiresAt > stored->fetchedAt);
    }

    void cacheAgeAndExpiry_data()
    {
        QTest::addColumn<int>("fetchedSecondsAgo");
        QTest::addColumn<int>("expiresInSeconds");
        QTest::addColumn<int>("maxAge");
        QTest::addColumn<bool>("hit");
        QTest::newRow("fresh and young enough") << 30 << 60 << 60 << true;
        QTest::newRow("older than the caller accepts") << 120 << 60 << 60 << false;
        QTest::newRow("expired") << 120 << -1 << 3600 << false;
    }
    void cacheAgeAndExpiry()
    {
        QFETCH(int, fetchedSecondsAgo);
        QFETCH(int, expiresInSeconds);
        QFETCH(int, maxAge);
        QFETCH(bool, hit);
        start();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        StoredAnswer a;
        a.router = "r1";
        a.kind = QueryKind::BgpStatus;
        a.fetchedAt = now.addSecs(-fetchedSecondsAgo);
        a.expiresAt = now.addSecs(expiresInSeconds);
        BgpNeighborRecord rec;
        rec.neighbor = "10.1.1.1";
        a.records = RecordSet(QueryKind::BgpStatus, QList<BgpNeighborRecord>{rec});
        QVERIFY(m_store->put(a).ok());
        Request r = request({"r1"});
        r.maxAgeSeconds = maxAge;
        const QString id = m_service->submit(r);
        QTRY_COMPARE(m_responses->size(), 1);
        const RouterResult part = responseFor(id).results[0];
        QCOMPARE(part.fromCache(), hit);
        QCOMPARE(m_routers->calls("r1"), hit ? 0 : 1);
        QCOMPARE(part.records.size(), hit ? 1 : 2);
    }

    void cancel()
    {
        start();
        ScriptedAnswer hang;
        hang.hangUntilCancelled = true;
        m_routers->setAnswer("r1", "show bgp summary", hang);
        const QString id = m_service->submit(request({"r1", "r2"}));
        QTRY_COMPARE(m_routers->inFlight(), 1);
        QTRY_COMPARE(m_parts->size(), 1); // r2 answered
        m_service->cancel(id);
        QTRY_COMPARE(m_responses->size(), 1);
        const Response r = responseFor(id);
        QVERIFY(r.results[1].ok());
        QCOMPARE(r.results[0].error.code, ErrorCode::Cancelled);
        QTRY_COMPARE(m_routers->inFlight(), 0);
        QTest::qWait(30);
        QCOMPARE(responsesFor(id), 1);
        QCOMPARE(m_parts->size(), 2);
    }

    void timeout()
    {
        EngineSettings s = EngineSettings::defaults();
        s.requestTimeoutMs = 5000;
        start(s);
        ScriptedAnswer hang;
        hang.hangUntilCancelled = true;
        m_routers->setAnswer("r1", "show bgp summary", hang);
        const QString id = m_service->submit(request({"r1"}));
        QTRY_COMPARE(m_routers->inFlight(), 1);
        m_clock->advance(5001);
        m_service->pokeScheduler();
        QTRY_COMPARE(m_responses->size(), 1);
        QCOMPARE(responseFor(id).results[0].error.code, ErrorCode::Timeout);
        QCOMPARE(m_service->routerStatus("r1"), RouterStatus::Unreachable);
        QTRY_COMPARE(m_routers->inFlight(), 0);
    }

    void throttledWithRetryAfter()
    {
        EngineSettings s = EngineSettings::defaults();
        start(s);
        EngineSettings strict = m_service->settings();
        strict.throttle.perRouter = RateLimit{1, 1, ThrottleAction::Reject, 10};
        QCOMPARE(m_service->applySettings(ClientIdentity{"op", Role::Internal, {}}, strict).code, ErrorCode::Forbidden);
        QVERIFY(!m_service->applySettings(ClientIdentity{"boss", Role::Admin, {}}, strict));
        QSignalSpy status(m_service.get(), &RouterDataService::routerStatusChanged);
        m_service->submit(request({"r1"}));
        const QString second = m_service->submit(request({"r1"}, QueryKind::ArpTable));
        QTRY_COMPARE(m_responses->size(), 2);
        const RouterResult part = responseFor(second).results[0];
        QCOMPARE(part.error.code, ErrorCode::Throttled);
        QVERIFY(part.error.retryAfterMs > 0);
        bool sawThrottled = false;
        for (const QList<QVariant> &args : std::as_const(status))
            sawThrottled |= args.at(0).toString() == u"r1" && args.at(1).value<RouterStatus>() == RouterStatus::Throttled;
        QVERIFY(sawThrottled);
    }

    void metricsAndActivity()
    {
        start();
        m_service->setPaused(true);
        m_service->submit(request({"r1", "r2"}));
        QCOMPARE(m_service->metrics().queued, 2);
        QCOMPARE(m_service->activity().size(), 2);
        QSignalSpy metrics(m_service.get(), &RouterDataService::metricsChanged);
        QTRY_VERIFY(metrics.size() >= 1);
        m_service->setPaused(false);
        QTRY_COMPARE(m_responses->size(), 1);
        QCOMPARE(m_service->metrics().completed, 2);
    }
    // A reload of the inventory while work runs: what was asked of a router that is gone or
    // changed ends with a sentence saying so; work for an unchanged router goes on.
    void replacingTheInventoryEndsWorkOfRoutersGoneOrChanged()
    {
        start();
        ScriptedAnswer hang;
        hang.hangUntilCancelled = true;
        m_routers->setAnswer("r1", "show bgp summary", hang);
        const QString inFlight = m_service->submit(request({"r1"}));
        QTRY_COMPARE(m_routers->inFlight(), 1);
        m_service->setPaused(true);
        const QString queued = m_service->submit(request({"r2", "r3"}));
        QCOMPARE(m_service->metrics().queued, 2);
        QSignalSpy changed(m_service.get(), &RouterDataService::inventoryChanged);

        Inventory next;
        Router moved = router(QStringLiteral("r2"));
        moved.host = QStringLiteral("127.0.0.2");
        QVERIFY(!next.addRouter(moved));
        QVERIFY(!next.addRouter(router(QStringLiteral("r3"))));
        QVERIFY(!next.addRouter(router(QStringLiteral("r4"))));
        m_service->setInventory(next);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_service->inventory().routerNames(), QStringList({"r2", "r3", "r4"}));
        m_service->setPaused(false);

        QTRY_COMPARE(m_responses->size(), 2);
        const RouterResult gone = responseFor(inFlight).results.value(0);
        QCOMPARE(gone.error.code, ErrorCode::UnknownRouter);
        QVERIFY2(gone.error.message.contains(QStringLiteral("r1 was removed from the inventory")), qPrintable(gone.error.message));
        const Response both = responseFor(queued);
        QCOMPARE(both.results.size(), 2);
        QCOMPARE(both.results[0].router, QStringLiteral("r2"));
        QCOMPARE(both.results[0].error.code, ErrorCode::InventoryError);
        QVERIFY2(both.results[0].error.message.contains(QStringLiteral("r2 changed in the inventory")),
                 qPrintable(both.results[0].error.message));
        QVERIFY2(both.results[1].ok(), qPrintable(both.results[1].error.toString()));
        QTRY_COMPARE(m_routers->inFlight(), 0); // r1's call was cancelled, not left hanging
        QCOMPARE(m_routers->calls("r2"), 0);    // never asked at its old address
        QCOMPARE(responsesFor(inFlight), 1);
    }

    void replacingTheInventoryForgetsStatesOfChangedRouters()
    {
        start();
        m_service->submit(request({"r2", "r3"}));
        QTRY_COMPARE(m_responses->size(), 1);
        QCOMPARE(m_service->routerStatus("r2"), RouterStatus::Reachable);
        QSignalSpy status(m_service.get(), &RouterDataService::routerStatusChanged);
        Inventory next;
        Router moved = router(QStringLiteral("r2"));
        moved.port = 2222;
        QVERIFY(!next.addRouter(moved));
        QVERIFY(!next.addRouter(router(QStringLiteral("r3"))));
        m_service->setInventory(next);
        QCOMPARE(m_service->routerStatus("r2"), RouterStatus::Unknown); // another router now
        QCOMPARE(m_service->routerStatus("r3"), RouterStatus::Reachable);
        QCOMPARE(status.size(), 1);
        QCOMPARE(status.at(0).at(0).toString(), QStringLiteral("r2"));
        QCOMPARE(status.at(0).at(1).value<RouterStatus>(), RouterStatus::Unknown);
    }

    // A file that does not load leaves the inventory as it was; the error names file and line.
    void aBrokenFileChangesNothing()
    {
        start();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("inv.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\": 1,\n \"routers\": [\n  {\"name\": \"x1\", \"host\": \"198.51.100.7\", \"platform\": \"no-such-os\"}\n ]}\n");
        f.close();
        QSignalSpy changed(m_service.get(), &RouterDataService::inventoryChanged);
        const Error e = m_service->loadInventory(path);
        QCOMPARE(e.code, ErrorCode::InventoryError);
        QVERIFY2(e.message.contains(QStringLiteral("inv.json, line 3")), qPrintable(e.message));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(m_service->inventory().routerNames(), QStringList({"r1", "r2", "r3", "odd"}));

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"version\": 1,\n \"routers\": [\n  {\"name\": \"x1\", \"host\": \"198.51.100.7\", \"platform\": \"frr\"}\n ]}\n");
        f.close();
        QVERIFY(!m_service->loadInventory(path, QStringLiteral("json")));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_service->inventory().routerNames(), QStringList({"x1"}));
    }

    // ---- usage: recorded where every answer passes, per client and router ----

    static UsageCounters usageOf(const QList<UsageBucket> &rows, const QString &client, const QString &router)
    {
        UsageCounters c;
        for (const UsageBucket &b : rows)
            if (b.client == client && b.router == router)
                c.merge(b.counters);
        return c;
    }
    QList<UsageBucket> usageNow(RouterDataService &service)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Result<QList<UsageBucket>> rows = service.usage(now.addSecs(-7200), now.addSecs(3600));
        if (!rows)
            qWarning() << rows.error().toString();
        return rows ? *rows : QList<UsageBucket>{};
    }

    void usageCountsCoalescedPartsPerClient()
    {
        start();
        m_service->setPaused(true);
        Request a = request({"r1", "r2"});
        a.client.id = QStringLiteral("alice");
        Request b = request({"r1"});
        b.client.id = QStringLiteral("bob");
        const QString ida = m_service->submit(a);
        const QString idb = m_service->submit(b); // identical work for r1: joins alice's
        m_service->setPaused(false);
        QTRY_COMPARE(m_responses->size(), 2);
        QCOMPARE(m_routers->calls("r1"), 1);
        QVERIFY(responseFor(ida).allOk());
        QVERIFY(responseFor(idb).allOk());
        // From the store, and a request refused before any router.
        Request c = request({"r1"});
        c.client.id = QStringLiteral("carol");
        c.maxAgeSeconds = 3600;
        m_service->submit(c);
        Request d = request({"nope"});
        d.client.id = QStringLiteral("carol");
        m_service->submit(d);
        QTRY_COMPARE(m_responses->size(), 4);

        const QList<UsageBucket> rows = usageNow(*m_service);
        const UsageCounters aliceR1 = usageOf(rows, QStringLiteral("alice"), QStringLiteral("r1"));
        const UsageCounters bobR1 = usageOf(rows, QStringLiteral("bob"), QStringLiteral("r1"));
        const UsageCounters carolR1 = usageOf(rows, QStringLiteral("carol"), QStringLiteral("r1"));
        const UsageCounters carolRefused = usageOf(rows, QStringLiteral("carol"), QString());
        QCOMPARE(aliceR1.parts, 1);
        QCOMPARE(aliceR1.coalesced, 0); // the work was alice's
        QCOMPARE(aliceR1.latency.count(), 1);
        QCOMPARE(usageOf(rows, QStringLiteral("alice"), QStringLiteral("r2")).parts, 1);
        QCOMPARE(bobR1.parts, 1);
        QCOMPARE(bobR1.coalesced, 1);
        QCOMPARE(bobR1.cacheHits, 0);
        QCOMPARE(carolR1.parts, 1);
        QCOMPARE(carolR1.cacheHits, 1);
        QCOMPARE(carolR1.coalesced, 0);
        QCOMPARE(carolRefused.refused, 1);
        QCOMPARE(carolRefused.errors.value(QStringLiteral("unknown-router")), 1);
        QCOMPARE(m_service->metrics().coalesced, 1);
        // This hour, everyone: 4 parts and one refused request.
        const UsageCounters hour = m_service->usageThisHour();
        QCOMPARE(hour.parts, 4);
        QCOMPARE(hour.requests(), 5);
        QCOMPARE(hour.coalesced, 1);
        QCOMPARE(hour.cacheHits, 1);
    }

    void usageFlushedIntoTheStoreAndSummedAcrossEngines()
    {
        EngineSettings s = EngineSettings::defaults();
        s.usageFlushSeconds = 3600; // only the explicit flushes below, and the one at the end
        start(s);
        Request a = request({"r1"});
        a.client.id = QStringLiteral("alice");
        m_service->submit(a);
        QTRY_COMPARE(m_responses->size(), 1);
        // Nothing is written per answer: only a flush puts it in the store.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(m_store->usage(now.addSecs(-3600), now.addSecs(3600))->size(), 0);
        m_service->flushUsage();
        QCOMPARE(usageOf(*m_store->usage(now.addSecs(-3600), now.addSecs(3600)), QStringLiteral("alice"), QStringLiteral("r1")).parts, 1);
        // Read through the service: the store's and the unflushed, each once.
        m_service->submit(a);
        QTRY_COMPARE(m_responses->size(), 2);
        QCOMPARE(usageOf(usageNow(*m_service), QStringLiteral("alice"), QStringLiteral("r1")).parts, 2);
        m_service->flushUsage();
        QCOMPARE(usageOf(usageNow(*m_service), QStringLiteral("alice"), QStringLiteral("r1")).parts, 2);

        // A second engine on the same store (another process): its figures add to the first's,
        // and what it has not flushed is written when it ends.
        {
            RouterDataService::Backends b;
            b.transports = m_routers;
            b.store = m_store;
            b.translators = [](const QString &platform) -> const Translator * {
                return platform == u"frr" ? &translator() : nullptr;
            };
            RouterDataService other(s, b);
            other.setInventory(m_service->inventory());
            QSignalSpy done(&other, &RouterDataService::responseReady);
            Request r = request({"r1"});
            r.client.id = QStringLiteral("alice");
            r.maxAgeSeconds = 3600;
            other.submit(r);
            QTRY_COMPARE(done.size(), 1);
            QCOMPARE(usageOf(usageNow(other), QStringLiteral("alice"), QStringLiteral("r1")).parts, 3);
        }
        const UsageCounters stored = usageOf(*m_store->usage(now.addSecs(-3600), now.addSecs(3600)), QStringLiteral("alice"),
                                             QStringLiteral("r1"));
        QCOMPARE(stored.parts, 3);
        QCOMPARE(stored.cacheHits, 1);
        QCOMPARE(usageOf(usageNow(*m_service), QStringLiteral("alice"), QStringLiteral("r1")).parts, 3);
    }

    void usageOfCancelledParts()
    {
        start();
        m_service->setPaused(true);
        Request a = request({"r1", "r2"});
        a.client.id = QStringLiteral("dave");
        const QString id = m_service->submit(a);
        m_service->cancel(id);
        QTRY_COMPARE(m_responses->size(), 1);
        m_service->setPaused(false);
        const UsageCounters r1 = usageOf(usageNow(*m_service), QStringLiteral("dave"), QStringLiteral("r1"));
        QCOMPARE(r1.parts, 1);
        QCOMPARE(r1.errors.value(QStringLiteral("cancelled")), 1);
    }

    void usageKeptWhileTheStoreRefusesIt()
    {
        auto flaky = std::make_shared<FlakyUsageStore>();
        RouterDataService::Backends b;
        b.transports = m_routers;
        b.store = flaky;
        b.translators = [](const QString &platform) -> const Translator * {
            return platform == u"frr" ? &translator() : nullptr;
        };
        EngineSettings s = EngineSettings::defaults();
        s.usageFlushSeconds = 3600;
        RouterDataService service(s, b);
        Inventory inv;
        QVERIFY(!inv.addRouter(router(QStringLiteral("r1"))));
        service.setInventory(inv);
        QSignalSpy done(&service, &RouterDataService::responseReady);
        Request r = request({"r1"});
        r.client.id = QStringLiteral("erin");
        service.submit(r);
        QTRY_COMPARE(done.size(), 1);
        flaky->refuseUsage = true;
        service.flushUsage();
        QCOMPARE(flaky->refused.load(), 1);
        // Not lost: still counted, and written once the store takes it again.
        QCOMPARE(usageOf(usageNow(service), QStringLiteral("erin"), QStringLiteral("r1")).parts, 1);
        service.submit(r);
        QTRY_COMPARE(done.size(), 2);
        flaky->refuseUsage = false;
        service.flushUsage();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(usageOf(*flaky->inner.usage(now.addSecs(-3600), now.addSecs(3600)), QStringLiteral("erin"), QStringLiteral("r1")).parts, 2);
        QCOMPARE(usageOf(usageNow(service), QStringLiteral("erin"), QStringLiteral("r1")).parts, 2);
    }
};

QTEST_GUILESS_MAIN(TestRouterDataService)
#include "tst_router_data_service.moc"
