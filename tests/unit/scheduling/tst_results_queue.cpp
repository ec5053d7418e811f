#include "engine/scheduling/response_aggregator.h"
#include "engine/scheduling/results_queue.h"

#include <QTest>

#include <atomic>

using namespace rl;

class TestResultsQueue : public QObject
{
    Q_OBJECT

    static FinishedPart part(const QString &id, int tag, double priority, const QString &router)
    {
        FinishedPart p;
        p.requestId = id;
        p.tag = quint64(tag);
        p.priority = priority;
        p.result.router = router;
        return p;
    }

private Q_SLOTS:
    void deliversInPriorityOrderAndWakesOnce()
    {
        std::atomic_int wakes = 0;
        ResultsQueue q([&] { ++wakes; });
        q.push(part("low", 0, 10, "r1"));
        q.push(part("high", 0, 50, "r2"));
        q.push(part("mid-first", 0, 30, "r3"));
        q.push(part("mid-second", 0, 30, "r4"));
        QCOMPARE(wakes.load(), 1);
        const auto parts = q.takeAll();
        QStringList order;
        for (const auto &p : parts)
            order << p.requestId;
        QCOMPARE(order, QStringList({"high", "mid-first", "mid-second", "low"}));
        QCOMPARE(q.size(), 0);
        q.push(part("again", 0, 1, "r1"));
        QCOMPARE(wakes.load(), 2);
    }

    void joinsPartsInRouterOrder()
    {
        ResponseAggregator agg;
        agg.begin("req", QueryKind::ArpTable, {}, {"r1", "r2", "r3"});
        std::optional<Response> done;
        RouterResult r3;
        r3.router = "r3";
        QVERIFY(agg.add("req", 2, r3, &done));
        RouterResult r1;
        r1.router = "r1";
        r1.error = Error(ErrorCode::Unreachable, "down");
        QVERIFY(agg.add("req", 0, r1, &done));
        QVERIFY(!done);
        QCOMPARE(agg.progress("req"), std::make_pair(2, 3));
        QVERIFY(!agg.add("req", 0, r1, &done)); // second part for the same router
        QVERIFY(!agg.add("other", 0, r1, &done));
        RouterResult r2;
        r2.router = "r2";
        QVERIFY(agg.add("req", 1, r2, &done));
        QVERIFY(done);
        QCOMPARE(done->results.size(), 3);
        QCOMPARE(done->results[0].router, QString("r1"));
        QCOMPARE(done->results[1].router, QString("r2"));
        QCOMPARE(done->failedCount(), 1);
        QVERIFY(!agg.contains("req"));
    }

    void finishAnswersOpenParts()
    {
        ResponseAggregator agg;
        agg.begin("req", QueryKind::Facts, {}, {"r1", "r2"});
        RouterResult r1;
        r1.router = "r1";
        QVERIFY(agg.add("req", 0, r1, nullptr));
        QCOMPARE(agg.openParts("req"), QList<int>({1}));
        const auto resp = agg.finish("req", Error(ErrorCode::Cancelled, "cancelled"));
        QVERIFY(resp);
        QCOMPARE(resp->results[0].error.code, ErrorCode::None);
        QCOMPARE(resp->results[1].error.code, ErrorCode::Cancelled);
        QCOMPARE(resp->results[1].router, QString("r2"));
        QVERIFY(!agg.finish("req", {}));
    }
};

QTEST_GUILESS_MAIN(TestResultsQueue)
#include "tst_results_queue.moc"
