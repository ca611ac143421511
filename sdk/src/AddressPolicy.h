#pragma once

#include <optional>
#include <string>
#include <vector>

namespace switchboard::sdk {

/// Which IP addresses outgoing requests may reach: public unicast addresses, and whatever the operator allow-lists.
///
/// Non-public means loopback, private, carrier-grade NAT, link-local, unique-local, multicast, broadcast,
/// unspecified, documentation, benchmarking and reserved ranges, for IPv4 and IPv6, including an IPv4 address
/// wrapped in IPv6 (mapped, NAT64, 6to4); in IPv6 only 2000::/3 is global at all, so the deprecated
/// IPv4-compatible ::/96 is refused whole.
class AddressPolicy {
public:
    /// `allowedHosts`: host names (compared ignoring case) and IP literals (compared as addresses, so "::1" and
    /// "[0:0::1]" are the same entry).
    explicit AddressPolicy(const std::vector<std::string>& allowedHosts);

    /// Whether `address`, an IPv4 or IPv6 literal (brackets allowed), is public; false for anything else.
    static bool isPublic(const std::string& address);
    /// `address` as inet_ntop writes it, without brackets; nullopt when it is not an IP literal.
    static std::optional<std::string> canonical(const std::string& address);

    /// Whether a connection may go to `address`, which is what `host` (a URL's host name or IP literal) resolved to.
    bool permits(const std::string& host, const std::string& address) const;

private:
    bool isAllowListed(const std::string& hostOrAddress) const;

    std::vector<std::string> _allowed;
};

} // namespace switchboard::sdk
