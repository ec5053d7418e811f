#pragma once

#include "engine/scheduling/scheduler.h"
#include "engine/transport/scripted_transport.h"

#include <QMutex>
#include <QMutexLocker>

namespace rl::testing {

// Collects what a scheduler reports, from any thread.
class TestSink final : public SchedulerSink
{
public:
    void jobFinished(JobOutcome &&o) override
    {
        QMutexLocker lock(&m_mutex);
        for (const Waiter &w : o.waiters) {
            m_order.append(w.requestId);
            m_errors.insert(w.requestId, o.error);
        }
        m_outcomes.append(std::move(o));
    }
    void waiterFailed(const Waiter &w, const Error &e) override
    {
        QMutexLocker lock(&m_mutex);
        m_order.append(w.requestId);
        m_errors.insert(w.requestId, e);
    }
    int answered() const { QMutexLocker lock(&m_mutex); return int(m_order.size()); }
    QStringList order() const { QMutexLocker lock(&m_mutex); return m_order; }
    Error error(const QString &id) const { QMutexLocker lock(&m_mutex); return m_errors.value(id); }
    bool hasAnswer(const QString &id) const { QMutexLocker lock(&m_mutex); return m_errors.contains(id); }
    QList<JobOutcome> outcomes() const { QMutexLocker lock(&m_mutex); return m_outcomes; }

private:
    mutable QMutex m_mutex;
    QStringList m_order;
    QHash<QString, Error> m_errors;
    QList<JobOutcome> m_outcomes;
};

inline SchedulerConfig unlimitedConfig()
{
    SchedulerConfig c;
    c.throttle.perClient = RateLimit{0, 0, ThrottleAction::HoldBack, 10};
    c.throttle.perRouter = RateLimit{0, 0, ThrottleAction::HoldBack, 10};
    c.throttle.network = RateLimit{0, 0, ThrottleAction::HoldBack, 10};
    c.maxInFlightTotal = 4;
    c.housekeepingIntervalMs = 5;
    return c;
}

inline WorkItem item(const QString &id, const QString &router, const QString &command,
                     Role role = Role::Internal, Urgency urgency = Urgency::Interactive,
                     const QString &client = QStringLiteral("local"))
{
    WorkItem w;
    w.requestId = id;
    w.router = router;
    w.client.id = client;
    w.client.role = role;
    w.urgency = urgency;
    w.kind = QueryKind::BgpStatus;
    w.commands = {command};
    return w;
}

} // namespace rl::testing
