// SSH fan-out benchmark: N inventory entries pointing at one private sshd on 127.0.0.1, each
// queried once with a cheap read-only command at a fixed concurrency. Phases:
//   libssh cold   new SshTransport sessions (connect, kex, auth, exec)
//   libssh warm   the same transports again (sessions reused, one exec channel each)
//   openssh cold  one `ssh` process per query (what `xargs -P32 ssh ...` does), same kex/host key
//   openssh warm  through per-entry ControlMaster sockets (multiplexing)
//   xargs rows    the literal `xargs -P32 ssh ...` pipelines, as a cross-check of wall and CPU
// Prints wall time, per-query p50/p95 and client CPU. Needs root (the private sshd).
#include "engine/transport/secret_resolver.h"
#include "engine/transport/ssh_transport.h"
#include "test_sshd.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <vector>

extern char **environ;

using namespace rl;

namespace {

struct Phase {
    QString name;
    double wallMs = 0;
    double cpuMs = 0;
    std::vector<double> latencies;
    int failures = 0;
    QString firstError;
};

double cpuMs(const rusage &r)
{
    return (r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1000.0 + (r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1000.0;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

void print(const Phase &p, int queries)
{
    std::printf("%-34s wall %8.1f ms  p50 %7.1f ms  p95 %7.1f ms  client CPU %8.1f ms (%5.2f ms/query)  failed %d\n",
                qPrintable(p.name), p.wallMs, percentile(p.latencies, 0.5), percentile(p.latencies, 0.95), p.cpuMs,
                p.cpuMs / queries, p.failures);
    if (!p.firstError.isEmpty())
        std::printf("    first error: %s\n", qPrintable(p.firstError));
}

// Runs job(i) for i in [0, n) on `concurrency` threads.
template<typename Job>
void fanOut(int n, int concurrency, Job job)
{
    std::atomic_int next{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < concurrency; ++t)
        threads.emplace_back([&] {
            for (int i = next++; i < n; i = next++)
                job(i);
        });
    for (auto &t : threads)
        t.join();
}

// Spawns argv with stdio on /dev/null; returns the pid.
pid_t spawn(const QStringList &args)
{
    std::vector<QByteArray> storage;
    for (const QString &a : args)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (auto &s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    if (posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ) != 0)
        pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    return pid;
}

// Runs a process to completion; returns its exit code and adds its CPU (and its waited-for
// descendants') to *cpu.
int runChild(const QStringList &args, std::atomic<double> *cpu)
{
    const pid_t pid = spawn(args);
    if (pid <= 0)
        return -1;
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    double expected = cpu->load();
    while (!cpu->compare_exchange_weak(expected, expected + cpuMs(ru))) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

double processCpuMs(pid_t pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray s = f.readAll();
    const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
    // after "pid (comm) ": index 11 utime, 12 stime (clock ticks)
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return fields.size() > 12 ? (fields[11].toDouble() + fields[12].toDouble()) * 1000.0 / ticks : 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int entries = qEnvironmentVariableIntValue("RL_BENCH_ENTRIES") > 0 ? qEnvironmentVariableIntValue("RL_BENCH_ENTRIES") : 200;
    const int concurrency = qEnvironmentVariableIntValue("RL_BENCH_CONCURRENCY") > 0
                                ? qEnvironmentVariableIntValue("RL_BENCH_CONCURRENCY")
                                : 32;
    const QString kex = QStringLiteral("curve25519-sha256");
    const QString hostKeyAlg = QStringLiteral("ssh-ed25519");
    const QString command = QStringLiteral("show bgp summary json");

    // The "router": a script printing a recorded `show bgp summary json`.
    QTemporaryDir data(QDir::tempPath() + QStringLiteral("/rl-bench-XXXXXX"));
    QFile::setPermissions(data.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                                           | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
    QFile::copy(QStringLiteral(BENCHDIR "show_bgp_summary.json"), data.path() + QStringLiteral("/bgp.json"));
    QFile::setPermissions(data.path() + QStringLiteral("/bgp.json"), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
    const QString script = data.path() + QStringLiteral("/show_bgp.sh");
    {
        QFile f(script);
        f.open(QIODevice::WriteOnly);
        f.write(QStringLiteral("#!/bin/sh\nexec cat %1/bgp.json\n").arg(data.path()).toUtf8());
    }
    QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                                      | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);

    testing::TestSshd sshd;
    testing::TestSshd::Options options;
    options.forceCommand = script;
    options.maxStartups = 200;
    options.maxSessions = 64;
    options.extraConfig = {QStringLiteral("KexAlgorithms %1").arg(kex), QStringLiteral("LogLevel ERROR")};
    QString why;
    if (!sshd.start(options, &why)) {
        std::fprintf(stderr, "cannot start the private sshd: %s\n", qPrintable(why));
        return 2;
    }
    const QString knownHosts = sshd.writeKnownHosts(QStringLiteral("known_hosts"));
    const QByteArray expected = [] {
        QFile f(QStringLiteral(BENCHDIR "show_bgp_summary.json"));
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();

    std::printf("SSH fan-out: %d entries -> sshd 127.0.0.1:%d, concurrency %d, kex %s, host key %s, %lld-byte answer\n",
                entries, sshd.port(), concurrency, qPrintable(kex), qPrintable(hostKeyAlg), qint64(expected.size()));

    // ---- libssh (RouterLens SshTransport) ------------------------------------------------
    SshSettings settings;
    settings.kexAlgorithms = kex;
    settings.hostKeyAlgorithms = hostKeyAlg;
    SessionProfile profile;
    profile.guard = CommandGuard({QStringLiteral("show bgp summary json")});
    CredentialProfile cred;
    cred.name = QStringLiteral("bench");
    cred.username = sshd.user();
    cred.keyFile = sshd.clientKey();
    cred.useAgent = false;
    auto secrets = std::make_shared<SecretResolver>();
    std::vector<std::unique_ptr<SshTransport>> transports;
    for (int i = 0; i < entries; ++i) {
        Router r;
        r.name = QStringLiteral("bench-%1").arg(i, 3, 10, QLatin1Char('0'));
        r.host = QStringLiteral("127.0.0.1");
        r.port = sshd.port();
        r.platform = QStringLiteral("frr");
        r.knownHosts = knownHosts;
        transports.push_back(std::make_unique<SshTransport>(r, cred, profile, secrets, settings));
    }

    auto libsshPhase = [&](const QString &name) {
        Phase p;
        p.name = name;
        p.latencies.resize(size_t(entries));
        std::atomic_int failures{0};
        QMutex errorLock;
        rusage before{}, after{};
        getrusage(RUSAGE_SELF, &before);
        QElapsedTimer wall;
        wall.start();
        fanOut(entries, concurrency, [&](int i) {
            QElapsedTimer t;
            t.start();
            const auto r = transports[size_t(i)]->run({command}, {});
            p.latencies[size_t(i)] = t.nsecsElapsed() / 1e6;
            if (!r.ok() || r->at(0).output != expected) {
                ++failures;
                QMutexLocker lock(&errorLock);
                if (p.firstError.isEmpty())
                    p.firstError = r.ok() ? QStringLiteral("unexpected output") : r.error().toString();
            }
        });
        p.wallMs = wall.nsecsElapsed() / 1e6;
        getrusage(RUSAGE_SELF, &after);
        p.cpuMs = cpuMs(after) - cpuMs(before);
        p.failures = failures;
        return p;
    };
    const Phase libCold = libsshPhase(QStringLiteral("libssh cold (new sessions)"));
    print(libCold, entries);
    const Phase libWarm = libsshPhase(QStringLiteral("libssh warm (sessions reused)"));
    print(libWarm, entries);
    int connects = 0;
    for (auto &t : transports)
        connects += t->connectCount();
    std::printf("    libssh sessions opened over both phases: %d (expected %d)\n", connects, entries);
    transports.clear(); // close them before OpenSSH runs, so both see the same server load

    // ---- OpenSSH client ------------------------------------------------------------------
    const QStringList common{QStringLiteral("ssh"), QStringLiteral("-F"), QStringLiteral("/dev/null"),
                             QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
                             QStringLiteral("-o"), QStringLiteral("KexAlgorithms=") + kex,
                             QStringLiteral("-o"), QStringLiteral("HostKeyAlgorithms=") + hostKeyAlg,
                             QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=") + knownHosts,
                             QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=yes"),
                             QStringLiteral("-o"), QStringLiteral("IdentitiesOnly=yes"),
                             QStringLiteral("-i"), sshd.clientKey(),
                             QStringLiteral("-p"), QString::number(sshd.port()),
                             QStringLiteral("-l"), sshd.user()};
    const QString ctlDir = data.path() + QStringLiteral("/ctl");
    QDir().mkpath(ctlDir);
    auto ctlPath = [&](int i) { return ctlDir + QStringLiteral("/m%1").arg(i); };

    auto opensshPhase = [&](const QString &name, bool mux) {
        Phase p;
        p.name = name;
        p.latencies.resize(size_t(entries));
        std::atomic<double> cpu{0};
        std::atomic_int failures{0};
        QElapsedTimer wall;
        wall.start();
        fanOut(entries, concurrency, [&](int i) {
            QStringList args = common;
            if (mux)
                args << QStringLiteral("-o") << QStringLiteral("ControlMaster=no") << QStringLiteral("-S") << ctlPath(i);
            else
                args << QStringLiteral("-o") << QStringLiteral("ControlMaster=no") << QStringLiteral("-o")
                     << QStringLiteral("ControlPath=none");
            args << QStringLiteral("127.0.0.1") << command;
            QElapsedTimer t;
            t.start();
            if (runChild(args, &cpu) != 0)
                ++failures;
            p.latencies[size_t(i)] = t.nsecsElapsed() / 1e6;
        });
        p.wallMs = wall.nsecsElapsed() / 1e6;
        p.cpuMs = cpu;
        p.failures = failures;
        return p;
    };
    const Phase osCold = opensshPhase(QStringLiteral("openssh cold (one ssh per query)"), false);
    print(osCold, entries);

    // Masters stay our children (no -f) so that their CPU can be counted and they end by PID.
    std::vector<pid_t> masters(size_t(entries), -1);
    fanOut(entries, concurrency, [&](int i) {
        QStringList args = common;
        args << QStringLiteral("-M") << QStringLiteral("-N") << QStringLiteral("-S") << ctlPath(i)
             << QStringLiteral("-o") << QStringLiteral("ControlPersist=no") << QStringLiteral("127.0.0.1");
        masters[size_t(i)] = spawn(args);
        for (int k = 0; k < 500 && !QFile::exists(ctlPath(i)); ++k)
            QThread::msleep(10);
    });
    double masterCpuBefore = 0;
    for (pid_t m : masters)
        masterCpuBefore += processCpuMs(m);
    Phase osWarm = opensshPhase(QStringLiteral("openssh warm (ControlMaster mux)"), true);
    double masterCpuAfter = 0;
    for (pid_t m : masters)
        masterCpuAfter += processCpuMs(m);
    const double muxClientCpu = osWarm.cpuMs;
    osWarm.cpuMs += masterCpuAfter - masterCpuBefore;
    print(osWarm, entries);
    std::printf("    (mux clients %.1f ms + masters %.1f ms)\n", muxClientCpu, masterCpuAfter - masterCpuBefore);

    // The literal xargs pipelines, for wall time and children's CPU as a shell user would see them.
    auto xargsRow = [&](const QString &name, bool mux) {
        QStringList quoted;
        for (const QString &a : common)
            quoted << QLatin1Char('\'') + a + QLatin1Char('\'');
        QString line = QStringLiteral("seq 0 %1 | xargs -P%2 -I{} %3 ").arg(entries - 1).arg(concurrency).arg(quoted.join(QLatin1Char(' ')));
        line += mux ? QStringLiteral("-o ControlMaster=no -S '%1/m{}' ").arg(ctlDir)
                    : QStringLiteral("-o ControlMaster=no -o ControlPath=none ");
        line += QStringLiteral("127.0.0.1 '%1' >/dev/null").arg(command);
        Phase p;
        p.name = name;
        std::atomic<double> cpu{0};
        QElapsedTimer wall;
        wall.start();
        p.failures = runChild({QStringLiteral("sh"), QStringLiteral("-c"), line}, &cpu) == 0 ? 0 : 1;
        p.wallMs = wall.nsecsElapsed() / 1e6;
        p.cpuMs = cpu;
        std::printf("%-34s wall %8.1f ms  children CPU %8.1f ms (%5.2f ms/query)  %s\n", qPrintable(name), p.wallMs,
                    p.cpuMs, p.cpuMs / entries, p.failures ? "FAILED" : "ok");
        return p;
    };
    xargsRow(QStringLiteral("xargs -P%1 ssh (cold)").arg(concurrency), false);
    xargsRow(QStringLiteral("xargs -P%1 ssh -S (mux clients)").arg(concurrency), true);

    for (pid_t m : masters) {
        if (m > 0) {
            ::kill(m, SIGTERM);
            waitpid(m, nullptr, 0);
        }
    }
    sshd.stop();

    const double coldSpeed = osCold.wallMs / libCold.wallMs;
    const double warmSpeed = osWarm.wallMs / libWarm.wallMs;
    const double cpuPerSession = libCold.cpuMs / entries;
    std::printf("\nTargets:\n");
    std::printf("  cold: libssh speed %.2fx OpenSSH's (target >= 0.8x)            %s\n", coldSpeed,
                coldSpeed >= 0.8 ? "met" : "NOT met");
    std::printf("  warm: libssh %.2fx faster than OpenSSH multiplexing (target >= 3x) %s\n", warmSpeed,
                warmSpeed >= 3 ? "met" : "NOT met");
    std::printf("  client CPU per new libssh session %.2f ms (target < 5 ms)       %s\n", cpuPerSession,
                cpuPerSession < 5 ? "met" : "NOT met");
    return (libCold.failures || libWarm.failures || osCold.failures || osWarm.failures) ? 1 : 0;
}
