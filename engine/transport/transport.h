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

// The default output limit per command: tens of MiB, so that the 32 routers the engine asks
// at once cannot hold more than a couple of GiB between them. A full routing table in text is
// about 100 bytes a route: 64 MiB holds more than 600,000 routes.
inline constexpr qint64 DefaultMaxOutputBytes = 64LL * 1024 * 1024;

struct ExecOptions {
    int connectTimeoutMs = 10000;
    int commandTimeoutMs = 30000;  // per command, from the first byte sent to the last received
    qint64 maxOutputBytes = DefaultMaxOutputBytes; // per command
    CancelFlag cancelled;          // may be null
};

// output-too-large, in the same words from every transport: `what` ("The answer of pe1 to
// \"show ip bgp\"") was stopped at `limit` bytes, and how to narrow it or raise the limit.
inline Error outputTooLargeError(const QString &what, qint64 limit)
{
    const QString size = limit % (1024 * 1024) == 0 ? QStringLiteral("%1 MiB").arg(limit / (1024 * 1024))
                                                    : QStringLiteral("%1 bytes").arg(limit);
    return Error(ErrorCode::OutputTooLarge,
                 QStringLiteral("%1 is larger than the limit of %2 per command; it was stopped. Narrow the query (a "
                                "neighbor, a VRF, a prefix), or raise the limit: \"maxOutputBytes\" of the router in "
                                "the inventory, or engine/maxOutputBytes in the settings for every router.")
                     .arg(what, size));
}

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
