#pragma once

#include "engine/api/error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

struct pg_conn;
struct pg_result;

namespace rl {

// One parameter of a statement: text, bytes (bytea, sent in binary) or NULL.
struct PgParam {
    QByteArray data;
    bool isNull = false;
    bool binary = false;

    PgParam(const QString &text) : data(text.toUtf8()) {}
    PgParam(const char *text) : data(text) {}
    PgParam(qint64 n) : data(QByteArray::number(n)) {}
    PgParam(int n) : data(QByteArray::number(n)) {}
    PgParam(double n) : data(QByteArray::number(n, 'g', 17)) {}
    static PgParam bytes(QByteArray b)
    {
        PgParam p(QString{});
        p.data = std::move(b);
        p.binary = true;
        return p;
    }
    static PgParam null()
    {
        PgParam p(QString{});
        p.isNull = true;
        return p;
    }
};

// The rows a statement returned (text format), and how many rows it touched.
class PgRows
{
public:
    PgRows() = default;
    explicit PgRows(pg_result *result);
    int size() const;
    bool isNull(int row, int column) const;
    QByteArray bytes(int row, int column) const; // a bytea column, unescaped
    QString text(int row, int column) const;
    qint64 number(int row, int column, qint64 ifNull = -1) const;
    double real(int row, int column) const;
    bool boolean(int row, int column) const;
    qint64 affected() const; // INSERT/UPDATE/DELETE

private:
    std::shared_ptr<pg_result> m_result;
};

// A PostgreSQL database reached with libpq: a small pool of connections, one per thread at a
// time (a libpq connection is not to be shared by threads at once), and the schema of team
// mode created or migrated at open(). Thread-safe.
//
// The connection string is libpq's (a postgresql:// URI or key=value pairs); a password in it
// is refused: it would show in the process list and in logs. Use peer authentication on a
// socket, a password file (PGPASSFILE, ~/.pgpass) or a service file (PGSERVICEFILE).
class PgDatabase
{
public:
    // Version 1: rl_schema, rl_answers, rl_throttle (+ rl_throttle_take), rl_work.
    // Version 2: rl_router_slot and rl_router_wait (the per-router limit across processes),
    // rl_usage (hourly usage per client and router, added to by every process).
    static constexpr int SchemaVersion = 2;

    explicit PgDatabase(QString conninfo, int maxIdleConnections = 8);
    ~PgDatabase();
    PgDatabase(const PgDatabase &) = delete;
    PgDatabase &operator=(const PgDatabase &) = delete;

    // Connects, then creates or migrates the schema (several processes may start at once:
    // an advisory lock makes one of them do it). database-unreachable when it cannot connect,
    // database-schema-newer when a newer RouterLens set the database up.
    Error open();
    // A password written into the connection string, or a string libpq cannot read.
    static Error checkConninfo(const QString &conninfo);
    // Where the database is, for messages and logs (never a password).
    QString describe() const;

    // One statement on a pooled connection. A connection that broke is opened again and the
    // statement tried once more.
    Result<PgRows> exec(const char *sql, const QList<PgParam> &params = {});
    // Several statements in one transaction on one connection; `body` returns an error to
    // roll back. The statements go through the `exec` handed to it.
    using Exec = std::function<Result<PgRows>(const char *sql, const QList<PgParam> &params)>;
    Error transaction(const std::function<Error(const Exec &exec)> &body);

    // The schema version the database has (after open()).
    int schemaVersion() const { return m_schemaVersion; }

private:
    struct Connection;
    Result<pg_conn *> acquire();
    void release(pg_conn *conn);
    Result<PgRows> run(pg_conn *conn, const char *sql, const QList<PgParam> &params);
    Error migrate();
    Error unreachable(const QString &why) const;

    QString m_conninfo;
    int m_maxIdle;
    std::mutex m_mutex;
    std::vector<pg_conn *> m_idle;
    int m_schemaVersion = 0;
};

} // namespace rl
