#include "ui/widgets/session_compare_panel.h"

#include "engine/service/router_data_service.h"
#include "engine/service/session_comparer.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace rl {
namespace {

// Answers read only to pair the routers (LLDP, the sessions behind a routes tab, the routes of
// a session) may be this old: a person flipping between views should not ask again each time.
constexpr qint64 SupportingAnswerMaxAge = 60;

QTableView *makeView(QWidget *parent, const QString &name)
{
    auto *v = new QTableView(parent);
    v->setObjectName(name);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setSelectionMode(QAbstractItemView::SingleSelection);
    v->setAlternatingRowColors(true);
    v->setWordWrap(false);
    v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 6);
    v->verticalHeader()->hide();
    v->horizontalHeader()->setStretchLastSection(true);
    v->horizontalHeader()->setResizeContentsPrecision(0);
    v->setSortingEnabled(false);
    return v;
}

} // namespace

SessionComparePanel::SessionComparePanel(RouterDataService *service, QWidget *parent)
    : QWidget(parent), m_service(service), m_pairs(new SessionComparisonModel(this)), m_routes(new SessionComparisonModel(this)),
      m_pairsView(makeView(this, QStringLiteral("sessionPairsTable"))), m_routesView(makeView(this, QStringLiteral("sessionRoutesTable"))),
      m_info(new QLabel(this)), m_routesInfo(new QLabel(this)), m_routesFilter(new QComboBox(this)),
      m_split(new QSplitter(Qt::Vertical, this)), m_routesPane(new QWidget(this))
{
    if (m_service) {
        m_comparer = new SessionComparer(*m_service, this);
        connect(m_comparer, &SessionComparer::finished, this, &SessionComparePanel::comparerFinished);
    }
    m_info->setObjectName(QStringLiteral("sessionCompareInfo"));
    m_info->setWordWrap(true);
    m_routesInfo->setObjectName(QStringLiteral("sessionRoutesInfo"));
    m_routesInfo->setWordWrap(true);
    m_pairsView->setModel(m_pairs);
    m_routesView->setModel(m_routes);

    m_routesFilter->setObjectName(QStringLiteral("routesFilter"));
    m_routesFilter->addItem(tr("All routes"), QString());
    m_routesFilter->addItem(tr("Sent but not received"), QStringLiteral("sent-not-received"));
    m_routesFilter->addItem(tr("Received but not sent"), QStringLiteral("received-not-sent"));
    m_routesFilter->addItem(tr("Received but rejected"), QStringLiteral("rejected"));
    m_routesFilter->addItem(tr("Not on both sides"), QStringLiteral("mismatch"));
    m_routesFilter->setToolTip(tr("Which routes to show: what one end advertises against what the other received"));
    connect(m_routesFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_routes->setFilter(m_routesFilter->currentData().toString());
        updateRoutesInfo();
    });

    auto *rl = new QVBoxLayout(m_routesPane);
    rl->setContentsMargins(0, 4, 0, 0);
    auto *row = new QHBoxLayout;
    m_routesTitle = new QLabel(tr("Routes:"), m_routesPane);
    m_routesTitle->setObjectName(QStringLiteral("routesTitle"));
    row->addWidget(m_routesTitle);
    row->addWidget(m_routesFilter);
    row->addWidget(m_routesInfo, 1);
    rl->addLayout(row);
    rl->addWidget(m_routesView, 1);

    m_split->addWidget(m_pairsView);
    m_split->addWidget(m_routesPane);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_info);
    layout->addWidget(m_split, 1);

    connect(m_pairsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid() && m_request.kind == QueryKind::BgpStatus)
            showRoutesOf(current.row());
    });
    m_routesPane->hide();
}

SessionComparePanel::~SessionComparePanel() = default;

bool SessionComparePanel::supports(QueryKind kind)
{
    return kind == QueryKind::BgpStatus || kind == QueryKind::LinkStatus || kind == QueryKind::ReceivedRoutes
        || kind == QueryKind::AdvertisedRoutes;
}

bool SessionComparePanel::isBusy() const
{
    return m_comparer && m_comparer->isRunning();
}

const SessionComparisonModel &SessionComparePanel::exportModel() const
{
    return m_routesView->hasFocus() && m_routes->rowCount() > 0 ? *m_routes : *m_pairs;
}

void SessionComparePanel::setRoutesFilter(const QString &filterClass)
{
    const int i = m_routesFilter->findData(filterClass);
    if (i >= 0)
        m_routesFilter->setCurrentIndex(i);
}

void SessionComparePanel::fitColumns(QTableView *view)
{
    // Fit to the contents, but a sentence (the basis, a note) must not push the rest away;
    // the session or link column names both ends and reads in full.
    const int x = view->fontMetrics().horizontalAdvance(QLatin1Char('x'));
    for (int c = 0; c < view->model()->columnCount() && c < 24; ++c) {
        const QString key = view->model()->headerData(c, Qt::Horizontal, SessionComparisonModel::ColumnKeyRole).toString();
        const bool ends = key == QLatin1String("session") || key == QLatin1String("link");
        view->resizeColumnToContents(c);
        view->setColumnWidth(c, qMin(view->columnWidth(c), x * (ends ? 64 : 44)));
    }
}

void SessionComparePanel::showPairs(const PairTable &table, SessionComparisonModel::Kind kind)
{
    m_pairs->setTable(kind, table);
    fitColumns(m_pairsView);
    m_related = false;
    for (const PairTable::Row &r : table.rows)
        m_related = m_related || r.status == QLatin1String("paired");
    const int paired = m_pairs->countStatus(QStringLiteral("paired"));
    const int mismatched = m_pairs->countFilter(QStringLiteral("mismatch"));
    QString text = kind == SessionComparisonModel::Kind::Links
                       ? tr("%n link(s) with both ends among these routers", nullptr, paired)
                       : tr("%n session(s) with both ends among these routers", nullptr, paired);
    text += QStringLiteral(" · ") + tr("%n with a mismatch", nullptr, mismatched);
    const int outside = m_pairs->countStatus(QStringLiteral("peer-outside"));
    if (outside > 0)
        text += QStringLiteral(" · ") + tr("%n with the peer not in this comparison", nullptr, outside);
    const int cannot = m_pairs->countStatus(QStringLiteral("cannot-tell"));
    if (cannot > 0)
        text += QStringLiteral(" · ") + tr("%n where the other end cannot be read", nullptr, cannot);
    if (!table.notes.isEmpty())
        text += QStringLiteral(" · ") + table.notes.join(QStringLiteral("; "));
    m_info->setText(text);
}

void SessionComparePanel::setAnswers(const Request &request, const QList<RouterResult> &parts)
{
    m_stage = Stage::Idle; // what a cancelled run answers is not shown
    if (m_comparer)
        m_comparer->cancel();
    m_request = request;
    m_related = false;
    m_sessions = {};
    m_pairs->clear();
    m_routes->clear();
    m_routesPane->hide();
    m_routesTitle->setText(tr("Routes:"));
    QStringList routers;
    for (const RouterResult &p : parts)
        routers << p.router;
    const QList<Connection> connections = m_service ? m_service->visibleConnections(request.client) : QList<Connection>{};

    switch (request.kind) {
    case QueryKind::BgpStatus: {
        QList<RouterAnswers> answers;
        for (const RouterResult &p : parts) {
            RouterAnswers a;
            a.router = p.router;
            a.bgp = p;
            answers.append(a);
        }
        m_sessions = SessionCompare::bgpSessions(answers, connections);
        showPairs(SessionCompare::table(m_sessions), SessionComparisonModel::Kind::Sessions);
        m_routesPane->setVisible(m_related);
        m_routesInfo->setText(tr("Pick a paired session above to compare what each end advertises with what the other received."));
        emit relationshipsFound(m_related);
        return;
    }
    case QueryKind::LinkStatus:
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes: {
        if (!m_comparer || routers.size() < 2) {
            m_info->setText(tr("Compare two or more routers to see what connects them."));
            emit relationshipsFound(false);
            return;
        }
        const bool links = request.kind == QueryKind::LinkStatus;
        // A link answer filtered to one interface is not the router's whole link table.
        const QList<RouterResult> known = links && request.params.interfaceName.isEmpty() ? parts : QList<RouterResult>{};
        m_stage = links ? Stage::Links : Stage::SessionsAndRoutes;
        m_info->setText(links ? tr("Reading the LLDP neighbors of %1 to find the links between them…").arg(routers.join(QStringLiteral(", ")))
                              : tr("Reading the BGP sessions of %1 and the routes each end sends the other…").arg(routers.join(QStringLiteral(", "))));
        m_comparer->start(links ? SessionComparer::What::Links : SessionComparer::What::Routes, routers, request.client,
                          SupportingAnswerMaxAge, known);
        return;
    }
    default:
        m_info->setText(tr("The session-aware view compares BGP status, link status and routes."));
        emit relationshipsFound(false);
        return;
    }
}

void SessionComparePanel::showRoutesOf(int row)
{
    if (row < 0 || row >= m_sessions.rows.size() || !m_comparer)
        return;
    const SessionRow &s = m_sessions.rows[row];
    m_routesPane->show();
    if (m_stage == Stage::Exchanges) {
        m_stage = Stage::Idle;
        m_comparer->cancel();
    }
    if (m_stage != Stage::Idle)
        return; // the sessions are still being read
    if (s.status != PairStatus::Paired) {
        m_routes->clear();
        m_routesInfo->setText(tr("This session's other end is not among the compared routers: there is nothing to compare its routes with."));
        return;
    }
    SessionComparison one;
    one.routers = m_sessions.routers;
    one.rows = {s};
    const QList<RouteExchange> plan = SessionCompare::planRoutes(one);
    m_stage = Stage::Exchanges;
    m_routes->clear();
    m_routesTitle->setText(tr("Routes between %1 and %2:").arg(s.a.router, s.b.router));
    m_routesInfo->setText(tr("Reading what %1 and %2 send each other…").arg(s.a.router, s.b.router));
    m_comparer->startExchanges(plan, m_request.client, SupportingAnswerMaxAge);
}

void SessionComparePanel::comparerFinished()
{
    const Stage stage = std::exchange(m_stage, Stage::Idle);
    switch (stage) {
    case Stage::Idle:
        return; // cancelled: a newer request took its place
    case Stage::Links:
        showPairs(SessionCompare::table(m_comparer->links()), SessionComparisonModel::Kind::Links);
        emit relationshipsFound(m_related);
        return;
    case Stage::SessionsAndRoutes:
        m_sessions = m_comparer->sessions();
        showPairs(SessionCompare::table(m_sessions), SessionComparisonModel::Kind::Sessions);
        m_routes->setTable(SessionComparisonModel::Kind::Routes, SessionCompare::table(m_comparer->routes()));
        fitColumns(m_routesView);
        m_routesTitle->setText(tr("Routes of every paired session:"));
        m_routesPane->show();
        updateRoutesInfo();
        emit relationshipsFound(m_related);
        return;
    case Stage::Exchanges:
        m_routes->setTable(SessionComparisonModel::Kind::Routes, SessionCompare::table(m_comparer->routes()));
        fitColumns(m_routesView);
        updateRoutesInfo();
        return;
    }
}

void SessionComparePanel::updateRoutesInfo()
{
    const PairTable &t = m_routes->table();
    if (t.rows.isEmpty() && t.notes.isEmpty()) {
        m_routesInfo->setText(tr("No routes in either direction."));
        return;
    }
    QString text = tr("%1 shown of %n prefix(es): %2 sent and received, %3 sent but not received, %4 received but not sent, %5 rejected",
                      nullptr, int(t.rows.size()))
                       .arg(m_routes->rowCount())
                       .arg(m_routes->countStatus(QStringLiteral("both")))
                       .arg(m_routes->countStatus(QStringLiteral("sent-not-received")))
                       .arg(m_routes->countStatus(QStringLiteral("received-not-sent")))
                       .arg(m_routes->countStatus(QStringLiteral("rejected")));
    const int cannot = m_routes->countStatus(QStringLiteral("cannot-tell"));
    if (cannot > 0)
        text += QStringLiteral(", ") + tr("%n cannot tell", nullptr, cannot);
    if (!t.notes.isEmpty())
        text += QStringLiteral(" · ") + t.notes.join(QStringLiteral("; "));
    m_routesInfo->setText(text);
}

} // namespace rl
