#pragma once

#include "engine/inventory/inventory.h"

#include <QByteArray>
#include <QJsonObject>

namespace rl {

// The RouterLens JSON form (format version 1, what JsonInventoryReader reads) of an inventory:
// what `routerlens-cli inventory import` writes. Fields at their default are left out; secrets
// are references already (every reader refuses anything else), so nothing secret is written.
// Reading the result back gives an equal inventory.
QByteArray inventoryToJson(const Inventory &inventory, const QString &comment = {});

// One router or connection in that form (the members above write), for the inventory editor.
QJsonObject routerToJson(const Router &router);
QJsonObject connectionToJson(const Connection &connection);

} // namespace rl
