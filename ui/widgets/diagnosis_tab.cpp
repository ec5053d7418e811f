#include "ui/widgets/diagnosis_tab.h"

#include "engine/diagnosis/diagnosis_report.h"
#include "engine/service/connection_diagnoser.h"
#include "ui/models/diagnosis_model.h"
#include "ui/models/record_table_model.h"
#include "ui/models/state_colors.h"
#include "ui/widgets/diagnosis_map_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <utility>

namespace rl {
namespace {

constexpr int MaxLogRows = 500;

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString cssColor(const QColor &c)
{
    return QStringLiteral("rgba(%1,%2,%3,%4)").arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha());
}

QString verdictTitleOf(const QString &name)
{
    for (Verdict v : {Verdict::Ok, Verdict::Warn, Verdict::Fault, Verdict::CannotCheck})
        if (verdictName(v) == name)
            return DiagnosisModel::verdictTitle(v);
    return name;
}

// A record column's title ("In errors") from its key ("inErrors").
QString columnTitle(const QString &key)
{
    for (QueryKind k : allQueryKinds())
        for (const ColumnInfo &c : RecordSet::columnsFor(k))
            if (key == QLatin1String(c.key))
                return QCoreApplication::translate("rl::Records", c.title);
    return key;
}

// "vlan customer" (a DiagnosisChange's cause) -> "VLAN, customer end".
QString causeTitle(const QString &cause)
{
    if (cause.isEmpty())
        return DiagnosisTab::tr("none");
    const QString end = cause.section(QLatin1Char(' '), -1);
    const QString layer = DiagnosisModel::layerTitle(cause.section(QLatin1Char(' '), 0, -2));
    for (ConnectionEnd e : {ConnectionEnd::Provider, ConnectionEnd::Customer, ConnectionEnd::Both})
        if (connectionEndName(e) == end)
            return QStringLiteral("%1, %2").arg(layer, DiagnosisModel::endTitle(e));
    return cause;
}

QString stepKey(const DiagnosisStep &s)
{
    return s.layer + QLatin1Char('|') + connectionEndName(s.end);
}

} // namespace

DiagnosisTab::DiagnosisTab(RouterDataService *service, const Connection &connection, const ClientIdentity &client, QWidget *parent)
    : QWidget(parent), m_service(service), m_connection(connection), m_client(client), m_model(new DiagnosisModel(this)),
      m_evidence(new RecordTableModel(this))
{
    setObjectName(QStringLiteral("diagnosisTab"));
    m_model->setConnection(connection);
    if (m_service) {
        m_diagnoser = new ConnectionDiagnoser(*m_service, this);
        connect(m_diagnoser, &ConnectionDiagnoser::finished, this, &DiagnosisTab::onFinished);
        connect(m_diagnoser, &ConnectionDiagnoser::progress, this, &DiagnosisTab::onProgress);
    }
    buildUi();
    connect(&m_watchTimer, &QTimer::timeout, this, &DiagnosisTab::watchTick);
    updateSummary();
    showStep({});
}

DiagnosisTab::~DiagnosisTab()
{
    stop();
}

void DiagnosisTab::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("diagnosisSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto *bar = new QHBoxLayout;
    m_runButton = new QPushButton(QIcon(QStringLiteral(":/icons/run.svg")), tr("Run &again"), this);
    m_runButton->setObjectName(QStringLiteral("diagnoseAgain"));
    m_runButton->setEnabled(m_service != nullptr);
    connect(m_runButton, &QPushButton::clicked, this, [this] { run(); });
    m_watch = new QCheckBox(tr("&Watch"), this);
    m_watch->setObjectName(QStringLiteral("watchToggle"));
    m_watch->setToolTip(tr("Run the diagnosis again at this interval with live answers, and list what changed"));
    m_watch->setEnabled(m_service != nullptr);
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("watchInterval"));
    m_interval->setRange(MinWatchSeconds, 3600);
    m_interval->setValue(DefaultWatchSeconds);
    m_interval->setPrefix(tr("every "));
    m_interval->setSuffix(tr(" s"));
    m_interval->setAccessibleName(tr("Watch interval in seconds"));
    connect(m_watch, &QCheckBox::toggled, this, &DiagnosisTab::setWatching);
    connect(m_interval, &QSpinBox::valueChanged, this, [this](int s) { m_watchTimer.setInterval(s * 1000); });
    m_watchTimer.setInterval(DefaultWatchSeconds * 1000);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("diagnosisStatus"));
    auto *html = new QPushButton(QIcon(QStringLiteral(":/icons/export.svg")), tr("Export &HTML…"), this);
    html->setObjectName(QStringLiteral("exportDiagnosisHtml"));
    connect(html, &QPushButton::clicked, this, &DiagnosisTab::exportHtmlInteractive);
    auto *csv = new QPushButton(tr("Export &CSV…"), this);
    csv->setObjectName(QStringLiteral("exportDiagnosisCsv"));
    connect(csv, &QPushButton::clicked, this, &DiagnosisTab::exportCsvInteractive);
    bar->addWidget(m_runButton);
    bar->addWidget(m_watch);
    bar->addWidget(m_interval);
    bar->addWidget(m_status, 1);
    bar->addWidget(html);
    bar->addWidget(csv);
    layout->addLayout(bar);

    m_map = new DiagnosisMapView(this);
    m_map->setObjectName(QStringLiteral("diagnosisMap"));
    m_map->setModel(m_model);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(m_map);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    connect(m_map, &DiagnosisMapView::currentChanged, this, [this](const QModelIndex &index) {
        const QRect r = m_map->cellRect(index);
        if (r.isValid())
            m_scroll->ensureVisible(r.center().x(), r.center().y(), r.width() / 2 + 8, r.height() / 2 + 8);
        showStep(index);
    });

    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->addWidget(m_scroll);
    m_split->addWidget(buildDetails());
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    layout->addWidget(m_split, 1);
}

QWidget *DiagnosisTab::buildDetails()
{
    auto *box = new QWidget(this);
    auto *l = new QVBoxLayout(box);
    l->setContentsMargins(4, 0, 0, 0);
    m_detail = new QLabel(box);
    m_detail->setObjectName(QStringLiteral("diagnosisDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    l->addWidget(m_detail);

    auto *records = new QWidget(box);
    auto *rl = new QVBoxLayout(records);
    rl->setContentsMargins(0, 4, 0, 0);
    auto *row = new QHBoxLayout;
    auto *kindLabel = new QLabel(tr("&Of:"), records);
    m_kinds = new QComboBox(records);
    m_kinds->setObjectName(QStringLiteral("evidenceKind"));
    kindLabel->setBuddy(m_kinds);
    connect(m_kinds, &QComboBox::currentIndexChanged, this, &DiagnosisTab::showEvidenceKind);
    m_openEvidence = new QPushButton(tr("&Open in a result tab"), records);
    m_openEvidence->setObjectName(QStringLiteral("openEvidence"));
    m_openEvidence->setToolTip(tr("Show these records as a normal result table: filter, compare, export"));
    connect(m_openEvidence, &QPushButton::clicked, this, &DiagnosisTab::openEvidence);
    row->addWidget(kindLabel);
    row->addWidget(m_kinds, 1);
    row->addWidget(m_openEvidence);
    rl->addLayout(row);
    m_evidenceView = new QTableView(records);
    m_evidenceView->setObjectName(QStringLiteral("evidenceTable"));
    m_evidenceView->setModel(m_evidence);
    m_evidenceView->setAlternatingRowColors(true);
    m_evidenceView->setWordWrap(false);
    m_evidenceView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_evidenceView->verticalHeader()->hide();
    m_evidenceView->verticalHeader()->setDefaultSectionSize(m_evidenceView->fontMetrics().height() + 6);
    m_evidenceView->horizontalHeader()->setStretchLastSection(true);
    rl->addWidget(m_evidenceView, 1);

    m_log = new QTableWidget(0, 4, box);
    m_log->setObjectName(QStringLiteral("diagnosisChangeLog"));
    m_log->setHorizontalHeaderLabels({tr("Time"), tr("Layer"), tr("End"), tr("Change")});
    m_log->verticalHeader()->hide();
    m_log->horizontalHeader()->setStretchLastSection(true);
    m_log->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_log->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_log->setWordWrap(false);
    m_log->verticalHeader()->setDefaultSectionSize(m_log->fontMetrics().height() + 6);

    m_pages = new QTabWidget(box);
    m_pages->setObjectName(QStringLiteral("diagnosisPages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(records, tr("Records read"));
    m_pages->addTab(m_log, tr("Changes"));
    l->addWidget(m_pages, 1);
    return box;
}

void DiagnosisTab::setClient(const ClientIdentity &client)
{
    if (client == m_client)
        return;
    stop();
    m_client = client;
}

void DiagnosisTab::setConnection(const Connection &connection)
{
    if (connection == m_connection)
        return;
    stop();
    m_connection = connection;
}

bool DiagnosisTab::run()
{
    if (!m_diagnoser || m_diagnoser->isRunning())
        return false;
    ++m_runs;
    m_runClock.start();
    m_progressText = tr("Asking both ends…");
    m_runButton->setEnabled(false);
    updateSummary();
    // Live answers (max age 0): a watched connection must show what is true now.
    m_diagnoser->start({m_connection}, m_client, 0);
    return true;
}

bool DiagnosisTab::isRunning() const
{
    return m_diagnoser && m_diagnoser->isRunning();
}

const DiagnosisResult &DiagnosisTab::result() const
{
    return m_model->result();
}

void DiagnosisTab::onProgress(int done, int total)
{
    m_progressText = tr("%1 of %2 answers…").arg(done).arg(total);
    updateSummary();
}

void DiagnosisTab::onFinished(const QList<DiagnosisResult> &results)
{
    m_runButton->setEnabled(m_service != nullptr);
    m_progressText.clear();
    if (std::exchange(m_discardRun, false) || results.isEmpty()) {
        updateSummary();
        return;
    }
    m_lastRunMs = m_runClock.isValid() ? m_runClock.elapsed() : -1;
    setResult(results.first());
    Q_EMIT finished(m_connection.id);
}

void DiagnosisTab::setResult(const DiagnosisResult &result)
{
    const bool had = m_hasResult;
    const DiagnosisResult before = m_model->result();
    m_lastRunAt = QDateTime::currentDateTime();
    m_model->setResult(result);
    m_hasResult = true;
    m_lastChanges.clear();
    if (had) {
        m_lastChanges = DiagnosisChanges::between(before, result);
        logChanges(m_lastChanges, m_lastRunAt);
        QSet<int> changed;
        for (const DiagnosisChange &c : std::as_const(m_lastChanges))
            if (c.step >= 0)
                changed.insert(c.step);
        m_model->setChangedSteps(changed);
    }
    // The cell chosen before stays chosen; a first run opens on the likely cause.
    int step = -1;
    for (int i = 0; i < result.steps.size() && step < 0; ++i)
        if (!m_stepKey.isEmpty() && stepKey(result.steps.at(i)) == m_stepKey)
            step = i;
    if (step < 0)
        step = result.likelyCause >= 0 ? result.likelyCause : (result.steps.isEmpty() ? -1 : 0);
    m_map->setCurrentIndex({});
    m_map->setCurrentIndex(m_model->indexOfStep(step));
    updateSummary();
}

void DiagnosisTab::selectStep(int step)
{
    m_map->setCurrentIndex(m_model->indexOfStep(step));
}

void DiagnosisTab::showStep(const QModelIndex &index)
{
    m_step = m_model->stepAt(index);
    m_kinds->blockSignals(true);
    m_kinds->clear();
    if (m_step < 0) {
        m_kinds->blockSignals(false);
        m_detail->setText(m_hasResult ? tr("Click a layer on the map to see its finding, advice and the records it read.")
                                      : tr("The diagnosis asks both routers for every layer; the result appears here."));
        m_evidence->setResults(QueryKind::Facts, {});
        m_kinds->setEnabled(false);
        m_openEvidence->setEnabled(false);
        return;
    }
    const DiagnosisStep &s = m_model->result().steps.at(m_step);
    m_stepKey = stepKey(s);
    QString html = QStringLiteral("<p><b>%1</b>, %2 (%3): <b>%4</b>%5</p>")
                       .arg(esc(DiagnosisModel::layerTitle(s.layer)), esc(DiagnosisModel::endTitle(s.end)), esc(s.router),
                            esc(DiagnosisModel::verdictTitle(s.verdict)), s.likelyCause ? esc(tr(" · the likely cause")) : QString());
    html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("Finding:")), esc(s.finding));
    if (!s.advice.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("Advice:")), esc(s.advice));
    if (!s.evidence.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("Evidence:")), esc(s.evidence));
    if (s.records.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("This check read no records of its own; it rests on the values above.")));
    m_detail->setText(html);
    QList<QueryKind> kinds;
    for (const RouterResult &r : s.records)
        if (!kinds.contains(r.records.kind()))
            kinds << r.records.kind();
    for (QueryKind k : std::as_const(kinds))
        m_kinds->addItem(queryKindDisplayTitle(k), int(k));
    m_kinds->setEnabled(kinds.size() > 1);
    m_kinds->blockSignals(false);
    showEvidenceKind();
}

void DiagnosisTab::showEvidenceKind()
{
    if (m_step < 0 || m_kinds->count() == 0) {
        m_evidence->setResults(QueryKind::Facts, {});
        m_openEvidence->setEnabled(false);
        return;
    }
    const auto kind = QueryKind(m_kinds->currentData().toInt());
    QList<RouterResult> parts;
    for (const RouterResult &r : m_model->result().steps.at(m_step).records)
        if (r.records.kind() == kind)
            parts << r;
    m_evidence->setResults(kind, parts);
    m_openEvidence->setEnabled(!parts.isEmpty());
    for (int c = 0; c < m_evidence->columnCount() && c < 16; ++c)
        m_evidenceView->resizeColumnToContents(c);
}

void DiagnosisTab::openEvidence()
{
    if (m_step < 0 || m_evidence->parts().isEmpty())
        return;
    static int counter = 0;
    Request request;
    // Never sent to the service: its own prefix, so no engine answer is mistaken for it.
    request.id = QStringLiteral("evidence-%1-%2").arg(m_connection.id).arg(++counter);
    request.client = m_client;
    request.kind = m_evidence->kind();
    for (const RouterResult &r : m_evidence->parts())
        if (!request.routers.contains(r.router))
            request.routers << r.router;
    Q_EMIT openRecordsRequested(request, m_evidence->parts());
}

void DiagnosisTab::updateSummary()
{
    const DiagnosisResult &d = m_model->result();
    StateColors::Tone tone = StateColors::Tone::Busy;
    QString text;
    if (!m_hasResult) {
        text = esc(tr("Diagnosing %1 from both ends, layer by layer…").arg(m_connection.id));
        if (!m_service)
            text = esc(tr("No diagnosis yet for %1.").arg(m_connection.id));
    } else {
        const Verdict overall = d.overall();
        tone = DiagnosisModel::toneOf(overall);
        text = QStringLiteral("<b>%1</b> &nbsp;").arg(esc(DiagnosisModel::verdictTitle(overall)));
        if (const DiagnosisStep *s = d.cause())
            text += esc(tr("Likely cause: %1, %2 (%3): %4").arg(DiagnosisModel::layerTitle(s->layer), DiagnosisModel::endTitle(s->end),
                                                                       s->router, s->finding))
                    + (s->advice.isEmpty() ? QString() : QStringLiteral(" <b>%1</b> %2").arg(esc(tr("Advice:")), esc(s->advice)));
        else if (overall == Verdict::CannotCheck)
            text += esc(tr("No fault found, but some layers could not be checked: they are unknown, not fine."));
        else
            text += esc(tr("Every check passed on both ends of %1.").arg(m_connection.id));
    }
    const QColor accent = tone == StateColors::Tone::Muted ? palette().color(QPalette::Text) : StateColors::foreground(tone);
    m_summary->setStyleSheet(QStringLiteral("QLabel#diagnosisSummary{background:%1;border-left:5px solid %2;padding:6px;}")
                                 .arg(cssColor(StateColors::background(tone)), accent.name()));
    m_summary->setText(text);
    QStringList status;
    if (isRunning())
        status << tr("Running… %1").arg(m_progressText);
    else if (m_lastRunAt.isValid())
        status << (m_lastRunMs >= 0 ? tr("Last run %1, took %2 s").arg(m_lastRunAt.toString(QStringLiteral("HH:mm:ss"))).arg(double(m_lastRunMs) / 1000.0, 0, 'f', 1)
                                    : tr("Shown %1").arg(m_lastRunAt.toString(QStringLiteral("HH:mm:ss"))));
    if (m_skippedTicks > 0)
        status << tr("%n watch tick(s) skipped while a run was still going", nullptr, m_skippedTicks);
    m_status->setText(status.join(QStringLiteral(" · ")));
}

bool DiagnosisTab::event(QEvent *event)
{
    // First shown: the map as wide as it needs, the rest to the records (a table of routes
    // wants the room more than the bands do).
    if (event->type() == QEvent::Show && !m_splitPlaced && m_split->width() > 0) {
        m_splitPlaced = true;
        const int map = qBound(m_map->minimumSizeHint().width(), m_split->width() * 55 / 100, m_map->sizeHint().width());
        m_split->setSizes({map, m_split->width() - map});
    }
    // The summary's colours come from the palette: follow a change of theme.
    if (event->type() == QEvent::PaletteChange && m_summary)
        updateSummary();
    return QWidget::event(event);
}

void DiagnosisTab::setWatching(bool on)
{
    if (m_watch->isChecked() != on) {
        m_watch->setChecked(on); // comes back here through toggled
        return;
    }
    if (!on || !m_diagnoser) {
        m_watchTimer.stop();
        return;
    }
    m_watchTimer.start(m_interval->value() * 1000);
    if (!isRunning())
        run();
}

bool DiagnosisTab::isWatching() const
{
    return m_watchTimer.isActive();
}

void DiagnosisTab::setWatchInterval(int seconds)
{
    m_interval->setValue(qMax(int(MinWatchSeconds), seconds));
}

int DiagnosisTab::watchInterval() const
{
    return m_interval->value();
}

void DiagnosisTab::watchTick()
{
    if (isRunning()) {
        ++m_skippedTicks; // never a second run on top of one still going
        updateSummary();
        return;
    }
    run();
}

void DiagnosisTab::stop()
{
    m_watchTimer.stop();
    if (m_watch && m_watch->isChecked()) {
        const QSignalBlocker block(m_watch);
        m_watch->setChecked(false);
    }
    if (m_diagnoser && m_diagnoser->isRunning()) {
        // The cancelled run's answers are not a diagnosis: they are not shown. (The run ends
        // when every request has answered "cancelled"; until then no new run starts.)
        m_discardRun = true;
        m_diagnoser->cancel();
    }
}

QString DiagnosisTab::changeText(const DiagnosisChange &c) const
{
    using Kind = DiagnosisChange::Kind;
    switch (c.kind) {
    case Kind::Verdict: return tr("%1 → %2").arg(verdictTitleOf(c.before), verdictTitleOf(c.after));
    case Kind::Finding: return tr("finding changed: %1").arg(c.after);
    case Kind::CounterRose: return tr("%1 on %2 rose: %3 → %4").arg(columnTitle(c.field), c.subject, c.before, c.after);
    case Kind::SessionReset: return tr("session %1 went down and came back (up %2 s, was up %3 s)").arg(c.subject, c.after, c.before);
    case Kind::Appeared: return tr("now checked: %1").arg(verdictTitleOf(c.after));
    case Kind::Vanished: return tr("no longer checked (was %1)").arg(verdictTitleOf(c.before));
    case Kind::Cause: break;
    }
    return tr("likely cause: %1 → %2").arg(causeTitle(c.before), causeTitle(c.after));
}

void DiagnosisTab::logChanges(const QList<DiagnosisChange> &changes, const QDateTime &when)
{
    // Newest first: the top rows are what the last run found.
    for (qsizetype i = changes.size() - 1; i >= 0; --i) {
        const DiagnosisChange &c = changes.at(i);
        m_log->insertRow(0);
        const QString end = c.kind == DiagnosisChange::Kind::Cause ? QString() : DiagnosisModel::endTitle(c.end);
        const QStringList cells{when.toString(QStringLiteral("HH:mm:ss")),
                                c.layer.isEmpty() ? QStringLiteral("—") : DiagnosisModel::layerTitle(c.layer), end, changeText(c)};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            item->setToolTip(c.kind == DiagnosisChange::Kind::Finding ? tr("Before: %1\nNow: %2").arg(c.before, c.after) : cells.at(3));
            m_log->setItem(0, col, item);
        }
    }
    while (m_log->rowCount() > MaxLogRows)
        m_log->removeRow(m_log->rowCount() - 1);
    m_pages->setTabText(1, m_log->rowCount() ? tr("Changes (%1)").arg(m_log->rowCount()) : tr("Changes"));
    if (!changes.isEmpty())
        for (int col = 0; col < 3; ++col)
            m_log->resizeColumnToContents(col);
}

bool DiagnosisTab::writeFile(const QString &path, const QByteArray &data, QString *error) const
{
    if (!m_hasResult) {
        if (error)
            *error = tr("Nothing to export yet: the diagnosis has not finished.");
        return false;
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

bool DiagnosisTab::exportHtml(const QString &path, QString *error) const
{
    DiagnosisReport::Options o;
    o.title = tr("Diagnosis of %1").arg(m_connection.id);
    return writeFile(path, DiagnosisReport::toHtml({m_model->result()}, o), error);
}

bool DiagnosisTab::exportCsv(const QString &path, QString *error) const
{
    return writeFile(path, DiagnosisReport::toCsv({m_model->result()}), error);
}

void DiagnosisTab::exportHtmlInteractive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export diagnosis as HTML"), QStringLiteral("diagnosis-%1.html").arg(m_connection.id),
                                                      tr("HTML report (*.html)"));
    QString error;
    if (!path.isEmpty() && !exportHtml(path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

void DiagnosisTab::exportCsvInteractive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export diagnosis as CSV"), QStringLiteral("diagnosis-%1.csv").arg(m_connection.id),
                                                      tr("CSV (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace rl
