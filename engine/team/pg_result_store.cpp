#include "engine/team/pg_result_store.h"

#include "engine/storage/record_set_codec.h"
#include "engine/team/pg_database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rl {

namespace {

qint64 toMs(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : -1;
}

QDateTime fromMs(qint64 ms)
{
    return ms < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

PgParam msOrNull(const QDateTime &t)
{
    return t.isValid() ? PgParam(t.toMSecsSinceEpoch()) : PgParam::null();
}

constexpr int MaxKeptWarnings = 100;

} // namespace

PgResultStore::PgResultStore(std::shared_ptr<PgDatabase> database) : m_db(std::move(database)) {}

Error PgResultStore::open()
{
    if (m_db->schemaVersion() > 0)
        return {};
    return m_db->open();
}

void PgResultStore::addWarning(const QString &warning)
{
    WarningHandler handler;
    {
        QMutexLocker lock(&m_mutex);
        if (m_warnings.size() < MaxKeptWarnings)
            m_warnings << warning;
        handler = m_handler;
    }
    if (handler)
        handler(warning);
}

QStringList PgResultStore::warnings() const
{
    QMutexLocker lock(&m_mutex);
    return m_warnings;
}

void PgResultStore::setWarningHandler(WarningHandler handler)
{
    QMutexLocker lock(&m_mutex);
    m_handler = std::move(handler);
}

Result<qint64> PgResultStore::put(const StoredAnswer &a)
{
    if (a.router.isEmpty())
        return Error(ErrorCode::StoreError, QStringLiteral("An answer without a router name cannot be stored."));
    if (a.records.kind() != a.kind || a.records.lists().index() != RecordSet(a.kind).lists().index())
        return Error(ErrorCode::StoreError,
                     QStringLiteral("An answer of router \"%1\" holds records of another kind than \"%2\"; it was "
                                    "not stored.")
                         .arg(a.router, queryKindName(a.kind)));
    const QByteArray blob = RecordSetCodec::encode(a.records);
    const QString params = QString::fromUtf8(QJsonDocument(a.params.toJson()).toJson(QJsonDocument::Compact));
    const QString commands =
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(a.commands)).toJson(QJsonDocument::Compact));
    auto r = m_db->exec("INSERT INTO rl_answers (router, kind, params_key, params, fetched_ms, expires_ms,"
                        " record_count, latency_ms, commands, records)"
                        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                        {a.router, queryKindName(a.kind), a.params.canonical(), params, PgParam(toMs(a.fetchedAt)),
                         msOrNull(a.expiresAt), PgParam(qint64(a.records.size())), PgParam(a.latencyMs), commands,
                         PgParam::bytes(blob)});
    if (!r) {
        const Error e(ErrorCode::StoreError,
                      QStringLiteral("The answer of router \"%1\" could not be kept in the team database.").arg(a.router),
                      r.error().message + QLatin1Char(' ') + r.error().detail);
        addWarning(e.message + QLatin1Char(' ') + e.detail);
        return e;
    }
    return r->number(0, 0);
}

namespace {

constexpr const char *AnswerColumns =
    "id, router, kind, params, fetched_ms, expires_ms, latency_ms, commands, records";

} // namespace

std::optional<StoredAnswer> PgResultStore::fresh(const QString &router, QueryKind kind, const QueryParams &params,
                                                 const QDateTime &notBefore, const QDateTime &now)
{
    const QByteArray sql = QByteArray("SELECT ") + AnswerColumns
        + " FROM rl_answers WHERE router = $1 AND kind = $2 AND params_key = $3"
          " AND ($4::bigint IS NULL OR fetched_ms >= $4::bigint)"
          " AND ($5::bigint IS NULL OR expires_ms IS NULL OR expires_ms > $5::bigint)"
          " ORDER BY fetched_ms DESC, id DESC LIMIT 1";
    auto r = m_db->exec(sql.constData(),
                        {router, queryKindName(kind), params.canonical(), msOrNull(notBefore), msOrNull(now)});
    if (!r) {
        addWarning(QStringLiteral("Reading the team database failed: %1 %2").arg(r.error().message, r.error().detail));
        return std::nullopt;
    }
    if (r->size() == 0)
        return std::nullopt;
    return load(r->number(0, 0));
}

std::optional<StoredAnswer> PgResultStore::load(qint64 id)
{
    const QByteArray sql = QByteArray("SELECT ") + AnswerColumns + " FROM rl_answers WHERE id = $1";
    auto r = m_db->exec(sql.constData(), {PgParam(id)});
    if (!r) {
        addWarning(QStringLiteral("Reading the team database failed: %1 %2").arg(r.error().message, r.error().detail));
        return std::nullopt;
    }
    if (r->size() == 0)
        return std::nullopt;
    StoredAnswer a;
    a.id = r->number(0, 0);
    a.router = r->text(0, 1);
    const auto k = queryKindFromName(r->text(0, 2));
    if (!k)
        return std::nullopt;
    a.kind = *k;
    a.params = QueryParams::fromJson(QJsonDocument::fromJson(r->text(0, 3).toUtf8()).object());
    a.fetchedAt = fromMs(r->number(0, 4));
    a.expiresAt = fromMs(r->number(0, 5));
    a.latencyMs = r->number(0, 6);
    for (const QJsonValue &c : QJsonDocument::fromJson(r->text(0, 7).toUtf8()).array())
        a.commands.append(c.toString());
    auto records = RecordSetCodec::decode(a.kind, r->bytes(0, 8));
    if (!records) {
        addWarning(QStringLiteral("Stored answer %1 of router \"%2\" in the team database was skipped: %3 The router "
                                  "is asked again instead.")
                       .arg(a.id)
                       .arg(a.router, records.error().message));
        return std::nullopt;
    }
    a.records = *records;
    return a;
}

QList<StoredAnswerInfo> PgResultStore::history(const QString &router, QueryKind kind, const QueryParams &params,
                                               int limit)
{
    QList<StoredAnswerInfo> out;
    auto r = m_db->exec("SELECT id, params, fetched_ms, expires_ms, record_count FROM rl_answers"
                        " WHERE router = $1 AND kind = $2 AND params_key = $3"
                        " ORDER BY fetched_ms DESC, id DESC LIMIT $4",
                        {router, queryKindName(kind), params.canonical(), PgParam(std::max(0, limit))});
    if (!r) {
        addWarning(QStringLiteral("Reading the team database failed: %1 %2").arg(r.error().message, r.error().detail));
        return out;
    }
    for (int i = 0; i < r->size(); ++i) {
        StoredAnswerInfo info;
        info.id = r->number(i, 0);
        info.router = router;
        info.kind = kind;
        info.params = QueryParams::fromJson(QJsonDocument::fromJson(r->text(i, 1).toUtf8()).object());
        info.fetchedAt = fromMs(r->number(i, 2));
        info.expiresAt = fromMs(r->number(i, 3));
        info.recordCount = r->number(i, 4, 0);
        out.append(info);
    }
    return out;
}

int PgResultStore::prune(const QDateTime &cutoff)
{
    auto r = m_db->exec("DELETE FROM rl_answers WHERE fetched_ms < $1", {PgParam(toMs(cutoff))});
    if (!r) {
        addWarning(QStringLiteral("Pruning the team database failed: %1 %2").arg(r.error().message, r.error().detail));
        return 0;
    }
    return int(r->affected());
}

Error PgResultStore::addUsage(const QList<UsageBucket> &buckets)
{
    if (buckets.isEmpty())
        return {};
    // One statement per bucket with every metric in arrays: a flush of many buckets stays a
    // few round trips, in one transaction.
    return m_db->transaction([&](const PgDatabase::Exec &exec) -> Error {
        for (const UsageBucket &b : buckets) {
            QStringList metrics, values;
            for (const auto &[metric, value] : b.counters.toMetrics()) {
                // Array literal elements, quoted: metric names hold error codes (letters, '-', ':', '_').
                metrics << QLatin1Char('"') + QString(metric).replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""))
                               + QLatin1Char('"');
                values << QString::number(value);
            }
            if (metrics.isEmpty())
                continue;
            auto r = exec("INSERT INTO rl_usage (hour, client, router, metric, value)"
                          " SELECT $1::bigint, $2, $3, m, v FROM unnest($4::text[], $5::bigint[]) AS t(m, v)"
                          " ON CONFLICT (hour, client, router, metric) DO UPDATE SET value = rl_usage.value + excluded.value",
                          {PgParam(usageHour(b.hour).toSecsSinceEpoch()), b.client, b.router,
                           QLatin1Char('{') + metrics.join(QLatin1Char(',')) + QLatin1Char('}'),
                           QLatin1Char('{') + values.join(QLatin1Char(',')) + QLatin1Char('}')});
            if (!r)
                return Error(ErrorCode::StoreError,
                             QStringLiteral("Usage figures could not be kept in the team database; they are kept in "
                                            "memory and tried again."),
                             r.error().message + QLatin1Char(' ') + r.error().detail);
        }
        return {};
    });
}

Result<QList<UsageBucket>> PgResultStore::usage(const QDateTime &from, const QDateTime &to)
{
    auto r = m_db->exec("SELECT hour, client, router, metric, value FROM rl_usage WHERE hour >= $1 AND hour < $2"
                        " ORDER BY hour, client, router",
                        {PgParam(usageHour(from).toSecsSinceEpoch()), PgParam(to.toSecsSinceEpoch())});
    if (!r)
        return Error(ErrorCode::StoreError, QStringLiteral("Reading usage figures from the team database failed."),
                     r.error().message + QLatin1Char(' ') + r.error().detail);
    QList<UsageBucket> out;
    for (int i = 0; i < r->size(); ++i) {
        const qint64 hour = r->number(i, 0);
        const QString client = r->text(i, 1);
        const QString router = r->text(i, 2);
        if (out.isEmpty() || out.constLast().hour.toSecsSinceEpoch() != hour || out.constLast().client != client
            || out.constLast().router != router)
            out.append({QDateTime::fromSecsSinceEpoch(hour, Qt::UTC), client, router, {}});
        out.last().counters.addMetric(r->text(i, 3), r->number(i, 4, 0));
    }
    return out;
}

int PgResultStore::pruneUsage(const QDateTime &cutoff)
{
    auto r = m_db->exec("DELETE FROM rl_usage WHERE hour < $1", {PgParam(usageHour(cutoff).toSecsSinceEpoch())});
    if (!r) {
        addWarning(QStringLiteral("Pruning usage in the team database failed: %1 %2").arg(r.error().message, r.error().detail));
        return 0;
    }
    return int(r->affected());
}

} // namespace rl
