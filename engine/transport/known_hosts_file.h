#pragma once

#include "engine/api/error.h"

#include <QList>
#include <QString>

struct ssh_key_struct;

namespace rl {

// One host key recorded in a known_hosts file.
struct KnownHostKey {
    QString keyType;     // "ssh-ed25519", "ecdsa-sha2-nistp256", ...
    QString fingerprint; // "SHA256:...", as ssh-keygen -l prints it
    int line = 0;        // 1-based line in the file
};

// An OpenSSH known_hosts file, the one SshTransport verifies host keys against. Reading uses
// libssh's own line matching (plain names, [host]:port, patterns, hashed names), so what is
// listed here is what a connection is checked against. Writing new keys stays with libssh
// (SshTransport); this class only lists and removes.
class KnownHostsFile
{
public:
    explicit KnownHostsFile(QString path);

    QString path() const { return m_path; }

    // How known_hosts names a router: "host" on port 22, "[host]:port" otherwise (lower case,
    // as libssh and ssh-keygen -R write and look it up).
    static QString hostName(const QString &host, int port);
    // A libssh key's type name and SHA256 fingerprint ("SHA256:...", as ssh-keygen -l prints it).
    static QString keyType(ssh_key_struct *key);
    static QString fingerprint(ssh_key_struct *key);

    // The keys recorded for `hostName`. A missing file records none; an unreadable one is an
    // error. Lines libssh cannot read (an unknown key type, @cert-authority) are skipped, as
    // the check skips them.
    Result<QList<KnownHostKey>> keysFor(const QString &hostName) const;

    // Removes every entry naming exactly `hostName` (plain or hashed): a line naming only it
    // goes, a line naming others too keeps them. Comments, other hosts and wildcard patterns
    // stay. Returns the number of keys removed; the file keeps its permissions.
    Result<int> remove(const QString &hostName);

private:
    QString m_path;
};

} // namespace rl
