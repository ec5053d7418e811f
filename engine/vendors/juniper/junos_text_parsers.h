#pragma once

// Juniper Junos CLI text (what `show ...` prints without `| display`).
// Pure functions from the router's text to records; text in no known form is parse-error
// naming the form tried, the first line it could not read and the forms read for the kind:
//   facts              show version (also re0:/fpc0:/node0: blocks), show chassis hardware,
//                      show system uptime
//   link-status        show interfaces [NAME] [extensive], ... terse, ... descriptions
//   vlan-errors        show interfaces [extensive]: tagged units, the port's L2 errors
//   bgp-status         show bgp summary [instance X] (both peer layouts), show bgp neighbor
//   arp-table          show arp [no-resolve] [vpn X] (also | match), show ipv6 neighbors
//   received-routes    show route receive-protocol bgp N [hidden] [detail]: hidden = not accepted
//   advertised-routes  show route advertising-protocol bgp N [detail]
//   route-lookup       show route X [detail]
//   lldp-neighbors     show lldp neighbors, show lldp neighbors interface NAME
//   optics             show interfaces diagnostics optics [NAME] (lanes, mW / dBm)

#include "engine/api/error.h"
#include "engine/api/query_kind.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QString>

namespace rl::junosText {

// Reads one command's output. `command` is the command that printed it when known (from the
// prompt line or the live session), else empty: then the form is recognised from the text.
Result<RecordSet> parse(QueryKind kind, const QString &command, const QByteArray &body);

// The command that most likely printed `body` (no prompt line pasted), or empty.
QString guessCommand(QueryKind kind, const QByteArray &body);

} // namespace rl::junosText
