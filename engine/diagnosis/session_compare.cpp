#include "engine/diagnosis/session_compare.h"

#include "engine/api/interface_name.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <numeric>

namespace rl {

QString pairStatusName(PairStatus s)
{
    switch (s) {
    case PairStatus::Paired: return QStringLiteral("paired");
    case PairStatus::PeerOutside: return QStringLiteral("peer-outside");
    case PairStatus::NotFound: return QStringLiteral("not-found");
    case PairStatus::CannotTell: return QStringLiteral("cannot-tell");
    case PairStatus::Ambiguous: return QStringLiteral("ambiguous");
    }
    return QStringLiteral("cannot-tell");
}

QString pairStatusText(PairStatus s)
{
    switch (s) {
    case PairStatus::Paired: return QStringLiteral("paired");
    case PairStatus::PeerOutside: return QStringLiteral("peer not in this comparison");
    case PairStatus::NotFound: return QStringLiteral("other end not found");
    case PairStatus::CannotTell: return QStringLiteral("cannot tell");
    case PairStatus::Ambiguous: return QStringLiteral("ambiguous");
    }
    return QStringLiteral("cannot tell");
}

QString routeMatchName(RouteMatch m)
{
    switch (m) {
    case RouteMatch::Both: return QStringLiteral("both");
    case RouteMatch::SentNotReceived: return QStringLiteral("sent-not-received");
    case RouteMatch::ReceivedNotSent: return QStringLiteral("received-not-sent");
    case RouteMatch::Rejected: return QStringLiteral("rejected");
    case RouteMatch::CannotTell: return QStringLiteral("cannot-tell");
    }
    return QStringLiteral("cannot-tell");
}

QString routeMatchText(RouteMatch m)
{
    switch (m) {
    case RouteMatch::Both: return QStringLiteral("sent and received");
    case RouteMatch::SentNotReceived: return QStringLiteral("sent but not received");
    case RouteMatch::ReceivedNotSent: return QStringLiteral("received but not sent");
    case RouteMatch::Rejected: return QStringLiteral("received but rejected");
    case RouteMatch::CannotTell: return QStringLiteral("cannot tell");
    }
    return QStringLiteral("cannot tell");
}

QStringList SessionEnd::families() const
{
    QStringList out;
    for (const BgpNeighborRecord &r : records)
        out << (r.addressFamily.isEmpty() ? QStringLiteral("unknown") : r.addressFamily);
    return out;
}

QString SessionEnd::prefixes(qint64 BgpNeighborRecord::*field) const
{
    if (records.size() == 1)
        return records.first().*field < 0 ? QString() : QString::number(records.first().*field);
    QStringList parts;
    bool any = false;
    for (const BgpNeighborRecord &r : records) {
        const qint64 v = r.*field;
        any = any || v >= 0;
        parts << QStringLiteral("%1 %2").arg(r.addressFamily.section(QLatin1Char('-'), 0, 0),
                                            v < 0 ? QStringLiteral("?") : QString::number(v));
    }
    return any ? parts.join(QStringLiteral(", ")) : QString();
}

QString SessionRow::transport() const
{
    const auto addr = IpAddress::parse(bAddress);
    if (!addr)
        return {};
    return addr->isV6() ? QStringLiteral("ipv6") : QStringLiteral("ipv4");
}

namespace {

bool isGlobalVrf(const QString &v)
{
    return v.isEmpty() || v.compare(QLatin1String("default"), Qt::CaseInsensitive) == 0
        || v.compare(QLatin1String("global"), Qt::CaseInsensitive) == 0
        || v.compare(QLatin1String("master"), Qt::CaseInsensitive) == 0;
}

bool sameVrf(const QString &a, const QString &b)
{
    return (isGlobalVrf(a) && isGlobalVrf(b)) || a.compare(b, Qt::CaseInsensitive) == 0;
}

bool usable(const RouterResult &r, QueryKind kind)
{
    return !r.router.isEmpty() && r.ok() && r.records.kind() == kind;
}

// Why a router's BGP answer cannot be used: its error, or that none came.
Error bgpError(const RouterAnswers &r)
{
    if (r.bgp.router.isEmpty())
        return Error(ErrorCode::Cancelled, QStringLiteral("Its BGP status was not read (the comparison was stopped before it answered)."));
    if (r.bgp.ok())
        return Error(ErrorCode::InternalError, QStringLiteral("The answer is not a BGP status."));
    return r.bgp.error;
}

QString errorText(const Error &e)
{
    return e.codeName() + QStringLiteral(": ") + e.message;
}

// The two addresses of one point-to-point subnet: a /31 (/127), or the two hosts of a /30
// (/126 without the subnet-router anycast address).
bool pointToPointPair(const IpAddress &a, const IpAddress &b)
{
    if (a.family() != b.family() || a == b || a.isNull())
        return false;
    const int bits = a.bitLength();
    if (a.matchesPrefix(b, bits - 1))
        return true;
    if (!a.matchesPrefix(b, bits - 2))
        return false;
    const int lastA = a.bytes()[size_t(bits / 8 - 1)] & 3;
    const int lastB = b.bytes()[size_t(bits / 8 - 1)] & 3;
    if (a.isV4())
        return lastA != 0 && lastA != 3 && lastB != 0 && lastB != 3;
    return lastA != 0 && lastB != 0;
}

// Keys for indexing sessions by address, and by the /30 (/126) block an address is in.
QByteArray addrKey(const IpAddress &a)
{
    QByteArray k(reinterpret_cast<const char *>(a.bytes().data()), 16);
    k.append(char(a.family()));
    return k;
}

QByteArray blockKey(const IpAddress &a)
{
    QByteArray k = addrKey(a);
    const int last = a.bitLength() / 8 - 1;
    if (last >= 0)
        k[last] = char(k[last] & ~3);
    return k;
}

bool isLinkLocal(const IpAddress &a)
{
    return a.isV6() && a.bytes()[0] == 0xfe && (a.bytes()[1] & 0xc0) == 0x80;
}

// ---- BGP pairing ---------------------------------------------------------------------------------

struct Session {
    int router = -1;
    SessionEnd end;
    QString vrf;
    QString neighbor;
    std::optional<IpAddress> neighborAddr;
    QString localAddress;
    qint64 localAs = -1;
    qint64 remoteAs = -1;
    int pairedWith = -1;
    QString basis;
    int ambiguousLevel = 0; // the strength of evidence that found two candidates; 0: none
    QStringList ambiguousWith;
};

struct Owned {
    int router = -1;
    QString vrf; // empty: any VRF (a connection names no VRF)
    IpAddress addr;
    QString basis;
    bool byConnection = false;
};

struct Proof {
    bool holds = false;
    bool byConnection = false;
    QString basis;
};

class Pairing
{
public:
    Pairing(const QList<RouterAnswers> &routers, const QList<Connection> &connections) : m_routers(routers)
    {
        for (int i = 0; i < routers.size(); ++i) {
            m_index.insert(routers[i].router, i);
            if (!usable(routers[i].bgp, QueryKind::BgpStatus))
                continue;
            QHash<QString, int> byKey;
            for (const BgpNeighborRecord &r : routers[i].bgp.records.rows<BgpNeighborRecord>()) {
                const QString key = r.vrf.toLower() + QLatin1Char('|') + r.neighbor.toLower();
                auto it = byKey.find(key);
                if (it == byKey.end()) {
                    Session s;
                    s.router = i;
                    s.end.router = routers[i].router;
                    s.vrf = r.vrf;
                    s.neighbor = r.neighbor;
                    s.neighborAddr = IpAddress::parse(r.neighbor);
                    it = byKey.insert(key, int(m_sessions.size()));
                    m_sessions.append(s);
                }
                Session &s = m_sessions[*it];
                s.end.records.append(r);
                if (s.localAddress.isEmpty())
                    s.localAddress = r.localAddress;
                if (s.localAs < 0)
                    s.localAs = r.localAs;
                if (s.remoteAs < 0)
                    s.remoteAs = r.remoteAs;
                if (r.localAs >= 0)
                    m_asOf[i].insert(r.localAs);
            }
        }
        for (const Session &s : std::as_const(m_sessions)) {
            if (const auto a = IpAddress::parse(s.localAddress))
                m_owned.append({s.router, s.vrf, *a,
                                QStringLiteral("%1 names %2 as its own address").arg(m_routers[s.router].router, s.localAddress), false});
        }
        for (const Connection &c : connections) {
            auto own = [&](const QString &router, const QString &addr, qint64 as) {
                const int i = m_index.value(router, -1);
                const auto a = IpAddress::parse(addr);
                if (i < 0)
                    return;
                if (as >= 0)
                    m_connectionAs[i].insert(as);
                if (a)
                    m_owned.append({i, QString(), *a, QStringLiteral("connection %1 gives %2 to %3").arg(c.id, addr, router), true});
            };
            own(c.providerRouter, c.providerAddress, c.providerAs);
            own(c.providerRouter, c.providerAddress6, c.providerAs);
            if (!c.customerRouter.isEmpty()) {
                own(c.customerRouter, c.customerAddress, c.customerAs);
                own(c.customerRouter, c.customerAddress6, c.customerAs);
            }
        }
        for (int i = 0; i < m_owned.size(); ++i) {
            m_ownedIndex[addrKey(m_owned[i].addr)].append(i);
            m_ownedBy[m_owned[i].router].append(m_owned[i].addr);
        }
        for (int i = 0; i < m_sessions.size(); ++i) {
            m_byRouter[m_sessions[i].router].append(i);
            if (const auto &a = m_sessions[i].neighborAddr) {
                m_byAddr[addrKey(*a)].append(i);
                m_byBlock[blockKey(*a)].append(i);
            }
        }
    }

    SessionComparison run()
    {
        SessionComparison out;
        for (const RouterAnswers &r : m_routers) {
            out.routers << r.router;
            if (!r.router.isEmpty() && !usable(r.bgp, QueryKind::BgpStatus))
                out.unreadable << QStringLiteral("%1: %2").arg(r.router, errorText(bgpError(r)));
        }
        pair();
        QList<int> order(m_sessions.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
            const bool px = m_sessions[x].pairedWith >= 0, py = m_sessions[y].pairedWith >= 0;
            if (px != py)
                return px;
            return m_sessions[x].router < m_sessions[y].router;
        });
        for (int i : order) {
            const Session &s = m_sessions[i];
            if (s.pairedWith >= 0 && s.pairedWith < i)
                continue; // already on its partner's row
            out.rows.append(row(i));
        }
        return out;
    }

private:
    QList<Owned> ownersOf(const IpAddress &addr) const
    {
        QList<Owned> out;
        for (int i : m_ownedIndex.value(addrKey(addr)))
            out.append(m_owned[i]);
        return out;
    }

    // "X is router r's address, for a session in VRF vrf on r".
    Proof proves(const std::optional<IpAddress> &x, int r, const QString &vrf) const
    {
        Proof p;
        if (!x)
            return p;
        for (const Owned &o : ownersOf(*x)) {
            if (o.router != r)
                continue;
            if (!o.byConnection && !sameVrf(o.vrf, vrf))
                continue;
            if (!p.holds || (o.byConnection && !p.byConnection)) {
                p.holds = true;
                p.byConnection = p.byConnection || o.byConnection;
                p.basis = o.basis;
            }
        }
        return p;
    }

    // Some compared router other than r is known to hold x.
    bool heldByAnother(const std::optional<IpAddress> &x, int r) const
    {
        if (!x)
            return false;
        for (const Owned &o : ownersOf(*x))
            if (o.router != r)
                return true;
        return false;
    }

    bool asAgree(const Session &s, const Session &t) const
    {
        return s.remoteAs >= 0 && t.localAs >= 0 && t.remoteAs >= 0 && s.localAs >= 0 && s.remoteAs == t.localAs
            && t.remoteAs == s.localAs;
    }

    // How strongly s (on A) and t (on B) are the two ends of one session; 0: not at all.
    int strength(int si, int ti, QString *basis) const
    {
        const Session &s = m_sessions[si];
        const Session &t = m_sessions[ti];
        if (s.router == t.router || !s.neighborAddr || !t.neighborAddr || s.neighborAddr->family() != t.neighborAddr->family())
            return 0;
        // A's neighbor held by a third router, or B's: these are other sessions.
        if (heldByAnother(s.neighborAddr, t.router) || heldByAnother(t.neighborAddr, s.router))
            return 0;
        const Proof fwd = proves(s.neighborAddr, t.router, t.vrf);
        const Proof back = proves(t.neighborAddr, s.router, s.vrf);
        const bool vrfOk = SessionCompare::vrfsCompatible(s.vrf, t.vrf) || (fwd.byConnection && back.byConnection);
        if (!vrfOk)
            return 0;
        const bool subnet = pointToPointPair(*s.neighborAddr, *t.neighborAddr) && !isLinkLocal(*s.neighborAddr);
        const bool as = asAgree(s, t);
        if (fwd.holds && back.holds) {
            *basis = fwd.basis == back.basis ? fwd.basis : fwd.basis + QStringLiteral("; ") + back.basis;
            return 3;
        }
        if ((fwd.holds || back.holds) && (subnet || as)) {
            *basis = (fwd.holds ? fwd.basis : back.basis)
                   + (subnet ? QStringLiteral("; the other address is on the same point-to-point subnet")
                             : QStringLiteral("; the AS numbers agree"));
            return 2;
        }
        if (subnet && as) {
            *basis = QStringLiteral("inferred: %1 and %2 are the two ends of one point-to-point subnet and the AS numbers agree")
                         .arg(s.neighbor, t.neighbor);
            return 1;
        }
        return 0;
    }

    void pair()
    {
        struct Candidate {
            int s, t, strength;
            QString basis;
        };
        // Only sessions that could be the other end are weighed: those whose neighbor is one of
        // this router's addresses or on this session's point-to-point block, and every session
        // of a router holding this session's neighbor address.
        std::vector<Candidate> cands;
        for (int i = 0; i < m_sessions.size(); ++i) {
            const Session &s = m_sessions[i];
            if (!s.neighborAddr)
                continue;
            QSet<int> others;
            auto addAll = [&](const QList<int> &list) {
                for (int j : list)
                    if (j > i)
                        others.insert(j);
            };
            addAll(m_byBlock.value(blockKey(*s.neighborAddr)));
            for (const IpAddress &mine : m_ownedBy.value(s.router))
                addAll(m_byAddr.value(addrKey(mine)));
            for (int o : m_ownedIndex.value(addrKey(*s.neighborAddr)))
                addAll(m_byRouter.value(m_owned[o].router));
            QList<int> sorted(others.begin(), others.end());
            std::sort(sorted.begin(), sorted.end());
            for (int j : sorted) {
                QString basis;
                if (const int st = strength(i, j, &basis); st > 0)
                    cands.push_back({i, j, st, basis});
            }
        }
        // Strongest first; within a strength, a session with two candidates is ambiguous, and
        // a session left ambiguous by stronger evidence is not paired by weaker evidence.
        for (int level = 3; level >= 1; --level) {
            auto open = [&](const Candidate &c) {
                return c.strength == level && m_sessions[c.s].pairedWith < 0 && m_sessions[c.t].pairedWith < 0
                    && m_sessions[c.s].ambiguousLevel <= level && m_sessions[c.t].ambiguousLevel <= level;
            };
            QHash<int, int> count;
            for (const Candidate &c : cands) {
                if (!open(c))
                    continue;
                ++count[c.s];
                ++count[c.t];
            }
            for (const Candidate &c : cands) {
                if (!open(c))
                    continue;
                if (count.value(c.s) > 1 || count.value(c.t) > 1) {
                    for (int x : {c.s, c.t}) {
                        m_sessions[x].ambiguousLevel = level;
                        const Session &o = m_sessions[x == c.s ? c.t : c.s];
                        m_sessions[x].ambiguousWith << QStringLiteral("%1 %2").arg(m_routers[o.router].router, o.neighbor);
                    }
                    continue;
                }
                m_sessions[c.s].pairedWith = c.t;
                m_sessions[c.t].pairedWith = c.s;
                m_sessions[c.s].basis = m_sessions[c.t].basis = c.basis;
            }
        }
    }

    SessionRow row(int i) const
    {
        const Session &s = m_sessions[i];
        SessionRow r;
        r.a = s.end;
        r.bAddress = s.neighbor;
        r.aAddress = s.localAddress;
        if (s.pairedWith >= 0) {
            const Session &t = m_sessions[s.pairedWith];
            r.status = PairStatus::Paired;
            r.b = t.end;
            r.basis = s.basis;
            if (r.aAddress.isEmpty())
                r.aAddress = t.neighbor;
            compare(s, t, r);
            return r;
        }
        const QString a = m_routers[s.router].router;
        if (s.ambiguousLevel > 0) {
            r.status = PairStatus::Ambiguous;
            r.basis = QStringLiteral("more than one compared session could be the other end: %1").arg(s.ambiguousWith.join(QStringLiteral(", ")));
            return r;
        }
        // Whose address is the neighbor?
        if (s.neighborAddr) {
            for (const Owned &o : ownersOf(*s.neighborAddr)) {
                if (o.router == s.router || (!o.byConnection && !SessionCompare::vrfsCompatible(o.vrf, s.vrf)))
                    continue;
                const RouterAnswers &b = m_routers[o.router];
                r.otherRouter = b.router;
                if (!usable(b.bgp, QueryKind::BgpStatus)) {
                    r.status = PairStatus::CannotTell;
                    r.otherError = bgpError(b);
                    r.basis = QStringLiteral("%1; %2's BGP answer could not be read").arg(o.basis, b.router);
                } else {
                    r.status = PairStatus::NotFound;
                    r.basis = QStringLiteral("%1, but %2 has no session back to %3 (in a matching VRF)").arg(o.basis, b.router, a);
                }
                return r;
            }
        }
        // Nobody is known to hold it: could an unread router be the other end?
        for (int k = 0; k < m_routers.size(); ++k) {
            const RouterAnswers &b = m_routers[k];
            if (k == s.router || b.router.isEmpty() || usable(b.bgp, QueryKind::BgpStatus))
                continue;
            // A router not in the inventory (or, for a customer, not its own: the two read the
            // same) was not compared at all.
            if (b.bgp.error.code == ErrorCode::UnknownRouter || b.bgp.error.code == ErrorCode::Forbidden)
                continue;
            const QSet<qint64> as = m_connectionAs.value(k);
            if (!as.isEmpty() && s.remoteAs >= 0 && !as.contains(s.remoteAs))
                continue; // its AS (from a connection) is another
            r.status = PairStatus::CannotTell;
            r.otherRouter = b.router;
            r.otherError = bgpError(b);
            r.basis = QStringLiteral("%1's BGP answer could not be read, and it may be the other end").arg(b.router);
            return r;
        }
        for (int k = 0; k < m_routers.size(); ++k) {
            if (k == s.router || s.remoteAs < 0 || !m_asOf.value(k).contains(s.remoteAs))
                continue;
            r.status = PairStatus::NotFound;
            r.otherRouter = m_routers[k].router;
            r.basis = QStringLiteral("AS %1 is %2's, but none of %2's sessions is known to be the other end (nothing read says whose %3 is)")
                          .arg(s.remoteAs).arg(m_routers[k].router, s.neighbor);
            return r;
        }
        r.status = PairStatus::PeerOutside;
        r.basis = s.remoteAs >= 0 ? QStringLiteral("no compared router holds %1 or is AS %2").arg(s.neighbor).arg(s.remoteAs)
                                  : QStringLiteral("no compared router holds %1").arg(s.neighbor);
        return r;
    }

    void compare(const Session &s, const Session &t, SessionRow &r) const
    {
        const QString a = m_routers[s.router].router, b = m_routers[t.router].router;
        if (s.remoteAs >= 0 && t.localAs >= 0 && s.remoteAs != t.localAs) {
            r.asMismatch = true;
            r.mismatches << QStringLiteral("AS: %1 expects AS %2 for %3, which is AS %4").arg(a).arg(s.remoteAs).arg(b).arg(t.localAs);
        }
        if (t.remoteAs >= 0 && s.localAs >= 0 && t.remoteAs != s.localAs) {
            r.asMismatch = true;
            r.mismatches << QStringLiteral("AS: %1 expects AS %2 for %3, which is AS %4").arg(b).arg(t.remoteAs).arg(a).arg(s.localAs);
        }
        if (!s.localAddress.isEmpty() && t.neighborAddr && IpAddress::parse(s.localAddress) != t.neighborAddr)
            r.mismatches << QStringLiteral("address: %1 speaks from %2, %3 expects %4").arg(a, s.localAddress, b, t.neighbor);
        if (!t.localAddress.isEmpty() && s.neighborAddr && IpAddress::parse(t.localAddress) != s.neighborAddr)
            r.mismatches << QStringLiteral("address: %1 speaks from %2, %3 expects %4").arg(b, t.localAddress, a, s.neighbor);
        const BgpState sa = s.end.head().state, sb = t.end.head().state;
        if ((sa == BgpState::Established) != (sb == BgpState::Established) && sa != BgpState::Unknown && sb != BgpState::Unknown)
            r.mismatches << QStringLiteral("state: %1 on %2, %3 on %4").arg(bgpStateName(sa), a, bgpStateName(sb), b);
        const QStringList fa = s.end.families(), fb = t.end.families();
        if (QSet<QString>(fa.begin(), fa.end()) != QSet<QString>(fb.begin(), fb.end()))
            r.mismatches << QStringLiteral("families: %1 on %2, %3 on %4").arg(fa.join(QLatin1Char('+')), a, fb.join(QLatin1Char('+')), b);
        // What one end sent against what the other received, per family, while both are up.
        if (sa == BgpState::Established && sb == BgpState::Established) {
            for (const BgpNeighborRecord &x : s.end.records)
                for (const BgpNeighborRecord &y : t.end.records) {
                    if (x.addressFamily != y.addressFamily)
                        continue;
                    if (x.prefixesSent >= 0 && y.prefixesReceived >= 0 && x.prefixesSent != y.prefixesReceived)
                        r.mismatches << QStringLiteral("prefixes: %1 sent %2 %3, %4 received %5")
                                            .arg(a).arg(x.prefixesSent).arg(x.addressFamily, b).arg(y.prefixesReceived);
                    if (y.prefixesSent >= 0 && x.prefixesReceived >= 0 && y.prefixesSent != x.prefixesReceived)
                        r.mismatches << QStringLiteral("prefixes: %1 sent %2 %3, %4 received %5")
                                            .arg(b).arg(y.prefixesSent).arg(y.addressFamily, a).arg(x.prefixesReceived);
                }
        }
    }

    const QList<RouterAnswers> &m_routers;
    QHash<QString, int> m_index;
    QList<Session> m_sessions;
    QList<Owned> m_owned;
    QHash<QByteArray, QList<int>> m_ownedIndex; // address -> m_owned
    QHash<int, QList<IpAddress>> m_ownedBy;     // router -> the addresses it holds
    QHash<int, QList<int>> m_byRouter;          // router -> its sessions
    QHash<QByteArray, QList<int>> m_byAddr;     // neighbor address -> sessions
    QHash<QByteArray, QList<int>> m_byBlock;    // neighbor's /30 (/126) block -> sessions
    QHash<int, QSet<qint64>> m_asOf;         // local AS numbers a router's records name
    QHash<int, QSet<qint64>> m_connectionAs; // AS numbers the connections give a router
};

// ---- links ---------------------------------------------------------------------------------------

const InterfaceRecord *findInterface(const RouterAnswers &r, const QString &name)
{
    if (name.isEmpty())
        return nullptr;
    auto look = [&](const RouterResult &res) -> const InterfaceRecord * {
        if (!usable(res, QueryKind::LinkStatus))
            return nullptr;
        for (const InterfaceRecord &i : res.records.rows<InterfaceRecord>())
            if (rl::sameInterface(i.name, name))
                return &i;
        return nullptr;
    };
    if (const InterfaceRecord *i = look(r.links))
        return i;
    for (const RouterResult &extra : r.extraLinks)
        if (const InterfaceRecord *i = look(extra))
            return i;
    return nullptr;
}

bool nameMatches(const QString &system, const RouterAnswers &r)
{
    if (system.isEmpty())
        return false;
    auto same = [&](const QString &n) {
        if (n.isEmpty())
            return false;
        if (system.compare(n, Qt::CaseInsensitive) == 0)
            return true;
        // "ce-globex.globex.example" is ce-globex
        return system.section(QLatin1Char('.'), 0, 0).compare(n.section(QLatin1Char('.'), 0, 0), Qt::CaseInsensitive) == 0
            && !IpAddress::parse(n);
    };
    if (same(r.router))
        return true;
    for (const QString &a : r.aliases)
        if (same(a))
            return true;
    return false;
}

// B's interface that LLDP on A names as the far port: by name, by the port's description
// (lldpd sends the MAC as the port id and the interface name as its description), or by MAC.
QString farPort(const LldpNeighborRecord &n, const RouterAnswers &b)
{
    if (findInterface(b, n.remotePortId))
        return findInterface(b, n.remotePortId)->name;
    if (findInterface(b, n.remotePortDescription))
        return findInterface(b, n.remotePortDescription)->name;
    const QString mac = normalizeMac(n.remotePortId);
    if (!mac.isEmpty() && usable(b.links, QueryKind::LinkStatus)) {
        for (const InterfaceRecord &i : b.links.records.rows<InterfaceRecord>())
            if (!i.mac.isEmpty() && i.mac == mac)
                return i.name;
    }
    // The link answer does not help (not read, or not listed): keep what LLDP says.
    return mac.isEmpty() ? n.remotePortId : n.remotePortDescription.isEmpty() ? n.remotePortId : n.remotePortDescription;
}

LinkEnd linkEnd(const RouterAnswers &r, const QString &interfaceName)
{
    LinkEnd e;
    e.router = r.router;
    e.interfaceName = interfaceName;
    if (const InterfaceRecord *i = findInterface(r, interfaceName)) {
        e.record = *i;
        e.interfaceName = i->name;
    } else if (!r.links.router.isEmpty() && !r.links.ok()) {
        e.error = r.links.error;
    }
    return e;
}

bool sameMtuSeenTwoWays(qint64 a, qint64 b)
{
    const qint64 d = std::llabs(a - b);
    return d == 14 || d == 18 || d == 22;
}

void compareLink(LinkRow &row)
{
    if (!row.a.record || !row.b.record)
        return;
    const InterfaceRecord &x = *row.a.record, &y = *row.b.record;
    const QString a = row.a.router, b = row.b.router;
    if (x.mtu > 0 && y.mtu > 0 && x.mtu != y.mtu)
        row.mismatches << (sameMtuSeenTwoWays(x.mtu, y.mtu)
                               ? QStringLiteral("MTU: %1 on %2, %3 on %4 (differ by an Ethernet header: probably one MTU counted two ways)")
                               : QStringLiteral("MTU: %1 on %2, %3 on %4"))
                              .arg(x.mtu).arg(a).arg(y.mtu).arg(b);
    if (x.speedBps > 0 && y.speedBps > 0 && x.speedBps != y.speedBps)
        row.mismatches << QStringLiteral("speed: %1 on %2, %3 on %4")
                              .arg(cellText(x.speedBps, ColumnType::BitRate), a, cellText(y.speedBps, ColumnType::BitRate), b);
    const bool upA = x.operState == LinkState::Up, upB = y.operState == LinkState::Up;
    if (upA != upB && x.operState != LinkState::Unknown && y.operState != LinkState::Unknown)
        row.mismatches << QStringLiteral("state: %1 on %2, %3 on %4").arg(linkStateName(x.operState), a, linkStateName(y.operState), b);
}

} // namespace

bool SessionCompare::vrfsCompatible(const QString &a, const QString &b)
{
    return sameVrf(a, b) || isGlobalVrf(a) || isGlobalVrf(b);
}

SessionComparison SessionCompare::bgpSessions(const QList<RouterAnswers> &routers, const QList<Connection> &connections)
{
    return Pairing(routers, connections).run();
}

LinkComparison SessionCompare::links(const QList<RouterAnswers> &routers, const QList<Connection> &connections)
{
    LinkComparison out;
    QHash<QString, int> index;
    for (int i = 0; i < routers.size(); ++i) {
        out.routers << routers[i].router;
        index.insert(routers[i].router, i);
        const RouterAnswers &r = routers[i];
        if (!r.links.router.isEmpty() && !r.links.ok())
            out.notes << QStringLiteral("%1's links could not be read: %2").arg(r.router, errorText(r.links.error));
        if (!r.lldp.router.isEmpty() && r.lldp.error.code == ErrorCode::UnsupportedQuery)
            out.notes << QStringLiteral("%1 has no LLDP to read (%2); its links are found from the other ends").arg(r.router, r.lldp.error.message);
        else if (!r.lldp.router.isEmpty() && !r.lldp.ok())
            out.notes << QStringLiteral("%1's LLDP neighbors could not be read: %2").arg(r.router, errorText(r.lldp.error));
    }
    // The same link seen from both ends, or by LLDP and a connection, is one row.
    auto findRow = [&](int ra, const QString &ia, int rb, const QString &ib) -> int {
        for (int k = 0; k < out.rows.size(); ++k) {
            const LinkRow &l = out.rows[k];
            if (l.status != PairStatus::Paired)
                continue;
            auto is = [](const LinkEnd &e, const QString &router, const QString &name) {
                return e.router == router && rl::sameInterface(e.interfaceName, name);
            };
            if ((is(l.a, routers[ra].router, ia) && is(l.b, routers[rb].router, ib))
                || (is(l.a, routers[rb].router, ib) && is(l.b, routers[ra].router, ia)))
                return k;
        }
        return -1;
    };
    for (int i = 0; i < routers.size(); ++i) {
        const RouterAnswers &r = routers[i];
        if (!usable(r.lldp, QueryKind::LldpNeighbors))
            continue;
        for (const LldpNeighborRecord &n : r.lldp.records.rows<LldpNeighborRecord>()) {
            int j = -1;
            for (int k = 0; k < routers.size(); ++k)
                if (k != i && nameMatches(n.remoteSystemName, routers[k]))
                    j = k;
            if (j < 0) {
                LinkRow row;
                row.status = PairStatus::PeerOutside;
                row.a = linkEnd(r, n.localInterface);
                row.remoteSystem = n.remoteSystemName.isEmpty() ? n.remoteChassisId : n.remoteSystemName;
                // lldpd sends the port's MAC as its id and its name as the description.
                row.remotePort = !normalizeMac(n.remotePortId).isEmpty() && !n.remotePortDescription.isEmpty() ? n.remotePortDescription
                                                                                                             : n.remotePortId;
                row.basis = QStringLiteral("LLDP on %1 sees %2, which is none of the compared routers").arg(r.router, row.remoteSystem);
                out.rows.append(row);
                continue;
            }
            const QString localName = linkEnd(r, n.localInterface).interfaceName;
            const QString port = farPort(n, routers[j]);
            if (const int k = findRow(i, localName, j, port); k >= 0) {
                out.rows[k].basis = QStringLiteral("LLDP from both ends");
                continue;
            }
            LinkRow row;
            row.status = PairStatus::Paired;
            row.a = linkEnd(r, localName);
            row.b = linkEnd(routers[j], port);
            row.basis = QStringLiteral("LLDP seen by %1").arg(r.router);
            out.rows.append(row);
        }
    }
    for (const Connection &c : connections) {
        const int p = index.value(c.providerRouter, -1), q = c.customerRouter.isEmpty() ? -1 : index.value(c.customerRouter, -1);
        if (p < 0 || q < 0)
            continue;
        if (const int k = findRow(p, c.providerInterface, q, c.customerInterface); k >= 0) {
            out.rows[k].basis += QStringLiteral(" and connection %1").arg(c.id);
            continue;
        }
        LinkRow row;
        row.status = PairStatus::Paired;
        row.a = linkEnd(routers[p], c.providerInterface);
        row.b = linkEnd(routers[q], c.customerInterface);
        row.basis = QStringLiteral("connection %1").arg(c.id);
        out.rows.append(row);
    }
    for (LinkRow &row : out.rows) {
        if (row.status != PairStatus::Paired)
            continue;
        // Order the ends as the routers were given.
        if (index.value(row.a.router) > index.value(row.b.router))
            std::swap(row.a, row.b);
        compareLink(row);
    }
    std::stable_sort(out.rows.begin(), out.rows.end(), [](const LinkRow &x, const LinkRow &y) {
        return (x.status == PairStatus::Paired) > (y.status == PairStatus::Paired);
    });
    return out;
}

// ---- routes ------------------------------------------------------------------------------------

QList<RouteExchange> SessionCompare::planRoutes(const SessionComparison &sessions)
{
    QList<RouteExchange> out;
    for (const SessionRow &row : sessions.rows) {
        if (row.status != PairStatus::Paired)
            continue;
        QStringList families;
        const QStringList fb = row.b.families();
        for (const QString &f : row.a.families()) {
            const QString fam = f.section(QLatin1Char('-'), 0, 0);
            if (fb.contains(f) && f.endsWith(QLatin1String("-unicast")) && !families.contains(fam))
                families << fam;
        }
        const QString aAddress = row.aAddress.isEmpty() ? row.b.head().neighbor : row.aAddress;
        auto add = [&](const SessionEnd &from, const SessionEnd &to, const QString &fromAddress, const QString &toAddress,
                       const QString &family) {
            RouteExchange e;
            e.from = from.router;
            e.to = to.router;
            e.fromAddress = fromAddress;
            e.toAddress = toAddress;
            e.family = family;
            e.toAs = to.head().localAs;
            QStringList down;
            for (const SessionEnd *end : {&from, &to})
                if (end->head().state != BgpState::Established)
                    down << QStringLiteral("%1 on %2").arg(bgpStateName(end->head().state), end->router);
            e.down = down.join(QStringLiteral(", "));
            e.advertisedQuery.neighbor = from.head().neighbor;
            e.advertisedQuery.addressFamily = family;
            if (!isGlobalVrf(from.head().vrf))
                e.advertisedQuery.vrf = from.head().vrf;
            e.receivedQuery.neighbor = to.head().neighbor;
            e.receivedQuery.addressFamily = family;
            if (!isGlobalVrf(to.head().vrf))
                e.receivedQuery.vrf = to.head().vrf;
            out.append(e);
        };
        for (const QString &f : families) {
            add(row.a, row.b, aAddress, row.bAddress, f);
            add(row.b, row.a, row.bAddress, aAddress, f);
        }
    }
    return out;
}

namespace {

// Whether an AS path ("65001 65002 {65010,65011}") holds this AS.
bool asPathHolds(const QString &path, qint64 as)
{
    const QString want = QString::number(as);
    qsizetype i = 0;
    while (i < path.size()) {
        while (i < path.size() && !path[i].isDigit())
            ++i;
        const qsizetype start = i;
        while (i < path.size() && path[i].isDigit())
            ++i;
        if (i > start && QStringView(path).mid(start, i - start) == want)
            return true;
    }
    return false;
}

} // namespace

RouteComparison SessionCompare::routes(const QList<RouteExchange> &exchanges)
{
    RouteComparison out;
    out.exchanges = exchanges;
    for (int x = 0; x < exchanges.size(); ++x) {
        const RouteExchange &e = exchanges[x];
        const QString dir = QStringLiteral("%1 -> %2 (%3)").arg(e.from, e.to, e.family);
        const bool sentOk = usable(e.advertised, QueryKind::AdvertisedRoutes) || usable(e.advertised, QueryKind::ReceivedRoutes);
        const bool recvOk = usable(e.received, QueryKind::ReceivedRoutes) || usable(e.received, QueryKind::AdvertisedRoutes);
        if (!sentOk)
            out.notes << QStringLiteral("%1: what %2 advertises could not be read: %3")
                             .arg(dir, e.from, e.advertised.router.isEmpty() ? QStringLiteral("not asked") : errorText(e.advertised.error));
        if (!recvOk)
            out.notes << QStringLiteral("%1: what %2 received could not be read: %3")
                             .arg(dir, e.to, e.received.router.isEmpty() ? QStringLiteral("not asked") : errorText(e.received.error));
        if (!sentOk && !recvOk)
            continue;
        std::map<IpPrefix, std::pair<std::optional<RouteRecord>, std::optional<RouteRecord>>> byPrefix;
        if (sentOk)
            for (const RouteRecord &r : e.advertised.records.rows<RouteRecord>()) {
                auto &slot = byPrefix[r.prefix].first;
                if (!slot || (r.best && !slot->best))
                    slot = r;
            }
        if (recvOk)
            for (const RouteRecord &r : e.received.records.rows<RouteRecord>()) {
                auto &slot = byPrefix[r.prefix].second;
                if (!slot || (r.valid && !slot->valid))
                    slot = r; // one accepted path is enough to call the prefix accepted
            }
        for (auto &[prefix, pair] : byPrefix) {
            RouteRow row;
            row.exchange = x;
            row.prefix = prefix;
            row.sent = pair.first;
            row.received = pair.second;
            if (row.received && !row.received->valid) {
                row.match = RouteMatch::Rejected;
                row.note = row.sent ? QStringLiteral("%1 received it and did not accept it (import policy, or hidden as invalid)").arg(e.to)
                                    : QStringLiteral("%1 received it and did not accept it; %2 does not list it as advertised").arg(e.to, e.from);
            } else if (row.sent && row.received) {
                row.match = RouteMatch::Both;
            } else if (row.sent) {
                row.match = recvOk ? RouteMatch::SentNotReceived : RouteMatch::CannotTell;
                if (!recvOk)
                    row.note = QStringLiteral("what %1 received could not be read").arg(e.to);
                else if (!e.down.isEmpty())
                    row.note = QStringLiteral("the session is not established (%1): %2 lists it to send, nothing arrives").arg(e.down, e.from);
                else if (e.toAs >= 0 && asPathHolds(row.sent->asPath, e.toAs))
                    row.note = QStringLiteral("its AS path already holds AS %1, %2's own: %2 drops it on arrival as a loop").arg(e.toAs).arg(e.to);
                else
                    row.note = QStringLiteral("not among what %1 received from %2 (refused on arrival by a platform that keeps no copy of "
                                              "refused routes, or never arrived)").arg(e.to, e.fromAddress);
            } else {
                row.match = sentOk ? RouteMatch::ReceivedNotSent : RouteMatch::CannotTell;
                row.note = sentOk ? QStringLiteral("%1 does not list it among what it advertises to %2").arg(e.from, e.toAddress)
                                  : QStringLiteral("what %1 advertises could not be read").arg(e.from);
            }
            out.rows.append(row);
        }
    }
    return out;
}

// ---- flat tables -------------------------------------------------------------------------------

namespace {

using Col = PairTable::Column;

QVariant opt(qint64 v) { return v < 0 ? QVariant() : QVariant(v); }
QVariant opt(const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); }

QString sideLabel(const QString &router, const QString &address, const QString &vrf)
{
    QString s = router;
    if (!address.isEmpty())
        s += QLatin1Char(' ') + address;
    if (!isGlobalVrf(vrf))
        s += QStringLiteral(" (vrf %1)").arg(vrf);
    return s;
}

} // namespace

PairTable SessionCompare::table(const SessionComparison &c)
{
    PairTable t;
    t.columns = {
        {"status", QT_TRANSLATE_NOOP("rl::SessionCompare", "Status"), ColumnType::State, -1},
        {"session", QT_TRANSLATE_NOOP("rl::SessionCompare", "Session"), ColumnType::Text, -1},
        {"families", QT_TRANSLATE_NOOP("rl::SessionCompare", "Families"), ColumnType::Text, -1},
        {"aRouter", QT_TRANSLATE_NOOP("rl::SessionCompare", "Router"), ColumnType::Text, 0, true},
        {"bRouter", QT_TRANSLATE_NOOP("rl::SessionCompare", "Router"), ColumnType::Text, 1, true},
        {"aAddress", QT_TRANSLATE_NOOP("rl::SessionCompare", "Address"), ColumnType::Address, 0, true},
        {"bAddress", QT_TRANSLATE_NOOP("rl::SessionCompare", "Address"), ColumnType::Address, 1, true},
        {"aVrf", QT_TRANSLATE_NOOP("rl::SessionCompare", "VRF"), ColumnType::Text, 0, true},
        {"bVrf", QT_TRANSLATE_NOOP("rl::SessionCompare", "VRF"), ColumnType::Text, 1, true},
        {"aLocalAs", QT_TRANSLATE_NOOP("rl::SessionCompare", "AS"), ColumnType::Integer, 0},
        {"bLocalAs", QT_TRANSLATE_NOOP("rl::SessionCompare", "AS"), ColumnType::Integer, 1},
        {"aRemoteAs", QT_TRANSLATE_NOOP("rl::SessionCompare", "Peer AS set"), ColumnType::Integer, 0},
        {"bRemoteAs", QT_TRANSLATE_NOOP("rl::SessionCompare", "Peer AS set"), ColumnType::Integer, 1},
        {"aState", QT_TRANSLATE_NOOP("rl::SessionCompare", "State"), ColumnType::State, 0},
        {"bState", QT_TRANSLATE_NOOP("rl::SessionCompare", "State"), ColumnType::State, 1},
        {"aUptimeSeconds", QT_TRANSLATE_NOOP("rl::SessionCompare", "Up/down for"), ColumnType::Duration, 0},
        {"bUptimeSeconds", QT_TRANSLATE_NOOP("rl::SessionCompare", "Up/down for"), ColumnType::Duration, 1},
        {"aReceived", QT_TRANSLATE_NOOP("rl::SessionCompare", "Received"), ColumnType::Text, 0},
        {"bReceived", QT_TRANSLATE_NOOP("rl::SessionCompare", "Received"), ColumnType::Text, 1},
        {"aSent", QT_TRANSLATE_NOOP("rl::SessionCompare", "Sent"), ColumnType::Text, 0},
        {"bSent", QT_TRANSLATE_NOOP("rl::SessionCompare", "Sent"), ColumnType::Text, 1},
        {"aLastError", QT_TRANSLATE_NOOP("rl::SessionCompare", "Last error"), ColumnType::Text, 0},
        {"bLastError", QT_TRANSLATE_NOOP("rl::SessionCompare", "Last error"), ColumnType::Text, 1},
        {"mismatches", QT_TRANSLATE_NOOP("rl::SessionCompare", "Mismatches"), ColumnType::Text, -1},
        {"basis", QT_TRANSLATE_NOOP("rl::SessionCompare", "Basis"), ColumnType::Text, -1},
    };
    t.notes = c.unreadable;
    for (const SessionRow &r : c.rows) {
        PairTable::Row row;
        const BgpNeighborRecord &a = r.a.head();
        const bool paired = !r.b.isNull();
        const BgpNeighborRecord b = paired ? r.b.head() : BgpNeighborRecord{};
        QString other;
        if (paired)
            other = sideLabel(r.b.router, r.bAddress, b.vrf);
        else // the status column says why there is no other end; name the router it may be
            other = r.otherRouter.isEmpty() ? r.bAddress : QStringLiteral("%1 (%2?)").arg(r.bAddress, r.otherRouter);
        const QString session = sideLabel(r.a.router, r.aAddress, a.vrf) + QStringLiteral(" <-> ") + other;
        // "ipv4"; a session carrying more than its own family says so: "ipv4 carrying ipv4 + ipv6".
        QString families = r.transport();
        QStringList fa = r.a.families();
        if (fa.size() > 1 || (!fa.isEmpty() && !fa.first().startsWith(families))) {
            bool allUnicast = true;
            for (const QString &f : fa)
                allUnicast = allUnicast && f.endsWith(QLatin1String("-unicast"));
            if (allUnicast)
                for (QString &f : fa)
                    f.chop(8);
            families += QStringLiteral(" carrying ") + fa.join(QStringLiteral(" + "));
        }
        auto bcell = [&](const QVariant &v) { return paired ? v : QVariant(); };
        row.cells = {pairStatusName(r.status), session, families,
                     r.a.router, paired ? QVariant(r.b.router) : opt(r.otherRouter),
                     opt(r.aAddress), opt(r.bAddress),
                     a.vrf, bcell(b.vrf),
                     opt(a.localAs), bcell(opt(b.localAs)),
                     opt(a.remoteAs), bcell(opt(b.remoteAs)),
                     bgpStateName(a.state), bcell(bgpStateName(b.state)),
                     opt(a.uptimeSeconds), bcell(opt(b.uptimeSeconds)),
                     opt(r.a.prefixes(&BgpNeighborRecord::prefixesReceived)), bcell(opt(r.b.prefixes(&BgpNeighborRecord::prefixesReceived))),
                     opt(r.a.prefixes(&BgpNeighborRecord::prefixesSent)), bcell(opt(r.b.prefixes(&BgpNeighborRecord::prefixesSent))),
                     opt(a.lastError), bcell(opt(b.lastError)),
                     opt(r.mismatches.join(QStringLiteral("; "))), r.basis};
        row.status = pairStatusName(r.status);
        row.statusText = pairStatusText(r.status);
        row.filterClass = r.mismatches.isEmpty() ? QString() : QStringLiteral("mismatch");
        row.cannotTell = {QString(), r.status == PairStatus::CannotTell ? QStringLiteral("%1: %2").arg(r.otherRouter, errorText(r.otherError))
                                                                        : QString()};
        for (const QString &m : r.mismatches) {
            if (m.startsWith(QLatin1String("AS:")))
                row.flagged << 9 << 10 << 11 << 12;
            else if (m.startsWith(QLatin1String("state:")))
                row.flagged << 13 << 14;
            else if (m.startsWith(QLatin1String("families:")))
                row.flagged << 2;
            else if (m.startsWith(QLatin1String("prefixes:")))
                row.flagged << 17 << 18 << 19 << 20;
            else if (m.startsWith(QLatin1String("address:")))
                row.flagged << 5 << 6;
        }
        t.rows.append(row);
    }
    return t;
}

PairTable SessionCompare::table(const LinkComparison &c)
{
    PairTable t;
    t.columns = {
        {"status", QT_TRANSLATE_NOOP("rl::SessionCompare", "Status"), ColumnType::State, -1},
        {"link", QT_TRANSLATE_NOOP("rl::SessionCompare", "Link"), ColumnType::Text, -1},
        {"aRouter", QT_TRANSLATE_NOOP("rl::SessionCompare", "Router"), ColumnType::Text, 0, true},
        {"bRouter", QT_TRANSLATE_NOOP("rl::SessionCompare", "Router"), ColumnType::Text, 1, true},
        {"aInterface", QT_TRANSLATE_NOOP("rl::SessionCompare", "Interface"), ColumnType::Text, 0, true},
        {"bInterface", QT_TRANSLATE_NOOP("rl::SessionCompare", "Interface"), ColumnType::Text, 1, true},
        {"aAdminState", QT_TRANSLATE_NOOP("rl::SessionCompare", "Admin"), ColumnType::State, 0},
        {"bAdminState", QT_TRANSLATE_NOOP("rl::SessionCompare", "Admin"), ColumnType::State, 1},
        {"aOperState", QT_TRANSLATE_NOOP("rl::SessionCompare", "Oper"), ColumnType::State, 0},
        {"bOperState", QT_TRANSLATE_NOOP("rl::SessionCompare", "Oper"), ColumnType::State, 1},
        {"aSpeedBps", QT_TRANSLATE_NOOP("rl::SessionCompare", "Speed"), ColumnType::BitRate, 0},
        {"bSpeedBps", QT_TRANSLATE_NOOP("rl::SessionCompare", "Speed"), ColumnType::BitRate, 1},
        {"aMtu", QT_TRANSLATE_NOOP("rl::SessionCompare", "MTU"), ColumnType::Integer, 0},
        {"bMtu", QT_TRANSLATE_NOOP("rl::SessionCompare", "MTU"), ColumnType::Integer, 1},
        {"aInErrors", QT_TRANSLATE_NOOP("rl::SessionCompare", "In errors"), ColumnType::Counter, 0},
        {"bInErrors", QT_TRANSLATE_NOOP("rl::SessionCompare", "In errors"), ColumnType::Counter, 1},
        {"aOutErrors", QT_TRANSLATE_NOOP("rl::SessionCompare", "Out errors"), ColumnType::Counter, 0},
        {"bOutErrors", QT_TRANSLATE_NOOP("rl::SessionCompare", "Out errors"), ColumnType::Counter, 1},
        {"aCrcErrors", QT_TRANSLATE_NOOP("rl::SessionCompare", "CRC errors"), ColumnType::Counter, 0},
        {"bCrcErrors", QT_TRANSLATE_NOOP("rl::SessionCompare", "CRC errors"), ColumnType::Counter, 1},
        {"mismatches", QT_TRANSLATE_NOOP("rl::SessionCompare", "Mismatches"), ColumnType::Text, -1},
        {"basis", QT_TRANSLATE_NOOP("rl::SessionCompare", "Basis"), ColumnType::Text, -1},
    };
    t.notes = c.notes;
    for (const LinkRow &r : c.rows) {
        PairTable::Row row;
        const bool paired = r.status == PairStatus::Paired;
        const InterfaceRecord none;
        const InterfaceRecord &x = r.a.record ? *r.a.record : none;
        const InterfaceRecord &y = r.b.record ? *r.b.record : none;
        auto state = [](const std::optional<InterfaceRecord> &rec, LinkState s) { return rec ? QVariant(linkStateName(s)) : QVariant(); };
        const QString far = paired ? QStringLiteral("%1 %2").arg(r.b.router, r.b.interfaceName)
                                   : QStringLiteral("%1 %2").arg(r.remoteSystem, r.remotePort);
        row.cells = {pairStatusName(r.status), QStringLiteral("%1 %2 <-> %3").arg(r.a.router, r.a.interfaceName, far),
                     r.a.router, paired ? QVariant(r.b.router) : opt(r.remoteSystem),
                     opt(r.a.interfaceName), paired ? opt(r.b.interfaceName) : opt(r.remotePort),
                     state(r.a.record, x.adminState), state(r.b.record, y.adminState),
                     state(r.a.record, x.operState), state(r.b.record, y.operState),
                     opt(x.speedBps), opt(y.speedBps), opt(x.mtu), opt(y.mtu),
                     opt(x.inErrors), opt(y.inErrors), opt(x.outErrors), opt(y.outErrors), opt(x.crcErrors), opt(y.crcErrors),
                     opt(r.mismatches.join(QStringLiteral("; "))), r.basis};
        row.status = pairStatusName(r.status);
        row.statusText = pairStatusText(r.status);
        row.filterClass = r.mismatches.isEmpty() ? QString() : QStringLiteral("mismatch");
        auto why = [](const LinkEnd &e) {
            if (e.router.isEmpty() || e.record)
                return QString();
            return e.error.isError() ? QStringLiteral("%1: %2").arg(e.router, errorText(e.error))
                                     : QStringLiteral("%1 does not list %2 in its link answer").arg(e.router, e.interfaceName);
        };
        row.cannotTell = {why(r.a), paired ? why(r.b) : QString()};
        for (const QString &m : r.mismatches) {
            if (m.startsWith(QLatin1String("MTU:")))
                row.flagged << 12 << 13;
            else if (m.startsWith(QLatin1String("speed:")))
                row.flagged << 10 << 11;
            else if (m.startsWith(QLatin1String("state:")))
                row.flagged << 8 << 9;
        }
        t.rows.append(row);
    }
    return t;
}

PairTable SessionCompare::table(const RouteComparison &c)
{
    PairTable t;
    t.columns = {
        {"match", QT_TRANSLATE_NOOP("rl::SessionCompare", "Match"), ColumnType::State, -1},
        {"direction", QT_TRANSLATE_NOOP("rl::SessionCompare", "Direction"), ColumnType::Text, -1},
        {"family", QT_TRANSLATE_NOOP("rl::SessionCompare", "Family"), ColumnType::Text, -1},
        {"prefix", QT_TRANSLATE_NOOP("rl::SessionCompare", "Prefix"), ColumnType::Prefix, -1},
        {"fromRouter", QT_TRANSLATE_NOOP("rl::SessionCompare", "Sent by"), ColumnType::Text, 0, true},
        {"toRouter", QT_TRANSLATE_NOOP("rl::SessionCompare", "Received by"), ColumnType::Text, 1, true},
        {"sentNextHop", QT_TRANSLATE_NOOP("rl::SessionCompare", "Next hop"), ColumnType::Address, 0},
        {"receivedNextHop", QT_TRANSLATE_NOOP("rl::SessionCompare", "Next hop"), ColumnType::Address, 1},
        {"sentAsPath", QT_TRANSLATE_NOOP("rl::SessionCompare", "AS path"), ColumnType::Text, 0},
        {"receivedAsPath", QT_TRANSLATE_NOOP("rl::SessionCompare", "AS path"), ColumnType::Text, 1},
        {"receivedValid", QT_TRANSLATE_NOOP("rl::SessionCompare", "Accepted"), ColumnType::Bool, 1},
        {"note", QT_TRANSLATE_NOOP("rl::SessionCompare", "Note"), ColumnType::Text, -1},
    };
    t.notes = c.notes;
    for (const RouteRow &r : c.rows) {
        const RouteExchange &e = c.exchanges[r.exchange];
        PairTable::Row row;
        row.cells = {routeMatchName(r.match), QStringLiteral("%1 -> %2").arg(e.from, e.to), e.family, r.prefix.toString(),
                     e.from, e.to,
                     r.sent && !r.sent->nextHop.isNull() ? QVariant(r.sent->nextHop.toString()) : QVariant(),
                     r.received && !r.received->nextHop.isNull() ? QVariant(r.received->nextHop.toString()) : QVariant(),
                     r.sent ? opt(r.sent->asPath) : QVariant(), r.received ? opt(r.received->asPath) : QVariant(),
                     r.received ? QVariant(r.received->valid) : QVariant(), opt(r.note)};
        row.status = routeMatchName(r.match);
        row.statusText = routeMatchText(r.match);
        row.filterClass = routeMatchName(r.match);
        const bool sentOk = e.advertised.ok() && !e.advertised.router.isEmpty();
        const bool recvOk = e.received.ok() && !e.received.router.isEmpty();
        row.cannotTell = {sentOk ? QString() : QStringLiteral("%1: %2").arg(e.from, errorText(e.advertised.error)),
                          recvOk ? QString() : QStringLiteral("%1: %2").arg(e.to, errorText(e.received.error))};
        if (r.match != RouteMatch::Both)
            row.flagged << 0;
        t.rows.append(row);
    }
    return t;
}

// ---- JSON --------------------------------------------------------------------------------------

namespace {

QJsonValue jint(qint64 v) { return v < 0 ? QJsonValue() : QJsonValue(v); }
QJsonValue jstr(const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); }

QJsonObject errorJson(const Error &e)
{
    return QJsonObject{{QStringLiteral("code"), e.codeName()}, {QStringLiteral("message"), e.message}};
}

QJsonObject endJson(const SessionEnd &e, const QString &address)
{
    const BgpNeighborRecord &h = e.head();
    QJsonObject families;
    for (const BgpNeighborRecord &r : e.records)
        families.insert(r.addressFamily.isEmpty() ? QStringLiteral("unknown") : r.addressFamily,
                        QJsonObject{{QStringLiteral("prefixesReceived"), jint(r.prefixesReceived)},
                                    {QStringLiteral("prefixesAccepted"), jint(r.prefixesAccepted)},
                                    {QStringLiteral("prefixesSent"), jint(r.prefixesSent)}});
    return QJsonObject{{QStringLiteral("router"), e.router},
                       {QStringLiteral("vrf"), h.vrf},
                       {QStringLiteral("address"), jstr(address)},
                       {QStringLiteral("neighbor"), h.neighbor},
                       {QStringLiteral("localAs"), jint(h.localAs)},
                       {QStringLiteral("remoteAs"), jint(h.remoteAs)},
                       {QStringLiteral("state"), bgpStateName(h.state)},
                       {QStringLiteral("stateDetail"), jstr(h.stateDetail)},
                       {QStringLiteral("adminEnabled"), h.adminEnabled},
                       {QStringLiteral("uptimeSeconds"), jint(h.uptimeSeconds)},
                       {QStringLiteral("families"), families},
                       {QStringLiteral("description"), jstr(h.description)},
                       {QStringLiteral("lastError"), jstr(h.lastError)}};
}

QJsonObject linkEndJson(const LinkEnd &e)
{
    QJsonObject o{{QStringLiteral("router"), e.router}, {QStringLiteral("interface"), jstr(e.interfaceName)}};
    if (e.record) {
        const InterfaceRecord &r = *e.record;
        o.insert(QStringLiteral("adminState"), linkStateName(r.adminState));
        o.insert(QStringLiteral("operState"), linkStateName(r.operState));
        o.insert(QStringLiteral("speedBps"), jint(r.speedBps));
        o.insert(QStringLiteral("mtu"), jint(r.mtu));
        o.insert(QStringLiteral("inErrors"), jint(r.inErrors));
        o.insert(QStringLiteral("outErrors"), jint(r.outErrors));
        o.insert(QStringLiteral("crcErrors"), jint(r.crcErrors));
    } else {
        o.insert(QStringLiteral("cannotTell"), e.error.isError() ? QJsonValue(errorJson(e.error))
                                                                 : QJsonValue(QStringLiteral("not in the link answer")));
    }
    return o;
}

QJsonObject routeJson(const RouteRecord &r)
{
    return QJsonObject{{QStringLiteral("nextHop"), r.nextHop.isNull() ? QJsonValue() : QJsonValue(r.nextHop.toString())},
                       {QStringLiteral("asPath"), jstr(r.asPath)},
                       {QStringLiteral("communities"), jstr(r.communities)},
                       {QStringLiteral("localPref"), jint(r.localPref)},
                       {QStringLiteral("med"), jint(r.med)},
                       {QStringLiteral("best"), r.best},
                       {QStringLiteral("valid"), r.valid}};
}

} // namespace

QJsonObject SessionCompare::toJson(const SessionComparison &c)
{
    QJsonArray rows;
    for (const SessionRow &r : c.rows) {
        QJsonObject o{{QStringLiteral("status"), pairStatusName(r.status)},
                      {QStringLiteral("basis"), r.basis},
                      {QStringLiteral("transport"), jstr(r.transport())},
                      {QStringLiteral("a"), endJson(r.a, r.aAddress)},
                      {QStringLiteral("mismatches"), QJsonArray::fromStringList(r.mismatches)},
                      {QStringLiteral("asMismatch"), r.asMismatch}};
        if (!r.b.isNull()) {
            o.insert(QStringLiteral("b"), endJson(r.b, r.bAddress));
        } else {
            QJsonObject b{{QStringLiteral("address"), r.bAddress}, {QStringLiteral("router"), jstr(r.otherRouter)}};
            if (r.otherError.isError())
                b.insert(QStringLiteral("cannotTell"), errorJson(r.otherError));
            o.insert(QStringLiteral("b"), b);
        }
        rows.append(o);
    }
    return QJsonObject{{QStringLiteral("routers"), QJsonArray::fromStringList(c.routers)},
                       {QStringLiteral("sessions"), rows},
                       {QStringLiteral("unreadable"), QJsonArray::fromStringList(c.unreadable)}};
}

QJsonObject SessionCompare::toJson(const LinkComparison &c)
{
    QJsonArray rows;
    for (const LinkRow &r : c.rows) {
        QJsonObject o{{QStringLiteral("status"), pairStatusName(r.status)},
                      {QStringLiteral("basis"), r.basis},
                      {QStringLiteral("a"), linkEndJson(r.a)},
                      {QStringLiteral("mismatches"), QJsonArray::fromStringList(r.mismatches)}};
        if (r.status == PairStatus::Paired)
            o.insert(QStringLiteral("b"), linkEndJson(r.b));
        else
            o.insert(QStringLiteral("b"), QJsonObject{{QStringLiteral("system"), r.remoteSystem}, {QStringLiteral("port"), r.remotePort}});
        rows.append(o);
    }
    return QJsonObject{{QStringLiteral("routers"), QJsonArray::fromStringList(c.routers)},
                       {QStringLiteral("links"), rows},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(c.notes)}};
}

QJsonObject SessionCompare::toJson(const RouteComparison &c)
{
    QJsonArray exchanges;
    for (const RouteExchange &e : c.exchanges) {
        QJsonObject o{{QStringLiteral("from"), e.from},
                      {QStringLiteral("to"), e.to},
                      {QStringLiteral("fromAddress"), e.fromAddress},
                      {QStringLiteral("toAddress"), e.toAddress},
                      {QStringLiteral("family"), e.family}};
        if (!e.advertised.ok())
            o.insert(QStringLiteral("advertisedError"), errorJson(e.advertised.error));
        if (!e.received.ok())
            o.insert(QStringLiteral("receivedError"), errorJson(e.received.error));
        exchanges.append(o);
    }
    QJsonArray rows;
    for (const RouteRow &r : c.rows) {
        const RouteExchange &e = c.exchanges[r.exchange];
        QJsonObject o{{QStringLiteral("match"), routeMatchName(r.match)},
                      {QStringLiteral("from"), e.from},
                      {QStringLiteral("to"), e.to},
                      {QStringLiteral("family"), e.family},
                      {QStringLiteral("prefix"), r.prefix.toString()},
                      {QStringLiteral("sent"), r.sent ? QJsonValue(routeJson(*r.sent)) : QJsonValue()},
                      {QStringLiteral("received"), r.received ? QJsonValue(routeJson(*r.received)) : QJsonValue()},
                      {QStringLiteral("note"), jstr(r.note)}};
        rows.append(o);
    }
    return QJsonObject{{QStringLiteral("exchanges"), exchanges},
                       {QStringLiteral("routes"), rows},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(c.notes)}};
}

} // namespace rl
