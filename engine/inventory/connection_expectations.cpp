#include "engine/inventory/connection_expectations.h"

namespace rl {

void applyConnectionExpectations(const Inventory &inventory, const QString &router, RecordSet &records)
{
    if (records.kind() != QueryKind::VlanErrors || records.isEmpty())
        return;
    struct End { QString interfaceName; int vlan; };
    QList<End> ends;
    for (const Connection &c : inventory.connections()) {
        if (c.providerRouter == router && !c.providerInterface.isEmpty())
            ends.append({c.providerInterface, c.vlan});
        if (!c.customerRouter.isEmpty() && c.customerRouter == router && !c.customerInterface.isEmpty())
            ends.append({c.customerInterface, c.vlan});
    }
    if (ends.isEmpty())
        return;
    for (VlanRecord &r : records.rows<VlanRecord>()) {
        for (const End &e : std::as_const(ends)) {
            // The connection names the subinterface ("Gi0/0/0/1.210") or, untagged, the port.
            if (e.interfaceName.compare(r.interfaceName, Qt::CaseInsensitive) != 0)
                continue;
            r.expectedVlan = e.vlan;
            if (e.vlan < 0)
                r.tagCheck = r.vlanId < 0 ? TagCheck::Untagged : TagCheck::Mismatch;
            else if (r.vlanId >= 0)
                r.tagCheck = r.vlanId == e.vlan ? TagCheck::Match : TagCheck::Mismatch;
            break;
        }
    }
}

} // namespace rl
