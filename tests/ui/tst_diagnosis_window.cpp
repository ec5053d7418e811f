// Diagnose from the window against the built-in demo lab (offscreen): the menu action and its
// shortcut, the tab per connection, the cause the demo was built to show, evidence opened as a
// result tab, the customer boundary, and Watch (no piling up, live answers, stops on close).
#include "engine/service/router_data_service.h"
#include "ui/main_window.h"
#include "ui/models/diagnosis_model.h"
#include "ui/models/record_table_model.h"
#include "ui/widgets/diagnosis_map_view.h"
#include "ui/widgets/diagnosis_tab.h"
#include "ui/widgets/inventory_panel.h"
#include "ui/widgets/result_tab.h"

#include <QAction>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

using namespace rl;

class TestDiagnosisWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(ui);
        EngineSettings s = EngineSettings::defaults();
        s.storePath = QStringLiteral(":memory:");
        s.diagnosisSecondReadMs = 300; // counters read twice, a moment apart
        m_service = std::make_unique<RouterDataService>(s);
        m_service->useDemoLab();
        m_window = std::make_unique<MainWindow>(m_service.get());
        m_window->show();
    }

    void actionHasItsOwnShortcut()
    {
        auto *diagnose = m_window->findChild<QAction *>(QStringLiteral("diagnoseAction"));
        QVERIFY(diagnose);
        QCOMPARE(diagnose->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
        int same = 0;
        for (const QAction *a : m_window->findChildren<QAction *>())
            same += a->shortcuts().contains(diagnose->shortcut()) ? 1 : 0;
        QCOMPARE(same, 1);
    }

    void globexCauseIsTheVlan()
    {
        // As a person would: the connection chosen in the inventory, then Diagnose.
        QVERIFY(m_window->inventoryPanel()->selectConnection(QStringLiteral("globex-par-210")));
        m_window->findChild<QAction *>(QStringLiteral("diagnoseAction"))->trigger();
        DiagnosisTab *tab = m_window->diagnosisTab(QStringLiteral("globex-par-210"));
        QVERIFY(tab);
        QCOMPARE(m_window->resultTabs()->currentWidget(), tab);
        QVERIFY(tab->isRunning());
        QSignalSpy done(tab, &DiagnosisTab::finished);
        QVERIFY(done.wait(30000));
        const DiagnosisStep *cause = tab->result().cause();
        QVERIFY(cause);
        QCOMPARE(cause->layer, QStringLiteral("vlan"));
        QCOMPARE(cause->end, ConnectionEnd::Customer);
        QCOMPARE(cause->router, QStringLiteral("ce-globex"));
        QCOMPARE(tab->result().overall(), Verdict::Fault);
        // Both ends were asked, and the map opens on the cause with its records below.
        const DiagnosisModel *m = tab->model();
        QVERIFY(m->rowCount() >= 9);
        QCOMPARE(tab->selectedStep(), tab->result().likelyCause);
        QCOMPARE(tab->mapView()->currentIndex(), m->indexOfStep(tab->result().likelyCause));
        QCOMPARE(tab->evidenceModel()->kind(), QueryKind::VlanErrors);
        QVERIFY(tab->evidenceModel()->rowCount() >= 1);
        QVERIFY(tab->summaryLabel()->text().contains(QLatin1String("Likely cause: VLAN, customer end (ce-globex)")));
        // Diagnosing it again reuses the tab.
        const int tabs = m_window->resultTabs()->count();
        m_window->diagnoseConnection(QStringLiteral("globex-par-210"));
        QCOMPARE(m_window->resultTabs()->count(), tabs);
        QVERIFY(done.wait(30000));
    }

    void evidenceOpensAsAResultTab()
    {
        DiagnosisTab *tab = m_window->diagnosisTab(QStringLiteral("globex-par-210"));
        QVERIFY(tab && !tab->isRunning());
        const int rows = tab->evidenceModel()->rowCount();
        QTest::mouseClick(tab->findChild<QPushButton *>(QStringLiteral("openEvidence")), Qt::LeftButton);
        ResultTab *result = m_window->currentResult();
        QVERIFY(result);
        QVERIFY(result->isComplete());
        QCOMPARE(result->request().kind, QueryKind::VlanErrors);
        QCOMPARE(result->tableModel()->rowCount(), rows);
        QCOMPARE(result->tableModel()->index(0, 0).data().toString(), QStringLiteral("ce-globex"));
    }

    void umbrellaCauseIsTheRejectedPrefix()
    {
        m_window->diagnoseConnection(QStringLiteral("umbrella-ams-410"));
        DiagnosisTab *tab = m_window->diagnosisTab(QStringLiteral("umbrella-ams-410"));
        QVERIFY(tab);
        QSignalSpy done(tab, &DiagnosisTab::finished);
        QVERIFY(done.wait(30000));
        const DiagnosisStep *cause = tab->result().cause();
        QVERIFY(cause);
        QCOMPARE(cause->layer, QStringLiteral("routes-ipv4"));
        QVERIFY(cause->finding.contains(QLatin1String("198.51.100.128/25")));
    }

    void externalCustomerDiagnosesOnlyItsOwn()
    {
        const EngineSettings before = m_service->settings();
        QPointer<DiagnosisTab> umbrella = m_window->diagnosisTab(QStringLiteral("umbrella-ams-410"));
        QPointer<DiagnosisTab> globexTab = m_window->diagnosisTab(QStringLiteral("globex-par-210"));
        QVERIFY(umbrella && globexTab);
        EngineSettings globex = before;
        globex.operatorRole = QStringLiteral("external");
        globex.operatorCustomer = QStringLiteral("globex");
        QVERIFY(!m_window->applySettings(globex).isError());
        // Another customer's tab closes; globex's own now asks as globex.
        QTRY_VERIFY(!umbrella);
        QVERIFY(globexTab);
        QCOMPARE(globexTab->client().role, Role::External);
        QCOMPARE(globexTab->client().customer, QStringLiteral("globex"));
        const int tabs = m_window->resultTabs()->count();
        m_window->diagnoseConnection(QStringLiteral("initech-par-300")); // shares pe1-par with globex
        QCOMPARE(m_window->resultTabs()->count(), tabs);
        QVERIFY(!m_window->diagnosisTab(QStringLiteral("initech-par-300")));
        QVERIFY(m_window->statusBar()->findChild<QLabel *>()->text().contains(QLatin1String("initech-par-300")));
        // Its own connection: the same cause as the provider sees.
        QSignalSpy done(globexTab.data(), &DiagnosisTab::finished);
        m_window->diagnoseConnection(QStringLiteral("globex-par-210"));
        QCOMPARE(m_window->resultTabs()->currentWidget(), globexTab.data());
        QVERIFY(done.wait(30000));
        QVERIFY(globexTab->result().cause());
        QCOMPARE(globexTab->result().cause()->layer, QStringLiteral("vlan"));
        QVERIFY(!m_window->applySettings(before).isError());
        QCOMPARE(globexTab->client().role, Role::Internal);
    }

    void watchSkipsBusyTicksAsksLiveAndStopsOnClose()
    {
        m_window->diagnoseConnection(QStringLiteral("initech-par-300"));
        QPointer<DiagnosisTab> tab = m_window->diagnosisTab(QStringLiteral("initech-par-300"));
        QVERIFY(tab);
        QSignalSpy done(tab.data(), &DiagnosisTab::finished);
        QVERIFY(done.wait(30000));
        QCOMPARE(tab->watchInterval(), DiagnosisTab::DefaultWatchSeconds);
        tab->setWatchInterval(1);
        QCOMPARE(tab->watchInterval(), int(DiagnosisTab::MinWatchSeconds));
        // Watching runs at once; a tick while that run goes is skipped, not queued.
        const int runs = tab->runCount();
        tab->setWatching(true);
        QVERIFY(tab->isWatching());
        QVERIFY(tab->isRunning());
        QCOMPARE(tab->runCount(), runs + 1);
        tab->watchTick();
        QCOMPARE(tab->skippedTicks(), 1);
        QCOMPARE(tab->runCount(), runs + 1);
        QVERIFY(done.wait(30000));
        // The watched run asked the routers (max age 0), though fresh stored answers existed.
        int parts = 0;
        for (const DiagnosisStep &s : tab->result().steps)
            for (const RouterResult &r : s.records) {
                ++parts;
                QVERIFY2(r.source == AnswerSource::Live, qPrintable(s.layer + QLatin1Char(' ') + r.router));
            }
        QVERIFY(parts > 5);
        // A tick with nothing running starts the next run; closing the tab then stops it all.
        tab->watchTick();
        QVERIFY(tab->isRunning());
        emit m_window->resultTabs()->tabCloseRequested(m_window->resultTabs()->indexOf(tab));
        QTRY_VERIFY(!tab);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const ActivityEntry &e : m_service->activity())
                    if (e.requestId.startsWith(QLatin1String("diagnosis-")))
                        return false;
                return true;
            }(),
            10000);
    }

private:
    std::unique_ptr<RouterDataService> m_service;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestDiagnosisWindow)
#include "tst_diagnosis_window.moc"
