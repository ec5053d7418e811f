// The window remembers its layout: geometry, splitters, and per query kind the result table's
// columns (order, widths, hidden, sort), restored when a tab of that kind opens again.
#include "engine/service/router_data_service.h"
#include "ui/main_window.h"
#include "ui/models/record_filter_proxy_model.h"
#include "ui/models/record_table_model.h"
#include "ui/widgets/inventory_panel.h"
#include "ui/widgets/result_tab.h"

#include <QApplication>
#include <QHeaderView>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rl;

class TestLayoutMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void columnLayoutComesBackForItsKind();
    void otherKindsKeepTheirOwnLayout();
    void unreadableLayoutFallsBackToFitting();
    void resetForgetsTheLayout();
    void windowGeometryAndSplitters();

private:
    std::unique_ptr<MainWindow> openWindow();
    ResultTab *run(MainWindow *w, QueryKind kind);
    static void closeTab(MainWindow *w, int index);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<RouterDataService> m_service;
};

void TestLayoutMemory::initTestCase()
{
    Q_INIT_RESOURCE(ui);
    QVERIFY(m_settingsDir.isValid());
    // Never the person's own settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("RouterLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_layout_memory"));
    QSettings().clear();
    EngineSettings s = EngineSettings::defaults();
    s.storePath = QStringLiteral(":memory:");
    m_service = std::make_unique<RouterDataService>(s);
    m_service->useDemoLab();
}

std::unique_ptr<MainWindow> TestLayoutMemory::openWindow()
{
    auto w = std::make_unique<MainWindow>(m_service.get());
    w->show();
    w->inventoryPanel()->setChecked({QStringLiteral("lab-frr"), QStringLiteral("lab-bird")});
    return w;
}

ResultTab *TestLayoutMemory::run(MainWindow *w, QueryKind kind)
{
    QSignalSpy shown(w, &MainWindow::responseShown);
    const QString id = w->runQuery(kind, {}, 0);
    for (int i = 0; i < 3 && !w->resultFor(id)->isComplete(); ++i)
        shown.wait(20000);
    ResultTab *tab = w->resultFor(id);
    return tab && tab->isComplete() ? tab : nullptr;
}

void TestLayoutMemory::closeTab(MainWindow *w, int index)
{
    Q_EMIT w->resultTabs()->tabCloseRequested(index);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void TestLayoutMemory::columnLayoutComesBackForItsKind()
{
    int widened = 0;
    {
        auto w = openWindow();
        ResultTab *tab = run(w.get(), QueryKind::BgpStatus);
        QVERIFY(tab);
        QVERIFY(!tab->columnLayoutRestored());
        QHeaderView *h = tab->tableView()->horizontalHeader();
        widened = h->sectionSize(2) + 97;
        h->setSectionHidden(4, true);
        h->moveSection(h->visualIndex(3), 1);
        h->setSortIndicator(2, Qt::DescendingOrder);
        h->resizeSection(2, widened);
        closeTab(w.get(), 0); // the change is written when the tab closes, at the latest
        QVERIFY(QSettings().contains(ResultTab::columnLayoutKey(QueryKind::BgpStatus)));
        w->close();
    }
    auto w = openWindow();
    ResultTab *tab = run(w.get(), QueryKind::BgpStatus);
    QVERIFY(tab);
    QVERIFY(tab->columnLayoutRestored());
    QHeaderView *h = tab->tableView()->horizontalHeader();
    // Still as left after the answer arrived: fitting the columns must not undo it.
    QCOMPARE(h->sectionSize(2), widened);
    QVERIFY(h->isSectionHidden(4));
    QCOMPARE(h->visualIndex(3), 1);
    QCOMPARE(h->sortIndicatorSection(), 2);
    QCOMPARE(h->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(tab->tableModel()->sortColumn(), 2); // sorted, not just the arrow shown
    QCOMPARE(tab->tableModel()->sortOrder(), Qt::DescendingOrder);
    w->close();
}

void TestLayoutMemory::otherKindsKeepTheirOwnLayout()
{
    auto w = openWindow();
    ResultTab *tab = run(w.get(), QueryKind::LinkStatus);
    QVERIFY(tab);
    QVERIFY(!tab->columnLayoutRestored());
    QHeaderView *h = tab->tableView()->horizontalHeader();
    QCOMPARE(h->hiddenSectionCount(), 0);
    QCOMPARE(h->visualIndex(3), 3);
    w->close();
}

void TestLayoutMemory::unreadableLayoutFallsBackToFitting()
{
    QSettings().setValue(ResultTab::columnLayoutKey(QueryKind::ArpTable), QByteArray("not a header state"));
    auto w = openWindow();
    ResultTab *tab = run(w.get(), QueryKind::ArpTable);
    QVERIFY(tab);
    QVERIFY(!tab->columnLayoutRestored());
    QHeaderView *h = tab->tableView()->horizontalHeader();
    QCOMPARE(h->count(), tab->tableModel()->columnCount());
    QCOMPARE(h->hiddenSectionCount(), 0);
    for (int c = 0; c < h->count(); ++c)
        QVERIFY2(h->sectionSize(c) > 0, qPrintable(QString::number(c)));
    w->close();
}

void TestLayoutMemory::resetForgetsTheLayout()
{
    QVERIFY(QSettings().contains(ResultTab::columnLayoutKey(QueryKind::BgpStatus)));
    auto w = openWindow();
    ResultTab *tab = run(w.get(), QueryKind::BgpStatus);
    QVERIFY(tab && tab->columnLayoutRestored());
    tab->resetColumnLayout();
    QVERIFY(!QSettings().contains(ResultTab::columnLayoutKey(QueryKind::BgpStatus)));
    QHeaderView *h = tab->tableView()->horizontalHeader();
    QCOMPARE(h->hiddenSectionCount(), 0);
    QCOMPARE(h->visualIndex(3), 3);
    closeTab(w.get(), 0);
    // Fitting on reset is not a layout the person chose: nothing is saved.
    QVERIFY(!QSettings().contains(ResultTab::columnLayoutKey(QueryKind::BgpStatus)));
    w->close();
}

void TestLayoutMemory::windowGeometryAndSplitters()
{
    QList<int> left;
    {
        auto w = openWindow();
        w->resize(1234, 777);
        auto *split = w->centralWidget()->findChild<QSplitter *>(QString(), Qt::FindDirectChildrenOnly); // below the banner
        QVERIFY(split);
        split->setSizes({411, 1234 - 411});
        left = split->sizes();
        w->close();
    }
    auto w = openWindow();
    QCOMPARE(w->size(), QSize(1234, 777));
    auto *split = w->centralWidget()->findChild<QSplitter *>(QString(), Qt::FindDirectChildrenOnly); // below the banner
    QVERIFY(split);
    QCOMPARE(split->sizes().value(0), left.value(0));
}

QTEST_MAIN(TestLayoutMemory)
#include "tst_layout_memory.moc"
