#include "engine/transport/secret_resolver.h"
#include "engine/transport/ssh_transport.h"
#include "test_sshd.h"

#include <QFile>
#include <QElapsedTimer>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

using namespace rl;

class TestSshTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void execReusesOneSession();
    void reconnectsAfterServerDroppedSession();
    void keyFileWithPassphrase();
    void passwordLogin();
    void wrongPasswordIsAuthFailed();
    void unknownHostKeyThenAccept();
    void changedHostKeyIsMismatch();
    void acceptNewRecordsOnlyAKeyNeverSeen();
    void probeTellsKnownUnknownAndChanged();
    void connectionRefusedIsUnreachable();
    void garbageServerIsConnectionLost();
    void hangingCommandTimesOutSessionSurvives();
    void cancellation();
    void outputCap();
    void shellModeWithPagingOff();
    void shellModeAnswersPager();
    void shellModeLongLineIsLinear();
    void guardRefusesBeforeSending_data();
    void guardRefusesBeforeSending();
    void emptyGuardRefusesEverything();
    void jumpThroughBastion();
    void jumpHostFailuresNameTheHop();

private:
    QString writeJumpConfig(const QString &name, const QString &bastionKnownHosts,
                            const QString &identityFile = {}) const;
    Router router(const QString &knownHosts = {}) const;
    CredentialProfile keyProfile() const;
    SessionProfile execProfile() const;
    std::unique_ptr<SshTransport> transport(const SessionProfile &profile, const CredentialProfile &cred,
                                            const QString &knownHosts = {});

    testing::TestSshd m_sshd;
    testing::TestSshd m_bastion; // an sshd forwarding TCP (its default), for ProxyJump
    QString m_knownHosts;
    std::shared_ptr<SecretResolver> m_secrets = std::make_shared<SecretResolver>(2000);
};

void TestSshTransport::initTestCase()
{
    QString why;
    // These tests need a real sshd (root, openssh-server). Without one they fail: a suite that
    // skips its way to green would hide a transport nobody tested. `ctest -LE sshd` leaves them out.
    // The bastion first: each start sets the login user's password, and m_sshd's must be current.
    if (!m_bastion.start({}, &why))
        QFAIL(qPrintable(QStringLiteral("cannot start the bastion sshd: ") + why));
    if (!m_sshd.start({}, &why))
        QFAIL(qPrintable(QStringLiteral("cannot start the test sshd (run as root with openssh-server installed): ") + why));
    m_knownHosts = m_sshd.writeKnownHosts(QStringLiteral("known_hosts"));
    qputenv("RL_TEST_PASSWORD", m_sshd.password().toUtf8());
    qputenv("RL_TEST_PASSPHRASE", m_sshd.keyPassphrase().toUtf8());
    qputenv("RL_TEST_WRONG_PASSWORD", "not-the-password-42");
}

void TestSshTransport::cleanupTestCase()
{
    m_sshd.stop();
    m_bastion.stop();
}

Router TestSshTransport::router(const QString &knownHosts) const
{
    Router r;
    r.name = QStringLiteral("test-router");
    r.host = QStringLiteral("127.0.0.1");
    r.port = m_sshd.port();
    r.platform = QStringLiteral("linux");
    r.credentials = QStringLiteral("test");
    r.knownHosts = knownHosts.isEmpty() ? m_knownHosts : knownHosts;
    return r;
}

CredentialProfile TestSshTransport::keyProfile() const
{
    CredentialProfile c;
    c.name = QStringLiteral("test");
    c.username = m_sshd.user();
    c.keyFile = m_sshd.clientKey();
    c.useAgent = false;
    return c;
}

SessionProfile TestSshTransport::execProfile() const
{
    SessionProfile p;
    p.mode = SessionProfile::Mode::Exec;
    // Test-only allow-list: the fake router runs these as shell commands.
    p.guard = CommandGuard({QStringLiteral("echo [a-z0-9 ]+"), QStringLiteral("sleep [0-9]+"),
                            QStringLiteral("head -c [0-9]+ /dev/zero"), QStringLiteral("show (ip )?bgp( summary)?"),
                            QStringLiteral("show version"), QStringLiteral("show flood"), QStringLiteral("terminal length 0")});
    return p;
}

std::unique_ptr<SshTransport> TestSshTransport::transport(const SessionProfile &profile, const CredentialProfile &cred,
                                                         const QString &knownHosts)
{
    return std::make_unique<SshTransport>(router(knownHosts), cred, profile, m_secrets);
}

void TestSshTransport::execReusesOneSession()
{
    const int loginsBefore = m_sshd.acceptedLogins();
    auto t = transport(execProfile(), keyProfile());
    for (int i = 0; i < 3; ++i) {
        const auto r = t->run({QStringLiteral("echo hello %1").arg(i), QStringLiteral("echo second")}, {});
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->size(), 2);
        QCOMPARE(r->at(0).output, QStringLiteral("hello %1\n").arg(i).toUtf8());
        QCOMPARE(r->at(1).output, QByteArray("second\n"));
        QCOMPARE(r->at(0).exitStatus, 0);
    }
    QVERIFY(t->isOpen());
    QCOMPARE(t->connectCount(), 1);
    QCOMPARE(m_sshd.acceptedLogins() - loginsBefore, 1);
}

void TestSshTransport::reconnectsAfterServerDroppedSession()
{
    auto t = transport(execProfile(), keyProfile());
    QVERIFY(t->run({QStringLiteral("echo before")}, {}).ok());
    QVERIFY(m_sshd.killSessions() > 0);
    QTest::qWait(200);
    const auto r = t->run({QStringLiteral("echo after")}, {});
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->at(0).output, QByteArray("after\n"));
    QCOMPARE(t->connectCount(), 2);
}

void TestSshTransport::keyFileWithPassphrase()
{
    CredentialProfile c = keyProfile();
    c.keyFile = m_sshd.encryptedClientKey();
    c.secret = QStringLiteral("env:RL_TEST_PASSPHRASE");
    auto t = transport(execProfile(), c);
    const auto r = t->run({QStringLiteral("echo key")}, {});
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));

    c.secret = QStringLiteral("env:RL_TEST_WRONG_PASSWORD");
    const auto bad = transport(execProfile(), c)->run({QStringLiteral("echo key")}, {});
    QCOMPARE(bad.error().code, ErrorCode::AuthFailed);
    QVERIFY(!bad.error().toString().contains(QLatin1String("not-the-password-42")));
}

void TestSshTransport::passwordLogin()
{
    CredentialProfile c = keyProfile();
    c.keyFile.clear();
    c.secret = QStringLiteral("env:RL_TEST_PASSWORD");
    const auto r = transport(execProfile(), c)->run({QStringLiteral("echo pw")}, {});
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->at(0).output, QByteArray("pw\n"));
}

void TestSshTransport::wrongPasswordIsAuthFailed()
{
    CredentialProfile c = keyProfile();
    c.keyFile.clear();
    c.secret = QStringLiteral("env:RL_TEST_WRONG_PASSWORD");
    const QByteArray before = m_sshd.received();
    const auto r = transport(execProfile(), c)->run({QStringLiteral("echo pw")}, {});
    QCOMPARE(r.error().code, ErrorCode::AuthFailed);
    QVERIFY(r.error().message.contains(QLatin1String("env:RL_TEST_WRONG_PASSWORD")));
    QVERIFY(!r.error().toString().contains(QLatin1String("not-the-password-42")));
    QCOMPARE(m_sshd.received(), before);

    c.secret = QStringLiteral("env:RL_TEST_NOT_SET_ANYWHERE");
    const auto unset = transport(execProfile(), c)->run({QStringLiteral("echo pw")}, {});
    QCOMPARE(unset.error().code, ErrorCode::AuthFailed);
    QVERIFY(unset.error().message.contains(QLatin1String("RL_TEST_NOT_SET_ANYWHERE")));
}

void TestSshTransport::unknownHostKeyThenAccept()
{
    const QString file = m_sshd.dir() + QStringLiteral("/empty_known_hosts");
    QFile::remove(file);
    auto t = transport(execProfile(), keyProfile(), file);
    const auto r = t->run({QStringLiteral("echo hi")}, {});
    QCOMPARE(r.error().code, ErrorCode::HostKeyUnknown);
    const QString fingerprint = m_sshd.hostFingerprint();
    QVERIFY(fingerprint.startsWith(QLatin1String("SHA256:")));
    QCOMPARE(r.error().detail, fingerprint);
    QVERIFY(r.error().message.contains(fingerprint));
    QVERIFY(!QFile::exists(file)); // never accepted silently

    // A different fingerprint is refused and nothing is written.
    const Error wrong = SshTransport::acceptHostKey(router(file), QStringLiteral("SHA256:AAAAnotthekey"));
    QCOMPARE(wrong.code, ErrorCode::HostKeyUnknown);
    QVERIFY(!QFile::exists(file));

    const Error accepted = SshTransport::acceptHostKey(router(file), fingerprint);
    QVERIFY2(!accepted, qPrintable(accepted.toString()));
    QVERIFY(QFile::exists(file));
    const auto again = t->run({QStringLiteral("echo hi")}, {});
    QVERIFY2(again.ok(), qPrintable(again.error().toString()));
}

void TestSshTransport::changedHostKeyIsMismatch()
{
    const QString file = m_sshd.writeKnownHosts(QStringLiteral("wrong_known_hosts"), true);
    const QByteArray before = m_sshd.received();
    const auto r = transport(execProfile(), keyProfile(), file)->run({QStringLiteral("echo hi")}, {});
    QCOMPARE(r.error().code, ErrorCode::HostKeyMismatch);
    QVERIFY(r.error().message.contains(QLatin1String("CHANGED")));
    QVERIFY(r.error().message.contains(QLatin1String("ssh-keygen -R")));
    QCOMPARE(m_sshd.received(), before);
    // Accepting cannot override a recorded key.
    QCOMPARE(SshTransport::acceptHostKey(router(file), m_sshd.hostFingerprint()).code, ErrorCode::HostKeyMismatch);
}

void TestSshTransport::acceptNewRecordsOnlyAKeyNeverSeen()
{
    SshSettings tofu;
    tofu.acceptNewHostKeys = true;
    const QString file = m_sshd.dir() + QStringLiteral("/tofu/known_hosts"); // its folder is made too
    QFile::remove(file);
    SshTransport t(router(file), keyProfile(), execProfile(), m_secrets, tofu);
    const auto r = t.run({QStringLiteral("echo hi")}, {});
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    const auto keys = KnownHostsFile(file).keysFor(QStringLiteral("[127.0.0.1]:%1").arg(m_sshd.port()));
    QVERIFY(keys.ok());
    QCOMPARE(keys->size(), 1);
    QCOMPARE(keys->first().fingerprint, m_sshd.hostFingerprint());

    // A recorded key that differs is refused even so, nothing sent, nothing written.
    const QString wrong = m_sshd.writeKnownHosts(QStringLiteral("tofu_wrong_known_hosts"), true);
    QFile w(wrong);
    QVERIFY(w.open(QIODevice::ReadOnly));
    const QByteArray before = w.readAll();
    w.close();
    const QByteArray received = m_sshd.received();
    SshTransport changed(router(wrong), keyProfile(), execProfile(), m_secrets, tofu);
    const auto refused = changed.run({QStringLiteral("echo hi")}, {});
    QCOMPARE(refused.error().code, ErrorCode::HostKeyMismatch);
    QVERIFY(refused.error().message.contains(m_sshd.hostFingerprint())); // the new key, next to the recorded one
    QCOMPARE(m_sshd.received(), received);
    QVERIFY(w.open(QIODevice::ReadOnly));
    QCOMPARE(w.readAll(), before);
}

void TestSshTransport::probeTellsKnownUnknownAndChanged()
{
    const QString fp = m_sshd.hostFingerprint();
    const auto known = SshTransport::probeHostKey(router());
    QVERIFY2(known.ok(), qPrintable(known.error().toString()));
    QCOMPARE(known->state, HostKeyProbe::State::Known);
    QCOMPARE(known->fingerprint, fp);
    QCOMPARE(known->keyType, QStringLiteral("ssh-ed25519"));
    QCOMPARE(known->hostName, QStringLiteral("[127.0.0.1]:%1").arg(m_sshd.port()));

    const QString empty = m_sshd.dir() + QStringLiteral("/probe_missing_known_hosts");
    const auto unknown = SshTransport::probeHostKey(router(empty));
    QVERIFY(unknown.ok());
    QCOMPARE(unknown->state, HostKeyProbe::State::Unknown);
    QCOMPARE(unknown->fingerprint, fp);
    QVERIFY(unknown->recorded.isEmpty());
    QVERIFY(!QFile::exists(empty)); // a probe writes nothing

    const auto changed = SshTransport::probeHostKey(router(m_sshd.writeKnownHosts(QStringLiteral("probe_wrong"), true)));
    QVERIFY(changed.ok());
    QCOMPARE(changed->state, HostKeyProbe::State::Changed);
    QCOMPARE(changed->fingerprint, fp);
    QCOMPARE(changed->recorded.size(), 1);
    QVERIFY(changed->recorded.first().fingerprint != fp); // the old key, to show next to the new one
    QVERIFY(changed->recorded.first().fingerprint.startsWith(QLatin1String("SHA256:")));
}

void TestSshTransport::connectionRefusedIsUnreachable()
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    ::bind(fd, reinterpret_cast<sockaddr *>(&a), len);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    ::close(fd); // the port is free and nothing listens on it
    Router r = router();
    r.port = ntohs(a.sin_port);
    SshTransport t(r, keyProfile(), execProfile(), m_secrets);
    const auto out = t.run({QStringLiteral("echo hi")}, {});
    QCOMPARE(out.error().code, ErrorCode::Unreachable);
}

void TestSshTransport::garbageServerIsConnectionLost()
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&a), len), 0);
    ::listen(fd, 1);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    std::thread server([fd] {
        const int c = ::accept(fd, nullptr, nullptr);
        if (c >= 0) {
            const char garbage[] = "HTTP/1.0 400 Bad Request\r\n\r\n<html>not ssh</html>\r\n";
            (void)!::write(c, garbage, sizeof garbage - 1);
            ::close(c);
        }
    });
    Router r = router();
    r.port = ntohs(a.sin_port);
    SshTransport t(r, keyProfile(), execProfile(), m_secrets);
    const auto out = t.run({QStringLiteral("echo hi")}, {});
    server.join();
    ::close(fd);
    QCOMPARE(out.error().code, ErrorCode::ConnectionLost);
}

void TestSshTransport::hangingCommandTimesOutSessionSurvives()
{
    auto t = transport(execProfile(), keyProfile());
    ExecOptions o;
    o.commandTimeoutMs = 1000;
    const auto r = t->run({QStringLiteral("sleep 30")}, o);
    QCOMPARE(r.error().code, ErrorCode::Timeout);
    const auto after = t->run({QStringLiteral("echo alive")}, {});
    QVERIFY2(after.ok(), qPrintable(after.error().toString()));
    QCOMPARE(after->at(0).output, QByteArray("alive\n"));
    QCOMPARE(t->connectCount(), 1);
}

void TestSshTransport::cancellation()
{
    auto t = transport(execProfile(), keyProfile());
    ExecOptions o;
    o.cancelled = makeCancelFlag();
    CancelFlag flag = o.cancelled;
    std::thread canceller([flag] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        flag->store(true);
    });
    const auto r = t->run({QStringLiteral("sleep 30")}, o);
    canceller.join();
    QCOMPARE(r.error().code, ErrorCode::Cancelled);
    const auto after = t->run({QStringLiteral("echo alive")}, {});
    QVERIFY2(after.ok(), qPrintable(after.error().toString()));
    QCOMPARE(t->connectCount(), 1);
}

void TestSshTransport::outputCap()
{
    auto t = transport(execProfile(), keyProfile());
    ExecOptions o;
    o.maxOutputBytes = 50000;
    const auto r = t->run({QStringLiteral("head -c 5000000 /dev/zero")}, o);
    QCOMPARE(r.error().code, ErrorCode::OutputTooLarge);
    const auto small = t->run({QStringLiteral("head -c 40000 /dev/zero")}, o);
    QVERIFY2(small.ok(), qPrintable(small.error().toString()));
    QCOMPARE(small->at(0).output.size(), 40000);
}

static SessionProfile shellProfile(const SessionProfile &exec, bool pagingOff)
{
    SessionProfile p = exec;
    p.mode = SessionProfile::Mode::Shell;
    if (pagingOff)
        p.setupCommands = {QStringLiteral("terminal length 0")};
    p.promptPattern = QStringLiteral(R"([\w.\-]+(\([\w.\-]+\))?#)");
    return p;
}

static void checkBgpSummary(const QByteArray &out)
{
    const QList<QByteArray> lines = out.split('\n');
    QCOMPARE(lines.size(), 31); // 30 lines and the empty piece after the last \n
    QCOMPARE(lines.first(), QByteArray("peer 203.0.113.1  AS64501  Established  1"));
    QCOMPARE(lines.at(29), QByteArray("peer 203.0.113.30  AS64500  Established  30"));
    QVERIFY(!out.contains("More"));
    QVERIFY(!out.contains('\r'));
    QVERIFY(!out.contains('\x1b'));
    QVERIFY(!out.contains('\b'));
    QVERIFY(!out.contains("core-1.lab("));
}

void TestSshTransport::shellModeWithPagingOff()
{
    auto t = transport(shellProfile(execProfile(), true), keyProfile());
    for (int i = 0; i < 2; ++i) {
        const auto r = t->run({QStringLiteral("show version"), QStringLiteral("show bgp summary")}, {});
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->at(0).output, QByteArray("Fake CLI version 1.0 (core-1.lab)\n"));
        checkBgpSummary(r->at(1).output);
    }
    QCOMPARE(t->connectCount(), 1);
    // Paging was turned off once per session.
    QCOMPARE(m_sshd.received().count("shell:terminal length 0"), 1);
}

void TestSshTransport::shellModeAnswersPager()
{
    auto t = transport(shellProfile(execProfile(), false), keyProfile());
    const auto r = t->run({QStringLiteral("show bgp summary")}, {});
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    checkBgpSummary(r->at(0).output);
}

void TestSshTransport::shellModeLongLineIsLinear()
{
    // 8 MiB without a line break through the PTY (read a few KiB at a time). The prompt is looked
    // for at the end of the last line only; looking at the whole line after every read was
    // quadratic. The answer must come back whole within the (generous) deadline.
    auto t = transport(shellProfile(execProfile(), true), keyProfile());
    ExecOptions o;
    o.commandTimeoutMs = 120000;
    QElapsedTimer clock;
    clock.start();
    const auto r = t->run({QStringLiteral("show flood")}, o);
    qInfo("8 MiB line through the shell: %lld ms", clock.elapsed());
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->at(0).output.size(), 8388608 + 1);
    QCOMPARE(r->at(0).output.count('x'), 8388608);
}

void TestSshTransport::guardRefusesBeforeSending_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("shell");
    QTest::newRow("semicolon") << QStringLiteral("show ip bgp ; reboot") << false;
    QTest::newRow("pipe tee") << QStringLiteral("show bgp | tee x") << false;
    QTest::newRow("newline") << QStringLiteral("show bgp\nreboot") << false;
    QTest::newRow("carriage return") << QStringLiteral("show bgp\rreboot") << true;
    QTest::newRow("backtick") << QStringLiteral("show bgp `reboot`") << false;
    QTest::newRow("dollar") << QStringLiteral("echo $(reboot)") << false;
    QTest::newRow("not listed") << QStringLiteral("reboot") << false;
    QTest::newRow("shell newline") << QStringLiteral("show bgp\nreload") << true;
    QTest::newRow("shell semicolon") << QStringLiteral("show version; reload") << true;
}

void TestSshTransport::guardRefusesBeforeSending()
{
    QFETCH(QString, command);
    QFETCH(bool, shell);
    const SessionProfile p = shell ? shellProfile(execProfile(), true) : execProfile();
    auto t = transport(p, keyProfile());
    // An open session, so the refusal is the guard's and not a failed login.
    QVERIFY(t->run({QStringLiteral("show version")}, {}).ok());
    const QByteArray before = m_sshd.received();
    // The allowed first command must not run either when a later one is refused.
    const auto r = t->run({QStringLiteral("echo first"), command}, {});
    QCOMPARE(r.error().code, ErrorCode::ForbiddenCommand);
    QCOMPARE(m_sshd.received(), before);
    QVERIFY(!m_sshd.received().contains("reboot"));
    QVERIFY(!m_sshd.received().contains("tee"));
}

void TestSshTransport::emptyGuardRefusesEverything()
{
    SessionProfile p;
    const int logins = m_sshd.acceptedLogins();
    const auto r = transport(p, keyProfile())->run({QStringLiteral("show version")}, {});
    QCOMPARE(r.error().code, ErrorCode::ForbiddenCommand);
    QCOMPARE(m_sshd.acceptedLogins(), logins);
}

QString TestSshTransport::writeJumpConfig(const QString &name, const QString &bastionKnownHosts,
                                          const QString &identityFile) const
{
    const QString path = m_sshd.dir() + u'/' + name;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(QStringLiteral("# what an OpenSSH user writes for a router behind a bastion\n"
                           "Host bastion\n"
                           "    HostName 127.0.0.1\n"
                           "    Port %1\n"
                           "    User %2\n"
                           "    IdentityFile %3\n"
                           "    IdentitiesOnly yes\n"
                           "    UserKnownHostsFile %4\n"
                           "Host rl-target\n"
                           "    HostName 127.0.0.1\n"
                           "    ProxyJump bastion\n")
                .arg(m_bastion.port())
                .arg(m_bastion.user(), identityFile.isEmpty() ? m_bastion.clientKey() : identityFile, bastionKnownHosts)
                .toUtf8());
    return path;
}

void TestSshTransport::jumpThroughBastion()
{
    const QString config = writeJumpConfig(QStringLiteral("jump_config"),
                                           m_bastion.writeKnownHosts(QStringLiteral("bastion_known_hosts")));
    Router r = router();
    r.host = QStringLiteral("rl-target"); // only the ssh config knows where that is, and how to get there
    SshSettings settings;
    settings.sshConfigFile = config;
    const SshEffectiveSettings eff = SshTransport::effectiveSettings(r, keyProfile(), settings);
    QCOMPARE(eff.jumps.size(), 1);
    QCOMPARE(eff.jumpSpec.origin, SshSettingOrigin::SshConfig);
    QCOMPARE(eff.target.port.value, m_sshd.port()); // the inventory's port wins

    const int bastionLogins = m_bastion.acceptedLogins();
    const int routerLogins = m_sshd.acceptedLogins();
    SshTransport t(r, keyProfile(), execProfile(), m_secrets, settings);
    const auto out = t.run({QStringLiteral("echo through the bastion"), QStringLiteral("echo again")}, {});
    QVERIFY2(out.ok(), qPrintable(out.error().toString()));
    QCOMPARE(out->at(0).output.trimmed(), QByteArray("through the bastion"));
    QCOMPARE(out->at(1).output.trimmed(), QByteArray("again"));
    QCOMPARE(m_bastion.acceptedLogins() - bastionLogins, 1);
    QCOMPARE(m_sshd.acceptedLogins() - routerLogins, 1);
    QCOMPARE(t.connectCount(), 1);
    // A large answer crosses the bridge whole (the channel window and the socket both fill).
    const auto big = t.run({QStringLiteral("head -c 3000000 /dev/zero")}, {});
    QVERIFY2(big.ok(), qPrintable(big.error().toString()));
    QCOMPARE(big->first().output.size(), 3000000);
    t.close();

    // Two hops: the bastion, then the bastion again through itself, then the router.
    r.proxyJump = QStringLiteral("bastion,%1@bastion").arg(m_bastion.user());
    SshTransport two(r, keyProfile(), execProfile(), m_secrets, settings);
    const auto twice = two.run({QStringLiteral("echo two hops")}, {});
    QVERIFY2(twice.ok(), qPrintable(twice.error().toString()));
    QCOMPARE(twice->first().output.trimmed(), QByteArray("two hops"));
    QCOMPARE(m_bastion.acceptedLogins() - bastionLogins, 3);

    // The router's host key is checked through the jump as well.
    const auto probe = SshTransport::probeHostKey(r, 10000, settings);
    QVERIFY2(probe.ok(), qPrintable(probe.error().toString()));
    QCOMPARE(probe->state, HostKeyProbe::State::Known);
}

void TestSshTransport::jumpHostFailuresNameTheHop()
{
    Router r = router();
    r.host = QStringLiteral("rl-target");
    SshSettings settings;
    const QByteArray before = m_sshd.received();

    // The bastion's key changed: refused, naming the bastion; the router is never reached.
    settings.sshConfigFile = writeJumpConfig(QStringLiteral("jump_changed"),
                                             m_bastion.writeKnownHosts(QStringLiteral("bastion_wrong"), true));
    auto changed = SshTransport(r, keyProfile(), execProfile(), m_secrets, settings).run({QStringLiteral("echo hi")}, {});
    QCOMPARE(changed.error().code, ErrorCode::HostKeyMismatch);
    QVERIFY2(changed.error().message.contains(QLatin1String("jump host 1 (bastion) of router test-router")),
             qPrintable(changed.error().message));
    QVERIFY(changed.error().message.contains(m_bastion.hostFingerprint()));

    // Never seen: refused with its fingerprint, nothing written.
    const QString empty = m_sshd.dir() + QStringLiteral("/bastion_empty");
    settings.sshConfigFile = writeJumpConfig(QStringLiteral("jump_unknown"), empty);
    auto unknown = SshTransport(r, keyProfile(), execProfile(), m_secrets, settings).run({QStringLiteral("echo hi")}, {});
    QCOMPARE(unknown.error().code, ErrorCode::HostKeyUnknown);
    QVERIFY(unknown.error().message.contains(QLatin1String("jump host 1 (bastion)")));
    QVERIFY(!QFile::exists(empty));

    // The bastion refuses the login.
    const QString good = m_bastion.writeKnownHosts(QStringLiteral("bastion_known_hosts"));
    settings.sshConfigFile = writeJumpConfig(QStringLiteral("jump_auth"), good, m_sshd.dir() + QStringLiteral("/no_such_key"));
    auto auth = SshTransport(r, keyProfile(), execProfile(), m_secrets, settings).run({QStringLiteral("echo hi")}, {});
    QCOMPARE(auth.error().code, ErrorCode::AuthFailed);
    QVERIFY2(auth.error().message.contains(QLatin1String("Jump host 1 (bastion) of router test-router")),
             qPrintable(auth.error().message));

    // The bastion cannot reach the router (nothing listens there).
    settings.sshConfigFile = writeJumpConfig(QStringLiteral("jump_ok"), good);
    Router closed = r;
    {
        // a port that was free a moment ago
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
        socklen_t len = sizeof a;
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
        closed.port = ntohs(a.sin_port);
        ::close(fd);
    }
    auto unreachable = SshTransport(closed, keyProfile(), execProfile(), m_secrets, settings).run({QStringLiteral("echo hi")}, {});
    QCOMPARE(unreachable.error().code, ErrorCode::Unreachable);
    QVERIFY2(unreachable.error().message.contains(QLatin1String("Jump host 1 (bastion) of router test-router")),
             qPrintable(unreachable.error().message));

    // A bastion that is down: unreachable, named.
    Router down = r;
    down.proxyJump = QStringLiteral("127.0.0.1:%1").arg(closed.port);
    auto gone = SshTransport(down, keyProfile(), execProfile(), m_secrets, settings).run({QStringLiteral("echo hi")}, {});
    QCOMPARE(gone.error().code, ErrorCode::Unreachable);
    QVERIFY2(gone.error().message.contains(QLatin1String("Jump host 1 (127.0.0.1)")), qPrintable(gone.error().message));

    // A wedged bastion (accepts TCP, never speaks SSH): a timeout within the connect timeout, named.
    const int wedged = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in w{};
    w.sin_family = AF_INET;
    w.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(wedged, reinterpret_cast<sockaddr *>(&w), sizeof w), 0);
    QCOMPARE(::listen(wedged, 4), 0);
    socklen_t wlen = sizeof w;
    ::getsockname(wedged, reinterpret_cast<sockaddr *>(&w), &wlen);
    Router stuck = r;
    stuck.proxyJump = QStringLiteral("127.0.0.1:%1").arg(ntohs(w.sin_port));
    ExecOptions quick;
    quick.connectTimeoutMs = 1000;
    auto hung = SshTransport(stuck, keyProfile(), execProfile(), m_secrets, settings).run({QStringLiteral("echo hi")}, quick);
    ::close(wedged);
    QCOMPARE(hung.error().code, ErrorCode::Timeout);
    QVERIFY2(hung.error().message.contains(QLatin1String("Jump host 1 (127.0.0.1)")), qPrintable(hung.error().message));
    QCOMPARE(m_sshd.received(), before);
}

QTEST_GUILESS_MAIN(TestSshTransport)
#include "tst_ssh_transport.moc"
