#pragma once

#include "engine/diagnosis/connection_diagnosis.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace rl {

class RemoteEngine;
class RouterDataService;

// Runs the diagnosis of one or more connections through RouterDataService: every request of
// both ends at once (the engine queues, coalesces and throttles them; diagnosis is interactive
// work), then the counters a second time a few seconds later, then the verdicts. Lives in the
// thread of the service; `finished` fires exactly once, also when cancelled.
class ConnectionDiagnoser final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDiagnoser)

public:
    ConnectionDiagnoser(RouterDataService &service, QObject *parent = nullptr);
    ~ConnectionDiagnoser() override;

    // secondReadMs < 0: the service's setting (diagnosis/secondReadMs); 0: read once.
    void start(const QList<Connection> &connections, const ClientIdentity &client, qint64 maxAgeSeconds = 0, int secondReadMs = -1);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const QList<rl::DiagnosisResult> &results);

private:
    struct Pending {
        int connection;
        ConnectionEnd end;
        EvidenceSlot slot;
        bool firstRound;
    };
    void onResponse(const Response &response);
    void submitRound(bool second);
    void submitFollowUps();
    void submitPlanned(int connection, const PlannedRequest &p, const QString &id, qint64 maxAge);
    void finish();
    // Remote mode: the service runs the diagnosis (POST /v1/diagnoses).
    void startRemote(RemoteEngine &remote, const QList<Connection> &connections, qint64 maxAgeSeconds, int secondReadMs);
    void finishRemote(const QList<DiagnosisResult> &results, const Error &error);

    RouterDataService &m_service;
    QList<Connection> m_connections;
    QList<ConnectionEvidence> m_evidence;
    QList<QList<PlannedRequest>> m_plans;
    QSet<int> m_refused; // connections the client may not see: nothing asked, cannot-check
    QHash<QString, Pending> m_pending;
    ClientIdentity m_client;
    qint64 m_maxAge = 0;
    int m_secondReadMs = 0;
    int m_done = 0;
    int m_total = 0;
    bool m_running = false;
    bool m_secondSent = false;
    bool m_followUpsSent = false;
    int m_firstRoundLeft = 0; // first-round answers still missing; then the follow-ups go out
    QTimer m_secondRound;
    QElapsedTimer m_firstRead;
    quint64 m_run = 0;
    QString m_remoteId; // the service's diagnosis while it runs (remote mode)
};

} // namespace rl
