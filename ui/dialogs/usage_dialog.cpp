#include "ui/dialogs/usage_dialog.h"

#include "engine/service/router_data_service.h"
#include "ui/export/table_exporter.h"
#include "ui/models/usage_model.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace rl {

UsageDialog::UsageDialog(RouterDataService *service, QWidget *parent)
    : QDialog(parent), m_service(service), m_period(new QComboBox(this)), m_tabs(new QTabWidget(this)),
      m_clients(new UsageModel(UsageModel::Grouping::PerClient, this)),
      m_routers(new UsageModel(UsageModel::Grouping::PerRouter, this)), m_clientProxy(new QSortFilterProxyModel(this)),
      m_routerProxy(new QSortFilterProxyModel(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("usageDialog"));
    setWindowTitle(tr("Usage"));
    resize(900, 480);
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    auto *periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_period);
    m_period->setObjectName(QStringLiteral("usagePeriod"));
    m_period->addItem(tr("Last hour"), LastHour);
    m_period->addItem(tr("Last 24 hours"), Last24Hours);
    m_period->addItem(tr("Last 7 days"), Last7Days);
    m_period->setCurrentIndex(Last24Hours);
    connect(m_period, &QComboBox::currentIndexChanged, this, &UsageDialog::refresh);
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    connect(refreshButton, &QPushButton::clicked, this, &UsageDialog::refresh);
    auto *exportButton = new QPushButton(QIcon(QStringLiteral(":/icons/export.svg")), tr("Export as C&SV…"), this);
    exportButton->setObjectName(QStringLiteral("usageExportCsv"));
    connect(exportButton, &QPushButton::clicked, this, &UsageDialog::exportCsvInteractive);
    top->addWidget(periodLabel);
    top->addWidget(m_period);
    top->addStretch(1);
    top->addWidget(refreshButton);
    top->addWidget(exportButton);
    layout->addLayout(top);

    m_clientProxy->setSourceModel(m_clients);
    m_routerProxy->setSourceModel(m_routers);
    m_tabs->addTab(table(m_clientProxy, QStringLiteral("usageClientTable")), tr("Per &client"));
    m_tabs->addTab(table(m_routerProxy, QStringLiteral("usageRouterTable")), tr("Per r&outer"));
    layout->addWidget(m_tabs, 1);

    m_status->setObjectName(QStringLiteral("usageStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    // New answers keep arriving while it is open; the store is read again now and then.
    m_refresh.setInterval(RefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_refresh.start();
    refresh();
}

QTableView *UsageDialog::table(QSortFilterProxyModel *proxy, const QString &name)
{
    proxy->setSortRole(UsageModel::SortRole);
    auto *v = new QTableView(this);
    v->setObjectName(name);
    v->setModel(proxy);
    v->setSortingEnabled(true);
    v->sortByColumn(UsageModel::RequestsColumn, Qt::DescendingOrder);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setAlternatingRowColors(true);
    v->verticalHeader()->hide();
    v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 6);
    v->horizontalHeader()->setSectionResizeMode(UsageModel::NameColumn, QHeaderView::Stretch);
    for (int c = UsageModel::RequestsColumn; c < UsageModel::ColumnCount; ++c)
        v->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    return v;
}

int UsageDialog::hoursOf(Period period)
{
    switch (period) {
    case LastHour: return 1;
    case Last24Hours: return 24;
    case Last7Days: return 24 * 7;
    }
    return 24;
}

void UsageDialog::setPeriod(Period period)
{
    m_period->setCurrentIndex(m_period->findData(period));
}

UsageDialog::Period UsageDialog::period() const
{
    return Period(m_period->currentData().toInt());
}

QString UsageDialog::status() const
{
    return m_status->text();
}

void UsageDialog::refresh()
{
    if (!m_service)
        return;
    // Hourly buckets: "the last hour" is this hour so far, "24 hours" this one and the 23 before.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int hours = hoursOf(period());
    const QDateTime from = usageHour(now).addSecs(-3600LL * (hours - 1));
    const Result<QList<UsageBucket>> usage = m_service->usage(from, now.addSecs(1));
    if (!usage) {
        m_status->setText(tr("The usage figures could not be read: %1").arg(usage.error().toString()));
        return;
    }
    m_clients->setBuckets(*usage);
    m_routers->setBuckets(*usage);
    const UsageCounters &t = m_clients->total();
    const QLocale locale;
    const QString since = locale.toString(from.toLocalTime(), QLocale::ShortFormat);
    if (t.requests() == 0) {
        m_status->setText(tr("No requests since %1.").arg(since));
        return;
    }
    const double p95 = t.latency.count() > 0 ? t.latency.percentile(95) : -1;
    m_status->setText(tr("Since %1: %2 requests, %3 from the store, %4 coalesced, %5 throttled, %6 errors; p95 %7.")
                          .arg(since)
                          .arg(t.requests())
                          .arg(t.cacheHits)
                          .arg(t.coalesced)
                          .arg(t.throttled)
                          .arg(t.errorCount())
                          .arg(p95 < 0 ? QStringLiteral("—") : tr("%1 ms").arg(std::lround(p95))));
}

Error UsageDialog::exportCsv(const QString &path) const
{
    return TableExporter::writeCsv(m_tabs->currentIndex() == PerRouterTab ? *m_routerProxy : *m_clientProxy, path);
}

void UsageDialog::exportCsvInteractive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"), QStringLiteral("usage.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    if (const Error e = exportCsv(path))
        m_status->setText(e.toString());
}

} // namespace rl
