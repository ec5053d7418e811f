#include "ui/widgets/inventory_panel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSet>
#include <QStyle>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace rl {
namespace {

constexpr int RouterNameRole = Qt::UserRole + 1;

QString statusTitle(RouterStatus s)
{
    switch (s) {
    case RouterStatus::Reachable: return QObject::tr("reachable");
    case RouterStatus::Unreachable: return QObject::tr("unreachable");
    case RouterStatus::AuthFailed: return QObject::tr("authentication failed");
    case RouterStatus::HostKeyProblem: return QObject::tr("host key or certificate problem"); // SSH host key or HTTPS certificate
    case RouterStatus::Throttled: return QObject::tr("throttled");
    case RouterStatus::Unknown: break;
    }
    return QObject::tr("not asked yet");
}

} // namespace

InventoryPanel::InventoryPanel(QWidget *parent)
    : QWidget(parent), m_groupCombo(new QComboBox(this)), m_search(new QLineEdit(this)), m_tree(new QTreeView(this)),
      m_model(new QStandardItemModel(this)), m_proxy(new QSortFilterProxyModel(this)), m_statusTimer(new QTimer(this))
{
    m_statusTimer->setSingleShot(true);
    m_statusTimer->setInterval(statusDelayMs);
    connect(m_statusTimer, &QTimer::timeout, this, &InventoryPanel::showPendingStatus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *groupLabel = new QLabel(tr("&Group by"), this);
    groupLabel->setBuddy(m_groupCombo);
    m_groupCombo->addItem(tr("Site"), int(Grouping::Site));
    m_groupCombo->addItem(tr("Customer"), int(Grouping::Customer));
    m_groupCombo->addItem(tr("Platform"), int(Grouping::Platform));
    m_groupCombo->addItem(tr("Connection"), int(Grouping::Connection));
    m_groupCombo->addItem(tr("Customer › connection"), int(Grouping::CustomerConnection));
    m_groupCombo->setObjectName(QStringLiteral("groupCombo"));
    auto *top = new QHBoxLayout;
    top->addWidget(groupLabel);
    top->addWidget(m_groupCombo, 1);
    layout->addLayout(top);
    m_search->setPlaceholderText(tr("Search routers (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("inventorySearch"));
    layout->addWidget(m_search);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_tree->setModel(m_proxy);
    m_tree->setHeaderHidden(false);
    m_tree->setUniformRowHeights(true);
    // Host names and addresses keep both ends readable when the panel is narrow; the whole
    // value is in the tooltip.
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setObjectName(QStringLiteral("inventoryTree"));
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &InventoryPanel::contextMenu);
    layout->addWidget(m_tree, 1);

    connect(m_groupCombo, &QComboBox::currentIndexChanged, this,
            [this] { setGrouping(Grouping(m_groupCombo->currentData().toInt())); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_proxy->setFilterFixedString(t);
        if (!t.isEmpty())
            m_tree->expandAll();
    });
    connect(m_model, &QStandardItemModel::itemChanged, this, [this](QStandardItem *) {
        if (!m_rebuilding)
            Q_EMIT selectionChanged(checkedRouters());
    });
}

QIcon InventoryPanel::statusIcon(RouterStatus status)
{
    // One icon per state, built once: a fan-out changes hundreds of routers' states.
    static QHash<int, QIcon> cache;
    QIcon &icon = cache[int(status)];
    if (!icon.isNull())
        return icon;
    switch (status) {
    case RouterStatus::Reachable: icon = QIcon(QStringLiteral(":/icons/router-reachable.svg")); break;
    case RouterStatus::Unreachable: icon = QIcon(QStringLiteral(":/icons/router-unreachable.svg")); break;
    case RouterStatus::AuthFailed: icon = QIcon(QStringLiteral(":/icons/router-auth-failed.svg")); break;
    case RouterStatus::HostKeyProblem: icon = QIcon(QStringLiteral(":/icons/router-hostkey.svg")); break;
    case RouterStatus::Throttled: icon = QIcon(QStringLiteral(":/icons/router-throttled.svg")); break;
    case RouterStatus::Unknown: icon = QIcon(QStringLiteral(":/icons/router-unknown.svg")); break;
    }
    return icon;
}

void InventoryPanel::setInventory(const Inventory &inventory)
{
    m_inventory = inventory;
    rebuild();
}

void InventoryPanel::setGrouping(Grouping grouping)
{
    m_grouping = grouping;
    const int idx = m_groupCombo->findData(int(grouping));
    if (idx != m_groupCombo->currentIndex())
        m_groupCombo->setCurrentIndex(idx);
    rebuild();
}

QString InventoryPanel::groupOf(const Router &r) const
{
    switch (m_grouping) {
    case Grouping::Site: return r.tags.value(QStringLiteral("site"), tr("(no site)"));
    case Grouping::Customer: return r.tags.value(QStringLiteral("customer"), tr("(no customer)"));
    case Grouping::Platform: return r.platform;
    case Grouping::Connection:
    case Grouping::CustomerConnection: break;
    }
    return {};
}

void InventoryPanel::rebuild()
{
    const QStringList checked = checkedRouters();
    m_rebuilding = true;
    m_itemsOf.clear();
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("Router"), tr("Platform"), tr("Host")});
    if (m_grouping == Grouping::Connection || m_grouping == Grouping::CustomerConnection) {
        addConnectionRows();
    } else {
        for (const Router &r : m_inventory.routers())
            addRouterRow(groupItem(groupOf(r)), r);
    }
    for (const QString &name : checked)
        for (QStandardItem *item : m_itemsOf.value(name))
            item->setCheckState(Qt::Checked);
    m_groups.clear();
    m_model->sort(0);
    m_rebuilding = false;
    m_tree->expandAll();
    // Sized once here: ResizeToContents would measure every row again on each state change.
    // Every column fits its contents (Host was cut off at the default width); what does not fit
    // the panel scrolls sideways or is elided in the middle, never silently cut.
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_tree->resizeColumnToContents(c);
    updateGeometry();
}

QStandardItem *InventoryPanel::groupItem(const QString &name)
{
    QStandardItem *&g = m_groups[name];
    if (!g) {
        g = new QStandardItem(name);
        g->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
        g->setCheckable(true);
        m_model->appendRow({g, new QStandardItem, new QStandardItem});
    }
    return g;
}

void InventoryPanel::addRouterRow(QStandardItem *group, const Router &r)
{
    auto *item = new QStandardItem(statusIcon(m_status.value(r.name)), r.name);
    item->setData(r.name, RouterNameRole);
    item->setCheckable(true);
    item->setCheckState(Qt::Unchecked);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setToolTip(tr("%1: %2").arg(r.name, statusTitle(m_status.value(r.name))));
    QStringList tagText;
    for (auto it = r.tags.cbegin(); it != r.tags.cend(); ++it)
        tagText << QStringLiteral("%1=%2").arg(it.key(), it.value());
    auto *platform = new QStandardItem(r.platform);
    platform->setToolTip(r.platform);
    auto *host = new QStandardItem(r.host);
    host->setToolTip(tagText.isEmpty() ? r.host : r.host + QLatin1Char('\n') + tagText.join(QLatin1Char(' ')));
    group->appendRow({item, platform, host});
    m_itemsOf[r.name].append(item);
}

void InventoryPanel::addConnectionRows()
{
    QSet<QString> placed;
    for (const Connection &c : m_inventory.connections()) {
        QStandardItem *g = nullptr;
        if (m_grouping == Grouping::Connection) {
            g = groupItem(QStringLiteral("%1 (%2)").arg(c.id, c.customer));
            g->setData(c.id, ConnectionIdRole);
            g->setFlags(g->flags() | Qt::ItemIsSelectable);
            g->setToolTip(connectionFacts(c, m_inventory.contains(c.customerRouter)));
        } else {
            QStandardItem *customer = groupItem(c.customer.isEmpty() ? tr("(no customer)") : c.customer);
            const QList<QStandardItem *> row = connectionRow(c, c.id);
            customer->appendRow(row);
            g = row.first();
        }
        for (const QString &name : {c.providerRouter, c.customerRouter}) {
            if (const Router *r = m_inventory.router(name)) {
                addRouterRow(g, *r);
                placed.insert(name);
            }
        }
    }
    for (const Router &r : m_inventory.routers()) {
        if (!placed.contains(r.name))
            addRouterRow(groupItem(tr("(no connection)")), r);
    }
}

QList<QStandardItem *> InventoryPanel::connectionRow(const Connection &c, const QString &title) const
{
    const QString facts = connectionFacts(c, m_inventory.contains(c.customerRouter));
    auto *item = new QStandardItem(QIcon(QStringLiteral(":/icons/diagnose.svg")), title);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
    item->setCheckable(true);
    item->setData(c.id, ConnectionIdRole);
    // The facts a person asks first, in the columns; all of them in the tooltip.
    auto *vlan = new QStandardItem(c.vlan > 0 ? tr("VLAN %1").arg(c.vlan) : tr("untagged"));
    auto *peer = new QStandardItem(c.customerAs >= 0 ? tr("AS%1 · %2").arg(c.customerAs).arg(c.customerAddress) : c.customerAddress);
    for (QStandardItem *i : {item, vlan, peer}) {
        i->setToolTip(facts);
        i->setData(c.id, ConnectionIdRole);
    }
    vlan->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    peer->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return {item, vlan, peer};
}

QString InventoryPanel::connectionFacts(const Connection &c, bool customerRouterListed)
{
    auto orUnset = [](const QString &s) { return s.isEmpty() ? tr("not set") : s; };
    auto both = [&](const QString &v4, const QString &v6) {
        QStringList a;
        for (const QString &x : {v4, v6})
            if (!x.isEmpty())
                a << x;
        return orUnset(a.join(QStringLiteral(", ")));
    };
    auto as = [&](qint64 n) { return n >= 0 ? QStringLiteral("AS%1").arg(n) : tr("not set"); };
    QStringList lines;
    lines << tr("Connection %1 of %2").arg(c.id, c.customer);
    lines << tr("Provider end: %1 %2").arg(c.providerRouter, c.providerInterface);
    lines << tr("Customer end: %1").arg(c.customerRouter.isEmpty() ? tr("router not in the inventory")
                                        : customerRouterListed ? QStringLiteral("%1 %2").arg(c.customerRouter, c.customerInterface)
                                                               : tr("%1 (not visible to you)").arg(c.customerRouter));
    lines << tr("VLAN: %1").arg(c.vlan > 0 ? (c.innerVlan > 0 ? QStringLiteral("%1.%2").arg(c.vlan).arg(c.innerVlan) : QString::number(c.vlan))
                                           : tr("untagged"));
    lines << tr("Provider addresses: %1").arg(both(c.providerAddress, c.providerAddress6));
    lines << tr("Customer addresses: %1").arg(both(c.customerAddress, c.customerAddress6));
    lines << tr("ASNs: provider %1, customer %2").arg(as(c.providerAs), as(c.customerAs));
    lines << tr("MTU: %1").arg(c.mtu > 0 ? QString::number(c.mtu) : tr("none agreed (the two ends are compared)"));
    lines << tr("Prefix limit: %1").arg(c.prefixLimit > 0 ? QString::number(c.prefixLimit) : tr("not set"));
    lines << tr("Expected prefixes: %1").arg(orUnset(c.expectedPrefixes.join(QStringLiteral(", "))));
    lines << tr("Right-click to diagnose it (Ctrl+Shift+D).");
    return lines.join(QLatin1Char('\n'));
}

int InventoryPanel::contentWidth() const
{
    int w = 0;
    for (int c = 0; c < m_model->columnCount(); ++c)
        w += m_tree->header()->sectionSize(c);
    return w + 2 * m_tree->frameWidth() + m_tree->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4;
}

void InventoryPanel::setRouterStatus(const QString &router, RouterStatus status)
{
    m_status.insert(router, status);
    m_statusPending.insert(router);
    if (!m_statusTimer->isActive())
        m_statusTimer->start();
}

void InventoryPanel::showPendingStatus()
{
    // One pass: icon and tooltip in one dataChanged per item, and the proxy sorts and filters
    // once at the end rather than once per router.
    m_rebuilding = true;
    m_proxy->setDynamicSortFilter(false);
    for (const QString &router : std::as_const(m_statusPending)) {
        const RouterStatus status = m_status.value(router);
        const QMap<int, QVariant> data{{Qt::DecorationRole, statusIcon(status)},
                                       {Qt::ToolTipRole, tr("%1: %2").arg(router, statusTitle(status))}};
        for (QStandardItem *item : m_itemsOf.value(router))
            m_model->setItemData(item->index(), data);
    }
    m_statusPending.clear();
    m_proxy->setDynamicSortFilter(true);
    m_rebuilding = false;
}

QStringList InventoryPanel::checkedRouters() const
{
    // Inventory order; a router listed in two groups counts once.
    QStringList out;
    for (const Router &r : m_inventory.routers()) {
        for (const QStandardItem *item : m_itemsOf.value(r.name)) {
            if (item->checkState() == Qt::Checked) {
                out << r.name;
                break;
            }
        }
    }
    return out;
}

void InventoryPanel::setChecked(const QStringList &routers)
{
    m_rebuilding = true;
    const QSet<QString> wanted(routers.cbegin(), routers.cend());
    for (auto it = m_itemsOf.cbegin(); it != m_itemsOf.cend(); ++it) {
        for (QStandardItem *item : it.value())
            item->setCheckState(wanted.contains(it.key()) ? Qt::Checked : Qt::Unchecked);
    }
    m_rebuilding = false;
    Q_EMIT selectionChanged(checkedRouters());
}

QString InventoryPanel::currentConnection() const
{
    for (QModelIndex i = m_tree->currentIndex(); i.isValid(); i = i.parent()) {
        const QString id = i.siblingAtColumn(0).data(ConnectionIdRole).toString();
        if (!id.isEmpty())
            return id;
    }
    // A router listed under a site or a platform: its connection when it has only one.
    const QString router = m_tree->currentIndex().siblingAtColumn(0).data(RouterNameRole).toString();
    QString only;
    for (const Connection &c : m_inventory.connections()) {
        if (!router.isEmpty() && (c.providerRouter == router || c.customerRouter == router)) {
            if (!only.isEmpty())
                return {};
            only = c.id;
        }
    }
    return only;
}

bool InventoryPanel::selectConnection(const QString &connectionId)
{
    if (!m_inventory.connection(connectionId))
        return false;
    if (m_grouping != Grouping::Connection && m_grouping != Grouping::CustomerConnection)
        setGrouping(Grouping::CustomerConnection);
    m_search->clear();
    const QModelIndexList hits = m_proxy->match(m_proxy->index(0, 0), ConnectionIdRole, connectionId, 1,
                                                Qt::MatchExactly | Qt::MatchRecursive);
    if (hits.isEmpty())
        return false;
    m_tree->setCurrentIndex(hits.first());
    m_tree->scrollTo(hits.first());
    return true;
}

void InventoryPanel::contextMenu(const QPoint &pos)
{
    const QModelIndex at = m_tree->indexAt(pos);
    if (at.isValid())
        m_tree->setCurrentIndex(at);
    const QString id = currentConnection();
    QMenu menu(this);
    QAction *diagnose = menu.addAction(QIcon(QStringLiteral(":/icons/diagnose.svg")),
                                       id.isEmpty() ? tr("Diagnose connection") : tr("Diagnose %1").arg(id));
    diagnose->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)); // shown; the window's action has it
    diagnose->setEnabled(!id.isEmpty());
    if (id.isEmpty())
        diagnose->setToolTip(tr("Choose a connection's row (group by connection) or one of its routers"));
    const QString routerName = m_tree->currentIndex().siblingAtColumn(0).data(RouterNameRole).toString();
    const Router *router = routerName.isEmpty() ? nullptr : m_inventory.router(routerName);
    QAction *ssh = nullptr;
    if (router && router->transport == TransportKind::Ssh)
        ssh = menu.addAction(tr("SSH settings of %1…").arg(routerName));
    QAction *chosen = menu.exec(m_tree->viewport()->mapToGlobal(pos));
    if (chosen && chosen == diagnose)
        Q_EMIT diagnoseRequested(id);
    else if (chosen && chosen == ssh)
        Q_EMIT sshSettingsRequested(routerName);
}

void InventoryPanel::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

} // namespace rl
