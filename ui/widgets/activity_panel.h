#pragma once

#include "engine/scheduling/scheduling_types.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QTabWidget;
class QTableView;
class QValueAxis;

namespace rl {

class ActivityModel;
class LogModel;
class RouterDataService;
class RouterQueueModel;

// The live bottom panel: requests (client, priority, waiting, state; cancel), per-router
// queues, the log, and a live chart of the request rate against the network-wide limit
// and the deepest router queues.
class ActivityPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityPanel)

public:
    explicit ActivityPanel(RouterDataService *service, QWidget *parent = nullptr);

    ActivityModel *activityModel() const { return m_activity; }
    QTabWidget *tabs() const { return m_tabs; }
    void cancelSelected();
    enum Tab { RequestsTab, QueuesTab, LogTab, LiveChartTab };

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyChartTheme();
    void onMetrics(const EngineMetrics &m);
    void updateSummary();

    RouterDataService *m_service;
    QTabWidget *m_tabs;
    ActivityModel *m_activity;
    RouterQueueModel *m_queues;
    LogModel *m_log;
    QTableView *m_activityView;
    QLabel *m_summary;
    QLineSeries *m_rate;
    QLineSeries *m_limit;
    QLineSeries *m_depth;
    QValueAxis *m_axisX;
    QValueAxis *m_axisY;
    QChart *m_chart = nullptr;
    qint64 m_t0 = -1;
};

} // namespace rl
