#include "engine/storage/sqlite_result_store.h"

#include "engine/api/event_log.h"
#include "engine/storage/record_set_codec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace rl {
namespace {

std::atomic<quint64> g_nextStoreId{1};
std::atomic<quint64> g_nextConnection{1};

// The connections this thread opened, by store id; closed when the thread ends.
struct ThreadConnections {
    QHash<quint64, QString> names;
    ~ThreadConnections()
    {
        for (const QString &name : std::as_const(names))
            QSqlDatabase::removeDatabase(name);
    }
};
thread_local ThreadConnections t_connections;

qint64 toMs(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : -1;
}

QDateTime fromMs(const QVariant &v)
{
    if (v.isNull() || v.toLongLong() < 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QString lastError(const QSqlQuery &q)
{
    return q.lastError().text();
}

// SQLite's words for a file that is not a usable database.
bool looksCorrupt(const QString &message)
{
    const QString m = message.toLower();
    return m.contains(QLatin1String("not a database")) || m.contains(QLatin1String("malformed"))
        || m.contains(QLatin1String("corrupt")) || m.contains(QLatin1String("file is encrypted"));
}

} // namespace

SqliteResultStore::SqliteResultStore(const QString &path, int busyTimeoutMs)
    : m_path(path), m_busyTimeoutMs(busyTimeoutMs), m_storeId(g_nextStoreId++)
{
}

SqliteResultStore::~SqliteResultStore()
{
    dropConnections();
}

QString SqliteResultStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/results.sqlite");
}

void SqliteResultStore::dropConnections()
{
    QMutexLocker lock(&m_mutex);
    t_connections.names.remove(m_storeId);
    for (const QString &name : std::as_const(m_connectionNames))
        QSqlDatabase::removeDatabase(name);
    m_connectionNames.clear();
}

void SqliteResultStore::addWarning(const QString &warning)
{
    {
        QMutexLocker lock(&m_mutex);
        m_warnings.append(warning);
    }
    EventLog::instance().warning(QStringLiteral("store"), warning);
}

QStringList SqliteResultStore::warnings() const
{
    QMutexLocker lock(&m_mutex);
    return m_warnings;
}

QSqlDatabase SqliteResultStore::openConnection(const QString &name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    if (db.open()) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(m_busyTimeoutMs));
        // WAL makes a commit cheap; NORMAL loses at most the last answers on power loss: it is a cache.
        q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    return db;
}

QSqlDatabase SqliteResultStore::database()
{
    const auto it = t_connections.names.constFind(m_storeId);
    if (it != t_connections.names.constEnd()) {
        if (QSqlDatabase::contains(*it))
            return QSqlDatabase::database(*it, false);
        t_connections.names.remove(m_storeId); // dropped when the file was moved aside: open anew
    }
    const QString name = QStringLiteral("rl-results-%1-%2").arg(m_storeId).arg(g_nextConnection++);
    QSqlDatabase db = openConnection(name);
    t_connections.names.insert(m_storeId, name);
    QMutexLocker lock(&m_mutex);
    m_connectionNames.append(name);
    return db;
}

Error SqliteResultStore::moveAside(const QString &why)
{
    dropConnections();
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QString aside = m_path + QStringLiteral(".broken-") + stamp;
    if (!QFile::rename(m_path, aside))
        return Error(ErrorCode::StoreError,
                     QStringLiteral("The result store %1 is unusable (%2) and could not be moved aside; move or "
                                    "delete it, or choose another store path in the settings.")
                         .arg(m_path, why));
    // Journal files belong to the old database; a new one must not pick them up.
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        const QString extra = m_path + QLatin1String(suffix);
        if (QFile::exists(extra))
            QFile::rename(extra, aside + QLatin1String(suffix));
    }
    addWarning(QStringLiteral("The result store %1 was unusable (%2). It was moved to %3 and a new, empty store "
                              "was created; cached answers and history start afresh.")
                   .arg(m_path, why, aside));
    return {};
}

Error SqliteResultStore::createSchema(QSqlDatabase &db)
{
    QSqlQuery q(db);
    // WAL lets readers on other threads proceed while one thread writes.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return Error(ErrorCode::StoreError, lastError(q));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return Error(ErrorCode::StoreError, lastError(q));
    const int version = q.value(0).toInt();
    q.finish();
    if (version > SchemaVersion)
        return Error(ErrorCode::StoreError,
                     QStringLiteral("schema version %1 is newer than this RouterLens reads (%2)")
                         .arg(version)
                         .arg(SchemaVersion));
    if (version == SchemaVersion)
        return {};
    const QStringList statements{
        QStringLiteral("CREATE TABLE IF NOT EXISTS answers ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " router TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " params_key TEXT NOT NULL,"
                       " params TEXT NOT NULL,"
                       " fetched_at INTEGER NOT NULL,"   // ms since the epoch, UTC
                       " expires_at INTEGER NOT NULL,"   // ms since the epoch, UTC; -1: never
                       " record_count INTEGER NOT NULL,"
                       " latency_ms INTEGER NOT NULL,"
                       " commands TEXT NOT NULL,"
                       " records BLOB NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS answers_lookup ON answers (router, kind, params_key, fetched_at)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS answers_fetched ON answers (fetched_at)"),
        QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion),
    };
    if (!db.transaction())
        return Error(ErrorCode::StoreError, db.lastError().text());
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            const QString err = lastError(q);
            db.rollback();
            return Error(ErrorCode::StoreError, err);
        }
    }
    if (!db.commit())
        return Error(ErrorCode::StoreError, db.lastError().text());
    return {};
}

QString SqliteResultStore::probe()
{
    // Scoped so no handle or query is alive when a broken file's connections are dropped.
    QSqlDatabase db = database();
    if (!db.isOpen())
        return db.lastError().text();
    {
        // Reading the schema is the first thing that fails on a file that is no database.
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
            return lastError(q);
    }
    if (Error e = createSchema(db))
        return e.message;
    return {};
}

Error SqliteResultStore::open()
{
    if (m_open)
        return {};
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error(ErrorCode::StoreError,
                     QStringLiteral("The folder %1 for the result store cannot be created; check its permissions or "
                                    "choose another store path.")
                         .arg(info.absolutePath()));
    for (int attempt = 0; attempt < 2; ++attempt) {
        const QString problem = probe();
        if (problem.isEmpty()) {
            m_open = true;
            return {};
        }
        const bool fileThere = QFileInfo::exists(m_path);
        if (attempt == 0 && fileThere
            && (looksCorrupt(problem) || problem.contains(QLatin1String("newer than this RouterLens")))) {
            if (Error e = moveAside(problem))
                return e;
            continue;
        }
        dropConnections();
        return Error(ErrorCode::StoreError,
                     QStringLiteral("The result store %1 cannot be opened (%2); check the path and its permissions, "
                                    "or choose another store path in the settings.")
                         .arg(m_path, problem));
    }
    return Error(ErrorCode::StoreError, QStringLiteral("The result store %1 cannot be opened.").arg(m_path));
}

Result<qint64> SqliteResultStore::put(const StoredAnswer &a)
{
    if (!m_open)
        return Error(ErrorCode::StoreError, QStringLiteral("The result store is not open."));
    if (a.router.isEmpty())
        return Error(ErrorCode::StoreError, QStringLiteral("An answer without a router name cannot be stored."));
    if (a.records.kind() != a.kind || a.records.lists().index() != RecordSet(a.kind).lists().index())
        return Error(ErrorCode::StoreError,
                     QStringLiteral("An answer of router \"%1\" holds records of another kind than \"%2\"; it was "
                                    "not stored.")
                         .arg(a.router, queryKindName(a.kind)));
    // Encoding may take a while for a full table; it runs before the database is touched.
    const QByteArray blob = RecordSetCodec::encode(a.records);
    QSqlDatabase db = database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO answers (router, kind, params_key, params, fetched_at, expires_at,"
                             " record_count, latency_ms, commands, records)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(a.router);
    q.addBindValue(queryKindName(a.kind));
    q.addBindValue(a.params.canonical());
    q.addBindValue(QString::fromUtf8(QJsonDocument(a.params.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(toMs(a.fetchedAt));
    q.addBindValue(toMs(a.expiresAt));
    q.addBindValue(qint64(a.records.size()));
    q.addBindValue(a.latencyMs);
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(a.commands)).toJson(QJsonDocument::Compact)));
    q.addBindValue(blob);
    if (!q.exec())
        return Error(ErrorCode::StoreError,
                     QStringLiteral("An answer of router \"%1\" could not be stored in %2.").arg(a.router, m_path),
                     lastError(q));
    return q.lastInsertId().toLongLong();
}

std::optional<StoredAnswer> SqliteResultStore::loadWhere(const QString &where, const QVariantList &bindings)
{
    if (!m_open)
        return std::nullopt;
    QSqlDatabase db = database();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, router, kind, params, fetched_at, expires_at, latency_ms, commands, records"
                             " FROM answers WHERE ")
              + where);
    for (const QVariant &b : bindings)
        q.addBindValue(b);
    if (!q.exec() || !q.next()) {
        if (q.lastError().isValid())
            EventLog::instance().warning(QStringLiteral("store"),
                                         QStringLiteral("Reading %1 failed: %2").arg(m_path, lastError(q)));
        return std::nullopt;
    }
    StoredAnswer a;
    a.id = q.value(0).toLongLong();
    a.router = q.value(1).toString();
    const auto kind = queryKindFromName(q.value(2).toString());
    if (!kind)
        return std::nullopt;
    a.kind = *kind;
    a.params = QueryParams::fromJson(QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object());
    a.fetchedAt = fromMs(q.value(4));
    a.expiresAt = fromMs(q.value(5));
    a.latencyMs = q.value(6).toLongLong();
    for (const QJsonValue &c : QJsonDocument::fromJson(q.value(7).toString().toUtf8()).array())
        a.commands.append(c.toString());
    const QByteArray blob = q.value(8).toByteArray();
    q.finish(); // release the read transaction before the (possibly long) decode
    auto records = RecordSetCodec::decode(a.kind, blob);
    if (!records) {
        addWarning(QStringLiteral("Stored answer %1 of router \"%2\" in %3 was skipped: %4 The router is asked "
                                  "again instead.")
                       .arg(a.id)
                       .arg(a.router, m_path, records.error().message));
        return std::nullopt;
    }
    a.records = *records;
    return a;
}

std::optional<StoredAnswer> SqliteResultStore::fresh(const QString &router, QueryKind kind,
                                                     const QueryParams &params, const QDateTime &notBefore,
                                                     const QDateTime &now)
{
    return loadWhere(QStringLiteral("router = ? AND kind = ? AND params_key = ? AND fetched_at >= ?"
                                    " AND (expires_at < 0 OR ? < 0 OR expires_at > ?)"
                                    " ORDER BY fetched_at DESC, id DESC LIMIT 1"),
                     {router, queryKindName(kind), params.canonical(),
                      notBefore.isValid() ? toMs(notBefore) : std::numeric_limits<qint64>::min(), toMs(now),
                      toMs(now)});
}

std::optional<StoredAnswer> SqliteResultStore::load(qint64 id)
{
    return loadWhere(QStringLiteral("id = ?"), {id});
}

QList<StoredAnswerInfo> SqliteResultStore::history(const QString &router, QueryKind kind, const QueryParams &params,
                                                   int limit)
{
    QList<StoredAnswerInfo> out;
    if (!m_open)
        return out;
    QSqlDatabase db = database();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, fetched_at, expires_at, record_count FROM answers"
                             " WHERE router = ? AND kind = ? AND params_key = ?"
                             " ORDER BY fetched_at DESC, id DESC LIMIT ?"));
    q.addBindValue(router);
    q.addBindValue(queryKindName(kind));
    q.addBindValue(params.canonical());
    q.addBindValue(limit < 0 ? -1 : limit);
    if (!q.exec()) {
        EventLog::instance().warning(QStringLiteral("store"),
                                     QStringLiteral("Reading the history from %1 failed: %2").arg(m_path, lastError(q)));
        return out;
    }
    while (q.next()) {
        StoredAnswerInfo info;
        info.id = q.value(0).toLongLong();
        info.router = router;
        info.kind = kind;
        info.params = params;
        info.fetchedAt = fromMs(q.value(1));
        info.expiresAt = fromMs(q.value(2));
        info.recordCount = q.value(3).toLongLong();
        out.append(info);
    }
    return out;
}

int SqliteResultStore::prune(const QDateTime &cutoff)
{
    if (!m_open || !cutoff.isValid())
        return 0;
    QSqlDatabase db = database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM answers WHERE fetched_at < ?"));
    q.addBindValue(toMs(cutoff));
    if (!q.exec()) {
        EventLog::instance().warning(QStringLiteral("store"),
                                     QStringLiteral("Pruning %1 failed: %2").arg(m_path, lastError(q)));
        return 0;
    }
    return q.numRowsAffected();
}

} // namespace rl
