#include "core/http/SocketUpgrade.h"

#include <gtest/gtest.h>

using switchboard::core::http::HttpRequest;
using switchboard::core::http::SocketUpgrade;

namespace {

HttpRequest upgradeRequest(const std::string& transport = "websocket") {
    HttpRequest request;
    request.method = "GET";
    request.path = "/socket.io/";
    request.query = {{"EIO", "4"}, {"transport", transport}};
    request.headers.add("Host", "hub.example:8080");
    request.headers.add("Upgrade", "websocket");
    request.headers.add("Connection", "Upgrade");
    request.headers.add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
    request.headers.add("Sec-WebSocket-Version", "13");
    return request;
}

} // namespace

TEST(SocketUpgradeTest, AcceptsAWebSocketUpgradeWithTheRfcAnswer) {
    const auto outcome = SocketUpgrade::evaluate(upgradeRequest(), 1, true);
    ASSERT_FALSE(outcome.refusal);
    EXPECT_EQ(outcome.answer.rfind("HTTP/1.1 101 Switching Protocols\r\n", 0), 0u);
    EXPECT_NE(outcome.answer.find("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), std::string::npos);
    EXPECT_TRUE(outcome.origin.empty());
}

TEST(SocketUpgradeTest, RefusesWhileTheHubIsStarting) {
    const auto outcome = SocketUpgrade::evaluate(upgradeRequest(), 1, false);
    ASSERT_TRUE(outcome.refusal);
    EXPECT_EQ(outcome.refusal->status(), 503);
}

TEST(SocketUpgradeTest, RefusesOtherTransportsAndVersions) {
    auto outcome = SocketUpgrade::evaluate(upgradeRequest("flashsocket"), 1, true);
    ASSERT_TRUE(outcome.refusal);
    EXPECT_EQ(outcome.refusal->code(), "unsupported_transport");

    auto old = upgradeRequest();
    old.query["EIO"] = "3";
    outcome = SocketUpgrade::evaluate(old, 1, true);
    ASSERT_TRUE(outcome.refusal);
    EXPECT_EQ(outcome.refusal->status(), 400);
}

TEST(SocketUpgradeTest, RefusesABrokenHandshakeWithWhatTheRfcAsks) {
    auto request = upgradeRequest();
    request.headers.set("Sec-WebSocket-Version", "8");
    auto outcome = SocketUpgrade::evaluate(request, 1, true);
    ASSERT_TRUE(outcome.refusal);
    EXPECT_EQ(outcome.refusal->status(), 426);
    EXPECT_EQ(outcome.refusal->code(), "upgrade_refused");
    ASSERT_FALSE(outcome.refusalHeaders.empty());

    outcome = SocketUpgrade::evaluate(upgradeRequest(), 0, true);
    ASSERT_TRUE(outcome.refusal) << "HTTP/1.0 cannot upgrade";
}

TEST(SocketUpgradeTest, ThePortalCookieCountsOnlyFromTheHubsOwnPages) {
    auto own = upgradeRequest();
    own.headers.add("Origin", "http://hub.example:8080");
    own.headers.add("Cookie", "sb_session=own-token");
    auto outcome = SocketUpgrade::evaluate(own, 1, true);
    EXPECT_TRUE(outcome.origin.empty());
    EXPECT_EQ(outcome.sessionToken.value_or(""), "own-token");

    auto foreign = upgradeRequest();
    foreign.headers.add("Origin", "https://evil.example");
    foreign.headers.add("Cookie", "sb_session=stolen-ride");
    outcome = SocketUpgrade::evaluate(foreign, 1, true);
    EXPECT_EQ(outcome.origin, "https://evil.example");
    EXPECT_FALSE(outcome.sessionToken) << "another site's page must not ride on the portal's cookie";
}
