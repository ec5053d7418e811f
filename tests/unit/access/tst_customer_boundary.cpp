// The customer boundary, checked on the demo inventory the way a customer would probe it: for
// each external customer, every query kind on every router (and one that does not exist) with
// every parameter value the inventory knows of (its own and the other customers' interfaces,
// neighbors, VRFs, destinations), read on every path the engine offers (live, coalesced with an
// internal client's identical work, cached, history, stored answers by id, CSV / JSON / table
// export, the diagnosis). No other customer's address, prefix, VRF, interface, router or
// connection name, nor anything the routers said about another customer, may appear.

#include "engine/access/access_policy.h"
#include "engine/api/record_export.h"
#include "engine/api/request_validator.h"
#include "engine/service/connection_diagnoser.h"
#include "engine/service/router_data_service.h"
#include "engine/transport/demo_transport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace rl;

namespace {

struct Case {
    QString router;
    QueryKind kind = QueryKind::Facts;
    QueryParams params;
    QString label() const
    {
        return QStringLiteral("%1 %2 %3").arg(router, queryKindName(kind), params.canonical());
    }
};

// Another customer's: what it is and the text that must not appear.
struct Token {
    QString text;
    QString what;
    QRegularExpression re;
};

// A whole token, not a part of a longer address, prefix or name ("198.51.100.1" is not in
// "198.51.100.10"; "Ethernet1.300" is not in "GigabitEthernet1.300").
QRegularExpression wholeToken(const QString &text)
{
    return QRegularExpression(QStringLiteral("(?<![0-9A-Za-z_])") + QRegularExpression::escape(text)
                                  + QStringLiteral("(?![0-9A-Za-z_]|\\.[0-9]|:[0-9A-Fa-f])"),
                              QRegularExpression::CaseInsensitiveOption);
}

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString storedText(const StoredAnswer &a)
{
    QJsonObject o{{QStringLiteral("router"), a.router},
                  {QStringLiteral("params"), a.params.toJson()},
                  {QStringLiteral("records"), a.records.toJson()},
                  {QStringLiteral("commands"), QJsonArray::fromStringList(a.commands)}};
    return jsonText(o);
}

QStringList addressesOf(const Connection &c)
{
    QStringList out{c.providerAddress, c.customerAddress, c.providerAddress6, c.customerAddress6};
    out.removeAll(QString());
    return out;
}

} // namespace

class TestCustomerBoundary final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    DemoScenario m_scenario;
    std::unique_ptr<RouterDataService> m_service;
    QHash<QString, Response> m_answers;
    QList<Case> m_cases;
    QHash<QString, Response> m_internal; // by Case::label(): what an internal client was told
    QList<qint64> m_storedIds;
    QHash<QString, int> m_tally; // combinations checked, by read path
    int m_nextId = 0;

    ClientIdentity internal() const { return ClientIdentity{QStringLiteral("noc"), Role::Internal, {}}; }
    static ClientIdentity external(const QString &customer)
    {
        return ClientIdentity{customer + QStringLiteral("-operator"), Role::External, customer};
    }

    Request requestFor(const Case &c, const ClientIdentity &who, qint64 maxAge = 0)
    {
        Request r;
        r.id = QStringLiteral("b-%1").arg(++m_nextId);
        r.client = who;
        r.routers = {c.router};
        r.kind = c.kind;
        r.params = c.params;
        r.maxAgeSeconds = maxAge;
        return r;
    }

    // Submits every request, then waits for all the answers.
    QList<Response> ask(const QList<Request> &requests, bool coalesce = false)
    {
        if (coalesce)
            m_service->setPaused(true);
        QStringList ids;
        for (const Request &r : requests)
            ids << m_service->submit(r);
        if (coalesce)
            m_service->setPaused(false);
        QElapsedTimer waited;
        waited.start();
        auto done = [&] {
            return std::all_of(ids.cbegin(), ids.cend(), [&](const QString &id) { return m_answers.contains(id); });
        };
        while (!done() && waited.elapsed() < 240000)
            QTest::qWait(20);
        QList<Response> out;
        for (const QString &id : ids) {
            if (!m_answers.contains(id))
                qWarning("no answer to %s", qPrintable(id));
            out << m_answers.take(id);
        }
        return out;
    }

    // Every value a customer might try, from the whole inventory, for each kind the parameter fits.
    void buildCases()
    {
        const Inventory inv = m_scenario.inventory();
        QStringList interfaces{QStringLiteral("TenGigE0/0/0/0")}; // a core port
        QStringList neighbors{QStringLiteral("10.255.0.2")};      // an iBGP peer
        QStringList destinations{QStringLiteral("203.0.113.70"), QStringLiteral("203.0.113.200"),
                                 QStringLiteral("2001:db8:1300::1"), QStringLiteral("203.0.113.64/26"),
                                 QStringLiteral("203.0.113.192/27"), QStringLiteral("198.51.100.128/25"),
                                 QStringLiteral("0.0.0.0/0")};
        for (const Connection &c : inv.connections()) {
            interfaces << c.providerInterface << c.customerInterface;
            neighbors << addressesOf(c);
            destinations << addressesOf(c);
        }
        interfaces.removeAll(QString());
        interfaces.removeDuplicates();
        neighbors.removeDuplicates();
        destinations.removeDuplicates();
        const QStringList vrfs{QStringLiteral("INITECH-VRF"), QStringLiteral("default")};

        QStringList routers = inv.routerNames();
        routers << QStringLiteral("no-such-router");
        for (const QString &router : std::as_const(routers)) {
            for (QueryKind kind : allQueryKinds()) {
                QList<QueryParams> sets;
                const bool needsNeighbor = RequestValidator::requiresParam(kind, u"neighbor");
                const bool needsDestination = RequestValidator::requiresParam(kind, u"destination");
                if (!needsNeighbor && !needsDestination)
                    sets << QueryParams{};
                if (RequestValidator::usesParam(kind, u"interface")) {
                    for (const QString &i : interfaces)
                        sets << QueryParams{{}, {}, {}, i, {}};
                }
                if (RequestValidator::usesParam(kind, u"neighbor")) {
                    for (const QString &n : neighbors) {
                        sets << QueryParams{n, {}, {}, {}, {}};
                        sets << QueryParams{n, vrfs.first(), {}, {}, {}};
                    }
                }
                if (RequestValidator::usesParam(kind, u"destination")) {
                    for (const QString &d : destinations) {
                        sets << QueryParams{{}, {}, {}, {}, d};
                        sets << QueryParams{{}, vrfs.first(), {}, {}, d};
                    }
                }
                if (RequestValidator::usesParam(kind, u"vrf") && !needsNeighbor && !needsDestination) {
                    for (const QString &v : vrfs)
                        sets << QueryParams{{}, v, {}, {}, {}};
                }
                for (const QueryParams &p : std::as_const(sets))
                    m_cases.append({router, kind, p});
            }
        }
    }

    const Response *internalAnswer(const QString &router, QueryKind kind, const QueryParams &params) const
    {
        const auto it = m_internal.constFind(Case{router, kind, params}.label());
        return it == m_internal.cend() ? nullptr : &*it;
    }

    // What belongs to a customer: its connections' fields, and what its routers said about them.
    QHash<QString, QString> ownedBy(const QString &customer) const
    {
        QHash<QString, QString> out; // text -> what
        const Inventory inv = m_scenario.inventory();
        for (const Connection &c : inv.connectionsOf(customer)) {
            out.insert(c.id, QStringLiteral("connection id"));
            out.insert(c.customer, QStringLiteral("customer name"));
            for (const QString &a : addressesOf(c))
                out.insert(a, QStringLiteral("address"));
            for (const QString &i : {c.providerInterface, c.customerInterface})
                out.insert(i, QStringLiteral("interface"));
            for (const QString &v : {c.vrf, c.customerVrf})
                out.insert(v, QStringLiteral("VRF"));
            for (const QString &p : c.expectedPrefixes)
                out.insert(p, QStringLiteral("prefix"));
            if (!c.customerRouter.isEmpty())
                out.insert(c.customerRouter, QStringLiteral("router"));
            // What the routers said: the prefixes the customer announces, its MACs, names, descriptions.
            for (const QString &peer : {c.customerAddress, c.customerAddress6}) {
                if (const Response *r = internalAnswer(c.providerRouter, QueryKind::ReceivedRoutes, QueryParams{peer, {}, {}, {}, {}})) {
                    for (const RouterResult &part : r->results)
                        for (const RouteRecord &route : part.records.rows<RouteRecord>())
                            out.insert(route.prefix.toString(), QStringLiteral("announced prefix"));
                }
            }
            const QList<std::pair<QString, QString>> ends{{c.providerRouter, c.providerInterface},
                                                          {c.customerRouter, c.customerInterface}};
            for (const auto &[router, ifname] : ends) {
                if (router.isEmpty())
                    continue;
                if (const Response *r = internalAnswer(router, QueryKind::ArpTable, {})) {
                    for (const RouterResult &part : r->results)
                        for (const ArpRecord &a : part.records.rows<ArpRecord>())
                            if (a.interfaceName == ifname && !a.mac.isEmpty() && a.mac != u"00:00:00:00:00:00")
                                out.insert(a.mac, QStringLiteral("MAC"));
                }
                if (const Response *r = internalAnswer(router, QueryKind::LldpNeighbors, {})) {
                    for (const RouterResult &part : r->results)
                        for (const LldpNeighborRecord &l : part.records.rows<LldpNeighborRecord>())
                            if (l.localInterface == ifname || l.localInterface == ifname.section(QLatin1Char('.'), 0, 0))
                                out.insert(l.remoteSystemName, QStringLiteral("LLDP neighbor"));
                }
                if (const Response *r = internalAnswer(router, QueryKind::BgpStatus, {})) {
                    const QStringList peers = addressesOf(c);
                    for (const RouterResult &part : r->results)
                        for (const BgpNeighborRecord &b : part.records.rows<BgpNeighborRecord>())
                            if (peers.contains(b.neighbor) && !b.description.isEmpty())
                                out.insert(b.description, QStringLiteral("BGP description"));
                }
            }
        }
        out.remove(QString());
        return out;
    }

    QList<Token> foreignTokens(const QString &customer) const
    {
        const Inventory inv = m_scenario.inventory();
        const QHash<QString, QString> own = ownedBy(customer);
        QHash<QString, QString> foreign;
        QSet<QString> customers;
        for (const Connection &c : inv.connections())
            customers.insert(c.customer);
        for (const QString &other : customers) {
            if (other != customer)
                foreign.insert(ownedBy(other));
        }
        const QStringList visible = m_service->visibleRouters(external(customer));
        for (const QString &r : inv.routerNames()) {
            if (!visible.contains(r))
                foreign.insert(r, QStringLiteral("router"));
        }
        QList<Token> out;
        for (auto it = foreign.cbegin(); it != foreign.cend(); ++it) {
            if (own.contains(it.key()) || visible.contains(it.key()) || it.key().size() < 4)
                continue; // shared (the provider edge, a provider MAC) or too short to mean anything
            out.append({it.key(), it.value(), wholeToken(it.key())});
        }
        return out;
    }

    // The first foreign token in `text`, after the caller's own inputs (echoed in refusals) are removed.
    static QString leak(QString text, const QList<Token> &tokens, const QStringList &inputs = {})
    {
        for (const QString &in : inputs) {
            if (!in.isEmpty())
                text.replace(wholeToken(in), QStringLiteral("<input>"));
        }
        for (const Token &t : tokens) {
            const QRegularExpressionMatch m = t.re.match(text);
            if (m.hasMatch())
                return QStringLiteral("%1 \"%2\" in: …%3…").arg(t.what, t.text, text.mid(std::max<qsizetype>(0, m.capturedStart() - 80), 200));
        }
        return {};
    }

    static QStringList inputsOf(const Request &r)
    {
        return QStringList(r.routers) << r.params.neighbor << r.params.vrf << r.params.interfaceName << r.params.destination;
    }

    static QString responseText(const Response &r)
    {
        return QString::fromUtf8(RecordExport::toJson(r));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Result<DemoScenario> s = DemoScenario::load();
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        m_scenario = s.value();
        for (DemoRouter &r : m_scenario.routers)
            r.latencyMs = 1;
        EngineSettings settings = EngineSettings::defaults();
        settings.storePath = m_dir.filePath(QStringLiteral("results.sqlite")); // the real store and codec
        settings.throttle.perClient = RateLimit{};
        settings.throttle.perRouter = RateLimit{};
        settings.throttle.network = RateLimit{};
        for (QueryKind k : allQueryKinds())
            settings.cacheTtlSeconds[k] = 86400; // the cached path must still find them at the end
        RouterDataService::Backends b;
        b.transports = std::make_shared<DemoTransportFactory>(m_scenario);
        m_service = std::make_unique<RouterDataService>(settings, b);
        m_service->setInventory(m_scenario.inventory());
        connect(m_service.get(), &RouterDataService::responseReady, this,
                [this](const Response &r) { m_answers.insert(r.requestId, r); });

        buildCases();
        // An internal client asks everything first: the store then holds every customer's rows,
        // which the cached, history and stored-answer paths must not hand out.
        QList<Request> all;
        for (const Case &c : std::as_const(m_cases))
            all << requestFor(c, internal());
        const QList<Response> answers = ask(all);
        QCOMPARE(answers.size(), m_cases.size());
        int withRows = 0;
        for (int i = 0; i < m_cases.size(); ++i) {
            m_internal.insert(m_cases[i].label(), answers[i]);
            withRows += !answers[i].results.isEmpty() && !answers[i].results.first().records.isEmpty();
        }
        QVERIFY2(withRows > 50, qPrintable(QString::number(withRows)));
        QSet<qint64> ids;
        for (const Case &c : std::as_const(m_cases)) {
            for (const StoredAnswerInfo &i : m_service->history(internal(), c.router, c.kind, c.params, 1000))
                ids.insert(i.id);
        }
        m_storedIds = QList<qint64>(ids.begin(), ids.end());
        std::sort(m_storedIds.begin(), m_storedIds.end());
        QVERIFY2(m_storedIds.size() > 100, qPrintable(QString::number(m_storedIds.size())));
    }

    void boundary_data()
    {
        QTest::addColumn<QString>("customer");
        QSet<QString> customers;
        const Inventory inventory = m_scenario.inventory(); // by value: a range-for over a temporary's member dangles
        for (const Connection &c : inventory.connections())
            customers.insert(c.customer);
        QStringList sorted(customers.begin(), customers.end());
        sorted.sort();
        QCOMPARE(sorted, (QStringList{"acme", "globex", "initech", "umbrella"}));
        for (const QString &c : sorted)
            QTest::newRow(qPrintable(c)) << c;
    }

    void boundary()
    {
        QFETCH(QString, customer);
        const ClientIdentity me = external(customer);
        const QList<Token> tokens = foreignTokens(customer);
        QVERIFY2(tokens.size() > 20, qPrintable(QString::number(tokens.size())));

        // The detector is not blind: the internal answers show plenty of these tokens.
        QSet<QString> seenInternally;
        for (const Response &r : std::as_const(m_internal)) {
            const QString text = responseText(r);
            for (const Token &t : tokens) {
                if (!seenInternally.contains(t.text) && t.re.match(text).hasMatch())
                    seenInternally.insert(t.text);
            }
        }
        QVERIFY2(seenInternally.size() >= 10, qPrintable(QStringList(seenInternally.begin(), seenInternally.end()).join(", ")));

        auto checkResponse = [&](const Request &req, const Response &resp, const QString &path) {
            const QStringList inputs = inputsOf(req);
            const QString where = QStringLiteral("%1, %2: ").arg(path, Case{req.routers.value(0), req.kind, req.params}.label());
            QString found = leak(responseText(resp), tokens, inputs);
            QVERIFY2(found.isEmpty(), qPrintable(where + found));
            ++m_tally[path];
            if (path != QLatin1String("live"))
                return;
            // The same answer as a person exports or reads it.
            found = leak(QString::fromUtf8(RecordExport::toCsv(resp)), tokens, inputs);
            QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("CSV ") + where + found));
            ++m_tally[QStringLiteral("export CSV")];
            found = leak(QString::fromUtf8(RecordExport::toJson(resp)), tokens, inputs);
            QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("JSON ") + where + found));
            ++m_tally[QStringLiteral("export JSON")];
            found = leak(RecordExport::toTable(resp), tokens, inputs);
            QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("table ") + where + found));
            ++m_tally[QStringLiteral("terminal table")];
        };

        // Live.
        QList<Request> live;
        for (const Case &c : std::as_const(m_cases))
            live << requestFor(c, me);
        const QList<Response> liveAnswers = ask(live);
        QList<int> allowed; // cases this customer may ask
        int ownRows = 0;
        for (int i = 0; i < live.size(); ++i) {
            checkResponse(live[i], liveAnswers[i], QStringLiteral("live"));
            if (QTest::currentTestFailed())
                return;
            if (liveAnswers[i].error.code != ErrorCode::Forbidden) {
                // Anything not refused is on the client's own routers.
                QVERIFY2(m_service->visibleRouters(me).contains(live[i].routers.first()), qPrintable(m_cases[i].label()));
                allowed << i;
                for (const RouterResult &p : liveAnswers[i].results)
                    ownRows += int(p.records.size());
            }
        }
        QVERIFY2(!allowed.isEmpty() && ownRows > 0, "the customer must see its own connection");

        // A router that does not exist and one of someone else read the same.
        const QStringList visible = m_service->visibleRouters(me);
        for (int i = 0; i < live.size(); ++i) {
            if (m_cases[i].router != u"no-such-router" || m_cases[i].kind != QueryKind::BgpStatus || !m_cases[i].params.isEmpty())
                continue;
            const QString missing = liveAnswers[i].error.message;
            QCOMPARE(liveAnswers[i].error.code, ErrorCode::Forbidden);
            for (int j = 0; j < live.size(); ++j) {
                if (m_cases[j].kind == QueryKind::BgpStatus && m_cases[j].params.isEmpty() && !visible.contains(m_cases[j].router)
                    && m_cases[j].router != u"no-such-router") {
                    QCOMPARE(liveAnswers[j].error.code, ErrorCode::Forbidden);
                    QCOMPARE(QString(liveAnswers[j].error.message).replace(m_cases[j].router, QStringLiteral("X")),
                             QString(missing).replace(QStringLiteral("no-such-router"), QStringLiteral("X")));
                    ++m_tally[QStringLiteral("unknown = foreign")];
                }
            }
        }

        // Cached: every case, answered from the store the internal client filled.
        QList<Request> cached;
        for (const Case &c : std::as_const(m_cases))
            cached << requestFor(c, me, 86400);
        const QList<Response> cachedAnswers = ask(cached);
        int hits = 0;
        for (int i = 0; i < cached.size(); ++i) {
            checkResponse(cached[i], cachedAnswers[i], QStringLiteral("cached"));
            if (QTest::currentTestFailed())
                return;
            hits += !cachedAnswers[i].results.isEmpty() && cachedAnswers[i].results.first().fromCache();
        }
        QVERIFY2(hits > 0, "no answer came from the store");

        // Coalesced: the customer's request waits on the same router command as an internal one.
        const qint64 coalescedBefore = m_service->metrics().coalesced;
        QList<Request> pairs;
        for (int i : std::as_const(allowed)) {
            pairs << requestFor(m_cases[i], internal());
            pairs << requestFor(m_cases[i], me);
        }
        const QList<Response> pairAnswers = ask(pairs, true);
        for (int k = 1; k < pairs.size(); k += 2) {
            checkResponse(pairs[k], pairAnswers[k], QStringLiteral("coalesced"));
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY2(m_service->metrics().coalesced > coalescedBefore, "nothing was coalesced");

        // History, and each stored answer it lists, for every case.
        for (const Case &c : std::as_const(m_cases)) {
            const Request asked = requestFor(c, me);
            const QList<StoredAnswerInfo> infos = m_service->history(me, c.router, c.kind, c.params, 1000);
            for (const StoredAnswerInfo &info : infos) {
                QJsonObject o{{QStringLiteral("router"), info.router}, {QStringLiteral("params"), info.params.toJson()},
                              {QStringLiteral("rows"), info.recordCount}};
                QString found = leak(jsonText(o), tokens, inputsOf(asked));
                QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("history ") + c.label() + QStringLiteral(": ") + found));
                const std::optional<StoredAnswer> a = m_service->storedAnswer(me, info.id);
                QVERIFY(a);
                QCOMPARE(a->records.size(), info.recordCount);
                found = leak(storedText(*a), tokens, inputsOf(asked));
                QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("stored answer ") + c.label() + QStringLiteral(": ") + found));
            }
            ++m_tally[QStringLiteral("history + storedAnswer")];
        }

        // Stored answers by id, whoever asked for them: another customer's are not handed out.
        int refusedIds = 0;
        for (qint64 id : std::as_const(m_storedIds)) {
            const std::optional<StoredAnswer> a = m_service->storedAnswer(me, id);
            ++m_tally[QStringLiteral("storedAnswer by id")];
            if (!a) {
                ++refusedIds;
                continue;
            }
            QVERIFY2(visible.contains(a->router), qPrintable(a->router));
            const QString found = leak(storedText(*a), tokens, {a->router, a->params.neighbor, a->params.interfaceName,
                                                                a->params.vrf, a->params.destination});
            QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("stored answer %1: %2").arg(id).arg(found)));
        }
        QVERIFY(refusedIds > 0);

        // The diagnosis of every connection in the inventory, as this customer.
        ConnectionDiagnoser diagnoser(*m_service);
        QSignalSpy finished(&diagnoser, &ConnectionDiagnoser::finished);
        const QList<Connection> everyConnection = m_scenario.inventory().connections();
        diagnoser.start(everyConnection, me, 0, 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        const QList<DiagnosisResult> results = finished.first().first().value<QList<DiagnosisResult>>();
        QCOMPARE(results.size(), everyConnection.size());
        for (const DiagnosisResult &d : results) {
            const bool mine = d.connection.customer == customer;
            if (!mine) // another customer's connection is never "OK": it was not checked
                QCOMPARE(d.overall(), Verdict::CannotCheck);
            for (const DiagnosisStep &s : d.steps) {
                if (!mine) {
                    // Not its connection: nothing checked, nothing read.
                    QVERIFY2(s.verdict == Verdict::CannotCheck, qPrintable(d.connection.id + QLatin1Char(' ') + s.finding));
                    for (const RouterResult &part : s.records)
                        QVERIFY(part.records.isEmpty());
                    continue;
                }
                QJsonArray parts;
                for (const RouterResult &part : s.records)
                    parts.append(part.toJson());
                const QJsonObject o{{QStringLiteral("finding"), s.finding}, {QStringLiteral("advice"), s.advice},
                                    {QStringLiteral("evidence"), s.evidence}, {QStringLiteral("router"), s.router},
                                    {QStringLiteral("records"), parts}};
                const QString found = leak(jsonText(o), tokens);
                QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("diagnosis %1 %2: %3").arg(d.connection.id, s.layer, found)));
            }
            ++m_tally[QStringLiteral("diagnosis")];
        }
    }

    void cleanupTestCase()
    {
        int total = 0;
        QStringList parts;
        for (auto it = m_tally.cbegin(); it != m_tally.cend(); ++it) {
            total += it.value();
            parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        }
        parts.sort();
        qInfo("%lld query cases (router x kind x parameters); %d combinations checked over 4 customers: %s",
              qlonglong(m_cases.size()), total, qPrintable(parts.join(QStringLiteral(", "))));
        m_service.reset();
    }
};

QTEST_GUILESS_MAIN(TestCustomerBoundary)
#include "tst_customer_boundary.moc"
