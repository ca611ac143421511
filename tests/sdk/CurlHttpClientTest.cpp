#include "LocalHttpServer.h"

#include "CurlHttpClient.h"

#include <Poco/Net/ServerSocket.h>

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

using switchboard::sdk::CurlHttpClient;
using switchboard::sdk::HttpError;
using switchboard::sdk::HttpRequest;
using switchboard::sdk::HttpResponse;
using switchboard::sdk::OutboundPolicy;
using switchboard::sdk::tests::LocalHttpServer;

namespace {

OutboundPolicy allowingLoopback() {
    OutboundPolicy policy;
    policy.allowedHosts = {"127.0.0.1"};
    return policy;
}

HttpRequest get(const std::string& url) {
    HttpRequest request;
    request.method = "GET";
    request.url = url;
    return request;
}

/// The kind of HttpError that sending `request` throws; fails the test when it answers instead.
HttpError::Kind errorKindOf(CurlHttpClient& client, const HttpRequest& request) {
    try {
        const HttpResponse response = client.send(request);
        ADD_FAILURE() << "got HTTP " << response.status << " instead of an error";
    } catch (const HttpError& error) {
        return error.kind();
    }
    return HttpError::Kind::Transfer;
}

/// A port on 127.0.0.1 that nothing listens on.
std::uint16_t closedPort() {
    const Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    return socket.address().port();
}

} // namespace

// One server for the suite: stopping a Poco server takes a quarter of a second.
class CurlHttpClientTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { _sharedServer = std::make_unique<LocalHttpServer>(); }
    static void TearDownTestSuite() { _sharedServer.reset(); }

    static inline std::unique_ptr<LocalHttpServer> _sharedServer;
    LocalHttpServer& _server = *_sharedServer;
};

TEST_F(CurlHttpClientTest, LoopbackIsRefusedUnlessAllowListed) {
    CurlHttpClient client{OutboundPolicy{}};
    EXPECT_EQ(errorKindOf(client, get(_server.url("/echo"))), HttpError::Kind::Refused);
    EXPECT_EQ(errorKindOf(client, get("http://[::1]:" + std::to_string(_server.port()) + "/echo")),
              HttpError::Kind::Refused);
}

TEST_F(CurlHttpClientTest, HostNameResolvingToLoopbackIsRefused) {
    CurlHttpClient client{OutboundPolicy{}};
    try {
        client.send(get("http://localhost:" + std::to_string(_server.port()) + "/echo?token=s3cret"));
        ADD_FAILURE() << "localhost was reached";
    } catch (const HttpError& error) {
        EXPECT_EQ(error.kind(), HttpError::Kind::Refused);
        EXPECT_NE(std::string(error.what()).find("localhost resolves to"), std::string::npos) << error.what();
        EXPECT_EQ(std::string(error.what()).find("s3cret"), std::string::npos);
    }
}

TEST_F(CurlHttpClientTest, AllowListedAddressIsReached) {
    CurlHttpClient client(allowingLoopback());
    const HttpResponse response = client.send(get(_server.url("/echo")));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.header("x-echo-method"), "GET");
    EXPECT_GE(response.elapsedMs, 0);
}

TEST_F(CurlHttpClientTest, AllowListedHostNameIsReached) {
    OutboundPolicy policy;
    policy.allowedHosts = {"localhost"};
    CurlHttpClient client(policy);
    EXPECT_EQ(client.send(get("http://localhost:" + std::to_string(_server.port()) + "/echo")).status, 200);
}

TEST_F(CurlHttpClientTest, MethodHeadersAndBodyAreSentAndTheAnswerCollected) {
    CurlHttpClient client(allowingLoopback());
    HttpRequest request;
    request.url = _server.url("/echo");
    request.headers = {{"X-Test", "hello"}, {"Content-Type", "application/json"}};
    request.body = R"({"event":"agent_handover_requested"})";
    const HttpResponse response = client.send(request);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.header("X-Echo-Method"), "POST");
    EXPECT_EQ(response.header("x-echo-test"), "hello");
    EXPECT_EQ(response.header("X-Echo-Content-Type"), "application/json");
    EXPECT_EQ(response.body, request.body);
    EXPECT_FALSE(response.truncated);
}

TEST_F(CurlHttpClientTest, TheNextRequestToTheSameServerReusesTheConnection) {
    CurlHttpClient client(allowingLoopback());
    const std::string first = client.send(get(_server.url("/peer"))).body;
    EXPECT_EQ(client.send(get(_server.url("/peer"))).body, first);
    CurlHttpClient other(allowingLoopback());
    EXPECT_EQ(other.send(get(_server.url("/peer"))).body, first);
}

TEST_F(CurlHttpClientTest, AKeptConnectionIsNotUsedForAClientThatRefusesItsAddress) {
    CurlHttpClient allowing(allowingLoopback());
    EXPECT_EQ(allowing.send(get(_server.url("/peer"))).status, 200);
    CurlHttpClient refusing{OutboundPolicy{}};
    EXPECT_EQ(errorKindOf(refusing, get(_server.url("/peer"))), HttpError::Kind::Refused);
}

TEST_F(CurlHttpClientTest, BodyWithoutContentTypeIsNotPassedOffAsAForm) {
    CurlHttpClient client(allowingLoopback());
    HttpRequest request;
    request.url = _server.url("/echo");
    request.body = "raw";
    EXPECT_EQ(client.send(request).header("X-Echo-Content-Type"), "(none)");
}

TEST_F(CurlHttpClientTest, OtherMethodsCarryTheirBody) {
    CurlHttpClient client(allowingLoopback());
    HttpRequest request;
    request.method = "PUT";
    request.url = _server.url("/echo");
    request.body = "replacement";
    const HttpResponse response = client.send(request);
    EXPECT_EQ(response.header("X-Echo-Method"), "PUT");
    EXPECT_EQ(response.body, "replacement");
}

TEST_F(CurlHttpClientTest, ErrorStatusesAreAnswersNotErrors) {
    CurlHttpClient client(allowingLoopback());
    const HttpResponse response = client.send(get(_server.url("/status/503")));
    EXPECT_EQ(response.status, 503);
    EXPECT_EQ(response.body, "status page");
}

TEST_F(CurlHttpClientTest, RedirectsAreReturnedNotFollowed) {
    CurlHttpClient client(allowingLoopback());
    const HttpResponse response = client.send(get(_server.url("/redirect")));
    EXPECT_EQ(response.status, 302);
    EXPECT_EQ(response.header("Location"), "/echo");
    EXPECT_EQ(response.header("X-Echo-Method"), std::nullopt);
}

TEST_F(CurlHttpClientTest, ResponseIsCutAtTheCap) {
    OutboundPolicy policy = allowingLoopback();
    policy.maxResponseBytes = 1000;
    CurlHttpClient client(policy);
    const HttpResponse response = client.send(get(_server.url("/big")));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, std::string(1000, 'x'));
    EXPECT_TRUE(response.truncated);
}

TEST_F(CurlHttpClientTest, ResponseUnderTheCapIsWhole) {
    OutboundPolicy policy = allowingLoopback();
    policy.maxResponseBytes = LocalHttpServer::BigBodyBytes;
    CurlHttpClient client(policy);
    const HttpResponse response = client.send(get(_server.url("/big")));
    EXPECT_EQ(response.body.size(), LocalHttpServer::BigBodyBytes);
    EXPECT_FALSE(response.truncated);
}

TEST_F(CurlHttpClientTest, SlowAnswerRunsIntoTheTotalTimeout) {
    OutboundPolicy policy = allowingLoopback();
    policy.totalTimeoutMs = 300;
    CurlHttpClient client(policy);
    EXPECT_EQ(errorKindOf(client, get(_server.url("/hang"))), HttpError::Kind::Timeout);
    _server.releaseHungRequests();
}

TEST_F(CurlHttpClientTest, ClosedPortIsAConnectError) {
    CurlHttpClient client(allowingLoopback());
    EXPECT_EQ(errorKindOf(client, get("http://127.0.0.1:" + std::to_string(closedPort()) + "/")),
              HttpError::Kind::Connect);
}

TEST_F(CurlHttpClientTest, UnresolvableNameIsAConnectError) {
    CurlHttpClient client{OutboundPolicy{}};
    EXPECT_EQ(errorKindOf(client, get("https://no-such-host.invalid/hook")), HttpError::Kind::Connect);
}

TEST_F(CurlHttpClientTest, OnlyHttpAndHttpsUrlsAreAccepted) {
    CurlHttpClient client(allowingLoopback());
    EXPECT_EQ(errorKindOf(client, get("ftp://127.0.0.1/file")), HttpError::Kind::Refused);
    EXPECT_EQ(errorKindOf(client, get("file:///etc/passwd")), HttpError::Kind::Refused);
    EXPECT_EQ(errorKindOf(client, get("not a url")), HttpError::Kind::Refused);
    EXPECT_EQ(errorKindOf(client, get("")), HttpError::Kind::Refused);
}

TEST_F(CurlHttpClientTest, LineBreaksInMethodOrHeadersAreRefused) {
    CurlHttpClient client(allowingLoopback());
    HttpRequest request = get(_server.url("/echo"));
    request.headers = {{"X-Test", "a\r\nX-Injected: yes"}};
    EXPECT_EQ(errorKindOf(client, request), HttpError::Kind::Refused);
    request.headers = {{"X-Test:", "a"}};
    EXPECT_EQ(errorKindOf(client, request), HttpError::Kind::Refused);
    request.headers.clear();
    request.method = "GET /other HTTP/1.1\r\n";
    EXPECT_EQ(errorKindOf(client, request), HttpError::Kind::Refused);
}

TEST_F(CurlHttpClientTest, CheckRefusesWhatSendWouldRefuseWithoutSendingAnything) {
    const CurlHttpClient client(allowingLoopback());
    const auto kindOf = [&](const std::string& url) -> std::optional<HttpError::Kind> {
        try {
            client.check(url);
            return std::nullopt;
        } catch (const HttpError& error) {
            return error.kind();
        }
    };
    EXPECT_EQ(kindOf("http://10.1.2.3/hook"), HttpError::Kind::Refused);
    EXPECT_EQ(kindOf("http://169.254.169.254/latest/meta-data"), HttpError::Kind::Refused);
    EXPECT_EQ(kindOf("http://[::1]:8080/"), HttpError::Kind::Refused);
    EXPECT_EQ(kindOf("ftp://127.0.0.1/file"), HttpError::Kind::Refused);
    EXPECT_EQ(kindOf("not a url"), HttpError::Kind::Refused);
    EXPECT_EQ(kindOf("https://no-such-host.invalid/hook"), HttpError::Kind::Connect);
    EXPECT_EQ(kindOf("http://127.0.0.1:" + std::to_string(closedPort()) + "/"), std::nullopt) << "allow-listed";
    EXPECT_EQ(kindOf("https://93.184.215.14/hook"), std::nullopt) << "public";
}
