#pragma once

#include "engine/api/error.h"
#include "engine/inventory/ssh_jump_hop.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rl {

// A value read from an OpenSSH client config, with where it was written ("file:line").
template<typename T>
struct SshConfigValue {
    T value{};
    QString where;
};

// What an OpenSSH client config file says about one host name, for the keywords RouterLens uses.
// As OpenSSH: for each keyword the first value obtained wins; IdentityFile accumulates.
struct SshConfigHost {
    std::optional<SshConfigValue<QString>> hostName;
    std::optional<SshConfigValue<QString>> user;
    std::optional<SshConfigValue<int>> port;
    QList<SshConfigValue<QString>> identityFiles; // ~ and %d/%h/%r/%u/%% expanded
    std::optional<SshConfigValue<bool>> identitiesOnly;
    std::optional<SshConfigValue<QString>> proxyJump;      // as written; "none" kept
    std::optional<SshConfigValue<QString>> proxyCommand;   // only to say it is not used
    std::optional<SshConfigValue<int>> connectTimeoutSeconds;
    std::optional<SshConfigValue<QString>> strictHostKeyChecking; // lower case: yes, no, ask, accept-new, off
    std::optional<SshConfigValue<QString>> userKnownHostsFile;    // the first file of the list, expanded
};

// An OpenSSH client config (ssh_config(5)): Host blocks with patterns (*, ?, !negation, several per
// line), "Match all", Include (relative to ~/.ssh, wildcards in the file name), "keyword value" and
// "keyword=value", quoted arguments, comments.
//
// Why our own reader and not libssh's ssh_options_parse_config: libssh 0.10 applies the file to a
// session and has no getter for ConnectTimeout, StrictHostKeyChecking or IdentitiesOnly, returns only
// one IdentityFile, and rewrites ProxyJump into a ProxyCommand that runs OpenSSH's ssh (which
// RouterLens must not do: it makes its own jumps, checking every hop's host key itself). Recovering
// the jump spec from that command line would break with any libssh change. A person also needs to
// see where a value came from (file and line), which libssh cannot tell. Everything else libssh
// would read (ciphers, ...) is not used: RouterLens's own settings choose those.
class SshConfigFile
{
public:
    SshConfigFile() = default;

    // ~/.ssh/config
    static QString defaultPath();
    // A missing file is an empty config, not an error (OpenSSH reads it the same way); an
    // unreadable one is an error naming it.
    static Result<SshConfigFile> load(const QString &path);
    static SshConfigFile parse(const QByteArray &text, const QString &fileName);

    // The settings for `host` (the name as typed after "ssh"). %h in HostName is host; in
    // IdentityFile and UserKnownHostsFile, %h is the HostName, %r the user.
    SshConfigHost lookup(const QString &host) const;

    QString fileName() const { return m_fileName; }
    // What was not understood: a Match other than "all", an unreadable Include, a bad value.
    const QStringList &warnings() const { return m_warnings; }

    // OpenSSH's pattern rules for one pattern list ("*.example.net !bastion*").
    static bool matchesPatternList(const QString &host, const QStringList &patterns);

private:
    struct Line {
        QString keyword; // lower case
        QStringList args;
        QString where;
    };
    void parseInto(const QByteArray &text, const QString &fileName, int depth);

    QString m_fileName;
    QList<Line> m_lines; // Includes already spliced in, in order
    QStringList m_warnings;
};

} // namespace rl
