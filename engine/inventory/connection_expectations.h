#pragma once

#include "engine/api/records.h"
#include "engine/inventory/inventory.h"

namespace rl {

// What the inventory's connections say a router's answer should show. For vlan-errors: the
// VLAN each end of a connection must tag with (expectedVlan) and whether the router's
// subinterface does (tagCheck), so a wrong tag reads as a mismatch, not a number to compare.
// Records of interfaces that are on no connection are left as they are.
void applyConnectionExpectations(const Inventory &inventory, const QString &router, RecordSet &records);

} // namespace rl
