#include "ui/widgets/result_tab.h"

#include "engine/service/router_data_service.h"
#include "ui/export/session_report.h"
#include "ui/export/table_exporter.h"
#include "ui/models/comparison_model.h"
#include "ui/models/record_filter_proxy_model.h"
#include "ui/models/record_table_model.h"
#include "ui/widgets/history_chart_widget.h"
#include "ui/widgets/session_compare_panel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QScopedValueRollback>
#include <QVBoxLayout>

#include <utility>

namespace rl {
namespace {

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *v = new QTableView(parent);
    v->setObjectName(name);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setAlternatingRowColors(true);
    v->setWordWrap(false);
    v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 6);
    v->verticalHeader()->hide();
    v->horizontalHeader()->setSectionsMovable(true);
    v->horizontalHeader()->setStretchLastSection(true);
    return v;
}

} // namespace

ResultTab::ResultTab(RouterDataService *service, const Request &request, QWidget *parent)
    : QWidget(parent), m_service(service), m_request(request), m_views(new QTabWidget(this)),
      m_table(new RecordTableModel(this)), m_proxy(new RecordFilterProxyModel(this)),
      m_tableView(makeTable(this, QStringLiteral("resultTable"))), m_filter(new QLineEdit(this)),
      m_filterInfo(new QLabel(this)), m_compare(new ComparisonModel(this)),
      m_compareView(makeTable(this, QStringLiteral("compareTable"))), m_onlyDiff(new QCheckBox(tr("Only &differences"), this)),
      m_compareInfo(new QLabel(this)), m_sessionAware(new QCheckBox(tr("&Sessions and links"), this)),
      m_compareStack(new QStackedWidget(this)), m_sessionPanel(new SessionComparePanel(service, this)), m_historyRouter(new QComboBox(this)), m_historyList(new QListWidget(this)),
      m_overTime(new ComparisonModel(this)), m_overTimeView(makeTable(this, QStringLiteral("overTimeTable"))),
      m_chart(new HistoryChartWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_views);

    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &ResultTab::flushParts);

    m_views->addTab(tablePage(), tr("Table"));
    m_views->addTab(comparePage(), tr("Side by side"));
    m_views->addTab(overTimePage(), tr("Over time"));
    // Chart
    m_views->addTab(m_chart, QIcon(QStringLiteral(":/icons/chart.svg")), tr("Chart"));
    connect(m_views, &QTabWidget::currentChanged, this, [this](int i) {
        if (i == OverTimeView || i == ChartView)
            refreshHistory();
    });
}

// The rows, their filter, sorting, column layout and copy.
QWidget *ResultTab::tablePage()
{
    m_table->setResults(m_request.kind, {});
    // Columns are sized to the rows on screen: measuring hundreds of rows per column held
    // the event loop for tens of milliseconds at the end of a large fan-out.
    m_tableView->horizontalHeader()->setResizeContentsPrecision(0);
    m_compareView->horizontalHeader()->setResizeContentsPrecision(0);
    m_proxy->setSourceModel(m_table);
    m_tableView->setModel(m_proxy);
    m_tableView->setSortingEnabled(true);
    m_tableView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_tableView->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tableView->horizontalHeader(), &QWidget::customContextMenuRequested, this, &ResultTab::columnMenu);
    restoreColumnLayout();
    // Dragging a column edge resizes it dozens of times: save once it settles.
    m_layoutSaveTimer.setSingleShot(true);
    m_layoutSaveTimer.setInterval(LayoutSaveDelayMs);
    connect(&m_layoutSaveTimer, &QTimer::timeout, this, &ResultTab::saveColumnLayout);
    QHeaderView *header = m_tableView->horizontalHeader();
    connect(header, &QHeaderView::sectionResized, this, &ResultTab::columnLayoutTouched);
    connect(header, &QHeaderView::sectionMoved, this, &ResultTab::columnLayoutTouched);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &ResultTab::columnLayoutTouched);
    m_filter->setObjectName(QStringLiteral("filterBox"));
    m_filter->setPlaceholderText(tr("Filter rows (any column) — right-click a column header to filter that column"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &RecordFilterProxyModel::setFilterText);
    // Rows now arrive as inserts as well as resets: keep the count and the error spans current.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ResultTab::updateTableInfo);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ResultTab::updateTableInfo);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ResultTab::updateTableInfo);
    auto *copy = new QAction(tr("Copy"), m_tableView);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &ResultTab::copySelection);
    m_tableView->addAction(copy);
    auto *tablePage = new QWidget(this);
    auto *tl = new QVBoxLayout(tablePage);
    tl->setContentsMargins(0, 4, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_filterInfo);
    tl->addLayout(filterRow);
    tl->addWidget(m_tableView, 1);
    return tablePage;
}

// The routers' answers side by side: aligned by key, or session-aware.
QWidget *ResultTab::comparePage()
{
    m_compareView->setModel(m_compare);
    m_onlyDiff->setObjectName(QStringLiteral("onlyDifferences"));
    connect(m_onlyDiff, &QCheckBox::toggled, m_compare, &ComparisonModel::setOnlyDifferences);
    auto *cmpPage = new QWidget(this);
    auto *cl = new QVBoxLayout(cmpPage);
    cl->setContentsMargins(0, 4, 0, 0);
    auto *cmpRow = new QHBoxLayout;
    cmpRow->addWidget(m_sessionAware);
    cmpRow->addWidget(m_onlyDiff);
    cmpRow->addWidget(m_compareInfo, 1);
    cl->addLayout(cmpRow);
    m_compareStack->addWidget(m_compareView);
    m_compareStack->addWidget(m_sessionPanel);
    cl->addWidget(m_compareStack, 1);
    m_sessionAware->setObjectName(QStringLiteral("sessionAware"));
    m_sessionAware->setToolTip(tr("Put the two ends of each BGP session, link or route exchange between the compared routers on one row; "
                                  "off: rows aligned by key"));
    m_sessionAware->setEnabled(false);
    connect(m_sessionAware, &QCheckBox::toggled, this, [this](bool on) {
        m_compareStack->setCurrentIndex(on ? 1 : 0);
        m_onlyDiff->setVisible(!on);
        m_compareInfo->setVisible(!on);
    });
    connect(m_sessionAware, &QCheckBox::clicked, this, [this] { m_sessionAwareChosen = true; });
    connect(m_sessionPanel, &SessionComparePanel::relationshipsFound, this, [this](bool any) {
        if (!m_sessionAwareChosen)
            m_sessionAware->setChecked(any);
    });
    return cmpPage;
}

// One router's answer against one of its stored answers.
QWidget *ResultTab::overTimePage()
{
    m_overTimeView->setModel(m_overTime);
    auto *otPage = new QWidget(this);
    auto *ol = new QVBoxLayout(otPage);
    ol->setContentsMargins(0, 4, 0, 0);
    auto *otRow = new QHBoxLayout;
    otRow->addWidget(new QLabel(tr("Router"), otPage));
    otRow->addWidget(m_historyRouter);
    otRow->addWidget(new QLabel(tr("against the stored answer selected below"), otPage), 1);
    ol->addLayout(otRow);
    auto *split = new QSplitter(Qt::Horizontal, otPage);
    m_historyList->setObjectName(QStringLiteral("historyList"));
    split->addWidget(m_historyList);
    split->addWidget(m_overTimeView);
    split->setStretchFactor(1, 3);
    ol->addWidget(split, 1);
    connect(m_historyRouter, &QComboBox::currentIndexChanged, this, &ResultTab::refreshHistory);
    connect(m_historyList, &QListWidget::currentRowChanged, this, &ResultTab::updateOverTime);
    return otPage;
}

ResultTab::~ResultTab()
{
    flushColumnLayout();
}

void ResultTab::updateTableInfo()
{
    QStringList cols;
    for (int c = 0; c < m_table->columnCount(); ++c) {
        if (!m_proxy->columnFilter(c).isEmpty())
            cols << QStringLiteral("%1: %2").arg(m_table->headerData(c, Qt::Horizontal).toString(), m_proxy->columnFilter(c));
    }
    m_filterInfo->setText(tr("%1 of %2 rows").arg(m_proxy->rowCount()).arg(m_table->rowCount())
                          + (cols.isEmpty() ? QString() : QStringLiteral(" · ") + cols.join(QStringLiteral(", "))));
    // A router's error reads across the record columns instead of widening the first one.
    m_tableView->clearSpans();
    const int rows = m_proxy->rowCount();
    if (rows > MaxRowsForSpans)
        return;
    const int span = m_table->recordColumnCount();
    for (int r = 0; r < rows && span > 1; ++r) {
        const QModelIndex idx = m_proxy->index(r, 0);
        if (idx.data(RecordTableModel::ErrorRowRole).toBool())
            m_tableView->setSpan(r, m_table->firstRecordColumn(), 1, span);
    }
}

void ResultTab::showView(int index)
{
    m_views->setCurrentIndex(index);
}

void ResultTab::addPart(const RouterResult &part)
{
    // Parts of a fan-out arrive by the hundred: collect them and show each batch with one
    // insert, instead of one model update (and one view relayout) per router.
    m_pending.append(part);
    if (!m_flushTimer.isActive())
        m_flushTimer.start(nextBatchDelayMs());
}

int ResultTab::nextBatchDelayMs() const
{
    if (m_flushCount == 0)
        return 0;
    return qMin(PartBatchMaxMs, PartBatchMinMs << qMin(m_flushCount, 8));
}

void ResultTab::flushParts()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    const QList<RouterResult> parts = std::exchange(m_pending, {});
    ++m_flushCount;
    m_table->addParts(parts);
    addHistoryRouters(parts);
}

void ResultTab::addHistoryRouters(const QList<RouterResult> &parts)
{
    QStringList fresh;
    for (const RouterResult &p : parts) {
        if (!m_historyRouters.contains(p.router)) {
            m_historyRouters.insert(p.router);
            fresh << p.router;
        }
    }
    if (!fresh.isEmpty())
        m_historyRouter->addItems(fresh);
}

void ResultTab::setResponse(const Response &response)
{
    m_complete = true;
    flushParts();
    // The response is the authority: it holds every part, also those refused up front. The
    // parts streamed in are normally all of it; only what is missing is added (no reset).
    if (response.error.isError() && response.results.isEmpty()) {
        RouterResult whole;
        whole.router = tr("(request)");
        whole.records = RecordSet(response.kind);
        whole.error = response.error;
        m_table->setResults(response.kind, {whole});
    } else {
        QSet<QString> shown;
        for (const RouterResult &p : m_table->parts())
            shown.insert(p.router);
        QList<RouterResult> missing;
        for (const RouterResult &p : response.results) {
            if (!shown.contains(p.router))
                missing.append(p);
        }
        m_table->addParts(missing);
    }
    addHistoryRouters(response.results);
    // A layout the person left for this kind wins over fitting.
    if (!m_layoutRestored)
        fitColumns();
    QStringList ok;
    for (const RouterResult &p : response.results) {
        if (p.ok())
            ok << p.router;
    }
    compareRouters(ok.mid(0, 4));
}

void ResultTab::compareRouters(const QStringList &routers)
{
    QList<ComparisonSide> sides;
    for (const RouterResult &p : m_table->parts()) {
        if (routers.contains(p.router))
            sides.append({p.router, p});
    }
    m_compare->setSides(m_request.kind, sides);
    m_compareInfo->setText(sides.size() < 2 ? tr("Run the query on two or more routers to compare them.")
                                            : tr("%1 aligned rows, %2 differ").arg(m_compare->alignedRowCount())
                                                  .arg(m_compare->differingRowCount())
                               + (m_compare->sideErrors().isEmpty() ? QString()
                                                                    : QStringLiteral(" · ") + m_compare->sideErrors().join(QStringLiteral("; "))));
    for (int c = 0; c < m_compare->columnCount() && c < 16; ++c)
        m_compareView->resizeColumnToContents(c);
    // The session-aware view also takes the routers that failed: their ends read "cannot tell".
    QList<RouterResult> parts;
    for (const RouterResult &p : m_table->parts()) {
        if (routers.contains(p.router) || (!p.ok() && m_request.routers.contains(p.router) && parts.size() < MaxSessionAwareRouters))
            parts.append(p);
    }
    const bool supported = SessionComparePanel::supports(m_request.kind);
    m_sessionAware->setEnabled(supported && parts.size() >= 2);
    if (supported)
        m_sessionPanel->setAnswers(m_request, parts); // fewer than two: it says so, and stops what it was reading
    else if (!m_sessionAwareChosen)
        m_sessionAware->setChecked(false);
}

bool ResultTab::isSessionAware() const
{
    return m_sessionAware->isChecked();
}

void ResultTab::setSessionAware(bool on)
{
    m_sessionAwareChosen = true;
    m_sessionAware->setChecked(on);
}

void ResultTab::refreshHistory()
{
    const QString router = m_historyRouter->currentText();
    m_historyList->blockSignals(true);
    m_historyList->clear();
    m_historyList->blockSignals(false);
    if (router.isEmpty() || !m_service)
        return;
    const ClientIdentity me = m_identity ? m_identity() : m_request.client;
    const QList<StoredAnswerInfo> infos = m_service->history(me, router, m_request.kind, m_request.params, 50);
    QList<StoredAnswer> answers;
    for (const StoredAnswerInfo &i : infos) {
        auto *item = new QListWidgetItem(tr("%1 · %n row(s)", nullptr, int(i.recordCount))
                                             .arg(i.fetchedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        item->setData(Qt::UserRole, i.id);
        m_historyList->addItem(item);
        if (answers.size() < 30) {
            if (auto a = m_service->storedAnswer(me, i.id))
                answers.append(*a);
        }
    }
    m_chart->setAnswers(router, m_request.kind, answers);
    if (m_historyList->count() > 1)
        m_historyList->setCurrentRow(1); // the answer before the newest
    else
        updateOverTime();
}

void ResultTab::updateOverTime()
{
    const QString router = m_historyRouter->currentText();
    RouterResult now;
    for (const RouterResult &p : m_table->parts()) {
        if (p.router == router)
            now = p;
    }
    QList<ComparisonSide> sides{{tr("now"), now}};
    if (QListWidgetItem *item = m_historyList->currentItem(); item && m_service) {
        const ClientIdentity me = m_identity ? m_identity() : m_request.client;
        if (auto a = m_service->storedAnswer(me, item->data(Qt::UserRole).toLongLong())) {
            RouterResult then;
            then.router = router;
            then.records = a->records;
            then.fetchedAt = a->fetchedAt;
            then.source = AnswerSource::Store;
            sides.append({a->fetchedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")), then});
        }
    }
    m_overTime->setSides(m_request.kind, sides);
    // As in Side by side: headers carry the answer's time and must read in full.
    for (int c = 0; c < m_overTime->columnCount() && c < 16; ++c)
        m_overTimeView->resizeColumnToContents(c);
}

QString ResultTab::columnLayoutKey(QueryKind kind)
{
    return QStringLiteral("ui/columns/%1").arg(queryKindName(kind));
}

void ResultTab::restoreColumnLayout()
{
    const QByteArray state = QSettings().value(columnLayoutKey(m_request.kind)).toByteArray();
    if (state.isEmpty())
        return;
    QHeaderView *header = m_tableView->horizontalHeader();
    // A layout saved before the record type gained or lost columns no longer fits: fit anew.
    if (!header->restoreState(state) || header->count() != m_table->columnCount()) {
        naturalColumnOrder();
        return;
    }
    m_layoutRestored = true;
    // restoreState sets the indicator without sorting: sort to match what it shows.
    m_proxy->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

void ResultTab::columnLayoutTouched()
{
    if (!m_autoSizing)
        m_layoutSaveTimer.start();
}

void ResultTab::saveColumnLayout() const
{
    m_layoutSaveTimer.stop();
    QSettings().setValue(columnLayoutKey(m_request.kind), m_tableView->horizontalHeader()->saveState());
}

void ResultTab::flushColumnLayout() const
{
    if (m_layoutSaveTimer.isActive())
        saveColumnLayout();
}

void ResultTab::setColumnHidden(int column, bool hidden)
{
    QHeaderView *header = m_tableView->horizontalHeader();
    if (hidden && header->count() - header->hiddenSectionCount() <= 1)
        return; // the last visible column stays
    header->setSectionHidden(column, hidden);
    columnLayoutTouched();
}

void ResultTab::resetColumnLayout()
{
    m_layoutSaveTimer.stop();
    QSettings().remove(columnLayoutKey(m_request.kind));
    m_layoutRestored = false;
    naturalColumnOrder();
    fitColumns();
}

void ResultTab::naturalColumnOrder()
{
    // Every column shown, in the record type's order.
    QHeaderView *header = m_tableView->horizontalHeader();
    const QScopedValueRollback guard(m_autoSizing, true);
    for (int c = 0; c < header->count(); ++c) {
        header->setSectionHidden(c, false);
        header->moveSection(header->visualIndex(c), c);
    }
}

void ResultTab::fitColumns()
{
    // Fit columns to their contents, but an error sentence in one row must not make its
    // column the width of the screen: it stays readable in the tooltip and when widened.
    const QScopedValueRollback guard(m_autoSizing, true);
    const int cap = m_tableView->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 40;
    for (int c = 0; c < m_table->columnCount() && c < 16; ++c) {
        m_tableView->resizeColumnToContents(c);
        m_tableView->setColumnWidth(c, qMin(m_tableView->columnWidth(c), cap));
    }
}

void ResultTab::columnMenu(const QPoint &pos)
{
    const int column = m_tableView->horizontalHeader()->logicalIndexAt(pos);
    if (column < 0)
        return;
    QMenu menu(this);
    const QString title = m_table->headerData(column, Qt::Horizontal).toString();
    menu.addAction(tr("Filter “%1”…").arg(title), this, [this, column, title] {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Filter column"),
                                                   tr("Show rows whose %1 contains (prefix ! to exclude; <, >, = for numbers):").arg(title),
                                                   QLineEdit::Normal, m_proxy->columnFilter(column), &ok);
        if (ok)
            m_proxy->setColumnFilter(column, text);
    });
    menu.addAction(tr("Clear all filters"), this, [this] {
        m_filter->clear();
        m_proxy->clearFilters();
    });
    menu.addSeparator();
    menu.addAction(tr("Unsorted (arrival order)"), this, [this] {
        m_tableView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
        m_proxy->sort(-1);
    });
    menu.addSeparator();
    QHeaderView *header = m_tableView->horizontalHeader();
    if (header->count() - header->hiddenSectionCount() > 1) {
        menu.addAction(tr("Hide “%1”").arg(title), this, [this, column] { setColumnHidden(column, true); });
    }
    QMenu *shown = menu.addMenu(tr("Columns"));
    for (int c = 0; c < m_table->columnCount(); ++c) {
        QAction *a = shown->addAction(m_table->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        connect(a, &QAction::toggled, this, [this, c](bool on) { setColumnHidden(c, !on); });
    }
    menu.addAction(tr("Reset column layout"), this, &ResultTab::resetColumnLayout);
    menu.exec(m_tableView->horizontalHeader()->mapToGlobal(pos));
}

void ResultTab::copySelection() const
{
    const QModelIndexList rows = m_tableView->selectionModel()->selectedRows();
    QString out;
    for (const QModelIndex &r : rows) {
        QStringList cells;
        for (int c = 0; c < m_proxy->columnCount(); ++c)
            cells << m_proxy->index(r.row(), c).data().toString();
        out += cells.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    if (!out.isEmpty())
        QApplication::clipboard()->setText(out);
}

void ResultTab::exportCsv(const QString &path)
{
    const QAbstractItemModel &m = m_views->currentIndex() != SideBySideView ? static_cast<const QAbstractItemModel &>(*m_proxy)
                                  : isSessionAware()                        ? static_cast<const QAbstractItemModel &>(m_sessionPanel->exportModel())
                                                                            : static_cast<const QAbstractItemModel &>(*m_compare);
    if (const Error e = TableExporter::writeCsv(m, path))
        QMessageBox::warning(this, tr("Export failed"), e.message);
}

void ResultTab::exportJson(const QString &path)
{
    const Error e = m_views->currentIndex() == SideBySideView && isSessionAware()
        ? TableExporter::writeJson(m_sessionPanel->exportModel(), path, SessionComparisonModel::RawValueRole, SessionComparisonModel::ColumnKeyRole)
        : m_views->currentIndex() == SideBySideView
        ? TableExporter::writeJson(*m_compare, path, ComparisonModel::RawValueRole, ComparisonModel::ColumnKeyRole)
        : TableExporter::writeJson(*m_proxy, path, RecordTableModel::RawValueRole, RecordTableModel::ColumnKeyRole);
    if (e)
        QMessageBox::warning(this, tr("Export failed"), e.message);
}

} // namespace rl
