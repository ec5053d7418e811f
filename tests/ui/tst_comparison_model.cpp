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
    void routesAlignByPrefix();
};

namespace {

QList<ComparisonSide> twoRouters()
{
    auto a = testing::bgpPart(QStringLiteral("edge-1"),
                               {testing::neighbor(QStringLiteral("198.51.100.1"), BgpState::Established, 100),
                                testing::neighbor(QStringLiteral("198.51.100.2"), BgpState::Established, 50),
                                testing::neighbor(QStringLiteral("198.51.100.3"), BgpState::Established, 7)});
    auto b = testing::bgpPart(QStringLiteral("edge-2"),
                               {testing::neighbor(QStringLiteral("198.51.100.2"), BgpState::Established, 50),
                                testing::neighbor(QStringLiteral("198.51.100.1"), BgpState::Idle, -1),
                                testing::neighbor(QStringLiteral("198.51.100.4"), BgpState::Established, 3)});
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
    QCOMPARE(model.columnCount(), 3 + 13 * 2); // 3 key columns, 13 others (localAddress included) per side
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
    auto a = testing::neighbor(QStringLiteral("198.51.100.1"), BgpState::Established, 10);
    auto b = a;
    b.uptimeSeconds = 99999; // uptime always moves
    ComparisonModel model;
    model.setSides(QueryKind::BgpStatus, {{QStringLiteral("now"), testing::bgpPart(QStringLiteral("r"), {a})},
                                          {QStringLiteral("an hour ago"), testing::bgpPart(QStringLiteral("r"), {b})}});
    QCOMPARE(model.differingRowCount(), 0);
    const int up = columnOf(model, QStringLiteral("Up/down for · now"));
    QVERIFY(model.index(0, up).data(ComparisonModel::DiffRole).toBool()); // still marked on the cell
    model.setIgnoreVolatile(false);
    QCOMPARE(model.differingRowCount(), 1);
}

void TestComparisonModel::threeSidesAndErrors()
{
    auto sides = twoRouters();
    sides.append({QStringLiteral("edge-3"), testing::failedPart(QStringLiteral("edge-3"), ErrorCode::AuthFailed,
                                                                  QStringLiteral("The router refused the key."))});
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSides(QueryKind::BgpStatus, sides);
    QCOMPARE(model.columnCount(), 3 + 13 * 3);
    QCOMPARE(model.sideErrors(), QStringList{QStringLiteral("edge-3: The router refused the key.")});
    // Every row is missing on the failed side.
    QCOMPARE(model.differingRowCount(), model.rowCount());
    const int col = columnOf(model, QStringLiteral("State · edge-3"));
    QCOMPARE(model.headerData(col, Qt::Horizontal, Qt::ToolTipRole).toString(), QStringLiteral("The router refused the key."));
}


void TestComparisonModel::routesAlignByPrefix()
{
    // The same lookup on two routers: each reaches the prefix through its own next hop, so rows
    // line up by prefix (nth path against nth path) and the next hops are compared, not keys.
    auto route = [](const char *prefix, const char *nextHop, const char *asPath) {
        RouteRecord r;
        r.prefix = *IpPrefix::parse(std::string_view(prefix));
        r.nextHop = *IpAddress::parse(std::string_view(nextHop));
        r.asPath = QString::fromLatin1(asPath);
        return r;
    };
    RouterResult a;
    a.router = QStringLiteral("pe1");
    a.records = RecordSet(QueryKind::RouteLookup, QList<RouteRecord>{route("203.0.113.0/24", "198.51.100.1", "65001"),
                                                                      route("203.0.113.0/24", "198.51.100.5", "65001")});
    RouterResult b;
    b.router = QStringLiteral("pe2");
    b.records = RecordSet(QueryKind::RouteLookup, QList<RouteRecord>{route("203.0.113.0/24", "198.51.100.9", "65001")});
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSides(QueryKind::RouteLookup, {{QStringLiteral("pe1"), a}, {QStringLiteral("pe2"), b}});
    QCOMPARE(model.rowCount(), 2); // the first paths side by side, pe1's second path alone
    QCOMPARE(columnOf(model, QStringLiteral("Next hop")), -1);
    const int nh1 = columnOf(model, QStringLiteral("Next hop · pe1"));
    const int nh2 = columnOf(model, QStringLiteral("Next hop · pe2"));
    const int path2 = columnOf(model, QStringLiteral("AS path · pe2"));
    QVERIFY(nh1 >= 0 && nh2 >= 0 && path2 >= 0);
    QCOMPARE(model.index(0, nh1).data().toString(), QStringLiteral("198.51.100.1"));
    QCOMPARE(model.index(0, nh2).data().toString(), QStringLiteral("198.51.100.9"));
    QCOMPARE(model.index(0, path2).data().toString(), QStringLiteral("65001"));
    QVERIFY(model.index(0, nh1).data(ComparisonModel::DiffRole).toBool());
    QVERIFY(model.index(1, nh2).data().toString().contains(QLatin1String("missing")));
    QCOMPARE(model.index(1, nh1).data().toString(), QStringLiteral("198.51.100.5"));
}

QTEST_MAIN(TestComparisonModel)
#include "tst_comparison_model.moc"
