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

// The routers on the left: grouped by site, customer, platform, connection, or customer ->
// connection -> its routers; searchable, checkboxes for multi-select, a state icon per
// router. A connection's row carries its facts (tooltip) and a "Diagnose" context action.
class InventoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InventoryPanel)

public:
    enum class Grouping { Site, Customer, Platform, Connection, CustomerConnection };
    // A connection's row in the tree holds its id in this role.
    static constexpr int ConnectionIdRole = Qt::UserRole + 2;

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

    // The connection of the current row: the connection's own row, a router under it, or a
    // router that belongs to exactly one connection. Empty when there is none.
    QString currentConnection() const;
    // Makes a connection's row current (grouping by connection first if it is not shown).
    bool selectConnection(const QString &connectionId);
    const QList<Connection> &connections() const { return m_inventory.connections(); }
    // The connection's facts for people: provider end, VLAN, addresses, ASNs, MTU, limits.
    static QString connectionFacts(const Connection &connection, bool customerRouterListed);

Q_SIGNALS:
    void selectionChanged(const QStringList &routers);
    void diagnoseRequested(const QString &connectionId);
    // "SSH settings…" in a router's context menu: what a session to it would use.
    void sshSettingsRequested(const QString &router);

private:
    void rebuild();
    QStandardItem *groupItem(const QString &name);
    void addRouterRow(QStandardItem *group, const Router &router);
    void addConnectionRows();
    QList<QStandardItem *> connectionRow(const Connection &connection, const QString &title) const;
    void showPendingStatus();
    void contextMenu(const QPoint &pos);
    QString groupOf(const Router &router) const;

    Inventory m_inventory;
    Grouping m_grouping = Grouping::Site;
    QHash<QString, RouterStatus> m_status;
    QHash<QString, QList<QStandardItem *>> m_itemsOf; // a router's items in the tree (first column)
    QHash<QString, QStandardItem *> m_groups;         // top-level rows by title, while rebuilding
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
