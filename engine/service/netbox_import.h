#pragma once

#include "engine/api/error.h"
#include "engine/inventory/inventory.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace rl {

// Where a NetBox import reads from. The token is NetBox's API token ("Authorization: Token …");
// it is sent only to the server named here, never to another one a page points at.
struct NetBoxSource {
    QUrl url;             // NetBox's address (https://netbox.example.net), or its devices URL with filters
    QByteArray token;
    QString caFile;       // a CA (PEM or DER) for a NetBox with its own CA; default: the system's
    int pageSize = 1000;  // NetBox's MAX_PAGE_SIZE is 1000 by default
    qint64 timeoutMs = 30000; // per page
    CredentialProfile credentials; // given to every router (NetBox keeps no secrets)
};

struct NetBoxImportReport {
    int pages = 0;
    int devices = 0;   // devices read
    qint64 count = -1; // NetBox's count of the devices the filter matches
};

// Reads every page of NetBox's device list over HTTPS and turns it into an inventory
// (NetBoxInventoryReader); devices it cannot use are warnings of the inventory. Blocking: call it
// from a command-line tool or a worker thread. Bounded: 64 MiB per page, 10,000 pages,
// 1,000,000 devices, the timeout per page.
Result<Inventory> importFromNetBox(const NetBoxSource &source, NetBoxImportReport *report = nullptr);

} // namespace rl
