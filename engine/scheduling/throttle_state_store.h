#pragma once

#include "engine/scheduling/scheduling_types.h"

#include <QString>

namespace rl {

// The token counters of the three throttle scopes. Behind an interface so that several
// service instances can later share them (a PostgreSQL backend, DESIGN.md "Scale").
// Keys: client id, router name, and an empty key for the network scope.
class ThrottleStateStore
{
public:
    virtual ~ThrottleStateStore() = default;
    // Takes one token when one is available and returns 0; otherwise takes nothing and
    // returns how many milliseconds until one will be (always > 0). Unlimited: always 0.
    virtual qint64 tryTake(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs) = 0;
    // As tryTake, without taking.
    virtual qint64 peek(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs) = 0;
    // Gives a token back (a request taken at admission that never ran).
    virtual void refund(ThrottleScope scope, const QString &key, const RateLimit &limit, qint64 nowMs) = 0;
    virtual void clear() = 0;
};

} // namespace rl
