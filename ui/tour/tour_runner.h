#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace rl {

class MainWindow;

// The scripted screenshot tour (`routerlens --demo --tour DIR`): selects routers, runs
// queries, opens each view and saves a PNG of it into DIR, then quits.
class TourRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TourRunner)

public:
    TourRunner(MainWindow *window, const QString &dir, QObject *parent = nullptr);
    void start();

private:
    void next();
    void shot(const QString &name, QWidget *widget = nullptr);
    void runAndWait(std::function<QString()> submit);
    void diagnoseAndWait(const QString &connectionId);
    void diagnosisStep(int step);
    // Runs `then` once the current tab's session-aware view has read what it pairs.
    void whenIdle(std::function<void()> then, int waitedMs = 0);

    MainWindow *m_window;
    QString m_dir;
    int m_step = 0;
    QString m_waitingFor;
};

} // namespace rl
