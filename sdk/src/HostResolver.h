#pragma once

#include <string>
#include <vector>

namespace switchboard::sdk {

/// Resolves a host name with the system resolver (getaddrinfo).
class HostResolver {
public:
    /// Every IPv4 and IPv6 address `host` resolves to, each once, as inet_ntop writes it. Throws
    /// HttpError(Connect) when it does not resolve.
    static std::vector<std::string> resolve(const std::string& host);
};

} // namespace switchboard::sdk
