#include "engine/service/router_data_service.h"

#include "engine/service/answer_stage.h"
#include "engine/service/remote_engine.h"
#include "engine/service/usage_meter.h"
#include "engine/vendors/offline_parser.h"

#include "engine/access/access_policy.h"
#include "engine/api/event_log.h"
#include "engine/api/request_validator.h"
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
#include <limits>
#include <atomic>
#include <utility>

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

bool sameCredentials(const Inventory &before, const Inventory &after, const QString &profile)
{
    const CredentialProfile *a = before.credentialProfile(profile);
    const CredentialProfile *b = after.credentialProfile(profile);
    return (!a && !b) || (a && b && *a == *b);
}

// Why work planned for `router` under `before` cannot go on under `after` (the router is gone,
// or its address, platform, credentials or limits changed), or no error.
Error routerChange(const Inventory &before, const Inventory &after, const QString &router)
{
    const Router *was = before.router(router);
    const Router *now = after.router(router);
    if (!was || !now)
        return now ? Error{}
                   : Error(ErrorCode::UnknownRouter,
                           QStringLiteral("Router %1 was removed from the inventory while this request waited.").arg(router));
    if (*was == *now && sameCredentials(before, after, now->credentials))
        return {};
    return Error(ErrorCode::InventoryError,
                 QStringLiteral("Router %1 changed in the inventory (address, platform, credentials or limits) while this "
                                "request waited; run the query again.")
                     .arg(router));
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
    std::shared_ptr<TransportFactory> ownTransports; // the real (or injected) ones, kept while the demo lab runs
#ifdef RL_HAVE_DEFAULT_TRANSPORTS
    std::shared_ptr<DefaultTransportFactory> defaultTransports; // when ownTransports are the production ones
#endif
    bool demoLab = false;
    QPointer<RemoteEngine> remote; // remote mode: requests go to a routerlens-serve

    ResultsQueue results;
    std::unique_ptr<AnswerStage> answers; // parse, expectations, store, filter: on the worker threads
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

    // Usage (per client, router and hour). Recorded on the service thread as answers pass
    // (deliver, cancel, answerNow) into `usage`; every settings.usageFlushSeconds what it holds
    // is added to the store on a look-up thread (not per answer), and at the end synchronously.
    UsageMeter usage;                        // service thread: not yet handed to a flush
    QHash<QString, QString> requestClients;  // open requests -> client id (service thread)
    QTimer usageTimer;
    QMutex usageMutex;                       // guards the members below and orders flushes
    UsageMeter unflushed;                    // handed to a flush, not yet in the store (or the store failed)
    UsageCounters storedThisHour;            // the store's figures for storedHour, all clients and processes
    qint64 storedHour = -1;                  // hours since the epoch; -1: not read
    qint64 prunedHour = -1;
    bool usageWarned = false;
    std::atomic<bool> summaryWanted = false; // someone shows this hour's summary: read the store back
    bool summaryFlushPosted = false;         // service thread

    // Service thread: hands what was recorded to a flush, on a look-up thread or (wait) here.
    // It goes into `unflushed` at once, so that a reader never misses a batch on its way.
    void flushUsage(bool wait)
    {
        summaryFlushPosted = false;
        const QList<UsageBucket> batch = usage.takeAll();
        const bool refresh = summaryWanted.exchange(false);
        {
            QMutexLocker lock(&usageMutex);
            for (const UsageBucket &b : batch)
                unflushed.add(b);
            if (unflushed.isEmpty() && !refresh)
                return;
        }
        const int retentionDays = settings.usageRetentionDays; // read here: settings belong to this thread
        if (wait)
            writeUsage(refresh, retentionDays);
        else
            lookups.start([this, refresh, retentionDays] { writeUsage(refresh, retentionDays); });
    }

    // Any thread: adds what is unflushed (also what earlier flushes could not write) to the store.
    void writeUsage(bool refreshSummary, int retentionDays)
    {
        QMutexLocker lock(&usageMutex); // held throughout: readers see the rows here or in the store
        const QList<UsageBucket> rows = unflushed.takeAll();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const qint64 hour = now.toSecsSinceEpoch() / 3600;
        if (!rows.isEmpty()) {
            if (const Error e = store->addUsage(rows)) {
                for (const UsageBucket &b : rows)
                    unflushed.add(b); // tried again at the next flush (the meter keeps a week at most)
                if (!std::exchange(usageWarned, true))
                    EventLog::instance().warning(StoreLogSource, e.message + QLatin1Char(' ') + e.detail);
            } else {
                usageWarned = false;
                if (storedHour == hour) {
                    for (const UsageBucket &b : rows)
                        if (b.hour.toSecsSinceEpoch() / 3600 == hour)
                            storedThisHour.merge(b.counters);
                }
            }
        }
        if (refreshSummary || storedHour != hour) {
            const Result<QList<UsageBucket>> stored = store->usage(usageHour(now), now.addSecs(3600));
            if (stored) {
                storedThisHour = {};
                for (const UsageBucket &b : *stored)
                    storedThisHour.merge(b.counters);
                storedHour = hour;
            }
        }
        if (prunedHour != hour && retentionDays > 0) {
            prunedHour = hour;
            store->pruneUsage(now.addDays(-retentionDays));
        }
    }

    std::shared_ptr<const Inventory> inventorySnapshot() const
    {
        QMutexLocker lock(&stateMutex);
        return inventory;
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
        results.push(answers->answer(o, *inventorySnapshot()));
    }

    QStringList followUpCommands(const QString &router, const QList<Waiter> &waiters,
                                 const QList<CommandOutput> &firstRound) override
    {
        return answers->followUpCommands(*inventorySnapshot(), router, waiters, firstRound);
    }

    void waiterFailed(const Waiter &w, const Error &error) override
    {
        FinishedPart p;
        p.requestId = w.requestId;
        p.tag = w.tag;
        p.priority = w.priority;
        p.coalesced = w.coalesced;
        p.result.router = w.router;
        p.result.records = RecordSet(w.kind);
        p.result.error = errorNamingRouter(w.router, error);
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
            const bool coalesced = p.coalesced;
            std::optional<Response> complete;
            if (!aggregator.add(requestId, int(p.tag), std::move(p.result), &complete))
                continue; // cancelled or already answered
            usage.recordPart(complete ? requestClients.take(requestId) : requestClients.value(requestId), part,
                             QDateTime::currentDateTimeUtc(), coalesced);
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

    // ---- submit: validate -> plan -> answer from the store -> enqueue (service thread) ----

    // Why the request cannot run at all, or no error. Drops repeated router names.
    Error validate(Request &request, const Inventory &inv)
    {
        if (const Error e = RequestValidator::validate(request))
            return e;
        {
            QMutexLocker lock(&ticketMutex);
            if (tickets.contains(request.id) || aggregator.contains(request.id))
                return Error(ErrorCode::InvalidRequest,
                             QStringLiteral("A request with id \"%1\" is still running; use another id.").arg(request.id));
        }
        request.routers.removeDuplicates();
        // Access before existence: an external client learns nothing about routers that are not
        // its own, not even whether they exist (it gets `forbidden` for both). Internal clients
        // get the precise unknown-router.
        if (const Error e = access.check(inv, request))
            return e;
        QStringList unknown;
        for (const QString &r : std::as_const(request.routers)) {
            if (!inv.contains(r))
                unknown << r;
        }
        if (!unknown.isEmpty())
            return Error(ErrorCode::UnknownRouter,
                         QStringLiteral("Not in the inventory: %1. Check the name or load the inventory that has it.")
                             .arg(unknown.join(QStringLiteral(", "))));
        return {};
    }

    // From here on the request is open: it ends in one responseReady.
    void begin(const Request &request)
    {
        aggregator.begin(request.id, request.kind, request.params, request.routers);
        requestClients.insert(request.id, request.client.id);
        QMutexLocker lock(&ticketMutex);
        tickets.insert(request.id, {});
    }

    // What each router is asked, or why it cannot be (answered at once).
    struct Plan {
        std::vector<FinishedPart> refused;
        QList<WorkItem> work;
        double priority = 0; // the parts' delivery priority
    };
    Plan plan(const Request &request, const Inventory &inv) const
    {
        Plan plan;
        plan.priority = partPriority(request);
        for (int i = 0; i < request.routers.size(); ++i) {
            Result<WorkItem> item = planRouter(request, i, *inv.router(request.routers.at(i)));
            if (item.ok()) {
                plan.work.append(std::move(item).value());
                continue;
            }
            FinishedPart fail;
            fail.requestId = request.id;
            fail.tag = quint64(i);
            fail.priority = plan.priority;
            fail.result.router = request.routers.at(i);
            fail.result.records = RecordSet(request.kind);
            fail.result.fetchedAt = QDateTime::currentDateTimeUtc();
            fail.result.error = item.error();
            plan.refused.push_back(std::move(fail));
        }
        return plan;
    }

    // One router's part: its translator's commands, or why it has none.
    Result<WorkItem> planRouter(const Request &request, int index, const Router &router) const
    {
        const Translator *t = translators(router.platform);
        if (!t)
            return Error(ErrorCode::UnsupportedQuery,
                         QStringLiteral("Router %1 runs platform \"%2\", which RouterLens has no translator for.")
                             .arg(router.name, router.platform));
        Result<QStringList> commands = t->commands(request.kind, request.params);
        if (!commands.ok())
            return errorNamingRouter(router.name, commands.error());
        WorkItem item;
        item.requestId = request.id;
        item.router = router.name;
        item.client = request.client;
        item.kind = request.kind;
        item.urgency = request.urgency;
        item.params = request.params;
        item.commands = std::move(commands).value();
        item.followUps = t->hasFollowUps(request.kind);
        item.maxOutputBytes = router.maxOutputBytes;
        item.timeoutMs = settings.requestTimeoutMs;
        item.tag = quint64(index);
        return item;
    }

    // Store reads may be slow (large tables): look up off the service thread, then queue the misses.
    // `planned` is the inventory the work was planned with.
    void answerFromStoreThenEnqueue(QList<WorkItem> work, qint64 maxAgeSeconds, double priority,
                                    std::shared_ptr<const Inventory> planned)
    {
        lookups.start([this, work = std::move(work), maxAgeSeconds, priority, planned = std::move(planned)] {
            const auto inv = inventorySnapshot();
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (const WorkItem &item : work) {
                if (answerFromStore(*inv, item, priority, now.addSecs(-maxAgeSeconds), now))
                    continue;
                // Under the ticket lock, as setInventory swaps under it: the inventory changed
                // before this point (its work is refused here) or after (setInventory fails it).
                QMutexLocker lock(&ticketMutex);
                auto it = tickets.find(item.requestId);
                if (it == tickets.end())
                    return; // cancelled meanwhile
                if (const auto current = inventorySnapshot(); current != planned) {
                    if (const Error e = routerChange(*planned, *current, item.router)) {
                        results.push(failedPart(item, priority, e));
                        continue;
                    }
                }
                it->append(scheduler->submit(item));
            }
        });
    }

    static FinishedPart failedPart(const WorkItem &item, double priority, const Error &error)
    {
        FinishedPart p;
        p.requestId = item.requestId;
        p.tag = item.tag;
        p.priority = priority;
        p.result.router = item.router;
        p.result.records = RecordSet(item.kind);
        p.result.error = error;
        p.result.fetchedAt = QDateTime::currentDateTimeUtc();
        return p;
    }

    // A fresh enough stored answer, filtered for the client as a live one would be.
    bool answerFromStore(const Inventory &inv, const WorkItem &item, double priority, const QDateTime &notBefore,
                         const QDateTime &now)
    {
        std::optional<StoredAnswer> hit = store->fresh(item.router, item.kind, item.params, notBefore, now);
        if (!hit)
            return false;
        ++cacheHits;
        FinishedPart p;
        p.requestId = item.requestId;
        p.tag = item.tag;
        p.priority = priority;
        p.result.router = item.router;
        p.result.records = access.filterRecords(inv, item.client, item.router, item.params, hit->records);
        p.result.fetchedAt = hit->fetchedAt;
        p.result.source = AnswerSource::Store;
        p.result.latencyMs = hit->latencyMs;
        p.result.commands = hit->commands;
        results.push(std::move(p));
        return true;
    }

    void enqueue(const QString &requestId, QList<WorkItem> work)
    {
        QList<quint64> ids;
        ids.reserve(work.size());
        for (WorkItem &item : work)
            ids.append(scheduler->submit(std::move(item)));
        if (ids.isEmpty())
            return;
        QMutexLocker lock(&ticketMutex);
        auto it = tickets.find(requestId);
        if (it != tickets.end())
            *it += ids;
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
        usage.recordRefusal(r.client.id, error, resp.completedAt);
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
    if (settings.usageRetentionDays > 0)
        d->store->pruneUsage(QDateTime::currentDateTimeUtc().addDays(-settings.usageRetentionDays));
    d->prunedHour = QDateTime::currentSecsSinceEpoch() / 3600;

    d->transports = backends.transports;
#ifdef RL_HAVE_DEFAULT_TRANSPORTS
    if (!d->transports) {
        RouterDataServicePrivate *dp = d.get();
        SshSettings ssh;
        ssh.acceptNewHostKeys = settings.acceptNewHostKeys;
        ssh.sshConfigFile = settings.sshConfigPath();
        d->defaultTransports = std::make_shared<DefaultTransportFactory>(
            [dp](const QString &name) -> std::optional<CredentialProfile> {
                const auto inv = dp->inventorySnapshot();
                if (const CredentialProfile *p = inv->credentialProfile(name))
                    return *p;
                return std::nullopt;
            },
            std::make_shared<SecretResolver>(), ssh);
        d->transports = d->defaultTransports;
    }
#endif
    d->ownTransports = d->transports;

    d->answers = std::make_unique<AnswerStage>(d->store, d->translators, d->access, settings);
    d->lookups.setMaxThreadCount(2);
    d->results.setWake([this] {
        // Posted by name, not as a lambda: a functor the worker thread allocates and this thread
        // runs is ordered only by Qt's event queue, which ThreadSanitizer cannot see (Qt is not
        // instrumented), so it reported a race on the functor itself.
        QMetaObject::invokeMethod(this, "deliverFinishedParts", Qt::QueuedConnection);
    });
    RouterDataServicePrivate *dp = d.get();
    d->scheduler = std::make_unique<Scheduler>(schedulerConfig(settings),
                                               [dp](const QString &router) { return dp->createTransport(router); },
                                               d.get(), d->clock, std::unique_ptr<QueueBackend>{},
                                               backends.throttleState, backends.workExchange);
    d->scheduler->start();

    d->metricsTimer.setInterval(250);
    connect(&d->metricsTimer, &QTimer::timeout, this, [this] { d->emitMetrics(); });
    d->metricsTimer.start();
    d->usageTimer.setInterval(std::max(1, settings.usageFlushSeconds) * 1000);
    connect(&d->usageTimer, &QTimer::timeout, this, [this] { d->flushUsage(false); });
    d->usageTimer.start();
}

void RouterDataService::deliverFinishedParts()
{
    d->deliver();
}

RouterDataService::~RouterDataService()
{
    // The store may outlive this object (an injected one): no warning may reach it from here on.
    d->store->setWarningHandler({});
    d->metricsTimer.stop();
    d->usageTimer.stop();
    d->lookups.waitForDone();
    d->scheduler->stop();
    d->flushUsage(true); // what was recorded since the last flush
}

Error RouterDataService::loadInventory(const QString &path, const QString &format)
{
    return useInventoryFile(Inventory::loadFile(path, format), path);
}

Error RouterDataService::useInventoryFile(const Result<Inventory> &read, const QString &path)
{
    if (d->remote)
        return Error(ErrorCode::InvalidRequest, QStringLiteral("The routers come from the RouterLens service in use; an "
                                                               "inventory file is not opened beside it."));
    if (!read.ok()) {
        EventLog::instance().warning(LogSource, read.error().toString());
        return read.error();
    }
    const Inventory &inventory = read.value();
    bool leftDemoLab = false;
    {
        // A file names real routers: they are reached the real way, not through the demo lab.
        QMutexLocker lock(&d->stateMutex);
        leftDemoLab = std::exchange(d->demoLab, false);
        d->transports = d->ownTransports;
    }
    if (leftDemoLab)
        d->scheduler->closeIdleSessions();
    setInventory(inventory);
    EventLog::instance().info(LogSource, QStringLiteral("Inventory %1: %2 routers").arg(path).arg(inventory.routers().size()));
    for (const QString &w : inventory.warnings())
        EventLog::instance().warning(LogSource, QStringLiteral("Inventory %1: %2").arg(path, w));
    return {};
}

void RouterDataService::setInventory(const Inventory &inventory)
{
    auto next = std::make_shared<const Inventory>(inventory);
    QHash<QString, Error> changed;
    {
        // Under the ticket lock, as a store look-up queues its misses (answerFromStoreThenEnqueue).
        QMutexLocker tickets(&d->ticketMutex);
        std::shared_ptr<const Inventory> previous;
        {
            QMutexLocker lock(&d->stateMutex);
            previous = std::exchange(d->inventory, next);
        }
        // Work for routers that are gone or changed ends now with a sentence saying so (and
        // their sessions close: addresses, credentials may differ); the others go on.
        for (const Router &r : previous->routers()) {
            if (Error e = routerChange(*previous, *next, r.name))
                changed.insert(r.name, std::move(e));
        }
        d->scheduler->failRouters(changed);
    }
    QStringList reset;
    {
        QMutexLocker lock(&d->statusMutex);
        for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
            if (d->statuses.remove(it.key()) && next->contains(it.key()))
                reset << it.key();
        }
    }
    for (const QString &router : std::as_const(reset))
        Q_EMIT routerStatusChanged(router, RouterStatus::Unknown);
    if (!changed.isEmpty())
        EventLog::instance().info(LogSource, QStringLiteral("Inventory replaced: %1 router(s) removed or changed.").arg(changed.size()));
    Q_EMIT inventoryChanged();
}

bool RouterDataService::usesDemoLab() const
{
    QMutexLocker lock(&d->stateMutex);
    return d->demoLab;
}

void RouterDataService::useDemoLab()
{
    if (d->remote)
        return; // the service's routers, not the demo lab's
    Result<DemoScenario> scenario = DemoScenario::load();
    if (!scenario.ok()) {
        EventLog::instance().error(LogSource, scenario.error().toString());
        return;
    }
    {
        QMutexLocker lock(&d->stateMutex);
        d->transports = std::make_shared<DemoTransportFactory>(scenario.value());
        d->demoLab = true;
    }
    d->scheduler->closeIdleSessions(); // none may stay from the real routers
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
    if (d->remote)
        return d->remote->connections(); // the service chose them for the token
    return d->access.visibleConnections(*d->inventorySnapshot(), client);
}

QStringList RouterDataService::visibleRouters(const ClientIdentity &client) const
{
    if (d->remote)
        return d->remote->routers();
    return d->access.visibleRouters(*d->inventorySnapshot(), client);
}

QString RouterDataService::submit(Request request)
{
    if (request.id.isEmpty())
        request.id = QStringLiteral("req-%1").arg(d->nextRequest++);
    if (d->remote) {
        d->remote->submit(request);
        return request.id;
    }
    const auto inv = d->inventorySnapshot();
    if (const Error e = d->validate(request, *inv)) {
        d->answerNow(request, e);
        return request.id;
    }
    d->begin(request);
    RouterDataServicePrivate::Plan plan = d->plan(request, *inv);
    d->results.push(std::move(plan.refused));
    if (request.maxAgeSeconds > 0 && !plan.work.isEmpty())
        d->answerFromStoreThenEnqueue(std::move(plan.work), request.maxAgeSeconds, plan.priority, inv);
    else
        d->enqueue(request.id, std::move(plan.work));
    return request.id;
}

void RouterDataService::cancel(const QString &requestId)
{
    if (d->remote)
        return d->remote->cancel(requestId);
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
    const QString client = d->requestClients.take(requestId);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i : open)
        d->usage.recordPart(client, resp->results.at(i), now);
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
    if (d->remote)
        d->remote->cancelAll();
    QStringList ids;
    {
        QMutexLocker lock(&d->ticketMutex);
        ids = d->tickets.keys();
    }
    for (const QString &id : ids)
        cancel(id);
}

void RouterDataService::useRemote(RemoteEngine *remote)
{
    if (d->remote) {
        d->remote->cancelAll(); // each query it had ends (cancelled) before it goes
        d->remote->deleteLater();
    }
    d->remote = remote;
    if (!remote)
        return;
    remote->setParent(this);
    connect(remote, &RemoteEngine::partReady, this, &RouterDataService::partReady);
    connect(remote, &RemoteEngine::progress, this, &RouterDataService::progress);
    connect(remote, &RemoteEngine::responseReady, this, &RouterDataService::responseReady);
    // Whoever looks at the inventory sees the service's routers and connections for the token.
    connect(remote, &RemoteEngine::inventoryChanged, this, [this, remote] { setInventory(remote->inventory()); });
    setInventory(remote->inventory());
}

RemoteEngine *RouterDataService::remote() const
{
    return d->remote;
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
    d->answers->setSettings(settings);
    d->usageTimer.setInterval(std::max(1, settings.usageFlushSeconds) * 1000);
    d->scheduler->applyConfig(schedulerConfig(settings));
#ifdef RL_HAVE_DEFAULT_TRANSPORTS
    if (d->defaultTransports)
        d->defaultTransports->setSshConfigFile(settings.sshConfigPath());
#endif
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

Result<QList<UsageBucket>> RouterDataService::usage(const QDateTime &from, const QDateTime &to) const
{
    UsageMeter sum(std::numeric_limits<int>::max());
    {
        QMutexLocker lock(&d->usageMutex); // a flush in between would count its batch twice, or not at all
        Result<QList<UsageBucket>> stored = d->store->usage(from, to);
        if (!stored)
            return stored.error();
        for (const UsageBucket &b : *stored)
            sum.add(b);
        for (const UsageBucket &b : d->unflushed.rows(from, to))
            sum.add(b);
    }
    for (const UsageBucket &b : d->usage.rows(from, to))
        sum.add(b);
    return sum.rows(from, to);
}

UsageCounters RouterDataService::usageThisHour() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 hour = now.toSecsSinceEpoch() / 3600;
    const QDateTime start = usageHour(now), end = start.addSecs(3600);
    UsageCounters c;
    bool stale = true;
    {
        QMutexLocker lock(&d->usageMutex);
        if (d->storedHour == hour) {
            c = d->storedThisHour;
            stale = false;
        }
        for (const UsageBucket &b : d->unflushed.rows(start, end))
            c.merge(b.counters);
    }
    for (const UsageBucket &b : d->usage.rows(start, end))
        c.merge(b.counters);
    d->summaryWanted = true;
    if (stale && !d->summaryFlushPosted) {
        // Not read from the store yet this hour: soon, not at the next flush.
        d->summaryFlushPosted = true;
        RouterDataServicePrivate *dp = d.get();
        QMetaObject::invokeMethod(const_cast<RouterDataService *>(this), [dp] { dp->flushUsage(false); }, Qt::QueuedConnection);
    }
    return c;
}

void RouterDataService::flushUsage()
{
    d->flushUsage(true);
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
