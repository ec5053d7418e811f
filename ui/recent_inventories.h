#pragma once

#include <QList>
#include <QString>

#include <optional>

class QSettings;

namespace rl {

// The inventories opened last, newest first (File > Open Recent), kept in the settings under
// inventory/recent. The first is the one the window opens again at start.
class RecentInventories
{
public:
    static constexpr int MaxEntries = 8;

    struct Entry {
        QString path;   // absolute
        QString format; // as Inventory::loadFile takes it; empty: by extension
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    explicit RecentInventories(QSettings &settings);

    QList<Entry> entries() const;
    std::optional<Entry> last() const;
    // Puts the path first (once), dropping the oldest beyond MaxEntries.
    void add(const QString &path, const QString &format);
    void remove(const QString &path);
    // Forgets the entries whose file no longer exists; returns how many.
    int removeMissing();
    void clear();

private:
    void write(const QList<Entry> &entries);

    QSettings &m_settings;
};

} // namespace rl
