#include "engine/inventory/ansible_inventory_reader.h"
#include "engine/inventory/csv_inventory_reader.h"
#include "engine/inventory/inventory.h"
#include "engine/inventory/inventory_json_writer.h"
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
    void ansibleIni();
    void ansibleYaml();
    void ansiblePlatformNames_data();
    void ansiblePlatformNames();
    void ansibleBroken_data();
    void ansibleBroken();
    void ansibleHostileGroupsAreBounded();
    void importsRoundTripThroughJson_data();
    void importsRoundTripThroughJson();
    void explicitFormat();
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

void TestInventoryImports::ansibleIni()
{
    const auto inv = Inventory::loadFile(dataPath("ansible/hosts.ini"));
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    QCOMPARE(inv->routers().size(), 6);

    const Router *bastion = inv->router(QStringLiteral("bastion-check"));
    QVERIFY(bastion);
    QCOMPARE(bastion->platform, QStringLiteral("frr"));
    QCOMPARE(bastion->host, QStringLiteral("203.0.113.5"));
    QVERIFY(!bastion->tags.contains(QStringLiteral("groups"))); // ungrouped
    QCOMPARE(bastion->tags.value(QStringLiteral("customer")), QStringLiteral("internal"));

    const Router *pe1 = inv->router(QStringLiteral("ams-pe1"));
    QVERIFY(pe1);
    QCOMPARE(pe1->host, QStringLiteral("198.51.100.11"));
    QCOMPARE(pe1->platform, QStringLiteral("cisco-ios"));            // from edge, a parent of ams_edge
    QCOMPARE(pe1->tags.value(QStringLiteral("site")), QStringLiteral("ams-dc1")); // host over edge
    QCOMPARE(pe1->tags.value(QStringLiteral("role")), QStringLiteral("edge"));
    QCOMPARE(pe1->tags.value(QStringLiteral("region")), QStringLiteral("eu-west"));
    QCOMPARE(pe1->tags.value(QStringLiteral("groups")), QStringLiteral("ams_edge"));
    QVERIFY(!pe1->tags.contains(QStringLiteral("ansible_user")));
    QCOMPARE(pe1->transport, TransportKind::Ssh);
    const CredentialProfile *cred = inv->credentialProfile(pe1->credentials);
    QVERIFY(cred);
    QCOMPARE(cred->username, QStringLiteral("netops-ro"));
    QCOMPARE(cred->secret, QStringLiteral("env:RL_NETOPS_PASSWORD"));

    const Router *pe2 = inv->router(QStringLiteral("ams-pe2"));
    QCOMPARE(pe2->port, 2222);
    QCOMPARE(pe2->tags.value(QStringLiteral("role")), QStringLiteral("pe backup")); // quoted, comment dropped

    QCOMPARE(inv->router(QStringLiteral("fra-p1"))->platform, QStringLiteral("juniper-junos"));
    QCOMPARE(inv->router(QStringLiteral("fra-p1"))->host, QStringLiteral("2001:db8:40::1"));
    const Router *fra2 = inv->router(QStringLiteral("fra-p2"));
    QVERIFY(fra2);
    QCOMPARE(fra2->port, 2022);

    // ber_leaf (deeper) overrides edge's ansible_network_os; httpapi on EOS is eAPI.
    const Router *leaf = inv->router(QStringLiteral("ber-leaf1"));
    QCOMPARE(leaf->platform, QStringLiteral("arista-eos"));
    QCOMPARE(leaf->transport, TransportKind::HttpEapi);
    QCOMPARE(leaf->port, 443);
    QCOMPARE(leaf->tags.value(QStringLiteral("site")), QStringLiteral("ber-dc1"));
    QVERIFY(!leaf->tags.contains(QStringLiteral("ansible_become_password")));

    // ProxyJump becomes the router's jump chain, the field the SSH transport reads.
    QVERIFY2(inv->warnings().filter(QStringLiteral("jump host")).isEmpty(), qPrintable(inv->warnings().join(u'\n')));
    QCOMPARE(inv->router(QStringLiteral("ams-pe1"))->proxyJump, QStringLiteral("jump@203.0.113.5"));
    QVERIFY(inv->router(QStringLiteral("bastion-check"))->proxyJump.isEmpty());
}

void TestInventoryImports::ansibleYaml()
{
    const auto inv = Inventory::loadFile(dataPath("ansible/inventory.yml"));
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    QCOMPARE(inv->routers().size(), 4);
    // In ams_edge (under edge) and core: core and edge have the same depth, so they apply by name
    // (core, then edge): edge's cisco.ios.ios wins; the host's variables from both places merge.
    const Router *pe1 = inv->router(QStringLiteral("ams-pe1"));
    QCOMPARE(pe1->platform, QStringLiteral("cisco-ios"));
    QCOMPARE(pe1->tags.value(QStringLiteral("site")), QStringLiteral("ams-dc1"));
    QCOMPARE(pe1->tags.value(QStringLiteral("role")), QStringLiteral("pe"));
    QCOMPARE(pe1->tags.value(QStringLiteral("groups")), QStringLiteral("ams_edge,core"));
    QCOMPARE(inv->credentialProfile(pe1->credentials)->keyFile, QStringLiteral("~/.ssh/core_ed25519"));

    const Router *sw = inv->router(QStringLiteral("dc-sw1"));
    QCOMPARE(sw->platform, QStringLiteral("cisco-nxos"));
    QCOMPARE(sw->transport, TransportKind::HttpNxapi);
    QCOMPARE(sw->port, 8443);
    QVERIFY(!sw->tlsVerify);
    QCOMPARE(inv->warnings().filter(QStringLiteral("TLS certificate verification is off")).size(), 1);

    const Router *xr = inv->router(QStringLiteral("xr-p1"));
    QCOMPARE(xr->platform, QStringLiteral("cisco-iosxr"));
    QCOMPARE(xr->host, QStringLiteral("2001:db8:50::1"));
    QCOMPARE(xr->proxyJump, QStringLiteral("jump@203.0.113.5"));

    // Nornir files are still read as Nornir.
    QVERIFY(!AnsibleInventoryReader::looksLikeAnsibleYaml("r1: {hostname: 198.18.0.1, platform: frr}\n"));
    QVERIFY(AnsibleInventoryReader::looksLikeAnsibleYaml("all:\n  hosts:\n    r1:\n"));
    // The quick look at the first entry (block style) and the full check agree.
    QVERIFY(!AnsibleInventoryReader::looksLikeAnsibleYaml("---\n# edge\nr1:\n  hostname: 198.18.0.1\n  platform: frr\n"));
    QVERIFY(AnsibleInventoryReader::looksLikeAnsibleYaml("---\n# comment\n\nedge:\n  # vars first\n  vars:\n    x: 1\n  hosts:\n    r1:\n"));
    QVERIFY(AnsibleInventoryReader::looksLikeAnsibleYaml("all:\n  children:\n    edge:\n      hosts:\n        r1:\n"));
    QVERIFY(AnsibleInventoryReader::looksLikeAnsibleYaml("\"all\":\n  \"hosts\":\n    r1:\n"));
    QVERIFY(!AnsibleInventoryReader::looksLikeAnsibleYaml("all:\n  hosts:\n    r1:\nr2:\n  hostname: 198.18.0.2\n"));
    QVERIFY(!AnsibleInventoryReader::looksLikeAnsibleYaml("r1:\nr2:\n  hostname: 198.18.0.2\n"));
}

void TestInventoryImports::ansiblePlatformNames_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("platform");
    QTest::newRow("cisco.ios.ios") << "cisco.ios.ios" << "cisco-ios";
    QTest::newRow("ios") << "ios" << "cisco-ios";
    QTest::newRow("junos collection") << "junipernetworks.junos.junos" << "juniper-junos";
    QTest::newRow("eos collection") << "arista.eos.eos" << "arista-eos";
    QTest::newRow("nxos collection") << "cisco.nxos.nxos" << "cisco-nxos";
    QTest::newRow("iosxr collection") << "cisco.iosxr.iosxr" << "cisco-iosxr";
    QTest::newRow("frr collection") << "frr.frr.frr" << "frr";
    QTest::newRow("short eos") << "eos" << "arista-eos";
    QTest::newRow("ours") << "juniper-junos" << "juniper-junos";
    QTest::newRow("vyos unknown") << "vyos.vyos.vyos" << "";
    QTest::newRow("half a name") << "cisco.ios" << "";
}

void TestInventoryImports::ansiblePlatformNames()
{
    QFETCH(QString, given);
    QFETCH(QString, platform);
    QCOMPARE(platformFromAnsibleName(given), platform);
}

void TestInventoryImports::ansibleBroken_data()
{
    QTest::addColumn<bool>("yaml");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("says");

    QTest::newRow("ini cycle") << false
                               << QByteArray("[a]\nr1 ansible_network_os=ios\n[a:children]\nb\n[b:children]\na\n") << 1
                               << "among its own children";
    QTest::newRow("ini self child") << false << QByteArray("[a]\nr1\n[a:children]\na\n") << 4 << "lists itself";
    QTest::newRow("ini no network os") << false << QByteArray("[a]\nr1 ansible_host=198.18.0.1\n") << 2
                                       << "has no ansible_network_os";
    QTest::newRow("ini unknown network os") << false << QByteArray("[a:vars]\nansible_network_os=vyos.vyos.vyos\n[a]\nr1\n")
                                            << 2 << "\"vyos.vyos.vyos\"";
    QTest::newRow("ini plain password") << false << QByteArray("r1 ansible_network_os=ios ansible_password=hunter2\n") << 1
                                        << "Passwords never go";
    QTest::newRow("ini vault-free secret var") << false << QByteArray("[all:vars]\nsnmp_community=hunter2\n[a]\nr1 ansible_network_os=ios\n")
                                               << 2 << "\"snmp_community\"";
    QTest::newRow("ini range") << false << QByteArray("[a]\nr[01:20] ansible_network_os=ios\n") << 2 << "host range";
    QTest::newRow("ini bad header") << false << QByteArray("[a\nr1\n") << 1 << "must end with ]";
    QTest::newRow("ini bad suffix") << false << QByteArray("[a:hosts]\nr1\n") << 1 << "unknown suffix";
    QTest::newRow("ini bad var") << false << QByteArray("[a]\nr1 ansible_network_os=ios stray\n") << 2 << "key=value";
    QTest::newRow("ini unclosed quote") << false << QByteArray("[a]\nr1 role='pe\n") << 2 << "never closed";
    QTest::newRow("ini bad port") << false << QByteArray("r1 ansible_network_os=ios ansible_port=ssh\n") << 1
                                  << "port number";
    QTest::newRow("ini bad host") << false << QByteArray("r1 ansible_network_os=ios ansible_host=bad!host\n") << 1
                                  << "r1";
    QTest::newRow("ini netconf") << false << QByteArray("r1 ansible_network_os=junos ansible_connection=netconf\n")
                                 << 1 << "netconf";
    QTest::newRow("ini httpapi ios") << false << QByteArray("r1 ansible_network_os=ios ansible_connection=httpapi\n")
                                     << 1 << "httpapi";
    QTest::newRow("ini empty") << false << QByteArray("# nothing\n[a]\n") << 1 << "lists no hosts";
    QTest::newRow("yaml cycle") << true
                                << QByteArray("all:\n  children:\n    a:\n      children:\n        b:\n"
                                              "    b:\n      children:\n        a:\n          hosts:\n            r1:\n")
                                << 3 << "among its own children";
    QTest::newRow("yaml unknown key") << true << QByteArray("all:\n  hosts:\n    r1:\n  host_vars:\n    x: 1\n") << 4
                                      << "unknown key \"host_vars\"";
    QTest::newRow("yaml hosts list") << true << QByteArray("all:\n  hosts:\n    - r1\n") << 3 << "must be a map";
    QTest::newRow("yaml plain password") << true
                                         << QByteArray("all:\n  vars:\n    ansible_network_os: ios\n"
                                                       "    ansible_password: hunter2\n  hosts:\n    r1:\n")
                                         << 4 << "Passwords never go";
    QTest::newRow("yaml list secret") << true
                                      << QByteArray("all:\n  hosts:\n    r1:\n      ansible_network_os: ios\n"
                                                    "      api_tokens: [hunter2]\n")
                                      << 5 << "\"api_tokens\"";
    QTest::newRow("yaml bad yaml") << true << QByteArray("all:\n  hosts: [r1\n") << 3 << "not valid YAML";
    QTest::newRow("yaml not a map") << true << QByteArray("- all\n") << 1 << "maps group names";
}

void TestInventoryImports::ansibleBroken()
{
    QFETCH(bool, yaml);
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, says);
    const QString file = yaml ? QStringLiteral("inventory.yml") : QStringLiteral("hosts.ini");
    const auto inv = yaml ? AnsibleInventoryReader::readYaml(text, file) : AnsibleInventoryReader::readIni(text, file);
    QVERIFY(!inv.ok());
    QCOMPARE(inv.error().code, ErrorCode::InventoryError);
    QVERIFY2(inv.error().message.startsWith(QStringLiteral("%1, line %2: ").arg(file).arg(line)),
             qPrintable(inv.error().message));
    QVERIFY2(inv.error().message.contains(says), qPrintable(inv.error().message));
    QVERIFY2(!inv.error().message.contains(QLatin1String("hunter2")), qPrintable(inv.error().message));
}

void TestInventoryImports::ansibleHostileGroupsAreBounded()
{
    // 2 000 groups, each the child of the one before: refused at the depth bound, no deep recursion.
    QByteArray chain = "[g0]\nr1 ansible_network_os=ios\n";
    for (int i = 0; i < 2000; ++i)
        chain += "[g" + QByteArray::number(i + 1) + ":children]\ng" + QByteArray::number(i) + "\n";
    const auto deep = AnsibleInventoryReader::readIni(chain, QStringLiteral("hosts.ini"));
    QVERIFY(!deep.ok());
    QVERIFY2(deep.error().message.contains(QLatin1String("groups")), qPrintable(deep.error().message));

    // 3 000 hosts in a group with 2 000 variables: over the variable budget, refused.
    QByteArray wide = "[big:vars]\nansible_network_os=ios\n";
    for (int i = 0; i < 2000; ++i)
        wide += "v" + QByteArray::number(i) + "=x\n";
    wide += "[big]\n";
    for (int i = 0; i < 3000; ++i)
        wide += "h" + QByteArray::number(i) + " ansible_host=198.18.2.1\n";
    const auto fan = AnsibleInventoryReader::readIni(wide, QStringLiteral("hosts.ini"));
    QVERIFY(!fan.ok());
    QVERIFY2(fan.error().message.contains(QLatin1String("more than")), qPrintable(fan.error().message));
}

void TestInventoryImports::importsRoundTripThroughJson_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("nornir") << dataPath("nornir/hosts.yaml");
    QTest::newRow("csv") << dataPath("csv/routers.csv");
    QTest::newRow("ansible ini") << dataPath("ansible/hosts.ini");
    QTest::newRow("ansible yaml") << dataPath("ansible/inventory.yml");
    QTest::newRow("example json") << QStringLiteral(TOPSRCDIR "resources/examples/inventory.json");
}

void TestInventoryImports::importsRoundTripThroughJson()
{
    // What `inventory import` writes reads back as the same inventory.
    QFETCH(QString, path);
    const auto inv = Inventory::loadFile(path);
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    const QByteArray json = inventoryToJson(*inv, QStringLiteral("round trip"));
    const auto back = Inventory::loadJson(json, QStringLiteral("out.json"));
    QVERIFY2(back.ok(), qPrintable(back.error().toString() + QLatin1Char('\n') + QString::fromUtf8(json)));
    QCOMPARE(back->routers(), inv->routers());
    QCOMPARE(back->connections(), inv->connections());
    QCOMPARE(back->credentials(), inv->credentials());
    QVERIFY(!json.contains("hunter2"));
}

void TestInventoryImports::explicitFormat()
{
    // A CSV read as Ansible INI fails on Ansible's terms; the right format reads it.
    const auto wrong = Inventory::loadFile(dataPath("csv/semicolon.csv"), QStringLiteral("ansible"));
    QVERIFY(!wrong.ok());
    const auto right = Inventory::loadFile(dataPath("csv/semicolon.csv"), QStringLiteral("csv"));
    QVERIFY2(right.ok(), qPrintable(right.error().toString()));
    const auto unknown = Inventory::loadFile(dataPath("csv/semicolon.csv"), QStringLiteral("netbox"));
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.error().message.contains(QLatin1String("json, nornir, ansible, csv")),
             qPrintable(unknown.error().message));
    // hosts.yaml as Nornir takes its groups.yaml and defaults.yaml.
    const auto nornirFile = Inventory::loadFile(dataPath("nornir/hosts.yaml"), QStringLiteral("nornir"));
    QVERIFY2(nornirFile.ok(), qPrintable(nornirFile.error().toString()));
    QCOMPARE(nornirFile->router(QStringLiteral("lab-rr"))->platform, QStringLiteral("frr"));
}

QTEST_GUILESS_MAIN(TestInventoryImports)
#include "tst_inventory_imports.moc"
