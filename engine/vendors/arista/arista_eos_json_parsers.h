#pragma once

// Arista EOS "| json" documents (the live path, and pastes of them).
// Pure functions from one command's JSON to records, one per command. EOS prints state changes
// as UNIX timestamps; the caller passes `now` (seconds since the epoch) to turn them into ages,
// so the functions stay free of the clock.

#include "engine/api/error.h"
#include "engine/api/query_kind.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QString>

namespace rl::eosJson {

// show version | json  /  show hostname | json
Result<RecordSet> showVersion(const QByteArray &json, qint64 now);
Result<RecordSet> showHostname(const QByteArray &json);
// show interfaces [X] | json
Result<RecordSet> showInterfaces(const QByteArray &json, qint64 now);
// show ip|ipv6 bgp summary [vrf V|all] | json
Result<RecordSet> showBgpSummary(const QByteArray &json, bool ipv6, qint64 now);
// show ip arp [vrf V|all] | json  /  show ipv6 neighbors [vrf V|all] | json; `vrf` names the
// VRF of older documents without a per-VRF level.
Result<RecordSet> showArp(const QByteArray &json, bool ipv6, const QString &vrf);
// show ip|ipv6 route [vrf V] X | json
Result<RecordSet> showIpRoute(const QByteArray &json);
// show lldp neighbors detail | json  (and show lldp neighbors | json, which lacks the details)
Result<RecordSet> showLldpNeighbors(const QByteArray &json);
// show interfaces transceiver [detail] | json
Result<RecordSet> showTransceiver(const QByteArray &json);
// vlan-errors: the subinterfaces of "show interfaces status" (text) with their counters from
// "show interfaces | json".
Result<RecordSet> vlanErrors(const QByteArray &statusText, const QByteArray &interfacesJson);

} // namespace rl::eosJson
