// The window against a real routerlens-serve on loopback (remote mode): the demo lab served,
// a customer's token made with the admin command, the window pointed at the service. What the
// window lists and asks is the token's: the customer's routers and not the others, a query's
// rows arriving part by part, a diagnosis run by the service; a bad token shows the API's 401
// sentence; and when the service goes away, what was shown stays.
#include "engine/diagnosis/connection_diagnosis.h"
#include "engine/service/remote_engine.h"
#include "engine/service/router_data_service.h"
#include "ui/dialogs/connect_service_dialog.h"
#include "ui/main_window.h"
#include "ui/models/record_table_model.h"
#include "ui/widgets/diagnosis_tab.h"
#include "ui/widgets/inventory_panel.h"
#include "ui/widgets/message_banner.h"
#include "ui/widgets/result_tab.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace rl;

class TestRemoteWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsOnlyTheTokensRouters();
    void localEngineActionsAreDisabled();
    void queryRowsArriveFromTheService();
    void aRouterTheTokenMayNotSeeIsRefused();
    void diagnosisRunsOnTheService();
    void badTokenShowsThe401Sentence();
    void connectDialogRemembersNoToken();
    void serviceGoneKeepsWhatWasShown();
    void cleanupTestCase();

private:
    QString makeToken(const QStringList &args);
    // With RL_SCREENSHOT_DIR set (e.g. under xvfb-run), the window as a person sees it.
    static void screenshot(QWidget *window, const QString &name);
    std::unique_ptr<MainWindow> windowFor(RouterDataService &service, const QByteArray &token, bool waitConnected);
    static QStringList cellsOf(const QAbstractItemModel *model);

    QTemporaryDir m_dir;
    QProcess m_serve;
    QUrl m_base;
    QByteArray m_globex;
    QString m_firstQuery;
    std::unique_ptr<RouterDataService> m_service;
    std::unique_ptr<MainWindow> m_window;
};

QString TestRemoteWindow::makeToken(const QStringList &args)
{
    QProcess admin;
    admin.start(QStringLiteral(ROUTERLENS_SERVE),
                QStringList{QStringLiteral("token"), QStringLiteral("create")} + args
                    + QStringList{QStringLiteral("--tokens"), m_dir.filePath(QStringLiteral("tokens.json"))});
    if (!admin.waitForFinished(30000) || admin.exitCode() != 0)
        return {};
    return QString::fromUtf8(admin.readAllStandardOutput()).trimmed();
}

void TestRemoteWindow::initTestCase()
{
    Q_INIT_RESOURCE(ui);
    QVERIFY(m_dir.isValid());
    // The admin command makes the customer's token, shown once.
    const QString token = makeToken({QStringLiteral("--client"), QStringLiteral("globex-ops"), QStringLiteral("--role"),
                                     QStringLiteral("external"), QStringLiteral("--customer"), QStringLiteral("globex")});
    QVERIFY2(token.startsWith(QLatin1String("rlt_")), qPrintable(token));
    m_globex = token.toUtf8();

    // The demo lab served on a loopback port the system picks; the start line says which.
    m_serve.setProcessChannelMode(QProcess::SeparateChannels);
    m_serve.start(QStringLiteral(ROUTERLENS_SERVE),
                  {QStringLiteral("run"), QStringLiteral("--demo"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--store"), m_dir.filePath(QStringLiteral("store.sqlite")), QStringLiteral("--tokens"),
                   m_dir.filePath(QStringLiteral("tokens.json"))});
    QVERIFY(m_serve.waitForStarted(30000));
    QByteArray said;
    const QRegularExpression serving(QStringLiteral("serving (http://127\\.0\\.0\\.1:\\d+)/"));
    QRegularExpressionMatch m;
    QTRY_VERIFY_WITH_TIMEOUT((said += m_serve.readAllStandardError(), m = serving.match(QString::fromUtf8(said))).hasMatch(), 30000);
    m_base = QUrl(m.captured(1));

    EngineSettings s = EngineSettings::defaults();
    s.storePath = QStringLiteral(":memory:");
    m_service = std::make_unique<RouterDataService>(s);
    m_window = windowFor(*m_service, m_globex, true);
    QVERIFY(m_window);
}

std::unique_ptr<MainWindow> TestRemoteWindow::windowFor(RouterDataService &service, const QByteArray &token, bool waitConnected)
{
    auto window = std::make_unique<MainWindow>(&service);
    window->show();
    window->connectToService(m_base, token);
    RemoteEngine *remote = service.remote();
    if (!remote)
        return nullptr;
    QSignalSpy connected(remote, &RemoteEngine::connected);
    QSignalSpy failed(remote, &RemoteEngine::failed);
    if (!QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, 30000))
        return nullptr;
    if (waitConnected && connected.isEmpty())
        return nullptr;
    return window;
}

void TestRemoteWindow::screenshot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("RL_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(300); // let the last batch of rows and the banner paint
    QVERIFY(window->grab().save(QStringLiteral("%1/%2.png").arg(dir, name)));
}

QStringList TestRemoteWindow::cellsOf(const QAbstractItemModel *model)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = 0; c < model->columnCount(); ++c)
            out << model->index(r, c).data().toString();
    return out;
}

void TestRemoteWindow::listsOnlyTheTokensRouters()
{
    // Who the window is comes from the token, not from its settings (which say internal).
    const ClientIdentity me = m_window->clientIdentity();
    QCOMPARE(me.id, QStringLiteral("globex-ops"));
    QCOMPARE(me.role, Role::External);
    QCOMPARE(me.customer, QStringLiteral("globex"));

    const QStringList routers = m_service->inventory().routerNames();
    QVERIFY2(routers.contains(QStringLiteral("pe1-par")), qPrintable(routers.join(QLatin1Char(' '))));
    QVERIFY(routers.contains(QStringLiteral("ce-globex")));
    // Another customer's edge and the lab's routers are not the customer's to see.
    QVERIFY(!routers.contains(QStringLiteral("ce-initech")));
    QVERIFY(!routers.contains(QStringLiteral("lab-frr")));
    QCOMPARE(m_window->inventoryPanel()->checkedRouters(), QStringList{});
    m_window->inventoryPanel()->setChecked({QStringLiteral("lab-frr")});
    QVERIFY(m_window->inventoryPanel()->checkedRouters().isEmpty()); // not in the panel to check

    QList<QString> connections;
    for (const Connection &c : m_service->visibleConnections(me))
        connections << c.id;
    QCOMPARE(connections, QList<QString>{QStringLiteral("globex-par-210")});

    // Which service and which client, in the status bar and the title.
    QVERIFY(m_window->serviceMark()->isVisible());
    QVERIFY2(m_window->serviceMark()->text().contains(QLatin1String("globex-ops")), qPrintable(m_window->serviceMark()->text()));
    QVERIFY(m_window->serviceMark()->text().contains(QStringLiteral("%1:%2").arg(m_base.host()).arg(m_base.port())));
    QVERIFY2(m_window->windowTitle().contains(QLatin1String("globex-ops")), qPrintable(m_window->windowTitle()));
}

void TestRemoteWindow::localEngineActionsAreDisabled()
{
    for (const char *name : {"openInventoryAction", "editInventoryAction", "demoLabAction", "settingsAction", "usageAction"}) {
        auto *a = m_window->findChild<QAction *>(QLatin1String(name));
        QVERIFY2(a, name);
        QVERIFY2(!a->isEnabled(), name);
        QVERIFY2(a->toolTip().contains(QLatin1String("RouterLens service")), qPrintable(a->toolTip()));
    }
    QVERIFY(!m_window->recentInventoriesMenu()->menuAction()->isEnabled());
    QVERIFY(m_window->connectAction()->isEnabled()); // another service may be chosen
    // Reload asks the service for the token's routers and connections again.
    auto *reload = m_window->findChild<QAction *>(QStringLiteral("reloadInventoryAction"));
    QVERIFY(reload->isEnabled());
    QSignalSpy listed(m_service->remote(), &RemoteEngine::connected);
    reload->trigger();
    QVERIFY(listed.wait(30000));
    QVERIFY(m_service->inventory().contains(QStringLiteral("ce-globex")));
    QVERIFY(!m_service->inventory().contains(QStringLiteral("lab-frr")));
    // A file cannot be opened beside the service: refused, saying why; the routers stay.
    QVERIFY(!m_window->openInventory(QStringLiteral(TOPSRCDIR "resources/examples/inventory.json")));
    QVERIFY(m_service->inventory().contains(QStringLiteral("ce-globex")));
}

void TestRemoteWindow::queryRowsArriveFromTheService()
{
    m_window->messageBanner()->dismiss(); // the file refused above
    m_window->inventoryPanel()->setChecked({QStringLiteral("pe1-par"), QStringLiteral("ce-globex")});
    QSignalSpy parts(m_service.get(), &RouterDataService::partReady);
    QSignalSpy shown(m_window.get(), &MainWindow::responseShown);
    const QString id = m_window->runQuery(QueryKind::BgpStatus, {}, 0);
    QVERIFY(shown.wait(60000));
    QCOMPARE(shown.first().first().toString(), id);
    // One part per router, each as it came (before the response), under the window's own id.
    QCOMPARE(parts.size(), 2);
    for (const QList<QVariant> &p : std::as_const(parts))
        QCOMPARE(p.first().toString(), id);
    ResultTab *tab = m_window->resultFor(id);
    QVERIFY(tab);
    QVERIFY(tab->isComplete());
    m_firstQuery = id;
    const QStringList cells = cellsOf(tab->tableModel());
    // The customer's own session on the provider edge, and not another customer's.
    QVERIFY2(cells.contains(QStringLiteral("198.51.100.2")), qPrintable(cells.join(QLatin1Char(' '))));
    QVERIFY(!cells.contains(QStringLiteral("198.51.100.6")));
    QVERIFY2(!m_window->messageBanner()->isVisible(), qPrintable(m_window->messageBanner()->plainText()));
    screenshot(m_window.get(), QStringLiteral("remote-query"));
}

void TestRemoteWindow::aRouterTheTokenMayNotSeeIsRefused()
{
    // Asked directly (as a script would): the service refuses it as forbidden, whatever client
    // the request names, and the window's banner says so with the code.
    Request r;
    r.id = QStringLiteral("direct-1");
    r.client = ClientIdentity{QStringLiteral("desktop"), Role::Admin, {}};
    r.routers = {QStringLiteral("lab-frr")};
    r.kind = QueryKind::BgpStatus;
    QSignalSpy responses(m_service.get(), &RouterDataService::responseReady);
    m_service->submit(r);
    QVERIFY(responses.wait(30000));
    const Response resp = responses.first().first().value<Response>();
    QCOMPARE(resp.requestId, r.id);
    QVERIFY(resp.error.isError());
    QVERIFY2(resp.error.code == ErrorCode::Forbidden || resp.error.code == ErrorCode::UnknownRouter, qPrintable(resp.error.toString()));
    QVERIFY(resp.results.isEmpty());
}

void TestRemoteWindow::diagnosisRunsOnTheService()
{
    m_window->diagnoseConnection(QStringLiteral("globex-par-210"));
    DiagnosisTab *tab = m_window->diagnosisTab(QStringLiteral("globex-par-210"));
    QVERIFY(tab);
    QSignalSpy finished(tab, &DiagnosisTab::finished);
    QVERIFY(finished.wait(90000));
    QVERIFY(tab->hasResult());
    const DiagnosisResult &d = tab->result();
    QCOMPARE(d.connection.id, QStringLiteral("globex-par-210"));
    // The demo's globex fault (VLAN 201 sent where 210 is expected), found by the service.
    QVERIFY(d.cause());
    QCOMPARE(d.cause()->verdict, Verdict::Fault);
    QCOMPARE(d.cause()->layer, QStringLiteral("vlan"));
    QVERIFY(!d.cause()->records.isEmpty()); // with the records it rests on
    screenshot(m_window.get(), QStringLiteral("remote-diagnosis"));
}

void TestRemoteWindow::badTokenShowsThe401Sentence()
{
    EngineSettings s = EngineSettings::defaults();
    s.storePath = QStringLiteral(":memory:");
    RouterDataService service(s);
    const QByteArray forged = QByteArray("rlt_") + m_globex.mid(4, 12) + "_" + QByteArray(43, 'A');
    std::unique_ptr<MainWindow> window = windowFor(service, forged, false);
    QVERIFY(window);
    QVERIFY(!service.remote()->isConnected());
    QCOMPARE(service.remote()->lastError().code, ErrorCode::AuthFailed);
    MessageBanner *banner = window->messageBanner();
    QCOMPARE(banner->level(), MessageBanner::Level::Error);
    QVERIFY2(banner->plainText().contains(QLatin1String("The token is not valid (unknown or revoked)")), qPrintable(banner->plainText()));
    QVERIFY(banner->plainText().contains(QLatin1String("auth-failed")));
    QVERIFY(service.inventory().routers().isEmpty()); // nothing listed for a token the service refused
    QVERIFY(window->serviceMark()->text().contains(QLatin1String("not connected")));
    // The banner offers to try again (the same refusal comes back) or to choose another service.
    QStringList offered;
    for (const QAction *a : banner->buttonActions())
        offered << a->objectName();
    QCOMPARE(offered, (QStringList{QStringLiteral("retryServiceAction"), QStringLiteral("connectServiceAction")}));
    QSignalSpy failedAgain(service.remote(), &RemoteEngine::failed);
    banner->buttonActions().first()->trigger();
    QVERIFY(failedAgain.wait(30000));
    QCOMPARE(banner->level(), MessageBanner::Level::Error);
    QVERIFY(banner->plainText().contains(QLatin1String("auth-failed")));
    screenshot(window.get(), QStringLiteral("remote-bad-token"));
}

void TestRemoteWindow::connectDialogRemembersNoToken()
{
    const QString tokenFile = m_dir.filePath(QStringLiteral("globex.token"));
    {
        QFile f(tokenFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_globex + '\n');
    }
    QVERIFY(QFile::setPermissions(tokenFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
    ConnectServiceDialog dlg;
    dlg.setValues(QStringLiteral("ftp://nowhere"), tokenFile, {});
    dlg.accept();
    QVERIFY(dlg.result() != QDialog::Accepted);
    QVERIFY2(dlg.problem().contains(QLatin1String("https://")), qPrintable(dlg.problem()));
    dlg.setValues(m_base.toString(), tokenFile, {});
    dlg.accept(); // others may read the token file: refused, saying what to do
    QVERIFY2(dlg.problem().contains(QLatin1String("chmod 600")), qPrintable(dlg.problem()));
    dlg.show();
    screenshot(&dlg, QStringLiteral("remote-connect-dialog"));
    QVERIFY(QFile::setPermissions(tokenFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    dlg.accept();
    QCOMPARE(dlg.result(), int(QDialog::Accepted));
    QCOMPARE(dlg.token(), m_globex);
    QCOMPARE(dlg.base(), m_base);

    const QString ini = m_dir.filePath(QStringLiteral("remembered.ini"));
    {
        QSettings s(ini, QSettings::IniFormat);
        dlg.save(s);
    }
    QFile written(ini);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray text = written.readAll();
    QVERIFY(text.contains(tokenFile.toUtf8()));
    QVERIFY(!text.contains(m_globex.mid(17))); // the token's secret never reaches the settings
    ConnectServiceDialog again;
    again.load(QSettings(ini, QSettings::IniFormat));
    QCOMPARE(again.serverText(), m_base.toString());
    QCOMPARE(again.tokenFile(), tokenFile);
}

void TestRemoteWindow::serviceGoneKeepsWhatWasShown()
{
    ResultTab *before = m_window->resultFor(m_firstQuery);
    QVERIFY(before);
    const int rows = before->tableModel()->rowCount();
    QVERIFY(rows > 0);
    m_serve.terminate();
    QVERIFY(m_serve.waitForFinished(30000));

    m_window->inventoryPanel()->setChecked({QStringLiteral("pe1-par")});
    QSignalSpy shown(m_window.get(), &MainWindow::responseShown);
    const QString id = m_window->runQuery(QueryKind::LinkStatus, {}, 0);
    QVERIFY(shown.wait(60000));
    const QString banner = m_window->messageBanner()->plainText();
    QVERIFY2(banner.contains(QLatin1String("cannot be reached")) || banner.contains(QLatin1String("closed the connection")),
             qPrintable(banner));
    QVERIFY(m_window->resultFor(id)->isComplete());
    QVERIFY(!m_service->remote()->isConnected());
    QVERIFY2(m_window->serviceMark()->text().contains(QLatin1String("not connected")), qPrintable(m_window->serviceMark()->text()));
    // The answers the window had stay, and so do the routers listed.
    QCOMPARE(before->tableModel()->rowCount(), rows);
    QVERIFY(m_service->inventory().contains(QStringLiteral("pe1-par")));
    screenshot(m_window.get(), QStringLiteral("remote-service-gone"));
}

void TestRemoteWindow::cleanupTestCase()
{
    m_window.reset();
    m_service.reset();
    if (m_serve.state() != QProcess::NotRunning) {
        m_serve.terminate();
        m_serve.waitForFinished(30000);
    }
}

QTEST_MAIN(TestRemoteWindow)
#include "tst_remote_window.moc"
