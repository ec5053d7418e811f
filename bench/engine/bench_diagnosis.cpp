// Diagnosing every connection of a 200-connection inventory against the real lab's routers.
//
//   sudo bash lab/up.sh
//   export ROUTERLENS_LAB_INVENTORY=$PWD/lab/state/inventory.json RL_LAB_PASSWORD=$(cat lab/state/password)
//   build/bench/engine/bench_diagnosis [--connections N]
//
// The lab has only a few real sessions and links (acme's customer link and the three core
// links, each seen from both ends), so the 200 connections map onto those few, repeated under
// distinct ids with plausible expectations: many connections ask a router the same thing, and
// the scheduler's coalescing is part of what is measured. Runs: cold (maxAge 0, an empty result
// store), warm (maxAge 300 s, right after the cold run: answered from the store), and cold with
// the second read of the counters 3 s later (what `routerlens-cli diagnose` does by default).
// For each: wall time against the sum and the maximum of the routers' own command times (each
// router command counted once, however many waiters it answered), the number of router commands
// and the verdicts. Prints figures; asserts nothing about times.

#include "engine/service/connection_diagnoser.h"
#include "engine/service/router_data_service.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <thread>

using namespace rl;

namespace {

// A real session or link of the lab, seen from one end ("provider") to the other.
struct LabLink {
    const char *name;
    const char *provider, *providerInterface, *providerAddress, *providerAddress6;
    const char *customer, *customerInterface, *customerAddress, *customerAddress6;
    qint64 providerAs, customerAs;
    QStringList expected; // what the "customer" end announces of its own
};

const QList<LabLink> &labLinks()
{
    static const QList<LabLink> links{
        {"acme", "lab-frr", "cust0", "198.19.0.65", "2001:db8:19:100::1", "lab-host", "uplink0", "198.19.0.66", "2001:db8:19:100::2",
         65001, 65010, {"203.0.113.224/27", "198.51.100.192/27", "2001:db8:a000::/48", "2001:db8:a001::/48"}},
        // One IPv4 session carries both families between FRR and BIRD: no IPv6 peer addresses.
        {"frr-bird", "lab-frr", "to-bird", "198.19.0.0", "", "lab-bird", "to-frr", "198.19.0.1", "", 65001, 65002,
         {"198.51.100.64/26", "203.0.113.160/27"}},
        {"bird-frr", "lab-bird", "to-frr", "198.19.0.1", "", "lab-frr", "to-bird", "198.19.0.0", "", 65002, 65001,
         {"198.51.100.0/26", "203.0.113.128/27"}},
        {"frr-gobgp", "lab-frr", "to-gobgp", "198.19.0.2", "2001:db8:19:13::1", "lab-gobgp", "to-frr", "198.19.0.3", "2001:db8:19:13::3",
         65001, 65003, {"198.51.100.128/26", "203.0.113.192/27", "2001:db8:3000::/48"}},
        {"gobgp-frr", "lab-gobgp", "to-frr", "198.19.0.3", "2001:db8:19:13::3", "lab-frr", "to-gobgp", "198.19.0.2", "2001:db8:19:13::1",
         65003, 65001, {"198.51.100.0/26", "203.0.113.128/27", "2001:db8:1000::/48"}},
        {"bird-gobgp", "lab-bird", "to-gobgp", "198.19.0.4", "2001:db8:19:23::2", "lab-gobgp", "to-bird", "198.19.0.5", "2001:db8:19:23::3",
         65002, 65003, {"198.51.100.128/26", "203.0.113.192/27", "2001:db8:3000::/48"}},
    };
    return links;
}

QJsonArray connectionsJson(int n)
{
    QJsonArray out;
    const QList<LabLink> &links = labLinks();
    for (int i = 0; i < n; ++i) {
        const LabLink &l = links.at(i % links.size());
        QJsonObject c{{QStringLiteral("id"), QStringLiteral("bench-%1-%2").arg(i, 3, 10, QLatin1Char('0')).arg(QLatin1String(l.name))},
                      {QStringLiteral("customer"), QStringLiteral("customer-%1").arg(i % 40, 2, 10, QLatin1Char('0'))},
                      {QStringLiteral("providerRouter"), QLatin1String(l.provider)},
                      {QStringLiteral("providerInterface"), QLatin1String(l.providerInterface)},
                      {QStringLiteral("vlan"), -1},
                      {QStringLiteral("providerAddress"), QLatin1String(l.providerAddress)},
                      {QStringLiteral("customerAddress"), QLatin1String(l.customerAddress)},
                      {QStringLiteral("providerAs"), l.providerAs},
                      {QStringLiteral("customerAs"), l.customerAs},
                      {QStringLiteral("customerRouter"), QLatin1String(l.customer)},
                      {QStringLiteral("customerInterface"), QLatin1String(l.customerInterface)},
                      {QStringLiteral("mtu"), 1500},
                      {QStringLiteral("expectedPrefixes"), QJsonArray::fromStringList(l.expected)}};
        if (*l.providerAddress6) {
            c.insert(QStringLiteral("providerAddress6"), QLatin1String(l.providerAddress6));
            c.insert(QStringLiteral("customerAddress6"), QLatin1String(l.customerAddress6));
        }
        out.append(c);
    }
    return out;
}

struct RunFigures {
    double wallS = 0;
    int requests = 0;         // answers the diagnoser got
    int liveAnswers = 0;      // of them, read from a router just now
    int storeAnswers = 0;
    int notAsked = 0;         // answered without a router: unsupported on the platform (optics on FRR, BGP on Linux)
    int routerCommands = 0;   // distinct router jobs among the live answers
    qint64 sumMs = 0;         // the routers' own times, each job once
    qint64 maxMs = 0;
    QHash<QString, qint64> sumByRouter;
    QHash<QString, int> jobsByRouter;
    qint64 coalesced = 0;     // the service's metrics: requests that joined work already queued or running
    qint64 cacheHits = 0;
    QHash<QString, int> verdicts;
    QHash<QString, int> causes; // "layer/end" of the likely cause, where there is one
};

RunFigures run(RouterDataService &service, const QList<Connection> &connections, qint64 maxAge, int secondReadMs)
{
    RunFigures f;
    QSet<QString> jobs;
    const QMetaObject::Connection watch = QObject::connect(&service, &RouterDataService::responseReady, &service, [&](const Response &r) {
        if (!r.requestId.startsWith(QLatin1String("diagnosis-")))
            return;
        ++f.requests;
        for (const RouterResult &p : r.results) {
            if (p.source == AnswerSource::Store) {
                ++f.storeAnswers;
                continue;
            }
            if (p.source != AnswerSource::Live)
                continue;
            if (p.latencyMs < 0) {
                ++f.notAsked;
                continue;
            }
            ++f.liveAnswers;
            // Waiters coalesced onto one router command share its outcome: same router,
            // commands, fetch time and latency. Count each command once.
            const QString key = p.router + QChar(0x1d) + p.commands.join(QChar(0x1e)) + QChar(0x1d)
                              + QString::number(p.fetchedAt.toMSecsSinceEpoch()) + QChar(0x1d) + QString::number(p.latencyMs);
            if (jobs.contains(key))
                continue;
            jobs.insert(key);
            ++f.routerCommands;
            f.sumMs += p.latencyMs;
            f.maxMs = std::max(f.maxMs, p.latencyMs);
            f.sumByRouter[p.router] += p.latencyMs;
            ++f.jobsByRouter[p.router];
        }
    });
    const EngineMetrics before = service.metrics();
    ConnectionDiagnoser diagnoser(service);
    QList<DiagnosisResult> results;
    bool done = false;
    QObject::connect(&diagnoser, &ConnectionDiagnoser::finished, &diagnoser, [&](const QList<DiagnosisResult> &r) {
        results = r;
        done = true;
        QCoreApplication::exit(0);
    });
    QElapsedTimer t;
    t.start();
    diagnoser.start(connections, {QStringLiteral("bench"), Role::Internal, {}}, maxAge, secondReadMs);
    if (!done)
        QCoreApplication::exec();
    f.wallS = double(t.nsecsElapsed()) / 1e9;
    QObject::disconnect(watch);
    const EngineMetrics after = service.metrics();
    f.coalesced = after.coalesced - before.coalesced;
    f.cacheHits = after.cacheHits - before.cacheHits;
    for (const DiagnosisResult &d : results) {
        ++f.verdicts[verdictName(d.overall())];
        if (const DiagnosisStep *c = d.cause())
            ++f.causes[c->layer + u'/' + connectionEndName(c->end)];
    }
    return f;
}

QString counts(const QHash<QString, int> &h)
{
    QStringList keys = h.keys();
    std::sort(keys.begin(), keys.end());
    QStringList out;
    for (const QString &k : keys)
        out << QStringLiteral("%1 %2").arg(h.value(k)).arg(k);
    return out.isEmpty() ? QStringLiteral("none") : out.join(QStringLiteral(", "));
}

void print(const char *label, const RunFigures &f, int connections)
{
    std::printf("\n%s: %d connections diagnosed in %.2f s wall\n", label, connections, f.wallS);
    std::printf("  requests answered %d: %d from the routers, %d from the store (cache hits %lld), %d at once (unsupported on the platform)\n",
                f.requests, f.liveAnswers, f.storeAnswers, static_cast<long long>(f.cacheHits), f.notAsked);
    std::printf("  router commands run %d (the engine counted %lld requests joining work already queued or running)\n", f.routerCommands,
                static_cast<long long>(f.coalesced));
    if (f.routerCommands > 0) {
        std::printf("  routers' own command time: sum %.2f s, max %.3f s; wall / sum %.2f, wall / max %.2f\n", double(f.sumMs) / 1000.0,
                    double(f.maxMs) / 1000.0, f.wallS / (double(f.sumMs) / 1000.0), f.wallS / (double(f.maxMs) / 1000.0));
        QStringList routers = f.sumByRouter.keys();
        std::sort(routers.begin(), routers.end());
        const auto busiest = std::max_element(routers.cbegin(), routers.cend(), [&](const QString &a, const QString &b) {
            return f.sumByRouter.value(a) < f.sumByRouter.value(b);
        });
        std::printf("  busiest router %s: its commands sum to %.2f s (wall / that %.2f; one command at a time per router)\n",
                    qPrintable(*busiest), double(f.sumByRouter.value(*busiest)) / 1000.0,
                    f.wallS / (double(f.sumByRouter.value(*busiest)) / 1000.0));
        for (const QString &r : routers)
            std::printf("    %-10s %3d commands, %.2f s\n", qPrintable(r), f.jobsByRouter.value(r), double(f.sumByRouter.value(r)) / 1000.0);
    } else {
        std::printf("  no router was asked\n");
    }
    std::printf("  verdicts: %s\n", qPrintable(counts(f.verdicts)));
    std::printf("  likely causes: %s\n", qPrintable(counts(f.causes)));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int n = 200;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--connections") && i + 1 < args.size()) {
            n = args.at(++i).toInt();
        } else {
            std::fprintf(stderr, "usage: bench_diagnosis [--connections N]\n");
            return 2;
        }
    }
    if (n < 1 || n > 100000) {
        std::fprintf(stderr, "bench_diagnosis: --connections must be 1..100000\n");
        return 2;
    }
    const QString labInventory = qEnvironmentVariable("ROUTERLENS_LAB_INVENTORY");
    if (labInventory.isEmpty() || qEnvironmentVariableIsEmpty("RL_LAB_PASSWORD")) {
        std::fprintf(stderr, "bench_diagnosis needs the router lab: run `sudo bash lab/up.sh`, then\n"
                             "  export ROUTERLENS_LAB_INVENTORY=$PWD/lab/state/inventory.json RL_LAB_PASSWORD=$(cat lab/state/password)\n");
        return 1;
    }
    QFile f(labInventory);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_diagnosis: cannot read %s\n", qPrintable(labInventory));
        return 1;
    }
    QJsonObject inv = QJsonDocument::fromJson(f.readAll()).object();
    inv.insert(QStringLiteral("connections"), connectionsJson(n));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("inventory.json"));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(inv).toJson()) < 0) {
        std::fprintf(stderr, "bench_diagnosis: cannot write %s\n", qPrintable(path));
        return 1;
    }
    out.close();

    EngineSettings settings = EngineSettings::defaults();
    settings.storePath = dir.filePath(QStringLiteral("results.sqlite")); // empty: the cold run asks every router
    RouterDataService service(settings);
    if (const Error e = service.loadInventory(path)) {
        std::fprintf(stderr, "bench_diagnosis: %s\n", qPrintable(e.toString()));
        return 1;
    }
    const QList<Connection> connections = service.visibleConnections({QStringLiteral("bench"), Role::Internal, {}});

    std::printf("bench_diagnosis: %d connections over the lab's %lld real sessions/links (acme's customer link and the three core "
                "links, each seen from both ends: %s), repeated with distinct ids, so many connections ask a router the same thing "
                "and coalescing is part of what is measured\n",
                int(connections.size()), static_cast<long long>(labLinks().size()), [] {
                    QStringList names;
                    for (const LabLink &l : labLinks())
                        names << QLatin1String(l.name);
                    return names.join(QStringLiteral(", ")).toUtf8();
                }().constData());
    std::printf("  4 routers, %u hardware threads; the default settings: per-router throttle %.0f/s burst %.0f, network %.0f/s burst %.0f, "
                "%d command(s) in flight per router, %d in all\n",
                std::thread::hardware_concurrency(), settings.throttle.perRouter.ratePerSecond, settings.throttle.perRouter.burst,
                settings.throttle.network.ratePerSecond, settings.throttle.network.burst, settings.maxInFlightPerRouter,
                settings.maxInFlightTotal);

    // One connection alone first: the time a person waits for one diagnosis (sessions opened here).
    const RunFigures one = run(service, {connections.first()}, 0, 0);
    print("one connection, cold sessions (maxAge 0)", one, 1);
    const RunFigures cold = run(service, connections, 0, 0);
    print("cold (maxAge 0, every answer from the routers, no second read)", cold, int(connections.size()));
    const RunFigures warm = run(service, connections, 300, 0);
    print("warm (maxAge 300 s, right after the cold run)", warm, int(connections.size()));
    const RunFigures second = run(service, connections, 0, 3000);
    print("cold with the second read 3 s later (the CLI's default)", second, int(connections.size()));
    return 0;
}
