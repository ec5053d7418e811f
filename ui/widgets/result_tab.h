#pragma once

#include "engine/api/request.h"

#include <QSet>
#include <QTimer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace rl {

class ComparisonModel;
class HistoryChartWidget;
class RecordFilterProxyModel;
class RecordTableModel;
class RouterDataService;
class SessionComparePanel;

// One response: Table (all routers, filter box, per-column filters from the header's menu),
// Side by side (the routers aligned by key), Over time (a router now against an earlier
// stored answer) and Chart (from the store's history).
class ResultTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultTab)

public:
    ResultTab(RouterDataService *service, const Request &request, QWidget *parent = nullptr);
    ~ResultTab() override;

    // Who reads the stored history (Over time, Chart): the window's current client, so that
    // an external operator sees only its own rows there too. Default: the request's client.
    void setClientIdentity(std::function<ClientIdentity()> current) { m_identity = std::move(current); }
    QString requestId() const { return m_request.id; }
    const Request &request() const { return m_request; }
    void addPart(const RouterResult &part);
    void setResponse(const Response &response);
    bool isComplete() const { return m_complete; }

    RecordTableModel *tableModel() const { return m_table; }
    RecordFilterProxyModel *filterModel() const { return m_proxy; }
    ComparisonModel *comparisonModel() const { return m_compare; }
    // Side by side, session-aware: the two ends of each session or link on one row. On by
    // itself when the compared routers turn out to peer or share a link, until the person
    // chooses; off shows the rows aligned by key.
    SessionComparePanel *sessionPanel() const { return m_sessionPanel; }
    bool isSessionAware() const;
    void setSessionAware(bool on);
    QTableView *tableView() const { return m_tableView; }
    QTabWidget *views() const { return m_views; }
    void showView(int index);

    void copySelection() const;
    void exportCsv(const QString &path);
    void exportJson(const QString &path);
    void compareRouters(const QStringList &routers);
    void refreshHistory();

    // The table's columns (order, widths, hidden, sort) are remembered per query kind: a tab
    // opens with the layout last left on a table of its kind, and saves its own when the
    // person changes it. Settings key: ui/columns/<kind name>.
    static QString columnLayoutKey(QueryKind kind);
    bool columnLayoutRestored() const { return m_layoutRestored; }
    void saveColumnLayout() const;
    // Writes a change still waiting for its save delay (the tab or the window is closing).
    void flushColumnLayout() const;
    void setColumnHidden(int column, bool hidden);
    void resetColumnLayout();

    enum View { TableView, SideBySideView, OverTimeView, ChartView };

private:
    // How long arriving parts are collected before they are shown together. The first batch
    // is shown on the next event-loop turn (a single router's answer appears at once); each
    // later batch waits twice as long as the one before, from PartBatchMinMs up to
    // PartBatchMaxMs, so a large fan-out inserts rows (and repaints the table) a few times a
    // second instead of twenty.
    static constexpr int PartBatchMinMs = 50;
    static constexpr int PartBatchMaxMs = 200;
    int nextBatchDelayMs() const;
    // How long after the last column change the layout is written to the settings.
    static constexpr int LayoutSaveDelayMs = 500;
    // Error rows are looked up row by row for their spans; beyond this a table is a full
    // routing table, whose rows are not errors.
    static constexpr int MaxRowsForSpans = 20000;
    // The session-aware view pairs the compared routers and, beyond them, at most this many
    // routers that failed (their ends read "cannot tell").
    static constexpr int MaxSessionAwareRouters = 8;
    QWidget *tablePage();
    QWidget *comparePage();
    QWidget *overTimePage();
    void updateTableInfo();
    void flushParts();
    void addHistoryRouters(const QList<RouterResult> &parts);
    void columnMenu(const QPoint &pos);
    void updateOverTime();
    void restoreColumnLayout();
    void fitColumns();
    void naturalColumnOrder();
    void columnLayoutTouched();

    RouterDataService *m_service;
    Request m_request;
    std::function<ClientIdentity()> m_identity;
    bool m_complete = false;
    QList<RouterResult> m_pending; // arrived, not yet shown
    QTimer m_flushTimer;
    int m_flushCount = 0; // batches shown so far: sets the next batch's delay
    mutable QTimer m_layoutSaveTimer; // stopped by the const save
    bool m_layoutRestored = false;
    bool m_autoSizing = false; // our own column fitting is not a layout the person chose
    QSet<QString> m_historyRouters;
    QTabWidget *m_views;
    RecordTableModel *m_table;
    RecordFilterProxyModel *m_proxy;
    QTableView *m_tableView;
    QLineEdit *m_filter;
    QLabel *m_filterInfo;
    ComparisonModel *m_compare;
    QTableView *m_compareView;
    QCheckBox *m_onlyDiff;
    QLabel *m_compareInfo;
    QCheckBox *m_sessionAware;
    bool m_sessionAwareChosen = false; // the person set it: no longer follows what is found
    QStackedWidget *m_compareStack;
    SessionComparePanel *m_sessionPanel;
    QComboBox *m_historyRouter;
    QListWidget *m_historyList;
    ComparisonModel *m_overTime;
    QTableView *m_overTimeView;
    HistoryChartWidget *m_chart;
};

} // namespace rl
