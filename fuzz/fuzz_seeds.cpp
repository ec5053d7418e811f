// Writes the seed corpora of the fuzz targets from the repository's own samples:
//   fuzz_seeds <source root> <output dir>
// <output dir>/<target>/ gets one file per seed. Run by the fuzz_seeds ctest fixture before the
// smoke runs (fuzz/CMakeLists.txt), and by hand for a long run (fuzz/README.md).
//
//   fuzz_parsers           every conformance sample (tests/vendors/data/<platform>/<kind>/<case>,
//                          text, JSON and XML) as a paste; every recorded live answer (the demo
//                          lab's captures, the lab's captures under tests/vendors/data) whose
//                          commands a translator asks for some parameters, as a live answer;
//                          the OpenConfig documents (tests/vendors/data/openconfig/fixtures)
//                          as RESTCONF answers
//   fuzz_json_pull         every JSON sample up to 64 KiB
//   fuzz_inventory         every inventory file in resources/ and tests/ (JSON and hosts.yaml)
//   fuzz_request_json      requests of every kind with the conformance parameter sets and every
//                          role; responses holding parsed samples
//   fuzz_http_api_codec    eAPI and NX-API answers built from the demo's Arista and NX-OS
//                          captures, device errors, RESTCONF errors, certificate pins
//   fuzz_ssh_terminal_text text samples as a shell shows them: echo, prompt, \r\n, pager
//                          prompts erased with \b and ESC [K, colours, split into reads
//   fuzz_record_set_codec  the store's form of every conformance sample that parses
//   fuzz_http_request      requests to routerlens-serve: every route, bodies, keep-alive, Expect
//   fuzz_http_response     HTTP/1.1 answers around the demo's Arista JSON captures: with a
//                          length, chunked (extensions, trailers), until close, after 100
//                          Continue, HTTP/1.0, errors and redirects; read whole and in pieces

#include "fuzz/parser_input.h"

#include "engine/api/request_validator.h"
#include "engine/storage/record_set_codec.h"
#include "engine/vendors/offline_parser.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstdio>
#include <map>

using namespace rl;
using rl::fuzz::selector;

namespace {

QString g_out;
int g_written = 0;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// One seed, named by its content so that duplicates collapse.
void seed(const QString &target, const QByteArray &bytes)
{
    const QString dir = g_out + u'/' + target;
    QDir().mkpath(dir);
    const QString name = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex().left(16));
    QFile f(dir + u'/' + name);
    if (f.exists())
        return;
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "fuzz_seeds: cannot write %s\n", qPrintable(f.fileName()));
        std::exit(1);
    }
    ++g_written;
}

QStringList filesUnder(const QString &dir, const QStringList &patterns)
{
    QStringList out;
    QDirIterator it(dir, patterns, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(it.next());
    out.sort();
    return out;
}

QList<QueryParams> conformanceParams()
{
    QList<QueryParams> sets{QueryParams{}};
    QueryParams v4;
    v4.neighbor = QStringLiteral("198.51.100.1");
    v4.destination = QStringLiteral("203.0.113.0/24");
    v4.interfaceName = QStringLiteral("GigabitEthernet0/0/0/1.210");
    sets.append(v4);
    QueryParams v6;
    v6.neighbor = QStringLiteral("2001:db8:100::1");
    v6.destination = QStringLiteral("2001:db8:200::/48");
    v6.addressFamily = QStringLiteral("ipv6");
    v6.vrf = QStringLiteral("CUST-A");
    v6.interfaceName = QStringLiteral("et-0/0/1.100");
    sets.append(v6);
    return sets;
}

// ---- parsers, pasted: the conformance corpus ------------------------------------------------

struct Sample {
    QString platform;
    QueryKind kind;
    QByteArray text;
};

QList<Sample> conformanceSamples(const QString &root)
{
    QList<Sample> out;
    const QString data = root + QStringLiteral("/tests/vendors/data/");
    for (const QString &platform : TranslatorRegistry::platforms()) {
        for (QueryKind kind : allQueryKinds()) {
            for (const QString &file : filesUnder(data + platform + u'/' + queryKindName(kind),
                                                  {QStringLiteral("output.txt"), QStringLiteral("output.json"), QStringLiteral("output.xml")}))
                out.append({platform, kind, readFile(file)});
        }
    }
    return out;
}

QByteArray parserHeader(const QString &platform, QueryKind kind, bool live)
{
    const QStringList platforms = TranslatorRegistry::platforms();
    const QList<QueryKind> kinds = allQueryKinds();
    QByteArray h;
    h += selector(platforms.indexOf(platform), platforms.size());
    h += selector(kinds.indexOf(kind), kinds.size());
    h += live ? 'A' : 'B'; // odd: live, even: pasted
    return h;
}

// ---- parsers, live: recorded answers ----------------------------------------------------------

struct CaptureDir {
    QString platform;
    QString dir;
};

QList<CaptureDir> captureDirs(const QString &root)
{
    QList<CaptureDir> out;
    const QJsonObject scenario = QJsonDocument::fromJson(readFile(root + QStringLiteral("/resources/demo/scenario.json"))).object();
    for (const QJsonValue &r : scenario.value(QStringLiteral("routers")).toArray()) {
        const QJsonObject o = r.toObject();
        const QString captures = o.value(QStringLiteral("captures")).toString();
        if (!captures.isEmpty())
            out.append({o.value(QStringLiteral("platform")).toString(), root + QStringLiteral("/resources/demo/captures/") + captures});
    }
    for (const QString &platform : TranslatorRegistry::platforms()) {
        const QDir pdir(root + QStringLiteral("/tests/vendors/data/") + platform);
        for (const QString &state : pdir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            if (QFile::exists(pdir.filePath(state + QStringLiteral("/commands.txt"))))
                out.append({platform, pdir.filePath(state)});
    }
    return out;
}

std::map<QString, QByteArray> readCaptures(const QString &dir)
{
    std::map<QString, QByteArray> out;
    const QList<QByteArray> lines = readFile(dir + QStringLiteral("/commands.txt")).split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith('#') || !line.contains('\t'))
            continue;
        const qsizetype tab = line.indexOf('\t');
        const QString file = QString::fromUtf8(line.left(tab)).trimmed();
        const QString command = QString::fromUtf8(line.mid(tab + 1)).trimmed();
        if (QFile::exists(dir + u'/' + file))
            out[command] = readFile(dir + u'/' + file);
    }
    return out;
}

// Parameters worth trying for a capture directory: the conformance sets, and every address,
// interface and VRF its commands name.
QList<QueryParams> candidateParams(const std::map<QString, QByteArray> &captures)
{
    QList<QueryParams> out = conformanceParams();
    static const QRegularExpression word(QStringLiteral(R"([^\s'|]+)"));
    QStringList addresses, interfaces, vrfs;
    for (const auto &[command, bytes] : captures) {
        const QStringList words = command.split(QRegularExpression(QStringLiteral(R"([\s'|]+)")), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < words.size(); ++i) {
            QString w = words.at(i);
            const bool isV4 = QRegularExpression(QStringLiteral(R"(^\d+\.\d+\.\d+\.\d+(/\d+)?$)")).match(w).hasMatch();
            const bool isV6 = w.count(u':') >= 2 && QRegularExpression(QStringLiteral(R"(^[0-9a-fA-F:]+(/\d+)?$)")).match(w).hasMatch();
            if (isV4 || isV6) {
                if (!addresses.contains(w))
                    addresses.append(w);
            } else if (i > 0 && words.at(i - 1) == QStringLiteral("vrf") && w != QStringLiteral("all")) {
                if (!vrfs.contains(w))
                    vrfs.append(w);
            } else if (w.contains(QRegularExpression(QStringLiteral("[0-9]"))) && w.size() > 2
                       && RequestValidator::isValidInterfaceName(w) && !interfaces.contains(w)) {
                interfaces.append(w);
            }
        }
    }
    for (const QString &a : std::as_const(addresses)) {
        for (const QString &af : {QString(), a.contains(u':') ? QStringLiteral("ipv6") : QStringLiteral("ipv4")}) {
            QueryParams p;
            p.neighbor = a;
            p.destination = a;
            p.addressFamily = af;
            out.append(p);
        }
    }
    for (const QString &i : std::as_const(interfaces)) {
        QueryParams p;
        p.interfaceName = i;
        out.append(p);
    }
    for (const QString &v : std::as_const(vrfs)) {
        QueryParams p;
        p.vrf = v;
        out.append(p);
    }
    return out;
}

void liveSeeds(const QString &root)
{
    int made = 0;
    for (const CaptureDir &cd : captureDirs(root)) {
        const Translator *t = TranslatorRegistry::find(cd.platform);
        if (!t)
            continue;
        auto captures = readCaptures(cd.dir);
        // Captures are keyed by what was run on the host; a platform's transport may wrap the
        // translator's command (FRR: vtysh -c '...').
        const QString wrapper = t->sessionProfile().execWrapper;
        if (!wrapper.isEmpty()) {
            std::map<QString, QByteArray> unwrapped;
            const qsizetype at = wrapper.indexOf(QStringLiteral("%1"));
            for (const auto &[command, bytes] : captures) {
                if (at >= 0 && command.startsWith(wrapper.left(at)) && command.endsWith(wrapper.mid(at + 2)))
                    unwrapped[command.mid(at, command.size() - (wrapper.size() - 2))] = bytes;
            }
            captures.merge(unwrapped);
        }
        const QList<QueryParams> candidates = candidateParams(captures);
        for (QueryKind kind : allQueryKinds()) {
            int perKind = 0;
            for (const QueryParams &params : candidates) {
                if (perKind == 4)
                    break;
                if (RequestValidator::validateParams(kind, params).isError())
                    continue;
                const auto commands = t->commands(kind, params);
                if (!commands)
                    continue;
                QList<CommandOutput> outputs;
                bool all = true;
                for (const QString &c : *commands) {
                    const auto it = captures.find(c);
                    all = all && it != captures.end();
                    if (all)
                        outputs.append(CommandOutput{c, it->second, 0, 0});
                }
                if (!all)
                    continue;
                if (t->hasFollowUps(kind)) {
                    const auto more = t->followUpCommands(kind, params, outputs);
                    if (!more)
                        continue;
                    for (const QString &c : *more) {
                        const auto it = captures.find(c);
                        all = all && it != captures.end();
                        if (all)
                            outputs.append(CommandOutput{c, it->second, 0, 0});
                    }
                    if (!all)
                        continue;
                }
                QByteArrayList texts;
                for (const CommandOutput &o : std::as_const(outputs))
                    texts.append(o.output);
                const QByteArray body = texts.join(fuzz::kOutputSeparator);
                if (body.size() > 256 * 1024)
                    continue;
                seed(QStringLiteral("fuzz_parsers"), parserHeader(cd.platform, kind, true) + fuzz::paramsLine(params) + body);
                ++perKind;
                ++made;
            }
        }
    }
    // OpenConfig answers over RESTCONF: its documents, for every kind it asks one path for.
    const Translator *oc = TranslatorRegistry::find(QStringLiteral("openconfig"));
    const QStringList docs = filesUnder(root + QStringLiteral("/tests/vendors/data/openconfig/fixtures"), {QStringLiteral("*.json")});
    for (QueryKind kind : allQueryKinds()) {
        for (const QueryParams &params : conformanceParams()) {
            if (!oc || RequestValidator::validateParams(kind, params).isError())
                continue;
            const auto commands = oc->commands(kind, params);
            if (!commands || commands->size() != 1)
                continue;
            for (const QString &doc : docs) {
                seed(QStringLiteral("fuzz_parsers"), parserHeader(QStringLiteral("openconfig"), kind, true) + fuzz::paramsLine(params) + readFile(doc));
                ++made;
            }
            break;
        }
    }
    std::printf("fuzz_parsers: %d live answers\n", made);
}

// ---- the other targets ------------------------------------------------------------------------

void jsonSeeds(const QString &root)
{
    for (const QString &dir : {QStringLiteral("/tests/vendors"), QStringLiteral("/resources")}) {
        for (const QString &file : filesUnder(root + dir, {QStringLiteral("*.json")})) {
            const QByteArray bytes = readFile(file);
            if (bytes.size() <= 64 * 1024)
                seed(QStringLiteral("fuzz_json_pull"), bytes);
        }
    }
    for (const char *s : {"[]", "{}", "\"\\u00e9\\ud83d\\ude00\"", "-0.5e+10", "[{\"data\": \"text\"}]", "[true,false,null]"})
        seed(QStringLiteral("fuzz_json_pull"), QByteArray(s));
}

void inventorySeeds(const QString &root)
{
    for (const QString &dir : {QStringLiteral("/resources"), QStringLiteral("/tests"), QStringLiteral("/lab")}) {
        for (const QString &file : filesUnder(root + dir, {QStringLiteral("*.json"), QStringLiteral("*.yaml"), QStringLiteral("*.yml")})) {
            const QByteArray bytes = readFile(file);
            if (file.endsWith(QStringLiteral(".json"))) {
                if (bytes.contains("\"routers\"") && bytes.size() <= 64 * 1024)
                    seed(QStringLiteral("fuzz_inventory"), "B" + bytes); // even: JSON
            } else if (bytes.size() <= 64 * 1024) {
                seed(QStringLiteral("fuzz_inventory"), "A" + bytes); // odd: Nornir YAML
            }
        }
    }
}

void requestSeeds(const QList<Sample> &samples)
{
    const QList<QueryParams> sets = conformanceParams();
    int i = 0;
    for (QueryKind kind : allQueryKinds()) {
        for (const QueryParams &p : sets) {
            Request r;
            r.id = QStringLiteral("req-%1").arg(++i);
            r.kind = kind;
            r.params = p;
            r.routers = {QStringLiteral("pe1-par"), QStringLiteral("ce-initech")};
            r.client.role = Role(i % 3);
            r.client.id = QStringLiteral("client-%1").arg(i % 4);
            r.client.customer = r.client.role == Role::External ? QStringLiteral("globex") : QString();
            r.maxAgeSeconds = (i % 2) * 300;
            r.urgency = i % 2 ? Urgency::Background : Urgency::Interactive;
            seed(QStringLiteral("fuzz_request_json"), "B" + QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact));
        }
    }
    // Responses: a few parsed samples of every kind, one with an error.
    std::map<QueryKind, int> perKind;
    for (const Sample &s : samples) {
        if (perKind[s.kind] >= 2 || s.text.size() > 8 * 1024)
            continue;
        const auto parsed = OfflineParser::parse(s.platform, s.kind, s.text);
        Response resp;
        resp.requestId = QStringLiteral("req-7");
        resp.kind = s.kind;
        resp.completedAt = QDateTime::fromSecsSinceEpoch(1796000000, Qt::UTC);
        RouterResult rr;
        rr.router = QStringLiteral("pe1-par");
        rr.fetchedAt = resp.completedAt;
        rr.latencyMs = 120;
        rr.commands = {QStringLiteral("show version")};
        if (parsed)
            rr.records = parsed->records;
        else
            rr.error = parsed.error();
        resp.results.append(rr);
        seed(QStringLiteral("fuzz_request_json"), "A" + QJsonDocument(resp.toJson()).toJson(QJsonDocument::Compact));
        ++perKind[s.kind];
    }
}

void httpSeeds(const QString &root)
{
    // Selector bytes: 'D' eAPI (68 % 4 == 0), 'A' NX-API, 'B' RESTCONF error, 'C' pin; then the
    // number of commands less one, modulo 4.
    const auto eos = readCaptures(root + QStringLiteral("/resources/demo/captures/ce-initech"));
    const auto nxos = readCaptures(root + QStringLiteral("/resources/demo/captures/ce-umbrella"));
    QList<QJsonValue> eosJson, nxosJson;
    for (const auto &[c, bytes] : eos)
        if (c.endsWith(QStringLiteral("| json")) && bytes.size() < 16 * 1024)
            eosJson.append(QJsonDocument::fromJson(bytes).object());
    for (const auto &[c, bytes] : nxos)
        if (c.endsWith(QStringLiteral("| json")) && bytes.size() < 16 * 1024)
            nxosJson.append(QJsonDocument::fromJson(bytes).object());
    for (int n = 1; n <= 4; ++n) {
        for (qsizetype start = 0; start + n <= eosJson.size(); start += n) {
            QJsonArray results;
            for (int k = 0; k < n; ++k)
                results.append(k == 1 ? QJsonValue(QJsonObject{{QStringLiteral("output"), QStringLiteral("Port  Name  Status\nEt1   up    connected\n")}})
                                      : eosJson.at(start + k));
            const QJsonObject rpc{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), QStringLiteral("rl-1")},
                                  {QStringLiteral("result"), results}};
            seed(QStringLiteral("fuzz_http_api_codec"), QByteArray("D") + selector(n - 1, 4) + QJsonDocument(rpc).toJson(QJsonDocument::Compact));
        }
        for (qsizetype start = 0; start + n <= nxosJson.size(); start += n) {
            QJsonArray batch;
            for (int k = 0; k < n; ++k)
                batch.append(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), k + 1},
                                         {QStringLiteral("result"), QJsonObject{{QStringLiteral("body"), nxosJson.at(start + k)}}}});
            seed(QStringLiteral("fuzz_http_api_codec"), QByteArray("A") + selector(n - 1, 4) + QJsonDocument(batch).toJson(QJsonDocument::Compact));
        }
    }
    seed(QStringLiteral("fuzz_http_api_codec"),
         R"J(DB{"jsonrpc":"2.0","id":"rl-1","error":{"code":1002,"message":"CLI command 2 of 2 'show foo' failed: invalid command","data":[{},{"errors":["Invalid input (at token 1: 'foo')"]}]}})J");
    seed(QStringLiteral("fuzz_http_api_codec"),
         R"J(AB[{"jsonrpc":"2.0","id":1,"result":null},{"jsonrpc":"2.0","id":2,"error":{"code":-32602,"message":"Invalid params","data":{"msg":"Syntax error while parsing 'show foo'"}}}])J");
    seed(QStringLiteral("fuzz_http_api_codec"), R"J(AA{"jsonrpc":"2.0","id":"1","result":{"msg":"Success"}})J");
    seed(QStringLiteral("fuzz_http_api_codec"),
         R"J(BA{"ietf-restconf:errors":{"error":[{"error-type":"application","error-tag":"invalid-value","error-path":"/openconfig-interfaces:interfaces","error-message":"uri keypath not found"}]}})J");
    seed(QStringLiteral("fuzz_http_api_codec"), R"J(BA{"errors":{"error":[{"error-tag":"access-denied"}]}})J");
    const QByteArray digest = QCryptographicHash::hash("RouterLens fuzz pin", QCryptographicHash::Sha256);
    seed(QStringLiteral("fuzz_http_api_codec"), "CA" + digest.toHex());
    seed(QStringLiteral("fuzz_http_api_codec"), "CA" + digest.toHex(':').toUpper());
    seed(QStringLiteral("fuzz_http_api_codec"), "CAsha256:" + digest.toHex());
    seed(QStringLiteral("fuzz_http_api_codec"), "CAsha256//" + digest.toBase64());
}

void httpResponseSeeds(const QString &root)
{
    // Byte 0: the read size less one (bits 0-6) and HEAD (bit 7).
    const auto eos = readCaptures(root + QStringLiteral("/resources/demo/captures/ce-initech"));
    int n = 0;
    for (const auto &[command, body] : eos) {
        if (!command.endsWith(QStringLiteral("| json")) || body.size() > 16 * 1024)
            continue;
        const QByteArray read(1, char(n++ % 3 == 0 ? 127 : (n * 7) % 64));
        const QByteArray len = QByteArray::number(body.size());
        seed(QStringLiteral("fuzz_http_response"),
             read + "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + len + "\r\n\r\n" + body);
        QByteArray chunked = read + QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (qsizetype at = 0; at < body.size(); at += 700) {
            const QByteArray part = body.mid(at, 700);
            chunked += QByteArray::number(part.size(), 16) + (at == 0 ? ";name=value" : "") + "\r\n" + part + "\r\n";
        }
        seed(QStringLiteral("fuzz_http_response"), chunked + "0\r\nX-Trailer: done\r\n\r\n");
        seed(QStringLiteral("fuzz_http_response"), read + "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + body);
        if (n > 6)
            break;
    }
    seed(QStringLiteral("fuzz_http_response"), "\x10HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n");
    seed(QStringLiteral("fuzz_http_response"), "\x05HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"eapi\"\r\nContent-Length: 0\r\n\r\n");
    seed(QStringLiteral("fuzz_http_response"), "\x7fHTTP/1.1 301 Moved\r\nLocation: https://198.18.0.9/command-api\r\nContent-Length: 0\r\n\r\n");
    seed(QStringLiteral("fuzz_http_response"), "\x83HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");
    seed(QStringLiteral("fuzz_http_response"), "\x01HTTP/1.1 200 OK\nContent-Length: 2\n\n{}");
}

void httpRequestSeeds()
{
    const QByteArray auth = "Authorization: Bearer rlt_0123456789ab_" + QByteArray(43, 'A') + "\r\n";
    const QByteArray body = R"({"routers":["pe1-par"],"query":"bgp-status","params":{"vrf":"GLOBEX"}})";
    const QList<QByteArray> seeds = {
        "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1:8750\r\n\r\n",
        "GET /openapi.json HTTP/1.0\r\n\r\n",
        "GET /v1/routers HTTP/1.1\r\nHost: h\r\n" + auth + "Connection: keep-alive\r\n\r\n",
        "POST /v1/queries?wait=30 HTTP/1.1\r\nHost: h\r\n" + auth + "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nExpect: 100-continue\r\n\r\n" + body,
        "GET /v1/queries/q-0123456789abcdef0123456789abcdef?wait=5 HTTP/1.1\r\n" + auth + "\r\n",
        "DELETE /v1/queries/q-0123 HTTP/1.1\r\nConnection: close\r\n\r\n",
        "POST /v1/diagnoses HTTP/1.1\nContent-Length: 12\n\n{\"all\":true}",
        "GET /v1/%72outers?x=%2F&y HTTP/1.1\r\n\r\n",
    };
    for (const QByteArray &s : seeds)
        seed(QStringLiteral("fuzz_http_request"), s);
}

void terminalSeeds(const QList<Sample> &samples)
{
    const QStringList platforms = TranslatorRegistry::platforms();
    int n = 0;
    for (const Sample &s : samples) {
        if (s.text.size() > 16 * 1024 || n >= 60)
            continue;
        ++n;
        const bool junos = s.platform == QStringLiteral("juniper-junos");
        const QByteArray prompt = junos ? QByteArrayLiteral("rl@pe2-ams> ") : QByteArrayLiteral("pe1-par#");
        QByteArray text = s.text;
        text.replace("\r\n", "\n");
        text.replace("\n", "\r\n");
        const QByteArray head(1, selector(platforms.indexOf(s.platform), platforms.size() + 1));
        // The first prompt, then the echoed command, the answer and the prompt again.
        QByteArray plain = head + "Welcome\r\n" + prompt + '\x1e' + "show version\r\n" + text + prompt;
        seed(QStringLiteral("fuzz_ssh_terminal_text"), plain);
        // A pager in the middle, erased with backspaces or ESC [K, and colours.
        const qsizetype mid = text.indexOf("\r\n", text.size() / 2);
        if (mid > 0) {
            QByteArray paged = head + prompt + '\x1e' + "show version\r\n" + text.left(mid + 2) + " --More-- " + '\x1e'
                + QByteArray(10, '\b') + "          " + QByteArray(10, '\b') + text.mid(mid + 2) + prompt;
            seed(QStringLiteral("fuzz_ssh_terminal_text"), paged);
            QByteArray erased = head + prompt + '\x1e' + "\x1b[?2004hshow version\r\n" + text.left(mid + 2)
                + "\x1b[7m--More--\x1b[27m" + '\x1e' + "\r\x1b[K" + text.mid(mid + 2) + "\x1b]0;pe1-par\a" + prompt;
            seed(QStringLiteral("fuzz_ssh_terminal_text"), erased);
        }
    }
}

void codecSeeds(const QList<Sample> &samples)
{
    const QList<QueryKind> kinds = allQueryKinds();
    for (const Sample &s : samples) {
        const auto parsed = OfflineParser::parse(s.platform, s.kind, s.text);
        if (!parsed || parsed->records.isEmpty())
            continue;
        const QByteArray blob = RecordSetCodec::encode(parsed->records);
        if (blob.size() <= 16 * 1024)
            seed(QStringLiteral("fuzz_record_set_codec"), selector(kinds.indexOf(s.kind), kinds.size()) + blob);
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: fuzz_seeds <source root> <output dir>\n");
        return 2;
    }
    const QString root = QString::fromLocal8Bit(argv[1]);
    g_out = QString::fromLocal8Bit(argv[2]);
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});

    const QList<Sample> samples = conformanceSamples(root);
    if (samples.isEmpty()) {
        std::fprintf(stderr, "fuzz_seeds: no conformance samples under %s/tests/vendors/data\n", argv[1]);
        return 1;
    }
    for (const Sample &s : samples)
        seed(QStringLiteral("fuzz_parsers"), parserHeader(s.platform, s.kind, false) + s.text);
    std::printf("fuzz_parsers: %lld pasted samples\n", qlonglong(samples.size()));
    liveSeeds(root);
    jsonSeeds(root);
    inventorySeeds(root);
    requestSeeds(samples);
    httpSeeds(root);
    httpResponseSeeds(root);
    httpRequestSeeds();
    terminalSeeds(samples);
    codecSeeds(samples);
    std::printf("fuzz_seeds: %d new seeds written to %s\n", g_written, argv[2]);
    return 0;
}
