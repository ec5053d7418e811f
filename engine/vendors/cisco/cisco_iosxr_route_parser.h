#pragma once

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QList>

namespace rl {

// IOS-XR "show route [vrf X] [ipv4|ipv6] <destination>": one "Routing entry for" block, a
// record per path of its "Routing Descriptor Blocks" ("<next hop>, from <source>, via
// <interface>[, Protected | , Backup (...)]", or "directly connected, via <interface>").
// "% Network not in table" is an honest empty answer. Pure function; parse-error names the line.
class CiscoIosxrRouteParser final
{
public:
    static Result<QList<RouteRecord>> lookup(const QByteArray &text);
};

} // namespace rl
