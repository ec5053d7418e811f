#include "ui/recent_inventories.h"

#include <QFileInfo>
#include <QSettings>

namespace rl {

namespace {
const QString Group = QStringLiteral("inventory/recent");
const QString PathKey = QStringLiteral("path");
const QString FormatKey = QStringLiteral("format");
} // namespace

RecentInventories::RecentInventories(QSettings &settings) : m_settings(settings)
{
}

QList<RecentInventories::Entry> RecentInventories::entries() const
{
    QList<Entry> out;
    const int n = m_settings.beginReadArray(Group);
    for (int i = 0; i < n && out.size() < MaxEntries; ++i) {
        m_settings.setArrayIndex(i);
        Entry e{m_settings.value(PathKey).toString(), m_settings.value(FormatKey).toString()};
        if (!e.path.isEmpty())
            out.append(e);
    }
    m_settings.endArray();
    return out;
}

std::optional<RecentInventories::Entry> RecentInventories::last() const
{
    const QList<Entry> all = entries();
    if (all.isEmpty())
        return std::nullopt;
    return all.first();
}

void RecentInventories::add(const QString &path, const QString &format)
{
    QList<Entry> all = entries();
    all.removeIf([&](const Entry &e) { return e.path == path; });
    all.prepend(Entry{path, format});
    while (all.size() > MaxEntries)
        all.removeLast();
    write(all);
}

void RecentInventories::remove(const QString &path)
{
    QList<Entry> all = entries();
    if (all.removeIf([&](const Entry &e) { return e.path == path; }))
        write(all);
}

int RecentInventories::removeMissing()
{
    QList<Entry> all = entries();
    const auto n = all.removeIf([](const Entry &e) { return !QFileInfo::exists(e.path); });
    if (n)
        write(all);
    return int(n);
}

void RecentInventories::clear()
{
    write({});
}

void RecentInventories::write(const QList<Entry> &entries)
{
    m_settings.remove(Group);
    m_settings.beginWriteArray(Group, int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(PathKey, entries[i].path);
        if (!entries[i].format.isEmpty())
            m_settings.setValue(FormatKey, entries[i].format);
    }
    m_settings.endArray();
}

} // namespace rl
