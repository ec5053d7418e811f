#include "engine/transport/default_transport_factory.h"

#include "engine/transport/http_api_transport.h"
#include "engine/transport/secret_resolver.h"

namespace rl {

namespace {

// Answers every run() with the same error: a router the factory cannot serve fails per request,
// like any other router error, instead of failing the whole inventory.
class FailingTransport final : public Transport
{
public:
    explicit FailingTransport(Error error) : m_error(std::move(error)) {}
    Result<QList<CommandOutput>> run(const QStringList &, const ExecOptions &) override { return m_error; }

private:
    Error m_error;
};

} // namespace

DefaultTransportFactory::DefaultTransportFactory(CredentialLookup lookup, std::shared_ptr<const SecretResolver> secrets,
                                                 SshSettings settings)
    : m_lookup(std::move(lookup))
    , m_secrets(secrets ? std::move(secrets) : std::make_shared<SecretResolver>())
    , m_settings(std::move(settings))
{
}

DefaultTransportFactory::DefaultTransportFactory(QHash<QString, CredentialProfile> profiles,
                                                 std::shared_ptr<const SecretResolver> secrets, SshSettings settings)
    : DefaultTransportFactory(
          [profiles = std::move(profiles)](const QString &name) -> std::optional<CredentialProfile> {
              const auto it = profiles.constFind(name);
              if (it == profiles.constEnd())
                  return std::nullopt;
              return *it;
          },
          std::move(secrets), std::move(settings))
{
}

void DefaultTransportFactory::setSshConfigFile(const QString &path)
{
    QMutexLocker lock(&m_settingsLock);
    m_settings.sshConfigFile = path;
}

std::unique_ptr<Transport> DefaultTransportFactory::create(const Router &router, const SessionProfile &profile)
{
    if (router.transport == TransportKind::Demo) {
        return std::make_unique<FailingTransport>(
            Error(ErrorCode::UnsupportedQuery,
                  QStringLiteral("Router %1 belongs to the built-in demo lab, which this transport factory does not serve: "
                                 "open it with the demo inventory.")
                      .arg(router.name)));
    }
    std::optional<CredentialProfile> credentials = m_lookup ? m_lookup(router.credentials) : std::nullopt;
    if (!credentials) {
        if (!router.credentials.isEmpty())
            return std::make_unique<FailingTransport>(Error(
                ErrorCode::InventoryError,
                QStringLiteral("Router %1 names the credential profile \"%2\", which the inventory does not "
                               "define: add it or correct the router's credentials field.")
                    .arg(router.name, router.credentials)));
        // No profile: log in as the local user through the SSH agent only.
        credentials = CredentialProfile{};
    }
    switch (router.transport) {
    case TransportKind::Ssh: {
        SshSettings settings;
        {
            QMutexLocker lock(&m_settingsLock);
            settings = m_settings;
        }
        return std::make_unique<SshTransport>(router, *credentials, profile, m_secrets, std::move(settings));
    }
    case TransportKind::HttpEapi:
    case TransportKind::HttpNxapi:
    case TransportKind::Restconf:
        return makeHttpTransport(router, profile, &*credentials, m_secrets);
    case TransportKind::Demo:
        break;
    }
    return std::make_unique<FailingTransport>(
        Error(ErrorCode::UnsupportedQuery,
              QStringLiteral("Router %1 belongs to the built-in demo lab, which this transport factory does not serve: "
                             "open it with the demo inventory.")
                  .arg(router.name)));
}

} // namespace rl
