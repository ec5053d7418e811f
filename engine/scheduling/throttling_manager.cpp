#include "engine/scheduling/throttling_manager.h"

#include <algorithm>

namespace rl {

RateLimit ThrottlingManager::routerLimit(const ThrottlePolicy &policy, const QString &router, bool tightened)
{
    RateLimit limit = policy.routerOverrides.value(router, policy.perRouter);
    if (tightened && !limit.isUnlimited()) {
        limit.ratePerSecond *= policy.tightenFactor;
        limit.burst = std::max(1.0, limit.burst * policy.tightenFactor);
    }
    return limit;
}

QSet<QString> ThrottlingManager::evaluate(double networkRate, const ThrottlePolicy &policy,
                                          const QHash<QString, double> &routerRates)
{
    const RateLimit &net = policy.network;
    if (net.isUnlimited() || networkRate <= policy.loadThreshold * net.ratePerSecond) {
        m_tightened.clear();
        return m_tightened;
    }
    // Routers already tightened stay so while the network is loaded (no flapping).
    for (auto it = routerRates.cbegin(); it != routerRates.cend(); ++it) {
        const RateLimit limit = routerLimit(policy, it.key(), false);
        if (limit.isUnlimited())
            continue;
        if (it.value() >= policy.loadThreshold * limit.ratePerSecond)
            m_tightened.insert(it.key());
    }
    return m_tightened;
}

} // namespace rl
