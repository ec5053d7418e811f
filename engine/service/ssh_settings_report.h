#pragma once

#include <QString>

namespace rl {

class RouterDataService;

// What an SSH session to a router would use, and where each value comes from (inventory, ssh
// config file:line, option, default), for front ends that must not reach the transport layer
// themselves (the window's "SSH settings of …"). Connects to nothing.
class SshSettingsReport
{
public:
    // The table `routerlens-cli routers --show-ssh` prints; empty when the router is not an SSH
    // router of the service's inventory.
    static QString text(const RouterDataService &service, const QString &router);
};

} // namespace rl
