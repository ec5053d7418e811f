#pragma once

// NX-OS CLI text, as printed on a terminal (what people paste and what routers without
// "| json" answer), one pure function per command and form. Each checks the header lines
// of its form and refuses anything else with parse-error naming the line it could not
// read; a table row it does not understand is an error too, never dropped.

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <string_view>

namespace rl::nxos {

// show version
Result<RecordSet> versionText(const QByteArray &text, const QString &command);
// show interface (the full form: Ethernet, port-channel, mgmt0, loopback, VlanN, tunnels)
Result<RecordSet> interfacesText(const QByteArray &text, const QString &command);
// show interface brief: its sections (mgmt, Ethernet, Port-channel, Vlan, loopback, tunnel);
// what the summary does not print stays unknown
Result<RecordSet> interfacesBriefText(const QByteArray &text, const QString &command);
// show interface, read for tagged subinterfaces and the parent's "bad etype drop" counter
Result<RecordSet> vlanErrorsText(const QByteArray &text, const QString &command);
// show ip bgp summary [vrf X|all], show bgp {ipv4|ipv6} unicast summary [vrf X|all],
// show bgp vrf all all summary: one or more "BGP summary information for VRF" blocks
Result<RecordSet> bgpSummaryText(const QByteArray &text, const QString &command);
// show bgp {ipv4|ipv6} unicast neighbors [X], show ip bgp neighbors: detail blocks
Result<RecordSet> bgpNeighborsText(const QByteArray &text, const QString &command);
// show ip arp [vrf X|all] [detail]
Result<RecordSet> arpText(const QByteArray &text, const QString &command);
// show ipv6 neighbor [vrf X|all]
Result<RecordSet> ipv6NeighborText(const QByteArray &text, const QString &command);
// show lldp neighbors (summary; long Device IDs wrap onto their own line)
Result<RecordSet> lldpSummaryText(const QByteArray &text, const QString &command);
// show lldp neighbors detail
Result<RecordSet> lldpDetailText(const QByteArray &text, const QString &command);
// show {ip|ipv6} route X [vrf Y]
Result<RecordSet> routeLookupText(const QByteArray &text, const QString &command);
// show bgp {ipv4|ipv6} unicast neighbors X {received-routes|advertised-routes} [vrf Y]
Result<RecordSet> bgpRoutesText(QueryKind kind, const QByteArray &text, const QString &command);
// show interface transceiver details
Result<RecordSet> opticsText(const QByteArray &text, const QString &command);

// NX-OS BGP state words: "Shut (Admin)" and "Shut (NoMem)" are an idle session.
BgpState bgpState(QStringView detail);
// "Last link flapped" times: "00:12:31", "1week(s) 2day(s)", "3d04h", "never" (-1).
std::optional<qint64> flapDuration(std::string_view s);

// LLDP summary capability letters "BR" as the detail form lists them: "B, R".
QString lldpCapabilityLetters(QStringView letters);
// "3c0e.23aa.1f20": a Device ID that is the neighbor's chassis MAC (no system name sent).
bool isDottedMac(QStringView s);

} // namespace rl::nxos
