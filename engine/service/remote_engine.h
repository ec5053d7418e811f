#pragma once

#include "engine/api/error.h"
#include "engine/api/request.h"
#include "engine/diagnosis/connection_diagnosis.h"
#include "engine/inventory/inventory.h"

#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace rl {

// The engine of a routerlens-serve, reached over its HTTP API (server/openapi.json): what a
// desktop uses instead of an engine of its own (`routerlens --server URL --token-file F`).
// Asynchronous: every call returns at once and answers with a signal, in the thread that owns
// the object (QNetworkAccessManager; nothing here waits). Who asks is the token's client: the
// client a request names is never sent, and the routers and connections are the ones the
// service lists for that token.
//
// A query's parts arrive as the service gets them (long-poll with ?after=N), and every query
// ends in exactly one responseReady, as RouterDataService promises: answered, refused (the
// API's code and sentence), cancelled, or cut off when the service went away — then the parts
// that had arrived stay in the response and the others carry the error.
class RemoteEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteEngine)

public:
    struct Options {
        QUrl base;                 // http(s)://host:port, as parseBase gives it
        QByteArray token;          // as readTokenFile gives it
        QString caFile;            // PEM CA to trust for https instead of the system's
        int pollWaitSeconds = 60;  // each long-poll asks the service to wait up to this
        int connectTimeoutMs = 15000;
    };

    explicit RemoteEngine(Options options, QObject *parent = nullptr);
    ~RemoteEngine() override;

    // A token file: its first line; refused when it is missing, empty or others may read it.
    static Result<QByteArray> readTokenFile(const QString &path);
    // The service's address as a person typed it: http(s)://host[:port][/], nothing else.
    static Result<QUrl> parseBase(const QString &text);

    QUrl base() const { return m_options.base; }
    // "127.0.0.1:8750", for titles.
    QString serviceName() const;

    // Asks the service who the token is and what it may see (GET /v1/me, /v1/routers,
    // /v1/connections); ends in `connected` or `failed`. Called again, it refreshes the lists.
    void connectToService();
    bool isConnected() const { return m_connected; }
    // The token's client (id, role, customer), once connected.
    ClientIdentity client() const { return m_client; }
    // The routers and connections the token may see, as an inventory (no credentials; a router
    // whose address the service keeps to itself shows the service's host).
    const Inventory &inventory() const { return m_inventory; }
    QStringList routers() const { return m_inventory.routerNames(); }
    QList<Connection> connections() const { return m_inventory.connections(); }
    // Why the last attempt to connect failed; none when it did not.
    Error lastError() const { return m_lastError; }

    // A query under the caller's id (request.id must be set): its parts, progress and response
    // come as signals with that id.
    void submit(const Request &request);
    void cancel(const QString &requestId);
    void cancelAll();
    bool isRunning(const QString &requestId) const { return m_queries.contains(requestId); }

    // A diagnosis run by the service (POST /v1/diagnoses), of connections the token may see;
    // ends in exactly one diagnosisFinished (results, or the error that stopped it).
    QString diagnose(const QStringList &connectionIds, qint64 maxAgeSeconds, int secondReadMs);
    void cancelDiagnosis(const QString &id);

    // The JSON form of a diagnosis (DiagnosisReport::toJson) read back; connections named in it
    // are taken from `known` (by id) when there, else carry only their id and customer.
    static QList<DiagnosisResult> diagnosesFromJson(const QJsonObject &result, const QList<Connection> &known);

Q_SIGNALS:
    void connected();
    void failed(const rl::Error &error);
    // A call found the token refused (auth-failed) or the service gone (unreachable,
    // connection-lost, tls-error): isConnected() is false from then on, until connectToService
    // succeeds again. The queries concerned end as well.
    void serviceError(const rl::Error &error);
    void inventoryChanged();
    void partReady(const QString &requestId, const rl::RouterResult &part);
    void progress(const QString &requestId, int done, int total);
    void responseReady(const rl::Response &response);
    void diagnosisProgress(const QString &id, int done, int total);
    void diagnosisFinished(const QString &id, const QList<rl::DiagnosisResult> &results, const rl::Error &error);

private:
    struct Reply {
        int status = 0;
        QJsonObject json;
    };
    using Handler = std::function<void(const Result<Reply> &)>;
    struct Query;
    struct Diagnosis;

    // One call; `done` is called once, in this thread, unless the reply was aborted by `abort`.
    QNetworkReply *call(const QByteArray &method, const QString &pathAndQuery, const QJsonObject &body, int timeoutMs,
                        Handler done);
    Result<Reply> readReply(QNetworkReply *reply, bool timedOut) const;
    void onMe(const Result<Reply> &r);
    void onLists(const Result<Reply> &routers, const Result<Reply> &connections);
    void pollQuery(const QString &id);
    void onQueryState(const QString &id, const Result<Reply> &r);
    void endQuery(const QString &id, Response response);
    void failQuery(const QString &id, const Error &error);
    void noteServiceError(const Error &error);
    void pollDiagnosis(const QString &id);
    void onDiagnosisState(const QString &id, const Result<Reply> &r);

    Options m_options;
    QNetworkAccessManager *m_nam;
    std::optional<QSslConfiguration> m_tls;
    QString m_caProblem;
    bool m_connected = false;
    ClientIdentity m_client;
    Inventory m_inventory;
    Error m_lastError;
    quint64 m_connectRun = 0;
    QHash<QString, std::shared_ptr<Query>> m_queries;
    QHash<QString, std::shared_ptr<Diagnosis>> m_diagnoses;
    int m_nextDiagnosis = 0;
};

} // namespace rl
