#pragma once

#include "engine/api/error.h"

#include <QDialog>
#include <QTimer>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace rl {

class RouterDataService;
class UsageModel;

// Tools > Usage…: what the engine answered in a chosen period (last hour, 24 hours, 7 days),
// per client and per router, from the hourly figures kept in the result store (in team mode
// every process's): requests, from the store, coalesced, throttled, errors by code,
// latency p50/p95/p99. Exported as CSV like the other tables. Refreshed while open.
class UsageDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageDialog)

public:
    enum Period { LastHour, Last24Hours, Last7Days };
    enum Tab { PerClientTab, PerRouterTab };

    explicit UsageDialog(RouterDataService *service, QWidget *parent = nullptr);

    void setPeriod(Period period);
    Period period() const;
    static int hoursOf(Period period);
    UsageModel *clientModel() const { return m_clients; }
    UsageModel *routerModel() const { return m_routers; }
    QTabWidget *tabs() const { return m_tabs; }
    QString status() const;
    // Writes the table on the current tab (as sorted) as CSV.
    Error exportCsv(const QString &path) const;

public Q_SLOTS:
    // Reads the period's figures again.
    void refresh();
    void exportCsvInteractive();

private:
    static constexpr int RefreshMs = 10000;
    QTableView *table(QSortFilterProxyModel *proxy, const QString &name);

    RouterDataService *m_service;
    QComboBox *m_period;
    QTabWidget *m_tabs;
    UsageModel *m_clients;
    UsageModel *m_routers;
    QSortFilterProxyModel *m_clientProxy;
    QSortFilterProxyModel *m_routerProxy;
    QLabel *m_status;
    QTimer m_refresh;
};

} // namespace rl
