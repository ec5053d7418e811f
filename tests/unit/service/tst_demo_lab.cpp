#include "engine/service/router_data_service.h"
#include "engine/storage/memory_result_store.h"
#include "engine/transport/demo_transport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace rl;

class TestDemoLab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scenarioLoadsFromResources()
    {
        const Result<DemoScenario> s = DemoScenario::load();
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QVERIFY(s->routers.size() >= 4);
        const Inventory inv = s->inventory();
        QVERIFY(inv.contains("lab-frr"));
        QCOMPARE(inv.router("lab-frr")->transport, TransportKind::Demo);
        QVERIFY(!inv.connections().isEmpty());
        // every router's recordings are in the resources
        for (const DemoRouter &r : s->routers)
            QVERIFY2(QFile::exists(s->capturesRoot + "/" + r.captures + "/commands.txt"), qPrintable(r.name));
    }

    void badScenario()
    {
        QCOMPARE(DemoScenario::parse("{", "x.json").error().code, ErrorCode::InventoryError);
        QCOMPARE(DemoScenario::parse(R"({"routers":[{"name":"a","platform":"frr","fault":"melt"}]})", "x.json").error().code,
                 ErrorCode::InventoryError);
    }

    // What scripts/demo.sh counts as failing on purpose: only the fault the scenario scripts, on
    // the router it scripts it for. Anything else is a real failure.
    void faultExplains_data()
    {
        QTest::addColumn<QString>("router");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<bool>("onPurpose");
        QTest::newRow("unreachable router, unreachable") << "demo-pe-down" << ErrorCode::Unreachable << true;
        QTest::newRow("locked router, auth-failed") << "demo-pe-locked" << ErrorCode::AuthFailed << true;
        QTest::newRow("unreachable router, another error") << "demo-pe-down" << ErrorCode::ParseError << false;
        QTest::newRow("locked router, unreachable") << "demo-pe-locked" << ErrorCode::Unreachable << false;
        QTest::newRow("healthy router, unreachable") << "lab-frr" << ErrorCode::Unreachable << false;
        QTest::newRow("slow router, timeout") << "demo-p-slow" << ErrorCode::Timeout << false;
        QTest::newRow("no such router") << "pe9-nowhere" << ErrorCode::Unreachable << false;
    }

    void faultExplains()
    {
        QFETCH(QString, router);
        QFETCH(ErrorCode, code);
        QFETCH(bool, onPurpose);
        const Result<DemoScenario> s = DemoScenario::load();
        QVERIFY(s.ok());
        QCOMPARE(s->faultExplains(router, code), onPurpose);
    }

    void servesRecordingsAndFaults()
    {
        const Result<DemoScenario> s = DemoScenario::load();
        QVERIFY(s.ok());
        DemoScenario fast = s.value();
        for (DemoRouter &r : fast.routers)
            r.latencyMs = 1;
        DemoTransportFactory f(fast);
        const Inventory inv = fast.inventory();
        SessionProfile frr;
        frr.execWrapper = QStringLiteral("vtysh -c '%1'");
        frr.guard = CommandGuard({QStringLiteral("show [a-z0-9 ]+")});
        ExecOptions opt;
        auto t = f.create(*inv.router("lab-frr"), frr);
        QVERIFY(t);
        const auto out = t->run({"show version"}, opt);
        QVERIFY2(out.ok(), qPrintable(out.error().toString()));
        QVERIFY(out->first().output.contains("FRRouting"));
        const auto unknown = t->run({"show something never recorded"}, opt);
        QCOMPARE(unknown.error().code, ErrorCode::UnsupportedQuery);
        QVERIFY(unknown.error().message.contains("no recorded output"));
        auto down = f.create(*inv.router("demo-pe-down"), frr);
        QCOMPARE(down->run({"show version"}, opt).error().code, ErrorCode::Unreachable);
        auto locked = f.create(*inv.router("demo-pe-locked"), frr);
        QCOMPARE(locked->run({"show version"}, opt).error().code, ErrorCode::AuthFailed);
    }

    void cancellationEndsTheWait()
    {
        DemoScenario s = DemoScenario::load().value();
        s.routers.first().latencyMs = 60000;
        DemoTransportFactory f(s);
        SessionProfile profile;
        profile.guard = CommandGuard({QStringLiteral("show [a-z0-9 ]+")});
        auto t = f.create(*s.inventory().router(s.routers.first().name), profile);
        ExecOptions opt;
        opt.cancelled = makeCancelFlag();
        opt.cancelled->store(true);
        QCOMPARE(t->run({"show version"}, opt).error().code, ErrorCode::Cancelled);
    }

    void serviceUsesTheDemoLab()
    {
        RouterDataService::Backends b;
        b.store = std::make_shared<MemoryResultStore>();
        RouterDataService service(EngineSettings::defaults(), b);
        service.useDemoLab();
        QVERIFY(service.inventory().contains("lab-frr"));
        QSignalSpy responses(&service, &RouterDataService::responseReady);
        Request r;
        r.routers = {"lab-frr", "demo-pe-down"};
        r.kind = QueryKind::Facts;
        service.submit(r);
        QTRY_COMPARE_WITH_TIMEOUT(responses.size(), 1, 20000);
        const Response resp = responses.first().first().value<Response>();
        QCOMPARE(resp.results.size(), 2);
        QCOMPARE(resp.results[1].error.code, ErrorCode::Unreachable);
        // the real FRR translator parses the recorded output
        QVERIFY2(resp.results[0].ok(), qPrintable(resp.results[0].error.toString()));
        QCOMPARE(resp.results[0].records.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDemoLab)
#include "tst_demo_lab.moc"
