#include "engine/api/query_kind.h"
#include "engine/api/records.h"
#include "engine/api/request_validator.h"

#include <QSet>
#include <QTest>

using namespace rl;

// The query-kind table is the one description of a kind: names, parameters and record types
// read from it must agree with what the validator and the record sets do.
class TestQueryKinds final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesAreUniqueAndRoundTrip();
    void validatorFollowsTheTable_data();
    void validatorFollowsTheTable();
    void recordSetsFollowTheTable();
};

void TestQueryKinds::namesAreUniqueAndRoundTrip()
{
    QSet<QString> names, titles;
    QCOMPARE(int(queryKindTable().size()), QueryKindCount);
    for (const QueryKindInfo &k : queryKindTable()) {
        QVERIFY(!names.contains(QLatin1String(k.name)));
        QVERIFY(!titles.contains(QLatin1String(k.title)));
        names.insert(QLatin1String(k.name));
        titles.insert(QLatin1String(k.title));
        QCOMPARE(queryKindFromName(queryKindName(k.kind)), std::optional<QueryKind>(k.kind));
        QCOMPARE(&queryKindInfo(k.kind), &k);
    }
    QCOMPARE(queryKindFromName(u"reboot"), std::nullopt);
    for (QueryParam p : kAllQueryParams)
        QCOMPARE(queryParamFromName(queryParamName(p)), std::optional<QueryParam>(p));
    QCOMPARE(queryParamFromName(u"command"), std::nullopt);
}

void TestQueryKinds::validatorFollowsTheTable_data()
{
    QTest::addColumn<int>("kind");
    for (const QueryKindInfo &k : queryKindTable())
        QTest::newRow(k.name) << int(k.kind);
}

// A valid value for each parameter.
static void setParam(QueryParams &p, QueryParam param)
{
    switch (param) {
    case ParamNeighbor: p.neighbor = QStringLiteral("198.51.100.1"); break;
    case ParamVrf: p.vrf = QStringLiteral("CUST-A"); break;
    case ParamAddressFamily: p.addressFamily = QStringLiteral("ipv4"); break;
    case ParamInterface: p.interfaceName = QStringLiteral("ge-0/0/1.100"); break;
    case ParamDestination: p.destination = QStringLiteral("203.0.113.7"); break;
    case ParamNone: break;
    }
}

void TestQueryKinds::validatorFollowsTheTable()
{
    QFETCH(int, kind);
    const QueryKindInfo &k = queryKindInfo(QueryKind(kind));
    QueryParams all;
    for (QueryParam p : kAllQueryParams) {
        QCOMPARE(RequestValidator::usesParam(k.kind, queryParamName(p)), k.takes(p));
        QCOMPARE(RequestValidator::requiresParam(k.kind, queryParamName(p)), k.needs(p));
        if (k.takes(p))
            setParam(all, p);
    }
    const Error withAll = RequestValidator::validateParams(k.kind, all);
    QVERIFY2(!withAll, qPrintable(withAll.toString()));
    for (QueryParam p : kAllQueryParams) {
        QueryParams one = all;
        if (k.takes(p)) {
            one = {};
            for (QueryParam q : kAllQueryParams)
                if (q != p && k.takes(q))
                    setParam(one, q);
            const Error without = RequestValidator::validateParams(k.kind, one);
            QCOMPARE(bool(without), k.needs(p)); // leaving it out is wrong only when required
        } else {
            setParam(one, p);
            const Error extra = RequestValidator::validateParams(k.kind, one);
            QVERIFY2(extra && extra.message.contains(queryParamName(p)), qPrintable(extra.toString()));
        }
    }
}

void TestQueryKinds::recordSetsFollowTheTable()
{
    // Kinds with the same record type share columns; different types have different ones.
    for (const QueryKindInfo &a : queryKindTable()) {
        QVERIFY(!RecordSet::columnsFor(a.kind).empty());
        for (const QueryKindInfo &b : queryKindTable()) {
            const auto ca = RecordSet::columnsFor(a.kind);
            const auto cb = RecordSet::columnsFor(b.kind);
            QCOMPARE(ca.data() == cb.data(), a.records == b.records);
        }
    }
}

QTEST_APPLESS_MAIN(TestQueryKinds)
#include "tst_query_kinds.moc"
