#include "server/api_server.h"

#include "engine/service/usage_meter.h"

#include "engine/api/event_log.h"
#include "engine/api/query_kind.h"
#include "engine/diagnosis/diagnosis_report.h"
#include "engine/service/connection_diagnoser.h"
#include "engine/service/router_data_service.h"
#include "server/token_store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUuid>

#include <optional>

namespace rl {

// One query or diagnosis a caller started, while it runs and for a while after.
struct ApiQuery {
    struct Waiter {
        HttpResponder responder;
        std::shared_ptr<QTimer> timer;
        int after = -1; // ?after=N: answer as soon as there are more than N parts (-1: at the end only)
    };
    QString id;
    ClientIdentity client;
    bool diagnosis = false;
    QueryKind kind = QueryKind::Facts;
    QStringList routers;
    QList<RouterResult> parts;
    int done = 0;
    int total = 0;
    std::optional<Response> response;
    std::optional<QList<DiagnosisResult>> diagnoses;
    std::unique_ptr<ConnectionDiagnoser> diagnoser;
    QDateTime submitted;
    QDateTime ended;
    QList<Waiter> waiters;
    bool isDone() const { return response.has_value() || diagnoses.has_value(); }
};

struct ApiServer::Context {
    const HttpRequest &request;
    HttpResponder responder;
    ClientIdentity client;
};

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

HttpReply jsonReply(int status, const QJsonObject &body)
{
    return HttpReply{status, "application/json", {}, compact(body)};
}

HttpReply errorReply(const Error &e, const QString &id = {})
{
    QJsonObject body{{QStringLiteral("version"), ApiVersion}, {QStringLiteral("error"), e.toJson()}};
    if (!id.isEmpty())
        body.insert(QStringLiteral("id"), id);
    HttpReply r = jsonReply(ApiServer::httpStatus(e.code), body);
    if (e.code == ErrorCode::Throttled)
        r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray(QByteArray::number(std::max<qint64>(1, (e.retryAfterMs + 999) / 1000)))));
    if (e.code == ErrorCode::AuthFailed)
        r.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"routerlens\"")));
    return r;
}

Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidRequest, message);
}

QJsonObject connectionJson(const Connection &c)
{
    QJsonObject o{{QStringLiteral("id"), c.id},
                  {QStringLiteral("customer"), c.customer},
                  {QStringLiteral("providerRouter"), c.providerRouter},
                  {QStringLiteral("providerInterface"), c.providerInterface}};
    auto put = [&](const char *key, const QString &v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), v);
    };
    auto putNumber = [&](const char *key, qint64 v) {
        if (v >= 0)
            o.insert(QLatin1String(key), v);
    };
    putNumber("vlan", c.vlan);
    putNumber("innerVlan", c.innerVlan);
    put("providerAddress", c.providerAddress);
    put("customerAddress", c.customerAddress);
    put("providerAddress6", c.providerAddress6);
    put("customerAddress6", c.customerAddress6);
    putNumber("providerAs", c.providerAs);
    putNumber("customerAs", c.customerAs);
    put("customerRouter", c.customerRouter);
    put("customerInterface", c.customerInterface);
    putNumber("mtu", c.mtu);
    putNumber("prefixLimit", c.prefixLimit);
    if (!c.expectedPrefixes.isEmpty())
        o.insert(QStringLiteral("expectedPrefixes"), QJsonArray::fromStringList(c.expectedPrefixes));
    put("vrf", c.vrf);
    put("customerVrf", c.customerVrf);
    return o;
}

// ?wait=N: 0 when absent; nothing when it is no whole number in [0, max].
std::optional<int> waitSeconds(const HttpRequest &r, int max)
{
    if (!r.query.hasQueryItem(QStringLiteral("wait")))
        return 0;
    bool ok = false;
    const int v = r.query.queryItemValue(QStringLiteral("wait")).toInt(&ok);
    if (!ok || v < 0 || v > max)
        return std::nullopt;
    return v;
}

// ?after=N: -1 when absent; nothing when it is no whole number >= 0.
std::optional<int> afterParts(const HttpRequest &r)
{
    if (!r.query.hasQueryItem(QStringLiteral("after")))
        return -1;
    bool ok = false;
    const int v = r.query.queryItemValue(QStringLiteral("after")).toInt(&ok);
    if (!ok || v < 0)
        return std::nullopt;
    return v;
}

Result<QJsonObject> jsonBody(const HttpRequest &r)
{
    if (!r.headers.value("content-type").startsWith("application/json"))
        return invalid(QStringLiteral("Send the request body as JSON, with \"Content-Type: application/json\"."));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return invalid(QStringLiteral("The request body is not a JSON object (%1 at offset %2).")
                           .arg(pe.error != QJsonParseError::NoError ? pe.errorString() : QStringLiteral("another JSON value"))
                           .arg(pe.offset));
    return doc.object();
}

QString newId(const char *prefix)
{
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

ApiServer::ApiServer(RouterDataService &service, TokenStore &tokens, Options options, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_tokens(tokens)
    , m_options(std::move(options))
{
    connect(&m_service, &RouterDataService::partReady, this, [this](const QString &id, const RouterResult &part) {
        auto it = m_queries.find(id);
        if (it == m_queries.end())
            return;
        ApiQuery &q = **it;
        q.parts.append(part);
        // A caller following the parts as they arrive (?after=N) hears of the new one now.
        for (qsizetype i = 0; i < q.waiters.size();) {
            const ApiQuery::Waiter &w = q.waiters.at(i);
            if (w.after >= 0 && q.parts.size() > w.after) {
                w.timer->stop();
                w.responder.send(queryReply(q));
                q.waiters.removeAt(i);
            } else {
                ++i;
            }
        }
    });
    connect(&m_service, &RouterDataService::progress, this, [this](const QString &id, int done, int total) {
        if (auto it = m_queries.find(id); it != m_queries.end()) {
            (*it)->done = done;
            (*it)->total = total;
        }
    });
    connect(&m_service, &RouterDataService::responseReady, this, [this](const Response &response) {
        auto it = m_queries.find(response.requestId);
        if (it == m_queries.end() || (*it)->diagnosis)
            return;
        (*it)->response = response;
        finish(**it);
    });
    auto *sweeper = new QTimer(this);
    connect(sweeper, &QTimer::timeout, this, &ApiServer::sweep);
    sweeper->start(std::max(1000, m_options.keepAnswersSeconds * 1000 / 10));
}

ApiServer::~ApiServer() = default;

QList<ApiServer::Route> ApiServer::routes()
{
    return {
        {"GET", QStringLiteral("/openapi.json"), false},
        {"GET", QStringLiteral("/v1/health"), false},
        {"GET", QStringLiteral("/v1/me"), true},
        {"GET", QStringLiteral("/v1/kinds"), true},
        {"GET", QStringLiteral("/v1/routers"), true},
        {"GET", QStringLiteral("/v1/connections"), true},
        {"GET", QStringLiteral("/v1/usage"), true},
        {"GET", QStringLiteral("/metrics"), true},
        {"POST", QStringLiteral("/v1/queries"), true},
        {"GET", QStringLiteral("/v1/queries/{id}"), true},
        {"DELETE", QStringLiteral("/v1/queries/{id}"), true},
        {"POST", QStringLiteral("/v1/diagnoses"), true},
        {"GET", QStringLiteral("/v1/diagnoses/{id}"), true},
    };
}

QByteArray ApiServer::openApiDocument()
{
    QFile f(QStringLiteral(":/routerlens/server/openapi.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int ApiServer::httpStatus(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None:
        return 200;
    case ErrorCode::InvalidRequest:
    case ErrorCode::UnsupportedQuery:
    case ErrorCode::ForbiddenCommand:
        return 400;
    case ErrorCode::AuthFailed:
        return 401;
    case ErrorCode::Forbidden:
        return 403;
    case ErrorCode::UnknownRouter:
        return 404;
    case ErrorCode::Cancelled:
        return 409;
    case ErrorCode::Throttled:
        return 429;
    case ErrorCode::ParseError:
    case ErrorCode::HostKeyUnknown:
    case ErrorCode::HostKeyMismatch:
    case ErrorCode::TlsError:
    case ErrorCode::ConnectionLost:
    case ErrorCode::OutputTooLarge:
        return 502;
    case ErrorCode::Unreachable:
    case ErrorCode::StoreError:
    case ErrorCode::DatabaseUnreachable:
        return 503;
    case ErrorCode::Timeout:
        return 504;
    case ErrorCode::InventoryError:
    case ErrorCode::DatabaseSchemaNewer:
    case ErrorCode::InternalError:
        break;
    }
    return 500;
}

void ApiServer::handle(const HttpRequest &request, HttpResponder responder)
{
    // Which route, and which methods it has.
    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString pattern = request.path;
    if (segments.size() == 3 && segments.at(0) == QLatin1String("v1"))
        pattern = QStringLiteral("/v1/%1/{id}").arg(segments.at(1));
    QByteArrayList allowed;
    std::optional<Route> found;
    for (const Route &r : routes()) {
        if (r.pattern != pattern)
            continue;
        allowed.append(r.method);
        if (r.method == request.method)
            found = r;
    }
    if (allowed.isEmpty()) {
        HttpReply r = errorReply(invalid(
            QStringLiteral("There is no %1 in this API (version 1): /openapi.json lists what there is.").arg(request.path)));
        r.status = 404;
        return responder.send(r);
    }
    if (!found) {
        HttpReply r = errorReply(invalid(QStringLiteral("%1 does not take %2; it takes %3.")
                                             .arg(request.path, QString::fromLatin1(request.method),
                                                  QString::fromLatin1(allowed.join(", ")))));
        r.status = 405;
        r.headers.append(qMakePair(QByteArray("Allow"), QByteArray(allowed.join(", "))));
        return responder.send(r);
    }

    Context c{request, responder, {}};
    if (found->authenticated) {
        const QByteArray auth = request.headers.value("authorization");
        if (auth.size() < 7 || auth.first(7).toLower() != "bearer ")
            return responder.send(errorReply(Error(
                ErrorCode::AuthFailed, QStringLiteral("This API needs a token: send \"Authorization: Bearer <token>\". An "
                                                      "administrator makes one with 'routerlens-serve token create'."))));
        if (const Error e = m_tokens.refreshIfChanged())
            EventLog::instance().error(QStringLiteral("api"), e.message);
        const std::optional<ClientIdentity> who = m_tokens.identify(QByteArrayView(auth).sliced(7).trimmed());
        if (!who)
            return responder.send(errorReply(Error(
                ErrorCode::AuthFailed,
                QStringLiteral("The token is not valid (unknown or revoked): ask your administrator for a new one."))));
        c.client = *who;
    }
    route(c);
}

void ApiServer::route(const Context &c)
{
    const QString &path = c.request.path;
    const QByteArray &method = c.request.method;
    if (path == QLatin1String("/openapi.json"))
        return c.responder.send(HttpReply{200, "application/json", {}, openApiDocument()});
    if (path == QLatin1String("/v1/health"))
        return c.responder.send(jsonReply(200, {{QStringLiteral("version"), ApiVersion},
                                                {QStringLiteral("status"), QStringLiteral("ok")},
                                                {QStringLiteral("server"), QString::fromLatin1(m_options.serverName)}}));
    if (path == QLatin1String("/v1/me"))
        return getMe(c);
    if (path == QLatin1String("/v1/kinds"))
        return getKinds(c);
    if (path == QLatin1String("/v1/routers"))
        return getRouters(c);
    if (path == QLatin1String("/v1/connections"))
        return getConnections(c);
    if (path == QLatin1String("/v1/usage"))
        return getUsage(c);
    if (path == QLatin1String("/metrics"))
        return getMetrics(c);
    if (path == QLatin1String("/v1/queries"))
        return postQuery(c);
    if (path == QLatin1String("/v1/diagnoses"))
        return postDiagnosis(c);
    const QString id = path.section(QLatin1Char('/'), 3, 3);
    if (method == "DELETE")
        return deleteQuery(c, id);
    return getQuery(c, id);
}

void ApiServer::getKinds(const Context &c)
{
    QJsonArray kinds;
    for (const QueryKindInfo &k : queryKindTable()) {
        QJsonArray accepts, required;
        for (QueryParam p : kAllQueryParams) {
            if (k.takes(p))
                accepts.append(queryParamName(p));
            if (k.needs(p))
                required.append(queryParamName(p));
        }
        kinds.append(QJsonObject{{QStringLiteral("name"), queryKindName(k.kind)},
                                 {QStringLiteral("title"), queryKindTitle(k.kind)},
                                 {QStringLiteral("parameters"), accepts},
                                 {QStringLiteral("required"), required}});
    }
    c.responder.send(jsonReply(200, {{QStringLiteral("version"), ApiVersion}, {QStringLiteral("kinds"), kinds}}));
}

void ApiServer::getMe(const Context &c)
{
    // Who the token stands for: a front end shows it, and asks as nobody else.
    QJsonObject client{{QStringLiteral("id"), c.client.id}, {QStringLiteral("role"), roleName(c.client.role)}};
    if (!c.client.customer.isEmpty())
        client.insert(QStringLiteral("customer"), c.client.customer);
    c.responder.send(jsonReply(200, {{QStringLiteral("version"), ApiVersion},
                                     {QStringLiteral("client"), client},
                                     {QStringLiteral("server"), QString::fromLatin1(m_options.serverName)}}));
}

void ApiServer::getRouters(const Context &c)
{
    QJsonArray routers;
    const bool external = c.client.role == Role::External;
    for (const QString &name : m_service.visibleRouters(c.client)) {
        const Router *r = m_service.inventory().router(name);
        if (!r)
            continue;
        QJsonObject o{{QStringLiteral("name"), r->name}, {QStringLiteral("platform"), r->platform}};
        // A customer learns which provider routers its connections use, not how to reach them.
        if (!external) {
            QJsonObject tags;
            for (auto it = r->tags.cbegin(); it != r->tags.cend(); ++it)
                tags.insert(it.key(), it.value());
            o.insert(QStringLiteral("host"), r->host);
            o.insert(QStringLiteral("port"), r->port);
            o.insert(QStringLiteral("transport"), transportKindName(r->transport));
            o.insert(QStringLiteral("tags"), tags);
        }
        routers.append(o);
    }
    c.responder.send(jsonReply(200, {{QStringLiteral("version"), ApiVersion}, {QStringLiteral("routers"), routers}}));
}

void ApiServer::getConnections(const Context &c)
{
    QJsonArray list;
    for (const Connection &conn : m_service.visibleConnections(c.client))
        list.append(connectionJson(conn));
    c.responder.send(jsonReply(200, {{QStringLiteral("version"), ApiVersion}, {QStringLiteral("connections"), list}}));
}

void ApiServer::getUsage(const Context &c)
{
    if (c.client.role == Role::External)
        return c.responder.send(errorReply(Error(ErrorCode::Forbidden,
                                                 QStringLiteral("The engine's usage figures are for the provider's staff."))));
    bool ok = true;
    const int hours = c.request.query.hasQueryItem(QStringLiteral("hours"))
        ? c.request.query.queryItemValue(QStringLiteral("hours")).toInt(&ok)
        : 24;
    if (!ok || hours < 1 || hours > 24 * 7)
        return c.responder.send(errorReply(invalid(QStringLiteral("hours must be a whole number from 1 to 168."))));
    // The engine's usage, as the store keeps it (in team mode every process's), plus what this
    // process has not flushed yet.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Result<QList<UsageBucket>> usage = m_service.usage(now.addSecs(-3600LL * (hours - 1)), now.addSecs(1));
    if (!usage)
        return c.responder.send(errorReply(usage.error()));
    QJsonArray rows;
    for (const UsageBucket &r : *usage) {
        QJsonObject errors;
        for (auto it = r.counters.errors.cbegin(); it != r.counters.errors.cend(); ++it)
            errors.insert(it.key(), it.value());
        const LatencyHistogram &h = r.counters.latency;
        QJsonObject row{{QStringLiteral("hour"), r.hour.toString(Qt::ISODate)},
                        {QStringLiteral("client"), r.client},
                        {QStringLiteral("parts"), r.counters.parts},
                        {QStringLiteral("cacheHits"), r.counters.cacheHits},
                        {QStringLiteral("coalesced"), r.counters.coalesced},
                        {QStringLiteral("throttled"), r.counters.throttled},
                        {QStringLiteral("refused"), r.counters.refused},
                        {QStringLiteral("errors"), errors}};
        if (!r.router.isEmpty())
            row.insert(QStringLiteral("router"), r.router);
        if (h.count() > 0) {
            row.insert(QStringLiteral("latencyP50Ms"), h.percentile(50));
            row.insert(QStringLiteral("latencyP95Ms"), h.percentile(95));
            row.insert(QStringLiteral("latencyP99Ms"), h.percentile(99));
        }
        rows.append(row);
    }
    const EngineMetrics m = m_service.metrics();
    int open = 0;
    for (const auto &q : std::as_const(m_queries))
        open += q->isDone() ? 0 : 1;
    c.responder.send(jsonReply(200, {{QStringLiteral("version"), ApiVersion},
                                     {QStringLiteral("at"), m.at.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("queued"), m.queued},
                                     {QStringLiteral("inFlight"), m.inFlight},
                                     {QStringLiteral("heldBack"), m.heldBack},
                                     {QStringLiteral("rejected"), m.rejected},
                                     {QStringLiteral("completed"), m.completed},
                                     {QStringLiteral("failed"), m.failed},
                                     {QStringLiteral("cacheHits"), m.cacheHits},
                                     {QStringLiteral("coalesced"), m.coalesced},
                                     {QStringLiteral("faults"), m.faults},
                                     {QStringLiteral("latencyP50Ms"), m.latencyP50Ms},
                                     {QStringLiteral("latencyP99Ms"), m.latencyP99Ms},
                                     {QStringLiteral("openApiQueries"), open},
                                     {QStringLiteral("hours"), hours},
                                     {QStringLiteral("apiUsage"), rows}}));
}

namespace {
constexpr int MetricsHours = 24 * 7;
} // namespace

void ApiServer::getMetrics(const Context &c)
{
    if (c.client.role == Role::External)
        return c.responder.send(errorReply(Error(ErrorCode::Forbidden,
                                                 QStringLiteral("The engine's usage figures are for the provider's staff."))));
    const EngineMetrics m = m_service.metrics();
    // Counters per client and router over the last week of hourly buckets (the store's, in team
    // mode every process's).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Result<QList<UsageBucket>> usage = m_service.usage(now.addSecs(-3600LL * (MetricsHours - 1)), now.addSecs(1));
    if (!usage)
        return c.responder.send(errorReply(usage.error()));
    QByteArray text = UsageMeter::prometheusText(UsageMeter::sumPerClientRouter(*usage));
    auto gauge = [&](const char *name, const char *help, double v) {
        text += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " gauge\n" + name + ' '
            + QByteArray::number(v, 'g', 15) + '\n';
    };
    gauge("routerlens_engine_queued", "Jobs waiting in the routers' queues.", m.queued);
    gauge("routerlens_engine_in_flight", "Jobs being answered by routers now.", m.inFlight);
    gauge("routerlens_engine_held_back", "Jobs held back by throttling.", m.heldBack);
    gauge("routerlens_engine_completed", "Jobs completed since the service started.", double(m.completed));
    gauge("routerlens_engine_failed", "Jobs failed since the service started.", double(m.failed));
    gauge("routerlens_engine_cache_hits", "Answers from the result store since the service started.", double(m.cacheHits));
    gauge("routerlens_engine_coalesced", "Requests joined to identical work since the service started.", double(m.coalesced));
    gauge("routerlens_engine_faults", "Transport or reader faults the workers caught (each failed only its own job).", double(m.faults));
    c.responder.send(HttpReply{200, "text/plain; version=0.0.4", {}, text});
}

void ApiServer::postQuery(const Context &c)
{
    const std::optional<int> wait = waitSeconds(c.request, m_options.maxWaitSeconds);
    if (!wait)
        return c.responder.send(errorReply(
            invalid(QStringLiteral("wait must be a whole number of seconds from 0 to %1.").arg(m_options.maxWaitSeconds))));
    Result<QJsonObject> body = jsonBody(c.request);
    if (!body)
        return c.responder.send(errorReply(body.error()));
    if (body->contains(QStringLiteral("client")) || body->contains(QStringLiteral("id")))
        return c.responder.send(errorReply(invalid(
            QStringLiteral("Leave \"client\" and \"id\" out of the request: the service takes the client from your token "
                           "and gives each query its id."))));
    Result<Request> parsed = Request::fromJson(*body);
    if (!parsed)
        return c.responder.send(errorReply(parsed.error()));
    if (const std::optional<Error> e = tooManyOpen(c.client))
        return c.responder.send(errorReply(*e));

    Request request = std::move(parsed).value();
    request.client = c.client;
    request.id = newId("q-");
    auto q = std::make_shared<ApiQuery>();
    q->id = request.id;
    q->client = c.client;
    q->kind = request.kind;
    q->routers = request.routers;
    q->total = int(request.routers.size());
    q->submitted = QDateTime::currentDateTimeUtc();
    track(q); // before submit: a refusal may come back at once
    m_service.submit(std::move(request));
    answerWhenDone(c, *q);
}

void ApiServer::postDiagnosis(const Context &c)
{
    const std::optional<int> wait = waitSeconds(c.request, m_options.maxWaitSeconds);
    if (!wait)
        return c.responder.send(errorReply(
            invalid(QStringLiteral("wait must be a whole number of seconds from 0 to %1.").arg(m_options.maxWaitSeconds))));
    Result<QJsonObject> body = jsonBody(c.request);
    if (!body)
        return c.responder.send(errorReply(body.error()));
    const QJsonValue wanted = body->value(QStringLiteral("connections"));
    const bool all = body->value(QStringLiteral("all")).toBool(false);
    if (!all && !wanted.isArray())
        return c.responder.send(errorReply(
            invalid(QStringLiteral("Name the connections to check (\"connections\": [\"id\", ...]) or send \"all\": true."))));
    const qint64 maxAge = body->value(QStringLiteral("maxAgeSeconds")).toInteger(0);
    const double secondRead = body->value(QStringLiteral("secondReadSeconds")).toDouble(3);
    if (maxAge < 0 || maxAge > 365LL * 86400 || !(secondRead >= 0 && secondRead <= 60))
        return c.responder.send(errorReply(invalid(
            QStringLiteral("maxAgeSeconds must be 0 to 31536000 and secondReadSeconds 0 to 60."))));

    // Only the caller's own connections; one it may not see reads as one that does not exist.
    const QList<Connection> visible = m_service.visibleConnections(c.client);
    QList<Connection> chosen;
    if (all) {
        chosen = visible;
    } else {
        for (const QJsonValue &v : wanted.toArray()) {
            const QString id = v.toString();
            auto it = std::find_if(visible.cbegin(), visible.cend(), [&](const Connection &x) { return x.id == id; });
            if (it == visible.cend()) {
                HttpReply r = errorReply(invalid(
                    QStringLiteral("There is no connection \"%1\" that you may see: GET /v1/connections lists yours.").arg(id)));
                r.status = 404;
                return c.responder.send(r);
            }
            chosen.append(*it);
        }
    }
    if (chosen.isEmpty())
        return c.responder.send(errorReply(invalid(QStringLiteral("There is no connection to check."))));
    if (const std::optional<Error> e = tooManyOpen(c.client))
        return c.responder.send(errorReply(*e));

    auto q = std::make_shared<ApiQuery>();
    q->id = newId("d-");
    q->client = c.client;
    q->diagnosis = true;
    q->total = int(chosen.size());
    q->submitted = QDateTime::currentDateTimeUtc();
    q->diagnoser = std::make_unique<ConnectionDiagnoser>(m_service);
    ApiQuery *raw = q.get();
    connect(q->diagnoser.get(), &ConnectionDiagnoser::progress, this, [raw](int done, int total) {
        raw->done = done;
        raw->total = total;
    });
    connect(q->diagnoser.get(), &ConnectionDiagnoser::finished, this, [this, raw](const QList<DiagnosisResult> &results) {
        raw->diagnoses = results;
        finish(*raw);
    });
    track(q);
    q->diagnoser->start(chosen, c.client, maxAge, int(secondRead * 1000));
    answerWhenDone(c, *q);
}

void ApiServer::answerWhenDone(const Context &c, ApiQuery &q)
{
    const int wait = waitSeconds(c.request, m_options.maxWaitSeconds).value_or(0);
    const int after = afterParts(c.request).value_or(-1);
    if (q.isDone() || wait == 0 || (after >= 0 && q.parts.size() > after))
        return c.responder.send(queryReply(q));
    ApiQuery::Waiter w{c.responder, std::make_shared<QTimer>(), after};
    w.timer->setSingleShot(true);
    const QString id = q.id;
    connect(w.timer.get(), &QTimer::timeout, this, [this, id, responder = c.responder] {
        auto it = m_queries.find(id);
        if (it == m_queries.end())
            return;
        responder.send(queryReply(**it));
        auto &waiters = (*it)->waiters;
        waiters.erase(std::remove_if(waiters.begin(), waiters.end(), [](const ApiQuery::Waiter &x) { return !x.responder.isOpen(); }),
                      waiters.end());
    });
    w.timer->start(wait * 1000);
    q.waiters.append(std::move(w));
}

std::optional<Error> ApiServer::tooManyOpen(const ClientIdentity &client) const
{
    const int open = m_openByClient.value(client.id);
    if (open < m_options.maxOpenQueriesPerClient)
        return std::nullopt;
    Error e(ErrorCode::Throttled,
            QStringLiteral("You have %1 queries running, the most one client may have: wait for some to end.").arg(open));
    e.retryAfterMs = 1000;
    return e;
}

void ApiServer::track(const std::shared_ptr<ApiQuery> &q)
{
    m_queries.insert(q->id, q);
    ++m_openByClient[q->client.id];
}

void ApiServer::finish(ApiQuery &q)
{
    q.ended = QDateTime::currentDateTimeUtc();
    if (auto open = m_openByClient.find(q.client.id); open != m_openByClient.end() && --*open <= 0)
        m_openByClient.erase(open);
    m_endedByClient[q.client.id].append(q.id);
    const QList<ApiQuery::Waiter> waiters = std::exchange(q.waiters, {});
    for (const ApiQuery::Waiter &w : waiters) {
        w.timer->stop();
        w.responder.send(queryReply(q));
    }
    // Later, not here: a diagnosis ends inside its diagnoser's own signal, and the eviction may
    // delete that diagnoser.
    QTimer::singleShot(0, this, [this, id = q.client.id] { keepWithinLimit(id); });
}

void ApiServer::keepWithinLimit(const QString &clientId)
{
    // Answers can be large (whole route tables): a client keeps a bounded number to read back.
    auto it = m_endedByClient.find(clientId);
    if (it == m_endedByClient.end())
        return;
    QList<QString> &ended = *it;
    while (ended.size() > m_options.maxKeptPerClient)
        m_queries.remove(ended.takeFirst());
    if (ended.isEmpty())
        m_endedByClient.erase(it);
}

HttpReply ApiServer::queryReply(const ApiQuery &q) const
{
    const QString location = QStringLiteral("/v1/%1/%2").arg(q.diagnosis ? QStringLiteral("diagnoses") : QStringLiteral("queries"), q.id);
    if (q.response && q.response->error)
        return errorReply(q.response->error, q.id);
    QJsonObject o{{QStringLiteral("version"), ApiVersion},
                  {QStringLiteral("id"), q.id},
                  {QStringLiteral("state"), q.isDone() ? QStringLiteral("done") : QStringLiteral("running")},
                  {QStringLiteral("location"), location},
                  {QStringLiteral("progress"), QJsonObject{{QStringLiteral("done"), q.done}, {QStringLiteral("total"), q.total}}}};
    if (q.diagnosis) {
        if (q.diagnoses)
            o.insert(QStringLiteral("result"), DiagnosisReport::toJson(*q.diagnoses));
    } else if (q.response) {
        o.insert(QStringLiteral("response"), q.response->toJson());
    } else {
        o.insert(QStringLiteral("kind"), queryKindName(q.kind));
        QJsonArray parts;
        for (const RouterResult &p : q.parts)
            parts.append(p.toJson());
        o.insert(QStringLiteral("parts"), parts);
    }
    HttpReply r = jsonReply(q.isDone() ? 200 : 202, o);
    if (!q.isDone())
        r.headers.append(qMakePair(QByteArray("Location"), QByteArray(location.toLatin1())));
    return r;
}

void ApiServer::getQuery(const Context &c, const QString &id)
{
    const bool diagnosis = c.request.path.startsWith(QLatin1String("/v1/diagnoses/"));
    auto it = m_queries.find(id);
    // Another client's query reads as one that does not exist.
    if (it == m_queries.end() || (*it)->client.id != c.client.id || (*it)->diagnosis != diagnosis) {
        HttpReply r = errorReply(invalid(QStringLiteral("There is no %1 \"%2\" of yours: answers are kept %3 minutes after "
                                                        "they end.")
                                             .arg(diagnosis ? QStringLiteral("diagnosis") : QStringLiteral("query"), id)
                                             .arg(m_options.keepAnswersSeconds / 60)));
        r.status = 404;
        return c.responder.send(r);
    }
    if (!waitSeconds(c.request, m_options.maxWaitSeconds))
        return c.responder.send(errorReply(
            invalid(QStringLiteral("wait must be a whole number of seconds from 0 to %1.").arg(m_options.maxWaitSeconds))));
    if (!afterParts(c.request))
        return c.responder.send(errorReply(invalid(QStringLiteral("after must be a whole number of parts, 0 or more."))));
    answerWhenDone(c, **it);
}

void ApiServer::deleteQuery(const Context &c, const QString &id)
{
    auto it = m_queries.find(id);
    if (it == m_queries.end() || (*it)->client.id != c.client.id || (*it)->diagnosis) {
        HttpReply r = errorReply(invalid(QStringLiteral("There is no query \"%1\" of yours.").arg(id)));
        r.status = 404;
        return c.responder.send(r);
    }
    if (!(*it)->isDone())
        m_service.cancel(id);
    c.responder.send(jsonReply(202, {{QStringLiteral("version"), ApiVersion},
                                     {QStringLiteral("id"), id},
                                     {QStringLiteral("state"), (*it)->isDone() ? QStringLiteral("done") : QStringLiteral("cancelling")}}));
}

void ApiServer::sweep()
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-m_options.keepAnswersSeconds);
    for (auto it = m_queries.begin(); it != m_queries.end();) {
        if ((*it)->isDone() && (*it)->ended < cutoff && (*it)->waiters.isEmpty())
            it = m_queries.erase(it);
        else
            ++it;
    }
    // The swept ones are the oldest ended, at the front of their client's list.
    for (auto it = m_endedByClient.begin(); it != m_endedByClient.end();) {
        QList<QString> &ids = *it;
        qsizetype gone = 0;
        while (gone < ids.size() && !m_queries.contains(ids.at(gone)))
            ++gone;
        ids.remove(0, gone);
        it = ids.isEmpty() ? m_endedByClient.erase(it) : std::next(it);
    }
}

} // namespace rl
