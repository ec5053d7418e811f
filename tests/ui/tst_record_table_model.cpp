#include "ui/models/record_table_model.h"
#include "ui/models/state_colors.h"
#include "model_test_data.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QJsonArray>
#include <QJsonObject>
#include <QSemaphore>
#include <QSignalSpy>
#include <QThreadPool>
#include <QTest>

using namespace rl;

namespace {

// Keeps every thread of the global pool busy until released, so that an index build started
// meanwhile waits in the queue: the test, not the scheduler, decides what happens before it runs.
class PoolHold
{
public:
    PoolHold()
    {
        QThreadPool *pool = QThreadPool::globalInstance();
        m_threads = pool->maxThreadCount();
        for (int i = 0; i < m_threads; ++i)
            pool->start([started = m_started, gate = m_gate] {
                started->release();
                gate->acquire();
            });
        m_started->acquire(m_threads);
    }
    ~PoolHold() { release(); }
    void release()
    {
        if (!std::exchange(m_released, true))
            m_gate->release(m_threads);
    }

private:
    std::shared_ptr<QSemaphore> m_started = std::make_shared<QSemaphore>();
    std::shared_ptr<QSemaphore> m_gate = std::make_shared<QSemaphore>();
    int m_threads = 0;
    bool m_released = false;
};

} // namespace

class TestRecordTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columnsComeFromTheRecordType();
    void errorRowsCarryTheSentence();
    void stateColumnsAreColoured_data();
    void stateColumnsAreColoured();
    void sortsTypedValues_data();
    void sortsTypedValues();
    void sortKeepsPersistentIndexes();
    void streamingParts();
    void textIndexMatchesCells();
    void internedFieldsMatchCells_data();
    void internedFieldsMatchCells();
    void sourceAndAge();
    void destroyedMidIndexStopsTheBuild();
    void newRowsDropTheOldBuild();
};

void TestRecordTableModel::columnsComeFromTheRecordType()
{
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResults(QueryKind::BgpStatus, testing::threeRouters());
    const auto cols = BgpNeighborRecord::columns();
    QCOMPARE(model.columnCount(), int(cols.size()) + 3);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Router"));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Neighbor"));
    QCOMPARE(model.headerData(2, Qt::Horizontal, RecordTableModel::ColumnKeyRole).toString(), QStringLiteral("neighbor"));
    QCOMPARE(model.headerData(model.ageColumn(), Qt::Horizontal).toString(), QStringLiteral("Answer age"));
    QCOMPARE(model.rowCount(), 4); // 2 + error row + 1
    QCOMPARE(model.recordCount(), 3);
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("198.51.100.1"));
    QCOMPARE(model.index(0, 11).data().toString(), QStringLiteral("120")); // received
    QCOMPARE(model.index(1, 11).data().toString(), QString());            // unknown stays empty
}

void TestRecordTableModel::errorRowsCarryTheSentence()
{
    RecordTableModel model;
    model.setResults(QueryKind::BgpStatus, testing::threeRouters());
    QVERIFY(!model.isErrorRow(0));
    QVERIFY(model.isErrorRow(2));
    QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("edge-2"));
    QCOMPARE(model.index(2, 1).data().toString(),
             QStringLiteral("unreachable: edge-2 did not answer on port 22; check that it is up."));
    QCOMPARE(model.index(2, 2).data().toString(), QString());
    QVERIFY(model.index(2, 1).data(RecordTableModel::ErrorRowRole).toBool());
    QCOMPARE(model.index(2, 1).data(RecordTableModel::ToneRole).toInt(), int(StateColors::Tone::Bad));
}

void TestRecordTableModel::stateColumnsAreColoured_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("tone");
    QTest::newRow("bgp established") << int(QueryKind::BgpStatus) << "state" << "established" << int(StateColors::Tone::Good);
    QTest::newRow("bgp idle") << int(QueryKind::BgpStatus) << "state" << "idle" << int(StateColors::Tone::Bad);
    QTest::newRow("bgp active") << int(QueryKind::BgpStatus) << "state" << "active" << int(StateColors::Tone::Bad);
    QTest::newRow("link down") << int(QueryKind::LinkStatus) << "operState" << "down" << int(StateColors::Tone::Bad);
    QTest::newRow("link up") << int(QueryKind::LinkStatus) << "operState" << "up" << int(StateColors::Tone::Good);
    QTest::newRow("arp incomplete") << int(QueryKind::ArpTable) << "state" << "incomplete" << int(StateColors::Tone::Warning);
    QTest::newRow("tag mismatch") << int(QueryKind::VlanErrors) << "tagCheck" << "mismatch" << int(StateColors::Tone::Bad);
    QTest::newRow("tag match") << int(QueryKind::VlanErrors) << "tagCheck" << "match" << int(StateColors::Tone::Good);
}

void TestRecordTableModel::stateColumnsAreColoured()
{
    QFETCH(int, kind);
    QFETCH(QString, column);
    QFETCH(QString, state);
    QFETCH(int, tone);
    QJsonObject row;
    row.insert(column, state);
    const RecordSet set = RecordSet::fromJson(QueryKind(kind), QJsonArray{row});
    RouterResult part;
    part.router = QStringLiteral("r1");
    part.records = set;
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResults(QueryKind(kind), {part});
    const int col = set.columnIndex(column) + 1;
    QVERIFY(col > 0);
    QCOMPARE(model.index(0, col).data().toString(), state);
    QCOMPARE(model.index(0, col).data(RecordTableModel::ToneRole).toInt(), tone);
    QVERIFY(model.index(0, col).data(Qt::ForegroundRole).value<QColor>().isValid());
}

void TestRecordTableModel::sortsTypedValues_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("expectedRouterColumn"); // the sorted column's display texts

    // Column 2 (neighbor) sorts as addresses: 10.x before 198.51.100.x, .9 before .10.
    QTest::newRow("neighbor asc") << 2 << int(Qt::AscendingOrder)
                                  << QStringList{"", "10.0.0.2", "198.51.100.1", "198.51.100.9", "198.51.100.10"};
    QTest::newRow("received desc") << 11 << int(Qt::DescendingOrder)
                                   << QStringList{"1000", "120", "0", "", ""};
    QTest::newRow("state asc") << 7 << int(Qt::AscendingOrder)
                               << QStringList{"", "active", "established", "established", "idle"};
}

void TestRecordTableModel::sortsTypedValues()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QStringList, expectedRouterColumn);
    auto parts = testing::threeRouters();
    parts.append(testing::bgpPart(QStringLiteral("edge-3"),
                                   {testing::neighbor(QStringLiteral("198.51.100.10"), BgpState::Established, 1000)}));
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResults(QueryKind::BgpStatus, parts);
    model.sort(column, Qt::SortOrder(order));
    QStringList got;
    for (int r = 0; r < model.rowCount(); ++r)
        got << model.index(r, column).data().toString();
    QCOMPARE(got, expectedRouterColumn);
    model.sort(-1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("edge-1")); // arrival order again
}

void TestRecordTableModel::sortKeepsPersistentIndexes()
{
    RecordTableModel model;
    model.setResults(QueryKind::BgpStatus, testing::threeRouters());
    const QPersistentModelIndex p(model.index(3, 2)); // core-1's 10.0.0.2
    QCOMPARE(p.data().toString(), QStringLiteral("10.0.0.2"));
    model.sort(2, Qt::AscendingOrder);
    QCOMPARE(p.data().toString(), QStringLiteral("10.0.0.2"));
    QCOMPARE(p.row(), 1);
}

void TestRecordTableModel::streamingParts()
{
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResults(QueryKind::BgpStatus, {});
    const auto parts = testing::threeRouters();
    for (const RouterResult &p : parts)
        model.addPart(p);
    QCOMPARE(model.rowCount(), 4);
    model.sort(11, Qt::DescendingOrder);
    model.addPart(testing::bgpPart(QStringLiteral("edge-3"),
                                    {testing::neighbor(QStringLiteral("192.0.2.77"), BgpState::Established, 500)}));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("edge-3")); // sorted in place
    // A second answer from one router replaces its rows.
    model.addPart(testing::failedPart(QStringLiteral("edge-1"), ErrorCode::Timeout, QStringLiteral("Timed out.")));
    QCOMPARE(model.rowCount(), 4);
}

void TestRecordTableModel::textIndexMatchesCells()
{
    RecordTableModel model;
    model.setResults(QueryKind::BgpStatus, testing::threeRouters());
    model.sort(0, Qt::AscendingOrder); // core-1 first
    QCOMPARE(model.fieldText(0, 0), std::string_view("core-1"));
    QCOMPARE(model.fieldText(0, 2), std::string_view("10.0.0.2"));
    QCOMPARE(model.fieldText(0, 7), std::string_view("active"));
    QVERIFY(model.rowText(1).find("198.51.100.1") != std::string_view::npos);
    QVERIFY(model.rowText(3).find("unreachable: edge-2 did not answer") != std::string_view::npos);
}

void TestRecordTableModel::internedFieldsMatchCells_data()
{
    QTest::addColumn<bool>("uniquePaths");
    QTest::newRow("repeating paths") << false;
    QTest::newRow("unique paths") << true;
}

void TestRecordTableModel::internedFieldsMatchCells()
{
    // Every field the filter reads equals the cell shown, lowercased, interned or not; the
    // router and error text come from the row's part.
    QFETCH(bool, uniquePaths);
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResults(QueryKind::ReceivedRoutes, testing::routeParts(200, uniquePaths));
    QCOMPARE(model.rowCount(), 201);
    QCOMPARE(model.isColumnInterned(3), !uniquePaths);
    model.sort(1, Qt::DescendingOrder);
    int errors = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        const bool error = model.isErrorRow(r);
        errors += error ? 1 : 0;
        for (int c = 0; c <= model.recordColumnCount(); ++c) {
            const QString shown = model.index(r, c).data().toString().toLower();
            const std::string_view field = model.fieldText(r, c);
            QCOMPARE(QString::fromUtf8(field.data(), qsizetype(field.size())), shown);
        }
    }
    QCOMPARE(errors, 1);
    const RecordTableModel::MemoryUse use = model.memoryUse();
    QCOMPARE(use.rows, qsizetype(201 * sizeof(quint32)));
    QCOMPARE(use.internedIds, qsizetype(use.internedColumns) * qsizetype(201 * sizeof(quint32)));
    QCOMPARE(use.internedColumns, uniquePaths ? 1 : 2); // communities (and AS path); short ones stay inline
}

void TestRecordTableModel::sourceAndAge()
{
    RecordTableModel model;
    model.setResults(QueryKind::BgpStatus, testing::threeRouters());
    model.setReferenceTime(QDateTime::fromString(QStringLiteral("2026-01-01T10:01:05Z"), Qt::ISODate));
    QCOMPARE(model.index(0, model.sourceColumn()).data().toString(), QStringLiteral("live"));
    QCOMPARE(model.index(3, model.sourceColumn()).data().toString(), QStringLiteral("stored"));
    QCOMPARE(model.index(0, model.ageColumn()).data().toString(), QStringLiteral("00:01:05"));
    QCOMPARE(model.index(0, model.ageColumn()).data(RecordTableModel::RawValueRole).toLongLong(), 65);
    QVERIFY(model.index(0, model.sourceColumn()).data(Qt::ToolTipRole).toString().contains(QStringLiteral("show bgp summary json")));
}

void TestRecordTableModel::destroyedMidIndexStopsTheBuild()
{
    // Closing a tab of a full table must not wait for (or pay for) an index nobody will read:
    // the model tells its builder to stop, and the build ends without an index.
    PoolHold hold; // the build waits in the pool's queue until the model is gone
    auto *model = new RecordTableModel;
    new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
    model->setResults(QueryKind::ReceivedRoutes, testing::routeParts(40000));
    QCOMPARE(model->rowCount(), 40001);
    QFuture<std::shared_ptr<RecordTableModel::TextIndex>> build = model->textIndexBuild();
    QVERIFY(!build.isFinished());
    delete model;
    hold.release();
    build.waitForFinished();
    QCOMPARE(build.resultCount(), 1);
    QVERIFY2(!build.result(), "the builder indexed all 40000 rows of a model that was gone");
}

void TestRecordTableModel::newRowsDropTheOldBuild()
{
    // New answers while the old rows are still being indexed: that build stops, and only the
    // index of the rows shown now reaches the model.
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy ready(&model, &RecordTableModel::textIndexReady);
    PoolHold hold;
    model.setResults(QueryKind::ReceivedRoutes, testing::routeParts(40000));
    QFuture<std::shared_ptr<RecordTableModel::TextIndex>> old = model.textIndexBuild();
    model.setResults(QueryKind::BgpStatus, testing::threeRouters());
    QVERIFY(!model.isTextIndexReady());
    hold.release();
    old.waitForFinished();
    QVERIFY2(!old.result(), "the build of rows no longer shown ran to the end");
    QVERIFY(ready.wait());
    QVERIFY(model.isTextIndexReady());
    QCoreApplication::processEvents(); // anything still queued for the old build arrives now
    QCOMPARE(ready.count(), 1);
    QCOMPARE(model.rowCount(), 4);
    const std::vector<bool> edge2 = model.slotsContaining("did not answer");
    QCOMPARE(edge2.size(), size_t(4));
    QCOMPARE(std::count(edge2.begin(), edge2.end(), true), 1);
    const std::vector<bool> routes = model.slotsContaining("65020 65030");
    QCOMPARE(std::count(routes.begin(), routes.end(), true), 0);
    model.sort(0, Qt::AscendingOrder);
    QCOMPARE(model.fieldText(0, 0), std::string_view("core-1"));
}

QTEST_MAIN(TestRecordTableModel)
#include "tst_record_table_model.moc"
