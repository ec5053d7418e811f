#pragma once

#include "engine/api/error.h"
#include "engine/api/query_kind.h"
#include "engine/api/records.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace rl {

// Version of the JSON form of requests, responses, records and errors.
inline constexpr int ApiVersion = 1;

enum class Role : quint8 { External, Internal, Admin };
QString roleName(Role role);
std::optional<Role> roleFromName(QStringView name);

// Who is asking.
struct ClientIdentity {
    QString id = QStringLiteral("local");
    Role role = Role::Internal;
    QString customer; // external clients: the customer whose connections they may see
    friend bool operator==(const ClientIdentity &, const ClientIdentity &) = default;
};

// Parameters of a query; which ones a kind uses is in RequestValidator.
struct QueryParams {
    QString neighbor;      // received/advertised routes, bgp-status filter
    QString vrf;           // empty: the default VRF
    QString addressFamily; // "ipv4" or "ipv6"; empty: the platform's default / both
    QString interfaceName; // link-status, vlan-errors, optics filter
    QString destination;   // route-lookup: an address or prefix

    bool isEmpty() const;
    // A canonical text form, for coalescing and cache keys.
    QString canonical() const;
    QJsonObject toJson() const;
    static QueryParams fromJson(const QJsonObject &obj);
    friend bool operator==(const QueryParams &, const QueryParams &) = default;
};

enum class Urgency : quint8 { Background, Interactive };

struct Request {
    QString id;                 // assigned by the service when empty
    ClientIdentity client;
    QStringList routers;
    QueryKind kind = QueryKind::Facts;
    QueryParams params;
    qint64 maxAgeSeconds = 0;   // the oldest cached answer accepted; 0: always ask the router
    Urgency urgency = Urgency::Interactive; // is a person waiting?

    QJsonObject toJson() const;
    // Parses the JSON form; a malformed document gives an invalid-request error.
    static Result<Request> fromJson(const QJsonObject &obj);
    friend bool operator==(const Request &, const Request &) = default;
};

// Where a part's records came from. Only Live answers were read from the router just now;
// pasted and file input is never shown as if a router had said it.
enum class AnswerSource : quint8 {
    Live,   // asked of the router for this request
    Store,  // answered from the result store
    Pasted, // text a person pasted (paste box, CLI standard input)
    File,   // saved output read from a file
};
QString answerSourceName(AnswerSource s); // "live", "store", "pasted", "file"
AnswerSource answerSourceFromName(QStringView name); // unknown names read as Live

// One router's part of a response.
struct RouterResult {
    QString router;
    RecordSet records;
    Error error;                  // code None when the router answered
    QDateTime fetchedAt;          // when the router produced this answer (UTC)
    AnswerSource source = AnswerSource::Live;
    qint64 latencyMs = -1;        // time the router took, when live
    QStringList commands;         // what was sent (for people checking the translation)

    bool ok() const { return !error.isError(); }
    bool fromCache() const { return source == AnswerSource::Store; }
    QJsonObject toJson() const;
    static RouterResult fromJson(QueryKind kind, const QJsonObject &obj);
    friend bool operator==(const RouterResult &, const RouterResult &) = default;
};

// The answer to a request: one part per router, complete when every router answered.
struct Response {
    QString requestId;
    QueryKind kind = QueryKind::Facts;
    QueryParams params;
    QList<RouterResult> results;
    QDateTime completedAt;
    Error error;                  // set when the request as a whole was refused

    bool allOk() const;
    int failedCount() const;
    QJsonObject toJson() const;
    static Result<Response> fromJson(const QJsonObject &obj);
};

} // namespace rl

Q_DECLARE_METATYPE(rl::Request)
Q_DECLARE_METATYPE(rl::RouterResult)
Q_DECLARE_METATYPE(rl::Response)
