#pragma once

#include "engine/api/error.h"
#include "engine/api/request.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace rl {

class Clock;
class RouterDataService;

// Periodic health collection: a query kind asked of routers on a schedule (e.g. bgp-status every
// 60 s), at background urgency, so the store holds a history that "over time" views and the
// diagnosis can look back on without asking the router again.
//
// - Yields to people: its requests are Background (the scheduler serves Interactive work first)
//   and it is one client ("health-collector") under the per-client throttle like any other.
// - Asks no router twice for nothing: each round accepts a stored answer younger than the
//   schedule's interval (an operator's own query a moment ago counts), so only stale routers
//   are asked.
// - Never piles up: a schedule whose previous round has not ended skips its turn (and counts it).
class HealthCollector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthCollector)

public:
    struct Schedule {
        QueryKind kind = QueryKind::BgpStatus;
        int everySeconds = 60;
        QStringList routers; // empty: every router of the inventory
        friend bool operator==(const Schedule &, const Schedule &) = default;
    };
    static constexpr int MinEverySeconds = 10;
    static constexpr int MaxEverySeconds = 7 * 86400;

    // "KIND:SECONDS" or "KIND:SECONDS:ROUTER,ROUTER" (the form of the setting and of
    // routerlens-serve --collect); an unknown kind, a number out of range or an empty router
    // name is an invalid-request error that says which.
    static Result<Schedule> parse(const QString &text);
    static QString format(const Schedule &schedule);

    // `clock` drives the schedule (tests pass a manual one); default the steady clock.
    HealthCollector(RouterDataService *service, QList<Schedule> schedules, std::shared_ptr<Clock> clock = nullptr,
                    QObject *parent = nullptr);
    ~HealthCollector() override;

    QList<Schedule> schedules() const;
    // Starts the once-a-second check (the first round of every schedule is due at once); with
    // no schedule it does nothing.
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    // Submits every round that is due now; the number of requests submitted. start() calls it
    // from its timer; tests call it with a manual clock.
    int collectDue();

    struct Counts {
        int rounds = 0;        // requests submitted
        int skippedBusy = 0;   // turns skipped because the previous round had not ended
        int routerFailures = 0; // parts that ended in an error (unreachable, parse error, ...)
        int routersMissing = 0; // named routers left out of a round: not in the inventory (any more)
    };
    Counts counts() const;

    static ClientIdentity identity(); // who the collector is to the engine

Q_SIGNALS:
    // A round ended: its response (parts from the routers or the store).
    void roundFinished(const rl::Response &response);

private:
    void onResponse(const Response &response);

    struct Slot {
        Schedule schedule;
        qint64 nextDueMs = 0;
        QString pending; // request id of the round in flight
    };
    RouterDataService *m_service;
    std::shared_ptr<Clock> m_clock;
    QList<Slot> m_slots;
    QTimer m_timer;
    Counts m_counts;
};

} // namespace rl
