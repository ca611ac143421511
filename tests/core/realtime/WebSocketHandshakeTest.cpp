#include "core/realtime/WebSocketHandshake.h"

#include <gtest/gtest.h>

#include <string>

using switchboard::core::realtime::WebSocketHandshake;
using Headers = WebSocketHandshake::Headers;

namespace {

constexpr const char* kRfcKey = "dGhlIHNhbXBsZSBub25jZQ==";
constexpr const char* kRfcAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

Headers rfcRequestHeaders() {
    return {{"Host", "server.example.com"},
            {"Upgrade", "websocket"},
            {"Connection", "Upgrade"},
            {"Sec-WebSocket-Key", kRfcKey},
            {"Origin", "http://example.com"},
            {"Sec-WebSocket-Version", "13"}};
}

Headers without(Headers headers, const std::string& name) {
    headers.erase(name);
    return headers;
}

Headers with(Headers headers, const std::string& name, const std::string& value) {
    headers.erase(name);
    headers.emplace(name, value);
    return headers;
}

WebSocketHandshake::Answer evaluate(const Headers& headers) {
    return WebSocketHandshake::evaluate("GET", "HTTP/1.1", headers);
}

} // namespace

TEST(WebSocketHandshakeTest, ComputesTheAcceptKeyOfTheRfcExample) {
    EXPECT_EQ(WebSocketHandshake::acceptKey(kRfcKey), kRfcAccept);
}

TEST(WebSocketHandshakeTest, AcceptsTheRfcExampleRequest) {
    const auto answer = evaluate(rfcRequestHeaders());
    ASSERT_TRUE(answer.accepted()) << answer.reason;
    EXPECT_EQ(answer.status, 101);
    EXPECT_TRUE(answer.reason.empty());
    EXPECT_EQ(WebSocketHandshake::responseText(answer), "HTTP/1.1 101 Switching Protocols\r\n"
                                                        "Upgrade: websocket\r\n"
                                                        "Connection: Upgrade\r\n"
                                                        "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                                                        "\r\n");
}

TEST(WebSocketHandshakeTest, MatchesHeaderNamesAndTokensInAnyCase) {
    const Headers headers{{"upgrade", "WebSocket"},
                          {"CONNECTION", "keep-alive, UPGRADE"},
                          {"sec-websocket-key", kRfcKey},
                          {"sec-websocket-version", "13"}};
    EXPECT_TRUE(evaluate(headers).accepted());
}

TEST(WebSocketHandshakeTest, FindsUpgradeAmongConnectionTokensAndRepeatedHeaders) {
    EXPECT_TRUE(evaluate(with(rfcRequestHeaders(), "Connection", " keep-alive ,\tUpgrade ")).accepted());
    Headers repeated = without(rfcRequestHeaders(), "Connection");
    repeated.emplace("Connection", "keep-alive");
    repeated.emplace("Connection", "Upgrade");
    EXPECT_TRUE(evaluate(repeated).accepted());
}

TEST(WebSocketHandshakeTest, RefusesAConnectionHeaderWithoutTheUpgradeToken) {
    for (const char* value : {"keep-alive", "Upgraded", "upgrade-insecure", "keep-alive upgrade", ""}) {
        const auto answer = evaluate(with(rfcRequestHeaders(), "Connection", value));
        EXPECT_EQ(answer.status, 400) << value;
    }
    EXPECT_EQ(evaluate(without(rfcRequestHeaders(), "Connection")).status, 400);
}

TEST(WebSocketHandshakeTest, RefusesAMissingOrForeignUpgrade) {
    EXPECT_EQ(evaluate(without(rfcRequestHeaders(), "Upgrade")).status, 400);
    EXPECT_EQ(evaluate(with(rfcRequestHeaders(), "Upgrade", "h2c")).status, 400);
}

TEST(WebSocketHandshakeTest, RefusesMethodsOtherThanGet) {
    const auto answer = WebSocketHandshake::evaluate("POST", "HTTP/1.1", rfcRequestHeaders());
    EXPECT_EQ(answer.status, 405);
    EXPECT_EQ(answer.headers, (decltype(answer.headers){{"Allow", "GET"}}));
    EXPECT_EQ(WebSocketHandshake::evaluate("get", "HTTP/1.1", rfcRequestHeaders()).status, 405);
}

TEST(WebSocketHandshakeTest, RefusesHttpVersionsOtherThan11) {
    EXPECT_EQ(WebSocketHandshake::evaluate("GET", "HTTP/1.0", rfcRequestHeaders()).status, 400);
}

TEST(WebSocketHandshakeTest, AnswersAnotherProtocolVersionWith426NamingVersion13) {
    for (const Headers& headers : {with(rfcRequestHeaders(), "Sec-WebSocket-Version", "8"),
                                   with(rfcRequestHeaders(), "Sec-WebSocket-Version", "13, 8"),
                                   without(rfcRequestHeaders(), "Sec-WebSocket-Version")}) {
        const auto answer = evaluate(headers);
        EXPECT_EQ(answer.status, 426);
        EXPECT_EQ(answer.headers, (decltype(answer.headers){{"Sec-WebSocket-Version", "13"}}));
    }
    const std::string text =
        WebSocketHandshake::responseText(evaluate(without(rfcRequestHeaders(), "Sec-WebSocket-Version")));
    EXPECT_EQ(text.rfind("HTTP/1.1 426 Upgrade Required\r\n", 0), 0u) << text;
    EXPECT_NE(text.find("\r\nSec-WebSocket-Version: 13\r\n"), std::string::npos) << text;
}

TEST(WebSocketHandshakeTest, RefusesKeysThatAreNotBase64Of16Bytes) {
    for (const char* key : {"", "not base64 at all!!!!!!!", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZS4=",
                            "dGhlIHNhbXBsZSBub25j", "dGhlIHNhbXBsZSBub25jZR==", "dGhlIHNhbXBsZSBub25jZQ==QQ=="}) {
        EXPECT_EQ(evaluate(with(rfcRequestHeaders(), "Sec-WebSocket-Key", key)).status, 400) << key;
    }
    EXPECT_EQ(evaluate(without(rfcRequestHeaders(), "Sec-WebSocket-Key")).status, 400);
    Headers twoKeys = rfcRequestHeaders();
    twoKeys.emplace("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAA==");
    EXPECT_EQ(evaluate(twoKeys).status, 400);
}

TEST(WebSocketHandshakeTest, IgnoresWhitespaceAroundTheKey) {
    const auto answer = evaluate(with(rfcRequestHeaders(), "Sec-WebSocket-Key", std::string(" ") + kRfcKey + "\t"));
    ASSERT_TRUE(answer.accepted());
    EXPECT_NE(WebSocketHandshake::responseText(answer).find(kRfcAccept), std::string::npos);
}

TEST(WebSocketHandshakeTest, WordsARefusalAsACompleteResponse) {
    const auto answer = WebSocketHandshake::evaluate("GET", "HTTP/1.0", rfcRequestHeaders());
    EXPECT_EQ(WebSocketHandshake::responseText(answer), "HTTP/1.1 400 Bad Request\r\n"
                                                        "Content-Type: text/plain; charset=utf-8\r\n"
                                                        "Connection: close\r\n"
                                                        "Content-Length: " +
                                                            std::to_string(answer.reason.size()) + "\r\n\r\n" +
                                                            answer.reason);
}
