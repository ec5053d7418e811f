// Inventories in the window: File > Open inventory (through openInventory, the dialog's code
// path), a broken file's error with file and line while the routers stay, a file changed on
// disk reloaded (also when an editor replaces it), Open Recent, the inventory opened last at
// start, a file dropped on the window, and warnings. Settings in a private folder.
#include "engine/service/router_data_service.h"
#include "ui/main_window.h"
#include "ui/widgets/diagnosis_tab.h"
#include "ui/widgets/inventory_panel.h"
#include "ui/widgets/result_tab.h"
#include "ui/widgets/message_banner.h"

#include <QAction>
#include <QApplication>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QSaveFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>

using namespace rl;

namespace {

// A RouterLens JSON inventory of routers named r-<name>, one router per line from line 3 on.
QByteArray inventoryJson(const QStringList &names, const QByteArray &extra = {})
{
    QByteArray out = "{\"version\": 1,\n \"routers\": [\n";
    for (int i = 0; i < names.size(); ++i) {
        out += "  {\"name\": \"r-" + names[i].toUtf8() + "\", \"host\": \"198.51.100." + QByteArray::number(10 + i) +
               "\", \"platform\": \"frr\", \"tags\": {\"site\": \"lab\"}}";
        out += i + 1 < names.size() || !extra.isEmpty() ? ",\n" : "\n";
    }
    out += extra;
    out += " ]}\n";
    return out;
}

// Line 3 names a platform RouterLens does not know.
const QByteArray kBroken = "{\"version\": 1,\n \"routers\": [\n"
                           "  {\"name\": \"r-bad\", \"host\": \"198.51.100.66\", \"platform\": \"no-such-os\"}\n ]}\n";

bool writeInPlace(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// As editors save: a new file renamed over the old one.
bool replaceFile(const QString &path, const QByteArray &data)
{
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size() && f.commit();
}

QStringList shownRouters(MainWindow *window)
{
    QStringList out;
    const auto *tree = window->inventoryPanel()->findChild<QTreeView *>();
    const QAbstractItemModel *m = tree->model();
    for (int g = 0; g < m->rowCount(); ++g) {
        const QModelIndex group = m->index(g, 0);
        for (int r = 0; r < m->rowCount(group); ++r)
            out << m->index(r, 0, group).data().toString();
    }
    out.removeDuplicates();
    out.sort();
    return out;
}

QList<QAction *> recentEntries(MainWindow *window)
{
    QMenu *menu = window->recentInventoriesMenu();
    Q_EMIT menu->aboutToShow(); // as when it opens: rebuilt from the settings
    QList<QAction *> out;
    for (QAction *a : menu->actions()) {
        if (!a->data().toString().isEmpty())
            out << a;
    }
    return out;
}

QAction *recentCommand(MainWindow *window, const QString &text)
{
    for (QAction *a : window->recentInventoriesMenu()->actions()) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

} // namespace

class TestInventoryFilesWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void openShowsTheRouters();
    void brokenFileKeepsTheRoutersAndSaysWhere();
    void changedOnDiskIsReloaded();
    void failedReloadKeepsTheRoutersAndIsMarked();
    void openRecentListsTheFiles();
    void startsWithTheInventoryOpenedLast();
    void emptyWindowSaysWhatToDo();
    void droppedFileOpens();
    void warningsAreShown();
    void fromTheDemoLabToAFileKeepsTheTabs();

private:
    QString file(const QString &name, const QByteArray &data);
    void newWindow();

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<RouterDataService> m_service;
    std::unique_ptr<MainWindow> m_window;
};

void TestInventoryFilesWindow::initTestCase()
{
    Q_INIT_RESOURCE(ui);
    QVERIFY(m_settingsDir.isValid());
    // Never the person's own settings (their recent inventories least of all).
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("RouterLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_inventory_files_window"));
}

void TestInventoryFilesWindow::init()
{
    QSettings().clear();
    m_files = std::make_unique<QTemporaryDir>();
    QVERIFY(m_files->isValid());
    newWindow();
}

void TestInventoryFilesWindow::cleanup()
{
    m_window.reset();
    m_service.reset();
    m_files.reset();
}

void TestInventoryFilesWindow::newWindow()
{
    m_window.reset();
    m_service.reset();
    EngineSettings s = EngineSettings::defaults();
    s.storePath = QStringLiteral(":memory:");
    m_service = std::make_unique<RouterDataService>(s);
    m_window = std::make_unique<MainWindow>(m_service.get());
    m_window->show();
}

QString TestInventoryFilesWindow::file(const QString &name, const QByteArray &data)
{
    const QString path = m_files->filePath(name);
    if (!writeInPlace(path, data))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestInventoryFilesWindow::openShowsTheRouters()
{
    const QString path = file(QStringLiteral("noc.json"), inventoryJson({"par", "fra"}));
    QVERIFY(m_window->openInventory(path));
    QCOMPARE(shownRouters(m_window.get()), QStringList({"r-fra", "r-par"}));
    QCOMPARE(m_window->inventoryPath(), path);
    QVERIFY2(m_window->windowTitle().contains(QStringLiteral("noc.json")), qPrintable(m_window->windowTitle()));
    QVERIFY(!m_window->messageBanner()->isVisible()); // the "nothing open" hint went with it
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("reloadInventoryAction"))->isEnabled());
}

void TestInventoryFilesWindow::brokenFileKeepsTheRoutersAndSaysWhere()
{
    const QString good = file(QStringLiteral("noc.json"), inventoryJson({"par", "fra"}));
    const QString broken = file(QStringLiteral("broken.json"), kBroken);
    QVERIFY(m_window->openInventory(good));
    QVERIFY(!m_window->openInventory(broken));
    MessageBanner *banner = m_window->messageBanner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->level(), MessageBanner::Level::Error);
    QVERIFY2(banner->plainText().contains(QStringLiteral("broken.json, line 3")), qPrintable(banner->plainText()));
    QVERIFY2(banner->plainText().contains(QStringLiteral("no-such-os")), qPrintable(banner->plainText()));
    QVERIFY2(banner->plainText().contains(QStringLiteral("The routers shown stay as they were.")), qPrintable(banner->plainText()));
    QCOMPARE(shownRouters(m_window.get()), QStringList({"r-fra", "r-par"}));
    QCOMPARE(m_service->inventory().routerNames(), QStringList({"r-par", "r-fra"}));
    QCOMPARE(m_window->inventoryPath(), good); // still the file shown and watched
    QVERIFY(banner->buttonActions().contains(m_window->findChild<QAction *>(QStringLiteral("openInventoryAction"))));
    // A broken file is not remembered as one to open again.
    const QList<QAction *> recent = recentEntries(m_window.get());
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent.first()->data().toString(), good);
}

void TestInventoryFilesWindow::changedOnDiskIsReloaded()
{
    const QString path = file(QStringLiteral("noc.json"), inventoryJson({"par", "fra"}));
    QVERIFY(m_window->openInventory(path));
    // A result tab (a query with no router checked, refused at once) must outlive reloads.
    m_window->runQuery(QueryKind::BgpStatus, {}, 0);
    QCOMPARE(m_window->resultTabs()->count(), 1);
    m_window->inventoryPanel()->setChecked({QStringLiteral("r-par")});

    QVERIFY(writeInPlace(path, inventoryJson({"par", "fra", "ams"})));
    QTRY_COMPARE(shownRouters(m_window.get()), QStringList({"r-ams", "r-fra", "r-par"}));
    QCOMPARE(m_window->inventoryPanel()->checkedRouters(), QStringList({"r-par"})); // still checked
    // Replaced twice the way editors save: the watch follows the new file each time.
    QVERIFY(replaceFile(path, inventoryJson({"par"})));
    QTRY_COMPARE(shownRouters(m_window.get()), QStringList({"r-par"}));
    QVERIFY(replaceFile(path, inventoryJson({"par", "lon"})));
    QTRY_COMPARE(shownRouters(m_window.get()), QStringList({"r-lon", "r-par"}));
    QCOMPARE(m_window->resultTabs()->count(), 1);
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("inventoryNotReloaded"))->isVisible());
}

void TestInventoryFilesWindow::failedReloadKeepsTheRoutersAndIsMarked()
{
    const QString path = file(QStringLiteral("noc.json"), inventoryJson({"par", "fra"}));
    QVERIFY(m_window->openInventory(path));
    auto *mark = m_window->findChild<QLabel *>(QStringLiteral("inventoryNotReloaded"));
    QVERIFY(mark && !mark->isVisible());

    QVERIFY(replaceFile(path, kBroken));
    MessageBanner *banner = m_window->messageBanner();
    QTRY_VERIFY(mark->isVisible());
    QVERIFY2(mark->toolTip().contains(QStringLiteral("noc.json, line 3")), qPrintable(mark->toolTip()));
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->level(), MessageBanner::Level::Error);
    QVERIFY2(banner->plainText().contains(QStringLiteral("noc.json, line 3")), qPrintable(banner->plainText()));
    QCOMPARE(shownRouters(m_window.get()), QStringList({"r-fra", "r-par"}));
    QCOMPARE(m_service->inventory().routerNames(), QStringList({"r-par", "r-fra"}));
    // Dismissing the banner leaves the mark: the file on disk is still not what is shown.
    banner->dismiss();
    QVERIFY(mark->isVisible());

    // Fixed: read again, the mark goes.
    QVERIFY(replaceFile(path, inventoryJson({"par", "fra", "ams"})));
    QTRY_COMPARE(shownRouters(m_window.get()), QStringList({"r-ams", "r-fra", "r-par"}));
    QVERIFY(!mark->isVisible());
    QVERIFY(!banner->isVisible());
}

void TestInventoryFilesWindow::openRecentListsTheFiles()
{
    QVERIFY(recentEntries(m_window.get()).isEmpty());
    const QString a = file(QStringLiteral("a.json"), inventoryJson({"par"}));
    const QString b = file(QStringLiteral("b.json"), inventoryJson({"fra"}));
    QVERIFY(m_window->openInventory(a));
    QVERIFY(m_window->openInventory(b));
    QList<QAction *> recent = recentEntries(m_window.get());
    QCOMPARE(recent.size(), 2);
    QCOMPARE(recent[0]->data().toString(), b); // newest first
    QCOMPARE(recent[1]->data().toString(), a);
    QVERIFY(recent[0]->isChecked()); // the one shown

    recent[1]->trigger(); // opens a
    QCOMPARE(m_window->inventoryPath(), a);
    QCOMPARE(shownRouters(m_window.get()), QStringList({"r-par"}));
    recent = recentEntries(m_window.get());
    QCOMPARE(recent[0]->data().toString(), a);

    // A file that is gone is greyed, and can be forgotten.
    QVERIFY(QFile::remove(b));
    recent = recentEntries(m_window.get());
    QCOMPARE(recent.size(), 2);
    QVERIFY(recent[0]->isEnabled());
    QVERIFY(!recent[1]->isEnabled());
    QVERIFY2(recent[1]->text().contains(QStringLiteral("(missing)")), qPrintable(recent[1]->text()));
    QAction *removeMissing = recentCommand(m_window.get(), QStringLiteral("Remove &missing entries"));
    QVERIFY(removeMissing);
    removeMissing->trigger();
    recent = recentEntries(m_window.get());
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent[0]->data().toString(), a);

    // At most eight, the oldest dropped.
    for (int i = 0; i < 9; ++i)
        QVERIFY(m_window->openInventory(file(QStringLiteral("n%1.json").arg(i), inventoryJson({QStringLiteral("n%1").arg(i)}))));
    recent = recentEntries(m_window.get());
    QCOMPARE(recent.size(), 8);
    QCOMPARE(recent[0]->data().toString(), m_files->filePath(QStringLiteral("n8.json")));
    QCOMPARE(recent[7]->data().toString(), m_files->filePath(QStringLiteral("n1.json")));
    recentCommand(m_window.get(), QStringLiteral("&Clear list"))->trigger();
    QVERIFY(recentEntries(m_window.get()).isEmpty());
}

void TestInventoryFilesWindow::startsWithTheInventoryOpenedLast()
{
    const QString path = file(QStringLiteral("noc.json"), inventoryJson({"par", "fra"}));
    QVERIFY(m_window->openInventory(path));
    newWindow(); // as after a restart: a new engine, a new window, the same settings
    QVERIFY(shownRouters(m_window.get()).isEmpty());
    QVERIFY(m_window->reopenLastInventory());
    QCOMPARE(m_window->inventoryPath(), path);
    QCOMPARE(shownRouters(m_window.get()), QStringList({"r-fra", "r-par"}));

    // Gone since: the window says so, and stays empty.
    QVERIFY(QFile::remove(path));
    newWindow();
    QVERIFY(!m_window->reopenLastInventory());
    QVERIFY(shownRouters(m_window.get()).isEmpty());
    QCOMPARE(m_window->messageBanner()->level(), MessageBanner::Level::Error);
    QVERIFY2(m_window->messageBanner()->plainText().contains(QStringLiteral("noc.json")),
             qPrintable(m_window->messageBanner()->plainText()));
}

void TestInventoryFilesWindow::emptyWindowSaysWhatToDo()
{
    MessageBanner *banner = m_window->messageBanner();
    QVERIFY(!m_window->reopenLastInventory()); // nothing remembered
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->level(), MessageBanner::Level::Info);
    QVERIFY2(banner->plainText().contains(QStringLiteral("Open inventory")), qPrintable(banner->plainText()));
    auto *demo = m_window->findChild<QAction *>(QStringLiteral("demoLabAction"));
    QVERIFY(banner->buttonActions().contains(demo));
    demo->trigger();
    QVERIFY(shownRouters(m_window.get()).contains(QStringLiteral("lab-frr")));
    QVERIFY(!banner->isVisible());
    QVERIFY2(m_window->windowTitle().contains(QStringLiteral("Demo lab")), qPrintable(m_window->windowTitle()));
}

void TestInventoryFilesWindow::droppedFileOpens()
{
    const QString path = file(QStringLiteral("dropped.json"), inventoryJson({"par"}));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at = m_window->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QCOMPARE(m_window->inventoryPath(), path);
    QCOMPARE(shownRouters(m_window.get()), QStringList({"r-par"}));

    // Two files, or something that is not a file, are not taken.
    QMimeData two;
    two.setUrls({QUrl::fromLocalFile(path), QUrl::fromLocalFile(path)});
    QDragEnterEvent refused(at, Qt::CopyAction, &two, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(m_window.get(), &refused);
    QVERIFY(!refused.isAccepted());
}

void TestInventoryFilesWindow::warningsAreShown()
{
    const QByteArray eapi = "  {\"name\": \"r-eos\", \"host\": \"198.51.100.50\", \"platform\": \"arista-eos\", "
                            "\"transport\": \"eapi\", \"port\": 443, \"tlsVerify\": false}\n";
    const QString path = file(QStringLiteral("tls.json"), inventoryJson({"par"}, eapi));
    QVERIFY(m_window->openInventory(path));
    MessageBanner *banner = m_window->messageBanner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->level(), MessageBanner::Level::Warning);
    QVERIFY2(banner->plainText().contains(QStringLiteral("TLS certificate verification is off for router \"r-eos\"")),
             qPrintable(banner->plainText()));
    QVERIFY2(banner->plainText().contains(QStringLiteral("tls.json, line 4")), qPrintable(banner->plainText()));
    QCOMPARE(shownRouters(m_window.get()), QStringList({"r-eos", "r-par"}));
}

// Open tabs stay when the inventory is swapped; a diagnosis whose connection is gone says so,
// and a query still running ends (its routers' parts with unknown-router) instead of hanging.
void TestInventoryFilesWindow::fromTheDemoLabToAFileKeepsTheTabs()
{
    m_service->useDemoLab();
    QVERIFY(shownRouters(m_window.get()).contains(QStringLiteral("lab-frr")));
    QVERIFY(!m_window->messageBanner()->isVisible());
    m_window->diagnoseConnection(QStringLiteral("globex-par-210"));
    DiagnosisTab *diagnosis = m_window->diagnosisTab(QStringLiteral("globex-par-210"));
    QVERIFY(diagnosis);
    QSignalSpy diagnosed(diagnosis, &DiagnosisTab::finished);
    QVERIFY(diagnosed.wait(30000));
    QVERIFY(diagnosis->hasResult());

    m_window->inventoryPanel()->setChecked(m_service->inventory().routerNames());
    QSignalSpy shown(m_window.get(), &MainWindow::responseShown);
    const QString running = m_window->runQuery(QueryKind::BgpStatus, {}, 0);
    const int tabs = m_window->resultTabs()->count();
    QCOMPARE(tabs, 2);

    const QString path = file(QStringLiteral("noc.json"), inventoryJson({"par"}));
    QVERIFY(m_window->openInventory(path));
    QVERIFY(!m_service->usesDemoLab());
    QCOMPARE(shownRouters(m_window.get()), QStringList({"r-par"}));
    QVERIFY(shown.wait(20000)); // the query ended
    ResultTab *result = m_window->resultFor(running);
    QVERIFY(result && result->isComplete());
    QCOMPARE(m_window->resultTabs()->count(), tabs);
    const int index = m_window->resultTabs()->indexOf(diagnosis);
    QVERIFY(index >= 0);
    QVERIFY2(m_window->resultTabs()->tabText(index).contains(QStringLiteral("not in the inventory")),
             qPrintable(m_window->resultTabs()->tabText(index)));
    QVERIFY(diagnosis->hasResult()); // the last diagnosis stays readable
}

QTEST_MAIN(TestInventoryFilesWindow)
#include "tst_inventory_files_window.moc"
