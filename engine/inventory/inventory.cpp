#include "engine/inventory/inventory.h"

#include "engine/api/request_validator.h"
#include "engine/inventory/json_inventory_reader.h"
#include "engine/inventory/nornir_inventory_reader.h"

#include <QFile>
#include <QFileInfo>

#include <array>

namespace rl {
namespace {

struct TransportInfo {
    TransportKind kind;
    const char *name;
};

constexpr std::array<TransportInfo, 5> kTransports{{
    {TransportKind::Ssh, "ssh"},
    {TransportKind::HttpEapi, "eapi"},
    {TransportKind::HttpNxapi, "nxapi"},
    {TransportKind::Restconf, "restconf"},
    {TransportKind::Demo, "demo"},
}};

// The one list of platforms; translators register under these names.
constexpr std::array<const char *, 10> kPlatforms{{
    "frr", "bird", "gobgp", "linux", "cisco-ios", "cisco-nxos", "cisco-iosxr", "juniper-junos", "arista-eos",
    "openconfig", // any vendor answering RESTCONF with OpenConfig models
}};

struct PlatformAlias {
    const char *alias;
    const char *platform;
};

// NAPALM / Nornir names first, then Netmiko's, which Nornir inventories also carry.
constexpr std::array<PlatformAlias, 14> kPlatformAliases{{
    {"ios", "cisco-ios"},
    {"nxos", "cisco-nxos"},
    {"nxos_ssh", "cisco-nxos"},
    {"iosxr", "cisco-iosxr"},
    {"junos", "juniper-junos"},
    {"eos", "arista-eos"},
    {"cisco_ios", "cisco-ios"},
    {"cisco_xe", "cisco-ios"},
    {"cisco_nxos", "cisco-nxos"},
    {"cisco_xr", "cisco-iosxr"},
    {"juniper_junos", "juniper-junos"},
    {"juniper", "juniper-junos"},
    {"arista_eos", "arista-eos"},
    {"linux_ssh", "linux"},
}};

} // namespace

QString transportKindName(TransportKind t)
{
    for (const TransportInfo &info : kTransports) {
        if (info.kind == t)
            return QString::fromLatin1(info.name);
    }
    return {};
}

std::optional<TransportKind> transportKindFromName(QStringView name)
{
    for (const TransportInfo &info : kTransports) {
        if (name.compare(QLatin1String(info.name), Qt::CaseInsensitive) == 0)
            return info.kind;
    }
    return std::nullopt;
}

QStringList transportKindNames()
{
    QStringList names;
    for (const TransportInfo &info : kTransports)
        names.append(QString::fromLatin1(info.name));
    return names;
}

QStringList knownPlatforms()
{
    QStringList names;
    for (const char *p : kPlatforms)
        names.append(QString::fromLatin1(p));
    return names;
}

bool isKnownPlatform(QStringView name)
{
    for (const char *p : kPlatforms) {
        if (name == QLatin1String(p))
            return true;
    }
    return false;
}

QString platformFromNornirName(QStringView name)
{
    const QString lower = name.trimmed().toString().toLower();
    if (isKnownPlatform(lower))
        return lower;
    for (const PlatformAlias &a : kPlatformAliases) {
        if (lower == QLatin1String(a.alias))
            return QString::fromLatin1(a.platform);
    }
    return {};
}

bool isSecretReference(QStringView secret)
{
    if (secret.isEmpty())
        return true;
    auto refWithBody = [&](QLatin1String prefix) {
        return secret.startsWith(prefix) && secret.size() > prefix.size();
    };
    return refWithBody(QLatin1String("env:")) || refWithBody(QLatin1String("keychain:"));
}

Result<Inventory> Inventory::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorCode::InventoryError,
                     QStringLiteral("The inventory file %1 cannot be read: %2. Check the path and its permissions.")
                         .arg(path, file.errorString()),
                     path);
    }
    // Checked before reading, and again while reading (a pipe has no size).
    const auto tooLarge = [&] {
        return Error(ErrorCode::InventoryError,
                     QStringLiteral("The inventory file %1 is larger than the %2 MiB RouterLens reads; check that it "
                                    "is the inventory, or split it into several files.")
                         .arg(path)
                         .arg(MaxFileBytes >> 20),
                     path);
    };
    if (file.size() > MaxFileBytes)
        return tooLarge();
    const QByteArray data = file.read(MaxFileBytes + 1);
    if (data.size() > MaxFileBytes)
        return tooLarge();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json"))
        return loadJson(data, path);
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))
        return loadNornirYaml(data, path);
    return Error(ErrorCode::InventoryError,
                 QStringLiteral("The inventory file %1 has an unknown type: name it .json (RouterLens inventory) "
                                "or .yaml/.yml (Nornir hosts file).")
                     .arg(path),
                 path);
}

Result<Inventory> Inventory::loadJson(const QByteArray &data, const QString &fileName)
{
    return JsonInventoryReader::read(data, fileName);
}

Result<Inventory> Inventory::loadNornirYaml(const QByteArray &hostsYaml, const QString &fileName)
{
    return NornirInventoryReader::read(hostsYaml, fileName);
}

const Router *Inventory::router(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_routers[*it];
}

QStringList Inventory::routerNames() const
{
    QStringList names;
    names.reserve(m_routers.size());
    for (const Router &r : m_routers)
        names.append(r.name);
    return names;
}

QList<Connection> Inventory::connectionsOf(const QString &customer) const
{
    QList<Connection> out;
    if (customer.isEmpty())
        return out;
    for (const Connection &c : m_connections) {
        if (c.customer == customer)
            out.append(c);
    }
    return out;
}

const CredentialProfile *Inventory::credentialProfile(const QString &name) const
{
    const auto it = m_credentials.constFind(name);
    return it == m_credentials.constEnd() ? nullptr : &*it;
}

const Connection *Inventory::connection(const QString &id) const
{
    const auto it = m_connectionIndex.constFind(id);
    return it == m_connectionIndex.constEnd() ? nullptr : &m_connections[*it];
}

QString Inventory::routerProblem(const Router &r)
{
    if (r.name.isEmpty())
        return QStringLiteral("a router has no name: give every router a unique \"name\".");
    if (!RequestValidator::isValidRouterName(r.name))
        return QStringLiteral("the router name \"%1\" is not valid: use letters, digits and . _ - only "
                              "(at most 128 characters, starting with a letter or digit).")
            .arg(r.name.left(64));
    if (r.host.trimmed().isEmpty() && r.transport != TransportKind::Demo)
        return QStringLiteral("router \"%1\" has no host: give its address or DNS name.").arg(r.name);
    if (r.port < 1 || r.port > 65535)
        return QStringLiteral("router \"%1\" has port %2, which is out of range: use a port from 1 to 65535.")
            .arg(r.name)
            .arg(r.port);
    if (r.platform.isEmpty())
        return QStringLiteral("router \"%1\" has no platform: use one of %2.")
            .arg(r.name, knownPlatforms().join(QLatin1String(", ")));
    if (!isKnownPlatform(r.platform))
        return QStringLiteral("router \"%1\" has the unknown platform \"%2\": use one of %3.")
            .arg(r.name, r.platform.left(64), knownPlatforms().join(QLatin1String(", ")));
    if (r.maxOutputBytes != 0)
        return outputLimitProblem(r.name, r.maxOutputBytes);
    return {};
}

QString outputLimitProblem(const QString &router, qint64 bytes)
{
    if (bytes >= MinMaxOutputBytes && bytes <= MaxMaxOutputBytes)
        return {};
    return QStringLiteral("router \"%1\" has \"maxOutputBytes\" %2: use %3 to %4 bytes per command (67108864 is "
                          "64 MiB), or leave it out for the engine's setting.")
        .arg(router)
        .arg(bytes)
        .arg(MinMaxOutputBytes)
        .arg(MaxMaxOutputBytes);
}

Error Inventory::addRouter(const Router &router)
{
    const QString problem = routerProblem(router);
    if (!problem.isEmpty()) {
        QString sentence = problem;
        sentence[0] = sentence[0].toUpper();
        return Error(ErrorCode::InventoryError, sentence);
    }
    const auto it = m_index.constFind(router.name);
    if (it != m_index.constEnd()) {
        m_routers[*it] = router;
    } else {
        m_index.insert(router.name, m_routers.size());
        m_routers.append(router);
    }
    return {};
}

void Inventory::addConnection(const Connection &connection)
{
    // By index: a scan per connection made 100,000 connections take a minute.
    const auto it = m_connectionIndex.constFind(connection.id);
    if (it != m_connectionIndex.constEnd()) {
        m_connections[*it] = connection;
        return;
    }
    m_connectionIndex.insert(connection.id, m_connections.size());
    m_connections.append(connection);
}

void Inventory::addCredentialProfile(const CredentialProfile &profile)
{
    m_credentials.insert(profile.name, profile);
}

} // namespace rl
