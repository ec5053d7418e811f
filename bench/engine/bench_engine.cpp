// Figures for the engine's core path: submit -> queue -> dispatch -> deliver, with an in-process
// "instant" router, so what is measured is RouterLens's own overhead.
//
//   bench_engine [--quick]
//
// Prints: throughput with 10,000 routers; added latency p50/p99 at an offered 10,000 requests/s;
// memory per queued request; the network-wide throttle's measured rate against its limit under a
// load ten times over it.

#include "engine/scheduling/results_queue.h"
#include "engine/scheduling/scheduler.h"
#include "engine/transport/scripted_transport.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace rl;
using Clk = std::chrono::steady_clock;

namespace {

constexpr int Routers = 10000;

double secondsSince(Clk::time_point t0)
{
    return std::chrono::duration<double>(Clk::now() - t0).count();
}

qint64 rssBytes()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}

QStringList routerNames()
{
    QStringList names;
    names.reserve(Routers);
    for (int i = 0; i < Routers; ++i)
        names.append(QStringLiteral("router-%1").arg(i, 5, 10, QLatin1Char('0')));
    return names;
}

// Like the service: worker threads parse nothing here, they hand parts to the results queue,
// and one delivery thread takes them in batches.
class Delivery final : public SchedulerSink
{
public:
    explicit Delivery(size_t expected) : m_deliveredAt(expected)
    {
        m_queue.setWake([this] {
            std::lock_guard lock(m_mutex);
            m_wake = true;
            m_cv.notify_one();
        });
        m_thread = std::thread([this] { run(); });
    }
    ~Delivery() override
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
            m_cv.notify_one();
        }
        m_thread.join();
    }
    void jobFinished(JobOutcome &&o) override
    {
        std::vector<FinishedPart> parts;
        parts.reserve(size_t(o.waiters.size()));
        for (const Waiter &w : o.waiters) {
            FinishedPart p;
            p.tag = w.tag;
            p.priority = w.priority;
            p.result.router = o.router;
            parts.push_back(std::move(p));
        }
        m_queue.push(std::move(parts));
    }
    void waiterFailed(const Waiter &w, const Error &) override
    {
        FinishedPart p;
        p.tag = w.tag;
        m_queue.push(std::move(p));
    }
    void waitFor(size_t n)
    {
        while (m_delivered.load() < n)
            std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    size_t delivered() const { return m_delivered.load(); }
    const std::vector<Clk::time_point> &deliveredAt() const { return m_deliveredAt; }

private:
    void run()
    {
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            m_cv.wait(lock, [this] { return m_wake || m_stop; });
            m_wake = false;
            lock.unlock();
            const auto parts = m_queue.takeAll();
            const auto now = Clk::now();
            for (const FinishedPart &p : parts) {
                if (p.tag < m_deliveredAt.size())
                    m_deliveredAt[p.tag] = now;
            }
            m_delivered += parts.size();
            lock.lock();
        }
    }

    ResultsQueue m_queue;
    std::vector<Clk::time_point> m_deliveredAt;
    std::atomic<size_t> m_delivered = 0;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_wake = false;
    bool m_stop = false;
    std::thread m_thread;
};

SchedulerConfig unlimited(int workers)
{
    SchedulerConfig c;
    c.throttle.perClient = RateLimit{};
    c.throttle.perRouter = RateLimit{};
    c.throttle.network = RateLimit{};
    c.maxInFlightPerRouter = 1;
    c.maxInFlightTotal = workers;
    return c;
}

WorkItem makeItem(const QString &router, int i)
{
    WorkItem w;
    w.requestId = QStringLiteral("req-%1").arg(i);
    w.router = router;
    w.kind = QueryKind::BgpStatus;
    w.commands = {QStringLiteral("show bgp neighbors 10.%1.%2.%3").arg((i >> 16) & 255).arg((i >> 8) & 255).arg(i & 255)};
    w.timeoutMs = 60000;
    w.tag = quint64(i);
    return w;
}

TransportProvider instantRouters()
{
    auto f = std::make_shared<ScriptedTransportFactory>();
    f->setInstant(true);
    return [f](const QString &r) { return f->create(r); };
}

void throughput(int n, int workers)
{
    const QStringList names = routerNames();
    std::vector<WorkItem> items;
    items.reserve(size_t(n));
    for (int i = 0; i < n; ++i)
        items.push_back(makeItem(names[i % Routers], i));
    Delivery sink{size_t(n)};
    Scheduler s(unlimited(workers), instantRouters(), &sink);
    s.start();
    const auto t0 = Clk::now();
    for (WorkItem &w : items)
        s.submit(std::move(w));
    const double submitted = secondsSince(t0);
    sink.waitFor(size_t(n));
    const double total = secondsSince(t0);
    std::printf("throughput: %d requests over %d routers, %d workers: %.0f requests/s end to end "
                "(submit alone %.0f/s)\n",
                n, Routers, workers, n / total, n / submitted);
}

void latency(int rate, double seconds, int workers)
{
    const QStringList names = routerNames();
    const int n = int(rate * seconds);
    std::vector<WorkItem> items;
    items.reserve(size_t(n));
    for (int i = 0; i < n; ++i)
        items.push_back(makeItem(names[i % Routers], i));
    std::vector<Clk::time_point> submittedAt(static_cast<size_t>(n));
    Delivery sink{size_t(n)};
    Scheduler s(unlimited(workers), instantRouters(), &sink);
    s.start();
    const auto t0 = Clk::now();
    const auto interval = std::chrono::nanoseconds(1000000000LL / rate);
    for (int i = 0; i < n; ++i) {
        const auto due = t0 + interval * i;
        // Sleep rather than spin: the submitter must not steal a core from the engine.
        if (Clk::now() < due)
            std::this_thread::sleep_until(due);
        submittedAt[size_t(i)] = Clk::now();
        s.submit(std::move(items[size_t(i)]));
    }
    sink.waitFor(size_t(n));
    std::vector<double> us(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        us[size_t(i)] = std::chrono::duration<double, std::micro>(sink.deliveredAt()[size_t(i)] - submittedAt[size_t(i)]).count();
    std::sort(us.begin(), us.end());
    std::printf("latency: offered %d requests/s for %.0f s (%d requests): added latency p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
                rate, seconds, n, us[size_t(n / 2)] / 1000.0, us[size_t(n * 99 / 100)] / 1000.0, us.back() / 1000.0);
}

void memory(int n)
{
    const QStringList names = routerNames();
    Delivery sink{0};
    Scheduler s(unlimited(2), instantRouters(), &sink);
    s.start();
    s.setPaused(true);
    // Warm up the router table so the figure is per request, not per router.
    for (int i = 0; i < Routers; ++i) {
        const quint64 t = s.submit(makeItem(names[i], i));
        s.cancel(t, false);
    }
    const qint64 before = rssBytes();
    for (int i = 0; i < n; ++i)
        s.submit(makeItem(names[i % Routers], Routers + i));
    const qint64 after = rssBytes();
    const auto m = s.metrics();
    std::printf("memory: %d queued requests (%d waiting), RSS +%.1f MiB: %.0f bytes per queued request\n", n, m.queued,
                (after - before) / 1048576.0, double(after - before) / n);
    s.cancelAll(false);
}

void throttle(double limit, double seconds, int workers)
{
    const QStringList names = routerNames();
    auto f = std::make_shared<ScriptedTransportFactory>();
    f->setInstant(true);
    SchedulerConfig c = unlimited(workers);
    c.throttle.network = RateLimit{limit, 10, ThrottleAction::HoldBack, 10};
    const int offered = int(limit * 10);
    const int n = int(offered * seconds);
    Delivery sink{size_t(n)};
    Scheduler s(c, [f](const QString &r) { return f->create(r); }, &sink);
    s.start();
    const auto t0 = Clk::now();
    const auto interval = std::chrono::nanoseconds(qint64(1e9 / offered));
    int warmCalls = -1;
    Clk::time_point warmAt;
    for (int i = 0; i < n; ++i) {
        const auto due = t0 + interval * i;
        while (Clk::now() < due)
            std::this_thread::sleep_for(std::chrono::microseconds(100));
        if (warmCalls < 0 && secondsSince(t0) >= 1.0) { // past the initial burst
            warmCalls = f->totalCalls();
            warmAt = Clk::now();
        }
        s.submit(makeItem(names[i % Routers], i));
    }
    const int calls = f->totalCalls() - warmCalls;
    const double measured = calls / secondsSince(warmAt);
    std::printf("throttle: network limit %.0f/s, offered %d/s for %.0f s: measured %.1f commands/s "
                "(%+.2f%% of the limit)\n",
                limit, offered, seconds, measured, (measured - limit) / limit * 100.0);
    s.cancelAll(false);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    std::printf("bench_engine: %u hardware threads\n", std::thread::hardware_concurrency());
    throughput(quick ? 100000 : 500000, 2);
    throughput(quick ? 100000 : 500000, 8);
    latency(10000, quick ? 2 : 5, 2);
    memory(quick ? 100000 : 300000);
    throttle(1000, quick ? 3 : 6, 4);
    return 0;
}
