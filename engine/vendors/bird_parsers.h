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

class BirdParsers
{
public:
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
