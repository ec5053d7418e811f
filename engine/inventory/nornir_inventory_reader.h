#pragma once

#include "engine/inventory/inventory.h"

namespace rl {

// Reads a Nornir hosts.yaml (resources/examples/hosts.yaml documents the mapping):
//   <name>: {hostname, port, username, password?, platform, groups, data: {...}}
// Platforms use Nornir/NAPALM names (ios, nxos, nxos_ssh, iosxr, junos, eos) or ours.
// `data` may carry RouterLens fields (transport, secret, keyFile, useAgent, knownHosts,
// caFile, pinnedCertSha256, tlsVerify) and a `connections` list whose provider router is
// the host; every other scalar in `data` becomes a tag. A password that is not a secret
// reference (env:/keychain:) is refused: credentials never live in plain files.
class NornirInventoryReader
{
public:
    static Result<Inventory> read(const QByteArray &data, const QString &fileName);
    // With Nornir's groups.yaml and defaults.yaml (either may be empty). A field a host does
    // not set comes, as in Nornir, from its groups in order (each group before its parent
    // groups, depth first), then from the defaults; `data` merges key by key the same way.
    // Errors name the file the value is in. A cycle of groups, a group that is not defined
    // (when a groups file is given) and connections outside a host are refused.
    static Result<Inventory> read(const QByteArray &hostsYaml, const QString &hostsFile, const QByteArray &groupsYaml,
                                  const QString &groupsFile, const QByteArray &defaultsYaml,
                                  const QString &defaultsFile);
};

} // namespace rl
