#pragma once

#include "engine/api/error.h"
#include "engine/api/session_profile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rl {

// What a unit of router work came to, as another process needs it: the router's outputs (each
// process parses them for its own waiters) or the error.
struct SharedOutcome {
    QStringList commands;
    QList<CommandOutput> outputs;
    Error error;
    qint64 latencyMs = 0;
};

// Work shared by several engine processes (team mode, DESIGN.md "Scale"): identical work
// (one router, one list of commands) is run by the one process holding its lease, and the
// others take its outcome instead of asking the router again. A process that dies while
// holding a lease stops renewing it; once it expires another process takes the work over.
// The scheduler asks before it runs a job; without an exchange every process runs its own.
// Thread-safe: the workers call it at once.
class WorkExchange
{
public:
    struct Claim {
        enum class Kind : quint8 {
            Run,       // the lease is ours (new work, or taken over from a holder that is gone)
            Done,      // another process finished it since we queued it: `outcome`
            Elsewhere, // another process holds a live lease: ask again after pollIntervalMs()
            Failed,    // the exchange cannot be reached: `error`
        };
        Kind kind = Kind::Run;
        qint64 generation = 0; // Run: which lease is ours (a takeover starts a new one)
        bool takenOver = false; // Run: an earlier holder's lease had expired
        SharedOutcome outcome;
        Error error;
    };

    virtual ~WorkExchange() = default;
    // `key` names the work (router and commands); `queuedAtMs` is when this process queued it
    // (UTC milliseconds): an outcome finished since then is as good as our own.
    virtual Claim claim(const QString &key, const QString &router, const QStringList &commands, qint64 queuedAtMs) = 0;
    // The work we held is done: its outcome for the others; the lease ends.
    virtual void finish(const QString &key, qint64 generation, const SharedOutcome &outcome) = 0;
    // We gave the work up without an outcome (cancelled): the next claimant runs it.
    virtual void abandon(const QString &key, qint64 generation) = 0;
    virtual int pollIntervalMs() const = 0;

    // A place at the router, shared by every process: at most `limit` units of work run at one
    // router at a time, whichever processes queued them (the per-router limit). Processes
    // waiting for a place are served by their work's score (higher first), then by when it was
    // queued, as if the router had one queue. `ticket` names this waiting work in this process.
    struct Slot {
        enum class Kind : quint8 {
            Granted, // `slot` is ours until released (renewed with the leases)
            Busy,    // every place is taken, or better work waits: ask again after pollIntervalMs()
            Failed,  // the exchange cannot be reached: `error`
        };
        Kind kind = Kind::Busy;
        int slot = -1;
        Error error;
    };
    virtual Slot takeRouterSlot(const QString &router, int limit, double score, qint64 queuedAtMs, quint64 ticket) = 0;
    // This work no longer waits for a place (cancelled).
    virtual void leaveRouterQueue(const QString &router, quint64 ticket) = 0;
    virtual void releaseRouterSlot(const QString &router, int slot, quint64 ticket) = 0;
};

} // namespace rl
