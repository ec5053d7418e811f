#pragma once

#include "engine/api/error.h"
#include "engine/api/request.h"
#include "engine/inventory/inventory.h"
#include "engine/service/engine_settings.h"
#include "ui/export/session_report.h"

#include <QHash>
#include <QMainWindow>
#include <QSize>
#include <QTimer>
#include <QUrl>

class QLabel;
class QMenu;
class QMimeData;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTabWidget;
class QThreadPool;

namespace rl {

class ActivityPanel;
class DiagnosisTab;
class InventoryEditorDialog;
class InventoryFileWatcher;
class InventoryPanel;
class MessageBanner;
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

    RouterDataService *service() const { return m_service; }
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
    // Using a service (remote mode), it is the client the token stands for.
    ClientIdentity clientIdentity() const;
    // Whether the window uses a routerlens-serve instead of this process's engine.
    bool isRemote() const;
    // The status bar's mark naming the service and the client, in remote mode.
    QLabel *serviceMark() const { return m_serviceMark; }
    QAction *connectAction() const { return m_connectAction; }
    // Hands the settings to the engine and, when it takes them, shows the inventory as the
    // (possibly new) client sees it. The Settings dialog ends here; nothing is written to disk.
    Error applySettings(const EngineSettings &settings);
    // The settings dialog as openSettings shows it: the engine's settings, the inventory's
    // customers and credential profiles. The caller owns it.
    SettingsDialog *createSettingsDialog(QWidget *parent);

    // The inventory file shown (absolute), empty for the demo lab or none.
    QString inventoryPath() const { return m_inventoryPath; }
    // Load errors and warnings, and the hint when nothing is open.
    MessageBanner *messageBanner() const { return m_banner; }
    QMenu *recentInventoriesMenu() const { return m_recentMenu; }
    // The editor of the inventory file shown (File > Edit inventory…), or null when there is no
    // file or it does not read now (then the banner says why). Its "saved" reaches the window:
    // a JSON file saved in place is reloaded by the file watcher, once; a new JSON file written
    // from another form is opened. The caller owns it.
    InventoryEditorDialog *createInventoryEditor(QWidget *parent);
    // Files larger than this are read on the loading thread, with a busy bar in the status bar,
    // while the window goes on; smaller ones at once. Tests set 0 to read every file there.
    static constexpr qint64 BackgroundLoadBytes = 2LL * 1024 * 1024;
    void setBackgroundLoadBytes(qint64 bytes) { m_backgroundLoadBytes = bytes; }
    bool isLoadingInventory() const;
    // The inventory opened last (the first of Open Recent), when there is one; at start when
    // no other source was given. False when there is none or it did not load (then shown).
    bool reopenLastInventory();

public Q_SLOTS:
    // Reads the inventory file (format as Inventory::loadFile; empty: by extension) and shows
    // it, watches it for changes and puts it first in Open Recent. A file that does not load
    // changes nothing: the error, with file and line, is shown in the banner. A large file is
    // read on the loading thread: then true means "being read", and inventoryLoaded tells.
    bool openInventory(const QString &path, const QString &format = {});
    void editInventory();
    void openInventoryDialog();
    // Reads the shown inventory file again. When that fails the routers shown stay, the error
    // is in the banner and a mark in the status bar says the file was not reloaded.
    bool reloadInventory();
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
    void showSshSettings(const QString &routerName);
    // File > Connect to a service…: asks for the service, the token file and the CA, then
    // connects this window to it (connectToService).
    void openConnectDialog();
    // From now on the window uses the routerlens-serve at `base` with `token`: what needs the
    // local engine is disabled; the service's routers and connections for the token are shown
    // once it answered; what it refuses is shown in the banner with its code and sentence.
    void connectToService(const QUrl &base, const QByteArray &token, const QString &caFile = {});

Q_SIGNALS:
    void responseShown(const QString &requestId);
    // An inventory file was read and shown (ok) or refused, by openInventory or reloadInventory,
    // at once or on the loading thread. A read overtaken by a newer one is not reported.
    void inventoryLoaded(const QString &path, bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

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
    // openInventory and reloadInventory: at once, or on the loading thread for a large file.
    bool loadInventoryFile(const QString &path, const QString &format, bool reloading);
    bool finishLoad(const QString &path, const QString &format, bool reloading, const Result<Inventory> &read);
    void onInventoryChanged();
    void followInventoryInDiagnoses();
    void rebuildRecentMenu();
    void showInventoryWarnings();
    // In the banner, with Reload (when reloading) and Open inventory… beside it.
    void showInventoryError(const QString &title, const Error &error, bool reloading);
    void showNothingOpenHint();
    void updateTitle();
    static QString droppedFile(const QMimeData *mime);
    void saveLayout();
    TopologyView *newTopologyWindow();
    // A result store warning (a damaged store moved aside, an answer not kept): in the status
    // bar now, behind a permanent "store" mark with every warning in its tooltip, and in the log.
    void showStoreWarning(const QString &warning);
    void diagnoseCurrentConnection();
    // Remote mode: follow the service's signals, and disable what needs the local engine.
    void attachRemote();
    void showServiceError(const QString &title, const Error &error, const QList<QAction *> &actions = {});
    void updateServiceMark();
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
    QLabel *m_inventoryMark; // "not reloaded" while the file on disk cannot be read
    QLabel *m_serviceMark;   // remote mode: which service, as which client
    MessageBanner *m_banner;
    InventoryFileWatcher *m_watcher;
    QMenu *m_recentMenu = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_usageAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_retryAction = nullptr; // remote mode: ask the service again after it failed
    QThreadPool *m_loadPool;       // one thread: reads inventory files
    QProgressBar *m_loadProgress;  // busy while it does
    int m_loadGeneration = 0;      // a read finished under an older number was overtaken
    bool m_readingNewFile = false; // the read running opens another file: a reload waits for it
    qint64 m_backgroundLoadBytes = BackgroundLoadBytes;
    QString m_inventoryPath;
    QString m_inventoryFormat;
    QStringList m_storeWarnings;
    QString m_running; // the request the status bar follows
    int m_progressDone = 0;
    int m_progressTotal = 0;
    QTimer m_progressTimer; // runs while progress not yet shown is pending
    SessionReport m_report;
};

} // namespace rl
