#pragma once

#include "engine/api/error.h"
#include "engine/inventory/inventory.h"
#include "engine/api/command_guard.h"
#include "engine/api/session_profile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace rl {

// Set from any thread to stop a request; transports poll it between reads.
using CancelFlag = std::shared_ptr<std::atomic_bool>;
inline CancelFlag makeCancelFlag() { return std::make_shared<std::atomic_bool>(false); }

struct ExecOptions {
    int connectTimeoutMs = 10000;
    int commandTimeoutMs = 30000;  // per command, from the first byte sent to the last received
    qint64 maxOutputBytes = 512LL * 1024 * 1024;
    CancelFlag cancelled;          // may be null
};

// One router's connection. Blocking calls, made from one worker thread at a time; a
// transport keeps its session open between calls and reopens it when it dropped.
class Transport
{
public:
    virtual ~Transport() = default;
    // Runs the commands in order. Every command is checked against the profile's guard
    // first; a refused command is forbidden-command and nothing is sent.
    virtual Result<QList<CommandOutput>> run(const QStringList &commands, const ExecOptions &options) = 0;
    virtual void close() {}
    virtual bool isOpen() const { return false; }
};

class TransportFactory
{
public:
    virtual ~TransportFactory() = default;
    virtual std::unique_ptr<Transport> create(const Router &router, const SessionProfile &profile) = 0;
};

} // namespace rl
