#pragma once

#include "engine/inventory/inventory.h"
#include "engine/transport/ssh_transport.h"
#include "engine/transport/transport.h"

#include <QHash>
#include <QMutex>

#include <functional>
#include <memory>
#include <optional>

namespace rl {

class SecretResolver;

// The production transports: SSH for TransportKind::Ssh; HTTP kinds answer `unsupported-query`
// until the HTTP transports exist. Credential profiles come from the inventory through a lookup,
// so an inventory reload is seen by the next create().
class DefaultTransportFactory final : public TransportFactory
{
public:
    using CredentialLookup = std::function<std::optional<CredentialProfile>(const QString &name)>;

    DefaultTransportFactory(CredentialLookup lookup, std::shared_ptr<const SecretResolver> secrets,
                            SshSettings settings = {});
    // Convenience: a fixed set of profiles, e.g. Inventory::credentials().
    DefaultTransportFactory(QHash<QString, CredentialProfile> profiles, std::shared_ptr<const SecretResolver> secrets,
                            SshSettings settings = {});

    std::unique_ptr<Transport> create(const Router &router, const SessionProfile &profile) override;

    // The ssh config later sessions read (the settings dialog changes it while sessions run);
    // open sessions keep theirs until they close.
    void setSshConfigFile(const QString &path);

private:
    CredentialLookup m_lookup;
    std::shared_ptr<const SecretResolver> m_secrets;
    SshSettings m_settings;
    mutable QMutex m_settingsLock; // create() runs on worker threads
};

} // namespace rl
