#pragma once

#include "engine/inventory/inventory.h"
#include "engine/transport/ssh_config_file.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace rl {

// Where an effective SSH setting came from, shown by `routers --show-ssh` and the window.
enum class SshSettingOrigin : quint8 { Default, Inventory, SshConfig, Option };
QString sshSettingOriginName(SshSettingOrigin origin); // "default", "inventory", "ssh config", "option"

template<typename T>
struct SshSetting {
    T value{};
    SshSettingOrigin origin = SshSettingOrigin::Default;
    QString where; // "file:line" for the ssh config, the inventory field, the setting's name
};

// One SSH endpoint (the router, or a jump host) as it will be connected to.
struct SshEndpoint {
    QString label;                   // "router pe1", "jump host 1 (bastion) of router pe1"
    QString alias;                   // the name looked up in the ssh config
    SshSetting<QString> host;        // what is connected to
    SshSetting<int> port;
    SshSetting<QString> user;
    SshSetting<QStringList> identityFiles; // tried in this order
    SshSetting<bool> identitiesOnly;       // true: the agent is not asked
    SshSetting<QString> knownHosts;
    // "yes" (unknown key refused) or "accept-new" (a new key recorded; a changed key always refused)
    SshSetting<QString> strictHostKeyChecking;
    SshSetting<int> connectTimeoutMs;
    QString hostPort() const; // "host" or "host:port"
};

// Everything the SSH transport uses for one router: the router and the jump hosts before it, each
// value with its origin. An inventory value always wins over the ssh config; the config wins over
// RouterLens's defaults. The Router's port counts as given by the inventory unless it is 22 (an
// inventory cannot yet tell "22" from "not written"), so "Port" in the config applies then.
struct SshEffectiveSettings {
    QString configFile;              // the ssh config read; empty: none
    SshEndpoint target;
    QList<SshEndpoint> jumps;        // crossed in this order, then the target
    SshSetting<QString> jumpSpec;    // as written ("none" or empty: direct)
    QStringList warnings;            // ProxyCommand not run, an unknown StrictHostKeyChecking, ...
    Error error;                     // a ProxyJump that cannot be read: nothing is connected

    QString jumpChainText() const;   // "bastion:22 -> pe1:22"
    QJsonObject toJson() const;
    QString toText() const;          // the --show-ssh table

    struct Inputs {
        QString configPath;              // empty: no ssh config is read
        int connectTimeoutMs = 10000;    // the engine's setting
        bool acceptNewHostKeys = false;  // --accept-new-host-keys
        QString localUser;               // empty: $USER
    };
    static SshEffectiveSettings resolve(const Router &router, const CredentialProfile &credentials,
                                        const SshConfigFile &config, const Inputs &inputs);
    // Loads inputs.configPath (a missing file is an empty config) then resolves.
    static SshEffectiveSettings resolve(const Router &router, const CredentialProfile &credentials,
                                        const Inputs &inputs);
};

} // namespace rl
