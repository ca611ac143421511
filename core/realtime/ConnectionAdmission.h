#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

namespace switchboard::core::realtime {

/// Counts the open client connections of every loop, in all and per client address, so that neither a flood of
/// sockets nor one address holding many can use up the hub's file descriptors (hub.yaml `server.max_connections`
/// and `server.max_connections_per_ip`). Thread-safe: each loop asks at accept and tells when a socket goes.
class ConnectionAdmission {
public:
    /// `exempt` addresses (trusted proxies, which carry many clients) count only towards the total.
    ConnectionAdmission(std::size_t maxTotal, std::size_t maxPerAddress,
                        std::function<bool(const std::string&)> exempt);

    enum class Verdict { Admitted, TooManyInAll, TooManyFromAddress };
    /// Counts the connection in when it fits; a refused one is not counted and must not be released.
    Verdict admit(const std::string& address);
    void release(const std::string& address);
    std::size_t open() const;

private:
    const std::size_t _maxTotal;
    const std::size_t _maxPerAddress;
    const std::function<bool(const std::string&)> _exempt;
    mutable std::mutex _mutex;
    std::size_t _total = 0;
    std::unordered_map<std::string, std::size_t> _perAddress;
};

} // namespace switchboard::core::realtime
