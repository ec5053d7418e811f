#pragma once

#include <QtGlobal>

#include <atomic>
#include <chrono>

namespace rl {

// Monotonic milliseconds. The scheduler reads time only through this, so tests can drive it
// by hand and never depend on how fast the machine is.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
};

class SteadyClock final : public Clock
{
public:
    qint64 nowMs() const override
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
};

// A clock that moves only when told to (tests).
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1000000) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now.load(); }
    void advance(qint64 ms) { m_now.fetch_add(ms); }
    void set(qint64 ms) { m_now.store(ms); }

private:
    std::atomic<qint64> m_now;
};

} // namespace rl
