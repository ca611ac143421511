#pragma once

#include "core/common/Clock.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace switchboard::core::limits {

/// "At most N events per window per key" (requests per IP, logins per account, ...) in bounded memory.
/// Thread-safe; keys are spread over independently locked shards so concurrent requests rarely contend.
///
/// Each key is a token bucket holding `limit` events that refills continuously at `limit` per `windowS`: a
/// client may burst up to `limit` at once and is then held to the average rate, with no reset instant at a window
/// boundary to game, an exact time until the next allowed event, and O(1) state per key. (A sliding-window
/// counter would need two counters per key and only estimates that time.)
class RateLimiter {
public:
    struct Decision {
        bool allowed;
        int retryAfterS; ///< 0 when allowed; otherwise whole seconds (≥ 1) until the next event would be allowed.
    };

    static constexpr int kMaxLimit = 100'000'000;
    static constexpr int kMaxWindowS = 366 * 24 * 60 * 60;

    /// Tracks at most `maxKeys` keys (std::invalid_argument for 0). When full, it first forgets keys whose bucket
    /// has refilled completely (forgetting those changes no decision), then the least recently hit ones.
    explicit RateLimiter(const common::Clock& clock, std::size_t maxKeys = 100000);
    ~RateLimiter();

    RateLimiter(const RateLimiter&) = delete;
    RateLimiter& operator=(const RateLimiter&) = delete;

    /// Counts one event for `key` if it is within `limit` events per `windowS` seconds; a refused event is not
    /// counted. `limit <= 0` means unlimited. Buckets are kept per (key, limit, windowS), so two rules sharing a
    /// key do not disturb each other. Throws std::invalid_argument when a positive limit exceeds kMaxLimit or
    /// comes with a window outside 1..kMaxWindowS.
    Decision hit(const std::string& key, int limit, int windowS);

    /// Number of keys currently tracked.
    std::size_t size() const;

private:
    class Shard;

    const common::Clock& _clock;
    std::vector<std::unique_ptr<Shard>> _shards;
};

} // namespace switchboard::core::limits
