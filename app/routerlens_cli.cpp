// routerlens-cli: the RouterLens engine from a terminal or a script.
// Argument parsing and wiring only; the work is RouterDataService's.

#include "engine/api/display_text.h"
#include "engine/api/event_log.h"
#include "engine/api/record_export.h"
#include "engine/api/request_validator.h"
#include "engine/diagnosis/connection_diagnosis.h"
#include "engine/diagnosis/diagnosis_report.h"
#include "engine/diagnosis/session_compare.h"
#include "engine/inventory/inventory_json_writer.h"
#include "engine/service/connection_diagnoser.h"
#include "engine/service/netbox_import.h"
#include "engine/service/session_comparer.h"
#include "engine/service/router_data_service.h"
#include "engine/storage/memory_result_store.h"
#include "engine/transport/demo_transport.h"
#include "engine/transport/known_hosts_file.h"
#include "engine/transport/ssh_transport.h"
#include "engine/vendors/offline_parser.h"
#include "engine/vendors/translator.h"
#include "server/api_client.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QJsonArray>
#include <QUrl>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <optional>

#include <unistd.h>

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
    "  compare   Put the two ends of each BGP session, link or route exchange between routers side by side\n"
    "  parse     Turn saved or pasted router output into normalized records (offline)\n"
    "  inventory import  Turn a Nornir, Ansible, CSV or NetBox inventory into RouterLens's JSON form\n"
    "  known-hosts add|list|remove  Accept, show or remove a router's SSH host key\n"
    "\n"
    "Run 'routerlens-cli <command> --help' for a command's options.\n"
    "Exit codes: 0 success, 1 refused or every router failed, 2 bad usage, 3 partial failure.\n";

void addSourceOptions(QCommandLineParser &p, bool html = false)
{
    p.addOption({QStringLiteral("inventory"), QStringLiteral("Inventory file: .json, Nornir hosts .yaml, Ansible .ini/.yaml (or no suffix), .csv."), QStringLiteral("file")});
    p.addOption({QStringLiteral("demo"), QStringLiteral("Use the built-in demo lab (recorded router output; no network).")});
    p.addOption({QStringLiteral("client"), QStringLiteral("Client identity (default: your user name)."), QStringLiteral("id")});
    p.addOption({QStringLiteral("role"), QStringLiteral("Client role: internal, external or admin (default: internal)."), QStringLiteral("role"), QStringLiteral("internal")});
    p.addOption({QStringLiteral("customer"), QStringLiteral("For external clients: the customer whose connections they may see."), QStringLiteral("name")});
    p.addOption({QStringLiteral("format"),
                 html ? QStringLiteral("Output: table, json, csv or html (a self-contained report; default: table).")
                      : QStringLiteral("Output: table, json or csv (default: table)."),
                 QStringLiteral("format"), QStringLiteral("table")});
    p.addOption({QStringLiteral("settings"), QStringLiteral("Settings file (INI) for throttles, timeouts, cache ages."), QStringLiteral("file")});
    p.addOption({QStringLiteral("store"), QStringLiteral("Result store (SQLite file); default: the user's data folder."), QStringLiteral("file")});
    p.addOption({QStringLiteral("ssh-config"), QStringLiteral("OpenSSH client config for SSH routers and their ProxyJump hosts (default: the "
                                                              "setting ssh/configFile, else ~/.ssh/config; none: read none). The inventory wins over it."),
                 QStringLiteral("file")});
    p.addOption({QStringLiteral("server"), QStringLiteral("Ask a RouterLens service (routerlens-serve) instead of an engine of your own; "
                                                          "who you are is its token's."), QStringLiteral("url")});
    p.addOption({QStringLiteral("token-file"), QStringLiteral("With --server: a file (mode 600) holding your API token."), QStringLiteral("file")});
    p.addOption({QStringLiteral("server-ca"), QStringLiteral("With --server: the CA (PEM) that signed the service's certificate."), QStringLiteral("file")});
    p.addHelpOption();
}

struct Source {
    rl::ClientIdentity client;
    QString format;
    bool htmlAllowed = false; // diagnose writes an HTML report
};

// --format: ExitOk, or ExitUsage after saying why.
int checkFormat(const QCommandLineParser &p, Source &src)
{
    src.format = p.value(QStringLiteral("format"));
    if (src.format != QLatin1String("table") && src.format != QLatin1String("json") && src.format != QLatin1String("csv")
        && !(src.htmlAllowed && src.format == QLatin1String("html"))) {
        err(QStringLiteral("routerlens-cli: --format must be table, json%1 or csv, not \"%2\".\n")
                .arg(src.htmlAllowed ? QStringLiteral(", html") : QString(), src.format));
        return ExitUsage;
    }
    return ExitOk;
}

// With --server: the client of that service (who we are is its token's, so the options that
// say who we are or where routers come from do not apply). Without: nothing, and rc 0.
std::optional<rl::ApiClient> remoteClient(const QCommandLineParser &p, int &rc)
{
    rc = ExitOk;
    if (!p.isSet(QStringLiteral("server"))) {
        for (const char *o : {"token-file", "server-ca"}) {
            if (p.isSet(QLatin1String(o))) {
                err(QStringLiteral("routerlens-cli: --%1 goes with --server URL.\n").arg(QLatin1String(o)));
                rc = ExitUsage;
            }
        }
        return std::nullopt;
    }
    for (const char *o : {"demo", "inventory", "role", "customer", "client", "store", "settings"}) {
        if (p.isSet(QLatin1String(o))) {
            err(QStringLiteral("routerlens-cli: --%1 does not go with --server: the service has the routers, and who you "
                               "are comes from your token.\n")
                    .arg(QLatin1String(o)));
            rc = ExitUsage;
            return std::nullopt;
        }
    }
    const rl::Result<QUrl> base = rl::ApiClient::parseBase(p.value(QStringLiteral("server")));
    if (!base) {
        err(QStringLiteral("routerlens-cli: %1\n").arg(base.error().message));
        rc = ExitUsage;
        return std::nullopt;
    }
    if (!p.isSet(QStringLiteral("token-file"))) {
        err(QStringLiteral("routerlens-cli: --server needs --token-file FILE (your API token, from the service's administrator).\n"));
        rc = ExitUsage;
        return std::nullopt;
    }
    const rl::Result<QByteArray> token = rl::ApiClient::readTokenFile(p.value(QStringLiteral("token-file")));
    if (!token) {
        err(QStringLiteral("routerlens-cli: %1\n").arg(token.error().message));
        rc = ExitUsage;
        return std::nullopt;
    }
    return rl::ApiClient(*base, *token, p.value(QStringLiteral("server-ca")));
}

int remoteFailure(const rl::Error &e)
{
    err(QStringLiteral("routerlens-cli: %1: %2\n").arg(e.codeName(), e.message));
    if (!e.detail.isEmpty())
        err(QStringLiteral("  %1\n").arg(e.detail));
    return e.code == rl::ErrorCode::InvalidRequest || e.code == rl::ErrorCode::AuthFailed ? ExitUsage : ExitFailed;
}

// Returns ExitOk or the exit code to leave with (after printing why).
int setUp(const QCommandLineParser &p, rl::RouterDataService &service, Source &src)
{
    // A store named on the command line that cannot be used (not a RouterLens store, read-only,
    // ...) stops here: its warning above says why, and nothing is asked.
    if (p.isSet(QStringLiteral("store")) && service.storeError()) {
        err(QStringLiteral("routerlens-cli: the store given with --store cannot be used; nothing was asked.\n"));
        return ExitUsage;
    }
    if (const int rc = checkFormat(p, src))
        return rc;
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
    if (p.isSet(QStringLiteral("ssh-config")))
        settings.sshConfigFile = p.value(QStringLiteral("ssh-config"));
    return settings;
}

// What the SSH transports of this run use beyond the inventory.
rl::SshSettings sshSettingsOf(const rl::EngineSettings &settings)
{
    rl::SshSettings ssh;
    ssh.sshConfigFile = settings.sshConfigPath();
    ssh.acceptNewHostKeys = settings.acceptNewHostKeys;
    return ssh;
}

// --accept-new-host-keys (query, diagnose, compare): trust on first use for this run, each key
// recorded said on stderr. ExitOk, or ExitUsage after saying why.
int applyAcceptNewHostKeys(const QCommandLineParser &p, rl::EngineSettings &settings)
{
    if (!p.isSet(QStringLiteral("accept-new-host-keys")))
        return ExitOk;
    if (p.isSet(QStringLiteral("server"))) {
        err(QStringLiteral("routerlens-cli: --accept-new-host-keys does not go with --server: the service checks its "
                           "routers' host keys itself.\n"));
        return ExitUsage;
    }
    settings.acceptNewHostKeys = true;
    // Keys are recorded on worker threads; say so at once, from there.
    QObject::connect(
        &rl::EventLog::instance(), &rl::EventLog::entryAdded, &rl::EventLog::instance(),
        [](const rl::LogEntry &e) {
            if (e.source == QLatin1String(rl::HostKeyLogSource))
                err(QStringLiteral("routerlens-cli: host key: %1\n").arg(e.message));
        },
        Qt::DirectConnection);
    return ExitOk;
}

void addAcceptNewHostKeysOption(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("accept-new-host-keys"),
                 QStringLiteral("Record the SSH host key of a router never seen before instead of refusing it (trust on "
                                "first use, each named on stderr). A changed key is still refused.")});
}

// routers --show-ssh R: the effective SSH settings of one router, each with its origin.
int showSsh(const rl::RouterDataService &service, const Source &src, const QStringList &visible, const QString &name,
            const rl::EngineSettings &settings)
{
    const rl::Router *r = visible.contains(name) ? service.inventory().router(name) : nullptr;
    if (!r) {
        err(QStringLiteral("routerlens-cli routers: unknown-router: there is no router \"%1\" (see 'routerlens-cli routers').\n")
                .arg(name));
        return ExitFailed;
    }
    if (r->transport != rl::TransportKind::Ssh) {
        err(QStringLiteral("routerlens-cli routers: router %1 is reached over %2, not SSH.\n")
                .arg(name, rl::transportKindName(r->transport)));
        return ExitFailed;
    }
    rl::CredentialProfile credentials;
    if (const rl::CredentialProfile *c = service.inventory().credentialProfile(r->credentials))
        credentials = *c;
    const rl::SshEffectiveSettings eff =
        rl::SshTransport::effectiveSettings(*r, credentials, sshSettingsOf(settings), settings.connectTimeoutMs);
    if (src.format == QLatin1String("json")) {
        QJsonObject o = eff.toJson();
        o.insert(QStringLiteral("version"), rl::ApiVersion);
        o.insert(QStringLiteral("name"), r->name);
        out(QString::fromUtf8(rl::DisplayText::jsonForTerminal(QJsonDocument(o).toJson(QJsonDocument::Indented))));
    } else {
        out(eff.toText() + u'\n');
    }
    if (eff.error) {
        err(QStringLiteral("routerlens-cli routers: %1: %2\n").arg(eff.error.codeName(), eff.error.message));
        return ExitUsage;
    }
    return ExitOk;
}

int runRouters(QCoreApplication &app, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List the routers the client may see, with their platform and tags."));
    addSourceOptions(p);
    p.addOption({QStringLiteral("show-ssh"),
                 QStringLiteral("Show what an SSH session to this router uses (host, port, user, identity files, jump "
                                "chain, known hosts, strict checking, connect timeout) and where each value comes from: "
                                "inventory, ssh config (file:line), option or default. Connects to nothing."),
                 QStringLiteral("router")});
    p.process(args);
    int rc = ExitOk;
    if (p.isSet(QStringLiteral("server")) && p.isSet(QStringLiteral("show-ssh"))) {
        err(QStringLiteral("routerlens-cli routers: --show-ssh does not go with --server: the service's SSH settings "
                           "are its own.\n"));
        return ExitUsage;
    }
    if (std::optional<rl::ApiClient> remote = remoteClient(p, rc)) {
        Source src;
        if (const int bad = checkFormat(p, src))
            return bad;
        const rl::Result<QJsonObject> routers = remote->get(QStringLiteral("/v1/routers"));
        if (!routers)
            return remoteFailure(routers.error());
        if (src.format == QLatin1String("json")) {
            out(QString::fromUtf8(rl::DisplayText::jsonForTerminal(QJsonDocument(*routers).toJson(QJsonDocument::Indented))));
            return ExitOk;
        }
        if (src.format == QLatin1String("csv"))
            out(QStringLiteral("name,platform\r\n"));
        for (const QJsonValue &v : routers->value(QStringLiteral("routers")).toArray()) {
            const QString name = v.toObject().value(QStringLiteral("name")).toString();
            const QString platform = v.toObject().value(QStringLiteral("platform")).toString();
            out(src.format == QLatin1String("csv") ? csvLine({name, platform})
                                                   : QStringLiteral("%1  %2\n").arg(name.leftJustified(20), platform));
        }
        return ExitOk;
    }
    if (rc)
        return rc;
    const rl::EngineSettings settings = loadSettings(p);
    rl::RouterDataService service(settings);
    Source src;
    if (const int rc = setUp(p, service, src))
        return rc;
    const QStringList visible = service.visibleRouters(src.client);
    if (p.isSet(QStringLiteral("show-ssh")))
        return showSsh(service, src, visible, p.value(QStringLiteral("show-ssh")), settings);
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
    for (const rl::QueryKindInfo &k : rl::queryKindTable()) {
        QStringList params;
        for (rl::QueryParam param : rl::kAllQueryParams) {
            if (k.takes(param))
                params.append(rl::queryParamName(param) + (k.needs(param) ? QStringLiteral(" (required)") : QString()));
        }
        out(QStringLiteral("%1  %2  %3\n").arg(QString::fromLatin1(k.name).leftJustified(18),
                                               rl::queryKindTitle(k.kind).leftJustified(22),
                                               params.isEmpty() ? QStringLiteral("-") : params.join(QStringLiteral(", "))));
    }
    return ExitOk;
}

// Prints an answer in the chosen format; the exit code it means.
int printResponse(const rl::Response &resp, const QString &format)
{
    if (format == QLatin1String("json"))
        out(QString::fromUtf8(rl::RecordExport::toJson(resp)));
    else if (format == QLatin1String("csv"))
        out(QString::fromUtf8(rl::RecordExport::toCsv(resp)));
    else
        out(rl::RecordExport::toTable(resp));
    if (resp.error.isError()) {
        if (format != QLatin1String("table"))
            err(QStringLiteral("routerlens-cli: %1: %2\n").arg(resp.error.codeName(), resp.error.message));
        return (resp.error.code == rl::ErrorCode::InvalidRequest || resp.error.code == rl::ErrorCode::UnknownRouter
                || resp.error.code == rl::ErrorCode::UnsupportedQuery)
            ? ExitUsage
            : ExitFailed;
    }
    const int failed = resp.failedCount();
    if (failed > 0 && format != QLatin1String("table"))
        err(QStringLiteral("routerlens-cli: %1 of %2 routers failed; see their errors in the output.\n")
                .arg(failed).arg(resp.results.size()));
    return failed == 0 ? ExitOk : failed == resp.results.size() ? ExitFailed : ExitPartial;
}

// Routers whose host key is not known yet: printResponse showed each fingerprint; say how to
// accept one once it is checked.
void hintUnknownHostKeys(const rl::Response &resp, const QCommandLineParser &p)
{
    if (!p.isSet(QStringLiteral("inventory")))
        return;
    for (const rl::RouterResult &part : resp.results) {
        if (part.error.code == rl::ErrorCode::HostKeyUnknown && part.error.message.contains(QLatin1String("of jump host ")))
            // known-hosts add records routers' keys; a jump host's goes into its own known_hosts file
            err(QStringLiteral("routerlens-cli: the unknown host key is a jump host's on the way to %1: once its "
                               "fingerprint is checked, add it to the known_hosts file named above (or set "
                               "StrictHostKeyChecking accept-new for it in the ssh config for one trusted first run); "
                               "'routerlens-cli routers --show-ssh %1' shows the chain.\n")
                    .arg(part.router));
        else if (part.error.code == rl::ErrorCode::HostKeyUnknown)
            err(QStringLiteral("routerlens-cli: to accept %1's host key once its fingerprint is checked: "
                               "routerlens-cli known-hosts add %1 --inventory %2\n")
                    .arg(part.router, p.value(QStringLiteral("inventory"))));
    }
}

// Whether a platform's translator has no way to ask this question at all (a Linux host has no
// BGP): the router was never asked.
bool platformCannotAnswer(const QString &platform, rl::QueryKind kind, const rl::QueryParams &params)
{
    const rl::Translator *t = rl::TranslatorRegistry::find(platform);
    if (!t)
        return false;
    const auto commands = t->commands(kind, params);
    return !commands.ok() && commands.error().code == rl::ErrorCode::UnsupportedQuery;
}

// query --demo --expect-demo-faults (scripts/demo.sh): the demo lab fails some routers on purpose
// (scripted faults, and a platform with no answer to the question). When those are the only
// failures, the demo ran as designed: exit 0, and one line says which failed and why. Any other
// failure, or a refused request, keeps its exit code.
int demoVerdict(const rl::Response &resp, int rc, const rl::Inventory &inventory, const QString &format)
{
    if ((rc != ExitPartial && rc != ExitFailed) || resp.error.isError())
        return rc;
    const rl::Result<rl::DemoScenario> scenario = rl::DemoScenario::load();
    if (!scenario)
        return rc;
    static const QMap<rl::ErrorCode, QString> shows{
        {rl::ErrorCode::Unreachable, QStringLiteral("a router that does not answer")},
        {rl::ErrorCode::AuthFailed, QStringLiteral("a refused login")},
        {rl::ErrorCode::Timeout, QStringLiteral("a router that stops answering")},
        {rl::ErrorCode::UnsupportedQuery, QStringLiteral("a question a platform has no command for")},
    };
    QStringList failed;
    QStringList what;
    QList<rl::RouterResult> parts = resp.results; // named in a stable order, whichever answered first
    std::sort(parts.begin(), parts.end(), [](const rl::RouterResult &a, const rl::RouterResult &b) { return a.router < b.router; });
    for (const rl::RouterResult &part : std::as_const(parts)) {
        if (part.ok())
            continue;
        const rl::Router *r = inventory.router(part.router);
        const bool scripted = scenario->faultExplains(part.router, part.error.code);
        const bool noCommand = part.error.code == rl::ErrorCode::UnsupportedQuery && r
                               && platformCannotAnswer(r->platform, resp.kind, resp.params);
        if (!scripted && !noCommand)
            return rc; // a real failure
        failed << QStringLiteral("%1 (%2)").arg(part.router, part.error.codeName());
        if (!what.contains(shows.value(part.error.code)))
            what << shows.value(part.error.code);
    }
    const QString last = what.size() > 1 ? QStringLiteral(" and ") + what.takeLast() : QString();
    const QString line = QStringLiteral("%1 router%2 failed on purpose: %3. The demo lab makes them fail to show how "
                                        "RouterLens reports %4%5.\n")
                             .arg(failed.size())
                             .arg(failed.size() == 1 ? QString() : QStringLiteral("s"))
                             .arg(failed.join(QStringLiteral(", ")), what.join(QStringLiteral(", ")), last);
    if (format == QLatin1String("table"))
        out(line);
    else
        err(QStringLiteral("routerlens-cli: ") + line);
    return ExitOk;
}

// Long on purpose: one command's options, each checked next to its own message and exit code, then the run.
int runQuery(QCoreApplication &app, const QStringList &args)
{
    QCommandLineParser p;
    QStringList kindNames;
    for (const rl::QueryKindInfo &k : rl::queryKindTable())
        kindNames.append(QString::fromLatin1(k.name));
    p.setApplicationDescription(QStringLiteral("Ask routers one question. KIND is one of: %1.\n"
                                               "Example: routerlens-cli query --demo --all bgp-status")
                                    .arg(kindNames.join(QStringLiteral(", "))));
    addSourceOptions(p);
    addAcceptNewHostKeysOption(p);
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
    p.addOption({QStringLiteral("expect-demo-faults"),
                 QStringLiteral("With --demo: the routers the demo lab fails on purpose do not count as failures (exit 0 "
                                "when they are the only ones; one line names them). For scripts/demo.sh.")});
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

    const bool expectDemoFaults = p.isSet(QStringLiteral("expect-demo-faults"));
    if (expectDemoFaults && !p.isSet(QStringLiteral("demo"))) {
        err(QStringLiteral("routerlens-cli query: --expect-demo-faults goes with --demo: real routers never fail on purpose.\n"));
        return ExitUsage;
    }
    rl::EngineSettings settings = loadSettings(p);
    if (const int rc = applyAcceptNewHostKeys(p, settings))
        return rc;
    int remoteRc = ExitOk;
    std::optional<rl::ApiClient> remote = remoteClient(p, remoteRc);
    if (remoteRc)
        return remoteRc;
    // A remote service has the engine: none of our own (no store opened, nothing loaded).
    std::unique_ptr<rl::RouterDataService> local;
    Source src;
    if (remote) {
        if (const int rc = checkFormat(p, src))
            return rc;
    } else {
        local = std::make_unique<rl::RouterDataService>(settings);
        if (const int rc = setUp(p, *local, src))
            return rc;
    }
    rl::Request req;
    req.client = src.client;
    req.kind = *kind;
    req.routers = p.values(QStringLiteral("router"));
    if (p.isSet(QStringLiteral("all"))) {
        if (!req.routers.isEmpty()) {
            err(QStringLiteral("routerlens-cli query: give --router names or --all, not both.\n"));
            return ExitUsage;
        }
        if (remote) {
            const rl::Result<QJsonObject> routers = remote->get(QStringLiteral("/v1/routers"));
            if (!routers)
                return remoteFailure(routers.error());
            for (const QJsonValue &v : routers->value(QStringLiteral("routers")).toArray())
                req.routers.append(v.toObject().value(QStringLiteral("name")).toString());
        } else {
            req.routers = local->visibleRouters(src.client);
        }
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

    if (remote) {
        const rl::Result<rl::Response> resp = remote->query(req, timeoutSec);
        return resp ? printResponse(*resp, src.format) : remoteFailure(resp.error());
    }
    QString requestId;
    QObject::connect(local.get(), &rl::RouterDataService::responseReady, &app, [&](const rl::Response &resp) {
        if (resp.requestId != requestId)
            return;
        const int rc = printResponse(resp, src.format);
        hintUnknownHostKeys(resp, p);
        app.exit(expectDemoFaults ? demoVerdict(resp, rc, local->inventory(), src.format) : rc);
    });
    QTimer::singleShot(std::chrono::seconds(timeoutSec), &app, [&] {
        err(QStringLiteral("routerlens-cli: no complete answer within %1 s; giving up (use --timeout to wait longer).\n").arg(timeoutSec));
        local->cancel(requestId);
        app.exit(ExitFailed);
    });
    requestId = local->submit(req);
    return app.exec();
}

// diagnose's own exit codes: what the diagnosis found, worst over the connections.
enum DiagnoseExit {
    DiagnoseAllOk = 0,       // every check passed
    DiagnoseFault = 1,       // a fault was found (its layer is named as the likely cause)
    DiagnoseWarning = 3,     // no fault, but a warning (the most specific one is named)
    DiagnoseCannotCheck = 4, // no fault, but some checks could not be made (a router not answering)
};

// diagnose against a remote service: its JSON as it is, or a table of verdicts and findings.
int runRemoteDiagnose(const rl::ApiClient &remote, const QCommandLineParser &p, qint64 maxAge, double secondRead)
{
    Source src;
    if (const int rc = checkFormat(p, src))
        return rc;
    if (src.format != QLatin1String("table") && src.format != QLatin1String("json")) {
        err(QStringLiteral("routerlens-cli diagnose: with --server the formats are table and json.\n"));
        return ExitUsage;
    }
    const QStringList wanted = p.values(QStringLiteral("connection"));
    if (!p.isSet(QStringLiteral("all")) && wanted.isEmpty()) {
        err(QStringLiteral("routerlens-cli diagnose: name a connection with --connection ID or use --all.\n"));
        return ExitUsage;
    }
    const rl::Result<QJsonObject> result = remote.diagnose(wanted, p.isSet(QStringLiteral("all")), maxAge, secondRead, 600);
    if (!result)
        return remoteFailure(result.error());
    if (src.format == QLatin1String("json"))
        out(QString::fromUtf8(rl::DisplayText::jsonForTerminal(QJsonDocument(*result).toJson(QJsonDocument::Indented))));
    int exitCode = DiagnoseAllOk;
    static const QMap<QString, int> exitOf{{QStringLiteral("ok"), DiagnoseAllOk}, {QStringLiteral("warn"), DiagnoseWarning},
                                           {QStringLiteral("cannot-check"), DiagnoseCannotCheck}, {QStringLiteral("fault"), DiagnoseFault}};
    static const QMap<int, int> rank{{DiagnoseAllOk, 0}, {DiagnoseWarning, 1}, {DiagnoseCannotCheck, 2}, {DiagnoseFault, 3}};
    for (const QJsonValue &v : result->value(QStringLiteral("diagnoses")).toArray()) {
        const QJsonObject d = v.toObject();
        const QString verdict = d.value(QStringLiteral("verdict")).toString();
        const int code = exitOf.value(verdict, DiagnoseCannotCheck);
        if (rank.value(code) > rank.value(exitCode))
            exitCode = code;
        if (src.format != QLatin1String("table"))
            continue;
        out(QStringLiteral("== %1 (%2)\n").arg(d.value(QStringLiteral("connection")).toString(), d.value(QStringLiteral("customer")).toString()));
        for (const QJsonValue &sv : d.value(QStringLiteral("steps")).toArray()) {
            const QJsonObject st = sv.toObject();
            out(QStringLiteral("   %1 %2 %3 %4%5\n")
                    .arg(st.value(QStringLiteral("layer")).toString().leftJustified(17),
                         st.value(QStringLiteral("end")).toString().leftJustified(8),
                         st.value(QStringLiteral("verdict")).toString().toUpper().leftJustified(12),
                         st.value(QStringLiteral("finding")).toString(),
                         st.value(QStringLiteral("likelyCause")).toBool() ? QStringLiteral("   <- likely cause") : QString()));
        }
        const QJsonObject cause = d.value(QStringLiteral("likelyCause")).toObject();
        if (!cause.isEmpty())
            out(QStringLiteral("   => %1: %2. %3\n\n").arg(verdict.toUpper(), cause.value(QStringLiteral("layer")).toString(),
                                                          cause.value(QStringLiteral("advice")).toString()));
        else
            out(QStringLiteral("   => %1\n\n").arg(verdict.toUpper()));
    }
    return exitCode;
}

// Long on purpose: one command's options, each checked next to its own message and exit code, then the run.
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
    addSourceOptions(p, true);
    addAcceptNewHostKeysOption(p);
    p.addOption({QStringLiteral("connection"), QStringLiteral("A connection id from the inventory (repeatable)."), QStringLiteral("id")});
    p.addOption({QStringLiteral("all"), QStringLiteral("Every connection the client may see.")});
    p.addOption({QStringLiteral("max-age"), QStringLiteral("Accept stored answers up to this many seconds old (default 0)."), QStringLiteral("seconds"), QStringLiteral("0")});
    p.addOption({QStringLiteral("second-read"), QStringLiteral("Read counters again after this many seconds, to see errors rising (default 3; 0: read once)."),
                 QStringLiteral("seconds"), QStringLiteral("3")});
    p.process(args);
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
    rl::EngineSettings settings = loadSettings(p);
    if (const int rc = applyAcceptNewHostKeys(p, settings))
        return rc;
    int remoteRc = ExitOk;
    if (std::optional<rl::ApiClient> remote = remoteClient(p, remoteRc))
        return runRemoteDiagnose(*remote, p, maxAge, secondRead);
    if (remoteRc)
        return remoteRc;
    rl::RouterDataService service(settings);
    Source src;
    src.htmlAllowed = true;
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
        for (const rl::DiagnosisStep &s : d.steps) {
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
    }
    if (src.format == QLatin1String("json"))
        out(QString::fromUtf8(rl::DisplayText::jsonForTerminal(
            QJsonDocument(rl::DiagnosisReport::toJson(results)).toJson(QJsonDocument::Indented))));
    else if (src.format == QLatin1String("html"))
        out(QString::fromUtf8(rl::DiagnosisReport::toHtml(results)));
    return exitCode;
}

// A comparison's flat table for a terminal: each A / B pair of columns as one "a / b" column,
// columns empty on every row left out, the long sentences last and never cut.
QString pairTableText(const rl::PairTable &t)
{
    struct Shown {
        QString title;
        int a = -1, b = -1; // column indexes; b -1: a single column
    };
    QList<Shown> shown;
    for (int c = 0; c < t.columns.size(); ++c) {
        const rl::PairTable::Column &col = t.columns[c];
        if (col.detail)
            continue;
        if (col.side == 1 && !shown.isEmpty() && shown.last().b < 0 && t.columns[shown.last().a].side == 0
            && qstrcmp(t.columns[shown.last().a].title, col.title) == 0) {
            shown.last().b = c;
            continue;
        }
        shown.append({QString::fromUtf8(col.title), c, -1});
    }
    auto cell = [&](const rl::PairTable::Row &row, int c) -> QString {
        if (c == 0)
            return row.statusText;
        const int side = t.columns[c].side;
        if (side >= 0 && side < row.cannotTell.size() && !row.cannotTell[side].isEmpty())
            return QStringLiteral("cannot tell");
        return rl::cellText(row.cells.value(c), t.columns[c].type);
    };
    QList<QStringList> lines;
    QList<bool> any(shown.size(), false);
    for (const rl::PairTable::Row &row : t.rows) {
        QStringList line;
        for (qsizetype i = 0; i < shown.size(); ++i) {
            QString v = cell(row, shown[i].a);
            if (shown[i].b >= 0) {
                const QString w = cell(row, shown[i].b);
                v = v.isEmpty() && w.isEmpty() ? QString() : (v.isEmpty() ? QStringLiteral("-") : v) + QStringLiteral(" / ") + (w.isEmpty() ? QStringLiteral("-") : w);
            }
            any[i] = any[i] || !v.isEmpty();
            line << v;
        }
        lines << line;
    }
    QList<qsizetype> width;
    for (qsizetype i = 0; i < shown.size(); ++i) {
        qsizetype w = shown[i].title.size();
        for (const QStringList &l : std::as_const(lines))
            w = std::max(w, l[i].size());
        width << w;
    }
    auto render = [&](const QStringList &cells) {
        QStringList parts;
        for (qsizetype i = 0; i < shown.size(); ++i)
            if (any[i])
                parts << cells[i].leftJustified(width[i]);
        return QStringLiteral("   ") + parts.join(QStringLiteral("  ")).trimmed() + QLatin1Char('\n');
    };
    QStringList titles;
    for (const Shown &s : std::as_const(shown))
        titles << s.title;
    QString out;
    if (t.rows.isEmpty())
        out += QStringLiteral("   (nothing to show)\n");
    else
        out += render(titles);
    for (const QStringList &l : std::as_const(lines))
        out += render(l);
    for (const QString &n : t.notes)
        out += QStringLiteral("   note: %1\n").arg(n);
    return out;
}

QString pairTableCsv(const rl::PairTable &t)
{
    QStringList header;
    for (const rl::PairTable::Column &c : t.columns)
        header << QString::fromLatin1(c.key);
    header << QStringLiteral("aCannotTell") << QStringLiteral("bCannotTell");
    QString out = csvLine(header);
    for (const rl::PairTable::Row &row : t.rows) {
        QStringList fields;
        for (int c = 0; c < t.columns.size(); ++c) {
            const QVariant v = row.cells.value(c);
            // Machine-readable, as query's CSV: numbers unformatted, booleans true/false.
            fields << (!v.isValid() ? QString()
                       : t.columns[c].type == rl::ColumnType::Bool ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                                   : v.toString());
        }
        fields << row.cannotTell.value(0) << row.cannotTell.value(1);
        out += csvLine(fields);
    }
    return out;
}

// Long on purpose: one command's options, each checked next to its own message and exit code, then the run.
int runCompare(QCoreApplication &app, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Put the two ends of what connects routers side by side: WHAT is one of\n"
        "  bgp-status   each BGP session once, both ends on one row (A's neighbor address is B's own address:\n"
        "               from B's BGP answer, an inventory connection, or inferred from a point-to-point subnet\n"
        "               and agreeing AS numbers, which the Basis column says), per end state, uptime, prefixes\n"
        "               received and sent, AS numbers (a remote AS that is not the other end's AS is a mismatch)\n"
        "               and last error; a session whose peer is none of the routers is \"peer not in this comparison\",\n"
        "               and an end whose router could not be read is \"cannot tell\"\n"
        "  link-status  each link once, by LLDP or by an inventory connection: admin/oper state, speed, MTU, errors\n"
        "  routes       for each paired session, family and direction: what one end advertises against what the\n"
        "               other received (sent and received / sent but not received / received but not sent /\n"
        "               received but rejected)\n"
        "--only keeps some rows: sent-not-received, received-not-sent, rejected (routes), mismatch (any).\n"
        "Exit codes: 0 every answer read, 1 refused or nothing could be read, 2 bad usage, 3 some answers\n"
        "could not be read (their ends read \"cannot tell\").\n"
        "Example: routerlens-cli compare --demo -r lab-frr -r lab-bird bgp-status"));
    addSourceOptions(p);
    addAcceptNewHostKeysOption(p);
    p.addOption({{QStringLiteral("r"), QStringLiteral("router")}, QStringLiteral("A router to compare (repeat; two or more)."), QStringLiteral("name")});
    p.addOption({QStringLiteral("only"), QStringLiteral("Keep only rows of one kind: sent-not-received, received-not-sent, rejected, mismatch."),
                 QStringLiteral("filter")});
    p.addOption({QStringLiteral("max-age"), QStringLiteral("Accept stored answers up to this many seconds old (default 0: ask the routers)."),
                 QStringLiteral("seconds"), QStringLiteral("0")});
    p.addOption({QStringLiteral("timeout"), QStringLiteral("Give up after this many seconds (default 120)."), QStringLiteral("seconds"), QStringLiteral("120")});
    p.addPositionalArgument(QStringLiteral("what"), QStringLiteral("bgp-status, link-status or routes."));
    p.process(args);

    const QStringList pos = p.positionalArguments();
    const QString what = pos.value(0);
    using W = rl::SessionComparer::What;
    W kind = W::Sessions;
    if (pos.size() != 1 || !(what == QLatin1String("bgp-status") || what == QLatin1String("link-status") || what == QLatin1String("routes"))) {
        err(QStringLiteral("routerlens-cli compare: name what to compare: bgp-status, link-status or routes.\n"));
        return ExitUsage;
    }
    kind = what == QLatin1String("routes") ? W::Routes : what == QLatin1String("link-status") ? W::Links : W::Sessions;
    const QString only = p.value(QStringLiteral("only"));
    const QStringList routeFilters{QStringLiteral("sent-not-received"), QStringLiteral("received-not-sent"), QStringLiteral("rejected")};
    if (!only.isEmpty() && only != QLatin1String("mismatch") && !(kind == W::Routes && routeFilters.contains(only))) {
        err(QStringLiteral("routerlens-cli compare: --only takes mismatch%1, not \"%2\".\n")
                .arg(kind == W::Routes ? QStringLiteral(", sent-not-received, received-not-sent or rejected")
                                       : QStringLiteral(" for %1 (sent-not-received, received-not-sent and rejected are for routes)").arg(what),
                     only));
        return ExitUsage;
    }
    bool ok = false;
    const qint64 maxAge = p.value(QStringLiteral("max-age")).toLongLong(&ok);
    if (!ok || maxAge < 0) {
        err(QStringLiteral("routerlens-cli compare: --max-age takes a number of seconds, 0 or more.\n"));
        return ExitUsage;
    }
    const int timeoutSec = p.value(QStringLiteral("timeout")).toInt(&ok);
    if (!ok || timeoutSec <= 0) {
        err(QStringLiteral("routerlens-cli compare: --timeout takes a positive number of seconds.\n"));
        return ExitUsage;
    }
    QStringList routers = p.values(QStringLiteral("router"));
    routers.removeDuplicates();
    if (routers.size() < 2) {
        err(QStringLiteral("routerlens-cli compare: name two or more routers with --router NAME.\n"));
        return ExitUsage;
    }

    rl::EngineSettings settings = loadSettings(p);
    if (const int rc = applyAcceptNewHostKeys(p, settings))
        return rc;
    rl::RouterDataService service(settings);
    Source src;
    if (const int rc = setUp(p, service, src))
        return rc;
    rl::SessionComparer comparer(service);
    QObject::connect(&comparer, &rl::SessionComparer::finished, &app, [&] { app.exit(0); });
    QTimer::singleShot(timeoutSec * 1000, &app, [&] {
        err(QStringLiteral("routerlens-cli: no complete answer within %1 s; giving up (use --timeout to wait longer).\n").arg(timeoutSec));
        comparer.cancel();
    });
    comparer.start(kind, routers, src.client, maxAge);
    if (comparer.isRunning())
        app.exec();

    // Which answers could not be read: they decide the exit code.
    QStringList failed;
    bool usage = true;
    auto count = [&](const QString &router, const rl::Error &e) {
        failed << router;
        usage = usage && (e.code == rl::ErrorCode::UnknownRouter || e.code == rl::ErrorCode::InvalidRequest);
    };
    rl::PairTable table;
    QJsonObject json;
    const rl::SessionComparison &sessions = comparer.sessions();
    if (kind == W::Links) {
        rl::LinkComparison c = comparer.links();
        if (only == QLatin1String("mismatch"))
            c.rows.removeIf([](const rl::LinkRow &r) { return r.mismatches.isEmpty(); });
        table = rl::SessionCompare::table(c);
        json = rl::SessionCompare::toJson(c);
    } else if (kind == W::Sessions) {
        rl::SessionComparison c = sessions;
        if (only == QLatin1String("mismatch"))
            c.rows.removeIf([](const rl::SessionRow &r) { return r.mismatches.isEmpty(); });
        table = rl::SessionCompare::table(c);
        json = rl::SessionCompare::toJson(c);
    } else {
        rl::RouteComparison c = comparer.routes();
        c.rows.removeIf([&](const rl::RouteRow &r) {
            return only == QLatin1String("mismatch") ? r.match == rl::RouteMatch::Both
                                                     : !only.isEmpty() && rl::routeMatchName(r.match) != only;
        });
        c.notes = sessions.unreadable + c.notes;
        table = rl::SessionCompare::table(c);
        json = rl::SessionCompare::toJson(c);
        int paired = 0;
        for (const rl::SessionRow &r : sessions.rows)
            paired += r.status == rl::PairStatus::Paired ? 1 : 0;
        json.insert(QStringLiteral("pairedSessions"), paired);
        for (const rl::RouteExchange &e : c.exchanges) {
            if (!e.advertised.ok())
                count(e.from, e.advertised.error);
            if (!e.received.ok())
                count(e.to, e.received.error);
        }
        if (paired == 0 && sessions.unreadable.isEmpty())
            table.notes << QStringLiteral("no BGP session between these routers was found: nothing to compare (see 'compare bgp-status')");
    }
    // The answers each comparison rests on: a router whose answer failed counts as failed.
    for (const rl::RouterAnswers &a : comparer.answers()) {
        const rl::RouterResult &r = kind == W::Links ? a.links : a.bgp;
        if (r.router.isEmpty())
            count(a.router, rl::Error(rl::ErrorCode::Cancelled, QStringLiteral("not answered")));
        else if (!r.ok())
            count(a.router, r.error);
    }
    json.insert(QStringLiteral("version"), rl::ApiVersion);
    json.insert(QStringLiteral("comparison"), what);
    if (!only.isEmpty())
        json.insert(QStringLiteral("only"), only);

    if (src.format == QLatin1String("json"))
        out(QString::fromUtf8(rl::DisplayText::jsonForTerminal(QJsonDocument(json).toJson(QJsonDocument::Indented))));
    else if (src.format == QLatin1String("csv"))
        out(pairTableCsv(table));
    else {
        out(QStringLiteral("== %1 between %2\n").arg(kind == W::Sessions ? QStringLiteral("BGP sessions")
                                                     : kind == W::Links ? QStringLiteral("Links")
                                                                        : QStringLiteral("Routes"),
                                                     routers.join(QStringLiteral(", "))));
        out(pairTableText(table));
    }
    failed.removeDuplicates();
    if (failed.isEmpty())
        return ExitOk;
    if (src.format != QLatin1String("table"))
        err(QStringLiteral("routerlens-cli: some answers could not be read (%1); their ends read \"cannot tell\".\n").arg(failed.join(QStringLiteral(", "))));
    if (failed.size() >= routers.size())
        return usage ? ExitUsage : ExitFailed;
    return ExitPartial;
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

// ---- known-hosts: the SSH host keys RouterLens checks routers against ----------------------

const char *kKnownHostsHelp =
    "Usage: routerlens-cli known-hosts add ROUTER [--yes | --fingerprint SHA256:...] (--inventory FILE | --demo)\n"
    "       routerlens-cli known-hosts list [ROUTER...] (--inventory FILE | --demo) [--format table|json|csv]\n"
    "       routerlens-cli known-hosts remove ROUTER (--inventory FILE | --demo)\n"
    "\n"
    "The known_hosts file of each SSH router (its knownHosts in the inventory, else ~/.ssh/known_hosts)\n"
    "is the one every query checks. 'add' connects to the router (no login), shows its host key and\n"
    "records it when you accept; a key that differs from the one recorded is never replaced: verify it\n"
    "with the router's administrator, 'remove' the old entry, then 'add' again. 'list' reads the files\n"
    "only. Exit codes: 0 done (or already recorded), 1 refused or failed, 2 bad usage.\n";

// The one SSH router `name` the client may see; nullptr after saying why.
const rl::Router *sshRouter(const rl::RouterDataService &service, const Source &src, const QString &name)
{
    const rl::Router *r = service.visibleRouters(src.client).contains(name) ? service.inventory().router(name) : nullptr;
    if (!r) {
        err(QStringLiteral("routerlens-cli known-hosts: unknown-router: there is no router \"%1\" (see 'routerlens-cli "
                           "routers').\n")
                .arg(name));
        return nullptr;
    }
    if (r->transport != rl::TransportKind::Ssh) {
        err(QStringLiteral("routerlens-cli known-hosts: router %1 is reached over %2, not SSH: it has no SSH host key "
                           "(an HTTPS router is checked by its certificate: caFile in the inventory).\n")
                .arg(name, rl::transportKindName(r->transport)));
        return nullptr;
    }
    return r;
}

QString hostPortOf(const rl::Router &r)
{
    return QStringLiteral("%1:%2").arg(r.host).arg(r.port);
}

// The person's answer to "Accept? [y/N]": a line from standard input, or nothing at its end.
std::optional<QString> readAnswer()
{
    std::fflush(stdout);
    char line[256];
    if (!std::fgets(line, sizeof line, stdin))
        return std::nullopt;
    return QString::fromLocal8Bit(line).trimmed();
}

int knownHostsAdd(const QCommandLineParser &p, const rl::Router &router, int connectTimeoutMs, const rl::SshSettings &ssh)
{
    const QString wanted = p.value(QStringLiteral("fingerprint"));
    if (!wanted.isEmpty() && !wanted.startsWith(QLatin1String("SHA256:"))) {
        err(QStringLiteral("routerlens-cli known-hosts add: --fingerprint takes the SHA256 form, e.g. SHA256:abc... "
                           "(ssh-keygen -l -E sha256 -f KEY prints it).\n"));
        return ExitUsage;
    }
    const rl::Result<rl::HostKeyProbe> probe = rl::SshTransport::probeHostKey(router, connectTimeoutMs, ssh);
    if (!probe) {
        err(QStringLiteral("routerlens-cli known-hosts add: %1: %2\n").arg(probe.error().codeName(), probe.error().message));
        return ExitFailed;
    }
    out(QStringLiteral("Router %1 (%2) presents this %3 host key:\n  %4\n")
            .arg(router.name, hostPortOf(router), probe->keyType, probe->fingerprint));
    switch (probe->state) {
    case rl::HostKeyProbe::State::Known:
        out(QStringLiteral("It is already recorded in %1; nothing to do.\n").arg(probe->file));
        return ExitOk;
    case rl::HostKeyProbe::State::Changed: {
        QStringList old;
        for (const rl::KnownHostKey &k : probe->recorded)
            old << QStringLiteral("  %1 %2 (line %3)").arg(k.keyType, k.fingerprint).arg(k.line);
        if (old.isEmpty())
            old << QStringLiteral("  a key of another type");
        err(QStringLiteral("routerlens-cli known-hosts add: host-key-mismatch: the host key of router %1 has CHANGED. "
                           "%2 records for %3:\n%4\nbut the router now presents:\n  %5 %6\n"
                           "Someone may be intercepting the connection, or the router was reinstalled; 'add' never "
                           "replaces a recorded key. Verify the new fingerprint with the router's administrator; only "
                           "if it is genuine, remove the old entry:\n  routerlens-cli known-hosts remove %1 %7\n"
                           "(or: ssh-keygen -R '%3' -f %2), then run 'known-hosts add' again.\n")
                .arg(router.name, probe->file, probe->hostName, old.join(QLatin1Char('\n')), probe->keyType,
                     probe->fingerprint, QStringLiteral("--inventory ") + p.value(QStringLiteral("inventory"))));
        return ExitFailed;
    }
    case rl::HostKeyProbe::State::Unknown:
        break;
    }
    if (!wanted.isEmpty()) {
        if (wanted != probe->fingerprint) {
            err(QStringLiteral("routerlens-cli known-hosts add: host-key-unknown: router %1 presents %2, not %3 as "
                               "given: nothing was written. Check the fingerprint with the router's administrator.\n")
                    .arg(router.name, probe->fingerprint, wanted));
            return ExitFailed;
        }
    } else if (!p.isSet(QStringLiteral("yes"))) {
        out(QStringLiteral("It is not in %1. Compare it with the fingerprint the router's administrator gives you.\n"
                           "Accept? [y/N] ")
                .arg(probe->file));
        const std::optional<QString> answer = readAnswer();
        if (!answer) {
            out(QStringLiteral("\n"));
            err(QStringLiteral("routerlens-cli known-hosts add: no answer: standard input %1 and gave no line, so "
                               "nothing was written. Run it in a terminal, or after checking the fingerprint give "
                               "--yes (or --fingerprint %2).\n")
                    .arg(isatty(fileno(stdin)) ? QStringLiteral("ended") : QStringLiteral("is not a terminal"),
                         probe->fingerprint));
            return ExitUsage;
        }
        if (answer->compare(QLatin1String("y"), Qt::CaseInsensitive) != 0
            && answer->compare(QLatin1String("yes"), Qt::CaseInsensitive) != 0) {
            err(QStringLiteral("routerlens-cli known-hosts add: not accepted; nothing was written.\n"));
            return ExitFailed;
        }
    }
    // Connects again and writes only if the router still presents the key shown above.
    if (const rl::Error e = rl::SshTransport::acceptHostKey(router, probe->fingerprint, connectTimeoutMs, ssh)) {
        err(QStringLiteral("routerlens-cli known-hosts add: %1: %2\n").arg(e.codeName(), e.message));
        return ExitFailed;
    }
    out(QStringLiteral("Recorded the %1 key %2 of router %3 in %4.\n")
            .arg(probe->keyType, probe->fingerprint, router.name, probe->file));
    return ExitOk;
}

int knownHostsList(const rl::RouterDataService &service, const Source &src, QStringList names, const rl::SshSettings &ssh)
{
    const QStringList visible = service.visibleRouters(src.client);
    if (names.isEmpty())
        names = visible;
    QJsonArray json;
    if (src.format == QLatin1String("csv"))
        out(csvLine({QStringLiteral("router"), QStringLiteral("recordedAs"), QStringLiteral("keyType"),
                     QStringLiteral("fingerprint"), QStringLiteral("file"), QStringLiteral("line")}));
    int shown = 0;
    for (const QString &name : std::as_const(names)) {
        const rl::Router *r = visible.contains(name) ? service.inventory().router(name) : nullptr;
        if (!r) {
            err(QStringLiteral("routerlens-cli known-hosts list: unknown-router: there is no router \"%1\".\n").arg(name));
            return ExitUsage;
        }
        if (r->transport != rl::TransportKind::Ssh)
            continue; // no SSH host key to list
        ++shown;
        const QString file = rl::SshTransport::knownHostsPath(*r, ssh);
        const QString recordedAs = rl::KnownHostsFile::hostName(r->host, r->port);
        const rl::Result<QList<rl::KnownHostKey>> keys = rl::KnownHostsFile(file).keysFor(recordedAs);
        if (!keys) {
            err(QStringLiteral("routerlens-cli known-hosts list: %1\n").arg(keys.error().message));
            return ExitFailed;
        }
        if (src.format == QLatin1String("json")) {
            QJsonArray arr;
            for (const rl::KnownHostKey &k : *keys)
                arr.append(QJsonObject{{QStringLiteral("keyType"), k.keyType}, {QStringLiteral("fingerprint"), k.fingerprint},
                                       {QStringLiteral("line"), k.line}});
            json.append(QJsonObject{{QStringLiteral("router"), r->name}, {QStringLiteral("recordedAs"), recordedAs},
                                    {QStringLiteral("file"), file}, {QStringLiteral("keys"), arr}});
        } else if (src.format == QLatin1String("csv")) {
            for (const rl::KnownHostKey &k : *keys)
                out(csvLine({r->name, recordedAs, k.keyType, k.fingerprint, file, QString::number(k.line)}));
            if (keys->isEmpty())
                out(csvLine({r->name, recordedAs, QString(), QString(), file, QString()}));
        } else {
            if (keys->isEmpty())
                out(QStringLiteral("%1  %2  not recorded  (%3)\n").arg(r->name.leftJustified(20), recordedAs.leftJustified(22), file));
            for (const rl::KnownHostKey &k : *keys)
                out(QStringLiteral("%1  %2  %3 %4  (%5 line %6)\n")
                        .arg(r->name.leftJustified(20), recordedAs.leftJustified(22), k.keyType, k.fingerprint, file)
                        .arg(k.line));
        }
    }
    if (src.format == QLatin1String("json"))
        out(QString::fromUtf8(rl::DisplayText::jsonForTerminal(
            QJsonDocument(QJsonObject{{QStringLiteral("version"), rl::ApiVersion}, {QStringLiteral("knownHosts"), json}})
                .toJson(QJsonDocument::Indented))));
    else if (shown == 0 && src.format == QLatin1String("table"))
        err(QStringLiteral("routerlens-cli known-hosts list: none of these routers is reached over SSH.\n"));
    return ExitOk;
}

int knownHostsRemove(const rl::Router &router, const rl::SshSettings &ssh)
{
    // Where and under which name the key is recorded: the ssh config's HostName, Port and
    // UserKnownHostsFile apply here as when connecting.
    const rl::SshEndpoint target = rl::SshTransport::effectiveSettings(router, {}, ssh).target;
    const QString file = target.knownHosts.value;
    const QString recordedAs = rl::KnownHostsFile::hostName(target.host.value, target.port.value);
    rl::KnownHostsFile known(file);
    const rl::Result<int> removed = known.remove(recordedAs);
    if (!removed) {
        err(QStringLiteral("routerlens-cli known-hosts remove: %1\n").arg(removed.error().message));
        return ExitFailed;
    }
    if (*removed == 0)
        out(QStringLiteral("No key is recorded for router %1 (%2) in %3; nothing changed.\n").arg(router.name, recordedAs, file));
    else
        out(QStringLiteral("Removed %1 recorded key(s) of router %2 (%3) from %4.\n").arg(*removed).arg(router.name, recordedAs, file));
    // What is left can only come from a wildcard pattern: a person decides about those.
    const rl::Result<QList<rl::KnownHostKey>> left = known.keysFor(recordedAs);
    if (left && !left->isEmpty()) {
        err(QStringLiteral("routerlens-cli known-hosts remove: line %1 of %2 still matches %3 through a pattern; edit "
                           "that line by hand if it should go.\n")
                .arg(left->first().line)
                .arg(file, recordedAs));
        return ExitFailed;
    }
    return ExitOk;
}

int runKnownHosts(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QString::fromLatin1(kKnownHostsHelp));
    addSourceOptions(p);
    p.addOption({QStringLiteral("yes"), QStringLiteral("add: accept the key the router presents without asking (check its fingerprint first).")});
    p.addOption({QStringLiteral("fingerprint"), QStringLiteral("add: accept only if the router presents this key (SHA256:...); no question asked."),
                 QStringLiteral("sha256")});
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add, list or remove."));
    p.addPositionalArgument(QStringLiteral("router"), QStringLiteral("The router (list: any number, default all)."));
    p.process(args);
    QStringList pos = p.positionalArguments();
    const QString action = pos.isEmpty() ? QString() : pos.takeFirst();
    const bool one = action == QLatin1String("add") || action == QLatin1String("remove");
    if (!(one && pos.size() == 1) && action != QLatin1String("list")) {
        err(QStringLiteral("routerlens-cli known-hosts: give add ROUTER, remove ROUTER or list.\n\n")
            + QString::fromLatin1(kKnownHostsHelp));
        return ExitUsage;
    }
    if (p.isSet(QStringLiteral("server"))) {
        err(QStringLiteral("routerlens-cli known-hosts: --server does not apply: a RouterLens service keeps its own "
                           "known_hosts; this command edits this machine's.\n"));
        return ExitUsage;
    }
    if (action != QLatin1String("add") && (p.isSet(QStringLiteral("yes")) || p.isSet(QStringLiteral("fingerprint")))) {
        err(QStringLiteral("routerlens-cli known-hosts: --yes and --fingerprint go with add.\n"));
        return ExitUsage;
    }
    const rl::EngineSettings settings = loadSettings(p);
    // Nothing is asked through the engine here: its answers need no store of their own.
    rl::RouterDataService::Backends backends;
    backends.store = std::make_shared<rl::MemoryResultStore>();
    rl::RouterDataService service(settings, std::move(backends));
    Source src;
    if (const int rc = setUp(p, service, src))
        return rc;
    if (action == QLatin1String("list"))
        return knownHostsList(service, src, pos, sshSettingsOf(settings));
    const rl::Router *router = sshRouter(service, src, pos.first());
    if (!router)
        return ExitUsage;
    return action == QLatin1String("add") ? knownHostsAdd(p, *router, settings.connectTimeoutMs, sshSettingsOf(settings))
                                          : knownHostsRemove(*router, sshSettingsOf(settings));
}

} // namespace

// inventory import --from nornir|ansible|csv FILE --out inv.json: the JSON form of another
// tool's inventory (--inventory reads those files directly too; this makes the editable copy).
// --from netbox URL reads NetBox's device list over HTTPS instead of a file.
// Long on purpose: the options of two sources, each checked next to its own message, then the write.
int runInventory(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Import another tool's inventory into RouterLens's JSON form.\n"
        "Examples: routerlens-cli inventory import --from ansible hosts.ini --out inventory.json\n"
        "          routerlens-cli inventory import --from netbox https://netbox.example.net --token-file ~/.netbox-token \\\n"
        "              --username netops-ro --secret keychain:RouterLens/netops --out inventory.json"));
    p.addOption({QStringLiteral("from"), QStringLiteral("The source's format: nornir (hosts.yaml, with groups.yaml and defaults.yaml beside it), ansible (INI or YAML), csv, or netbox (a URL); default: by the file's suffix."), QStringLiteral("format")});
    p.addOption({QStringLiteral("out"), QStringLiteral("The JSON file to write, or - for standard output."), QStringLiteral("file")});
    p.addOption({QStringLiteral("force"), QStringLiteral("Replace the --out file when it exists.")});
    p.addOption({QStringLiteral("token-file"), QStringLiteral("netbox: a file (mode 600) holding the NetBox API token; default: the NETBOX_TOKEN environment variable."), QStringLiteral("file")});
    p.addOption({QStringLiteral("netbox-ca"), QStringLiteral("netbox: the CA (PEM or DER) of a NetBox with its own CA."), QStringLiteral("file")});
    p.addOption({QStringLiteral("username"), QStringLiteral("netbox: the login user of every imported router (a credential profile \"netbox\")."), QStringLiteral("user")});
    p.addOption({QStringLiteral("secret"), QStringLiteral("netbox: where that user's password comes from: env:VARIABLE or keychain:service/account."), QStringLiteral("reference")});
    p.addPositionalArgument(QStringLiteral("import"), QStringLiteral("The action: import."));
    p.addPositionalArgument(QStringLiteral("source"), QStringLiteral("The inventory file to import, or NetBox's URL."));
    p.addHelpOption();
    p.process(args);
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2 || pos[0] != QLatin1String("import") || !p.isSet(QStringLiteral("out"))) {
        err(QStringLiteral("routerlens-cli inventory: give import, one FILE (or NetBox's URL) and --out FILE (or --out -).\n"));
        return ExitUsage;
    }
    QString format = p.value(QStringLiteral("from"));
    if (format == QLatin1String("json")
        || (!format.isEmpty() && format != QLatin1String("netbox") && !rl::Inventory::fileFormats().contains(format))) {
        err(QStringLiteral("routerlens-cli inventory import: --from must be nornir, ansible, csv or netbox, not \"%1\".\n")
                .arg(format));
        return ExitUsage;
    }
    const bool netbox = format == QLatin1String("netbox");
    for (const char *o : {"token-file", "netbox-ca", "username", "secret"}) {
        if (!netbox && p.isSet(QLatin1String(o))) {
            err(QStringLiteral("routerlens-cli inventory import: --%1 is for --from netbox.\n").arg(QLatin1String(o)));
            return ExitUsage;
        }
    }
    rl::Result<rl::Inventory> inv = rl::Error(rl::ErrorCode::InventoryError, QString());
    if (netbox) {
        rl::NetBoxSource source;
        source.url = QUrl(pos[1], QUrl::StrictMode);
        if (p.isSet(QStringLiteral("token-file"))) {
            const auto token = rl::ApiClient::readTokenFile(p.value(QStringLiteral("token-file")));
            if (!token) {
                err(QStringLiteral("routerlens-cli: %1\n").arg(token.error().message));
                return ExitUsage;
            }
            source.token = *token;
        } else {
            source.token = qgetenv("NETBOX_TOKEN").trimmed();
        }
        source.caFile = p.value(QStringLiteral("netbox-ca"));
        if (p.isSet(QStringLiteral("username")) || p.isSet(QStringLiteral("secret"))) {
            source.credentials.name = QStringLiteral("netbox");
            source.credentials.username = p.value(QStringLiteral("username"));
            source.credentials.secret = p.value(QStringLiteral("secret"));
            if (!rl::isSecretReference(source.credentials.secret)) {
                err(QStringLiteral("routerlens-cli inventory import: --secret must be env:VARIABLE or "
                                   "keychain:service/account, never the password itself.\n"));
                return ExitUsage;
            }
        }
        rl::NetBoxImportReport report;
        inv = rl::importFromNetBox(source, &report);
        if (inv.ok())
            err(QStringLiteral("NetBox: %1 devices on %2 pages.\n").arg(report.devices).arg(report.pages));
    } else {
        inv = rl::Inventory::loadFile(pos[1], format);
    }
    if (!inv.ok()) {
        err(QStringLiteral("routerlens-cli: %1\n").arg(inv.error().message));
        return netbox && inv.error().code != rl::ErrorCode::InventoryError ? ExitFailed : ExitUsage;
    }
    for (const QString &w : inv->warnings())
        err(QStringLiteral("routerlens-cli: warning: %1\n").arg(w));
    const QByteArray json = rl::inventoryToJson(
        *inv, QStringLiteral("Imported by routerlens-cli from %1.").arg(netbox ? QUrl(pos[1]).host() : QFileInfo(pos[1]).fileName()));
    const QString outPath = p.value(QStringLiteral("out"));
    if (outPath == QLatin1String("-")) {
        out(QString::fromUtf8(rl::DisplayText::jsonForTerminal(json)));
        return ExitOk;
    }
    if (QFileInfo::exists(outPath) && !p.isSet(QStringLiteral("force"))) {
        err(QStringLiteral("routerlens-cli inventory import: %1 exists; give --force to replace it.\n").arg(outPath));
        return ExitUsage;
    }
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        err(QStringLiteral("routerlens-cli inventory import: cannot write %1: %2\n").arg(outPath, file.errorString()));
        return ExitFailed;
    }
    err(QStringLiteral("Imported %1 routers, %2 connections and %3 credentials profiles from %4 into %5.\n")
            .arg(inv->routers().size())
            .arg(inv->connections().size())
            .arg(inv->credentials().size())
            .arg(pos[1], outPath));
    return ExitOk;
}

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
    if (command == QLatin1String("compare"))
        return runCompare(app, args);
    if (command == QLatin1String("inventory"))
        return runInventory(args);
    if (command == QLatin1String("known-hosts"))
        return runKnownHosts(args);
    err(QStringLiteral("routerlens-cli: unknown command \"%1\".\n\n").arg(command) + QString::fromLatin1(kTopHelp));
    return ExitUsage;
}
