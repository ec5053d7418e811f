#include "engine/inventory/ssh_jump_hop.h"
#include "engine/transport/ssh_config_file.h"
#include "engine/transport/ssh_effective_settings.h"

#include <QDir>
#include <QJsonArray>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace rl;

class TestSshConfig : public QObject
{
    Q_OBJECT

private slots:
    void jumpSpec_data();
    void jumpSpec();
    void badJumpSpec_data();
    void badJumpSpec();
    void patterns_data();
    void patterns();
    void firstValueWinsAndIdentitiesAccumulate();
    void includeAndMatch();
    void inventoryBeatsConfig();
    void configFillsWhatInventoryLeaves();
    void jumpChainFromConfig();
    void inventoryJumpAndNone();
    void strictHostKeyChecking();
    void proxyCommandIsNotRun();
    void missingFileIsEmpty();
};

static const QByteArray kConfig = R"(# test config
Host pe1 pe1.example.net
    HostName 198.51.100.11
    User netops
    Port 2222
    IdentityFile ~/.ssh/pe1_ed25519
    IdentityFile %d/.ssh/%h_%r
    ProxyJump jumper@bastion:2022,relay

Host bastion
    HostName 203.0.113.5
    IdentityFile /keys/bastion
    IdentitiesOnly yes
    UserKnownHostsFile /tmp/bastion_known_hosts
    StrictHostKeyChecking accept-new

Host *.lab !secret.lab
    User labuser
    ConnectTimeout 7

Host=quoted
    HostName "10.9.9.9"   # trailing comment

Host *
    User everyone
    Port 2200
    IdentityFile /keys/default
)";

void TestSshConfig::jumpSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("hops"); // user|host|port
    QTest::newRow("one") << "bastion" << QStringList{"||bastion|0"};
    QTest::newRow("user port") << "ops@bastion:2022" << QStringList{"ops|bastion|2022"};
    QTest::newRow("two") << "ops@b1:2022,b2" << QStringList{"ops|b1|2022", "|b2|0"};
    QTest::newRow("spaces") << " b1 , b2:23 " << QStringList{"|b1|0", "|b2|23"};
    QTest::newRow("v6 bracket") << "[2001:db8::1]:2222" << QStringList{"|2001:db8::1|2222"};
    QTest::newRow("v6 bare") << "2001:db8::1" << QStringList{"|2001:db8::1|0"};
    QTest::newRow("uri") << "ssh://ops@b1:2022" << QStringList{"ops|b1|2022"};
    QTest::newRow("none") << "none" << QStringList{};
    QTest::newRow("empty") << "" << QStringList{};
}

void TestSshConfig::jumpSpec()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, hops);
    const Result<QList<SshJumpHop>> r = parseJumpSpec(spec);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QStringList got;
    for (const SshJumpHop &h : *r)
        got << QStringLiteral("%1|%2|%3").arg(h.user, h.host).arg(h.port);
    for (QString &h : hops)
        if (h.startsWith(QLatin1String("||")))
            h = h.mid(1);
    QCOMPARE(got, hops);
    // and back: the text form parses to the same hops
    if (!r->isEmpty()) {
        QStringList texts;
        for (const SshJumpHop &h : *r)
            texts << h.text();
        QCOMPARE(*parseJumpSpec(texts.join(u',')), *r);
    }
}

void TestSshConfig::badJumpSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("names");
    QTest::newRow("empty hop") << "b1,,b2" << "";
    QTest::newRow("port word") << "b1:ssh" << "b1:ssh";
    QTest::newRow("port range") << "b1:70000" << "b1:70000";
    QTest::newRow("empty user") << "@b1" << "@b1";
    QTest::newRow("shell") << "b1;reboot" << "b1;reboot";
    QTest::newRow("unclosed") << "[2001:db8::1:22" << "[2001:db8::1:22";
}

void TestSshConfig::badJumpSpec()
{
    QFETCH(QString, spec);
    QFETCH(QString, names);
    const Result<QList<SshJumpHop>> r = parseJumpSpec(spec);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InvalidRequest);
    QVERIFY2(r.error().message.contains(names), qPrintable(r.error().message));
}

void TestSshConfig::patterns_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<bool>("matches");
    QTest::newRow("exact") << "pe1" << QStringList{"pe1"} << true;
    QTest::newRow("case") << "PE1" << QStringList{"pe1"} << true;
    QTest::newRow("star") << "pe1.lab" << QStringList{"*.lab"} << true;
    QTest::newRow("question") << "pe1" << QStringList{"pe?"} << true;
    QTest::newRow("question too short") << "pe" << QStringList{"pe?"} << false;
    QTest::newRow("second pattern") << "pe2" << QStringList{"pe1", "pe2"} << true;
    QTest::newRow("comma list") << "pe2" << QStringList{"pe1,pe2"} << true;
    QTest::newRow("negated") << "secret.lab" << QStringList{"*.lab", "!secret.lab"} << false;
    QTest::newRow("negation order") << "secret.lab" << QStringList{"!secret.lab", "*.lab"} << false;
    QTest::newRow("only negation") << "pe1" << QStringList{"!pe2"} << false;
    QTest::newRow("no match") << "pe1" << QStringList{"pe2", "*.lab"} << false;
}

void TestSshConfig::patterns()
{
    QFETCH(QString, host);
    QFETCH(QStringList, patterns);
    QFETCH(bool, matches);
    QCOMPARE(SshConfigFile::matchesPatternList(host, patterns), matches);
}

void TestSshConfig::firstValueWinsAndIdentitiesAccumulate()
{
    const SshConfigFile cfg = SshConfigFile::parse(kConfig, QStringLiteral("cfg"));
    const SshConfigHost pe1 = cfg.lookup(QStringLiteral("pe1"));
    QCOMPARE(pe1.hostName->value, QStringLiteral("198.51.100.11"));
    QCOMPARE(pe1.hostName->where, QStringLiteral("cfg:3"));
    QCOMPARE(pe1.user->value, QStringLiteral("netops")); // not "everyone": the first value wins
    QCOMPARE(pe1.port->value, 2222);
    QCOMPARE(pe1.proxyJump->value, QStringLiteral("jumper@bastion:2022,relay"));
    QCOMPARE(pe1.identityFiles.size(), 3); // both of pe1's, then Host *'s
    QCOMPARE(pe1.identityFiles[0].value, QDir::homePath() + QStringLiteral("/.ssh/pe1_ed25519"));
    QCOMPARE(pe1.identityFiles[1].value, QDir::homePath() + QStringLiteral("/.ssh/198.51.100.11_netops"));
    QCOMPARE(pe1.identityFiles[2].value, QStringLiteral("/keys/default"));
    QCOMPARE(pe1.identityFiles[2].where, QStringLiteral("cfg:27"));

    const SshConfigHost lab = cfg.lookup(QStringLiteral("r7.lab"));
    QVERIFY(!lab.hostName);
    QCOMPARE(lab.user->value, QStringLiteral("labuser"));
    QCOMPARE(lab.connectTimeoutSeconds->value, 7);
    QCOMPARE(lab.port->value, 2200);
    const SshConfigHost secret = cfg.lookup(QStringLiteral("secret.lab"));
    QCOMPARE(secret.user->value, QStringLiteral("everyone"));
    QVERIFY(!secret.connectTimeoutSeconds);

    const SshConfigHost quoted = cfg.lookup(QStringLiteral("quoted"));
    QCOMPARE(quoted.hostName->value, QStringLiteral("10.9.9.9"));
}

void TestSshConfig::includeAndMatch()
{
    QTemporaryDir dir;
    QFile inc(dir.filePath(QStringLiteral("routers.conf")));
    QVERIFY(inc.open(QIODevice::WriteOnly));
    inc.write("Host pe9\n  HostName 10.0.0.9\n");
    inc.close();
    const QByteArray main = "Include " + QFile::encodeName(dir.path())
                            + "/*.conf\nMatch exec \"true\"\n  User fromexec\nMatch all\n  User fromall\n";
    const SshConfigFile cfg = SshConfigFile::parse(main, QStringLiteral("main"));
    const SshConfigHost pe9 = cfg.lookup(QStringLiteral("pe9"));
    QCOMPARE(pe9.hostName->value, QStringLiteral("10.0.0.9"));
    QVERIFY(pe9.hostName->where.endsWith(QLatin1String("routers.conf:2")));
    QCOMPARE(pe9.user->value, QStringLiteral("fromall")); // Match exec is never run or applied
    // an Include inside a block that does not apply brings nothing
    const QByteArray gated = "Host other\nInclude " + QFile::encodeName(dir.path()) + "/routers.conf\n";
    QVERIFY(!SshConfigFile::parse(gated, QStringLiteral("g")).lookup(QStringLiteral("pe9")).hostName);
}

static Router router(const QString &host = QStringLiteral("pe1"), int port = 22)
{
    Router r;
    r.name = QStringLiteral("pe1-par");
    r.host = host;
    r.port = port;
    r.platform = QStringLiteral("frr");
    return r;
}

void TestSshConfig::inventoryBeatsConfig()
{
    const SshConfigFile cfg = SshConfigFile::parse(kConfig, QStringLiteral("cfg"));
    Router r = router(QStringLiteral("pe1"), 830);
    r.knownHosts = QStringLiteral("/inv/known_hosts");
    r.proxyJump = QStringLiteral("inv-jump");
    CredentialProfile c;
    c.name = QStringLiteral("ro");
    c.username = QStringLiteral("invuser");
    c.keyFile = QStringLiteral("/inv/key");
    const SshEffectiveSettings s = SshEffectiveSettings::resolve(r, c, cfg, {});
    QCOMPARE(s.target.port.value, 830);
    QCOMPARE(s.target.port.origin, SshSettingOrigin::Inventory);
    QCOMPARE(s.target.user.value, QStringLiteral("invuser"));
    QCOMPARE(s.target.user.origin, SshSettingOrigin::Inventory);
    QCOMPARE(s.target.identityFiles.value, QStringList{QStringLiteral("/inv/key")});
    QCOMPARE(s.target.knownHosts.value, QStringLiteral("/inv/known_hosts"));
    QCOMPARE(s.jumpSpec.value, QStringLiteral("inv-jump"));
    QCOMPARE(s.jumpSpec.origin, SshSettingOrigin::Inventory);
    QCOMPARE(s.jumps.size(), 1);
    QCOMPARE(s.jumps[0].host.value, QStringLiteral("inv-jump"));
    // HostName maps the inventory's name, as `ssh pe1` would
    QCOMPARE(s.target.host.value, QStringLiteral("198.51.100.11"));
    QCOMPARE(s.target.host.origin, SshSettingOrigin::SshConfig);
}

void TestSshConfig::configFillsWhatInventoryLeaves()
{
    const SshConfigFile cfg = SshConfigFile::parse(kConfig, QStringLiteral("cfg"));
    SshEffectiveSettings::Inputs in;
    in.connectTimeoutMs = 4000;
    in.localUser = QStringLiteral("me");
    const SshEffectiveSettings s = SshEffectiveSettings::resolve(router(), CredentialProfile{}, cfg, in);
    QVERIFY(!s.error);
    QCOMPARE(s.target.port.value, 2222);
    QCOMPARE(s.target.port.where, QStringLiteral("cfg:5"));
    QCOMPARE(s.target.user.value, QStringLiteral("netops"));
    QCOMPARE(s.target.identityFiles.value.size(), 3);
    QCOMPARE(s.target.identityFiles.origin, SshSettingOrigin::SshConfig);
    QCOMPARE(s.target.connectTimeoutMs.value, 4000);
    QCOMPARE(s.target.connectTimeoutMs.origin, SshSettingOrigin::Default);
    QCOMPARE(s.target.knownHosts.value, QDir::homePath() + QStringLiteral("/.ssh/known_hosts"));

    const SshEffectiveSettings lab = SshEffectiveSettings::resolve(router(QStringLiteral("r7.lab")), CredentialProfile{}, cfg, in);
    QCOMPARE(lab.target.connectTimeoutMs.value, 7000);
    QCOMPARE(lab.target.connectTimeoutMs.origin, SshSettingOrigin::SshConfig);
    QCOMPARE(lab.target.user.value, QStringLiteral("labuser"));

    const SshEffectiveSettings bare = SshEffectiveSettings::resolve(router(QStringLiteral("x")), CredentialProfile{}, SshConfigFile(), in);
    QCOMPARE(bare.target.user.value, QStringLiteral("me"));
    QCOMPARE(bare.target.user.origin, SshSettingOrigin::Default);
    QCOMPARE(bare.target.port.value, 22);
    QVERIFY(bare.jumps.isEmpty());
    QCOMPARE(bare.jumpChainText(), QStringLiteral("x"));
}

void TestSshConfig::jumpChainFromConfig()
{
    const SshConfigFile cfg = SshConfigFile::parse(kConfig, QStringLiteral("cfg"));
    Router r = router();
    r.knownHosts = QStringLiteral("/inv/known_hosts");
    const SshEffectiveSettings s = SshEffectiveSettings::resolve(r, CredentialProfile{}, cfg, {});
    QCOMPARE(s.jumpSpec.origin, SshSettingOrigin::SshConfig);
    QCOMPARE(s.jumps.size(), 2);
    const SshEndpoint &b = s.jumps[0];
    QCOMPARE(b.host.value, QStringLiteral("203.0.113.5")); // the hop's own HostName
    QCOMPARE(b.port.value, 2022);                          // the spec's port beats the config's
    QCOMPARE(b.user.value, QStringLiteral("jumper"));      // the spec's user too
    QCOMPARE(b.identityFiles.value.first(), QStringLiteral("/keys/bastion"));
    QVERIFY(b.identitiesOnly.value);
    QCOMPARE(b.knownHosts.value, QStringLiteral("/tmp/bastion_known_hosts"));
    QCOMPARE(b.strictHostKeyChecking.value, QStringLiteral("accept-new"));
    QVERIFY(b.label.contains(QLatin1String("jump host 1 (bastion)")));
    const SshEndpoint &relay = s.jumps[1];
    QCOMPARE(relay.host.value, QStringLiteral("relay"));
    QCOMPARE(relay.port.value, 2200);                      // Host * in the config
    QCOMPARE(relay.knownHosts.value, QStringLiteral("/inv/known_hosts")); // the router's file
    QCOMPARE(s.jumpChainText(), QStringLiteral("jumper@203.0.113.5:2022 -> everyone@relay:2200 -> 198.51.100.11:2222"));
    QVERIFY(s.toText().contains(QLatin1String("[ssh config (cfg:8)]")));
    QCOMPARE(s.toJson().value(QStringLiteral("jumps")).toArray().size(), 2);
}

void TestSshConfig::inventoryJumpAndNone()
{
    const SshConfigFile cfg = SshConfigFile::parse(kConfig, QStringLiteral("cfg"));
    Router r = router();
    r.proxyJump = QStringLiteral("none");
    const SshEffectiveSettings s = SshEffectiveSettings::resolve(r, CredentialProfile{}, cfg, {});
    QVERIFY(s.jumps.isEmpty());
    r.proxyJump = QStringLiteral("b1,,b2");
    const SshEffectiveSettings bad = SshEffectiveSettings::resolve(r, CredentialProfile{}, cfg, {});
    QCOMPARE(bad.error.code, ErrorCode::InvalidRequest);
    QVERIFY(bad.error.message.contains(QLatin1String("pe1-par")));
    QVERIFY(bad.error.message.contains(QLatin1String("inventory")));
}

void TestSshConfig::strictHostKeyChecking()
{
    const SshConfigFile cfg = SshConfigFile::parse("Host a\n StrictHostKeyChecking no\nHost b\n StrictHostKeyChecking ask\n",
                                                   QStringLiteral("c"));
    const SshEffectiveSettings a = SshEffectiveSettings::resolve(router(QStringLiteral("a")), CredentialProfile{}, cfg, {});
    QCOMPARE(a.target.strictHostKeyChecking.value, QStringLiteral("accept-new")); // never "accept anything"
    QCOMPARE(a.warnings.filter(QStringLiteral("never accepts a changed one")).size(), 1);
    const SshEffectiveSettings b = SshEffectiveSettings::resolve(router(QStringLiteral("b")), CredentialProfile{}, cfg, {});
    QCOMPARE(b.target.strictHostKeyChecking.value, QStringLiteral("yes"));
    SshEffectiveSettings::Inputs in;
    in.acceptNewHostKeys = true;
    const SshEffectiveSettings opt = SshEffectiveSettings::resolve(router(QStringLiteral("b")), CredentialProfile{}, cfg, in);
    QCOMPARE(opt.target.strictHostKeyChecking.origin, SshSettingOrigin::Option);
}

void TestSshConfig::proxyCommandIsNotRun()
{
    const SshConfigFile cfg = SshConfigFile::parse("Host pe1\n ProxyCommand nc -X 5 %h %p\n ProxyJump b1\n", QStringLiteral("c"));
    const SshEffectiveSettings s = SshEffectiveSettings::resolve(router(), CredentialProfile{}, cfg, {});
    QVERIFY(s.jumps.isEmpty()); // the first of ProxyCommand/ProxyJump wins, as in OpenSSH
    QCOMPARE(s.warnings.filter(QStringLiteral("ProxyCommand is not run")).size(), 1);
}

void TestSshConfig::missingFileIsEmpty()
{
    const Result<SshConfigFile> cfg = SshConfigFile::load(QStringLiteral("/nonexistent/ssh_config"));
    QVERIFY(cfg.ok());
    QVERIFY(!cfg->lookup(QStringLiteral("pe1")).hostName);
}

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_ssh_config.moc"
