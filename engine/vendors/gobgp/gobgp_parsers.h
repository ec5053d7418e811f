#pragma once

// Parsers for the GoBGP CLI's JSON (`gobgp ... -j`). GoBGP prints protobuf messages as JSON,
// so zero values are left out: a missing counter of an enabled family means 0.

#include "engine/api/error.h"
#include "engine/api/records.h"
#include "engine/api/request.h"

#include <QByteArray>

namespace rl {

class GobgpParsers
{
public:
    // `gobgp neighbor -j` (array) or `gobgp neighbor X -j` (object). GoBGP gives uptime and
    // downtime as epoch seconds: nowEpoch (the router's `date +%s`) turns them into durations.
    static Result<QList<BgpNeighborRecord>> neighbors(const QByteArray &json, qint64 nowEpoch,
                                                      const QueryParams &filter = {});
    // `gobgp neighbor X adj-in|adj-out -j`, `gobgp global rib [X] -j`: prefix -> paths.
    static Result<QList<RouteRecord>> routes(const QByteArray &json);
    // The `date +%s` output.
    static Result<qint64> epoch(const QByteArray &text);
    // Session state number (apipb.PeerState.SessionState) to a state.
    static BgpState sessionState(qint64 number);
};

} // namespace rl
