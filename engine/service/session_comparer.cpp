#include "engine/service/session_comparer.h"

#include "engine/service/router_data_service.h"

namespace rl {

SessionComparer::SessionComparer(RouterDataService &service, QObject *parent) : QObject(parent), m_service(service)
{
    connect(&m_service, &RouterDataService::responseReady, this, &SessionComparer::onResponse);
}

SessionComparer::~SessionComparer()
{
    disconnect(&m_service, nullptr, this, nullptr);
    const QStringList ids = m_pending.keys();
    for (const QString &id : ids)
        m_service.cancel(id);
}

RouterAnswers *SessionComparer::answersOf(const QString &router)
{
    for (RouterAnswers &a : m_answers)
        if (a.router == router)
            return &a;
    return nullptr;
}

void SessionComparer::start(What what, const QStringList &routers, const ClientIdentity &client, qint64 maxAgeSeconds,
                            const QList<RouterResult> &known)
{
    cancel();
    ++m_run;
    m_what = what;
    m_client = client;
    m_maxAge = maxAgeSeconds;
    m_answers.clear();
    m_exchanges.clear();
    m_sessions = {};
    m_links = {};
    m_routes = {};
    m_done = m_total = 0;
    m_secondRoundDone = what != What::Routes;
    m_running = true;
    m_connections = m_service.visibleConnections(client);
    for (const QString &name : routers) {
        RouterAnswers a;
        a.router = name;
        if (const Router *r = m_service.inventory().router(name); r && !r->host.isEmpty())
            a.aliases << r->host;
        m_answers.append(a);
    }
    for (const RouterResult &part : known) {
        RouterAnswers *a = answersOf(part.router);
        if (!a)
            continue;
        if (part.records.kind() == QueryKind::BgpStatus)
            a->bgp = part;
        else if (part.records.kind() == QueryKind::LinkStatus)
            a->links = part;
        else if (part.records.kind() == QueryKind::LldpNeighbors)
            a->lldp = part;
    }
    auto missing = [&](RouterResult RouterAnswers::*slot) {
        QStringList out;
        for (const RouterAnswers &a : std::as_const(m_answers))
            if ((a.*slot).router.isEmpty())
                out << a.router;
        return out;
    };
    // One request per router: a router the client may not ask is refused on its own, and the
    // others still answer.
    if (what == What::Sessions || what == What::Routes) {
        for (const QString &router : missing(&RouterAnswers::bgp))
            ask(Slot::Bgp, -1, {router}, QueryKind::BgpStatus);
    } else {
        for (const QString &router : missing(&RouterAnswers::links))
            ask(Slot::Links, -1, {router}, QueryKind::LinkStatus);
        for (const QString &router : missing(&RouterAnswers::lldp))
            ask(Slot::Lldp, -1, {router}, QueryKind::LldpNeighbors);
        // A connection's subinterface, asked by name: a Junos unit is listed only then.
        for (const Connection &c : std::as_const(m_connections)) {
            auto unit = [&](const QString &router, const QString &interfaceName) {
                const int i = int(routers.indexOf(router));
                if (i < 0 || !interfaceName.contains(QLatin1Char('.')))
                    return;
                QueryParams p;
                p.interfaceName = interfaceName;
                ask(Slot::ExtraLink, i, {router}, QueryKind::LinkStatus, p);
            };
            if (routers.contains(c.providerRouter) && routers.contains(c.customerRouter)) {
                unit(c.providerRouter, c.providerInterface);
                unit(c.customerRouter, c.customerInterface);
            }
        }
    }
    emit progress(m_done, m_total);
    if (m_pending.isEmpty())
        secondRound();
}

void SessionComparer::startExchanges(const QList<RouteExchange> &plan, const ClientIdentity &client, qint64 maxAgeSeconds)
{
    cancel();
    ++m_run;
    m_what = What::Routes;
    m_client = client;
    m_maxAge = maxAgeSeconds;
    m_answers.clear();
    m_connections.clear();
    m_exchanges = plan;
    m_sessions = {};
    m_links = {};
    m_routes = {};
    m_done = m_total = 0;
    m_secondRoundDone = true;
    m_running = true;
    for (int i = 0; i < m_exchanges.size(); ++i) {
        const RouteExchange &e = m_exchanges[i];
        ask(Slot::Advertised, i, {e.from}, QueryKind::AdvertisedRoutes, e.advertisedQuery);
        ask(Slot::Received, i, {e.to}, QueryKind::ReceivedRoutes, e.receivedQuery);
    }
    emit progress(m_done, m_total);
    if (m_pending.isEmpty())
        finish();
}

void SessionComparer::ask(Slot slot, int index, const QStringList &routers, QueryKind kind, const QueryParams &params)
{
    if (routers.isEmpty())
        return;
    Request r;
    r.client = m_client;
    r.routers = routers;
    r.kind = kind;
    r.params = params;
    r.maxAgeSeconds = m_maxAge;
    r.urgency = Urgency::Interactive;
    r.id = QStringLiteral("compare-%1-%2").arg(m_run).arg(m_seq++);
    m_pending.insert(r.id, {slot, index, routers});
    ++m_total;
    m_service.submit(r);
}

void SessionComparer::store(const Pending &p, const RouterResult &part)
{
    switch (p.slot) {
    case Slot::Bgp:
    case Slot::Links:
    case Slot::Lldp:
    case Slot::ExtraLink: {
        RouterAnswers *a = p.slot == Slot::ExtraLink ? &m_answers[p.index] : answersOf(part.router);
        if (!a)
            return;
        if (p.slot == Slot::Bgp)
            a->bgp = part;
        else if (p.slot == Slot::Links)
            a->links = part;
        else if (p.slot == Slot::Lldp)
            a->lldp = part;
        else
            a->extraLinks.append(part);
        return;
    }
    case Slot::Advertised:
        m_exchanges[p.index].advertised = part;
        return;
    case Slot::Received:
        m_exchanges[p.index].received = part;
        return;
    }
}

void SessionComparer::onResponse(const Response &response)
{
    const auto it = m_pending.constFind(response.requestId);
    if (it == m_pending.cend())
        return;
    const Pending p = *it;
    m_pending.erase(it);
    if (response.results.isEmpty()) {
        // Refused as a whole: every router it named gets the refusal as its answer.
        const Error e = response.error.isError() ? response.error
                                                 : Error(ErrorCode::InternalError, QStringLiteral("The request was answered without a part."));
        for (const QString &router : p.routers) {
            RouterResult part;
            part.router = router;
            part.records = RecordSet(response.kind);
            part.error = e;
            store(p, part);
        }
    } else {
        for (const RouterResult &part : response.results)
            store(p, part);
    }
    ++m_done;
    emit progress(m_done, m_total);
    if (m_pending.isEmpty())
        secondRound();
}

void SessionComparer::secondRound()
{
    if (!m_running)
        return;
    if (m_secondRoundDone) {
        finish();
        return;
    }
    m_secondRoundDone = true;
    m_sessions = SessionCompare::bgpSessions(m_answers, m_connections);
    m_exchanges = SessionCompare::planRoutes(m_sessions);
    for (int i = 0; i < m_exchanges.size(); ++i) {
        const RouteExchange &e = m_exchanges[i];
        ask(Slot::Advertised, i, {e.from}, QueryKind::AdvertisedRoutes, e.advertisedQuery);
        ask(Slot::Received, i, {e.to}, QueryKind::ReceivedRoutes, e.receivedQuery);
    }
    emit progress(m_done, m_total);
    if (m_pending.isEmpty())
        finish();
}

void SessionComparer::cancel()
{
    if (!m_running)
        return;
    m_secondRoundDone = true; // no routes asked after a cancel
    // Their late answers ("cancelled") are not waited for: what came so far is the result.
    const QStringList ids = m_pending.keys();
    m_pending.clear();
    for (const QString &id : ids)
        m_service.cancel(id);
    finish();
}

void SessionComparer::finish()
{
    if (!m_running)
        return;
    m_running = false;
    switch (m_what) {
    case What::Sessions:
        m_sessions = SessionCompare::bgpSessions(m_answers, m_connections);
        break;
    case What::Links:
        m_links = SessionCompare::links(m_answers, m_connections);
        break;
    case What::Routes:
        if (m_sessions.routers.isEmpty() && !m_answers.isEmpty())
            m_sessions = SessionCompare::bgpSessions(m_answers, m_connections);
        m_routes = SessionCompare::routes(m_exchanges);
        break;
    }
    emit finished();
}

} // namespace rl
