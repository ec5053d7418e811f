// An honest store: a file that is not a RouterLens store is never renamed or replaced; a
// damaged RouterLens store (truncated, pages overwritten, its table dropped) is found at open
// or while working, moved aside and reported; nothing committed is lost when the writer is
// killed; a full disk and a read-only file give clear errors. What could only happen in
// another process (SIGKILL, a file size limit, another user) runs in store_helper.
#include "engine/storage/record_set_codec.h"
#include "engine/storage/sqlite_result_store.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtEndian>

#include <csignal>
#include <sys/stat.h>

using namespace rl;

namespace {

const QDateTime kT0 = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
constexpr int kPageSize = 4096; // SQLite's default, which the store keeps

StoredAnswer answer(int i)
{
    StoredAnswer a;
    a.router = QStringLiteral("pe%1").arg(i % 4);
    a.kind = QueryKind::BgpStatus;
    a.params.vrf = QStringLiteral("v%1").arg(i);
    a.fetchedAt = kT0.addSecs(i);
    a.expiresAt = a.fetchedAt.addSecs(3600);
    a.commands = {QStringLiteral("show bgp vrf v%1 summary").arg(i)};
    a.latencyMs = 10 + i;
    QList<BgpNeighborRecord> rows(10 + i % 30);
    for (int r = 0; r < rows.size(); ++r) {
        rows[r].vrf = a.params.vrf;
        rows[r].neighbor = QStringLiteral("198.51.100.%1").arg(r + 1);
        rows[r].remoteAs = 64512 + i * 7 + r;
        rows[r].state = r % 3 ? BgpState::Established : BgpState::Active;
        rows[r].description = QStringLiteral("customer %1 session %2").arg(i).arg(r);
        rows[r].prefixesReceived = i * r;
    }
    a.records = RecordSet(QueryKind::BgpStatus, rows);
    return a;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Runs SQL on the file directly, as another program would.
bool execDirect(const QString &path, const QStringList &sql)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("direct"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &s : sql)
            ok = ok && q.exec(s);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("direct"));
    return ok;
}

// What reading every answer back found.
struct Reading {
    int intact = 0;
    int missing = 0;
};

// Every answer is either read back exactly as it was stored, or not at all: never changed.
Reading readBack(SqliteResultStore &store, const QList<qint64> &ids, const QList<StoredAnswer> &answers)
{
    Reading r;
    for (int i = 0; i < ids.size(); ++i) {
        const StoredAnswer &want = answers[i];
        const auto got = store.load(ids[i]);
        if (!got) {
            ++r.missing;
            continue;
        }
        if (got->records != want.records || got->router != want.router || got->params != want.params
            || got->fetchedAt != want.fetchedAt || got->expiresAt != want.expiresAt || got->commands != want.commands) {
            qWarning("answer %lld came back changed", static_cast<long long>(ids[i]));
            return {-1, -1};
        }
        ++r.intact;
        for (const StoredAnswerInfo &info : store.history(want.router, want.kind, want.params)) {
            if (info.id == ids[i] && (info.fetchedAt != want.fetchedAt || info.recordCount != want.records.size())) {
                qWarning("history of answer %lld came back changed", static_cast<long long>(ids[i]));
                return {-1, -1};
            }
        }
    }
    return r;
}

} // namespace

class TestStoreIntegrity final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_pristine;      // a populated store, checkpointed into one file
    QList<qint64> m_ids;
    QList<StoredAnswer> m_answers;
    int m_cases = 0;

    QString freshDir()
    {
        const QString dir = m_dir.filePath(QStringLiteral("case%1").arg(++m_cases));
        QDir().mkpath(dir);
        return dir;
    }
    QStringList filesIn(const QString &dir) const { return QDir(dir).entryList(QDir::Files, QDir::Name); }

private Q_SLOTS:
    void initTestCase();
    void foreignFilesLeftAlone_data();
    void foreignFilesLeftAlone();
    void olderStoreUpgraded();
    void truncation_data();
    void truncation();
    void randomPageDamage();
    void droppedTable();
    void droppedIndexRecreated();
    void damageFoundWhileWorking();
    void readOnlyFileLeftAlone();
    void fullDisk();
    void killedWhileWriting();
};

void TestStoreIntegrity::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("pristine.sqlite"));
    {
        SqliteResultStore store(path);
        QVERIFY(!store.open());
        for (int i = 0; i < 120; ++i) {
            m_answers << answer(i);
            const auto id = store.put(m_answers.last());
            QVERIFY(id.ok());
            m_ids << *id;
        }
    }
    // The last connection closed: SQLite checkpointed the WAL into the file and removed it.
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    m_pristine = readAll(path);
    QVERIFY(m_pristine.size() > 20 * kPageSize);
    QCOMPARE(m_pristine.size() % kPageSize, 0);
}

void TestStoreIntegrity::foreignFilesLeftAlone_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("the example inventory") << readAll(QStringLiteral(TOPSRCDIR "resources/examples/inventory.json"));
    QTest::newRow("a Nornir hosts file") << readAll(QStringLiteral(TOPSRCDIR "resources/examples/hosts.yaml"));
    QRandomGenerator rng(7);
    QByteArray noise(20000, '\0');
    rng.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
    QTest::newRow("random bytes") << noise;
    QTest::newRow("a store cut inside its header") << m_pristine.left(60);
    QByteArray otherId = m_pristine;
    otherId[68] = 0x12; // another application id, the rest a valid database
    QTest::newRow("another application id") << otherId;

    // Another program's SQLite database, with and without an application id.
    for (const bool withId : {false, true}) {
        const QString path = m_dir.filePath(withId ? QStringLiteral("other-id.db") : QStringLiteral("other.db"));
        QStringList sql{QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"),
                        QStringLiteral("INSERT INTO notes (text) VALUES ('keep me')")};
        if (withId)
            sql.prepend(QStringLiteral("PRAGMA application_id = 1234"));
        QVERIFY(execDirect(path, sql));
        QTest::newRow(withId ? "another application's database (with its id)" : "another application's database")
            << readAll(path);
    }
    // Another program's table next to ours.
    const QString mixed = m_dir.filePath(QStringLiteral("mixed.db"));
    QVERIFY(execDirect(mixed, {QStringLiteral("CREATE TABLE answers (id INTEGER PRIMARY KEY)"),
                               QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")}));
    QTest::newRow("an answers table among others") << readAll(mixed);
}

void TestStoreIntegrity::foreignFilesLeftAlone()
{
    QFETCH(QByteArray, content);
    QVERIFY(!content.isEmpty());
    const QString dir = freshDir();
    const QString path = dir + QStringLiteral("/inv.json");
    QVERIFY(writeAll(path, content));
    SqliteResultStore store(path);
    const Error e = store.open();
    QCOMPARE(e.code, ErrorCode::StoreError);
    QVERIFY2(e.message.contains(QStringLiteral("is not a RouterLens result store")), qPrintable(e.message));
    QVERIFY2(e.message.contains(QStringLiteral("leaves it as it is")), qPrintable(e.message));
    // Untouched: same name, same bytes, nothing next to it.
    QCOMPARE(filesIn(dir), QStringList{QStringLiteral("inv.json")});
    QCOMPARE(readAll(path), content);
    QVERIFY(store.warnings().isEmpty());
}

void TestStoreIntegrity::olderStoreUpgraded()
{
    // A store of the previous RouterLens: no application id, no checksums (schema 1).
    const QString dir = freshDir();
    const QString path = dir + QStringLiteral("/results.sqlite");
    const StoredAnswer old = answer(3);
    const QByteArray blob = RecordSetCodec::encode(old.records);
    QVERIFY(execDirect(path, {QStringLiteral("PRAGMA journal_mode = WAL"),
                              QStringLiteral("CREATE TABLE answers (id INTEGER PRIMARY KEY AUTOINCREMENT, router TEXT NOT NULL,"
                                             " kind TEXT NOT NULL, params_key TEXT NOT NULL, params TEXT NOT NULL,"
                                             " fetched_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,"
                                             " record_count INTEGER NOT NULL, latency_ms INTEGER NOT NULL,"
                                             " commands TEXT NOT NULL, records BLOB NOT NULL)"),
                              QStringLiteral("CREATE INDEX answers_lookup ON answers (router, kind, params_key, fetched_at)"),
                              QStringLiteral("CREATE INDEX answers_fetched ON answers (fetched_at)"),
                              QStringLiteral("INSERT INTO answers VALUES (1, 'pe3', 'bgp-status', '%1', '%2', %3, %4, %5, 13,"
                                             " '[\"show bgp vrf v3 summary\"]', X'%6')")
                                  .arg(old.params.canonical(), QStringLiteral("{\"vrf\":\"v3\"}"))
                                  .arg(old.fetchedAt.toMSecsSinceEpoch())
                                  .arg(old.expiresAt.toMSecsSinceEpoch())
                                  .arg(old.records.size())
                                  .arg(QString::fromLatin1(blob.toHex())),
                              QStringLiteral("PRAGMA user_version = 1")}));
    {
        SqliteResultStore store(path);
        const Error e = store.open();
        QVERIFY2(!e, qPrintable(e.toString()));
        QVERIFY(store.warnings().isEmpty());
        const auto back = store.load(1);
        QVERIFY(back);
        QCOMPARE(back->records, old.records);
        const auto id = store.put(answer(4));
        QVERIFY(id.ok());
        QCOMPARE(store.load(*id)->records, answer(4).records);
    }
    QCOMPARE(filesIn(dir).filter(QStringLiteral("broken")), QStringList());
    // Closed: the upgrade reached the file itself.
    const QByteArray head = readAll(path).left(100);
    QCOMPARE(qFromBigEndian<quint32>(head.constData() + 68), SqliteResultStore::ApplicationId);
}

void TestStoreIntegrity::truncation_data()
{
    QTest::addColumn<qsizetype>("keep");
    QTest::addColumn<bool>("movedAtOpen");
    QTest::newRow("first page only") << qsizetype(kPageSize) << true;
    QTest::newRow("two pages") << qsizetype(2 * kPageSize) << true;
    QTest::newRow("half") << qsizetype(m_pristine.size() / kPageSize / 2 * kPageSize) << true;
    QTest::newRow("half a page short") << qsizetype(m_pristine.size() - kPageSize / 2) << false;
    QTest::newRow("one page short") << qsizetype(m_pristine.size() - kPageSize) << false;
    QTest::newRow("one byte short") << qsizetype(m_pristine.size() - 1) << false;
}

void TestStoreIntegrity::truncation()
{
    QFETCH(qsizetype, keep);
    QFETCH(bool, movedAtOpen);
    const QString dir = freshDir();
    const QString path = dir + QStringLiteral("/results.sqlite");
    const QByteArray cut = m_pristine.left(keep);
    QVERIFY(writeAll(path, cut));
    SqliteResultStore store(path);
    const Error e = store.open();
    QVERIFY2(!e, qPrintable(e.toString()));
    const QStringList aside = filesIn(dir).filter(QStringLiteral(".broken-"));
    if (movedAtOpen) {
        QCOMPARE(store.warnings().size(), 1);
        QVERIFY2(store.warnings()[0].contains(QStringLiteral("is damaged")), qPrintable(store.warnings()[0]));
        QVERIFY2(store.warnings()[0].contains(QStringLiteral("moved to")), qPrintable(store.warnings()[0]));
        QCOMPARE(aside.size(), 1);
        QCOMPARE(readAll(dir + QLatin1Char('/') + aside[0]), cut); // kept as it was, for someone to look at
    }
    // Whatever was found: nothing comes back changed, and a loss is never silent.
    const Reading r = readBack(store, m_ids, m_answers);
    QVERIFY(r.intact >= 0);
    if (r.missing > 0)
        QVERIFY2(!store.warnings().isEmpty(), qPrintable(QStringLiteral("%1 answers lost without a warning").arg(r.missing)));
    // And the store works.
    const auto id = store.put(answer(500));
    QVERIFY2(id.ok(), qPrintable(id.error().toString()));
    QVERIFY(store.load(*id));
}

void TestStoreIntegrity::randomPageDamage()
{
    // 60 stores, each with one run of random bytes somewhere after the header.
    const int pages = int(m_pristine.size() / kPageSize);
    int movedAtOpen = 0, foundLater = 0, harmless = 0, answersLost = 0;
    for (int seed = 1; seed <= 60; ++seed) {
        QRandomGenerator rng{quint32(seed)};
        QByteArray damaged = m_pristine;
        const int page = rng.bounded(pages);
        const int length = 16 + rng.bounded(kPageSize / 2);
        const int start = qMax(100, page * kPageSize + rng.bounded(kPageSize - length)); // the header is left alone
        for (int i = start; i < start + length; ++i)
            damaged[i] = char(rng.bounded(256));
        const QString dir = freshDir();
        const QString path = dir + QStringLiteral("/results.sqlite");
        QVERIFY(writeAll(path, damaged));
        SqliteResultStore store(path);
        const Error e = store.open();
        QVERIFY2(!e, qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(e.toString())));
        const bool moved = !store.warnings().isEmpty();
        const Reading r = readBack(store, m_ids, m_answers);
        QVERIFY2(r.intact >= 0, qPrintable(QStringLiteral("seed %1: an answer came back changed").arg(seed)));
        if (r.missing > 0)
            QVERIFY2(!store.warnings().isEmpty(),
                     qPrintable(QStringLiteral("seed %1: %2 answers lost without a warning").arg(seed).arg(r.missing)));
        QVERIFY2(store.put(answer(600 + seed)).ok(), qPrintable(QStringLiteral("seed %1").arg(seed)));
        movedAtOpen += moved;
        foundLater += !moved && !store.warnings().isEmpty();
        harmless += store.warnings().isEmpty();
        answersLost += r.missing;
    }
    qInfo("60 damaged stores: %d moved aside at open, %d found damaged while reading, %d harmless (damage in unused "
          "space); %d answers lost, none changed",
          movedAtOpen, foundLater, harmless, answersLost);
}

void TestStoreIntegrity::droppedTable()
{
    const QString dir = freshDir();
    const QString path = dir + QStringLiteral("/results.sqlite");
    QVERIFY(writeAll(path, m_pristine));
    QVERIFY(execDirect(path, {QStringLiteral("DROP TABLE answers")}));
    SqliteResultStore store(path);
    const Error e = store.open();
    QVERIFY2(!e, qPrintable(e.toString()));
    QCOMPARE(store.warnings().size(), 1);
    QVERIFY2(store.warnings()[0].contains(QStringLiteral("table of answers is missing")), qPrintable(store.warnings()[0]));
    QCOMPARE(filesIn(dir).filter(QStringLiteral(".broken-")).size(), 1);
    QVERIFY(store.put(answer(1)).ok());
}

void TestStoreIntegrity::droppedIndexRecreated()
{
    const QString dir = freshDir();
    const QString path = dir + QStringLiteral("/results.sqlite");
    QVERIFY(writeAll(path, m_pristine));
    QVERIFY(execDirect(path, {QStringLiteral("DROP INDEX answers_lookup")}));
    {
        SqliteResultStore store(path);
        QVERIFY(!store.open());
        QVERIFY(store.warnings().isEmpty()); // nothing was lost: the index is made again
        QCOMPARE(readBack(store, m_ids, m_answers).intact, m_ids.size());
    }
    bool found = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'answers_lookup'")) && q.next());
        found = q.value(0).toInt() == 1;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    QVERIFY(found);
}

void TestStoreIntegrity::damageFoundWhileWorking()
{
    const QString dir = freshDir();
    const QString path = dir + QStringLiteral("/results.sqlite");
    QVERIFY(writeAll(path, m_pristine));
    SqliteResultStore store(path);
    QVERIFY(!store.open());
    QVERIFY(store.warnings().isEmpty());
    QStringList handled;
    QMutex handledMutex;
    store.setWarningHandler([&](const QString &w) {
        QMutexLocker lock(&handledMutex);
        handled << w;
    });
    // Something overwrites the file while RouterLens runs: every page after the first.
    QByteArray broken = m_pristine;
    for (qsizetype i = kPageSize; i < broken.size(); ++i)
        broken[i] = char(0xa5 ^ (i * 131));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.write(broken) == broken.size());
    }
    // A thread with a new connection reads it from the disk, finds it damaged, moves it aside.
    std::optional<StoredAnswer> got;
    QThread *reader = QThread::create([&] { got = store.load(m_ids[40]); });
    reader->start();
    QVERIFY(reader->wait(30000));
    delete reader;
    QVERIFY(!got);
    QVERIFY2(!store.warnings().isEmpty(), "no warning");
    const QString w = store.warnings().constLast();
    QVERIFY2(w.contains(QStringLiteral("is damaged")) && w.contains(QStringLiteral("moved to")), qPrintable(w));
    QCOMPARE(handled, store.warnings());
    const QStringList aside = filesIn(dir).filter(QStringLiteral(".broken-"));
    QCOMPARE(aside.filter(QRegularExpression(QStringLiteral("broken-[0-9-]+$"))).size(), 1);
    // Work goes on with a new store, from this thread (whose connection was to the old file) too.
    const auto id = store.put(answer(7));
    QVERIFY2(id.ok(), qPrintable(id.error().toString()));
    const auto back = store.load(*id);
    QVERIFY(back);
    QCOMPARE(back->records, answer(7).records);
}

void TestStoreIntegrity::readOnlyFileLeftAlone()
{
    // Opened by a user who may not write it (store_helper drops to "nobody" when run as root).
    const QString dir = freshDir();
    const QString path = dir + QStringLiteral("/results.sqlite");
    QVERIFY(writeAll(path, m_pristine));
    QVERIFY(::chmod(QFile::encodeName(m_dir.path()).constData(), 0755) == 0);
    QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0755) == 0);
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0444) == 0);
    QProcess p;
    p.start(QStringLiteral(STORE_HELPER), {QStringLiteral("open"), path});
    QVERIFY(p.waitForFinished(30000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(out.startsWith(QStringLiteral("error ")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("is read-only")), qPrintable(out));
    QCOMPARE(filesIn(dir), QStringList{QStringLiteral("results.sqlite")});
    QCOMPARE(readAll(path), m_pristine);
}

void TestStoreIntegrity::fullDisk()
{
    // Files limited to 300 KiB (RLIMIT_FSIZE in the child): the put that does not fit fails
    // with a sentence, nothing stored before is lost, and the store opens afterwards.
    const QString dir = freshDir();
    const QString path = dir + QStringLiteral("/results.sqlite");
    QProcess p;
    p.start(QStringLiteral(STORE_HELPER), {QStringLiteral("fill"), path, QString::number(300 * 1024)});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QCOMPARE(p.exitCode(), 0);
    const QRegularExpressionMatch stored = QRegularExpression(QStringLiteral("^stored (\\d+)$"),
                                                              QRegularExpression::MultilineOption).match(out);
    QVERIFY2(stored.hasMatch(), qPrintable(out));
    const int n = stored.captured(1).toInt();
    QVERIFY2(n > 5, qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("error store-error: The answer of router \"w\" could not be kept in")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("free space")), qPrintable(out));

    SqliteResultStore store(path);
    const Error e = store.open();
    QVERIFY2(!e, qPrintable(e.toString()));
    QVERIFY2(store.warnings().isEmpty(), qPrintable(store.warnings().join(QLatin1Char('\n'))));
    for (int i = 0; i < n; ++i) {
        QueryParams params;
        params.vrf = QStringLiteral("n%1").arg(i);
        const auto a = store.fresh(QStringLiteral("w"), QueryKind::BgpStatus, params, {}, {});
        QVERIFY2(a, qPrintable(QStringLiteral("answer %1 of %2 lost").arg(i).arg(n)));
        QCOMPARE(a->records.rows<BgpNeighborRecord>().first().remoteAs, qint64(i));
    }
    QVERIFY(store.put(answer(1)).ok());
}

void TestStoreIntegrity::killedWhileWriting()
{
    // 50 times: a child writes answers in a loop and is killed with SIGKILL at a random moment;
    // the store then opens as it is (nothing moved aside) and holds every answer the child
    // reported committed.
    const QString dir = freshDir();
    const QString path = dir + QStringLiteral("/results.sqlite");
    QRandomGenerator rng(15);
    qint64 next = 0;
    QList<qint64> committed;
    for (int round = 0; round < 50; ++round) {
        QProcess p;
        p.start(QStringLiteral(STORE_HELPER), {QStringLiteral("write"), path, QString::number(next)});
        QVERIFY(p.waitForStarted(10000));
        QByteArray out;
        while (!out.contains("committed") && p.waitForReadyRead(10000))
            out += p.readAllStandardOutput();
        QVERIFY2(out.contains("committed"), out.constData());
        QThread::usleep(rng.bounded(20000)); // mid-write, most of the time
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        out += p.readAllStandardOutput();
        QVERIFY2(!out.contains("error"), out.constData());
        const QList<QByteArray> lines = out.split('\n');
        const qint64 before = committed.size();
        for (const QByteArray &line : lines) {
            if (line.startsWith("committed "))
                committed << line.mid(10).toLongLong();
        }
        QVERIFY(committed.size() > before);
        next = committed.last() + 1;

        SqliteResultStore store(path);
        const Error e = store.open();
        QVERIFY2(!e, qPrintable(e.toString()));
        QVERIFY2(store.warnings().isEmpty(), qPrintable(store.warnings().join(QLatin1Char('\n'))));
        for (qsizetype i = before; i < committed.size(); ++i) {
            QueryParams params;
            params.vrf = QStringLiteral("n%1").arg(committed[i]);
            const auto a = store.fresh(QStringLiteral("w"), QueryKind::BgpStatus, params, {}, {});
            QVERIFY2(a, qPrintable(QStringLiteral("round %1: committed answer %2 lost").arg(round).arg(committed[i])));
            QCOMPARE(a->records.rows<BgpNeighborRecord>().first().remoteAs, committed[i]);
        }
    }
    // At the end, every answer of every round is still there.
    SqliteResultStore store(path);
    QVERIFY(!store.open());
    for (qint64 n : std::as_const(committed)) {
        QueryParams params;
        params.vrf = QStringLiteral("n%1").arg(n);
        QVERIFY2(store.fresh(QStringLiteral("w"), QueryKind::BgpStatus, params, {}, {}),
                 qPrintable(QStringLiteral("answer %1 lost").arg(n)));
    }
    qInfo("50 kills during a write loop: %lld committed answers, none lost", static_cast<long long>(committed.size()));
}

QTEST_GUILESS_MAIN(TestStoreIntegrity)
#include "tst_store_integrity.moc"
