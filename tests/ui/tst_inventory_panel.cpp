#include "ui/widgets/inventory_panel.h"

#include <QSignalSpy>
#include <QStandardItem>
#include <QTest>
#include <QTreeView>

using namespace rl;

namespace {

const char *const kInventory = R"({"version": 1,
 "routers": [
  {"name": "pe1", "host": "198.18.0.11", "platform": "frr", "tags": {"site": "par"}},
  {"name": "pe2", "host": "198.18.0.12", "platform": "bird", "tags": {"site": "par"}},
  {"name": "ce1", "host": "198.18.0.13", "platform": "cisco-ios", "tags": {"site": "ams"}}
 ]})";

// The tree's item for a router name (first column), through the view's model.
QModelIndex indexOf(QTreeView *tree, const QString &name)
{
    const QAbstractItemModel *m = tree->model();
    for (int g = 0; g < m->rowCount(); ++g) {
        const QModelIndex group = m->index(g, 0);
        for (int r = 0; r < m->rowCount(group); ++r) {
            const QModelIndex i = m->index(r, 0, group);
            if (i.data().toString() == name)
                return i;
        }
    }
    return {};
}

} // namespace

class TestInventoryPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Q_INIT_RESOURCE(ui); } // the status icons live in the ui library's resources

    void statusChangesArriveTogetherAndKeepTheRest()
    {
        const auto inv = Inventory::loadJson(kInventory, QStringLiteral("panel.json"));
        QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
        InventoryPanel panel;
        panel.setInventory(inv.value());
        panel.setChecked({QStringLiteral("pe2")});
        QSignalSpy selection(&panel, &InventoryPanel::selectionChanged);
        auto *tree = panel.findChild<QTreeView *>();
        QVERIFY(tree);
        QVERIFY(indexOf(tree, QStringLiteral("pe1")).isValid());
        const QString before = indexOf(tree, QStringLiteral("pe1")).data(Qt::ToolTipRole).toString();

        // Many changes in one burst, the last one per router wins.
        panel.setRouterStatus(QStringLiteral("pe1"), RouterStatus::Unreachable);
        panel.setRouterStatus(QStringLiteral("pe1"), RouterStatus::Reachable);
        panel.setRouterStatus(QStringLiteral("pe2"), RouterStatus::AuthFailed);
        QCOMPARE(panel.routerStatus(QStringLiteral("pe1")), RouterStatus::Reachable);
        QTRY_VERIFY(indexOf(tree, QStringLiteral("pe1")).data(Qt::ToolTipRole).toString() != before);
        QVERIFY(indexOf(tree, QStringLiteral("pe1")).data(Qt::ToolTipRole).toString().contains(QLatin1String("reachable")));
        QVERIFY(!indexOf(tree, QStringLiteral("pe1")).data(Qt::ToolTipRole).toString().contains(QLatin1String("unreachable")));
        QVERIFY(indexOf(tree, QStringLiteral("pe2")).data(Qt::ToolTipRole).toString().contains(QLatin1String("authentication failed")));
        QVERIFY(!indexOf(tree, QStringLiteral("pe2")).data(Qt::DecorationRole).value<QIcon>().isNull());

        // The name and the check marks are untouched, and a status change is not a selection change.
        QCOMPARE(indexOf(tree, QStringLiteral("pe2")).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(indexOf(tree, QStringLiteral("pe1")).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QCOMPARE(panel.checkedRouters(), QStringList{QStringLiteral("pe2")});
        QCOMPARE(selection.count(), 0);
    }
};

QTEST_MAIN(TestInventoryPanel)
#include "tst_inventory_panel.moc"
