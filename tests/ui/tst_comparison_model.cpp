#include "ui/models/comparison_model.h"
#include "model_test_data.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace rl;

class TestComparisonModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alignsRowsByKey();
    void highlightsDifferences();
    void onlyDifferences();
    void volatileColumns();
    void threeSidesAndErrors();
};

namespace {

QList<ComparisonSide> twoRouters()
{
    auto a = testdata::bgpPart(QStringLiteral("edge-1"),
                               {testdata::neighbor(QStringLiteral("198.51.100.1"), BgpState::Established, 100),
                                testdata::neighbor(QStringLiteral("198.51.100.2"), BgpState::Established, 50),
                                testdata::neighbor(QStringLiteral("198.51.100.3"), BgpState::Established, 7)});
    auto b = testdata::bgpPart(QStringLiteral("edge-2"),
                               {testdata::neighbor(QStringLiteral("198.51.100.2"), BgpState::Established, 50),
                                testdata::neighbor(QStringLiteral("198.51.100.1"), BgpState::Idle, -1),
                                testdata::neighbor(QStringLiteral("198.51.100.4"), BgpState::Established, 3)});
    return {{QStringLiteral("edge-1"), a}, {QStringLiteral("edge-2"), b}};
}

int columnOf(const ComparisonModel &m, const QString &title)
{
    for (int c = 0; c < m.columnCount(); ++c) {
        if (m.headerData(c, Qt::Horizontal).toString() == title)
            return c;
    }
    return -1;
}

int rowOf(const ComparisonModel &m, const QString &neighbor)
{
    const int col = columnOf(m, QStringLiteral("Neighbor"));
    for (int r = 0; r < m.rowCount(); ++r) {
        if (m.index(r, col).data().toString() == neighbor)
            return r;
    }
    return -1;
}

} // namespace

void TestComparisonModel::alignsRowsByKey()
{
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSides(QueryKind::BgpStatus, twoRouters());
    QCOMPARE(model.rowCount(), 4); // .1 .2 .3 from edge-1, then .4
    // Key columns (vrf, neighbor, address family) once; the other 12 twice.
    QCOMPARE(model.columnCount(), 3 + 12 * 2);
    QVERIFY(columnOf(model, QStringLiteral("State · edge-1")) >= 0);
    QVERIFY(columnOf(model, QStringLiteral("State · edge-2")) >= 0);
    const int r2 = rowOf(model, QStringLiteral("198.51.100.2"));
    QCOMPARE(model.index(r2, columnOf(model, QStringLiteral("Received · edge-2"))).data().toString(), QStringLiteral("50"));
}

void TestComparisonModel::highlightsDifferences()
{
    ComparisonModel model;
    model.setSides(QueryKind::BgpStatus, twoRouters());
    const int s1 = columnOf(model, QStringLiteral("State · edge-1"));
    const int s2 = columnOf(model, QStringLiteral("State · edge-2"));
    const int r1 = rowOf(model, QStringLiteral("198.51.100.1"));
    const int r2 = rowOf(model, QStringLiteral("198.51.100.2"));
    const int r3 = rowOf(model, QStringLiteral("198.51.100.3"));
    QVERIFY(model.index(r1, s1).data(ComparisonModel::DiffRole).toBool());
    QVERIFY(model.index(r1, s2).data(ComparisonModel::DiffRole).toBool());
    QVERIFY(model.index(r1, s2).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(r2, s1).data(ComparisonModel::DiffRole).toBool());
    QVERIFY(!model.index(r2, s1).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(r2, 0).data(ComparisonModel::RowDiffRole).toBool());
    // .3 exists only on edge-1.
    QVERIFY(model.index(r3, s2).data(ComparisonModel::MissingRole).toBool());
    QCOMPARE(model.index(r3, s2).data().toString(), QStringLiteral("(missing)"));
    QVERIFY(model.index(r3, 0).data(ComparisonModel::RowDiffRole).toBool());
    QCOMPARE(model.differingRowCount(), 3);
    QVERIFY(model.index(r1, s2).data(Qt::ToolTipRole).toString().contains(QStringLiteral("edge-1: established")));
}

void TestComparisonModel::onlyDifferences()
{
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSides(QueryKind::BgpStatus, twoRouters());
    model.setOnlyDifferences(true);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(rowOf(model, QStringLiteral("198.51.100.2")), -1);
    model.setOnlyDifferences(false);
    QCOMPARE(model.rowCount(), 4);
}

void TestComparisonModel::volatileColumns()
{
    auto a = testdata::neighbor(QStringLiteral("198.51.100.1"), BgpState::Established, 10);
    auto b = a;
    b.uptimeSeconds = 99999; // uptime always moves
    ComparisonModel model;
    model.setSides(QueryKind::BgpStatus, {{QStringLiteral("now"), testdata::bgpPart(QStringLiteral("r"), {a})},
                                          {QStringLiteral("an hour ago"), testdata::bgpPart(QStringLiteral("r"), {b})}});
    QCOMPARE(model.differingRowCount(), 0);
    const int up = columnOf(model, QStringLiteral("Up/down for · now"));
    QVERIFY(model.index(0, up).data(ComparisonModel::DiffRole).toBool()); // still marked on the cell
    model.setIgnoreVolatile(false);
    QCOMPARE(model.differingRowCount(), 1);
}

void TestComparisonModel::threeSidesAndErrors()
{
    auto sides = twoRouters();
    sides.append({QStringLiteral("edge-3"), testdata::failedPart(QStringLiteral("edge-3"), ErrorCode::AuthFailed,
                                                                  QStringLiteral("The router refused the key."))});
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSides(QueryKind::BgpStatus, sides);
    QCOMPARE(model.columnCount(), 3 + 12 * 3);
    QCOMPARE(model.sideErrors(), QStringList{QStringLiteral("edge-3: The router refused the key.")});
    // Every row is missing on the failed side.
    QCOMPARE(model.differingRowCount(), model.rowCount());
    const int col = columnOf(model, QStringLiteral("State · edge-3"));
    QCOMPARE(model.headerData(col, Qt::Horizontal, Qt::ToolTipRole).toString(), QStringLiteral("The router refused the key."));
}

QTEST_MAIN(TestComparisonModel)
#include "tst_comparison_model.moc"
