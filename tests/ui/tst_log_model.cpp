#include "ui/models/log_model.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QThread>

using namespace rl;

class TestLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replaysThenFollows();
    void entriesFromAnotherThread();
    void capacityDropsOldest();
};

void TestLogModel::replaysThenFollows()
{
    EventLog &log = EventLog::instance();
    const QString marker = QStringLiteral("replay-%1").arg(quintptr(this));
    log.info(QStringLiteral("test"), marker);
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.attach(log);
    const int replayed = model.rowCount();
    QVERIFY(replayed >= 1);
    QCOMPARE(model.index(replayed - 1, LogModel::MessageColumn).data().toString(), marker);
    // The replayed entry also sits in the event queue as a queued signal: it must not repeat.
    QCoreApplication::processEvents();
    QCOMPARE(model.rowCount(), replayed);
    log.warning(QStringLiteral("test"), QStringLiteral("after"));
    QTRY_COMPARE(model.rowCount(), replayed + 1);
    QCOMPARE(model.index(replayed, LogModel::LevelColumn).data().toString(), QStringLiteral("warning"));
    QVERIFY(model.index(replayed, 0).data(Qt::ForegroundRole).isValid());
}

void TestLogModel::entriesFromAnotherThread()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.attach(EventLog::instance());
    const int before = model.rowCount();
    QThread *t = QThread::create([] {
        for (int i = 0; i < 50; ++i)
            EventLog::instance().debug(QStringLiteral("worker"), QStringLiteral("line %1").arg(i));
    });
    t->start();
    t->wait();
    delete t;
    QTRY_COMPARE(model.rowCount(), before + 50);
    QCOMPARE(model.index(model.rowCount() - 1, LogModel::MessageColumn).data().toString(), QStringLiteral("line 49"));
}

void TestLogModel::capacityDropsOldest()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(3);
    for (int i = 0; i < 5; ++i)
        model.append({QDateTime::currentDateTimeUtc(), LogEntry::Level::Info, QStringLiteral("s"), QString::number(i)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(), QStringLiteral("2"));
}

QTEST_MAIN(TestLogModel)
#include "tst_log_model.moc"
