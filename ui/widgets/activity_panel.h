#pragma once

#include "engine/scheduling/scheduling_types.h"

#include <QList>
#include <QPointF>
#include <QTimer>
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
    QLabel *usageLine() const { return m_usageLine; }
    void cancelSelected();
    enum Tab { RequestsTab, QueuesTab, LogTab, LiveChartTab };

protected:
    void changeEvent(QEvent *event) override;

private:
    // The engine sends its metrics and its activity list back to back (every 250 ms). The
    // metrics (queue table, live chart) are shown this much later, so the two updates run in
    // different event-loop turns instead of one long one.
    static constexpr int MetricsDelayMs = 120;
    // The live chart keeps this many seconds.
    static constexpr qreal ChartWindowSeconds = 300;
    // The usage line is read again this often (and with each metrics tick).
    static constexpr int UsageLineMs = 5000;
    void applyChartTheme();
    void onMetrics(const EngineMetrics &m);
    void showMetrics();
    void showChartPoints();
    void updateSummary();
    // This hour's usage in one line (RouterDataService::usageThisHour).
    void updateUsageLine();

    RouterDataService *m_service;
    QTabWidget *m_tabs;
    ActivityModel *m_activity;
    RouterQueueModel *m_queues;
    LogModel *m_log;
    QTableView *m_activityView;
    QLabel *m_summary;
    QLabel *m_usageLine;
    QTimer m_usageTimer;
    QLineSeries *m_rate;
    QLineSeries *m_limit;
    QLineSeries *m_depth;
    QValueAxis *m_axisX;
    QValueAxis *m_axisY;
    QChart *m_chart = nullptr;
    qint64 m_t0 = -1;
    QTimer m_metricsTimer;
    EngineMetrics m_lastMetrics; // the newest, not yet shown in the queue table
    bool m_metricsPending = false;
    // Chart points not yet added: the chart only takes them while it is on screen, since
    // every added point makes its scene lay out the series again.
    QList<QPointF> m_pendingRate, m_pendingLimit, m_pendingDepth;
};

} // namespace rl
