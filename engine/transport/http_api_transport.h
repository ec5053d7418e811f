#pragma once

#include "engine/api/error.h"
#include "engine/inventory/inventory.h"
#include "engine/transport/http_api_codec.h"
#include "engine/transport/transport.h"

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QString>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
QT_END_NAMESPACE

namespace rl {

class HttpsConnection;
class SecretResolver;

// Tunables of the HTTP transports (engine settings feed them; the defaults suit the devices).
struct HttpSettings {
    int pollSliceMs = 20;                       // the wait loop looks at cancel and deadlines this often
    QString eapiPath = QStringLiteral("/command-api");
    QString nxapiPath = QStringLiteral("/ins");
    QString restconfDataRoot = QStringLiteral("/restconf/data"); // RFC 8040's usual root
    QByteArray userAgent = "RouterLens";
};

// One router over an HTTPS API: Arista eAPI, Cisco NX-API (both JSON-RPC) or RESTCONF (GET only).
//
// Threading: run() blocks. Each call opens its own HttpsConnection (a socket and a private
// QEventLoop in the calling thread) and closes it before returning, so the transport has no
// thread affinity and may be called from any worker thread (one at a time). The cost is a TLS
// handshake per run(); the requests of one run() share the connection.
//
// HTTP is read by HttpResponseReader, not by Qt's network access manager: every byte a router
// sends is counted against a limit (head 64 KiB, body maxOutputBytes) and a deadline.
//
// TLS: verification is on unless the router says tlsVerify=false (then a warning goes to the
// EventLog at the start of every session). Router::caFile replaces the system CAs with the
// file's; Router::pinnedCertSha256 accepts exactly the certificate with that SHA-256 (of its DER
// form) whatever its chain, name or dates, and refuses any other, even a valid one.
//
// Authentication: a credential profile with a username sends HTTP basic authentication with the
// secret as password; one with only a secret sends it as a bearer token; no profile sends none.
// Secrets are resolved for each run() and wiped after the request is built.
class HttpApiTransport final : public Transport
{
public:
    HttpApiTransport(HttpApiKind kind, Router router, std::optional<CredentialProfile> credentials,
                     SessionProfile profile, std::shared_ptr<const SecretResolver> secrets, HttpSettings settings = {});
    ~HttpApiTransport() override;
    HttpApiTransport(const HttpApiTransport &) = delete;
    HttpApiTransport &operator=(const HttpApiTransport &) = delete;

    Result<QList<CommandOutput>> run(const QStringList &commands, const ExecOptions &options) override;
    void close() override { m_open = false; }
    // True after a run() reached the API and until close(): the logical session.
    bool isOpen() const override { return m_open; }

    HttpApiKind kind() const { return m_kind; }

private:
    struct Exchange;

    Error prepareTls();
    Result<QByteArray> authorizationHeader() const;
    Exchange exchange(HttpsConnection &connection, const HttpCall &call, const QByteArray &authorization,
                      int commandCount, const ExecOptions &options);
    Error classify(const Exchange &ex, const HttpCall &call) const;
    Error tlsError(const Exchange &ex) const;
    QString who() const;
    QString apiName() const;

    HttpApiKind m_kind;
    Router m_router;
    std::optional<CredentialProfile> m_credentials;
    SessionProfile m_profile;
    std::shared_ptr<const SecretResolver> m_secrets;
    HttpSettings m_settings;

    bool m_tlsReady = false;
    Error m_tlsProblem;
    QSslConfiguration m_ssl;
    QByteArray m_pin; // 32 bytes when the router pins its certificate
    bool m_open = false;
    quint64 m_requestCounter = 0;
};

// The transport for a router whose TransportKind is HttpEapi, HttpNxapi or Restconf (nullptr for
// any other kind). `credentials` may be null: no authentication is sent.
std::unique_ptr<Transport> makeHttpTransport(const Router &router, const SessionProfile &profile,
                                             const CredentialProfile *credentials,
                                             std::shared_ptr<const SecretResolver> secrets,
                                             HttpSettings settings = {});

} // namespace rl
