// The inventory readers: RouterLens's JSON inventory and Nornir's hosts.yaml (with its YAML
// document reader, engine/inventory/yaml_document.*). Byte 0 picks the reader: even = JSON,
// odd = Nornir YAML; the rest is the file.
//
// Promises checked beyond "no crash, no sanitizer report, no hang (-timeout)": a refused file
// is an inventory-error with a sentence; every router of a loaded inventory is valid (name,
// host, port, platform) and found by its name.

#include "fuzz/fuzz_support.h"

#include "engine/inventory/inventory.h"

using namespace rl;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::Input in(data, size);
    const bool yaml = in.byte() & 1;
    const QByteArray file = in.rest();
    const auto inv = yaml ? Inventory::loadNornirYaml(file, QStringLiteral("hosts.yaml"))
                          : Inventory::loadJson(file, QStringLiteral("inventory.json"));
    if (!inv) {
        fuzz::checkError(inv.error());
        RL_FUZZ_CHECK(inv.error().code == ErrorCode::InventoryError, inv.error().toString());
        return 0;
    }
    for (const Router &r : inv->routers()) {
        RL_FUZZ_CHECK(Inventory::routerProblem(r).isEmpty(), r.name + QStringLiteral(": ") + Inventory::routerProblem(r));
        RL_FUZZ_CHECK(inv->router(r.name) != nullptr, r.name);
    }
    return 0;
}
