// What "Watch" highlights between two runs of one connection's diagnosis.
#include "engine/diagnosis/diagnosis_changes.h"
#include "tests/unit/diagnosis/diagnosis_test_data.h"

#include <QTest>

using namespace rl;
using Kind = DiagnosisChange::Kind;

class TestDiagnosisChanges final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameRunNothingChanged()
    {
        const DiagnosisResult d = testing::vlanMismatch();
        QVERIFY(DiagnosisChanges::between(d, d).isEmpty());
    }

    void verdictChangeNamesLayerEndAndBothVerdicts()
    {
        const DiagnosisResult before = testing::vlanMismatch();
        DiagnosisResult after = before;
        after.steps[5].verdict = Verdict::Ok;
        after.steps[5].finding = QStringLiteral("Gi0/0/1.210 on ce1 is tagged 210 as expected.");
        const QList<DiagnosisChange> changes = DiagnosisChanges::between(before, after);
        QCOMPARE(changes.size(), 1);
        const DiagnosisChange &c = changes.first();
        QCOMPARE(c.kind, Kind::Verdict);
        QCOMPARE(c.layer, QStringLiteral("vlan"));
        QCOMPARE(c.end, ConnectionEnd::Customer);
        QCOMPARE(c.router, QStringLiteral("ce1"));
        QCOMPARE(c.before, QStringLiteral("fault"));
        QCOMPARE(c.after, QStringLiteral("ok"));
        QCOMPARE(c.step, 5);
    }

    void findingChangeWithTheSameVerdict()
    {
        const DiagnosisResult before = testing::vlanMismatch();
        DiagnosisResult after = before;
        after.steps[5].finding = QStringLiteral("Gi0/0/1.201 on ce1 is tagged 202 but the connection uses VLAN 210.");
        const QList<DiagnosisChange> changes = DiagnosisChanges::between(before, after);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().kind, Kind::Finding);
        QCOMPARE(changes.first().before, before.steps[5].finding);
        QCOMPARE(changes.first().after, after.steps[5].finding);
    }

    void timePassingIsNoChange()
    {
        // An established session's up-time grows between runs: nothing to highlight.
        const DiagnosisResult before = testing::vlanMismatch(5, 100, BgpState::Established);
        const DiagnosisResult after = testing::vlanMismatch(5, 130, BgpState::Established);
        QVERIFY(before.steps[6].finding != after.steps[6].finding);
        QVERIFY(DiagnosisChanges::between(before, after).isEmpty());
    }

    void sessionFlapSeenFromItsUptime()
    {
        // Established both times, but up for less time than before: it went down in between.
        const DiagnosisResult before = testing::vlanMismatch(5, 100, BgpState::Established);
        const DiagnosisResult after = testing::vlanMismatch(5, 4, BgpState::Established);
        const QList<DiagnosisChange> changes = DiagnosisChanges::between(before, after);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().kind, Kind::SessionReset);
        QCOMPARE(changes.first().layer, QStringLiteral("bgp-ipv4"));
        QCOMPARE(changes.first().router, QStringLiteral("pe1"));
        QVERIFY(changes.first().subject.contains(QLatin1String("198.51.100.2")));
        QCOMPARE(changes.first().before, QStringLiteral("100"));
        QCOMPARE(changes.first().after, QStringLiteral("4"));
    }

    void errorCounterRisingOnceNotPacketCounters()
    {
        const DiagnosisResult before = testing::vlanMismatch(5);
        DiagnosisResult after = testing::vlanMismatch(12);
        // Packets rise on any healthy link: not a change worth a line.
        after.steps[3].records[0].records.rows<InterfaceRecord>()[1].inPackets = 5000;
        const QList<DiagnosisChange> changes = DiagnosisChanges::between(before, after);
        // The link and the MTU step read the same interface table: one line, on the link.
        QCOMPARE(changes.size(), 1);
        const DiagnosisChange &c = changes.first();
        QCOMPARE(c.kind, Kind::CounterRose);
        QCOMPARE(c.layer, QStringLiteral("link"));
        QCOMPARE(c.subject, QStringLiteral("Gi0/0/0/1"));
        QCOMPARE(c.field, QStringLiteral("inErrors"));
        QCOMPARE(c.before, QStringLiteral("5"));
        QCOMPARE(c.after, QStringLiteral("12"));
        // A counter that was cleared (went down) is not "rising".
        QVERIFY(DiagnosisChanges::between(after, before).isEmpty());
    }

    void causeMovesAndStepsComeAndGo()
    {
        const DiagnosisResult before = testing::vlanMismatch();
        DiagnosisResult after = before;
        after.steps[5].verdict = Verdict::Ok;
        after.steps[5].likelyCause = false;
        after.steps[6].likelyCause = true;
        after.likelyCause = 6;
        after.steps.removeAt(2); // the customer's optics are no longer reported
        after.likelyCause = 5;
        const QList<DiagnosisChange> changes = DiagnosisChanges::between(before, after);
        QList<Kind> kinds;
        for (const DiagnosisChange &c : changes)
            kinds << c.kind;
        QCOMPARE(kinds, (QList<Kind>{Kind::Verdict, Kind::Vanished, Kind::Cause}));
        QCOMPARE(changes.at(1).layer, QStringLiteral("optics"));
        QCOMPARE(changes.at(1).before, QStringLiteral("cannot-check"));
        QCOMPARE(changes.at(2).before, QStringLiteral("vlan customer"));
        QCOMPARE(changes.at(2).after, QStringLiteral("bgp-ipv4 provider"));
        // Backwards the optics step appears again.
        const QList<DiagnosisChange> back = DiagnosisChanges::between(after, before);
        QVERIFY(std::any_of(back.cbegin(), back.cend(), [](const DiagnosisChange &c) {
            return c.kind == Kind::Appeared && c.layer == u"optics" && c.after == u"cannot-check" && c.step == 2;
        }));
    }

    void anEndThatStopsAnsweringIsOneChange()
    {
        // The customer's router stops answering: its steps vanish, but the log says it once.
        const DiagnosisResult before = testing::vlanMismatch();
        DiagnosisResult after = before;
        after.steps[1].verdict = Verdict::CannotCheck;
        after.steps.removeAt(5);
        after.steps.removeAt(2);
        after.steps[4].likelyCause = true;
        after.likelyCause = 4;
        const QList<DiagnosisChange> changes = DiagnosisChanges::between(before, after);
        QVERIFY(!changes.isEmpty());
        QCOMPARE(changes.first().kind, Kind::Verdict);
        QCOMPARE(changes.first().layer, QStringLiteral("management"));
        for (const DiagnosisChange &c : changes)
            QVERIFY(c.kind != Kind::Vanished);
    }

    void findingShape_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("uptime") << "established (for 61 s)." << "established (for 9000 s)." << true;
        QTest::newRow("light") << "receives -19.4 dBm, within 1 dB" << "receives -19.6 dBm, within 1 dB" << true;
        QTest::newRow("rising errors") << "input errors rising: 3 more in 3 s." << "input errors rising: 40 more in 4 s." << true;
        QTest::newRow("tag") << "is tagged 201 but" << "is tagged 202 but" << false;
        QTest::newRow("prefix") << "rejects 198.51.100.128/25 from" << "rejects 198.51.100.0/25 from" << false;
        QTest::newRow("address") << "cannot resolve 198.51.100.2" << "cannot resolve 198.51.100.3" << false;
        QTest::newRow("mtu") << "has 9174 on ge-0/0/2.410" << "has 1500 on ge-0/0/2.410" << false;
    }

    void findingShape()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(DiagnosisChanges::findingShape(a) == DiagnosisChanges::findingShape(b), same);
    }
};

QTEST_GUILESS_MAIN(TestDiagnosisChanges)
#include "tst_diagnosis_changes.moc"
