#include "ui/widgets/history_chart_widget.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>

namespace rl {

HistoryChartWidget::HistoryChartWidget(QWidget *parent) : QWidget(parent), m_view(new QChartView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view->setRenderHint(QPainter::Antialiasing);
    layout->addWidget(m_view);
    setAnswers({}, QueryKind::Facts, {});
}

void HistoryChartWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        setAnswers(m_router, m_kind, m_answers);
}

int HistoryChartWidget::seriesCount() const
{
    return int(m_view->chart()->series().size());
}

namespace {

// The line series of a chart over time, by name, and the highest value they reach.
struct TimeLines {
    QHash<QString, QLineSeries *> byName;
    qreal maxY = 1;

    void add(const QString &name, qreal t, qreal y)
    {
        QLineSeries *&s = byName[name];
        if (!s) {
            s = new QLineSeries;
            s->setName(name);
            s->setPointsVisible(true);
        }
        s->append(t, y);
        maxY = qMax(maxY, y);
    }
};

QChart *newChart(const QPalette &palette)
{
    auto *chart = new QChart;
    chart->setTheme(palette.color(QPalette::Base).lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.base());
    // Legend at the side: one entry per line, each as wide as the longest name, so neighbor
    // addresses and families read in full (at the bottom they shared one row and were cut).
    // Names still too long for the room show whole in a tooltip.
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setShowToolTips(true);
    return chart;
}

void addBgpLines(TimeLines &lines, const QList<StoredAnswer> &answers)
{
    for (const StoredAnswer &a : answers) {
        for (const BgpNeighborRecord &n : a.records.rows<BgpNeighborRecord>()) {
            const qreal t = qreal(a.fetchedAt.toMSecsSinceEpoch());
            // One series per neighbor and address family: a session carries both.
            const QString peer = n.addressFamily.isEmpty() ? n.neighbor
                                                            : n.neighbor + QLatin1Char(' ') + n.addressFamily.section(QLatin1Char('-'), 0, 0);
            if (n.prefixesReceived >= 0)
                lines.add(HistoryChartWidget::tr("%1 received").arg(peer), t, qreal(n.prefixesReceived));
            if (n.prefixesSent >= 0)
                lines.add(HistoryChartWidget::tr("%1 sent").arg(peer), t, qreal(n.prefixesSent));
        }
    }
}

void addErrorLines(TimeLines &lines, QueryKind kind, const QList<StoredAnswer> &answers)
{
    for (const StoredAnswer &a : answers) {
        const qreal t = qreal(a.fetchedAt.toMSecsSinceEpoch());
        if (kind == QueryKind::LinkStatus) {
            for (const InterfaceRecord &i : a.records.rows<InterfaceRecord>()) {
                const qint64 errs = qMax<qint64>(0, i.inErrors) + qMax<qint64>(0, i.outErrors) + qMax<qint64>(0, i.crcErrors);
                if (i.inErrors < 0 && i.outErrors < 0 && i.crcErrors < 0)
                    continue;
                lines.add(HistoryChartWidget::tr("%1 errors").arg(i.name), t, qreal(errs));
            }
        } else {
            for (const VlanRecord &v : a.records.rows<VlanRecord>()) {
                const qint64 drops = qMax<qint64>(0, v.unknownTagDrops) + qMax<qint64>(0, v.mismatchedTagDrops);
                lines.add(HistoryChartWidget::tr("%1 tag drops").arg(v.interfaceName), t, qreal(drops));
            }
        }
    }
}

// The lines on a time axis and an integer count axis.
void addTimeAxes(QChart *chart, const TimeLines &lines)
{
    auto *axisX = new QDateTimeAxis;
    axisX->setFormat(QStringLiteral("HH:mm:ss"));
    axisX->setTitleText(HistoryChartWidget::tr("fetched at"));
    auto *axisY = new QValueAxis;
    // Whole-number ticks: counts are integers, and "%d" labels on fractional ticks lie.
    axisY->setRange(0, lines.maxY);
    axisY->applyNiceNumbers();
    axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    qint64 minT = std::numeric_limits<qint64>::max(), maxT = 0;
    // Legend in name order, so a neighbor's received and sent lines sit together.
    QStringList names = lines.byName.keys();
    names.sort();
    for (const QString &name : std::as_const(names)) {
        QLineSeries *s = lines.byName.value(name);
        chart->addSeries(s);
        s->attachAxis(axisX);
        s->attachAxis(axisY);
        for (const QPointF &p : s->points()) {
            minT = qMin(minT, qint64(p.x()));
            maxT = qMax(maxT, qint64(p.x()));
        }
    }
    if (minT == maxT)
        maxT = minT + 60000; // one answer: a minute-wide window
    axisX->setRange(QDateTime::fromMSecsSinceEpoch(minT), QDateTime::fromMSecsSinceEpoch(maxT));
}

// Levels of one answer with the warning band of each lane.
void addOptics(QChart *chart, const StoredAnswer &answer)
{
    auto *rx = new QBarSet(HistoryChartWidget::tr("Rx power"));
    auto *low = new QScatterSeries;
    low->setName(HistoryChartWidget::tr("low warning"));
    low->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    low->setMarkerSize(9);
    auto *high = new QScatterSeries;
    high->setName(HistoryChartWidget::tr("high warning"));
    high->setMarkerSize(9);
    QStringList categories;
    qreal minX = 0, maxX = 0;
    for (const OpticsRecord &o : answer.records.rows<OpticsRecord>()) {
        const int i = int(categories.size());
        categories << (o.lane >= 0 ? QStringLiteral("%1/%2").arg(o.interfaceName).arg(o.lane) : o.interfaceName);
        const qreal v = std::isnan(o.rxPowerDbm) ? 0 : o.rxPowerDbm;
        *rx << v;
        minX = qMin(minX, v);
        if (!std::isnan(o.rxLowWarnDbm)) {
            low->append(o.rxLowWarnDbm, i);
            minX = qMin(minX, qreal(o.rxLowWarnDbm));
        }
        if (!std::isnan(o.rxHighWarnDbm)) {
            high->append(o.rxHighWarnDbm, i);
            maxX = qMax(maxX, qreal(o.rxHighWarnDbm));
        }
    }
    auto *bars = new QHorizontalBarSeries;
    bars->append(rx);
    chart->addSeries(bars);
    chart->addSeries(low);
    chart->addSeries(high);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    auto *axisX = new QValueAxis;
    axisX->setRange(minX - 2, maxX + 2);
    axisX->setTitleText(HistoryChartWidget::tr("dBm"));
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisX, Qt::AlignBottom);
    bars->attachAxis(axisY);
    bars->attachAxis(axisX);
    auto *axisIdx = new QValueAxis;
    axisIdx->setRange(-0.5, qMax(0.5, categories.size() - 0.5));
    axisIdx->setVisible(false);
    chart->addAxis(axisIdx, Qt::AlignRight);
    for (QScatterSeries *s : {low, high}) {
        s->attachAxis(axisX);
        s->attachAxis(axisIdx);
    }
}

} // namespace

void HistoryChartWidget::setAnswers(const QString &router, QueryKind kind, QList<StoredAnswer> answers)
{
    std::sort(answers.begin(), answers.end(),
              [](const StoredAnswer &a, const StoredAnswer &b) { return a.fetchedAt < b.fetchedAt; });
    m_router = router;
    m_kind = kind;
    m_answers = answers;
    QChart *chart = newChart(palette());
    TimeLines lines;
    if (kind == QueryKind::BgpStatus) {
        chart->setTitle(tr("%1: prefixes received and sent per BGP neighbor").arg(router));
        addBgpLines(lines, answers);
    } else if (kind == QueryKind::LinkStatus || kind == QueryKind::VlanErrors) {
        chart->setTitle(tr("%1: error counters over time").arg(router));
        addErrorLines(lines, kind, answers);
    } else if (kind == QueryKind::Optics && !answers.isEmpty()) {
        // Levels of the newest answer with the warning band of each lane.
        chart->setTitle(tr("%1: optical receive power against thresholds (dBm)").arg(router));
        addOptics(chart, answers.last());
    } else {
        chart->setTitle(tr("No chart for this query; charts cover BGP status, link status, VLAN errors and optics."));
    }
    if (!lines.byName.isEmpty())
        addTimeAxes(chart, lines);
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}

} // namespace rl
