#pragma once

#include <QDialog>

namespace rl {

// A router's SSH host key is not in known_hosts: show its fingerprint so the person can
// compare it with the one the router's owner gave them, then trust it or not.
class KnownHostDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnownHostDialog)

public:
    KnownHostDialog(const QString &router, const QString &keyType, const QString &fingerprintSha256,
                    QWidget *parent = nullptr);
};

} // namespace rl
