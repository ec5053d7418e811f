#include "engine/inventory/csv_inventory_reader.h"
#include "engine/inventory/inventory.h"
#include "engine/inventory/nornir_inventory_reader.h"

#include <QTest>

using namespace rl;

namespace {

QString dataPath(const char *rel)
{
    return QStringLiteral(SRCDIR "data/") + QLatin1String(rel);
}

// A hosts/groups/defaults triple read with the file names the errors should carry.
Result<Inventory> nornir(const QByteArray &hosts, const QByteArray &groups, const QByteArray &defaults = {})
{
    return NornirInventoryReader::read(hosts, QStringLiteral("hosts.yaml"), groups, QStringLiteral("groups.yaml"),
                                       defaults, QStringLiteral("defaults.yaml"));
}

} // namespace

class TestInventoryImports final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nornirGroupsAndDefaults();
    void nornirWithoutGroupsFileKeepsGroupsAsTags();
    void nornirOnlyHostsNamedHostsTakeSiblings();
    void nornirBroken_data();
    void nornirBroken();
    void nornirDiamondInheritsOnce();
    void nornirHostileInheritanceIsBounded();
    void csvRealistic();
    void csvSemicolons();
    void csvBroken_data();
    void csvBroken();
};

void TestInventoryImports::nornirGroupsAndDefaults()
{
    const auto inv = Inventory::loadFile(dataPath("nornir/hosts.yaml"));
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    QCOMPARE(inv->routers().size(), 4);

    // Host first, then ios_edge, its parent edge, then amsterdam, its parent europe, then defaults.
    const Router *pe1 = inv->router(QStringLiteral("ams-pe1"));
    QVERIFY(pe1);
    QCOMPARE(pe1->host, QStringLiteral("198.51.100.11"));
    QCOMPARE(pe1->platform, QStringLiteral("cisco-ios")); // ios_edge, not the defaults' frr
    QCOMPARE(pe1->port, 22);
    QCOMPARE(pe1->tags.value(QStringLiteral("role")), QStringLiteral("pe"));       // host over edge
    QCOMPARE(pe1->tags.value(QStringLiteral("tier")), QStringLiteral("silver"));   // ios_edge over edge
    QCOMPARE(pe1->tags.value(QStringLiteral("site")), QStringLiteral("ams-dc1"));  // amsterdam over europe
    QCOMPARE(pe1->tags.value(QStringLiteral("region")), QStringLiteral("eu-west")); // europe over defaults
    QCOMPARE(pe1->tags.value(QStringLiteral("customer")), QStringLiteral("internal"));
    QCOMPARE(pe1->tags.value(QStringLiteral("groups")), QStringLiteral("ios_edge,amsterdam"));
    QVERIFY(!pe1->tags.contains(QStringLiteral("secret")));
    const CredentialProfile *cred = inv->credentialProfile(pe1->credentials);
    QVERIFY(cred);
    QCOMPARE(cred->username, QStringLiteral("netops-ro")); // edge, before the defaults' rl-default
    QCOMPARE(cred->secret, QStringLiteral("env:RL_EDGE_PASSWORD"));
    const QList<Connection> tulip = inv->connectionsOf(QStringLiteral("tulip-bank"));
    QCOMPARE(tulip.size(), 1);
    QCOMPARE(tulip[0].providerRouter, QStringLiteral("ams-pe1"));
    QCOMPARE(tulip[0].vlan, 210);

    const Router *pe2 = inv->router(QStringLiteral("ams-pe2"));
    QVERIFY(pe2);
    QCOMPARE(pe2->port, 2222);
    QCOMPARE(pe2->tags.value(QStringLiteral("site")), QStringLiteral("ams-annex"));

    const Router *fra = inv->router(QStringLiteral("fra-p1"));
    QVERIFY(fra);
    QCOMPARE(fra->platform, QStringLiteral("juniper-junos"));
    QCOMPARE(fra->host, QStringLiteral("2001:db8:40::1"));
    QCOMPARE(fra->tags.value(QStringLiteral("site")), QStringLiteral("fra-dc2"));
    QCOMPARE(fra->tags.value(QStringLiteral("region")), QStringLiteral("eu-west"));
    const CredentialProfile *fraCred = inv->credentialProfile(fra->credentials);
    QVERIFY(fraCred);
    QCOMPARE(fraCred->username, QStringLiteral("fra-ro"));
    QVERIFY(fraCred->secret.isEmpty());

    // No groups: everything it does not set comes from defaults.yaml.
    const Router *rr = inv->router(QStringLiteral("lab-rr"));
    QVERIFY(rr);
    QCOMPARE(rr->platform, QStringLiteral("frr"));
    QCOMPARE(rr->tags.value(QStringLiteral("region")), QStringLiteral("global"));
    QCOMPARE(inv->credentialProfile(rr->credentials)->username, QStringLiteral("rr-readonly"));
}

void TestInventoryImports::nornirWithoutGroupsFileKeepsGroupsAsTags()
{
    // Without groups.yaml a host's groups stay a tag, as before (resources/examples/hosts.yaml).
    const auto inv = nornir("r1: {hostname: 198.18.0.11, platform: frr, groups: [lab, core]}\n", {});
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    QCOMPARE(inv->router(QStringLiteral("r1"))->tags.value(QStringLiteral("groups")), QStringLiteral("lab,core"));
    // The failure issue 13 reports: the platform comes from the group.
    const auto grouped = nornir("r1: {hostname: 198.18.0.11, groups: [core]}\n", "core: {platform: eos}\n");
    QVERIFY2(grouped.ok(), qPrintable(grouped.error().toString()));
    QCOMPARE(grouped->router(QStringLiteral("r1"))->platform, QStringLiteral("arista-eos"));
}

void TestInventoryImports::nornirOnlyHostsNamedHostsTakeSiblings()
{
    // A YAML file with another name is read alone: the groups.yaml beside it is not used.
    const QString path = dataPath("nornir/hosts.yaml");
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto alone = Inventory::loadNornirYaml(f.readAll(), path);
    QVERIFY(!alone.ok());
    QVERIFY2(alone.error().message.contains(QLatin1String("no platform")), qPrintable(alone.error().message));
}

void TestInventoryImports::nornirBroken_data()
{
    QTest::addColumn<QByteArray>("hosts");
    QTest::addColumn<QByteArray>("groups");
    QTest::addColumn<QByteArray>("defaults");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("says");

    const QByteArray host = "r1:\n  hostname: 198.18.0.11\n  groups: [a]\n";
    QTest::newRow("cycle") << host << QByteArray("a:\n  groups: [b]\nb:\n  groups: [c]\nc:\n  groups: [a]\n")
                           << QByteArray() << "groups.yaml, line" << "inherits from itself";
    QTest::newRow("self") << host << QByteArray("a:\n  groups: [a]\n  platform: frr\n") << QByteArray()
                          << "groups.yaml, line 1" << "inherits from itself";
    QTest::newRow("undefined group") << QByteArray("r1:\n  hostname: 198.18.0.11\n  groups: [a, zz]\n")
                                     << QByteArray("a: {platform: frr}\n") << QByteArray() << "hosts.yaml, line 3"
                                     << "\"zz\" is not defined in groups.yaml";
    QTest::newRow("undefined parent") << host << QByteArray("a:\n  groups:\n    - nope\n") << QByteArray()
                                      << "groups.yaml, line 3" << "parent group \"nope\"";
    QTest::newRow("platform from group unknown") << host << QByteArray("a:\n  platform: vyos\n") << QByteArray()
                                                 << "groups.yaml, line 2" << "unknown platform \"vyos\"";
    QTest::newRow("no platform anywhere") << host << QByteArray("a: {username: x}\n") << QByteArray()
                                          << "hosts.yaml, line 1" << "has no platform";
    QTest::newRow("plain password in group")
        << host << QByteArray("a:\n  platform: frr\n  password: hunter2\n") << QByteArray() << "groups.yaml, line 3"
        << "Passwords never go";
    QTest::newRow("secret in group data") << host << QByteArray("a:\n  platform: frr\n  data:\n    api_token: abc\n")
                                          << QByteArray() << "groups.yaml, line 4" << "\"api_token\"";
    QTest::newRow("secret in defaults options")
        << host << QByteArray("a: {platform: frr}\n")
        << QByteArray("connection_options:\n  napalm:\n    extras:\n      secret: s3cr3t\n") << "defaults.yaml, line 4"
        << "\"secret\"";
    QTest::newRow("connections in group")
        << host << QByteArray("a:\n  platform: frr\n  data:\n    connections: []\n") << QByteArray()
        << "groups.yaml, line 4" << "connections belong to one host";
    QTest::newRow("groups in defaults") << host << QByteArray("a: {platform: frr}\n") << QByteArray("groups: [a]\n")
                                        << "defaults.yaml, line 1" << "unknown field \"groups\"";
    QTest::newRow("unknown field in group") << host << QByteArray("a:\n  platfrom: frr\n") << QByteArray()
                                            << "groups.yaml, line 2" << "unknown field \"platfrom\"";
    QTest::newRow("groups file not a map") << host << QByteArray("- a\n- b\n") << QByteArray() << "groups.yaml, line 1"
                                           << "must map group names";
    QTest::newRow("bad yaml in groups") << host << QByteArray("a:\n  platform: [frr\n") << QByteArray()
                                        << "groups.yaml, line" << "not valid YAML";
    QTest::newRow("bad port from defaults") << host << QByteArray("a: {platform: frr}\n") << QByteArray("port: ssh\n")
                                            << "defaults.yaml, line 1" << "whole number";
    QTest::newRow("data not a map in group") << host << QByteArray("a:\n  platform: frr\n  data: [x]\n")
                                             << QByteArray() << "groups.yaml, line 3" << "must be a map";
}

void TestInventoryImports::nornirBroken()
{
    QFETCH(QByteArray, hosts);
    QFETCH(QByteArray, groups);
    QFETCH(QByteArray, defaults);
    QFETCH(QString, where);
    QFETCH(QString, says);
    const auto inv = nornir(hosts, groups, defaults);
    QVERIFY(!inv.ok());
    QCOMPARE(inv.error().code, ErrorCode::InventoryError);
    QVERIFY2(inv.error().message.startsWith(where), qPrintable(inv.error().message));
    QVERIFY2(inv.error().message.contains(says), qPrintable(inv.error().message));
    QVERIFY2(!inv.error().message.contains(QLatin1String("hunter2")), qPrintable(inv.error().message));
    QVERIFY2(!inv.error().message.contains(QLatin1String("s3cr3t")), qPrintable(inv.error().message));
}

void TestInventoryImports::nornirDiamondInheritsOnce()
{
    // b and c both inherit from base; a host in [b, c] takes b, base, c in that order.
    const auto inv = nornir("r1: {hostname: 198.18.0.11, groups: [b, c]}\n",
                            "base: {platform: frr, data: {site: base, tier: base}}\n"
                            "b: {groups: [base]}\n"
                            "c: {groups: [base], platform: eos, data: {site: c, colour: blue}}\n");
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    const Router *r = inv->router(QStringLiteral("r1"));
    QCOMPARE(r->platform, QStringLiteral("frr"));
    QCOMPARE(r->tags.value(QStringLiteral("site")), QStringLiteral("base"));
    QCOMPARE(r->tags.value(QStringLiteral("colour")), QStringLiteral("blue"));
}

void TestInventoryImports::nornirHostileInheritanceIsBounded()
{
    // A chain of 400 groups, each the parent of the one before: refused, not recursed through.
    QByteArray groups;
    for (int i = 0; i < 400; ++i)
        groups += "g" + QByteArray::number(i) + ": {groups: [g" + QByteArray::number(i + 1) + "]}\n";
    groups += "g400: {platform: frr}\n";
    const auto deep = nornir("r1: {hostname: 198.18.0.11, groups: [g0]}\n", groups);
    QVERIFY(!deep.ok());
    QVERIFY2(deep.error().message.contains(QLatin1String("groups")), qPrintable(deep.error().message));

    // 2 100 hosts sharing a group with 2 000 data keys: 4.2 million inherited values, refused.
    QByteArray wide = "big:\n  platform: frr\n  data:\n";
    for (int i = 0; i < 2000; ++i)
        wide += "    k" + QByteArray::number(i) + ": v\n";
    QByteArray hosts;
    for (int i = 0; i < 2100; ++i)
        hosts += "h" + QByteArray::number(i) + ": {hostname: 198.18.1.1, groups: [big]}\n";
    const auto fan = nornir(hosts, wide);
    QVERIFY(!fan.ok());
    QVERIFY2(fan.error().message.contains(QLatin1String("inherit more than")), qPrintable(fan.error().message));
}

void TestInventoryImports::csvRealistic()
{
    const auto inv = Inventory::loadFile(dataPath("csv/routers.csv"));
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    QCOMPARE(inv->routerNames(), (QStringList{"ams-pe1", "ams-pe2", "fra-p1", "lab-rr"}));
    const Router *pe1 = inv->router(QStringLiteral("ams-pe1"));
    QCOMPARE(pe1->host, QStringLiteral("198.51.100.11"));
    QCOMPARE(pe1->platform, QStringLiteral("cisco-ios"));
    QCOMPARE(pe1->port, 22);
    QCOMPARE(pe1->tags.value(QStringLiteral("site")), QStringLiteral("ams-dc1"));
    QCOMPARE(pe1->tags.value(QStringLiteral("customer")), QStringLiteral("tulip-bank"));
    QVERIFY(!pe1->tags.contains(QStringLiteral("notes"))); // empty cells make no tag
    QVERIFY(!pe1->tags.contains(QStringLiteral("secret")));
    const CredentialProfile *cred = inv->credentialProfile(pe1->credentials);
    QVERIFY(cred);
    QCOMPARE(cred->username, QStringLiteral("netops-ro"));
    QCOMPARE(cred->secret, QStringLiteral("env:RL_EDGE_PASSWORD"));

    const Router *pe2 = inv->router(QStringLiteral("ams-pe2"));
    QCOMPARE(pe2->port, 2222);
    QCOMPARE(pe2->tags.value(QStringLiteral("notes")), QStringLiteral("core, upgraded 2026-11"));
    QVERIFY(!pe2->tags.contains(QStringLiteral("customer")));

    const Router *fra = inv->router(QStringLiteral("fra-p1"));
    QCOMPARE(fra->platform, QStringLiteral("juniper-junos"));
    QCOMPARE(fra->host, QStringLiteral("2001:db8:40::1"));
    QVERIFY(fra->credentials.isEmpty());
    QVERIFY2(fra->tags.value(QStringLiteral("notes")).contains(QLatin1String("note, with \"quotes\"")),
             qPrintable(fra->tags.value(QStringLiteral("notes"))));

    const Router *rr = inv->router(QStringLiteral("lab-rr"));
    QCOMPARE(rr->platform, QStringLiteral("frr"));
    QCOMPARE(rr->tags.value(QStringLiteral("role")), QStringLiteral("rr"));
}

void TestInventoryImports::csvSemicolons()
{
    const auto inv = Inventory::loadFile(dataPath("csv/semicolon.csv"));
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    QCOMPARE(inv->routers().size(), 2);
    QCOMPARE(inv->router(QStringLiteral("ber-ce1"))->platform, QStringLiteral("arista-eos"));
    QCOMPARE(inv->router(QStringLiteral("ber-ce2"))->tags.value(QStringLiteral("site")), QStringLiteral("ber-dc1"));
}

void TestInventoryImports::csvBroken_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("says");

    const QByteArray head = "name,host,platform,site\n";
    QTest::newRow("empty") << QByteArray("\n\n") << 1 << "empty";
    QTest::newRow("no platform column") << QByteArray("name,host,site\nr1,198.18.0.1,lab\n") << 1
                                        << "no \"platform\" column";
    QTest::newRow("no host column") << QByteArray("name;platform\nr1;frr\n") << 1 << "no \"host\" column";
    QTest::newRow("duplicate column") << QByteArray("name,host,platform,Site,site\n") << 1 << "\"site\" twice";
    QTest::newRow("synonym columns") << QByteArray("name,host,address,platform\n") << 1 << "mean the same";
    QTest::newRow("unnamed column") << QByteArray("name,,platform,host\n") << 1 << "column 2";
    QTest::newRow("too few cells") << head + "r1,198.18.0.1,frr,lab\nr2,198.18.0.2,frr\n" << 3 << "has 3 cells";
    QTest::newRow("too many cells") << head + "r1,198.18.0.1,frr,lab,extra\n" << 2 << "has 5 cells";
    QTest::newRow("unknown platform") << head + "r1,198.18.0.1,vyos.vyos.vyos,lab\n" << 2
                                      << "unknown platform \"vyos.vyos.vyos\"";
    QTest::newRow("empty platform") << head + "r1,198.18.0.1,,lab\n" << 2 << "has no platform";
    QTest::newRow("no name") << head + "r1,198.18.0.1,frr,lab\n,198.18.0.2,frr,lab\n" << 3 << "has no name";
    QTest::newRow("duplicate name") << head + "r1,198.18.0.1,frr,lab\nr1,198.18.0.2,frr,lab\n" << 3 << "used twice";
    QTest::newRow("bad port") << QByteArray("name,host,platform,port\nr1,198.18.0.1,frr,ssh\n") << 2
                              << "port \"ssh\"";
    QTest::newRow("port out of range") << QByteArray("name,host,platform,port\nr1,198.18.0.1,frr,70000\n") << 2
                                       << "out of range";
    QTest::newRow("plain password") << QByteArray("name,host,platform,password\nr1,198.18.0.1,frr,hunter2\n") << 2
                                    << "Passwords never go";
    QTest::newRow("plain api token") << QByteArray("name,host,platform,api_token\nr1,198.18.0.1,frr,hunter2\n") << 2
                                     << "\"api_token\"";
    QTest::newRow("unclosed quote") << head + "r1,198.18.0.1,frr,lab\nr2,198.18.0.2,frr,\"lab\nr3,x,frr,y\n" << 3
                                    << "never closed";
    QTest::newRow("text after quote") << head + "r1,198.18.0.1,frr,\"lab\"x\n" << 2 << "follows a quoted cell";
    QTest::newRow("bad host") << head + "r1,198.18.0.1 ,frr,lab\nr2,not a host!,frr,lab\n" << 3 << "r2";
    QTest::newRow("line after multi-line cell") << head + "r1,198.18.0.1,frr,\"two\nlines\"\nr2,198.18.0.2,ios9,x\n"
                                                << 4 << "ios9";
    QTest::newRow("binary") << QByteArray("name,host,platform\n") + QByteArray(300, ',') << 2 << "more than 256";
}

void TestInventoryImports::csvBroken()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, line);
    QFETCH(QString, says);
    const auto inv = CsvInventoryReader::read(csv, QStringLiteral("routers.csv"));
    QVERIFY(!inv.ok());
    QCOMPARE(inv.error().code, ErrorCode::InventoryError);
    const QString where = QStringLiteral("routers.csv, line %1: ").arg(line);
    QVERIFY2(inv.error().message.startsWith(where), qPrintable(inv.error().message));
    QVERIFY2(inv.error().message.contains(says), qPrintable(inv.error().message));
    QVERIFY2(!inv.error().message.contains(QLatin1String("hunter2")), qPrintable(inv.error().message));
}

QTEST_GUILESS_MAIN(TestInventoryImports)
#include "tst_inventory_imports.moc"
