#pragma once

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QList>

namespace rl {

// IOS-XR LLDP neighbors. Pure functions from text to records; an entry or row that cannot be
// read is parse-error naming the line.
class CiscoIosxrLldpParser final
{
public:
    // "show lldp neighbors": Device ID / Local Intf / Hold-time / Capability / Port ID; a long
    // device ID pushes the row right or stands alone on the line above it. The summary has no
    // chassis id, port description or management address: those stay empty.
    static Result<QList<LldpNeighborRecord>> summary(const QByteArray &text);
    // "show lldp neighbors detail" / "show lldp entry *": one block per neighbor between rules,
    // "Local Interface:", "Chassis id:", "Port id:", a multi-line System Description, and
    // "Management Addresses:" with "IPv4 address:" / "IPv6 address:" lines.
    static Result<QList<LldpNeighborRecord>> detail(const QByteArray &text);
};

} // namespace rl
