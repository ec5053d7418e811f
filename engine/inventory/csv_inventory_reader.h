#pragma once

#include "engine/inventory/inventory.h"

namespace rl {

// Reads a CSV inventory (RFC 4180: comma separated, "quoted" fields may hold commas, quotes
// doubled and line breaks; a semicolon or tab is used instead when the header row has no comma,
// as spreadsheets write in some locales). The first row names the columns, in any order and
// case ("Host Name" reads as host_name):
//   name                       the router's name (required)
//   host, hostname, address, ip   its address or DNS name (required)
//   platform                   ours, Nornir/Netmiko or Ansible names (required)
//   port, transport, username, secret/password (a reference only), key_file, known_hosts
//   any other column (site, customer, role, ...) becomes a tag when the cell is not empty.
// A column whose name looks like a secret (password, api_token, ...) may hold only references
// (env:/keychain:) and never becomes a tag.
class CsvInventoryReader
{
public:
    static Result<Inventory> read(const QByteArray &data, const QString &fileName);
};

} // namespace rl
