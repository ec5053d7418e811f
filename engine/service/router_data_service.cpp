#include "engine/service/router_data_service.h"

#include "engine/vendors/offline_parser.h"

#include "engine/access/access_policy.h"
#include "engine/api/event_log.h"
#include "engine/api/request_validator.h"
#include "engine/inventory/connection_expectations.h"
#include "engine/scheduling/response_aggregator.h"
#include "engine/scheduling/results_queue.h"
#include "engine/scheduling/scheduler.h"
#include "engine/storage/memory_result_store.h"
#include "engine/transport/demo_transport.h"

#if __has_include("engine/storage/sqlite_result_store.h")
#include "engine/storage/sqlite_result_store.h"
#define RL_HAVE_SQLITE_STORE 1
#endif
#if __has_include("engine/transport/default_transport_factory.h")
#include "engine/transport/default_transport_factory.h"
#include "engine/transport/secret_resolver.h"
#include "engine/transport/ssh_transport.h"
#define RL_HAVE_DEFAULT_TRANSPORTS 1
#endif

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QMetaObject>
#include <QMutex>
#include <QPointer>
#include <QSet>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <array>
#include <deque>
#include <atomic>

namespace rl {

QString routerStatusName(RouterStatus s)
{
    switch (s) {
    case RouterStatus::Unknown: return QStringLiteral("unknown");
    case RouterStatus::Reachable: return QStringLiteral("reachable");
    case RouterStatus::Unreachable: return QStringLiteral("unreachable");
    case RouterStatus::AuthFailed: return QStringLiteral("auth-failed");
    case RouterStatus::HostKeyProblem: return QStringLiteral("host-key");
    case RouterStatus::Throttled: return QStringLiteral("throttled");
    }
    return {};
}

namespace {

const QString LogSource = QStringLiteral("engine");
const QString StoreLogSource = QStringLiteral("store"); // every store warning, wherever it comes from

void registerMetaTypes()
{
    static std::once_flag once;
    std::call_once(once, [] {
        qRegisterMetaType<rl::Error>();
        qRegisterMetaType<rl::QueryKind>();
        qRegisterMetaType<rl::RecordSet>();
        qRegisterMetaType<rl::Request>();
        qRegisterMetaType<rl::RouterResult>();
        qRegisterMetaType<rl::Response>();
        qRegisterMetaType<rl::EngineMetrics>();
        qRegisterMetaType<rl::ActivityEntry>();
        qRegisterMetaType<QList<rl::ActivityEntry>>();
        qRegisterMetaType<rl::RouterStatus>();
        qRegisterMetaType<rl::Router>();
        qRegisterMetaType<rl::Connection>();
    });
}

// Every error in a router's part of an answer names that router. Parsers do not know which
// router they read ("could not read the FRR ... output as JSON"), nor does the scheduler's request
// time limit; in a log, the CLI's error lines or a copied message the sentence must stand alone.
Error namingRouter(const QString &router, Error e)
{
    // "router NAME" exactly: a router's own output quoted in the message ("Hostname is lab-bird")
    // does not count.
    if (e.isError() && !router.isEmpty() && !e.message.contains(QStringLiteral("router ") + router, Qt::CaseInsensitive))
        e.message = QStringLiteral("Router %1: %2").arg(router, e.message);
    return e;
}

std::optional<RouterStatus> statusFor(const Error &e)
{
    switch (e.code) {
    case ErrorCode::None: return RouterStatus::Reachable;
    case ErrorCode::Unreachable:
    case ErrorCode::ConnectionLost:
    case ErrorCode::Timeout: return RouterStatus::Unreachable;
    case ErrorCode::AuthFailed: return RouterStatus::AuthFailed;
    case ErrorCode::HostKeyUnknown:
    case ErrorCode::HostKeyMismatch:
    case ErrorCode::TlsError: return RouterStatus::HostKeyProblem; // the router's identity could not be verified
    case ErrorCode::Throttled: return RouterStatus::Throttled;
    case ErrorCode::ParseError:
    case ErrorCode::UnsupportedQuery:
    case ErrorCode::ForbiddenCommand:
    case ErrorCode::OutputTooLarge: return RouterStatus::Reachable; // it answered
    default: return std::nullopt;                                 // says nothing about the router
    }
}

SchedulerConfig schedulerConfig(const EngineSettings &s)
{
    SchedulerConfig c;
    c.throttle = s.throttle;
    c.priority = s.priority;
    c.maxInFlightPerRouter = s.maxInFlightPerRouter;
    c.maxInFlightTotal = s.maxInFlightTotal;
    c.idleTimeoutMs = s.idleTimeoutMs;
    c.workerNiceness = s.workerNiceness;
    c.exec.connectTimeoutMs = s.connectTimeoutMs;
    c.exec.commandTimeoutMs = s.commandTimeoutMs;
    c.exec.maxOutputBytes = s.maxOutputBytes;
    return c;
}

} // namespace

class RouterDataServicePrivate final : public SchedulerSink
{
public:
    RouterDataService *q = nullptr;
    EngineSettings settings;
    std::shared_ptr<ResultStore> store;
    std::function<const Translator *(const QString &)> translators;
    std::shared_ptr<Clock> clock;
    AccessPolicy access;
    QStringList storeWarnings; // the service's own; the store keeps the rest
    Error storeError;          // opening the configured store failed: answers are kept in memory

    // Shared with worker threads.
    mutable QMutex stateMutex;
    std::shared_ptr<const Inventory> inventory = std::make_shared<Inventory>();
    std::shared_ptr<TransportFactory> transports;

    ResultsQueue results;
    std::unique_ptr<Scheduler> scheduler;
    QThreadPool lookups;          // cache look-ups and host key acceptance, off the GUI thread
    std::atomic<qint64> cacheHits = 0;

    // Service thread (tickets also from look-up threads, hence the mutex).
    QMutex ticketMutex;
    QHash<QString, QList<quint64>> tickets; // open requests -> scheduler tickets
    ResponseAggregator aggregator;
    mutable QMutex statusMutex;
    QHash<QString, RouterStatus> statuses;
    quint64 nextRequest = 1;
    QTimer metricsTimer;
    std::array<qint64, 7> lastMetricsStamp{-1, -1, -1, -1, -1, -1, -1};
    bool lastBusy = false;

    std::shared_ptr<const Inventory> inventorySnapshot() const
    {
        QMutexLocker lock(&stateMutex);
        return inventory;
    }

    const Translator *translatorFor(const Inventory &inv, const QString &router) const
    {
        const Router *r = inv.router(router);
        return r ? translators(r->platform) : nullptr;
    }

    std::unique_ptr<Transport> createTransport(const QString &name)
    {
        std::shared_ptr<const Inventory> inv;
        std::shared_ptr<TransportFactory> factory;
        {
            QMutexLocker lock(&stateMutex);
            inv = inventory;
            factory = transports;
        }
        const Router *r = inv->router(name);
        if (!r || !factory)
            return nullptr;
        const Translator *t = translators(r->platform);
        return factory->create(*r, t ? t->sessionProfile() : SessionProfile{});
    }

    double partPriority(const Request &r) const
    {
        return Scheduler::baseScore(settings.priority, r.client.role, r.kind, r.urgency)
            - settings.priority.agingPerSecond * double(clock->nowMs()) / 1000.0;
    }

    // ---- SchedulerSink: worker threads ----

    void jobFinished(JobOutcome &&o) override
    {
        const auto inv = inventorySnapshot();
        const Translator *translator = translatorFor(*inv, o.router);
        const QDateTime fetchedAt = QDateTime::currentDateTimeUtc();
        // Waiters with the same query share one parse and one stored answer.
        QHash<QString, Result<RecordSet>> parsed;
        std::vector<FinishedPart> parts;
        parts.reserve(size_t(o.waiters.size()));
        for (const Waiter &w : o.waiters) {
            FinishedPart p;
            p.requestId = w.requestId;
            p.tag = w.tag;
            p.priority = w.priority;
            RouterResult &part = p.result;
            part.router = o.router;
            part.commands = o.commands.mid(0, o.firstRoundCount);
            part.fetchedAt = fetchedAt;
            part.latencyMs = o.latencyMs;
            part.records = RecordSet(w.kind);
            if (o.error) {
                part.error = namingRouter(o.router, o.error);
            } else if (!translator) {
                part.error = Error(ErrorCode::UnsupportedQuery,
                                   QStringLiteral("Router %1 is no longer in the inventory or its platform has no translator.").arg(o.router));
            } else {
                const QString key = queryKindName(w.kind) + QLatin1Char('|') + w.params.canonical();
                auto it = parsed.find(key);
                QList<CommandOutput> outputs;
                Result<QStringList> followUps = outputsFor(*translator, w, o, outputs);
                if (followUps.ok())
                    part.commands += followUps.value();
                if (it == parsed.end()) {
                    Result<RecordSet> records = followUps.ok() ? translator->parse(w.kind, w.params, outputs)
                                                               : Result<RecordSet>(followUps.error());
                    if (records.ok()) {
                        applyConnectionExpectations(*inv, o.router, records.value());
                        storeAnswer(o, w, part.commands, records.value(), fetchedAt);
                    }
                    it = parsed.insert(key, std::move(records));
                }
                if (it->ok())
                    part.records = access.filterRecords(*inv, w.client, o.router, w.params, it->value());
                else
                    part.error = namingRouter(o.router, errorFor(w.client, o.router, it->error()));
            }
            parts.push_back(std::move(p));
        }
        results.push(std::move(parts));
    }

    // An error found while reading a router's answer quotes what the router said: a parse error
    // the line it could not read, a follow-up round the sessions it found. Those may be another
    // customer's (a session, a route, an interface), so an external client learns only that the
    // answer could not be used, with the same code; internal operators get the precise sentence.
    static Error errorFor(const ClientIdentity &client, const QString &router, const Error &e)
    {
        if (client.role != Role::External || !e.isError())
            return e;
        return Error(e.code, e.code == ErrorCode::ParseError
                                 ? QStringLiteral("The answer of router %1 could not be read; the line it stopped at is shown "
                                                  "to internal operators only. Ask your provider to look at it.")
                                       .arg(router)
                                 : QStringLiteral("RouterLens could not use the answer of router %1 (%2); the details are shown "
                                                  "to internal operators only. Ask your provider to look at it.")
                                       .arg(router, e.codeName()));
    }

    // The outputs one waiter's parse reads: the first round, then its own follow-ups (the job
    // ran the follow-ups of every waiter). Returns those follow-up commands.
    static Result<QStringList> outputsFor(const Translator &translator, const Waiter &w, const JobOutcome &o,
                                          QList<CommandOutput> &outputs)
    {
        outputs = o.outputs.mid(0, o.firstRoundCount);
        Result<QStringList> more = translator.followUpCommands(w.kind, w.params, outputs);
        if (!more.ok())
            return more;
        for (const QString &command : more.value()) {
            const auto found = std::find_if(o.outputs.cbegin() + o.firstRoundCount, o.outputs.cend(),
                                            [&](const CommandOutput &out) { return out.command == command; });
            if (found == o.outputs.cend())
                return Error(ErrorCode::InternalError,
                             QStringLiteral("The second round of commands on %1 did not include \"%2\"; run the query again.")
                                 .arg(o.router, command));
            outputs.append(*found);
        }
        return more;
    }

    QStringList followUpCommands(const QString &router, const QList<Waiter> &waiters,
                                 const QList<CommandOutput> &firstRound) override
    {
        const auto inv = inventorySnapshot();
        const Translator *translator = translatorFor(*inv, router);
        if (!translator)
            return {};
        QStringList all;
        QSet<QString> asked;
        for (const Waiter &w : waiters) {
            if (asked.contains(queryKindName(w.kind) + QLatin1Char('|') + w.params.canonical()))
                continue;
            asked.insert(queryKindName(w.kind) + QLatin1Char('|') + w.params.canonical());
            // An error (no such neighbor, ...) is found again, and reported, when this waiter's answer is parsed.
            const Result<QStringList> more = translator->followUpCommands(w.kind, w.params, firstRound);
            if (!more.ok())
                continue;
            for (const QString &c : more.value()) {
                if (!all.contains(c))
                    all.append(c);
            }
        }
        return all;
    }

    void storeAnswer(const JobOutcome &o, const Waiter &w, const QStringList &commands, const RecordSet &records,
                     const QDateTime &fetchedAt)
    {
        StoredAnswer a;
        a.router = o.router;
        a.kind = w.kind;
        a.params = w.params;
        a.fetchedAt = fetchedAt;
        a.expiresAt = fetchedAt.addSecs(settings.cacheTtlFor(w.kind));
        a.records = records;
        a.commands = commands;
        a.latencyMs = o.latencyMs;
        // A store that could not keep it says so itself (warnings, storeWarning, the log).
        store->put(a);
    }

    void waiterFailed(const Waiter &w, const Error &error) override
    {
        FinishedPart p;
        p.requestId = w.requestId;
        p.tag = w.tag;
        p.priority = w.priority;
        p.result.router = w.router;
        p.result.records = RecordSet(w.kind);
        p.result.error = namingRouter(w.router, error);
        p.result.fetchedAt = QDateTime::currentDateTimeUtc();
        results.push(std::move(p));
    }

    // ---- service thread ----

    // Parts taken from the results queue, not yet signalled (see deliver).
    std::deque<FinishedPart> undelivered;
    bool deliverPosted = false;

    void deliver()
    {
        // The front end updates itself on every signal: a 500-router burst in one go would
        // hold its event loop for tens of milliseconds. Deliver for a short slice, then let
        // the loop breathe (paint, input, timers) and go on.
        constexpr qint64 SliceNs = 5'000'000;
        deliverPosted = false;
        for (FinishedPart &p : results.takeAll())
            undelivered.push_back(std::move(p));
        QElapsedTimer slice;
        slice.start();
        while (!undelivered.empty()) {
            if (slice.nsecsElapsed() > SliceNs) {
                if (!deliverPosted) {
                    deliverPosted = true;
                    QMetaObject::invokeMethod(q, [this] { deliver(); }, Qt::QueuedConnection);
                }
                return;
            }
            FinishedPart p = std::move(undelivered.front());
            undelivered.pop_front();
            const QString requestId = p.requestId;
            const RouterResult part = p.result; // keep a copy: the aggregator takes the value
            std::optional<Response> complete;
            if (!aggregator.add(requestId, int(p.tag), std::move(p.result), &complete))
                continue; // cancelled or already answered
            if (!part.fromCache())
                noteStatus(part);
            Q_EMIT q->partReady(requestId, part);
            const auto [done, total] = complete ? std::pair<int, int>(int(complete->results.size()), int(complete->results.size()))
                                                : aggregator.progress(requestId);
            Q_EMIT q->progress(requestId, done, total);
            if (complete) {
                {
                    QMutexLocker lock(&ticketMutex);
                    tickets.remove(requestId);
                }
                Q_EMIT q->responseReady(*complete);
            }
        }
    }

    void noteStatus(const RouterResult &part)
    {
        const auto status = statusFor(part.error);
        if (!status)
            return;
        {
            QMutexLocker lock(&statusMutex);
            RouterStatus &s = statuses[part.router];
            if (s == *status)
                return;
            s = *status;
        }
        Q_EMIT q->routerStatusChanged(part.router, *status);
        if (part.error.code == ErrorCode::HostKeyUnknown)
            Q_EMIT q->hostKeyUnknown(part.router, QString(), part.error.detail);
    }

    // Answers a whole request at once (refused before reaching any router), after submit returned.
    void answerNow(const Request &r, const Error &error)
    {
        Response resp;
        resp.requestId = r.id;
        resp.kind = r.kind;
        resp.params = r.params;
        resp.error = error;
        resp.completedAt = QDateTime::currentDateTimeUtc();
        EventLog::instance().info(LogSource, QStringLiteral("Request %1 refused: %2").arg(r.id, error.toString()));
        QMetaObject::invokeMethod(q, [q = q, resp] { Q_EMIT q->responseReady(resp); }, Qt::QueuedConnection);
    }

    void emitMetrics()
    {
        EngineMetrics m = scheduler->metrics();
        m.cacheHits = cacheHits.load();
        // A sum of the counters would not change when a request moves from in flight to
        // completed; compare them one by one. While anything is listed, send every tick (the
        // waiting times move), and send once more when the last entry leaves, so that a view
        // never keeps showing finished work.
        const std::array<qint64, 7> stamp{m.completed, m.failed, m.rejected, m.cacheHits, m.queued, m.inFlight, m.heldBack};
        const QList<ActivityEntry> entries = scheduler->activity();
        const bool busy = m.queued > 0 || m.inFlight > 0 || m.heldBack > 0 || !entries.isEmpty();
        if (stamp == lastMetricsStamp && !busy && !lastBusy)
            return;
        lastMetricsStamp = stamp;
        lastBusy = busy;
        Q_EMIT q->metricsChanged(m);
        Q_EMIT q->activityChanged(entries);
    }
};

RouterDataService::RouterDataService(const EngineSettings &settings, QObject *parent)
    : RouterDataService(settings, Backends{}, parent)
{
}

RouterDataService::RouterDataService(const EngineSettings &settings, Backends backends, QObject *parent)
    : QObject(parent), d(std::make_unique<RouterDataServicePrivate>())
{
    registerMetaTypes();
    d->q = this;
    d->settings = settings;
    d->clock = backends.clock ? backends.clock : std::make_shared<SteadyClock>();
    d->translators = backends.translators ? backends.translators
                                          : std::function<const Translator *(const QString &)>(&TranslatorRegistry::find);
    d->store = backends.store;
    if (!d->store) {
#ifdef RL_HAVE_SQLITE_STORE
        QString path = settings.storePath;
        if (path == QLatin1String(":memory:")) {
            // SQLite's :memory: is one database per connection, and the store opens one
            // connection per thread: keep such answers in our own memory store instead.
            d->store = std::make_shared<MemoryResultStore>();
        } else if (path.isEmpty()) {
            const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
            QDir().mkpath(dir);
            path = dir + QStringLiteral("/results.sqlite");
        }
        if (!d->store)
            d->store = std::make_shared<SqliteResultStore>(path);
#else
        d->store = std::make_shared<MemoryResultStore>();
#endif
    }
    if (const Error e = d->store->open()) {
        d->storeError = e;
        d->storeWarnings += d->store->warnings(); // e.g. a damaged store moved aside before the new one failed
        d->storeWarnings << QStringLiteral("%1 Answers are kept in memory only until RouterLens ends.").arg(e.message);
        EventLog::instance().warning(StoreLogSource, d->storeWarnings.last());
        d->store = std::make_shared<MemoryResultStore>();
        d->store->open();
    }
    // Warnings found while working (a damaged store moved aside, a damaged answer skipped) reach
    // the front ends as a signal, queued to this object's thread.
    d->store->setWarningHandler([this](const QString &warning) {
        QMetaObject::invokeMethod(this, [this, warning] { Q_EMIT storeWarning(warning); }, Qt::QueuedConnection);
    });
    if (settings.historyRetentionDays > 0)
        d->store->prune(QDateTime::currentDateTimeUtc().addDays(-settings.historyRetentionDays));

    d->transports = backends.transports;
#ifdef RL_HAVE_DEFAULT_TRANSPORTS
    if (!d->transports) {
        RouterDataServicePrivate *dp = d.get();
        d->transports = std::make_shared<DefaultTransportFactory>(
            [dp](const QString &name) -> std::optional<CredentialProfile> {
                const auto inv = dp->inventorySnapshot();
                if (const CredentialProfile *p = inv->credentialProfile(name))
                    return *p;
                return std::nullopt;
            },
            std::make_shared<SecretResolver>());
    }
#endif

    d->lookups.setMaxThreadCount(2);
    d->results.setWake([this] {
        QMetaObject::invokeMethod(this, [this] { d->deliver(); }, Qt::QueuedConnection);
    });
    RouterDataServicePrivate *dp = d.get();
    d->scheduler = std::make_unique<Scheduler>(schedulerConfig(settings),
                                               [dp](const QString &router) { return dp->createTransport(router); },
                                               d.get(), d->clock);
    d->scheduler->start();

    d->metricsTimer.setInterval(250);
    connect(&d->metricsTimer, &QTimer::timeout, this, [this] { d->emitMetrics(); });
    d->metricsTimer.start();
}

RouterDataService::~RouterDataService()
{
    // The store may outlive this object (an injected one): no warning may reach it from here on.
    d->store->setWarningHandler({});
    d->metricsTimer.stop();
    d->lookups.waitForDone();
    d->scheduler->stop();
}

Error RouterDataService::loadInventory(const QString &path)
{
    Result<Inventory> inv = Inventory::loadFile(path);
    if (!inv.ok()) {
        EventLog::instance().warning(LogSource, inv.error().toString());
        return inv.error();
    }
    setInventory(inv.value());
    EventLog::instance().info(LogSource, QStringLiteral("Inventory %1: %2 routers").arg(path).arg(inv->routers().size()));
    return {};
}

void RouterDataService::setInventory(const Inventory &inventory)
{
    {
        QMutexLocker lock(&d->stateMutex);
        d->inventory = std::make_shared<const Inventory>(inventory);
    }
    // Sessions belong to the old inventory's routers (addresses, credentials may differ).
    d->scheduler->closeIdleSessions();
}

void RouterDataService::useDemoLab()
{
    Result<DemoScenario> scenario = DemoScenario::load();
    if (!scenario.ok()) {
        EventLog::instance().error(LogSource, scenario.error().toString());
        return;
    }
    {
        QMutexLocker lock(&d->stateMutex);
        d->transports = std::make_shared<DemoTransportFactory>(scenario.value());
    }
    setInventory(scenario->inventory());
    EventLog::instance().info(LogSource, QStringLiteral("Using the built-in demo lab (%1 routers).").arg(scenario->routers.size()));
}

const Inventory &RouterDataService::inventory() const
{
    // The service thread is the only one replacing the snapshot, so the reference stays valid
    // until the next setInventory.
    QMutexLocker lock(&d->stateMutex);
    return *d->inventory;
}

QList<Connection> RouterDataService::visibleConnections(const ClientIdentity &client) const
{
    return d->access.visibleConnections(*d->inventorySnapshot(), client);
}

QStringList RouterDataService::visibleRouters(const ClientIdentity &client) const
{
    return d->access.visibleRouters(*d->inventorySnapshot(), client);
}

QString RouterDataService::submit(Request request)
{
    if (request.id.isEmpty())
        request.id = QStringLiteral("req-%1").arg(d->nextRequest++);
    if (const Error e = RequestValidator::validate(request)) {
        d->answerNow(request, e);
        return request.id;
    }
    {
        QMutexLocker lock(&d->ticketMutex);
        if (d->tickets.contains(request.id) || d->aggregator.contains(request.id)) {
            d->answerNow(request, Error(ErrorCode::InvalidRequest,
                                        QStringLiteral("A request with id \"%1\" is still running; use another id.").arg(request.id)));
            return request.id;
        }
    }
    request.routers.removeDuplicates();
    const auto inv = d->inventorySnapshot();
    // Access before existence: an external client learns nothing about routers that are not
    // its own, not even whether they exist (it gets `forbidden` for both). Internal clients
    // get the precise unknown-router.
    if (const Error e = d->access.check(*inv, request)) {
        d->answerNow(request, e);
        return request.id;
    }
    QStringList unknown;
    for (const QString &r : std::as_const(request.routers)) {
        if (!inv->contains(r))
            unknown << r;
    }
    if (!unknown.isEmpty()) {
        d->answerNow(request, Error(ErrorCode::UnknownRouter,
                                    QStringLiteral("Not in the inventory: %1. Check the name or load the inventory that has it.")
                                        .arg(unknown.join(QStringLiteral(", ")))));
        return request.id;
    }

    d->aggregator.begin(request.id, request.kind, request.params, request.routers);
    {
        QMutexLocker lock(&d->ticketMutex);
        d->tickets.insert(request.id, {});
    }
    const double priority = d->partPriority(request);
    std::vector<FinishedPart> immediate;
    QList<WorkItem> work;
    for (int i = 0; i < request.routers.size(); ++i) {
        const QString &name = request.routers.at(i);
        const Router *router = inv->router(name);
        const Translator *t = d->translators(router->platform);
        FinishedPart fail;
        fail.requestId = request.id;
        fail.tag = quint64(i);
        fail.priority = priority;
        fail.result.router = name;
        fail.result.records = RecordSet(request.kind);
        fail.result.fetchedAt = QDateTime::currentDateTimeUtc();
        if (!t) {
            fail.result.error = Error(ErrorCode::UnsupportedQuery,
                                      QStringLiteral("Router %1 runs platform \"%2\", which RouterLens has no translator for.")
                                          .arg(name, router->platform));
            immediate.push_back(std::move(fail));
            continue;
        }
        Result<QStringList> commands = t->commands(request.kind, request.params);
        if (!commands.ok()) {
            fail.result.error = namingRouter(name, commands.error());
            immediate.push_back(std::move(fail));
            continue;
        }
        WorkItem item;
        item.requestId = request.id;
        item.router = name;
        item.client = request.client;
        item.kind = request.kind;
        item.urgency = request.urgency;
        item.params = request.params;
        item.commands = std::move(commands).value();
        item.followUps = t->hasFollowUps(request.kind);
        item.maxOutputBytes = router->maxOutputBytes;
        item.timeoutMs = d->settings.requestTimeoutMs;
        item.tag = quint64(i);
        work.append(std::move(item));
    }
    d->results.push(std::move(immediate));

    if (request.maxAgeSeconds > 0 && !work.isEmpty()) {
        // Store reads may be slow (large tables): look up off this thread, then queue the misses.
        RouterDataServicePrivate *dp = d.get();
        const qint64 maxAge = request.maxAgeSeconds;
        d->lookups.start([dp, work, maxAge, priority, client = request.client, kind = request.kind] {
            const auto inv = dp->inventorySnapshot();
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (const WorkItem &item : work) {
                std::optional<StoredAnswer> hit = dp->store->fresh(item.router, item.kind, item.params,
                                                                   now.addSecs(-maxAge), now);
                if (hit) {
                    ++dp->cacheHits;
                    FinishedPart p;
                    p.requestId = item.requestId;
                    p.tag = item.tag;
                    p.priority = priority;
                    p.result.router = item.router;
                    p.result.records = dp->access.filterRecords(*inv, client, item.router, item.params, hit->records);
                    p.result.fetchedAt = hit->fetchedAt;
                    p.result.source = AnswerSource::Store;
                    p.result.latencyMs = hit->latencyMs;
                    p.result.commands = hit->commands;
                    dp->results.push(std::move(p));
                    continue;
                }
                QMutexLocker lock(&dp->ticketMutex);
                auto it = dp->tickets.find(item.requestId);
                if (it == dp->tickets.end())
                    return; // cancelled meanwhile
                it->append(dp->scheduler->submit(item));
            }
            Q_UNUSED(kind);
        });
        return request.id;
    }
    QList<quint64> ids;
    ids.reserve(work.size());
    for (WorkItem &item : work)
        ids.append(d->scheduler->submit(std::move(item)));
    if (!ids.isEmpty()) {
        QMutexLocker lock(&d->ticketMutex);
        auto it = d->tickets.find(request.id);
        if (it != d->tickets.end())
            *it += ids;
    }
    return request.id;
}

void RouterDataService::cancel(const QString &requestId)
{
    QList<quint64> ids;
    {
        QMutexLocker lock(&d->ticketMutex);
        auto it = d->tickets.find(requestId);
        if (it == d->tickets.end())
            return;
        ids = *it;
        d->tickets.erase(it);
    }
    for (quint64 t : ids)
        d->scheduler->cancel(t, false);
    const QList<int> open = d->aggregator.openParts(requestId);
    std::optional<Response> resp = d->aggregator.finish(requestId, Error(ErrorCode::Cancelled, QStringLiteral("The request was cancelled.")));
    if (!resp)
        return;
    EventLog::instance().info(LogSource, QStringLiteral("Request %1 cancelled.").arg(requestId));
    // Signals after the caller's stack unwinds, like every other answer.
    QMetaObject::invokeMethod(this, [this, open, r = *resp] {
        for (int i : open)
            Q_EMIT partReady(r.requestId, r.results.at(i));
        Q_EMIT progress(r.requestId, int(r.results.size()), int(r.results.size()));
        Q_EMIT responseReady(r);
    }, Qt::QueuedConnection);
}

void RouterDataService::cancelAll()
{
    QStringList ids;
    {
        QMutexLocker lock(&d->ticketMutex);
        ids = d->tickets.keys();
    }
    for (const QString &id : ids)
        cancel(id);
}

EngineSettings RouterDataService::settings() const
{
    return d->settings;
}

Error RouterDataService::applySettings(const ClientIdentity &who, const EngineSettings &settings)
{
    if (!(settings.throttle == d->settings.throttle) && !d->access.mayChangeThrottlePolicies(who))
        return Error(ErrorCode::Forbidden, QStringLiteral("Only an administrator may change throttle limits."));
    d->settings = settings;
    d->scheduler->applyConfig(schedulerConfig(settings));
    EventLog::instance().info(LogSource, QStringLiteral("Engine settings changed by %1.").arg(who.id));
    return {};
}

QList<StoredAnswerInfo> RouterDataService::history(const ClientIdentity &client, const QString &router, QueryKind kind,
                                                   const QueryParams &params, int limit) const
{
    if (client.role != Role::External)
        return d->store->history(router, kind, params, limit);
    // The store holds what every client asked; an external client sees only the history it
    // could ask for now, with each answer's row count as it would see the answer.
    const auto inv = d->inventorySnapshot();
    Request probe;
    probe.client = client;
    probe.routers = {router};
    probe.kind = kind;
    probe.params = params;
    if (RequestValidator::validate(probe) || d->access.check(*inv, probe))
        return {};
    QList<StoredAnswerInfo> infos = d->store->history(router, kind, params, limit);
    for (StoredAnswerInfo &info : infos) {
        const std::optional<StoredAnswer> a = d->store->load(info.id);
        info.recordCount = a ? d->access.filterRecords(*inv, client, router, params, a->records).size() : 0;
    }
    return infos;
}

std::optional<StoredAnswer> RouterDataService::storedAnswer(const ClientIdentity &client, qint64 id) const
{
    std::optional<StoredAnswer> a = d->store->load(id);
    if (!a || client.role != Role::External)
        return a;
    // Stored answers are looked up by id: an external client gets only one it could have asked
    // for (its router, kind and parameters), filtered as a live answer would be.
    const auto inv = d->inventorySnapshot();
    Request probe;
    probe.client = client;
    probe.routers = {a->router};
    probe.kind = a->kind;
    probe.params = a->params;
    if (RequestValidator::validate(probe) || d->access.check(*inv, probe))
        return std::nullopt;
    a->records = d->access.filterRecords(*inv, client, a->router, a->params, a->records);
    return a;
}

QStringList RouterDataService::storeWarnings() const
{
    return d->storeWarnings + d->store->warnings();
}

Error RouterDataService::storeError() const
{
    return d->storeError;
}

EngineMetrics RouterDataService::metrics() const
{
    EngineMetrics m = d->scheduler->metrics();
    m.cacheHits = d->cacheHits.load();
    return m;
}

QList<ActivityEntry> RouterDataService::activity() const
{
    return d->scheduler->activity();
}

RouterStatus RouterDataService::routerStatus(const QString &router) const
{
    QMutexLocker lock(&d->statusMutex);
    return d->statuses.value(router, RouterStatus::Unknown);
}

void RouterDataService::setPaused(bool paused)
{
    d->scheduler->setPaused(paused);
}

void RouterDataService::pokeScheduler()
{
    d->scheduler->poke();
}

void RouterDataService::acceptHostKey(const QString &router, const QString &fingerprintSha256)
{
#ifdef RL_HAVE_DEFAULT_TRANSPORTS
    const auto inv = d->inventorySnapshot();
    const Router *r = inv->router(router);
    if (!r || r->transport != TransportKind::Ssh)
        return;
    const Router copy = *r;
    const int timeout = d->settings.connectTimeoutMs;
    QPointer<RouterDataService> self(this);
    d->lookups.start([copy, fingerprintSha256, timeout] {
        const Error e = SshTransport::acceptHostKey(copy, fingerprintSha256, timeout);
        if (e)
            EventLog::instance().warning(LogSource, QStringLiteral("Host key of %1 not accepted: %2").arg(copy.name, e.toString()));
        else
            EventLog::instance().info(LogSource, QStringLiteral("Host key %1 of %2 accepted.").arg(fingerprintSha256, copy.name));
    });
#else
    Q_UNUSED(router);
    Q_UNUSED(fingerprintSha256);
#endif
}

RouterResult RouterDataService::parseOffline(const QString &platform, QueryKind kind, const QByteArray &text, AnswerSource source)
{
    RouterResult part;
    part.source = source;
    const auto parsed = OfflineParser::parse(platform, kind, text);
    if (parsed.ok()) {
        part.records = parsed->records;
        part.commands = {parsed->command};
    } else {
        part.records = RecordSet(kind);
        part.error = parsed.error();
    }
    return part;
}

QStringList RouterDataService::platforms()
{
    return TranslatorRegistry::platforms();
}

} // namespace rl
