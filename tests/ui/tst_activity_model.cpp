#include "ui/models/activity_model.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace rl;

class TestActivityModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEntries();
    void sameRowsUpdateInPlace();
    void finishedWorkLeaves();
    void queueStats();
};

namespace {

ActivityEntry entry(const QString &id, const QString &router, WorkState state, qint64 waitingMs)
{
    ActivityEntry e;
    e.requestId = id;
    e.router = router;
    e.clientId = QStringLiteral("alice");
    e.kind = QueryKind::BgpStatus;
    e.state = state;
    e.priority = 512;
    e.waitingMs = waitingMs;
    return e;
}

} // namespace

void TestActivityModel::showsEntries()
{
    ActivityModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries({entry(QStringLiteral("r1"), QStringLiteral("edge-1"), WorkState::InFlight, 1500),
                      entry(QStringLiteral("r1"), QStringLiteral("edge-2"), WorkState::HeldBack, 12000)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ActivityModel::ColumnCount));
    QCOMPARE(model.index(0, ActivityModel::ClientColumn).data().toString(), QStringLiteral("alice"));
    QCOMPARE(model.index(0, ActivityModel::QueryColumn).data().toString(), queryKindTitle(QueryKind::BgpStatus));
    QCOMPARE(model.index(0, ActivityModel::WaitingColumn).data().toString(), QStringLiteral("1.5 s"));
    QCOMPARE(model.index(1, ActivityModel::StateColumn).data().toString(), QStringLiteral("held back (throttled)"));
    QVERIFY(model.index(1, ActivityModel::StateColumn).data(Qt::ForegroundRole).value<QColor>().isValid());
    QCOMPARE(model.index(1, 0).data(ActivityModel::RequestIdRole).toString(), QStringLiteral("r1"));
    QCOMPARE(model.countIn(WorkState::HeldBack), 1);
}

void TestActivityModel::sameRowsUpdateInPlace()
{
    ActivityModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries({entry(QStringLiteral("r1"), QStringLiteral("edge-1"), WorkState::Queued, 10)});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setEntries({entry(QStringLiteral("r1"), QStringLiteral("edge-1"), WorkState::InFlight, 20)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, ActivityModel::StateColumn).data().toString(), QStringLiteral("in flight"));
    // Only the cells that changed are announced: the view repaints no more than that.
    QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(ActivityModel::WaitingColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex().column(), int(ActivityModel::StateColumn));
    model.setEntries({entry(QStringLiteral("r1"), QStringLiteral("edge-1"), WorkState::InFlight, 20)});
    QCOMPARE(changed.count(), 1); // nothing changed, nothing announced
    model.setEntries({entry(QStringLiteral("r1"), QStringLiteral("edge-1"), WorkState::InFlight, 30)});
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(0).toModelIndex().column(), int(ActivityModel::WaitingColumn));
    QCOMPARE(changed.at(1).at(1).toModelIndex().column(), int(ActivityModel::WaitingColumn));
    model.setEntries({});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 0);
}

void TestActivityModel::finishedWorkLeaves()
{
    ActivityModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto a = entry(QStringLiteral("r1"), QStringLiteral("edge-1"), WorkState::InFlight, 10);
    const auto b = entry(QStringLiteral("r1"), QStringLiteral("edge-2"), WorkState::Queued, 10);
    const auto c = entry(QStringLiteral("r2"), QStringLiteral("edge-3"), WorkState::HeldBack, 10);
    model.setEntries({a, b, c});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // The engine lists in any order: edge-1 finished, edge-4 is new, the rest keep their rows.
    const auto d = entry(QStringLiteral("r2"), QStringLiteral("edge-4"), WorkState::Queued, 0);
    model.setEntries({d, c, b});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, ActivityModel::RouterColumn).data().toString(), QStringLiteral("edge-2"));
    QCOMPARE(model.index(1, ActivityModel::RouterColumn).data().toString(), QStringLiteral("edge-3"));
    QCOMPARE(model.index(2, ActivityModel::RouterColumn).data().toString(), QStringLiteral("edge-4"));
    // A request answered leaves at once.
    model.removeRequest(QStringLiteral("r2"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, ActivityModel::RouterColumn).data().toString(), QStringLiteral("edge-2"));
    QCOMPARE(model.countIn(WorkState::HeldBack), 0);
    // The same entry listed twice stays one row.
    model.setEntries({b, b});
    model.setEntries({b, b});
    QCOMPARE(model.rowCount(), 1);
}

void TestActivityModel::queueStats()
{
    RouterQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RouterQueueStats s;
    s.router = QStringLiteral("edge-1");
    s.pending = 4;
    s.heldBack = 2;
    s.rejected = 1;
    model.setStats({s});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, RouterQueueModel::PendingColumn).data().toInt(), 4);
    QVERIFY(model.index(0, RouterQueueModel::HeldBackColumn).data(Qt::ForegroundRole).isValid());
    s.pending = 0;
    model.setStats({s});
    QCOMPARE(model.index(0, RouterQueueModel::PendingColumn).data().toInt(), 0);
}

QTEST_MAIN(TestActivityModel)
#include "tst_activity_model.moc"
