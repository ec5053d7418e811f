#pragma once

#include "engine/inventory/inventory.h"

namespace rl {

// Reads an Ansible inventory, INI or YAML, into routers:
//   groups with hosts, vars and children (the implicit "all"); variables apply as Ansible
//   applies them: "all", then groups by depth (a child after its parents), groups of the same
//   depth by ansible_group_priority then name, then the host's own variables;
//   ansible_host (else the inventory name), ansible_port, ansible_user,
//   ansible_network_os (platformFromAnsibleName), ansible_connection httpapi with eos/nxos
//   (eapi/nxapi), ansible_ssh_private_key_file, ansible_password (a reference only);
//   other ansible_* variables are Ansible's own and ignored; every other plain variable
//   (site, customer, ...) becomes a tag, the host's groups the tag "groups".
// A ProxyJump in ansible_ssh_common_args/ansible_ssh_extra_args (-J or -o ProxyJump) becomes the
// router's proxyJump; a ProxyCommand is not run: the inventory warns about each such router. A cycle of children, a host
// range ("r[01:20]") and secrets written out are refused.
class AnsibleInventoryReader
{
public:
    static Result<Inventory> readIni(const QByteArray &data, const QString &fileName);
    static Result<Inventory> readYaml(const QByteArray &data, const QString &fileName);
    // Whether a YAML text looks like an Ansible inventory (top-level groups with only hosts,
    // vars and children) rather than a Nornir hosts file.
    static bool looksLikeAnsibleYaml(const QByteArray &data);
};

} // namespace rl
