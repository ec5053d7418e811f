#pragma once

#include "engine/scheduling/scheduling_types.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace rl {

// Watches the network-wide rate of router commands. While it runs above
// `loadThreshold` of the network limit, routers running near their own limit are "busy"
// and get their limit tightened by `tightenFactor`, leaving room for the others. When the
// network rate falls back under the threshold every router gets its normal limit again.
class ThrottlingManager
{
public:
    // Returns the routers whose limit is tightened from now on.
    QSet<QString> evaluate(double networkRate, const ThrottlePolicy &policy,
                           const QHash<QString, double> &routerRates);
    const QSet<QString> &tightened() const { return m_tightened; }
    // The limit a router gets, tightened or not.
    static RateLimit routerLimit(const ThrottlePolicy &policy, const QString &router, bool tightened);
    void reset() { m_tightened.clear(); }

private:
    QSet<QString> m_tightened;
};

} // namespace rl
