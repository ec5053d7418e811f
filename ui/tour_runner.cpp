#include "ui/tour_runner.h"

#include "ui/dialogs/paste_box_dialog.h"
#include "ui/dialogs/settings_dialog.h"
#include "ui/main_window.h"
#include "ui/widgets/activity_panel.h"
#include "ui/widgets/inventory_panel.h"
#include "ui/widgets/query_bar.h"
#include "ui/widgets/result_tab.h"
#include "engine/service/router_data_service.h"

#include <QApplication>
#include <QDir>
#include <QTabWidget>
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

void TourRunner::next()
{
    ++m_step;
    QStringList routers = m_window->inventoryPanel() ? QStringList{} : QStringList{};
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
        runAndWait([this] { return m_window->runQuery(QueryKind::BgpStatus, {}, 0); });
        return;
    case 5:
        if (ResultTab *t = m_window->currentResult())
            t->showView(ResultTab::SideBySideView);
        QTimer::singleShot(300, this, [this] { shot(QStringLiteral("side-by-side")); next(); });
        return;
    case 6:
        if (ResultTab *t = m_window->currentResult())
            t->showView(ResultTab::ChartView);
        QTimer::singleShot(500, this, [this] { shot(QStringLiteral("chart")); next(); });
        return;
    case 7:
        m_window->activityPanel()->tabs()->setCurrentIndex(ActivityPanel::LogTab);
        QTimer::singleShot(300, this, [this] {
            shot(QStringLiteral("activity-log"));
            m_window->activityPanel()->tabs()->setCurrentIndex(ActivityPanel::LiveChartTab);
            QTimer::singleShot(300, this, [this] { shot(QStringLiteral("activity-live")); next(); });
        });
        return;
    case 8: {
        auto *dlg = new SettingsDialog(EngineSettings::defaults(), m_window);
        dlg->show();
        QTimer::singleShot(400, this, [this, dlg] { shot(QStringLiteral("settings"), dlg); dlg->deleteLater(); next(); });
        return;
    }
    case 9: {
        auto *dlg = new PasteBoxDialog(m_window);
        dlg->setPlatform(QStringLiteral("linux"));
        dlg->setKind(int(QueryKind::ArpTable));
        // A customer-facing port whose neighbour does not resolve: what a person would paste.
        dlg->setText(QStringLiteral("host$ ip -j neigh show\n"
                                    "[{\"dst\":\"198.51.100.1\",\"dev\":\"eth1\",\"lladdr\":\"52:54:00:12:34:56\",\"state\":[\"REACHABLE\"]},"
                                    "{\"dst\":\"198.51.100.7\",\"dev\":\"eth1\",\"state\":[\"FAILED\"]}]\n"));
        dlg->show();
        QTimer::singleShot(600, this, [this, dlg] { shot(QStringLiteral("paste-box"), dlg); dlg->deleteLater(); next(); });
        return;
    }
    default:
        QApplication::quit();
    }
}

} // namespace rl
