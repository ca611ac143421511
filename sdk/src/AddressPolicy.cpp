#include "AddressPolicy.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace switchboard::sdk {

namespace {

template <std::size_t N>
struct Prefix {
    std::array<std::uint8_t, N> network;
    int bits;

    bool contains(const std::uint8_t* address) const {
        for (int bit = 0; bit < bits; ++bit) {
            const int mask = 0x80 >> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
        }
        return true;
    }
};

using Prefix4 = Prefix<4>;
using Prefix6 = Prefix<16>;

constexpr std::array<Prefix4, 15> NonPublic4 = {{
    {{0, 0, 0, 0}, 8},        // "this network"
    {{10, 0, 0, 0}, 8},       // private
    {{100, 64, 0, 0}, 10},    // carrier-grade NAT
    {{127, 0, 0, 0}, 8},      // loopback
    {{169, 254, 0, 0}, 16},   // link-local, cloud metadata services
    {{172, 16, 0, 0}, 12},    // private
    {{192, 0, 0, 0}, 24},     // IETF protocol assignments
    {{192, 0, 2, 0}, 24},     // documentation (TEST-NET-1)
    {{192, 88, 99, 0}, 24},   // 6to4 relay anycast
    {{192, 168, 0, 0}, 16},   // private
    {{198, 18, 0, 0}, 15},    // benchmarking
    {{198, 51, 100, 0}, 24},  // documentation (TEST-NET-2)
    {{203, 0, 113, 0}, 24},   // documentation (TEST-NET-3)
    {{224, 0, 0, 0}, 4},      // multicast
    {{240, 0, 0, 0}, 4},      // reserved, and the broadcast address 255.255.255.255
}};

// Prefixes whose last 32 bits are an IPv4 address that a connection would end up at.
constexpr Prefix6 Ipv4Mapped = {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}, 96};
constexpr Prefix6 Nat64 = {{0x00, 0x64, 0xff, 0x9b}, 96};
// 6to4 carries the IPv4 address in bits 16 to 47.
constexpr Prefix6 SixToFour = {{0x20, 0x02}, 16};

constexpr Prefix6 GlobalUnicast = {{0x20}, 3};
constexpr std::array<Prefix6, 3> NonPublicInGlobal6 = {{
    {{0x20, 0x01, 0x00, 0x00}, 23},  // IETF protocol assignments, Teredo among them
    {{0x20, 0x01, 0x0d, 0xb8}, 32},  // documentation
    {{0x3f, 0xff}, 20},              // documentation
}};

struct IpAddress {
    bool isV6 = false;
    std::array<std::uint8_t, 16> bytes{};
};

std::optional<IpAddress> parse(std::string_view text) {
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
    const std::string literal(text);
    IpAddress address;
    if (inet_pton(AF_INET, literal.c_str(), address.bytes.data()) == 1) return address;
    address.isV6 = true;
    if (inet_pton(AF_INET6, literal.c_str(), address.bytes.data()) == 1) return address;
    return std::nullopt;
}

bool isPublic4(const std::uint8_t* address) {
    return std::ranges::none_of(NonPublic4, [&](const Prefix4& prefix) { return prefix.contains(address); });
}

bool isPublic6(const std::uint8_t* address) {
    if (Ipv4Mapped.contains(address) || Nat64.contains(address)) {
        return isPublic4(address + 12);
    }
    if (SixToFour.contains(address)) return isPublic4(address + 2);
    if (!GlobalUnicast.contains(address)) return false;
    return std::ranges::none_of(NonPublicInGlobal6, [&](const Prefix6& prefix) { return prefix.contains(address); });
}

std::string lowercase(std::string text) {
    std::ranges::transform(text, text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// The form an allow-list entry and a host are compared in.
std::string comparable(const std::string& hostOrAddress) {
    return AddressPolicy::canonical(hostOrAddress).value_or(lowercase(hostOrAddress));
}

} // namespace

AddressPolicy::AddressPolicy(const std::vector<std::string>& allowedHosts) {
    std::ranges::transform(allowedHosts, std::back_inserter(_allowed), comparable);
}

bool AddressPolicy::isPublic(const std::string& address) {
    const auto parsed = parse(address);
    if (!parsed) return false;
    return parsed->isV6 ? isPublic6(parsed->bytes.data()) : isPublic4(parsed->bytes.data());
}

std::optional<std::string> AddressPolicy::canonical(const std::string& address) {
    const auto parsed = parse(address);
    if (!parsed) return std::nullopt;
    std::array<char, INET6_ADDRSTRLEN> text{};
    inet_ntop(parsed->isV6 ? AF_INET6 : AF_INET, parsed->bytes.data(), text.data(), text.size());
    return std::string(text.data());
}

bool AddressPolicy::permits(const std::string& host, const std::string& address) const {
    return isPublic(address) || isAllowListed(host) || isAllowListed(address);
}

bool AddressPolicy::isAllowListed(const std::string& hostOrAddress) const {
    return std::ranges::find(_allowed, comparable(hostOrAddress)) != _allowed.end();
}

} // namespace switchboard::sdk
