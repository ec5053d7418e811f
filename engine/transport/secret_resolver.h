#pragma once

#include "engine/api/error.h"

#include <QByteArray>
#include <QString>

namespace rl {

// Turns a credential reference into the secret it names, at the moment a session opens.
//   env:VAR                   the environment variable VAR
//   keychain:service/account  the OS keychain through QtKeychain (a D-Bus secret service on Linux)
// Errors name the reference, never the secret. Callers wipe the returned bytes after use (wipe()).
class SecretResolver
{
public:
    explicit SecretResolver(int keychainTimeoutMs = 10000);
    virtual ~SecretResolver() = default;

    virtual Result<QByteArray> resolve(const QString &reference) const;

    // Overwrites the bytes in place before they are released.
    static void wipe(QByteArray &secret);

private:
    Result<QByteArray> fromEnvironment(const QString &reference, const QString &var) const;
    Result<QByteArray> fromKeychain(const QString &reference, const QString &service, const QString &account) const;

    int m_keychainTimeoutMs;
};

} // namespace rl
