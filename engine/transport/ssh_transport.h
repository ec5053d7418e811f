#pragma once

#include "engine/api/error.h"
#include "engine/inventory/inventory.h"
#include "engine/transport/known_hosts_file.h"
#include "engine/transport/ssh_effective_settings.h"
#include "engine/transport/transport.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QString>

#include <memory>
#include <vector>

struct ssh_session_struct;
struct ssh_channel_struct;

namespace rl {

class SecretResolver;
class SshChannelBridge;

// Tunables of the SSH transport (engine settings feed them; the defaults suit most routers).
struct SshSettings {
    int pollSliceMs = 20;        // a read loop looks at the cancel flag at least this often
    int ptyColumns = 511;        // wide, so that CLIs do not wrap long lines
    int ptyRows = 24;
    QString ptyTerminal = QStringLiteral("vt100");
    int promptNudgeMs = 2000;    // shell: send an empty line once when no prompt came after this
    // Used when a SessionProfile sets no promptPattern: a hostname-like word (dots, slashes,
    // colons, parentheses allowed) ending in # > $ or %.
    QString defaultPromptPattern = QStringLiteral(R"([\w.\-/:@~()\[\]]{1,160}[#>$%])");
    QString kexAlgorithms;       // e.g. "curve25519-sha256"; empty: libssh's defaults
    QString hostKeyAlgorithms;   // e.g. "ssh-ed25519"; empty: libssh's defaults (known keys first)
    // Trust on first use (routerlens-cli --accept-new-host-keys): a host key never recorded for
    // the router is recorded and the session goes on; a changed key is refused as always.
    bool acceptNewHostKeys = false;
    // The OpenSSH client config read for every router and jump host (Host, HostName, User, Port,
    // IdentityFile, IdentitiesOnly, ProxyJump, ConnectTimeout, StrictHostKeyChecking,
    // UserKnownHostsFile). Empty: none (the engine's setting names ~/.ssh/config by default).
    QString sshConfigFile;
};

// The EventLog source of every host key RouterLens records, so front ends can say so.
inline constexpr char HostKeyLogSource[] = "host-keys";

// What a router presents against what its known_hosts file records (SshTransport::probeHostKey).
struct HostKeyProbe {
    enum class State : quint8 { Known, Unknown, Changed };
    State state = State::Unknown;
    QString keyType;             // of the key the router presents, e.g. "ssh-ed25519"
    QString fingerprint;         // "SHA256:..." of that key
    QString file;                // the known_hosts file checked
    QString hostName;            // the name it is recorded under: "host" or "[host]:port"
    QList<KnownHostKey> recorded; // what the file holds for that name (the old key when Changed)
};

// One router over SSH (libssh). Keeps one session open across run() calls and reopens it when it
// dropped; Exec mode opens one channel per command, Shell mode keeps one PTY shell per session.
// Blocking; called from one worker thread at a time.
class SshTransport final : public Transport
{
public:
    SshTransport(Router router, CredentialProfile credentials, SessionProfile profile,
                 std::shared_ptr<const SecretResolver> secrets, SshSettings settings = {});
    ~SshTransport() override;
    SshTransport(const SshTransport &) = delete;
    SshTransport &operator=(const SshTransport &) = delete;

    Result<QList<CommandOutput>> run(const QStringList &commands, const ExecOptions &options) override;
    void close() override;
    bool isOpen() const override;

    // Sessions opened so far (metrics, tests).
    int connectCount() const { return m_connectCount; }

    // The known_hosts file checked for this router: its own, or ~/.ssh/known_hosts.
    static QString knownHostsPath(const Router &router);
    // The same with the ssh config applied (its UserKnownHostsFile when the inventory names none).
    static QString knownHostsPath(const Router &router, const SshSettings &settings);
    // What a session to this router uses, and where each value came from (routers --show-ssh).
    static SshEffectiveSettings effectiveSettings(const Router &router, const CredentialProfile &credentials,
                                                  const SshSettings &settings, int connectTimeoutMs = 10000);
    // Connects (no login), and when the router's host key has exactly this SHA256 fingerprint
    // ("SHA256:..."), appends it to the router's known_hosts file. A different fingerprint, or a
    // key that conflicts with one already recorded, is refused and nothing is written.
    static Error acceptHostKey(const Router &router, const QString &fingerprint, int connectTimeoutMs = 10000,
                               const SshSettings &settings = {});
    // Connects (no login) and compares the router's host key with its known_hosts file. Writes
    // nothing.
    static Result<HostKeyProbe> probeHostKey(const Router &router, int connectTimeoutMs = 10000,
                                             const SshSettings &settings = {});

private:
    struct Attempt;

    Error ensureSession(const ExecOptions &options);
    void closeSession();
    Error authenticate();
    void closeJumps();
    Error ensureShell(const ExecOptions &options);
    void closeShell();
    Attempt execOnce(const QString &command, const ExecOptions &options);
    Attempt shellOnce(const QString &command, const ExecOptions &options);
    Error readUntilPrompt(ssh_channel_struct *channel, QByteArray &raw, const QDeadlineTimer &deadline,
                          const ExecOptions &options, const QString &command, bool nudge);
    Error sessionError(const QString &what) const;
    QString who() const;

    Router m_router;
    CredentialProfile m_credentials;
    SessionProfile m_profile;
    std::shared_ptr<const SecretResolver> m_secrets;
    SshSettings m_settings;
    QRegularExpression m_promptRe;
    SshEffectiveSettings m_effective; // resolved again for every new session (the config may change)

    ssh_session_struct *m_session = nullptr;
    std::vector<std::unique_ptr<SshChannelBridge>> m_jumps; // the hops m_session goes through, in order
    ssh_channel_struct *m_shell = nullptr;
    QString m_prompt; // the shell's prompt as first seen; later prompts must equal it
    int m_connectCount = 0;
};

} // namespace rl
