// The inventory editor's document: routers and connections changed with the readers' checks,
// and the file written back with what the editor does not show (or know) as it was.
#include "engine/inventory/inventory_document.h"
#include "engine/inventory/json_inventory_reader.h"
#include "engine/inventory/ordered_json.h"

#include <QTest>

using namespace rl;

namespace {

// Keys in a person's order (not the writer's), a comment, and fields the editor has no
// field for: tags, knownHosts, expectedPrefixes, vrf, credentials.
const QByteArray kFile = R"({
    "version": 1,
    "comment": "NOC Paris, kept by hand",
    "credentials": {"lab": {"username": "rlab", "secret": "env:RL_LAB_PASSWORD"}},
    "routers": [
        {"platform": "frr", "name": "pe1", "host": "198.51.100.1", "knownHosts": "/etc/rl/known_hosts",
         "tags": {"site": "par", "role": "pe", "rack": 12}, "credentials": "lab"},
        {"name": "ce1", "host": "198.51.100.2", "platform": "bird"}
    ],
    "connections": [
        {"id": "c1", "customer": "acme", "providerRouter": "pe1", "providerInterface": "eth1.100", "vlan": 100,
         "customerRouter": "ce1", "expectedPrefixes": ["203.0.113.0/26"], "vrf": "acme"}
    ]
}
)";

InventoryDocument load(const QByteArray &text = kFile)
{
    Result<InventoryDocument> doc = InventoryDocument::fromJson(text, QStringLiteral("noc.json"));
    if (!doc.ok())
        qFatal("%s", qPrintable(doc.error().message));
    return doc.value();
}

QString problemOf(const Result<qsizetype> &r)
{
    return r.ok() ? QString() : r.error().message;
}

} // namespace

class TestInventoryDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unchangedReadsTheSame();
    void editTouchesOnlyWhatChanged();
    void unknownKeysAndOrderSurvive();
    void ownFieldsSurviveAnEdit();
    void addAndRemove();
    void refusedWithTheReadersSentence_data();
    void refusedWithTheReadersSentence();
    void routerInUseIsNotRemoved();
    void renameFollowsInConnections();
    void importedFormStartsFromItsJson();
};

void TestInventoryDocument::unchangedReadsTheSame()
{
    const InventoryDocument doc = load();
    QVERIFY(!doc.isModified());
    const Result<Inventory> again = doc.reread();
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    const Result<Inventory> original = JsonInventoryReader::read(kFile, QStringLiteral("noc.json"));
    QCOMPARE(again->routers(), original->routers());
    QCOMPARE(again->connections(), original->connections());
    // The person's key order, the comment, a number tag as written.
    const QByteArray out = doc.toJson();
    QVERIFY2(out.indexOf("\"platform\": \"frr\"") < out.indexOf("\"name\": \"pe1\""), out.constData());
    QVERIFY(out.contains("\"comment\": \"NOC Paris, kept by hand\""));
    QVERIFY(out.contains("\"rack\": 12"));
}

void TestInventoryDocument::editTouchesOnlyWhatChanged()
{
    InventoryDocument doc = load();
    Router pe1 = doc.routers().at(0);
    pe1.port = 2222;
    pe1.host = QStringLiteral("pe1.par.example.net");
    QCOMPARE(problemOf(doc.setRouter(0, pe1)), QString());
    QVERIFY(doc.isModified());
    const Result<Inventory> again = doc.reread();
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QCOMPARE(again->router(QStringLiteral("pe1"))->port, 2222);
    QCOMPARE(again->router(QStringLiteral("pe1"))->knownHosts, QStringLiteral("/etc/rl/known_hosts"));
    QCOMPARE(again->router(QStringLiteral("pe1"))->tags.value(QStringLiteral("rack")), QStringLiteral("12"));
    QCOMPARE(again->connections().at(0).expectedPrefixes, QStringList{QStringLiteral("203.0.113.0/26")});
    QCOMPARE(again->connections().at(0).vrf, QStringLiteral("acme"));
    QCOMPARE(again->credentials().value(QStringLiteral("lab")).secret, QStringLiteral("env:RL_LAB_PASSWORD"));
    const QByteArray out = doc.toJson();
    QVERIFY(out.contains("\"comment\": \"NOC Paris, kept by hand\""));
    QVERIFY(out.contains("\"rack\": 12")); // not rewritten as "12": the tags did not change
    // The new port goes where the writer puts it: after the host.
    QVERIFY2(out.indexOf("\"port\": 2222") > out.indexOf("\"host\": \"pe1.par"), out.constData());
    QVERIFY2(out.indexOf("\"platform\": \"frr\"") < out.indexOf("\"name\": \"pe1\""), out.constData());
}

void TestInventoryDocument::unknownKeysAndOrderSurvive()
{
    // Keys RouterLens does not know (the file's own "x-…" fields, or a newer version's) are
    // kept by the patch the document makes, at every level, in their place.
    const QByteArray text = R"({"zeta": {"keep": [1, 2.50, "x"]}, "version": 1,
        "routers": [{"x-owner": "team-a", "name": "r1", "host": "h1", "platform": "frr"}], "alpha": true})";
    std::optional<OrderedJson> root = OrderedJson::parse(text);
    QVERIFY(root);
    QCOMPARE(root->keys(), QStringList({"zeta", "version", "routers", "alpha"}));
    OrderedJson *r1 = &root->member(QStringLiteral("routers"))->items().at(0);
    Router before;
    before.name = QStringLiteral("r1");
    before.host = QStringLiteral("h1");
    before.platform = QStringLiteral("frr");
    QJsonObject was{{"name", "r1"}, {"host", "h1"}, {"platform", "frr"}};
    QJsonObject now{{"name", "r1"}, {"host", "h2"}, {"platform", "frr"}, {"port", 830}};
    r1->patch(was, now, InventoryDocument::routerKeyOrder());
    QCOMPARE(r1->keys(), QStringList({"x-owner", "name", "host", "port", "platform"}));
    const QByteArray out = root->toJson();
    QVERIFY2(out.contains("2.50"), out.constData()); // a number as written
    QVERIFY(out.contains("\"x-owner\": \"team-a\""));
    QCOMPARE(OrderedJson::parse(out)->keys(), QStringList({"zeta", "version", "routers", "alpha"}));
    QCOMPARE(OrderedJson::parse(out)->toValue(), root->toValue());
}

void TestInventoryDocument::ownFieldsSurviveAnEdit()
{
    // A file the reader accepts with fields of its own: edited and saved, they are all still there.
    QByteArray text(kFile);
    text.replace(R"("name": "ce1",)", R"("x-owner": "team-b", "name": "ce1",)");
    text.replace(R"("vrf": "acme"})", R"("vrf": "acme", "x-circuit": "PAR-ACME-0042"})");
    InventoryDocument doc = load(text);
    Router ce1 = doc.routers().at(1);
    ce1.port = 2200;
    QCOMPARE(problemOf(doc.setRouter(1, ce1)), QString());
    const Result<Inventory> again = doc.reread();
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QCOMPARE(again->router(QStringLiteral("ce1"))->port, 2200);
    const QByteArray out = doc.toJson();
    QVERIFY2(out.contains("\"x-owner\": \"team-b\""), out.constData());
    QVERIFY2(out.contains("\"x-circuit\": \"PAR-ACME-0042\""), out.constData());
    QVERIFY(out.indexOf("\"x-owner\"") < out.indexOf("\"name\": \"ce1\""));
}

void TestInventoryDocument::addAndRemove()
{
    InventoryDocument doc = load(R"({"version": 1, "routers": [{"name": "pe1", "host": "192.0.2.1", "platform": "frr"}]})");
    Router r;
    r.name = QStringLiteral("pe2");
    r.host = QStringLiteral("192.0.2.2");
    r.platform = QStringLiteral("cisco-ios");
    r.tags.insert(QStringLiteral("site"), QStringLiteral("ams"));
    QCOMPARE(doc.setRouter(-1, r).value(), 1);
    Connection c;
    c.id = QStringLiteral("c9");
    c.customer = QStringLiteral("globex");
    c.providerRouter = QStringLiteral("pe2");
    c.providerInterface = QStringLiteral("Gi0/1.200");
    c.vlan = 200;
    QCOMPARE(doc.setConnection(-1, c).value(), 0); // the file had no "connections": it gets one
    Result<Inventory> again = doc.reread();
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QCOMPARE(again->routerNames(), QStringList({"pe1", "pe2"}));
    QCOMPARE(*again->connection(QStringLiteral("c9")), c);
    doc.removeConnection(0);
    QVERIFY(!doc.removeRouter(1));
    again = doc.reread();
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QCOMPARE(again->routerNames(), QStringList({"pe1"}));
    QVERIFY(again->connections().isEmpty());
}

void TestInventoryDocument::refusedWithTheReadersSentence_data()
{
    QTest::addColumn<int>("what"); // 0 duplicate name, 1 port, 2 platform, 3 connection end
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("duplicate name") << 0 << "name" << "The router name \"pe1\" is used twice (first on row 1 of the router list)";
    QTest::newRow("bad port") << 1 << "port" << "Router \"pe9\" has port 70000, which is out of range: use a port from 1 to 65535.";
    QTest::newRow("unknown platform") << 2 << "platform" << "Router \"pe9\" has the unknown platform \"ios-9000\": use one of ";
    QTest::newRow("missing router") << 3 << "customerRouter"
                                    << "Connection \"c2\" names the customer router \"ghost\", which is not in the inventory";
}

void TestInventoryDocument::refusedWithTheReadersSentence()
{
    QFETCH(int, what);
    QFETCH(QString, field);
    QFETCH(QString, sentence);
    InventoryDocument doc = load();
    const QByteArray before = doc.toJson();
    InventoryProblem p;
    Router r;
    r.name = what == 0 ? QStringLiteral("pe1") : QStringLiteral("pe9");
    r.host = QStringLiteral("192.0.2.9");
    r.platform = what == 2 ? QStringLiteral("ios-9000") : QStringLiteral("frr");
    r.port = what == 1 ? 70000 : 22;
    if (what < 3) {
        p = doc.routerProblem(r, -1);
        QVERIFY(!doc.setRouter(-1, r).ok());
    } else {
        Connection c = doc.connections().at(0);
        c.id = QStringLiteral("c2");
        c.customerRouter = QStringLiteral("ghost");
        p = doc.connectionProblem(c, -1);
        QVERIFY(!doc.setConnection(-1, c).ok());
    }
    QCOMPARE(p.field, field);
    QVERIFY2(p.message.startsWith(sentence), qPrintable(p.message));
    QCOMPARE(doc.toJson(), before);
    QVERIFY(!doc.isModified());
}

void TestInventoryDocument::routerInUseIsNotRemoved()
{
    InventoryDocument doc = load();
    const InventoryProblem p = doc.removeRouter(1);
    QCOMPARE(p.message, QStringLiteral("Router \"ce1\" is an end of connection \"c1\": remove that connection or give "
                                       "it another router first."));
    QCOMPARE(doc.routers().size(), 2);
}

void TestInventoryDocument::renameFollowsInConnections()
{
    InventoryDocument doc = load();
    Router ce = doc.routers().at(1);
    ce.name = QStringLiteral("ce1-acme");
    QVERIFY(doc.setRouter(1, ce).ok());
    const Result<Inventory> again = doc.reread();
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QCOMPARE(again->connections().at(0).customerRouter, QStringLiteral("ce1-acme"));
}

void TestInventoryDocument::importedFormStartsFromItsJson()
{
    Inventory inv;
    Router r;
    r.name = QStringLiteral("edge1");
    r.host = QStringLiteral("192.0.2.7");
    r.platform = QStringLiteral("juniper-junos");
    QVERIFY(!inv.addRouter(r));
    InventoryDocument doc = InventoryDocument::fromInventory(inv, QStringLiteral("hosts.yaml"));
    const QByteArray out = doc.toJson();
    QVERIFY2(out.indexOf("\"version\"") < out.indexOf("\"routers\""), out.constData());
    QVERIFY2(out.indexOf("\"name\"") < out.indexOf("\"host\""), out.constData());
    const Result<Inventory> again = doc.reread();
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QCOMPARE(again->routers(), inv.routers());
}

QTEST_GUILESS_MAIN(TestInventoryDocument)
#include "tst_inventory_document.moc"
