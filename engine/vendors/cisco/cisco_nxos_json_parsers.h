#pragma once

// NX-OS "| json" documents (TABLE_x / ROW_x nesting, where one row is an object and several
// are an array), one pure function per command. Each refuses a document of another command
// with parse-error naming what it missed.

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QString>

namespace rl::nxos {

// show version | json
Result<RecordSet> versionJson(const QByteArray &text, const QString &command);
// show interface | json (Ethernet, port-channel, mgmt0 "eth_*" rows; SVI "svi_*" rows)
Result<RecordSet> interfacesJson(const QByteArray &text, const QString &command);
// show bgp [vrf X] {ipv4|ipv6|all} unicast summary | json; v6 names the family when a row lacks it
Result<RecordSet> bgpSummaryJson(const QByteArray &text, const QString &command, bool v6);
// show ip arp [vrf X] | json, show ipv6 neighbor [vrf X] | json
Result<RecordSet> arpJson(const QByteArray &text, const QString &command);
// show {ip|ipv6} route X [vrf Y] | json
Result<RecordSet> routeLookupJson(const QByteArray &text, const QString &command);
// show lldp neighbors detail | json, and the summary's TABLE_nbor
Result<RecordSet> lldpJson(const QByteArray &text, const QString &command);
// show interface | json read for tagged subinterfaces and their parent's bad-etype drops
Result<RecordSet> vlanErrorsJson(const QByteArray &text, const QString &command);
// show interface transceiver details | json
Result<RecordSet> opticsJson(const QByteArray &text, const QString &command);

} // namespace rl::nxos
