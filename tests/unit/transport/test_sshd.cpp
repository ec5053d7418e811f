#include "test_sshd.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

#ifndef SRCDIR
#define SRCDIR ""
#endif
// Where fake_router.sh is: this folder, also when a test elsewhere (tests/cli) builds this file.
#ifndef TEST_SSHD_SRCDIR
#define TEST_SSHD_SRCDIR SRCDIR
#endif

namespace rl::testing {

namespace {

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool writeFile(const QString &path, const QByteArray &data, QFile::Permissions perms)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(data);
    f.close();
    return f.setPermissions(perms);
}

constexpr QFile::Permissions kReadable = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
constexpr QFile::Permissions kExecutable = kReadable | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;

} // namespace

TestSshd::TestSshd() = default;

TestSshd::~TestSshd()
{
    stop();
}

QString TestSshd::run(const QString &program, const QStringList &args, const QByteArray &input, int *exitCode)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(5000)) {
        if (exitCode)
            *exitCode = -1;
        return QStringLiteral("cannot start %1").arg(program);
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromLocal8Bit(p.readAll());
}

bool TestSshd::prepareUser(QString *why)
{
    int rc = 0;
    run(QStringLiteral("id"), {m_options.user}, {}, &rc);
    if (rc != 0) {
        const QString home = QStringLiteral("/tmp/%1-home").arg(m_options.user);
        const QString out = run(QStringLiteral("useradd"),
                                {QStringLiteral("-M"), QStringLiteral("-d"), home, QStringLiteral("-s"),
                                 QStringLiteral("/bin/sh"), m_options.user},
                                {}, &rc);
        if (rc != 0) {
            *why = QStringLiteral("useradd %1 failed: %2").arg(m_options.user, out);
            return false;
        }
    }
    // The home may have been cleaned from /tmp since the user was made.
    const QString home = run(QStringLiteral("sh"), {QStringLiteral("-c"),
                                                    QStringLiteral("getent passwd %1 | cut -d: -f6").arg(m_options.user)})
                             .trimmed();
    if (!home.isEmpty() && QDir().mkpath(home))
        run(QStringLiteral("chown"), {m_options.user, home});
    // A fresh password per run; it also unlocks the account (sshd refuses locked ones).
    m_password = QStringLiteral("rl-%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    const QString out = run(QStringLiteral("chpasswd"), {}, (m_options.user + QLatin1Char(':') + m_password).toUtf8(), &rc);
    if (rc != 0) {
        *why = QStringLiteral("chpasswd failed: %1").arg(out);
        return false;
    }
    return true;
}

bool TestSshd::start(const Options &options, QString *why)
{
    m_options = options;
    if (geteuid() != 0) {
        *why = QStringLiteral("the test sshd needs root (it creates the user %1)").arg(options.user);
        return false;
    }
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/sshd"))) {
        *why = QStringLiteral("/usr/sbin/sshd is missing (install openssh-server)");
        return false;
    }
    if (!prepareUser(why))
        return false;
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/rl-sshd-XXXXXX"));
    if (!m_dir->isValid()) {
        *why = QStringLiteral("cannot make a temporary folder");
        return false;
    }
    const QString d = m_dir->path();
    // The login user reads the authorized keys and runs the fake CLI from here.
    QFile::setPermissions(d, kExecutable);
    QDir().mkpath(QStringLiteral("/run/sshd"));

    int rc = 0;
    auto keygen = [&](const QString &file, const QString &pass) {
        QFile::remove(file);
        QFile::remove(file + QStringLiteral(".pub"));
        const QString out = run(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"),
                                                              QStringLiteral("ed25519"), QStringLiteral("-N"), pass,
                                                              QStringLiteral("-C"), QStringLiteral("rl-test"),
                                                              QStringLiteral("-f"), file},
                                {}, &rc);
        if (rc != 0)
            *why = QStringLiteral("ssh-keygen failed: %1").arg(out);
        return rc == 0;
    };
    if (!keygen(d + QStringLiteral("/host_ed25519"), QString()) || !keygen(d + QStringLiteral("/other_host_ed25519"), QString())
        || !keygen(clientKey(), QString()) || !keygen(encryptedClientKey(), keyPassphrase()))
        return false;

    QByteArray authorized;
    for (const QString &k : {clientKey(), encryptedClientKey()}) {
        QFile f(k + QStringLiteral(".pub"));
        f.open(QIODevice::ReadOnly);
        authorized += f.readAll();
    }
    writeFile(d + QStringLiteral("/authorized_keys"), authorized, kReadable);

    QFile script(QStringLiteral(TEST_SSHD_SRCDIR "fake_router.sh"));
    if (!script.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("cannot read %1").arg(script.fileName());
        return false;
    }
    writeFile(d + QStringLiteral("/fake_router.sh"), script.readAll(), kExecutable);
    writeFile(d + QStringLiteral("/received.log"), {},
              kReadable | QFile::WriteGroup | QFile::WriteOther);

    m_port = freePort();
    const QString force = options.forceCommand.isEmpty() ? d + QStringLiteral("/fake_router.sh") : options.forceCommand;
    QStringList config{
        QStringLiteral("ListenAddress 127.0.0.1:%1").arg(m_port),
        QStringLiteral("HostKey %1/host_ed25519").arg(d),
        QStringLiteral("PidFile %1/sshd.pid").arg(d),
        QStringLiteral("AuthorizedKeysFile %1/authorized_keys").arg(d),
        QStringLiteral("AllowUsers %1").arg(options.user),
        QStringLiteral("ForceCommand %1").arg(force),
        QStringLiteral("UsePAM no"),
        QStringLiteral("PasswordAuthentication yes"),
        QStringLiteral("KbdInteractiveAuthentication no"),
        QStringLiteral("PubkeyAuthentication yes"),
        QStringLiteral("PermitRootLogin no"),
        // the temporary folder sits under world-writable /tmp
        QStringLiteral("StrictModes no"),
        QStringLiteral("PrintMotd no"),
        QStringLiteral("PrintLastLog no"),
        QStringLiteral("LogLevel VERBOSE"),
        QStringLiteral("MaxStartups %1").arg(options.maxStartups),
        QStringLiteral("MaxSessions %1").arg(options.maxSessions),
        QStringLiteral("MaxAuthTries 20"),
    };
    config += options.extraConfig;
    writeFile(d + QStringLiteral("/sshd_config"), config.join(QLatin1Char('\n')).toUtf8() + '\n', kReadable);
    return launch(why);
}

bool TestSshd::rotateHostKey(QString *why)
{
    stop();
    const QString d = dir();
    for (const QString &suffix : {QString(), QStringLiteral(".pub")}) {
        const QString current = d + QStringLiteral("/host_ed25519") + suffix;
        const QString other = d + QStringLiteral("/other_host_ed25519") + suffix;
        const QString swap = current + QStringLiteral(".swap");
        if (!QFile::rename(current, swap) || !QFile::rename(other, current) || !QFile::rename(swap, other)) {
            *why = QStringLiteral("cannot swap the host keys in %1").arg(d);
            return false;
        }
    }
    return launch(why);
}

bool TestSshd::launch(QString *why)
{
    const QString d = dir();
    m_sshd.setProcessChannelMode(QProcess::ForwardedChannels);
    m_sshd.start(QStringLiteral("/usr/sbin/sshd"),
                 {QStringLiteral("-D"), QStringLiteral("-f"), d + QStringLiteral("/sshd_config"), QStringLiteral("-E"),
                  d + QStringLiteral("/sshd.log")});
    if (!m_sshd.waitForStarted(5000)) {
        *why = QStringLiteral("sshd did not start");
        return false;
    }
    for (int i = 0; i < 100; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (probe.waitForConnected(200)) {
            probe.abort();
            return true;
        }
        if (m_sshd.state() != QProcess::Running)
            break;
        QThread::msleep(50);
    }
    QFile log(d + QStringLiteral("/sshd.log"));
    log.open(QIODevice::ReadOnly);
    *why = QStringLiteral("sshd is not listening on port %1: %2").arg(m_port).arg(QString::fromLocal8Bit(log.readAll()));
    stop();
    return false;
}

QList<qint64> TestSshd::childPids() const
{
    QList<qint64> pids;
    const qint64 parent = m_sshd.processId();
    if (parent <= 0)
        return pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool isPid = false;
        const qint64 pid = e.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray s = stat.readAll();
        // "pid (comm) state ppid ...": comm may hold spaces, so parse after the last ')'
        const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields[1].toLongLong() == parent)
            pids.append(pid);
    }
    return pids;
}

int TestSshd::killSessions()
{
    const QList<qint64> pids = childPids();
    for (qint64 pid : pids)
        ::kill(pid_t(pid), SIGKILL);
    return int(pids.size());
}

void TestSshd::stop()
{
    if (m_sshd.state() != QProcess::NotRunning) {
        killSessions();
        m_sshd.terminate();
        if (!m_sshd.waitForFinished(3000)) {
            m_sshd.kill();
            m_sshd.waitForFinished(3000);
        }
    }
}

QString TestSshd::hostPublicKey() const
{
    QFile f(dir() + QStringLiteral("/host_ed25519.pub"));
    f.open(QIODevice::ReadOnly);
    const QList<QByteArray> parts = f.readAll().trimmed().split(' ');
    return parts.size() >= 2 ? QString::fromLatin1(parts[0] + ' ' + parts[1]) : QString();
}

QString TestSshd::hostFingerprint() const
{
    const QString out = run(QStringLiteral("ssh-keygen"), {QStringLiteral("-l"), QStringLiteral("-E"),
                                                          QStringLiteral("sha256"), QStringLiteral("-f"),
                                                          dir() + QStringLiteral("/host_ed25519.pub")});
    const QStringList parts = out.split(QLatin1Char(' '));
    return parts.size() > 1 ? parts[1] : QString();
}

QString TestSshd::writeKnownHosts(const QString &name, bool wrongKey) const
{
    const QString path = dir() + QLatin1Char('/') + name;
    QString key = hostPublicKey();
    if (wrongKey) {
        QFile f(dir() + QStringLiteral("/other_host_ed25519.pub"));
        f.open(QIODevice::ReadOnly);
        const QList<QByteArray> parts = f.readAll().trimmed().split(' ');
        key = QString::fromLatin1(parts.value(0) + ' ' + parts.value(1));
    }
    writeFile(path, QStringLiteral("[127.0.0.1]:%1 %2\n").arg(m_port).arg(key).toUtf8(), kReadable);
    return path;
}

QByteArray TestSshd::received() const
{
    QFile f(dir() + QStringLiteral("/received.log"));
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

int TestSshd::acceptedLogins() const
{
    QFile f(dir() + QStringLiteral("/sshd.log"));
    f.open(QIODevice::ReadOnly);
    // "Accepted publickey for rltest ..." (VERBOSE also logs "Accepted key ... found at", not a login)
    static const QRegularExpression login(QStringLiteral("Accepted [\\w-]+ for "));
    return int(QString::fromLocal8Bit(f.readAll()).count(login));
}

} // namespace rl::testing
