#pragma once

#include "engine/api/request.h"
#include "engine/diagnosis/session_compare.h"
#include "ui/models/session_comparison_model.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSplitter;
class QTableView;

namespace rl {

class RouterDataService;
class SessionComparer;

// The session-aware side by side of a result tab: the relationships between the compared
// routers instead of rows aligned by key.
//  - bgp-status: each session once with both ends on one row (from the tab's answers); pick a
//    paired session to see below what each end advertises against what the other received;
//  - link-status: each link once, both ends (LLDP and connections are read for it);
//  - received / advertised routes: the sessions between the routers (read for it) and the
//    routes of every paired session.
// The routes can be filtered to "sent but not received", "received but not sent", ...
class SessionComparePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionComparePanel)

public:
    SessionComparePanel(RouterDataService *service, QWidget *parent = nullptr);
    ~SessionComparePanel() override;

    // Whether a session-aware view exists for this kind of answer.
    static bool supports(QueryKind kind);
    // The tab's answers of the compared routers (at least two).
    void setAnswers(const Request &request, const QList<RouterResult> &parts);
    // Some of the compared routers peer with each other or share a link.
    bool hasRelationships() const { return m_related; }

    SessionComparisonModel *pairsModel() const { return m_pairs; }
    SessionComparisonModel *routesModel() const { return m_routes; }
    QTableView *pairsView() const { return m_pairsView; }
    QTableView *routesView() const { return m_routesView; }
    // The model export reads: the routes when they have the focus, else the pairs.
    const SessionComparisonModel &exportModel() const;
    // Routes of the paired session on this row of the pairs view (bgp-status).
    void showRoutesOf(int row);
    // The routes filter: "" (all), "sent-not-received", "received-not-sent", "rejected", "mismatch".
    void setRoutesFilter(const QString &filterClass);
    bool isBusy() const;

Q_SIGNALS:
    // After each new set of answers is paired: whether any relationship was found.
    void relationshipsFound(bool any);

private:
    enum class Stage : quint8 { Idle, Links, SessionsAndRoutes, Exchanges };
    void showPairs(const PairTable &table, SessionComparisonModel::Kind kind);
    void comparerFinished();
    void updateRoutesInfo();
    void fitColumns(QTableView *view);

    RouterDataService *m_service;
    SessionComparer *m_comparer = nullptr;
    Stage m_stage = Stage::Idle;
    Request m_request;
    SessionComparison m_sessions;
    bool m_related = false;
    SessionComparisonModel *m_pairs;
    SessionComparisonModel *m_routes;
    QTableView *m_pairsView;
    QTableView *m_routesView;
    QLabel *m_info;
    QLabel *m_routesInfo;
    QLabel *m_routesTitle = nullptr;
    QComboBox *m_routesFilter;
    QSplitter *m_split;
    QWidget *m_routesPane;
};

} // namespace rl
