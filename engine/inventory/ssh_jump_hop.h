#pragma once

#include "engine/api/error.h"

#include <QList>
#include <QString>

namespace rl {

// One hop of a ProxyJump chain as OpenSSH writes it: [user@]host[:port], "[v6addr]:port" or
// "ssh://user@host:port". port 0: not given (the hop's ssh config, else 22).
struct SshJumpHop {
    QString user;
    QString host;
    int port = 0;
    QString text() const; // back in OpenSSH's form
    friend bool operator==(const SshJumpHop &, const SshJumpHop &) = default;
};

// "user@host:port,host2" -> hops, in the order they are crossed. "none" (OpenSSH's way to switch
// a ProxyJump off) and "" are no hops. A hop that is not [user@]host[:port] is an error naming it.
Result<QList<SshJumpHop>> parseJumpSpec(const QString &spec);

} // namespace rl
