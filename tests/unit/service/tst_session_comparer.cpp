// SessionComparer against the built-in demo lab: what it asks and how the answers pair. The
// demo serves the lab's recorded output through the real translators and scheduler.
#include "engine/service/router_data_service.h"
#include "engine/service/session_comparer.h"

#include <QSignalSpy>
#include <QTest>

using namespace rl;

class TestSessionComparer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        EngineSettings s = EngineSettings::defaults();
        s.storePath = QStringLiteral(":memory:");
        m_service = std::make_unique<RouterDataService>(s);
        m_service->useDemoLab();
    }
    void cleanup() { m_service.reset(); }

    void routesOfTheUmbrellaConnection()
    {
        SessionComparer c(*m_service);
        QSignalSpy done(&c, &SessionComparer::finished);
        c.start(SessionComparer::What::Routes, {QStringLiteral("pe2-ams"), QStringLiteral("ce-umbrella")}, ClientIdentity{});
        QVERIFY(done.wait(30000));
        QCOMPARE(done.size(), 1);
        // Two sessions (IPv4, IPv6), both directions each: four exchanges, every answer read.
        QCOMPARE(c.routes().exchanges.size(), 4);
        for (const RouteExchange &e : c.routes().exchanges) {
            QVERIFY2(e.advertised.ok() && e.received.ok(), qPrintable(e.advertised.error.message + e.received.error.message));
            QVERIFY(!e.advertised.router.isEmpty() && !e.received.router.isEmpty());
        }
        int rejected = 0;
        for (const RouteRow &r : c.routes().rows) {
            if (r.match != RouteMatch::Rejected)
                continue;
            ++rejected;
            QCOMPARE(r.prefix.toString(), QStringLiteral("198.51.100.128/25"));
            QCOMPARE(c.routes().exchanges[r.exchange].from, QStringLiteral("ce-umbrella"));
        }
        QCOMPARE(rejected, 1);
    }

    void linksAskTheConnectionsUnitsByName()
    {
        SessionComparer c(*m_service);
        QSignalSpy done(&c, &SessionComparer::finished);
        c.start(SessionComparer::What::Links, {QStringLiteral("pe2-ams"), QStringLiteral("ce-umbrella")}, ClientIdentity{});
        QVERIFY(done.wait(30000));
        const RouterAnswers &pe = c.answers().at(0);
        QCOMPARE(pe.extraLinks.size(), 1);
        QVERIFY(pe.extraLinks.first().commands.join(QLatin1Char(' ')).contains(QStringLiteral("ge-0/0/2")));
        const LinkComparison &l = c.links();
        int paired = 0;
        for (const LinkRow &r : l.rows) {
            if (r.status != PairStatus::Paired)
                continue;
            ++paired;
            QVERIFY2(r.a.record && r.b.record, qPrintable(r.a.interfaceName + QLatin1Char(' ') + r.b.interfaceName));
        }
        QCOMPARE(paired, 2);
    }

    void knownAnswersAreNotAskedAgain()
    {
        SessionComparer c(*m_service);
        QSignalSpy done(&c, &SessionComparer::finished);
        QSignalSpy progress(&c, &SessionComparer::progress);
        RouterResult bird;
        bird.router = QStringLiteral("lab-bird");
        bird.records = RecordSet(QueryKind::BgpStatus);
        bird.error = Error(ErrorCode::Timeout, QStringLiteral("lab-bird did not answer."));
        c.start(SessionComparer::What::Sessions, {QStringLiteral("lab-frr"), QStringLiteral("lab-bird")}, ClientIdentity{}, 0, {bird});
        QVERIFY(done.wait(30000));
        QCOMPARE(progress.last().at(1).toInt(), 1); // only lab-frr was asked
        // lab-bird's answer is the timeout it was given: frr's session to it cannot tell.
        bool cannotTell = false;
        for (const SessionRow &r : c.sessions().rows)
            cannotTell = cannotTell || (r.status == PairStatus::CannotTell && r.otherRouter == QLatin1String("lab-bird"));
        QVERIFY(cannotTell);
    }

    void customerAsksOnlyItsOwn()
    {
        ClientIdentity umbrella;
        umbrella.id = QStringLiteral("umbrella-noc");
        umbrella.role = Role::External;
        umbrella.customer = QStringLiteral("umbrella");
        SessionComparer c(*m_service);
        QSignalSpy done(&c, &SessionComparer::finished);
        c.start(SessionComparer::What::Sessions, {QStringLiteral("pe2-ams"), QStringLiteral("ce-globex")}, umbrella);
        QVERIFY(done.wait(30000));
        QCOMPARE(c.answers().at(1).bgp.error.code, ErrorCode::Forbidden);
        QVERIFY(c.answers().at(0).bgp.ok());
        for (const SessionRow &r : c.sessions().rows) {
            QCOMPARE(r.status, PairStatus::PeerOutside);
            QVERIFY(r.a.head().neighbor != QLatin1String("10.255.0.1")); // the provider's core session is not the customer's
        }
        QVERIFY(!c.sessions().rows.isEmpty());
    }

    void cancelFinishesOnce()
    {
        SessionComparer c(*m_service);
        QSignalSpy done(&c, &SessionComparer::finished);
        c.start(SessionComparer::What::Routes, {QStringLiteral("lab-frr"), QStringLiteral("demo-p-slow")}, ClientIdentity{});
        QVERIFY(c.isRunning());
        c.cancel();
        QCOMPARE(done.size(), 1);
        QVERIFY(!c.isRunning());
        QTest::qWait(200);
        QCOMPARE(done.size(), 1);
    }

private:
    std::unique_ptr<RouterDataService> m_service;
};

QTEST_GUILESS_MAIN(TestSessionComparer)
#include "tst_session_comparer.moc"
