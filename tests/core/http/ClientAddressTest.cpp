#include "core/http/ClientAddress.h"

#include <gtest/gtest.h>

using switchboard::core::http::ClientAddress;

TEST(ClientAddressTest, WithoutTrustedProxiesThePeerIsTheClient) {
    const ClientAddress addresses({});
    EXPECT_EQ(addresses.of("203.0.113.9", "198.51.100.1"), "203.0.113.9");
    EXPECT_FALSE(addresses.trusted("127.0.0.1"));
}

TEST(ClientAddressTest, ATrustedProxyNamesTheClientInItsRightMostEntry) {
    const ClientAddress addresses({"127.0.0.1"});
    EXPECT_EQ(addresses.of("127.0.0.1", "6.6.6.6, 198.51.100.1"), "198.51.100.1");
    EXPECT_EQ(addresses.of("127.0.0.1", " 198.51.100.1 "), "198.51.100.1");
    EXPECT_EQ(addresses.of("127.0.0.1", ""), "127.0.0.1");
    EXPECT_EQ(addresses.of("127.0.0.2", "198.51.100.1"), "127.0.0.2");
}

TEST(ClientAddressTest, ProxiesMayBeWholeNetworksOfEitherFamily) {
    const ClientAddress addresses({"10.0.0.0/8", "fd00::/8"});
    EXPECT_TRUE(addresses.trusted("10.20.30.40"));
    EXPECT_FALSE(addresses.trusted("11.0.0.1"));
    EXPECT_TRUE(addresses.trusted("fd12::1"));
    EXPECT_FALSE(addresses.trusted("fe80::1"));
    EXPECT_FALSE(addresses.trusted("not an address"));
    EXPECT_EQ(addresses.of("10.1.1.1", "198.51.100.7"), "198.51.100.7");
}
