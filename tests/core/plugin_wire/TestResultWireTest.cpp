#include "core/plugin_wire/TestResultWire.h"

#include "tests/support/PluginWireSamples.h"

#include <gtest/gtest.h>

using switchboard::core::plugin_wire::TestResultWire;
using switchboard::core::plugin_wire::WireError;
using switchboard::sdk::TestResult;
using namespace switchboard::tests::plugin_wire;

TEST(TestResultWireTest, CarriesEveryField) {
    const std::string json =
        R"({"detail":"the url is not https","latency_ms":42,"outcome":"invalid_settings","reference":"msg_test_1",)"
        R"("response_excerpt":"bad","setting_errors":[{"key":"url","message":"must be https"},)"
        R"({"key":"secret","message":"too short"}],"status_code":400})";
    expectWireForm(fullTestResult(), TestResultWire::toJson, TestResultWire::fromJson, json);
    const auto result = TestResultWire::fromJson(readerOf(json));
    EXPECT_EQ(result.outcome, TestResult::Outcome::InvalidSettings);
    EXPECT_EQ(result.settingErrors.at(1).message, "too short");
    EXPECT_EQ(result.latencyMs, 42);
}

TEST(TestResultWireTest, LeavesOutWhatTheResultDoesNotHave) {
    expectWireForm(TestResult{}, TestResultWire::toJson, TestResultWire::fromJson,
                   R"({"detail":"","outcome":"not_supported","reference":"","response_excerpt":"",)"
                   R"("setting_errors":[]})");
}

TEST(TestResultWireTest, NamesASettingErrorAtFault) {
    try {
        TestResultWire::fromJson(readerOf(R"({"detail":"","outcome":"passed","reference":"","response_excerpt":"",)"
                                          R"("setting_errors":[{"key":"url"}]})",
                                          "result"));
        FAIL() << "a setting error without a message was read";
    } catch (const WireError& error) {
        EXPECT_STREQ(error.what(), "'result.setting_errors[0].message' is required");
    }
}
