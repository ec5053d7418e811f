#include "engine/service/connection_diagnoser.h"

#include "engine/service/remote_engine.h"
#include "engine/service/router_data_service.h"

#include <algorithm>

namespace rl {

ConnectionDiagnoser::ConnectionDiagnoser(RouterDataService &service, QObject *parent) : QObject(parent), m_service(service)
{
    m_secondRound.setSingleShot(true);
    connect(&m_secondRound, &QTimer::timeout, this, [this] { submitRound(true); });
    connect(&m_service, &RouterDataService::responseReady, this, &ConnectionDiagnoser::onResponse);
}

ConnectionDiagnoser::~ConnectionDiagnoser()
{
    disconnect(&m_service, nullptr, this, nullptr);
    if (RemoteEngine *remote = m_service.remote(); remote && !m_remoteId.isEmpty()) {
        disconnect(remote, nullptr, this, nullptr);
        remote->cancelDiagnosis(m_remoteId);
    }
    const QStringList ids = m_pending.keys();
    for (const QString &id : ids)
        m_service.cancel(id);
}

void ConnectionDiagnoser::start(const QList<Connection> &connections, const ClientIdentity &client, qint64 maxAgeSeconds, int secondReadMs)
{
    cancel();
    ++m_run;
    if (RemoteEngine *remote = m_service.remote())
        return startRemote(*remote, connections, maxAgeSeconds, secondReadMs);
    m_connections = connections;
    m_client = client;
    m_maxAge = maxAgeSeconds;
    m_secondReadMs = secondReadMs < 0 ? m_service.settings().diagnosisSecondReadMs : secondReadMs;
    m_evidence = QList<ConnectionEvidence>(connections.size());
    m_plans.clear();
    m_done = 0;
    m_total = 0;
    m_secondSent = false;
    m_followUpsSent = false;
    m_firstRoundLeft = 0;
    m_running = true;
    const QStringList visible = m_service.visibleRouters(client);
    // An external client has a connection diagnosed only when it may see it exactly as given:
    // for another customer's connection (or its own, altered) nothing is asked of a router, and
    // its result says so (cannot-check), never OK.
    const QList<Connection> mine = m_service.visibleConnections(client);
    m_refused.clear();
    for (const Connection &c : connections) {
        if (client.role == Role::External && !mine.contains(c)) {
            m_refused.insert(int(m_plans.size()));
            m_plans.append(QList<PlannedRequest>{});
            continue;
        }
        QList<PlannedRequest> plan = ConnectionDiagnosis::plan(c, client, visible.contains(c.customerRouter));
        if (m_secondReadMs <= 0)
            plan.removeIf([](const PlannedRequest &p) { return p.secondRead; });
        m_total += int(plan.size());
        m_plans.append(plan);
    }
    for (int ci = 0; ci < connections.size(); ++ci) {
        m_evidence[ci].provider.router = connections[ci].providerRouter;
        for (const PlannedRequest &p : std::as_const(m_plans[ci]))
            if (p.end == ConnectionEnd::Customer)
                m_evidence[ci].customer.router = connections[ci].customerRouter;
    }
    emit progress(0, m_total);
    m_firstRead.start();
    submitRound(false);
    if (m_firstRoundLeft == 0 && !m_followUpsSent)
        submitFollowUps();
    if (m_secondReadMs > 0)
        m_secondRound.start(m_secondReadMs);
    else
        m_secondSent = true;
    if (m_pending.isEmpty() && m_secondSent && m_followUpsSent)
        finish();
}

void ConnectionDiagnoser::submitPlanned(int connection, const PlannedRequest &p, const QString &id, qint64 maxAge)
{
    Request r = p.request;
    r.maxAgeSeconds = maxAge;
    r.id = id;
    m_pending.insert(r.id, {connection, p.end, p.slot, !p.secondRead && p.about.isEmpty()});
    m_service.submit(r);
}

void ConnectionDiagnoser::submitRound(bool second)
{
    if (!m_running)
        return;
    if (second) {
        m_secondSent = true;
        for (ConnectionEvidence &e : m_evidence)
            e.secondsBetweenReads = double(m_firstRead.elapsed()) / 1000.0;
    }
    if (!second) // counted before any is sent: an answer from the store may arrive at once
        for (const QList<PlannedRequest> &plan : std::as_const(m_plans))
            m_firstRoundLeft += int(std::count_if(plan.cbegin(), plan.cend(), [](const PlannedRequest &p) { return !p.secondRead; }));
    int n = 0;
    for (int ci = 0; ci < m_plans.size(); ++ci) {
        for (const PlannedRequest &p : std::as_const(m_plans[ci])) {
            if (p.secondRead != second)
                continue;
            // the second read must be fresh to show a rate
            submitPlanned(ci, p, QStringLiteral("diagnosis-%1-%2-%3").arg(m_run).arg(ci).arg(n++) + (second ? QStringLiteral("b") : QString()),
                          second ? 0 : m_maxAge);
        }
    }
    if (m_pending.isEmpty() && m_secondSent && m_followUpsSent)
        finish();
}

// The route lookups need the first round's routes to know which customer prefix to look up.
void ConnectionDiagnoser::submitFollowUps()
{
    m_followUpsSent = true;
    if (!m_running)
        return;
    for (int ci = 0; ci < m_connections.size(); ++ci) {
        const QList<PlannedRequest> more = ConnectionDiagnosis::followUp(m_connections[ci], m_evidence[ci], m_client);
        int n = 0;
        for (const PlannedRequest &p : more) {
            (p.slot == EvidenceSlot::Lookup6 ? m_evidence[ci].provider.lookupPrefix6 : m_evidence[ci].provider.lookupPrefix) = p.about;
            ++m_total;
            submitPlanned(ci, p, QStringLiteral("diagnosis-%1-%2-f%3").arg(m_run).arg(ci).arg(n++), m_maxAge);
        }
    }
    emit progress(m_done, m_total);
}

void ConnectionDiagnoser::onResponse(const Response &response)
{
    const auto it = m_pending.constFind(response.requestId);
    if (it == m_pending.cend())
        return;
    const Pending p = *it;
    m_pending.erase(it);
    ConnectionEvidence &e = m_evidence[p.connection];
    RouterResult part = response.results.value(0);
    if (response.error.isError() || part.router.isEmpty()) {
        part.router = p.end == ConnectionEnd::Customer ? m_connections[p.connection].customerRouter : m_connections[p.connection].providerRouter;
        part.error = response.error.isError() ? response.error : Error(ErrorCode::InternalError, QStringLiteral("The request was answered without a part."));
    }
    ConnectionDiagnosis::slot(e, p.end, p.slot) = part;
    ++m_done;
    emit progress(m_done, m_total);
    if (p.firstRound && --m_firstRoundLeft == 0 && !m_followUpsSent)
        submitFollowUps();
    if (m_pending.isEmpty() && m_secondSent && m_followUpsSent)
        finish();
}

void ConnectionDiagnoser::startRemote(RemoteEngine &remote, const QList<Connection> &connections, qint64 maxAgeSeconds,
                                      int secondReadMs)
{
    // The service diagnoses, as the client its token names; here only the answer is read.
    m_connections = connections;
    m_running = true;
    m_done = 0;
    m_total = int(connections.size());
    QStringList ids;
    for (const Connection &c : connections)
        ids << c.id;
    if (secondReadMs < 0)
        secondReadMs = m_service.settings().diagnosisSecondReadMs;
    disconnect(&remote, nullptr, this, nullptr);
    connect(&remote, &RemoteEngine::diagnosisProgress, this, [this](const QString &id, int done, int total) {
        if (id == m_remoteId)
            emit progress(done, total);
    });
    connect(&remote, &RemoteEngine::diagnosisFinished, this,
            [this](const QString &id, const QList<DiagnosisResult> &results, const Error &error) {
                if (id == m_remoteId)
                    finishRemote(results, error);
            });
    m_remoteId = remote.diagnose(ids, maxAgeSeconds, secondReadMs);
}

void ConnectionDiagnoser::finishRemote(const QList<DiagnosisResult> &results, const Error &error)
{
    m_remoteId.clear();
    m_running = false;
    if (!error) {
        emit finished(results);
        return;
    }
    // Not diagnosed: each connection says why, as "could not ask", never OK.
    QList<DiagnosisResult> unanswered;
    for (const Connection &c : std::as_const(m_connections)) {
        DiagnosisResult r;
        r.connection = c;
        DiagnosisStep s;
        s.layer = QStringLiteral("management");
        s.router = c.providerRouter;
        s.verdict = Verdict::CannotCheck;
        s.finding = error.message;
        s.advice = error.code == ErrorCode::Cancelled ? QStringLiteral("Run the diagnosis again when you want its answer.")
                                                      : QStringLiteral("Run the diagnosis again once the RouterLens service answers.");
        s.evidence = error.codeName();
        r.steps.append(s);
        unanswered.append(r);
    }
    emit finished(unanswered);
}

void ConnectionDiagnoser::cancel()
{
    if (!m_running)
        return;
    if (!m_remoteId.isEmpty()) {
        if (RemoteEngine *remote = m_service.remote())
            remote->cancelDiagnosis(m_remoteId);
        finishRemote({}, Error(ErrorCode::Cancelled, QStringLiteral("The diagnosis was cancelled.")));
        return;
    }
    const QStringList ids = m_pending.keys(); // a cancel may answer at once
    for (const QString &id : ids)
        m_service.cancel(id);
    // cancelled requests still answer (with "cancelled"); those answers fill the evidence.
    m_secondRound.stop();
    m_secondSent = true;
    m_followUpsSent = true; // nothing more goes out
    if (m_pending.isEmpty())
        finish();
}

void ConnectionDiagnoser::finish()
{
    if (!m_running)
        return;
    m_running = false;
    m_secondRound.stop();
    QList<DiagnosisResult> results;
    for (int ci = 0; ci < m_connections.size(); ++ci) {
        if (!m_refused.contains(ci)) {
            results.append(ConnectionDiagnosis::evaluate(m_connections[ci], m_evidence[ci]));
            continue;
        }
        DiagnosisResult refused;
        refused.connection = m_connections[ci];
        DiagnosisStep s;
        s.layer = QStringLiteral("management");
        s.router = m_connections[ci].providerRouter;
        s.verdict = Verdict::CannotCheck;
        s.finding = QStringLiteral("Connection \"%1\" is not one of the connections this client may see; nothing "
                                   "was asked.").arg(m_connections[ci].id);
        s.advice = QStringLiteral("Diagnose your own connections (routerlens-cli diagnose --all lists them).");
        s.evidence = errorCodeName(ErrorCode::Forbidden);
        refused.steps.append(s);
        results.append(refused);
    }
    emit finished(results);
}

} // namespace rl
