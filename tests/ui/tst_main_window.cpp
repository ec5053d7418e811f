// Drives the real window against the built-in demo lab (offscreen).
#include "engine/service/router_data_service.h"
#include "ui/dialogs/settings_dialog.h"
#include "ui/main_window.h"
#include "ui/models/comparison_model.h"
#include "ui/models/record_filter_proxy_model.h"
#include "ui/models/record_table_model.h"
#include "ui/models/session_comparison_model.h"
#include "ui/models/activity_model.h"
#include "ui/widgets/activity_panel.h"
#include "ui/widgets/inventory_panel.h"
#include "ui/widgets/query_bar.h"
#include "ui/widgets/result_tab.h"
#include "ui/widgets/session_compare_panel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTableView>
#include <QTreeView>

using namespace rl;

namespace {

// What the inventory panel lists: its group rows and the routers under them.
struct PanelContents {
    QStringList groups;
    QStringList routers;
};

PanelContents panelContents(InventoryPanel *panel)
{
    PanelContents out;
    const auto *tree = panel->findChild<QTreeView *>();
    if (!tree)
        return out;
    const QAbstractItemModel *m = tree->model();
    for (int g = 0; g < m->rowCount(); ++g) {
        const QModelIndex group = m->index(g, 0);
        out.groups << group.data().toString();
        for (int r = 0; r < m->rowCount(group); ++r)
            out.routers << m->index(r, 0, group).data().toString();
    }
    out.groups.sort();
    out.routers.removeDuplicates();
    out.routers.sort();
    return out;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runQueryAndReadTable();
    void compareTwoRouters();
    void exportCsv();
    void sessionAwareSideBySide();
    void cancelFanOut();
    void invalidParamsDisableRun();
    void ctrlReturnRuns();
    void throttledRequestShowsInActivity();
    void externalOperatorSeesOnlyItsCustomer();
    void settingsDialogAsksExternalForCustomer();

private:
    std::unique_ptr<RouterDataService> m_service;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    Q_INIT_RESOURCE(ui);
    EngineSettings s = EngineSettings::defaults();
    s.storePath = QStringLiteral(":memory:");
    m_service = std::make_unique<RouterDataService>(s);
    m_service->useDemoLab();
    QVERIFY(m_service->inventory().contains(QStringLiteral("lab-frr")));
    m_window = std::make_unique<MainWindow>(m_service.get());
    m_window->show();
}

void TestMainWindow::runQueryAndReadTable()
{
    m_window->inventoryPanel()->setChecked({QStringLiteral("lab-frr"), QStringLiteral("demo-pe-down")});
    QCOMPARE(m_window->inventoryPanel()->checkedRouters().size(), 2);
    QSignalSpy shown(m_window.get(), &MainWindow::responseShown);
    m_window->queryBar()->setKind(QueryKind::BgpStatus);
    auto *run = m_window->findChild<QPushButton *>(QStringLiteral("runButton"));
    QVERIFY(run && run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(shown.wait(20000));
    ResultTab *tab = m_window->currentResult();
    QVERIFY(tab);
    RecordTableModel *model = tab->tableModel();
    QVERIFY(model->rowCount() >= 2);
    bool sawError = false, sawEstablished = false;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->isErrorRow(r)) {
            sawError = true;
            QCOMPARE(model->index(r, 0).data().toString(), QStringLiteral("demo-pe-down"));
            QVERIFY(model->index(r, 1).data().toString().startsWith(QStringLiteral("unreachable: ")));
        } else if (model->index(r, model->firstRecordColumn() + 6).data().toString() == QLatin1String("established")) {
            sawEstablished = true;
        }
    }
    QVERIFY(sawError);
    QVERIFY(sawEstablished);
    // Typing into the filter box narrows the table.
    auto *filter = tab->findChild<QLineEdit *>(QStringLiteral("filterBox"));
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("unreachable"));
    QCOMPARE(tab->filterModel()->rowCount(), 1);
    filter->clear();
}

void TestMainWindow::compareTwoRouters()
{
    m_window->inventoryPanel()->setChecked({QStringLiteral("lab-frr"), QStringLiteral("demo-p-slow")});
    QSignalSpy shown(m_window.get(), &MainWindow::responseShown);
    m_window->runQuery(QueryKind::LinkStatus, {}, 0);
    QVERIFY(shown.wait(30000));
    ResultTab *tab = m_window->currentResult();
    tab->compareRouters({QStringLiteral("lab-frr"), QStringLiteral("lab-frr")});
    ComparisonModel *cmp = tab->comparisonModel();
    QVERIFY(cmp->sides().size() >= 1);
    tab->showView(ResultTab::SideBySideView);
    QCOMPARE(tab->views()->currentIndex(), int(ResultTab::SideBySideView));
    QVERIFY(cmp->columnCount() > 0);
}

void TestMainWindow::sessionAwareSideBySide()
{
    // Two routers that peer: side by side turns session-aware by itself, both ends on one row.
    m_window->inventoryPanel()->setChecked({QStringLiteral("lab-frr"), QStringLiteral("lab-bird")});
    QSignalSpy shown(m_window.get(), &MainWindow::responseShown);
    m_window->runQuery(QueryKind::BgpStatus, {}, 0);
    QVERIFY(shown.wait(30000));
    ResultTab *tab = m_window->currentResult();
    tab->showView(ResultTab::SideBySideView);
    SessionComparePanel *panel = tab->sessionPanel();
    QAbstractItemModelTester pairsTester(panel->pairsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester routesTester(panel->routesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *toggle = tab->findChild<QCheckBox *>(QStringLiteral("sessionAware"));
    QVERIFY(toggle && toggle->isEnabled());
    QVERIFY(toggle->isChecked());
    QVERIFY(tab->isSessionAware());
    QVERIFY(panel->isVisible());
    SessionComparisonModel *pairs = panel->pairsModel();
    QCOMPARE(pairs->index(0, 0).data(SessionComparisonModel::StatusRole).toString(), QStringLiteral("paired"));
    QCOMPARE(pairs->index(0, 1).data().toString(), QStringLiteral("lab-frr 198.19.0.0 <-> lab-bird 198.19.0.1"));
    QCOMPARE(pairs->countStatus(QStringLiteral("paired")), 1);
    QVERIFY(pairs->countStatus(QStringLiteral("peer-outside")) >= 1);

    // The session's routes: what frr sends back towards bird's own AS never arrives.
    panel->pairsView()->selectRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), 20000);
    SessionComparisonModel *routes = panel->routesModel();
    QVERIFY(routes->rowCount() > 0);
    QVERIFY(routes->countStatus(QStringLiteral("both")) > 0);
    QVERIFY(routes->countStatus(QStringLiteral("sent-not-received")) > 0);
    panel->setRoutesFilter(QStringLiteral("sent-not-received"));
    QCOMPARE(routes->rowCount(), routes->countStatus(QStringLiteral("sent-not-received")));
    for (int r = 0; r < routes->rowCount(); ++r)
        QCOMPARE(routes->index(r, 0).data().toString(), QStringLiteral("sent but not received"));
    panel->setRoutesFilter(QStringLiteral("received-not-sent"));
    QCOMPARE(routes->rowCount(), routes->countStatus(QStringLiteral("received-not-sent")));

    // Back to the rows aligned by key: the person's choice sticks.
    toggle->click();
    QVERIFY(!tab->isSessionAware());
    QVERIFY(tab->findChild<QTableView *>(QStringLiteral("compareTable"))->isVisible());
    QVERIFY(tab->comparisonModel()->alignedRowCount() > 0);

    // Links: the LLDP neighbors are read for it; both ends of the customer's link, MTU flagged.
    m_window->inventoryPanel()->setChecked({QStringLiteral("pe2-ams"), QStringLiteral("ce-umbrella")});
    m_window->runQuery(QueryKind::LinkStatus, {}, 0);
    QVERIFY(shown.wait(30000));
    tab = m_window->currentResult();
    QTRY_VERIFY_WITH_TIMEOUT(!tab->sessionPanel()->isBusy(), 20000);
    QVERIFY(tab->isSessionAware());
    SessionComparisonModel *links = tab->sessionPanel()->pairsModel();
    QCOMPARE(links->countStatus(QStringLiteral("paired")), 2);
    bool mtuFlagged = false;
    for (int r = 0; r < links->rowCount(); ++r)
        for (int c = 0; c < links->columnCount(); ++c)
            mtuFlagged = mtuFlagged
                || (links->headerData(c, Qt::Horizontal, SessionComparisonModel::ColumnKeyRole).toString().endsWith(QStringLiteral("Mtu"))
                    && links->index(r, c).data(SessionComparisonModel::FlaggedRole).toBool());
    QVERIFY(mtuFlagged);
}

void TestMainWindow::exportCsv()
{
    ResultTab *tab = m_window->currentResult();
    QVERIFY(tab);
    tab->showView(ResultTab::TableView);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    tab->exportCsv(path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QVERIFY(lines.first().startsWith("Router,Interface,"));
    QCOMPARE(lines.size() - 2, tab->filterModel()->rowCount()); // header + rows + trailing empty
}

void TestMainWindow::cancelFanOut()
{
    // demo-p-slow answers slowly: cancel while it is still queued or in flight.
    m_window->inventoryPanel()->setChecked({QStringLiteral("demo-p-slow")});
    QSignalSpy shown(m_window.get(), &MainWindow::responseShown);
    const QString id = m_window->runQuery(QueryKind::BgpStatus, {}, 0);
    auto *cancel = m_window->findChild<QPushButton *>(QStringLiteral("statusCancel"));
    QVERIFY(cancel && cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(shown.wait(20000));
    ResultTab *tab = m_window->resultFor(id);
    QVERIFY(tab && tab->isComplete());
    const RecordTableModel *model = tab->tableModel();
    QVERIFY(model->rowCount() >= 1);
    QVERIFY(model->index(0, 1).data().toString().startsWith(QStringLiteral("cancelled")));
}

void TestMainWindow::invalidParamsDisableRun()
{
    m_window->inventoryPanel()->setChecked({QStringLiteral("lab-frr")});
    m_window->queryBar()->setKind(QueryKind::ReceivedRoutes);
    auto *run = m_window->findChild<QPushButton *>(QStringLiteral("runButton"));
    QVERIFY(!run->isEnabled()); // needs a neighbor
    auto *neighbor = m_window->findChild<QLineEdit *>(QStringLiteral("paramNeighbor"));
    QTest::keyClicks(neighbor, QStringLiteral("198.51.100.1; reload"));
    QVERIFY(!run->isEnabled());
    neighbor->setText(QStringLiteral("198.51.100.1"));
    QVERIFY(run->isEnabled());
}

void TestMainWindow::ctrlReturnRuns()
{
    m_window->inventoryPanel()->setChecked({QStringLiteral("lab-frr")});
    m_window->queryBar()->setKind(QueryKind::LinkStatus);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *kind = m_window->findChild<QComboBox *>(QStringLiteral("queryKind"));
    QVERIFY(kind);
    kind->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), kind);
    const int tabs = m_window->resultTabs()->count();
    QSignalSpy shown(m_window.get(), &MainWindow::responseShown);
    // The key goes to the focused widget, as a person's key press would.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_window->resultTabs()->count(), tabs + 1);
    QVERIFY(shown.wait(20000));
    QCOMPARE(m_window->currentResult()->request().kind, QueryKind::LinkStatus);
    QCOMPARE(m_window->currentResult()->request().routers, QStringList{QStringLiteral("lab-frr")});
}

void TestMainWindow::throttledRequestShowsInActivity()
{
    // A tight network-wide throttle (an administrator's setting): one command, then one
    // every ten seconds. A fan-out over the demo lab must show held-back work.
    const EngineSettings before = m_service->settings();
    EngineSettings tight = before;
    tight.throttle.network = RateLimit{0.1, 1, ThrottleAction::HoldBack, 10};
    ClientIdentity admin;
    admin.id = QStringLiteral("test-admin");
    admin.role = Role::Admin;
    QVERIFY(!m_service->applySettings(admin, tight).isError());

    const QStringList routers = m_service->inventory().routerNames();
    QVERIFY(routers.size() >= 3);
    m_window->inventoryPanel()->setChecked(routers);
    QSignalSpy shown(m_window.get(), &MainWindow::responseShown);
    const QString id = m_window->runQuery(QueryKind::LinkStatus, {}, 0);
    ActivityModel *activity = m_window->activityPanel()->activityModel();
    auto heldBackRow = [&] {
        for (int r = 0; r < activity->rowCount(); ++r) {
            const QModelIndex state = activity->index(r, ActivityModel::StateColumn);
            if (state.data(ActivityModel::StateRole).toInt() == int(WorkState::HeldBack)
                && state.data(ActivityModel::RequestIdRole).toString() == id)
                return r;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(heldBackRow() >= 0, 10000);
    const int row = heldBackRow();
    QCOMPARE(activity->index(row, ActivityModel::StateColumn).data().toString(), QStringLiteral("held back (throttled)"));
    QCOMPARE(activity->index(row, ActivityModel::RequestColumn).data().toString(), id);

    // Cancel it; the rows of an answered request leave the activity panel.
    m_window->cancelCurrent();
    QVERIFY(shown.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(activity->rowCount(), 0, 5000);
    QVERIFY(!m_service->applySettings(admin, before).isError());
}

void TestMainWindow::externalOperatorSeesOnlyItsCustomer()
{
    const EngineSettings before = m_service->settings();
    InventoryPanel *panel = m_window->inventoryPanel();
    const QStringList everyRouter = [&] {
        QStringList all = m_service->inventory().routerNames();
        all.sort();
        return all;
    }();
    QCOMPARE(panelContents(panel).routers, everyRouter);

    // A customer engineer for globex: its provider edge and its own router, nothing else.
    EngineSettings globex = before;
    globex.operatorRole = QStringLiteral("external");
    globex.operatorCustomer = QStringLiteral("globex");
    const Error applied = m_window->applySettings(globex);
    QVERIFY2(!applied.isError(), qPrintable(applied.toString()));
    QCOMPARE(m_window->clientIdentity().role, Role::External);
    QCOMPARE(m_window->clientIdentity().customer, QStringLiteral("globex"));
    const QStringList globexRouters{QStringLiteral("ce-globex"), QStringLiteral("pe1-par")};
    QCOMPARE(panelContents(panel).routers, globexRouters);

    // Grouped by connection: globex's connection only, though pe1-par also serves initech.
    panel->setGrouping(InventoryPanel::Grouping::Connection);
    const PanelContents byConnection = panelContents(panel);
    QCOMPARE(byConnection.groups, QStringList{QStringLiteral("globex-par-210 (globex)")});
    QCOMPARE(byConnection.routers, globexRouters);

    // A query runs as that customer and answers.
    panel->setChecked(globexRouters);
    QSignalSpy shown(m_window.get(), &MainWindow::responseShown);
    const QString id = m_window->runQuery(QueryKind::LinkStatus, {}, 0);
    QVERIFY(shown.wait(30000));
    ResultTab *tab = m_window->resultFor(id);
    QVERIFY(tab && tab->isComplete());
    QCOMPARE(tab->request().client.customer, QStringLiteral("globex"));
    QCOMPARE(tab->request().client.role, Role::External);
    const RecordTableModel *model = tab->tableModel();
    QVERIFY(model->rowCount() >= 1);
    QStringList answered;
    for (int r = 0; r < model->rowCount(); ++r) {
        QVERIFY2(!model->isErrorRow(r), qPrintable(model->index(r, 1).data().toString()));
        answered << model->index(r, 0).data().toString();
    }
    answered.removeDuplicates();
    answered.sort();
    QCOMPARE(answered, globexRouters);

    // Back to internal: everything is listed again.
    EngineSettings internal = before;
    internal.operatorRole = QStringLiteral("internal");
    QVERIFY(!m_window->applySettings(internal).isError());
    QVERIFY(m_window->clientIdentity().customer.isEmpty());
    QCOMPARE(panelContents(panel).routers, everyRouter);
    QVERIFY(panelContents(panel).groups.size() > 1);
    panel->setGrouping(InventoryPanel::Grouping::Site);
    QCOMPARE(panelContents(panel).routers, everyRouter);
    QVERIFY(!m_window->applySettings(before).isError());
}

void TestMainWindow::settingsDialogAsksExternalForCustomer()
{
    EngineSettings s = EngineSettings::defaults();
    SettingsDialog dlg(s);
    dlg.setCustomers({QStringLiteral("globex"), QStringLiteral("initech")});
    auto *role = dlg.findChild<QComboBox *>(QStringLiteral("operatorRole"));
    auto *customer = dlg.findChild<QComboBox *>(QStringLiteral("operatorCustomer"));
    QVERIFY(role && customer);
    QCOMPARE(customer->count(), 2);
    QPushButton *ok = dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!customer->isEnabled()); // internal: no customer
    QVERIFY(ok->isEnabled());
    role->setCurrentIndex(role->findData(QStringLiteral("external")));
    QVERIFY(customer->isEnabled());
    QVERIFY(!ok->isEnabled()); // external without a customer would be refused everything
    customer->setCurrentIndex(customer->findText(QStringLiteral("globex")));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dlg.settings().operatorRole, QStringLiteral("external"));
    QCOMPARE(dlg.settings().operatorCustomer, QStringLiteral("globex"));
    role->setCurrentIndex(role->findData(QStringLiteral("admin")));
    QVERIFY(!customer->isEnabled());
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
