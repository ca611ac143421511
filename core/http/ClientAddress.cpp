#include "core/http/ClientAddress.h"

#include <Poco/String.h>

namespace switchboard::core::http {

ClientAddress::ClientAddress(const std::vector<std::string>& trustedProxies) {
    for (const auto& entry : trustedProxies) {
        const auto slash = entry.find('/');
        auto address = Poco::Net::IPAddress::parse(entry.substr(0, slash));
        const unsigned bits = address.family() == Poco::Net::IPAddress::IPv4 ? 32 : 128;
        const unsigned prefix =
            slash == std::string::npos ? bits : static_cast<unsigned>(std::stoul(entry.substr(slash + 1)));
        _proxies.push_back({address, prefix});
    }
}

bool ClientAddress::trusted(const std::string& peer) const {
    Poco::Net::IPAddress address;
    if (_proxies.empty() || !Poco::Net::IPAddress::tryParse(peer, address)) return false;
    for (const auto& proxy : _proxies) {
        if (proxy.address.family() != address.family()) continue;
        const Poco::Net::IPAddress mask(proxy.prefix, address.family());
        if ((address & mask) == (proxy.address & mask)) return true;
    }
    return false;
}

std::string ClientAddress::of(const std::string& peer, const std::string& forwardedFor) const {
    if (forwardedFor.empty() || !trusted(peer)) return peer;
    // The right-most entry is the one our trusted proxy added; what stands before it, the client could write.
    const auto comma = forwardedFor.rfind(',');
    const auto client = Poco::trim(comma == std::string::npos ? forwardedFor : forwardedFor.substr(comma + 1));
    return client.empty() ? peer : client;
}

} // namespace switchboard::core::http
