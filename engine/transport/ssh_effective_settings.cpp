#include "engine/transport/ssh_effective_settings.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace rl {

namespace {

QString defaultKnownHosts()
{
    return QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
}

// OpenSSH's default identities, for jump hosts (which have no credential profile) when neither the
// inventory nor the config names one: those that exist.
QStringList defaultIdentityFiles()
{
    QStringList out;
    for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"}) {
        const QString path = QDir::homePath() + QStringLiteral("/.ssh/") + QLatin1String(name);
        if (QFileInfo::exists(path))
            out << path;
    }
    return out;
}

template<typename T>
SshSetting<T> fromConfig(const SshConfigValue<T> &v)
{
    return {v.value, SshSettingOrigin::SshConfig, v.where};
}

template<typename T>
QJsonObject settingJson(const SshSetting<T> &s, const QJsonValue &value)
{
    QJsonObject o{{QStringLiteral("value"), value}, {QStringLiteral("from"), sshSettingOriginName(s.origin)}};
    if (!s.where.isEmpty())
        o.insert(QStringLiteral("where"), s.where);
    return o;
}

QString originText(SshSettingOrigin origin, const QString &where)
{
    const QString name = sshSettingOriginName(origin);
    return where.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, where);
}

// The settings shared by the router and its jump hosts: known hosts, strict checking, timeout.
void applyCommon(SshEndpoint &e, const SshConfigHost &c, const SshEffectiveSettings::Inputs &in,
                 QStringList &warnings)
{
    if (c.userKnownHostsFile)
        e.knownHosts = fromConfig(*c.userKnownHostsFile);
    e.strictHostKeyChecking = {QStringLiteral("yes"), SshSettingOrigin::Default, {}};
    if (in.acceptNewHostKeys)
        e.strictHostKeyChecking = {QStringLiteral("accept-new"), SshSettingOrigin::Option,
                                   QStringLiteral("--accept-new-host-keys")};
    else if (c.strictHostKeyChecking) {
        const QString v = c.strictHostKeyChecking->value;
        if (v == QLatin1String("accept-new")) {
            e.strictHostKeyChecking = fromConfig(*c.strictHostKeyChecking);
        } else if (v == QLatin1String("no") || v == QLatin1String("off")) {
            e.strictHostKeyChecking = {QStringLiteral("accept-new"), SshSettingOrigin::SshConfig,
                                       c.strictHostKeyChecking->where};
            warnings << QStringLiteral("%1: StrictHostKeyChecking %2 is read as accept-new for %3: RouterLens "
                                       "records a key never seen but never accepts a changed one.")
                            .arg(c.strictHostKeyChecking->where, v, e.label);
        } else {
            // yes and ask: a key never seen is refused (nobody can be asked in the middle of a query)
            e.strictHostKeyChecking = {QStringLiteral("yes"), SshSettingOrigin::SshConfig,
                                       c.strictHostKeyChecking->where};
        }
    }
    e.connectTimeoutMs = {in.connectTimeoutMs, SshSettingOrigin::Default, QStringLiteral("engine/connectTimeoutMs")};
    if (c.connectTimeoutSeconds)
        e.connectTimeoutMs = {c.connectTimeoutSeconds->value * 1000, SshSettingOrigin::SshConfig,
                              c.connectTimeoutSeconds->where};
}

} // namespace

QString sshSettingOriginName(SshSettingOrigin origin)
{
    switch (origin) {
    case SshSettingOrigin::Default:
        return QStringLiteral("default");
    case SshSettingOrigin::Inventory:
        return QStringLiteral("inventory");
    case SshSettingOrigin::SshConfig:
        return QStringLiteral("ssh config");
    case SshSettingOrigin::Option:
        return QStringLiteral("option");
    }
    return {};
}

QString SshEndpoint::hostPort() const
{
    const QString h = host.value.contains(u':') ? QStringLiteral("[%1]").arg(host.value) : host.value;
    return port.value == 22 ? host.value : QStringLiteral("%1:%2").arg(h).arg(port.value);
}

QString SshEffectiveSettings::jumpChainText() const
{
    QStringList parts;
    for (const SshEndpoint &j : jumps)
        parts << (j.user.value.isEmpty() ? j.hostPort() : j.user.value + u'@' + j.hostPort());
    parts << target.hostPort();
    return parts.join(QStringLiteral(" -> "));
}

SshEffectiveSettings SshEffectiveSettings::resolve(const Router &router, const CredentialProfile &credentials,
                                                   const Inputs &inputs)
{
    if (inputs.configPath.isEmpty())
        return resolve(router, credentials, SshConfigFile(), inputs);
    Result<SshConfigFile> config = SshConfigFile::load(inputs.configPath);
    if (!config) {
        // An unreadable config is said, not silently skipped: it may hold the jump host.
        SshEffectiveSettings s = resolve(router, credentials, SshConfigFile(), inputs);
        s.error = config.error();
        return s;
    }
    return resolve(router, credentials, *config, inputs);
}

SshEffectiveSettings SshEffectiveSettings::resolve(const Router &router, const CredentialProfile &credentials,
                                                   const SshConfigFile &config, const Inputs &inputs)
{
    SshEffectiveSettings s;
    s.configFile = config.fileName();
    s.warnings = config.warnings();
    const QString localUser = inputs.localUser.isEmpty() ? qEnvironmentVariable("USER") : inputs.localUser;
    const QString inv = QStringLiteral("inventory");

    // The router: its inventory host is the name looked up, as if typed after "ssh".
    const SshConfigHost c = config.lookup(router.host);
    SshEndpoint &t = s.target;
    t.label = QStringLiteral("router %1").arg(router.name);
    t.alias = router.host;
    t.host = c.hostName ? fromConfig(*c.hostName)
                        : SshSetting<QString>{router.host, SshSettingOrigin::Inventory, QStringLiteral("host")};
    if (router.port != 22 || !c.port)
        t.port = {router.port, router.port != 22 ? SshSettingOrigin::Inventory : SshSettingOrigin::Default,
                  router.port != 22 ? QStringLiteral("port") : QString()};
    else
        t.port = fromConfig(*c.port);
    if (!credentials.username.isEmpty())
        t.user = {credentials.username, SshSettingOrigin::Inventory,
                  QStringLiteral("credentials \"%1\"").arg(credentials.name)};
    else if (c.user)
        t.user = fromConfig(*c.user);
    else
        t.user = {localUser, SshSettingOrigin::Default, QStringLiteral("local user")};
    if (!credentials.keyFile.isEmpty()) {
        t.identityFiles = {{credentials.keyFile}, SshSettingOrigin::Inventory,
                           QStringLiteral("credentials \"%1\"").arg(credentials.name)};
    } else if (!c.identityFiles.isEmpty()) {
        QStringList files, where;
        for (const SshConfigValue<QString> &f : c.identityFiles) {
            files << f.value;
            where << f.where;
        }
        t.identityFiles = {files, SshSettingOrigin::SshConfig, where.join(QStringLiteral(", "))};
    }
    t.identitiesOnly = {!credentials.useAgent, credentials.useAgent ? SshSettingOrigin::Default : SshSettingOrigin::Inventory,
                        credentials.useAgent ? QString() : QStringLiteral("credentials \"%1\" useAgent false").arg(credentials.name)};
    if (credentials.useAgent && c.identitiesOnly)
        t.identitiesOnly = fromConfig(*c.identitiesOnly);
    t.knownHosts = {defaultKnownHosts(), SshSettingOrigin::Default, {}};
    applyCommon(t, c, inputs, s.warnings);
    if (!router.knownHosts.isEmpty())
        t.knownHosts = {router.knownHosts, SshSettingOrigin::Inventory, QStringLiteral("knownHosts")};

    // The jump chain: the inventory's, else the config's ProxyJump for the router's host.
    if (!router.proxyJump.isEmpty())
        s.jumpSpec = {router.proxyJump, SshSettingOrigin::Inventory, QStringLiteral("proxyJump")};
    else if (c.proxyJump)
        s.jumpSpec = fromConfig(*c.proxyJump);
    else
        s.jumpSpec = {QStringLiteral("none"), SshSettingOrigin::Default, {}};
    if (c.proxyCommand && router.proxyJump.isEmpty())
        s.warnings << QStringLiteral("%1: ProxyCommand is not run by RouterLens (it makes its own SSH jumps); %2 is "
                                     "connected to directly. Use ProxyJump instead.")
                          .arg(c.proxyCommand->where, t.label);
    const Result<QList<SshJumpHop>> hops = parseJumpSpec(s.jumpSpec.value);
    if (!hops) {
        s.error = Error(ErrorCode::InvalidRequest,
                        QStringLiteral("The jump hosts of router %1 (%2, from the %3) cannot be used: %4")
                            .arg(router.name, s.jumpSpec.value, originText(s.jumpSpec.origin, s.jumpSpec.where),
                                 hops.error().message));
        return s;
    }
    int n = 0;
    for (const SshJumpHop &hop : *hops) {
        ++n;
        const SshConfigHost hc = config.lookup(hop.host);
        SshEndpoint j;
        j.label = QStringLiteral("jump host %1 (%2) of router %3").arg(n).arg(hop.host, router.name);
        j.alias = hop.host;
        const SshSettingOrigin specOrigin = s.jumpSpec.origin;
        const QString specWhere = s.jumpSpec.where;
        j.host = hc.hostName ? fromConfig(*hc.hostName) : SshSetting<QString>{hop.host, specOrigin, specWhere};
        if (hop.port > 0)
            j.port = {hop.port, specOrigin, specWhere};
        else if (hc.port)
            j.port = fromConfig(*hc.port);
        else
            j.port = {22, SshSettingOrigin::Default, {}};
        if (!hop.user.isEmpty())
            j.user = {hop.user, specOrigin, specWhere};
        else if (hc.user)
            j.user = fromConfig(*hc.user);
        else
            j.user = {localUser, SshSettingOrigin::Default, QStringLiteral("local user")};
        j.identitiesOnly = {false, SshSettingOrigin::Default, {}};
        if (hc.identitiesOnly)
            j.identitiesOnly = fromConfig(*hc.identitiesOnly);
        if (!hc.identityFiles.isEmpty()) {
            QStringList files, where;
            for (const SshConfigValue<QString> &f : hc.identityFiles) {
                files << f.value;
                where << f.where;
            }
            j.identityFiles = {files, SshSettingOrigin::SshConfig, where.join(QStringLiteral(", "))};
        } else {
            j.identityFiles = {defaultIdentityFiles(), SshSettingOrigin::Default, {}};
        }
        // A jump host's key is checked against its config's file, else the router's own file (so an
        // inventory that keeps its keys in one file keeps its bastions there too), else the default.
        j.knownHosts = router.knownHosts.isEmpty()
                           ? SshSetting<QString>{defaultKnownHosts(), SshSettingOrigin::Default, {}}
                           : SshSetting<QString>{router.knownHosts, SshSettingOrigin::Inventory,
                                                 QStringLiteral("knownHosts of router %1").arg(router.name)};
        applyCommon(j, hc, inputs, s.warnings);
        if (hc.proxyJump && hc.proxyJump->value.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0)
            s.warnings << QStringLiteral("%1: the ProxyJump of jump host %2 is not followed; list every hop in the "
                                         "router's ProxyJump instead (\"a,b\").")
                              .arg(hc.proxyJump->where, hop.host);
        s.jumps << j;
    }
    return s;
}

QJsonObject SshEffectiveSettings::toJson() const
{
    auto endpoint = [](const SshEndpoint &e) {
        return QJsonObject{
            {QStringLiteral("label"), e.label},
            {QStringLiteral("host"), settingJson(e.host, e.host.value)},
            {QStringLiteral("port"), settingJson(e.port, e.port.value)},
            {QStringLiteral("user"), settingJson(e.user, e.user.value)},
            {QStringLiteral("identityFiles"), settingJson(e.identityFiles, QJsonArray::fromStringList(e.identityFiles.value))},
            {QStringLiteral("identitiesOnly"), settingJson(e.identitiesOnly, e.identitiesOnly.value)},
            {QStringLiteral("knownHosts"), settingJson(e.knownHosts, e.knownHosts.value)},
            {QStringLiteral("strictHostKeyChecking"), settingJson(e.strictHostKeyChecking, e.strictHostKeyChecking.value)},
            {QStringLiteral("connectTimeoutSeconds"), settingJson(e.connectTimeoutMs, e.connectTimeoutMs.value / 1000.0)},
        };
    };
    QJsonArray jumpArray;
    for (const SshEndpoint &j : jumps)
        jumpArray.append(endpoint(j));
    QJsonObject o{{QStringLiteral("sshConfig"), configFile},
                  {QStringLiteral("router"), endpoint(target)},
                  {QStringLiteral("proxyJump"), settingJson(jumpSpec, jumpSpec.value)},
                  {QStringLiteral("jumps"), jumpArray},
                  {QStringLiteral("chain"), jumpChainText()},
                  {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}};
    if (error)
        o.insert(QStringLiteral("error"), error.toJson());
    return o;
}

QString SshEffectiveSettings::toText() const
{
    QStringList lines;
    auto row = [&](const QString &indent, const QString &name, const QString &value, SshSettingOrigin origin,
                   const QString &where) {
        lines << QStringLiteral("%1%2 %3  [%4]")
                     .arg(indent, (name + u':').leftJustified(24), value.isEmpty() ? QStringLiteral("-") : value,
                          originText(origin, where));
    };
    auto endpoint = [&](const SshEndpoint &e, const QString &indent) {
        row(indent, QStringLiteral("host"), e.host.value, e.host.origin, e.host.where);
        row(indent, QStringLiteral("port"), QString::number(e.port.value), e.port.origin, e.port.where);
        row(indent, QStringLiteral("user"), e.user.value, e.user.origin, e.user.where);
        row(indent, QStringLiteral("identity files"),
            e.identityFiles.value.isEmpty() ? QStringLiteral("none") : e.identityFiles.value.join(QStringLiteral(", ")),
            e.identityFiles.origin, e.identityFiles.where);
        row(indent, QStringLiteral("identities only"), e.identitiesOnly.value ? QStringLiteral("yes (no agent)") : QStringLiteral("no (agent too)"),
            e.identitiesOnly.origin, e.identitiesOnly.where);
        row(indent, QStringLiteral("known hosts"), e.knownHosts.value, e.knownHosts.origin, e.knownHosts.where);
        row(indent, QStringLiteral("strict host key check"), e.strictHostKeyChecking.value,
            e.strictHostKeyChecking.origin, e.strictHostKeyChecking.where);
        row(indent, QStringLiteral("connect timeout"), QStringLiteral("%1 s").arg(e.connectTimeoutMs.value / 1000.0),
            e.connectTimeoutMs.origin, e.connectTimeoutMs.where);
    };
    lines << QStringLiteral("ssh config: %1").arg(configFile.isEmpty() ? QStringLiteral("none") : configFile);
    lines << QStringLiteral("%1").arg(target.label);
    endpoint(target, QStringLiteral("  "));
    row(QStringLiteral("  "), QStringLiteral("proxy jump"), jumpSpec.value, jumpSpec.origin, jumpSpec.where);
    lines << QStringLiteral("  chain: %1").arg(jumpChainText());
    for (const SshEndpoint &j : jumps) {
        lines << QStringLiteral("  %1").arg(j.label);
        endpoint(j, QStringLiteral("    "));
    }
    for (const QString &w : warnings)
        lines << QStringLiteral("  warning: %1").arg(w);
    if (error)
        lines << QStringLiteral("  error: %1").arg(error.message);
    return lines.join(u'\n');
}

} // namespace rl
