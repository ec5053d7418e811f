#include "engine/team/pg_database.h"

#include <libpq-fe.h>

#include <QStringList>

namespace rl {

namespace {

// The advisory lock key under which one process at a time sets the schema up ("rlschema").
constexpr qint64 SchemaLockKey = 0x726c736368656d61;

// What each version adds, in order. A migration is only ever appended.
const char *const kMigrations[] = {
    // 1: team mode's first form.
    R"SQL(
CREATE TABLE rl_answers (
    id bigserial PRIMARY KEY,
    router text NOT NULL,
    kind text NOT NULL,
    params_key text NOT NULL,
    params text NOT NULL,
    fetched_ms bigint NOT NULL,
    expires_ms bigint,
    record_count bigint NOT NULL,
    latency_ms bigint NOT NULL,
    commands text NOT NULL,
    records bytea NOT NULL
);
CREATE INDEX rl_answers_lookup ON rl_answers (router, kind, params_key, fetched_ms DESC, id DESC);
CREATE INDEX rl_answers_fetched ON rl_answers (fetched_ms);

-- Token buckets of the three throttle scopes (0 client, 1 router, 2 network), shared by every
-- process; time is the database's, so the processes' clocks need not agree.
CREATE TABLE rl_throttle (
    scope smallint NOT NULL,
    key text NOT NULL,
    tokens double precision NOT NULL,
    last_ms bigint NOT NULL,
    PRIMARY KEY (scope, key)
);
-- p_mode 0: take a token when one is there; 1: only look; 2: give one back.
-- Returns 0, or the milliseconds until a token will be there.
CREATE FUNCTION rl_throttle_take(p_scope smallint, p_key text, p_rate double precision,
                                 p_burst double precision, p_mode smallint) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_now bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
    v_burst double precision := greatest(1.0, p_burst);
    v_tokens double precision;
    v_last bigint;
    v_wait bigint := 0;
BEGIN
    INSERT INTO rl_throttle (scope, key, tokens, last_ms) VALUES (p_scope, p_key, v_burst, v_now)
        ON CONFLICT DO NOTHING;
    SELECT tokens, last_ms INTO v_tokens, v_last FROM rl_throttle
        WHERE scope = p_scope AND key = p_key FOR UPDATE;
    IF v_now > v_last THEN
        v_tokens := least(v_burst, v_tokens + (v_now - v_last) * p_rate / 1000.0);
        v_last := v_now;
    ELSE
        v_tokens := least(v_burst, v_tokens);
    END IF;
    IF p_mode = 2 THEN
        v_tokens := least(v_burst, v_tokens + 1.0);
    ELSIF v_tokens >= 1.0 THEN
        IF p_mode = 0 THEN
            v_tokens := v_tokens - 1.0;
        END IF;
    ELSE
        v_wait := greatest(1, ceil((1.0 - v_tokens) * 1000.0 / p_rate - 1e-6))::bigint;
    END IF;
    UPDATE rl_throttle SET tokens = v_tokens, last_ms = v_last WHERE scope = p_scope AND key = p_key;
    RETURN v_wait;
END
$$;

-- One row per unit of router work (a router and its commands), whoever asked: the process
-- holding its lease runs it, the others wait for its outcome here.
CREATE TABLE rl_work (
    key text PRIMARY KEY,
    router text NOT NULL,
    commands text NOT NULL,
    state text NOT NULL CHECK (state IN ('queued', 'leased', 'done')),
    holder text,
    lease_expires timestamptz,
    generation bigint NOT NULL DEFAULT 0,
    queued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at timestamptz,
    outcome text
);
CREATE INDEX rl_work_holder ON rl_work (holder) WHERE state = 'leased';
)SQL",
    // 2: the per-router limit across processes: a router's places at it, leased like the work
    // (holder, expiry; `taker` names the one piece of work holding the place), and the work of
    // every process waiting for one, served best score first, then oldest. And usage per hour,
    // client, router and metric (UsageCounters::toMetrics), one row per metric so that every
    // process adds with "value = value + n" (INSERT ... ON CONFLICT).
    R"SQL(
CREATE TABLE rl_router_slot (
    router text NOT NULL,
    slot integer NOT NULL,
    holder text,
    taker text,
    lease_expires timestamptz,
    PRIMARY KEY (router, slot)
);
CREATE INDEX rl_router_slot_holder ON rl_router_slot (holder) WHERE holder IS NOT NULL;
CREATE TABLE rl_router_wait (
    router text NOT NULL,
    waiter text NOT NULL,
    score double precision NOT NULL,
    queued_at timestamptz NOT NULL,
    seen timestamptz NOT NULL,
    PRIMARY KEY (router, waiter)
);
CREATE INDEX rl_work_finished ON rl_work (finished_at) WHERE state = 'done';
CREATE TABLE rl_usage (
    hour bigint NOT NULL,
    client text NOT NULL,
    router text NOT NULL,
    metric text NOT NULL,
    value bigint NOT NULL,
    PRIMARY KEY (hour, client, router, metric)
);
)SQL",
};
constexpr int kMigrationCount = int(sizeof(kMigrations) / sizeof(kMigrations[0]));
static_assert(kMigrationCount == PgDatabase::SchemaVersion);

QString firstLine(const char *text)
{
    return QString::fromUtf8(text).trimmed().section(QLatin1Char('\n'), 0, 0);
}

} // namespace

// ---- PgRows ---------------------------------------------------------------------------------

PgRows::PgRows(pg_result *result) : m_result(result, &PQclear) {}

int PgRows::size() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}

bool PgRows::isNull(int row, int column) const
{
    return !m_result || PQgetisnull(m_result.get(), row, column);
}

QByteArray PgRows::bytes(int row, int column) const
{
    if (isNull(row, column))
        return {};
    size_t length = 0;
    unsigned char *raw =
        PQunescapeBytea(reinterpret_cast<const unsigned char *>(PQgetvalue(m_result.get(), row, column)), &length);
    if (!raw)
        return {};
    QByteArray out(reinterpret_cast<const char *>(raw), qsizetype(length));
    PQfreemem(raw);
    return out;
}

QString PgRows::text(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return QString::fromUtf8(PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}

qint64 PgRows::number(int row, int column, qint64 ifNull) const
{
    if (isNull(row, column))
        return ifNull;
    return QByteArray(PQgetvalue(m_result.get(), row, column)).toLongLong();
}

double PgRows::real(int row, int column) const
{
    return isNull(row, column) ? 0.0 : QByteArray(PQgetvalue(m_result.get(), row, column)).toDouble();
}

bool PgRows::boolean(int row, int column) const
{
    return !isNull(row, column) && PQgetvalue(m_result.get(), row, column)[0] == 't';
}

qint64 PgRows::affected() const
{
    return m_result ? QByteArray(PQcmdTuples(m_result.get())).toLongLong() : 0;
}

// ---- PgDatabase -----------------------------------------------------------------------------

PgDatabase::PgDatabase(QString conninfo, int maxIdleConnections)
    : m_conninfo(std::move(conninfo)), m_maxIdle(std::max(1, maxIdleConnections))
{
}

PgDatabase::~PgDatabase()
{
    for (pg_conn *c : m_idle)
        PQfinish(c);
}

Error PgDatabase::checkConninfo(const QString &conninfo)
{
    char *why = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &why);
    if (!options) {
        const QString reason = why ? firstLine(why) : QStringLiteral("out of memory");
        if (why)
            PQfreemem(why);
        // libpq's reason may quote the string, password and all: not repeated here.
        Q_UNUSED(reason);
        return Error(ErrorCode::InvalidRequest,
                     QStringLiteral("The database address is not a PostgreSQL connection string (postgresql://"
                                    "[user@]host[:port]/dbname, or key=value pairs)."));
    }
    bool password = false;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (qstrcmp(o->keyword, "password") == 0 && o->val && *o->val)
            password = true;
    }
    PQconninfoFree(options);
    if (password)
        return Error(ErrorCode::InvalidRequest,
                     QStringLiteral("The database address holds a password; it would show in the process list and "
                                    "in logs. Leave it out and use a password file (PGPASSFILE or ~/.pgpass), a "
                                    "service file (PGSERVICEFILE) or peer authentication on a socket."));
    return {};
}

QString PgDatabase::describe() const
{
    // The parsed parameters that say where, never the password.
    PQconninfoOption *options = PQconninfoParse(m_conninfo.toUtf8().constData(), nullptr);
    if (!options)
        return QStringLiteral("(an unreadable address)");
    QStringList parts;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        const QByteArray k(o->keyword);
        if ((k == "host" || k == "hostaddr" || k == "port" || k == "dbname" || k == "user" || k == "service") && o->val
            && *o->val)
            parts << QStringLiteral("%1=%2").arg(QString::fromLatin1(k), QString::fromUtf8(o->val));
    }
    PQconninfoFree(options);
    return parts.isEmpty() ? QStringLiteral("(libpq's defaults: PGHOST, PGPORT, PGDATABASE)") : parts.join(QLatin1Char(' '));
}

Error PgDatabase::unreachable(const QString &why) const
{
    return Error(ErrorCode::DatabaseUnreachable,
                 QStringLiteral("The team database (%1) cannot be reached: check that PostgreSQL runs there and that "
                                "this user may log in.")
                     .arg(describe()),
                 why);
}

Result<pg_conn *> PgDatabase::acquire()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            pg_conn *c = m_idle.back();
            m_idle.pop_back();
            return c;
        }
    }
    // Earlier keywords are defaults the connection string may override.
    const QByteArray conninfo = m_conninfo.toUtf8();
    const char *keys[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
    const char *values[] = {"5", "routerlens", conninfo.constData(), nullptr};
    pg_conn *c = PQconnectdbParams(keys, values, 1);
    if (!c)
        return unreachable(QStringLiteral("out of memory"));
    if (PQstatus(c) != CONNECTION_OK) {
        const QString why = firstLine(PQerrorMessage(c));
        PQfinish(c);
        return unreachable(why);
    }
    // Keep the server's notices (e.g. "relation already exists, skipping") off stderr.
    PQsetNoticeProcessor(c, [](void *, const char *) {}, nullptr);
    return c;
}

void PgDatabase::release(pg_conn *conn)
{
    if (PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) == PQTRANS_IDLE) {
        std::lock_guard lock(m_mutex);
        if (int(m_idle.size()) < m_maxIdle) {
            m_idle.push_back(conn);
            return;
        }
    }
    PQfinish(conn);
}

Result<PgRows> PgDatabase::run(pg_conn *conn, const char *sql, const QList<PgParam> &params)
{
    std::vector<const char *> values;
    std::vector<int> lengths, formats;
    for (const PgParam &p : params) {
        values.push_back(p.isNull ? nullptr : p.data.constData());
        lengths.push_back(int(p.data.size()));
        formats.push_back(p.binary ? 1 : 0);
    }
    // Without parameters the simple protocol, which takes several statements (the migrations).
    pg_result *r = params.isEmpty()
        ? PQexec(conn, sql)
        : PQexecParams(conn, sql, int(params.size()), nullptr, values.data(), lengths.data(), formats.data(), 0);
    PgRows rows(r);
    const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return rows;
    if (PQstatus(conn) != CONNECTION_OK)
        return unreachable(firstLine(PQerrorMessage(conn)));
    return Error(ErrorCode::StoreError, QStringLiteral("The team database refused a statement."),
                 r ? firstLine(PQresultErrorMessage(r)) : firstLine(PQerrorMessage(conn)));
}

Result<PgRows> PgDatabase::exec(const char *sql, const QList<PgParam> &params)
{
    for (int attempt = 0;; ++attempt) {
        Result<pg_conn *> conn = acquire();
        if (!conn)
            return conn.error();
        Result<PgRows> rows = run(*conn, sql, params);
        const bool broken = PQstatus(*conn) != CONNECTION_OK;
        release(*conn);
        // A pooled connection the server closed meanwhile (a restart): once more on a new one.
        if (rows || !broken || attempt > 0)
            return rows;
    }
}

Error PgDatabase::transaction(const std::function<Error(const Exec &exec)> &body)
{
    Result<pg_conn *> conn = acquire();
    if (!conn)
        return conn.error();
    pg_conn *c = *conn;
    Result<PgRows> begun = run(c, "BEGIN", {});
    if (!begun) {
        release(c);
        return begun.error();
    }
    const Exec exec = [this, c](const char *sql, const QList<PgParam> &params) { return run(c, sql, params); };
    Error e = body(exec);
    if (!e) {
        Result<PgRows> done = run(c, "COMMIT", {});
        if (!done)
            e = done.error();
    }
    if (e && PQstatus(c) == CONNECTION_OK)
        run(c, "ROLLBACK", {});
    release(c);
    return e;
}

Error PgDatabase::open()
{
    if (const Error e = checkConninfo(m_conninfo))
        return e;
    return migrate();
}

Error PgDatabase::migrate()
{
    int found = 0;
    const Error e = transaction([&](const Exec &exec) -> Error {
        // Processes starting together: one sets the schema up, the others then find it.
        if (auto r = exec("SELECT pg_advisory_xact_lock($1)", {PgParam(SchemaLockKey)}); !r)
            return r.error();
        if (auto r = exec("CREATE TABLE IF NOT EXISTS rl_schema (version integer PRIMARY KEY, program text NOT NULL,"
                          " applied_at timestamptz NOT NULL DEFAULT now())",
                          {});
            !r)
            return r.error();
        auto v = exec("SELECT coalesce(max(version), 0) FROM rl_schema", {});
        if (!v)
            return v.error();
        found = int(v->number(0, 0, 0));
        if (found > SchemaVersion)
            return Error(ErrorCode::DatabaseSchemaNewer,
                         QStringLiteral("The team database (%1) was set up by a newer RouterLens (schema version %2; "
                                        "this program knows up to %3). Upgrade this program; nothing was changed.")
                             .arg(describe())
                             .arg(found)
                             .arg(SchemaVersion));
        for (int version = found + 1; version <= SchemaVersion; ++version) {
            if (auto r = exec(kMigrations[version - 1], {}); !r)
                return Error(ErrorCode::StoreError,
                             QStringLiteral("The team database (%1) could not be set up to schema version %2.")
                                 .arg(describe())
                                 .arg(version),
                             r.error().detail);
            if (auto r = exec("INSERT INTO rl_schema (version, program) VALUES ($1, $2)",
                              {PgParam(version), PgParam("routerlens " ROUTERLENS_PG_PROGRAM_VERSION)});
                !r)
                return r.error();
        }
        return {};
    });
    if (!e)
        m_schemaVersion = std::max(found, int(SchemaVersion));
    return e;
}

} // namespace rl
