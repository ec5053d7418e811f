// routerlens: the desktop application. Argument parsing and wiring only.
#include "engine/service/router_data_service.h"
#include "ui/main_window.h"
#include "ui/tour_runner.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

int main(int argc, char **argv)
{
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(ui);
    QApplication::setOrganizationName(QStringLiteral("RouterLens"));
    QApplication::setApplicationName(QStringLiteral("RouterLens"));
    QApplication::setApplicationVersion(QStringLiteral(ROUTERLENS_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/routerlens.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Read-only multi-vendor router troubleshooting"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption demo(QStringLiteral("demo"), QApplication::translate("main", "Start on the built-in demo lab."));
    QCommandLineOption inventory(QStringLiteral("inventory"), QApplication::translate("main", "Inventory file (.json, .yaml)."),
                                 QStringLiteral("file"));
    QCommandLineOption tour(QStringLiteral("tour"), QApplication::translate("main", "Run the screenshot tour into DIR, then exit."),
                            QStringLiteral("dir"));
    parser.addOptions({demo, inventory, tour});
    parser.process(app);

    QSettings settingsStore;
    rl::EngineSettings settings = rl::EngineSettings::load(settingsStore);
    if (parser.isSet(tour))
        settings.storePath = QStringLiteral(":memory:"); // a tour leaves nothing behind
    rl::RouterDataService service(settings);
    if (parser.isSet(demo))
        service.useDemoLab();
    if (parser.isSet(inventory)) {
        if (const rl::Error e = service.loadInventory(parser.value(inventory)); e.isError())
            qWarning("%s", qPrintable(e.toString()));
    }

    rl::MainWindow window(&service);
    window.resize(1560, 960);
    window.show();
    std::unique_ptr<rl::TourRunner> runner;
    if (parser.isSet(tour)) {
        runner = std::make_unique<rl::TourRunner>(&window, parser.value(tour));
        runner->start();
    }
    return app.exec();
}
