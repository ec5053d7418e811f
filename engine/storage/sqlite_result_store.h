#pragma once

#include "engine/storage/result_store.h"

#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

#include <atomic>

class QSqlError;

namespace rl {

// The result store in an SQLite file (QtSql, QSQLITE driver).
//
// Threads: a QSqlDatabase connection may only be used by the thread that opened it, so each
// thread that calls the store opens its own connection lazily (a unique connection name per
// store and thread) and closes it when the thread ends or the store is destroyed. WAL mode
// lets readers run while one thread writes; writers wait up to busyTimeoutMs for each other.
//
// Records are kept as RecordSetCodec blobs (typed binary, compressed) so a full routing table
// fits; each row carries CRC-32 checksums of its blob and of its other fields, so a row that
// the disk damaged is skipped with a warning instead of being shown.
//
// Honest about the file: only a file that is a RouterLens store (its SQLite application id,
// or an older RouterLens's table and nothing else) is ever touched. Any other file — an
// inventory given as --store by mistake, another program's database, random bytes — is
// refused with a store-error and left exactly as it was. A RouterLens store that fails
// PRAGMA quick_check or lacks its table at open, or that SQLite finds damaged later, is
// renamed aside with a timestamp, reported in warnings(), and a new one started.
class SqliteResultStore final : public ResultStore
{
public:
    explicit SqliteResultStore(const QString &path, int busyTimeoutMs = 10000);
    ~SqliteResultStore() override;
    Q_DISABLE_COPY_MOVE(SqliteResultStore)

    // <AppDataLocation>/results.sqlite
    static QString defaultPath();
    // 2: CRC-32 checksums per row (version 1 stores are upgraded in place).
    // 3: the usage table (hourly usage per client and router; older stores get it in place).
    static constexpr int SchemaVersion = 3;
    // "RLST" in the SQLite header's application id: how a RouterLens store is told from
    // other SQLite files without trusting anything else in it.
    static constexpr quint32 ApplicationId = 0x524c5354;

    Error open() override;
    std::optional<StoredAnswer> fresh(const QString &router, QueryKind kind, const QueryParams &params,
                                      const QDateTime &notBefore, const QDateTime &now) override;
    Result<qint64> put(const StoredAnswer &answer) override;
    QList<StoredAnswerInfo> history(const QString &router, QueryKind kind, const QueryParams &params,
                                    int limit = 100) override;
    std::optional<StoredAnswer> load(qint64 id) override;
    int prune(const QDateTime &cutoff) override;
    Error addUsage(const QList<UsageBucket> &buckets) override;
    Result<QList<UsageBucket>> usage(const QDateTime &from, const QDateTime &to) override;
    int pruneUsage(const QDateTime &cutoff) override;
    QStringList warnings() const override;
    void setWarningHandler(WarningHandler handler) override;

    QString path() const { return m_path; }

private:
    struct Verdict;

    // This thread's connection to the current file, opened on first use; invalid when it
    // cannot be opened.
    QSqlDatabase database();
    QSqlDatabase openConnection(const QString &name) const;
    Error createSchema(QSqlDatabase &db);
    // Opens this thread's connection and decides whether the file is a usable RouterLens store.
    Verdict examine(bool provenOurs);
    Error moveAside(const QString &why);
    // A damaged file found while working: moved aside (when it is still ours) and a new store
    // started. `during`: what was being done. True when the caller may retry on the new file.
    bool recover(const QSqlError &error, const QString &during);
    void addWarning(const QString &warning);
    void warnOnce(qint64 answerId, const QString &warning);
    void dropConnections();
    std::optional<StoredAnswer> loadWhere(const QString &where, const QVariantList &bindings);

    const QString m_path;
    const int m_busyTimeoutMs;
    const quint64 m_storeId;
    std::atomic<bool> m_open{false};
    std::atomic<quint64> m_generation{0}; // bumped when the file is moved aside at runtime
    QMutex m_recoverMutex;                // one runtime move aside at a time
    mutable QMutex m_mutex;               // guards the members below
    QStringList m_connectionNames;
    QStringList m_warnings;
    QSet<qint64> m_warnedAnswers;
    QMutex m_handlerMutex; // held while the handler runs
    WarningHandler m_handler;
};

} // namespace rl
