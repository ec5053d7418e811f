#pragma once

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace rl {

// IOS-XR BGP neighbor state, in the forms the router prints. Pure functions from text to
// records; unreadable or cut-short text is parse-error naming the line.
class CiscoIosxrBgpParser final
{
public:
    // "show bgp summary", "show bgp ipv4|ipv6 unicast summary", "show bgp vrf X ... summary",
    // "show bgp vrf all ... summary" (a block per VRF), "show bgp all all summary" (a block per
    // address family): the Spk/AS/MsgRcvd table, long IPv6 neighbors wrapped onto the next
    // line. vrf / addressFamily hold until the text names its own ("BGP VRF X,", "VRF: X",
    // "Address Family: ...").
    static Result<QList<BgpNeighborRecord>> summary(const QByteArray &text, const QString &vrf, const QString &addressFamily);

    // "show bgp neighbors [X]", "show bgp vrf X neighbors [Y]": one record per neighbor and
    // "For Address Family:" section, with router id, accepted and advertised prefix counts,
    // description and the last reset reason.
    static Result<QList<BgpNeighborRecord>> neighbors(const QByteArray &text, const QString &vrf, const QString &addressFamily);
};

} // namespace rl
