// routerlens-serve's HTTP API under load, one service process (issue 12 part 6).
//
//   bench_serve [--seconds S] [--clients 8,32,128] [--client-threads T] [--throttle-seconds S]
//               [--only load|throttle] [--smoke] [--team CONNINFO]
//
// The service runs in this process as routerlens-serve runs it: RouterDataService on the demo
// lab, ApiServer on HttpServer on the main thread's event loop, an SQLite store (in a temporary
// folder), 127.0.0.1 on a port the system chooses. The demo routers answer from their recorded
// output at once (latency 0), so no router is contacted and what is measured is the service.
//
// Simulated clients each have their own token (half internal, half external across the demo's
// three customers) and one keep-alive connection, and send real API requests back to back:
//   query    POST /v1/queries?wait=10 for bgp-status, answered from the store (warmed first)
//   routers  GET /v1/routers
//   mix      query, routers, query, connections, query, ... (60 % queries)
// The clients are raw non-blocking sockets on epoll in --client-threads threads (default 1),
// with every request prebuilt, so a request costs the client a send, a recv and a few compares;
// their CPU time is measured and printed beside the server's. Client and server share this
// machine's cores.
//
// Then each throttle scope (client, router, network-wide) in turn is set to Reject above its
// limit and driven at twice it with queries that miss the store (they reach the scheduler);
// printed: the accepted rate in the steady state (after the burst is spent) against the limit,
// and the refusals, each with its retry-after or not.
//
// --team CONNINFO (a libpq string; tests/postgres/with_postgres.sh gives one as RL_TEST_PG): team
// mode, two service instances in this process on one PostgreSQL database, each with its own
// connections, store, shared throttle counters and work exchange as two routerlens-serve
// processes would have (they share this process's cores, as two processes on one machine do).
// The clients are split between them; the throttles are the team's, so a client, a router and
// the network keep one limit whichever instance is asked.
//
// Prints figures; asserts nothing about time. --smoke (ctest) runs a short mix and a short
// client-throttle drive and fails only on a wrong answer: an unexpected status or error, a
// request left unanswered, a throttled answer without a retry-after.

#include "engine/api/event_log.h"
#include "engine/service/router_data_service.h"
#include "engine/team/pg_database.h"
#include "engine/team/pg_result_store.h"
#include "engine/team/pg_throttle_state_store.h"
#include "engine/team/pg_work_exchange.h"
#include "engine/transport/demo_transport.h"
#include "server/api_server.h"
#include "server/http_server.h"
#include "server/token_store.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <latch>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

using namespace rl;

namespace {

// ---- clocks --------------------------------------------------------------------------------

qint64 nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double cpuSeconds(clockid_t clock)
{
    timespec ts;
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2) : QStringLiteral("?");
}

// ---- HTTP on raw sockets -------------------------------------------------------------------

std::string httpRequest(const char *method, const std::string &path, const std::string &token, const std::string &body = {})
{
    std::string r = std::string(method) + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.empty())
        r += "Authorization: Bearer " + token + "\r\n";
    if (!body.empty())
        r += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

std::string queryBody(const std::string &router, int maxAgeSeconds)
{
    return "{\"routers\":[\"" + router + "\"],\"query\":\"bgp-status\",\"maxAgeSeconds\":" + std::to_string(maxAgeSeconds) + '}';
}

// One response as the client sees it.
struct Answer {
    int status = 0;
    bool retryAfter = false;  // a Retry-After header, or retryAfterMs in the body
    bool throttled = false;   // 429, or a router's part refused with "throttled"
    bool errorInBody = false; // an error object anywhere in the body (a part's, or the whole answer's)
    bool close = false;
    std::string_view body;
};

// The bytes the first complete response in `buf` takes (filling `a`), or 0 while incomplete.
// The server writes its headers in one spelling (server/http_server.cpp); responses never overlap.
size_t parseResponse(std::string_view buf, Answer &a)
{
    const size_t headEnd = buf.find("\r\n\r\n");
    if (headEnd == std::string_view::npos)
        return 0;
    const std::string_view head = buf.substr(0, headEnd + 2);
    if (head.size() < 12 || head.substr(0, 7) != "HTTP/1.") {
        a = Answer{};
        return buf.size(); // not HTTP: counted as an error, the connection is dropped
    }
    a.status = std::atoi(std::string(head.substr(9, 3)).c_str());
    size_t length = 0;
    if (const size_t at = head.find("\r\nContent-Length: "); at != std::string_view::npos)
        length = size_t(std::atoll(std::string(head.substr(at + 18, 20)).c_str()));
    if (buf.size() < headEnd + 4 + length)
        return 0;
    a.body = buf.substr(headEnd + 4, length);
    a.close = head.find("\r\nConnection: close") != std::string_view::npos;
    a.retryAfter = head.find("\r\nRetry-After: ") != std::string_view::npos || a.body.find("\"retryAfterMs\":") != std::string_view::npos;
    a.errorInBody = a.body.find("\"error\":") != std::string_view::npos;
    a.throttled = a.status == 429 || a.body.find("\"code\":\"throttled\"") != std::string_view::npos;
    return headEnd + 4 + length;
}

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0) {
        ::close(fd);
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

// One request on a connection of its own, blocking (warming the store, checks).
struct Reply {
    int status = 0;
    std::string body;
    bool errorInBody = false;
};
Reply call(quint16 port, const std::string &request)
{
    Reply r;
    const int fd = connectTo(port);
    if (fd < 0)
        return r;
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    std::string in;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        in.append(buf, size_t(n));
        Answer a;
        if (parseResponse(in, a) > 0) {
            r.status = a.status;
            r.body = std::string(a.body);
            r.errorInBody = a.errorInBody;
            break;
        }
    }
    ::close(fd);
    return r;
}

// ---- the clients ---------------------------------------------------------------------------

struct Sample {
    qint64 sentNs;
    qint64 doneNs;
    quint16 status; // 0: the connection failed or never answered
    bool retryAfter;
    bool throttled;
    bool errorInBody;
};

// One simulated client: a keep-alive connection sending its requests in turn.
struct Conn {
    std::vector<std::string> cycle; // requests, in turn
    quint16 port = 0;               // the service it talks to; 0: drive()'s
    qint64 intervalNs = 0;          // 0: back to back; else paced, one request per interval
    qint64 offsetNs = 0;            // paced: when its first request goes, after the start

    int fd = -1;
    size_t next = 0;
    const std::string *out = nullptr;
    size_t outOff = 0;
    std::string in;
    bool busy = false;
    qint64 sentNs = 0;
    qint64 dueNs = 0;
};

struct Window {
    qint64 startNs;   // first requests go
    qint64 measureNs; // figures from here (warm-up before)
    qint64 endNs;     // no request goes after this
};

struct ThreadFigures {
    std::vector<Sample> samples;
    double cpuAtMeasure = 0, cpuAtEnd = 0;
};

class ClientThread
{
public:
    ClientThread(quint16 port, std::vector<Conn *> conns) : m_port(port), m_conns(std::move(conns)) {}

    // Connects every client, waits for the others at `ready`, then drives until the window ends
    // and every request sent has its answer (or 10 s more have passed).
    void run(std::latch &ready, const std::atomic<const Window *> &windowSlot, ThreadFigures &fig)
    {
        m_fig = &fig;
        m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
        for (Conn *c : m_conns)
            open(*c);
        ready.arrive_and_wait();
        const Window *w = nullptr;
        while (!(w = windowSlot.load()))
            std::this_thread::yield();
        m_window = *w;
        for (Conn *c : m_conns)
            c->dueNs = m_window.startNs + c->offsetNs;
        bool measuring = false, ended = false;
        epoll_event events[256];
        for (;;) {
            const qint64 now = nowNs();
            if (!measuring && now >= m_window.measureNs) {
                measuring = true;
                fig.cpuAtMeasure = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
            }
            if (!ended && now >= m_window.endNs) {
                ended = true;
                fig.cpuAtEnd = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
            }
            qint64 nextDue = std::numeric_limits<qint64>::max();
            int busy = 0;
            for (Conn *c : m_conns) {
                if (!c->busy && !ended && c->fd >= 0) {
                    if (now >= c->dueNs)
                        send(*c, now);
                    else
                        nextDue = std::min(nextDue, c->dueNs);
                }
                busy += c->busy ? 1 : 0;
            }
            if (ended && (busy == 0 || now > m_window.endNs + 10'000'000'000LL))
                break;
            qint64 waitNs = std::min(nextDue, ended ? now + 100'000'000 : m_window.endNs) - now;
            if (!measuring)
                waitNs = std::min(waitNs, m_window.measureNs - now);
            const int timeoutMs = int(std::clamp<qint64>((waitNs + 999'999) / 1'000'000, 0, 100));
            const int n = ::epoll_wait(m_epoll, events, 256, timeoutMs);
            for (int i = 0; i < n; ++i) {
                Conn *c = static_cast<Conn *>(events[i].data.ptr);
                if (events[i].events & EPOLLOUT)
                    flush(*c);
                if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                    readable(*c, ended);
            }
        }
        for (Conn *c : m_conns) {
            if (c->busy)
                record(*c, Answer{}, nowNs()); // never answered
            if (c->fd >= 0)
                ::close(c->fd);
            c->fd = -1;
        }
        ::close(m_epoll);
    }

private:
    void open(Conn &c)
    {
        c.fd = connectTo(c.port ? c.port : m_port);
        c.in.clear();
        c.busy = false;
        if (c.fd < 0)
            return;
        ::fcntl(c.fd, F_SETFL, ::fcntl(c.fd, F_GETFL) | O_NONBLOCK);
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.ptr = &c;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &ev);
    }

    void reopen(Conn &c)
    {
        if (c.fd >= 0) {
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
            ::close(c.fd);
        }
        open(c);
    }

    void send(Conn &c, qint64 now)
    {
        c.out = &c.cycle[c.next++ % c.cycle.size()];
        c.outOff = 0;
        c.busy = true;
        c.sentNs = now;
        // Paced clients keep to their grid: a late answer makes the next request go at once,
        // not shift every later one.
        c.dueNs = c.intervalNs > 0 ? std::max(c.dueNs + c.intervalNs, now - c.intervalNs) : now;
        flush(c);
    }

    void flush(Conn &c)
    {
        while (c.out && c.outOff < c.out->size()) {
            const ssize_t n = ::send(c.fd, c.out->data() + c.outOff, c.out->size() - c.outOff, MSG_NOSIGNAL);
            if (n > 0) {
                c.outOff += size_t(n);
                continue;
            }
            if (n < 0 && errno == EAGAIN) {
                epoll_event ev{};
                ev.events = EPOLLIN | EPOLLOUT;
                ev.data.ptr = &c;
                ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
                return;
            }
            return; // the connection failed: readable() sees it
        }
        if (c.out) {
            c.out = nullptr;
            epoll_event ev{};
            ev.events = EPOLLIN;
            ev.data.ptr = &c;
            ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
        }
    }

    void readable(Conn &c, bool ended)
    {
        char buf[65536];
        bool closed = false;
        for (;;) {
            const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
            if (n > 0) {
                c.in.append(buf, size_t(n));
                continue;
            }
            closed = n == 0 || errno != EAGAIN;
            break;
        }
        Answer a;
        while (c.busy) {
            const size_t used = parseResponse(c.in, a);
            if (used == 0)
                break;
            const qint64 now = nowNs();
            record(c, a, now);
            c.in.erase(0, used);
            if (a.close || a.status == 0) {
                closed = true;
                break;
            }
            if (!ended && c.intervalNs == 0 && now < m_window.endNs)
                send(c, now);
        }
        if (closed) {
            if (c.busy)
                record(c, Answer{}, nowNs());
            reopen(c);
        }
    }

    void record(Conn &c, const Answer &a, qint64 now)
    {
        c.busy = false;
        m_fig->samples.push_back(Sample{c.sentNs, now, quint16(a.status), a.retryAfter, a.throttled, a.errorInBody});
    }

    quint16 m_port;
    std::vector<Conn *> m_conns;
    ThreadFigures *m_fig = nullptr;
    Window m_window{};
    int m_epoll = -1;
};

struct Load {
    std::vector<Sample> samples; // answered in the measured window (load) or sent in it (throttle)
    double seconds = 0;
    double clientCpu = 0;        // the client threads, in the measured window
    double processCpu = 0;       // the whole process (client and server), in the measured window
};

// Drives `conns` from `threads` client threads. The figures cover [warm-up, warm-up + seconds).
// Runs on a thread of its own while the service's event loop runs on the main thread.
// `atMeasure` and `atEnd`, when given, run at the window's two ends (on this thread).
Load drive(quint16 port, std::vector<Conn> &conns, int threads, double warmupSeconds, double seconds, bool bySendTime,
           const std::function<void()> &atMeasure = {}, const std::function<void()> &atEnd = {})
{
    threads = std::max(1, std::min<int>(threads, int(conns.size())));
    std::vector<std::vector<Conn *>> split(static_cast<size_t>(threads));
    for (size_t i = 0; i < conns.size(); ++i)
        split[i % size_t(threads)].push_back(&conns[i]);
    std::vector<ThreadFigures> figs(static_cast<size_t>(threads));
    std::latch ready(threads + 1);
    std::atomic<const Window *> slot{nullptr};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] { ClientThread(port, split[size_t(t)]).run(ready, slot, figs[size_t(t)]); });
    ready.arrive_and_wait();
    const qint64 start = nowNs() + 20'000'000;
    const Window w{start, start + qint64(warmupSeconds * 1e9), start + qint64((warmupSeconds + seconds) * 1e9)};
    slot.store(&w);
    std::this_thread::sleep_for(std::chrono::nanoseconds(w.measureNs - nowNs()));
    const double proc0 = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
    if (atMeasure)
        atMeasure();
    std::this_thread::sleep_for(std::chrono::nanoseconds(w.endNs - nowNs()));
    const double proc1 = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
    if (atEnd)
        atEnd();
    for (std::thread &t : pool)
        t.join();
    Load load;
    load.seconds = seconds;
    load.processCpu = proc1 - proc0;
    for (const ThreadFigures &f : figs) {
        load.clientCpu += f.cpuAtEnd - f.cpuAtMeasure;
        for (const Sample &s : f.samples) {
            const qint64 at = bySendTime ? s.sentNs : s.doneNs;
            if (at >= w.measureNs && at < w.endNs)
                load.samples.push_back(s);
            else if (!bySendTime && s.status == 0 && s.sentNs < w.endNs) // a failure is never left out
                load.samples.push_back(s);
        }
    }
    return load;
}

// ---- the service -------------------------------------------------------------------------------

struct Client {
    std::string id;
    std::string token;
    std::string router; // the router its store-answered query asks
};

// Counts what reaches the routers: one run per job, however many requests were coalesced onto it.
class CountingTransportFactory final : public TransportFactory
{
public:
    explicit CountingTransportFactory(std::shared_ptr<TransportFactory> inner) : m_inner(std::move(inner)) {}
    std::unique_ptr<Transport> create(const Router &router, const SessionProfile &profile) override
    {
        std::unique_ptr<Transport> t = m_inner->create(router, profile);
        return t ? std::make_unique<Counting>(std::move(t), m_runs) : nullptr;
    }
    qint64 runs() const { return m_runs->load(); }

private:
    class Counting final : public Transport
    {
    public:
        Counting(std::unique_ptr<Transport> inner, std::shared_ptr<std::atomic<qint64>> runs)
            : m_inner(std::move(inner)), m_runs(std::move(runs))
        {
        }
        Result<QList<CommandOutput>> run(const QStringList &commands, const ExecOptions &options) override
        {
            ++*m_runs;
            return m_inner->run(commands, options);
        }
        void close() override { m_inner->close(); }
        bool isOpen() const override { return m_inner->isOpen(); }

    private:
        std::unique_ptr<Transport> m_inner;
        std::shared_ptr<std::atomic<qint64>> m_runs;
    };
    std::shared_ptr<TransportFactory> m_inner;
    std::shared_ptr<std::atomic<qint64>> m_runs = std::make_shared<std::atomic<qint64>>(0);
};

// routerlens-serve, wired as app/routerlens_serve.cpp wires it, on the demo lab answering at once.
class Stand
{
public:
    // `database`: team mode on that PostgreSQL database. `tokens`: shared with another stand
    // (one token works on both, as with one token file); default: its own.
    explicit Stand(const ThrottlePolicy &throttle, const QString &database = {},
                   std::shared_ptr<TokenStore> tokens = {})
        : m_tokens(tokens ? std::move(tokens) : std::make_shared<TokenStore>())
    {
        Result<DemoScenario> scenario = DemoScenario::load();
        if (!scenario) {
            std::fprintf(stderr, "bench_serve: the demo lab: %s\n", qPrintable(scenario.error().message));
            std::exit(1);
        }
        DemoScenario lab = std::move(scenario).value();
        for (DemoRouter &r : lab.routers)
            r.latencyMs = 0; // what is measured is the service, not a router's speed
        EngineSettings settings = EngineSettings::defaults();
        settings.storePath = m_dir.filePath(QStringLiteral("store.sqlite"));
        settings.throttle = throttle;
        settings.cacheTtlSeconds[QueryKind::BgpStatus] = 3600; // stays fresh for the whole run
        RouterDataService::Backends backends;
        m_transports = std::make_shared<CountingTransportFactory>(std::make_shared<DemoTransportFactory>(lab));
        backends.transports = m_transports;
        if (!database.isEmpty()) {
            m_db = std::make_shared<PgDatabase>(database);
            if (const Error e = m_db->open()) {
                std::fprintf(stderr, "bench_serve: the team database: %s\n", qPrintable(e.toString()));
                std::exit(1);
            }
            m_exchange = std::make_shared<PgWorkExchange>(m_db);
            backends.store = std::make_shared<PgResultStore>(m_db);
            backends.throttleState = std::make_shared<PgThrottleStateStore>(m_db);
            backends.workExchange = m_exchange;
        }
        m_service = std::make_unique<RouterDataService>(settings, backends);
        m_service->setInventory(lab.inventory());
        m_api = std::make_unique<ApiServer>(*m_service, *m_tokens, ApiServer::Options{});
        m_http = std::make_unique<HttpServer>(HttpServer::Limits{});
        m_http->setHandler([this](const HttpRequest &r, HttpResponder responder) { m_api->handle(r, std::move(responder)); });
        const Result<quint16> port = m_http->listen(QHostAddress::LocalHost, 0, std::nullopt);
        if (!port) {
            std::fprintf(stderr, "bench_serve: %s\n", qPrintable(port.error().message));
            std::exit(1);
        }
        m_port = *port;
        std::fprintf(stderr, "bench_serve: serving http://127.0.0.1:%u/ (the demo lab, answers at once)\n", unsigned(m_port));
    }

    // A client with a token of its own. External clients see their customer's routers only.
    Client addClient(const QString &id, Role role, const QString &customer, const std::string &router)
    {
        const Result<QString> token = m_tokens->create(ClientIdentity{id, role, customer});
        if (!token) {
            std::fprintf(stderr, "bench_serve: token: %s\n", qPrintable(token.error().message));
            std::exit(1);
        }
        return Client{id.toStdString(), token->toStdString(), router};
    }

    quint16 port() const { return m_port; }
    RouterDataService &service() { return *m_service; }
    qint64 routerRuns() const { return m_transports->runs(); }
    std::shared_ptr<TokenStore> tokens() const { return m_tokens; }
    const PgWorkExchange *exchange() const { return m_exchange.get(); }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<CountingTransportFactory> m_transports;
    std::shared_ptr<TokenStore> m_tokens; // in memory
    std::shared_ptr<PgDatabase> m_db;
    std::shared_ptr<PgWorkExchange> m_exchange;
    std::unique_ptr<RouterDataService> m_service;
    std::unique_ptr<ApiServer> m_api;
    std::unique_ptr<HttpServer> m_http;
    quint16 m_port = 0;
};

// Runs `work` on a thread of its own while the main thread serves; returns when it is done.
template<typename F>
void whileServing(F work)
{
    std::thread t([&] {
        work();
        QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit, Qt::QueuedConnection);
    });
    QCoreApplication::exec();
    t.join();
}

// ---- figures -----------------------------------------------------------------------------------

double percentileMs(std::vector<qint64> &sortedNs, double p)
{
    if (sortedNs.empty())
        return 0;
    const size_t i = std::min(sortedNs.size() - 1, size_t(p / 100.0 * double(sortedNs.size())));
    return double(sortedNs[i]) / 1e6;
}

struct LoadFigures {
    double rps = 0, p50 = 0, p95 = 0, p99 = 0, max = 0;
    int answered = 0, errors = 0, throttled = 0, retryAfter = 0;
    double clientCpuShare = 0;  // of one core
    double serverCpuShare = 0;  // of one core
    double serverCpuPerRequestUs = 0;
};

// `expectedOk`: 200 without an error in the body. A 429 is counted apart (expected under load);
// anything else (another status, an error object, no answer) is an error.
LoadFigures figuresOf(const Load &load)
{
    LoadFigures f;
    std::vector<qint64> lat;
    lat.reserve(load.samples.size());
    for (const Sample &s : load.samples) {
        if (s.status == 429 || (s.status == 200 && s.throttled)) {
            ++f.throttled;
            f.retryAfter += s.retryAfter ? 1 : 0;
        } else if (s.status != 200 || s.errorInBody) {
            ++f.errors;
        }
        if (s.status != 0) {
            ++f.answered;
            lat.push_back(s.doneNs - s.sentNs);
        }
    }
    std::sort(lat.begin(), lat.end());
    f.rps = double(f.answered) / load.seconds;
    f.p50 = percentileMs(lat, 50);
    f.p95 = percentileMs(lat, 95);
    f.p99 = percentileMs(lat, 99);
    f.max = lat.empty() ? 0 : double(lat.back()) / 1e6;
    f.clientCpuShare = load.clientCpu / load.seconds;
    f.serverCpuShare = (load.processCpu - load.clientCpu) / load.seconds;
    f.serverCpuPerRequestUs = f.answered ? (load.processCpu - load.clientCpu) / f.answered * 1e6 : 0;
    return f;
}

// ---- the runs ----------------------------------------------------------------------------------

struct Options {
    double seconds = 5;
    double warmup = 1;
    std::vector<int> clientCounts{8, 32, 128};
    int clientThreads = 1;
    double throttleSeconds = 10;
    bool load = true;
    bool throttle = true;
    bool smoke = false;
    QString team; // PostgreSQL: two instances on it
};

// One stand, or (team mode) two on one database sharing their tokens.
std::vector<std::unique_ptr<Stand>> makeStands(const ThrottlePolicy &policy, const Options &o)
{
    std::vector<std::unique_ptr<Stand>> stands;
    stands.push_back(std::make_unique<Stand>(policy, o.team));
    if (!o.team.isEmpty())
        stands.push_back(std::make_unique<Stand>(policy, o.team, stands.front()->tokens()));
    return stands;
}

EngineMetrics sumMetrics(const std::vector<std::unique_ptr<Stand>> &stands)
{
    EngineMetrics sum;
    for (const auto &s : stands) {
        const EngineMetrics m = s->service().metrics();
        sum.cacheHits += m.cacheHits;
        sum.completed += m.completed;
        sum.failed += m.failed;
        sum.coalesced += m.coalesced;
    }
    return sum;
}

qint64 sumRouterRuns(const std::vector<std::unique_ptr<Stand>> &stands)
{
    qint64 runs = 0;
    for (const auto &s : stands)
        runs += s->routerRuns();
    return runs;
}

const char *const Customers[] = {"globex", "initech", "umbrella"};

// Client i: even internal, odd external (the customers in turn). Each asks bgp-status of a
// provider router it may see: umbrella's is pe2-ams, globex's and initech's pe1-par.
std::vector<Client> makeClients(Stand &stand, int n)
{
    std::vector<Client> clients;
    for (int i = 0; i < n; ++i) {
        if (i % 2 == 0) {
            clients.push_back(stand.addClient(QStringLiteral("noc-%1").arg(i), Role::Internal, {},
                                              (i / 2) % 2 ? "pe2-ams" : "pe1-par"));
        } else {
            const char *customer = Customers[(i / 2) % 3];
            clients.push_back(stand.addClient(QStringLiteral("%1-ops-%2").arg(QLatin1String(customer)).arg(i), Role::External,
                                              QLatin1String(customer), std::strcmp(customer, "umbrella") == 0 ? "pe2-ams" : "pe1-par"));
        }
    }
    return clients;
}

std::vector<std::string> cycleFor(const std::string &scenario, const Client &c)
{
    const std::string query = httpRequest("POST", "/v1/queries?wait=10", c.token, queryBody(c.router, 86400));
    const std::string routers = httpRequest("GET", "/v1/routers", c.token);
    const std::string connections = httpRequest("GET", "/v1/connections", c.token);
    if (scenario == "query")
        return {query};
    if (scenario == "routers")
        return {routers};
    return {query, routers, query, connections, query};
}

// Asks pe1-par and pe2-ams once (maxAgeSeconds 0): the store then holds their answers.
bool warmStore(quint16 port, const Client &internal)
{
    for (const char *router : {"pe1-par", "pe2-ams"}) {
        const Reply r = call(port, httpRequest("POST", "/v1/queries?wait=30", internal.token, queryBody(router, 0)));
        if (r.status != 200 || r.errorInBody) {
            std::fprintf(stderr, "bench_serve: warming the store with %s: HTTP %d %s\n", router, r.status, r.body.c_str());
            return false;
        }
    }
    return true;
}

void printLoadHeader()
{
    std::printf("%-8s %7s %9s %7s %7s %7s %7s %7s %5s %11s %11s %12s\n", "scenario", "clients", "req/s", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "errors", "429", "client CPU", "server CPU", "server us/req");
}

void printLoadRow(const std::string &scenario, int clients, const LoadFigures &f)
{
    std::printf("%-8s %7d %9.0f %7.2f %7.2f %7.2f %7.1f %7d %5d %10.0f%% %10.0f%% %12.0f\n", scenario.c_str(), clients, f.rps, f.p50,
                f.p95, f.p99, f.max, f.errors, f.throttled, 100 * f.clientCpuShare, 100 * f.serverCpuShare, f.serverCpuPerRequestUs);
    std::fflush(stdout);
}

// Returns the unexpected errors seen (for --smoke).
int runLoad(const Options &o)
{
    // routerlens-serve's defaults; answers from the store are not throttled
    const std::vector<std::unique_ptr<Stand>> stands = makeStands(ThrottlePolicy{}, o);
    Stand &stand = *stands.front();
    const int most = *std::max_element(o.clientCounts.begin(), o.clientCounts.end());
    const std::vector<Client> clients = makeClients(stand, most);
    int unexpected = 0;
    bool warmed = false;
    // In team mode through the first instance only: the second finds the answers in the shared store.
    whileServing([&] { warmed = warmStore(stand.port(), clients.front()); });
    if (!warmed)
        return 1;
    std::printf("\n== Answered from the store: %g s per run after %g s warm-up, %d client thread(s), load average %s ==\n",
                o.seconds, o.warmup, o.clientThreads, qPrintable(loadAverage()));
    std::printf("(CPU as a share of one core; client = the simulated clients' threads, server = the rest of the process)\n");
    printLoadHeader();
    const std::vector<std::string> scenarios = o.smoke ? std::vector<std::string>{"mix"} : std::vector<std::string>{"query", "routers", "mix"};
    for (const std::string &scenario : scenarios) {
        for (int n : o.clientCounts) {
            std::vector<Conn> conns(static_cast<size_t>(n));
            for (int i = 0; i < n; ++i) {
                conns[size_t(i)].cycle = cycleFor(scenario, clients[size_t(i)]);
                conns[size_t(i)].port = stands[size_t(i) % stands.size()]->port();
            }
            Load load;
            whileServing([&] { load = drive(stand.port(), conns, o.clientThreads, o.warmup, o.seconds, false); });
            const LoadFigures f = figuresOf(load);
            printLoadRow(scenario, n, f);
            unexpected += f.errors + (f.answered == 0 ? 1 : 0);
        }
    }
    const EngineMetrics m = sumMetrics(stands);
    std::printf("engine%s: %lld answers from the store, %lld router jobs completed, %lld failed\n",
                stands.size() > 1 ? "s (both instances)" : "", (long long)m.cacheHits, (long long)m.completed,
                (long long)m.failed);
    std::printf("load average after: %s\n", qPrintable(loadAverage()));
    return unexpected;
}

struct ThrottleCase {
    const char *scope;
    ThrottlePolicy policy;
    double limit;     // per second
    double offered;   // per second, all clients together
    int clients;      // each with its own token and connection
    std::vector<std::string> routers;
};

// Returns the unexpected answers (errors, throttled answers without a retry-after).
int runThrottle(const ThrottleCase &t, const Options &o)
{
    const std::vector<std::unique_ptr<Stand>> stands = makeStands(t.policy, o);
    Stand &stand = *stands.front();
    // Team mode: connections alternate between the instances; a single client gets one to each
    // (its limit must hold across them).
    const int connCount = std::max<int>(t.clients, int(stands.size()));
    std::vector<Conn> conns(static_cast<size_t>(connCount));
    const qint64 interval = qint64(1e9 * connCount / t.offered);
    std::vector<Client> made;
    for (int i = 0; i < t.clients; ++i) {
        // Internal and external clients alike (the externals ask routers of their own customer).
        const bool external = std::strcmp(t.scope, "router") == 0 && i % 2 == 1;
        const char *customer = Customers[(i / 2) % 2]; // globex and initech: pe1-par is theirs
        const Client c = external ? stand.addClient(QStringLiteral("%1-ops-t%2").arg(QLatin1String(customer)).arg(i),
                                                    Role::External, QLatin1String(customer), {})
                                  : stand.addClient(QStringLiteral("noc-t%1").arg(i), Role::Internal, {}, {});
        made.push_back(c);
    }
    for (int i = 0; i < connCount; ++i) {
        const Client &c = made[size_t(i % t.clients)];
        Conn &conn = conns[size_t(i)];
        for (size_t k = 0; k < t.routers.size(); ++k) // every request misses the store: it reaches the scheduler
            conn.cycle.push_back(httpRequest("POST", "/v1/queries?wait=10", c.token, queryBody(t.routers[(k + size_t(i)) % t.routers.size()], 0)));
        conn.intervalNs = interval;
        conn.offsetNs = interval * i / connCount;
        conn.port = stands[size_t(i) % stands.size()]->port();
    }
    // The first seconds spend the burst; the steady state is measured after.
    const RateLimit &limit = std::strcmp(t.scope, "client") == 0 ? t.policy.perClient
        : std::strcmp(t.scope, "router") == 0                  ? t.policy.perRouter
                                                               : t.policy.network;
    const double drain = limit.burst / (t.offered - t.limit) + 1;
    const double seconds = o.smoke ? 3 : o.throttleSeconds;
    // What reached the routers in the window (a coalesced request joins pending identical work
    // and spends no token: one command answers every waiter).
    EngineMetrics m0, m1;
    qint64 runs0 = 0, runs1 = 0;
    Load load;
    whileServing([&] {
        load = drive(
            stand.port(), conns, 1, o.smoke ? 0 : drain, seconds, true,
            [&] {
                m0 = sumMetrics(stands);
                runs0 = sumRouterRuns(stands);
            },
            [&] {
                m1 = sumMetrics(stands);
                runs1 = sumRouterRuns(stands);
            });
    });
    int accepted = 0, throttled = 0, withRetry = 0, errors = 0;
    for (const Sample &s : load.samples) {
        if (s.throttled) {
            ++throttled;
            withRetry += s.retryAfter ? 1 : 0;
        } else if (s.status == 200 && !s.errorInBody) {
            ++accepted;
        } else {
            ++errors;
        }
    }
    int http429 = 0;
    for (const Sample &s : load.samples)
        http429 += s.status == 429 ? 1 : 0;
    const double rate = accepted / seconds;
    const double jobs = double(runs1 - runs0) / seconds; // commands the routers ran
    std::printf("%-8s %6.0f/s %7.0f/s %5d %9.2f/s %+8.2f%% %9.2f/s %+8.2f%% %9lld %9d %6d %11d %7d\n", t.scope, t.limit,
                double(load.samples.size()) / seconds, int(load.samples.size()), rate, 100 * (rate - t.limit) / t.limit, jobs,
                100 * (jobs - t.limit) / t.limit, (long long)(m1.coalesced - m0.coalesced), throttled, http429, withRetry, errors);
    std::fflush(stdout);
    return errors + (throttled - withRetry);
}

int runThrottles(const Options &o)
{
    const RateLimit none{0, 0, ThrottleAction::HoldBack, 10};
    const std::vector<std::string> five{"pe1-par", "pe2-ams", "lab-frr", "lab-bird", "lab-gobgp"};
    std::vector<ThrottleCase> cases;
    {
        ThrottlePolicy p;
        p.perClient = RateLimit{20, 20, ThrottleAction::Reject, 10};
        p.perRouter = none;
        p.network = none;
        cases.push_back({"client", p, 20, 40, 1, five});
    }
    if (!o.smoke) {
        ThrottlePolicy p;
        p.perClient = none;
        p.perRouter = RateLimit{20, 20, ThrottleAction::Reject, 10};
        p.network = none;
        cases.push_back({"router", p, 20, 40, 4, {"pe1-par"}});
        p.perRouter = none;
        p.network = RateLimit{50, 50, ThrottleAction::Reject, 10};
        cases.push_back({"network", p, 50, 100, 4, five});
    }
    std::printf("\n== Throttles: each scope alone set to Reject and driven at twice its limit with queries that miss the "
                "store; %g s of steady state after the burst is spent, load average %s ==\n",
                o.smoke ? 3 : o.throttleSeconds, qPrintable(loadAverage()));
    if (o.smoke)
        std::printf("(smoke: the burst is inside the window, so the rates are above the limit by it)\n");
    std::printf("%-8s %8s %9s %5s %11s %9s %11s %9s %9s %9s %6s %11s %7s\n", "scope", "limit", "offered", "sent", "accepted",
                "vs limit", "router runs", "vs limit", "coalesced", "throttled", "429", "retry-after", "errors");
    int unexpected = 0;
    for (const ThrottleCase &t : cases)
        unexpected += runThrottle(t, o);
    return unexpected;
}

std::vector<int> parseCounts(const QString &text)
{
    std::vector<int> out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const int n = part.toInt(); n > 0)
            out.push_back(std::min(n, 250)); // the server's limit is 256 connections
    return out.empty() ? std::vector<int>{8} : out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    EventLog::instance().setEchoLevel(LogEntry::Level::Error, false);
    Options o;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const bool hasValue = i + 1 < args.size();
        const QString value = args.value(i + 1);
        if (a == QLatin1String("--smoke")) {
            o.smoke = true;
            continue;
        }
        if (a == QLatin1String("--team") && hasValue) {
            o.team = value;
            ++i;
            continue;
        }
        if (!hasValue || !a.startsWith(QLatin1String("--"))) {
            std::fprintf(stderr,
                         "usage: bench_serve [--seconds S] [--clients 8,32,128] [--client-threads T] [--throttle-seconds S] "
                         "[--only load|throttle] [--smoke] [--team CONNINFO]\n");
            return 2;
        }
        ++i;
        if (a == QLatin1String("--seconds"))
            o.seconds = std::max(0.5, value.toDouble());
        else if (a == QLatin1String("--clients"))
            o.clientCounts = parseCounts(value);
        else if (a == QLatin1String("--client-threads"))
            o.clientThreads = std::max(1, value.toInt());
        else if (a == QLatin1String("--throttle-seconds"))
            o.throttleSeconds = std::max(1.0, value.toDouble());
        else if (a == QLatin1String("--only")) {
            o.load = value == QLatin1String("load");
            o.throttle = value == QLatin1String("throttle");
        } else {
            std::fprintf(stderr, "bench_serve: no option %s (see the file's head)\n", qPrintable(a));
            return 2;
        }
    }
    if (o.smoke) {
        o.seconds = 2;
        o.warmup = 0.3;
        o.clientCounts = {8};
    }
    std::printf("bench_serve: routerlens-serve's API in this process on 127.0.0.1, the demo lab answering at once; "
                "%d CPU(s), client and server share them\n",
                std::thread::hardware_concurrency());
    if (!o.team.isEmpty())
        std::printf("team mode: two service instances on one PostgreSQL database (%s), the clients split between them\n",
                    qPrintable(PgDatabase(o.team).describe()));
    int unexpected = 0;
    if (o.load)
        unexpected += runLoad(o);
    if (o.throttle)
        unexpected += runThrottles(o);
    if (o.smoke) {
        std::printf("\nsmoke: %d unexpected answer(s)\n", unexpected);
        return unexpected == 0 ? 0 : 1;
    }
    return 0;
}
