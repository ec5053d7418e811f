#pragma once

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QList>

namespace rl {

// IOS-XR "show bgp [vrf X] ipv4|ipv6 unicast neighbors <addr> advertised-routes": a table of
// its own (Network, Next Hop, From, AS Path), unlike the received-routes table. Pure function
// from text to records; unreadable or truncated text is parse-error naming the line.
class CiscoIosxrAdvertisedParser final
{
public:
    static Result<QList<RouteRecord>> parse(const QByteArray &text);
};

} // namespace rl
