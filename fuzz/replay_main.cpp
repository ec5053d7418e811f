// Replays inputs through a fuzz target's LLVMFuzzerTestOneInput without libFuzzer, so that
// every crash the fuzzers found (fuzz/regressions/<target>/) is an ordinary test in every
// build, sanitized or not: replay_<target> FILE...
#include <QByteArray>
#include <QFile>

#include <algorithm>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s INPUT...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; ++i) {
        QFile f(QString::fromLocal8Bit(argv[i]));
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", argv[i]);
            return 1;
        }
        const QByteArray bytes = f.readAll();
        // An allocation of exactly the input's size, as libFuzzer passes it.
        auto *exact = new uint8_t[size_t(bytes.size())];
        std::copy(bytes.cbegin(), bytes.cend(), exact);
        std::printf("%s: %lld bytes\n", argv[i], qlonglong(bytes.size()));
        std::fflush(stdout);
        LLVMFuzzerTestOneInput(exact, size_t(bytes.size()));
        delete[] exact;
    }
    std::printf("replayed %d inputs\n", argc - 1);
    return 0;
}
