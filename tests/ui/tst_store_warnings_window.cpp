// Store warnings reach the window: those found when the store opened (a file that is no
// store, refused) and those found later (storeWarning), in the status bar and behind a
// permanent mark whose tooltip lists them all.
#include "engine/service/router_data_service.h"
#include "ui/main_window.h"

#include <QFile>
#include <QLabel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace rl;

class TestStoreWarningsWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shownInTheStatusBar()
    {
        Q_INIT_RESOURCE(ui);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("inv.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"version\": 1, \"routers\": []}\n");
        }
        EngineSettings s = EngineSettings::defaults();
        s.storePath = path; // an inventory given as the store by mistake
        RouterDataService service(s);
        QCOMPARE(service.storeError().code, ErrorCode::StoreError);
        service.useDemoLab();
        MainWindow window(&service);
        window.show();
        auto *mark = window.findChild<QLabel *>(QStringLiteral("storeWarning"));
        QVERIFY(mark);
        QVERIFY(mark->isVisible());
        QVERIFY2(mark->text().contains(QStringLiteral("1 warning")), qPrintable(mark->text()));
        QVERIFY2(mark->toolTip().contains(QStringLiteral("is not a RouterLens result store")), qPrintable(mark->toolTip()));
        const auto labels = window.statusBar()->findChildren<QLabel *>();
        bool inStatus = false;
        for (const QLabel *l : labels)
            inStatus = inStatus || (l != mark && l->text().startsWith(QStringLiteral("Result store: ")));
        QVERIFY(inStatus);

        // One found while working.
        Q_EMIT service.storeWarning(QStringLiteral("Stored answer 7 was skipped."));
        QVERIFY2(mark->text().contains(QStringLiteral("2 warning")), qPrintable(mark->text()));
        QVERIFY(mark->toolTip().contains(QStringLiteral("Stored answer 7 was skipped.")));
        QVERIFY(mark->toolTip().contains(QStringLiteral("is not a RouterLens result store")));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("{\"version\": 1, \"routers\": []}\n")); // left as it was
    }
};

QTEST_MAIN(TestStoreWarningsWindow)
#include "tst_store_warnings_window.moc"
