#pragma once

#include <Poco/Net/IPAddress.h>

#include <string>
#include <vector>

namespace switchboard::core::http {

/// Works out whose request it is, for rate limits, connection limits and logs: the peer's address, or, when the
/// peer is one of hub.yaml's `server.trusted_proxies`, the address that proxy appended to X-Forwarded-For.
class ClientAddress {
public:
    /// Addresses (`10.0.0.5`) or networks (`10.0.0.0/8`), as the configuration validated them.
    explicit ClientAddress(const std::vector<std::string>& trustedProxies);

    bool trusted(const std::string& peer) const;
    std::string of(const std::string& peer, const std::string& forwardedFor) const;

private:
    struct Network {
        Poco::Net::IPAddress address;
        unsigned prefix;
    };
    std::vector<Network> _proxies;
};

} // namespace switchboard::core::http
