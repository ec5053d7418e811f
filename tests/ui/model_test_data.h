#pragma once

// Hand-made answers shared by the UI model tests.

#include "engine/api/request.h"

#include <QDateTime>

namespace rl::testing {

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
    r.source = fromCache ? AnswerSource::Store : AnswerSource::Live;
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

// Received routes whose AS paths and communities repeat, as in a real table: the text index
// interns those columns. One AS path is unique per row, so that column's text stays inline
// when `uniquePaths` is set. Router names: "pe-a" (rows 0..n/2-1), "pe-b", and "pe-down",
// which failed.
inline QList<RouterResult> routeParts(int n, bool uniquePaths = false)
{
    const QStringList paths{QStringLiteral("65020 65030"), QStringLiteral("65020 64999 65030"),
                            QStringLiteral("65040"), QStringLiteral("65050 {65061,65062}"), QString()};
    const QStringList communities{QStringLiteral("65010:100 NO-EXPORT"), QStringLiteral("65010:200"),
                                  QStringLiteral("65010:300 65010:1000"), QString()};
    QList<RouterResult> parts;
    for (int half = 0; half < 2; ++half) {
        QList<RouteRecord> routes;
        for (int i = half * (n / 2); i < (half + 1) * (n / 2); ++i) {
            RouteRecord r;
            r.prefix = IpPrefix(IpAddress::fromV4(0x0a000000u | quint32(i) << 8), 24);
            r.nextHop = IpAddress::fromV4(0xc6336401u + quint32(i % 3)); // 198.51.100.1-3
            r.asPath = uniquePaths ? QStringLiteral("65020 %1").arg(70000 + i) : paths[i % paths.size()];
            r.communities = communities[(i / 2) % communities.size()];
            r.protocol = QStringLiteral("bgp");
            r.localPref = 100;
            r.med = i % 7;
            r.origin = RouteOrigin::Igp;
            r.best = i % 2 == 0;
            routes.append(r);
        }
        RouterResult part;
        part.router = half == 0 ? QStringLiteral("pe-a") : QStringLiteral("pe-b");
        part.records = RecordSet(QueryKind::ReceivedRoutes, std::move(routes));
        part.fetchedAt = QDateTime::fromString(QStringLiteral("2026-01-01T10:00:00Z"), Qt::ISODate);
        parts.append(part);
        if (half == 0) {
            RouterResult down;
            down.router = QStringLiteral("pe-down");
            down.records = RecordSet(QueryKind::ReceivedRoutes);
            down.error = Error(ErrorCode::Unreachable, QStringLiteral("pe-down did not answer on port 22."));
            parts.append(down);
        }
    }
    return parts;
}

} // namespace rl::testing
