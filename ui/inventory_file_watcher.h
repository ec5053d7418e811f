#pragma once

#include <QFileSystemWatcher>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace rl {

// Watches the files an inventory was read from and says, once, when they changed. Editors
// save by writing a new file and renaming it over the old one, which ends a watch on the old
// file: the watcher adds the path again, and watches the folders too so that a file that
// was gone for a moment is seen when it comes back. Changes that come in a burst (a save in
// several writes, several files) are reported once, after a short quiet time.
class InventoryFileWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InventoryFileWatcher)

public:
    static constexpr int QuietMs = 300;

    explicit InventoryFileWatcher(QObject *parent = nullptr);

    // The files to watch (those absent now are watched for appearing); replaces the last set.
    void watch(const QStringList &files);
    void clear();
    QStringList files() const { return m_files; }

    // The files an inventory at `path` is read from: the file itself and, for a Nornir
    // hosts.yaml/.yml, the groups and defaults files beside it (Inventory::loadNornirFiles).
    static QStringList filesOf(const QString &path);

Q_SIGNALS:
    void changed();

private:
    void onFileChanged(const QString &path);
    void onDirectoryChanged();
    QSet<QString> present() const;

    QFileSystemWatcher m_watcher;
    QTimer m_quiet;
    QStringList m_files;
    QSet<QString> m_present; // which of m_files existed when last looked at
};

} // namespace rl
