#include "switchboard/sdk/Webhook.h"

#include <gtest/gtest.h>

#include <string>

using switchboard::sdk::DeliveryResult;
using switchboard::sdk::Headers;
using switchboard::sdk::HttpError;
using switchboard::sdk::HttpResponse;
using switchboard::sdk::resultOfHttpAnswer;
using switchboard::sdk::resultOfHttpError;
using Outcome = switchboard::sdk::DeliveryResult::Outcome;

namespace {

constexpr std::int64_t NowMs = 1'445'412'480'000; // Wed, 21 Oct 2015 07:28:00 GMT

HttpResponse answer(int status, Headers headers = {}, std::string body = {}) {
    HttpResponse response;
    response.status = status;
    response.headers = std::move(headers);
    response.body = std::move(body);
    return response;
}

DeliveryResult classify(int status, Headers headers = {}) {
    return resultOfHttpAnswer(answer(status, std::move(headers)), NowMs, "crm.example.com");
}

} // namespace

TEST(HttpOutcomeTest, TwoHundredsAreDelivered) {
    for (const int status : {200, 201, 202, 204, 299}) {
        const DeliveryResult result = classify(status);
        EXPECT_EQ(result.outcome, Outcome::Delivered) << status;
        EXPECT_EQ(result.statusCode, status);
    }
    EXPECT_EQ(classify(200).detail, "HTTP 200 from crm.example.com");
}

TEST(HttpOutcomeTest, TimeoutTooEarlyTooManyAndServerErrorsAreRetried) {
    for (const int status : {408, 425, 429, 500, 502, 503, 504, 599}) {
        EXPECT_EQ(classify(status).outcome, Outcome::Retry) << status;
    }
    EXPECT_EQ(classify(503).detail, "HTTP 503 from crm.example.com");
    EXPECT_EQ(classify(503).retryAfterMs, std::nullopt);
}

TEST(HttpOutcomeTest, RetryAfterInSecondsIsHonoured) {
    EXPECT_EQ(classify(429, {{"retry-after", "120"}}).retryAfterMs, 120'000);
    EXPECT_EQ(classify(503, {{"Retry-After", "5"}}).retryAfterMs, 5'000);
}

TEST(HttpOutcomeTest, RetryAfterAsADateIsHonoured) {
    EXPECT_EQ(classify(503, {{"Retry-After", "Wed, 21 Oct 2015 07:30:00 GMT"}}).retryAfterMs, 120'000);
}

TEST(HttpOutcomeTest, MalformedRetryAfterLeavesTheBackoffToTheHost) {
    const DeliveryResult result = classify(503, {{"Retry-After", "later"}});
    EXPECT_EQ(result.outcome, Outcome::Retry);
    EXPECT_EQ(result.retryAfterMs, std::nullopt);
}

TEST(HttpOutcomeTest, GoneFailsForGood) {
    const DeliveryResult result = classify(410, {{"Retry-After", "5"}});
    EXPECT_EQ(result.outcome, Outcome::Failed);
    EXPECT_EQ(result.detail, "HTTP 410 from crm.example.com: the endpoint is gone");
    EXPECT_EQ(result.retryAfterMs, std::nullopt);
}

TEST(HttpOutcomeTest, RedirectsFail) {
    for (const int status : {301, 302, 303, 307, 308}) {
        const DeliveryResult result = classify(status, {{"Location", "https://elsewhere.example/"}});
        EXPECT_EQ(result.outcome, Outcome::Failed) << status;
        EXPECT_NE(result.detail.find("redirects are not followed"), std::string::npos);
    }
}

TEST(HttpOutcomeTest, OtherClientErrorsFail) {
    for (const int status : {400, 401, 403, 404, 405, 413, 422, 499}) {
        EXPECT_EQ(classify(status).outcome, Outcome::Failed) << status;
    }
}

TEST(HttpOutcomeTest, ExcerptIsTheFirst512BytesOfTheBody) {
    const std::string body = std::string(512, 'a') + "tail";
    EXPECT_EQ(resultOfHttpAnswer(answer(500, {}, body), NowMs, "crm.example.com").responseExcerpt,
              std::string(512, 'a'));
    EXPECT_EQ(resultOfHttpAnswer(answer(400, {}, "bad field"), NowMs, "crm.example.com").responseExcerpt,
              "bad field");
}

TEST(HttpOutcomeTest, DetailNamesOnlyTheHostOfAUrl) {
    const auto detailFor = [](const std::string& destination) {
        return resultOfHttpAnswer(answer(503), NowMs, destination).detail;
    };
    EXPECT_EQ(detailFor("https://user:pa55@crm.example.com:8443/hooks/chat?token=s3cret#frag"),
              "HTTP 503 from crm.example.com");
    EXPECT_EQ(detailFor("http://crm.example.com?token=s3cret"), "HTTP 503 from crm.example.com");
    EXPECT_EQ(detailFor("https://[2001:db8::1]:8443/x"), "HTTP 503 from [2001:db8::1]");
}

TEST(HttpOutcomeTest, RefusedRequestsFail) {
    const DeliveryResult result =
        resultOfHttpError(HttpError(HttpError::Kind::Refused, "not public"), "https://10.0.0.1/hook?key=s3cret");
    EXPECT_EQ(result.outcome, Outcome::Failed);
    EXPECT_EQ(result.detail, "request to 10.0.0.1 refused: not public");
    EXPECT_EQ(result.statusCode, std::nullopt);
}

TEST(HttpOutcomeTest, ConnectTimeoutAndTransferErrorsAreRetried) {
    const auto outcomeOf = [](HttpError::Kind kind) {
        return resultOfHttpError(HttpError(kind, "reason"), "crm.example.com");
    };
    EXPECT_EQ(outcomeOf(HttpError::Kind::Connect).outcome, Outcome::Retry);
    EXPECT_EQ(outcomeOf(HttpError::Kind::Timeout).outcome, Outcome::Retry);
    EXPECT_EQ(outcomeOf(HttpError::Kind::Transfer).outcome, Outcome::Retry);
    EXPECT_EQ(outcomeOf(HttpError::Kind::Timeout).detail, "timed out calling crm.example.com: reason");
    EXPECT_EQ(outcomeOf(HttpError::Kind::Connect).detail, "could not connect to crm.example.com: reason");
}
