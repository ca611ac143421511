#pragma once

#include "core/config/HubConfig.h"
#include "core/limits/RateLimiter.h"
#include "core/realtime/Connection.h"

namespace switchboard::core::realtime {

/// Counts a visitor socket's events against the per-address limit of the public REST API (hub.yaml
/// `rate_limits.requests_per_ip_per_minute`, the same bucket as the widget endpoints), and tells a socket that keeps
/// sending once refused, to be closed.
///
/// The address is the one the REST API saw for the visitor (behind a trusted proxy, the forwarded one). Agent
/// sockets are signed-in staff and, as over REST, are not limited by address.
class SocketRequestLimit {
public:
    /// Refused events a socket may send within `RefusalWindowS` before it is closed as flooding.
    static constexpr int RefusalsBeforeClose = 20;
    static constexpr int RefusalWindowS = 10;

    SocketRequestLimit(limits::RateLimiter& limiter, config::PublicRateLimits limits)
        : _limiter(limiter), _limits(limits) {}

    enum class Outcome { Allowed, Refused, Flooding };
    struct Decision {
        Outcome outcome;
        int retryAfterS; ///< When refused: whole seconds until the address may send again.
    };
    /// Counts one event of the signed-in socket.
    Decision admit(const Connection& connection) const;

private:
    limits::RateLimiter& _limiter;
    const config::PublicRateLimits _limits;
};

} // namespace switchboard::core::realtime
