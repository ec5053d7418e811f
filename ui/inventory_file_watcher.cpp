#include "ui/inventory_file_watcher.h"

#include <QDir>
#include <QFileInfo>

namespace rl {

InventoryFileWatcher::InventoryFileWatcher(QObject *parent) : QObject(parent)
{
    m_quiet.setSingleShot(true);
    m_quiet.setInterval(QuietMs);
    connect(&m_quiet, &QTimer::timeout, this, &InventoryFileWatcher::changed);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &InventoryFileWatcher::onFileChanged);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &InventoryFileWatcher::onDirectoryChanged);
}

QStringList InventoryFileWatcher::filesOf(const QString &path)
{
    QStringList files{path};
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (info.completeBaseName() == QLatin1String("hosts") && (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))) {
        for (const char *base : {"groups", "defaults"}) {
            for (const char *ext : {".yaml", ".yml"})
                files << info.dir().filePath(QLatin1String(base) + QLatin1String(ext));
        }
    }
    return files;
}

void InventoryFileWatcher::watch(const QStringList &files)
{
    clear();
    m_files = files;
    QStringList dirs;
    for (const QString &f : files)
        dirs << QFileInfo(f).absolutePath();
    dirs.removeDuplicates();
    m_present = present();
    for (const QString &f : std::as_const(m_present))
        m_watcher.addPath(f);
    for (const QString &d : std::as_const(dirs)) {
        if (QFileInfo(d).isDir())
            m_watcher.addPath(d);
    }
}

void InventoryFileWatcher::clear()
{
    m_quiet.stop();
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_files.clear();
    m_present.clear();
}

QSet<QString> InventoryFileWatcher::present() const
{
    QSet<QString> out;
    for (const QString &f : m_files) {
        if (QFileInfo::exists(f))
            out.insert(f);
    }
    return out;
}

void InventoryFileWatcher::onFileChanged(const QString &path)
{
    // Replaced by a rename (or removed): the watch is on the old file, or ended with it. A
    // fresh watch follows the file now at the path.
    m_watcher.removePath(path);
    if (QFileInfo::exists(path))
        m_watcher.addPath(path);
    m_present = present();
    m_quiet.start();
}

void InventoryFileWatcher::onDirectoryChanged()
{
    // Any file in the folder: only one of ours appearing or going counts.
    const QSet<QString> now = present();
    if (now == m_present)
        return;
    const QStringList watched = m_watcher.files();
    for (const QString &f : now) {
        if (!watched.contains(f))
            m_watcher.addPath(f);
    }
    m_present = now;
    m_quiet.start();
}

} // namespace rl
