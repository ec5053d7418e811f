#pragma once

#include "engine/api/error.h"
#include "engine/inventory/inventory.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace rl {

// Routers from NetBox's device list (`GET /api/dcim/devices/`, NetBox 3.x and 4.x), one page at a
// time as the API pages it. Pure: the pages come from NetBoxImport (engine/service) or a test.
//
// A device becomes a router when it has a name, a primary IP (primary_ip, else primary_ip4, else
// primary_ip6; the prefix length dropped) and a platform RouterLens reads (the platform's slug,
// else its name, as NetBox, NAPALM or Netmiko spell it: cisco-ios-xe, cisco-nx-os, junos, ...).
// Any other device is left out with a warning that names it and says why, so the import is
// honest about what it did not take. Tags: site (slug), customer (the tenant's slug), role (the
// device role's slug, "role" in 4.x, "device_role" in 3.x), status and netbox-id.
class NetBoxInventoryReader
{
public:
    // Every router gets this credential profile (NetBox keeps no secrets); empty: none.
    explicit NetBoxInventoryReader(CredentialProfile credentials = {});

    // Reads one page; `where` names it in errors (its URL). A page that is not NetBox's
    // paginated JSON ({"count", "next", "results": [...]}) is an inventory error.
    Error addPage(const QByteArray &json, const QString &where);
    // The next page's URL as NetBox gave it ("next"), empty after the last page.
    QString next() const { return m_next; }
    // NetBox's own count of the devices the query matches (from the first page).
    qint64 count() const { return m_count; }
    int devicesRead() const { return m_devices; }

    Result<Inventory> finish();

    // A NetBox platform slug or name as one of knownPlatforms(); empty when none matches.
    static QString platformFromNetBox(QStringView slugOrName);

private:
    void addDevice(const QJsonObject &device);

    CredentialProfile m_credentials;
    Inventory m_inventory;
    QString m_next;
    qint64 m_count = -1;
    int m_devices = 0;
    int m_pages = 0;
};

} // namespace rl
