#pragma once

#include "engine/api/query_kind.h"
#include "engine/scheduling/scheduling_types.h"
#include "engine/transport/transport.h"

#include <QHash>
#include <QSettings>
#include <QString>

namespace rl {

// Everything a user may want to tune. Typed keys over one QSettings store; enums are stored
// by name. Defaults are what a single operator's desktop needs.
struct EngineSettings {
    ThrottlePolicy throttle;
    PriorityScheme priority;
    int maxInFlightPerRouter = 1;
    int maxInFlightTotal = 32;
    int connectTimeoutMs = 10000;
    int commandTimeoutMs = 30000;
    int idleTimeoutMs = 300000;       // close a router's session after this long unused
    int requestTimeoutMs = 60000;     // a request's whole life, queueing included
    int workerNiceness = 5;           // engine threads run this many nice steps below the window
    int diagnosisSecondReadMs = 3000; // a diagnosis reads counters twice this far apart (errors rising?)
    qint64 maxOutputBytes = DefaultMaxOutputBytes; // per command; a router's own limit in the inventory wins
    QHash<QueryKind, int> cacheTtlSeconds; // how long an answer stays fresh, per kind
    int historyRetentionDays = 30;
    int usageRetentionDays = 90;      // hourly usage figures in the store (0: keep all)
    int usageFlushSeconds = 5;        // usage figures go into the store this often (and at the end)
    QString storePath;                // empty: the user's data folder
    QString operatorRole = QStringLiteral("internal");
    QString operatorCustomer;         // role external: the customer this operator works for
    // Periodic health collection (HealthCollector), each "KIND:SECONDS[:ROUTER,...]"; none by default.
    QStringList healthSchedules;
    // Record an SSH host key never seen before instead of refusing it (a changed key is always
    // refused). Set per run (routerlens-cli --accept-new-host-keys), never loaded or saved:
    // trusting on first use must be asked for each time.
    bool acceptNewHostKeys = false;
    // The OpenSSH client config SSH sessions read (Host, HostName, User, Port, IdentityFile,
    // ProxyJump, ...): empty means ~/.ssh/config, "none" reads none. The inventory always wins.
    QString sshConfigFile;
    QString sshConfigPath() const; // the file to read, or empty for none

    static EngineSettings defaults();
    static EngineSettings load(QSettings &settings);
    void save(QSettings &settings) const;
    int cacheTtlFor(QueryKind kind) const;
};

} // namespace rl
