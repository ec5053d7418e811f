#pragma once

// What a translator and a transport agree on: how a platform wants its session, and what a
// command printed. Value types in engine/api so that the vendor layer (which builds commands
// and reads outputs) does not depend on the transport layer (which sends them).

#include "engine/api/command_guard.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace rl {

struct CommandOutput {
    QString command;
    QByteArray output;   // as the router printed it
    int exitStatus = 0;  // exec channels: the remote command's status; shells: 0
    qint64 elapsedMs = 0;
};

// How a platform wants its session: exec channels, or an interactive shell with a prompt.
struct SessionProfile {
    enum class Mode : quint8 { Exec, Shell };
    Mode mode = Mode::Exec;
    QStringList setupCommands;   // shell mode: sent once per session (paging off, ...)
    QString promptPattern;       // shell mode: regular expression matching the prompt at line end
    CommandGuard guard;          // read-only allow-list, checked again right before sending
    // Exec mode: what is sent for each command, with %1 replaced by the command after the
    // guard passed it, e.g. "vtysh -c '%1'" for FRR. A guarded command holds no quote or
    // shell character, so it cannot break out of the wrapper. Empty: the command as is.
    QString execWrapper;
};

} // namespace rl
