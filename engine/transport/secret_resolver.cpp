#include "engine/transport/secret_resolver.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <cstdlib>
#include <cstring>

namespace rl {

SecretResolver::SecretResolver(int keychainTimeoutMs)
    : m_keychainTimeoutMs(keychainTimeoutMs)
{
}

void SecretResolver::wipe(QByteArray &secret)
{
    if (!secret.isEmpty()) {
        // detach-free write through data(): the one copy we hold is overwritten
        volatile char *p = secret.data();
        for (qsizetype i = 0; i < secret.size(); ++i)
            p[i] = 0;
    }
    secret.clear();
}

Result<QByteArray> SecretResolver::resolve(const QString &reference) const
{
    if (reference.startsWith(QLatin1String("env:")))
        return fromEnvironment(reference, reference.mid(4));
    if (reference.startsWith(QLatin1String("keychain:"))) {
        const QString rest = reference.mid(9);
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        if (slash > 0 && slash < rest.size() - 1)
            return fromKeychain(reference, rest.left(slash), rest.mid(slash + 1));
    }
    return Error(ErrorCode::AuthFailed,
                 QStringLiteral("The credential reference \"%1\" is not understood: use env:VARIABLE or "
                                "keychain:service/account in the inventory's credential profile.")
                     .arg(reference));
}

Result<QByteArray> SecretResolver::fromEnvironment(const QString &reference, const QString &var) const
{
    if (var.isEmpty())
        return Error(ErrorCode::AuthFailed,
                     QStringLiteral("The credential reference \"%1\" names no environment variable.").arg(reference));
    const QByteArray name = var.toLocal8Bit();
    const char *value = std::getenv(name.constData());
    if (!value)
        return Error(ErrorCode::AuthFailed,
                     QStringLiteral("The environment variable %1 (credential reference \"%2\") is not set: set it "
                                    "before starting RouterLens or store the secret in the keychain.")
                         .arg(var, reference));
    return QByteArray(value, qsizetype(std::strlen(value)));
}

Result<QByteArray> SecretResolver::fromKeychain(const QString &reference, const QString &service,
                                                const QString &account) const
{
#if defined(Q_OS_LINUX)
    // QtKeychain talks to the Secret Service over the session bus; without one the job would only
    // fail after a D-Bus timeout, so say at once what is missing.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return Error(ErrorCode::AuthFailed,
                     QStringLiteral("The keychain secret \"%1\" cannot be read: no D-Bus session is running, so no "
                                    "secret service (GNOME Keyring, KWallet) is reachable. Log in to a desktop "
                                    "session or use an env: reference instead.")
                         .arg(reference));
#endif
    QKeychain::ReadPasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(account);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(m_keychainTimeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    if (!finished)
        return Error(ErrorCode::AuthFailed,
                     QStringLiteral("The keychain did not answer within %1 s for \"%2\": unlock the keychain (it may "
                                    "be waiting for a password prompt) and try again.")
                         .arg(m_keychainTimeoutMs / 1000.0)
                         .arg(reference));
    if (job.error() != QKeychain::NoError)
        return Error(ErrorCode::AuthFailed,
                     QStringLiteral("The keychain could not give the secret \"%1\": store it under service \"%2\", "
                                    "account \"%3\", or check that the secret service is running.")
                         .arg(reference, service, account),
                     job.errorString());
    QByteArray secret = job.binaryData();
    return secret;
}

} // namespace rl
