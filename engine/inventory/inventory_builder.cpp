#include "engine/inventory/inventory_builder.h"

#include "engine/api/ip_address.h"
#include "engine/api/request_validator.h"

#include <QHash>

#include <algorithm>

namespace rl {
namespace {

QString lineText(int line)
{
    return line > 0 ? QStringLiteral("line %1").arg(line) : QStringLiteral("an unknown line");
}

bool validVlan(int vlan)
{
    return vlan == -1 || (vlan >= 1 && vlan <= 4094);
}

bool validAs(qint64 as)
{
    return as == -1 || (as >= 1 && as <= 4294967295LL);
}

} // namespace

void InventoryBuilder::addCredentials(const CredentialProfile &profile, int line)
{
    m_credentials.append({profile, line});
}

void InventoryBuilder::addRouter(const Router &router, int line)
{
    m_routers.append({router, line});
}

void InventoryBuilder::addConnection(const Connection &connection, int line)
{
    m_connections.append({connection, line});
}

Error InventoryBuilder::error(int line, const QString &problem) const
{
    const QString where = line > 0 ? QStringLiteral("%1, line %2").arg(m_fileName).arg(line) : m_fileName;
    return Error(ErrorCode::InventoryError, QStringLiteral("%1: %2").arg(where, problem),
                 line > 0 ? QStringLiteral("%1:%2").arg(m_fileName).arg(line) : m_fileName);
}

// Long on purpose: the cross-checks of profiles, routers and connections, each with its own message.
Result<Inventory> InventoryBuilder::finish() const
{
    Inventory inv;

    QHash<QString, int> credentialLines;
    for (const auto &[profile, line] : m_credentials) {
        if (profile.name.isEmpty())
            return error(line, QStringLiteral("a credentials profile has no name."));
        if (credentialLines.contains(profile.name))
            return error(line, QStringLiteral("the credentials profile \"%1\" is defined twice (first on %2); "
                                              "give each profile a unique name.")
                                   .arg(profile.name, lineText(credentialLines.value(profile.name))));
        if (std::any_of(profile.keyFile.cbegin(), profile.keyFile.cend(), [](QChar c) { return c.unicode() < 0x20; }))
            return error(line, QStringLiteral("the key file of credentials profile \"%1\" holds a control character "
                                              "(a line break?); give the file's path alone.")
                                   .arg(profile.name));
        if (!isSecretReference(profile.secret))
            return error(line, QStringLiteral("the secret of credentials profile \"%1\" is not a reference. "
                                              "Passwords never go into inventory files: store it in the "
                                              "keychain and write \"keychain:<service>/<account>\", or export it "
                                              "and write \"env:<VARIABLE>\".")
                                   .arg(profile.name));
        credentialLines.insert(profile.name, line);
        inv.addCredentialProfile(profile);
    }

    QHash<QString, int> routerLines;
    for (const auto &[router, line] : m_routers) {
        const QString problem = Inventory::routerProblem(router);
        if (!problem.isEmpty())
            return error(line, problem);
        if (routerLines.contains(router.name))
            return error(line, QStringLiteral("the router name \"%1\" is used twice (first on %2); router names "
                                              "must be unique.")
                                   .arg(router.name, lineText(routerLines.value(router.name))));
        if (!router.credentials.isEmpty() && !credentialLines.contains(router.credentials)) {
            QStringList known = credentialLines.keys();
            known.sort();
            return error(line, QStringLiteral("router \"%1\" refers to the credentials profile \"%2\", which does "
                                              "not exist; defined profiles: %3.")
                                   .arg(router.name, router.credentials,
                                        known.isEmpty() ? QStringLiteral("none") : known.join(QLatin1String(", "))));
        }
        if (!router.tlsVerify && router.transport != TransportKind::Ssh && router.transport != TransportKind::Demo)
            inv.addWarning(QStringLiteral("%1, %2: TLS certificate verification is off for router \"%3\"; "
                                          "its identity is not checked.")
                               .arg(m_fileName, lineText(line), router.name));
        routerLines.insert(router.name, line);
        const Error err = inv.addRouter(router);
        if (err)
            return error(line, err.message);
    }

    QHash<QString, int> connectionLines;
    for (const auto &[c, line] : m_connections) {
        if (c.id.isEmpty())
            return error(line, QStringLiteral("a connection has no id: give every connection a unique \"id\"."));
        if (connectionLines.contains(c.id))
            return error(line, QStringLiteral("the connection id \"%1\" is used twice (first on %2); connection ids "
                                              "must be unique.")
                                   .arg(c.id, lineText(connectionLines.value(c.id))));
        if (c.customer.isEmpty())
            return error(line, QStringLiteral("connection \"%1\" names no customer: external users see only their "
                                              "customer's connections, so every connection needs one.")
                                   .arg(c.id));
        if (c.providerRouter.isEmpty())
            return error(line, QStringLiteral("connection \"%1\" names no provider router.").arg(c.id));
        if (!routerLines.contains(c.providerRouter))
            return error(line, QStringLiteral("connection \"%1\" names the provider router \"%2\", which is not in "
                                              "the inventory; add the router or correct the name.")
                                   .arg(c.id, c.providerRouter));
        if (!c.customerRouter.isEmpty() && !routerLines.contains(c.customerRouter))
            return error(line, QStringLiteral("connection \"%1\" names the customer router \"%2\", which is not in "
                                              "the inventory; add the router, correct the name or leave it out.")
                                   .arg(c.id, c.customerRouter));
        if (c.providerInterface.isEmpty())
            return error(line, QStringLiteral("connection \"%1\" names no provider interface.").arg(c.id));
        for (const QString &ifname : {c.providerInterface, c.customerInterface}) {
            if (!ifname.isEmpty() && !RequestValidator::isValidInterfaceName(ifname))
                return error(line, QStringLiteral("connection \"%1\": \"%2\" is not a valid interface name (letters, "
                                                  "digits and / . _ : - only).")
                                       .arg(c.id, ifname.left(64)));
        }
        for (const QString &vrf : {c.vrf, c.customerVrf}) {
            if (!vrf.isEmpty() && !RequestValidator::isValidVrfName(vrf))
                return error(line, QStringLiteral("connection \"%1\": \"%2\" is not a valid VRF name (letters, digits "
                                                  "and . _ : - only, at most 64 characters).")
                                       .arg(c.id, vrf.left(64)));
        }
        if (!validVlan(c.vlan) || !validVlan(c.innerVlan))
            return error(line, QStringLiteral("connection \"%1\" has VLAN %2 / inner VLAN %3: use 1 to 4094, or -1 "
                                              "for none.")
                                   .arg(c.id)
                                   .arg(c.vlan)
                                   .arg(c.innerVlan));
        if (c.innerVlan != -1 && c.vlan == -1)
            return error(line, QStringLiteral("connection \"%1\" has an inner VLAN but no outer VLAN.").arg(c.id));
        for (const QString &addr : {c.providerAddress, c.customerAddress, c.providerAddress6, c.customerAddress6}) {
            if (!addr.isEmpty() && !IpAddress::parse(QStringView(addr)))
                return error(line, QStringLiteral("connection \"%1\": \"%2\" is not an IP address.")
                                       .arg(c.id, addr.left(64)));
        }
        if (!validAs(c.providerAs) || !validAs(c.customerAs))
            return error(line, QStringLiteral("connection \"%1\" has an AS number out of range: use 1 to 4294967295.")
                                   .arg(c.id));
        connectionLines.insert(c.id, line);
        inv.addConnection(c);
    }
    return inv;
}

} // namespace rl
