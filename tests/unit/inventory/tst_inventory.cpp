#include "engine/inventory/inventory.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rl;

namespace {

// A valid JSON inventory the broken cases start from; line numbers matter in the tests.
const char *const kGoodJson = R"({"version": 1,
 "credentials": {"lab": {"username": "rlab", "secret": "env:RL_LAB_PASSWORD"}},
 "routers": [
  {"name": "r1", "host": "198.18.0.11", "platform": "frr", "credentials": "lab"},
  {"name": "r2", "host": "198.18.0.12", "platform": "bird"}
 ],
 "connections": [
  {"id": "c1", "customer": "acme", "providerRouter": "r1", "providerInterface": "eth1.100", "vlan": 100}
 ]}
)";

QByteArray replaced(const char *from, const char *to)
{
    QByteArray s(kGoodJson);
    Q_ASSERT(s.contains(from));
    return s.replace(from, to);
}

const char *const kGoodYaml = R"(---
r1:
  hostname: 198.18.0.11
  username: rlab
  platform: ios
  data:
    secret: env:RL_LAB_PASSWORD
    site: lab
    connections:
      - id: c1
        customer: acme
        providerInterface: Gi0/0.100
        vlan: 100
r2:
  hostname: 198.18.0.12
  platform: frr
)";

QByteArray yamlReplaced(const char *from, const char *to)
{
    QByteArray s(kGoodYaml);
    Q_ASSERT(s.contains(from));
    return s.replace(from, to);
}

} // namespace

class TestInventory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exampleJson();
    void exampleYaml();
    void examplesAgree();
    void goodInline();
    void brokenJson_data();
    void brokenJson();
    void brokenYaml_data();
    void brokenYaml();
    void nornirPlatformNames_data();
    void nornirPlatformNames();
    void loadFileErrors();
    void addRouterValidates();
    void tlsOffWarns();
    void validHostsReferencesAndPins_data();
    void validHostsReferencesAndPins();
    void secretsNeverInMessages();
    void referencesUnderSecretKeysAreNotTags();
    void connectionVrfs();
    void proxyJump();
};

void TestInventory::exampleJson()
{
    const auto inv = Inventory::loadFile(QStringLiteral(TOPSRCDIR "resources/examples/inventory.json"));
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    QCOMPARE(inv->routerNames(),
             QStringList({QStringLiteral("lab-frr"), QStringLiteral("lab-bird"), QStringLiteral("lab-gobgp"),
                          QStringLiteral("lab-host")}));
    const Router *frr = inv->router(QStringLiteral("lab-frr"));
    QVERIFY(frr);
    QCOMPARE(frr->host, QStringLiteral("198.18.0.11"));
    QCOMPARE(frr->port, 22);
    QCOMPARE(frr->platform, QStringLiteral("frr"));
    QCOMPARE(frr->transport, TransportKind::Ssh);
    QCOMPARE(frr->tags.value(QStringLiteral("role")), QStringLiteral("pe"));
    const CredentialProfile *lab = inv->credentialProfile(frr->credentials);
    QVERIFY(lab);
    QCOMPARE(lab->username, QStringLiteral("rlab"));
    QCOMPARE(lab->secret, QStringLiteral("env:RL_LAB_PASSWORD"));
    QCOMPARE(inv->connections().size(), 1);
    const QList<Connection> acme = inv->connectionsOf(QStringLiteral("acme"));
    QCOMPARE(acme.size(), 1);
    QCOMPARE(acme[0].providerInterface, QStringLiteral("eth1.100"));
    QCOMPARE(acme[0].vlan, 100);
    QCOMPARE(acme[0].customerAs, 65010);
    QCOMPARE(acme[0].customerRouter, QStringLiteral("lab-host"));
    QVERIFY(inv->connectionsOf(QStringLiteral("other")).isEmpty());
    QVERIFY(!inv->router(QStringLiteral("nope")));
}

void TestInventory::exampleYaml()
{
    const auto inv = Inventory::loadFile(QStringLiteral(TOPSRCDIR "resources/examples/hosts.yaml"));
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    QCOMPARE(inv->routers().size(), 4);
    const Router *frr = inv->router(QStringLiteral("lab-frr"));
    QVERIFY(frr);
    QCOMPARE(frr->tags.value(QStringLiteral("groups")), QStringLiteral("lab"));
    QCOMPARE(frr->tags.value(QStringLiteral("site")), QStringLiteral("lab"));
    const CredentialProfile *cred = inv->credentialProfile(frr->credentials);
    QVERIFY(cred);
    QCOMPARE(cred->username, QStringLiteral("rlab"));
    QCOMPARE(cred->secret, QStringLiteral("env:RL_LAB_PASSWORD"));
}

void TestInventory::examplesAgree()
{
    // The two example files describe the same lab.
    const auto json = Inventory::loadFile(QStringLiteral(TOPSRCDIR "resources/examples/inventory.json"));
    const auto yaml = Inventory::loadFile(QStringLiteral(TOPSRCDIR "resources/examples/hosts.yaml"));
    QVERIFY(json.ok() && yaml.ok());
    QCOMPARE(yaml->connections(), json->connections());
    QStringList a = json->routerNames(), b = yaml->routerNames();
    a.sort();
    b.sort();
    QCOMPARE(b, a);
    for (const Router &r : json->routers()) {
        const Router *y = yaml->router(r.name);
        QVERIFY(y);
        QCOMPARE(y->host, r.host);
        QCOMPARE(y->port, r.port);
        QCOMPARE(y->platform, r.platform);
        QCOMPARE(y->transport, r.transport);
    }
}

void TestInventory::goodInline()
{
    const auto json = Inventory::loadJson(kGoodJson, QStringLiteral("good.json"));
    QVERIFY2(json.ok(), qPrintable(json.error().toString()));
    QCOMPARE(json->router(QStringLiteral("r2"))->port, 22);
    QVERIFY(json->router(QStringLiteral("r2"))->credentials.isEmpty());
    QVERIFY(json->warnings().isEmpty());
    QCOMPARE(json->connections().first().mtu, -1);
    QVERIFY(json->connections().first().expectedPrefixes.isEmpty());

    // What a diagnosis checks the connection against: agreed MTU, prefix limit, prefixes.
    const auto agreed = Inventory::loadJson(
        replaced(R"("vlan": 100)", R"("vlan": 100, "mtu": 1500, "prefixLimit": 50, "expectedPrefixes": ["203.0.113.0/26", "2001:db8:a::/48"])"),
        QStringLiteral("agreed.json"));
    QVERIFY2(agreed.ok(), qPrintable(agreed.error().toString()));
    QCOMPARE(agreed->connections().first().mtu, 1500);
    QCOMPARE(agreed->connections().first().prefixLimit, 50);
    QCOMPARE(agreed->connections().first().expectedPrefixes, (QStringList{"203.0.113.0/26", "2001:db8:a::/48"}));

    // Fields of the file's own ("x-…") at every level are read past, and change nothing.
    QByteArray own(kGoodJson);
    own.replace(R"({"version": 1,)", R"({"version": 1, "x-kept-by": "noc-paris",)");
    own.replace(R"("username": "rlab",)", R"("username": "rlab", "x-rotated": "2026-11",)");
    own.replace(R"("platform": "bird"})", R"("platform": "bird", "x-ticket": 4711, "x-notes": {"rack": 12}})");
    own.replace(R"("vlan": 100})", R"("vlan": 100, "x-circuit": "PAR-ACME-0042"})");
    const auto withOwn = Inventory::loadJson(own, QStringLiteral("own.json"));
    QVERIFY2(withOwn.ok(), qPrintable(withOwn.error().toString()));
    QCOMPARE(withOwn->routers(), json->routers());
    QCOMPARE(withOwn->connections(), json->connections());
    QVERIFY(withOwn->warnings().isEmpty());

    const auto yaml = Inventory::loadNornirYaml(kGoodYaml, QStringLiteral("hosts.yaml"));
    QVERIFY2(yaml.ok(), qPrintable(yaml.error().toString()));
    QCOMPARE(yaml->router(QStringLiteral("r1"))->platform, QStringLiteral("cisco-ios"));
    QCOMPARE(yaml->connections().size(), 1);
    QCOMPARE(yaml->connections()[0].providerRouter, QStringLiteral("r1"));
    QCOMPARE(yaml->connections()[0].customer, QStringLiteral("acme"));
    QVERIFY(yaml->router(QStringLiteral("r2"))->credentials.isEmpty());

    // An HTTP transport without a port defaults to HTTPS.
    const auto eapi = Inventory::loadJson(
        R"({"version":1,"routers":[{"name":"a","host":"198.18.0.20","platform":"arista-eos","transport":"eapi"}]})",
        QStringLiteral("x.json"));
    QVERIFY2(eapi.ok(), qPrintable(eapi.error().toString()));
    QCOMPARE(eapi->router(QStringLiteral("a"))->port, 443);
    QCOMPARE(eapi->router(QStringLiteral("a"))->transport, TransportKind::HttpEapi);
}

void TestInventory::brokenJson_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("line");
    QTest::addColumn<QStringList>("fragments");

    QTest::newRow("syntax: missing comma") << replaced(R"("platform": "bird"})", R"("platform": "bird" "x": 1})")
                                           << 5 << QStringList{"not valid JSON"};
    QTest::newRow("syntax: truncated") << QByteArray(kGoodJson).left(120) << 4 << QStringList{"not valid JSON"};
    QTest::newRow("garbage") << QByteArray("\x01\x02garbage") << 1 << QStringList{"not valid JSON"};
    QTest::newRow("empty") << QByteArray() << 1 << QStringList{"not valid JSON"};
    QTest::newRow("not an object") << QByteArray("[1, 2]") << 1 << QStringList{"must be a JSON object"};
    QTest::newRow("no version") << replaced(R"("version": 1,)", "") << 1 << QStringList{"no \"version\""};
    QTest::newRow("version 2") << replaced(R"("version": 1,)", R"("version": 2,)") << 1
                               << QStringList{"version 2 is not supported", "version 1"};
    QTest::newRow("routers not a list") << replaced(R"("routers": [)", R"("routers": {"a": [)")
                                                .replace(R"( ],
 "connections")", R"(]},
 "connections")")
                                        << 3 << QStringList{"\"routers\" must be a list"};
    QTest::newRow("duplicate router")
        << replaced(R"({"name": "r2")", R"({"name": "r1")") << 5
        << QStringList{"\"r1\" is used twice", "first on line 4", "unique"};
    QTest::newRow("unknown platform") << replaced(R"("platform": "bird")", R"("platform": "vyos")") << 5
                                      << QStringList{"unknown platform \"vyos\"", "frr, bird, gobgp, linux",
                                                     "arista-eos"};
    QTest::newRow("missing platform") << replaced(R"(, "platform": "bird")", "") << 5
                                      << QStringList{"has no platform", "cisco-iosxr"};
    QTest::newRow("port out of range") << replaced(R"("platform": "bird")", R"("platform": "bird", "port": 70000)")
                                       << 5 << QStringList{"port 70000", "1 to 65535"};
    QTest::newRow("port zero") << replaced(R"("platform": "bird")", R"("platform": "bird", "port": 0)") << 5
                               << QStringList{"port 0", "1 to 65535"};
    QTest::newRow("port as text") << replaced(R"("platform": "bird")", R"("platform": "bird", "port": "22")")
                                  << 5 << QStringList{"\"port\" must be a whole number"};
    QTest::newRow("port fraction") << replaced(R"("platform": "bird")", R"("platform": "bird", "port": 22.5)")
                                   << 5 << QStringList{"whole number", "22.5"};
    QTest::newRow("missing host") << replaced(R"("host": "198.18.0.12", )", "") << 5
                                  << QStringList{"\"r2\" has no host"};
    QTest::newRow("missing name") << replaced(R"("name": "r2", )", "") << 5 << QStringList{"has no name"};
    QTest::newRow("bad name") << replaced(R"("name": "r2")", R"("name": "r 2; reboot")") << 5
                              << QStringList{"not valid", "letters, digits"};
    QTest::newRow("unknown transport")
        << replaced(R"("platform": "bird")", R"("platform": "bird", "transport": "telnet")") << 5
        << QStringList{"unknown transport \"telnet\"", "ssh, eapi, nxapi, restconf, demo"};
    QTest::newRow("unknown field") << replaced(R"("platform": "bird")", R"("platfrom": "bird")") << 5
                                   << QStringList{"unknown field \"platfrom\"", "known fields", "\"x-\""};
    QTest::newRow("x without the dash") << replaced(R"("platform": "bird")", R"("platform": "bird", "xowner": "a")") << 5
                                        << QStringList{"unknown field \"xowner\""};
    QTest::newRow("password in router")
        << replaced(R"("platform": "bird")", R"("platform": "bird", "password": "hunter2")") << 5
        << QStringList{"\"password\" field", "env:", "keychain:"};
    QTest::newRow("password in credentials")
        << replaced(R"("username": "rlab",)", R"("username": "rlab", "password": "x",)") << 2
        << QStringList{"credentials profile \"lab\"", "Passwords never go"};
    QTest::newRow("secret not a reference")
        << replaced(R"("env:RL_LAB_PASSWORD")", R"("hunter2")") << 2
        << QStringList{"not a reference", "keychain:<service>/<account>"};
    QTest::newRow("unknown credentials")
        << replaced(R"("credentials": "lab")", R"("credentials": "nope")") << 4
        << QStringList{"credentials profile \"nope\", which does not exist", "defined profiles: lab"};
    // Exact validation at load: what reaches a transport (host, secret reference, pin) is checked
    // here, whole, and keys that look like secrets are refused rather than shown as tags.
    QTest::newRow("host with a space") << replaced(R"("198.18.0.12")", R"("198.18.0.12 -p 2222")") << 5
                                       << QStringList{"host \"198.18.0.12 -p 2222\"", "not an IP address or host name"};
    QTest::newRow("host with a newline") << replaced(R"("198.18.0.12")", R"("pe2.lab\n")") << 5
                                         << QStringList{"not an IP address or host name"};
    QTest::newRow("host starting with a dash") << replaced(R"("198.18.0.12")", R"("-oProxyCommand=x")") << 5
                                               << QStringList{"not an IP address or host name"};
    QTest::newRow("host label too long")
        << replaced(R"("198.18.0.12")", (R"(")" + QByteArray(64, 'a') + R"(.lab")").constData()) << 5
        << QStringList{"not an IP address or host name"};
    QTest::newRow("host with a shell character") << replaced(R"("198.18.0.12")", R"("pe2;reboot")") << 5
                                                 << QStringList{"not an IP address or host name"};
    QTest::newRow("env reference with a space") << replaced(R"("env:RL_LAB_PASSWORD")", R"("env:RL LAB")") << 2
                                                << QStringList{"not a reference"};
    QTest::newRow("env reference with a newline")
        << replaced(R"("env:RL_LAB_PASSWORD")", R"("env:RL_LAB_PASSWORD\n")") << 2 << QStringList{"not a reference"};
    QTest::newRow("env reference starting with a digit") << replaced(R"("env:RL_LAB_PASSWORD")", R"("env:1PASS")") << 2
                                                         << QStringList{"not a reference"};
    QTest::newRow("keychain reference without account")
        << replaced(R"("env:RL_LAB_PASSWORD")", R"("keychain:routerlens")") << 2 << QStringList{"not a reference"};
    QTest::newRow("keychain reference without service")
        << replaced(R"("env:RL_LAB_PASSWORD")", R"("keychain:/lab")") << 2 << QStringList{"not a reference"};
    QTest::newRow("pinned certificate not a digest")
        << replaced(R"("platform": "bird")", R"("platform": "bird", "pinnedCertSha256": "abc123")") << 5
        << QStringList{"pinnedCertSha256", "SHA-256"};
    QTest::newRow("pinned certificate one digit short")
        << replaced(R"("platform": "bird")", (R"("platform": "bird", "pinnedCertSha256": ")" + QByteArray(63, 'a') + R"(")").constData())
        << 5 << QStringList{"pinnedCertSha256"};
    QTest::newRow("pinned certificate with a newline")
        << replaced(R"("platform": "bird")", (R"("platform": "bird", "pinnedCertSha256": ")" + QByteArray(64, 'a') + R"(\n")").constData())
        << 5 << QStringList{"pinnedCertSha256"};
    QTest::newRow("CA file with a newline")
        << replaced(R"("platform": "bird")", R"("platform": "bird", "caFile": "/etc/ca.pem\nx")") << 5
        << QStringList{"caFile", "control character"};
    QTest::newRow("tag that looks like a password")
        << replaced(R"("platform": "bird")", R"("platform": "bird", "tags": {"site": "lab", "Password": "hunter2"})") << 5
        << QStringList{"\"Password\"", "looks like a secret", "env:", "keychain:"};
    QTest::newRow("tag that looks like a token")
        << replaced(R"("platform": "bird")", R"("platform": "bird", "tags": {"api_token": "abc"})") << 5
        << QStringList{"\"api_token\"", "looks like a secret"};
    QTest::newRow("connection VRF with a space")
        << replaced(R"("vlan": 100)", R"("vlan": 100, "vrf": "red blue")") << 8 << QStringList{"not a valid VRF name"};
    QTest::newRow("tags not an object") << replaced(R"("platform": "bird")", R"("platform": "bird", "tags": [1])")
                                        << 5 << QStringList{"tags of router \"r2\""};
    QTest::newRow("tlsVerify not bool")
        << replaced(R"("platform": "bird")", R"("platform": "bird", "tlsVerify": "no")") << 5
        << QStringList{"\"tlsVerify\" must be true or false"};
    QTest::newRow("connection to unknown router")
        << replaced(R"("providerRouter": "r1")", R"("providerRouter": "r9")") << 8
        << QStringList{"connection \"c1\"", "provider router \"r9\"", "not in the inventory"};
    QTest::newRow("connection to unknown customer router")
        << replaced(R"("vlan": 100)", R"("vlan": 100, "customerRouter": "cpe9")") << 8
        << QStringList{"customer router \"cpe9\"", "not in the inventory"};
    QTest::newRow("connection without customer") << replaced(R"("customer": "acme", )", "") << 8
                                                 << QStringList{"names no customer"};
    QTest::newRow("connection bad vlan") << replaced(R"("vlan": 100)", R"("vlan": 5000)") << 8
                                         << QStringList{"VLAN 5000", "1 to 4094"};
    QTest::newRow("connection bad address")
        << replaced(R"("vlan": 100)", R"("vlan": 100, "providerAddress": "198.19.0.999")") << 8
        << QStringList{"\"198.19.0.999\" is not an IP address"};
    QTest::newRow("connection bad interface")
        << replaced(R"("eth1.100")", R"("eth1.100; reload")") << 8 << QStringList{"not a valid interface name"};
    QTest::newRow("duplicate connection")
        << replaced(R"("vlan": 100}
 ])",
                    R"("vlan": 100},
  {"id": "c1", "customer": "acme", "providerRouter": "r2", "providerInterface": "eth2", "vlan": 200}
 ])")
        << 9 << QStringList{"connection id \"c1\" is used twice", "first on line 8"};
    QTest::newRow("connection unknown field") << replaced(R"("vlan": 100)", R"("vlan": 100, "vlna": 1)") << 8
                                              << QStringList{"unknown field \"vlna\""};
    QTest::newRow("connection mtu too small") << replaced(R"("vlan": 100)", R"("vlan": 100, "mtu": 12)") << 8
                                              << QStringList{"\"mtu\" must be between 68 and 65535"};
    QTest::newRow("connection prefix limit zero") << replaced(R"("vlan": 100)", R"("vlan": 100, "prefixLimit": 0)") << 8
                                                  << QStringList{"\"prefixLimit\" must be a positive number"};
    QTest::newRow("connection expected prefixes not a list")
        << replaced(R"("vlan": 100)", R"("vlan": 100, "expectedPrefixes": "203.0.113.0/24")") << 8
        << QStringList{"must be a list of prefixes"};
    QTest::newRow("connection expected prefix invalid")
        << replaced(R"("vlan": 100)", R"("vlan": 100, "expectedPrefixes": ["203.0.113.0/33"])") << 8
        << QStringList{"\"203.0.113.0/33\" in \"expectedPrefixes\" is not a prefix"};
}

void TestInventory::brokenJson()
{
    QFETCH(QByteArray, data);
    QFETCH(int, line);
    QFETCH(QStringList, fragments);
    const QString file = QStringLiteral("/etc/routerlens/broken.json");
    const auto inv = Inventory::loadJson(data, file);
    QVERIFY(!inv.ok());
    const Error &e = inv.error();
    QCOMPARE(e.code, ErrorCode::InventoryError);
    QVERIFY2(e.message.startsWith(file + QStringLiteral(", line %1: ").arg(line)), qPrintable(e.message));
    for (const QString &f : fragments)
        QVERIFY2(e.message.contains(f), qPrintable(QStringLiteral("\"%1\" not in: %2").arg(f, e.message)));
    QCOMPARE(e.detail, QStringLiteral("%1:%2").arg(file).arg(line));
}

void TestInventory::brokenYaml_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("line");
    QTest::addColumn<QStringList>("fragments");

    QTest::newRow("syntax: unclosed flow") << yamlReplaced("platform: frr", "platform: [frr") << 17
                                           << QStringList{"not valid YAML"};
    QTest::newRow("syntax: bad indentation") << yamlReplaced("  username: rlab\n", "  username: rlab\n bad: x\n")
                                             << 5 << QStringList{"not valid YAML"};
    QTest::newRow("not a map") << QByteArray("- a\n- b\n") << 1 << QStringList{"must map host names"};
    QTest::newRow("empty") << QByteArray("# nothing\n") << 1 << QStringList{"holds no hosts"};
    QTest::newRow("plain password") << yamlReplaced("  username: rlab\n", "  username: rlab\n  password: hunter2\n")
                                    << 5 << QStringList{"plain password", "env:<VARIABLE>", "keychain:"};
    QTest::newRow("plain password in data") << yamlReplaced("secret: env:RL_LAB_PASSWORD", "password: hunter2")
                                            << 7 << QStringList{"host \"r1\" has a plain password"};
    QTest::newRow("plain secret in data") << yamlReplaced("secret: env:RL_LAB_PASSWORD", "secret: hunter2") << 7
                                          << QStringList{"plain password"};
    QTest::newRow("password in connection_options")
        << yamlReplaced("  platform: frr\n", "  platform: frr\n  connection_options:\n    netmiko:\n"
                                             "      password: hunter2\n")
        << 19 << QStringList{"host \"r2\" has a plain password"};
    QTest::newRow("data key Password") << yamlReplaced("    site: lab\n", "    site: lab\n    Password: hunter2\n") << 9
                                       << QStringList{"\"Password\"", "host \"r1\"", "env:<VARIABLE>"};
    QTest::newRow("data key api_token") << yamlReplaced("    site: lab\n", "    site: lab\n    api_token: abc123\n") << 9
                                        << QStringList{"\"api_token\""};
    QTest::newRow("data key snmp community") << yamlReplaced("    site: lab\n", "    site: lab\n    snmp-community: public\n")
                                             << 9 << QStringList{"\"snmp-community\""};
    QTest::newRow("nested secret in data")
        << yamlReplaced("    site: lab\n", "    site: lab\n    netbox:\n      url: https://netbox.lab\n      token: abc123\n")
        << 11 << QStringList{"\"token\""};
    QTest::newRow("enable secret in connection_options")
        << yamlReplaced("  platform: frr\n", "  platform: frr\n  connection_options:\n    netmiko:\n      extras:\n"
                                             "        secret: enable123\n")
        << 20 << QStringList{"host \"r2\"", "\"secret\""};
    QTest::newRow("host name with a space") << yamlReplaced("hostname: 198.18.0.12", "hostname: 198.18.0.12 -p 2") << 14
                                            << QStringList{"not an IP address or host name"};
    QTest::newRow("unknown platform") << yamlReplaced("platform: frr", "platform: vyos") << 16
                                      << QStringList{"unknown platform \"vyos\"", "nxos_ssh", "juniper-junos"};
    QTest::newRow("port out of range") << yamlReplaced("  platform: frr\n", "  platform: frr\n  port: 99999\n") << 14
                                       << QStringList{"port 99999", "1 to 65535"};
    QTest::newRow("port not a number") << yamlReplaced("  platform: frr\n", "  platform: frr\n  port: ssh\n") << 17
                                       << QStringList{"\"port\" of host \"r2\" must be a whole number"};
    QTest::newRow("missing hostname") << yamlReplaced("  hostname: 198.18.0.12\n", "") << 14
                                      << QStringList{"\"r2\" has no host"};
    QTest::newRow("duplicate host") << yamlReplaced("r2:", "r1:") << 14
                                    << QStringList{"\"r1\" is used twice", "first on line 2"};
    QTest::newRow("unknown field") << yamlReplaced("  platform: frr\n", "  platform: frr\n  hostnmae: x\n") << 17
                                   << QStringList{"unknown field \"hostnmae\""};
    QTest::newRow("unknown transport") << yamlReplaced("    site: lab\n", "    site: lab\n    transport: telnet\n")
                                       << 9 << QStringList{"unknown transport \"telnet\""};
    QTest::newRow("connection to unknown router")
        << yamlReplaced("        vlan: 100\n", "        vlan: 100\n        customerRouter: cpe9\n") << 10
        << QStringList{"customer router \"cpe9\"", "not in the inventory"};
    QTest::newRow("connection bad vlan") << yamlReplaced("vlan: 100", "vlan: 0") << 10
                                         << QStringList{"VLAN 0", "1 to 4094"};
    QTest::newRow("connection vlan not a number") << yamlReplaced("vlan: 100", "vlan: hundred") << 13
                                                  << QStringList{"\"vlan\"", "whole number", "hundred"};
    QTest::newRow("connections not a list") << yamlReplaced("    connections:\n", "    connections: 5\n    x:\n")
                                            << 9 << QStringList{"connections of host \"r1\" must be a list"};
}

void TestInventory::brokenYaml()
{
    QFETCH(QByteArray, data);
    QFETCH(int, line);
    QFETCH(QStringList, fragments);
    const QString file = QStringLiteral("inventory/hosts.yaml");
    const auto inv = Inventory::loadNornirYaml(data, file);
    QVERIFY(!inv.ok());
    const Error &e = inv.error();
    QCOMPARE(e.code, ErrorCode::InventoryError);
    QVERIFY2(e.message.startsWith(file + QStringLiteral(", line %1: ").arg(line)), qPrintable(e.message));
    for (const QString &f : fragments)
        QVERIFY2(e.message.contains(f), qPrintable(QStringLiteral("\"%1\" not in: %2").arg(f, e.message)));
}

void TestInventory::nornirPlatformNames_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ios") << "ios" << "cisco-ios";
    QTest::newRow("nxos") << "nxos" << "cisco-nxos";
    QTest::newRow("nxos_ssh") << "nxos_ssh" << "cisco-nxos";
    QTest::newRow("iosxr") << "iosxr" << "cisco-iosxr";
    QTest::newRow("junos") << "junos" << "juniper-junos";
    QTest::newRow("eos") << "eos" << "arista-eos";
    QTest::newRow("netmiko cisco_xr") << "cisco_xr" << "cisco-iosxr";
    QTest::newRow("ours") << "gobgp" << "gobgp";
    QTest::newRow("case") << "EOS" << "arista-eos";
    QTest::newRow("unknown") << "vyos" << "";
}

void TestInventory::nornirPlatformNames()
{
    QFETCH(QString, given);
    QFETCH(QString, expected);
    QCOMPARE(platformFromNornirName(given), expected);
    if (!expected.isEmpty())
        QVERIFY(knownPlatforms().contains(expected));
}

void TestInventory::loadFileErrors()
{
    const auto missing = Inventory::loadFile(QStringLiteral("/nonexistent/inv.json"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::InventoryError);
    QVERIFY(missing.error().message.contains(QStringLiteral("/nonexistent/inv.json")));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("inventory.txt"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kGoodJson);
    f.close();
    const auto txt = Inventory::loadFile(path);
    QVERIFY(!txt.ok());
    QVERIFY(txt.error().message.contains(QStringLiteral(".json")));
}

void TestInventory::addRouterValidates()
{
    Inventory inv;
    Router r;
    r.name = QStringLiteral("x");
    r.host = QStringLiteral("198.18.0.30");
    r.platform = QStringLiteral("frr");
    QVERIFY(!inv.addRouter(r));
    r.port = 0;
    QCOMPARE(inv.addRouter(r).code, ErrorCode::InventoryError);
    r.port = 2222;
    QVERIFY(!inv.addRouter(r)); // replaces
    QCOMPARE(inv.routers().size(), 1);
    QCOMPARE(inv.router(QStringLiteral("x"))->port, 2222);
    r.platform = QStringLiteral("nope");
    QVERIFY(inv.addRouter(r).message.contains(QStringLiteral("unknown platform")));
}

void TestInventory::tlsOffWarns()
{
    const auto inv = Inventory::loadJson(R"({"version":1,"routers":[
        {"name":"a","host":"198.18.0.20","platform":"arista-eos","transport":"eapi","tlsVerify":false}]})",
                                         QStringLiteral("x.json"));
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    QCOMPARE(inv->warnings().size(), 1);
    QVERIFY(inv->warnings()[0].contains(QStringLiteral("TLS certificate verification is off")));
    QVERIFY(inv->warnings()[0].contains(QStringLiteral("line 2")));
}

void TestInventory::validHostsReferencesAndPins_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("host");
    const QByteArray hex(64, 'a');
    QByteArray colons;
    for (int i = 0; i < 32; ++i)
        colons += (i ? ":" : "") + QByteArray("5F");
    const QByteArray base64 = QByteArray(32, '\x42').toBase64();
    QTest::newRow("IPv4") << replaced(R"("198.18.0.12")", R"("198.18.0.12")") << "198.18.0.12";
    QTest::newRow("IPv6") << replaced(R"("198.18.0.12")", R"("2001:db8::12")") << "2001:db8::12";
    QTest::newRow("DNS name") << replaced(R"("198.18.0.12")", R"("pe2-ams.core.example.net")") << "pe2-ams.core.example.net";
    QTest::newRow("DNS name, trailing dot") << replaced(R"("198.18.0.12")", R"("pe2.lab.")") << "pe2.lab.";
    QTest::newRow("underscore (seen in real DNS)") << replaced(R"("198.18.0.12")", R"("pe_2.lab")") << "pe_2.lab";
    QTest::newRow("keychain reference") << replaced(R"("env:RL_LAB_PASSWORD")", R"("keychain:routerlens/lab user")")
                                        << "198.18.0.12";
    QTest::newRow("pin hex") << replaced(R"("platform": "bird")", (R"("platform": "bird", "pinnedCertSha256": ")" + hex + R"(")").constData())
                             << "198.18.0.12";
    QTest::newRow("pin hex with colons and prefix")
        << replaced(R"("platform": "bird")", (R"("platform": "bird", "pinnedCertSha256": "sha256:)" + colons + R"(")").constData())
        << "198.18.0.12";
    QTest::newRow("pin base64")
        << replaced(R"("platform": "bird")", (R"("platform": "bird", "pinnedCertSha256": "sha256//)" + base64 + R"(")").constData())
        << "198.18.0.12";
}

void TestInventory::validHostsReferencesAndPins()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, host);
    const auto inv = Inventory::loadJson(data, QStringLiteral("good.json"));
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    QCOMPARE(inv->router(QStringLiteral("r2"))->host, host);
}

// A refused secret is named by its key, never repeated: error messages end up in logs.
void TestInventory::secretsNeverInMessages()
{
    const auto json = Inventory::loadJson(
        replaced(R"("platform": "bird")", R"("platform": "bird", "tags": {"Password": "hunter2-json"})"), QStringLiteral("x.json"));
    QVERIFY(!json.ok());
    QVERIFY(!json.error().toString().contains(QStringLiteral("hunter2")));
    const auto yaml = Inventory::loadNornirYaml(yamlReplaced("    site: lab\n", "    site: lab\n    Password: hunter2-yaml\n"),
                                                QStringLiteral("hosts.yaml"));
    QVERIFY(!yaml.ok());
    QVERIFY(!yaml.error().toString().contains(QStringLiteral("hunter2")));
    const auto nested = Inventory::loadNornirYaml(
        yamlReplaced("  platform: frr\n", "  platform: frr\n  connection_options:\n    x:\n      api_key: hunter2-opt\n"),
        QStringLiteral("hosts.yaml"));
    QVERIFY(!nested.ok());
    QVERIFY(!nested.error().toString().contains(QStringLiteral("hunter2")));
}

// A secret-looking key that holds a reference is no secret, but it is not RouterLens's either:
// it is left alone, not shown as a tag.
void TestInventory::referencesUnderSecretKeysAreNotTags()
{
    const auto inv = Inventory::loadNornirYaml(yamlReplaced("    site: lab\n", "    site: lab\n    api_token: env:NETBOX_TOKEN\n"),
                                               QStringLiteral("hosts.yaml"));
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    QCOMPARE(inv->router(QStringLiteral("r1"))->tags.value(QStringLiteral("site")), QStringLiteral("lab"));
    QVERIFY(!inv->router(QStringLiteral("r1"))->tags.contains(QStringLiteral("api_token")));
}

void TestInventory::connectionVrfs()
{
    const auto json = Inventory::loadJson(replaced(R"("vlan": 100)", R"("vlan": 100, "vrf": "CUST-A", "customerVrf": "default")"),
                                          QStringLiteral("x.json"));
    QVERIFY2(json.ok(), qPrintable(json.error().toString()));
    QCOMPARE(json->connections().first().vrf, QStringLiteral("CUST-A"));
    QCOMPARE(json->connections().first().customerVrf, QStringLiteral("default"));
    const auto yaml = Inventory::loadNornirYaml(yamlReplaced("        vlan: 100\n", "        vlan: 100\n        vrf: CUST-A\n"),
                                                QStringLiteral("hosts.yaml"));
    QVERIFY2(yaml.ok(), qPrintable(yaml.error().toString()));
    QCOMPARE(yaml->connections().first().vrf, QStringLiteral("CUST-A"));
}

void TestInventory::proxyJump()
{
    // The jump chain the SSH transport crosses; checked when the file is read.
    const auto inv = Inventory::loadJson(
        R"({"version":1,"routers":[{"name":"a","host":"198.18.0.20","platform":"frr","proxyJump":"ops@bastion:2022,relay"}]})",
        QStringLiteral("jump.json"));
    QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
    QCOMPARE(inv->router(QStringLiteral("a"))->proxyJump, QStringLiteral("ops@bastion:2022,relay"));
    const auto bad = Inventory::loadJson(
        R"({"version":1,"routers":[{"name":"a","host":"198.18.0.20","platform":"frr","proxyJump":"bastion:ssh"}]})",
        QStringLiteral("badjump.json"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode::InventoryError);
    QVERIFY2(bad.error().message.contains(QLatin1String("bastion:ssh")), qPrintable(bad.error().message));
}

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
