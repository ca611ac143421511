#include "core/limits/RateLimiter.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace switchboard::core::limits {

namespace {

// Below this many keys per shard, splitting would only make eviction choices coarser.
constexpr std::size_t kMinKeysPerShard = 1024;
constexpr std::size_t kMaxShards = 16;

std::int64_t ceilDiv(std::int64_t numerator, std::int64_t denominator) {
    return (numerator + denominator - 1) / denominator;
}

/// A bucket in integer units: one event costs `windowMs` units, `limit` units drain per millisecond, and the
/// bucket holds `limit * windowMs`. This keeps fractional refill rates exact; kMaxLimit and kMaxWindowS keep
/// the product within 64 bits.
struct Bucket {
    std::string key;
    std::int64_t used = 0;
    std::int64_t lastMs = 0;
    std::int64_t emptyAtMs = 0; // from then on the bucket is indistinguishable from a fresh one

    RateLimiter::Decision hit(std::int64_t limit, std::int64_t windowMs, std::int64_t nowMs) {
        // A clock that steps backwards drains nothing rather than refilling in reverse.
        const std::int64_t elapsedMs = std::clamp<std::int64_t>(nowMs - lastMs, 0, windowMs);
        used = std::max<std::int64_t>(0, used - elapsedMs * limit);
        lastMs = std::max(lastMs, nowMs);

        const std::int64_t excess = used + windowMs - limit * windowMs;
        RateLimiter::Decision decision{true, 0};
        if (excess <= 0) {
            used += windowMs;
        } else {
            const std::int64_t waitMs = ceilDiv(excess, limit);
            decision = {false, static_cast<int>(std::max<std::int64_t>(1, ceilDiv(waitMs, 1000)))};
        }
        emptyAtMs = lastMs + ceilDiv(used, limit);
        return decision;
    }
};

} // namespace

class RateLimiter::Shard {
public:
    explicit Shard(std::size_t capacity) : _capacity(capacity) {}

    Decision hit(std::string&& key, std::int64_t limit, std::int64_t windowMs, std::int64_t nowMs) {
        const std::lock_guard lock(_mutex);
        const auto found = _index.find(key);
        if (found != _index.end()) {
            _byRecency.splice(_byRecency.begin(), _byRecency, found->second);
            return found->second->hit(limit, windowMs, nowMs);
        }
        if (_byRecency.size() >= _capacity) makeRoom(nowMs);
        Bucket& bucket = _byRecency.emplace_front(Bucket{std::move(key), 0, nowMs, nowMs});
        _index.emplace(bucket.key, _byRecency.begin());
        return bucket.hit(limit, windowMs, nowMs);
    }

    std::size_t size() const {
        const std::lock_guard lock(_mutex);
        return _byRecency.size();
    }

private:
    /// Frees at least an eighth of the capacity, so the full pass here runs at most once per capacity/8
    /// insertions: constant amortised cost per hit.
    void makeRoom(std::int64_t nowMs) {
        const std::size_t target = _capacity - std::max<std::size_t>(1, _capacity / 8);
        for (auto it = _byRecency.begin(); it != _byRecency.end();) {
            it = it->emptyAtMs <= nowMs ? erase(it) : std::next(it);
        }
        while (_byRecency.size() > target) erase(std::prev(_byRecency.end()));
    }

    std::list<Bucket>::iterator erase(std::list<Bucket>::iterator it) {
        _index.erase(it->key); // before the node goes: the index key views its string
        return _byRecency.erase(it);
    }

    mutable std::mutex _mutex;
    const std::size_t _capacity;
    std::list<Bucket> _byRecency; // most recently hit first
    std::unordered_map<std::string_view, std::list<Bucket>::iterator> _index;
};

RateLimiter::RateLimiter(const common::Clock& clock, std::size_t maxKeys) : _clock(clock) {
    if (maxKeys == 0) throw std::invalid_argument("a rate limiter needs room for at least one key");
    const std::size_t shardCount = std::clamp<std::size_t>(maxKeys / kMinKeysPerShard, 1, kMaxShards);
    for (std::size_t i = 0; i < shardCount; ++i) {
        const std::size_t capacity = maxKeys / shardCount + (i < maxKeys % shardCount ? 1 : 0);
        _shards.push_back(std::make_unique<Shard>(capacity));
    }
}

RateLimiter::~RateLimiter() = default;

RateLimiter::Decision RateLimiter::hit(const std::string& key, int limit, int windowS) {
    if (limit <= 0) return {true, 0};
    if (limit > kMaxLimit) throw std::invalid_argument("rate limit above " + std::to_string(kMaxLimit));
    if (windowS < 1 || windowS > kMaxWindowS) throw std::invalid_argument("rate limit window out of range");

    std::string bucketKey = std::to_string(limit) + '/' + std::to_string(windowS) + ' ' + key;
    Shard& shard = *_shards[std::hash<std::string>{}(bucketKey) % _shards.size()];
    return shard.hit(std::move(bucketKey), limit, windowS * 1000LL, _clock.nowMs());
}

std::size_t RateLimiter::size() const {
    std::size_t total = 0;
    for (const auto& shard : _shards) total += shard->size();
    return total;
}

} // namespace switchboard::core::limits
