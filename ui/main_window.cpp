#include "ui/main_window.h"

#include "engine/inventory/inventory_document.h"
#include "engine/service/remote_engine.h"
#include "engine/service/router_data_service.h"
#include "engine/service/ssh_settings_report.h"
#include "ui/dialogs/connect_service_dialog.h"
#include "ui/dialogs/inventory_editor_dialog.h"
#include "ui/dialogs/known_host_dialog.h"
#include "ui/dialogs/paste_box_dialog.h"
#include "ui/dialogs/settings_dialog.h"
#include "ui/dialogs/usage_dialog.h"
#include "ui/inventory_file_watcher.h"
#include "ui/recent_inventories.h"
#include "ui/widgets/activity_panel.h"
#include "ui/widgets/diagnosis_tab.h"
#include "ui/widgets/inventory_panel.h"
#include "ui/widgets/message_banner.h"
#include "ui/widgets/query_bar.h"
#include "ui/widgets/result_tab.h"
#include "ui/widgets/topology_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QHeaderView>
#include <QInputDialog>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

namespace rl {

namespace {

// The desktop's one client: its id names it in the activity panel and in throttle overrides.
ClientIdentity identityFrom(const EngineSettings &settings)
{
    ClientIdentity me;
    me.id = QStringLiteral("desktop");
    me.role = roleFromName(settings.operatorRole).value_or(Role::Internal);
    if (me.role == Role::External)
        me.customer = settings.operatorCustomer.trimmed();
    return me;
}

} // namespace

MainWindow::MainWindow(RouterDataService *service, QWidget *parent)
    : QMainWindow(parent), m_service(service), m_inventory(new InventoryPanel(this)), m_queryBar(new QueryBar(this)),
      m_results(new QTabWidget(this)), m_activity(new ActivityPanel(service, this)),
      m_hsplit(new QSplitter(Qt::Horizontal, this)), m_vsplit(new QSplitter(Qt::Vertical, this)),
      m_progress(new QProgressBar(this)), m_cancel(new QPushButton(QIcon(QStringLiteral(":/icons/cancel.svg")), tr("Cancel"), this)),
      m_statusText(new QLabel(this)), m_storeWarning(new QLabel(this)), m_inventoryMark(new QLabel(this)),
      m_serviceMark(new QLabel(this)), m_banner(new MessageBanner(this)), m_watcher(new InventoryFileWatcher(this)), m_loadPool(new QThreadPool(this)),
      m_loadProgress(new QProgressBar(this))
{
    m_loadPool->setMaxThreadCount(1);
    setWindowTitle(tr("RouterLens"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/routerlens.svg")));
    m_results->setTabsClosable(true);
    m_results->setDocumentMode(true);
    m_results->setObjectName(QStringLiteral("resultTabs"));
    connect(m_results, &QTabWidget::tabCloseRequested, this, [this](int i) {
        QWidget *w = m_results->widget(i);
        if (auto *tab = qobject_cast<ResultTab *>(w); tab && !tab->isComplete())
            m_service->cancel(tab->requestId()); // closing a running query cancels it
        if (auto *diagnosis = qobject_cast<DiagnosisTab *>(w))
            diagnosis->stop(); // no more watched runs, the running one cancelled
        m_results->removeTab(i);
        w->deleteLater();
    });

    auto *center = new QWidget(this);
    auto *cl = new QVBoxLayout(center);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->addWidget(m_queryBar);
    cl->addWidget(m_results, 1);
    m_vsplit->addWidget(center);
    m_vsplit->addWidget(m_activity);
    m_vsplit->setStretchFactor(0, 3);
    m_vsplit->setStretchFactor(1, 1);
    m_hsplit->addWidget(m_inventory);
    m_hsplit->addWidget(m_vsplit);
    m_hsplit->setStretchFactor(1, 4);
    m_vsplit->setSizes({650, 250});
    // The banner spans the window: an inventory problem concerns the whole of it.
    auto *body = new QWidget(this);
    auto *ml = new QVBoxLayout(body);
    ml->setContentsMargins(0, 0, 0, 0);
    ml->setSpacing(2);
    m_banner->setObjectName(QStringLiteral("messageBanner"));
    ml->addWidget(m_banner);
    ml->addWidget(m_hsplit, 1);
    setCentralWidget(body);
    setAcceptDrops(true); // an inventory file dropped on the window opens it

    m_progress->setMaximumWidth(240);
    m_progress->setVisible(false);
    m_progress->setObjectName(QStringLiteral("fanoutProgress"));
    m_cancel->setVisible(false);
    m_cancel->setObjectName(QStringLiteral("statusCancel"));
    m_cancel->setToolTip(tr("Cancel the running query (Esc)"));
    statusBar()->addWidget(m_statusText, 1);
    m_storeWarning->setObjectName(QStringLiteral("storeWarning"));
    m_storeWarning->setVisible(false);
    statusBar()->addPermanentWidget(m_storeWarning);
    m_inventoryMark->setObjectName(QStringLiteral("inventoryNotReloaded"));
    m_inventoryMark->setVisible(false);
    statusBar()->addPermanentWidget(m_inventoryMark);
    m_serviceMark->setObjectName(QStringLiteral("serviceMark"));
    m_serviceMark->setVisible(false);
    statusBar()->addPermanentWidget(m_serviceMark);
    m_loadProgress->setObjectName(QStringLiteral("inventoryLoadProgress"));
    m_loadProgress->setRange(0, 0); // busy: the readers tell no progress
    m_loadProgress->setMaximumWidth(160);
    m_loadProgress->setVisible(false);
    statusBar()->addPermanentWidget(m_loadProgress);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, &MainWindow::cancelCurrent);
    m_progressTimer.setSingleShot(true);
    m_progressTimer.setInterval(ProgressRefreshMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &MainWindow::showProgress);

    buildMenus();

    connect(m_inventory, &InventoryPanel::selectionChanged, m_queryBar,
            [this](const QStringList &r) { m_queryBar->setRouterCount(int(r.size())); });
    connect(m_queryBar, &QueryBar::runRequested, this, &MainWindow::runQuery);
    connect(m_inventory, &InventoryPanel::diagnoseRequested, this, &MainWindow::diagnoseConnection);
    connect(m_inventory, &InventoryPanel::sshSettingsRequested, this, &MainWindow::showSshSettings);
    connect(m_watcher, &InventoryFileWatcher::changed, this, &MainWindow::reloadInventory);

    if (m_service) {
        refreshInventory();
        connect(m_service, &RouterDataService::inventoryChanged, this, &MainWindow::onInventoryChanged);
        connect(m_service, &RouterDataService::routerStatusChanged, m_inventory, &InventoryPanel::setRouterStatus);
        connect(m_service, &RouterDataService::partReady, this, [this](const QString &id, const RouterResult &part) {
            if (ResultTab *tab = resultFor(id))
                tab->addPart(part);
        });
        connect(m_service, &RouterDataService::progress, this, &MainWindow::onProgress);
        connect(m_service, &RouterDataService::responseReady, this, &MainWindow::onResponse);
        connect(m_service, &RouterDataService::storeWarning, this, &MainWindow::showStoreWarning);
        connect(m_service, &RouterDataService::hostKeyUnknown, this,
                [this](const QString &router, const QString &type, const QString &fp) {
                    KnownHostDialog dlg(router, type, fp, this);
                    if (dlg.exec() == QDialog::Accepted)
                        m_service->acceptHostKey(router, fp);
                });
    }
    m_statusText->setText(tr("Check routers on the left, choose a query, press Ctrl+Return."));
    if (m_service) {
        for (const QString &w : m_service->storeWarnings())
            showStoreWarning(w);
        if (m_service->remote())
            attachRemote();
        else if (m_service->inventory().routers().isEmpty() && !m_service->usesDemoLab())
            showNothingOpenHint();
    }
    updateTitle();
    restoreLayout();
}

void MainWindow::showStoreWarning(const QString &warning)
{
    m_storeWarnings.append(warning);
    // The engine's sentence, as the log has it; the mark says how many there were.
    m_statusText->setText(tr("Result store: %1").arg(warning));
    m_statusText->setToolTip(warning);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_storeWarning->setText(tr("⚠ Store: %n warning(s)", nullptr, int(m_storeWarnings.size())));
    m_storeWarning->setToolTip(m_storeWarnings.join(QStringLiteral("\n\n")));
    m_storeWarning->setMinimumHeight(size);
    m_storeWarning->setVisible(true);
}

MainWindow::~MainWindow()
{
    ++m_loadGeneration; // a read still running is answered to no one
    m_loadPool->clear();
    m_loadPool->waitForDone();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_openAction = file->addAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open inventory…"), this,
                                   &MainWindow::openInventoryDialog);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setObjectName(QStringLiteral("openInventoryAction"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentInventoriesMenu"));
    m_recentMenu->setToolTipsVisible(true); // a missing file says so
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    m_reloadAction = file->addAction(tr("Re&load inventory"), this, &MainWindow::reloadInventory);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setObjectName(QStringLiteral("reloadInventoryAction"));
    m_reloadAction->setEnabled(false);
    m_editAction = file->addAction(tr("&Edit inventory…"), this, &MainWindow::editInventory);
    m_editAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_editAction->setObjectName(QStringLiteral("editInventoryAction"));
    m_editAction->setStatusTip(tr("Add, change and remove routers and connections of the inventory file shown"));
    m_editAction->setEnabled(false);
    m_demoAction = file->addAction(tr("Open the &demo lab"), this, [this] {
        if (!m_service)
            return;
        ++m_loadGeneration; // a file still being read is not wanted any more
        m_loadProgress->setVisible(false);
        m_inventoryPath.clear();
        m_inventoryFormat.clear();
        m_watcher->clear();
        m_reloadAction->setEnabled(false);
        m_editAction->setEnabled(false);
        m_inventoryMark->setVisible(false);
        m_banner->dismiss();
        m_service->useDemoLab();
        updateTitle();
    });
    m_demoAction->setObjectName(QStringLiteral("demoLabAction"));
    m_connectAction = file->addAction(tr("&Connect to a service…"), this, &MainWindow::openConnectDialog);
    m_connectAction->setObjectName(QStringLiteral("connectServiceAction"));
    m_connectAction->setStatusTip(tr("Use a routerlens-serve instead of this computer's engine, as the client of your API token"));
    file->setToolTipsVisible(true); // what is disabled in remote mode says why
    file->addSeparator();
    auto *exportCsv = file->addAction(QIcon(QStringLiteral(":/icons/export.svg")), tr("&Export table as CSV…"), this,
                                      &MainWindow::exportCurrentCsv);
    exportCsv->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(tr("Export table as &JSON…"), this, [this] {
        if (ResultTab *tab = currentResult()) {
            const QString path = QFileDialog::getSaveFileName(this, tr("Export JSON"), QString(), tr("JSON (*.json)"));
            if (!path.isEmpty())
                tab->exportJson(path);
        }
    });
    file->addAction(tr("Export &session report…"), this, &MainWindow::exportSessionReport)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu *query = menuBar()->addMenu(tr("&Query"));
    auto *run = query->addAction(QIcon(QStringLiteral(":/icons/run.svg")), tr("&Run"), m_queryBar, &QueryBar::run);
    run->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    auto *cancel = query->addAction(QIcon(QStringLiteral(":/icons/cancel.svg")), tr("&Cancel"), this, &MainWindow::cancelCurrent);
    cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    query->addAction(tr("Find router"), m_inventory, &InventoryPanel::focusSearch)->setShortcut(QKeySequence::Find);
    auto *compare = query->addAction(QIcon(QStringLiteral(":/icons/compare.svg")), tr("Side by side"), this, [this] {
        if (ResultTab *t = currentResult())
            t->showView(ResultTab::SideBySideView);
    });
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    query->addAction(QIcon(QStringLiteral(":/icons/chart.svg")), tr("Chart"), this, [this] {
        if (ResultTab *t = currentResult())
            t->showView(ResultTab::ChartView);
    })->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    query->addSeparator();
    query->addAction(tr("Topology &map"), this, &MainWindow::openTopology)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    query->addAction(tr("Topology map of a &customer…"), this, [this] {
        QStringList customers;
        for (const Connection &c : m_service->visibleConnections(clientIdentity()))
            customers << c.customer;
        customers.removeDuplicates();
        customers.sort(Qt::CaseInsensitive);
        if (customers.isEmpty()) {
            m_statusText->setText(tr("The inventory has no connections to map."));
            return;
        }
        bool ok = false;
        const QString c = QInputDialog::getItem(this, tr("Topology map"), tr("Customer:"), customers, 0, false, &ok);
        if (ok)
            openCustomerTopology(c);
    });
    auto *diagnose = query->addAction(QIcon(QStringLiteral(":/icons/diagnose.svg")), tr("&Diagnose connection"), this,
                                      &MainWindow::diagnoseCurrentConnection);
    diagnose->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    diagnose->setObjectName(QStringLiteral("diagnoseAction"));
    diagnose->setToolTip(tr("Diagnose the chosen connection from both ends, layer by layer (Ctrl+Shift+D)"));

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(QIcon(QStringLiteral(":/icons/paste.svg")), tr("&Paste box…"), this, &MainWindow::openPasteBox)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_settingsAction = tools->addAction(QIcon(QStringLiteral(":/icons/settings.svg")), tr("&Settings…"), this, &MainWindow::openSettings);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    // Usage per client and router (engine/service usage, kept in the store).
    m_usageAction = tools->addAction(QIcon(QStringLiteral(":/icons/usage.svg")), tr("&Usage…"), this, [this] {
        auto *dlg = new UsageDialog(m_service, this);
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        dlg->show();
    });
    m_usageAction->setObjectName(QStringLiteral("usageAction"));
    tools->setToolTipsVisible(true);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->addAction(m_openAction);
    bar->addSeparator();
    bar->addAction(run);
    bar->addAction(cancel);
    bar->addAction(compare);
    bar->addAction(diagnose);
    bar->addAction(exportCsv);
    bar->addSeparator();
    bar->addActions(tools->actions());
}

ResultTab *MainWindow::currentResult() const
{
    return qobject_cast<ResultTab *>(m_results->currentWidget());
}

ResultTab *MainWindow::resultFor(const QString &requestId) const
{
    for (int i = 0; i < m_results->count(); ++i) {
        auto *t = qobject_cast<ResultTab *>(m_results->widget(i));
        if (t && t->requestId() == requestId)
            return t;
    }
    return nullptr;
}

QString MainWindow::runQuery(QueryKind kind, const QueryParams &params, qint64 maxAgeSeconds)
{
    Request req;
    req.routers = m_inventory->checkedRouters();
    req.kind = kind;
    req.params = params;
    req.maxAgeSeconds = maxAgeSeconds;
    req.urgency = Urgency::Interactive;
    req.client = clientIdentity();
    // Our own id, so the tab exists before the first part can arrive.
    static int counter = 0;
    req.id = QStringLiteral("ui-%1-%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    auto *tab = new ResultTab(m_service, req, m_results);
    tab->setClientIdentity([this] { return clientIdentity(); }); // history is read as the window's client
    const QString title = req.routers.size() == 1 ? QStringLiteral("%1 · %2").arg(queryKindDisplayTitle(kind), req.routers.first())
                                                  : tr("%1 · %n routers", nullptr, int(req.routers.size())).arg(queryKindDisplayTitle(kind));
    m_results->setCurrentIndex(m_results->addTab(tab, title));
    m_running = req.id;
    m_progressTimer.stop();
    m_progressDone = 0;
    m_progressTotal = int(req.routers.size());
    m_progress->setRange(0, int(req.routers.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_statusText->setText(tr("Asking %n router(s)…", nullptr, int(req.routers.size())));
    return m_service->submit(req);
}

void MainWindow::cancelCurrent()
{
    if (!m_running.isEmpty())
        m_service->cancel(m_running);
}

void MainWindow::onProgress(const QString &requestId, int done, int total)
{
    if (requestId != m_running)
        return;
    // Shown from a timer: one repaint of the bar and the text per interval, however many
    // routers answered in it.
    m_progressDone = done;
    m_progressTotal = total;
    if (!m_progressTimer.isActive())
        m_progressTimer.start();
}

void MainWindow::showProgress()
{
    if (m_running.isEmpty())
        return;
    m_progress->setRange(0, m_progressTotal);
    m_progress->setValue(m_progressDone);
    m_statusText->setText(tr("%1 of %2 routers answered…").arg(m_progressDone).arg(m_progressTotal));
}

void MainWindow::onResponse(const Response &response)
{
    ResultTab *tab = resultFor(response.requestId);
    if (!tab)
        return;
    tab->setResponse(response);
    m_report.add(response);
    if (response.requestId == m_running) {
        m_running.clear();
        m_progressTimer.stop();
        m_progress->setVisible(false);
        m_cancel->setVisible(false);
        const int failed = response.failedCount();
        if (isRemote() && response.error.isError() && response.error.code != ErrorCode::Cancelled)
            showServiceError(tr("The service did not answer the query"), response.error,
                             m_service->remote()->isConnected() ? QList<QAction *>{} : QList<QAction *>{m_retryAction});
        m_statusText->setText(response.error.isError() ? response.error.message
                              : failed ? tr("Done: %1 of %2 routers failed; their errors are in the table.").arg(failed).arg(response.results.size())
                                       : tr("Done: %n router(s) answered.", nullptr, int(response.results.size())));
    }
    Q_EMIT responseShown(response.requestId);
}

SettingsDialog *MainWindow::createSettingsDialog(QWidget *parent)
{
    auto *dlg = new SettingsDialog(m_service->settings(), parent);
    // The customers the inventory knows, offered for an external operator to pick from.
    QStringList customers;
    for (const Connection &c : m_service->inventory().connections())
        customers << c.customer;
    for (const Router &r : m_service->inventory().routers())
        customers << r.tags.value(QStringLiteral("customer"));
    customers.removeAll(QString());
    customers.removeDuplicates();
    customers.sort(Qt::CaseInsensitive);
    dlg->setCustomers(customers);
    dlg->setCredentialProfiles(m_service->inventory().credentials().values());
    return dlg;
}

void MainWindow::openSettings()
{
    const std::unique_ptr<SettingsDialog> owned(createSettingsDialog(this));
    SettingsDialog &dlg = *owned;
    if (dlg.exec() != QDialog::Accepted)
        return;
    if (const Error e = applySettings(dlg.settings()))
        QMessageBox::warning(this, tr("Settings not applied"), e.message);
    else {
        QSettings s;
        dlg.settings().save(s);
    }
}

ClientIdentity MainWindow::clientIdentity() const
{
    if (isRemote())
        return m_service->remote()->client(); // the token's, whatever the settings say
    return identityFrom(m_service ? m_service->settings() : EngineSettings::defaults());
}

Error MainWindow::applySettings(const EngineSettings &settings)
{
    // The new settings apply as the client they describe (a role change takes effect at once).
    if (Error e = m_service->applySettings(identityFrom(settings), settings))
        return e;
    refreshInventory();
    retargetDiagnoses();
    return {};
}

void MainWindow::refreshInventory()
{
    // Only what this client may see: an external operator sees its customer's routers and
    // connections, not those of the other customers sharing a provider edge.
    const ClientIdentity me = clientIdentity();
    const Inventory &all = m_service->inventory();
    Inventory mine;
    for (const QString &name : m_service->visibleRouters(me)) {
        if (const Router *r = all.router(name))
            (void)mine.addRouter(*r); // valid already: it is in the engine's inventory
    }
    for (const Connection &c : m_service->visibleConnections(me))
        mine.addConnection(c);
    m_inventory->setInventory(mine);
    for (const Router &r : mine.routers())
        m_inventory->setRouterStatus(r.name, m_service->routerStatus(r.name));
    m_queryBar->setRouterCount(int(m_inventory->checkedRouters().size()));
}

bool MainWindow::openInventory(const QString &path, const QString &format)
{
    if (!m_service)
        return false;
    if (isRemote()) {
        showInventoryError(tr("%1 was not opened").arg(QFileInfo(path).fileName()),
                           Error(ErrorCode::InvalidRequest, tr("This window uses a RouterLens service: its routers are the "
                                                               "ones your token may see there.")),
                           false);
        return false;
    }
    return loadInventoryFile(QFileInfo(path).absoluteFilePath(), format, false);
}

bool MainWindow::reloadInventory()
{
    if (RemoteEngine *remote = isRemote() ? m_service->remote() : nullptr) {
        remote->connectToService(); // the routers and connections the service lists for the token, again
        return true;
    }
    if (!m_service || m_inventoryPath.isEmpty())
        return false;
    if (isLoadingInventory() && m_readingNewFile)
        return false; // the file being opened replaces this one: reading this one again would overtake it
    return loadInventoryFile(m_inventoryPath, m_inventoryFormat, true);
}

bool MainWindow::isLoadingInventory() const
{
    return m_loadProgress->isVisibleTo(this);
}

namespace {

// What the loading thread hands back: Result has no empty state, a future's value needs one.
struct InventoryRead {
    std::optional<Inventory> inventory;
    Error error;
};

} // namespace

bool MainWindow::loadInventoryFile(const QString &path, const QString &format, bool reloading)
{
    // A read still running is for a file no longer wanted (another was opened since, or the
    // same one changed again): its answer is dropped when it comes.
    const int generation = ++m_loadGeneration;
    const qint64 size = QFileInfo(path).size();
    m_readingNewFile = !reloading;
    if (size <= m_backgroundLoadBytes) {
        m_loadProgress->setVisible(false);
        return finishLoad(path, format, reloading, Inventory::loadFile(path, format));
    }
    const QString name = QFileInfo(path).fileName();
    const QString mib = QString::number(double(size) / (1024 * 1024), 'f', 1);
    m_statusText->setText(reloading ? tr("Reading %1 again (%2 MiB)…").arg(name, mib)
                                    : tr("Reading %1 (%2 MiB)…").arg(name, mib));
    m_loadProgress->setToolTip(m_statusText->text());
    m_loadProgress->setVisible(true);
    // Parented to the window: a window closed while the file is read takes the answer with it.
    auto *watcher = new QFutureWatcher<InventoryRead>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, path, format, reloading] {
        watcher->deleteLater();
        if (generation != m_loadGeneration)
            return;
        m_loadProgress->setVisible(false);
        const InventoryRead read = watcher->result();
        finishLoad(path, format, reloading,
                   read.inventory ? Result<Inventory>(*read.inventory) : Result<Inventory>(read.error));
    });
    // Only values cross: the path and format in, the inventory (or the error) out.
    watcher->setFuture(QtConcurrent::run(m_loadPool, [path, format] {
        InventoryRead out;
        Result<Inventory> r = Inventory::loadFile(path, format);
        if (r.ok())
            out.inventory = std::move(r).value();
        else
            out.error = r.error();
        return out;
    }));
    return true;
}

bool MainWindow::finishLoad(const QString &path, const QString &format, bool reloading, const Result<Inventory> &read)
{
    const QString name = QFileInfo(path).fileName();
    // The engine keeps the inventory it had when the file does not read.
    if (const Error e = m_service->useInventoryFile(read, path)) {
        if (reloading) {
            showInventoryError(tr("The inventory could not be read again."), e, true);
            m_inventoryMark->setText(tr("⚠ Inventory not reloaded"));
            m_inventoryMark->setToolTip(e.message);
            m_inventoryMark->setVisible(true);
            m_statusText->setText(tr("%1 changed but could not be read; the routers shown are those read before.").arg(name));
        } else {
            showInventoryError(tr("The inventory could not be opened."), e, false);
            m_statusText->setText(tr("%1 was not opened.").arg(name));
        }
        Q_EMIT inventoryLoaded(path, false);
        return false;
    }
    const int routers = int(m_service->inventory().routers().size());
    if (reloading) {
        m_watcher->watch(InventoryFileWatcher::filesOf(path)); // groups/defaults may have come or gone
        m_inventoryMark->setVisible(false);
        showInventoryWarnings();
        m_statusText->setText(tr("Reloaded %1: %n router(s).", nullptr, routers).arg(name));
        Q_EMIT inventoryLoaded(path, true);
        return true;
    }
    m_inventoryPath = path;
    m_inventoryFormat = format;
    {
        QSettings s;
        RecentInventories(s).add(path, format);
    }
    m_watcher->watch(InventoryFileWatcher::filesOf(path));
    m_reloadAction->setEnabled(true);
    m_editAction->setEnabled(true);
    m_inventoryMark->setVisible(false);
    showInventoryWarnings();
    updateTitle();
    rebuildRecentMenu();
    m_statusText->setText(tr("Opened %1: %n router(s).", nullptr, routers).arg(name));
    Q_EMIT inventoryLoaded(path, true);
    return true;
}

void MainWindow::editInventory()
{
    InventoryEditorDialog *dlg = createInventoryEditor(this);
    if (!dlg)
        return;
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->open();
}

InventoryEditorDialog *MainWindow::createInventoryEditor(QWidget *parent)
{
    if (!m_service || m_inventoryPath.isEmpty()) {
        m_statusText->setText(tr("Open an inventory file first (File > Open inventory…); the demo lab cannot be edited."));
        return nullptr;
    }
    const QFileInfo info(m_inventoryPath);
    const bool json = m_inventoryFormat == QLatin1String("json")
        || (m_inventoryFormat.isEmpty() && info.suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0);
    InventoryEditorDialog *dlg = nullptr;
    if (json) {
        // The file as it is on disk, not the inventory shown: what is saved must be that file
        // with the changes, and nothing the engine left out or a failed reload held back.
        QFile f(m_inventoryPath);
        if (info.size() > Inventory::MaxFileBytes || !f.open(QIODevice::ReadOnly)) {
            showInventoryError(tr("The inventory cannot be edited."),
                               Error(ErrorCode::InventoryError, tr("%1 cannot be read: %2").arg(m_inventoryPath, f.errorString())),
                               true);
            return nullptr;
        }
        const QByteArray text = f.readAll();
        Result<InventoryDocument> doc = InventoryDocument::fromJson(text, info.fileName());
        if (!doc.ok()) {
            showInventoryError(tr("The inventory cannot be edited until the file reads again."), doc.error(), true);
            return nullptr;
        }
        dlg = new InventoryEditorDialog(std::move(doc).value(), m_inventoryPath, text, parent);
    } else {
        dlg = new InventoryEditorDialog(InventoryDocument::fromInventory(m_service->inventory(), info.fileName()),
                                        m_inventoryPath, {}, parent);
    }
    connect(dlg, &InventoryEditorDialog::saved, this, [this](const QString &path) {
        if (path == m_inventoryPath) {
            // The file watcher sees the new file and reloads it: reloading here too would read it twice.
            m_statusText->setText(tr("Saved %1; reading it again…").arg(QFileInfo(path).fileName()));
            return;
        }
        openInventory(path, QStringLiteral("json")); // the JSON copy of another form is what is edited from now on
    });
    return dlg;
}

bool MainWindow::reopenLastInventory()
{
    QSettings s;
    const std::optional<RecentInventories::Entry> last = RecentInventories(s).last();
    return last && openInventory(last->path, last->format);
}

void MainWindow::openInventoryDialog()
{
    struct Filter {
        QString text;
        QString format; // empty: by extension
    };
    const QList<Filter> filters{
        {tr("Inventories (*.json *.yaml *.yml *.ini *.csv hosts inventory)"), {}},
        {tr("RouterLens JSON (*.json)"), QStringLiteral("json")},
        {tr("Nornir hosts file (*.yaml *.yml)"), QStringLiteral("nornir")},
        {tr("Ansible inventory, INI or YAML (*.ini *.yaml *.yml hosts inventory)"), QStringLiteral("ansible")},
        {tr("CSV, one router per row (*.csv)"), QStringLiteral("csv")},
        {tr("All files (*)"), {}},
    };
    QStringList texts;
    for (const Filter &f : filters)
        texts << f.text;
    QString dir = m_inventoryPath.isEmpty() ? QString() : QFileInfo(m_inventoryPath).absolutePath();
    if (dir.isEmpty()) {
        QSettings s;
        if (const auto last = RecentInventories(s).last())
            dir = QFileInfo(last->path).absolutePath();
    }
    QString chosen = texts.first();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open inventory"), dir, texts.join(QStringLiteral(";;")), &chosen);
    if (path.isEmpty())
        return;
    QString format;
    for (const Filter &f : filters) {
        if (f.text == chosen)
            format = f.format;
    }
    openInventory(path, format);
}

void MainWindow::rebuildRecentMenu()
{
    // Taken out and deleted later: this may run from one of these actions' own triggered().
    const QList<QAction *> old = m_recentMenu->actions();
    for (QAction *a : old) {
        m_recentMenu->removeAction(a);
        a->deleteLater();
    }
    QSettings s;
    const QList<RecentInventories::Entry> entries = RecentInventories(s).entries();
    if (entries.isEmpty()) {
        m_recentMenu->addAction(tr("No recent inventories"))->setEnabled(false);
        return;
    }
    bool missing = false;
    int n = 0;
    for (const RecentInventories::Entry &e : entries) {
        const bool exists = QFileInfo::exists(e.path);
        missing = missing || !exists;
        QString label = QDir::toNativeSeparators(e.path);
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        if (!exists)
            label = tr("%1 (missing)").arg(label);
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1  %2").arg(++n).arg(label));
        a->setData(e.path);
        a->setEnabled(exists); // greyed: "Remove missing entries" forgets it
        a->setToolTip(exists ? e.path : tr("%1 no longer exists.").arg(e.path));
        if (e.path == m_inventoryPath) {
            a->setCheckable(true);
            a->setChecked(true);
        }
        connect(a, &QAction::triggered, this, [this, e] { openInventory(e.path, e.format); });
    }
    m_recentMenu->addSeparator();
    if (missing) {
        m_recentMenu->addAction(tr("Remove &missing entries"), this, [this] {
            QSettings s;
            RecentInventories(s).removeMissing();
            rebuildRecentMenu();
        });
    }
    m_recentMenu->addAction(tr("&Clear list"), this, [this] {
        QSettings s;
        RecentInventories(s).clear();
        rebuildRecentMenu();
    });
}

void MainWindow::showInventoryWarnings()
{
    const QStringList warnings = m_service->inventory().warnings();
    if (warnings.isEmpty()) {
        m_banner->dismiss(); // an earlier error or warning no longer holds
        return;
    }
    constexpr int Shown = 3;
    QString text = warnings.mid(0, Shown).join(QLatin1Char('\n'));
    if (warnings.size() > Shown)
        text += QLatin1Char('\n') + tr("… and %n more (all in this message's tooltip and in the log).", nullptr, int(warnings.size() - Shown));
    m_banner->showMessage(MessageBanner::Level::Warning,
                          tr("%1 was read with %n warning(s):", nullptr, int(warnings.size())).arg(QFileInfo(m_inventoryPath).fileName()),
                          text, warnings.join(QLatin1Char('\n')));
}

void MainWindow::showInventoryError(const QString &title, const Error &error, bool reloading)
{
    QString text = error.message;
    if (!m_service->inventory().routers().isEmpty())
        text += QLatin1Char('\n') + tr("The routers shown stay as they were.");
    QList<QAction *> actions;
    if (reloading)
        actions << m_reloadAction;
    actions << m_openAction;
    m_banner->showMessage(MessageBanner::Level::Error, title, text, error.toString(), actions);
}

void MainWindow::showNothingOpenHint()
{
    m_banner->showMessage(MessageBanner::Level::Info, tr("No inventory is open."),
                          tr("Open your inventory (RouterLens JSON, Nornir or Ansible YAML, Ansible INI, CSV) with File > "
                             "Open inventory… or drop the file on this window, or look around in the built-in demo lab."),
                          {}, {m_openAction, m_demoAction});
}

void MainWindow::onInventoryChanged()
{
    if (m_service->usesDemoLab() && !m_inventoryPath.isEmpty()) {
        // Switched to the demo lab from elsewhere: the file is no longer what is shown.
        m_inventoryPath.clear();
        m_inventoryFormat.clear();
        m_watcher->clear();
        m_reloadAction->setEnabled(false);
        m_inventoryMark->setVisible(false);
    }
    if (m_banner->level() == MessageBanner::Level::Info && !m_service->inventory().routers().isEmpty())
        m_banner->dismiss(); // the "nothing open" hint
    refreshInventory();
    followInventoryInDiagnoses();
    updateTitle();
}

void MainWindow::followInventoryInDiagnoses()
{
    // Open diagnoses stay: one whose connection changed asks about the new one from its next
    // run on; one whose connection is gone keeps its last result and says so in its title.
    const QList<Connection> visible = m_service->visibleConnections(clientIdentity());
    for (int i = 0; i < m_results->count(); ++i) {
        auto *tab = qobject_cast<DiagnosisTab *>(m_results->widget(i));
        if (!tab)
            continue;
        const auto it = std::find_if(visible.cbegin(), visible.cend(), [&](const Connection &c) { return c.id == tab->connectionId(); });
        if (it != visible.cend()) {
            tab->setConnection(*it);
            m_results->setTabText(i, tr("Diagnosis · %1").arg(tab->connectionId()));
            m_results->setTabToolTip(i, QString());
        } else {
            tab->stop();
            m_results->setTabText(i, tr("Diagnosis · %1 (not in the inventory)").arg(tab->connectionId()));
            m_results->setTabToolTip(i, tr("The inventory no longer has connection %1; its last diagnosis stays here.")
                                            .arg(tab->connectionId()));
        }
    }
}

void MainWindow::updateTitle()
{
    if (isRemote()) {
        const RemoteEngine *remote = m_service->remote();
        setWindowTitle(remote->isConnected() ? tr("%1 at %2 — RouterLens").arg(remote->client().id, remote->serviceName())
                                             : tr("%1 — RouterLens").arg(remote->serviceName()));
    } else if (!m_inventoryPath.isEmpty())
        setWindowTitle(tr("%1 — RouterLens").arg(QFileInfo(m_inventoryPath).fileName()));
    else if (m_service && m_service->usesDemoLab())
        setWindowTitle(tr("Demo lab — RouterLens"));
    else
        setWindowTitle(tr("RouterLens"));
}

QString MainWindow::droppedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1)
        return {};
    const QUrl url = mime->urls().constFirst();
    if (!url.isLocalFile() || !QFileInfo(url.toLocalFile()).isFile())
        return {};
    return url.toLocalFile();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!isRemote() && !droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        QMainWindow::dragEnterEvent(event);
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (!isRemote() && !droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        QMainWindow::dragMoveEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString file = droppedFile(event->mimeData());
    if (file.isEmpty()) {
        QMainWindow::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    openInventory(file);
}

void MainWindow::openPasteBox()
{
    auto *dlg = new PasteBoxDialog(this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->show();
}

void MainWindow::exportCurrentCsv()
{
    if (auto *diagnosis = qobject_cast<DiagnosisTab *>(m_results->currentWidget())) {
        diagnosis->exportCsvInteractive();
        return;
    }
    ResultTab *tab = currentResult();
    if (!tab)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"), QString(), tr("CSV (*.csv)"));
    if (!path.isEmpty())
        tab->exportCsv(path);
}

void MainWindow::exportSessionReport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Session report"), QString(), tr("HTML (*.html);;CSV (*.csv)"));
    if (path.isEmpty())
        return;
    const QByteArray data = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
        ? m_report.toCsv() : m_report.toHtml(tr("RouterLens session report"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        QMessageBox::warning(this, tr("Export failed"), tr("Cannot write %1: %2").arg(path, f.errorString()));
}

TopologyView *MainWindow::newTopologyWindow()
{
    auto *view = new TopologyView(m_service, clientIdentity(), this);
    view->setWindowFlag(Qt::Window);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->resize(1440, 900);
    // Clicking a connection's link diagnoses it; MainWindow::diagnoseConnection runs the diagnosis.
    connect(view, &TopologyView::diagnoseConnectionRequested, this, [this](const QString &id) {
        raise();
        activateWindow();
        diagnoseConnection(id);
    });
    return view;
}

TopologyView *MainWindow::openTopology()
{
    const QStringList routers = m_inventory->checkedRouters();
    if (routers.isEmpty()) {
        m_statusText->setText(tr("Check the routers to map on the left first."));
        return nullptr;
    }
    TopologyView *view = newTopologyWindow();
    view->showRouters(routers);
    view->show();
    return view;
}

TopologyView *MainWindow::openCustomerTopology(const QString &customer)
{
    TopologyView *view = newTopologyWindow();
    view->showCustomer(customer);
    view->show();
    return view;
}

DiagnosisTab *MainWindow::diagnosisTab(const QString &connectionId) const
{
    for (int i = 0; i < m_results->count(); ++i) {
        auto *t = qobject_cast<DiagnosisTab *>(m_results->widget(i));
        if (t && t->connectionId() == connectionId)
            return t;
    }
    return nullptr;
}

void MainWindow::showSshSettings(const QString &routerName)
{
    if (!m_service)
        return;
    if (isRemote()) {
        m_statusText->setText(tr("The service reaches the routers with its own SSH settings; they are not shown here."));
        return;
    }
    const QString report = SshSettingsReport::text(*m_service, routerName);
    if (report.isEmpty())
        return;

    // Nothing is connected: this is what a session would use, and where each value comes from.
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("sshSettingsDialog"));
    dialog->setWindowTitle(tr("SSH settings of %1").arg(routerName));
    auto *layout = new QVBoxLayout(dialog);
    auto *intro = new QLabel(tr("What an SSH session to %1 uses, and where each value comes from: the inventory, "
                                "the ssh config (file and line) or RouterLens's default. Nothing is connected.")
                                 .arg(routerName),
                             dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *text = new QPlainTextEdit(report, dialog);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setMinimumSize(720, 360);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->show();
}

void MainWindow::diagnoseConnection(const QString &connectionId)
{
    if (!m_service)
        return;
    const ClientIdentity me = clientIdentity();
    const QList<Connection> visible = m_service->visibleConnections(me);
    const auto it = std::find_if(visible.cbegin(), visible.cend(), [&](const Connection &c) { return c.id == connectionId; });
    if (it == visible.cend()) {
        // A connection of another customer reads the same as one that does not exist.
        m_statusText->setText(tr("No connection \"%1\" in the inventory you can see.").arg(connectionId));
        return;
    }
    DiagnosisTab *tab = diagnosisTab(connectionId);
    if (!tab) {
        tab = new DiagnosisTab(m_service, *it, me, m_results);
        connect(tab, &DiagnosisTab::openRecordsRequested, this, &MainWindow::openEvidenceTab);
        connect(tab, &DiagnosisTab::finished, this, [this](const QString &id) {
            m_statusText->setText(tr("Diagnosis of %1 done.").arg(id));
        });
        m_results->addTab(tab, QIcon(QStringLiteral(":/icons/diagnose.svg")), tr("Diagnosis · %1").arg(connectionId));
    }
    m_results->setCurrentWidget(tab);
    if (tab->run())
        m_statusText->setText(tr("Diagnosing %1 from both ends…").arg(connectionId));
}

void MainWindow::retargetDiagnoses()
{
    // Diagnosis tabs ask as the client they were opened for: after a change of role or customer
    // they ask as the new one, and a connection the new client may not see is closed.
    const ClientIdentity me = clientIdentity();
    const QList<Connection> visible = m_service->visibleConnections(me);
    for (int i = m_results->count() - 1; i >= 0; --i) {
        auto *tab = qobject_cast<DiagnosisTab *>(m_results->widget(i));
        if (!tab)
            continue;
        if (std::none_of(visible.cbegin(), visible.cend(), [&](const Connection &c) { return c.id == tab->connectionId(); }))
            Q_EMIT m_results->tabCloseRequested(i);
        else
            tab->setClient(me);
    }
}

void MainWindow::diagnoseCurrentConnection()
{
    QString id = m_inventory->currentConnection();
    if (id.isEmpty()) {
        // Nothing chosen in the tree: offer the connections this client may see.
        QStringList ids;
        for (const Connection &c : m_service->visibleConnections(clientIdentity()))
            ids << c.id;
        if (ids.isEmpty()) {
            m_statusText->setText(tr("The inventory has no connection you can diagnose."));
            return;
        }
        bool ok = false;
        id = ids.size() == 1 ? ids.first() : QInputDialog::getItem(this, tr("Diagnose connection"), tr("Connection:"), ids, 0, false, &ok);
        if (ids.size() > 1 && !ok)
            return;
    }
    diagnoseConnection(id);
}

void MainWindow::openEvidenceTab(const Request &request, const QList<RouterResult> &parts)
{
    // The records a diagnosis step read, as a normal result table (filter, side by side, export).
    auto *tab = new ResultTab(m_service, request, m_results);
    for (const RouterResult &p : parts)
        tab->addPart(p);
    Response response;
    response.requestId = request.id;
    response.kind = request.kind;
    response.results = parts;
    response.completedAt = QDateTime::currentDateTimeUtc();
    tab->setResponse(response);
    m_results->setCurrentIndex(m_results->addTab(tab, tr("%1 · evidence").arg(queryKindDisplayTitle(request.kind))));
}

bool MainWindow::isRemote() const
{
    return m_service && m_service->remote();
}

void MainWindow::openConnectDialog()
{
    if (!m_service)
        return;
    ConnectServiceDialog dlg(this);
    QSettings settings;
    dlg.load(settings);
    if (dlg.exec() != QDialog::Accepted)
        return;
    dlg.save(settings); // the address and the file names; never the token
    connectToService(dlg.base(), dlg.token(), dlg.caFile());
}

void MainWindow::connectToService(const QUrl &base, const QByteArray &token, const QString &caFile)
{
    if (!m_service)
        return;
    RemoteEngine::Options options;
    options.base = base;
    options.token = token;
    options.caFile = caFile;
    auto *remote = new RemoteEngine(options);
    m_service->useRemote(remote); // the service owns it
    attachRemote();
    remote->connectToService();
}

void MainWindow::attachRemote()
{
    RemoteEngine *remote = m_service->remote();
    connect(remote, &RemoteEngine::connected, this, [this, remote] {
        if (m_banner->level() != MessageBanner::Level::Warning)
            m_banner->dismiss(); // "connecting", or the service's earlier error
        m_statusText->setText(tr("Using the RouterLens service at %1 as %2: %n router(s) you may see.", nullptr,
                                 int(remote->routers().size()))
                                  .arg(remote->serviceName(), remote->client().id));
        updateServiceMark();
        updateTitle();
    });
    if (!m_retryAction) {
        m_retryAction = new QAction(tr("Try again"), this);
        m_retryAction->setObjectName(QStringLiteral("retryServiceAction"));
        connect(m_retryAction, &QAction::triggered, this, [this] {
            if (RemoteEngine *r = m_service->remote()) {
                m_banner->showMessage(MessageBanner::Level::Info, tr("Connecting to the RouterLens service at %1…").arg(r->serviceName()),
                                      tr("The routers and connections your token may see appear when the service has answered."));
                r->connectToService();
            }
        });
    }
    connect(remote, &RemoteEngine::failed, this, [this, remote](const Error &e) {
        showServiceError(tr("Cannot use the RouterLens service at %1").arg(remote->serviceName()), e, {m_retryAction, m_connectAction});
        updateServiceMark();
        updateTitle();
    });
    connect(remote, &RemoteEngine::serviceError, this, [this](const Error &e) {
        showServiceError(tr("The service did not answer"), e, {m_retryAction});
        updateServiceMark();
        updateTitle();
    });

    // What needs this computer's engine has nothing to act on: disabled, and each says why.
    ++m_loadGeneration; // a file still being read is not wanted any more
    m_loadProgress->setVisible(false);
    m_inventoryPath.clear();
    m_inventoryFormat.clear();
    m_watcher->clear();
    m_inventoryMark->setVisible(false);
    const QString why = tr("Not available while this window uses the RouterLens service at %1: the service keeps the "
                           "inventory, the host keys, the engine settings and the health schedules.")
                            .arg(remote->base().toString());
    for (QAction *a : {m_openAction, m_editAction, m_demoAction, m_settingsAction, m_recentMenu->menuAction()}) {
        a->setEnabled(false);
        a->setToolTip(why);
        a->setStatusTip(why);
    }
    // The Usage view counts this computer's engine, which the service's answers do not pass through.
    const QString usageWhy = tr("Not available while this window uses the RouterLens service at %1: its usage per client "
                                "and router is at the service's /v1/usage and /metrics, for staff tokens.")
                                 .arg(remote->base().toString());
    m_usageAction->setEnabled(false);
    m_usageAction->setToolTip(usageWhy);
    m_usageAction->setStatusTip(usageWhy);
    // Reload asks the service again: an administrator may have changed its inventory or the token's customer.
    m_reloadAction->setEnabled(true);
    m_reloadAction->setToolTip(tr("Read the routers and connections from the RouterLens service at %1 again").arg(remote->serviceName()));
    m_reloadAction->setStatusTip(m_reloadAction->toolTip());
    m_banner->showMessage(MessageBanner::Level::Info, tr("Connecting to the RouterLens service at %1…").arg(remote->serviceName()),
                          tr("The routers and connections your token may see appear when the service has answered."));
    updateServiceMark();
    updateTitle();
}

void MainWindow::showServiceError(const QString &title, const Error &error, const QList<QAction *> &actions)
{
    QString text = error.message;
    if (error.code == ErrorCode::Throttled && error.retryAfterMs >= 0)
        text += QLatin1Char(' ') + tr("Try again in %n s.", nullptr, int((error.retryAfterMs + 999) / 1000));
    if (error.code == ErrorCode::Unreachable || error.code == ErrorCode::ConnectionLost)
        text += QLatin1Char(' ') + tr("The results shown stay as they are.");
    m_banner->showMessage(MessageBanner::Level::Error, tr("%1 (%2)").arg(title, error.codeName()), text, error.toString(), actions);
}

void MainWindow::updateServiceMark()
{
    const RemoteEngine *remote = isRemote() ? m_service->remote() : nullptr;
    m_serviceMark->setVisible(remote != nullptr);
    if (!remote)
        return;
    if (!remote->isConnected()) {
        m_serviceMark->setText(tr("Service %1 · not connected").arg(remote->serviceName()));
        m_serviceMark->setToolTip(remote->lastError() ? remote->lastError().toString() : remote->base().toString());
        return;
    }
    const ClientIdentity me = remote->client();
    const QString who = me.customer.isEmpty() ? tr("%1 (%2)").arg(me.id, roleName(me.role))
                                              : tr("%1 (%2, customer %3)").arg(me.id, roleName(me.role), me.customer);
    m_serviceMark->setText(tr("Service %1 · %2").arg(remote->serviceName(), who));
    m_serviceMark->setToolTip(tr("Queries and diagnoses go to the RouterLens service at %1, as the client its token "
                                 "stands for: %2.")
                                  .arg(remote->base().toString(), who));
}

void MainWindow::restoreLayout()
{
    QSettings s;
    // The first start (or a geometry that no longer fits any screen) gets a roomy default.
    if (!restoreGeometry(s.value(QStringLiteral("ui/geometry")).toByteArray()))
        resize(DefaultSize);
    restoreState(s.value(QStringLiteral("ui/state")).toByteArray());
    if (!m_hsplit->restoreState(s.value(QStringLiteral("ui/hsplit")).toByteArray())) {
        // First start: the inventory as wide as its columns, within reason.
        const int left = qBound(260, m_inventory->contentWidth(), width() * 2 / 5);
        m_hsplit->setSizes({left, qMax(400, width() - left)});
    }
    m_vsplit->restoreState(s.value(QStringLiteral("ui/vsplit")).toByteArray());
    m_activity->tabs()->setCurrentIndex(s.value(QStringLiteral("ui/activityTab"), 0).toInt());
}

void MainWindow::saveLayout()
{
    QSettings s;
    s.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    s.setValue(QStringLiteral("ui/state"), saveState());
    s.setValue(QStringLiteral("ui/hsplit"), m_hsplit->saveState());
    s.setValue(QStringLiteral("ui/vsplit"), m_vsplit->saveState());
    s.setValue(QStringLiteral("ui/activityTab"), m_activity->tabs()->currentIndex());
    // Column layouts are saved per query kind as they change; write what is still pending.
    for (int i = 0; i < m_results->count(); ++i) {
        if (auto *t = qobject_cast<ResultTab *>(m_results->widget(i)))
            t->flushColumnLayout();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    m_service->cancelAll();
    event->accept();
}

} // namespace rl
