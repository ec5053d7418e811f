// routerlens: the desktop application. Argument parsing and wiring only.
#include "engine/service/health_collector.h"
#include "engine/service/remote_engine.h"
#include "engine/service/router_data_service.h"
#include "ui/main_window.h"
#ifdef ROUTERLENS_HAS_TOUR
#include "ui/tour/tour_runner.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>

#include <cstdio>
#include <memory>
#include <optional>

namespace {

// --lang must be known before the options are described (their help text is translated),
// so it is read from the raw arguments here; the parser checks it again below.
QString requestedLanguage(const QStringList &args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        if ((a == QLatin1String("--lang") || a == QLatin1String("-lang")) && i + 1 < args.size())
            return args[i + 1];
        if (a.startsWith(QLatin1String("--lang=")))
            return a.mid(7);
    }
    return {};
}

// Our strings from the embedded :/i18n/routerlens_<lang>.qm, Qt's own (standard buttons,
// file dialogs) from the system's Qt translations when installed. English needs neither.
void installTranslators(QApplication &app, const QLocale &locale)
{
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("routerlens"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

// The settings' periodic health collection (engine/healthSchedules, as routerlens-serve
// --collect): kept with history at background urgency, so "over time" and the diagnosis can look
// back. A schedule that does not read is named on stderr and left out; the others run.
QList<rl::HealthCollector::Schedule> healthSchedules(const QStringList &texts)
{
    QList<rl::HealthCollector::Schedule> out;
    for (const QString &text : texts) {
        const auto schedule = rl::HealthCollector::parse(text);
        if (schedule)
            out << *schedule;
        else
            std::fprintf(stderr, "routerlens: the health schedule \"%s\" is left out: %s\n", qPrintable(text),
                         qPrintable(schedule.error().message));
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(ui);
    QApplication::setOrganizationName(QStringLiteral("RouterLens"));
    QApplication::setApplicationName(QStringLiteral("RouterLens"));
    QApplication::setApplicationVersion(QStringLiteral(ROUTERLENS_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/routerlens.svg")));

    const QString lang = requestedLanguage(QApplication::arguments());
    if (!lang.isEmpty())
        QLocale::setDefault(QLocale(lang));
    installTranslators(app, lang.isEmpty() ? QLocale::system() : QLocale(lang));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Read-only multi-vendor router troubleshooting"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption demo(QStringLiteral("demo"), QApplication::translate("main", "Start on the built-in demo lab."));
    QCommandLineOption inventory(QStringLiteral("inventory"),
                                 QApplication::translate("main", "Inventory file (RouterLens JSON, Nornir or Ansible YAML, Ansible INI, CSV)."),
                                 QStringLiteral("file"));
    QCommandLineOption server(QStringLiteral("server"),
                              QApplication::translate("main", "Use the RouterLens service at URL (routerlens-serve) instead of this "
                                                              "computer's engine."),
                              QStringLiteral("url"));
    QCommandLineOption tokenFile(QStringLiteral("token-file"),
                                 QApplication::translate("main", "With --server: the file holding your API token (chmod 600)."),
                                 QStringLiteral("file"));
    QCommandLineOption serverCa(QStringLiteral("server-ca"),
                                QApplication::translate("main", "With --server: the CA certificate (PEM) of an https service."),
                                QStringLiteral("file"));
    parser.addOptions({demo, inventory, server, tokenFile, serverCa});
    // `routerlens FILE`: what a desktop entry's %f and "Open with" pass.
    parser.addPositionalArgument(QStringLiteral("file"), QApplication::translate("main", "Inventory file to open, as --inventory."),
                                 QStringLiteral("[file]"));
#ifdef ROUTERLENS_HAS_TOUR
    QCommandLineOption tour(QStringLiteral("tour"), QApplication::translate("main", "Run the screenshot tour into DIR, then exit."),
                            QStringLiteral("dir"));
    parser.addOption(tour);
#endif
    QCommandLineOption language(QStringLiteral("lang"),
                                QApplication::translate("main", "Language of the interface (de, fr, en); default: the system's."),
                                QStringLiteral("code"));
    parser.addOption(language);
    parser.process(app);

    // One source of routers: the demo lab, a file, or (neither given) the inventory opened last.
    QString inventoryFile = parser.value(inventory);
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1 || (!files.isEmpty() && !inventoryFile.isEmpty() && files.first() != inventoryFile)) {
        std::fputs(qPrintable(QApplication::translate("main", "Give one inventory file.") + QLatin1Char('\n')), stderr);
        return 2;
    }
    if (!files.isEmpty())
        inventoryFile = files.first();
    if (parser.isSet(demo) && !inventoryFile.isEmpty()) {
        std::fputs(qPrintable(QApplication::translate("main", "Give --demo or an inventory file, not both.") + QLatin1Char('\n')), stderr);
        return 2;
    }

    // A service instead of the engine: the token's routers, not a file's or the demo lab's.
    std::optional<rl::RemoteEngine::Options> remote;
    if (parser.isSet(server) || parser.isSet(tokenFile) || parser.isSet(serverCa)) {
        auto fail = [](const QString &text) {
            std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
            return 2;
        };
        if (!parser.isSet(server) || !parser.isSet(tokenFile))
            return fail(QApplication::translate("main", "Give --server URL and --token-file FILE together."));
        if (parser.isSet(demo) || !inventoryFile.isEmpty())
            return fail(QApplication::translate("main", "--server does not go with --demo or an inventory file: the service's "
                                                        "routers are the ones shown."));
        const rl::Result<QUrl> base = rl::RemoteEngine::parseBase(parser.value(server));
        if (!base)
            return fail(base.error().message);
        const rl::Result<QByteArray> token = rl::RemoteEngine::readTokenFile(parser.value(tokenFile));
        if (!token)
            return fail(token.error().message);
        remote = rl::RemoteEngine::Options{*base, *token, parser.value(serverCa)};
    }

#ifdef ROUTERLENS_HAS_TOUR
    // A tour starts from the default layout and leaves the person's settings alone.
    const bool touring = parser.isSet(tour);
    QTemporaryDir tourSettings;
    if (touring)
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, tourSettings.path());
#endif

    QSettings settingsStore;
    rl::EngineSettings settings = rl::EngineSettings::load(settingsStore);
#ifdef ROUTERLENS_HAS_TOUR
    if (touring)
        settings.storePath = QStringLiteral(":memory:"); // a tour leaves nothing behind
#endif
    rl::RouterDataService service(settings);
    if (parser.isSet(demo))
        service.useDemoLab();

    rl::MainWindow window(&service); // restores its size and layout, or starts at a roomy default
    window.show();
    // Through the window, so that a file that does not load is shown there with file and line,
    // and what the service refuses is shown in its banner.
    if (remote)
        window.connectToService(remote->base, remote->token, remote->caFile);
    else if (!inventoryFile.isEmpty())
        window.openInventory(inventoryFile);
    else if (!parser.isSet(demo))
        window.reopenLastInventory();
    // The service keeps its own health schedules; this computer's run only with its own engine.
    rl::HealthCollector collector(&service, remote ? QList<rl::HealthCollector::Schedule>{} : healthSchedules(settings.healthSchedules));
#ifdef ROUTERLENS_HAS_TOUR
    if (!touring && !remote)
        collector.start();
#else
    if (!remote)
        collector.start();
#endif
#ifdef ROUTERLENS_HAS_TOUR
    std::unique_ptr<rl::TourRunner> runner;
    if (touring) {
        runner = std::make_unique<rl::TourRunner>(&window, parser.value(tour));
        runner->start();
    }
#endif
    return app.exec();
}
