#include "engine/service/ssh_settings_report.h"

#include "engine/service/router_data_service.h"
#include "engine/transport/ssh_transport.h"

namespace rl {

QString SshSettingsReport::text(const RouterDataService &service, const QString &routerName)
{
    const Inventory &inventory = service.inventory();
    const Router *router = inventory.router(routerName);
    if (!router || router->transport != TransportKind::Ssh)
        return {};
    CredentialProfile credentials;
    if (const CredentialProfile *c = inventory.credentialProfile(router->credentials))
        credentials = *c;
    const EngineSettings settings = service.settings();
    SshSettings ssh;
    ssh.sshConfigFile = settings.sshConfigPath();
    ssh.acceptNewHostKeys = settings.acceptNewHostKeys;
    return SshTransport::effectiveSettings(*router, credentials, ssh, settings.connectTimeoutMs).toText();
}

} // namespace rl
