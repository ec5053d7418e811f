#pragma once

// Parsers for BIRD 2's birdc text output. birdc prints a "BIRD x.y ready." banner first.

#include "engine/api/error.h"
#include "engine/api/records.h"
#include "engine/api/request.h"

#include <QByteArray>
#include <QDateTime>

namespace rl {

struct BirdStatus {
    QString version;       // "2.0.12"
    QString routerId;
    QString hostname;
    QDateTime serverTime;  // the daemon's local clock, as printed (no zone)
};

// One BGP protocol of `show protocols all`: BIRD names sessions, its route views take the name.
struct BirdBgpProtocol {
    QString name;             // "frr", "gobgp4"
    QString neighbor;         // "Neighbor address", as printed
    QStringList channels;     // "ipv4", "ipv6"
    QStringList channelsUp;   // those whose channel state is UP: BIRD drops a channel's tables while it is down
};

class BirdParsers
{
public:
    // The BGP protocols of `birdc show protocols all`, with their neighbor and channels.
    static Result<QList<BirdBgpProtocol>> bgpProtocolNames(const QByteArray &text);
    // `birdc show status`.
    static Result<BirdStatus> status(const QByteArray &text);
    // `birdc show protocols all`: one record per BGP protocol and channel. Session times are
    // clock times ("07:55:08.113", "2026-11-26"): serverTime turns them into durations.
    static Result<QList<BgpNeighborRecord>> bgpProtocols(const QByteArray &text, const QDateTime &serverTime,
                                                         const QueryParams &filter = {});
    // `birdc show route ... all` in any form (for X, table, import/export table, where ...).
    static Result<QList<RouteRecord>> routes(const QByteArray &text);
};

} // namespace rl
