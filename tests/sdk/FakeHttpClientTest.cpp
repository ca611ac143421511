#include "switchboard/sdk/testing/FakeHttpClient.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <thread>
#include <vector>

using switchboard::sdk::HttpError;
using switchboard::sdk::HttpRequest;
using switchboard::sdk::testing::FakeHttpClient;

namespace {

HttpRequest post(const std::string& url, const std::string& body) {
    HttpRequest request;
    request.url = url;
    request.body = body;
    return request;
}

} // namespace

TEST(FakeHttpClientTest, AnswersInScriptedOrder) {
    FakeHttpClient http;
    http.respond(503, "busy", {{"Retry-After", "5"}});
    http.fail(HttpError::Kind::Timeout, "too slow");
    http.respond(200, "ok");

    const auto first = http.send(post("https://crm.example/a", "1"));
    EXPECT_EQ(first.status, 503);
    EXPECT_EQ(first.body, "busy");
    EXPECT_EQ(first.header("retry-after"), "5");
    try {
        http.send(post("https://crm.example/b", "2"));
        ADD_FAILURE() << "the scripted error was not thrown";
    } catch (const HttpError& error) {
        EXPECT_EQ(error.kind(), HttpError::Kind::Timeout);
        EXPECT_STREQ(error.what(), "too slow");
    }
    EXPECT_EQ(http.send(post("https://crm.example/c", "3")).status, 200);
    EXPECT_EQ(http.remainingAnswers(), 0u);
}

TEST(FakeHttpClientTest, RecordsEveryRequest) {
    FakeHttpClient http;
    http.respond(200);
    http.fail(HttpError::Kind::Connect, "down");
    http.send(post("https://crm.example/a", "first"));
    EXPECT_THROW(http.send(post("https://crm.example/b", "second")), HttpError);

    const auto requests = http.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].url, "https://crm.example/a");
    EXPECT_EQ(requests[0].body, "first");
    EXPECT_EQ(requests[1].url, "https://crm.example/b");
}

TEST(FakeHttpClientTest, EmptyScriptIsATestMistake) {
    FakeHttpClient http;
    EXPECT_THROW(http.send(post("https://crm.example/a", "")), std::logic_error);
    EXPECT_EQ(http.requestCount(), 1u);
}

TEST(FakeHttpClientTest, SendsFromManyThreadsUseEachAnswerOnce) {
    FakeHttpClient http;
    constexpr int Requests = 64;
    for (int i = 0; i < Requests; ++i) http.respond(200 + i);
    std::vector<std::thread> threads;
    std::vector<int> statuses(Requests);
    for (int i = 0; i < Requests; ++i) {
        threads.emplace_back([&, i] { statuses[i] = http.send(post("https://crm.example/", "")).status; });
    }
    for (auto& thread : threads) thread.join();
    std::sort(statuses.begin(), statuses.end());
    for (int i = 0; i < Requests; ++i) EXPECT_EQ(statuses[i], 200 + i);
    EXPECT_EQ(http.requestCount(), static_cast<std::size_t>(Requests));
}
