#include "engine/team/pg_work_exchange.h"

#include "engine/team/pg_database.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSysInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <unistd.h>

namespace rl {

namespace {
constexpr qint64 kPruneEveryMs = 60 * 1000;
// Outcomes are read by claims that queued before they finished: minutes at most.
constexpr qint64 kKeepOutcomesMs = 15 * 60 * 1000;

// A database error as the waiters see it: unreachable as it is, anything else a store error
// with `sentence` and the database's own words as the detail.
Error asTeamError(const Error &e, const QString &sentence)
{
    if (e.code == ErrorCode::DatabaseUnreachable)
        return e;
    return Error(ErrorCode::StoreError, sentence, e.detail.isEmpty() ? e.message : e.detail);
}
} // namespace

PgWorkExchange::PgWorkExchange(std::shared_ptr<PgDatabase> database, Options options)
    : m_db(std::move(database)), m_options(std::move(options))
{
    m_options.leaseMs = std::max(300, m_options.leaseMs);
    m_options.pollIntervalMs = std::max(10, m_options.pollIntervalMs);
    if (m_options.holderId.isEmpty())
        m_options.holderId = QStringLiteral("%1:%2:%3")
                                 .arg(QSysInfo::machineHostName())
                                 .arg(::getpid())
                                 .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    m_renewer = std::thread([this] { renewLoop(); });
}

PgWorkExchange::~PgWorkExchange()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_cv.notify_all();
    m_renewer.join();
}

void PgWorkExchange::renewLoop()
{
    QElapsedTimer pruneTimer;
    pruneTimer.start();
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_cv.wait_for(lock, std::chrono::milliseconds(m_options.leaseMs / 3));
        if (m_stopping)
            return;
        lock.unlock();
        m_db->exec("UPDATE rl_work SET lease_expires = clock_timestamp() + $2 * interval '1 millisecond'"
                   " WHERE state = 'leased' AND holder = $1",
                   {m_options.holderId, PgParam(m_options.leaseMs)});
        m_db->exec("UPDATE rl_router_slot SET lease_expires = clock_timestamp() + $2 * interval '1 millisecond'"
                   " WHERE holder = $1",
                   {m_options.holderId, PgParam(m_options.leaseMs)});
        if (pruneTimer.hasExpired(kPruneEveryMs)) {
            prune(kKeepOutcomesMs);
            pruneTimer.restart();
        }
        lock.lock();
    }
}

qint64 PgWorkExchange::prune(qint64 olderThanMs)
{
    qint64 removed = 0;
    // A claim takes an outcome finished after it queued its work: an outcome older than any
    // work still queued is never read again. Given-up work ('queued') is made again on a claim.
    if (auto r = m_db->exec("DELETE FROM rl_work WHERE state <> 'leased'"
                            " AND coalesce(finished_at, queued_at) < clock_timestamp() - $1 * interval '1 millisecond'",
                            {PgParam(olderThanMs)}))
        removed += r->affected();
    // Waiters ask again every poll interval; one silent for a minute is gone (its process died).
    if (auto r = m_db->exec("DELETE FROM rl_router_wait WHERE seen < clock_timestamp() - interval '1 minute'", {}))
        removed += r->affected();
    return removed;
}

QString PgWorkExchange::waiterId(quint64 ticket) const
{
    return m_options.holderId + QLatin1Char('#') + QString::number(ticket);
}

WorkExchange::Slot PgWorkExchange::takeRouterSlot(const QString &router, int limit, double score, qint64 queuedAtMs,
                                                  quint64 ticket)
{
    limit = std::max(1, limit);
    const QString waiter = waiterId(ticket);
    bool makeRows = false;
    {
        std::lock_guard lock(m_mutex);
        makeRows = m_slotRows.value(router) < limit;
    }
    Slot slot;
    const Error e = m_db->transaction([&](const PgDatabase::Exec &exec) -> Error {
        if (makeRows) {
            if (auto r = exec("INSERT INTO rl_router_slot (router, slot) SELECT $1, g FROM generate_series(0, $2 - 1) g"
                              " ON CONFLICT DO NOTHING",
                              {router, PgParam(limit)});
                !r)
                return r.error();
        }
        // We wait (again): listed, or seen asking once more.
        if (auto r = exec("INSERT INTO rl_router_wait (router, waiter, score, queued_at, seen)"
                          " VALUES ($1, $2, $3, to_timestamp($4::double precision / 1000), clock_timestamp())"
                          " ON CONFLICT (router, waiter) DO UPDATE SET seen = clock_timestamp(), score = EXCLUDED.score",
                          {router, waiter, PgParam(score), PgParam(queuedAtMs)});
            !r)
            return r.error();
        // Places free now, and the work that goes before ours: better scored, or as good and
        // waiting longer, in any process still asking (seen within a lease time).
        auto r = exec("SELECT"
                      " (SELECT count(*) FROM rl_router_slot WHERE router = $1 AND holder IS NOT NULL"
                      "  AND lease_expires > clock_timestamp()),"
                      " (SELECT count(*) FROM rl_router_wait w, rl_router_wait me"
                      "  WHERE w.router = $1 AND me.router = $1 AND me.waiter = $2 AND w.waiter <> $2"
                      "  AND w.seen > clock_timestamp() - $3 * interval '1 millisecond'"
                      "  AND (w.score > me.score OR (w.score = me.score"
                      "       AND (w.queued_at, w.waiter) < (me.queued_at, me.waiter))))",
                      {router, waiter, PgParam(m_options.leaseMs)});
        if (!r)
            return r.error();
        const qint64 held = r->number(0, 0, 0);
        const qint64 ahead = r->number(0, 1, 0);
        if (held + ahead >= limit) {
            slot.kind = Slot::Kind::Busy;
            return {};
        }
        // A free place (never held, released, or its holder's lease expired), not being taken
        // by another process this instant.
        auto f = exec("SELECT slot FROM rl_router_slot WHERE router = $1 AND slot < $2"
                      " AND (holder IS NULL OR lease_expires <= clock_timestamp())"
                      " ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED",
                      {router, PgParam(limit)});
        if (!f)
            return f.error();
        if (f->size() == 0) {
            slot.kind = Slot::Kind::Busy;
            return {};
        }
        const int number = int(f->number(0, 0));
        if (auto u = exec("UPDATE rl_router_slot SET holder = $3, taker = $4,"
                          " lease_expires = clock_timestamp() + $5 * interval '1 millisecond'"
                          " WHERE router = $1 AND slot = $2",
                          {router, PgParam(number), m_options.holderId, waiter, PgParam(m_options.leaseMs)});
            !u)
            return u.error();
        if (auto d = exec("DELETE FROM rl_router_wait WHERE router = $1 AND waiter = $2", {router, waiter}); !d)
            return d.error();
        slot.kind = Slot::Kind::Granted;
        slot.slot = number;
        return {};
    });
    if (e) {
        Slot failed;
        failed.kind = Slot::Kind::Failed;
        failed.error = asTeamError(e, QStringLiteral("The team database could not give router %1 a place for this work.")
                                          .arg(router));
        return failed;
    }
    if (makeRows) {
        std::lock_guard lock(m_mutex);
        m_slotRows[router] = std::max(m_slotRows.value(router), limit);
    }
    if (slot.kind == Slot::Kind::Busy)
        ++m_slotWaits;
    return slot;
}

void PgWorkExchange::leaveRouterQueue(const QString &router, quint64 ticket)
{
    m_db->exec("DELETE FROM rl_router_wait WHERE router = $1 AND waiter = $2", {router, waiterId(ticket)});
}

void PgWorkExchange::releaseRouterSlot(const QString &router, int slot, quint64 ticket)
{
    // Only while it is still ours: a place whose lease ran out may have another taker now.
    m_db->exec("UPDATE rl_router_slot SET holder = NULL, taker = NULL, lease_expires = NULL"
               " WHERE router = $1 AND slot = $2 AND taker = $3",
               {router, PgParam(slot), waiterId(ticket)});
}

QString PgWorkExchange::rowKey(const QString &key)
{
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString PgWorkExchange::encodeOutcome(const SharedOutcome &o)
{
    QJsonArray outputs;
    for (const CommandOutput &c : o.outputs)
        outputs.append(QJsonObject{{QStringLiteral("command"), c.command},
                                   {QStringLiteral("output"), QString::fromLatin1(c.output.toBase64())},
                                   {QStringLiteral("exitStatus"), c.exitStatus},
                                   {QStringLiteral("elapsedMs"), c.elapsedMs}});
    QJsonObject obj{{QStringLiteral("commands"), QJsonArray::fromStringList(o.commands)},
                    {QStringLiteral("outputs"), outputs},
                    {QStringLiteral("latencyMs"), o.latencyMs}};
    if (o.error)
        obj.insert(QStringLiteral("error"), o.error.toJson());
    return QString::fromUtf8(QJsonDocument(obj).toJson(QJsonDocument::Compact));
}

SharedOutcome PgWorkExchange::decodeOutcome(const QString &text)
{
    SharedOutcome o;
    const QJsonObject obj = QJsonDocument::fromJson(text.toUtf8()).object();
    if (obj.isEmpty()) {
        o.error = Error(ErrorCode::StoreError,
                        QStringLiteral("Another RouterLens process answered this work, but its outcome in the team "
                                       "database cannot be read."));
        return o;
    }
    for (const QJsonValue &c : obj.value(QStringLiteral("commands")).toArray())
        o.commands.append(c.toString());
    for (const QJsonValue &v : obj.value(QStringLiteral("outputs")).toArray()) {
        const QJsonObject c = v.toObject();
        CommandOutput out;
        out.command = c.value(QStringLiteral("command")).toString();
        out.output = QByteArray::fromBase64(c.value(QStringLiteral("output")).toString().toLatin1());
        out.exitStatus = c.value(QStringLiteral("exitStatus")).toInt();
        out.elapsedMs = c.value(QStringLiteral("elapsedMs")).toInteger();
        o.outputs.append(out);
    }
    o.latencyMs = obj.value(QStringLiteral("latencyMs")).toInteger();
    if (obj.contains(QStringLiteral("error")))
        o.error = Error::fromJson(obj.value(QStringLiteral("error")).toObject());
    return o;
}

WorkExchange::Claim PgWorkExchange::claim(const QString &key, const QString &router, const QStringList &commands,
                                          qint64 queuedAtMs)
{
    const QString row = rowKey(key);
    Claim c;
    const Error e = m_db->transaction([&](const PgDatabase::Exec &exec) -> Error {
        const QString commandText =
            QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(commands)).toJson(QJsonDocument::Compact));
        if (auto r = exec("INSERT INTO rl_work (key, router, commands, state) VALUES ($1, $2, $3, 'queued')"
                          " ON CONFLICT (key) DO NOTHING",
                          {row, router, commandText});
            !r)
            return r.error();
        // SKIP LOCKED: a row another process is claiming or finishing right now is theirs for
        // the moment; we look again instead of queueing behind their transaction.
        auto r = exec("SELECT state, lease_expires > clock_timestamp(), generation,"
                      " finished_at >= to_timestamp($2::double precision / 1000), outcome"
                      " FROM rl_work WHERE key = $1 FOR UPDATE SKIP LOCKED",
                      {row, PgParam(queuedAtMs)});
        if (!r)
            return r.error();
        if (r->size() == 0) {
            c.kind = Claim::Kind::Elsewhere;
            return {};
        }
        const QString state = r->text(0, 0);
        if (state == QLatin1String("leased") && r->boolean(0, 1)) {
            c.kind = Claim::Kind::Elsewhere;
            return {};
        }
        if (state == QLatin1String("done") && r->boolean(0, 3)) {
            c.kind = Claim::Kind::Done;
            c.outcome = decodeOutcome(r->text(0, 4));
            return {};
        }
        c.takenOver = state == QLatin1String("leased");
        auto u = exec("UPDATE rl_work SET state = 'leased', holder = $2,"
                      " lease_expires = clock_timestamp() + $3 * interval '1 millisecond',"
                      " generation = generation + 1, outcome = NULL, finished_at = NULL, router = $4"
                      " WHERE key = $1 RETURNING generation",
                      {row, m_options.holderId, PgParam(m_options.leaseMs), router});
        if (!u)
            return u.error();
        c.kind = Claim::Kind::Run;
        c.generation = u->number(0, 0);
        return {};
    });
    if (e) {
        Claim failed;
        failed.kind = Claim::Kind::Failed;
        failed.error = asTeamError(e, QStringLiteral("The team database could not share work for router %1.").arg(router));
        return failed;
    }
    if (c.kind == Claim::Kind::Run) {
        ++m_runs;
        if (c.takenOver)
            ++m_takeovers;
    } else if (c.kind == Claim::Kind::Done) {
        ++m_shared;
    }
    return c;
}

void PgWorkExchange::finish(const QString &key, qint64 generation, const SharedOutcome &outcome)
{
    // Only the current lease's holder writes: after a takeover the old holder's late answer
    // is its own waiters' alone.
    m_db->exec("UPDATE rl_work SET state = 'done', outcome = $4, finished_at = clock_timestamp(), holder = NULL,"
               " lease_expires = NULL WHERE key = $1 AND generation = $2 AND holder = $3 AND state = 'leased'",
               {rowKey(key), PgParam(generation), m_options.holderId, encodeOutcome(outcome)});
}

void PgWorkExchange::abandon(const QString &key, qint64 generation)
{
    m_db->exec("UPDATE rl_work SET state = 'queued', holder = NULL, lease_expires = NULL"
               " WHERE key = $1 AND generation = $2 AND holder = $3 AND state = 'leased'",
               {rowKey(key), PgParam(generation), m_options.holderId});
}

} // namespace rl
