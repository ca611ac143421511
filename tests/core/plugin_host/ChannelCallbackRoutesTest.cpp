#include "core/http/ChannelCallbackRoutes.h"
#include "core/http/HttpPipeline.h"
#include "core/plugin_host/HubHostServices.h"
#include "tests/core/plugin_host/StubHttpClient.h"
#include "tests/core/plugin_host/TestPlugins.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
using switchboard::tests::StubHttpClient;
using switchboard::tests::testPluginFolder;
namespace sdk = switchboard::sdk;

namespace {

class ChannelCallbackRoutesTest : public ::testing::Test {
protected:
    ChannelCallbackRoutesTest()
        : plugins([this](const config::ChannelInstanceConfig& instance) {
              return std::make_unique<plugin_host::HubHostServices>(
                  http, clock, instance.name, plugin_host::HubHostServices::Functions{});
          }, {}),
          routes(plugins, "https://chat.example.com"), pipeline(router, nullptr, nullptr) {
        routes.registerRoutes(router);
        plugins.loadPlugins(testPluginFolder("echo"));
        plugins.createInstances({{"sms", "echo", {{"greeting", "Hello"}}}});
    }

    http::HttpResponse call(const std::string& method, const std::string& path, const std::string& query = "") {
        http::HttpRequest request;
        request.method = method;
        request.path = path;
        request.target = path + (query.empty() ? "" : "?" + query);
        if (!query.empty()) request.query.emplace(query.substr(0, query.find('=')), query.substr(query.find('=') + 1));
        request.headers.add("X-Signature", "sig-123");
        request.body = "From=%2B447700900123&Body=Hi";
        return pipeline.handle(request);
    }

    StubHttpClient http;
    common::ManualClock clock;
    plugin_host::PluginHost plugins;
    http::ChannelCallbackRoutes routes;
    http::Router router;
    http::HttpPipeline pipeline;
};

} // namespace

TEST_F(ChannelCallbackRoutesTest, TheChannelGetsTheCallbackWholeAndItsAnswerIsSent) {
    const auto response = call("POST", "/api/channels/sms/inbound/reply", "token=abc");
    EXPECT_EQ(response.status, 202);
    EXPECT_EQ(response.contentType, "text/plain");
    EXPECT_EQ(response.body, "POST /reply https://chat.example.com/api/channels/sms/inbound/reply?token=abc token=abc; "
                             "sig-123 From=%2B447700900123&Body=Hi");
    EXPECT_EQ(call("GET", "/api/channels/sms/inbound").body.substr(0, 6), "GET / ");
}

TEST_F(ChannelCallbackRoutesTest, AnUnknownInstanceIsNotFound) {
    const auto response = call("POST", "/api/channels/fax/inbound/reply");
    EXPECT_EQ(response.status, 404);
    EXPECT_NE(response.body.find("not_found"), std::string::npos);
}
