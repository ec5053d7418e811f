#include "engine/api/event_log.h"

#include <QMutexLocker>

#include <cstdio>

namespace rl {

QString logLevelName(LogEntry::Level level)
{
    switch (level) {
    case LogEntry::Level::Debug: return QStringLiteral("debug");
    case LogEntry::Level::Info: return QStringLiteral("info");
    case LogEntry::Level::Warning: return QStringLiteral("warning");
    case LogEntry::Level::Error: return QStringLiteral("error");
    }
    return {};
}

EventLog::EventLog()
{
    qRegisterMetaType<rl::LogEntry>();
}

EventLog &EventLog::instance()
{
    static EventLog log;
    return log;
}

void EventLog::add(LogEntry::Level level, const QString &source, const QString &message)
{
    LogEntry entry{QDateTime::currentDateTimeUtc(), level, source, message};
    {
        QMutexLocker lock(&m_mutex);
        m_entries.append(entry);
        if (m_entries.size() > m_capacity)
            m_entries.remove(0, m_entries.size() - m_capacity);
        if (m_echo && level >= m_echoLevel) {
            std::fprintf(stderr, "routerlens: %s: %s: %s\n", qPrintable(logLevelName(level)), qPrintable(source),
                         qPrintable(message));
        }
    }
    Q_EMIT entryAdded(entry);
}

QList<LogEntry> EventLog::history() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries;
}

void EventLog::setCapacity(int entries)
{
    QMutexLocker lock(&m_mutex);
    m_capacity = qMax(1, entries);
}

void EventLog::setEchoLevel(LogEntry::Level level, bool enabled)
{
    QMutexLocker lock(&m_mutex);
    m_echo = enabled;
    m_echoLevel = level;
}

} // namespace rl
