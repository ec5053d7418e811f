#include "engine/service/engine_settings.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rl;

class TestEngineSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sshConfigFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("engine.ini");
        EngineSettings s = EngineSettings::defaults();
        QVERIFY(s.sshConfigPath().endsWith(QLatin1String("/.ssh/config"))); // OpenSSH's file by default
        s.sshConfigFile = QStringLiteral("NONE");
        QVERIFY(s.sshConfigPath().isEmpty());
        s.sshConfigFile = QStringLiteral("/etc/routerlens/ssh_config");
        {
            QSettings qs(file, QSettings::IniFormat);
            s.save(qs);
        }
        QSettings qs(file, QSettings::IniFormat);
        QCOMPARE(qs.value(QStringLiteral("ssh/configFile")).toString(), QStringLiteral("/etc/routerlens/ssh_config"));
        QCOMPARE(EngineSettings::load(qs).sshConfigPath(), QStringLiteral("/etc/routerlens/ssh_config"));
    }

    void roundTrip()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("engine.ini");
        EngineSettings s = EngineSettings::defaults();
        s.maxInFlightPerRouter = 3;
        s.requestTimeoutMs = 12345;
        s.throttle.network = RateLimit{50, 75, ThrottleAction::Reject, 3};
        s.throttle.clientOverrides.insert("support-bot", RateLimit{2, 4, ThrottleAction::Suspend, 30});
        s.throttle.routerOverrides.insert("core1", RateLimit{1, 1, ThrottleAction::HoldBack, 10});
        s.priority.agingPerSecond = 2.5;
        s.priority.kindWeight[QueryKind::Optics] = 77;
        s.cacheTtlSeconds[QueryKind::ArpTable] = 9;
        s.operatorRole = QStringLiteral("external");
        s.operatorCustomer = QStringLiteral("globex");
        {
            QSettings qs(file, QSettings::IniFormat);
            s.save(qs);
        }
        QSettings qs(file, QSettings::IniFormat);
        QCOMPARE(qs.value("throttle/network/action").toString(), QString("reject")); // enums by name
        const EngineSettings back = EngineSettings::load(qs);
        QCOMPARE(back.maxInFlightPerRouter, 3);
        QCOMPARE(back.requestTimeoutMs, 12345);
        QCOMPARE(back.throttle, s.throttle);
        QCOMPARE(back.priority, s.priority);
        QCOMPARE(back.cacheTtlFor(QueryKind::ArpTable), 9);
        QCOMPARE(back.cacheTtlFor(QueryKind::Facts), 3600);
        QCOMPARE(qs.value("engine/operatorCustomer").toString(), QString("globex"));
        QCOMPARE(back.operatorRole, QString("external"));
        QCOMPARE(back.operatorCustomer, QString("globex"));
    }

    void emptyStoreGivesDefaults()
    {
        QTemporaryDir dir;
        QSettings qs(dir.filePath("none.ini"), QSettings::IniFormat);
        const EngineSettings d = EngineSettings::load(qs);
        const EngineSettings def = EngineSettings::defaults();
        QCOMPARE(d.throttle, def.throttle);
        QCOMPARE(d.priority, def.priority);
        QCOMPARE(d.maxInFlightTotal, def.maxInFlightTotal);
        QCOMPARE(d.operatorRole, QString("internal"));
        QVERIFY(d.operatorCustomer.isEmpty()); // no customer until an external operator names one
    }

    // A settings file (--settings FILE) is input like any other: timeouts and ages out of range
    // are held to their range, text where a number belongs gives the default.
    void numbersAreRangeChecked()
    {
        QTemporaryDir dir;
        QSettings qs(dir.filePath("wild.ini"), QSettings::IniFormat);
        qs.setValue("engine/connectTimeoutMs", -5);
        qs.setValue("engine/commandTimeoutMs", "thirty seconds");
        qs.setValue("engine/requestTimeoutMs", "99999999999");
        qs.setValue("engine/idleTimeoutMs", 0);
        qs.setValue("store/historyRetentionDays", -1);
        qs.setValue("engine/maxInFlightTotal", "many");
        qs.setValue("store/usageRetentionDays", -3);
        qs.setValue("store/usageFlushSeconds", 0);
        const EngineSettings e = EngineSettings::load(qs);
        const EngineSettings def = EngineSettings::defaults();
        QCOMPARE(e.connectTimeoutMs, 100);
        QCOMPARE(e.commandTimeoutMs, def.commandTimeoutMs);
        QCOMPARE(e.requestTimeoutMs, 24 * 3600 * 1000);
        QCOMPARE(e.idleTimeoutMs, 1000);
        QCOMPARE(e.historyRetentionDays, 0);
        QCOMPARE(e.maxInFlightTotal, def.maxInFlightTotal);
        QCOMPARE(e.usageRetentionDays, 0); // keep all
        QCOMPARE(e.usageFlushSeconds, 1);  // never "every 0 s"
        QCOMPARE(def.usageRetentionDays, 90);
        QCOMPARE(def.usageFlushSeconds, 5);
    }

    void unknownActionNameFallsBack()
    {
        QTemporaryDir dir;
        QSettings qs(dir.filePath("bad.ini"), QSettings::IniFormat);
        qs.setValue("throttle/router/action", "explode");
        QCOMPARE(EngineSettings::load(qs).throttle.perRouter.action, EngineSettings::defaults().throttle.perRouter.action);
    }
};

QTEST_GUILESS_MAIN(TestEngineSettings)
#include "tst_engine_settings.moc"
