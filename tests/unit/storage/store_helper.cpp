// A child process for the store tests: what must happen in a process of its own (an address
// space limit, a file size limit, being killed with SIGKILL mid-write).
//
//   store_helper decode KIND BLOBFILE HEADROOM_MIB   exit 0: refused, 1: accepted; a crash
//                                                    (an allocation over the limit) otherwise
//   store_helper write STORE FIRST                   stores answers FIRST, FIRST+1, ... and prints
//                                                    "committed N" after each put returned
//   store_helper fill STORE LIMIT_BYTES              stores answers with files limited to
//                                                    LIMIT_BYTES until a put fails; prints
//                                                    "stored N" then "error CODE: MESSAGE"
//   store_helper open STORE                          opens the store as an unprivileged user
//                                                    (nobody, when run as root: root may write
//                                                    any file); prints "ok" or "error MESSAGE"
#include "engine/storage/record_set_codec.h"
#include "engine/storage/sqlite_result_store.h"

#include <QCoreApplication>
#include <QFile>

#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

using namespace rl;

namespace {

void limit(int resource, rlim_t bytes)
{
    const rlimit rl{bytes, bytes};
    setrlimit(resource, &rl);
}

qint64 mappedBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    return statm.readAll().split(' ').value(0).toLongLong() * sysconf(_SC_PAGESIZE);
}

// One answer whose records say which it is: router "w", BGP neighbors, the first one's
// remote AS = n.
StoredAnswer answer(qint64 n, int rows)
{
    StoredAnswer a;
    a.router = QStringLiteral("w");
    a.kind = QueryKind::BgpStatus;
    a.params.vrf = QStringLiteral("n%1").arg(n);
    a.fetchedAt = QDateTime::fromMSecsSinceEpoch(1700000000000 + n, Qt::UTC);
    a.expiresAt = a.fetchedAt.addSecs(3600);
    a.commands = {QStringLiteral("show bgp summary")};
    QList<BgpNeighborRecord> list(rows);
    for (int i = 0; i < rows; ++i) {
        list[i].neighbor = QStringLiteral("198.51.100.%1").arg(i % 250 + 1);
        list[i].remoteAs = i == 0 ? n : 65000 + i;
        list[i].description = QStringLiteral("answer %1 row %2 of a write loop").arg(n).arg(i);
    }
    a.records = RecordSet(QueryKind::BgpStatus, list);
    return a;
}

int decode(const QStringList &args)
{
    const auto kind = queryKindFromName(args.value(0));
    QFile f(args.value(1));
    if (!kind || !f.open(QIODevice::ReadOnly))
        return 3;
    const QByteArray blob = f.readAll();
    limit(RLIMIT_AS, rlim_t(mappedBytes() + (args.value(2).toLongLong() << 20)));
    return RecordSetCodec::decode(*kind, blob) ? 1 : 0;
}

int write(const QStringList &args)
{
    SqliteResultStore store(args.value(0));
    if (const Error e = store.open()) {
        std::printf("error %s\n", qPrintable(e.toString()));
        return 2;
    }
    for (qint64 n = args.value(1).toLongLong();; ++n) {
        const auto id = store.put(answer(n, 20));
        if (!id.ok()) {
            std::printf("error %s\n", qPrintable(id.error().toString()));
            return 2;
        }
        std::printf("committed %lld\n", static_cast<long long>(n));
        std::fflush(stdout);
    }
}

int fill(const QStringList &args)
{
    // Over the limit write() fails with EFBIG instead of the process being stopped.
    std::signal(SIGXFSZ, SIG_IGN);
    SqliteResultStore store(args.value(0));
    if (const Error e = store.open()) {
        std::printf("open-error %s\n", qPrintable(e.toString()));
        return 2;
    }
    limit(RLIMIT_FSIZE, rlim_t(args.value(1).toLongLong()));
    for (qint64 n = 0; n < 1000000; ++n) {
        const auto id = store.put(answer(n, 200));
        if (!id.ok()) {
            std::printf("stored %lld\nerror %s: %s\n", static_cast<long long>(n), qPrintable(id.error().codeName()),
                        qPrintable(id.error().message));
            return 0;
        }
    }
    std::printf("never failed\n");
    return 1;
}

int openAsNobody(const QStringList &args)
{
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) {
        std::printf("cannot drop privileges\n");
        return 3;
    }
    SqliteResultStore store(args.value(0));
    if (const Error e = store.open()) {
        std::printf("error %s\n", qPrintable(e.message));
        return 0;
    }
    std::printf("ok\n");
    for (const QString &w : store.warnings())
        std::printf("warning %s\n", qPrintable(w));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const QString verb = args.isEmpty() ? QString() : args.takeFirst();
    if (verb == QLatin1String("decode"))
        return decode(args);
    if (verb == QLatin1String("write"))
        return write(args);
    if (verb == QLatin1String("fill"))
        return fill(args);
    if (verb == QLatin1String("open"))
        return openAsNobody(args);
    std::fprintf(stderr, "usage: store_helper decode|write|fill ...\n");
    return 3;
}
