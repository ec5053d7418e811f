#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace rl::testing {

// A private OpenSSH server on 127.0.0.1 for transport tests and benchmarks. Needs root (it
// creates the login user `rltest` when missing and sets its password). Everything it writes
// lives in one temporary folder; the server and its session processes are ended by PID.
class TestSshd
{
public:
    struct Options {
        QString user = QStringLiteral("rltest");
        // What every login runs; empty: the fake router CLI (fake_router.sh) which also runs exec
        // commands and logs everything it received.
        QString forceCommand;
        int maxStartups = 10;
        int maxSessions = 10;
        QStringList extraConfig;
    };

    TestSshd();
    ~TestSshd();

    // Starts the server; on failure returns false and says why.
    bool start(const Options &options, QString *why);
    void stop();
    // Swaps in the server's other host key and restarts it on the same port: what a reinstalled
    // router (or someone in the middle) looks like to a client. hostPublicKey() and
    // hostFingerprint() then give the new key; writeKnownHosts(name, true) the old one.
    bool rotateHostKey(QString *why);

    int port() const { return m_port; }
    QString user() const { return m_options.user; }
    QString password() const { return m_password; }
    QString dir() const { return m_dir ? m_dir->path() : QString(); }
    QString clientKey() const { return dir() + QStringLiteral("/client_ed25519"); }
    QString encryptedClientKey() const { return dir() + QStringLiteral("/client_enc"); }
    QString keyPassphrase() const { return QStringLiteral("rl-test-passphrase"); }
    QString hostPublicKey() const; // "ssh-ed25519 AAAA..." of the server
    QString hostFingerprint() const; // "SHA256:..." per ssh-keygen
    // Writes a known_hosts file with the server's key (or another key when `wrongKey`).
    QString writeKnownHosts(const QString &name, bool wrongKey = false) const;

    // Commands the fake router saw: "exec:<cmd>" and "shell:<line>" lines.
    QByteArray received() const;
    // Logins the server accepted so far (from its log).
    int acceptedLogins() const;
    // Ends every per-connection process of the server (as if the router dropped all sessions).
    int killSessions();

    static QString run(const QString &program, const QStringList &args, const QByteArray &input = {},
                       int *exitCode = nullptr);

private:
    bool prepareUser(QString *why);
    bool launch(QString *why);
    QList<qint64> childPids() const;

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_sshd;
    int m_port = 0;
    QString m_password;
};

} // namespace rl::testing
