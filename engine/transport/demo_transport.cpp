#include "engine/transport/demo_transport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <chrono>
#include <thread>

namespace rl {

namespace {

Error scenarioError(const QString &file, const QString &what)
{
    return Error(ErrorCode::InventoryError, QStringLiteral("The demo scenario %1 is not usable: %2").arg(file, what));
}

std::optional<DemoRouter::Fault> faultFromName(const QString &name)
{
    if (name.isEmpty() || name == u"none")
        return DemoRouter::Fault::None;
    if (name == u"unreachable")
        return DemoRouter::Fault::Unreachable;
    if (name == u"auth-failed")
        return DemoRouter::Fault::AuthFailed;
    if (name == u"timeout")
        return DemoRouter::Fault::Timeout;
    if (name == u"slow")
        return DemoRouter::Fault::Slow;
    return std::nullopt;
}

// Waits, waking often enough to notice a cancellation. False when cancelled.
bool sleepFor(qint64 ms, const CancelFlag &cancelled)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        if (cancelled && cancelled->load())
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min<qint64>(10, ms - t.elapsed() + 1)));
    }
    return !(cancelled && cancelled->load());
}

// One router's recordings: exact command -> file name (commands.txt) and file name -> exit
// status (exit_status.txt, written by lab/capture.sh). Read once, shared by sessions.
struct CaptureFolder {
    QHash<QString, QString> fileOf;
    QHash<QString, int> exitOf;
};

class CaptureIndex
{
public:
    Result<CaptureFolder> commandsOf(const QString &folder)
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_cache.constFind(folder);
        if (it != m_cache.cend())
            return *it;
        QFile f(folder + QStringLiteral("/commands.txt"));
        if (!f.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Unreachable, QStringLiteral("The demo has no recordings in %1.").arg(folder));
        CaptureFolder index;
        const auto readTable = [](QFile &file, const auto &add) {
            const QList<QByteArray> lines = file.readAll().split('\n');
            for (const QByteArray &raw : lines) {
                const QString line = QString::fromUtf8(raw).trimmed();
                if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                    continue;
                const qsizetype tab = line.indexOf(QLatin1Char('\t'));
                if (tab > 0)
                    add(line.left(tab).trimmed(), line.mid(tab + 1).trimmed());
            }
        };
        readTable(f, [&](const QString &file, const QString &command) { index.fileOf.insert(command, file); });
        QFile e(folder + QStringLiteral("/exit_status.txt"));
        if (e.open(QIODevice::ReadOnly))
            readTable(e, [&](const QString &file, const QString &status) { index.exitOf.insert(file, status.toInt()); });
        m_cache.insert(folder, index);
        return index;
    }

private:
    QMutex m_mutex;
    QHash<QString, CaptureFolder> m_cache;
};

class DemoTransport final : public Transport
{
public:
    DemoTransport(DemoRouter router, QString folder, SessionProfile profile, std::shared_ptr<CaptureIndex> index)
        : m_router(std::move(router)), m_folder(std::move(folder)), m_profile(std::move(profile)), m_index(std::move(index)) {}

    Result<QList<CommandOutput>> run(const QStringList &commands, const ExecOptions &options) override
    {
        for (const QString &c : commands) {
            if (const Error e = m_profile.guard.check(c))
                return e;
        }
        using Fault = DemoRouter::Fault;
        const CancelFlag &cancel = options.cancelled;
        const Error cancelled(ErrorCode::Cancelled, QStringLiteral("The request was cancelled."));
        if (!m_open) {
            // Opening a session costs a round trip more.
            if (!sleepFor(m_router.latencyMs, cancel))
                return cancelled;
            switch (m_router.fault) {
            case Fault::Unreachable:
                return Error(ErrorCode::Unreachable,
                             QStringLiteral("Router %1 (%2) does not answer: no route to host (demo fault).")
                                 .arg(m_router.name, m_router.host));
            case Fault::AuthFailed:
                return Error(ErrorCode::AuthFailed,
                             QStringLiteral("Router %1 refused the login: check the credential profile (demo fault).")
                                 .arg(m_router.name));
            default:
                break;
            }
            m_open = true;
        }
        const Result<CaptureFolder> index = m_index->commandsOf(m_folder);
        if (!index.ok())
            return index.error();
        QList<CommandOutput> out;
        for (const QString &c : commands) {
            QElapsedTimer t;
            t.start();
            if (m_router.fault == Fault::Timeout) {
                const qint64 limit = options.commandTimeoutMs > 0 ? options.commandTimeoutMs : 30000;
                if (!sleepFor(limit, cancel))
                    return cancelled;
                return Error(ErrorCode::Timeout,
                             QStringLiteral("Router %1 did not answer \"%2\" within %3 s (demo fault).")
                                 .arg(m_router.name, c).arg(limit / 1000));
            }
            const qint64 latency = m_router.fault == Fault::Slow ? qint64(m_router.latencyMs) * m_router.slowFactor
                                                                 : m_router.latencyMs;
            if (!sleepFor(latency, cancel))
                return cancelled;
            // The recordings name the command as it went over the wire, wrapper included.
            const QString wired = m_profile.execWrapper.isEmpty() ? c : m_profile.execWrapper.arg(c);
            QString file = index->fileOf.value(wired);
            if (file.isEmpty())
                file = index->fileOf.value(c);
            if (file.isEmpty())
                return Error(ErrorCode::UnsupportedQuery,
                             QStringLiteral("The demo has no recorded output for %1 on %2.").arg(c, m_router.name));
            QFile f(m_folder + QLatin1Char('/') + file);
            if (!f.open(QIODevice::ReadOnly))
                return Error(ErrorCode::UnsupportedQuery,
                             QStringLiteral("The demo has no recorded output for %1 on %2 (%3 is missing).")
                                 .arg(c, m_router.name, file));
            QByteArray text = f.readAll();
            // An exec channel carries stderr too: a failing command's complaint is part of its answer.
            // "x.txt" -> "x.stderr"; any other name gets the suffix appended, never the output itself again.
            const QString errName = file.endsWith(QLatin1String(".txt")) ? file.chopped(4) + QLatin1String(".stderr")
                                                                         : file + QLatin1String(".stderr");
            QFile err(m_folder + QLatin1Char('/') + errName);
            if (err.open(QIODevice::ReadOnly))
                text += err.readAll();
            if (text.size() > options.maxOutputBytes)
                return outputTooLargeError(QStringLiteral("The answer of %1 to \"%2\"").arg(m_router.name, c),
                                           options.maxOutputBytes);
            out.append(CommandOutput{c, std::move(text), index->exitOf.value(file, 0), t.elapsed()});
        }
        return out;
    }

    void close() override { m_open = false; }
    bool isOpen() const override { return m_open; }

private:
    DemoRouter m_router;
    QString m_folder;
    SessionProfile m_profile;
    std::shared_ptr<CaptureIndex> m_index;
    bool m_open = false;
};

std::shared_ptr<CaptureIndex> sharedIndex()
{
    static auto index = std::make_shared<CaptureIndex>();
    return index;
}

} // namespace

Result<DemoScenario> DemoScenario::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return scenarioError(path, QStringLiteral("it cannot be read (%1).").arg(f.errorString()));
    return parse(f.readAll(), path);
}

Result<DemoScenario> DemoScenario::parse(const QByteArray &json, const QString &fileName)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return scenarioError(fileName, QStringLiteral("not a JSON object (%1 at offset %2).").arg(pe.errorString()).arg(pe.offset));
    const QJsonObject root = doc.object();
    DemoScenario s;
    s.capturesRoot = root.value(QStringLiteral("capturesRoot")).toString(s.capturesRoot);
    const QJsonArray routers = root.value(QStringLiteral("routers")).toArray();
    for (const QJsonValue &v : routers) {
        const QJsonObject o = v.toObject();
        DemoRouter r;
        r.name = o.value(QStringLiteral("name")).toString();
        r.platform = o.value(QStringLiteral("platform")).toString();
        r.host = o.value(QStringLiteral("host")).toString(QStringLiteral("demo"));
        r.latencyMs = o.value(QStringLiteral("latencyMs")).toInt(r.latencyMs);
        r.slowFactor = o.value(QStringLiteral("slowFactor")).toInt(r.slowFactor);
        r.captures = o.value(QStringLiteral("captures")).toString(r.name);
        const auto fault = faultFromName(o.value(QStringLiteral("fault")).toString());
        if (r.name.isEmpty() || r.platform.isEmpty() || !fault)
            return scenarioError(fileName, QStringLiteral("router #%1 needs a name, a platform and a known fault.")
                                               .arg(s.routers.size() + 1));
        r.fault = *fault;
        const QJsonObject tags = o.value(QStringLiteral("tags")).toObject();
        for (auto it = tags.begin(); it != tags.end(); ++it)
            r.tags.insert(it.key(), it.value().toString());
        s.routers.append(r);
    }
    if (s.routers.isEmpty())
        return scenarioError(fileName, QStringLiteral("it lists no router."));
    // The connections are read by the inventory's own reader, so the demo's connections carry
    // every field (MTU, prefix limit, expected prefixes, VRFs) and are validated the same way.
    QJsonArray inventoryRouters;
    for (const DemoRouter &r : std::as_const(s.routers))
        inventoryRouters.append(QJsonObject{{QStringLiteral("name"), r.name},
                                            {QStringLiteral("host"), r.host},
                                            {QStringLiteral("platform"), r.platform}});
    const QJsonObject asInventory{{QStringLiteral("version"), 1},
                                  {QStringLiteral("routers"), inventoryRouters},
                                  {QStringLiteral("connections"), root.value(QStringLiteral("connections"))}};
    const Result<Inventory> inv = Inventory::loadJson(QJsonDocument(asInventory).toJson(QJsonDocument::Compact), fileName);
    if (!inv.ok())
        return scenarioError(fileName, inv.error().message);
    s.connections = inv->connections();
    return s;
}

Inventory DemoScenario::inventory() const
{
    Inventory inv;
    for (const DemoRouter &d : routers) {
        Router r;
        r.name = d.name;
        r.host = d.host;
        r.platform = d.platform;
        r.transport = TransportKind::Demo;
        r.tags = d.tags;
        r.tags.insert(QStringLiteral("lab"), QStringLiteral("demo"));
        inv.addRouter(r);
    }
    for (const Connection &c : connections)
        inv.addConnection(c);
    return inv;
}

const DemoRouter *DemoScenario::router(const QString &name) const
{
    for (const DemoRouter &r : routers) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

bool DemoScenario::faultExplains(const QString &name, ErrorCode code) const
{
    const DemoRouter *r = router(name);
    if (!r)
        return false;
    switch (r->fault) {
    case DemoRouter::Fault::Unreachable: return code == ErrorCode::Unreachable;
    case DemoRouter::Fault::AuthFailed: return code == ErrorCode::AuthFailed;
    case DemoRouter::Fault::Timeout: return code == ErrorCode::Timeout;
    case DemoRouter::Fault::None:
    case DemoRouter::Fault::Slow: break;
    }
    return false;
}

DemoTransportFactory::DemoTransportFactory(DemoScenario scenario) : m_scenario(std::move(scenario)) {}

std::unique_ptr<Transport> DemoTransportFactory::create(const Router &router, const SessionProfile &profile)
{
    const DemoRouter *r = m_scenario.router(router.name);
    if (!r)
        return nullptr;
    return std::make_unique<DemoTransport>(*r, m_scenario.capturesRoot + QLatin1Char('/') + r->captures, profile,
                                           sharedIndex());
}

} // namespace rl
