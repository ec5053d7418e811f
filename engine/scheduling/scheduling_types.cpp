#include "engine/scheduling/scheduling_types.h"

namespace rl {

QString throttleScopeName(ThrottleScope s)
{
    switch (s) {
    case ThrottleScope::Client: return QStringLiteral("client");
    case ThrottleScope::Router: return QStringLiteral("router");
    case ThrottleScope::Network: return QStringLiteral("network");
    }
    return {};
}

QString throttleActionName(ThrottleAction a)
{
    switch (a) {
    case ThrottleAction::HoldBack: return QStringLiteral("hold-back");
    case ThrottleAction::Suspend: return QStringLiteral("suspend");
    case ThrottleAction::Reject: return QStringLiteral("reject");
    }
    return {};
}

std::optional<ThrottleAction> throttleActionFromName(QStringView name)
{
    if (name == u"hold-back")
        return ThrottleAction::HoldBack;
    if (name == u"suspend")
        return ThrottleAction::Suspend;
    if (name == u"reject")
        return ThrottleAction::Reject;
    return std::nullopt;
}

QString workStateName(WorkState s)
{
    switch (s) {
    case WorkState::Queued: return QStringLiteral("queued");
    case WorkState::HeldBack: return QStringLiteral("held-back");
    case WorkState::Suspended: return QStringLiteral("suspended");
    case WorkState::InFlight: return QStringLiteral("in-flight");
    case WorkState::Done: return QStringLiteral("done");
    case WorkState::Failed: return QStringLiteral("failed");
    case WorkState::Rejected: return QStringLiteral("rejected");
    case WorkState::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace rl
