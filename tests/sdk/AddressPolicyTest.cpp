#include "AddressPolicy.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using switchboard::sdk::AddressPolicy;

TEST(AddressPolicyTest, NonPublicIpv4RangesAreRefused) {
    const std::vector<std::string> addresses = {
        "0.0.0.0",         "0.255.255.255",   // "this network"
        "10.0.0.1",        "10.255.255.255",  // private
        "100.64.0.1",      "100.127.255.255", // carrier-grade NAT
        "127.0.0.1",       "127.255.255.254", // loopback
        "169.254.0.1",     "169.254.169.254", // link-local, metadata services
        "172.16.0.1",      "172.31.255.255",  // private
        "192.0.0.1",       "192.0.0.255",     // IETF protocol assignments
        "192.0.2.1",       "198.51.100.7",    "203.0.113.200", // documentation
        "192.88.99.1",                        // 6to4 relay anycast
        "192.168.0.1",     "192.168.255.255", // private
        "198.18.0.1",      "198.19.255.255",  // benchmarking
        "224.0.0.1",       "239.255.255.250", // multicast
        "240.0.0.1",       "255.255.255.255", // reserved, broadcast
    };
    for (const auto& address : addresses) EXPECT_FALSE(AddressPolicy::isPublic(address)) << address;
}

TEST(AddressPolicyTest, PublicIpv4AddressesAreAllowed) {
    const std::vector<std::string> addresses = {
        "1.1.1.1",       "8.8.8.8",        "93.184.216.34",   "9.255.255.255", "11.0.0.0",
        "100.63.255.255", "100.128.0.0",   "126.255.255.255", "128.0.0.1",     "169.253.255.255",
        "169.255.0.0",   "172.15.255.255", "172.32.0.0",      "192.0.1.0",     "192.167.255.255",
        "192.169.0.0",   "198.17.255.255", "198.20.0.0",      "223.255.255.255",
    };
    for (const auto& address : addresses) EXPECT_TRUE(AddressPolicy::isPublic(address)) << address;
}

TEST(AddressPolicyTest, NonPublicIpv6RangesAreRefused) {
    const std::vector<std::string> addresses = {
        "::",                     // unspecified
        "::1",                    // loopback
        "::8.8.8.8",              // deprecated IPv4-compatible
        "::ffff:127.0.0.1",       // IPv4-mapped loopback
        "::ffff:10.1.2.3",        // IPv4-mapped private
        "::ffff:169.254.169.254", // IPv4-mapped link-local
        "64:ff9b::a00:1",         // NAT64 of 10.0.0.1
        "64:ff9b::7f00:1",        // NAT64 of 127.0.0.1
        "64:ff9b:1::1",           // local-use NAT64
        "100::1",                 // discard-only
        "2001::1",                // Teredo
        "2001:2::1",              // benchmarking
        "2001:db8::1",            // documentation
        "3fff::1",                // documentation
        "2002:7f00:1::1",         // 6to4 of 127.0.0.1
        "2002:c0a8:101::1",       // 6to4 of 192.168.1.1
        "5f00::1",                // segment routing
        "fc00::1",                // unique-local
        "fd12:3456:789a::1",      // unique-local
        "fe80::1",                // link-local
        "febf:ffff::1",           // link-local
        "fec0::1",                // deprecated site-local
        "ff02::1",                // multicast
        "ff0e::1",                // multicast, global scope
    };
    for (const auto& address : addresses) EXPECT_FALSE(AddressPolicy::isPublic(address)) << address;
}

TEST(AddressPolicyTest, PublicIpv6AddressesAreAllowed) {
    const std::vector<std::string> addresses = {
        "2606:4700:4700::1111", // a public resolver
        "2a00:1450:4001::1",
        "2001:200::1",          // just past 2001::/23
        "2001:db9::1",          // just past the documentation prefix
        "3ffe::1",              // just below 3fff::/20
        "::ffff:8.8.8.8",       // IPv4-mapped public
        "64:ff9b::808:808",     // NAT64 of 8.8.8.8
        "2002:808:808::1",      // 6to4 of 8.8.8.8
        "[2606:4700:4700::1111]",
    };
    for (const auto& address : addresses) EXPECT_TRUE(AddressPolicy::isPublic(address)) << address;
}

TEST(AddressPolicyTest, WhatIsNotAnIpLiteralIsNotPublic) {
    EXPECT_FALSE(AddressPolicy::isPublic("example.com"));
    EXPECT_FALSE(AddressPolicy::isPublic(""));
    EXPECT_FALSE(AddressPolicy::isPublic("8.8.8"));
    EXPECT_FALSE(AddressPolicy::isPublic("8.8.8.8.8"));
    EXPECT_FALSE(AddressPolicy::isPublic("[8.8.8.8"));
}

TEST(AddressPolicyTest, CanonicalFormDropsBracketsAndNormalises) {
    EXPECT_EQ(AddressPolicy::canonical("[0:0:0:0:0:0:0:1]"), "::1");
    EXPECT_EQ(AddressPolicy::canonical("2001:DB8:0::1"), "2001:db8::1");
    EXPECT_EQ(AddressPolicy::canonical("127.0.0.1"), "127.0.0.1");
    EXPECT_EQ(AddressPolicy::canonical("localhost"), std::nullopt);
}

TEST(AddressPolicyTest, PublicAddressesArePermittedWithoutAnAllowList) {
    const AddressPolicy policy({});
    EXPECT_TRUE(policy.permits("crm.example.com", "93.184.216.34"));
    EXPECT_FALSE(policy.permits("crm.example.com", "10.0.0.5"));
    EXPECT_FALSE(policy.permits("127.0.0.1", "127.0.0.1"));
}

TEST(AddressPolicyTest, AllowListedAddressIsPermittedWhateverTheHostName) {
    const AddressPolicy policy({"127.0.0.1", "[::1]"});
    EXPECT_TRUE(policy.permits("127.0.0.1", "127.0.0.1"));
    EXPECT_TRUE(policy.permits("localhost", "127.0.0.1"));
    EXPECT_TRUE(policy.permits("[0:0::1]", "::1"));
    EXPECT_FALSE(policy.permits("localhost", "127.0.0.2"));
    EXPECT_FALSE(policy.permits("10.0.0.1", "10.0.0.1"));
}

TEST(AddressPolicyTest, AllowListedHostNameIsPermittedWhateverItResolvesTo) {
    const AddressPolicy policy({"Intranet.Example"});
    EXPECT_TRUE(policy.permits("intranet.example", "10.1.2.3"));
    EXPECT_TRUE(policy.permits("INTRANET.EXAMPLE", "fd00::7"));
    EXPECT_FALSE(policy.permits("other.example", "10.1.2.3"));
    EXPECT_FALSE(policy.permits("intranet.example.evil", "10.1.2.3"));
}
