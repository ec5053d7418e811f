// routerlens-cli: the RouterLens engine from a terminal or a script.
// Argument parsing and wiring only; the work is RouterDataService's.

#include "engine/api/display_text.h"
#include "engine/api/event_log.h"
#include "engine/api/record_export.h"
#include "engine/api/request_validator.h"
#include "engine/diagnosis/connection_diagnosis.h"
#include "engine/service/connection_diagnoser.h"
#include "engine/service/router_data_service.h"
#include "engine/vendors/offline_parser.h"
#include "engine/vendors/translator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {

// Exit codes: scripts tell success, partial failure and bad usage apart.
enum ExitCode {
    ExitOk = 0,          // every router answered
    ExitFailed = 1,      // the request was refused or every router failed
    ExitUsage = 2,       // bad command line, bad parameters, broken inventory
    ExitPartial = 3,     // some routers answered, some failed
};

// Ranges of the numbers the command line takes.
constexpr qint64 kMaxAgeLimitSec = 365LL * 86400; // a stored answer up to a year old
constexpr int kTimeoutLimitSec = 86400;           // a day

// Everything printed goes through here: what routers said (descriptions, names, error lines)
// reaches a terminal with its control characters shown ("\x1b"), never obeyed. Line ends and
// tabs stay; JSON escapes its own.
void print(FILE *stream, const QString &text)
{
    const QByteArray utf8 = rl::DisplayText::escapeControls(text, rl::DisplayText::Keep::LineBreaks).toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stream);
}

void out(const QString &text)
{
    print(stdout, text);
}

void err(const QString &text)
{
    print(stderr, text);
}

// One RFC 4180 record.
QString csvLine(const QStringList &fields)
{
    QStringList quoted;
    for (const QString &f : fields)
        quoted.append(rl::RecordExport::csvField(f));
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

const char *kTopHelp =
    "Usage: routerlens-cli <command> [options]\n"
    "\n"
    "RouterLens asks routers read-only questions through one engine: per-router priority\n"
    "queues, throttling, coalescing, a result store with history.\n"
    "\n"
    "Commands:\n"
    "  query     Ask one or more routers a question (facts, bgp-status, arp-table, ...)\n"
    "  routers   List the routers the client may see\n"
    "  kinds     List the query kinds and the parameters each takes (--platforms: which platform answers which)\n"
    "  diagnose  Check a customer's private connection from both ends, layer by layer (link, VLAN, ARP, BGP, routes)\n"
    "  parse     Turn saved or pasted router output into normalized records (offline)\n"
    "\n"
    "Run 'routerlens-cli <command> --help' for a command's options.\n"
    "Exit codes: 0 success, 1 refused or every router failed, 2 bad usage, 3 partial failure.\n";

void addSourceOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("inventory"), QStringLiteral("Inventory file (.json, or Nornir hosts .yaml)."), QStringLiteral("file")});
    p.addOption({QStringLiteral("demo"), QStringLiteral("Use the built-in demo lab (recorded router output; no network).")});
    p.addOption({QStringLiteral("client"), QStringLiteral("Client identity (default: your user name)."), QStringLiteral("id")});
    p.addOption({QStringLiteral("role"), QStringLiteral("Client role: internal, external or admin (default: internal)."), QStringLiteral("role"), QStringLiteral("internal")});
    p.addOption({QStringLiteral("customer"), QStringLiteral("For external clients: the customer whose connections they may see."), QStringLiteral("name")});
    p.addOption({QStringLiteral("format"), QStringLiteral("Output: table, json or csv (default: table)."), QStringLiteral("format"), QStringLiteral("table")});
    p.addOption({QStringLiteral("settings"), QStringLiteral("Settings file (INI) for throttles, timeouts, cache ages."), QStringLiteral("file")});
    p.addOption({QStringLiteral("store"), QStringLiteral("Result store (SQLite file); default: the user's data folder."), QStringLiteral("file")});
    p.addHelpOption();
}

struct Source {
    rl::ClientIdentity client;
    QString format;
};

// Returns ExitOk or the exit code to leave with (after printing why).
int setUp(const QCommandLineParser &p, rl::RouterDataService &service, Source &src)
{
    // A store named on the command line that cannot be used (not a RouterLens store, read-only,
    // ...) stops here: its warning above says why, and nothing is asked.
    if (p.isSet(QStringLiteral("store")) && service.storeError()) {
        err(QStringLiteral("routerlens-cli: the store given with --store cannot be used; nothing was asked.\n"));
        return ExitUsage;
    }
    src.format = p.value(QStringLiteral("format"));
    if (src.format != QLatin1String("table") && src.format != QLatin1String("json") && src.format != QLatin1String("csv")) {
        err(QStringLiteral("routerlens-cli: --format must be table, json or csv, not \"%1\".\n").arg(src.format));
        return ExitUsage;
    }
    const auto role = rl::roleFromName(p.value(QStringLiteral("role")));
    if (!role) {
        err(QStringLiteral("routerlens-cli: --role must be internal, external or admin.\n"));
        return ExitUsage;
    }
    src.client.role = *role;
    src.client.customer = p.value(QStringLiteral("customer"));
    QString id = p.value(QStringLiteral("client"));
    if (id.isEmpty())
        id = qEnvironmentVariable("USER", QStringLiteral("local"));
    src.client.id = id;
    if (src.client.role == rl::Role::External && src.client.customer.isEmpty()) {
        err(QStringLiteral("routerlens-cli: an external client needs --customer NAME.\n"));
        return ExitUsage;
    }
    const bool demo = p.isSet(QStringLiteral("demo"));
    const QString inventory = p.value(QStringLiteral("inventory"));
    if (demo == !inventory.isEmpty()) {
        err(QStringLiteral("routerlens-cli: give either --inventory FILE or --demo.\n"));
        return ExitUsage;
    }
    if (demo) {
        service.useDemoLab();
    } else if (const rl::Error e = service.loadInventory(inventory)) {
        err(QStringLiteral("routerlens-cli: %1\n").arg(e.message));
        if (!e.detail.isEmpty())
            err(QStringLiteral("  %1\n").arg(e.detail));
        return ExitUsage;
    }
    return ExitOk;
}

rl::EngineSettings loadSettings(const QCommandLineParser &p)
{
    rl::EngineSettings settings = rl::EngineSettings::defaults();
    if (p.isSet(QStringLiteral("settings"))) {
        QSettings file(p.value(QStringLiteral("settings")), QSettings::IniFormat);
        settings = rl::EngineSettings::load(file);
    } else {
        QSettings user;
        settings = rl::EngineSettings::load(user);
    }
    if (p.isSet(QStringLiteral("store")))
        settings.storePath = p.value(QStringLiteral("store"));
    return settings;
}

int runRouters(QCoreApplication &app, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List the routers the client may see, with their platform and tags."));
    addSourceOptions(p);
    p.process(args);
    rl::RouterDataService service(loadSettings(p));
    Source src;
    if (const int rc = setUp(p, service, src))
        return rc;
    const QStringList visible = service.visibleRouters(src.client);
    if (src.format == QLatin1String("json")) {
        QJsonArray arr;
        for (const QString &name : visible) {
            const rl::Router *r = service.inventory().router(name);
            QJsonObject tags;
            for (auto it = r->tags.cbegin(); it != r->tags.cend(); ++it)
                tags.insert(it.key(), it.value());
            arr.append(QJsonObject{{QStringLiteral("name"), r->name}, {QStringLiteral("host"), r->host},
                                   {QStringLiteral("port"), r->port}, {QStringLiteral("platform"), r->platform},
                                   {QStringLiteral("transport"), rl::transportKindName(r->transport)},
                                   {QStringLiteral("tags"), tags}});
        }
        out(QString::fromUtf8(rl::DisplayText::jsonForTerminal(
            QJsonDocument(QJsonObject{{QStringLiteral("version"), rl::ApiVersion}, {QStringLiteral("routers"), arr}})
                .toJson(QJsonDocument::Indented))));
        return ExitOk;
    }
    if (src.format == QLatin1String("csv"))
        out(QStringLiteral("name,host,port,platform,transport,tags\r\n"));
    for (const QString &name : visible) {
        const rl::Router *r = service.inventory().router(name);
        QStringList tags;
        for (auto it = r->tags.cbegin(); it != r->tags.cend(); ++it)
            tags.append(it.key() + QLatin1Char('=') + it.value());
        if (src.format == QLatin1String("csv")) {
            out(csvLine({r->name, r->host, QString::number(r->port), r->platform, rl::transportKindName(r->transport),
                         tags.join(QLatin1Char(' '))}));
        } else {
            out(QStringLiteral("%1  %2:%3  %4  %5\n").arg(r->name.leftJustified(20), r->host, QString::number(r->port),
                                                          r->platform.leftJustified(14), tags.join(QLatin1Char(' '))));
        }
    }
    Q_UNUSED(app);
    return ExitOk;
}

// Which platform answers which kind: a translator that turns the kind into commands answers
// it (some need a parameter, e.g. IOS-XR optics an interface); unsupported-query means it cannot.
int runPlatformMatrix()
{
    rl::QueryParams p;
    p.neighbor = QStringLiteral("198.51.100.1");
    p.destination = QStringLiteral("198.51.100.1");
    QString header = QStringLiteral("platform").leftJustified(15);
    for (rl::QueryKind kind : rl::allQueryKinds())
        header += QLatin1Char(' ') + rl::queryKindName(kind);
    out(header + QLatin1Char('\n'));
    for (const QString &platform : rl::TranslatorRegistry::platforms()) {
        const rl::Translator *t = rl::TranslatorRegistry::find(platform);
        QString line = platform.leftJustified(15);
        for (rl::QueryKind kind : rl::allQueryKinds()) {
            const auto commands = t->commands(kind, p);
            const bool answers = commands.ok() || commands.error().code != rl::ErrorCode::UnsupportedQuery;
            line += QLatin1Char(' ') + QString(answers ? QStringLiteral("yes") : QStringLiteral("-"))
                                           .leftJustified(int(rl::queryKindName(kind).size()));
        }
        out(line.trimmed() + QLatin1Char('\n'));
    }
    return ExitOk;
}

int runKinds(const QStringList &args)
{
    if (args.contains(QLatin1String("--platforms")))
        return runPlatformMatrix();
    for (rl::QueryKind kind : rl::allQueryKinds()) {
        QStringList params;
        for (const char *name : {"neighbor", "vrf", "addressFamily", "interface", "destination"}) {
            const QString n = QString::fromLatin1(name);
            if (rl::RequestValidator::usesParam(kind, n))
                params.append(rl::RequestValidator::requiresParam(kind, n) ? n + QStringLiteral(" (required)") : n);
        }
        out(QStringLiteral("%1  %2  %3\n").arg(rl::queryKindName(kind).leftJustified(18), rl::queryKindTitle(kind).leftJustified(22),
                                               params.isEmpty() ? QStringLiteral("-") : params.join(QStringLiteral(", "))));
    }
    return ExitOk;
}

int runQuery(QCoreApplication &app, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Ask routers one question. KIND is one of: facts, link-status, bgp-status, arp-table, vlan-errors,\n"
        "received-routes, advertised-routes, route-lookup, lldp-neighbors, optics.\n"
        "Example: routerlens-cli query --demo --all bgp-status"));
    addSourceOptions(p);
    p.addOption({{QStringLiteral("r"), QStringLiteral("router")}, QStringLiteral("A router to ask (repeat for several)."), QStringLiteral("name")});
    p.addOption({QStringLiteral("all"), QStringLiteral("Ask every router the client may see.")});
    p.addOption({QStringLiteral("neighbor"), QStringLiteral("BGP neighbor address (received/advertised routes, bgp-status filter)."), QStringLiteral("ip")});
    p.addOption({QStringLiteral("vrf"), QStringLiteral("VRF name (default: the global table)."), QStringLiteral("name")});
    p.addOption({QStringLiteral("af"), QStringLiteral("Address family: ipv4 or ipv6."), QStringLiteral("family")});
    p.addOption({QStringLiteral("interface"), QStringLiteral("Interface name filter."), QStringLiteral("name")});
    p.addOption({QStringLiteral("destination"), QStringLiteral("route-lookup: address or prefix."), QStringLiteral("ip")});
    p.addOption({QStringLiteral("max-age"), QStringLiteral("Accept a stored answer up to this many seconds old (default 0: ask the router)."), QStringLiteral("seconds"), QStringLiteral("0")});
    p.addOption({QStringLiteral("background"), QStringLiteral("Nobody is waiting: lower priority.")});
    p.addOption({QStringLiteral("timeout"), QStringLiteral("Give up after this many seconds (default 120)."), QStringLiteral("seconds"), QStringLiteral("120")});
    p.addPositionalArgument(QStringLiteral("kind"), QStringLiteral("The query kind."));
    p.process(args);

    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) {
        err(QStringLiteral("routerlens-cli query: name exactly one query kind, e.g. bgp-status (see 'routerlens-cli kinds').\n"));
        return ExitUsage;
    }
    const auto kind = rl::queryKindFromName(pos.first());
    if (!kind) {
        err(QStringLiteral("routerlens-cli query: \"%1\" is not a query kind; see 'routerlens-cli kinds'.\n").arg(pos.first()));
        return ExitUsage;
    }
    bool ok = false;
    const qint64 maxAge = p.value(QStringLiteral("max-age")).toLongLong(&ok);
    if (!ok || maxAge < 0 || maxAge > kMaxAgeLimitSec) {
        err(QStringLiteral("routerlens-cli query: --max-age must be a number of seconds between 0 and %1.\n")
                .arg(kMaxAgeLimitSec));
        return ExitUsage;
    }
    // In milliseconds it must fit a timer's int: a day is plenty for any query.
    const int timeoutSec = p.value(QStringLiteral("timeout")).toInt(&ok);
    if (!ok || timeoutSec < 1 || timeoutSec > kTimeoutLimitSec) {
        err(QStringLiteral("routerlens-cli query: --timeout must be a number of seconds between 1 and %1.\n")
                .arg(kTimeoutLimitSec));
        return ExitUsage;
    }

    rl::RouterDataService service(loadSettings(p));
    Source src;
    if (const int rc = setUp(p, service, src))
        return rc;
    rl::Request req;
    req.client = src.client;
    req.kind = *kind;
    req.routers = p.values(QStringLiteral("router"));
    if (p.isSet(QStringLiteral("all"))) {
        if (!req.routers.isEmpty()) {
            err(QStringLiteral("routerlens-cli query: give --router names or --all, not both.\n"));
            return ExitUsage;
        }
        req.routers = service.visibleRouters(src.client);
    }
    if (req.routers.isEmpty()) {
        err(QStringLiteral("routerlens-cli query: name routers with --router NAME (repeatable) or use --all.\n"));
        return ExitUsage;
    }
    req.params.neighbor = p.value(QStringLiteral("neighbor"));
    req.params.vrf = p.value(QStringLiteral("vrf"));
    req.params.addressFamily = p.value(QStringLiteral("af"));
    req.params.interfaceName = p.value(QStringLiteral("interface"));
    req.params.destination = p.value(QStringLiteral("destination"));
    req.maxAgeSeconds = maxAge;
    req.urgency = p.isSet(QStringLiteral("background")) ? rl::Urgency::Background : rl::Urgency::Interactive;

    int exitCode = ExitFailed;
    QString requestId;
    QObject::connect(&service, &rl::RouterDataService::responseReady, &app, [&](const rl::Response &resp) {
        if (resp.requestId != requestId)
            return;
        if (src.format == QLatin1String("json"))
            out(QString::fromUtf8(rl::RecordExport::toJson(resp)));
        else if (src.format == QLatin1String("csv"))
            out(QString::fromUtf8(rl::RecordExport::toCsv(resp)));
        else
            out(rl::RecordExport::toTable(resp));
        if (resp.error.isError()) {
            if (src.format != QLatin1String("table"))
                err(QStringLiteral("routerlens-cli: %1: %2\n").arg(resp.error.codeName(), resp.error.message));
            exitCode = (resp.error.code == rl::ErrorCode::InvalidRequest || resp.error.code == rl::ErrorCode::UnknownRouter
                        || resp.error.code == rl::ErrorCode::UnsupportedQuery)
                           ? ExitUsage
                           : ExitFailed;
        } else {
            const int failed = resp.failedCount();
            exitCode = failed == 0 ? ExitOk : failed == resp.results.size() ? ExitFailed : ExitPartial;
            if (failed > 0 && src.format != QLatin1String("table"))
                err(QStringLiteral("routerlens-cli: %1 of %2 routers failed; see their errors in the output.\n")
                        .arg(failed).arg(resp.results.size()));
        }
        app.exit(exitCode);
    });
    QTimer::singleShot(std::chrono::seconds(timeoutSec), &app, [&] {
        err(QStringLiteral("routerlens-cli: no complete answer within %1 s; giving up (use --timeout to wait longer).\n").arg(timeoutSec));
        service.cancel(requestId);
        app.exit(ExitFailed);
    });
    requestId = service.submit(req);
    return app.exec();
}

// diagnose's own exit codes: what the diagnosis found, worst over the connections.
enum DiagnoseExit {
    DiagnoseAllOk = 0,       // every check passed
    DiagnoseFault = 1,       // a fault was found (its layer is named as the likely cause)
    DiagnoseWarning = 3,     // no fault, but a warning (the most specific one is named)
    DiagnoseCannotCheck = 4, // no fault, but some checks could not be made (a router not answering)
};

QJsonObject stepJson(const rl::DiagnosisStep &s, bool withRecords)
{
    QJsonObject o{{QStringLiteral("layer"), s.layer},
                  {QStringLiteral("end"), rl::connectionEndName(s.end)},
                  {QStringLiteral("router"), s.router},
                  {QStringLiteral("verdict"), rl::verdictName(s.verdict)},
                  {QStringLiteral("finding"), s.finding},
                  {QStringLiteral("advice"), s.advice},
                  {QStringLiteral("evidence"), s.evidence},
                  {QStringLiteral("likelyCause"), s.likelyCause}};
    if (withRecords) {
        QJsonArray records;
        for (const rl::RouterResult &r : s.records) {
            QJsonObject part = r.toJson();
            part.insert(QStringLiteral("kind"), rl::queryKindName(r.records.kind()));
            records.append(part);
        }
        o.insert(QStringLiteral("records"), records);
    }
    return o;
}

int runDiagnose(QCoreApplication &app, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Check private connections from both ends, layer by layer: management reachability, optics, link\n"
        "(state, errors rising between two reads), MTU, VLAN tag, ARP and IPv6 neighbors, BGP per family\n"
        "and the routes one end announces against what the other accepts. The lowest fault is named as\n"
        "the likely cause; with no fault, the most specific warning.\n"
        "Exit codes: 0 every check passed, 1 a fault was found, 3 only warnings, 4 some checks could not\n"
        "be made (a router did not answer) and no fault was found, 2 bad usage.\n"
        "Example: routerlens-cli diagnose --demo --all"));
    addSourceOptions(p);
    p.addOption({QStringLiteral("connection"), QStringLiteral("A connection id from the inventory (repeatable)."), QStringLiteral("id")});
    p.addOption({QStringLiteral("all"), QStringLiteral("Every connection the client may see.")});
    p.addOption({QStringLiteral("max-age"), QStringLiteral("Accept stored answers up to this many seconds old (default 0)."), QStringLiteral("seconds"), QStringLiteral("0")});
    p.addOption({QStringLiteral("second-read"), QStringLiteral("Read counters again after this many seconds, to see errors rising (default 3; 0: read once)."),
                 QStringLiteral("seconds"), QStringLiteral("3")});
    p.process(args);
    rl::RouterDataService service(loadSettings(p));
    Source src;
    if (const int rc = setUp(p, service, src))
        return rc;
    // Only the client's own connections: an external customer sharing a provider router with
    // others must not learn their connections (ids, addresses, state).
    QList<rl::Connection> chosen;
    const QStringList wanted = p.values(QStringLiteral("connection"));
    for (const rl::Connection &c : service.visibleConnections(src.client)) {
        if (p.isSet(QStringLiteral("all")) || wanted.contains(c.id))
            chosen.append(c);
    }
    if (chosen.isEmpty()) {
        err(QStringLiteral("routerlens-cli diagnose: no such connection; name one with --connection ID or use --all.\n"));
        return ExitUsage;
    }
    bool ok = false;
    const qint64 maxAge = p.value(QStringLiteral("max-age")).toLongLong(&ok);
    if (!ok || maxAge < 0 || maxAge > kMaxAgeLimitSec) {
        err(QStringLiteral("routerlens-cli diagnose: --max-age must be a number of seconds between 0 and %1.\n")
                .arg(kMaxAgeLimitSec));
        return ExitUsage;
    }
    const double secondRead = p.value(QStringLiteral("second-read")).toDouble(&ok);
    if (!ok || !(secondRead >= 0 && secondRead <= 60)) { // written so that NaN fails too
        err(QStringLiteral("routerlens-cli diagnose: --second-read must be a number of seconds between 0 and 60.\n"));
        return ExitUsage;
    }

    rl::ConnectionDiagnoser diagnoser(service);
    QList<rl::DiagnosisResult> results;
    QObject::connect(&diagnoser, &rl::ConnectionDiagnoser::finished, &app, [&](const QList<rl::DiagnosisResult> &r) {
        results = r;
        app.exit(0);
    });
    diagnoser.start(chosen, src.client, maxAge, int(secondRead * 1000));
    if (diagnoser.isRunning())
        app.exec();

    int exitCode = DiagnoseAllOk;
    auto worse = [&](int code) {
        static const int rank[] = {0, 3, 0, 1, 2}; // by exit code: ok < warning < cannot-check < fault
        if (rank[code] > rank[exitCode])
            exitCode = code;
    };
    QJsonArray json;
    if (src.format == QLatin1String("csv"))
        out(csvLine({QStringLiteral("connection"), QStringLiteral("end"), QStringLiteral("router"), QStringLiteral("layer"),
                     QStringLiteral("verdict"), QStringLiteral("finding"), QStringLiteral("advice"), QStringLiteral("evidence"),
                     QStringLiteral("likelyCause")}));
    for (const rl::DiagnosisResult &d : results) {
        const rl::Connection &c = d.connection;
        const rl::Verdict overall = d.overall();
        worse(overall == rl::Verdict::Fault ? DiagnoseFault
              : overall == rl::Verdict::CannotCheck ? DiagnoseCannotCheck
              : overall == rl::Verdict::Warn ? DiagnoseWarning : DiagnoseAllOk);
        if (src.format == QLatin1String("table")) {
            const QString vlan = c.vlan > 0 ? QStringLiteral("VLAN %1").arg(c.vlan) : QStringLiteral("untagged");
            const QString customerEnd = c.customerRouter.isEmpty() ? QStringLiteral("customer router not in the inventory")
                                                                   : QStringLiteral("%1 %2").arg(c.customerRouter, c.customerInterface);
            out(QStringLiteral("== %1 (%2): %3 %4 <-> %5, %6, customer %7 AS%8\n")
                    .arg(c.id, c.customer, c.providerRouter, c.providerInterface, customerEnd, vlan, c.customerAddress)
                    .arg(c.customerAs));
        }
        QJsonArray jsteps;
        for (const rl::DiagnosisStep &s : d.steps) {
            jsteps.append(stepJson(s, true));
            if (src.format == QLatin1String("table"))
                out(QStringLiteral("   %1 %2 %3 %4%5\n")
                        .arg(s.layer.leftJustified(17), rl::connectionEndName(s.end).leftJustified(8),
                             rl::verdictName(s.verdict).toUpper().leftJustified(12), s.finding,
                             s.likelyCause ? QStringLiteral("   <- likely cause") : QString()));
            else if (src.format == QLatin1String("csv"))
                out(csvLine({c.id, rl::connectionEndName(s.end), s.router, s.layer, rl::verdictName(s.verdict), s.finding, s.advice,
                             s.evidence, s.likelyCause ? QStringLiteral("true") : QStringLiteral("false")}));
        }
        if (src.format == QLatin1String("table")) {
            if (const rl::DiagnosisStep *cause = d.cause())
                out(QStringLiteral("   => %1: %2 (%3). %4\n\n").arg(rl::verdictName(overall).toUpper(), cause->layer,
                                                                    cause->end == rl::ConnectionEnd::Both ? QStringLiteral("both ends")
                                                                        : rl::connectionEndName(cause->end) + QStringLiteral(" end"),
                                                                    cause->advice));
            else if (overall == rl::Verdict::CannotCheck)
                out(QStringLiteral("   => CANNOT-CHECK: no fault found, but some layers could not be checked (see above).\n\n"));
            else
                out(QStringLiteral("   => OK: every check passed.\n\n"));
        }
        QJsonObject jc{{QStringLiteral("connection"), c.id}, {QStringLiteral("customer"), c.customer},
                       {QStringLiteral("verdict"), rl::verdictName(overall)}, {QStringLiteral("steps"), jsteps}};
        if (const rl::DiagnosisStep *cause = d.cause())
            jc.insert(QStringLiteral("likelyCause"), stepJson(*cause, false));
        json.append(jc);
    }
    if (src.format == QLatin1String("json"))
        out(QString::fromUtf8(rl::DisplayText::jsonForTerminal(
            QJsonDocument(QJsonObject{{QStringLiteral("version"), rl::ApiVersion}, {QStringLiteral("diagnoses"), json}})
                .toJson(QJsonDocument::Indented))));
    return exitCode;
}

int runParse(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Turn saved or pasted router output into normalized records.\n"
        "Example: routerlens-cli parse --platform cisco-ios --query bgp-status show-bgp.txt"));
    p.addOption({QStringLiteral("platform"), QStringLiteral("Platform: frr, bird, gobgp, linux, cisco-ios, cisco-nxos, cisco-iosxr, juniper-junos, arista-eos."), QStringLiteral("platform")});
    p.addOption({QStringLiteral("query"), QStringLiteral("The query kind the output answers, e.g. bgp-status."), QStringLiteral("kind")});
    p.addOption({QStringLiteral("format"), QStringLiteral("Output: table, json or csv (default: table)."), QStringLiteral("format"), QStringLiteral("table")});
    p.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The saved output, or - for standard input."));
    p.addHelpOption();
    p.process(args);
    const auto kind = rl::queryKindFromName(p.value(QStringLiteral("query")));
    if (!kind || !p.isSet(QStringLiteral("platform")) || p.positionalArguments().size() != 1) {
        err(QStringLiteral("routerlens-cli parse: give --platform, --query KIND and one FILE (or -).\n"));
        return ExitUsage;
    }
    const QString format = p.value(QStringLiteral("format"));
    if (format != QLatin1String("table") && format != QLatin1String("json") && format != QLatin1String("csv")) {
        err(QStringLiteral("routerlens-cli parse: --format must be table, json or csv.\n"));
        return ExitUsage;
    }
    QFile file;
    const QString path = p.positionalArguments().first();
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        err(QStringLiteral("routerlens-cli parse: cannot read %1: %2\n").arg(path, file.errorString()));
        return ExitUsage;
    }
    // One byte over the limit is enough for the parser to refuse the text with its sentence.
    const QByteArray text = file.read(rl::OfflineParser::MaxTextBytes + 1);
    const QString platform = p.value(QStringLiteral("platform"));
    if (!rl::RouterDataService::platforms().contains(platform)) {
        err(QStringLiteral("routerlens-cli parse: unknown platform \"%1\"; known: %2.\n")
                .arg(platform, rl::RouterDataService::platforms().join(QStringLiteral(", "))));
        return ExitUsage;
    }
    const bool fromStdin = path == QLatin1String("-");
    rl::RouterResult part = rl::RouterDataService::parseOffline(platform, *kind, text,
                                                                fromStdin ? rl::AnswerSource::Pasted : rl::AnswerSource::File);
    part.router = fromStdin ? QStringLiteral("stdin") : path;
    if (part.ok())
        err(QStringLiteral("routerlens-cli parse: read as the output of \"%1\".\n").arg(part.commands.value(0)));
    rl::Response resp;
    resp.kind = *kind;
    resp.requestId = QStringLiteral("offline");
    resp.results = {part};
    if (format == QLatin1String("json"))
        out(QString::fromUtf8(rl::RecordExport::toJson(resp)));
    else if (format == QLatin1String("csv"))
        out(QString::fromUtf8(rl::RecordExport::toCsv(resp)));
    else
        out(rl::RecordExport::toTable(resp));
    return part.ok() ? ExitOk : ExitFailed;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("RouterLens"));
    QCoreApplication::setApplicationName(QStringLiteral("RouterLens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROUTERLENS_VERSION));
    const bool verbose = qEnvironmentVariableIsSet("ROUTERLENS_VERBOSE");
    rl::EventLog::instance().setEchoLevel(rl::LogEntry::Level::Warning, verbose);
    // Store warnings are printed always, verbose or not: a damaged store moved aside, an answer
    // skipped or not kept must not pass without a word. (Verbose prints every warning anyway.)
    if (!verbose) {
        QObject::connect(
            &rl::EventLog::instance(), &rl::EventLog::entryAdded, &rl::EventLog::instance(),
            [](const rl::LogEntry &e) {
                if (e.level >= rl::LogEntry::Level::Warning && e.source == QLatin1String("store"))
                    err(QStringLiteral("routerlens: warning: store: %1\n").arg(e.message));
            },
            Qt::DirectConnection);
    }

    QStringList args = app.arguments();
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h") || args[1] == QLatin1String("help")) {
        out(QString::fromLatin1(kTopHelp));
        return args.size() < 2 ? ExitUsage : ExitOk;
    }
    if (args[1] == QLatin1String("--version")) {
        out(QStringLiteral("routerlens-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    const QString command = args.takeAt(1);
    if (command == QLatin1String("query"))
        return runQuery(app, args);
    if (command == QLatin1String("routers"))
        return runRouters(app, args);
    if (command == QLatin1String("kinds"))
        return runKinds(args);
    if (command == QLatin1String("diagnose"))
        return runDiagnose(app, args);
    if (command == QLatin1String("parse"))
        return runParse(args);
    err(QStringLiteral("routerlens-cli: unknown command \"%1\".\n\n").arg(command) + QString::fromLatin1(kTopHelp));
    return ExitUsage;
}
