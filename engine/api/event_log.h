#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QString>

namespace rl {

struct LogEntry {
    enum class Level : quint8 { Debug, Info, Warning, Error };
    QDateTime at;
    Level level = Level::Info;
    QString source;   // "scheduler", "ssh:lab-frr", ...
    QString message;  // never a secret: callers pass no credentials
};
QString logLevelName(LogEntry::Level level);

// The application log. Callable from any thread; keeps the recent history so a view that
// opens late can replay it, then follow `entryAdded` (queued to the receiver's thread).
class EventLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLog)

public:
    static EventLog &instance();

    void add(LogEntry::Level level, const QString &source, const QString &message);
    void debug(const QString &source, const QString &message) { add(LogEntry::Level::Debug, source, message); }
    void info(const QString &source, const QString &message) { add(LogEntry::Level::Info, source, message); }
    void warning(const QString &source, const QString &message) { add(LogEntry::Level::Warning, source, message); }
    void error(const QString &source, const QString &message) { add(LogEntry::Level::Error, source, message); }

    QList<LogEntry> history() const;
    void setCapacity(int entries);
    // Also print entries at or above this level to stderr (the CLI uses Warning).
    void setEchoLevel(LogEntry::Level level, bool enabled);

Q_SIGNALS:
    void entryAdded(const rl::LogEntry &entry);

private:
    EventLog();

    mutable QMutex m_mutex;
    QList<LogEntry> m_entries;
    int m_capacity = 5000;
    bool m_echo = false;
    LogEntry::Level m_echoLevel = LogEntry::Level::Warning;
};

} // namespace rl

Q_DECLARE_METATYPE(rl::LogEntry)
