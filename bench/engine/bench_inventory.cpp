// Figures for bounded work on large inputs: inventories of 10,000 to 1,000,000 routers in JSON,
// Nornir YAML, CSV and Ansible INI, a paste at the size limit, a stored full table decoded with checked counts,
// and opening a large store (PRAGMA quick_check). Each measurement runs in a child process of
// its own, so its peak RSS is its own.
//
//   bench_inventory [--quick] [--sizes N,N,...] [--forms json,yaml,csv,ansible] [--inventories-only]
//   (--quick: up to 100,000 routers)
//
// Prints figures; asserts nothing about time.

#include "engine/inventory/inventory.h"
#include "engine/storage/record_set_codec.h"
#include "engine/storage/sqlite_result_store.h"
#include "engine/vendors/offline_parser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtEndian>

#include <sys/resource.h>

#include <cstdio>

using namespace rl;

namespace {

qint64 peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

QByteArray address(int i)
{
    return "10." + QByteArray::number((i >> 16) & 255) + '.' + QByteArray::number((i >> 8) & 255) + '.'
        + QByteArray::number(i & 255);
}

enum class Form { Json, Yaml, Csv, AnsibleIni };

const char *formName(Form form)
{
    switch (form) {
    case Form::Json:
        return "json";
    case Form::Yaml:
        return "yaml";
    case Form::Csv:
        return "csv";
    case Form::AnsibleIni:
        return "ansible";
    }
    return "?";
}

const char *formSuffix(Form form)
{
    switch (form) {
    case Form::Json:
        return "json";
    case Form::Yaml:
        return "yaml";
    case Form::Csv:
        return "csv";
    case Form::AnsibleIni:
        return "ini";
    }
    return "txt";
}

// One router's lines in `form`; JSON and YAML carry one connection every tenth router (the
// imports have no connections: CSV and Ansible describe routers only).
void appendRouter(QByteArray &chunk, Form form, int i, int routers)
{
    const QByteArray name = "pe" + QByteArray::number(i);
    const QByteArray site = "s" + QByteArray::number(i % 97);
    switch (form) {
    case Form::Json:
        chunk += "  {\"name\": \"" + name + "\", \"host\": \"" + address(i)
                 + "\", \"platform\": \"cisco-iosxr\", \"credentials\": \"noc\", \"tags\": {\"site\": \"" + site + "\"}}";
        chunk += i + 1 < routers ? ",\n" : "\n";
        break;
    case Form::Yaml:
        chunk += name + ":\n  hostname: " + address(i) + "\n  platform: iosxr\n  username: noc\n  data:\n    secret: "
                 "env:RL_NOC\n    site: " + site + "\n";
        if (i % 10 == 0)
            chunk += "    connections:\n      - id: c" + QByteArray::number(i) + "\n        customer: cust"
                     + QByteArray::number(i % 50) + "\n        providerInterface: Bundle-Ether1."
                     + QByteArray::number(i % 4000 + 1) + "\n        vlan: " + QByteArray::number(i % 4000 + 1) + "\n";
        break;
    case Form::Csv:
        chunk += name + ',' + address(i) + ",cisco_xr,," + site + ",cust" + QByteArray::number(i % 50) + ",pe,noc,env:RL_NOC\n";
        break;
    case Form::AnsibleIni:
        // Hosts are listed under their site's group (written group by group, see writeInventory).
        chunk += name + " ansible_host=" + address(i) + " role=pe\n";
        break;
    }
}

// Writes an inventory of `routers` routers in `form`, in chunks.
bool writeInventory(const QString &path, int routers, Form form)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray chunk;
    const auto flush = [&] {
        f.write(chunk);
        chunk.clear();
    };
    switch (form) {
    case Form::Json:
        chunk += "{\"version\": 1,\n \"credentials\": {\"noc\": {\"username\": \"noc\", \"secret\": \"env:RL_NOC\"}},\n"
                 " \"routers\": [\n";
        break;
    case Form::Yaml:
        chunk += "---\n";
        break;
    case Form::Csv:
        chunk += "Name,Host,Platform,Port,Site,Customer,Role,Username,Secret\n";
        break;
    case Form::AnsibleIni:
        chunk += "[all:vars]\nansible_user=noc\nansible_password=env:RL_NOC\nansible_network_os=cisco.iosxr.iosxr\n\n";
        break;
    }
    if (form == Form::AnsibleIni) {
        // 97 site groups, each with its hosts and vars, and a parent group holding them all.
        for (int g = 0; g < 97; ++g) {
            chunk += "[s" + QByteArray::number(g) + "]\n";
            for (int i = g; i < routers; i += 97) {
                appendRouter(chunk, form, i, routers);
                if (chunk.size() > (1 << 20))
                    flush();
            }
            chunk += "\n[s" + QByteArray::number(g) + ":vars]\nsite=s" + QByteArray::number(g) + "\n\n";
        }
        chunk += "[edge:children]\n";
        for (int g = 0; g < 97; ++g)
            chunk += "s" + QByteArray::number(g) + '\n';
    } else {
        for (int i = 0; i < routers; ++i) {
            appendRouter(chunk, form, i, routers);
            if (chunk.size() > (1 << 20))
                flush();
        }
    }
    if (form == Form::Json) {
        chunk += " ],\n \"connections\": [\n";
        for (int i = 0; i < routers; i += 10) {
            chunk += "  {\"id\": \"c" + QByteArray::number(i) + "\", \"customer\": \"cust" + QByteArray::number(i % 50)
                     + "\", \"providerRouter\": \"pe" + QByteArray::number(i)
                     + "\", \"providerInterface\": \"Bundle-Ether1." + QByteArray::number(i % 4000 + 1)
                     + "\", \"vlan\": " + QByteArray::number(i % 4000 + 1) + "}";
            chunk += i + 10 < routers ? ",\n" : "\n";
            if (chunk.size() > (1 << 20))
                flush();
        }
        chunk += " ]}\n";
    }
    flush();
    return true;
}

QByteArray iosArpPaste(qint64 bytes)
{
    QByteArray text("pe1#show ip arp\nProtocol  Address          Age (min)  Hardware Addr   Type   Interface\n");
    text.reserve(bytes + 128);
    for (int i = 0; text.size() < bytes - 100; ++i) {
        char mac[32];
        std::snprintf(mac, sizeof mac, "%04x.%04x.%04x", (i >> 16) & 0xffff, i & 0xffff, (i * 7) & 0xffff);
        text += "Internet  " + address(i).leftJustified(17, ' ') + QByteArray::number(i % 240).rightJustified(7, ' ')
                + "   " + mac + "  ARPA   GigabitEthernet0/0/" + QByteArray::number(i % 48) + '\n';
    }
    return text;
}

QByteArray junosArpPaste(qint64 bytes)
{
    QByteArray text("noc@pe1> show arp no-resolve\nMAC Address       Address         Interface                Flags\n");
    text.reserve(bytes + 128);
    for (int i = 0; text.size() < bytes - 100; ++i) {
        char mac[32];
        std::snprintf(mac, sizeof mac, "40:de:%02x:%02x:%02x:%02x", (i >> 24) & 255, (i >> 16) & 255, (i >> 8) & 255,
                      i & 255);
        text += QByteArray(mac) + ' ' + address(i).leftJustified(15, ' ') + " xe-0/0/" + QByteArray::number(i % 48)
                + ".0               none\n";
    }
    return text;
}

// A received-routes table as a router sends it: varied prefixes, next hops and AS paths.
RecordSet routes(int n)
{
    QRandomGenerator rng(42);
    QList<RouteRecord> list;
    list.reserve(n);
    QStringList paths;
    for (int i = 0; i < 30000; ++i)
        paths << QStringLiteral("65010 %1 %2 %3").arg(rng.bounded(64512, 65535)).arg(rng.bounded(1, 64000)).arg(rng.bounded(1, 400000));
    for (int i = 0; i < n; ++i) {
        RouteRecord r;
        const quint32 net = (quint32(rng.bounded(1, 224)) << 24) | (rng.generate() & 0x00ffff00);
        r.prefix = *IpPrefix::parse(QStringLiteral("%1.%2.%3.0/24").arg(net >> 24).arg((net >> 16) & 255).arg((net >> 8) & 255));
        r.nextHop = *IpAddress::parse(QStringLiteral("198.51.100.%1").arg(rng.bounded(1, 255)));
        r.asPath = paths[rng.bounded(int(paths.size()))];
        r.communities = rng.bounded(3) ? QStringLiteral("65010:%1").arg(rng.bounded(100, 400)) : QString();
        r.localPref = 100;
        r.med = rng.bounded(3) ? -1 : rng.bounded(1000);
        r.origin = RouteOrigin::Igp;
        r.best = true;
        list.append(r);
    }
    return RecordSet(QueryKind::ReceivedRoutes, list);
}

// ---- the children -------------------------------------------------------------------------

int childLoad(const QString &path)
{
    QElapsedTimer t;
    t.start();
    const double cpu0 = cpuSeconds();
    const auto inv = Inventory::loadFile(path);
    const double secs = double(t.nsecsElapsed()) / 1e9;
    if (!inv.ok()) {
        std::printf("error %s\n", qPrintable(inv.error().toString()));
        return 1;
    }
    std::printf("%lld %.3f %.3f %lld\n", static_cast<long long>(inv->routers().size()), secs, cpuSeconds() - cpu0,
                static_cast<long long>(peakRssKb()));
    return 0;
}

int childPaste(const QString &platform, qint64 bytes)
{
    const QByteArray text = platform == QLatin1String("cisco-ios") ? iosArpPaste(bytes) : junosArpPaste(bytes);
    QElapsedTimer t;
    t.start();
    const double cpu0 = cpuSeconds();
    const auto r = OfflineParser::parse(platform, QueryKind::ArpTable, text);
    const double secs = double(t.nsecsElapsed()) / 1e9;
    if (!r.ok()) {
        std::printf("error %s\n", qPrintable(r.error().toString()));
        return 1;
    }
    std::printf("%lld %.3f %.3f %lld %lld\n", static_cast<long long>(r->records.size()), secs, cpuSeconds() - cpu0,
                static_cast<long long>(peakRssKb()), static_cast<long long>(text.size()));
    return 0;
}

int childDecode(int n)
{
    const RecordSet r = routes(n);
    const QByteArray blob = RecordSetCodec::encode(r);
    const qint64 raw = qint64(qFromBigEndian<quint32>(blob.constData()));
    const qint64 memory = raw + qint64(n) * qint64(sizeof(RouteRecord));
    const qint64 budget = RecordSetCodec::MaxDecodedBytes + RecordSetCodec::DecodeFactor * blob.size();
    QElapsedTimer t;
    t.start();
    const auto back = RecordSetCodec::decode(QueryKind::ReceivedRoutes, blob);
    const double secs = double(t.nsecsElapsed()) / 1e9;
    if (!back.ok() || back->size() != n) {
        std::printf("error %s\n", qPrintable(back.error().toString()));
        return 1;
    }
    std::printf("%lld %lld %lld %lld %.3f\n", static_cast<long long>(blob.size()), static_cast<long long>(raw),
                static_cast<long long>(memory), static_cast<long long>(budget), secs);
    return 0;
}

int childStoreOpen(const QString &path)
{
    QElapsedTimer t;
    t.start();
    SqliteResultStore store(path);
    const Error e = store.open();
    const double secs = double(t.nsecsElapsed()) / 1e9;
    if (e) {
        std::printf("error %s\n", qPrintable(e.toString()));
        return 1;
    }
    std::printf("%.3f %lld\n", secs, static_cast<long long>(QFileInfo(path).size()));
    return 0;
}

// ---- the parent ---------------------------------------------------------------------------

QStringList runChild(const QStringList &args)
{
    QProcess p;
    p.start(QCoreApplication::applicationFilePath(), QStringList{QStringLiteral("--child")} + args);
    if (!p.waitForFinished(-1) || p.exitCode() != 0) {
        std::printf("  child %s failed: %s%s\n", qPrintable(args.join(QLatin1Char(' '))),
                    p.readAllStandardOutput().constData(), p.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));
}

} // namespace

// Long on purpose: the bench's sections one after another, each printing its own table.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.value(0) == QLatin1String("--child")) {
        const QString what = args.value(1);
        if (what == QLatin1String("load"))
            return childLoad(args.value(2));
        if (what == QLatin1String("paste"))
            return childPaste(args.value(2), args.value(3).toLongLong());
        if (what == QLatin1String("decode"))
            return childDecode(args.value(2).toInt());
        if (what == QLatin1String("store-open"))
            return childStoreOpen(args.value(2));
        return 2;
    }
    const bool quick = args.contains(QLatin1String("--quick"));
    QTemporaryDir dir;

    std::printf("Inventories (one child process per load: wall and CPU seconds, the child's peak RSS)\n");
    std::printf("  %-7s %9s %9s %9s %9s %10s %12s\n", "form", "routers", "file MB", "wall s", "CPU s", "peak MB",
                "bytes/router");
    QList<int> sizes{10000, 100000};
    if (!quick)
        sizes << 1000000;
    if (const qsizetype at = args.indexOf(QLatin1String("--sizes")); at >= 0) {
        sizes.clear();
        for (const QString &n : args.value(at + 1).split(QLatin1Char(',')))
            sizes << n.toInt();
    }
    QList<Form> forms{Form::Json, Form::Yaml, Form::Csv, Form::AnsibleIni};
    if (const qsizetype at = args.indexOf(QLatin1String("--forms")); at >= 0) {
        const QStringList which = args.value(at + 1).split(QLatin1Char(','));
        forms.removeIf([&](Form f) { return !which.contains(QLatin1String(formName(f))); });
    }
    for (const Form form : std::as_const(forms)) {
        for (int n : sizes) {
            const QString path = dir.filePath(QStringLiteral("inv-%1.%2").arg(n).arg(QLatin1String(formSuffix(form))));
            if (!writeInventory(path, n, form))
                return 1;
            const qint64 fileBytes = QFileInfo(path).size();
            const QStringList r = runChild({QStringLiteral("load"), path});
            QFile::remove(path);
            if (r.size() < 4)
                continue;
            const qint64 peakKb = r[3].toLongLong();
            if (r[0].toInt() != n)
                std::printf("  %s %d: the reader returned %s routers, not %d\n", formName(form), n, qPrintable(r[0]), n);
            std::printf("  %-7s %9d %9.1f %9s %9s %10.1f %12.0f\n", formName(form), n, fileBytes / 1048576.0,
                        qPrintable(r[1]), qPrintable(r[2]), peakKb / 1024.0, peakKb * 1024.0 / n);
        }
    }

    if (args.contains(QLatin1String("--inventories-only")))
        return 0;
    std::printf("\nPastes at the limit (%lld MiB) and a quarter of it, ARP tables through the recogniser\n",
                static_cast<long long>(OfflineParser::MaxTextBytes >> 20));
    std::printf("  %-14s %9s %10s %9s %9s %10s\n", "platform", "MiB", "rows", "wall s", "CPU s", "peak MB");
    for (const char *platform : {"cisco-ios", "juniper-junos"}) {
        for (const qint64 bytes : {OfflineParser::MaxTextBytes / 4, OfflineParser::MaxTextBytes}) {
            const QStringList r = runChild({QStringLiteral("paste"), QString::fromLatin1(platform), QString::number(bytes)});
            if (r.size() < 5)
                continue;
            std::printf("  %-14s %9.1f %10s %9s %9s %10.1f\n", platform, r[4].toLongLong() / 1048576.0, qPrintable(r[0]),
                        qPrintable(r[1]), qPrintable(r[2]), r[3].toLongLong() / 1024.0);
        }
    }

    std::printf("\nA stored received-routes answer decoded with checked counts\n");
    std::printf("  %9s %10s %10s %12s %12s %8s\n", "routes", "stored MB", "raw MB", "memory MB", "allowed MB", "decode s");
    for (int n : quick ? QList<int>{100000} : QList<int>{100000, 1000000}) {
        const QStringList r = runChild({QStringLiteral("decode"), QString::number(n)});
        if (r.size() < 5)
            continue;
        std::printf("  %9d %10.1f %10.1f %12.1f %12.1f %8s\n", n, r[0].toLongLong() / 1048576.0,
                    r[1].toLongLong() / 1048576.0, r[2].toLongLong() / 1048576.0, r[3].toLongLong() / 1048576.0,
                    qPrintable(r[4]));
    }

    std::printf("\nOpening a store (header, PRAGMA quick_check, the table's columns)\n");
    {
        const QString path = dir.filePath(QStringLiteral("results.sqlite"));
        const int tables = quick ? 4 : 20;
        {
            SqliteResultStore store(path);
            if (store.open())
                return 1;
            const RecordSet table = routes(100000);
            for (int i = 0; i < tables; ++i) {
                StoredAnswer a;
                a.router = QStringLiteral("pe%1").arg(i);
                a.kind = QueryKind::ReceivedRoutes;
                a.params.neighbor = QStringLiteral("198.51.100.1");
                a.fetchedAt = QDateTime::currentDateTimeUtc();
                a.expiresAt = a.fetchedAt.addSecs(300);
                a.records = table;
                if (!store.put(a).ok())
                    return 1;
            }
        }
        const QStringList r = runChild({QStringLiteral("store-open"), path});
        if (r.size() >= 2)
            std::printf("  %d answers of 100,000 routes, %.1f MB: opened in %s s\n", tables, r[1].toLongLong() / 1048576.0,
                        qPrintable(r[0]));
    }
    return 0;
}
