#include "engine/service/engine_settings.h"

#include "engine/transport/ssh_config_file.h"

#include <algorithm>

namespace rl {

namespace {

// Typed keys over the one QSettings store, so a key is spelled once.
namespace Key {
const QString maxInFlightPerRouter = QStringLiteral("engine/maxInFlightPerRouter");
const QString maxInFlightTotal = QStringLiteral("engine/maxInFlightTotal");
const QString connectTimeoutMs = QStringLiteral("engine/connectTimeoutMs");
const QString commandTimeoutMs = QStringLiteral("engine/commandTimeoutMs");
const QString idleTimeoutMs = QStringLiteral("engine/idleTimeoutMs");
const QString workerNiceness = QStringLiteral("engine/workerNiceness");
const QString requestTimeoutMs = QStringLiteral("engine/requestTimeoutMs");
const QString diagnosisSecondReadMs = QStringLiteral("diagnosis/secondReadMs");
const QString maxOutputBytes = QStringLiteral("engine/maxOutputBytes");
const QString historyRetentionDays = QStringLiteral("store/historyRetentionDays");
const QString usageRetentionDays = QStringLiteral("store/usageRetentionDays");
const QString usageFlushSeconds = QStringLiteral("store/usageFlushSeconds");
const QString storePath = QStringLiteral("store/path");
const QString operatorRole = QStringLiteral("operator/role");
const QString operatorCustomer = QStringLiteral("engine/operatorCustomer");
const QString healthSchedules = QStringLiteral("engine/healthSchedules");
const QString sshConfigFile = QStringLiteral("ssh/configFile");
const QString cacheTtl = QStringLiteral("cache/ttlSeconds/");
const QString loadThreshold = QStringLiteral("throttle/loadThreshold");
const QString tightenFactor = QStringLiteral("throttle/tightenFactor");
const QString throttle = QStringLiteral("throttle/");
const QString clientOverrides = QStringLiteral("throttle/clientOverrides");
const QString routerOverrides = QStringLiteral("throttle/routerOverrides");
const QString priority = QStringLiteral("priority/");
const QString kindWeight = QStringLiteral("priority/kindWeight/");
} // namespace Key

void saveLimit(QSettings &s, const QString &prefix, const RateLimit &l)
{
    s.setValue(prefix + QStringLiteral("/rate"), l.ratePerSecond);
    s.setValue(prefix + QStringLiteral("/burst"), l.burst);
    s.setValue(prefix + QStringLiteral("/action"), throttleActionName(l.action));
    s.setValue(prefix + QStringLiteral("/suspendSeconds"), l.suspendSeconds);
}

RateLimit loadLimit(QSettings &s, const QString &prefix, const RateLimit &def)
{
    RateLimit l;
    l.ratePerSecond = s.value(prefix + QStringLiteral("/rate"), def.ratePerSecond).toDouble();
    l.burst = s.value(prefix + QStringLiteral("/burst"), def.burst).toDouble();
    l.action = throttleActionFromName(s.value(prefix + QStringLiteral("/action"), throttleActionName(def.action)).toString())
                   .value_or(def.action);
    l.suspendSeconds = s.value(prefix + QStringLiteral("/suspendSeconds"), def.suspendSeconds).toDouble();
    return l;
}

void saveOverrides(QSettings &s, const QString &group, const QHash<QString, RateLimit> &overrides)
{
    s.remove(group);
    s.beginGroup(group);
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        saveLimit(s, it.key(), it.value());
    s.endGroup();
}

QHash<QString, RateLimit> loadOverrides(QSettings &s, const QString &group, const RateLimit &def)
{
    QHash<QString, RateLimit> out;
    s.beginGroup(group);
    for (const QString &name : s.childGroups())
        out.insert(name, loadLimit(s, name, def));
    s.endGroup();
    return out;
}

} // namespace

EngineSettings EngineSettings::defaults()
{
    EngineSettings s;
    // From the query-kind table: diagnostic basics first, full tables last.
    for (const QueryKindInfo &k : queryKindTable()) {
        s.priority.kindWeight.insert(k.kind, k.priorityWeight);
        s.cacheTtlSeconds.insert(k.kind, k.freshnessSeconds);
    }
    return s;
}

QString EngineSettings::sshConfigPath() const
{
    if (sshConfigFile.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return {};
    return sshConfigFile.isEmpty() ? SshConfigFile::defaultPath() : sshConfigFile;
}

int EngineSettings::cacheTtlFor(QueryKind kind) const
{
    return cacheTtlSeconds.value(kind, 60);
}

namespace {

// A whole number from the settings, held to [min, max]; text that is no number gives the default.
int intIn(QSettings &s, const QString &key, int def, int min, int max)
{
    bool ok = false;
    const qint64 v = s.value(key, def).toLongLong(&ok);
    return ok ? int(std::clamp<qint64>(v, min, max)) : def;
}

} // namespace

EngineSettings EngineSettings::load(QSettings &s)
{
    constexpr int hourMs = 3600 * 1000;
    EngineSettings e = defaults();
    e.maxInFlightPerRouter = intIn(s, Key::maxInFlightPerRouter, e.maxInFlightPerRouter, 1, 64);
    e.maxInFlightTotal = intIn(s, Key::maxInFlightTotal, e.maxInFlightTotal, 1, 4096);
    e.connectTimeoutMs = intIn(s, Key::connectTimeoutMs, e.connectTimeoutMs, 100, hourMs);
    e.commandTimeoutMs = intIn(s, Key::commandTimeoutMs, e.commandTimeoutMs, 100, hourMs);
    e.idleTimeoutMs = intIn(s, Key::idleTimeoutMs, e.idleTimeoutMs, 1000, 24 * hourMs);
    e.requestTimeoutMs = intIn(s, Key::requestTimeoutMs, e.requestTimeoutMs, 1000, 24 * hourMs);
    e.diagnosisSecondReadMs = std::clamp(s.value(Key::diagnosisSecondReadMs, e.diagnosisSecondReadMs).toInt(), 0, 60000);
    e.workerNiceness = std::clamp(s.value(Key::workerNiceness, e.workerNiceness).toInt(), 0, 19);
    e.maxOutputBytes = s.value(Key::maxOutputBytes, e.maxOutputBytes).toLongLong();
    if (e.maxOutputBytes < MinMaxOutputBytes)
        e.maxOutputBytes = DefaultMaxOutputBytes; // 0, negative or not a number: a limit that stops every answer
    e.historyRetentionDays = intIn(s, Key::historyRetentionDays, e.historyRetentionDays, 0, 100 * 365); // 0: keep all
    e.usageRetentionDays = intIn(s, Key::usageRetentionDays, e.usageRetentionDays, 0, 100 * 365);       // 0: keep all
    e.usageFlushSeconds = intIn(s, Key::usageFlushSeconds, e.usageFlushSeconds, 1, 3600);
    e.storePath = s.value(Key::storePath, e.storePath).toString();
    e.operatorRole = s.value(Key::operatorRole, e.operatorRole).toString();
    e.operatorCustomer = s.value(Key::operatorCustomer, e.operatorCustomer).toString().trimmed();
    e.healthSchedules = s.value(Key::healthSchedules, e.healthSchedules).toStringList();
    e.sshConfigFile = s.value(Key::sshConfigFile, e.sshConfigFile).toString();
    for (QueryKind k : allQueryKinds()) {
        e.cacheTtlSeconds[k] = intIn(s, Key::cacheTtl + queryKindName(k), e.cacheTtlFor(k), 0, 365 * 86400);
        e.priority.kindWeight[k] = s.value(Key::kindWeight + queryKindName(k), e.priority.kindWeight.value(k)).toInt();
    }
    ThrottlePolicy &t = e.throttle;
    t.perClient = loadLimit(s, Key::throttle + QStringLiteral("client"), t.perClient);
    t.perRouter = loadLimit(s, Key::throttle + QStringLiteral("router"), t.perRouter);
    t.network = loadLimit(s, Key::throttle + QStringLiteral("network"), t.network);
    t.loadThreshold = s.value(Key::loadThreshold, t.loadThreshold).toDouble();
    t.tightenFactor = s.value(Key::tightenFactor, t.tightenFactor).toDouble();
    t.clientOverrides = loadOverrides(s, Key::clientOverrides, t.perClient);
    t.routerOverrides = loadOverrides(s, Key::routerOverrides, t.perRouter);
    PriorityScheme &p = e.priority;
    p.internalRole = s.value(Key::priority + QStringLiteral("internalRole"), p.internalRole).toInt();
    p.externalRole = s.value(Key::priority + QStringLiteral("externalRole"), p.externalRole).toInt();
    p.adminRole = s.value(Key::priority + QStringLiteral("adminRole"), p.adminRole).toInt();
    p.interactive = s.value(Key::priority + QStringLiteral("interactive"), p.interactive).toInt();
    p.background = s.value(Key::priority + QStringLiteral("background"), p.background).toInt();
    p.agingPerSecond = s.value(Key::priority + QStringLiteral("agingPerSecond"), p.agingPerSecond).toDouble();
    p.heldBackPenalty = s.value(Key::priority + QStringLiteral("heldBackPenalty"), p.heldBackPenalty).toInt();
    return e;
}

void EngineSettings::save(QSettings &s) const
{
    s.setValue(Key::maxInFlightPerRouter, maxInFlightPerRouter);
    s.setValue(Key::maxInFlightTotal, maxInFlightTotal);
    s.setValue(Key::connectTimeoutMs, connectTimeoutMs);
    s.setValue(Key::commandTimeoutMs, commandTimeoutMs);
    s.setValue(Key::idleTimeoutMs, idleTimeoutMs);
    s.setValue(Key::requestTimeoutMs, requestTimeoutMs);
    s.setValue(Key::diagnosisSecondReadMs, diagnosisSecondReadMs);
    s.setValue(Key::workerNiceness, workerNiceness);
    s.setValue(Key::maxOutputBytes, maxOutputBytes);
    s.setValue(Key::historyRetentionDays, historyRetentionDays);
    s.setValue(Key::usageRetentionDays, usageRetentionDays);
    s.setValue(Key::usageFlushSeconds, usageFlushSeconds);
    s.setValue(Key::storePath, storePath);
    s.setValue(Key::operatorRole, operatorRole);
    s.setValue(Key::operatorCustomer, operatorCustomer);
    s.setValue(Key::healthSchedules, healthSchedules);
    s.setValue(Key::sshConfigFile, sshConfigFile);
    for (QueryKind k : allQueryKinds()) {
        s.setValue(Key::cacheTtl + queryKindName(k), cacheTtlFor(k));
        s.setValue(Key::kindWeight + queryKindName(k), priority.kindWeight.value(k));
    }
    saveLimit(s, Key::throttle + QStringLiteral("client"), throttle.perClient);
    saveLimit(s, Key::throttle + QStringLiteral("router"), throttle.perRouter);
    saveLimit(s, Key::throttle + QStringLiteral("network"), throttle.network);
    s.setValue(Key::loadThreshold, throttle.loadThreshold);
    s.setValue(Key::tightenFactor, throttle.tightenFactor);
    saveOverrides(s, Key::clientOverrides, throttle.clientOverrides);
    saveOverrides(s, Key::routerOverrides, throttle.routerOverrides);
    s.setValue(Key::priority + QStringLiteral("internalRole"), priority.internalRole);
    s.setValue(Key::priority + QStringLiteral("externalRole"), priority.externalRole);
    s.setValue(Key::priority + QStringLiteral("adminRole"), priority.adminRole);
    s.setValue(Key::priority + QStringLiteral("interactive"), priority.interactive);
    s.setValue(Key::priority + QStringLiteral("background"), priority.background);
    s.setValue(Key::priority + QStringLiteral("agingPerSecond"), priority.agingPerSecond);
    s.setValue(Key::priority + QStringLiteral("heldBackPenalty"), priority.heldBackPenalty);
}

} // namespace rl
