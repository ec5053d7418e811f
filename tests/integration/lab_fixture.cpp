#include "lab_fixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

QString LabFixture::setUp(rl::EngineSettings settings)
{
    m_inventoryPath = qEnvironmentVariable("ROUTERLENS_LAB_INVENTORY");
    if (m_inventoryPath.isEmpty())
        return QStringLiteral("ROUTERLENS_LAB_INVENTORY is not set: the router lab is not up. Run scripts/test.sh as root "
                              "(it brings lab/up.sh up around the suite).");
    if (!QFileInfo::exists(m_inventoryPath))
        return QStringLiteral("The lab inventory %1 does not exist: lab/up.sh did not finish.").arg(m_inventoryPath);
    if (qEnvironmentVariableIsEmpty("RL_LAB_PASSWORD"))
        return QStringLiteral("RL_LAB_PASSWORD is not set (scripts/test.sh exports it from lab/state/password).");
    settings.storePath = m_temp.filePath(QStringLiteral("results.sqlite"));
    m_service = std::make_unique<rl::RouterDataService>(settings);
    if (const rl::Error e = m_service->loadInventory(m_inventoryPath))
        return e.toString();
    return {};
}

QString LabFixture::stateDir() const
{
    return QFileInfo(m_inventoryPath).absolutePath();
}

rl::Response LabFixture::ask(const QStringList &routers, rl::QueryKind kind, const rl::QueryParams &params,
                             qint64 maxAgeSeconds, int timeoutMs)
{
    return ask(*m_service, routers, kind, params, maxAgeSeconds, timeoutMs);
}

rl::Response LabFixture::ask(rl::RouterDataService &service, const QStringList &routers, rl::QueryKind kind,
                             const rl::QueryParams &params, qint64 maxAgeSeconds, int timeoutMs)
{
    rl::Request req;
    req.client = {QStringLiteral("lab-test"), rl::Role::Internal, {}};
    req.routers = routers;
    req.kind = kind;
    req.params = params;
    req.maxAgeSeconds = maxAgeSeconds;
    rl::Response answer;
    answer.error = rl::Error(rl::ErrorCode::Timeout, QStringLiteral("The test got no response in time."));
    QEventLoop loop;
    QString id;
    QObject::connect(&service, &rl::RouterDataService::responseReady, &loop, [&](const rl::Response &resp) {
        if (resp.requestId == id) {
            answer = resp;
            loop.quit();
        }
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    id = service.submit(req);
    if (answer.requestId != id)
        loop.exec();
    return answer;
}

QString LabFixture::fault(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("bash"), QStringList{QStringLiteral(TOPSRCDIR "lab/fault.sh")} + args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        return QStringLiteral("lab/fault.sh %1 did not finish within 60 s").arg(args.join(QLatin1Char(' ')));
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("lab/fault.sh %1 failed: %2").arg(args.join(QLatin1Char(' ')), QString::fromUtf8(p.readAll()));
    return {};
}

QString LabFixture::acceptRotatedHostKeys(const QString &node, const QString &address) const
{
    const QString knownHosts = stateDir() + QStringLiteral("/known_hosts");
    QFile kh(knownHosts);
    if (!kh.open(QIODevice::ReadOnly))
        return QStringLiteral("%1 is not readable").arg(knownHosts);
    const QByteArray prefix = address.toLatin1() + ' ';
    QByteArray kept;
    for (const QByteArray &line : kh.readAll().split('\n')) {
        if (!line.isEmpty() && !line.startsWith(prefix))
            kept += line + '\n';
    }
    kh.close();
    const QDir keys(stateDir() + QStringLiteral("/ns/") + node);
    const QStringList pubs = keys.entryList({QStringLiteral("ssh_host_*_key.pub")});
    if (pubs.isEmpty())
        return QStringLiteral("no host keys in %1").arg(keys.path());
    for (const QString &pub : pubs) {
        QFile k(keys.filePath(pub));
        if (!k.open(QIODevice::ReadOnly))
            return QStringLiteral("%1 is not readable").arg(k.fileName());
        const QList<QByteArray> parts = k.readAll().trimmed().split(' ');
        kept += prefix + parts.value(0) + ' ' + parts.value(1) + '\n';
    }
    if (!kh.open(QIODevice::WriteOnly | QIODevice::Truncate) || kh.write(kept) != kept.size())
        return QStringLiteral("%1 could not be written").arg(knownHosts);
    return {};
}

QByteArray LabFixture::inventoryJson() const
{
    QFile f(m_inventoryPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

std::unique_ptr<rl::RouterDataService> LabFixture::serviceWithInventory(const QByteArray &inventoryJson,
                                                                        rl::EngineSettings settings)
{
    const QString path = m_temp.filePath(QStringLiteral("inventory-%1.json").arg(++m_copies));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(inventoryJson) != inventoryJson.size())
        return nullptr;
    f.close();
    settings.storePath = m_temp.filePath(QStringLiteral("results-%1.sqlite").arg(m_copies));
    auto service = std::make_unique<rl::RouterDataService>(settings);
    if (service->loadInventory(path).isError())
        return nullptr;
    return service;
}
