#include "engine/inventory/nornir_inventory_reader.h"

#include "engine/inventory/inventory_builder.h"

#include "engine/inventory/yaml_document.h"

#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <climits>

namespace rl {
namespace {

int lineOf(const YamlNode &node)
{
    return node.line();
}

QString text(const YamlNode &node)
{
    const std::string_view s = node.Scalar();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Thrown inside the reader and turned into an Error at its edge, so the field checks stay short.
struct ReadFailure {
    int line;
    QString problem;
};

// Aliases may repeat this many values beyond the ones written, plus this factor times the
// written ones: enough for a block of settings shared by every host, far from the billions a
// kilobyte of nested aliases ("billion laughs") makes.
constexpr quint64 kAliasAllowance = 100000;
constexpr quint64 kAliasFactor = 16;

[[noreturn]] void failAt(const YamlNode &node, const QString &problem)
{
    throw ReadFailure{lineOf(node), problem};
}

QString scalarOf(const YamlNode &node, const QString &what)
{
    if (!node.IsScalar())
        failAt(node, QStringLiteral("%1 must be a single value.").arg(what));
    return text(node);
}

qint64 integerOf(const YamlNode &node, const QString &what)
{
    const std::optional<long long> v = node.toInteger();
    if (!v)
        failAt(node, QStringLiteral("%1 must be a whole number, not \"%2\".")
                         .arg(what, node.IsScalar() ? text(node).left(64) : QStringLiteral("a list or map")));
    return *v;
}

bool boolOf(const YamlNode &node, const QString &what)
{
    const std::optional<bool> v = node.toBool();
    if (!v)
        failAt(node, QStringLiteral("%1 must be true or false.").arg(what));
    return *v;
}

int clampInt(qint64 v)
{
    return int(std::clamp<qint64>(v, INT_MIN, INT_MAX));
}

// Names the key, never the value: error messages end up in logs.
void refusePlainPassword(const YamlNode &node, const QString &host, const QString &key = QStringLiteral("password"))
{
    const QString value = node.IsScalar() ? text(node) : QString();
    if (!isSecretReference(value))
        failAt(node, QStringLiteral("host \"%1\" has a plain password (or other secret) in \"%2\". Passwords never go "
                                    "into inventory files: store it in the keychain and write "
                                    "\"keychain:<service>/<account>\", or export it and write \"env:<VARIABLE>\".")
                         .arg(host, key.left(64)));
}

// connection_options and data may hide secrets too (netmiko/napalm sections, other tools'
// settings): any key that looks like one ("password", "secret", "api_token", ...).
void refusePasswordsBelow(const YamlNode &node, const QString &host, int depth = 0)
{
    if (depth > 8 || !node.IsMap())
        return;
    for (const auto &kv : node) {
        if (kv.first.IsScalar() && looksLikeSecretKey(text(kv.first))) {
            if (kv.second.IsSequence())
                failAt(kv.second, QStringLiteral("host \"%1\" has a list under \"%2\", which looks like secrets; "
                                                 "secrets never go into inventory files.")
                                      .arg(host, text(kv.first).left(64)));
            refusePlainPassword(kv.second, host, text(kv.first));
        }
        refusePasswordsBelow(kv.second, host, depth + 1);
    }
}

Connection readConnection(const YamlNode &node, const QString &host, const QString &defaultCustomer)
{
    if (!node.IsMap())
        failAt(node, QStringLiteral("each entry of the connections of host \"%1\" must be a map with id, "
                                    "customer, providerInterface, vlan, ...")
                         .arg(host));
    Connection c;
    c.providerRouter = host;
    c.customer = defaultCustomer;
    for (const auto &kv : node) {
        const QString key = text(kv.first);
        const YamlNode &v = kv.second;
        const QString what = QStringLiteral("\"%1\" of a connection of host \"%2\"").arg(key, host);
        if (key == QLatin1String("id"))
            c.id = scalarOf(v, what);
        else if (key == QLatin1String("customer"))
            c.customer = scalarOf(v, what);
        else if (key == QLatin1String("providerRouter"))
            c.providerRouter = scalarOf(v, what);
        else if (key == QLatin1String("providerInterface"))
            c.providerInterface = scalarOf(v, what);
        else if (key == QLatin1String("vlan"))
            c.vlan = clampInt(integerOf(v, what));
        else if (key == QLatin1String("innerVlan"))
            c.innerVlan = clampInt(integerOf(v, what));
        else if (key == QLatin1String("providerAddress"))
            c.providerAddress = scalarOf(v, what);
        else if (key == QLatin1String("customerAddress"))
            c.customerAddress = scalarOf(v, what);
        else if (key == QLatin1String("providerAs"))
            c.providerAs = integerOf(v, what);
        else if (key == QLatin1String("customerAs"))
            c.customerAs = integerOf(v, what);
        else if (key == QLatin1String("customerRouter"))
            c.customerRouter = scalarOf(v, what);
        else if (key == QLatin1String("customerInterface"))
            c.customerInterface = scalarOf(v, what);
        else if (key == QLatin1String("vrf"))
            c.vrf = scalarOf(v, what);
        else if (key == QLatin1String("customerVrf"))
            c.customerVrf = scalarOf(v, what);
        else
            failAt(kv.first, QStringLiteral("a connection of host \"%1\" has the unknown field \"%2\"; known fields: "
                                            "id, customer, providerRouter, providerInterface, vlan, innerVlan, "
                                            "providerAddress, customerAddress, providerAs, customerAs, "
                                            "customerRouter, customerInterface, vrf, customerVrf.")
                                     .arg(host, key.left(64)));
    }
    return c;
}

// Long on purpose: one branch per Nornir host key, each mapping it to a router or credential field.
void readHost(const QString &name, const YamlNode &key, const YamlNode &host, InventoryBuilder &builder)
{
    if (!host.IsMap() && !host.IsNull())
        failAt(key, QStringLiteral("host \"%1\" must be a map with hostname, platform, ...").arg(name));
    Router r;
    r.name = name;
    CredentialProfile cred;
    cred.name = name;
    bool hasCredentials = false;
    bool portGiven = false;
    QList<QPair<Connection, int>> connections;

    for (const auto &kv : host) {
        const QString field = text(kv.first);
        const YamlNode &v = kv.second;
        const QString what = QStringLiteral("\"%1\" of host \"%2\"").arg(field, name);
        if (field == QLatin1String("hostname")) {
            r.host = scalarOf(v, what);
        } else if (field == QLatin1String("port")) {
            r.port = clampInt(integerOf(v, what));
            portGiven = true;
        } else if (field == QLatin1String("username")) {
            cred.username = scalarOf(v, what);
            hasCredentials = true;
        } else if (field == QLatin1String("password")) {
            refusePlainPassword(v, name);
            cred.secret = text(v);
            hasCredentials = true;
        } else if (field == QLatin1String("platform")) {
            const QString given = scalarOf(v, what);
            r.platform = platformFromNornirName(given);
            if (r.platform.isEmpty())
                failAt(v, QStringLiteral("host \"%1\" has the unknown platform \"%2\"; use a Nornir name (ios, nxos, "
                                         "nxos_ssh, iosxr, junos, eos) or one of %3.")
                              .arg(name, given.left(64), knownPlatforms().join(QLatin1String(", "))));
        } else if (field == QLatin1String("groups")) {
            if (!v.IsSequence() && !v.IsNull())
                failAt(v, QStringLiteral("the groups of host \"%1\" must be a list.").arg(name));
            QStringList groups;
            for (const auto &g : v)
                groups.append(scalarOf(g, QStringLiteral("a group of host \"%1\"").arg(name)));
            if (!groups.isEmpty())
                r.tags.insert(QStringLiteral("groups"), groups.join(QLatin1Char(',')));
        } else if (field == QLatin1String("connection_options")) {
            refusePasswordsBelow(v, name);
        } else if (field == QLatin1String("data")) {
            if (!v.IsMap() && !v.IsNull())
                failAt(v, QStringLiteral("the data of host \"%1\" must be a map.").arg(name));
            QString customer;
            if (v.IsMap() && v["customer"])
                customer = scalarOf(v["customer"], QStringLiteral("\"customer\" of host \"%1\"").arg(name));
            for (const auto &dv : v) {
                const QString dkey = text(dv.first);
                const YamlNode &d = dv.second;
                const QString dwhat = QStringLiteral("data \"%1\" of host \"%2\"").arg(dkey, name);
                if (dkey == QLatin1String("transport")) {
                    const QString t = scalarOf(d, dwhat);
                    const auto kind = transportKindFromName(t);
                    if (!kind)
                        failAt(d, QStringLiteral("host \"%1\" has the unknown transport \"%2\"; use one of %3.")
                                      .arg(name, t.left(64), transportKindNames().join(QLatin1String(", "))));
                    r.transport = *kind;
                } else if (dkey == QLatin1String("secret")) {
                    refusePlainPassword(d, name);
                    cred.secret = text(d);
                    hasCredentials = true;
                } else if (dkey == QLatin1String("password")) {
                    refusePlainPassword(d, name);
                    cred.secret = text(d);
                    hasCredentials = true;
                } else if (dkey == QLatin1String("keyFile")) {
                    cred.keyFile = scalarOf(d, dwhat);
                    hasCredentials = true;
                } else if (dkey == QLatin1String("useAgent")) {
                    cred.useAgent = boolOf(d, dwhat);
                } else if (dkey == QLatin1String("knownHosts")) {
                    r.knownHosts = scalarOf(d, dwhat);
                } else if (dkey == QLatin1String("caFile")) {
                    r.caFile = scalarOf(d, dwhat);
                } else if (dkey == QLatin1String("pinnedCertSha256")) {
                    r.pinnedCertSha256 = scalarOf(d, dwhat);
                } else if (dkey == QLatin1String("tlsVerify")) {
                    r.tlsVerify = boolOf(d, dwhat);
                } else if (dkey == QLatin1String("maxOutputBytes")) {
                    r.maxOutputBytes = integerOf(d, dwhat);
                    if (const QString p = outputLimitProblem(name, r.maxOutputBytes); !p.isEmpty())
                        failAt(d, p);
                } else if (dkey == QLatin1String("connections")) {
                    if (!d.IsSequence())
                        failAt(d, QStringLiteral("the connections of host \"%1\" must be a list.").arg(name));
                    for (const auto &cn : d)
                        connections.append({readConnection(cn, name, customer), lineOf(cn)});
                } else if (looksLikeSecretKey(dkey)) {
                    // Another tool's secret: refused when written out, left alone (not a tag)
                    // when it is a reference.
                    if (d.IsSequence())
                        failAt(d, QStringLiteral("host \"%1\" has a list under \"%2\", which looks like secrets; "
                                                 "secrets never go into inventory files.")
                                      .arg(name, dkey.left(64)));
                    refusePlainPassword(d, name, dkey);
                    refusePasswordsBelow(d, name);
                } else if (d.IsScalar()) {
                    r.tags.insert(dkey, text(d));
                } else {
                    // Other structured data belongs to other Nornir tasks; it is left alone, once
                    // it holds no written-out secret.
                    refusePasswordsBelow(d, name);
                }
            }
        } else {
            failAt(kv.first, QStringLiteral("host \"%1\" has the unknown field \"%2\"; Nornir hosts have hostname, "
                                            "port, username, password, platform, groups, data and "
                                            "connection_options.")
                                 .arg(name, field.left(64)));
        }
    }
    if (!portGiven && r.transport != TransportKind::Ssh && r.transport != TransportKind::Demo)
        r.port = 443;
    if (hasCredentials) {
        r.credentials = cred.name;
        builder.addCredentials(cred, lineOf(key));
    }
    builder.addRouter(r, lineOf(key));
    for (const auto &[c, ln] : connections)
        builder.addConnection(c, ln);
}

} // namespace

Result<Inventory> NornirInventoryReader::read(const QByteArray &data, const QString &fileName)
{
    InventoryBuilder builder(fileName);
    if (data.size() > Inventory::MaxFileBytes)
        return builder.error(0, QStringLiteral("the inventory is larger than the %1 MiB RouterLens reads; split it "
                                               "into several files.")
                                    .arg(Inventory::MaxFileBytes >> 20));
    try {
        // Bounded while it is read: nesting, and the values aliases make (yaml_document.h).
        const YamlDocument doc = YamlDocument::parse(
            data, YamlDocument::Limits{Inventory::MaxNesting, kAliasAllowance, kAliasFactor});
        const YamlNode root = doc.root();
        if (root.IsNull())
            return builder.error(1, QStringLiteral("the file holds no hosts; a Nornir hosts file maps each host "
                                                   "name to its hostname, platform, ..."));
        if (!root.IsMap())
            return builder.error(lineOf(root), QStringLiteral("a Nornir hosts file must map host names to hosts, "
                                                              "for example \"lab-frr: {hostname: 198.18.0.11, "
                                                              "platform: frr}\"."));
        for (const auto &kv : root) {
            if (!kv.first.IsScalar())
                failAt(kv.first, QStringLiteral("host names must be plain text."));
            readHost(text(kv.first), kv.first, kv.second, builder);
        }
    } catch (const ReadFailure &f) {
        return builder.error(f.line, f.problem);
    } catch (const YamlDocument::Refused &r) {
        return builder.error(r.line, r.problem);
    } catch (const YAML::Exception &e) {
        return builder.error(e.mark.line >= 0 ? e.mark.line + 1 : 0,
                             QStringLiteral("the file is not valid YAML (%1). Check the indentation and quoting "
                                            "on this line or the one before.")
                                 .arg(QString::fromStdString(e.msg)));
    } catch (const std::exception &e) {
        return builder.error(0, QStringLiteral("the file cannot be read as YAML (%1).").arg(QString::fromUtf8(e.what())));
    }
    return builder.finish();
}

} // namespace rl
