#include "engine/transport/known_hosts_file.h"

#include <QByteArrayList>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QSaveFile>

#include <libssh/libssh.h>

namespace rl {

namespace {

// Comments, blank lines and marker lines (@cert-authority, @revoked) name no plain host key.
bool isEntryLine(const QByteArray &line)
{
    const QByteArray t = line.trimmed();
    return !t.isEmpty() && !t.startsWith('#') && !t.startsWith('@');
}

// "|1|salt|hash": HMAC-SHA1 of the host name keyed with the salt (ssh's HashKnownHosts).
bool hashedNameMatches(const QByteArray &pattern, const QByteArray &hostName)
{
    if (!pattern.startsWith("|1|"))
        return false;
    const QByteArrayList parts = pattern.mid(3).split('|');
    if (parts.size() != 2)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[0]);
    const QByteArray hash = QByteArray::fromBase64(parts[1]);
    return !salt.isEmpty()
           && QMessageAuthenticationCode::hash(hostName, salt, QCryptographicHash::Sha1) == hash;
}

// One host pattern of a line names exactly this host (no wildcards: those name many hosts and
// are left for a person to edit).
bool namesExactly(const QByteArray &pattern, const QByteArray &hostName)
{
    if (pattern.startsWith('|'))
        return hashedNameMatches(pattern, hostName);
    QByteArray p = pattern.toLower();
    if (p.startsWith('[') && p.endsWith("]:22")) // [host]:22 is how some tools write port 22
        p = p.mid(1, p.size() - 5);
    return p == hostName;
}

} // namespace

QString KnownHostsFile::keyType(ssh_key key)
{
    return QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
}

QString KnownHostsFile::fingerprint(ssh_key key)
{
    unsigned char *hash = nullptr;
    size_t len = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &len) != SSH_OK)
        return {};
    char *fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, len);
    ssh_clean_pubkey_hash(&hash);
    const QString out = QString::fromLatin1(fp);
    ssh_string_free_char(fp);
    return out;
}

namespace {

Error unreadable(const QString &path, const QString &why)
{
    return Error(ErrorCode::InternalError,
                 QStringLiteral("The known hosts file %1 cannot be read: %2. Check that it exists and is readable.")
                     .arg(path, why));
}

} // namespace

KnownHostsFile::KnownHostsFile(QString path)
    : m_path(std::move(path))
{
}

QString KnownHostsFile::hostName(const QString &host, int port)
{
    const QString h = host.toLower();
    return port == 22 || port <= 0 ? h : QStringLiteral("[%1]:%2").arg(h).arg(port);
}

Result<QList<KnownHostKey>> KnownHostsFile::keysFor(const QString &hostName) const
{
    QList<KnownHostKey> keys;
    QFile f(m_path);
    if (!f.exists())
        return keys;
    if (!f.open(QIODevice::ReadOnly))
        return unreadable(m_path, f.errorString());
    const QByteArray name = hostName.toUtf8();
    int lineNo = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        ++lineNo;
        if (!isEntryLine(line))
            continue;
        ssh_knownhosts_entry *entry = nullptr;
        if (ssh_known_hosts_parse_line(name.constData(), line.constData(), &entry) != SSH_OK || !entry)
            continue; // another host (SSH_AGAIN), or a line libssh cannot read
        if (entry->publickey)
            keys.append({keyType(entry->publickey), fingerprint(entry->publickey), lineNo});
        ssh_knownhosts_entry_free(entry);
    }
    return keys;
}

Result<int> KnownHostsFile::remove(const QString &hostName)
{
    QFile f(m_path);
    if (!f.exists())
        return 0;
    if (!f.open(QIODevice::ReadOnly))
        return unreadable(m_path, f.errorString());
    const QByteArray name = hostName.toLower().toUtf8();
    QByteArray kept;
    int removed = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        if (!isEntryLine(line)) {
            kept += line;
            continue;
        }
        // "patterns keytype key [comment]": only the first field names hosts.
        const QByteArray body = line.trimmed();
        qsizetype end = 0;
        while (end < body.size() && body[end] != ' ' && body[end] != '\t')
            ++end;
        QByteArrayList others;
        bool named = false;
        for (const QByteArray &pattern : body.left(end).split(',')) {
            if (namesExactly(pattern, name))
                named = true;
            else
                others.append(pattern);
        }
        if (!named) {
            kept += line;
            continue;
        }
        ++removed;
        if (!others.isEmpty())
            kept += others.join(',') + body.mid(end) + '\n';
    }
    f.close();
    if (removed == 0)
        return 0;
    const QFile::Permissions perms = QFileInfo(m_path).permissions();
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly) || out.write(kept) != kept.size() || !out.commit())
        return Error(ErrorCode::InternalError,
                     QStringLiteral("The known hosts file %1 could not be rewritten: %2. Check that it and its folder "
                                    "are writable; nothing was changed.")
                         .arg(m_path, out.errorString()));
    QFile::setPermissions(m_path, perms);
    return removed;
}

} // namespace rl
