#include "ui/widgets/activity_panel.h"

#include "engine/service/router_data_service.h"
#include "ui/models/activity_model.h"
#include "ui/models/log_model.h"

#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>
#include <utility>

namespace rl {
namespace {

QTableView *table(QWidget *parent, QAbstractItemModel *model, const QString &name)
{
    auto *v = new QTableView(parent);
    v->setObjectName(name);
    v->setModel(model);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->verticalHeader()->hide();
    v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 6);
    v->horizontalHeader()->setStretchLastSection(true);
    v->setAlternatingRowColors(true);
    return v;
}

} // namespace

ActivityPanel::ActivityPanel(RouterDataService *service, QWidget *parent)
    : QWidget(parent), m_service(service), m_tabs(new QTabWidget(this)), m_activity(new ActivityModel(this)),
      m_queues(new RouterQueueModel(this)), m_log(new LogModel(this)), m_summary(new QLabel(this)), m_usageLine(new QLabel(this)),
      m_rate(new QLineSeries), m_limit(new QLineSeries), m_depth(new QLineSeries), m_axisX(new QValueAxis),
      m_axisY(new QValueAxis)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    auto *reqPage = new QWidget(this);
    auto *rl = new QVBoxLayout(reqPage);
    rl->setContentsMargins(0, 2, 0, 0);
    auto *top = new QHBoxLayout;
    auto *cancel = new QPushButton(QIcon(QStringLiteral(":/icons/cancel.svg")), tr("Cancel request"), reqPage);
    cancel->setObjectName(QStringLiteral("cancelRequest"));
    cancel->setToolTip(tr("Cancel the selected request (Del)"));
    cancel->setShortcut(QKeySequence::Delete);
    connect(cancel, &QPushButton::clicked, this, &ActivityPanel::cancelSelected);
    top->addWidget(m_summary, 1);
    top->addWidget(cancel);
    rl->addLayout(top);
    m_activityView = table(reqPage, m_activity, QStringLiteral("activityTable"));
    rl->addWidget(m_activityView, 1);
    m_tabs->addTab(reqPage, tr("Requests"));
    m_tabs->addTab(table(this, m_queues, QStringLiteral("queueTable")), tr("Router queues"));
    auto *logView = table(this, m_log, QStringLiteral("logTable"));
    m_tabs->addTab(logView, tr("Log"));
    connect(m_log, &QAbstractItemModel::rowsInserted, logView, [logView] { logView->scrollToBottom(); });

    auto *chart = new QChart;
    m_chart = chart;
    // The panel is short: no title (the tab says it), legend at the side, compact margins, so
    // the plot and its axis labels keep their room.
    chart->setToolTip(tr("Router commands per second against the network-wide limit; deepest router queue"));
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_rate->setName(tr("request rate (/s)"));
    m_limit->setName(tr("network limit (/s)"));
    m_depth->setName(tr("deepest router queue"));
    for (QLineSeries *s : {m_rate, m_limit, m_depth})
        chart->addSeries(s);
    applyChartTheme();
    m_axisX->setTitleText(tr("seconds"));
    m_axisX->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    m_axisX->setRange(0, 60);
    m_axisY->setRange(0, 10);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    for (QLineSeries *s : {m_rate, m_limit, m_depth}) {
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    m_tabs->addTab(view, QIcon(QStringLiteral(":/icons/chart.svg")), tr("Live"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int i) {
        if (i == LiveChartTab)
            showChartPoints();
    });
    // This hour's usage beside the tabs: one line, the detail in Tools > Usage….
    m_usageLine->setObjectName(QStringLiteral("usageSummary"));
    m_usageLine->setContentsMargins(8, 0, 8, 0);
    m_usageLine->setToolTip(tr("This hour so far, every client and router (Tools > Usage… for the detail)"));
    m_tabs->setCornerWidget(m_usageLine, Qt::TopRightCorner);
    m_usageTimer.setInterval(UsageLineMs);
    connect(&m_usageTimer, &QTimer::timeout, this, &ActivityPanel::updateUsageLine);
    m_usageTimer.start();

    m_metricsTimer.setSingleShot(true);
    m_metricsTimer.setInterval(MetricsDelayMs);
    connect(&m_metricsTimer, &QTimer::timeout, this, &ActivityPanel::showMetrics);

    m_log->attach(EventLog::instance());
    if (m_service) {
        connect(m_service, &RouterDataService::activityChanged, this, [this](const QList<ActivityEntry> &e) {
            m_activity->setEntries(e);
            updateSummary();
        });
        // The engine's last activity tick may come after the answer: drop the rows now.
        connect(m_service, &RouterDataService::responseReady, this, [this](const Response &r) {
            m_activity->removeRequest(r.requestId);
            updateSummary();
        });
        connect(m_service, &RouterDataService::metricsChanged, this, &ActivityPanel::onMetrics);
    }
    updateSummary();
    updateUsageLine();
}

void ActivityPanel::updateUsageLine()
{
    if (!m_service) {
        m_usageLine->clear();
        return;
    }
    const UsageCounters c = m_service->usageThisHour();
    if (c.requests() == 0) {
        m_usageLine->setText(tr("This hour: no requests"));
        return;
    }
    const double p95 = c.latency.count() > 0 ? c.latency.percentile(95) : -1;
    const int storeShare = c.parts > 0 ? int(std::lround(100.0 * double(c.cacheHits) / double(c.parts))) : 0;
    m_usageLine->setText(tr("This hour: %1 requests · %2% from store · %3 coalesced · %4 throttled · p95 %5")
                             .arg(c.requests())
                             .arg(storeShare)
                             .arg(c.coalesced)
                             .arg(c.throttled)
                             .arg(p95 < 0 ? QStringLiteral("—") : tr("%1 ms").arg(std::lround(p95))));
}

void ActivityPanel::applyChartTheme()
{
    // Follows the palette (light or dark, also when the system switches while running).
    m_chart->setTheme(palette().color(QPalette::Base).lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->setBackgroundBrush(palette().base());
    m_chart->legend()->setLabelColor(palette().color(QPalette::Text));
    // The theme sets every series' pen: the limit is dashed again after it.
    QPen dashed = m_limit->pen();
    dashed.setStyle(Qt::DashLine);
    m_limit->setPen(dashed);
}

void ActivityPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_chart)
        applyChartTheme();
}

void ActivityPanel::updateSummary()
{
    if (m_activity->rowCount() == 0) {
        m_summary->setText(tr("Nothing running."));
        return;
    }
    m_summary->setText(tr("%1 queued · %2 in flight · %3 held back by a throttle · %4 rejected")
                           .arg(m_activity->countIn(WorkState::Queued))
                           .arg(m_activity->countIn(WorkState::InFlight))
                           .arg(m_activity->countIn(WorkState::HeldBack) + m_activity->countIn(WorkState::Suspended))
                           .arg(m_activity->countIn(WorkState::Rejected)));
}

void ActivityPanel::cancelSelected()
{
    if (!m_service)
        return;
    const QModelIndexList rows = m_activityView->selectionModel()->selectedRows();
    QSet<QString> ids;
    for (const QModelIndex &r : rows)
        ids.insert(r.data(ActivityModel::RequestIdRole).toString());
    for (const QString &id : std::as_const(ids))
        m_service->cancel(id);
}

void ActivityPanel::onMetrics(const EngineMetrics &m)
{
    const qint64 now = (m.at.isValid() ? m.at : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
    if (m_t0 < 0)
        m_t0 = now;
    const qreal t = qreal(now - m_t0) / 1000.0;
    int depth = 0;
    for (const RouterQueueStats &s : m.routers)
        depth = qMax(depth, s.pending + s.heldBack);
    m_pendingRate.append({t, m.requestRate});
    m_pendingLimit.append({t, qreal(m.networkLimit)});
    m_pendingDepth.append({t, qreal(depth)});
    // Only the newest tick matters for the table; every tick is a point on the chart.
    m_lastMetrics = m;
    m_metricsPending = true;
    if (!m_metricsTimer.isActive())
        m_metricsTimer.start();
}

void ActivityPanel::showMetrics()
{
    updateUsageLine();
    if (m_metricsPending) {
        m_metricsPending = false;
        m_queues->setStats(std::exchange(m_lastMetrics, {}).routers);
    }
    if (m_tabs->currentIndex() == LiveChartTab && isVisible())
        showChartPoints();
    else if (!m_pendingRate.isEmpty()) {
        // Hidden: keep no more than the chart would show.
        const qreal from = m_pendingRate.constLast().x() - ChartWindowSeconds;
        for (QList<QPointF> *l : {&m_pendingRate, &m_pendingLimit, &m_pendingDepth}) {
            qsizetype n = 0;
            while (n < l->size() && l->at(n).x() < from)
                ++n;
            l->remove(0, n);
        }
    }
}

void ActivityPanel::showChartPoints()
{
    if (m_pendingRate.isEmpty())
        return;
    const qreal t = m_pendingRate.constLast().x();
    m_rate->append(std::exchange(m_pendingRate, {}));
    m_limit->append(std::exchange(m_pendingLimit, {}));
    m_depth->append(std::exchange(m_pendingDepth, {}));
    // A five-minute window.
    qreal maxY = 10;
    for (QLineSeries *s : {m_rate, m_limit, m_depth}) {
        int n = 0;
        while (n < s->count() && s->at(n).x() < t - ChartWindowSeconds)
            ++n;
        if (n > 0)
            s->removePoints(0, n);
        for (const QPointF &p : s->points())
            maxY = qMax(maxY, p.y());
    }
    // Round ticks (0, 50, 100, ...) rather than fractions of an odd maximum.
    m_axisY->setRange(0, maxY * 1.15);
    m_axisY->applyNiceNumbers();
    m_axisX->setRange(qMax<qreal>(0, t - ChartWindowSeconds), qMax<qreal>(60, t));
}

} // namespace rl
