#pragma once

#include "engine/transport/transport.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace rl {

// What a scripted router answers to one command.
struct ScriptedAnswer {
    QByteArray output;
    Error error;                    // when set, the whole run fails with it
    int delayMs = 0;                // sleeps first, waking for cancellation
    bool hangUntilCancelled = false;// never answers; ends with cancelled (or timeout after commandTimeoutMs)
    int throwTimes = 0;             // the first this many runs of this command throw (a fault in the transport)
    int wedgeTimes = 0;             // the first this many runs hang, deaf to cancellation and time limits,
                                    // until ScriptedTransportFactory::releaseWedged()
};

class ScriptedTransportState;

// An in-process stand-in for routers (tests, benchmarks): per router and command a scripted
// answer; counts calls and the highest number of concurrent calls per router.
// "Instant" mode answers every command at once with an empty output and counts only the total.
class ScriptedTransportFactory final : public TransportFactory
{
public:
    ScriptedTransportFactory();
    std::unique_ptr<Transport> create(const Router &router, const SessionProfile &profile) override;
    // For callers that have only a router name (the scheduler's provider in tests).
    std::unique_ptr<Transport> create(const QString &router);

    void setAnswer(const QString &router, const QString &command, const ScriptedAnswer &answer);
    // Any command of this router without its own answer.
    void setRouterAnswer(const QString &router, const ScriptedAnswer &answer);
    // Any router and command without an answer (by default: output "ok <command>").
    void setDefaultAnswer(const ScriptedAnswer &answer);
    void setInstant(bool instant);
    // While the gate is closed every call waits (cancellation still ends it): tests hold work in flight.
    void setGateClosed(bool closed);
    // Ends every wedged call (ScriptedAnswer::wedgeTimes), now and from now on.
    void releaseWedged();
    int wedgedNow() const;         // calls hanging in a wedge now

    int calls(const QString &router) const;
    int calls(const QString &router, const QString &command) const;
    int totalCalls() const;
    int maxConcurrency(const QString &router) const;
    int inFlight() const;          // calls running now, all routers
    int transportsCreated() const;
    int transportsClosed() const;
    QStringList callLog() const;   // "router|command", in the order calls started
    void resetCounters();

private:
    std::shared_ptr<ScriptedTransportState> m_state;
};

} // namespace rl
