#include "engine/transport/ssh_transport.h"

#include "engine/api/event_log.h"
#include "engine/transport/secret_resolver.h"
#include "engine/transport/ssh_channel_bridge.h"
#include "engine/transport/ssh_terminal_text.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMutex>

#include <libssh/libssh.h>

#include <mutex>
#include <optional>
#include <utility>

#include <unistd.h>

namespace rl {

namespace {

constexpr int kReadChunk = 64 * 1024;
constexpr qsizetype kPromptWindow = 4096; // the end of a line a prompt is looked for in

void initLibssh()
{
    static std::once_flag once;
    std::call_once(once, [] { ssh_init(); });
}

// Bracketed form used by known_hosts and ssh-keygen -R for non-standard ports.
QString knownHostsName(const SshEndpoint &e)
{
    return KnownHostsFile::hostName(e.host.value, e.port.value);
}

// "Router pe1", "Jump host 1 (bastion) of router pe1": a label at the start of a sentence.
QString capital(const QString &label)
{
    return label.isEmpty() ? label : label.front().toUpper() + label.mid(1);
}

// Appends n bytes to `out`. Its buffer grows geometrically, as QByteArray's would, but never
// past `limit` bytes: an answer stopped at the limit never holds more than the limit, plus (only
// while a grow copies) the smaller buffer it grew from. Left to itself QByteArray doubles, so a
// flood stopped at a 16 MiB limit held a 32 MiB buffer, and 48 MiB while the copy was made.
void appendBounded(QByteArray &out, const char *data, qsizetype n, qint64 limit)
{
    const qint64 needed = qint64(out.size()) + n;
    if (needed > out.capacity()) {
        const qint64 grown = qMax<qint64>(needed, qMax<qint64>(2 * qint64(out.capacity()), kReadChunk));
        out.reserve(qsizetype(qMax<qint64>(needed, qMin<qint64>(grown, limit))));
    }
    out.append(data, n);
}

bool isCancelled(const ExecOptions &o)
{
    return o.cancelled && o.cancelled->load();
}

QString sshErrorText(ssh_session s)
{
    return s ? QString::fromUtf8(ssh_get_error(s)) : QString();
}

// Applies the options shared by real sessions and the host key probes, for one endpoint (the
// router or a jump host). fd >= 0: the connection is that socket (a jump's bridge), not TCP.
// libssh never reads an ssh config itself: SshEffectiveSettings already applied it, and libssh
// 0.10 would turn a ProxyJump into a ProxyCommand running OpenSSH's ssh.
Error configure(ssh_session s, const SshEndpoint &e, const SshSettings &settings, int fd = -1)
{
    const QByteArray host = e.host.value.toUtf8();
    const unsigned int port = unsigned(e.port.value);
    const long timeoutUsec = long(qMax(1, e.connectTimeoutMs.value)) * 1000;
    const int noConfig = 0;
    const int noDelay = 1;
    const QByteArray known = QFile::encodeName(e.knownHosts.value);
    bool ok = ssh_options_set(s, SSH_OPTIONS_HOST, host.constData()) == SSH_OK
              && ssh_options_set(s, SSH_OPTIONS_PORT, &port) == SSH_OK
              && ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &noConfig) == SSH_OK
              && ssh_options_set(s, SSH_OPTIONS_TIMEOUT_USEC, &timeoutUsec) == SSH_OK
              && (fd >= 0 || ssh_options_set(s, SSH_OPTIONS_NODELAY, &noDelay) == SSH_OK)
              && ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, known.constData()) == SSH_OK;
    if (ok && !e.user.value.isEmpty()) {
        const QByteArray u = e.user.value.toUtf8();
        ok = ssh_options_set(s, SSH_OPTIONS_USER, u.constData()) == SSH_OK;
    }
    if (ok && !settings.kexAlgorithms.isEmpty()) {
        const QByteArray k = settings.kexAlgorithms.toLatin1();
        ok = ssh_options_set(s, SSH_OPTIONS_KEY_EXCHANGE, k.constData()) == SSH_OK;
    }
    if (ok && !settings.hostKeyAlgorithms.isEmpty()) {
        const QByteArray k = settings.hostKeyAlgorithms.toLatin1();
        ok = ssh_options_set(s, SSH_OPTIONS_HOSTKEYS, k.constData()) == SSH_OK;
    }
    if (ok && fd >= 0) {
        socket_t sock = fd;
        ok = ssh_options_set(s, SSH_OPTIONS_FD, &sock) == SSH_OK;
    }
    if (!ok) {
        if (fd >= 0)
            ::close(fd);
        return Error(ErrorCode::InvalidRequest,
                     QStringLiteral("The SSH settings for %1 are not valid: check its host, port and user (inventory "
                                    "and ssh config) and the SSH algorithm settings.")
                         .arg(e.label),
                     sshErrorText(s));
    }
    return {};
}

// Classifies a failed ssh_connect() for people. `via`: the jump host the connection went through.
Error connectError(ssh_session s, const SshEndpoint &e, const SshEndpoint *via)
{
    const QString text = sshErrorText(s);
    const QString lower = text.toLower();
    const QString through = via ? QStringLiteral(" through %1").arg(via->label) : QString();
    if (lower.contains(QLatin1String("timeout")) || lower.contains(QLatin1String("timed out")))
        return Error(ErrorCode::Timeout,
                     QStringLiteral("%1 (%2) did not answer the SSH connection%4 within %3 s: check that it is "
                                    "up and reachable from %5, or raise the connect timeout.")
                         .arg(capital(e.label), e.hostPort())
                         .arg(e.connectTimeoutMs.value / 1000.0)
                         .arg(through, via ? via->label : QStringLiteral("this machine")),
                     text);
    if (lower.contains(QLatin1String("refused")) || lower.contains(QLatin1String("no route"))
        || lower.contains(QLatin1String("unreachable")) || lower.contains(QLatin1String("resolve"))
        || lower.contains(QLatin1String("not known")) || lower.contains(QLatin1String("getaddrinfo")))
        return Error(ErrorCode::Unreachable,
                     QStringLiteral("%1 (%2) cannot be reached over SSH: check the address and port in the "
                                    "inventory and ssh config, that SSH is enabled on it, and that no firewall "
                                    "blocks it.")
                         .arg(capital(e.label), e.hostPort()),
                     text);
    return Error(ErrorCode::ConnectionLost,
                 QStringLiteral("The SSH connection to %1 (%2)%3 failed during the handshake: the far end "
                                "closed it or does not speak SSH. Check that the port is its SSH port.")
                     .arg(e.label, e.hostPort(), through),
                 text);
}

struct ServerKey {
    QString type;
    QString fingerprint; // "SHA256:..."
};

Result<ServerKey> serverKey(ssh_session s)
{
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(s, &key) != SSH_OK || !key)
        return Error(ErrorCode::ConnectionLost, QStringLiteral("The router sent no usable host key."), sshErrorText(s));
    ServerKey out{KnownHostsFile::keyType(key), KnownHostsFile::fingerprint(key)};
    ssh_key_free(key);
    if (out.fingerprint.isEmpty())
        return Error(ErrorCode::InternalError, QStringLiteral("The router's host key could not be hashed."));
    return out;
}

// "SHA256:a (line 3), SHA256:b (line 9)": what the file records for the endpoint, for messages.
QString recordedKeys(const SshEndpoint &e)
{
    const Result<QList<KnownHostKey>> keys = KnownHostsFile(e.knownHosts.value).keysFor(knownHostsName(e));
    QStringList parts;
    if (keys) {
        for (const KnownHostKey &k : *keys)
            parts << QStringLiteral("%1 %2 (line %3)").arg(k.keyType, k.fingerprint).arg(k.line);
    }
    return parts.isEmpty() ? QStringLiteral("a key of another type") : parts.join(QStringLiteral(", "));
}

// Appends the connected endpoint's key to its known_hosts file. One writer at a time in this
// process; a key another session recorded meanwhile is not written twice.
Error recordHostKey(ssh_session s, const SshEndpoint &e)
{
    static QMutex writing;
    QMutexLocker lock(&writing);
    if (ssh_session_is_known_server(s) == SSH_KNOWN_HOSTS_OK)
        return {};
    const QString file = e.knownHosts.value;
    QDir().mkpath(QFileInfo(file).absolutePath());
    if (ssh_session_update_known_hosts(s) != SSH_OK)
        return Error(ErrorCode::InternalError,
                     QStringLiteral("The host key of %1 could not be written to %2: check that the file "
                                    "and its folder are writable.")
                         .arg(e.label, file),
                     sshErrorText(s));
    return {};
}

// Checks the host key against known_hosts. Never accepts a changed key; records a key never
// seen only when the endpoint's StrictHostKeyChecking is accept-new (--accept-new-host-keys or
// the ssh config).
Error verifyHostKey(ssh_session s, const SshEndpoint &e)
{
    const Result<ServerKey> key = serverKey(s);
    if (!key)
        return key.error();
    const QString fp = key->fingerprint;
    const QString file = e.knownHosts.value;
    switch (ssh_session_is_known_server(s)) {
    case SSH_KNOWN_HOSTS_OK:
        return {};
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        return Error(ErrorCode::HostKeyMismatch,
                     QStringLiteral("The SSH host key of %1 (%2) has CHANGED since it was recorded in %3: it "
                                    "now presents %5 %6, the file records %7. Someone may be intercepting the "
                                    "connection, or the host was reinstalled. Nothing was sent. Verify the new "
                                    "fingerprint with its administrator; only if it is genuine, remove the "
                                    "old entry (ssh-keygen -R '%4' -f %3) and accept the new key.")
                         .arg(e.label, e.hostPort(), file, knownHostsName(e), key->type, fp, recordedKeys(e)),
                     fp);
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        if (e.strictHostKeyChecking.value == QLatin1String("accept-new")) {
            if (Error err = recordHostKey(s, e))
                return err;
            EventLog::instance().info(QLatin1String(HostKeyLogSource),
                                      QStringLiteral("%1 (%2): its %3 host key %4 was new; recorded in %5 "
                                                     "(trust on first use, as asked by the %6).")
                                          .arg(capital(e.label), e.hostPort(), key->type, fp, file,
                                               sshSettingOriginName(e.strictHostKeyChecking.origin)));
            return {};
        }
        return Error(ErrorCode::HostKeyUnknown,
                     QStringLiteral("The SSH host key of %1 (%2) is not known yet (%3 key, fingerprint %4; checked "
                                    "against %5). Compare it with the fingerprint its administrator gives you and "
                                    "accept it only if they match.")
                         .arg(e.label, e.hostPort(), key->type, fp, file),
                     fp);
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    return Error(ErrorCode::HostKeyUnknown,
                 QStringLiteral("The known hosts file %1 could not be read to check the host key of %2 "
                                "(fingerprint %3): check that the file is readable and well formed.")
                     .arg(file, e.label, fp),
                 fp);
}

// Offers one private key file without a passphrase (ssh config IdentityFile lines: keys with a
// passphrase belong in the agent). The server's answer (SSH_AUTH_*), or nothing when the file
// cannot be read; either way `tried` says what was offered.
std::optional<int> offerKeyFile(ssh_session s, const QString &file, QStringList &tried)
{
    ssh_key key = nullptr;
    const QByteArray path = QFile::encodeName(file);
    if (ssh_pki_import_privkey_file(path.constData(), nullptr, nullptr, nullptr, &key) != SSH_OK || !key) {
        tried << QStringLiteral("key file %1 (unreadable, or needs a passphrase: load it into the agent)").arg(file);
        return std::nullopt;
    }
    tried << QStringLiteral("key file %1").arg(file);
    const int rc = ssh_userauth_publickey(s, nullptr, key);
    ssh_key_free(key);
    return rc;
}

// Logs in to a jump host: the agent (unless IdentitiesOnly), then its identity files (ssh config,
// else OpenSSH's default files). No password: a jump host has no credential profile, and
// RouterLens never asks in the middle of a query. Nothing secret is logged or put in a message.
Error authenticateJump(ssh_session s, const SshEndpoint &e)
{
    const int none = ssh_userauth_none(s, nullptr);
    if (none == SSH_AUTH_SUCCESS)
        return {};
    QStringList tried;
    if (none != SSH_AUTH_ERROR) {
        const int methods = ssh_userauth_list(s, nullptr);
        if ((methods & SSH_AUTH_METHOD_PUBLICKEY) && !e.identitiesOnly.value
            && !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
            tried << QStringLiteral("SSH agent");
            if (ssh_userauth_agent(s, nullptr) == SSH_AUTH_SUCCESS)
                return {};
        }
        for (const QString &file : e.identityFiles.value) {
            if (!(methods & SSH_AUTH_METHOD_PUBLICKEY) || !ssh_is_connected(s))
                break;
            if (offerKeyFile(s, file, tried) == SSH_AUTH_SUCCESS)
                return {};
        }
    }
    if (!ssh_is_connected(s))
        return Error(ErrorCode::ConnectionLost,
                     QStringLiteral("The SSH connection to %1 (%2) was lost while logging in.").arg(e.label, e.hostPort()),
                     sshErrorText(s));
    return Error(ErrorCode::AuthFailed,
                 QStringLiteral("%1 (%2) refused the login of user \"%3\" (tried: %4). Check the User and "
                                "IdentityFile for \"%5\" in the ssh config, or load its key into the SSH agent.")
                     .arg(capital(e.label), e.hostPort(), e.user.value,
                          tried.isEmpty() ? QStringLiteral("no method it offers") : tried.join(QStringLiteral(", ")),
                          e.alias),
                 sshErrorText(s));
}

// Opens a direct-tcpip channel from a jump host to the next hop.
Result<ssh_channel> openForward(ssh_session s, const SshEndpoint &jump, const SshEndpoint &next)
{
    ssh_channel ch = ssh_channel_new(s);
    const QByteArray host = next.host.value.toUtf8();
    if (ch && ssh_channel_open_forward(ch, host.constData(), next.port.value, "127.0.0.1", 0) == SSH_OK)
        return ch;
    const QString text = sshErrorText(s);
    if (ch)
        ssh_channel_free(ch);
    const QString lower = text.toLower();
    if (lower.contains(QLatin1String("timeout")) || lower.contains(QLatin1String("timed out")))
        return Error(ErrorCode::Timeout,
                     QStringLiteral("%1 (%2) did not open a connection to %3 (%4) within %5 s: %3 may be down or "
                                    "not reachable from it.")
                         .arg(capital(jump.label), jump.hostPort(), next.label, next.hostPort())
                         .arg(jump.connectTimeoutMs.value / 1000.0),
                     text);
    if (lower.contains(QLatin1String("prohibited")))
        return Error(ErrorCode::Unreachable,
                     QStringLiteral("%1 (%2) does not allow forwarding to %3 (%4): its sshd must allow TCP "
                                    "forwarding (AllowTcpForwarding, PermitOpen) for this user.")
                         .arg(capital(jump.label), jump.hostPort(), next.label, next.hostPort()),
                     text);
    return Error(ErrorCode::Unreachable,
                 QStringLiteral("%1 (%2) cannot reach %3 (%4): check the address and port of %3 as seen from the "
                                "jump host, and that SSH is enabled on it.")
                     .arg(capital(jump.label), jump.hostPort(), next.label, next.hostPort()),
                 text);
}

// Connects `target` (configured by the caller's options afterwards) to settings.target, crossing
// every jump host first: each is connected, its host key checked, logged in, and asked for a
// channel to the next hop, which a bridge carries. Each step is bounded by its connect timeout;
// a cancel is seen between steps. The target session is connected, its key not yet checked.
Error connectChain(ssh_session target, const SshEffectiveSettings &eff, const SshSettings &settings,
                   const std::atomic<bool> *cancelled, std::vector<std::unique_ptr<SshChannelBridge>> &bridges)
{
    int fd = -1;
    for (qsizetype i = 0; i < eff.jumps.size(); ++i) {
        const SshEndpoint &hop = eff.jumps[i];
        const SshEndpoint &next = i + 1 < eff.jumps.size() ? eff.jumps[i + 1] : eff.target;
        const SshEndpoint *via = i > 0 ? &eff.jumps[i - 1] : nullptr;
        ssh_session s = ssh_new();
        if (!s) {
            if (fd >= 0)
                ::close(fd);
            return Error(ErrorCode::InternalError, QStringLiteral("libssh could not create a session (out of memory?)."));
        }
        auto fail = [&](Error e) {
            if (ssh_is_connected(s))
                ssh_disconnect(s);
            ssh_free(s);
            EventLog::instance().warning(QStringLiteral("ssh:jump"), e.message);
            return e;
        };
        const int hopFd = std::exchange(fd, -1);
        if (Error e = configure(s, hop, settings, hopFd))
            return fail(e);
        if (ssh_connect(s) != SSH_OK)
            return fail(connectError(s, hop, via));
        if (Error e = verifyHostKey(s, hop))
            return fail(e);
        if (cancelled && cancelled->load())
            return fail(Error(ErrorCode::Cancelled, QStringLiteral("The request was cancelled while connecting.")));
        if (Error e = authenticateJump(s, hop))
            return fail(e);
        Result<ssh_channel> ch = openForward(s, hop, next);
        if (!ch)
            return fail(ch.error());
        int peer = -1;
        SshChannelBridge *bridge = SshChannelBridge::start(s, *ch, &peer); // owns s and the channel now
        if (!bridge)
            return Error(ErrorCode::InternalError, QStringLiteral("No socket pair for the SSH jump through %1.").arg(hop.label));
        bridges.emplace_back(bridge);
        fd = peer;
        if (cancelled && cancelled->load()) {
            ::close(fd);
            return Error(ErrorCode::Cancelled, QStringLiteral("The request was cancelled while connecting."));
        }
    }
    if (Error e = configure(target, eff.target, settings, fd))
        return e;
    if (ssh_connect(target) != SSH_OK)
        return connectError(target, eff.target, eff.jumps.isEmpty() ? nullptr : &eff.jumps.last());
    return {};
}

} // namespace

struct SshTransport::Attempt {
    Error error;
    bool sessionDead = false; // the session itself failed, not just this command
    qint64 received = 0;
    CommandOutput output;
};

SshTransport::SshTransport(Router router, CredentialProfile credentials, SessionProfile profile,
                           std::shared_ptr<const SecretResolver> secrets, SshSettings settings)
    : m_router(std::move(router))
    , m_credentials(std::move(credentials))
    , m_profile(std::move(profile))
    , m_secrets(std::move(secrets))
    , m_settings(std::move(settings))
{
    initLibssh();
    const QString pattern = m_profile.promptPattern.isEmpty() ? m_settings.defaultPromptPattern
                                                              : m_profile.promptPattern;
    m_promptRe = SshTerminalText::promptExpression(pattern);
    m_effective = effectiveSettings(m_router, m_credentials, m_settings);
}

SshTransport::~SshTransport()
{
    close();
}

QString SshTransport::who() const
{
    return QStringLiteral("router %1 (%2)").arg(m_router.name, m_effective.target.hostPort());
}

SshEffectiveSettings SshTransport::effectiveSettings(const Router &router, const CredentialProfile &credentials,
                                                     const SshSettings &settings, int connectTimeoutMs)
{
    SshEffectiveSettings::Inputs in;
    in.configPath = settings.sshConfigFile;
    in.connectTimeoutMs = connectTimeoutMs;
    in.acceptNewHostKeys = settings.acceptNewHostKeys;
    return SshEffectiveSettings::resolve(router, credentials, in);
}

QString SshTransport::knownHostsPath(const Router &router, const SshSettings &settings)
{
    return effectiveSettings(router, CredentialProfile{}, settings).target.knownHosts.value;
}

QString SshTransport::knownHostsPath(const Router &router)
{
    if (!router.knownHosts.isEmpty())
        return router.knownHosts;
    return QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
}

bool SshTransport::isOpen() const
{
    return m_session && ssh_is_connected(m_session);
}

void SshTransport::close()
{
    closeShell();
    closeSession();
}

void SshTransport::closeSession()
{
    closeShell();
    if (m_session) {
        if (ssh_is_connected(m_session))
            ssh_disconnect(m_session);
        ssh_free(m_session);
        m_session = nullptr;
    }
    closeJumps();
}

void SshTransport::closeJumps()
{
    // Nearest the router first: each bridge's session runs inside the one before it.
    while (!m_jumps.empty())
        m_jumps.pop_back();
}

void SshTransport::closeShell()
{
    if (m_shell) {
        if (m_session && ssh_is_connected(m_session) && ssh_channel_is_open(m_shell))
            ssh_channel_close(m_shell);
        ssh_channel_free(m_shell);
        m_shell = nullptr;
    }
    m_prompt.clear();
}

Error SshTransport::sessionError(const QString &what) const
{
    return Error(ErrorCode::ConnectionLost,
                 QStringLiteral("The SSH connection to %1 was lost while %2: the router or the network dropped "
                                "it. Try again; if it keeps happening, check the router's SSH limits and load.")
                     .arg(who(), what),
                 sshErrorText(m_session));
}

Error SshTransport::ensureSession(const ExecOptions &options)
{
    if (m_session && !ssh_is_connected(m_session))
        closeSession();
    if (m_session)
        return {};
    if (isCancelled(options))
        return Error(ErrorCode::Cancelled, QStringLiteral("The request was cancelled before connecting."));

    m_effective = effectiveSettings(m_router, m_credentials, m_settings, options.connectTimeoutMs);
    if (m_effective.error)
        return m_effective.error;
    m_session = ssh_new();
    if (!m_session)
        return Error(ErrorCode::InternalError, QStringLiteral("libssh could not create a session (out of memory?)."));
    if (Error e = connectChain(m_session, m_effective, m_settings, options.cancelled.get(), m_jumps)) {
        closeSession();
        return e;
    }
    if (Error e = verifyHostKey(m_session, m_effective.target)) {
        closeSession();
        EventLog::instance().warning(QStringLiteral("ssh:") + m_router.name, e.message);
        return e;
    }
    if (isCancelled(options)) {
        closeSession();
        return Error(ErrorCode::Cancelled, QStringLiteral("The request was cancelled while connecting."));
    }
    if (Error e = authenticate()) {
        closeSession();
        return e;
    }
    ++m_connectCount;
    EventLog::instance().debug(QStringLiteral("ssh:") + m_router.name, QStringLiteral("SSH session opened"));
    return {};
}

Error SshTransport::authenticate()
{
    const int none = ssh_userauth_none(m_session, nullptr);
    if (none == SSH_AUTH_SUCCESS)
        return {};
    if (none == SSH_AUTH_ERROR)
        return sessionError(QStringLiteral("logging in"));
    const int methods = ssh_userauth_list(m_session, nullptr);
    QStringList tried;

    auto resolveSecret = [&](QByteArray *out) -> Error {
        if (!m_secrets)
            return Error(ErrorCode::AuthFailed,
                         QStringLiteral("No secret resolver is available to read \"%1\".").arg(m_credentials.secret));
        Result<QByteArray> r = m_secrets->resolve(m_credentials.secret);
        if (!r)
            return r.error();
        *out = std::move(r).value();
        return {};
    };

    // identitiesOnly: the credential profile's useAgent false, or IdentitiesOnly in the ssh config.
    if (!m_effective.target.identitiesOnly.value && (methods & SSH_AUTH_METHOD_PUBLICKEY)
        && !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
        tried << QStringLiteral("SSH agent");
        const int rc = ssh_userauth_agent(m_session, nullptr);
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_ERROR && !ssh_is_connected(m_session))
            return sessionError(QStringLiteral("logging in"));
    }

    // The ssh config's IdentityFile lines, when the credential profile names no key (a passphrase
    // would be the profile's secret, which is for the password then: such keys belong in the agent).
    if (m_credentials.keyFile.isEmpty() && (methods & SSH_AUTH_METHOD_PUBLICKEY)) {
        for (const QString &file : std::as_const(m_effective.target.identityFiles.value)) {
            const std::optional<int> auth = offerKeyFile(m_session, file, tried);
            if (auth == SSH_AUTH_SUCCESS)
                return {};
            if (auth == SSH_AUTH_ERROR && !ssh_is_connected(m_session))
                return sessionError(QStringLiteral("logging in"));
        }
    }

    if (!m_credentials.keyFile.isEmpty()) {
        if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
            tried << QStringLiteral("key file %1").arg(m_credentials.keyFile);
            QByteArray passphrase;
            if (!m_credentials.secret.isEmpty()) {
                if (Error e = resolveSecret(&passphrase))
                    return e;
            }
            ssh_key key = nullptr;
            const QByteArray path = QFile::encodeName(m_credentials.keyFile);
            const int rc = ssh_pki_import_privkey_file(path.constData(),
                                                       passphrase.isEmpty() ? nullptr : passphrase.constData(),
                                                       nullptr, nullptr, &key);
            SecretResolver::wipe(passphrase);
            if (rc != SSH_OK || !key)
                return Error(ErrorCode::AuthFailed,
                             QStringLiteral("The private key %1 of credential profile \"%2\" could not be read: check "
                                            "that the file exists and is readable, and that its passphrase (%3) is "
                                            "right.")
                                 .arg(m_credentials.keyFile, m_credentials.name,
                                      m_credentials.secret.isEmpty() ? QStringLiteral("none configured")
                                                                     : m_credentials.secret));
            const int auth = ssh_userauth_publickey(m_session, nullptr, key);
            ssh_key_free(key);
            if (auth == SSH_AUTH_SUCCESS)
                return {};
            if (auth == SSH_AUTH_ERROR && !ssh_is_connected(m_session))
                return sessionError(QStringLiteral("logging in"));
        }
    } else if (!m_credentials.secret.isEmpty()
               && (methods & (SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_INTERACTIVE))) {
        QByteArray password;
        if (Error e = resolveSecret(&password))
            return e;
        int rc = SSH_AUTH_DENIED;
        if (methods & SSH_AUTH_METHOD_PASSWORD) {
            tried << QStringLiteral("password");
            rc = ssh_userauth_password(m_session, nullptr, password.constData());
        }
        if (rc != SSH_AUTH_SUCCESS && rc != SSH_AUTH_ERROR && (methods & SSH_AUTH_METHOD_INTERACTIVE)) {
            tried << QStringLiteral("keyboard-interactive");
            rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
            for (int round = 0; rc == SSH_AUTH_INFO && round < 4; ++round) {
                const int prompts = ssh_userauth_kbdint_getnprompts(m_session);
                for (int i = 0; i < prompts; ++i) {
                    char echo = 0;
                    ssh_userauth_kbdint_getprompt(m_session, unsigned(i), &echo);
                    // Hidden prompts ask for the password; visible ones (rare) get an empty answer.
                    ssh_userauth_kbdint_setanswer(m_session, unsigned(i), echo ? "" : password.constData());
                }
                rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
            }
        }
        SecretResolver::wipe(password);
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_ERROR && !ssh_is_connected(m_session))
            return sessionError(QStringLiteral("logging in"));
    }

    return Error(ErrorCode::AuthFailed,
                 QStringLiteral("%1 refused the login of user \"%2\" (credential profile \"%3\"; tried: %4). Check "
                                "the user name, the key or the secret \"%5\", and that the router allows this "
                                "login method.")
                     .arg(who(), m_effective.target.user.value, m_credentials.name,
                          tried.isEmpty() ? QStringLiteral("no method the router offers") : tried.join(QStringLiteral(", ")),
                          m_credentials.secret),
                 sshErrorText(m_session));
}

Result<QList<CommandOutput>> SshTransport::run(const QStringList &commands, const ExecOptions &options)
{
    // Every command passes the read-only guard before anything is sent, so a refused one in
    // the middle of a list does not leave the first ones already run.
    for (const QString &c : commands) {
        if (Error e = m_profile.guard.check(c))
            return e;
    }
    QList<CommandOutput> outputs;
    for (const QString &command : commands) {
        Attempt attempt;
        for (int round = 0; round < 2; ++round) {
            if (Error e = ensureSession(options))
                return e;
            attempt = m_profile.mode == SessionProfile::Mode::Shell ? shellOnce(command, options)
                                                                    : execOnce(command, options);
            if (!attempt.error)
                break;
            if (attempt.sessionDead)
                closeSession();
            // A session that died before answering is retried once on a fresh one (e.g. the router
            // dropped an idle session); once output arrived, the failure is the answer.
            if (!(attempt.sessionDead && attempt.received == 0 && round == 0))
                return attempt.error;
        }
        outputs.append(std::move(attempt.output));
    }
    return outputs;
}

// Long on purpose: one SSH channel's life (guard, open, exec, read under limit and deadline, close).
SshTransport::Attempt SshTransport::execOnce(const QString &command, const ExecOptions &options)
{
    Attempt a;
    a.output.command = command;
    // Right before sending: the guard once more, then the platform's wrapper.
    if (Error e = m_profile.guard.check(command)) {
        a.error = e;
        return a;
    }
    const QString wire = m_profile.execWrapper.isEmpty() ? command : m_profile.execWrapper.arg(command);
    const long timeoutUsec = long(qMax(1, options.commandTimeoutMs)) * 1000;
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT_USEC, &timeoutUsec);

    QElapsedTimer clock;
    clock.start();
    const QDeadlineTimer deadline(options.commandTimeoutMs);
    ssh_channel ch = ssh_channel_new(m_session);
    if (!ch) {
        a.sessionDead = true;
        a.error = sessionError(QStringLiteral("opening a channel"));
        return a;
    }
    auto finish = [&](bool abort) {
        if (abort && ssh_channel_is_open(ch))
            ssh_channel_request_send_signal(ch, "TERM");
        if (ssh_is_connected(m_session) && ssh_channel_is_open(ch))
            ssh_channel_close(ch);
        ssh_channel_free(ch);
    };
    if (ssh_channel_open_session(ch) != SSH_OK) {
        a.sessionDead = true;
        a.error = sessionError(QStringLiteral("opening a channel"));
        finish(false);
        return a;
    }
    const QByteArray wireBytes = wire.toUtf8();
    if (ssh_channel_request_exec(ch, wireBytes.constData()) != SSH_OK) {
        a.sessionDead = !ssh_is_connected(m_session);
        a.error = a.sessionDead ? sessionError(QStringLiteral("sending a command"))
                                : Error(ErrorCode::ConnectionLost,
                                        QStringLiteral("%1 refused to run a command on its SSH channel: the router "
                                                       "may not support exec channels for this platform.")
                                            .arg(who()),
                                        sshErrorText(m_session));
        finish(false);
        return a;
    }

    QByteArray out;
    QByteArray err;
    QByteArray buf(kReadChunk, Qt::Uninitialized);
    // Reads what stderr holds now; false when the channel failed. It stops at the output limit
    // and at the deadline too: a flood on stderr never pauses long enough to end the loop.
    auto drainStderr = [&]() -> bool {
        while (a.received <= options.maxOutputBytes && !deadline.hasExpired()) {
            const int avail = ssh_channel_poll(ch, 1);
            if (avail <= 0)
                return avail != SSH_ERROR;
            const int n = ssh_channel_read_nonblocking(ch, buf.data(), uint32_t(qMin(avail, kReadChunk)), 1);
            if (n < 0)
                return false;
            if (n == 0)
                return true;
            a.received += n;
            if (a.received <= options.maxOutputBytes)
                appendBounded(err, buf.constData(), n, options.maxOutputBytes - out.size());
        }
        return true;
    };
    for (;;) {
        if (isCancelled(options)) {
            finish(true);
            a.error = Error(ErrorCode::Cancelled, QStringLiteral("The request was cancelled; %1 stopped sending.").arg(who()));
            return a;
        }
        if (deadline.hasExpired()) {
            finish(true);
            a.error = Error(ErrorCode::Timeout,
                            QStringLiteral("%1 did not finish answering \"%2\" within %3 s (%4 bytes received). The "
                                           "router may be busy or the output very large; try again or raise the "
                                           "command timeout.")
                                .arg(who(), command)
                                .arg(options.commandTimeoutMs / 1000.0)
                                .arg(a.received));
            return a;
        }
        const int slice = int(qBound(qint64(1), deadline.remainingTime(), qint64(m_settings.pollSliceMs)));
        const int avail = ssh_channel_poll_timeout(ch, slice, 0);
        if (avail == SSH_ERROR || !drainStderr()) {
            a.sessionDead = !ssh_is_connected(m_session);
            a.error = sessionError(QStringLiteral("reading the answer to \"%1\"").arg(command));
            finish(false);
            return a;
        }
        if (avail > 0) {
            const int n = ssh_channel_read_nonblocking(ch, buf.data(), uint32_t(qMin(avail, kReadChunk)), 0);
            if (n < 0) {
                a.sessionDead = !ssh_is_connected(m_session);
                a.error = sessionError(QStringLiteral("reading the answer to \"%1\"").arg(command));
                finish(false);
                return a;
            }
            a.received += n;
            if (a.received <= options.maxOutputBytes)
                appendBounded(out, buf.constData(), n, options.maxOutputBytes - err.size());
        }
        if (a.received > options.maxOutputBytes) {
            finish(true);
            a.error = outputTooLargeError(QStringLiteral("The answer of %1 to \"%2\"").arg(who(), command),
                                          options.maxOutputBytes);
            return a;
        }
        if (avail == SSH_EOF) {
            // A channel closed without EOF-and-exit when the session itself died.
            if (!ssh_is_connected(m_session)) {
                a.sessionDead = true;
                a.error = sessionError(QStringLiteral("reading the answer to \"%1\"").arg(command));
                finish(false);
                return a;
            }
            break;
        }
    }
    drainStderr();
    if (a.received > options.maxOutputBytes) { // stderr's last part took it over the limit
        finish(true);
        a.error = outputTooLargeError(QStringLiteral("The answer of %1 to \"%2\"").arg(who(), command),
                                      options.maxOutputBytes);
        return a;
    }
    a.output.exitStatus = ssh_channel_get_exit_status(ch);
    finish(false);
    if (!err.isEmpty())
        appendBounded(out, err.constData(), err.size(), options.maxOutputBytes);
    a.output.output = std::move(out);
    a.output.elapsedMs = clock.elapsed();
    return a;
}

Error SshTransport::ensureShell(const ExecOptions &options)
{
    if (m_shell && ssh_channel_is_open(m_shell) && !ssh_channel_is_eof(m_shell))
        return {};
    closeShell();
    const long timeoutUsec = long(qMax(1, options.commandTimeoutMs)) * 1000;
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT_USEC, &timeoutUsec);
    m_shell = ssh_channel_new(m_session);
    if (!m_shell || ssh_channel_open_session(m_shell) != SSH_OK) {
        closeShell();
        return sessionError(QStringLiteral("opening a shell"));
    }
    const QByteArray term = m_settings.ptyTerminal.toLatin1();
    if (ssh_channel_request_pty_size(m_shell, term.constData(), m_settings.ptyColumns, m_settings.ptyRows) != SSH_OK
        || ssh_channel_request_shell(m_shell) != SSH_OK) {
        const bool dead = !ssh_is_connected(m_session);
        closeShell();
        if (dead)
            return sessionError(QStringLiteral("opening a shell"));
        return Error(ErrorCode::ConnectionLost,
                     QStringLiteral("%1 refused an interactive shell: check that the user may log in to the CLI.")
                         .arg(who()),
                     sshErrorText(m_session));
    }
    // Banner and MOTD come first; the first prompt tells us the session is ready.
    QByteArray raw;
    if (Error e = readUntilPrompt(m_shell, raw, QDeadlineTimer(options.commandTimeoutMs), options, QString(), true)) {
        closeShell();
        return e;
    }
    const qsizetype nl = raw.lastIndexOf('\n');
    m_prompt = QString::fromUtf8(SshTerminalText::clean(raw.mid(nl + 1))).trimmed();
    for (const QString &setup : std::as_const(m_profile.setupCommands)) {
        if (Error e = m_profile.guard.check(setup)) {
            closeShell();
            return e;
        }
        const QByteArray line = setup.toUtf8() + '\n';
        if (ssh_channel_write(m_shell, line.constData(), uint32_t(line.size())) != int(line.size())) {
            closeShell();
            return sessionError(QStringLiteral("setting up the CLI"));
        }
        raw.clear();
        if (Error e = readUntilPrompt(m_shell, raw, QDeadlineTimer(options.commandTimeoutMs), options, setup, false)) {
            closeShell();
            return e;
        }
    }
    return {};
}

Error SshTransport::readUntilPrompt(ssh_channel ch, QByteArray &raw, const QDeadlineTimer &deadline,
                                    const ExecOptions &options, const QString &command, bool nudge)
{
    QByteArray buf(kReadChunk, Qt::Uninitialized);
    QElapsedTimer sinceStart;
    sinceStart.start();
    qint64 received = 0;
    // Where the last line of raw starts, kept up to date from each new piece: looking for the
    // prompt in the whole last line after every read was quadratic (an 8 MiB line without a
    // break had not come through in 120 s).
    qsizetype lineStart = raw.lastIndexOf('\n') + 1;
    const QString what = command.isEmpty() ? QStringLiteral("the first prompt")
                                           : QStringLiteral("the answer to \"%1\"").arg(command);
    for (;;) {
        if (isCancelled(options))
            return Error(ErrorCode::Cancelled, QStringLiteral("The request was cancelled; %1 stopped sending.").arg(who()));
        if (deadline.hasExpired())
            return Error(ErrorCode::Timeout,
                         QStringLiteral("%1 did not finish %2 within %3 s (no prompt seen after %4 bytes). The router "
                                        "may be busy, or its prompt does not match the platform's prompt pattern.")
                             .arg(who(), what)
                             .arg(options.commandTimeoutMs / 1000.0)
                             .arg(received));
        if (nudge && received == 0 && sinceStart.elapsed() > m_settings.promptNudgeMs) {
            // Some CLIs print their prompt only after a key press.
            nudge = false;
            ssh_channel_write(ch, "\n", 1);
        }
        const int slice = int(qBound(qint64(1), deadline.remainingTime(), qint64(m_settings.pollSliceMs)));
        const int avail = ssh_channel_poll_timeout(ch, slice, 0);
        if (avail == SSH_ERROR || avail == SSH_EOF) {
            Error e = sessionError(QStringLiteral("reading %1").arg(what));
            if (avail == SSH_EOF && ssh_is_connected(m_session))
                e.message = QStringLiteral("%1 closed its CLI while sending %2.").arg(who(), what);
            return e;
        }
        if (avail == 0)
            continue;
        const int n = ssh_channel_read_nonblocking(ch, buf.data(), uint32_t(qMin(avail, kReadChunk)), 0);
        if (n < 0)
            return sessionError(QStringLiteral("reading %1").arg(what));
        received += n;
        if (received <= options.maxOutputBytes)
            appendBounded(raw, buf.constData(), n, options.maxOutputBytes);
        if (received > options.maxOutputBytes)
            return outputTooLargeError(QStringLiteral("The answer of %1 to \"%2\"").arg(who(), command),
                                       options.maxOutputBytes);
        const qsizetype newNl = QByteArrayView(raw).sliced(raw.size() - n).lastIndexOf('\n');
        if (newNl >= 0)
            lineStart = raw.size() - n + newNl + 1;
        // A prompt or a pager line is short: the end of the last line is enough to recognise it.
        const QByteArray tail = SshTerminalText::clean(raw.mid(qMax(lineStart, raw.size() - kPromptWindow)));
        if (SshTerminalText::isPagerPrompt(tail)) {
            // Paging could not be turned off: drop the pager line and ask for the next page.
            raw.truncate(lineStart);
            if (ssh_channel_write(ch, " ", 1) != 1)
                return sessionError(QStringLiteral("reading %1").arg(what));
            continue;
        }
        if (SshTerminalText::isPrompt(m_promptRe, tail, m_prompt))
            return {};
    }
}

SshTransport::Attempt SshTransport::shellOnce(const QString &command, const ExecOptions &options)
{
    Attempt a;
    a.output.command = command;
    if (Error e = ensureShell(options)) {
        a.sessionDead = m_session == nullptr || !ssh_is_connected(m_session);
        a.error = e;
        return a;
    }
    if (Error e = m_profile.guard.check(command)) {
        a.error = e;
        return a;
    }
    QElapsedTimer clock;
    clock.start();
    const QByteArray line = command.toUtf8() + '\n';
    if (ssh_channel_write(m_shell, line.constData(), uint32_t(line.size())) != int(line.size())) {
        a.sessionDead = !ssh_is_connected(m_session);
        a.error = sessionError(QStringLiteral("sending \"%1\"").arg(command));
        closeShell();
        return a;
    }
    QByteArray raw;
    if (Error e = readUntilPrompt(m_shell, raw, QDeadlineTimer(options.commandTimeoutMs), options, command, false)) {
        // The CLI is in an unknown state (half an answer, a pager): start a new shell next time.
        a.received = raw.size();
        a.sessionDead = e.code == ErrorCode::ConnectionLost && !ssh_is_connected(m_session);
        a.error = e;
        closeShell();
        return a;
    }
    a.received = raw.size();
    a.output.output = SshTerminalText::commandAnswer(SshTerminalText::clean(raw), command.toUtf8());
    a.output.elapsedMs = clock.elapsed();
    return a;
}

Error SshTransport::acceptHostKey(const Router &router, const QString &fingerprint, int connectTimeoutMs,
                                  const SshSettings &settings)
{
    initLibssh();
    SshSettings checkOnly = settings;
    checkOnly.acceptNewHostKeys = false; // only the fingerprint the person accepted may be written
    const SshEffectiveSettings eff = effectiveSettings(router, CredentialProfile{}, checkOnly, connectTimeoutMs);
    if (eff.error)
        return eff.error;
    SshEndpoint target = eff.target;
    target.strictHostKeyChecking.value = QStringLiteral("yes");
    ssh_session s = ssh_new();
    if (!s)
        return Error(ErrorCode::InternalError, QStringLiteral("libssh could not create a session (out of memory?)."));
    std::vector<std::unique_ptr<SshChannelBridge>> jumps; // every jump host's key is checked as in a query
    auto done = [&](Error e) {
        if (ssh_is_connected(s))
            ssh_disconnect(s);
        ssh_free(s);
        while (!jumps.empty())
            jumps.pop_back();
        return e;
    };
    if (Error e = connectChain(s, eff, checkOnly, nullptr, jumps))
        return done(e);
    const Error state = verifyHostKey(s, target);
    if (!state)
        return done({}); // already known and matching
    if (state.code != ErrorCode::HostKeyUnknown || state.detail != fingerprint) {
        if (state.code == ErrorCode::HostKeyUnknown)
            return done(Error(ErrorCode::HostKeyUnknown,
                              QStringLiteral("Router %1 (%2) now presents host key %3, not %4 as accepted: nothing "
                                             "was written. Check the fingerprint with the router's administrator.")
                                  .arg(router.name, target.hostPort(), state.detail, fingerprint),
                              state.detail));
        return done(state);
    }
    if (Error e = recordHostKey(s, target))
        return done(e);
    EventLog::instance().info(QLatin1String(HostKeyLogSource),
                              QStringLiteral("Router %1 (%2): host key %3 accepted into %4.")
                                  .arg(router.name, target.hostPort(), fingerprint, target.knownHosts.value));
    return done({});
}

Result<HostKeyProbe> SshTransport::probeHostKey(const Router &router, int connectTimeoutMs, const SshSettings &settings)
{
    initLibssh();
    SshSettings checkOnly = settings;
    checkOnly.acceptNewHostKeys = false;
    const SshEffectiveSettings eff = effectiveSettings(router, CredentialProfile{}, checkOnly, connectTimeoutMs);
    if (eff.error)
        return eff.error;
    ssh_session s = ssh_new();
    if (!s)
        return Error(ErrorCode::InternalError, QStringLiteral("libssh could not create a session (out of memory?)."));
    std::vector<std::unique_ptr<SshChannelBridge>> jumps;
    auto done = [&](Result<HostKeyProbe> r) {
        if (ssh_is_connected(s))
            ssh_disconnect(s);
        ssh_free(s);
        while (!jumps.empty())
            jumps.pop_back();
        return r;
    };
    if (Error e = connectChain(s, eff, checkOnly, nullptr, jumps))
        return done(e);
    const Result<ServerKey> key = serverKey(s);
    if (!key)
        return done(key.error());
    HostKeyProbe probe;
    probe.keyType = key->type;
    probe.fingerprint = key->fingerprint;
    probe.file = eff.target.knownHosts.value;
    probe.hostName = knownHostsName(eff.target);
    switch (ssh_session_is_known_server(s)) {
    case SSH_KNOWN_HOSTS_OK:
        probe.state = HostKeyProbe::State::Known;
        break;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        probe.state = HostKeyProbe::State::Changed;
        break;
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        probe.state = HostKeyProbe::State::Unknown;
        break;
    case SSH_KNOWN_HOSTS_ERROR:
        return done(Error(ErrorCode::HostKeyUnknown,
                          QStringLiteral("The known hosts file %1 could not be read to check router %2's host key "
                                         "(fingerprint %3): check that the file is readable and well formed.")
                              .arg(probe.file, router.name, probe.fingerprint),
                          probe.fingerprint));
    }
    const Result<QList<KnownHostKey>> recorded = KnownHostsFile(probe.file).keysFor(probe.hostName);
    if (recorded)
        probe.recorded = *recorded;
    return done(probe);
}

} // namespace rl
