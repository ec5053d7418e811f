#include "engine/transport/http_api_transport.h"

#include "engine/api/display_text.h"
#include "engine/api/event_log.h"
#include "engine/transport/https_connection.h"
#include "engine/transport/secret_resolver.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

#include <algorithm>

namespace rl {

// What one HTTP exchange gave, and the error of the limits it hit (deadlines, cap, cancel).
struct HttpApiTransport::Exchange : HttpsOutcome {
    Error aborted;
};

namespace {

QString hexDigest(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex());
}

bool isCancelled(const ExecOptions &options)
{
    return options.cancelled && options.cancelled->load();
}

} // namespace

HttpApiTransport::HttpApiTransport(HttpApiKind kind, Router router, std::optional<CredentialProfile> credentials,
                                   SessionProfile profile, std::shared_ptr<const SecretResolver> secrets,
                                   HttpSettings settings)
    : m_kind(kind)
    , m_router(std::move(router))
    , m_credentials(std::move(credentials))
    , m_profile(std::move(profile))
    , m_secrets(std::move(secrets))
    , m_settings(std::move(settings))
{
}

HttpApiTransport::~HttpApiTransport() = default;

QString HttpApiTransport::who() const
{
    const bool v6 = m_router.host.contains(QLatin1Char(':'));
    return QStringLiteral("router %1 (%2%3%4:%5)")
        .arg(m_router.name, v6 ? QStringLiteral("[") : QString(), m_router.host, v6 ? QStringLiteral("]") : QString())
        .arg(m_router.port);
}

QString HttpApiTransport::apiName() const
{
    switch (m_kind) {
    case HttpApiKind::Eapi:
        return QStringLiteral("eAPI");
    case HttpApiKind::Nxapi:
        return QStringLiteral("NX-API");
    case HttpApiKind::Restconf:
        break;
    }
    return QStringLiteral("RESTCONF");
}

Error HttpApiTransport::prepareTls()
{
    if (m_tlsReady)
        return m_tlsProblem;
    m_tlsReady = true;
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setProtocol(QSsl::SecureProtocols);
    m_ssl.setPeerVerifyMode(m_router.tlsVerify ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
    if (!m_router.caFile.isEmpty()) {
        QList<QSslCertificate> cas = QSslCertificate::fromPath(m_router.caFile, QSsl::Pem);
        if (cas.isEmpty())
            cas = QSslCertificate::fromPath(m_router.caFile, QSsl::Der);
        if (cas.isEmpty()) {
            m_tlsProblem = Error(ErrorCode::InventoryError,
                                 QStringLiteral("The CA file \"%1\" of router %2 cannot be read or holds no certificate: "
                                                "give the path of a PEM or DER CA certificate in the router's caFile.")
                                     .arg(m_router.caFile, m_router.name));
            return m_tlsProblem;
        }
        // Only this CA: a router with its own CA is not vouched for by public ones.
        m_ssl.setCaCertificates(cas);
    }
    if (!m_router.pinnedCertSha256.isEmpty()) {
        const std::optional<QByteArray> pin = HttpApiCodec::parsePin(m_router.pinnedCertSha256);
        if (!pin) {
            m_tlsProblem = Error(ErrorCode::InventoryError,
                                 QStringLiteral("Router %1's pinnedCertSha256 is not a SHA-256 digest: write the 64 hex "
                                                "digits (or base64) of the SHA-256 of the router's DER certificate.")
                                     .arg(m_router.name));
            return m_tlsProblem;
        }
        m_pin = *pin;
    }
    return {};
}

Result<QByteArray> HttpApiTransport::authorizationHeader() const
{
    if (!m_credentials || (m_credentials->username.isEmpty() && m_credentials->secret.isEmpty()))
        return QByteArray();
    QByteArray secret;
    if (!m_credentials->secret.isEmpty()) {
        if (!m_secrets)
            return Error(ErrorCode::AuthFailed,
                         QStringLiteral("No secret resolver is available to read \"%1\".").arg(m_credentials->secret));
        Result<QByteArray> r = m_secrets->resolve(m_credentials->secret);
        if (!r)
            return r.error();
        secret = std::move(r).value();
    }
    QByteArray header;
    if (m_credentials->username.isEmpty()) {
        header = "Bearer " + secret;
    } else {
        QByteArray pair = m_credentials->username.toUtf8() + ':' + secret;
        header = "Basic " + pair.toBase64();
        SecretResolver::wipe(pair);
    }
    SecretResolver::wipe(secret);
    return header;
}

Result<QList<CommandOutput>> HttpApiTransport::run(const QStringList &commands, const ExecOptions &options)
{
    // The guard first: a refused command means nothing at all is sent.
    for (const QString &c : commands) {
        if (Error e = m_profile.guard.check(c))
            return e;
    }
    if (commands.isEmpty())
        return QList<CommandOutput>();
    if (isCancelled(options))
        return Error(ErrorCode::Cancelled, QStringLiteral("The request was cancelled before connecting."));
    if (Error e = prepareTls())
        return e;
    if (!m_open && !m_router.tlsVerify)
        EventLog::instance().warning(
            QStringLiteral("http:%1").arg(m_router.name),
            QStringLiteral("TLS certificate verification is off for router %1 (tlsVerify is false): its identity is "
                           "not checked and its credentials could reach an impostor. Set a caFile or a "
                           "pinnedCertSha256 instead.")
                .arg(m_router.name));

    Result<QByteArray> auth = authorizationHeader();
    if (!auth)
        return auth.error();
    QByteArray authorization = std::move(auth).value();

    // One connection for the run's requests, kept alive while the router agrees.
    HttpsConnection connection(m_router.host, m_router.port, m_ssl, m_pin);

    QList<CommandOutput> outputs;
    Error failure;
    if (m_kind == HttpApiKind::Restconf) {
        for (const QString &path : commands) {
            const HttpCall call = HttpApiCodec::restconfRequest(path, m_settings.restconfDataRoot);
            const Exchange ex = exchange(connection, call, authorization, 1, options);
            if ((failure = classify(ex, call)))
                break;
            outputs.append(CommandOutput{path, ex.body, 0, ex.elapsedMs});
        }
    } else {
        // eAPI takes one format per call: consecutive commands that agree on JSON or text go
        // together, in order. NX-API sends everything in one batch.
        QList<QStringList> calls;
        for (const QString &c : commands) {
            if (calls.isEmpty() || (m_kind == HttpApiKind::Eapi
                                    && HttpApiCodec::wantsJson(c) != HttpApiCodec::wantsJson(calls.last().first())))
                calls.append(QStringList{});
            calls.last().append(c);
        }
        for (const QStringList &batch : std::as_const(calls)) {
            const QString id = QStringLiteral("routerlens-%1").arg(++m_requestCounter);
            const HttpCall call = m_kind == HttpApiKind::Eapi ? HttpApiCodec::eapiRequest(batch, id, m_settings.eapiPath)
                                                              : HttpApiCodec::nxapiRequest(batch, m_settings.nxapiPath);
            const Exchange ex = exchange(connection, call, authorization, int(batch.size()), options);
            failure = classify(ex, call);
            // A JSON-RPC answer may carry the device's error with any status; read it when there is one.
            if (!failure || (ex.status >= 400 && !ex.body.isEmpty() && failure.code != ErrorCode::AuthFailed)) {
                Result<QList<QByteArray>> results = m_kind == HttpApiKind::Eapi
                    ? HttpApiCodec::eapiResults(ex.body, batch, id, who())
                    : HttpApiCodec::nxapiResults(ex.body, batch, who());
                if (!results) {
                    if (!failure || results.error().code != ErrorCode::ParseError)
                        failure = results.error();
                } else if (!failure) {
                    for (qsizetype i = 0; i < batch.size(); ++i)
                        outputs.append(CommandOutput{batch.at(i), results->at(i), 0, ex.elapsedMs});
                }
            }
            if (failure)
                break;
        }
    }
    SecretResolver::wipe(authorization);
    if (failure)
        return failure;
    m_open = true;
    return outputs;
}

HttpApiTransport::Exchange HttpApiTransport::exchange(HttpsConnection &connection, const HttpCall &call,
                                                      const QByteArray &authorization, int commandCount,
                                                      const ExecOptions &options)
{
    QUrl url;
    const qsizetype q = call.path.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? call.path : call.path.left(q), QUrl::TolerantMode);
    if (q >= 0)
        url.setQuery(call.path.mid(q + 1), QUrl::TolerantMode);

    HttpsRequest request;
    request.method = call.method;
    request.target = url.toEncoded();
    request.headers = {{"Accept", call.accept}, {"User-Agent", m_settings.userAgent}};
    if (!call.contentType.isEmpty())
        request.headers.append({"Content-Type", call.contentType});
    if (!authorization.isEmpty())
        request.headers.append({"Authorization", authorization});
    request.body = call.body;

    HttpsLimits limits;
    limits.connectTimeoutMs = options.connectTimeoutMs;
    limits.answerBudgetMs = qint64(std::max(1, options.commandTimeoutMs)) * std::max(1, commandCount);
    limits.maxBodyBytes = options.maxOutputBytes;
    limits.sliceMs = m_settings.pollSliceMs;
    limits.cancelled = options.cancelled;

    Exchange ex;
    static_cast<HttpsOutcome &>(ex) = connection.exchange(request, limits);
    for (auto &header : request.headers)
        SecretResolver::wipe(header.second);

    using Failure = HttpsOutcome::Failure;
    switch (ex.failure) {
    case Failure::Cancelled:
        ex.aborted = Error(ErrorCode::Cancelled,
                           QStringLiteral("The request was cancelled; %1 stopped waiting for %2.").arg(apiName(), who()));
        break;
    case Failure::ConnectTimeout:
        ex.aborted = Error(ErrorCode::Timeout,
                           QStringLiteral("%1 did not complete the HTTPS connection within %2 s: check that it is up, "
                                          "that %3 is enabled on this port, or raise the connect timeout.")
                               .arg(who())
                               .arg(options.connectTimeoutMs / 1000.0)
                               .arg(apiName()));
        break;
    case Failure::AnswerTimeout:
        ex.aborted = Error(ErrorCode::Timeout,
                           QStringLiteral("%1 did not answer the %2 request within %3 s: the router may be busy; "
                                          "retry later or raise the command timeout.")
                               .arg(who(), apiName())
                               .arg(limits.answerBudgetMs / 1000.0));
        break;
    case Failure::BodyTooLarge:
        ex.aborted = outputTooLargeError(QStringLiteral("The %1 answer of %2").arg(apiName(), who()),
                                         options.maxOutputBytes);
        break;
    default:
        break;
    }
    return ex;
}

Error HttpApiTransport::tlsError(const Exchange &ex) const
{
    const QString detail = [&] {
        QStringList parts;
        for (const QSslError &e : ex.sslErrors)
            parts.append(e.errorString());
        if (!ex.peerDigest.isEmpty())
            parts.append(QStringLiteral("certificate SHA-256 %1").arg(hexDigest(ex.peerDigest)));
        if (parts.isEmpty())
            parts.append(ex.socketError);
        return parts.join(QLatin1String("; "));
    }();
    // Not unreachable: the router answered, but its identity could not be verified. The person
    // must look at certificates, not at cables, so the code says so.
    auto err = [&](const QString &why) { return Error(ErrorCode::TlsError, why, detail); };
    if (ex.failure == HttpsOutcome::Failure::PinMismatch)
        return err(QStringLiteral("%1 presented a certificate other than the pinned one (SHA-256 %2): RouterLens "
                                  "refused to connect. Check the router's pinned certificate: if its certificate was "
                                  "renewed, update pinnedCertSha256 after checking the new one.")
                       .arg(who(), ex.peerDigest.isEmpty() ? QStringLiteral("unknown") : hexDigest(ex.peerDigest)));
    bool expired = false, name = false, untrusted = false;
    for (const QSslError &e : ex.sslErrors) {
        switch (e.error()) {
        case QSslError::CertificateExpired:
        case QSslError::CertificateNotYetValid:
            expired = true;
            break;
        case QSslError::HostNameMismatch:
            name = true;
            break;
        default:
            untrusted = true;
            break;
        }
    }
    if (untrusted)
        return err(QStringLiteral("%1 presented a TLS certificate that no trusted CA signed: RouterLens refused to "
                                  "connect. Check the router's CA file (caFile must hold the CA that signed it), or pin its "
                                  "certificate with pinnedCertSha256.")
                       .arg(who()));
    if (expired)
        return err(QStringLiteral("%1 presented a TLS certificate that has expired or is not valid yet: RouterLens "
                                  "refused to connect. Check the certificate's dates: renew it on the router (or fix this "
                                  "machine's clock).")
                       .arg(who()));
    if (name)
        return err(QStringLiteral("%1 presented a TLS certificate issued for another name than \"%2\": RouterLens "
                                  "refused to connect. Check the names in the router's certificate: use one of them as the "
                                  "router's host, or reissue the certificate for \"%2\".")
                       .arg(who(), m_router.host));
    return err(QStringLiteral("The TLS handshake with %1 failed: check that the port speaks HTTPS and that the "
                              "router accepts TLS 1.2 or later.")
                   .arg(who()));
}

// Long on purpose: one branch per way an HTTPS exchange ends, each with its error code and the
// sentence a person can act on.
Error HttpApiTransport::classify(const Exchange &ex, const HttpCall &call) const
{
    if (ex.aborted)
        return ex.aborted;
    using Failure = HttpsOutcome::Failure;
    switch (ex.failure) {
    case Failure::None:
        break;
    case Failure::PinMismatch:
    case Failure::TlsFailed:
        return tlsError(ex);
    case Failure::ClosedBeforeAnswer:
        return Error(ErrorCode::ConnectionLost,
                     QStringLiteral("%1 closed the connection without answering the %2 request: retry; if it keeps "
                                    "happening, check the router's HTTPS server.")
                         .arg(who(), apiName()),
                     ex.socketError);
    case Failure::ClosedMidAnswer:
        return Error(ErrorCode::ConnectionLost,
                     QStringLiteral("%1 closed the connection before its %2 answer was complete: retry; if it keeps "
                                    "happening, check the router's HTTPS server.")
                         .arg(who(), apiName()),
                     ex.socketError);
    case Failure::ClosedInHandshake:
        return Error(ErrorCode::Unreachable,
                     QStringLiteral("%1 closed the connection during the HTTPS handshake: check that the port is "
                                    "the router's %2 HTTPS port.")
                         .arg(who(), apiName()),
                     ex.socketError);
    case Failure::NotHttp:
        return Error(ErrorCode::ParseError,
                     QStringLiteral("%1 answered the %2 request with something that is not HTTP: check that the port "
                                    "in the inventory is the router's %2 HTTPS port.")
                         .arg(who(), apiName()),
                     QStringLiteral("it began: \"%1\"").arg(DisplayText::escapeControls(QString::fromLatin1(ex.preview))));
    case Failure::HeadTooLarge:
        return Error(ErrorCode::ParseError,
                     QStringLiteral("%1 sent an HTTP head of more than 64 KiB for the %2 request; RouterLens stopped "
                                    "reading it. Check the router's HTTPS server.")
                         .arg(who(), apiName()));
    case Failure::BadFraming:
        return Error(ErrorCode::ParseError,
                     QStringLiteral("%1 framed its %2 answer wrongly (a malformed Content-Length or chunk); RouterLens "
                                    "stopped reading it. Check the router's HTTPS server.")
                         .arg(who(), apiName()));
    case Failure::Unreachable:
    case Failure::Cancelled:      // set in aborted
    case Failure::ConnectTimeout: // set in aborted
    case Failure::AnswerTimeout:  // set in aborted
    case Failure::BodyTooLarge:   // set in aborted
        return Error(ErrorCode::Unreachable,
                     QStringLiteral("%1 cannot be reached over HTTPS: check the address and port in the inventory, "
                                    "that %2 is enabled on the router, and that no firewall blocks it.")
                         .arg(who(), apiName()),
                     ex.socketError);
    }
    const QString deviceText = m_kind == HttpApiKind::Restconf ? HttpApiCodec::restconfErrorText(ex.body) : QString();
    const QString detail = QStringLiteral("HTTP %1 for %2 %3%4")
                               .arg(ex.status)
                               .arg(QString::fromLatin1(call.method), call.path,
                                    deviceText.isEmpty() ? QString() : QStringLiteral(": ") + deviceText);
    if (ex.status == 401)
        return Error(ErrorCode::AuthFailed,
                     QStringLiteral("%1 refused the login to %2 (HTTP 401): check the credential profile \"%3\" "
                                    "(user name and secret, or token).")
                         .arg(who(), apiName(), m_credentials ? m_credentials->name : QString()),
                     detail);
    if (ex.status == 403)
        return Error(ErrorCode::AuthFailed,
                     QStringLiteral("%1 does not allow this account to use %2 (HTTP 403): give the user read access "
                                    "to the API on the router.")
                         .arg(who(), apiName()),
                     detail);
    if (ex.status >= 300 && ex.status < 400)
        return Error(ErrorCode::Unreachable,
                     QStringLiteral("%1 redirected the %2 request to %3: RouterLens does not follow redirects; put "
                                    "the API's own address and port in the inventory.")
                         .arg(who(), apiName(), ex.location.isEmpty() ? QStringLiteral("another place") : ex.location),
                     detail);
    if (ex.status == 404) {
        if (m_kind == HttpApiKind::Restconf)
            return Error(ErrorCode::UnsupportedQuery,
                         QStringLiteral("%1 has no RESTCONF resource %2 (HTTP 404): the router does not implement this "
                                        "YANG model or path.")
                             .arg(who(), call.path),
                         detail);
        return Error(ErrorCode::UnsupportedQuery,
                     QStringLiteral("%1 does not serve %2 at %3 (HTTP 404): enable the API on the router (%4).")
                         .arg(who(), apiName(), call.path,
                              m_kind == HttpApiKind::Eapi ? QStringLiteral("management api http-commands")
                                                          : QStringLiteral("feature nxapi")),
                     detail);
    }
    if (ex.status == 502 || ex.status == 503 || ex.status == 504)
        return Error(ErrorCode::Unreachable,
                     QStringLiteral("%1's %2 service is not available (HTTP %3): retry later.")
                         .arg(who(), apiName())
                         .arg(ex.status),
                     detail);
    if (ex.status >= 400)
        return Error(ErrorCode::UnsupportedQuery,
                     QStringLiteral("%1 could not answer the %2 request (HTTP %3)%4")
                         .arg(who(), apiName())
                         .arg(ex.status)
                         .arg(deviceText.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + deviceText),
                     detail);
    return {};
}

std::unique_ptr<Transport> makeHttpTransport(const Router &router, const SessionProfile &profile,
                                             const CredentialProfile *credentials,
                                             std::shared_ptr<const SecretResolver> secrets, HttpSettings settings)
{
    HttpApiKind kind;
    switch (router.transport) {
    case TransportKind::HttpEapi:
        kind = HttpApiKind::Eapi;
        break;
    case TransportKind::HttpNxapi:
        kind = HttpApiKind::Nxapi;
        break;
    case TransportKind::Restconf:
        kind = HttpApiKind::Restconf;
        break;
    default:
        return nullptr;
    }
    std::optional<CredentialProfile> creds;
    if (credentials)
        creds = *credentials;
    return std::make_unique<HttpApiTransport>(kind, router, std::move(creds), profile,
                                              secrets ? std::move(secrets) : std::make_shared<SecretResolver>(),
                                              std::move(settings));
}

} // namespace rl
