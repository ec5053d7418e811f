#pragma once

#include "engine/api/error.h"
#include "engine/api/request.h"

namespace rl {

// Checks a request's shape and parameters before anything else looks at it. Parameters end
// up inside router commands, so every one is held to a strict pattern: nothing that could
// carry a second command (spaces, ';', '|', '`', '$', quotes, newlines) passes.
// Whether the routers exist and the client may ask is the service's and access layer's job.
class RequestValidator
{
public:
    static Error validate(const Request &request);
    static Error validateParams(QueryKind kind, const QueryParams &params);

    // Which parameters a kind uses, and which it requires.
    static bool usesParam(QueryKind kind, QStringView param);
    static bool requiresParam(QueryKind kind, QStringView param);

    static bool isValidRouterName(QStringView name);
    static bool isValidVrfName(QStringView name);
    static bool isValidInterfaceName(QStringView name);
};

} // namespace rl
