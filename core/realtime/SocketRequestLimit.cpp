#include "core/realtime/SocketRequestLimit.h"

#include "core/http/WidgetGate.h"

namespace switchboard::core::realtime {

SocketRequestLimit::Decision SocketRequestLimit::admit(const Connection& connection) const {
    const auto& who = *connection.identity;
    if (!who.isVisitor()) return {Outcome::Allowed, 0};
    // A visitor's events and its requests to the widget endpoints share one budget.
    const auto address = http::WidgetGate::addressKey(who.visitor.ip.value_or("visitor:" + who.visitor.id));
    const auto decision = _limiter.hit(address, _limits.requestsPerIpPerMinute, 60);
    if (decision.allowed) return {Outcome::Allowed, 0};
    const auto refusals =
        _limiter.hit("socket-refusals:" + std::to_string(connection.id()), RefusalsBeforeClose, RefusalWindowS);
    return {refusals.allowed ? Outcome::Refused : Outcome::Flooding, decision.retryAfterS};
}

} // namespace switchboard::core::realtime
