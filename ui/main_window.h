#pragma once

#include "engine/api/error.h"
#include "engine/api/request.h"
#include "engine/service/engine_settings.h"
#include "ui/export/session_report.h"

#include <QHash>
#include <QMainWindow>
#include <QSize>
#include <QTimer>

class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTabWidget;

namespace rl {

class ActivityPanel;
class DiagnosisTab;
class InventoryPanel;
class QueryBar;
class ResultTab;
class RouterDataService;
class SettingsDialog;
class TopologyView;

// Inventory on the left, the query bar and one tab per response in the middle, the live
// activity panel at the bottom, fan-out progress and cancel in the status bar. Everything
// comes from RouterDataService signals; nothing here blocks.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(RouterDataService *service, QWidget *parent = nullptr);
    ~MainWindow() override;

    InventoryPanel *inventoryPanel() const { return m_inventory; }
    QueryBar *queryBar() const { return m_queryBar; }
    ActivityPanel *activityPanel() const { return m_activity; }
    QTabWidget *resultTabs() const { return m_results; }
    ResultTab *currentResult() const;
    ResultTab *resultFor(const QString &requestId) const;
    // The Diagnosis tab of a connection, when one is open.
    DiagnosisTab *diagnosisTab(const QString &connectionId) const;
    const SessionReport &sessionReport() const { return m_report; }
    // Who this desktop is to the engine (role and customer from the settings): every request
    // goes out as this client, and the inventory panel shows only what this client may see.
    ClientIdentity clientIdentity() const;
    // Hands the settings to the engine and, when it takes them, shows the inventory as the
    // (possibly new) client sees it. The Settings dialog ends here; nothing is written to disk.
    Error applySettings(const EngineSettings &settings);
    // The settings dialog as openSettings shows it: the engine's settings, the inventory's
    // customers and credential profiles. The caller owns it.
    SettingsDialog *createSettingsDialog(QWidget *parent);

public Q_SLOTS:
    QString runQuery(rl::QueryKind kind, const rl::QueryParams &params, qint64 maxAgeSeconds);
    void cancelCurrent();
    void openSettings();
    void openPasteBox();
    void exportCurrentCsv();
    void exportSessionReport();
    // The topology map of the checked routers, or of a customer's connections (their routers
    // and provider edges), in a window of its own. Null when there is nothing to map.
    rl::TopologyView *openTopology();
    rl::TopologyView *openCustomerTopology(const QString &customer);
    // Opens (or brings forward) the connection's Diagnosis tab and runs the diagnosis. Only a
    // connection this client may see; another is refused with a message in the status bar.
    void diagnoseConnection(const QString &connectionId);

Q_SIGNALS:
    void responseShown(const QString &requestId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    static constexpr QSize DefaultSize{1560, 960};
    // A fan-out answers hundreds of times a second: the progress bar and its text follow at
    // most this often, so they repaint a few times a second instead of once per router.
    static constexpr int ProgressRefreshMs = 100;
    void buildMenus();
    void onProgress(const QString &requestId, int done, int total);
    void onResponse(const Response &response);
    void showProgress();
    void restoreLayout();
    void refreshInventory();
    void saveLayout();
    TopologyView *newTopologyWindow();
    // A result store warning (a damaged store moved aside, an answer not kept): in the status
    // bar now, behind a permanent "store" mark with every warning in its tooltip, and in the log.
    void showStoreWarning(const QString &warning);
    void diagnoseCurrentConnection();
    void retargetDiagnoses();
    void openEvidenceTab(const Request &request, const QList<RouterResult> &parts);

    RouterDataService *m_service;
    InventoryPanel *m_inventory;
    QueryBar *m_queryBar;
    QTabWidget *m_results;
    ActivityPanel *m_activity;
    QSplitter *m_hsplit;
    QSplitter *m_vsplit;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_statusText;
    QLabel *m_storeWarning;
    QStringList m_storeWarnings;
    QString m_running; // the request the status bar follows
    int m_progressDone = 0;
    int m_progressTotal = 0;
    QTimer m_progressTimer; // runs while progress not yet shown is pending
    SessionReport m_report;
};

} // namespace rl
