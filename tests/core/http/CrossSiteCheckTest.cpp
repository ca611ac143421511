#include "core/common/ApiError.h"
#include "core/http/CrossSiteCheck.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

using namespace switchboard::core;

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

/// "admitted", or the code the check refuses with.
std::string outcome(const std::string& method, const Headers& headers) {
    http::HttpRequest request;
    request.method = method;
    request.path = "/api/agents";
    request.headers.add("Host", "127.0.0.1:8080");
    for (const auto& [name, value] : headers) request.headers.add(name, value);
    try {
        http::CrossSiteCheck::admitCookieRequest(request);
        return "admitted";
    } catch (const common::ApiError& error) {
        EXPECT_EQ(error.status(), 403);
        return error.code();
    }
}

TEST(CrossSiteCheckTest, AdmitsStateChangingRequestsFromTheHubsOwnOrigin) {
    EXPECT_EQ(outcome("POST", {{"Origin", "http://127.0.0.1:8080"}}), "admitted");
    EXPECT_EQ(outcome("DELETE", {{"Origin", "http://127.0.0.1:8080"}, {"Sec-Fetch-Site", "same-origin"}}), "admitted");
    EXPECT_EQ(outcome("PUT", {{"Sec-Fetch-Site", "same-origin"}}), "admitted");
    EXPECT_EQ(outcome("PATCH", {{"Sec-Fetch-Site", "none"}}), "admitted");
}

TEST(CrossSiteCheckTest, RefusesStateChangingRequestsFromAnyOtherPage) {
    // Another port of the same host is the same site, so a SameSite=Lax cookie goes with its forms.
    EXPECT_EQ(outcome("POST", {{"Origin", "http://127.0.0.1:9090"}}), "cross_site_request");
    EXPECT_EQ(outcome("POST", {{"Origin", "https://attacker.example"}}), "cross_site_request");
    EXPECT_EQ(outcome("POST", {{"Origin", "null"}}), "cross_site_request");
    EXPECT_EQ(outcome("DELETE", {{"Sec-Fetch-Site", "same-site"}}), "cross_site_request");
    EXPECT_EQ(outcome("PUT", {{"Sec-Fetch-Site", "cross-site"}}), "cross_site_request");
    // Origin decides when both are sent.
    EXPECT_EQ(outcome("POST", {{"Origin", "http://127.0.0.1:9090"}, {"Sec-Fetch-Site", "same-origin"}}),
              "cross_site_request");
}

TEST(CrossSiteCheckTest, AdmitsRequestsThatOnlyReadAndRequestsFromNoBrowserPage) {
    EXPECT_EQ(outcome("GET", {{"Origin", "https://attacker.example"}}), "admitted");
    EXPECT_EQ(outcome("HEAD", {{"Sec-Fetch-Site", "cross-site"}}), "admitted");
    EXPECT_EQ(outcome("OPTIONS", {{"Origin", "https://attacker.example"}}), "admitted");
    EXPECT_EQ(outcome("POST", {}), "admitted");
}

} // namespace
