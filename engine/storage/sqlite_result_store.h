#pragma once

#include "engine/storage/result_store.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QStringList>

#include <atomic>

namespace rl {

// The result store in an SQLite file (QtSql, QSQLITE driver).
//
// Threads: a QSqlDatabase connection may only be used by the thread that opened it, so each
// thread that calls the store opens its own connection lazily (a unique connection name per
// store and thread) and closes it when the thread ends or the store is destroyed. WAL mode
// lets readers run while one thread writes; writers wait up to busyTimeoutMs for each other.
//
// Records are kept as RecordSetCodec blobs (typed binary, compressed) so a full routing table
// fits. A file that is not an SQLite database, is damaged, or has a schema of a newer
// RouterLens is renamed aside with a timestamp, reported in warnings(), and a new one created.
class SqliteResultStore final : public ResultStore
{
public:
    explicit SqliteResultStore(const QString &path, int busyTimeoutMs = 10000);
    ~SqliteResultStore() override;
    Q_DISABLE_COPY_MOVE(SqliteResultStore)

    // <AppDataLocation>/results.sqlite
    static QString defaultPath();
    static constexpr int SchemaVersion = 1;

    Error open() override;
    std::optional<StoredAnswer> fresh(const QString &router, QueryKind kind, const QueryParams &params,
                                      const QDateTime &notBefore, const QDateTime &now) override;
    Result<qint64> put(const StoredAnswer &answer) override;
    QList<StoredAnswerInfo> history(const QString &router, QueryKind kind, const QueryParams &params,
                                    int limit = 100) override;
    std::optional<StoredAnswer> load(qint64 id) override;
    int prune(const QDateTime &cutoff) override;
    QStringList warnings() const override;

    QString path() const { return m_path; }

private:
    // This thread's connection, opened on first use; invalid when it cannot be opened.
    QSqlDatabase database();
    QSqlDatabase openConnection(const QString &name) const;
    Error createSchema(QSqlDatabase &db);
    // Opens this thread's connection and checks the file; the problem, or empty when usable.
    QString probe();
    Error moveAside(const QString &why);
    void addWarning(const QString &warning);
    void dropConnections();
    std::optional<StoredAnswer> loadWhere(const QString &where, const QVariantList &bindings);

    const QString m_path;
    const int m_busyTimeoutMs;
    const quint64 m_storeId;
    std::atomic<bool> m_open{false};
    mutable QMutex m_mutex; // guards the two lists below
    QStringList m_connectionNames;
    QStringList m_warnings;
};

} // namespace rl
