#include "engine/service/health_collector.h"

#include "engine/scheduling/clock.h"
#include "engine/service/router_data_service.h"

namespace rl {

Result<HealthCollector::Schedule> HealthCollector::parse(const QString &text)
{
    const QStringList f = text.trimmed().split(QLatin1Char(':'));
    const auto bad = [&](const QString &why) {
        return Error(ErrorCode::InvalidRequest,
                     QStringLiteral("The health schedule \"%1\" %2; write KIND:SECONDS or KIND:SECONDS:ROUTER,ROUTER "
                                    "(e.g. bgp-status:60).")
                         .arg(text.left(200), why));
    };
    if (f.size() < 2 || f.size() > 3)
        return bad(QStringLiteral("is not in the form KIND:SECONDS[:ROUTERS]"));
    Schedule s;
    const auto kind = queryKindFromName(f[0]);
    if (!kind)
        return bad(QStringLiteral("names no query kind (routerlens-cli kinds lists them)"));
    s.kind = *kind;
    bool ok = false;
    const qint64 every = f[1].toLongLong(&ok);
    if (!ok || every < MinEverySeconds || every > MaxEverySeconds)
        return bad(QStringLiteral("needs an interval from %1 s to %2 s").arg(MinEverySeconds).arg(MaxEverySeconds));
    s.everySeconds = int(every);
    if (f.size() == 3) {
        for (const QString &r : f[2].split(QLatin1Char(','))) {
            if (r.trimmed().isEmpty())
                return bad(QStringLiteral("has an empty router name"));
            s.routers << r.trimmed();
        }
        s.routers.removeDuplicates();
    }
    return s;
}

QString HealthCollector::format(const Schedule &s)
{
    QString text = queryKindName(s.kind) + QLatin1Char(':') + QString::number(s.everySeconds);
    if (!s.routers.isEmpty())
        text += QLatin1Char(':') + s.routers.join(QLatin1Char(','));
    return text;
}

ClientIdentity HealthCollector::identity()
{
    ClientIdentity c;
    c.id = QStringLiteral("health-collector");
    c.role = Role::Internal;
    return c;
}

HealthCollector::HealthCollector(RouterDataService *service, QList<Schedule> schedules, std::shared_ptr<Clock> clock,
                                 QObject *parent)
    : QObject(parent), m_service(service), m_clock(clock ? std::move(clock) : std::make_shared<SteadyClock>())
{
    const qint64 now = m_clock->nowMs();
    for (Schedule &s : schedules)
        m_slots.append(Slot{std::move(s), now, {}});
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &HealthCollector::collectDue);
    connect(m_service, &RouterDataService::responseReady, this, &HealthCollector::onResponse);
}

HealthCollector::~HealthCollector() = default;

QList<HealthCollector::Schedule> HealthCollector::schedules() const
{
    QList<Schedule> out;
    for (const Slot &s : m_slots)
        out << s.schedule;
    return out;
}

void HealthCollector::start()
{
    if (m_slots.isEmpty())
        return; // nothing scheduled: no timer waking the process every second
    collectDue();
    m_timer.start();
}

void HealthCollector::stop()
{
    m_timer.stop();
}

int HealthCollector::collectDue()
{
    // A desktop now using a RouterLens service: that service keeps its own schedules, and this
    // computer's would go out as the token's client.
    if (m_service && m_service->remote())
        return 0;
    const qint64 now = m_clock->nowMs();
    int submitted = 0;
    for (Slot &slot : m_slots) {
        if (now < slot.nextDueMs)
            continue;
        const qint64 periodMs = qint64(slot.schedule.everySeconds) * 1000;
        // The next turn is a whole period after this one was due (no drift), and never in the past.
        slot.nextDueMs = std::max(slot.nextDueMs + periodMs, now + 1);
        if (!slot.pending.isEmpty()) {
            ++m_counts.skippedBusy;
            continue;
        }
        Request r;
        r.client = identity();
        r.kind = slot.schedule.kind;
        // Routers named by the schedule that the inventory (reloaded meanwhile, or another one)
        // no longer has are left out of the round, not the whole round refused.
        const QStringList visible = m_service->visibleRouters(r.client);
        if (slot.schedule.routers.isEmpty()) {
            r.routers = visible;
        } else {
            for (const QString &name : std::as_const(slot.schedule.routers)) {
                if (visible.contains(name))
                    r.routers << name;
                else
                    ++m_counts.routersMissing;
            }
        }
        if (r.routers.isEmpty())
            continue;
        r.urgency = Urgency::Background;
        // An answer younger than the interval is taken from the store: the series keeps one
        // point per interval, and a router an operator just asked is not asked again.
        r.maxAgeSeconds = std::max(1, slot.schedule.everySeconds - 1);
        slot.pending = m_service->submit(r);
        ++m_counts.rounds;
        ++submitted;
    }
    return submitted;
}

void HealthCollector::onResponse(const Response &response)
{
    for (Slot &slot : m_slots) {
        if (slot.pending != response.requestId)
            continue;
        slot.pending.clear();
        m_counts.routerFailures += response.failedCount();
        Q_EMIT roundFinished(response);
        return;
    }
}

HealthCollector::Counts HealthCollector::counts() const
{
    return m_counts;
}

} // namespace rl
