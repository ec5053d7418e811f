#pragma once

#include "engine/scheduling/work_exchange.h"

#include <QHash>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace rl {

class PgDatabase;

// The work exchange of team mode, in the table rl_work: one row per unit of work (router and
// commands, keyed by their SHA-256). A claim locks the row with SELECT … FOR UPDATE SKIP
// LOCKED, so two processes never both win it and neither waits on the other's lock, and
// leases it to this process (holder id, expiry). A thread renews this process's leases every
// third of the lease time while the work runs; a process killed mid-work stops renewing, and
// once its lease has expired the next claim takes the work over (a new generation, so a late
// finish of the old holder is ignored).
// The per-router limit holds across processes the same way: a router's places are rows of
// rl_router_slot leased with SKIP LOCKED and renewed with the work; work waiting for a place
// is listed in rl_router_wait, and a place goes to the best-scored, longest-waiting work of
// any process that still asks (a waiter that stops asking for a lease time is left out).
class PgWorkExchange final : public WorkExchange
{
public:
    struct Options {
        int leaseMs = 15000;
        int pollIntervalMs = 100;
        QString holderId; // default: host:pid:random
    };

    PgWorkExchange(std::shared_ptr<PgDatabase> database, Options options);
    explicit PgWorkExchange(std::shared_ptr<PgDatabase> database) : PgWorkExchange(std::move(database), Options{}) {}
    ~PgWorkExchange() override; // stops renewing (held leases then expire)

    Claim claim(const QString &key, const QString &router, const QStringList &commands, qint64 queuedAtMs) override;
    void finish(const QString &key, qint64 generation, const SharedOutcome &outcome) override;
    void abandon(const QString &key, qint64 generation) override;
    int pollIntervalMs() const override { return m_options.pollIntervalMs; }
    Slot takeRouterSlot(const QString &router, int limit, double score, qint64 queuedAtMs, quint64 ticket) override;
    void leaveRouterQueue(const QString &router, quint64 ticket) override;
    void releaseRouterSlot(const QString &router, int slot, quint64 ticket) override;

    QString holderId() const { return m_options.holderId; }
    // What happened so far (tests, logs).
    qint64 runs() const { return m_runs.load(); }
    qint64 takeovers() const { return m_takeovers.load(); }
    qint64 sharedOutcomes() const { return m_shared.load(); }
    qint64 slotWaits() const { return m_slotWaits.load(); } // a place asked for and not (yet) given

    // Removes what no claim can need any more: outcomes and given-up work older than
    // `olderThanMs`, and waiting rows of processes that stopped asking. The renewing thread
    // calls it about once a minute; returns the rows removed.
    qint64 prune(qint64 olderThanMs);

    // The row key of a unit of work.
    static QString rowKey(const QString &key);
    static QString encodeOutcome(const SharedOutcome &outcome);
    static SharedOutcome decodeOutcome(const QString &text);

private:
    void renewLoop();
    QString waiterId(quint64 ticket) const;

    std::shared_ptr<PgDatabase> m_db;
    Options m_options;
    std::atomic<qint64> m_runs{0}, m_takeovers{0}, m_shared{0}, m_slotWaits{0};
    // The routers whose place rows this process has made, with how many (the limit it asked with).
    QHash<QString, int> m_slotRows; // guarded by m_mutex
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stopping = false;
    std::thread m_renewer;
};

} // namespace rl
