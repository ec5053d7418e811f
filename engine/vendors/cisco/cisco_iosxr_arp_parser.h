#pragma once

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace rl {

// IOS-XR address resolution tables. Pure functions from text to records; a row that cannot
// be read is parse-error naming the line.
class CiscoIosxrArpParser final
{
public:
    // "show arp [vrf X]" / "show arp detail": per-node blocks ("0/0/CPU0" between rules) of
    // "Address Age Hardware Addr State Type Interface"; ages hh:mm:ss, "-" for the router's
    // own (Interface) entries. An entry several nodes print (bundles) is one record.
    static Result<QList<ArpRecord>> arp(const QByteArray &text, const QString &vrf);
    // "show ipv6 neighbors [vrf X]": age in seconds, "[Mcast adjacency]" rows are not neighbors.
    static Result<QList<ArpRecord>> ipv6Neighbors(const QByteArray &text, const QString &vrf);
};

} // namespace rl
