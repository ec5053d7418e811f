#pragma once

#include "engine/api/error.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace rl {

enum class TransportKind : quint8 { Ssh, HttpEapi, HttpNxapi, Restconf, Demo };
QString transportKindName(TransportKind t);
std::optional<TransportKind> transportKindFromName(QStringView name);
QStringList transportKindNames();

// The platforms RouterLens has translators for: the one list every check uses.
QStringList knownPlatforms();
bool isKnownPlatform(QStringView name);
// Nornir / NAPALM / Netmiko platform names ("ios", "nxos_ssh", "junos", "cisco_xr", ...) and
// our own names map to one of knownPlatforms(); empty when there is no match.
QString platformFromNornirName(QStringView name);
// Ansible's ansible_network_os values: the collections' names (cisco.ios.ios, arista.eos.eos,
// junipernetworks.junos.junos, cisco.nxos.nxos, cisco.iosxr.iosxr, frr.frr.frr, ...) and the
// short names of older Ansible (ios, eos, junos, nxos, iosxr), then platformFromNornirName.
QString platformFromAnsibleName(QStringView name);
// The range of an output limit (per command): below 1 KiB nothing useful fits, above 4 GiB
// one answer could take the machine's memory.
inline constexpr qint64 MinMaxOutputBytes = 1024;
inline constexpr qint64 MaxMaxOutputBytes = 4LL * 1024 * 1024 * 1024;
// Why `bytes` is not a router's output limit (router "name"), or empty when it is.
QString outputLimitProblem(const QString &router, qint64 bytes);
// A credentials secret must be a reference or empty: "env:VAR" (a POSIX variable name) or
// "keychain:service/account" (both named), no control characters.
bool isSecretReference(QStringView secret);
// A router's host: an IPv4/IPv6 address or an RFC 1123 host name (underscores allowed).
bool isHostName(QStringView host);
// A pinned certificate's SHA-256: 64 hex digits (colons and a "sha256:", "sha256/" or
// "sha256//" prefix allowed) or base64 of the 32 bytes. The digest, or nothing.
std::optional<QByteArray> parsePinnedCertificate(QStringView text);
// An inventory key that names a secret ("password", "Password", "api_token", "enable_secret",
// "snmp-community", ...): its value never becomes a visible tag.
bool looksLikeSecretKey(QStringView key);

// How to authenticate to a router. Secrets are never stored here: `secret` is a reference
// ("env:VAR", "keychain:service/account") resolved only when a session opens.
struct CredentialProfile {
    QString name;
    QString username;
    QString keyFile;        // private key path (its passphrase, if any, comes from `secret`)
    QString secret;         // reference to a password or passphrase; never the secret itself
    bool useAgent = true;   // try the SSH agent first when SSH_AUTH_SOCK is set
    friend bool operator==(const CredentialProfile &, const CredentialProfile &) = default;
};

struct Router {
    QString name;           // unique, the id used everywhere
    QString host;           // address or DNS name
    int port = 22;
    QString platform;       // translator name: frr, bird, gobgp, linux, cisco-ios, ...
    TransportKind transport = TransportKind::Ssh;
    QString credentials;    // name of a CredentialProfile
    QString knownHosts;     // known_hosts file for SSH host key checks; empty: ~/.ssh/known_hosts
    // SSH jump hosts crossed in order, OpenSSH's ProxyJump form "user@host:port,host2". Empty: the
    // ssh client config's ProxyJump for this host, if any; "none": no jump even if the config names one.
    QString proxyJump;
    QMap<QString, QString> tags; // site, customer, role, ...
    // HTTP APIs
    QString caFile;
    QString pinnedCertSha256;
    bool tlsVerify = true;  // turning this off is explicit and shown as a warning
    qint64 maxOutputBytes = 0; // per command; 0: the engine's setting (engine/maxOutputBytes)
    friend bool operator==(const Router &, const Router &) = default;
};

// A customer's private connection into the provider network.
struct Connection {
    QString id;
    QString customer;
    QString providerRouter;
    QString providerInterface;
    int vlan = -1;
    int innerVlan = -1;
    QString providerAddress;
    QString customerAddress;
    QString providerAddress6; // dual-stack connections: the IPv6 peer addresses
    QString customerAddress6;
    qint64 providerAs = -1;
    qint64 customerAs = -1;
    QString customerRouter; // empty when the customer's router is not in the inventory
    QString customerInterface;
    int mtu = -1;                 // the MTU both ends must use, when agreed; -1: only compare the ends
    qint64 prefixLimit = -1;      // how many prefixes the provider accepts from the customer
    QStringList expectedPrefixes; // what the customer should announce ("203.0.113.0/26", ...)
    // The VRF the connection lives in on each end; empty: the global (default) table. An
    // external client may name only these VRFs, and sees BGP sessions only in them.
    QString vrf;         // on the provider router
    QString customerVrf; // on the customer router
    friend bool operator==(const Connection &, const Connection &) = default;
};

class Inventory
{
public:
    Inventory() = default;

    // The largest inventory file read (about three million routers in either format): a
    // larger one is refused before it is read, so a wrong path cannot exhaust memory.
    static constexpr qint64 MaxFileBytes = 512LL * 1024 * 1024;
    // Containers nested deeper than this are refused (an inventory needs four levels).
    static constexpr int MaxNesting = 64;

    // Loaders report a broken file with an inventory-error naming the file, line and problem.
    static Result<Inventory> loadFile(const QString &path);      // by extension: .json, .yaml/.yml
    // By the format named ("json", "nornir", "ansible", "csv"); an empty format: by extension
    // as loadFile does (.json; .yaml/.yml: Ansible when shaped like it, else Nornir; .ini or no
    // suffix: Ansible INI; .csv).
    static Result<Inventory> loadFile(const QString &path, const QString &format);
    static QStringList fileFormats();
    static Result<Inventory> loadJson(const QByteArray &data, const QString &fileName);
    static Result<Inventory> loadNornirYaml(const QByteArray &hostsYaml, const QString &fileName);
    // A Nornir hosts file read from hostsPath; when it is named hosts.yaml/.yml, the
    // groups.yaml and defaults.yaml (or .yml) beside it are used too, as Nornir does.
    static Result<Inventory> loadNornirFiles(const QString &hostsPath, const QByteArray &hostsYaml);

    const QList<Router> &routers() const { return m_routers; }
    const QList<Connection> &connections() const { return m_connections; }
    const QHash<QString, CredentialProfile> &credentials() const { return m_credentials; }

    const Router *router(const QString &name) const;
    bool contains(const QString &name) const { return m_index.contains(name); }
    QStringList routerNames() const;
    QList<Connection> connectionsOf(const QString &customer) const;
    const CredentialProfile *credentialProfile(const QString &name) const;
    const Connection *connection(const QString &id) const;
    // Things a person should know about a file that loaded (e.g. TLS verification off).
    const QStringList &warnings() const { return m_warnings; }

    // Adds or replaces; returns an error when a router is not valid (name, platform, port).
    Error addRouter(const Router &router);
    void addConnection(const Connection &connection);
    void addCredentialProfile(const CredentialProfile &profile);
    void addWarning(const QString &warning) { m_warnings.append(warning); }

    // Why a router is not valid (name, host, port, platform), or empty when it is. `field`, when
    // given, gets the JSON key at fault ("name", "host", "port", "platform", ...), so an editor
    // can put the sentence beside that field.
    static QString routerProblem(const Router &router, QString *field = nullptr);

private:
    QList<Router> m_routers;
    QHash<QString, qsizetype> m_index;
    QList<Connection> m_connections;
    QHash<QString, qsizetype> m_connectionIndex; // by id
    QHash<QString, CredentialProfile> m_credentials;
    QStringList m_warnings;
};

} // namespace rl

Q_DECLARE_METATYPE(rl::Router)
Q_DECLARE_METATYPE(rl::Connection)
