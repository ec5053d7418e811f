#pragma once

#include "engine/api/request.h"
#include "engine/diagnosis/diagnosis_changes.h"
#include "engine/inventory/inventory.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QModelIndex>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace rl {

class ConnectionDiagnoser;
class DiagnosisMapView;
class DiagnosisModel;
class RecordTableModel;
class RouterDataService;

// One connection's diagnosis: the likely cause and its advice in one sentence at the top, the
// map of both ends and every layer, and below the chosen cell its finding, advice, evidence
// and the records it read (openable as a normal result tab). "Watch" runs it again every N
// seconds with live answers and logs what changed. Exports an HTML report and CSV.
class DiagnosisTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosisTab)

public:
    // service may be null (a result is then only shown through setResult).
    DiagnosisTab(RouterDataService *service, const Connection &connection, const ClientIdentity &client, QWidget *parent = nullptr);
    ~DiagnosisTab() override;

    QString connectionId() const { return m_connection.id; }
    // Who the runs ask as. A change stops watching and cancels a run of the old client.
    void setClient(const ClientIdentity &client);
    const ClientIdentity &client() const { return m_client; }
    // The connection as the inventory now has it (a reload). A change stops watching and cancels
    // a run made for the old one; the last result stays on screen until the next run.
    void setConnection(const Connection &connection);
    const Connection &connection() const { return m_connection; }
    // Starts a run unless one is running (returns false then, or without a service).
    bool run();
    bool isRunning() const;
    // Shows a result as if a run had just ended: the map, the cause, the changes since the last one.
    void setResult(const DiagnosisResult &result);
    bool hasResult() const { return m_hasResult; }
    const DiagnosisResult &result() const;

    // Watch: runs again every `seconds` (at least MinWatchSeconds); a tick that comes while a
    // run is still going is skipped, so runs never pile up.
    static constexpr int MinWatchSeconds = 5;
    static constexpr int DefaultWatchSeconds = 30;
    void setWatching(bool on);
    bool isWatching() const;
    void setWatchInterval(int seconds);
    int watchInterval() const;
    int skippedTicks() const { return m_skippedTicks; }
    int runCount() const { return m_runs; }
    // Stops watching and cancels a run (the tab is closing).
    void stop();

    void selectStep(int step);
    int selectedStep() const { return m_step; }
    QList<DiagnosisChange> lastChanges() const { return m_lastChanges; }

    bool exportHtml(const QString &path, QString *error = nullptr) const;
    bool exportCsv(const QString &path, QString *error = nullptr) const;

    DiagnosisModel *model() const { return m_model; }
    DiagnosisMapView *mapView() const { return m_map; }
    RecordTableModel *evidenceModel() const { return m_evidence; }
    QTableWidget *changeLog() const { return m_log; }
    QTabWidget *pages() const { return m_pages; } // "Records read", "Changes"
    QLabel *summaryLabel() const { return m_summary; }

public Q_SLOTS:
    void exportHtmlInteractive();
    void exportCsvInteractive();
    // Opens the chosen step's records (of the chosen kind) as a result tab.
    void openEvidence();
    // One tick of the watch timer: a run, or nothing (counted) while one is still going.
    void watchTick();

Q_SIGNALS:
    void finished(const QString &connectionId);
    void openRecordsRequested(const rl::Request &request, const QList<rl::RouterResult> &parts);

protected:
    bool event(QEvent *event) override;

private:
    void buildUi();
    QWidget *buildDetails();
    void onFinished(const QList<DiagnosisResult> &results);
    void onProgress(int done, int total);
    void showStep(const QModelIndex &index);
    void showEvidenceKind();
    void updateSummary();
    void logChanges(const QList<DiagnosisChange> &changes, const QDateTime &when);
    QString changeText(const DiagnosisChange &change) const;
    bool writeFile(const QString &path, const QByteArray &data, QString *error) const;

    RouterDataService *m_service;
    Connection m_connection;
    ClientIdentity m_client;
    ConnectionDiagnoser *m_diagnoser = nullptr;
    DiagnosisModel *m_model;
    RecordTableModel *m_evidence;
    bool m_hasResult = false;
    bool m_discardRun = false; // the running diagnosis was cancelled: its answers are no result
    int m_step = -1;
    QString m_stepKey; // layer|end of the chosen step, kept across runs
    QList<DiagnosisChange> m_lastChanges;
    QTimer m_watchTimer;
    int m_skippedTicks = 0;
    int m_runs = 0;
    QElapsedTimer m_runClock;
    QDateTime m_lastRunAt;
    qint64 m_lastRunMs = -1;
    QString m_progressText;

    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_runButton = nullptr;
    QCheckBox *m_watch = nullptr;
    QSpinBox *m_interval = nullptr;
    DiagnosisMapView *m_map = nullptr;
    QScrollArea *m_scroll = nullptr;
    QSplitter *m_split = nullptr;
    bool m_splitPlaced = false;
    QTabWidget *m_pages = nullptr;
    QLabel *m_detail = nullptr;
    QComboBox *m_kinds = nullptr;
    QTableView *m_evidenceView = nullptr;
    QPushButton *m_openEvidence = nullptr;
    QTableWidget *m_log = nullptr;
};

} // namespace rl
