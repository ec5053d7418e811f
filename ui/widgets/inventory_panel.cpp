#include "ui/widgets/inventory_panel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
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
    case Grouping::Connection: break;
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
    QHash<QString, QStandardItem *> groups;
    auto groupItem = [&](const QString &name) {
        QStandardItem *&g = groups[name];
        if (!g) {
            g = new QStandardItem(name);
            g->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
            g->setCheckable(true);
            m_model->appendRow({g, new QStandardItem, new QStandardItem});
        }
        return g;
    };
    auto addRouter = [&](QStandardItem *group, const Router &r) {
        auto *item = new QStandardItem(statusIcon(m_status.value(r.name)), r.name);
        item->setData(r.name, RouterNameRole);
        item->setCheckable(true);
        item->setCheckState(checked.contains(r.name) ? Qt::Checked : Qt::Unchecked);
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
    };
    if (m_grouping == Grouping::Connection) {
        QSet<QString> placed;
        for (const Connection &c : m_inventory.connections()) {
            QStandardItem *g = groupItem(QStringLiteral("%1 (%2)").arg(c.id, c.customer));
            for (const QString &name : {c.providerRouter, c.customerRouter}) {
                if (const Router *r = m_inventory.router(name)) {
                    addRouter(g, *r);
                    placed.insert(name);
                }
            }
        }
        for (const Router &r : m_inventory.routers()) {
            if (!placed.contains(r.name))
                addRouter(groupItem(tr("(no connection)")), r);
        }
    } else {
        for (const Router &r : m_inventory.routers())
            addRouter(groupItem(groupOf(r)), r);
    }
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

void InventoryPanel::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

} // namespace rl
