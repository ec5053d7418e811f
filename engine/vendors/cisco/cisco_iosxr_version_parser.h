#pragma once

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>

namespace rl {

// IOS-XR "show version": the 32-bit layout of 5.x/6.x ("<host> uptime is 5 days, 25 minutes",
// "cisco ASR9K Series (...) processor") and the 64-bit layout of 6.x/7.x ("Build Information:",
// "System uptime is 5 weeks 2 days ..."). Pure function; parse-error names what is missing.
class CiscoIosxrVersionParser final
{
public:
    static Result<FactsRecord> parse(const QByteArray &text);
};

} // namespace rl
