// The session-aware side by side's model, under QAbstractItemModelTester: both ends of a
// session on one row, "cannot tell" for an end that could not be read, highlighted mismatches,
// and the routes filters (sent but not received, received but not sent, rejected).
#include "engine/diagnosis/session_compare.h"
#include "ui/models/session_comparison_model.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace rl;

namespace {

BgpNeighborRecord session(const QString &neighbor, qint64 localAs, qint64 remoteAs, const QString &localAddress, BgpState state)
{
    BgpNeighborRecord r;
    r.vrf = QStringLiteral("default");
    r.neighbor = neighbor;
    r.addressFamily = QStringLiteral("ipv4-unicast");
    r.localAs = localAs;
    r.remoteAs = remoteAs;
    r.localAddress = localAddress;
    r.state = state;
    return r;
}

RouterAnswers router(const QString &name, QList<BgpNeighborRecord> rows)
{
    RouterAnswers a;
    a.router = name;
    a.bgp.router = name;
    a.bgp.records = RecordSet(QueryKind::BgpStatus, std::move(rows));
    return a;
}

int column(const QAbstractItemModel &m, const QString &key)
{
    for (int c = 0; c < m.columnCount(); ++c)
        if (m.headerData(c, Qt::Horizontal, SessionComparisonModel::ColumnKeyRole).toString() == key)
            return c;
    return -1;
}

RouteRecord route(const char *prefix, bool valid = true)
{
    RouteRecord r;
    r.prefix = *IpPrefix::parse(std::string_view(prefix));
    r.valid = valid;
    return r;
}

} // namespace

class TestSessionComparisonModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionsBothEndsOnOneRow();
    void cannotTellIsNotMissing();
    void routesFilters();
};

void TestSessionComparisonModel::sessionsBothEndsOnOneRow()
{
    SessionComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // a expects AS 65099 for b (AS 65002): one row, the AS columns flagged.
    const RouterAnswers a = router(QStringLiteral("a"), {session(QStringLiteral("198.19.0.1"), 65001, 65099, QStringLiteral("198.19.0.0"), BgpState::Active),
                                                         session(QStringLiteral("203.0.113.9"), 65001, 64999, {}, BgpState::Established)});
    const RouterAnswers b = router(QStringLiteral("b"), {session(QStringLiteral("198.19.0.0"), 65002, 65001, QStringLiteral("198.19.0.1"), BgpState::Active)});
    model.setTable(SessionComparisonModel::Kind::Sessions, SessionCompare::table(SessionCompare::bgpSessions({a, b}, {})));
    QCOMPARE(model.rowCount(), 2);
    const int session = column(model, QStringLiteral("session"));
    const int aRemote = column(model, QStringLiteral("aRemoteAs"));
    const int bState = column(model, QStringLiteral("bState"));
    QVERIFY(session >= 0 && aRemote >= 0 && bState >= 0);
    QCOMPARE(column(model, QStringLiteral("aRouter")), -1); // in the session column already
    QCOMPARE(model.index(0, session).data().toString(), QStringLiteral("a 198.19.0.0 <-> b 198.19.0.1"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("paired"));
    QCOMPARE(model.index(0, aRemote).data().toString(), QStringLiteral("65099"));
    QVERIFY(model.index(0, aRemote).data(SessionComparisonModel::FlaggedRole).toBool());
    QVERIFY(model.index(0, aRemote).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(0, bState).data(SessionComparisonModel::FlaggedRole).toBool());
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("peer not in this comparison"));
    QCOMPARE(model.index(1, bState).data().toString(), QString());
    QVERIFY(model.headerData(aRemote, Qt::Horizontal).toString().endsWith(QStringLiteral("· A")));
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("AS: a expects AS 65099")));

    model.setFilter(QStringLiteral("mismatch"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.countFilter(QString()), 2);
    model.setFilter(QString());
    QCOMPARE(model.rowCount(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestSessionComparisonModel::cannotTellIsNotMissing()
{
    SessionComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const RouterAnswers a = router(QStringLiteral("a"), {session(QStringLiteral("198.19.0.1"), 65001, 65002, QStringLiteral("198.19.0.0"), BgpState::Established)});
    RouterAnswers b;
    b.router = QStringLiteral("b");
    b.bgp.router = b.router;
    b.bgp.records = RecordSet(QueryKind::BgpStatus);
    b.bgp.error = Error(ErrorCode::Timeout, QStringLiteral("b did not answer within 30 s."));
    model.setTable(SessionComparisonModel::Kind::Sessions, SessionCompare::table(SessionCompare::bgpSessions({a, b}, {})));
    QCOMPARE(model.rowCount(), 1);
    const int bState = column(model, QStringLiteral("bState"));
    const int aState = column(model, QStringLiteral("aState"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("cannot tell"));
    QCOMPARE(model.index(0, bState).data().toString(), QStringLiteral("cannot tell"));
    QVERIFY(model.index(0, bState).data(SessionComparisonModel::CannotTellRole).toBool());
    QVERIFY(model.index(0, bState).data(Qt::ToolTipRole).toString().contains(QStringLiteral("did not answer")));
    QCOMPARE(model.index(0, aState).data().toString(), QStringLiteral("established"));
    for (int c = 0; c < model.columnCount(); ++c)
        QVERIFY(!model.index(0, c).data().toString().contains(QStringLiteral("missing")));
}

void TestSessionComparisonModel::routesFilters()
{
    SessionComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RouteExchange e;
    e.from = QStringLiteral("ce");
    e.to = QStringLiteral("pe");
    e.family = QStringLiteral("ipv4");
    e.advertised.router = e.from;
    e.advertised.records = RecordSet(QueryKind::AdvertisedRoutes, QList<RouteRecord>{route("203.0.113.0/26"), route("198.51.100.128/25"), route("203.0.113.192/26")});
    e.received.router = e.to;
    e.received.records = RecordSet(QueryKind::ReceivedRoutes, QList<RouteRecord>{route("203.0.113.0/26"), route("198.51.100.128/25", false), route("100.64.0.0/10")});
    model.setTable(SessionComparisonModel::Kind::Routes, SessionCompare::table(SessionCompare::routes({e})));
    QCOMPARE(model.rowCount(), 4);
    const int prefix = column(model, QStringLiteral("prefix"));
    auto shown = [&] {
        QStringList out;
        for (int r = 0; r < model.rowCount(); ++r)
            out << model.index(r, prefix).data().toString();
        return out;
    };
    model.setFilter(QStringLiteral("sent-not-received"));
    QCOMPARE(shown(), QStringList{QStringLiteral("203.0.113.192/26")});
    model.setFilter(QStringLiteral("received-not-sent"));
    QCOMPARE(shown(), QStringList{QStringLiteral("100.64.0.0/10")});
    model.setFilter(QStringLiteral("rejected"));
    QCOMPARE(shown(), QStringList{QStringLiteral("198.51.100.128/25")});
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("received but rejected"));
    model.setFilter(QStringLiteral("mismatch"));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.countStatus(QStringLiteral("both")), 1);
    QVERIFY(model.headerData(column(model, QStringLiteral("receivedAsPath")), Qt::Horizontal).toString().endsWith(QStringLiteral("receiver")));
}

QTEST_MAIN(TestSessionComparisonModel)
#include "tst_session_comparison_model.moc"
