#pragma once

// Hand-made answers shared by the UI model tests.

#include "engine/api/request.h"

#include <QDateTime>

namespace rl::testdata {

inline BgpNeighborRecord neighbor(const QString &addr, BgpState state, qint64 received, qint64 remoteAs = 65010)
{
    BgpNeighborRecord n;
    n.vrf = QStringLiteral("default");
    n.neighbor = addr;
    n.addressFamily = QStringLiteral("ipv4-unicast");
    n.localAs = 65000;
    n.remoteAs = remoteAs;
    n.state = state;
    n.prefixesReceived = received;
    n.uptimeSeconds = 3600;
    return n;
}

inline RouterResult bgpPart(const QString &router, QList<BgpNeighborRecord> rows, bool fromCache = false)
{
    RouterResult r;
    r.router = router;
    r.records = RecordSet(QueryKind::BgpStatus, std::move(rows));
    r.fetchedAt = QDateTime::fromString(QStringLiteral("2026-01-01T10:00:00Z"), Qt::ISODate);
    r.fromCache = fromCache;
    r.commands = {QStringLiteral("show bgp summary json")};
    return r;
}

inline RouterResult failedPart(const QString &router, ErrorCode code, const QString &sentence)
{
    RouterResult r;
    r.router = router;
    r.records = RecordSet(QueryKind::BgpStatus);
    r.error = Error(code, sentence);
    return r;
}

inline QList<RouterResult> threeRouters()
{
    return {bgpPart(QStringLiteral("edge-1"),
                    {neighbor(QStringLiteral("198.51.100.1"), BgpState::Established, 120),
                     neighbor(QStringLiteral("198.51.100.9"), BgpState::Idle, -1)}),
            failedPart(QStringLiteral("edge-2"), ErrorCode::Unreachable,
                       QStringLiteral("edge-2 did not answer on port 22; check that it is up.")),
            bgpPart(QStringLiteral("core-1"), {neighbor(QStringLiteral("10.0.0.2"), BgpState::Active, 0)}, true)};
}

} // namespace rl::testdata
