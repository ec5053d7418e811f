#pragma once

#include "engine/api/error.h"
#include "engine/api/request.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace rl {

// The API tokens of routerlens-serve: who a caller is comes from the token it presents, never
// from the request. The file keeps, per token, its id, the client it stands for (id, role,
// customer), when it was made and revoked, and the SHA-256 of the token — never the token
// itself, which is shown once when made. The file is written whole (QSaveFile) with mode 0600.
//
// A token reads "rlt_<id>_<secret>": the id finds the entry without comparing against every
// hash, the 32 random bytes of the secret are what is checked (in constant time).
class TokenStore
{
public:
    struct Entry {
        QString id;                // 12 hex digits, also in the token
        ClientIdentity client;
        QDateTime created;
        QDateTime revoked;         // null while valid
        QByteArray sha256;         // of the whole token
        QString note;
        bool isRevoked() const { return revoked.isValid(); }
    };

    // An empty path: tokens in memory only (tests).
    explicit TokenStore(QString path = {});

    // Reads the file; a missing file is an empty store. A file that is not a token store, or
    // that others may read, is refused with inventory-error and a sentence saying what to do.
    Error load();
    // Makes a token for `client`; returns the token text (shown once) and saves the file.
    Result<QString> create(const ClientIdentity &client, const QString &note = {});
    // Revokes by id; not-found is unknown-router's cousin: invalid-request with a sentence.
    Error revoke(const QString &id);
    QList<Entry> entries() const { return m_entries; }

    // The client of a presented token, or nothing (unknown, revoked, malformed).
    std::optional<ClientIdentity> identify(QByteArrayView token) const;

    // Reads the file again when it changed on disk since the last look (at most once a second):
    // a token revoked with 'routerlens-serve token revoke' stops working in a running service.
    // A file that became unreadable or damaged identifies nobody until it is fixed (the error
    // is returned, once per change).
    Error refreshIfChanged();

    QString path() const { return m_path; }

private:
    Error save();

    QString m_path;
    QList<Entry> m_entries;
    QDateTime m_seenModified;
    qint64 m_seenSize = -1;
    qint64 m_lastLookMs = -1;
};

} // namespace rl
