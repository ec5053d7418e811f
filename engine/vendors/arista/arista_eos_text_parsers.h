#pragma once

// Arista EOS CLI text (what `show ...` prints without `| json`): what users paste and what an
// SSH session without eAPI returns. Pure functions from one command's text to records, one per
// command and form; text in no known form is parse-error naming the forms tried and the first
// line that could not be read. A summary form leaves what it does not print unknown.

#include "engine/api/error.h"
#include "engine/api/query_kind.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QString>

namespace rl::eosText {

// facts
Result<RecordSet> showVersion(const QByteArray &text);
Result<RecordSet> showHostname(const QByteArray &text);
// link-status: the full form, and the two one-line-per-port summaries
Result<RecordSet> showInterfaces(const QByteArray &text);
Result<RecordSet> showInterfacesStatus(const QByteArray &text);
Result<RecordSet> showInterfacesDescription(const QByteArray &text);
Result<RecordSet> showIpInterfaceBrief(const QByteArray &text);
// bgp-status: "show ip|ipv6 bgp summary [vrf V|all]" and "show ip|ipv6 bgp neighbors [X]"
Result<RecordSet> showBgpSummary(const QByteArray &text, bool ipv6);
Result<RecordSet> showBgpNeighbors(const QByteArray &text, bool ipv6);
// arp-table: "show ip arp|show arp [vrf V|all]" and "show ipv6 neighbors [vrf V|all]"; `vrf` is
// the VRF the command named, for tables printed without a "VRF:" line.
Result<RecordSet> showIpArp(const QByteArray &text, const QString &vrf);
Result<RecordSet> showIpv6Neighbors(const QByteArray &text, const QString &vrf);
// lldp-neighbors
Result<RecordSet> showLldpNeighbors(const QByteArray &text);
Result<RecordSet> showLldpNeighborsDetail(const QByteArray &text);
// route-lookup: "show ip|ipv6 route [vrf V] X", and the BGP entry detail "show ip bgp X"
Result<RecordSet> showIpRoute(const QByteArray &text);
Result<RecordSet> showBgpEntryDetail(const QByteArray &text);
// received-routes, advertised-routes (and route-lookup for "show ip bgp"): the BGP table
Result<RecordSet> showBgpTable(QueryKind kind, const QByteArray &text);
// optics
Result<RecordSet> showTransceiver(const QByteArray &text);
Result<RecordSet> showTransceiverDetail(const QByteArray &text);
// vlan-errors from "show interfaces status": the subinterfaces and their tags, counters unknown
Result<RecordSet> vlanErrorsFromStatus(const QByteArray &text);

// Reads one command's output. `command` is the command that printed it when known (from the
// prompt line or the live session), else empty or a guess: the form is recognised from the text.
Result<RecordSet> parse(QueryKind kind, const QString &command, const QByteArray &body);

// The command that most likely printed `body` (no prompt line pasted), or empty.
QString guessCommand(QueryKind kind, const QByteArray &body);

} // namespace rl::eosText
