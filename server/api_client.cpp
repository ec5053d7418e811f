#include "server/api_client.h"

#include "engine/service/remote_engine.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTimer>

namespace rl {

namespace {

constexpr int kLongestWait = 120; // the API's own limit on ?wait=

} // namespace

ApiClient::ApiClient(QUrl base, QByteArray token, QString caFile)
    : m_base(std::move(base))
    , m_token(std::move(token))
{
    if (!caFile.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (cas.isEmpty()) {
            m_caProblem = QStringLiteral("The CA file \"%1\" holds no PEM certificate.").arg(caFile);
        } else {
            QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
            conf.setCaCertificates(cas);
            m_tls = conf;
        }
    }
}

Result<QByteArray> ApiClient::readTokenFile(const QString &path)
{
    return RemoteEngine::readTokenFile(path); // the desktop reads it the same way
}

Result<QUrl> ApiClient::parseBase(const QString &text)
{
    return RemoteEngine::parseBase(text);
}

Result<ApiClient::Reply> ApiClient::call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                                         int timeoutMs) const
{
    if (!m_caProblem.isEmpty())
        return Error(ErrorCode::TlsError, m_caProblem);
    QUrl url = m_base;
    const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
    if (q >= 0)
        url.setQuery(pathAndQuery.mid(q + 1));
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + m_token);
    req.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (m_tls)
        req.setSslConfiguration(*m_tls);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkAccessManager nam;
    std::unique_ptr<QNetworkReply> reply(nam.sendCustomRequest(req, method, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    deadline.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    const QString where = m_base.toString();
    if (timedOut)
        return Error(ErrorCode::Timeout, QStringLiteral("The RouterLens service at %1 did not answer within %2 s.").arg(where).arg(timeoutMs / 1000));
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (r.status == 0) {
        const bool tls = reply->error() == QNetworkReply::SslHandshakeFailedError;
        return Error(tls ? ErrorCode::TlsError : ErrorCode::Unreachable,
                     tls ? QStringLiteral("The RouterLens service at %1 could not be verified (TLS): give its CA with --server-ca.").arg(where)
                         : QStringLiteral("The RouterLens service at %1 cannot be reached: check the address and that "
                                          "routerlens-serve runs there.")
                               .arg(where),
                     reply->errorString());
    }
    QJsonParseError pe;
    r.json = QJsonDocument::fromJson(reply->readAll(), &pe).object();
    if (pe.error != QJsonParseError::NoError)
        return Error(ErrorCode::ParseError,
                     QStringLiteral("The service at %1 answered HTTP %2 with something that is not the RouterLens API's JSON.")
                         .arg(where)
                         .arg(r.status));
    if (r.status >= 400) {
        Error e = Error::fromJson(r.json.value(QStringLiteral("error")).toObject());
        if (!e)
            e = Error(ErrorCode::InternalError, QStringLiteral("The service at %1 answered HTTP %2.").arg(where).arg(r.status));
        return e;
    }
    return r;
}

Result<QJsonObject> ApiClient::get(const QString &path, int timeoutMs) const
{
    Result<Reply> r = call("GET", path, {}, timeoutMs);
    if (!r)
        return r.error();
    return r->json;
}

Result<QJsonObject> ApiClient::pollUntilDone(Reply reply, const char *what, int timeoutSec) const
{
    QDeadlineTimer deadline(std::chrono::seconds{timeoutSec});
    const QString location = reply.json.value(QStringLiteral("location")).toString();
    while (reply.json.value(QStringLiteral("state")).toString() != QLatin1String("done")) {
        if (location.isEmpty())
            return Error(ErrorCode::ParseError, QStringLiteral("The service's answer to the %1 has no location to follow.").arg(QLatin1String(what)));
        const qint64 left = deadline.remainingTime() / 1000;
        if (left <= 0) {
            (void)call("DELETE", location, {}, 10000);
            return Error(ErrorCode::Timeout, QStringLiteral("The %1 was not complete within %2 s; it was cancelled.")
                                                 .arg(QLatin1String(what))
                                                 .arg(timeoutSec));
        }
        const int wait = int(std::min<qint64>(left, kLongestWait));
        Result<Reply> next = call("GET", QStringLiteral("%1?wait=%2").arg(location).arg(wait), {}, (wait + 30) * 1000);
        if (!next)
            return next.error();
        reply = *next;
    }
    return reply.json;
}

Result<Response> ApiClient::query(const Request &request, int timeoutSec) const
{
    QJsonObject body = request.toJson();
    body.remove(QStringLiteral("client"));
    body.remove(QStringLiteral("id"));
    const int wait = std::min(timeoutSec, kLongestWait);
    Result<Reply> first = call("POST", QStringLiteral("/v1/queries?wait=%1").arg(wait),
                               QJsonDocument(body).toJson(QJsonDocument::Compact), (wait + 30) * 1000);
    if (!first) {
        // A request refused as a whole: the same Response a local engine gives.
        const ErrorCode c = first.error().code;
        if (c == ErrorCode::Unreachable || c == ErrorCode::TlsError || c == ErrorCode::Timeout || c == ErrorCode::AuthFailed
            || c == ErrorCode::ParseError || c == ErrorCode::InternalError)
            return first.error();
        Response refused;
        refused.kind = request.kind;
        refused.params = request.params;
        refused.error = first.error();
        return refused;
    }
    Result<QJsonObject> done = pollUntilDone(*first, "query", timeoutSec);
    if (!done)
        return done.error();
    return Response::fromJson(done->value(QStringLiteral("response")).toObject());
}

Result<QJsonObject> ApiClient::diagnose(const QStringList &connections, bool all, qint64 maxAgeSeconds, double secondReadSeconds,
                                        int timeoutSec) const
{
    QJsonObject body{{QStringLiteral("maxAgeSeconds"), maxAgeSeconds}, {QStringLiteral("secondReadSeconds"), secondReadSeconds}};
    if (all)
        body.insert(QStringLiteral("all"), true);
    else
        body.insert(QStringLiteral("connections"), QJsonArray::fromStringList(connections));
    const int wait = std::min(timeoutSec, kLongestWait);
    Result<Reply> first = call("POST", QStringLiteral("/v1/diagnoses?wait=%1").arg(wait),
                               QJsonDocument(body).toJson(QJsonDocument::Compact), (wait + 30) * 1000);
    if (!first)
        return first.error();
    Result<QJsonObject> done = pollUntilDone(*first, "diagnosis", timeoutSec);
    if (!done)
        return done.error();
    return done->value(QStringLiteral("result")).toObject();
}

} // namespace rl
