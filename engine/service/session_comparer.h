#pragma once

#include "engine/diagnosis/session_compare.h"

#include <QHash>
#include <QObject>

namespace rl {

class RouterDataService;

// Gathers, through RouterDataService, what a session-aware comparison of some routers reads
// (SessionCompare in engine/diagnosis), then pairs it:
//  - Sessions: bgp-status of every router;
//  - Links: link-status and lldp-neighbors of every router, and the link-status of the
//    connections' interfaces asked by name (a Junos unit is listed only when asked for);
//  - Routes: the sessions first, then for each paired session, family and direction what one
//    end advertises and what the other received.
// Requests are interactive work (a person is waiting), queued, coalesced and throttled like
// any other, and asked as the given client: an external client sees only its own. Answers
// already at hand (a result tab's) are used instead of asking again. `finished` fires exactly
// once per start, also when cancelled.
class SessionComparer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionComparer)

public:
    enum class What : quint8 { Sessions, Links, Routes };

    explicit SessionComparer(RouterDataService &service, QObject *parent = nullptr);
    ~SessionComparer() override;

    // known: answers of one kind already read for (some of) these routers.
    void start(What what, const QStringList &routers, const ClientIdentity &client, qint64 maxAgeSeconds = 0,
               const QList<RouterResult> &known = {});
    // Only the routes of these exchanges (one session a person picked, say).
    void startExchanges(const QList<RouteExchange> &plan, const ClientIdentity &client, qint64 maxAgeSeconds = 0);
    void cancel();
    bool isRunning() const { return m_running; }

    What what() const { return m_what; }
    const QList<RouterAnswers> &answers() const { return m_answers; }
    const SessionComparison &sessions() const { return m_sessions; }
    const LinkComparison &links() const { return m_links; }
    const RouteComparison &routes() const { return m_routes; }

Q_SIGNALS:
    void progress(int done, int total);
    void finished();

private:
    enum class Slot : quint8 { Bgp, Links, ExtraLink, Lldp, Advertised, Received };
    struct Pending {
        Slot slot;
        int index; // ExtraLink: the router; Advertised / Received: the exchange
        QStringList routers;
    };
    void ask(Slot slot, int index, const QStringList &routers, QueryKind kind, const QueryParams &params = {});
    void onResponse(const Response &response);
    void store(const Pending &p, const RouterResult &part);
    void secondRound();
    void finish();
    RouterAnswers *answersOf(const QString &router);

    RouterDataService &m_service;
    What m_what = What::Sessions;
    ClientIdentity m_client;
    qint64 m_maxAge = 0;
    QList<RouterAnswers> m_answers;
    QList<Connection> m_connections;
    QList<RouteExchange> m_exchanges;
    QHash<QString, Pending> m_pending;
    SessionComparison m_sessions;
    LinkComparison m_links;
    RouteComparison m_routes;
    bool m_running = false;
    bool m_secondRoundDone = false;
    int m_done = 0;
    int m_total = 0;
    quint64 m_run = 0;
    int m_seq = 0;
};

} // namespace rl
