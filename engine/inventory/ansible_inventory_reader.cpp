#include "engine/inventory/ansible_inventory_reader.h"

#include "engine/inventory/inventory_builder.h"
#include "engine/inventory/yaml_document.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <climits>

namespace rl {
namespace {

struct AnsibleFailure {
    int line;
    QString problem;
};

[[noreturn]] void fail(int line, const QString &problem)
{
    throw AnsibleFailure{line, problem};
}

// Groups may nest this deep, and a host may inherit from this many groups.
constexpr int kMaxGroupDepth = 256;
// Variables applied to all hosts together (hosts times inherited variables).
constexpr qint64 kVariableBudget = 4'000'000;

struct Var {
    QString value;
    int line = 0;
    bool scalar = true;
};

struct Group {
    QString name;
    int line = 0;
    QHash<QString, Var> vars;
    QStringList children;
    QList<int> parents;
    QStringList hosts;
};

struct Host {
    QString name;
    int line = 0;
    QHash<QString, Var> vars;
    QStringList groups; // the groups it is listed in, in order
};

// The inventory as Ansible sees it, before it becomes routers.
class Model
{
public:
    Model() { group(QStringLiteral("all"), 0); }

    int group(const QString &name, int line)
    {
        const auto it = m_groupIndex.constFind(name);
        if (it != m_groupIndex.constEnd())
            return *it;
        m_groupIndex.insert(name, int(m_groups.size()));
        m_groups.append(Group{name, line, {}, {}, {}, {}});
        return int(m_groups.size() - 1);
    }

    Host &host(const QString &name, int line)
    {
        if (name.contains(u'[') && name.contains(u':') && name.contains(u']'))
            fail(line, QStringLiteral("\"%1\" is a host range; RouterLens does not expand ranges: list the hosts "
                                      "one by one.")
                           .arg(name.left(64)));
        const auto it = m_hostIndex.constFind(name);
        if (it != m_hostIndex.constEnd())
            return m_hosts[*it];
        m_hostIndex.insert(name, int(m_hosts.size()));
        m_hosts.append(Host{name, line, {}, {}});
        return m_hosts.last();
    }

    void addHostToGroup(Host &h, int g)
    {
        if (m_groups[g].name != QLatin1String("all") && !h.groups.contains(m_groups[g].name))
            h.groups.append(m_groups[g].name);
        m_groups[g].hosts.append(h.name);
    }

    void addChild(int parent, int child, int line)
    {
        if (parent == child)
            fail(line, QStringLiteral("the group \"%1\" lists itself among its children; remove it.")
                           .arg(m_groups[parent].name.left(64)));
        if (!m_groups[child].parents.contains(parent)) {
            m_groups[child].parents.append(parent);
            m_groups[parent].children.append(m_groups[child].name);
        }
    }

    QHash<QString, Var> &groupVars(int g) { return m_groups[g].vars; }
    Result<Inventory> build(InventoryBuilder &builder);

private:
    int depthOf(int g, int level);
    const QList<int> &ancestorsOf(int g, int level);
    void buildHost(const Host &h, qint64 &budget, InventoryBuilder &builder, QStringList &warnings);

    QList<Group> m_groups;
    QHash<QString, int> m_groupIndex;
    QList<Host> m_hosts;
    QHash<QString, int> m_hostIndex;
    std::vector<int> m_depth;               // -2 unknown, -1 being computed
    std::vector<QList<int>> m_ancestors;    // memoised, each group first
    std::vector<char> m_ancestorsState;     // 0 unknown, 1 being computed, 2 done
};

int Model::depthOf(int g, int level)
{
    if (m_depth[g] >= 0)
        return m_depth[g];
    const Group &grp = m_groups[g];
    if (m_depth[g] == -1 || level > kMaxGroupDepth)
        fail(grp.line, QStringLiteral("the group \"%1\" is among its own children (a cycle of groups); remove one of "
                                      "the children entries.")
                           .arg(grp.name.left(64)));
    m_depth[g] = -1;
    int depth = 0;
    if (grp.name != QLatin1String("all")) {
        depth = 1; // a group with no parent is a child of "all"
        for (int p : grp.parents)
            depth = std::max(depth, depthOf(p, level + 1) + 1);
    }
    m_depth[g] = depth;
    return depth;
}

const QList<int> &Model::ancestorsOf(int g, int level)
{
    if (m_ancestorsState[g] == 2)
        return m_ancestors[g];
    if (m_ancestorsState[g] == 1 || level > kMaxGroupDepth)
        fail(m_groups[g].line, QStringLiteral("the group \"%1\" is among its own children (a cycle of groups); "
                                              "remove one of the children entries.")
                                   .arg(m_groups[g].name.left(64)));
    m_ancestorsState[g] = 1;
    QList<int> out{g};
    QSet<int> seen{g};
    for (int p : m_groups[g].parents) {
        for (int a : ancestorsOf(p, level + 1)) {
            if (seen.contains(a))
                continue;
            if (out.size() >= kMaxGroupDepth)
                fail(m_groups[g].line, QStringLiteral("the group \"%1\" inherits from more than %2 groups; flatten "
                                                      "the groups.")
                                           .arg(m_groups[g].name.left(64))
                                           .arg(kMaxGroupDepth));
            seen.insert(a);
            out.append(a);
        }
    }
    m_ancestors[g] = out;
    m_ancestorsState[g] = 2;
    return m_ancestors[g];
}

// The ProxyJump of ssh arguments as Ansible passes them: "-J spec", "-Jspec", "-o ProxyJump=spec",
// "-oProxyJump spec", "-o 'ProxyJump spec'"; empty when there is none.
QString proxyJumpOf(const QString &args)
{
    static const QRegularExpression re(
        QStringLiteral(R"((?:^|\s)(?:-J\s*|-o\s*["']?ProxyJump(?:\s*=\s*|\s+))["']?([^\s"']+))"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(args);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString plainSecretProblem(const QString &host, const QString &key)
{
    return QStringLiteral("host \"%1\" has a plain password (or other secret, or an Ansible Vault value) in \"%2\". "
                          "Passwords never go into inventory files: store it in the keychain and write "
                          "\"keychain:<service>/<account>\", or export it and write \"env:<VARIABLE>\".")
        .arg(host, key.left(64));
}

// Long on purpose: one host's variables in Ansible's precedence, then one branch per ansible_* variable
// mapped to a router or credential field, each with its own message.
void Model::buildHost(const Host &h, qint64 &budget, InventoryBuilder &builder, QStringList &warnings)
{
    // Ansible's order: "all", then groups by depth, priority and name; the host's own last.
    QList<int> groups;
    QSet<int> seen;
    const auto take = [&](int g) {
        for (int a : ancestorsOf(g, 0)) {
            if (!seen.contains(a)) {
                seen.insert(a);
                groups.append(a);
            }
        }
    };
    take(m_groupIndex.value(QStringLiteral("all")));
    for (const QString &name : h.groups)
        take(m_groupIndex.value(name));
    QHash<int, int> priority;
    for (int g : groups) {
        int p = 1;
        if (const auto it = m_groups[g].vars.constFind(QStringLiteral("ansible_group_priority"));
            it != m_groups[g].vars.constEnd()) {
            bool ok = false;
            p = it->value.toInt(&ok);
            if (!ok)
                fail(it->line, QStringLiteral("ansible_group_priority of group \"%1\" must be a whole number.")
                                   .arg(m_groups[g].name.left(64)));
        }
        priority.insert(g, p);
    }
    std::sort(groups.begin(), groups.end(), [&](int a, int b) {
        const int da = m_depth[a], db = m_depth[b];
        if (da != db)
            return da < db;
        if (priority.value(a) != priority.value(b))
            return priority.value(a) < priority.value(b);
        return m_groups[a].name < m_groups[b].name;
    });
    QHash<QString, Var> vars;
    for (int g : groups) {
        budget -= m_groups[g].vars.size();
        if (budget < 0)
            fail(h.line, QStringLiteral("the hosts inherit more than %1 variables from their groups; split the "
                                        "inventory.")
                             .arg(kVariableBudget));
        for (auto it = m_groups[g].vars.cbegin(); it != m_groups[g].vars.cend(); ++it)
            vars.insert(it.key(), it.value());
    }
    for (auto it = h.vars.cbegin(); it != h.vars.cend(); ++it)
        vars.insert(it.key(), it.value());

    Router r;
    r.name = h.name;
    r.host = h.name;
    CredentialProfile cred;
    cred.name = h.name;
    bool hasCredentials = false;
    bool portGiven = false;
    QString connection;
    bool validateCerts = true;
    const auto scalar = [&](const QString &key, const Var &v) {
        if (!v.scalar)
            fail(v.line, QStringLiteral("\"%1\" of host \"%2\" must be a single value.").arg(key.left(64), h.name));
        return v.value;
    };
    // Sorted, so the first error is the same on every run.
    QStringList keys = vars.keys();
    keys.sort();
    for (const QString &key : keys) {
        const Var &v = vars[key];
        if (key == QLatin1String("ansible_host") || key == QLatin1String("ansible_ssh_host")) {
            r.host = scalar(key, v);
        } else if (key == QLatin1String("ansible_port") || key == QLatin1String("ansible_ssh_port")
                   || key == QLatin1String("ansible_httpapi_port")) {
            bool ok = false;
            r.port = scalar(key, v).toInt(&ok);
            if (!ok)
                fail(v.line, QStringLiteral("%1 of host \"%2\" must be a port number, not \"%3\".")
                                 .arg(key, h.name, v.value.left(64)));
            portGiven = true;
        } else if (key == QLatin1String("ansible_user") || key == QLatin1String("ansible_ssh_user")) {
            cred.username = scalar(key, v);
            hasCredentials = true;
        } else if (key == QLatin1String("ansible_network_os")) {
            const QString given = scalar(key, v);
            r.platform = platformFromAnsibleName(given);
            if (r.platform.isEmpty())
                fail(v.line, QStringLiteral("host \"%1\" has the ansible_network_os \"%2\", which RouterLens has no "
                                            "translator for; use cisco.ios.ios, cisco.iosxr.iosxr, cisco.nxos.nxos, "
                                            "junipernetworks.junos.junos, arista.eos.eos or frr.frr.frr (or one of "
                                            "%3).")
                                 .arg(h.name, given.left(64), knownPlatforms().join(QLatin1String(", "))));
        } else if (key == QLatin1String("ansible_connection")) {
            connection = scalar(key, v);
        } else if (key == QLatin1String("ansible_httpapi_validate_certs")) {
            const QString b = scalar(key, v).toLower();
            validateCerts = !(b == QLatin1String("false") || b == QLatin1String("no") || b == QLatin1String("0"));
        } else if (key == QLatin1String("ansible_ssh_private_key_file")) {
            cred.keyFile = scalar(key, v);
            hasCredentials = true;
        } else if (key == QLatin1String("ansible_password") || key == QLatin1String("ansible_ssh_pass")
                   || key == QLatin1String("ansible_ssh_password")) {
            if (!v.scalar || !isSecretReference(v.value))
                fail(v.line, plainSecretProblem(h.name, key));
            cred.secret = v.value;
            hasCredentials = true;
        } else if (key == QLatin1String("ansible_ssh_common_args") || key == QLatin1String("ansible_ssh_extra_args")) {
            const QString args = v.value;
            if (const QString jump = proxyJumpOf(args); !jump.isEmpty()) {
                r.proxyJump = jump; // RouterLens crosses the jump hosts itself (SshTransport)
            } else if (args.contains(QLatin1String("ProxyCommand"), Qt::CaseInsensitive)) {
                warnings.append(QStringLiteral("%1, line %2: host \"%3\" is reached through a ProxyCommand (%4); "
                                               "RouterLens runs no commands to connect: give the jump hosts as "
                                               "ProxyJump in ~/.ssh/config or as the router's proxyJump.")
                                    .arg(builder.fileName())
                                    .arg(v.line)
                                    .arg(h.name, key));
            }
        } else if (looksLikeSecretKey(key)) {
            if (!v.scalar || !isSecretReference(v.value))
                fail(v.line, plainSecretProblem(h.name, key));
        } else if (key.startsWith(QLatin1String("ansible_"))) {
            // Ansible's own settings (become, python interpreter, ...): not RouterLens's.
        } else if (v.scalar && !v.value.isEmpty()) {
            r.tags.insert(key, v.value);
        }
    }
    if (r.platform.isEmpty())
        fail(h.line, QStringLiteral("host \"%1\" has no ansible_network_os; set it on the host or one of its groups "
                                    "(cisco.ios.ios, cisco.iosxr.iosxr, cisco.nxos.nxos, junipernetworks.junos.junos, "
                                    "arista.eos.eos, frr.frr.frr, ...).")
                         .arg(h.name));
    if (connection == QLatin1String("httpapi") || connection == QLatin1String("ansible.netcommon.httpapi")) {
        if (r.platform == QLatin1String("arista-eos"))
            r.transport = TransportKind::HttpEapi;
        else if (r.platform == QLatin1String("cisco-nxos"))
            r.transport = TransportKind::HttpNxapi;
        else
            fail(h.line, QStringLiteral("host \"%1\" uses ansible_connection httpapi, which RouterLens reads only "
                                        "for arista.eos.eos (eAPI) and cisco.nxos.nxos (NX-API); use network_cli.")
                             .arg(h.name));
        if (!portGiven)
            r.port = 443;
        r.tlsVerify = validateCerts;
    } else if (connection == QLatin1String("netconf") || connection == QLatin1String("ansible.netcommon.netconf")) {
        fail(h.line, QStringLiteral("host \"%1\" uses ansible_connection netconf, which RouterLens does not speak; "
                                    "use network_cli (SSH).")
                         .arg(h.name));
    }
    QStringList tagGroups = h.groups;
    tagGroups.removeAll(QStringLiteral("ungrouped"));
    if (!tagGroups.isEmpty())
        r.tags.insert(QStringLiteral("groups"), tagGroups.join(QLatin1Char(',')));
    if (hasCredentials) {
        r.credentials = cred.name;
        builder.addCredentials(cred, h.line);
    }
    builder.addRouter(r, h.line);
}

Result<Inventory> Model::build(InventoryBuilder &builder)
{
    m_depth.assign(m_groups.size(), -2);
    m_ancestors.assign(m_groups.size(), {});
    m_ancestorsState.assign(m_groups.size(), 0);
    const int all = m_groupIndex.value(QStringLiteral("all"));
    // Every group with no parent is a child of "all"; a host in no group is "ungrouped".
    for (int g = 0; g < m_groups.size(); ++g) {
        if (g != all && m_groups[g].parents.isEmpty())
            m_groups[g].parents.append(all);
    }
    for (int g = 0; g < m_groups.size(); ++g) {
        depthOf(g, 0);
        ancestorsOf(g, 0);
    }
    if (m_hosts.isEmpty())
        fail(1, QStringLiteral("the inventory lists no hosts; an Ansible inventory names hosts under groups "
                               "(INI: a line per host under [group]; YAML: all: hosts: ...)."));
    qint64 budget = kVariableBudget;
    QStringList warnings;
    for (const Host &h : std::as_const(m_hosts))
        buildHost(h, budget, builder, warnings);
    Result<Inventory> res = builder.finish();
    if (!res.ok())
        return res;
    Inventory inv = *res;
    for (const QString &w : std::as_const(warnings))
        inv.addWarning(w);
    return inv;
}

// --- INI -----------------------------------------------------------------------------------

// Splits a host line as Ansible does (shell words; a # outside quotes starts a comment).
QStringList shellWords(QStringView line, int lineNo)
{
    QStringList words;
    QString cur;
    bool inWord = false;
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else
                cur += c;
            continue;
        }
        if (c == u'\'' || c == u'"') {
            quote = c;
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words.append(cur);
            cur.clear();
            inWord = false;
        } else if (c == u'#' && !inWord) {
            break;
        } else {
            cur += c;
            inWord = true;
        }
    }
    if (!quote.isNull())
        fail(lineNo, QStringLiteral("a quote (%1) opens on this line and is never closed.").arg(quote));
    if (inWord)
        words.append(cur);
    return words;
}

QString unquoted(QString v)
{
    v = v.trimmed();
    if (v.size() >= 2 && (v.front() == u'"' || v.front() == u'\'') && v.back() == v.front())
        return v.mid(1, v.size() - 2);
    return v;
}

void parseIni(const QByteArray &data, Model &model)
{
    enum class Kind { Hosts, Vars, Children };
    const QString text = QString::fromUtf8(data);
    const QList<QStringView> lines = QStringView(text).split(u'\n');
    Kind kind = Kind::Hosts;
    int group = model.group(QStringLiteral("ungrouped"), 0);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i + 1);
        const QStringView line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']'))
                fail(lineNo, QStringLiteral("a section header must end with ]: write [group], [group:vars] or "
                                            "[group:children]."));
            QStringView name = line.mid(1, line.size() - 2).trimmed();
            kind = Kind::Hosts;
            const qsizetype colon = name.lastIndexOf(u':');
            if (colon >= 0) {
                const QStringView suffix = name.mid(colon + 1);
                if (suffix == u"vars")
                    kind = Kind::Vars;
                else if (suffix == u"children")
                    kind = Kind::Children;
                else
                    fail(lineNo, QStringLiteral("the section [%1] has the unknown suffix \"%2\"; Ansible knows "
                                                ":vars and :children.")
                                     .arg(name.left(64).toString(), suffix.left(64).toString()));
                name = name.left(colon);
            }
            if (name.isEmpty() || name.contains(u' '))
                fail(lineNo, QStringLiteral("\"%1\" is not a group name (letters, digits and _ without spaces).")
                                 .arg(name.left(64).toString()));
            group = model.group(name.toString(), lineNo);
            continue;
        }
        if (kind == Kind::Hosts) {
            const QStringList words = shellWords(line, lineNo);
            if (words.isEmpty())
                continue;
            QString name = words[0];
            if (name.contains(u'[') && name.contains(u']'))
                fail(lineNo, QStringLiteral("\"%1\" is a host range; RouterLens does not expand ranges: list the "
                                            "hosts one by one.")
                                 .arg(name.left(64)));
            QString port;
            // "router:2222" (one colon; an IPv6 address has several).
            if (name.count(u':') == 1) {
                port = name.section(u':', 1);
                name = name.section(u':', 0, 0);
            }
            Host &h = model.host(name, lineNo);
            if (!port.isEmpty())
                h.vars.insert(QStringLiteral("ansible_port"), Var{port, lineNo, true});
            for (qsizetype w = 1; w < words.size(); ++w) {
                const qsizetype eq = words[w].indexOf(u'=');
                if (eq <= 0)
                    fail(lineNo, QStringLiteral("\"%1\" after host \"%2\" is not a variable; write key=value.")
                                     .arg(words[w].left(64), name.left(64)));
                h.vars.insert(words[w].left(eq), Var{words[w].mid(eq + 1), lineNo, true});
            }
            model.addHostToGroup(h, group);
        } else if (kind == Kind::Vars) {
            const qsizetype eq = line.indexOf(u'=');
            if (eq <= 0)
                fail(lineNo, QStringLiteral("a line of a :vars section must be key=value."));
            const QString key = line.left(eq).trimmed().toString();
            model.groupVars(group).insert(key, Var{unquoted(line.mid(eq + 1).toString()), lineNo, true});
        } else {
            const QString child = line.toString();
            if (child.contains(u' '))
                fail(lineNo, QStringLiteral("a line of a :children section names one group."));
            model.addChild(group, model.group(child, lineNo), lineNo);
        }
    }
}

} // namespace

namespace {

// --- YAML ----------------------------------------------------------------------------------

QString yamlText(const YamlNode &node)
{
    const std::string_view s = node.Scalar();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

void readVars(const YamlNode &node, QHash<QString, Var> &vars, const QString &what)
{
    if (node.IsNull())
        return;
    if (!node.IsMap())
        fail(node.line(), QStringLiteral("the vars of %1 must be a map of names to values.").arg(what));
    for (const auto &kv : node) {
        if (!kv.first.IsScalar())
            fail(kv.first.line(), QStringLiteral("variable names of %1 must be plain text.").arg(what));
        vars.insert(yamlText(kv.first), Var{yamlText(kv.second), kv.second.line(), kv.second.IsScalar()});
    }
}

void readYamlGroup(const QString &name, const YamlNode &key, const YamlNode &node, Model &model)
{
    const int g = model.group(name, key.line());
    if (node.IsNull())
        return;
    if (!node.IsMap())
        fail(key.line(), QStringLiteral("the group \"%1\" must be a map with hosts, vars and children.")
                             .arg(name.left(64)));
    for (const auto &kv : node) {
        const QString field = yamlText(kv.first);
        const YamlNode &v = kv.second;
        if (field == QLatin1String("hosts")) {
            if (v.IsNull())
                continue;
            if (!v.IsMap())
                fail(v.line(), QStringLiteral("the hosts of group \"%1\" must be a map of host names to their "
                                              "variables (or nothing).")
                                   .arg(name.left(64)));
            for (const auto &hv : v) {
                if (!hv.first.IsScalar())
                    fail(hv.first.line(), QStringLiteral("host names must be plain text."));
                Host &h = model.host(yamlText(hv.first), hv.first.line());
                readVars(hv.second, h.vars, QStringLiteral("host \"%1\"").arg(h.name));
                model.addHostToGroup(h, g);
            }
        } else if (field == QLatin1String("vars")) {
            readVars(v, model.groupVars(g), QStringLiteral("group \"%1\"").arg(name.left(64)));
        } else if (field == QLatin1String("children")) {
            if (v.IsNull())
                continue;
            if (!v.IsMap())
                fail(v.line(), QStringLiteral("the children of group \"%1\" must be a map of group names.")
                                   .arg(name.left(64)));
            for (const auto &cv : v) {
                if (!cv.first.IsScalar())
                    fail(cv.first.line(), QStringLiteral("group names must be plain text."));
                const QString child = yamlText(cv.first);
                const int c = model.group(child, cv.first.line());
                model.addChild(g, c, cv.first.line());
                readYamlGroup(child, cv.first, cv.second, model);
            }
        } else {
            fail(kv.first.line(), QStringLiteral("the group \"%1\" has the unknown key \"%2\"; Ansible groups have "
                                                 "hosts, vars and children.")
                                      .arg(name.left(64), field.left(64)));
        }
    }
}

template<typename Parse>
Result<Inventory> readWith(const QByteArray &data, const QString &fileName, Parse parse)
{
    InventoryBuilder builder(fileName);
    if (data.size() > Inventory::MaxFileBytes)
        return builder.error(0, QStringLiteral("the inventory is larger than the %1 MiB RouterLens reads; split it "
                                               "into several files.")
                                    .arg(Inventory::MaxFileBytes >> 20));
    try {
        Model model;
        parse(model);
        return model.build(builder);
    } catch (const AnsibleFailure &f) {
        return builder.error(f.line, f.problem);
    } catch (const YamlDocument::Refused &r) {
        return builder.error(r.line, r.problem);
    } catch (const YAML::Exception &e) {
        return builder.error(e.mark.line >= 0 ? e.mark.line + 1 : 0,
                             QStringLiteral("the file is not valid YAML (%1). Check the indentation and quoting "
                                            "on this line or the one before.")
                                 .arg(QString::fromStdString(e.msg)));
    } catch (const std::exception &e) {
        return builder.error(0, QStringLiteral("the file cannot be read (%1).").arg(QString::fromUtf8(e.what())));
    }
}

YamlDocument parseAnsibleYaml(const QByteArray &data)
{
    return YamlDocument::parse(data, YamlDocument::Limits{Inventory::MaxNesting, 100000, 16});
}

} // namespace

Result<Inventory> AnsibleInventoryReader::readIni(const QByteArray &data, const QString &fileName)
{
    return readWith(data, fileName, [&](Model &model) { parseIni(data, model); });
}

Result<Inventory> AnsibleInventoryReader::readYaml(const QByteArray &data, const QString &fileName)
{
    return readWith(data, fileName, [&](Model &model) {
        const YamlDocument doc = parseAnsibleYaml(data);
        const YamlNode root = doc.root();
        if (!root.IsMap())
            fail(root.line() > 0 ? root.line() : 1,
                 QStringLiteral("an Ansible YAML inventory maps group names (usually \"all\") to hosts, vars and "
                                "children."));
        for (const auto &kv : root) {
            if (!kv.first.IsScalar())
                fail(kv.first.line(), QStringLiteral("group names must be plain text."));
            readYamlGroup(yamlText(kv.first), kv.first, kv.second, model);
        }
    });
}

namespace {

// True when block-style YAML shows at once that it is not an Ansible inventory: the first key
// nested under the first top-level key is a plain word other than hosts, vars or children (a
// Nornir hosts file: "pe1:" then "  hostname: ..."). Anything else (flow style, quotes, an empty
// first entry) is left to the full check. Saves parsing a large Nornir file twice.
bool plainlyNotAnsible(const QByteArray &data)
{
    bool inFirstEntry = false;
    qsizetype pos = 0;
    for (int lines = 0; pos < data.size() && lines < 1000; ++lines) {
        qsizetype end = data.indexOf('\n', pos);
        if (end < 0)
            end = data.size();
        const QByteArrayView line(data.constData() + pos, end - pos);
        pos = end + 1;
        const QByteArrayView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#') || trimmed.startsWith("---") || trimmed.startsWith('%'))
            continue;
        const bool indented = line.front() == ' ';
        if (!inFirstEntry) {
            if (indented || !trimmed.endsWith(':'))
                return false; // flow style, a value on the key's line, or no block map
            inFirstEntry = true;
            continue;
        }
        if (!indented)
            return false; // the first entry is empty
        const qsizetype colon = trimmed.indexOf(':');
        if (colon <= 0)
            return false;
        const QByteArrayView key = trimmed.first(colon);
        for (char c : key) {
            if (!QChar::isLetterOrNumber(uchar(c)) && c != '_' && c != '-')
                return false; // quoted or unusual: let the parser say
        }
        return key != "hosts" && key != "vars" && key != "children";
    }
    return false;
}

} // namespace

bool AnsibleInventoryReader::looksLikeAnsibleYaml(const QByteArray &data)
{
    if (plainlyNotAnsible(data))
        return false;
    try {
        const YamlDocument doc = parseAnsibleYaml(data);
        const YamlNode root = doc.root();
        if (!root.IsMap())
            return false;
        bool any = false;
        for (const auto &kv : root) {
            if (!kv.second.IsMap())
                return false;
            for (const auto &f : kv.second) {
                const std::string_view k = f.first.Scalar();
                if (k != "hosts" && k != "vars" && k != "children")
                    return false;
                any = true;
            }
        }
        return any;
    } catch (...) {
        return false;
    }
}

} // namespace rl
