#include "core/plugin_wire/DeliveryResultWire.h"

#include "tests/support/PluginWireSamples.h"

#include <gtest/gtest.h>

using switchboard::core::plugin_wire::DeliveryResultWire;
using switchboard::core::plugin_wire::WireError;
using switchboard::sdk::DeliveryResult;
using namespace switchboard::tests::plugin_wire;

TEST(DeliveryResultWireTest, CarriesEveryField) {
    const std::string json = R"({"completed":true,"detail":"HTTP 503 from crm.example","outcome":"retry",)"
                             R"("provider_id":"SM123","response_excerpt":)" +
                             AwkwardJson +
                             R"(,"retry_after_ms":120000,"status_code":503,"thread_reference":"thread-9"})";
    expectWireForm(fullDeliveryResult(), DeliveryResultWire::toJson, DeliveryResultWire::fromJson, json);
    const auto result = DeliveryResultWire::fromJson(readerOf(json));
    EXPECT_EQ(result.outcome, DeliveryResult::Outcome::Retry);
    EXPECT_EQ(result.statusCode, 503);
    EXPECT_EQ(result.retryAfterMs, 120000);
    EXPECT_TRUE(result.completed);
}

TEST(DeliveryResultWireTest, LeavesOutWhatTheResultDoesNotHave) {
    const std::string json = R"({"completed":false,"detail":"","outcome":"delivered","provider_id":"",)"
                             R"("response_excerpt":"","thread_reference":""})";
    expectWireForm(DeliveryResult::delivered(), DeliveryResultWire::toJson, DeliveryResultWire::fromJson, json);
    const auto result = DeliveryResultWire::fromJson(readerOf(json));
    EXPECT_EQ(result.statusCode, std::nullopt);
    EXPECT_EQ(result.retryAfterMs, std::nullopt);
}

TEST(DeliveryResultWireTest, RefusesAnUnknownOutcomeAndAStatusBeyond32Bits) {
    EXPECT_THROW(DeliveryResultWire::fromJson(readerOf(
                     R"({"completed":false,"detail":"","outcome":"lost","provider_id":"","response_excerpt":"",)"
                     R"("thread_reference":""})")),
                 WireError);
    EXPECT_THROW(DeliveryResultWire::fromJson(readerOf(
                     R"({"completed":false,"detail":"","outcome":"failed","provider_id":"","response_excerpt":"",)"
                     R"("status_code":4294967296,"thread_reference":""})")),
                 WireError);
}
