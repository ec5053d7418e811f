#include "engine/inventory/inventory.h"
#include "engine/inventory/ssh_jump_hop.h"

#include "engine/api/ip_address.h"
#include "engine/api/request_validator.h"
#include "engine/inventory/ansible_inventory_reader.h"
#include "engine/inventory/csv_inventory_reader.h"
#include "engine/inventory/json_inventory_reader.h"
#include "engine/inventory/nornir_inventory_reader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
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

QString platformFromAnsibleName(QStringView name)
{
    static constexpr std::array<PlatformAlias, 6> kAnsible{{
        {"cisco.ios.ios", "cisco-ios"},
        {"cisco.iosxr.iosxr", "cisco-iosxr"},
        {"cisco.nxos.nxos", "cisco-nxos"},
        {"junipernetworks.junos.junos", "juniper-junos"},
        {"arista.eos.eos", "arista-eos"},
        {"frr.frr.frr", "frr"},
    }};
    const QString lower = name.trimmed().toString().toLower();
    for (const PlatformAlias &a : kAnsible) {
        if (lower == QLatin1String(a.alias))
            return QString::fromLatin1(a.platform);
    }
    return platformFromNornirName(lower);
}

namespace {

bool hasControlCharacter(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f);
    });
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

} // namespace

bool isSecretReference(QStringView secret)
{
    if (secret.isEmpty())
        return true;
    if (secret.size() > 512 || hasControlCharacter(secret))
        return false;
    if (secret.startsWith(QLatin1String("env:"))) {
        // A POSIX environment variable name: what getenv() can be asked for.
        const QStringView var = secret.mid(4);
        if (var.isEmpty() || isAsciiDigit(var.front()))
            return false;
        return std::all_of(var.begin(), var.end(),
                           [](QChar c) { return isAsciiLetter(c) || isAsciiDigit(c) || c == u'_'; });
    }
    if (secret.startsWith(QLatin1String("keychain:"))) {
        // keychain:<service>/<account>: both named; the account may hold spaces and slashes.
        const QStringView rest = secret.mid(9);
        const qsizetype slash = rest.indexOf(u'/');
        return slash > 0 && slash < rest.size() - 1;
    }
    return false;
}

bool isHostName(QStringView host)
{
    if (IpAddress::parse(host))
        return true;
    // RFC 1123 names (letters, digits, '-', and '_' which real zones use), at most 253
    // characters, labels of 1 to 63 that neither start nor end with '-'; one final dot allowed.
    QStringView name = host.endsWith(u'.') ? host.chopped(1) : host;
    if (name.isEmpty() || name.size() > 253)
        return false;
    for (QStringView label : name.split(u'.')) {
        if (label.isEmpty() || label.size() > 63 || label.front() == u'-' || label.back() == u'-')
            return false;
        for (QChar c : label) {
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != u'-' && c != u'_')
                return false;
        }
    }
    return true;
}

std::optional<QByteArray> parsePinnedCertificate(QStringView text)
{
    QStringView t = text;
    for (const QLatin1StringView prefix : {QLatin1StringView("sha256//"), QLatin1StringView("sha256:"),
                                           QLatin1StringView("sha256/")}) {
        if (t.startsWith(prefix, Qt::CaseInsensitive)) {
            t = t.mid(prefix.size());
            break;
        }
    }
    // 64 hex digits, with or without colons between the bytes.
    QString hex = t.toString();
    hex.remove(u':');
    if (hex.size() == 64 && std::all_of(hex.cbegin(), hex.cend(), [](QChar c) {
            return isAsciiDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
        }))
        return QByteArray::fromHex(hex.toLatin1());
    // Or base64 of the 32 bytes (as curl's --pinnedpubkey writes it).
    if (hasControlCharacter(t) || t.contains(u' '))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(t.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (decoded && decoded.decoded.size() == 32)
        return decoded.decoded;
    return std::nullopt;
}

bool looksLikeSecretKey(QStringView key)
{
    // Case and separators do not matter: "Password", "api_token", "snmp-community", "apiKey".
    QString k;
    k.reserve(key.size());
    for (QChar c : key) {
        if (c != u'_' && c != u'-' && c != u'.' && c != u' ')
            k += c.toLower();
    }
    static const char *const parts[] = {"password", "passwd", "passphrase", "secret", "token", "apikey",
                                        "privatekey", "community", "credential", "authkey"};
    for (const char *p : parts) {
        if (k.contains(QLatin1String(p)))
            return true;
    }
    return k == u"pass" || k == u"pwd" || k == u"psk";
}

Result<Inventory> Inventory::loadFile(const QString &path)
{
    return loadFile(path, QString());
}

QStringList Inventory::fileFormats()
{
    return {QStringLiteral("json"), QStringLiteral("nornir"), QStringLiteral("ansible"), QStringLiteral("csv")};
}

Result<Inventory> Inventory::loadFile(const QString &path, const QString &format)
{
    if (!format.isEmpty() && !fileFormats().contains(format))
        return Error(ErrorCode::InventoryError,
                     QStringLiteral("\"%1\" is not an inventory format; use one of %2.")
                         .arg(format.left(64), fileFormats().join(QLatin1String(", "))),
                     path);
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
    const bool yamlSuffix = suffix == QLatin1String("yaml") || suffix == QLatin1String("yml");
    if (format == QLatin1String("json"))
        return loadJson(data, path);
    if (format == QLatin1String("nornir"))
        return loadNornirFiles(path, data);
    if (format == QLatin1String("ansible"))
        return yamlSuffix ? AnsibleInventoryReader::readYaml(data, path) : AnsibleInventoryReader::readIni(data, path);
    if (format == QLatin1String("csv"))
        return CsvInventoryReader::read(data, path);
    if (suffix == QLatin1String("json"))
        return loadJson(data, path);
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml")) {
        if (AnsibleInventoryReader::looksLikeAnsibleYaml(data))
            return AnsibleInventoryReader::readYaml(data, path);
        return loadNornirFiles(path, data);
    }
    if (suffix == QLatin1String("ini") || suffix.isEmpty())
        return AnsibleInventoryReader::readIni(data, path);
    if (suffix == QLatin1String("csv"))
        return CsvInventoryReader::read(data, path);
    return Error(ErrorCode::InventoryError,
                 QStringLiteral("The inventory file %1 has an unknown type: name it .json (RouterLens inventory), "
                                ".yaml/.yml (Nornir hosts file or Ansible YAML inventory), .ini or no suffix (Ansible INI "
                                "inventory) or .csv (one router per row).")
                     .arg(path),
                 path);
}

namespace {

// Nornir's SimpleInventory keeps groups.yaml and defaults.yaml next to hosts.yaml: a file named
// hosts.yaml (or .yml) takes them from its folder when they exist. Empty data when absent.
Result<QByteArray> readSibling(const QString &hostsPath, const char *baseName, QString &foundPath)
{
    const QFileInfo hosts(hostsPath);
    for (const char *suffix : {".yaml", ".yml"}) {
        const QString candidate = hosts.dir().filePath(QLatin1String(baseName) + QLatin1String(suffix));
        if (!QFileInfo::exists(candidate))
            continue;
        foundPath = candidate;
        QFile f(candidate);
        if (!f.open(QIODevice::ReadOnly))
            return Error(ErrorCode::InventoryError,
                         QStringLiteral("The Nornir file %1 cannot be read: %2. Check its permissions, or move it "
                                        "away if it does not belong to %3.")
                             .arg(candidate, f.errorString(), hostsPath),
                         candidate);
        const QByteArray data = f.read(Inventory::MaxFileBytes + 1);
        if (data.size() > Inventory::MaxFileBytes)
            return Error(ErrorCode::InventoryError,
                         QStringLiteral("The Nornir file %1 is larger than the %2 MiB RouterLens reads.")
                             .arg(candidate)
                             .arg(Inventory::MaxFileBytes >> 20),
                         candidate);
        return data;
    }
    return QByteArray();
}

} // namespace

Result<Inventory> Inventory::loadNornirFiles(const QString &hostsPath, const QByteArray &hostsYaml)
{
    if (QFileInfo(hostsPath).completeBaseName() != QLatin1String("hosts"))
        return loadNornirYaml(hostsYaml, hostsPath);
    QString groupsPath, defaultsPath;
    const Result<QByteArray> groups = readSibling(hostsPath, "groups", groupsPath);
    if (!groups.ok())
        return groups.error();
    const Result<QByteArray> defaults = readSibling(hostsPath, "defaults", defaultsPath);
    if (!defaults.ok())
        return defaults.error();
    return NornirInventoryReader::read(hostsYaml, hostsPath, *groups, groupsPath, *defaults, defaultsPath);
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

QString Inventory::routerProblem(const Router &r, QString *field)
{
    const auto at = [field](const char *key, QString problem) {
        if (field)
            *field = QLatin1String(key);
        return problem;
    };
    if (r.name.isEmpty())
        return at("name", QStringLiteral("a router has no name: give every router a unique \"name\"."));
    if (!RequestValidator::isValidRouterName(r.name))
        return at("name", QStringLiteral("the router name \"%1\" is not valid: use letters, digits and . _ - only "
                              "(at most 128 characters, starting with a letter or digit).")
            .arg(r.name.left(64)));
    if (r.host.trimmed().isEmpty() && r.transport != TransportKind::Demo)
        return at("host", QStringLiteral("router \"%1\" has no host: give its address or DNS name.").arg(r.name));
    if (!r.host.isEmpty() && !isHostName(r.host))
        return at("host", QStringLiteral("router \"%1\": host \"%2\" is not an IP address or host name (letters, digits, '-', "
                              "'_' and dots; no spaces or options).")
            .arg(r.name, r.host.left(64)));
    if (!r.pinnedCertSha256.isEmpty() && !parsePinnedCertificate(r.pinnedCertSha256))
        return at("pinnedCertSha256",
                  QStringLiteral("router \"%1\": \"pinnedCertSha256\" is not a SHA-256 digest; write the 64 hex "
                                 "digits (colons allowed, \"sha256:\" in front allowed) or their base64 form.")
                      .arg(r.name));
    if (!r.proxyJump.isEmpty()) {
        if (const Result<QList<SshJumpHop>> hops = parseJumpSpec(r.proxyJump); !hops)
            return at("proxyJump", QStringLiteral("router \"%1\": %2").arg(r.name, hops.error().message));
    }
    for (const auto &[key, path] : {std::pair{"caFile", &r.caFile}, std::pair{"knownHosts", &r.knownHosts}}) {
        if (hasControlCharacter(*path))
            return at(key, QStringLiteral("router \"%1\": \"%2\" holds a control character (a line break?); give the "
                                  "file's path alone.")
                .arg(r.name, QLatin1String(key)));
    }
    for (auto it = r.tags.cbegin(); it != r.tags.cend(); ++it) {
        // Tags are shown everywhere (router list, CLI, reports): a secret must never be one.
        if (looksLikeSecretKey(it.key()))
            return at("tags", QStringLiteral("router \"%1\" has a tag \"%2\" that looks like a secret; tags are shown to "
                                  "everyone, so secrets never go there. Keep it in the keychain "
                                  "(\"keychain:<service>/<account>\") or an environment variable (\"env:<VARIABLE>\") "
                                  "and refer to it from a credentials profile.")
                .arg(r.name, it.key().left(64)));
    }
    if (r.port < 1 || r.port > 65535)
        return at("port", QStringLiteral("router \"%1\" has port %2, which is out of range: use a port from 1 to 65535.")
            .arg(r.name)
            .arg(r.port));
    if (r.platform.isEmpty())
        return at("platform", QStringLiteral("router \"%1\" has no platform: use one of %2.")
            .arg(r.name, knownPlatforms().join(QLatin1String(", "))));
    if (!isKnownPlatform(r.platform))
        return at("platform", QStringLiteral("router \"%1\" has the unknown platform \"%2\": use one of %3.")
            .arg(r.name, r.platform.left(64), knownPlatforms().join(QLatin1String(", "))));
    if (r.maxOutputBytes != 0)
        return at("maxOutputBytes", outputLimitProblem(r.name, r.maxOutputBytes));
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
