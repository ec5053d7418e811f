#include "engine/storage/sqlite_result_store.h"

#include "engine/api/event_log.h"
#include "engine/storage/record_set_codec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QtEndian>

#include <zlib.h>

namespace rl {
namespace {

std::atomic<quint64> g_nextStoreId{1};
std::atomic<quint64> g_nextConnection{1};

// The connections this thread opened, by store id; closed when the thread ends.
struct ThreadConnection {
    QString name;
    quint64 generation = 0;
};
// The stores still alive. A thread's connections are closed when it ends, but a pool thread
// may run its thread-local destructors after QThread::wait() returned, even while the process
// exits and Qt's connection registry is torn down; so a thread closes only the connections of
// stores still alive (a store closes all of its own in its destructor), under one lock. Never
// freed: threads may end after static destruction.
struct LiveStores {
    QMutex mutex;
    QSet<quint64> ids;
};
LiveStores &liveStores()
{
    static LiveStores *const live = new LiveStores;
    return *live;
}

struct ThreadConnections {
    QHash<quint64, ThreadConnection> byStore;
    ~ThreadConnections()
    {
        LiveStores &live = liveStores();
        QMutexLocker lock(&live.mutex);
        for (auto it = byStore.cbegin(); it != byStore.cend(); ++it)
            if (live.ids.contains(it.key()))
                QSqlDatabase::removeDatabase(it->name);
    }
};
thread_local ThreadConnections t_connections;

const QString LogSource = QStringLiteral("store");

// The columns RouterLens writes, by schema version.
const QStringList kColumnsV1{QStringLiteral("id"),         QStringLiteral("router"),     QStringLiteral("kind"),
                             QStringLiteral("params_key"), QStringLiteral("params"),     QStringLiteral("fetched_at"),
                             QStringLiteral("expires_at"), QStringLiteral("record_count"), QStringLiteral("latency_ms"),
                             QStringLiteral("commands"),   QStringLiteral("records")};
const QStringList kColumnsV2 = kColumnsV1 + QStringList{QStringLiteral("records_crc"), QStringLiteral("meta_crc")};
// Everything a RouterLens store may hold besides its table's own indexes.
const QSet<QString> kOurObjects{QStringLiteral("answers"), QStringLiteral("answers_lookup"),
                                QStringLiteral("answers_fetched"), QStringLiteral("sqlite_sequence"),
                                QStringLiteral("usage")};
// Usage per hour, client, router and metric (UsageCounters::toMetrics): one row per metric, so
// that adding is "value = value + n" and several processes on one file sum up.
const QString kCreateUsage = QStringLiteral("CREATE TABLE IF NOT EXISTS usage ("
                                            " hour INTEGER NOT NULL,"   // start of the hour, seconds since the epoch, UTC
                                            " client TEXT NOT NULL,"
                                            " router TEXT NOT NULL,"    // empty: whole requests refused
                                            " metric TEXT NOT NULL,"
                                            " value INTEGER NOT NULL,"
                                            " PRIMARY KEY (hour, client, router, metric)) WITHOUT ROWID");

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

int sqliteCode(const QSqlError &e)
{
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    if (ok)
        return code & 0xff; // the primary code of an extended one
    // A failed commit carries SQLite's words but no code.
    const QString m = e.text().toLower();
    if (m.contains(QLatin1String("disk is full")))
        return 13;
    if (m.contains(QLatin1String("disk i/o error")))
        return 10;
    if (m.contains(QLatin1String("readonly database")))
        return 8;
    if (m.contains(QLatin1String("database is locked")))
        return 5;
    return -1;
}

// SQLite's word for a file that is not a usable database.
bool isCorrupt(const QSqlError &e)
{
    const int code = sqliteCode(e);
    if (code == 11 || code == 26) // SQLITE_CORRUPT, SQLITE_NOTADB
        return true;
    const QString m = e.text().toLower();
    return m.contains(QLatin1String("not a database")) || m.contains(QLatin1String("malformed"))
        || m.contains(QLatin1String("corrupt"));
}

// What went wrong writing, in words a person can act on.
QString writeProblem(const QSqlError &e)
{
    switch (sqliteCode(e)) {
    case 13: // SQLITE_FULL
        return QStringLiteral("the disk is full, or the file reached the largest size allowed (%1); free space on "
                              "the disk or choose another store path")
            .arg(e.text());
    case 10: // SQLITE_IOERR
        return QStringLiteral("the disk reported an error writing it (%1); check that it has free space and works")
            .arg(e.text());
    case 8: // SQLITE_READONLY
        return QStringLiteral("the store is read-only (%1); make it writable or choose another store path").arg(e.text());
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return QStringLiteral("another program holds it locked (%1)").arg(e.text());
    default:
        break;
    }
    return e.text();
}

// What the file's first bytes say, read without SQLite (which would start writing to it).
struct FileHeader {
    enum class Kind { Missing, Empty, NotSqlite, Sqlite } kind = Kind::Missing;
    quint32 applicationId = 0;
    quint32 userVersion = 0;
    QString what; // for NotSqlite: what it looks like instead
};

FileHeader readHeader(const QString &path)
{
    FileHeader h;
    QFile f(path);
    if (!f.exists())
        return h;
    if (!f.open(QIODevice::ReadOnly)) {
        h.kind = FileHeader::Kind::NotSqlite;
        h.what = QStringLiteral("it cannot be read: %1").arg(f.errorString());
        return h;
    }
    const QByteArray head = f.read(100);
    if (head.isEmpty()) {
        h.kind = FileHeader::Kind::Empty;
        return h;
    }
    if (head.size() < 100 || !head.startsWith(QByteArrayView("SQLite format 3\0", 16))) {
        h.kind = FileHeader::Kind::NotSqlite;
        const QByteArray t = head.trimmed();
        if (t.startsWith('{') || t.startsWith('['))
            h.what = QStringLiteral("it looks like JSON");
        else if (t.startsWith("---") || t.contains(":\n") || t.contains(": "))
            h.what = QStringLiteral("it looks like YAML or other text");
        else
            h.what = QStringLiteral("it is not an SQLite database");
        return h;
    }
    h.kind = FileHeader::Kind::Sqlite;
    h.userVersion = qFromBigEndian<quint32>(head.constData() + 60);
    h.applicationId = qFromBigEndian<quint32>(head.constData() + 68);
    return h;
}

QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

quint32 crcOf(const QByteArray &bytes)
{
    return quint32(crc32(crc32(0L, nullptr, 0), reinterpret_cast<const Bytef *>(bytes.constData()), uInt(bytes.size())));
}

// A row's fields other than the records, in one text: what meta_crc covers. The id is part of
// it, so a damaged row cannot pass for another.
QByteArray metaText(qint64 id, const QString &router, const QString &kind, const QString &paramsKey, const QString &params,
                    qint64 fetchedAt, qint64 expiresAt, qint64 recordCount, qint64 latencyMs, const QString &commands,
                    qint64 recordsCrc)
{
    const QChar sep(0x1f);
    return (QString::number(id) + sep + router + sep + kind + sep + paramsKey + sep + params + sep + QString::number(fetchedAt) + sep
            + QString::number(expiresAt) + sep + QString::number(recordCount) + sep + QString::number(latencyMs) + sep
            + commands + sep + QString::number(recordsCrc))
        .toUtf8();
}

} // namespace

struct SqliteResultStore::Verdict {
    enum class What { Usable, Damaged, Foreign, Failed } what = What::Failed;
    QString why;
};

SqliteResultStore::SqliteResultStore(const QString &path, int busyTimeoutMs)
    : m_path(path), m_busyTimeoutMs(busyTimeoutMs), m_storeId(g_nextStoreId++)
{
    LiveStores &live = liveStores();
    QMutexLocker lock(&live.mutex);
    live.ids.insert(m_storeId);
}

SqliteResultStore::~SqliteResultStore()
{
    LiveStores &live = liveStores();
    QMutexLocker lock(&live.mutex); // no thread closes this store's connections from now on
    live.ids.remove(m_storeId);
    lock.unlock();
    dropConnections();
}

QString SqliteResultStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/results.sqlite");
}

void SqliteResultStore::dropConnections()
{
    QMutexLocker lock(&m_mutex);
    t_connections.byStore.remove(m_storeId);
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
    EventLog::instance().warning(LogSource, warning);
    // Under its own lock: once setWarningHandler({}) returns, no handler runs any more.
    QMutexLocker lock(&m_handlerMutex);
    if (m_handler)
        m_handler(warning);
}

void SqliteResultStore::warnOnce(qint64 answerId, const QString &warning)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_warnedAnswers.contains(answerId))
            return;
        m_warnedAnswers.insert(answerId);
    }
    addWarning(warning);
}

QStringList SqliteResultStore::warnings() const
{
    QMutexLocker lock(&m_mutex);
    return m_warnings;
}

void SqliteResultStore::setWarningHandler(WarningHandler handler)
{
    QMutexLocker lock(&m_handlerMutex);
    m_handler = std::move(handler);
}

QSqlDatabase SqliteResultStore::openConnection(const QString &name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    if (db.open()) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(m_busyTimeoutMs));
        // WAL makes a commit cheap; NORMAL loses at most the last answers on power loss (never
        // on a crash of RouterLens): it is a cache.
        q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    return db;
}

QSqlDatabase SqliteResultStore::database()
{
    const quint64 generation = m_generation.load();
    const auto it = t_connections.byStore.constFind(m_storeId);
    if (it != t_connections.byStore.constEnd()) {
        if (it->generation == generation && QSqlDatabase::contains(it->name))
            return QSqlDatabase::database(it->name, false);
        // A connection to a file since moved aside (or dropped): open the current one.
        const QString old = it->name;
        t_connections.byStore.remove(m_storeId);
        QSqlDatabase::removeDatabase(old);
        QMutexLocker lock(&m_mutex);
        m_connectionNames.removeAll(old);
    }
    const QString name = QStringLiteral("rl-results-%1-%2").arg(m_storeId).arg(g_nextConnection++);
    QSqlDatabase db = openConnection(name);
    t_connections.byStore.insert(m_storeId, {name, generation});
    {
        QMutexLocker lock(&m_mutex);
        m_connectionNames.append(name);
    }
    if (generation > 0 && db.isOpen())
        createSchema(db); // the file was replaced while running: whichever thread comes first sets it up
    return db;
}

Error SqliteResultStore::moveAside(const QString &why)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QString aside = m_path + QStringLiteral(".broken-") + stamp;
    if (!QFile::rename(m_path, aside))
        return Error(ErrorCode::StoreError,
                     QStringLiteral("The result store %1 is damaged (%2) and could not be moved aside; move or "
                                    "delete it, or choose another store path in the settings.")
                         .arg(m_path, why));
    // Journal files belong to the old database; a new one must not pick them up.
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        const QString extra = m_path + QLatin1String(suffix);
        if (QFile::exists(extra))
            QFile::rename(extra, aside + QLatin1String(suffix));
    }
    addWarning(QStringLiteral("The result store %1 is damaged (%2). It was moved to %3 and a new, empty store "
                              "was started; cached answers and history start afresh.")
                   .arg(m_path, why, aside));
    return {};
}

Error SqliteResultStore::createSchema(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return Error(ErrorCode::StoreError, lastError(q));
    const int version = q.value(0).toInt();
    q.finish();
    if (version > SchemaVersion)
        return Error(ErrorCode::StoreError,
                     QStringLiteral("it was written by a newer RouterLens (format %1; this one reads format %2). Use "
                                    "that RouterLens, or choose another store path")
                         .arg(version)
                         .arg(SchemaVersion));
    if (version == SchemaVersion) {
        // A dropped index loses nothing: made again (no write when both are there).
        for (const char *sql : {"CREATE INDEX IF NOT EXISTS answers_lookup ON answers (router, kind, params_key, fetched_at)",
                                "CREATE INDEX IF NOT EXISTS answers_fetched ON answers (fetched_at)"}) {
            if (!q.exec(QString::fromLatin1(sql)))
                return Error(ErrorCode::StoreError, lastError(q));
        }
        // Usage figures start afresh when their table was dropped.
        if (!q.exec(kCreateUsage))
            return Error(ErrorCode::StoreError, lastError(q));
        return {};
    }
    // WAL lets readers on other threads proceed while one thread writes.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return Error(ErrorCode::StoreError, lastError(q));
    q.finish();
    QStringList statements;
    if (version == 2) {
        // The previous RouterLens's store: it only lacks the usage table (made below).
    } else if (version == 1) {
        // An older RouterLens's store: its rows keep no checksums (NULL) and are read as before.
        statements << QStringLiteral("ALTER TABLE answers ADD COLUMN records_crc INTEGER")
                   << QStringLiteral("ALTER TABLE answers ADD COLUMN meta_crc INTEGER");
    } else {
        statements << QStringLiteral("CREATE TABLE IF NOT EXISTS answers ("
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
                                     " records BLOB NOT NULL,"
                                     " records_crc INTEGER,"           // CRC-32 of records
                                     " meta_crc INTEGER)");            // CRC-32 of the other fields (metaText)
    }
    statements << QStringLiteral("CREATE INDEX IF NOT EXISTS answers_lookup ON answers (router, kind, params_key, fetched_at)")
               << QStringLiteral("CREATE INDEX IF NOT EXISTS answers_fetched ON answers (fetched_at)") << kCreateUsage
               << QStringLiteral("PRAGMA application_id = %1").arg(qint32(ApplicationId))
               << QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion);
    if (!db.transaction())
        return Error(ErrorCode::StoreError, db.lastError().text());
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            const QString err = lastError(q);
            q.finish();
            db.rollback();
            return Error(ErrorCode::StoreError, err);
        }
    }
    q.finish();
    if (!db.commit())
        return Error(ErrorCode::StoreError, db.lastError().text());
    // Into the file itself at once: its header (the application id) is how RouterLens knows the
    // file is its own, also after a crash before SQLite's own first checkpoint.
    q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    q.finish();
    return {};
}

SqliteResultStore::Verdict SqliteResultStore::examine(bool provenOurs)
{
    using What = Verdict::What;
    QSqlDatabase db = database();
    if (!db.isOpen()) {
        const QSqlError e = db.lastError();
        return {provenOurs && isCorrupt(e) ? What::Damaged : What::Failed, e.text()};
    }
    QSqlQuery q(db);
    QSet<QString> objects;
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master"))) {
        const QSqlError e = q.lastError();
        if (provenOurs && isCorrupt(e))
            return {What::Damaged, e.text()};
        return {isCorrupt(e) ? What::Foreign : What::Failed, e.text()};
    }
    while (q.next())
        objects.insert(q.value(0).toString());
    q.finish();
    if (!provenOurs) {
        // No RouterLens application id: ours only when it is empty or holds an older
        // RouterLens's table and nothing else.
        QStringList others;
        for (const QString &o : std::as_const(objects)) {
            if (!kOurObjects.contains(o) && !o.startsWith(QLatin1String("sqlite_autoindex_answers")))
                others << o;
        }
        if (!others.isEmpty()) {
            others.sort();
            return {What::Foreign, QStringLiteral("it is an SQLite database with other tables (%1)")
                                       .arg(others.mid(0, 5).join(QLatin1String(", ")))};
        }
    }
    if (objects.isEmpty())
        return {What::Usable, {}}; // ours, not set up yet (a crash while it was being created)
    // Without our application id, only our exact table makes it ours (an older RouterLens's
    // store); with it, anything missing is damage.
    const What missing = provenOurs ? What::Damaged : What::Foreign;
    if (!objects.contains(QStringLiteral("answers")))
        return {missing, QStringLiteral("its table of answers is missing")};
    QStringList columns;
    if (!q.exec(QStringLiteral("PRAGMA table_info(answers)"))) {
        const QSqlError e = q.lastError();
        return {isCorrupt(e) ? missing : What::Failed, e.text()};
    }
    while (q.next())
        columns << q.value(1).toString();
    q.finish();
    if (columns != kColumnsV1 && columns != kColumnsV2)
        return {missing, QStringLiteral("its table of answers has the columns %1, not the ones RouterLens writes")
                             .arg(columns.join(QLatin1String(", ")))};
    // A RouterLens store from here on.
    if (!q.exec(QStringLiteral("PRAGMA quick_check"))) {
        const QSqlError e = q.lastError();
        return {isCorrupt(e) ? What::Damaged : What::Failed, e.text()};
    }
    QStringList problems;
    while (q.next() && problems.size() < 3)
        problems << q.value(0).toString();
    q.finish();
    if (problems.value(0) != QLatin1String("ok"))
        return {What::Damaged, QStringLiteral("PRAGMA quick_check: %1").arg(problems.join(QLatin1String("; ")))};
    return {What::Usable, {}};
}

Error SqliteResultStore::open()
{
    if (m_open)
        return {};
    const QFileInfo info(m_path);
    if (info.exists() && !info.isFile())
        return Error(ErrorCode::StoreError,
                     QStringLiteral("The result store path %1 is not a file; choose a file name for the store.").arg(m_path));
    if (!QDir().mkpath(info.absolutePath()))
        return Error(ErrorCode::StoreError,
                     QStringLiteral("The folder %1 for the result store cannot be created; check its permissions or "
                                    "choose another store path.")
                         .arg(info.absolutePath()));
    const auto notOurs = [&](const QString &why) {
        dropConnections();
        return Error(ErrorCode::StoreError,
                     QStringLiteral("%1 is not a RouterLens result store (%2), so RouterLens leaves it as it is. Give "
                                    "the store a file of its own (a new file is created), or move this one away if "
                                    "it is a damaged store.")
                         .arg(m_path, why));
    };
    for (int attempt = 0; attempt < 2; ++attempt) {
        const FileHeader header = readHeader(m_path);
        if (header.kind == FileHeader::Kind::NotSqlite)
            return notOurs(header.what);
        bool ours = false;
        if (header.kind == FileHeader::Kind::Sqlite) {
            if (header.applicationId != 0 && header.applicationId != ApplicationId)
                return notOurs(QStringLiteral("it is the SQLite database of another application, application id "
                                              "0x%1")
                                   .arg(header.applicationId, 8, 16, QLatin1Char('0')));
            ours = header.applicationId == ApplicationId;
            if (header.userVersion > quint32(SchemaVersion)) {
                dropConnections();
                return Error(ErrorCode::StoreError,
                             QStringLiteral("The result store %1 was written by a newer RouterLens (format %2; this one "
                                            "reads format %3). Use that RouterLens, or choose another store path.")
                                 .arg(m_path)
                                 .arg(header.userVersion)
                                 .arg(SchemaVersion));
            }
        }
        // An empty file holds nothing to lose: SQLite sets it up as a new store.
        if (header.kind != FileHeader::Kind::Missing && !QFileInfo(m_path).isWritable()) {
            dropConnections();
            return Error(ErrorCode::StoreError,
                         QStringLiteral("The result store %1 is read-only; RouterLens needs to write to it. Make it "
                                        "writable, or choose another store path.")
                             .arg(m_path));
        }
        const Verdict v = examine(ours);
        switch (v.what) {
        case Verdict::What::Usable: {
            QSqlDatabase db = database();
            const Error e = createSchema(db);
            if (!e) {
                m_open = true;
                return {};
            }
            db = QSqlDatabase();
            dropConnections();
            return Error(ErrorCode::StoreError,
                         QStringLiteral("The result store %1 cannot be set up (%2); check the path and its "
                                        "permissions, or choose another store path in the settings.")
                             .arg(m_path, e.message));
        }
        case Verdict::What::Foreign:
            return notOurs(v.why);
        case Verdict::What::Damaged:
            dropConnections();
            if (attempt == 0) {
                if (Error moved = moveAside(v.why))
                    return moved;
                continue;
            }
            break;
        case Verdict::What::Failed:
            break;
        }
        dropConnections();
        return Error(ErrorCode::StoreError,
                     QStringLiteral("The result store %1 cannot be opened (%2); check the path and its permissions, "
                                    "or choose another store path in the settings.")
                         .arg(m_path, v.why));
    }
    dropConnections();
    return Error(ErrorCode::StoreError, QStringLiteral("The result store %1 cannot be opened.").arg(m_path));
}

bool SqliteResultStore::recover(const QSqlError &error, const QString &during)
{
    if (!isCorrupt(error))
        return false;
    QMutexLocker lock(&m_recoverMutex); // one thread moves the file; the others find the new generation
    const quint64 generation = m_generation.load();
    const auto mine = t_connections.byStore.constFind(m_storeId);
    if (mine != t_connections.byStore.constEnd() && mine->generation != generation)
        return true; // another thread moved it meanwhile: retry on the new file
    const FileHeader header = readHeader(m_path);
    if (header.kind != FileHeader::Kind::Sqlite || header.applicationId != ApplicationId) {
        addWarning(QStringLiteral("The result store %1 became unreadable while %2 (%3), and its file no longer looks "
                                  "like a RouterLens store, so it was left as it is; check what replaced it.")
                       .arg(m_path, during, error.text()));
        return false;
    }
    // Other threads' connections to the old file are dropped by those threads on their next use.
    if (moveAside(QStringLiteral("SQLite reported \"%1\" while %2").arg(error.text(), during)))
        return false;
    m_generation.fetch_add(1);
    return true;
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
    const QString kind = queryKindName(a.kind);
    const QString paramsKey = a.params.canonical();
    const QString params = QString::fromUtf8(QJsonDocument(a.params.toJson()).toJson(QJsonDocument::Compact));
    const QString commands =
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(a.commands)).toJson(QJsonDocument::Compact));
    const qint64 recordsCrc = crcOf(blob);
    // The row's checksum covers its id, known once it is inserted: both in one transaction.
    const auto insert = [&](QSqlDatabase &db, QSqlError *failure) -> qint64 {
        if (!db.transaction()) {
            *failure = db.lastError();
            return -1;
        }
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO answers (router, kind, params_key, params, fetched_at, expires_at,"
                                 " record_count, latency_ms, commands, records, records_crc, meta_crc)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"));
        for (const QVariant &v : {QVariant(a.router), QVariant(kind), QVariant(paramsKey), QVariant(params),
                                  QVariant(toMs(a.fetchedAt)), QVariant(toMs(a.expiresAt)),
                                  QVariant(qint64(a.records.size())), QVariant(a.latencyMs), QVariant(commands),
                                  QVariant(blob), QVariant(recordsCrc)})
            q.addBindValue(v);
        if (q.exec()) {
            const qint64 id = q.lastInsertId().toLongLong();
            q.finish();
            const qint64 metaCrc = crcOf(metaText(id, a.router, kind, paramsKey, params, toMs(a.fetchedAt),
                                                  toMs(a.expiresAt), a.records.size(), a.latencyMs, commands, recordsCrc));
            q.prepare(QStringLiteral("UPDATE answers SET meta_crc = ? WHERE id = ?"));
            q.addBindValue(metaCrc);
            q.addBindValue(id);
            if (q.exec()) {
                q.finish();
                if (db.commit())
                    return id;
                *failure = db.lastError();
                db.rollback();
                return -1;
            }
        }
        *failure = q.lastError();
        q.finish();
        db.rollback();
        return -1;
    };
    QSqlError failure;
    for (int attempt = 0; attempt < 2; ++attempt) {
        {
            QSqlDatabase db = database();
            const qint64 id = insert(db, &failure);
            if (id >= 0)
                return id;
        }
        if (attempt > 0 || !recover(failure, QStringLiteral("storing an answer of router \"%1\"").arg(a.router)))
            break;
    }
    const Error e(ErrorCode::StoreError,
                  QStringLiteral("The answer of router \"%1\" could not be kept in %2: %3. It is shown, but not kept "
                                 "for history.")
                      .arg(a.router, m_path, writeProblem(failure)),
                  failure.text());
    addWarning(e.message);
    return e;
}

std::optional<StoredAnswer> SqliteResultStore::loadWhere(const QString &where, const QVariantList &bindings)
{
    if (!m_open)
        return std::nullopt;
    StoredAnswer a;
    QByteArray blob;
    QVariant recordsCrc, metaCrc;
    QString kindName, params, commands;
    qint64 fetched = -1, expires = -1, recordCount = 0;
    QSqlError failure;
    for (int attempt = 0; attempt < 2; ++attempt) {
        {
            QSqlDatabase db = database();
            QSqlQuery q(db);
            q.setForwardOnly(true);
            q.prepare(QStringLiteral("SELECT id, router, kind, params, fetched_at, expires_at, latency_ms, commands,"
                                     " records, record_count, params_key, records_crc, meta_crc FROM answers WHERE ")
                      + where);
            for (const QVariant &b : bindings)
                q.addBindValue(b);
            if (q.exec() && q.next()) {
                a.id = q.value(0).toLongLong();
                a.router = q.value(1).toString();
                kindName = q.value(2).toString();
                params = q.value(3).toString();
                fetched = q.value(4).isNull() ? -1 : q.value(4).toLongLong();
                expires = q.value(5).isNull() ? -1 : q.value(5).toLongLong();
                a.latencyMs = q.value(6).toLongLong();
                commands = q.value(7).toString();
                blob = q.value(8).toByteArray();
                recordCount = q.value(9).toLongLong();
                const QString paramsKey = q.value(10).toString();
                recordsCrc = q.value(11);
                metaCrc = q.value(12);
                q.finish(); // release the read transaction before the (possibly long) decode
                if (!metaCrc.isNull()
                    && (crcOf(blob) != recordsCrc.toLongLong()
                        || crcOf(metaText(a.id, a.router, kindName, paramsKey, params, fetched, expires, recordCount,
                                          a.latencyMs, commands, recordsCrc.toLongLong()))
                            != metaCrc.toLongLong())) {
                    warnOnce(a.id, QStringLiteral("Stored answer %1 of router \"%2\" in %3 is damaged (its checksum "
                                                  "does not match) and was skipped; the router is asked again "
                                                  "instead.")
                                       .arg(a.id)
                                       .arg(a.router, m_path));
                    return std::nullopt;
                }
                failure = QSqlError();
                break;
            }
            failure = q.lastError();
            if (!failure.isValid())
                return std::nullopt; // no such answer
        }
        if (attempt > 0 || !recover(failure, QStringLiteral("reading stored answers")))
            break;
    }
    if (failure.isValid()) {
        addWarning(QStringLiteral("Reading %1 failed: %2").arg(m_path, failure.text()));
        return std::nullopt;
    }
    const auto kind = queryKindFromName(kindName);
    if (!kind)
        return std::nullopt;
    a.kind = *kind;
    a.params = QueryParams::fromJson(QJsonDocument::fromJson(params.toUtf8()).object());
    a.fetchedAt = fetched < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(fetched, Qt::UTC);
    a.expiresAt = expires < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(expires, Qt::UTC);
    for (const QJsonValue &c : QJsonDocument::fromJson(commands.toUtf8()).array())
        a.commands.append(c.toString());
    auto records = RecordSetCodec::decode(a.kind, blob);
    if (!records) {
        warnOnce(a.id, QStringLiteral("Stored answer %1 of router \"%2\" in %3 was skipped: %4 The router is asked "
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
    const QString kindName = queryKindName(kind);
    const QString paramsKey = params.canonical();
    QSqlError failure;
    for (int attempt = 0; attempt < 2; ++attempt) {
        {
            QSqlDatabase db = database();
            QSqlQuery q(db);
            q.setForwardOnly(true);
            q.prepare(QStringLiteral("SELECT id, fetched_at, expires_at, record_count, params, latency_ms, commands,"
                                     " records_crc, meta_crc FROM answers"
                                     " WHERE router = ? AND kind = ? AND params_key = ?"
                                     " ORDER BY fetched_at DESC, id DESC LIMIT ?"));
            q.addBindValue(router);
            q.addBindValue(kindName);
            q.addBindValue(paramsKey);
            q.addBindValue(limit < 0 ? -1 : limit);
            if (q.exec()) {
                while (q.next()) {
                    StoredAnswerInfo info;
                    info.id = q.value(0).toLongLong();
                    const qint64 fetched = q.value(1).toLongLong();
                    const qint64 expires = q.value(2).toLongLong();
                    info.recordCount = q.value(3).toLongLong();
                    const QVariant metaCrc = q.value(8);
                    if (!metaCrc.isNull()
                        && crcOf(metaText(info.id, router, kindName, paramsKey, q.value(4).toString(), fetched, expires,
                                          info.recordCount, q.value(5).toLongLong(), q.value(6).toString(),
                                          q.value(7).toLongLong()))
                            != metaCrc.toLongLong()) {
                        warnOnce(info.id, QStringLiteral("Stored answer %1 of router \"%2\" in %3 is damaged (its "
                                                         "checksum does not match) and is left out of the history.")
                                              .arg(info.id)
                                              .arg(router, m_path));
                        continue;
                    }
                    info.router = router;
                    info.kind = kind;
                    info.params = params;
                    info.fetchedAt = fromMs(fetched);
                    info.expiresAt = fromMs(expires);
                    out.append(info);
                }
                if (!q.lastError().isValid())
                    return out;
            }
            failure = q.lastError();
        }
        out.clear();
        if (attempt > 0 || !recover(failure, QStringLiteral("reading the history")))
            break;
    }
    addWarning(QStringLiteral("Reading the history from %1 failed: %2").arg(m_path, failure.text()));
    return out;
}

int SqliteResultStore::prune(const QDateTime &cutoff)
{
    if (!m_open || !cutoff.isValid())
        return 0;
    QSqlError failure;
    for (int attempt = 0; attempt < 2; ++attempt) {
        {
            QSqlDatabase db = database();
            QSqlQuery q(db);
            q.prepare(QStringLiteral("DELETE FROM answers WHERE fetched_at < ?"));
            q.addBindValue(toMs(cutoff));
            if (q.exec())
                return q.numRowsAffected();
            failure = q.lastError();
        }
        if (attempt > 0 || !recover(failure, QStringLiteral("removing old answers")))
            break;
    }
    addWarning(QStringLiteral("Removing old answers from %1 failed: %2").arg(m_path, writeProblem(failure)));
    return 0;
}

Error SqliteResultStore::addUsage(const QList<UsageBucket> &buckets)
{
    if (!m_open)
        return Error(ErrorCode::StoreError, QStringLiteral("The result store is not open."));
    if (buckets.isEmpty())
        return {};
    const auto add = [&](QSqlDatabase &db, QSqlError *failure) -> bool {
        if (!db.transaction()) {
            *failure = db.lastError();
            return false;
        }
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO usage (hour, client, router, metric, value) VALUES (?, ?, ?, ?, ?)"
                                 " ON CONFLICT (hour, client, router, metric) DO UPDATE SET value = value + excluded.value"));
        for (const UsageBucket &b : buckets) {
            const qint64 hour = usageHour(b.hour).toSecsSinceEpoch();
            for (const auto &[metric, value] : b.counters.toMetrics()) {
                q.addBindValue(hour);
                q.addBindValue(notNull(b.client)); // QtSql binds a null QString as NULL
                q.addBindValue(notNull(b.router));
                q.addBindValue(metric);
                q.addBindValue(value);
                if (!q.exec()) {
                    *failure = q.lastError();
                    q.finish();
                    db.rollback();
                    return false;
                }
            }
        }
        q.finish();
        if (db.commit())
            return true;
        *failure = db.lastError();
        db.rollback();
        return false;
    };
    QSqlError failure;
    for (int attempt = 0; attempt < 2; ++attempt) {
        {
            QSqlDatabase db = database();
            if (add(db, &failure))
                return {};
        }
        if (attempt > 0 || !recover(failure, QStringLiteral("adding usage figures")))
            break;
    }
    return Error(ErrorCode::StoreError,
                 QStringLiteral("Usage figures could not be kept in %1: %2. They are kept in memory and tried again.")
                     .arg(m_path, writeProblem(failure)),
                 failure.text());
}

Result<QList<UsageBucket>> SqliteResultStore::usage(const QDateTime &from, const QDateTime &to)
{
    if (!m_open)
        return Error(ErrorCode::StoreError, QStringLiteral("The result store is not open."));
    QSqlError failure;
    for (int attempt = 0; attempt < 2; ++attempt) {
        {
            QSqlDatabase db = database();
            QSqlQuery q(db);
            q.setForwardOnly(true);
            q.prepare(QStringLiteral("SELECT hour, client, router, metric, value FROM usage WHERE hour >= ? AND hour < ?"
                                     " ORDER BY hour, client, router"));
            q.addBindValue(usageHour(from).toSecsSinceEpoch());
            q.addBindValue(to.toSecsSinceEpoch());
            if (q.exec()) {
                QList<UsageBucket> out;
                while (q.next()) {
                    const qint64 hour = q.value(0).toLongLong();
                    const QString client = q.value(1).toString();
                    const QString router = q.value(2).toString();
                    if (out.isEmpty() || out.constLast().hour.toSecsSinceEpoch() != hour || out.constLast().client != client
                        || out.constLast().router != router)
                        out.append({QDateTime::fromSecsSinceEpoch(hour, Qt::UTC), client, router, {}});
                    out.last().counters.addMetric(q.value(3).toString(), q.value(4).toLongLong());
                }
                if (!q.lastError().isValid())
                    return out;
            }
            failure = q.lastError();
        }
        if (attempt > 0 || !recover(failure, QStringLiteral("reading usage figures")))
            break;
    }
    return Error(ErrorCode::StoreError, QStringLiteral("Reading usage figures from %1 failed.").arg(m_path), failure.text());
}

int SqliteResultStore::pruneUsage(const QDateTime &cutoff)
{
    if (!m_open || !cutoff.isValid())
        return 0;
    QSqlDatabase db = database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM usage WHERE hour < ?"));
    q.addBindValue(usageHour(cutoff).toSecsSinceEpoch());
    if (q.exec())
        return q.numRowsAffected();
    addWarning(QStringLiteral("Removing old usage figures from %1 failed: %2").arg(m_path, writeProblem(q.lastError())));
    return 0;
}

} // namespace rl
