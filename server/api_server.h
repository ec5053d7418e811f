#pragma once

#include "engine/api/request.h"
#include "server/http_server.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace rl {

class RouterDataService;
class TokenStore;
struct ApiQuery;

// The HTTP API of routerlens-serve (version 1, described in server/openapi.json): queries,
// diagnoses, routers, connections and query kinds, for the client named by the caller's
// token. Who a caller is comes only from its token: a request body naming a client or an id is
// refused. Errors carry the engine's stable codes and sentences, with the HTTP status that
// matches (README "The HTTP API").
//
// Queries run as they do for the window and the CLI: the engine validates, checks access,
// throttles, coalesces, answers from its store. A caller may wait for the answer (?wait=N
// seconds), or take the query's id and poll it; answers are kept for a while after they end.
class ApiServer final : public QObject
{
    Q_OBJECT

public:
    struct Options {
        int maxWaitSeconds = 120;          // the longest ?wait= honoured
        int keepAnswersSeconds = 600;      // how long an ended query can be read back
        int maxOpenQueriesPerClient = 64;  // queries and diagnoses running at once, per client
        int maxKeptPerClient = 256;        // ended ones kept to be read back, per client (oldest go first)
        QByteArray serverName = "routerlens-serve";
    };
    struct Route {
        QByteArray method;
        QString pattern; // "/v1/queries/{id}"
        bool authenticated;
    };

    ApiServer(RouterDataService &service, TokenStore &tokens, Options options, QObject *parent = nullptr);
    ~ApiServer() override;

    // Serves one request (HttpServer's handler).
    void handle(const HttpRequest &request, HttpResponder responder);

    // Every route the server answers, for the OpenAPI document's test.
    static QList<Route> routes();
    // The OpenAPI 3 document (server/openapi.json, compiled in).
    static QByteArray openApiDocument();
    // The HTTP status for an engine error code.
    static int httpStatus(ErrorCode code);

private:
    struct Context;
    void route(const Context &c);
    void getMe(const Context &c);
    void getKinds(const Context &c);
    void getRouters(const Context &c);
    void getConnections(const Context &c);
    void getUsage(const Context &c);
    void getMetrics(const Context &c);
    void postQuery(const Context &c);
    void getQuery(const Context &c, const QString &id);
    void deleteQuery(const Context &c, const QString &id);
    void postDiagnosis(const Context &c);
    void answerWhenDone(const Context &c, ApiQuery &q);
    void finish(ApiQuery &q);
    void sweep();
    // Nothing when the client may start another query; else the throttled error to send.
    std::optional<Error> tooManyOpen(const ClientIdentity &client) const;
    void keepWithinLimit(const QString &clientId);
    void track(const std::shared_ptr<ApiQuery> &q);
    HttpReply queryReply(const ApiQuery &q) const;

    RouterDataService &m_service;
    TokenStore &m_tokens;
    Options m_options;
    QHash<QString, std::shared_ptr<ApiQuery>> m_queries;
    // Per client, so that a request costs the same however many queries other clients have:
    // how many of its queries run, and the ids of its ended ones, oldest first (ids the sweep
    // removed meanwhile stay until they reach the front).
    QHash<QString, int> m_openByClient;
    QHash<QString, QList<QString>> m_endedByClient;
};

} // namespace rl
