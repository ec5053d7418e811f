// The window's inventory editor: routers and connections added, changed and removed through
// the dialogs as a person would (keys typed, buttons clicked), saved, and the file read back
// with what the editor does not show kept; invalid input refused beside its field with the
// readers' sentence; Cancel leaves the file byte for byte; a file of another form is saved as
// new JSON; a saved file is reloaded once; files read on the loading thread. Settings in a
// private folder.
#include "engine/inventory/json_inventory_reader.h"
#include "engine/service/router_data_service.h"
#include "ui/dialogs/connection_edit_dialog.h"
#include "ui/dialogs/inventory_editor_dialog.h"
#include "ui/dialogs/router_edit_dialog.h"
#include "ui/main_window.h"
#include "ui/widgets/field_problem_form.h"
#include "ui/widgets/inventory_panel.h"
#include "ui/widgets/message_banner.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <functional>

using namespace rl;

namespace {

// What a person wrote: their own key order, a comment, credentials, and fields the editor has
// no field for (knownHosts, a tag of its own, expected prefixes, a VRF).
const QByteArray kFile = R"({
  "comment": "NOC Paris, kept by hand",
  "version": 1,
  "credentials": {"lab": {"username": "rlab", "secret": "env:RL_LAB_PASSWORD"}},
  "routers": [
    {"platform": "frr", "name": "pe1", "host": "198.51.100.1", "knownHosts": "/etc/rl/known_hosts",
     "tags": {"site": "par", "rack": "12"}, "credentials": "lab"},
    {"name": "ce1", "host": "198.51.100.2", "platform": "bird"},
    {"name": "old", "host": "198.51.100.9", "platform": "linux"}
  ],
  "connections": [
    {"id": "c1", "customer": "acme", "providerRouter": "pe1", "providerInterface": "eth1.100", "vlan": 100,
     "customerRouter": "ce1", "expectedPrefixes": ["203.0.113.0/26"], "vrf": "acme"},
    {"id": "c-old", "customer": "acme", "providerRouter": "pe1", "providerInterface": "eth1.900", "vlan": 900}
  ]
}
)";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
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

// Runs `act` on the item dialog (router or connection) the editor opens next, from inside its
// event loop; the editor's call returns when `act` closed it.
template<typename Dialog>
void whenOpened(const std::function<void(Dialog *)> &act)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, [poll, act] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<Dialog *>(w); d && d->isVisible()) {
                poll->stop();
                poll->deleteLater();
                act(d);
                if (d->isVisible())
                    d->reject(); // a check in `act` failed before it closed the dialog
                return;
            }
        }
    });
    poll->start();
}

void type(QWidget *field, const QString &text)
{
    auto *edit = qobject_cast<QLineEdit *>(field);
    if (auto *box = qobject_cast<QComboBox *>(field)) {
        box->setCurrentText(text); // typed into an editable box, its completer would add to it
        return;
    }
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void press(QDialog *d, QDialogButtonBox::StandardButton which)
{
    d->findChild<QDialogButtonBox *>()->button(which)->click();
}

} // namespace

class TestInventoryEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void addEditRemoveAndSave();
    void invalidInputIsRefusedBesideTheField();
    void cancelLeavesTheFileAsItWas();
    void anotherFormIsSavedAsNewJson();
    void changedOnDiskMeanwhileIsNotOverwritten();
    void largeFilesAreReadOffTheGuiThread();
    void failedBackgroundReadKeepsTheInventory();

private:
    QString file(const QString &name, const QByteArray &data);
    InventoryEditorDialog *openEditor(const QString &path);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<RouterDataService> m_service;
    std::unique_ptr<MainWindow> m_window;
};

void TestInventoryEditor::initTestCase()
{
    Q_INIT_RESOURCE(ui);
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("RouterLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_inventory_editor"));
}

void TestInventoryEditor::init()
{
    QSettings().clear();
    m_files = std::make_unique<QTemporaryDir>();
    QVERIFY(m_files->isValid());
    EngineSettings s = EngineSettings::defaults();
    s.storePath = QStringLiteral(":memory:");
    m_service = std::make_unique<RouterDataService>(s);
    m_window = std::make_unique<MainWindow>(m_service.get());
    m_window->show();
}

void TestInventoryEditor::cleanup()
{
    m_window.reset();
    m_service.reset();
    m_files.reset();
}

QString TestInventoryEditor::file(const QString &name, const QByteArray &data)
{
    const QString path = m_files->filePath(name);
    if (!writeAll(path, data))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

InventoryEditorDialog *TestInventoryEditor::openEditor(const QString &path)
{
    if (!m_window->openInventory(path))
        return nullptr;
    QAction *edit = m_window->findChild<QAction *>(QStringLiteral("editInventoryAction"));
    if (!edit || !edit->isEnabled())
        return nullptr;
    InventoryEditorDialog *dlg = m_window->createInventoryEditor(m_window.get());
    if (dlg)
        dlg->show();
    return dlg;
}

void TestInventoryEditor::addEditRemoveAndSave()
{
    const QString path = file(QStringLiteral("noc.json"), kFile);
    InventoryEditorDialog *dlg = openEditor(path);
    QVERIFY(dlg);
    QVERIFY(dlg->savesInPlace());
    QVERIFY(!dlg->saveButton()->isEnabled()); // nothing changed yet
    QCOMPARE(dlg->routerTable()->rowCount(), 3);

    // Add a router: the Add… button, keys typed into the form, Add.
    whenOpened<RouterEditDialog>([](RouterEditDialog *d) {
        type(d->form()->field("name"), "pe2");
        type(d->form()->field("host"), "pe2.ams.example.net");
        type(d->form()->field("platform"), "cisco-ios");
        type(d->form()->field("tags/site"), "ams");
        type(d->form()->field("tags/customer"), "acme");
        press(d, QDialogButtonBox::Ok);
    });
    dlg->findChild<QPushButton *>(QStringLiteral("addRouter"))->click();
    QCOMPARE(dlg->routerTable()->rowCount(), 4);
    QCOMPARE(dlg->routerTable()->item(3, 0)->text(), QStringLiteral("pe2"));

    // Edit pe1: another port, chosen in the table and opened with Enter.
    dlg->routerTable()->setFocus();
    dlg->routerTable()->selectRow(0);
    whenOpened<RouterEditDialog>([](RouterEditDialog *d) {
        type(d->form()->field("port"), "2222");
        QTest::keyClick(d->form()->field("port"), Qt::Key_Return); // Enter in a field is OK
    });
    QTest::keyClick(dlg->routerTable(), Qt::Key_Return);
    QCOMPARE(dlg->routerTable()->item(0, 2)->text(), QStringLiteral("2222"));
    QVERIFY(dlg->isVisible()); // Enter edits the row; it never saves

    // Remove "old" (no connection names it).
    dlg->routerTable()->selectRow(2);
    dlg->findChild<QPushButton *>(QStringLiteral("removeRouter"))->click();
    QCOMPARE(dlg->routerTable()->rowCount(), 3);
    QVERIFY(dlg->problem().isEmpty());

    // Add a connection from pe2 to ce1.
    whenOpened<ConnectionEditDialog>([](ConnectionEditDialog *d) {
        type(d->form()->field("id"), "c2");
        type(d->form()->field("customer"), "acme");
        type(d->form()->field("providerRouter"), "pe2");
        type(d->form()->field("providerInterface"), "Gi0/1.300");
        type(d->form()->field("vlan"), "300");
        type(d->form()->field("customerRouter"), "ce1");
        type(d->form()->field("providerAs"), "64500");
        type(d->form()->field("customerAs"), "64501");
        type(d->form()->field("expectedPrefixes"), "203.0.113.64/26, 2001:db8:300::/48");
        press(d, QDialogButtonBox::Ok);
    });
    dlg->findChild<QPushButton *>(QStringLiteral("addConnection"))->click();
    QCOMPARE(dlg->connectionTable()->rowCount(), 3);
    // Edit c1: another VLAN. Remove c-old.
    whenOpened<ConnectionEditDialog>([](ConnectionEditDialog *d) {
        type(d->form()->field("vlan"), "101");
        press(d, QDialogButtonBox::Ok);
    });
    QVERIFY(dlg->editConnection(0));
    dlg->connectionTable()->selectRow(1);
    QCOMPARE(dlg->connectionTable()->item(1, 0)->text(), QStringLiteral("c-old"));
    dlg->findChild<QPushButton *>(QStringLiteral("removeConnection"))->click();
    QCOMPARE(dlg->connectionTable()->rowCount(), 2);

    // Save: the window's watcher reads the new file, once.
    QSignalSpy changed(m_service.get(), &RouterDataService::inventoryChanged);
    QSignalSpy saved(dlg, &InventoryEditorDialog::saved);
    QVERIFY(dlg->saveButton()->isEnabled());
    dlg->saveButton()->click();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(dlg->result(), int(QDialog::Accepted));
    QVERIFY(changed.wait(5000));
    QTest::qWait(2 * 300 + 400); // InventoryFileWatcher::QuietMs twice over: no second reload comes
    QCOMPARE(changed.size(), 1);
    QCOMPARE(shownRouters(m_window.get()), QStringList({"ce1", "pe1", "pe2"}));

    const QByteArray text = readAll(path);
    const Result<Inventory> inv = JsonInventoryReader::read(text, QStringLiteral("noc.json"));
    QVERIFY2(inv.ok(), qPrintable(inv.error().message));
    QCOMPARE(inv->routerNames(), QStringList({"pe1", "ce1", "pe2"}));
    const Router *pe1 = inv->router("pe1");
    QCOMPARE(pe1->port, 2222);
    QCOMPARE(pe1->knownHosts, QStringLiteral("/etc/rl/known_hosts"));
    QCOMPARE(pe1->tags.value("rack"), QStringLiteral("12"));
    QCOMPARE(pe1->credentials, QStringLiteral("lab"));
    QCOMPARE(inv->router("pe2")->tags.value("site"), QStringLiteral("ams"));
    QCOMPARE(inv->router("pe2")->platform, QStringLiteral("cisco-ios"));
    QCOMPARE(inv->connection("c1")->vlan, 101);
    QCOMPARE(inv->connection("c1")->expectedPrefixes, QStringList{"203.0.113.0/26"});
    QCOMPARE(inv->connection("c1")->vrf, QStringLiteral("acme"));
    QVERIFY(!inv->connection("c-old"));
    QCOMPARE(inv->connection("c2")->providerRouter, QStringLiteral("pe2"));
    QCOMPARE(inv->connection("c2")->customerAs, qint64(64501));
    QCOMPARE(inv->connection("c2")->expectedPrefixes, QStringList({"203.0.113.64/26", "2001:db8:300::/48"}));
    QCOMPARE(inv->credentials().value("lab").secret, QStringLiteral("env:RL_LAB_PASSWORD"));
    // The comment, and the person's key order: "comment" before "version", "platform" first in pe1.
    QVERIFY(text.contains("\"comment\": \"NOC Paris, kept by hand\""));
    QVERIFY2(text.indexOf("\"comment\"") < text.indexOf("\"version\""), text.constData());
    QVERIFY2(text.indexOf("\"platform\": \"frr\"") < text.indexOf("\"name\": \"pe1\""), text.constData());
    delete dlg;
}

void TestInventoryEditor::invalidInputIsRefusedBesideTheField()
{
    const QString path = file(QStringLiteral("noc.json"), kFile);
    InventoryEditorDialog *dlg = openEditor(path);
    QVERIFY(dlg);
    QStringList shown;
    // Each refusal: the dialog stays open, the sentence is under its field; then Cancel.
    const auto router = [&](const QString &name, const QString &port, const QString &platform, const QString &field) {
        whenOpened<RouterEditDialog>([&, name, port, platform, field](RouterEditDialog *d) {
            type(d->form()->field("name"), name);
            type(d->form()->field("host"), "192.0.2.50");
            type(d->form()->field("port"), port);
            type(d->form()->field("platform"), platform);
            press(d, QDialogButtonBox::Ok);
            QVERIFY(d->isVisible());
            shown << d->form()->problem(field);
            QCOMPARE(d->focusWidget(), d->form()->field(field)); // where the focus goes once the window is active
            press(d, QDialogButtonBox::Cancel);
        });
        QVERIFY(!dlg->editRouter(-1));
    };
    router("ce1", "", "frr", "name");
    router("pe9", "70000", "frr", "port");
    router("pe9", "22x", "frr", "port");
    router("pe9", "", "ios-9000", "platform");
    QCOMPARE(shown.size(), 4);
    QVERIFY2(shown[0].startsWith("The router name \"ce1\" is used twice (first on row 2 of the router list)"), qPrintable(shown[0]));
    QCOMPARE(shown[1], QStringLiteral("Router \"pe9\" has port 70000, which is out of range: use a port from 1 to 65535."));
    QCOMPARE(shown[2], QStringLiteral("\"22x\" is not a port number: write a number from 1 to 65535, or leave it empty "
                                      "for the transport's usual port."));
    QVERIFY2(shown[3].startsWith("Router \"pe9\" has the unknown platform \"ios-9000\": use one of frr, bird"), qPrintable(shown[3]));

    // A connection whose customer end names a router the inventory does not have.
    QString missing;
    whenOpened<ConnectionEditDialog>([&missing](ConnectionEditDialog *d) {
        type(d->form()->field("id"), "c3");
        type(d->form()->field("customer"), "acme");
        type(d->form()->field("providerRouter"), "pe1");
        type(d->form()->field("providerInterface"), "eth1.300");
        type(d->form()->field("customerRouter"), "ghost");
        press(d, QDialogButtonBox::Ok);
        QVERIFY(d->isVisible());
        missing = d->form()->problem("customerRouter");
        press(d, QDialogButtonBox::Cancel);
    });
    QVERIFY(!dlg->editConnection(-1));
    QCOMPARE(missing, QStringLiteral("Connection \"c3\" names the customer router \"ghost\", which is not in the inventory; "
                                     "add the router, correct the name or leave it out."));
    // The same sentence the reader gives for the file (after "file, line n: ").
    QByteArray broken = kFile;
    broken.replace("\"customerRouter\": \"ce1\"", "\"customerRouter\": \"ghost\"");
    const Result<Inventory> read = JsonInventoryReader::read(broken, "noc.json");
    QVERIFY(!read.ok());
    QVERIFY2(read.error().message.contains("connection \"c1\" names the customer router \"ghost\", which is not in the "
                                           "inventory; add the router, correct the name or leave it out."),
             qPrintable(read.error().message));

    // A router a connection names is not removed; the editor says which connection.
    dlg->routerTable()->selectRow(1);
    QTest::keyClick(dlg->routerTable(), Qt::Key_Delete);
    QCOMPARE(dlg->routerTable()->rowCount(), 3);
    QCOMPARE(dlg->problem(), QStringLiteral("Router \"ce1\" is an end of connection \"c1\": remove that connection or "
                                            "give it another router first."));
    QVERIFY(!dlg->document().isModified());
    QVERIFY(!dlg->saveButton()->isEnabled());
    delete dlg;
    QCOMPARE(readAll(path), kFile);
}

void TestInventoryEditor::cancelLeavesTheFileAsItWas()
{
    const QString path = file(QStringLiteral("noc.json"), kFile);
    InventoryEditorDialog *dlg = openEditor(path);
    QVERIFY(dlg);
    dlg->routerTable()->selectRow(2);
    QVERIFY(dlg->removeRouter(2));
    dlg->connectionTable()->selectRow(1);
    QVERIFY(dlg->removeConnection(1));
    QVERIFY(dlg->saveButton()->isEnabled());
    QSignalSpy changed(m_service.get(), &RouterDataService::inventoryChanged);
    press(dlg, QDialogButtonBox::Cancel);
    QCOMPARE(dlg->result(), int(QDialog::Rejected));
    QTest::qWait(800);
    QCOMPARE(readAll(path), kFile);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_service->inventory().routerNames(), QStringList({"pe1", "ce1", "old"}));
    delete dlg;
}

void TestInventoryEditor::anotherFormIsSavedAsNewJson()
{
    const QByteArray csv = "name,host,platform,site\nedge1,192.0.2.7,frr,ams\nedge2,192.0.2.8,bird,par\n";
    const QString source = file(QStringLiteral("routers.csv"), csv);
    InventoryEditorDialog *dlg = openEditor(source);
    QVERIFY(dlg);
    QVERIFY(!dlg->savesInPlace());
    QCOMPARE(dlg->saveButton()->text(), QStringLiteral("Save as &JSON…"));
    QVERIFY(dlg->saveButton()->isEnabled());
    QVERIFY(dlg->removeRouter(1));
    // Never over the file it was read from.
    QVERIFY(!dlg->saveTo(source));
    QVERIFY2(dlg->problem().contains("routers.csv is the file the inventory was read from"), qPrintable(dlg->problem()));
    const QString json = m_files->filePath(QStringLiteral("routers.json"));
    QSignalSpy loaded(m_window.get(), &MainWindow::inventoryLoaded);
    QVERIFY(dlg->saveTo(json));
    QCOMPARE(readAll(source), csv);
    QCOMPARE(loaded.size(), 1); // the window opened the JSON copy, and only that
    QCOMPARE(m_window->inventoryPath(), json);
    QCOMPARE(shownRouters(m_window.get()), QStringList({"edge1"}));
    const Result<Inventory> inv = JsonInventoryReader::read(readAll(json), "routers.json");
    QVERIFY2(inv.ok(), qPrintable(inv.error().message));
    QCOMPARE(inv->router("edge1")->tags.value("site"), QStringLiteral("ams"));
    delete dlg;
}

void TestInventoryEditor::changedOnDiskMeanwhileIsNotOverwritten()
{
    const QString path = file(QStringLiteral("noc.json"), kFile);
    InventoryEditorDialog *dlg = openEditor(path);
    QVERIFY(dlg);
    QVERIFY(dlg->removeConnection(1));
    QByteArray theirs = kFile;
    theirs.replace("NOC Paris", "NOC Paris (edited by Ana)");
    QVERIFY(writeAll(path, theirs));
    QVERIFY(!dlg->saveTo(path));
    QVERIFY2(dlg->problem().contains("changed on disk since the editor opened it"), qPrintable(dlg->problem()));
    QCOMPARE(readAll(path), theirs);
    delete dlg;
}

void TestInventoryEditor::largeFilesAreReadOffTheGuiThread()
{
    m_window->setBackgroundLoadBytes(0); // every file counts as large
    const QString path = file(QStringLiteral("noc.json"), kFile);
    QSignalSpy loaded(m_window.get(), &MainWindow::inventoryLoaded);
    QVERIFY(m_window->openInventory(path));
    QVERIFY(m_window->isLoadingInventory());
    QVERIFY(m_window->findChild<QWidget *>(QStringLiteral("inventoryLoadProgress"))->isVisible());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.at(0).at(1).toBool(), true);
    QVERIFY(!m_window->isLoadingInventory());
    QCOMPARE(shownRouters(m_window.get()), QStringList({"ce1", "old", "pe1"}));
    QCOMPARE(m_window->inventoryPath(), path);

    // A second open overtakes the first: only the last one read is shown.
    const QString other = file(QStringLiteral("other.json"), R"({"version": 1, "routers": [{"name": "x1", "host": "192.0.2.1", "platform": "frr"}]})");
    loaded.clear();
    QVERIFY(m_window->openInventory(path));
    QVERIFY(m_window->openInventory(other));
    QVERIFY(loaded.wait(10000));
    QTest::qWait(200);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(0).toString(), other);
    QCOMPARE(shownRouters(m_window.get()), QStringList({"x1"}));
}

void TestInventoryEditor::failedBackgroundReadKeepsTheInventory()
{
    const QString path = file(QStringLiteral("noc.json"), kFile);
    QVERIFY(m_window->openInventory(path)); // small: read at once
    m_window->setBackgroundLoadBytes(0);
    const QString broken = file(QStringLiteral("broken.json"), R"({"version": 1, "routers": [
 {"name": "b1", "host": "192.0.2.1", "platform": "no-such-os"}]})");
    QSignalSpy loaded(m_window.get(), &MainWindow::inventoryLoaded);
    QVERIFY(m_window->openInventory(broken)); // being read
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.at(0).at(1).toBool(), false);
    QCOMPARE(m_service->inventory().routerNames(), QStringList({"pe1", "ce1", "old"}));
    QCOMPARE(shownRouters(m_window.get()), QStringList({"ce1", "old", "pe1"}));
    QCOMPARE(m_window->inventoryPath(), path);
    QVERIFY2(m_window->messageBanner()->plainText().contains("broken.json, line 2"), qPrintable(m_window->messageBanner()->plainText()));
}

QTEST_MAIN(TestInventoryEditor)
#include "tst_inventory_editor.moc"
