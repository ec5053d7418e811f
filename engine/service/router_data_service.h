#pragma once

#include "engine/api/error.h"
#include "engine/api/request.h"
#include "engine/api/usage.h"
#include "engine/inventory/inventory.h"
#include "engine/scheduling/clock.h"
#include "engine/scheduling/scheduling_types.h"
#include "engine/scheduling/throttle_state_store.h"
#include "engine/scheduling/work_exchange.h"
#include "engine/service/engine_settings.h"
#include "engine/storage/result_store.h"
#include "engine/transport/transport.h"
#include "engine/vendors/translator.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace rl {

class RemoteEngine;
class RouterDataServicePrivate;

enum class RouterStatus : quint8 { Unknown, Reachable, Unreachable, AuthFailed, HostKeyProblem, Throttled };
QString routerStatusName(RouterStatus s);

// The one facade every front end talks to (GUI, CLI, HTTP API). Lives in the thread that
// creates it; the queues, workers and store run off that thread. Signals carry values.
//
// Every submitted request ends in exactly one responseReady, whatever happens: invalid,
// forbidden, throttled, cancelled, timed out, or answered (per router, an error where that
// router failed).
class RouterDataService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RouterDataService)

public:
    // Injectable backends (tests, benchmarks, the demo lab). Null members get the defaults:
    // the real transports (SSH, HTTP) and an SQLite store at settings.storePath.
    struct Backends {
        std::shared_ptr<TransportFactory> transports;
        std::shared_ptr<ResultStore> store;
        // The translator of a platform, or null; default TranslatorRegistry::find. Called from
        // worker threads: it must be thread-safe and the translators must outlive the service.
        std::function<const Translator *(const QString &platform)> translators;
        std::shared_ptr<Clock> clock; // default: the steady clock (tests drive a manual one)
        // Team mode (engine/team, PostgreSQL): throttle counters and work shared with other
        // processes. Default: this process's own counters, and no sharing.
        std::shared_ptr<ThrottleStateStore> throttleState;
        std::shared_ptr<WorkExchange> workExchange;
    };

    explicit RouterDataService(const EngineSettings &settings, QObject *parent = nullptr);
    RouterDataService(const EngineSettings &settings, Backends backends, QObject *parent = nullptr);
    ~RouterDataService() override; // cancels what is pending and joins the workers

    // Inventory
    // Reads an inventory file (format as Inventory::loadFile: "json", "nornir", "ansible",
    // "csv", or empty: by extension) and, when it loads, replaces the inventory with it and
    // leaves the demo lab. A file that does not load changes nothing.
    Error loadInventory(const QString &path, const QString &format = {});
    // What loadInventory does once the file is read: for a front end that reads the file on a
    // thread of its own (Inventory::loadFile) and hands what it read over on this one.
    Error useInventoryFile(const Result<Inventory> &read, const QString &path);
    // Replaces the inventory, also while work runs: work queued or in flight for a router that
    // is gone ends with unknown-router, for one whose entry changed (address, platform,
    // credentials, limits) with inventory-error; work for the others goes on. Emits inventoryChanged.
    void setInventory(const Inventory &inventory);
    // The built-in demo lab: its inventory, and a transport that serves recorded router output.
    void useDemoLab();
    bool usesDemoLab() const;
    const Inventory &inventory() const;
    QStringList visibleRouters(const ClientIdentity &client) const;
    QList<Connection> visibleConnections(const ClientIdentity &client) const;

    // Remote mode (`routerlens --server`): requests go to a routerlens-serve instead of this
    // process's engine, as the client its token names; the inventory is what that client may
    // see there (visibleRouters and visibleConnections give it whoever asks), and files and the
    // demo lab are not opened. The service takes `remote` as its child; null: none.
    void useRemote(RemoteEngine *remote);
    RemoteEngine *remote() const;

    // Requests
    QString submit(Request request); // returns the request id (assigned when empty)
    void cancel(const QString &requestId);
    void cancelAll();

    // Settings (throttle policies need an admin; everything else any local operator)
    EngineSettings settings() const;
    Error applySettings(const ClientIdentity &who, const EngineSettings &settings);

    // History, for the client asking: an external client gets only the history of what it may
    // ask now (else nothing), each answer filtered as a live one would be (row counts included);
    // storedAnswer gives nothing for an answer it could not have asked for.
    QList<StoredAnswerInfo> history(const ClientIdentity &client, const QString &router, QueryKind kind,
                                    const QueryParams &params, int limit = 100) const;
    std::optional<StoredAnswer> storedAnswer(const ClientIdentity &client, qint64 id) const;
    // What a person should know about the result store: at open (a damaged store moved aside,
    // a file that is not a store refused) and since (storeWarning).
    QStringList storeWarnings() const;
    // Why the configured store could not be opened (answers are then kept in memory); none when it was.
    Error storeError() const;

    // Offline reading of output a person saved or pasted (no router is asked): the paste box
    // and the CLI's parse verb. The part says where its text came from (source: Pasted or File),
    // names the command the text was taken for in `commands`, and is parse-error when the text
    // is in no form the platform's translator knows. The router name is the caller's to set.
    static RouterResult parseOffline(const QString &platform, QueryKind kind, const QByteArray &text, AnswerSource source);
    // The platforms RouterLens has a translator for.
    static QStringList platforms();

    // Live state
    EngineMetrics metrics() const;
    QList<ActivityEntry> activity() const;

    // Usage per client, router and hour (requests, from the store, coalesced, throttled, errors
    // by code, latency) of every request this engine answered, whichever front end asked. Kept
    // in the result store (hourly buckets added to, so several processes on one store sum up;
    // flushed every few seconds and at the end, pruned after settings.usageRetentionDays).
    // The hours in [from, to): the store's buckets plus what is not flushed yet.
    Result<QList<UsageBucket>> usage(const QDateTime &from, const QDateTime &to) const;
    // This hour, all clients and routers summed: the store's figures as of the last flush plus
    // this process's since. Cheap (no store access): for a live display.
    UsageCounters usageThisHour() const;
    // Writes what was recorded into the store now (tests; it also happens every few seconds).
    void flushUsage();

    RouterStatus routerStatus(const QString &router) const;
    // While paused nothing new is sent to a router (queued work waits).
    void setPaused(bool paused);
    // Wakes the scheduler to look at its clock again (tests driving a manual clock).
    void pokeScheduler();

Q_SIGNALS:
    void partReady(const QString &requestId, const rl::RouterResult &part);
    void progress(const QString &requestId, int done, int total);
    void responseReady(const rl::Response &response);
    void metricsChanged(const rl::EngineMetrics &metrics);        // a few times a second at most
    void activityChanged(const QList<rl::ActivityEntry> &entries); // likewise
    void routerStatusChanged(const QString &router, rl::RouterStatus status);
    // An SSH host key not in known_hosts: the front end may ask the person and call
    // acceptHostKey(); until then the router answers host-key-unknown.
    void hostKeyUnknown(const QString &router, const QString &keyType, const QString &fingerprintSha256);
    // A store warning found while working (each also goes to the EventLog, source "store").
    void storeWarning(const QString &warning);
    // The inventory was replaced (setInventory, loadInventory, useDemoLab).
    void inventoryChanged();

public:
    void acceptHostKey(const QString &router, const QString &fingerprintSha256);

private Q_SLOTS:
    // The finished parts the workers queued (the results queue's wake, posted from their threads).
    void deliverFinishedParts();

private:
    std::unique_ptr<RouterDataServicePrivate> d;
};

} // namespace rl

Q_DECLARE_METATYPE(rl::RouterStatus)
