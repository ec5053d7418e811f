#include "ui/tour/tour_runner.h"

#include "ui/dark_palette.h"

#include "engine/inventory/inventory_json_writer.h"
#include "ui/dialogs/connection_edit_dialog.h"
#include "ui/dialogs/inventory_editor_dialog.h"
#include "ui/dialogs/paste_box_dialog.h"
#include "ui/dialogs/router_edit_dialog.h"
#include "ui/dialogs/settings_dialog.h"
#include "ui/dialogs/usage_dialog.h"
#include "ui/main_window.h"
#include "ui/widgets/activity_panel.h"
#include "ui/widgets/diagnosis_tab.h"
#include "ui/widgets/inventory_panel.h"
#include "ui/widgets/query_bar.h"
#include "ui/widgets/result_tab.h"
#include "ui/widgets/topology_view.h"
#include "ui/widgets/session_compare_panel.h"
#include "engine/service/router_data_service.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QPalette>
#include <QScreen>
#include <QToolTip>
#include <QTreeView>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QStyle>
#include <QTimer>

namespace rl {

TourRunner::TourRunner(MainWindow *window, const QString &dir, QObject *parent)
    : QObject(parent), m_window(window), m_dir(dir)
{
    QDir().mkpath(dir);
    connect(window, &MainWindow::responseShown, this, [this](const QString &id) {
        if (id == m_waitingFor) {
            m_waitingFor.clear();
            QTimer::singleShot(400, this, &TourRunner::next); // let the view settle
        }
    });
}

void TourRunner::start()
{
    QTimer::singleShot(800, this, &TourRunner::next);
}

void TourRunner::shot(const QString &name, QWidget *widget)
{
    QWidget *w = widget ? widget : m_window;
    const QString path = QDir(m_dir).filePath(QStringLiteral("%1-%2.png").arg(m_step, 2, 10, QLatin1Char('0')).arg(name));
    w->grab().save(path);
    qInfo("tour: %s", qPrintable(path));
}

void TourRunner::runAndWait(std::function<QString()> submit)
{
    m_waitingFor = submit();
}

void TourRunner::diagnoseAndWait(const QString &connectionId)
{
    m_window->diagnoseConnection(connectionId);
    DiagnosisTab *tab = m_window->diagnosisTab(connectionId);
    if (!tab) {
        qWarning("tour: no Diagnosis tab for %s", qPrintable(connectionId));
        QTimer::singleShot(0, this, &TourRunner::next);
        return;
    }
    connect(tab, &DiagnosisTab::finished, this, [this] { QTimer::singleShot(400, this, &TourRunner::next); }, Qt::SingleShotConnection);
}

// The connections in the inventory, then the Diagnosis tab on two faulty demo connections:
// globex (the customer tags the wrong VLAN) and umbrella (the provider rejects a prefix), the
// cause's band chosen and its evidence below; globex again in the dark palette.
void TourRunner::diagnosisStep(int step)
{
    switch (step) {
    case 0: {
        // Grouped by customer and connection, the connection's facts in its tooltip (a tooltip is
        // a window of its own: this shot is taken from the screen).
        InventoryPanel *panel = m_window->inventoryPanel();
        panel->setGrouping(InventoryPanel::Grouping::CustomerConnection);
        panel->selectConnection(QStringLiteral("globex-par-210"));
        auto *tree = panel->findChild<QTreeView *>();
        const QModelIndex current = tree ? tree->currentIndex() : QModelIndex();
        if (current.isValid()) {
            const QRect r = tree->visualRect(current);
            QToolTip::showText(tree->viewport()->mapToGlobal(r.center()), current.data(Qt::ToolTipRole).toString(), tree->viewport());
        }
        QTimer::singleShot(500, this, [this] {
            const QRect g = m_window->frameGeometry();
            const QString path = QDir(m_dir).filePath(QStringLiteral("%1-inventory-connections.png").arg(m_step, 2, 10, QLatin1Char('0')));
            if (QScreen *screen = m_window->screen())
                screen->grabWindow(0, g.x(), g.y(), g.width(), g.height()).save(path);
            qInfo("tour: %s", qPrintable(path));
            QToolTip::hideText();
            next();
        });
        return;
    }
    case 1:
        diagnoseAndWait(QStringLiteral("globex-par-210"));
        return;
    case 2:
        shot(QStringLiteral("diagnosis-globex"));
        diagnoseAndWait(QStringLiteral("umbrella-ams-410"));
        return;
    case 3:
        // globex in the dark palette: FAULT, OK and CANNOT-CHECK side by side.
        shot(QStringLiteral("diagnosis-umbrella"));
        QApplication::setPalette(darkPalette());
        if (DiagnosisTab *globex = m_window->diagnosisTab(QStringLiteral("globex-par-210")))
            m_window->resultTabs()->setCurrentWidget(globex);
        QTimer::singleShot(500, this, [this] { shot(QStringLiteral("dark-diagnosis-globex")); next(); });
        return;
    default:
        QApplication::setPalette(QApplication::style()->standardPalette());
        QTimer::singleShot(0, this, &TourRunner::next);
        return;
    }
}

// Long on purpose: the tour's script, one case per step, read in order.
void TourRunner::next()
{
    ++m_step;
    switch (m_step) {
    case 1:
        m_window->inventoryPanel()->setChecked({QStringLiteral("lab-frr"), QStringLiteral("lab-bird"),
                                                QStringLiteral("lab-gobgp"), QStringLiteral("demo-pe-down")});
        shot(QStringLiteral("inventory"));
        QTimer::singleShot(200, this, &TourRunner::next);
        return;
    case 2:
        m_window->queryBar()->setKind(QueryKind::BgpStatus);
        runAndWait([this] { return m_window->runQuery(QueryKind::BgpStatus, {}, 0); });
        return;
    case 3:
        shot(QStringLiteral("bgp-status"));
        m_window->queryBar()->setKind(QueryKind::LinkStatus);
        runAndWait([this] { return m_window->runQuery(QueryKind::LinkStatus, {}, 0); });
        return;
    case 4:
        shot(QStringLiteral("link-status"));
        m_window->inventoryPanel()->setChecked({QStringLiteral("lab-frr"), QStringLiteral("lab-bird")});
        m_window->queryBar()->setKind(QueryKind::BgpStatus); // the bar shows what runs
        runAndWait([this] { return m_window->runQuery(QueryKind::BgpStatus, {}, 0); });
        return;
    case 5:
        if (ResultTab *t = m_window->currentResult()) {
            t->showView(ResultTab::SideBySideView);
            t->setSessionAware(false); // the rows aligned by key; the session-aware view comes at step 20
        }
        QTimer::singleShot(300, this, [this] { shot(QStringLiteral("side-by-side")); next(); });
        return;
    case 6:
        if (ResultTab *t = m_window->currentResult())
            t->showView(ResultTab::ChartView);
        QTimer::singleShot(500, this, [this] { shot(QStringLiteral("chart")); next(); });
        return;
    case 7:
        // The same router now against its earlier answer (step 2 stored one).
        if (ResultTab *t = m_window->currentResult())
            t->showView(ResultTab::OverTimeView);
        QTimer::singleShot(400, this, [this] { shot(QStringLiteral("over-time")); next(); });
        return;
    case 8:
        m_window->activityPanel()->tabs()->setCurrentIndex(ActivityPanel::LogTab);
        QTimer::singleShot(300, this, [this] {
            shot(QStringLiteral("activity-log"));
            m_window->activityPanel()->tabs()->setCurrentIndex(ActivityPanel::LiveChartTab);
            QTimer::singleShot(300, this, [this] { shot(QStringLiteral("activity-live")); next(); });
        });
        return;
    case 9: {
        // Every page of the settings, not only the first.
        auto *dlg = m_window->createSettingsDialog(m_window);
        dlg->show();
        QTimer::singleShot(400, this, [this, dlg] {
            if (auto *pages = dlg->findChild<QTabWidget *>()) {
                for (int i = 0; i < pages->count(); ++i) {
                    pages->setCurrentIndex(i);
                    QApplication::processEvents();
                    shot(QStringLiteral("settings-%1").arg(i + 1), dlg);
                }
            } else {
                shot(QStringLiteral("settings"), dlg);
            }
            dlg->deleteLater();
            next();
        });
        return;
    }
    case 10:
    case 13: {
        auto *dlg = new PasteBoxDialog(m_window);
        dlg->setPlatform(QStringLiteral("linux"));
        dlg->setKind(int(QueryKind::ArpTable));
        // A customer-facing port whose neighbour does not resolve: what a person would paste.
        dlg->setText(QStringLiteral("host$ ip -j neigh show\n"
                                    "[{\"dst\":\"198.51.100.1\",\"dev\":\"eth1\",\"lladdr\":\"52:54:00:12:34:56\",\"state\":[\"REACHABLE\"]},"
                                    "{\"dst\":\"198.51.100.7\",\"dev\":\"eth1\",\"state\":[\"FAILED\"]}]\n"));
        dlg->show();
        const QString name = m_step == 10 ? QStringLiteral("paste-box") : QStringLiteral("dark-paste-box");
        QTimer::singleShot(600, this, [this, dlg, name] { shot(name, dlg); dlg->deleteLater(); next(); });
        return;
    }
    case 11:
        // The same views in a dark palette, as a person with a dark desktop sees them.
        QApplication::setPalette(darkPalette());
        m_window->activityPanel()->tabs()->setCurrentIndex(ActivityPanel::RequestsTab);
        if (ResultTab *t = m_window->currentResult())
            t->showView(ResultTab::TableView);
        QTimer::singleShot(500, this, [this] { shot(QStringLiteral("dark-bgp-status")); next(); });
        return;
    case 12:
        if (ResultTab *t = m_window->currentResult())
            t->showView(ResultTab::ChartView);
        m_window->activityPanel()->tabs()->setCurrentIndex(ActivityPanel::LiveChartTab);
        QTimer::singleShot(500, this, [this] { shot(QStringLiteral("dark-chart")); next(); });
        return;
    case 14:
        // Routers that should agree, side by side and aligned by prefix: the same lookup on every
        // lab router. With the faults in the demo, GoBGP's path is missing where its sessions are down.
        QApplication::setPalette(QApplication::style()->standardPalette());
        m_window->inventoryPanel()->setChecked({QStringLiteral("lab-frr"), QStringLiteral("lab-bird"),
                                                QStringLiteral("lab-gobgp"), QStringLiteral("lab-host")});
        m_window->queryBar()->setKind(QueryKind::RouteLookup);
        runAndWait([this] {
            QueryParams p;
            p.destination = QStringLiteral("2001:db8:3000::1");
            m_window->queryBar()->setParams(p); // the bar shows what runs
            return m_window->runQuery(QueryKind::RouteLookup, p, 0);
        });
        return;
    case 15:
        if (ResultTab *t = m_window->currentResult())
            t->showView(ResultTab::SideBySideView);
        QTimer::singleShot(400, this, [this] { shot(QStringLiteral("side-by-side-lookup")); next(); });
        return;
    case 16:
        // Two ends of one private connection on different vendors: the VLAN tag check names the fault.
        m_window->inventoryPanel()->setChecked({QStringLiteral("pe1-par"), QStringLiteral("ce-globex")});
        m_window->queryBar()->setKind(QueryKind::VlanErrors);
        runAndWait([this] { return m_window->runQuery(QueryKind::VlanErrors, {}, 0); });
        return;
    case 17:
        if (ResultTab *t = m_window->currentResult())
            t->showView(ResultTab::TableView);
        QTimer::singleShot(400, this, [this] { shot(QStringLiteral("vlan-errors-two-vendors")); next(); });
        return;
    case 18:
        // What the provider edge accepted from a customer, with the attributes to compare
        // against what the customer says it sends (FRR's table, read by the streaming reader).
        m_window->inventoryPanel()->setChecked({QStringLiteral("lab-frr")});
        m_window->queryBar()->setKind(QueryKind::ReceivedRoutes);
        runAndWait([this] {
            QueryParams p;
            p.neighbor = QStringLiteral("198.19.0.1");
            m_window->queryBar()->setParams(p);
            return m_window->runQuery(QueryKind::ReceivedRoutes, p, 0);
        });
        return;
    case 19:
        if (ResultTab *t = m_window->currentResult())
            t->showView(ResultTab::TableView);
        QTimer::singleShot(400, this, [this] { shot(QStringLiteral("received-routes")); next(); });
        return;
    case 20: {
        // The topology map of the whole demo: the lab (LLDP, BGP, ARP from real captures), the
        // provider network with its three customers and their connections, and a router that
        // cannot be reached.
        m_window->inventoryPanel()->setChecked({QStringLiteral("lab-frr"), QStringLiteral("lab-bird"), QStringLiteral("lab-gobgp"),
                                                QStringLiteral("lab-host"), QStringLiteral("pe1-par"), QStringLiteral("pe2-ams"),
                                                QStringLiteral("ce-globex"), QStringLiteral("ce-initech"),
                                                QStringLiteral("ce-umbrella"), QStringLiteral("demo-pe-down")});
        TopologyView *map = m_window->openTopology();
        if (!map) {
            next();
            return;
        }
        connect(map, &TopologyView::graphReady, this, [this, map] {
            QTimer::singleShot(400, this, [this, map] {
                shot(QStringLiteral("topology"), map);
                // A session's two ends side by side: BIRD and GoBGP, whose link is down.
                for (const TopologyEdge &e : map->graph().edges)
                    if (e.kind == TopologyEdgeKind::Session && e.addressFamily == u"ipv4-unicast"
                        && QSet<QString>{e.a.node, e.b.node} == QSet<QString>{QStringLiteral("lab-bird"), QStringLiteral("lab-gobgp")})
                        map->selectEdge(e.id);
                QTimer::singleShot(300, this, [this, map] {
                    shot(QStringLiteral("topology-session"), map);
                    // The colours on a dark desktop.
                    QApplication::setPalette(darkPalette());
                    QTimer::singleShot(400, this, [this, map] {
                        shot(QStringLiteral("dark-topology"), map);
                        QApplication::setPalette(QApplication::style()->standardPalette());
                        map->close();
                        next();
                    });
                });
            });
        }, Qt::SingleShotConnection);
        return;
    }
    case 21:
    case 22:
    case 23:
    case 24:
    case 25:
        diagnosisStep(m_step - 21);
        return;
    case 26:
        // Session-aware side by side: three lab routers that peer with each other, each session
        // once with both ends, and what one end sends against what the other received.
        m_window->inventoryPanel()->setChecked({QStringLiteral("lab-frr"), QStringLiteral("lab-bird"), QStringLiteral("lab-gobgp")});
        m_window->queryBar()->setKind(QueryKind::BgpStatus);
        m_window->queryBar()->setParams({});
        runAndWait([this] { return m_window->runQuery(QueryKind::BgpStatus, {}, 0); });
        return;
    case 27:
    case 29:
        // The frr-bird session (first row) / umbrella's IPv4 session: its routes below.
        if (ResultTab *t = m_window->currentResult()) {
            t->showView(ResultTab::SideBySideView);
            t->sessionPanel()->pairsView()->selectRow(0);
        }
        whenIdle([this] {
            shot(m_step == 27 ? QStringLiteral("side-by-side-sessions") : QStringLiteral("side-by-side-sessions-umbrella"));
            next();
        });
        return;
    case 28:
        m_window->inventoryPanel()->setChecked({QStringLiteral("pe2-ams"), QStringLiteral("ce-umbrella")});
        runAndWait([this] { return m_window->runQuery(QueryKind::BgpStatus, {}, 0); });
        return;
    case 30:
        // Only what does not match: the prefix the provider rejects.
        if (ResultTab *t = m_window->currentResult())
            t->sessionPanel()->setRoutesFilter(QStringLiteral("mismatch"));
        QTimer::singleShot(300, this, [this] { shot(QStringLiteral("side-by-side-routes-not-matching")); next(); });
        return;
    case 31:
        // The two ends of each link, by LLDP and by the connection.
        m_window->queryBar()->setKind(QueryKind::LinkStatus);
        runAndWait([this] { return m_window->runQuery(QueryKind::LinkStatus, {}, 0); });
        return;
    case 32:
        if (ResultTab *t = m_window->currentResult())
            t->showView(ResultTab::SideBySideView);
        whenIdle([this] { shot(QStringLiteral("side-by-side-links")); next(); });
        return;
    case 33: {
        // The inventory editor, on a JSON copy of the demo inventory (the demo lab is no file;
        // nothing is saved): the routers, the connections, a router refused beside its field,
        // and a connection's form.
        const QString name = QStringLiteral("demo-inventory.json");
        const QByteArray text = inventoryToJson(m_window->service()->inventory());
        Result<InventoryDocument> doc = InventoryDocument::fromJson(text, name);
        if (!doc.ok()) {
            qWarning("tour: %s", qPrintable(doc.error().message));
            QTimer::singleShot(0, this, &TourRunner::next);
            return;
        }
        auto *editor = new InventoryEditorDialog(std::move(doc).value(), QDir(m_dir).filePath(name), text, m_window);
        editor->show();
        QTimer::singleShot(400, this, [this, editor] {
            editor->routerTable()->selectRow(0);
            shot(QStringLiteral("inventory-editor"), editor);
            editor->tabs()->setCurrentIndex(1);
            editor->connectionTable()->selectRow(0);
            QApplication::processEvents();
            shot(QStringLiteral("inventory-editor-connections"), editor);
            const InventoryDocument &d = editor->document();
            auto *router = new RouterEditDialog(d, 0, d.routers().at(0), editor);
            router->show();
            if (auto *platform = router->findChild<QComboBox *>(QStringLiteral("platform")))
                platform->setCurrentText(QStringLiteral("ios-9000"));
            router->accept(); // refused: the sentence under Platform, the dialog stays
            auto *connection = new ConnectionEditDialog(d, 0, d.connections().value(0), editor);
            QTimer::singleShot(400, this, [this, editor, router, connection] {
                shot(QStringLiteral("inventory-editor-router-refused"), router);
                router->close();
                connection->show();
                QTimer::singleShot(400, this, [this, editor, connection] {
                    shot(QStringLiteral("inventory-editor-connection"), connection);
                    editor->deleteLater(); // and the item dialogs with it
                    next();
                });
            });
        });
        return;
    }
    case 34: {
        // Tools > Usage…: what the tour asked, per client and per router, and the panel's line.
        m_window->service()->flushUsage();
        auto *usage = new UsageDialog(m_window->service(), m_window);
        usage->show();
        m_window->activityPanel()->tabs()->setCurrentIndex(ActivityPanel::RequestsTab);
        QTimer::singleShot(600, this, [this, usage] {
            shot(QStringLiteral("usage-per-client"), usage);
            usage->tabs()->setCurrentIndex(UsageDialog::PerRouterTab);
            QApplication::processEvents();
            shot(QStringLiteral("usage-per-router"), usage);
            usage->deleteLater();
            QTimer::singleShot(300, this, [this] { shot(QStringLiteral("activity-usage-line")); next(); });
        });
        return;
    }
    default:
        QApplication::quit();
    }
}

void TourRunner::whenIdle(std::function<void()> then, int waitedMs)
{
    // The session-aware view reads what it pairs (LLDP, routes) after the tab's answer.
    ResultTab *t = m_window->currentResult();
    if (t && t->sessionPanel()->isBusy() && waitedMs < 15000) {
        QTimer::singleShot(100, this, [this, then, waitedMs] { whenIdle(then, waitedMs + 100); });
        return;
    }
    QTimer::singleShot(300, this, then);
}

} // namespace rl
