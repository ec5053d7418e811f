#include "ui/widgets/inventory_panel.h"

#include <QAbstractItemModelTester>
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

// Two customers: acme with a tagged dual-stack connection whose customer router is managed and
// an untagged one whose customer router is not in the inventory; globex on the same provider
// edge. pe2 belongs to no connection.
const char *const kConnections = R"({"version": 1,
 "routers": [
  {"name": "pe1", "host": "198.18.0.11", "platform": "frr", "tags": {"site": "par"}},
  {"name": "pe2", "host": "198.18.0.12", "platform": "bird", "tags": {"site": "par"}},
  {"name": "ce-acme", "host": "198.18.0.13", "platform": "cisco-ios", "tags": {"customer": "acme"}},
  {"name": "ce-globex", "host": "198.18.0.14", "platform": "arista-eos", "tags": {"customer": "globex"}}
 ],
 "connections": [
  {"id": "acme-210", "customer": "acme", "providerRouter": "pe1", "providerInterface": "eth1.210", "vlan": 210,
   "providerAddress": "198.51.100.1", "customerAddress": "198.51.100.2",
   "providerAddress6": "2001:db8:210::1", "customerAddress6": "2001:db8:210::2",
   "providerAs": 64500, "customerAs": 65010, "customerRouter": "ce-acme", "customerInterface": "Gi0/1.210",
   "mtu": 1500, "prefixLimit": 50, "expectedPrefixes": ["203.0.113.0/26"]},
  {"id": "acme-untagged", "customer": "acme", "providerRouter": "pe1", "providerInterface": "eth2",
   "providerAddress": "198.51.100.5", "customerAddress": "198.51.100.6", "providerAs": 64500, "customerAs": 65010},
  {"id": "globex-300", "customer": "globex", "providerRouter": "pe1", "providerInterface": "eth1.300", "vlan": 300,
   "providerAddress": "198.51.100.9", "customerAddress": "198.51.100.10", "providerAs": 64500, "customerAs": 65020,
   "customerRouter": "ce-globex", "customerInterface": "Ethernet1.300"}
 ]})";

// Row titles of a tree level: "title" or, for a connection, "title [id]".
QStringList childTitles(const QAbstractItemModel *m, const QModelIndex &parent)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(parent); ++r) {
        const QModelIndex i = m->index(r, 0, parent);
        const QString id = i.data(InventoryPanel::ConnectionIdRole).toString();
        out << (id.isEmpty() ? i.data().toString() : QStringLiteral("%1 [%2]").arg(i.data().toString(), id));
    }
    return out;
}

QModelIndex childNamed(const QAbstractItemModel *m, const QModelIndex &parent, const QString &title)
{
    for (int r = 0; r < m->rowCount(parent); ++r)
        if (m->index(r, 0, parent).data().toString() == title)
            return m->index(r, 0, parent);
    return {};
}

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

    void groupsByCustomerThenConnectionThenRouters()
    {
        const auto inv = Inventory::loadJson(kConnections, QStringLiteral("connections.json"));
        QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
        InventoryPanel panel;
        panel.setInventory(inv.value());
        panel.setChecked({QStringLiteral("ce-acme")});
        auto *tree = panel.findChild<QTreeView *>();
        QVERIFY(tree);
        QAbstractItemModelTester tester(tree->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setGrouping(InventoryPanel::Grouping::CustomerConnection);
        const QAbstractItemModel *m = tree->model();
        QCOMPARE(childTitles(m, {}), (QStringList{QStringLiteral("(no connection)"), QStringLiteral("acme"), QStringLiteral("globex")}));
        const QModelIndex acme = childNamed(m, {}, QStringLiteral("acme"));
        QCOMPARE(childTitles(m, acme), (QStringList{QStringLiteral("acme-210 [acme-210]"), QStringLiteral("acme-untagged [acme-untagged]")}));
        // A connection's routers: the provider's and, when managed, the customer's.
        const QModelIndex tagged = childNamed(m, acme, QStringLiteral("acme-210"));
        const QModelIndex untagged = childNamed(m, acme, QStringLiteral("acme-untagged"));
        QCOMPARE(childTitles(m, tagged), (QStringList{QStringLiteral("ce-acme"), QStringLiteral("pe1")}));
        QCOMPARE(childTitles(m, untagged), QStringList{QStringLiteral("pe1")});
        QCOMPARE(childTitles(m, childNamed(m, {}, QStringLiteral("(no connection)"))), QStringList{QStringLiteral("pe2")});
        // The facts: VLAN or "untagged" and the customer's AS and address in the columns, all in the tooltip.
        QCOMPARE(tagged.siblingAtColumn(1).data().toString(), QStringLiteral("VLAN 210"));
        QCOMPARE(untagged.siblingAtColumn(1).data().toString(), QStringLiteral("untagged"));
        QCOMPARE(tagged.siblingAtColumn(2).data().toString(), QStringLiteral("AS65010 · 198.51.100.2"));
        const QString facts = tagged.data(Qt::ToolTipRole).toString();
        for (const char *want : {"Provider end: pe1 eth1.210", "Customer end: ce-acme Gi0/1.210", "VLAN: 210",
                                 "198.51.100.1, 2001:db8:210::1", "198.51.100.2, 2001:db8:210::2", "provider AS64500, customer AS65010",
                                 "MTU: 1500", "Prefix limit: 50", "Expected prefixes: 203.0.113.0/26"})
            QVERIFY2(facts.contains(QLatin1String(want)), want);
        const QString untaggedFacts = untagged.data(Qt::ToolTipRole).toString();
        QVERIFY(untaggedFacts.contains(QLatin1String("VLAN: untagged")));
        QVERIFY(untaggedFacts.contains(QLatin1String("Customer end: router not in the inventory")));
        QVERIFY(untaggedFacts.contains(QLatin1String("MTU: none agreed (the two ends are compared)")));
        QVERIFY(!untaggedFacts.contains(QLatin1String("-1")));
        // Checked routers survive the regrouping; a router under two connections counts once.
        QCOMPARE(panel.checkedRouters(), QStringList{QStringLiteral("ce-acme")});
        QCOMPARE(childNamed(m, tagged, QStringLiteral("ce-acme")).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    }

    void currentConnectionFromRowOrRouter()
    {
        const auto inv = Inventory::loadJson(kConnections, QStringLiteral("connections.json"));
        QVERIFY(inv.ok());
        InventoryPanel panel;
        panel.setInventory(inv.value());
        auto *tree = panel.findChild<QTreeView *>();
        QVERIFY(panel.currentConnection().isEmpty());
        // By site: ce-globex is in one connection; pe1 serves three, so it names none.
        tree->setCurrentIndex(indexOf(tree, QStringLiteral("ce-globex")));
        QCOMPARE(panel.currentConnection(), QStringLiteral("globex-300"));
        tree->setCurrentIndex(indexOf(tree, QStringLiteral("pe1")));
        QVERIFY(panel.currentConnection().isEmpty());
        // selectConnection shows the connections and makes the row current; a router under it
        // names it too, pe1 included.
        QVERIFY(panel.selectConnection(QStringLiteral("acme-untagged")));
        QCOMPARE(panel.currentConnection(), QStringLiteral("acme-untagged"));
        const QModelIndex row = tree->currentIndex();
        tree->setCurrentIndex(tree->model()->index(0, 0, row));
        QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("pe1"));
        QCOMPARE(panel.currentConnection(), QStringLiteral("acme-untagged"));
        QVERIFY(!panel.selectConnection(QStringLiteral("no-such-connection")));
        // The flat grouping by connection carries the id on its group rows as well.
        panel.setGrouping(InventoryPanel::Grouping::Connection);
        QVERIFY(panel.selectConnection(QStringLiteral("globex-300")));
        QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("globex-300 (globex)"));
        QCOMPARE(panel.currentConnection(), QStringLiteral("globex-300"));
    }
};

QTEST_MAIN(TestInventoryPanel)
#include "tst_inventory_panel.moc"
