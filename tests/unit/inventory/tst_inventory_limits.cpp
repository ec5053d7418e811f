// Bounded work on any inventory: line lookups that stay linear, YAML aliases that cannot
// multiply, nesting and file-size limits. No test here measures a time: work is counted, and
// an input that would take hours must be refused with an inventory-error.
#include "engine/inventory/inventory.h"
#include "engine/inventory/json_position_index.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace rl;

namespace {

QByteArray jsonInventory(int routers)
{
    QByteArray s("{\"version\": 1,\n \"routers\": [\n");
    for (int i = 0; i < routers; ++i) {
        s += "  {\"name\": \"r" + QByteArray::number(i) + "\",\n   \"host\": \"198.18." + QByteArray::number(i / 250)
             + '.' + QByteArray::number(i % 250 + 1) + "\", \"platform\": \"frr\"}";
        s += i + 1 < routers ? ",\n" : "\n";
    }
    s += " ]}\n";
    return s;
}

// Maps of maps of aliases: fanOut^(levels-1) values from about a kilobyte, under a key that the
// reader walks (connection_options may hide passwords, so it is searched).
QByteArray yamlAliasBomb(int levels, int fanOut)
{
    QByteArray s("---\nr1:\n  hostname: 198.18.0.11\n  platform: frr\n  connection_options:\n");
    s += "    l0: &l0 {password: env:RL_PW}\n";
    for (int level = 1; level < levels; ++level) {
        s += "    l" + QByteArray::number(level) + ": &l" + QByteArray::number(level) + " {";
        for (int i = 0; i < fanOut; ++i)
            s += (i ? ", k" : "k") + QByteArray::number(i) + ": *l" + QByteArray::number(level - 1);
        s += "}\n";
    }
    return s;
}

QByteArray nestedJson(int depth)
{
    return "{\"version\": 1, \"routers\": [],\n \"comment\": " + QByteArray(depth, '[') + QByteArray(depth, ']') + "}\n";
}

} // namespace

class TestInventoryLimits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonLineLookupsAreLinear();
    void jsonLinesStayRight();
    void largeJsonLoads();
    void yamlAliasBombRefused_data();
    void yamlAliasBombRefused();
    void yamlAliasCycleRefused();
    void yamlSharedAnchorsLoad();
    void jsonNestingLimit();
    void yamlNestingLimit();
    void fileSizeLimit();
    void connectionsById();
};

void TestInventoryLimits::jsonLineLookupsAreLinear()
{
    // The reader asks the line of every router and connection; each lookup used to count
    // newlines from the start of the file: n lookups over an n-line file.
    const int n = 4000;
    const QByteArray text = jsonInventory(n);
    JsonPositionIndex index(text);
    for (int i = 0; i < n; ++i) {
        QCOMPARE(index.line(QStringLiteral("routers/%1").arg(i)), 3 + 2 * i);
    }
    // Every byte read a small number of times, whatever the number of routers.
    QVERIFY2(index.work() <= 3 * text.size(),
             qPrintable(QStringLiteral("%1 bytes read for a %2-byte file").arg(index.work()).arg(text.size())));
}

void TestInventoryLimits::jsonLinesStayRight()
{
    const QByteArray text("{\"version\": 1,\n"
                          " \"credentials\": {\"lab\": {\"username\": \"u\",\n"
                          "                        \"secret\": \"env:X\"}},\n"
                          " \"routers\": [\n"
                          "  {\"name\": \"a\\\"b\", \"tags\": {\"site\": \"x\",\n"
                          "    \"role\": \"pe\"}},\n"
                          "  {\"name\": \"c\",\n"
                          "   \"port\": 22}\n"
                          " ]}\n");
    JsonPositionIndex index(text);
    QCOMPARE(index.line(QStringLiteral("version")), 1);
    QCOMPARE(index.line(QStringLiteral("credentials")), 2);
    QCOMPARE(index.line(QStringLiteral("credentials/lab")), 2);
    QCOMPARE(index.line(QStringLiteral("credentials/lab/secret")), 3);
    QCOMPARE(index.line(QStringLiteral("routers")), 4);
    QCOMPARE(index.line(QStringLiteral("routers/0")), 5);
    QCOMPARE(index.line(QStringLiteral("routers/0/tags/role")), 6);
    QCOMPARE(index.line(QStringLiteral("routers/1")), 7);
    QCOMPARE(index.line(QStringLiteral("routers/1/port")), 8);
    QCOMPARE(index.line(QStringLiteral("routers/2")), 0);
    QCOMPARE(index.line(QStringLiteral("routers/1/nothing")), 0);
    QCOMPARE(index.line(QStringLiteral("nothing/1")), 0);
}

void TestInventoryLimits::largeJsonLoads()
{
    // A broken router at the end of a large file is reported with its own line.
    QByteArray text = jsonInventory(20000);
    text.replace("\"name\": \"r19999\"", "\"name\": \"r0\"");
    const auto inv = Inventory::loadJson(text, QStringLiteral("big.json"));
    QVERIFY(!inv.ok());
    QCOMPARE(inv.error().code, ErrorCode::InventoryError);
    QVERIFY2(inv.error().message.contains(QStringLiteral("big.json, line %1:").arg(3 + 2 * 19999)),
             qPrintable(inv.error().message));
    QVERIFY(inv.error().message.contains(QStringLiteral("used twice")));
}

void TestInventoryLimits::yamlAliasBombRefused_data()
{
    QTest::addColumn<QByteArray>("yaml");
    // 6^7 = 280,000 passwords to check: seconds before, refused now.
    QTest::newRow("6^7 from 8 levels of 6") << yamlAliasBomb(8, 6);
    // 10^9: hours before (the walk stopped at depth 8: 10^8 maps).
    QTest::newRow("10^9 from 10 levels of 10") << yamlAliasBomb(10, 10);
    // The same under data:, which the reader also walks.
    QByteArray data = yamlAliasBomb(10, 10);
    data.replace("connection_options:", "data:");
    QTest::newRow("under data") << data;
}

void TestInventoryLimits::yamlAliasBombRefused()
{
    QFETCH(QByteArray, yaml);
    QVERIFY(yaml.size() < 2048);
    const auto inv = Inventory::loadNornirYaml(yaml, QStringLiteral("hosts.yaml"));
    QVERIFY(!inv.ok());
    QCOMPARE(inv.error().code, ErrorCode::InventoryError);
    const QString m = inv.error().message;
    QVERIFY2(m.startsWith(QStringLiteral("hosts.yaml, line ")), qPrintable(m));
    QVERIFY2(m.contains(QStringLiteral("aliases")), qPrintable(m));
    QVERIFY2(m.contains(QStringLiteral("write the values out")), qPrintable(m));
}

void TestInventoryLimits::yamlAliasCycleRefused()
{
    // An alias inside the node it names: yaml-cpp builds a cycle.
    const QByteArray yaml("---\nr1:\n  hostname: 198.18.0.11\n  platform: frr\n"
                          "  connection_options: &loop\n    netmiko: *loop\n");
    const auto inv = Inventory::loadNornirYaml(yaml, QStringLiteral("hosts.yaml"));
    QVERIFY(!inv.ok());
    QCOMPARE(inv.error().code, ErrorCode::InventoryError);
    QVERIFY2(inv.error().message.contains(QStringLiteral("hosts.yaml, line 6:")), qPrintable(inv.error().message));
    QVERIFY2(inv.error().message.contains(QStringLiteral("inside the value it names")), qPrintable(inv.error().message));
}

void TestInventoryLimits::yamlSharedAnchorsLoad()
{
    // What people use anchors for: one block of settings shared by many hosts.
    QByteArray yaml("---\n");
    for (int i = 0; i < 500; ++i) {
        yaml += "r" + QByteArray::number(i) + ":\n  hostname: 198.18." + QByteArray::number(i / 250) + '.'
                + QByteArray::number(i % 250 + 1) + "\n  platform: frr\n";
        yaml += i == 0 ? "  connection_options: &opts {netmiko: {extras: {fast_cli: false, global_delay_factor: 2}}}\n"
                       : "  connection_options: *opts\n";
    }
    const auto inv = Inventory::loadNornirYaml(yaml, QStringLiteral("hosts.yaml"));
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    QCOMPARE(inv->routers().size(), 500);
}

void TestInventoryLimits::jsonNestingLimit()
{
    QVERIFY(Inventory::loadJson(nestedJson(30), QStringLiteral("deep.json")).ok());
    const auto inv = Inventory::loadJson(nestedJson(500), QStringLiteral("deep.json"));
    QVERIFY(!inv.ok());
    QCOMPARE(inv.error().code, ErrorCode::InventoryError);
    QVERIFY2(inv.error().message.startsWith(QStringLiteral("deep.json, line 2: ")), qPrintable(inv.error().message));
    QVERIFY2(inv.error().message.contains(QStringLiteral("nested more than 64 levels deep")),
             qPrintable(inv.error().message));
}

void TestInventoryLimits::yamlNestingLimit()
{
    QByteArray yaml("---\nr1:\n  hostname: 198.18.0.11\n  platform: frr\n  data:\n    deep: ");
    const auto at = [&](int depth) {
        return yaml + QByteArray(depth, '[') + QByteArray(depth, ']') + '\n';
    };
    QVERIFY2(Inventory::loadNornirYaml(at(20), QStringLiteral("hosts.yaml")).ok(),
             qPrintable(Inventory::loadNornirYaml(at(20), QStringLiteral("hosts.yaml")).error().toString()));
    const auto inv = Inventory::loadNornirYaml(at(500), QStringLiteral("hosts.yaml"));
    QVERIFY(!inv.ok());
    QCOMPARE(inv.error().code, ErrorCode::InventoryError);
    QVERIFY2(inv.error().message.startsWith(QStringLiteral("hosts.yaml, line 6: ")), qPrintable(inv.error().message));
    QVERIFY2(inv.error().message.contains(QStringLiteral("nested more than 64 levels deep")),
             qPrintable(inv.error().message));
}

void TestInventoryLimits::fileSizeLimit()
{
    // A sparse file: nothing is written to disk, and nothing may be read from it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char *name : {"huge.json", "huge.yaml"}) {
        const QString path = dir.filePath(QLatin1String(name));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(Inventory::MaxFileBytes + 1));
        f.close();
        const auto inv = Inventory::loadFile(path);
        QVERIFY(!inv.ok());
        QCOMPARE(inv.error().code, ErrorCode::InventoryError);
        QVERIFY2(inv.error().message.contains(QStringLiteral("larger than the %1 MiB").arg(Inventory::MaxFileBytes >> 20)),
                 qPrintable(inv.error().message));
        QVERIFY2(inv.error().message.contains(path), qPrintable(inv.error().message));
    }
}

void TestInventoryLimits::connectionsById()
{
    // Connections are found and replaced by id through an index (a scan per connection made
    // 100,000 of them quadratic); order and replacement stay as they were.
    Inventory inv;
    for (int i = 0; i < 20000; ++i) {
        Connection c;
        c.id = QStringLiteral("c%1").arg(i);
        c.customer = QStringLiteral("cust%1").arg(i % 7);
        inv.addConnection(c);
    }
    Connection again;
    again.id = QStringLiteral("c123");
    again.customer = QStringLiteral("other");
    inv.addConnection(again);
    QCOMPARE(inv.connections().size(), 20000);
    QCOMPARE(inv.connections().at(123).customer, QStringLiteral("other"));
    QCOMPARE(inv.connection(QStringLiteral("c123"))->customer, QStringLiteral("other"));
    QCOMPARE(inv.connection(QStringLiteral("c19999"))->customer, QStringLiteral("cust%1").arg(19999 % 7));
    QVERIFY(!inv.connection(QStringLiteral("c20000")));
    QCOMPARE(inv.connectionsOf(QStringLiteral("other")).size(), 1);
}

QTEST_GUILESS_MAIN(TestInventoryLimits)
#include "tst_inventory_limits.moc"
