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

QString InventoryBuilder::credentialsReferenceProblem(const Router &router, const QStringList &profiles, QString *field)
{
    if (router.credentials.isEmpty() || profiles.contains(router.credentials))
        return {};
    if (field)
        *field = QStringLiteral("credentials");
    return QStringLiteral("router \"%1\" refers to the credentials profile \"%2\", which does not exist; defined "
                          "profiles: %3.")
        .arg(router.name, router.credentials,
             profiles.isEmpty() ? QStringLiteral("none") : profiles.join(QLatin1String(", ")));
}

QString InventoryBuilder::duplicateRouterProblem(const QString &name, const QString &where)
{
    return QStringLiteral("the router name \"%1\" is used twice (first on %2); router names must be unique.")
        .arg(name, where);
}

QString InventoryBuilder::duplicateConnectionProblem(const QString &id, const QString &where)
{
    return QStringLiteral("the connection id \"%1\" is used twice (first on %2); connection ids must be unique.")
        .arg(id, where);
}

QString InventoryBuilder::mtuProblem(const QString &what, qint64 mtu)
{
    if (mtu >= 68 && mtu <= 65535)
        return {};
    return QStringLiteral("%1: \"mtu\" must be between 68 and 65535, not %2.").arg(what).arg(mtu);
}

QString InventoryBuilder::prefixLimitProblem(const QString &what, qint64 limit)
{
    if (limit >= 1)
        return {};
    return QStringLiteral("%1: \"prefixLimit\" must be a positive number.").arg(what);
}

// Long on purpose: each check with its own message, in the order a person reads the fields.
QString InventoryBuilder::connectionProblem(const Connection &c, const std::function<bool(const QString &)> &hasRouter,
                                            QString *field)
{
    const auto at = [field](const char *key, QString problem) {
        if (field)
            *field = QLatin1String(key);
        return problem;
    };
    if (c.id.isEmpty())
        return at("id", QStringLiteral("a connection has no id: give every connection a unique \"id\"."));
    if (c.customer.isEmpty())
        return at("customer", QStringLiteral("connection \"%1\" names no customer: external users see only their "
                                             "customer's connections, so every connection needs one.")
                                  .arg(c.id));
    if (c.providerRouter.isEmpty())
        return at("providerRouter", QStringLiteral("connection \"%1\" names no provider router.").arg(c.id));
    if (!hasRouter(c.providerRouter))
        return at("providerRouter",
                  QStringLiteral("connection \"%1\" names the provider router \"%2\", which is not in the inventory; "
                                 "add the router or correct the name.")
                      .arg(c.id, c.providerRouter));
    if (!c.customerRouter.isEmpty() && !hasRouter(c.customerRouter))
        return at("customerRouter",
                  QStringLiteral("connection \"%1\" names the customer router \"%2\", which is not in the inventory; "
                                 "add the router, correct the name or leave it out.")
                      .arg(c.id, c.customerRouter));
    if (c.providerInterface.isEmpty())
        return at("providerInterface", QStringLiteral("connection \"%1\" names no provider interface.").arg(c.id));
    for (const auto &[key, ifname] : {std::pair{"providerInterface", &c.providerInterface},
                                      std::pair{"customerInterface", &c.customerInterface}}) {
        if (!ifname->isEmpty() && !RequestValidator::isValidInterfaceName(*ifname))
            return at(key, QStringLiteral("connection \"%1\": \"%2\" is not a valid interface name (letters, "
                                          "digits and / . _ : - only).")
                               .arg(c.id, ifname->left(64)));
    }
    for (const auto &[key, vrf] : {std::pair{"vrf", &c.vrf}, std::pair{"customerVrf", &c.customerVrf}}) {
        if (!vrf->isEmpty() && !RequestValidator::isValidVrfName(*vrf))
            return at(key, QStringLiteral("connection \"%1\": \"%2\" is not a valid VRF name (letters, digits "
                                          "and . _ : - only, at most 64 characters).")
                               .arg(c.id, vrf->left(64)));
    }
    if (!validVlan(c.vlan) || !validVlan(c.innerVlan))
        return at(validVlan(c.vlan) ? "innerVlan" : "vlan",
                  QStringLiteral("connection \"%1\" has VLAN %2 / inner VLAN %3: use 1 to 4094, or -1 for none.")
                      .arg(c.id)
                      .arg(c.vlan)
                      .arg(c.innerVlan));
    if (c.innerVlan != -1 && c.vlan == -1)
        return at("vlan", QStringLiteral("connection \"%1\" has an inner VLAN but no outer VLAN.").arg(c.id));
    for (const auto &[key, addr] :
         {std::pair{"providerAddress", &c.providerAddress}, std::pair{"customerAddress", &c.customerAddress},
          std::pair{"providerAddress6", &c.providerAddress6}, std::pair{"customerAddress6", &c.customerAddress6}}) {
        if (!addr->isEmpty() && !IpAddress::parse(QStringView(*addr)))
            return at(key, QStringLiteral("connection \"%1\": \"%2\" is not an IP address.").arg(c.id, addr->left(64)));
    }
    if (!validAs(c.providerAs) || !validAs(c.customerAs))
        return at(validAs(c.providerAs) ? "customerAs" : "providerAs",
                  QStringLiteral("connection \"%1\" has an AS number out of range: use 1 to 4294967295.").arg(c.id));
    const QString what = QStringLiteral("connection \"%1\"").arg(c.id);
    if (c.mtu != -1) {
        if (const QString p = mtuProblem(what, c.mtu); !p.isEmpty())
            return at("mtu", p);
    }
    if (c.prefixLimit != -1) {
        if (const QString p = prefixLimitProblem(what, c.prefixLimit); !p.isEmpty())
            return at("prefixLimit", p);
    }
    for (const QString &prefix : c.expectedPrefixes) {
        if (!IpPrefix::parse(prefix))
            return at("expectedPrefixes", QStringLiteral("%1: \"%2\" in \"expectedPrefixes\" is not a prefix like "
                                                         "\"203.0.113.0/24\".")
                                              .arg(what, prefix.left(60)));
    }
    return {};
}

Error InventoryBuilder::error(int line, const QString &problem) const
{
    const QString where = line > 0 ? QStringLiteral("%1, line %2").arg(m_fileName).arg(line) : m_fileName;
    return Error(ErrorCode::InventoryError, QStringLiteral("%1: %2").arg(where, problem),
                 line > 0 ? QStringLiteral("%1:%2").arg(m_fileName).arg(line) : m_fileName);
}

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
    QStringList profiles = credentialLines.keys();
    profiles.sort();
    for (const auto &[router, line] : m_routers) {
        const QString problem = Inventory::routerProblem(router);
        if (!problem.isEmpty())
            return error(line, problem);
        if (routerLines.contains(router.name))
            return error(line, duplicateRouterProblem(router.name, lineText(routerLines.value(router.name))));
        if (const QString p = credentialsReferenceProblem(router, profiles); !p.isEmpty())
            return error(line, p);
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
    const auto hasRouter = [&routerLines](const QString &name) { return routerLines.contains(name); };
    for (const auto &[c, line] : m_connections) {
        if (!c.id.isEmpty() && connectionLines.contains(c.id))
            return error(line, duplicateConnectionProblem(c.id, lineText(connectionLines.value(c.id))));
        if (const QString p = connectionProblem(c, hasRouter); !p.isEmpty())
            return error(line, p);
        connectionLines.insert(c.id, line);
        inv.addConnection(c);
    }
    return inv;
}

} // namespace rl
