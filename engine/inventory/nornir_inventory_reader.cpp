#include "engine/inventory/nornir_inventory_reader.h"

#include "engine/inventory/inventory_builder.h"

#include "engine/inventory/yaml_document.h"

#include <yaml-cpp/exceptions.h>

#include <QHash>
#include <QSet>

#include <algorithm>
#include <string_view>
#include <unordered_set>
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
    QString file; // empty: the file being read
    QString problem;
};

// Aliases may repeat this many values beyond the ones written, plus this factor times the
// written ones: enough for a block of settings shared by every host, far from the billions a
// kilobyte of nested aliases ("billion laughs") makes.
constexpr quint64 kAliasAllowance = 100000;
constexpr quint64 kAliasFactor = 16;

[[noreturn]] void failAt(const YamlNode &node, const QString &problem)
{
    throw ReadFailure{lineOf(node), QString(), problem};
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
        failAt(node, QStringLiteral("%1 has a plain password (or other secret) in \"%2\". Passwords never go "
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
                failAt(kv.second, QStringLiteral("%1 has a list under \"%2\", which looks like secrets; "
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

// One field a host ends up with, and the file it came from (the host's own file, groups.yaml or
// defaults.yaml): Nornir resolves each field on its own, so one host mixes values from several.
struct Field {
    QString key;
    YamlNode keyNode;
    YamlNode value;
    const QString *file = nullptr;
};

// A map a host inherits from: a group of groups.yaml, or defaults.yaml.
struct Source {
    YamlNode map;
    const QString *file = nullptr;
};

// Runs `f`; a failure inside it that names no file happened in `file`.
template<typename F>
void inFile(const QString *file, F &&f)
{
    try {
        f();
    } catch (ReadFailure &failure) {
        if (failure.file.isEmpty() && file)
            failure.file = *file;
        throw;
    }
}

// How many fields all hosts together may inherit (hosts times inherited fields): a hostile pair of
// files (10 000 hosts, each inheriting 10 000 data keys) is refused instead of taking minutes;
// 100 000 hosts inheriting 40 values each still load.
constexpr qint64 kInheritanceBudget = 4'000'000;
// A host inherits from at most this many groups (its own groups, their parents, ...).
constexpr int kMaxInheritedGroups = 256;

const QStringList &hostFieldNames()
{
    static const QStringList names{QStringLiteral("hostname"),     QStringLiteral("port"),
                                   QStringLiteral("username"),     QStringLiteral("password"),
                                   QStringLiteral("platform"),     QStringLiteral("groups"),
                                   QStringLiteral("data"),         QStringLiteral("connection_options")};
    return names;
}

// Long on purpose: one branch per Nornir host key, each mapping it (from the host, a group or the
// defaults) to a router or credential field.
void readHost(const QString &name, const YamlNode &key, const YamlNode &host, const QList<Source> &inherited,
              const QString *hostFile, qint64 &budget, InventoryBuilder &builder)
{
    if (!host.IsMap() && !host.IsNull())
        failAt(key, QStringLiteral("host \"%1\" must be a map with hostname, platform, ...").arg(name));
    const QString who = QStringLiteral("host \"%1\"").arg(name);
    Router r;
    r.name = name;
    CredentialProfile cred;
    cred.name = name;
    bool hasCredentials = false;
    bool portGiven = false;
    QList<QPair<Connection, int>> connections;

    // Nornir's order: the host, its groups (each before its parents, depth first), defaults.
    // The first source that sets a field (to something other than null) gives it; data merges
    // key by key the same way.
    QList<Source> sources{{host, hostFile}};
    sources.append(inherited);
    QList<Field> fields;
    QList<Field> data;
    std::unordered_set<std::string_view> seen;
    std::unordered_set<std::string_view> seenData;
    for (qsizetype si = 0; si < sources.size(); ++si) {
        const Source &src = sources[si];
        if (!src.map.IsMap())
            continue;
        const bool own = si == 0;
        for (const auto &kv : src.map) {
            // Only inherited values count: a host's own are bounded by the file's size, and a
            // million routers without groups is a plain large inventory, not a hostile one.
            if (!own && --budget < 0)
                failAt(key, QStringLiteral("the hosts inherit more than %1 values from groups and defaults; "
                                           "split the inventory or flatten the groups.")
                                .arg(kInheritanceBudget));
            const std::string_view field = kv.first.Scalar();
            if (field == "groups" && !own)
                continue; // a host's groups are its own; the parents are already in `sources`
            if (field == "data") {
                if (!kv.second.IsMap()) {
                    if (!kv.second.IsNull())
                        inFile(src.file, [&] {
                            failAt(kv.second, QStringLiteral("the data of host \"%1\" must be a map.").arg(name));
                        });
                    continue;
                }
                for (const auto &dv : kv.second) {
                    if (!own && --budget < 0)
                        failAt(key, QStringLiteral("the hosts inherit more than %1 values from groups and "
                                                   "defaults; split the inventory or flatten the groups.")
                                        .arg(kInheritanceBudget));
                    if (!seenData.insert(dv.first.Scalar()).second)
                        continue;
                    data.append({text(dv.first), dv.first, dv.second, src.file});
                }
                continue;
            }
            if ((kv.second.IsNull() && field != "groups") || !seen.insert(field).second)
                continue;
            fields.append({text(kv.first), kv.first, kv.second, src.file});
        }
    }

    QString customer;
    for (const Field &f : data) {
        if (f.key == QLatin1String("customer"))
            inFile(f.file, [&] { customer = scalarOf(f.value, QStringLiteral("\"customer\" of host \"%1\"").arg(name)); });
    }

    for (const Field &f : fields) {
        inFile(f.file, [&] {
            const QString &field = f.key;
            const YamlNode &v = f.value;
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
                refusePlainPassword(v, who);
                cred.secret = text(v);
                hasCredentials = true;
            } else if (field == QLatin1String("platform")) {
                const QString given = scalarOf(v, what);
                r.platform = platformFromNornirName(given);
                if (r.platform.isEmpty())
                    failAt(v, QStringLiteral("host \"%1\" has the unknown platform \"%2\"; use a Nornir name (ios, "
                                             "nxos, nxos_ssh, iosxr, junos, eos) or one of %3.")
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
                refusePasswordsBelow(v, who);
            } else {
                failAt(f.keyNode, QStringLiteral("host \"%1\" has the unknown field \"%2\"; Nornir hosts have "
                                                 "hostname, port, username, password, platform, groups, data and "
                                                 "connection_options.")
                                      .arg(name, field.left(64)));
            }
        });
    }

    for (const Field &f : data) {
        inFile(f.file, [&] {
            const QString &dkey = f.key;
            const YamlNode &d = f.value;
            const QString dwhat = QStringLiteral("data \"%1\" of host \"%2\"").arg(dkey, name);
            if (dkey == QLatin1String("transport")) {
                const QString t = scalarOf(d, dwhat);
                const auto kind = transportKindFromName(t);
                if (!kind)
                    failAt(d, QStringLiteral("host \"%1\" has the unknown transport \"%2\"; use one of %3.")
                                  .arg(name, t.left(64), transportKindNames().join(QLatin1String(", "))));
                r.transport = *kind;
            } else if (dkey == QLatin1String("secret") || dkey == QLatin1String("password")) {
                refusePlainPassword(d, who);
                cred.secret = text(d);
                hasCredentials = true;
            } else if (dkey == QLatin1String("keyFile")) {
                cred.keyFile = scalarOf(d, dwhat);
                hasCredentials = true;
            } else if (dkey == QLatin1String("useAgent")) {
                cred.useAgent = boolOf(d, dwhat);
            } else if (dkey == QLatin1String("knownHosts")) {
                r.knownHosts = scalarOf(d, dwhat);
            } else if (dkey == QLatin1String("proxyJump")) {
                r.proxyJump = scalarOf(d, dwhat);
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
                if (f.file != hostFile)
                    failAt(f.keyNode, QStringLiteral("connections belong to one host (its provider router): "
                                                     "move them from the group or defaults to the host \"%1\".")
                                          .arg(name));
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
                refusePlainPassword(d, who, dkey);
                refusePasswordsBelow(d, who);
            } else if (d.IsScalar()) {
                r.tags.insert(dkey, text(d));
            } else {
                // Other structured data belongs to other Nornir tasks; it is left alone, once
                // it holds no written-out secret.
                refusePasswordsBelow(d, who);
            }
        });
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

// groups.yaml: each group's inheritance (itself, then its parents depth first, each once),
// resolved once per group so hosts sharing groups cost nothing extra.
class GroupTable
{
public:
    GroupTable(const YamlNode &root, const QString *file) : m_file(file)
    {
        if (!root.IsDefined() || root.IsNull())
            return;
        m_present = true;
        if (!root.IsMap())
            inFile(file, [&] {
                failAt(root, QStringLiteral("a Nornir groups file must map group names to groups, for example "
                                            "\"core: {platform: ios, data: {site: ams}}\"."));
            });
        for (const auto &kv : root) {
            inFile(file, [&] {
                if (!kv.first.IsScalar())
                    failAt(kv.first, QStringLiteral("group names must be plain text."));
                const QString name = text(kv.first);
                if (m_index.contains(name))
                    failAt(kv.first, QStringLiteral("the group \"%1\" is defined twice; merge the two.").arg(name));
                checkInheritable(kv.second, kv.first, QStringLiteral("group \"%1\"").arg(name), true);
                m_index.insert(name, int(m_groups.size()));
                m_groups.append({name, kv.first, kv.second});
            });
        }
        m_chains.resize(m_groups.size());
        m_state.resize(m_groups.size(), 0);
    }

    bool present() const { return m_present; }

    // The sources a host with these groups inherits from, in Nornir's order.
    QList<Source> sourcesFor(const YamlNode &groupsNode, const QString *hostFile)
    {
        QList<Source> out;
        if (!m_present || !groupsNode.IsSequence())
            return out;
        QList<int> order;
        QSet<int> taken;
        for (const auto &g : groupsNode) {
            if (!g.IsScalar())
                continue; // reported by readHost
            const QString name = text(g);
            const auto it = m_index.constFind(name);
            if (it == m_index.constEnd())
                inFile(hostFile, [&] {
                    failAt(g, QStringLiteral("the group \"%1\" is not defined in %2; add it there or correct the "
                                             "name.")
                                  .arg(name.left(64), *m_file));
                });
            append(order, taken, chain(*it, 0));
        }
        for (int i : order)
            out.append({m_groups[i].value, m_file});
        return out;
    }

private:
    struct Group {
        QString name;
        YamlNode key;
        YamlNode value;
    };

    void append(QList<int> &order, QSet<int> &taken, const QList<int> &more) const
    {
        for (int i : more) {
            if (taken.contains(i))
                continue;
            if (order.size() >= kMaxInheritedGroups)
                throw ReadFailure{m_groups[i].key.line(), *m_file,
                                  QStringLiteral("a host inherits from more than %1 groups (through \"%2\"); "
                                                 "flatten the groups.")
                                      .arg(kMaxInheritedGroups)
                                      .arg(m_groups[i].name.left(64))};
            taken.insert(i);
            order.append(i);
        }
    }

    const QList<int> &chain(int i, int depth)
    {
        if (m_state[i] == 2)
            return m_chains[i];
        const Group &g = m_groups[i];
        if (m_state[i] == 1 || depth > kMaxInheritedGroups)
            throw ReadFailure{g.key.line(), *m_file,
                              QStringLiteral("the group \"%1\" inherits from itself (through its groups); Nornir "
                                             "groups cannot form a cycle: remove one of the groups entries.")
                                  .arg(g.name.left(64))};
        m_state[i] = 1;
        QList<int> order{i};
        QSet<int> taken{i};
        const YamlNode parents = g.value.IsMap() ? g.value["groups"] : YamlNode();
        if (parents.IsDefined() && parents.IsSequence()) {
            for (const auto &p : parents) {
                const QString name = text(p);
                const auto it = m_index.constFind(name);
                if (it == m_index.constEnd())
                    throw ReadFailure{p.line(), *m_file,
                                      QStringLiteral("group \"%1\" names the parent group \"%2\", which is not "
                                                     "defined; add it or correct the name.")
                                          .arg(g.name.left(64), name.left(64))};
                append(order, taken, chain(*it, depth + 1));
            }
        }
        m_chains[i] = order;
        m_state[i] = 2;
        return m_chains[i];
    }

public:
    // A group or defaults.yaml: a map of host fields ("groups" only in a group), with no
    // written-out secret and no connections.
    static void checkInheritable(const YamlNode &value, const YamlNode &key, const QString &what, bool mayHaveGroups)
    {
        if (value.IsNull())
            return;
        if (!value.IsMap())
            failAt(key, QStringLiteral("%1 must be a map with platform, username, data, ...").arg(what));
        for (const auto &kv : value) {
            const QString field = text(kv.first);
            if (!hostFieldNames().contains(field) || (field == QLatin1String("groups") && !mayHaveGroups))
                failAt(kv.first, QStringLiteral("%1 has the unknown field \"%2\"; Nornir %3 have hostname, port, "
                                                "username, password, platform,%4 data and connection_options.")
                                     .arg(what, field.left(64),
                                          mayHaveGroups ? QStringLiteral("groups") : QStringLiteral("defaults"),
                                          mayHaveGroups ? QStringLiteral(" groups,") : QString()));
            if (field == QLatin1String("groups")) {
                if (!kv.second.IsSequence() && !kv.second.IsNull())
                    failAt(kv.second, QStringLiteral("the groups of %1 must be a list.").arg(what));
                for (const auto &g : kv.second)
                    scalarOf(g, QStringLiteral("a parent group of %1").arg(what));
            } else if (field == QLatin1String("password")) {
                refusePlainPassword(kv.second, what);
            } else if (field == QLatin1String("data")) {
                if (!kv.second.IsMap() && !kv.second.IsNull())
                    failAt(kv.second, QStringLiteral("the data of %1 must be a map.").arg(what));
                if (kv.second.IsMap() && kv.second["connections"])
                    failAt(kv.second["connections"],
                           QStringLiteral("%1 has connections; connections belong to one host (its provider "
                                          "router): move them to the host.")
                               .arg(what));
                refusePasswordsBelow(kv.second, what);
            } else if (field == QLatin1String("connection_options")) {
                refusePasswordsBelow(kv.second, what);
            }
        }
    }

private:
    const QString *m_file;
    bool m_present = false;
    QList<Group> m_groups;
    QHash<QString, int> m_index;
    QList<QList<int>> m_chains;
    std::vector<char> m_state; // 0 unseen, 1 being resolved, 2 resolved
};

// Parses one YAML file of the inventory with the shared bounds.
YamlDocument parseYaml(const QByteArray &data)
{
    return YamlDocument::parse(data, YamlDocument::Limits{Inventory::MaxNesting, kAliasAllowance, kAliasFactor});
}

} // namespace

Result<Inventory> NornirInventoryReader::read(const QByteArray &data, const QString &fileName)
{
    return read(data, fileName, {}, {}, {}, {});
}

Result<Inventory> NornirInventoryReader::read(const QByteArray &hostsYaml, const QString &hostsFile,
                                              const QByteArray &groupsYaml, const QString &groupsFile,
                                              const QByteArray &defaultsYaml, const QString &defaultsFile)
{
    InventoryBuilder builder(hostsFile);
    QString failedFile = hostsFile; // where a YAML syntax error is
    for (const auto &[bytes, file] : {std::pair{&hostsYaml, &hostsFile}, std::pair{&groupsYaml, &groupsFile},
                                      std::pair{&defaultsYaml, &defaultsFile}}) {
        if (bytes->size() > Inventory::MaxFileBytes)
            return InventoryBuilder(*file).error(
                0, QStringLiteral("the inventory is larger than the %1 MiB RouterLens reads; split it into several "
                                  "files.")
                       .arg(Inventory::MaxFileBytes >> 20));
    }
    try {
        // Bounded while they are read: nesting, and the values aliases make (yaml_document.h).
        const YamlDocument doc = parseYaml(hostsYaml);
        failedFile = groupsFile;
        const YamlDocument groupsDoc = parseYaml(groupsYaml);
        failedFile = defaultsFile;
        const YamlDocument defaultsDoc = parseYaml(defaultsYaml);
        failedFile = hostsFile;

        GroupTable groups(groupsDoc.root(), &groupsFile);
        QList<Source> defaults;
        const YamlNode defaultsRoot = defaultsDoc.root();
        if (!defaultsRoot.IsNull()) {
            inFile(&defaultsFile, [&] {
                GroupTable::checkInheritable(defaultsRoot, defaultsRoot, QStringLiteral("the defaults"), false);
            });
            defaults.append({defaultsRoot, &defaultsFile});
        }

        const YamlNode root = doc.root();
        if (root.IsNull())
            return builder.error(1, QStringLiteral("the file holds no hosts; a Nornir hosts file maps each host "
                                                   "name to its hostname, platform, ..."));
        if (!root.IsMap())
            return builder.error(lineOf(root), QStringLiteral("a Nornir hosts file must map host names to hosts, "
                                                              "for example \"lab-frr: {hostname: 198.18.0.11, "
                                                              "platform: frr}\"."));
        qint64 budget = kInheritanceBudget;
        for (const auto &kv : root) {
            if (!kv.first.IsScalar())
                failAt(kv.first, QStringLiteral("host names must be plain text."));
            const YamlNode hostGroups = kv.second.IsMap() ? kv.second["groups"] : YamlNode();
            QList<Source> inherited = groups.sourcesFor(hostGroups, &hostsFile);
            inherited.append(defaults);
            readHost(text(kv.first), kv.first, kv.second, inherited, &hostsFile, budget, builder);
        }
    } catch (const ReadFailure &f) {
        return InventoryBuilder(f.file.isEmpty() ? hostsFile : f.file).error(f.line, f.problem);
    } catch (const YamlDocument::Refused &r) {
        return InventoryBuilder(failedFile).error(r.line, r.problem);
    } catch (const YAML::Exception &e) {
        return InventoryBuilder(failedFile)
            .error(e.mark.line >= 0 ? e.mark.line + 1 : 0,
                   QStringLiteral("the file is not valid YAML (%1). Check the indentation and quoting on this line "
                                  "or the one before.")
                       .arg(QString::fromStdString(e.msg)));
    } catch (const std::exception &e) {
        return InventoryBuilder(failedFile)
            .error(0, QStringLiteral("the file cannot be read as YAML (%1).").arg(QString::fromUtf8(e.what())));
    }
    return builder.finish();
}

} // namespace rl
