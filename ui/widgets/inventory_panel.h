#pragma once

#include "engine/inventory/inventory.h"
#include "engine/service/router_data_service.h"

#include <QSet>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace rl {

// The routers on the left: grouped by site, customer, platform or connection, searchable,
// checkboxes for multi-select, a state icon per router.
class InventoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InventoryPanel)

public:
    enum class Grouping { Site, Customer, Platform, Connection };

    explicit InventoryPanel(QWidget *parent = nullptr);

    void setInventory(const Inventory &inventory);
    void setGrouping(Grouping grouping);
    // Shown within statusDelayMs: a fan-out changes hundreds of states, one repaint shows them.
    void setRouterStatus(const QString &router, RouterStatus status);
    RouterStatus routerStatus(const QString &router) const { return m_status.value(router); }
    static constexpr int statusDelayMs = 150;
    QStringList checkedRouters() const;
    void setChecked(const QStringList &routers);
    void focusSearch();
    // The width at which every column shows in full (the window sizes the panel to it).
    int contentWidth() const;
    static QIcon statusIcon(RouterStatus status);

Q_SIGNALS:
    void selectionChanged(const QStringList &routers);

private:
    void rebuild();
    void showPendingStatus();
    QString groupOf(const Router &router) const;

    Inventory m_inventory;
    Grouping m_grouping = Grouping::Site;
    QHash<QString, RouterStatus> m_status;
    QHash<QString, QList<QStandardItem *>> m_itemsOf; // a router's items in the tree (first column)
    QComboBox *m_groupCombo;
    QLineEdit *m_search;
    QTreeView *m_tree;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    bool m_rebuilding = false;
    QSet<QString> m_statusPending;
    QTimer *m_statusTimer;
};

} // namespace rl
