// The window's stored-history views (Over time, Chart) read the store as the window's client:
// an external operator sees its own rows of the stored answers, never another customer's,
// even when the store holds an internal operator's full answer for the same router and query.
#include "engine/service/router_data_service.h"
#include "ui/main_window.h"
#include "ui/models/record_table_model.h"
#include "ui/widgets/history_chart_widget.h"
#include "ui/widgets/inventory_panel.h"
#include "ui/widgets/result_tab.h"

#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace rl;

class TestCustomerBoundaryWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void overTimeShowsOnlyTheOperatorsRows();

private:
    ResultTab *run(QueryKind kind);
    static QStringList neighborsIn(const QAbstractItemModel *model);

    std::unique_ptr<RouterDataService> m_service;
    std::unique_ptr<MainWindow> m_window;
};

void TestCustomerBoundaryWindow::initTestCase()
{
    Q_INIT_RESOURCE(ui);
    EngineSettings s = EngineSettings::defaults();
    s.storePath = QStringLiteral(":memory:");
    m_service = std::make_unique<RouterDataService>(s);
    m_service->useDemoLab();
    m_window = std::make_unique<MainWindow>(m_service.get());
    m_window->show();
}

ResultTab *TestCustomerBoundaryWindow::run(QueryKind kind)
{
    m_window->inventoryPanel()->setChecked({QStringLiteral("pe1-par")});
    QSignalSpy shown(m_window.get(), &MainWindow::responseShown);
    const QString id = m_window->runQuery(kind, {}, 0);
    if (!shown.wait(30000))
        return nullptr;
    return m_window->resultFor(id);
}

// The neighbor cells of a table of BGP sessions (any column whose header says "Neighbor").
QStringList TestCustomerBoundaryWindow::neighborsIn(const QAbstractItemModel *model)
{
    QStringList out;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (!model->headerData(c, Qt::Horizontal).toString().contains(QLatin1String("Neighbor")))
            continue;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString text = model->index(r, c).data().toString();
            if (!text.isEmpty())
                out << text;
        }
    }
    out.removeDuplicates();
    out.sort();
    return out;
}

void TestCustomerBoundaryWindow::overTimeShowsOnlyTheOperatorsRows()
{
    // An internal operator reads every session of pe1-par: the store now holds them all.
    ResultTab *internalTab = run(QueryKind::BgpStatus);
    QVERIFY(internalTab);
    const int allRows = internalTab->tableModel()->rowCount();
    QVERIFY2(allRows > 2, qPrintable(QString::number(allRows)));
    internalTab->refreshHistory();
    auto *internalChart = internalTab->findChild<HistoryChartWidget *>();
    QVERIFY(internalChart);
    const int internalSeries = internalChart->seriesCount(); // prefixes received per established session
    QVERIFY2(internalSeries > 2, qPrintable(QString::number(internalSeries)));

    // initech's engineer asks the same: two live rows (its IPv4 and IPv6 sessions).
    EngineSettings initech = m_service->settings();
    initech.operatorRole = QStringLiteral("external");
    initech.operatorCustomer = QStringLiteral("initech");
    QVERIFY(!m_window->applySettings(initech).isError());
    ResultTab *tab = run(QueryKind::BgpStatus);
    QVERIFY(tab);
    const QStringList own{QStringLiteral("198.51.100.6"), QStringLiteral("2001:db8:300::2")};
    QCOMPARE(neighborsIn(tab->tableModel()), own);

    // Over time: both stored answers are listed, each with the rows initech may see.
    tab->showView(ResultTab::OverTimeView);
    tab->refreshHistory();
    auto *list = tab->findChild<QListWidget *>(QStringLiteral("historyList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 2);
    for (int i = 0; i < list->count(); ++i)
        QVERIFY2(list->item(i)->text().contains(QStringLiteral(" · 2 row")), qPrintable(list->item(i)->text()));
    // The older one is the internal operator's full answer; compared with now, initech's rows only.
    list->setCurrentRow(1);
    auto *overTime = tab->findChild<QTableView *>(QStringLiteral("overTimeTable"));
    QVERIFY(overTime && overTime->model());
    QVERIFY(overTime->model()->rowCount() > 0);
    QCOMPARE(neighborsIn(overTime->model()), own);

    // The chart draws from the same filtered answers: one "received" line per own session.
    auto *chart = tab->findChild<HistoryChartWidget *>();
    QVERIFY(chart);
    tab->showView(ResultTab::ChartView);
    QCOMPARE(chart->seriesCount(), 2);
    // History is read as the window's client now, also in a tab opened before the switch.
    internalTab->refreshHistory();
    QCOMPARE(internalChart->seriesCount(), 2);
}

QTEST_MAIN(TestCustomerBoundaryWindow)
#include "tst_customer_boundary_window.moc"
