#pragma once

// Arista EOS `show interfaces status` as text. Its JSON form carries no subinterface
// encapsulation, so the dot1q tag a subinterface expects is read from the text table:
//
//   Port       Name        Status       Vlan     Duplex Speed  Type                Flags Encapsulation
//   Et1.100    cust-acme   connected    routed   full   10G    dot1q-encapsulation       100
//
// The Name column may hold spaces and is cut at the header's Status column; the columns after
// it are whitespace separated, Flags may be empty, Encapsulation is the last one.

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
    QString type;          // "dot1q-encapsulation", "10GBASE-SR", ...
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
};

} // namespace rl
