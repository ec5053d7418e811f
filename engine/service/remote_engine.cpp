#include "engine/service/remote_engine.h"

#include "engine/api/event_log.h"
#include "engine/api/query_kind.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>
#include <QTimer>

namespace rl {

namespace {

const QString LogSource = QStringLiteral("remote");
const char *const AbortedByUs = "rl_aborted";

// Left out of what is sent: the service takes the client from the token and gives its own ids.
QJsonObject requestBody(const Request &request)
{
    QJsonObject body = request.toJson();
    body.remove(QStringLiteral("client"));
    body.remove(QStringLiteral("id"));
    return body;
}

Connection connectionFrom(const QJsonObject &o)
{
    Connection c;
    auto text = [&](const char *key) { return o.value(QLatin1String(key)).toString(); };
    auto number = [&](const char *key) { return o.value(QLatin1String(key)).toInteger(-1); };
    c.id = text("id");
    c.customer = text("customer");
    c.providerRouter = text("providerRouter");
    c.providerInterface = text("providerInterface");
    c.vlan = int(number("vlan"));
    c.innerVlan = int(number("innerVlan"));
    c.providerAddress = text("providerAddress");
    c.customerAddress = text("customerAddress");
    c.providerAddress6 = text("providerAddress6");
    c.customerAddress6 = text("customerAddress6");
    c.providerAs = number("providerAs");
    c.customerAs = number("customerAs");
    c.customerRouter = text("customerRouter");
    c.customerInterface = text("customerInterface");
    c.mtu = int(number("mtu"));
    c.prefixLimit = number("prefixLimit");
    for (const QJsonValue &p : o.value(QStringLiteral("expectedPrefixes")).toArray())
        c.expectedPrefixes << p.toString();
    c.vrf = text("vrf");
    c.customerVrf = text("customerVrf");
    return c;
}

std::optional<Verdict> verdictFrom(const QString &name)
{
    for (Verdict v : {Verdict::Ok, Verdict::Warn, Verdict::Fault, Verdict::CannotCheck}) {
        if (verdictName(v) == name)
            return v;
    }
    return std::nullopt;
}

ConnectionEnd endFrom(const QString &name)
{
    for (ConnectionEnd e : {ConnectionEnd::Provider, ConnectionEnd::Customer, ConnectionEnd::Both}) {
        if (connectionEndName(e) == name)
            return e;
    }
    return ConnectionEnd::Provider;
}

} // namespace

struct RemoteEngine::Query {
    Request request;
    QString remoteId;
    QString location;
    QPointer<QNetworkReply> reply;
    QList<RouterResult> parts;
    QSet<QString> seen;
    bool cancelled = false;
};

struct RemoteEngine::Diagnosis {
    QString remoteId;
    QString location;
    QPointer<QNetworkReply> reply;
    bool cancelled = false;
};

RemoteEngine::RemoteEngine(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_nam(new QNetworkAccessManager(this))
{
    if (!m_options.caFile.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(m_options.caFile, QSsl::Pem);
        if (cas.isEmpty()) {
            m_caProblem = QStringLiteral("The CA file \"%1\" holds no PEM certificate.").arg(m_options.caFile);
        } else {
            QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
            conf.setCaCertificates(cas);
            m_tls = conf;
        }
    }
}

RemoteEngine::~RemoteEngine()
{
    // Replies still running are answered to no one; the service forgets their queries itself.
    for (const auto &q : std::as_const(m_queries)) {
        if (q->reply) {
            q->reply->setProperty(AbortedByUs, true);
            q->reply->abort();
        }
    }
    for (const auto &d : std::as_const(m_diagnoses)) {
        if (d->reply) {
            d->reply->setProperty(AbortedByUs, true);
            d->reply->abort();
        }
    }
}

Result<QByteArray> RemoteEngine::readTokenFile(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return Error(ErrorCode::AuthFailed, QStringLiteral("The token file %1 does not exist.").arg(path));
    if (f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
        return Error(ErrorCode::AuthFailed,
                     QStringLiteral("The token file %1 may be read by other users: run chmod 600 on it.").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::AuthFailed, QStringLiteral("The token file %1 cannot be read: %2.").arg(path, f.errorString()));
    const QByteArray token = f.read(4096).split('\n').value(0).trimmed();
    if (token.isEmpty())
        return Error(ErrorCode::AuthFailed, QStringLiteral("The token file %1 is empty.").arg(path));
    return token;
}

Result<QUrl> RemoteEngine::parseBase(const QString &text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty()
        || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty() || (url.path() != QString() && url.path() != QLatin1String("/")))
        return Error(ErrorCode::InvalidRequest,
                     QStringLiteral("--server must be the service's address, like https://routerlens.example.net:8750, "
                                    "not \"%1\".")
                         .arg(text));
    url.setPath(QString());
    return url;
}

QString RemoteEngine::serviceName() const
{
    const QUrl &b = m_options.base;
    return b.port() > 0 ? QStringLiteral("%1:%2").arg(b.host()).arg(b.port()) : b.host();
}

QNetworkReply *RemoteEngine::call(const QByteArray &method, const QString &pathAndQuery, const QJsonObject &body, int timeoutMs,
                                  Handler done)
{
    if (!m_caProblem.isEmpty()) {
        QTimer::singleShot(0, this, [done, e = Error(ErrorCode::TlsError, m_caProblem)] { done(e); });
        return nullptr;
    }
    QUrl url = m_options.base;
    const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
    if (q >= 0)
        url.setQuery(pathAndQuery.mid(q + 1));
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + m_options.token);
    req.setRawHeader("Accept", "application/json");
    const QByteArray bytes = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (!bytes.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (m_tls)
        req.setSslConfiguration(*m_tls);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_nam->sendCustomRequest(req, method, bytes);
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    auto timedOut = std::make_shared<bool>(false);
    connect(deadline, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    deadline->start(timeoutMs);
    connect(reply, &QNetworkReply::finished, this, [this, reply, timedOut, done = std::move(done)] {
        reply->deleteLater();
        if (reply->property(AbortedByUs).toBool())
            return;
        done(readReply(reply, *timedOut));
    });
    return reply;
}

Result<RemoteEngine::Reply> RemoteEngine::readReply(QNetworkReply *reply, bool timedOut) const
{
    const QString where = m_options.base.toString();
    if (timedOut)
        return Error(ErrorCode::Timeout, QStringLiteral("The RouterLens service at %1 did not answer in time.").arg(where));
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (r.status == 0) {
        switch (reply->error()) {
        case QNetworkReply::SslHandshakeFailedError:
            return Error(ErrorCode::TlsError,
                         QStringLiteral("The RouterLens service at %1 could not be verified (TLS): give its CA certificate.").arg(where),
                         reply->errorString());
        case QNetworkReply::RemoteHostClosedError:
            return Error(ErrorCode::ConnectionLost,
                         QStringLiteral("The RouterLens service at %1 closed the connection: it may have stopped.").arg(where),
                         reply->errorString());
        default:
            return Error(ErrorCode::Unreachable,
                         QStringLiteral("The RouterLens service at %1 cannot be reached: check the address and that "
                                        "routerlens-serve runs there.")
                             .arg(where),
                         reply->errorString());
        }
    }
    QJsonParseError pe;
    r.json = QJsonDocument::fromJson(reply->readAll(), &pe).object();
    const bool json = pe.error == QJsonParseError::NoError;
    if (r.status >= 400) {
        Error e = json ? Error::fromJson(r.json.value(QStringLiteral("error")).toObject()) : Error();
        if (!e) {
            // Not the API's own error (a proxy in front of it, a service half started).
            switch (r.status) {
            case 401:
                e = Error(ErrorCode::AuthFailed, QStringLiteral("The service at %1 refused the token (HTTP 401).").arg(where));
                break;
            case 403:
                e = Error(ErrorCode::Forbidden, QStringLiteral("The service at %1 refused the request (HTTP 403).").arg(where));
                break;
            case 429:
                e = Error(ErrorCode::Throttled, QStringLiteral("The service at %1 is asked too often (HTTP 429).").arg(where));
                break;
            case 502:
            case 503:
            case 504:
                e = Error(ErrorCode::Unreachable,
                          QStringLiteral("The service at %1 is unavailable (HTTP %2): it may be starting, stopping or "
                                         "overloaded; try again shortly.")
                              .arg(where)
                              .arg(r.status));
                break;
            default:
                e = Error(ErrorCode::InternalError, QStringLiteral("The service at %1 answered HTTP %2.").arg(where).arg(r.status));
            }
        }
        if (e.code == ErrorCode::Throttled && e.retryAfterMs < 0) {
            bool ok = false;
            const qint64 seconds = reply->rawHeader("Retry-After").toLongLong(&ok);
            if (ok)
                e.retryAfterMs = seconds * 1000;
        }
        return e;
    }
    if (!json)
        return Error(ErrorCode::ParseError,
                     QStringLiteral("The service at %1 answered HTTP %2 with something that is not the RouterLens API's JSON.")
                         .arg(where)
                         .arg(r.status));
    return r;
}

void RemoteEngine::connectToService()
{
    const quint64 run = ++m_connectRun;
    call("GET", QStringLiteral("/v1/me"), {}, m_options.connectTimeoutMs, [this, run](const Result<Reply> &r) {
        if (run == m_connectRun)
            onMe(r);
    });
}

void RemoteEngine::onMe(const Result<Reply> &r)
{
    if (!r) {
        m_connected = false;
        m_lastError = r.error();
        EventLog::instance().warning(LogSource, r.error().toString());
        Q_EMIT failed(r.error());
        return;
    }
    const QJsonObject c = r->json.value(QStringLiteral("client")).toObject();
    const std::optional<Role> role = roleFromName(c.value(QStringLiteral("role")).toString());
    if (c.value(QStringLiteral("id")).toString().isEmpty() || !role) {
        m_lastError = Error(ErrorCode::ParseError, QStringLiteral("The service at %1 did not say whom the token stands for; "
                                                                  "is it a RouterLens service of this version?")
                                                       .arg(m_options.base.toString()));
        Q_EMIT failed(m_lastError);
        return;
    }
    m_client.id = c.value(QStringLiteral("id")).toString();
    m_client.role = *role;
    m_client.customer = c.value(QStringLiteral("customer")).toString();

    // Both lists, then one inventory.
    struct Both {
        std::optional<Result<Reply>> routers, connections;
    };
    auto both = std::make_shared<Both>();
    const quint64 run = m_connectRun;
    auto joined = [this, both, run] {
        if (run == m_connectRun && both->routers && both->connections)
            onLists(*both->routers, *both->connections);
    };
    call("GET", QStringLiteral("/v1/routers"), {}, m_options.connectTimeoutMs, [both, joined](const Result<Reply> &x) {
        both->routers = x;
        joined();
    });
    call("GET", QStringLiteral("/v1/connections"), {}, m_options.connectTimeoutMs, [both, joined](const Result<Reply> &x) {
        both->connections = x;
        joined();
    });
}

void RemoteEngine::onLists(const Result<Reply> &routers, const Result<Reply> &connections)
{
    if (!routers || !connections) {
        m_connected = false;
        m_lastError = !routers ? routers.error() : connections.error();
        Q_EMIT failed(m_lastError);
        return;
    }
    Inventory inv;
    for (const QJsonValue &v : routers->json.value(QStringLiteral("routers")).toArray()) {
        const QJsonObject o = v.toObject();
        Router r;
        r.name = o.value(QStringLiteral("name")).toString();
        r.platform = o.value(QStringLiteral("platform")).toString();
        // A customer is not told how to reach the provider's routers: it reaches them through the service.
        r.host = o.value(QStringLiteral("host")).toString(m_options.base.host());
        r.port = o.value(QStringLiteral("port")).toInt(22);
        r.transport = transportKindFromName(o.value(QStringLiteral("transport")).toString()).value_or(TransportKind::Ssh);
        const QJsonObject tags = o.value(QStringLiteral("tags")).toObject();
        for (auto it = tags.begin(); it != tags.end(); ++it)
            r.tags.insert(it.key(), it.value().toString());
        if (const Error e = inv.addRouter(r))
            inv.addWarning(e.message);
    }
    for (const QJsonValue &v : connections->json.value(QStringLiteral("connections")).toArray())
        inv.addConnection(connectionFrom(v.toObject()));
    m_inventory = inv;
    m_connected = true;
    m_lastError = {};
    EventLog::instance().info(LogSource, QStringLiteral("Using the RouterLens service at %1 as %2: %3 routers, %4 connections.")
                                             .arg(m_options.base.toString(), m_client.id)
                                             .arg(inv.routers().size())
                                             .arg(inv.connections().size()));
    Q_EMIT inventoryChanged();
    Q_EMIT connected();
}

void RemoteEngine::submit(const Request &request)
{
    Q_ASSERT(!request.id.isEmpty());
    auto q = std::make_shared<Query>();
    q->request = request;
    m_queries.insert(request.id, q);
    const QString id = request.id;
    q->reply = call("POST", QStringLiteral("/v1/queries"), requestBody(request), m_options.connectTimeoutMs + 15000,
                    [this, id](const Result<Reply> &r) { onQueryState(id, r); });
}

void RemoteEngine::pollQuery(const QString &id)
{
    const std::shared_ptr<Query> q = m_queries.value(id);
    if (!q)
        return;
    const int wait = m_options.pollWaitSeconds;
    q->reply = call("GET", QStringLiteral("%1?wait=%2&after=%3").arg(q->location).arg(wait).arg(q->parts.size()), {},
                    (wait + 30) * 1000, [this, id](const Result<Reply> &r) { onQueryState(id, r); });
}

void RemoteEngine::onQueryState(const QString &id, const Result<Reply> &r)
{
    const std::shared_ptr<Query> q = m_queries.value(id);
    if (!q)
        return;
    q->reply = nullptr;
    if (q->cancelled) {
        // Cancelled while the service was being asked to start it: stop it there too.
        const QString remoteId = r ? r->json.value(QStringLiteral("id")).toString() : QString();
        if (!remoteId.isEmpty() && r->json.value(QStringLiteral("state")).toString() != QLatin1String("done"))
            call("DELETE", QStringLiteral("/v1/queries/%1").arg(remoteId), {}, m_options.connectTimeoutMs, [](const Result<Reply> &) {});
        m_queries.remove(id);
        return;
    }
    if (!r)
        return failQuery(id, r.error());
    const QJsonObject &o = r->json;
    if (q->remoteId.isEmpty()) {
        q->remoteId = o.value(QStringLiteral("id")).toString();
        q->location = o.value(QStringLiteral("location")).toString();
    }
    if (o.value(QStringLiteral("state")).toString() == QLatin1String("done")) {
        Result<Response> response = Response::fromJson(o.value(QStringLiteral("response")).toObject());
        if (!response)
            return failQuery(id, Error(ErrorCode::ParseError,
                                       QStringLiteral("The service's answer to the query could not be read: %1").arg(response.error().message)));
        Response resp = std::move(response).value();
        resp.requestId = id;
        for (const RouterResult &p : std::as_const(resp.results)) {
            if (!q->seen.contains(p.router)) {
                q->seen.insert(p.router);
                Q_EMIT partReady(id, p);
            }
        }
        return endQuery(id, std::move(resp));
    }
    if (q->location.isEmpty())
        return failQuery(id, Error(ErrorCode::ParseError, QStringLiteral("The service's answer to the query has no location to follow.")));
    const QJsonArray parts = o.value(QStringLiteral("parts")).toArray();
    for (qsizetype i = q->parts.size(); i < parts.size(); ++i) {
        RouterResult part = RouterResult::fromJson(q->request.kind, parts.at(i).toObject());
        q->parts.append(part);
        q->seen.insert(part.router);
        Q_EMIT partReady(id, part);
    }
    const QJsonObject progressObj = o.value(QStringLiteral("progress")).toObject();
    Q_EMIT progress(id, progressObj.value(QStringLiteral("done")).toInt(int(q->parts.size())),
                    progressObj.value(QStringLiteral("total")).toInt(int(q->request.routers.size())));
    pollQuery(id);
}

void RemoteEngine::endQuery(const QString &id, Response response)
{
    m_queries.remove(id);
    const int n = int(response.results.size());
    Q_EMIT progress(id, n, n);
    Q_EMIT responseReady(response);
}

void RemoteEngine::failQuery(const QString &id, const Error &error)
{
    const std::shared_ptr<Query> q = m_queries.value(id);
    if (!q)
        return;
    EventLog::instance().warning(LogSource, QStringLiteral("Query %1: %2").arg(id, error.toString()));
    Response resp;
    resp.requestId = id;
    resp.kind = q->request.kind;
    resp.params = q->request.params;
    resp.completedAt = QDateTime::currentDateTimeUtc();
    resp.error = error;
    if (!q->parts.isEmpty()) {
        // The service went away (or refused us) part way: what arrived stays; the routers that had
        // not answered say why they never will.
        resp.results = q->parts;
        for (const QString &router : std::as_const(q->request.routers)) {
            if (q->seen.contains(router))
                continue;
            RouterResult missing;
            missing.router = router;
            missing.records = RecordSet(q->request.kind);
            missing.error = error;
            resp.results.append(missing);
            Q_EMIT partReady(id, missing);
        }
    }
    noteServiceError(error);
    endQuery(id, std::move(resp));
}

void RemoteEngine::noteServiceError(const Error &error)
{
    // The token refused, or the service gone: the window says it is no longer connected (what
    // it lists stays); Reload or Try again asks again.
    const ErrorCode c = error.code;
    if (c != ErrorCode::AuthFailed && c != ErrorCode::Unreachable && c != ErrorCode::ConnectionLost && c != ErrorCode::TlsError)
        return;
    m_connected = false;
    m_lastError = error;
    Q_EMIT serviceError(error);
}

void RemoteEngine::cancel(const QString &requestId)
{
    const std::shared_ptr<Query> q = m_queries.value(requestId);
    if (!q || q->cancelled)
        return;
    q->cancelled = true;
    if (!q->remoteId.isEmpty()) {
        // A long-poll in flight is dropped; the service is told to stop.
        if (q->reply) {
            q->reply->setProperty(AbortedByUs, true);
            q->reply->abort();
        }
        m_queries.remove(requestId);
        call("DELETE", QStringLiteral("/v1/queries/%1").arg(q->remoteId), {}, m_options.connectTimeoutMs, [](const Result<Reply> &) {});
    } // else: the start is still being answered; onQueryState stops it there and forgets it
    Response resp;
    resp.requestId = requestId;
    resp.kind = q->request.kind;
    resp.params = q->request.params;
    resp.completedAt = QDateTime::currentDateTimeUtc();
    resp.results = q->parts;
    QList<RouterResult> open;
    const Error cancelled(ErrorCode::Cancelled, QStringLiteral("The request was cancelled."));
    for (const QString &router : std::as_const(q->request.routers)) {
        if (q->seen.contains(router))
            continue;
        RouterResult part;
        part.router = router;
        part.records = RecordSet(q->request.kind);
        part.error = cancelled;
        open.append(part);
    }
    resp.results += open;
    EventLog::instance().info(LogSource, QStringLiteral("Request %1 cancelled.").arg(requestId));
    // After the caller's stack unwinds, as the engine answers.
    QMetaObject::invokeMethod(this, [this, open, resp] {
        for (const RouterResult &p : open)
            Q_EMIT partReady(resp.requestId, p);
        Q_EMIT progress(resp.requestId, int(resp.results.size()), int(resp.results.size()));
        Q_EMIT responseReady(resp);
    }, Qt::QueuedConnection);
}

void RemoteEngine::cancelAll()
{
    for (const QString &id : m_queries.keys())
        cancel(id);
    for (const QString &id : m_diagnoses.keys())
        cancelDiagnosis(id);
}

QString RemoteEngine::diagnose(const QStringList &connectionIds, qint64 maxAgeSeconds, int secondReadMs)
{
    const QString id = QStringLiteral("remote-diagnosis-%1").arg(++m_nextDiagnosis);
    auto d = std::make_shared<Diagnosis>();
    m_diagnoses.insert(id, d);
    const QJsonObject body{{QStringLiteral("connections"), QJsonArray::fromStringList(connectionIds)},
                           {QStringLiteral("maxAgeSeconds"), maxAgeSeconds},
                           {QStringLiteral("secondReadSeconds"), qBound(0, secondReadMs, 60000) / 1000.0}};
    d->reply = call("POST", QStringLiteral("/v1/diagnoses"), body, m_options.connectTimeoutMs + 15000,
                    [this, id](const Result<Reply> &r) { onDiagnosisState(id, r); });
    return id;
}

void RemoteEngine::pollDiagnosis(const QString &id)
{
    const std::shared_ptr<Diagnosis> d = m_diagnoses.value(id);
    if (!d)
        return;
    const int wait = m_options.pollWaitSeconds;
    d->reply = call("GET", QStringLiteral("%1?wait=%2").arg(d->location).arg(wait), {}, (wait + 30) * 1000,
                    [this, id](const Result<Reply> &r) { onDiagnosisState(id, r); });
}

void RemoteEngine::onDiagnosisState(const QString &id, const Result<Reply> &r)
{
    const std::shared_ptr<Diagnosis> d = m_diagnoses.value(id);
    if (!d)
        return;
    d->reply = nullptr;
    if (!r) {
        m_diagnoses.remove(id);
        noteServiceError(r.error());
        Q_EMIT diagnosisFinished(id, {}, r.error());
        return;
    }
    const QJsonObject &o = r->json;
    if (d->location.isEmpty())
        d->location = o.value(QStringLiteral("location")).toString();
    if (o.value(QStringLiteral("state")).toString() == QLatin1String("done")) {
        m_diagnoses.remove(id);
        Q_EMIT diagnosisFinished(id, diagnosesFromJson(o.value(QStringLiteral("result")).toObject(), connections()), {});
        return;
    }
    const QJsonObject p = o.value(QStringLiteral("progress")).toObject();
    Q_EMIT diagnosisProgress(id, p.value(QStringLiteral("done")).toInt(), p.value(QStringLiteral("total")).toInt());
    if (d->location.isEmpty()) {
        m_diagnoses.remove(id);
        Q_EMIT diagnosisFinished(id, {}, Error(ErrorCode::ParseError, QStringLiteral("The service's answer to the diagnosis has no location to follow.")));
        return;
    }
    pollDiagnosis(id);
}

void RemoteEngine::cancelDiagnosis(const QString &id)
{
    const std::shared_ptr<Diagnosis> d = m_diagnoses.value(id);
    if (!d)
        return;
    // The API has no cancel for a diagnosis: it ends on the service by itself; here it ends now.
    if (d->reply) {
        d->reply->setProperty(AbortedByUs, true);
        d->reply->abort();
    }
    m_diagnoses.remove(id);
    QMetaObject::invokeMethod(this, [this, id] {
        Q_EMIT diagnosisFinished(id, {}, Error(ErrorCode::Cancelled, QStringLiteral("The diagnosis was cancelled.")));
    }, Qt::QueuedConnection);
}

QList<DiagnosisResult> RemoteEngine::diagnosesFromJson(const QJsonObject &result, const QList<Connection> &known)
{
    QList<DiagnosisResult> out;
    for (const QJsonValue &v : result.value(QStringLiteral("diagnoses")).toArray()) {
        const QJsonObject o = v.toObject();
        DiagnosisResult d;
        const QString cid = o.value(QStringLiteral("connection")).toString();
        const auto it = std::find_if(known.cbegin(), known.cend(), [&](const Connection &c) { return c.id == cid; });
        if (it != known.cend()) {
            d.connection = *it;
        } else {
            d.connection.id = cid;
            d.connection.customer = o.value(QStringLiteral("customer")).toString();
        }
        for (const QJsonValue &sv : o.value(QStringLiteral("steps")).toArray()) {
            const QJsonObject so = sv.toObject();
            DiagnosisStep s;
            s.layer = so.value(QStringLiteral("layer")).toString();
            s.end = endFrom(so.value(QStringLiteral("end")).toString());
            s.router = so.value(QStringLiteral("router")).toString();
            // A verdict this version does not know is not taken for OK.
            s.verdict = verdictFrom(so.value(QStringLiteral("verdict")).toString()).value_or(Verdict::CannotCheck);
            s.finding = so.value(QStringLiteral("finding")).toString();
            s.advice = so.value(QStringLiteral("advice")).toString();
            s.evidence = so.value(QStringLiteral("evidence")).toString();
            s.likelyCause = so.value(QStringLiteral("likelyCause")).toBool();
            for (const QJsonValue &rv : so.value(QStringLiteral("records")).toArray()) {
                const QJsonObject ro = rv.toObject();
                const std::optional<QueryKind> kind = queryKindFromName(ro.value(QStringLiteral("kind")).toString());
                if (kind)
                    s.records.append(RouterResult::fromJson(*kind, ro));
            }
            if (s.likelyCause && d.likelyCause < 0)
                d.likelyCause = int(d.steps.size());
            d.steps.append(s);
        }
        out.append(d);
    }
    return out;
}

} // namespace rl
