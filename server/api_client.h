#pragma once

#include "engine/api/error.h"
#include "engine/api/request.h"

#include <QJsonObject>
#include <QSslConfiguration>
#include <QUrl>

#include <optional>

namespace rl {

// The other side of routerlens-serve's API, for front ends that use a remote service instead of
// an engine of their own (`routerlens-cli --server URL --token-file F`). Blocking: each call
// runs a private event loop until its answer or its deadline. Who the caller is, the service
// takes from the token; the request's own client is never sent.
class ApiClient
{
public:
    // `caFile`: a CA (PEM) to trust for an https:// service instead of the system's.
    ApiClient(QUrl base, QByteArray token, QString caFile = {});

    // Reads a token file: the first line; refused when others may read the file.
    static Result<QByteArray> readTokenFile(const QString &path);
    // A URL a person typed: http(s)://host[:port][/], nothing else.
    static Result<QUrl> parseBase(const QString &text);

    // GET a route; 2xx gives the JSON object, anything else the API's error.
    Result<QJsonObject> get(const QString &path, int timeoutMs = 30000) const;
    // A query, waited for (polled past the API's longest wait) until `timeoutSec`; cancelled
    // when it runs out. A request the service refused as a whole is a Response with its error.
    Result<Response> query(const Request &request, int timeoutSec) const;
    // A diagnosis: the API's "result" object ({"version", "diagnoses": [...]}).
    Result<QJsonObject> diagnose(const QStringList &connections, bool all, qint64 maxAgeSeconds, double secondReadSeconds,
                                 int timeoutSec) const;

private:
    struct Reply {
        int status = 0;
        QJsonObject json;
    };
    Result<Reply> call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body, int timeoutMs) const;
    Result<QJsonObject> pollUntilDone(Reply reply, const char *what, int timeoutSec) const;

    QUrl m_base;
    QByteArray m_token;
    std::optional<QSslConfiguration> m_tls;
    QString m_caProblem;
};

} // namespace rl
