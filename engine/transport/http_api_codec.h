#pragma once

#include "engine/api/error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rl {

enum class HttpApiKind : quint8 { Eapi, Nxapi, Restconf };

// One HTTP request as the transport sends it.
struct HttpCall {
    QByteArray method;       // "GET" or "POST"; RESTCONF is only ever GET
    QString path;            // absolute path, may carry a query after '?'
    QByteArray contentType;  // empty for GET
    QByteArray accept;
    QByteArray body;
};

// The wire formats of the three HTTP APIs: request bodies and answer decoding. Pure functions,
// so that every device answer shape is testable without a network. `who` names the router in
// error sentences ("router ceos1 (198.18.0.11:443)").
class HttpApiCodec
{
public:
    // The CLI form of a structured command ("show version | json") becomes the API form
    // ("show version"): eAPI and NX-API ask for JSON through the request itself.
    static QString apiCommand(const QString &command);

    // True when the command asks for JSON ("... | json"); eAPI asks for the rest as text.
    static bool wantsJson(const QString &command);
    // Arista eAPI: JSON-RPC 2.0 "runCmds", POST /command-api. One format per call: json, or
    // text for commands whose JSON form lacks what RouterLens reads (all commands must agree).
    static HttpCall eapiRequest(const QStringList &commands, const QString &id, const QString &path);
    // Cisco NX-API: a JSON-RPC 2.0 batch of "cli" calls (ids 1..n), POST /ins.
    static HttpCall nxapiRequest(const QStringList &commands, const QString &path);
    // RESTCONF (RFC 8040): GET of a data path. A path that starts with '/' is used as it is;
    // otherwise it is taken as relative to dataRoot ("/restconf/data").
    static HttpCall restconfRequest(const QString &path, const QString &dataRoot);

    // One JSON text per command, in order (text-format calls: each command's "output" text);
    // or the device's JSON-RPC error as an rl::Error:
    // a command the device refused is unsupported-query with its message, anything else
    // that is not a well-formed answer is parse-error.
    static Result<QList<QByteArray>> eapiResults(const QByteArray &body, const QStringList &commands,
                                                 const QString &id, const QString &who);
    static Result<QList<QByteArray>> nxapiResults(const QByteArray &body, const QStringList &commands,
                                                  const QString &who);
    // The "error-message"s of an RFC 8040 errors document ("ietf-restconf:errors"), joined;
    // empty when the body is not one.
    static QString restconfErrorText(const QByteArray &body);

    // A pinned certificate digest: SHA-256 of the DER certificate as 64 hex digits (colons
    // and an optional "sha256:" prefix allowed) or as base64. std::nullopt when malformed.
    static std::optional<QByteArray> parsePin(const QString &text);
};

} // namespace rl
