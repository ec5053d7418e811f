#pragma once

// Arista EOS `show interfaces status` as text. Its JSON form carries no subinterface
// encapsulation, so the dot1q tag a subinterface expects is read from the text table; the same
// table is the summary form of link-status.
//
//   Port       Name        Status       Vlan     Duplex Speed  Type                Flags Encapsulation
//   Et1.100    cust-acme   connected    routed   full   10G    dot1q-encapsulation       100
//   Et49/1     core        notconnect   in Po49  full   100G   Not Present
//
// The Name column may hold spaces and is cut at the header's Status column. The columns after
// it are left-aligned under their header words; a value may hold a blank ("in Po49", "Not
// Present"), so each word belongs to the column whose header starts at or before it. Flags
// may be empty, Encapsulation is the last one (older EOS prints neither).

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace rl {

struct EosInterfaceStatusRow {
    QString port;          // long form: "Ethernet1.100" (the table prints "Et1.100")
    QString description;
    QString status;        // "connected", "notconnect", "disabled", "errdisabled", ...
    QString vlan;          // "routed", "trunk", "1", "in Po49"
    QString duplex;        // "full", "a-full", ...
    QString speed;         // "10G", "a-1G", "auto", ...
    QString type;          // "dot1q-encapsulation", "10GBASE-SR", "Not Present", ...
    qint64 vlanId = -1;    // from Encapsulation: the outer tag
    qint64 innerVlanId = -1;
};

class EosInterfaceStatus
{
public:
    static Result<QList<EosInterfaceStatusRow>> parse(const QByteArray &text);
    // "Et1.100" -> "Ethernet1.100", "Po10" -> "Port-Channel10"; other names unchanged.
    static QString longName(const QString &shortName);
    static LinkState linkState(const QString &status);
    // "10G" = 1e10, "a-1G" = 1e9, "100M" = 1e8, "400G"; "auto" and anything else -1.
    static qint64 speedBps(const QString &speed);
    // The subinterface of a row with an encapsulation, counters unknown.
    static VlanRecord vlanRecord(const EosInterfaceStatusRow &row);
    // The row as a link-status record: what the summary knows, the rest unknown.
    static InterfaceRecord interfaceRecord(const EosInterfaceStatusRow &row);
};

} // namespace rl
