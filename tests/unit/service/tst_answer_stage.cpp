// The answer stage on its own: a finished job's outputs in, one answer per waiter out. No
// scheduler, no threads: the JobOutcome is built by hand as a worker would hand it over.

#include "scripted_translator.h"

#include "engine/access/access_policy.h"
#include "engine/service/answer_stage.h"
#include "engine/storage/memory_result_store.h"

#include <QTest>

using namespace rl;
using namespace rl::testing;

namespace {

const ScriptedTranslator &translator()
{
    static const ScriptedTranslator t;
    return t;
}

// r1 runs "frr", which the stage's lookup maps to the scripted translator.
Router labRouter()
{
    Router r;
    r.name = QStringLiteral("r1");
    r.host = QStringLiteral("127.0.0.1");
    r.platform = QStringLiteral("frr");
    return r;
}

Connection acmeConnection()
{
    Connection c;
    c.id = QStringLiteral("acme-1");
    c.customer = QStringLiteral("acme");
    c.providerRouter = QStringLiteral("r1");
    c.providerInterface = QStringLiteral("eth1");
    c.customerAddress = QStringLiteral("10.0.0.2");
    c.providerAddress = QStringLiteral("10.0.0.1");
    return c;
}

const ClientIdentity Operator{QStringLiteral("noc"), Role::Internal, QString()};
const ClientIdentity Acme{QStringLiteral("acme-user"), Role::External, QStringLiteral("acme")};

Waiter waiter(quint64 tag, QueryKind kind, const ClientIdentity &client = Operator, const QueryParams &params = {})
{
    Waiter w;
    w.ticket = tag + 1;
    w.requestId = QStringLiteral("req-%1").arg(tag);
    w.router = QStringLiteral("r1");
    w.client = client;
    w.kind = kind;
    w.params = params;
    w.tag = tag;
    return w;
}

JobOutcome outcome(const QString &command, const QByteArray &output, QList<Waiter> waiters)
{
    JobOutcome o;
    o.router = QStringLiteral("r1");
    o.commands = {command};
    o.firstRoundCount = 1;
    o.outputs = {CommandOutput{command, output, 0}};
    o.latencyMs = 12;
    o.waiters = std::move(waiters);
    return o;
}

QueryParams neighbor(const QString &n)
{
    QueryParams p;
    p.neighbor = n;
    return p;
}

} // namespace

class TestAnswerStage : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<MemoryResultStore> m_store;
    AccessPolicy m_access;
    EngineSettings m_settings;
    Inventory m_inventory;

    AnswerStage stage()
    {
        return AnswerStage(m_store, [](const QString &platform) -> const Translator * {
            return platform == u"frr" ? &translator() : nullptr;
        }, m_access, m_settings);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!m_inventory.addRouter(labRouter()));
        m_inventory.addConnection(acmeConnection());
        QVERIFY(m_inventory.contains(QStringLiteral("r1")));
    }

    void init()
    {
        m_store = std::make_shared<MemoryResultStore>();
        QVERIFY(!m_store->open());
        m_settings = EngineSettings();
    }

    // Waiters asking the same thing share one parse and one stored answer; each still gets its
    // own part, in the order the outcome lists them, with its own request and tag.
    void waitersShareOneParsePerQuery()
    {
        const AnswerStage s = stage();
        const JobOutcome o = outcome(QStringLiteral("show bgp summary"), "10.0.0.2 Established\n10.0.0.6 Idle\n",
                                     {waiter(0, QueryKind::BgpStatus), waiter(1, QueryKind::BgpStatus),
                                      waiter(2, QueryKind::BgpStatus, Operator, neighbor(QStringLiteral("10.0.0.6")))});
        const std::vector<FinishedPart> parts = s.answer(o, m_inventory);
        QCOMPARE(parts.size(), size_t(3));
        for (quint64 i = 0; i < 3; ++i) {
            QCOMPARE(parts[i].tag, i);
            QCOMPARE(parts[i].requestId, QStringLiteral("req-%1").arg(i));
            QVERIFY2(!parts[i].result.error, qPrintable(parts[i].result.error.toString()));
            QCOMPARE(parts[i].result.router, QStringLiteral("r1"));
            QCOMPARE(parts[i].result.latencyMs, qint64(12));
        }
        QCOMPARE(parts[0].result.records.size(), qsizetype(2));
        QCOMPARE(parts[1].result.records.size(), qsizetype(2));
        QCOMPARE(parts[2].result.records.size(), qsizetype(1)); // the neighbor filter is its own query
        QCOMPARE(m_store->size(), qsizetype(2));      // one stored answer per query, not per waiter
    }

    // Every error names the router; nothing is stored; an external client gets no quote of the
    // router's output.
    void errorsNameTheRouter_data()
    {
        QTest::addColumn<int>("jobError");          // ErrorCode, None: the job ran
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<bool>("external");
        QTest::addColumn<bool>("inInventory");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("messageContains");
        QTest::addColumn<bool>("quotesOutput");
        QTest::newRow("job timed out") << int(ErrorCode::Timeout) << QByteArray() << false << true
                                       << int(ErrorCode::Timeout) << "Router r1: " << false;
        QTest::newRow("parse error, operator") << int(ErrorCode::None) << QByteArray("garbage") << false << true
                                               << int(ErrorCode::ParseError) << "Router r1: " << true;
        QTest::newRow("parse error, external") << int(ErrorCode::None) << QByteArray("garbage") << true << true
                                               << int(ErrorCode::ParseError) << "router r1" << false;
        QTest::newRow("router left the inventory") << int(ErrorCode::None) << QByteArray("a b\n") << false << false
                                                   << int(ErrorCode::UnsupportedQuery) << "Router r1 is no longer" << false;
    }
    void errorsNameTheRouter()
    {
        QFETCH(int, jobError);
        QFETCH(QByteArray, output);
        QFETCH(bool, external);
        QFETCH(bool, inInventory);
        QFETCH(int, code);
        QFETCH(QString, messageContains);
        QFETCH(bool, quotesOutput);
        const AnswerStage s = stage();
        JobOutcome o = outcome(QStringLiteral("show bgp summary"), output,
                               {waiter(0, QueryKind::BgpStatus, external ? Acme : Operator)});
        if (jobError != int(ErrorCode::None))
            o.error = Error(ErrorCode(jobError), QStringLiteral("No answer within the request time limit."));
        const std::vector<FinishedPart> parts = s.answer(o, inInventory ? m_inventory : Inventory());
        QCOMPARE(parts.size(), size_t(1));
        const Error &e = parts[0].result.error;
        QCOMPARE(int(e.code), code);
        QVERIFY2(e.message.contains(messageContains), qPrintable(e.message));
        QCOMPARE(e.message.contains(QLatin1String("not understood")), quotesOutput);
        QCOMPARE(parts[0].result.records.kind(), QueryKind::BgpStatus);
        QCOMPARE(parts[0].result.records.size(), qsizetype(0));
        QCOMPARE(m_store->size(), qsizetype(0));
    }

    // The answer is stored whole; each client gets it filtered as its access allows.
    void filteredForEachClient()
    {
        const AnswerStage s = stage();
        const JobOutcome o = outcome(QStringLiteral("show arp"),
                                     "10.0.0.2 00:00:5e:00:53:01 eth1\n10.0.0.6 00:00:5e:00:53:02 eth2\n",
                                     {waiter(0, QueryKind::ArpTable, Operator), waiter(1, QueryKind::ArpTable, Acme)});
        const std::vector<FinishedPart> parts = s.answer(o, m_inventory);
        QCOMPARE(parts.size(), size_t(2));
        QCOMPARE(parts[0].result.records.size(), qsizetype(2));
        QCOMPARE(parts[1].result.records.size(), qsizetype(1)); // only its own connection's interface
        QCOMPARE(m_store->size(), qsizetype(1));
        const QList<StoredAnswerInfo> stored = m_store->history(QStringLiteral("r1"), QueryKind::ArpTable, {});
        QCOMPARE(stored.size(), 1);
        QCOMPARE(m_store->load(stored.first().id)->records.size(), qsizetype(2));
    }

    // A stored answer stays fresh for its kind's setting, read at the time of the answer.
    void freshnessFollowsTheSettings()
    {
        m_settings.cacheTtlSeconds.insert(QueryKind::Facts, 30);
        AnswerStage s = stage();
        s.answer(outcome(QStringLiteral("show version"), "lab-r1", {waiter(0, QueryKind::Facts)}), m_inventory);
        EngineSettings changed = m_settings;
        changed.cacheTtlSeconds.insert(QueryKind::Facts, 90);
        s.setSettings(changed);
        s.answer(outcome(QStringLiteral("show version"), "lab-r1", {waiter(1, QueryKind::Facts)}), m_inventory);
        const QList<StoredAnswerInfo> stored = m_store->history(QStringLiteral("r1"), QueryKind::Facts, {});
        QCOMPARE(stored.size(), 2);
        QList<qint64> ttls;
        for (const StoredAnswerInfo &info : stored) {
            const std::optional<StoredAnswer> a = m_store->load(info.id);
            QVERIFY(a);
            ttls << a->fetchedAt.secsTo(a->expiresAt);
        }
        std::sort(ttls.begin(), ttls.end());
        QCOMPARE(ttls, (QList<qint64>{30, 90}));
    }

    // The second round: each distinct query's follow-ups once; each waiter's parse reads its own.
    void followUps()
    {
        const AnswerStage s = stage();
        const QByteArray sessions = "10.0.0.2 acme\n10.0.0.6 globex\n";
        const QList<Waiter> waiters{waiter(0, QueryKind::ReceivedRoutes, Operator, neighbor(QStringLiteral("10.0.0.2"))),
                                    waiter(1, QueryKind::ReceivedRoutes, Operator, neighbor(QStringLiteral("10.0.0.6"))),
                                    waiter(2, QueryKind::ReceivedRoutes, Operator, neighbor(QStringLiteral("10.0.0.2")))};
        const QList<CommandOutput> first{CommandOutput{QStringLiteral("show sessions"), sessions, 0}};
        const QStringList more = s.followUpCommands(m_inventory, QStringLiteral("r1"), waiters, first);
        QCOMPARE(more, (QStringList{QStringLiteral("show routes from acme"), QStringLiteral("show routes from globex")}));

        JobOutcome o = outcome(QStringLiteral("show sessions"), sessions, waiters);
        o.commands += more;
        o.outputs << CommandOutput{more[0], "198.51.100.0/24\n", 0} << CommandOutput{more[1], "203.0.113.0/25\n203.0.113.128/25\n", 0};
        const std::vector<FinishedPart> parts = s.answer(o, m_inventory);
        QCOMPARE(parts.size(), size_t(3));
        QCOMPARE(parts[0].result.records.size(), qsizetype(1));
        QCOMPARE(parts[1].result.records.size(), qsizetype(2));
        QCOMPARE(parts[2].result.records.size(), qsizetype(1));
        QCOMPARE(parts[0].result.commands, (QStringList{QStringLiteral("show sessions"), more[0]}));
        QCOMPARE(parts[1].result.commands, (QStringList{QStringLiteral("show sessions"), more[1]}));
        QCOMPARE(m_store->size(), qsizetype(2));
    }

    void queryKey_data()
    {
        QTest::addColumn<int>("kindA");
        QTest::addColumn<QString>("neighborA");
        QTest::addColumn<int>("kindB");
        QTest::addColumn<QString>("neighborB");
        QTest::addColumn<bool>("same");
        QTest::newRow("same kind, same params") << int(QueryKind::BgpStatus) << "10.0.0.2" << int(QueryKind::BgpStatus) << "10.0.0.2" << true;
        QTest::newRow("same kind, other params") << int(QueryKind::BgpStatus) << "10.0.0.2" << int(QueryKind::BgpStatus) << "10.0.0.6" << false;
        QTest::newRow("other kind, same params") << int(QueryKind::BgpStatus) << "" << int(QueryKind::ArpTable) << "" << false;
    }
    void queryKey()
    {
        QFETCH(int, kindA);
        QFETCH(QString, neighborA);
        QFETCH(int, kindB);
        QFETCH(QString, neighborB);
        QFETCH(bool, same);
        QCOMPARE(AnswerStage::queryKey(QueryKind(kindA), neighbor(neighborA))
                     == AnswerStage::queryKey(QueryKind(kindB), neighbor(neighborB)),
                 same);
    }
};

QTEST_GUILESS_MAIN(TestAnswerStage)
#include "tst_answer_stage.moc"
