#include "server/token_store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>

namespace rl {

namespace {

constexpr int kFormat = 1;
const QString kPrefix = QStringLiteral("rlt_");

QByteArray hashOf(QByteArrayView token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

// Compares two digests in time that does not depend on where they differ.
bool sameDigest(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QByteArray randomBytes(int n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    QRandomGenerator *rng = QRandomGenerator::system();
    for (int i = 0; i < n; i += 4) {
        const quint32 v = rng->generate();
        for (int k = 0; k < 4 && i + k < n; ++k)
            bytes[i + k] = char((v >> (8 * k)) & 0xff);
    }
    return bytes;
}

Error storeError(const QString &path, const QString &why)
{
    return Error(ErrorCode::InventoryError, QStringLiteral("The token file %1 %2").arg(path, why));
}

} // namespace

TokenStore::TokenStore(QString path)
    : m_path(std::move(path))
{
}

Error TokenStore::refreshIfChanged()
{
    if (m_path.isEmpty())
        return {};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_lastLookMs >= 0 && now - m_lastLookMs < 1000)
        return {};
    m_lastLookMs = now;
    const QFileInfo info(m_path);
    const QDateTime modified = info.exists() ? info.lastModified() : QDateTime();
    const qint64 size = info.exists() ? info.size() : -1;
    if (modified == m_seenModified && size == m_seenSize)
        return {};
    return load();
}

Error TokenStore::load()
{
    m_entries.clear();
    if (m_path.isEmpty())
        return {};
    const QFileInfo info(m_path);
    m_seenModified = info.exists() ? info.lastModified() : QDateTime();
    m_seenSize = info.exists() ? info.size() : -1;
    QFile f(m_path);
    if (!f.exists())
        return {};
    // Hashes only, but still nobody else's business: refuse a file others may read or write.
    if (f.permissions() & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther))
        return storeError(m_path, QStringLiteral("may be read or written by other users: run chmod 600 on it."));
    if (!f.open(QIODevice::ReadOnly))
        return storeError(m_path, QStringLiteral("cannot be read: %1.").arg(f.errorString()));
    if (f.size() > 16 * 1024 * 1024)
        return storeError(m_path, QStringLiteral("is larger than 16 MiB: it is not a RouterLens token file."));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    const QJsonObject root = doc.object();
    if (pe.error != QJsonParseError::NoError || root.value(QStringLiteral("routerlensTokens")).toInt() != kFormat)
        return storeError(m_path, QStringLiteral("is not a RouterLens token file (format %1): leave it, or name another "
                                                 "file with --tokens.")
                                      .arg(kFormat));
    static const QRegularExpression idForm(QStringLiteral("\\A[0-9a-f]{12}\\z"));
    for (const QJsonValue &v : root.value(QStringLiteral("tokens")).toArray()) {
        const QJsonObject o = v.toObject();
        Entry e;
        e.id = o.value(QStringLiteral("id")).toString();
        e.client.id = o.value(QStringLiteral("client")).toString();
        const std::optional<Role> role = roleFromName(o.value(QStringLiteral("role")).toString());
        e.client.customer = o.value(QStringLiteral("customer")).toString();
        e.created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODate);
        e.revoked = QDateTime::fromString(o.value(QStringLiteral("revoked")).toString(), Qt::ISODate);
        e.sha256 = QByteArray::fromHex(o.value(QStringLiteral("sha256")).toString().toLatin1());
        e.note = o.value(QStringLiteral("note")).toString();
        if (!idForm.match(e.id).hasMatch() || e.client.id.isEmpty() || !role || e.sha256.size() != 32
            || (*role == Role::External && e.client.customer.isEmpty()))
        {
            m_entries.clear(); // a damaged file identifies nobody
            return storeError(m_path, QStringLiteral("has a damaged entry (%1): revoke it and make a new token, or "
                                                     "restore the file from a backup.")
                                          .arg(e.id.isEmpty() ? QStringLiteral("without an id") : e.id));
        }
        e.client.role = *role;
        m_entries.append(e);
    }
    return {};
}

Error TokenStore::save()
{
    if (m_path.isEmpty())
        return {};
    QJsonArray tokens;
    for (const Entry &e : m_entries) {
        QJsonObject o{{QStringLiteral("id"), e.id},
                      {QStringLiteral("client"), e.client.id},
                      {QStringLiteral("role"), roleName(e.client.role)},
                      {QStringLiteral("created"), e.created.toString(Qt::ISODate)},
                      {QStringLiteral("sha256"), QString::fromLatin1(e.sha256.toHex())}};
        if (!e.client.customer.isEmpty())
            o.insert(QStringLiteral("customer"), e.client.customer);
        if (e.isRevoked())
            o.insert(QStringLiteral("revoked"), e.revoked.toString(Qt::ISODate));
        if (!e.note.isEmpty())
            o.insert(QStringLiteral("note"), e.note);
        tokens.append(o);
    }
    QSaveFile f(m_path);
    m_lastLookMs = -1; // our own write: look again next time
    if (!f.open(QIODevice::WriteOnly))
        return storeError(m_path, QStringLiteral("cannot be written: %1.").arg(f.errorString()));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("routerlensTokens"), kFormat}, {QStringLiteral("tokens"), tokens}})
                .toJson(QJsonDocument::Indented));
    if (!f.commit())
        return storeError(m_path, QStringLiteral("cannot be written: %1.").arg(f.errorString()));
    return {};
}

Result<QString> TokenStore::create(const ClientIdentity &client, const QString &note)
{
    if (client.id.isEmpty())
        return Error(ErrorCode::InvalidRequest, QStringLiteral("A token needs a client id (--client)."));
    if (client.role == Role::External && client.customer.isEmpty())
        return Error(ErrorCode::InvalidRequest,
                     QStringLiteral("An external client's token needs the customer whose connections it may see (--customer)."));
    Entry e;
    do {
        e.id = QString::fromLatin1(randomBytes(6).toHex());
    } while (std::any_of(m_entries.cbegin(), m_entries.cend(), [&](const Entry &x) { return x.id == e.id; }));
    QByteArray secret = randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QString token = kPrefix + e.id + QLatin1Char('_') + QString::fromLatin1(secret);
    secret.fill('\0');
    e.client = client;
    e.created = QDateTime::currentDateTimeUtc();
    e.sha256 = hashOf(token.toLatin1());
    e.note = note;
    m_entries.append(e);
    if (Error err = save()) {
        m_entries.removeLast();
        return err;
    }
    return token;
}

Error TokenStore::revoke(const QString &id)
{
    for (Entry &e : m_entries) {
        if (e.id != id)
            continue;
        if (!e.isRevoked())
            e.revoked = QDateTime::currentDateTimeUtc();
        return save();
    }
    return Error(ErrorCode::InvalidRequest,
                 QStringLiteral("No token has the id \"%1\": 'routerlens-serve token list' shows them.").arg(id));
}

std::optional<ClientIdentity> TokenStore::identify(QByteArrayView token) const
{
    // rlt_ + 12 hex + _ + 43 base64url characters.
    if (token.size() != 4 + 12 + 1 + 43 || !token.startsWith("rlt_") || token.at(16) != '_')
        return std::nullopt;
    const QString id = QString::fromLatin1(token.sliced(4, 12));
    const QByteArray digest = hashOf(token);
    for (const Entry &e : m_entries) {
        if (e.id == id && !e.isRevoked() && sameDigest(e.sha256, digest))
            return e.client;
    }
    return std::nullopt;
}

} // namespace rl
