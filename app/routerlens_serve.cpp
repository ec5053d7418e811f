// routerlens-serve: the RouterLens engine as an HTTP service for a provider's team and its
// customers (README "The HTTP API"). Argument parsing and wiring only; the work is
// RouterDataService's, the HTTP is server/.

#include "engine/api/event_log.h"
#include "engine/service/health_collector.h"
#include "engine/service/router_data_service.h"
#include "engine/team/pg_database.h"
#include "engine/team/pg_result_store.h"
#include "engine/team/pg_throttle_state_store.h"
#include "engine/team/pg_work_exchange.h"
#include "server/api_server.h"
#include "server/http_server.h"
#include "server/token_store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitUsage = 2 };

void out(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
}

void err(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stderr);
}

const char *kTopHelp =
    "Usage: routerlens-serve <command> [options]\n"
    "\n"
    "The RouterLens engine as an HTTP API (OpenAPI document at /openapi.json). Who a caller is\n"
    "comes from its token: its role, and for external customers the customer whose connections\n"
    "it may see.\n"
    "\n"
    "Commands:\n"
    "  run       Serve the API (--demo or --inventory FILE; TLS with --tls-cert and --tls-key)\n"
    "  token     Make, list and revoke API tokens: token create|list|revoke\n"
    "  openapi   Print the OpenAPI document\n"
    "\n"
    "Run 'routerlens-serve <command> --help' for a command's options.\n";

QString defaultTokenFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/api-tokens.json");
}

void addTokenFileOption(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("tokens"), QStringLiteral("The token file (default: %1).").arg(defaultTokenFile()),
                 QStringLiteral("file")});
}

QString tokenFile(const QCommandLineParser &p)
{
    const QString f = p.value(QStringLiteral("tokens"));
    if (!f.isEmpty())
        return f;
    QDir().mkpath(QFileInfo(defaultTokenFile()).absolutePath());
    return defaultTokenFile();
}

int runToken(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "API tokens. A token is shown once, when made; the file keeps only its SHA-256.\n"
        "  token create --client ID --role internal|external|admin [--customer NAME] [--note TEXT]\n"
        "  token list\n"
        "  token revoke ID"));
    addTokenFileOption(p);
    p.addOption({QStringLiteral("client"), QStringLiteral("The client the token stands for."), QStringLiteral("id")});
    p.addOption({QStringLiteral("role"), QStringLiteral("internal, external or admin."), QStringLiteral("role")});
    p.addOption({QStringLiteral("customer"), QStringLiteral("External clients: the customer whose connections they see."),
                 QStringLiteral("name")});
    p.addOption({QStringLiteral("note"), QStringLiteral("A note kept with the token (who has it, what for)."), QStringLiteral("text")});
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("create, list or revoke"));
    p.addHelpOption();
    p.process(args);
    const QStringList pos = p.positionalArguments();
    rl::TokenStore store(tokenFile(p));
    if (const rl::Error e = store.load()) {
        err(QStringLiteral("routerlens-serve: %1\n").arg(e.message));
        return ExitFailed;
    }
    const QString action = pos.value(0);
    if (action == QLatin1String("create") && pos.size() == 1) {
        const std::optional<rl::Role> role = rl::roleFromName(p.value(QStringLiteral("role")));
        if (!role) {
            err(QStringLiteral("routerlens-serve token create: --role must be internal, external or admin.\n"));
            return ExitUsage;
        }
        rl::ClientIdentity client{p.value(QStringLiteral("client")), *role, p.value(QStringLiteral("customer"))};
        const rl::Result<QString> token = store.create(client, p.value(QStringLiteral("note")));
        if (!token) {
            err(QStringLiteral("routerlens-serve token create: %1\n").arg(token.error().message));
            return token.error().code == rl::ErrorCode::InvalidRequest ? ExitUsage : ExitFailed;
        }
        out(*token + QLatin1Char('\n'));
        err(QStringLiteral("Token %1 for %2 (%3%4) made: it is shown only now; keep it in a file only its user can read.\n")
                .arg(store.entries().last().id, client.id, rl::roleName(client.role),
                     client.customer.isEmpty() ? QString() : QStringLiteral(", customer ") + client.customer));
        return ExitOk;
    }
    if (action == QLatin1String("list") && pos.size() == 1) {
        out(QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                .arg(QStringLiteral("ID").leftJustified(12), QStringLiteral("CLIENT").leftJustified(16),
                     QStringLiteral("ROLE").leftJustified(8), QStringLiteral("CUSTOMER").leftJustified(12),
                     QStringLiteral("CREATED").leftJustified(20), QStringLiteral("STATE")));
        for (const rl::TokenStore::Entry &e : store.entries())
            out(QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                    .arg(e.id.leftJustified(12), e.client.id.leftJustified(16), rl::roleName(e.client.role).leftJustified(8),
                         (e.client.customer.isEmpty() ? QStringLiteral("-") : e.client.customer).leftJustified(12),
                         e.created.toString(Qt::ISODate).leftJustified(20),
                         e.isRevoked() ? QStringLiteral("revoked ") + e.revoked.toString(Qt::ISODate) : QStringLiteral("valid")));
        return ExitOk;
    }
    if (action == QLatin1String("revoke") && pos.size() == 2) {
        if (const rl::Error e = store.revoke(pos.at(1))) {
            err(QStringLiteral("routerlens-serve token revoke: %1\n").arg(e.message));
            return e.code == rl::ErrorCode::InvalidRequest ? ExitUsage : ExitFailed;
        }
        err(QStringLiteral("Token %1 revoked.\n").arg(pos.at(1)));
        return ExitOk;
    }
    err(QStringLiteral("routerlens-serve token: say create, list or revoke ID (see --help).\n"));
    return ExitUsage;
}

// SIGINT and SIGTERM end the event loop cleanly (the service cancels and joins its workers).
int g_signalPipe[2] = {-1, -1};
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    QHostAddress address;
    if (!ok || port > 65535 || !address.setAddress(host))
        return std::nullopt;
    return std::make_pair(address, quint16(port));
}

// Long on purpose: the service's options, each checked next to its own message and exit code,
// then start, the start line and a clean stop.
int runServe(QCoreApplication &app, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Serve the RouterLens API. Plain HTTP is allowed on a loopback address only (a proxy in front\n"
        "does TLS) unless --insecure-http says otherwise; anywhere else give --tls-cert and --tls-key.\n"
        "Example: routerlens-serve run --demo --listen 127.0.0.1:8750"));
    p.addOption({QStringLiteral("listen"), QStringLiteral("Address and port (default 127.0.0.1:8750)."), QStringLiteral("addr:port"),
                 QStringLiteral("127.0.0.1:8750")});
    p.addOption({QStringLiteral("inventory"), QStringLiteral("Inventory file (.json, or Nornir hosts .yaml)."), QStringLiteral("file")});
    p.addOption({QStringLiteral("demo"), QStringLiteral("Serve the built-in demo lab (recorded router output; no network).")});
    p.addOption({QStringLiteral("tls-cert"), QStringLiteral("TLS certificate chain (PEM)."), QStringLiteral("file")});
    p.addOption({QStringLiteral("tls-key"), QStringLiteral("TLS private key (PEM)."), QStringLiteral("file")});
    p.addOption({QStringLiteral("insecure-http"), QStringLiteral("Allow plain HTTP on an address that is not loopback.")});
    p.addOption({QStringLiteral("settings"), QStringLiteral("Settings file (INI) for throttles, timeouts, cache ages."), QStringLiteral("file")});
    p.addOption({QStringLiteral("store"), QStringLiteral("Result store (SQLite file); default: the user's data folder."), QStringLiteral("file")});
    p.addOption({QStringLiteral("collect"),
                 QStringLiteral("Collect KIND every SECONDS from ROUTERS (default: all) at background priority, kept in the "
                                "store with history, e.g. bgp-status:60 or arp-table:300:pe1,pe2. Repeatable; replaces "
                                "the settings file's engine/healthSchedules."),
                 QStringLiteral("kind:seconds[:routers]")});
    p.addOption({QStringLiteral("database"),
                 QStringLiteral("Team mode: keep the store, the throttle counters and shared work in this PostgreSQL "
                                "database (postgresql://[user@]host[:port]/dbname or libpq key=value pairs; no password: "
                                "use PGPASSFILE, a service file or peer authentication). Default: $ROUTERLENS_DATABASE; "
                                "without either, this process alone (SQLite store)."),
                 QStringLiteral("url")});
    p.addOption({QStringLiteral("lease-seconds"),
                 QStringLiteral("Team mode: how long a lease on running work lasts without renewal, i.e. how soon "
                                "another process takes over the work of one that died (default 15)."),
                 QStringLiteral("seconds"), QStringLiteral("15")});
    addTokenFileOption(p);
    p.addHelpOption();
    p.process(args);

    const auto listen = parseListen(p.value(QStringLiteral("listen")));
    if (!listen) {
        err(QStringLiteral("routerlens-serve: --listen must be ADDRESS:PORT (e.g. 127.0.0.1:8750 or [::1]:8750).\n"));
        return ExitUsage;
    }
    const bool tls = p.isSet(QStringLiteral("tls-cert")) || p.isSet(QStringLiteral("tls-key"));
    if (!tls && !listen->first.isLoopback() && !p.isSet(QStringLiteral("insecure-http"))) {
        err(QStringLiteral("routerlens-serve: refusing plain HTTP on %1: tokens and router data would cross the network "
                           "unencrypted. Give --tls-cert and --tls-key, listen on a loopback address behind a TLS proxy, "
                           "or say --insecure-http.\n")
                .arg(listen->first.toString()));
        return ExitUsage;
    }
    std::optional<QSslConfiguration> sslConf;
    if (tls) {
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(p.value(QStringLiteral("tls-cert")), QSsl::Pem);
        QFile keyFile(p.value(QStringLiteral("tls-key")));
        QSslKey key;
        if (keyFile.open(QIODevice::ReadOnly)) {
            const QByteArray pem = keyFile.readAll();
            key = QSslKey(pem, QSsl::Rsa, QSsl::Pem);
            if (key.isNull())
                key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
        }
        if (chain.isEmpty() || key.isNull()) {
            err(QStringLiteral("routerlens-serve: --tls-cert must name a PEM certificate (chain) and --tls-key its PEM "
                               "private key (RSA or EC, not encrypted).\n"));
            return ExitUsage;
        }
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setLocalCertificateChain(chain);
        conf.setPrivateKey(key);
        conf.setProtocol(QSsl::TlsV1_2OrLater);
        conf.setPeerVerifyMode(QSslSocket::VerifyNone);
        sslConf = conf;
    }

    rl::TokenStore tokens(tokenFile(p));
    if (const rl::Error e = tokens.load()) {
        err(QStringLiteral("routerlens-serve: %1\n").arg(e.message));
        return ExitFailed;
    }

    rl::EngineSettings settings = rl::EngineSettings::defaults();
    if (p.isSet(QStringLiteral("settings"))) {
        QSettings file(p.value(QStringLiteral("settings")), QSettings::IniFormat);
        settings = rl::EngineSettings::load(file);
    }
    if (p.isSet(QStringLiteral("store")))
        settings.storePath = p.value(QStringLiteral("store"));

    // Team mode: several processes on one PostgreSQL database. Its errors end the start: a
    // service that silently ran alone would break the limits the team relies on.
    rl::RouterDataService::Backends backends;
    std::shared_ptr<rl::PgWorkExchange> exchange;
    const QString database = p.isSet(QStringLiteral("database"))
        ? p.value(QStringLiteral("database"))
        : qEnvironmentVariable("ROUTERLENS_DATABASE");
    if (!database.isEmpty()) {
        if (p.isSet(QStringLiteral("store"))) {
            err(QStringLiteral("routerlens-serve: --store and --database do not go together: in team mode the store is "
                               "the database.\n"));
            return ExitUsage;
        }
        bool ok = false;
        const double leaseSeconds = p.value(QStringLiteral("lease-seconds")).toDouble(&ok);
        if (!ok || leaseSeconds < 1 || leaseSeconds > 3600) {
            err(QStringLiteral("routerlens-serve: --lease-seconds must be 1 to 3600.\n"));
            return ExitUsage;
        }
        if (const rl::Error e = rl::PgDatabase::checkConninfo(database)) {
            err(QStringLiteral("routerlens-serve: %1\n").arg(e.toString()));
            return ExitUsage;
        }
        auto db = std::make_shared<rl::PgDatabase>(database);
        if (const rl::Error e = db->open()) {
            err(QStringLiteral("routerlens-serve: %1\n").arg(e.toString()));
            return ExitFailed;
        }
        rl::PgWorkExchange::Options options;
        options.leaseMs = int(leaseSeconds * 1000);
        exchange = std::make_shared<rl::PgWorkExchange>(db, options);
        backends.store = std::make_shared<rl::PgResultStore>(db);
        backends.throttleState = std::make_shared<rl::PgThrottleStateStore>(db);
        backends.workExchange = exchange;
        err(QStringLiteral("routerlens-serve: team mode on %1 (schema %2), this process is %3\n")
                .arg(db->describe())
                .arg(db->schemaVersion())
                .arg(exchange->holderId()));
    }
    rl::RouterDataService service(settings, backends);
    if (!database.isEmpty() && service.storeError()) {
        err(QStringLiteral("routerlens-serve: %1\n").arg(service.storeError().toString()));
        return ExitFailed;
    }
    if (p.isSet(QStringLiteral("store")) && service.storeError()) {
        err(QStringLiteral("routerlens-serve: the store given with --store cannot be used: %1\n").arg(service.storeError().message));
        return ExitUsage;
    }
    const bool demo = p.isSet(QStringLiteral("demo"));
    const QString inventory = p.value(QStringLiteral("inventory"));
    if (demo == !inventory.isEmpty()) {
        err(QStringLiteral("routerlens-serve: give either --inventory FILE or --demo.\n"));
        return ExitUsage;
    }
    if (demo) {
        service.useDemoLab();
    } else if (const rl::Error e = service.loadInventory(inventory)) {
        err(QStringLiteral("routerlens-serve: %1\n").arg(e.message));
        return ExitUsage;
    }

    // Periodic health collection: checked against the inventory before anything listens.
    const QStringList scheduleTexts = p.isSet(QStringLiteral("collect")) ? p.values(QStringLiteral("collect")) : settings.healthSchedules;
    QList<rl::HealthCollector::Schedule> schedules;
    for (const QString &text : scheduleTexts) {
        const auto schedule = rl::HealthCollector::parse(text);
        if (!schedule) {
            err(QStringLiteral("routerlens-serve: %1\n").arg(schedule.error().message));
            return ExitUsage;
        }
        for (const QString &r : schedule->routers) {
            if (!service.inventory().router(r)) {
                err(QStringLiteral("routerlens-serve: the health schedule \"%1\" names the router \"%2\", which the "
                                   "inventory does not have.\n").arg(text, r));
                return ExitUsage;
            }
        }
        schedules << *schedule;
    }
    rl::HealthCollector collector(&service, schedules);

    rl::ApiServer api(service, tokens, {});
    rl::HttpServer http(rl::HttpServer::Limits{});
    http.setHandler([&api](const rl::HttpRequest &r, rl::HttpResponder responder) { api.handle(r, std::move(responder)); });
    const rl::Result<quint16> port = http.listen(listen->first, listen->second, sslConf);
    if (!port) {
        err(QStringLiteral("routerlens-serve: %1\n").arg(port.error().message));
        return ExitFailed;
    }
    const QString host = listen->first.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(listen->first.toString())
        : listen->first.toString();
    err(QStringLiteral("routerlens-serve: serving %1://%2:%3/ (%4, %5 tokens, %6 valid)\n")
            .arg(tls ? QStringLiteral("https") : QStringLiteral("http"), host)
            .arg(*port)
            .arg(demo ? QStringLiteral("the demo lab") : inventory)
            .arg(tokens.entries().size())
            .arg(std::count_if(tokens.entries().cbegin(), tokens.entries().cend(),
                               [](const rl::TokenStore::Entry &e) { return !e.isRevoked(); })));

    for (const rl::HealthCollector::Schedule &sch : schedules)
        err(QStringLiteral("routerlens-serve: collecting %1 every %2 s from %3\n")
                .arg(rl::queryKindName(sch.kind))
                .arg(sch.everySeconds)
                .arg(sch.routers.isEmpty() ? QStringLiteral("every router") : sch.routers.join(QStringLiteral(", "))));
    collector.start();

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
            err(QStringLiteral("routerlens-serve: stopping\n"));
            app.quit();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    return app.exec() == 0 ? ExitOk : ExitFailed;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("RouterLens"));
    QCoreApplication::setApplicationName(QStringLiteral("RouterLens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROUTERLENS_VERSION));
    rl::EventLog::instance().setEchoLevel(rl::LogEntry::Level::Warning, qEnvironmentVariableIsSet("ROUTERLENS_VERBOSE"));

    QStringList args = app.arguments();
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")) {
        out(QString::fromLatin1(kTopHelp));
        return args.size() < 2 ? ExitUsage : ExitOk;
    }
    if (args[1] == QLatin1String("--version")) {
        out(QStringLiteral("routerlens-serve %1\n").arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    const QString command = args.takeAt(1);
    if (command == QLatin1String("run"))
        return runServe(app, args);
    if (command == QLatin1String("token"))
        return runToken(args);
    if (command == QLatin1String("openapi")) {
        out(QString::fromUtf8(rl::ApiServer::openApiDocument()));
        return ExitOk;
    }
    err(QStringLiteral("routerlens-serve: no command \"%1\" (run, token, openapi; see --help).\n").arg(command));
    return ExitUsage;
}
