#include "engine/team/pg_work_exchange.h"

#include "engine/team/pg_database.h"

#include <QCryptographicHash>
#include <QSysInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <unistd.h>

namespace rl {

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
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_cv.wait_for(lock, std::chrono::milliseconds(m_options.leaseMs / 3));
        if (m_stopping)
            return;
        lock.unlock();
        m_db->exec("UPDATE rl_work SET lease_expires = clock_timestamp() + $2 * interval '1 millisecond'"
                   " WHERE state = 'leased' AND holder = $1",
                   {m_options.holderId, PgParam(m_options.leaseMs)});
        lock.lock();
    }
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
        failed.error = e.code == ErrorCode::DatabaseUnreachable
            ? e
            : Error(ErrorCode::StoreError,
                    QStringLiteral("The team database could not share work for router %1.").arg(router),
                    e.detail.isEmpty() ? e.message : e.detail);
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
