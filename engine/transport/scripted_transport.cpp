#include "engine/transport/scripted_transport.h"

#include <QElapsedTimer>

#include <QScopeGuard>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <thread>
#include <chrono>

namespace rl {

class ScriptedTransportState
{
public:
    mutable std::mutex mutex;
    std::condition_variable gateCv;
    QHash<QString, ScriptedAnswer> answers;        // router + '|' + command
    QHash<QString, ScriptedAnswer> routerAnswers;
    std::optional<ScriptedAnswer> defaultAnswer;
    std::atomic_bool instant = false;
    bool gateClosed = false;
    std::atomic_int total = 0;
    QHash<QString, int> calls;                     // router, and router + '|' + command
    QHash<QString, int> thrown;                    // router + '|' + command: throwTimes used
    QHash<QString, int> wedges;                    // router + '|' + command: wedgeTimes used
    bool wedgesReleased = false;
    int wedgedNow = 0;
    QHash<QString, int> running;
    QHash<QString, int> maxRunning;
    int inFlight = 0;
    int created = 0;
    int closed = 0;
    QStringList log;

    ScriptedAnswer answerFor(const QString &router, const QString &command) const
    {
        auto it = answers.constFind(router + QLatin1Char('|') + command);
        if (it != answers.cend())
            return *it;
        auto r = routerAnswers.constFind(router);
        if (r != routerAnswers.cend())
            return *r;
        if (defaultAnswer)
            return *defaultAnswer;
        ScriptedAnswer a;
        a.output = "ok " + command.toUtf8();
        return a;
    }
};

namespace {

class ScriptedTransport final : public Transport
{
public:
    ScriptedTransport(std::shared_ptr<ScriptedTransportState> state, QString router)
        : m_state(std::move(state)), m_router(std::move(router)) {}

    Result<QList<CommandOutput>> run(const QStringList &commands, const ExecOptions &options) override
    {
        ScriptedTransportState &s = *m_state;
        ++s.total;
        if (s.instant.load(std::memory_order_relaxed)) {
            QList<CommandOutput> out;
            out.reserve(commands.size());
            for (const QString &c : commands)
                out.append(CommandOutput{c, {}, 0, 0});
            return out;
        }
        m_open = true;
        const auto cancelled = [&] { return options.cancelled && options.cancelled->load(); };
        std::unique_lock lock(s.mutex);
        ++s.calls[m_router];
        ++s.inFlight;
        const int now = ++s.running[m_router];
        s.maxRunning[m_router] = std::max(s.maxRunning.value(m_router), now);
        for (const QString &c : commands) {
            ++s.calls[m_router + QLatin1Char('|') + c];
            s.log.append(m_router + QLatin1Char('|') + c);
        }
        auto leave = qScopeGuard([&] {
            if (!lock.owns_lock())
                lock.lock();
            --s.running[m_router];
            --s.inFlight;
        });
        while (s.gateClosed && !cancelled())
            s.gateCv.wait_for(lock, std::chrono::milliseconds(5));
        QList<CommandOutput> out;
        for (const QString &c : commands) {
            const ScriptedAnswer a = s.answerFor(m_router, c);
            if (a.throwTimes > 0) {
                int &thrown = s.thrown[m_router + QLatin1Char('|') + c];
                if (thrown < a.throwTimes) {
                    ++thrown;
                    throw std::runtime_error("scripted fault in the transport");
                }
            }
            if (a.wedgeTimes > 0) {
                int &used = s.wedges[m_router + QLatin1Char('|') + c];
                if (used < a.wedgeTimes) {
                    ++used;
                    ++s.wedgedNow;
                    while (!s.wedgesReleased)
                        s.gateCv.wait_for(lock, std::chrono::milliseconds(5));
                    --s.wedgedNow;
                    return Error(ErrorCode::ConnectionLost, QStringLiteral("The scripted wedge was released."));
                }
            }
            lock.unlock();
            QElapsedTimer timer;
            timer.start();
            while (!cancelled() && (a.hangUntilCancelled || timer.elapsed() < a.delayMs)) {
                if (a.hangUntilCancelled && options.commandTimeoutMs > 0 && timer.elapsed() >= options.commandTimeoutMs)
                    return Error(ErrorCode::Timeout, QStringLiteral("Router %1 did not answer \"%2\" in time.").arg(m_router, c));
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
            lock.lock();
            if (cancelled())
                return Error(ErrorCode::Cancelled, QStringLiteral("The request was cancelled."));
            if (a.error)
                return a.error;
            if (a.output.size() > options.maxOutputBytes)
                return outputTooLargeError(QStringLiteral("The answer of %1 to \"%2\"").arg(m_router, c),
                                           options.maxOutputBytes);
            out.append(CommandOutput{c, a.output, 0, timer.elapsed()});
        }
        return out;
    }

    void close() override
    {
        if (!m_open)
            return;
        m_open = false;
        std::lock_guard lock(m_state->mutex);
        ++m_state->closed;
    }
    bool isOpen() const override { return m_open; }

private:
    std::shared_ptr<ScriptedTransportState> m_state;
    QString m_router;
    bool m_open = false;
};

} // namespace

ScriptedTransportFactory::ScriptedTransportFactory() : m_state(std::make_shared<ScriptedTransportState>()) {}

std::unique_ptr<Transport> ScriptedTransportFactory::create(const Router &router, const SessionProfile &)
{
    return create(router.name);
}

std::unique_ptr<Transport> ScriptedTransportFactory::create(const QString &router)
{
    if (!m_state->instant.load()) {
        std::lock_guard lock(m_state->mutex);
        ++m_state->created;
    }
    return std::make_unique<ScriptedTransport>(m_state, router);
}

void ScriptedTransportFactory::setAnswer(const QString &router, const QString &command, const ScriptedAnswer &answer)
{
    std::lock_guard lock(m_state->mutex);
    m_state->answers.insert(router + QLatin1Char('|') + command, answer);
}

void ScriptedTransportFactory::setRouterAnswer(const QString &router, const ScriptedAnswer &answer)
{
    std::lock_guard lock(m_state->mutex);
    m_state->routerAnswers.insert(router, answer);
}

void ScriptedTransportFactory::setDefaultAnswer(const ScriptedAnswer &answer)
{
    std::lock_guard lock(m_state->mutex);
    m_state->defaultAnswer = answer;
}

void ScriptedTransportFactory::setInstant(bool instant)
{
    m_state->instant = instant;
}

void ScriptedTransportFactory::setGateClosed(bool closed)
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->gateClosed = closed;
    }
    m_state->gateCv.notify_all();
}

int ScriptedTransportFactory::calls(const QString &router) const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->calls.value(router);
}

int ScriptedTransportFactory::calls(const QString &router, const QString &command) const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->calls.value(router + QLatin1Char('|') + command);
}

int ScriptedTransportFactory::totalCalls() const
{
    return m_state->total.load();
}

int ScriptedTransportFactory::maxConcurrency(const QString &router) const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->maxRunning.value(router);
}

int ScriptedTransportFactory::inFlight() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->inFlight;
}

int ScriptedTransportFactory::transportsCreated() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->created;
}

int ScriptedTransportFactory::transportsClosed() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->closed;
}

QStringList ScriptedTransportFactory::callLog() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->log;
}

void ScriptedTransportFactory::releaseWedged()
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->wedgesReleased = true;
    }
    m_state->gateCv.notify_all();
}

int ScriptedTransportFactory::wedgedNow() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->wedgedNow;
}

void ScriptedTransportFactory::resetCounters()
{
    std::lock_guard lock(m_state->mutex);
    m_state->total = 0;
    m_state->calls.clear();
    m_state->maxRunning.clear();
    m_state->log.clear();
    m_state->created = 0;
    m_state->closed = 0;
}

} // namespace rl
