#include "core/common/ApiError.h"
#include "core/handover/MethodTester.h"

#include <gtest/gtest.h>

using namespace switchboard::core;
namespace sdk = switchboard::sdk;
using Outcome = sdk::TestResult::Outcome;

namespace {

class MethodTesterTest : public ::testing::Test {
protected:
    MethodTesterTest()
        : widgets({shop()}), tester(widgets, [this](const std::string& channel, const sdk::Settings& settings) {
              calls.emplace_back(channel, settings);
              return channel == "crm" ? std::optional<sdk::TestResult>(answer) : std::nullopt;
          }) {}

    static config::WidgetConfig shop() {
        config::WidgetConfig widget;
        widget.id = "shop";
        config::HandoverMethod method;
        method.name = "sales";
        method.channel = "crm";
        method.settings = {{"url", "https://crm.example/a"}, {"secret", "saved-secret-0123456789"}};
        widget.handover.methods = {method};
        return widget;
    }

    static auth::Caller withRole(const std::string& role) {
        auth::Caller caller;
        caller.agent.role = role;
        return caller;
    }

    /// The error `action` was refused with.
    template <typename Action>
    static common::ApiError refusal(Action action) {
        try {
            action();
        } catch (const common::ApiError& error) {
            return error;
        }
        ADD_FAILURE() << "nothing was refused";
        return common::ApiError(0, "", "");
    }

    config::WidgetRegistry widgets;
    sdk::TestResult answer;
    std::vector<std::pair<std::string, sdk::Settings>> calls;
    handover::MethodTester tester;
};

} // namespace

TEST_F(MethodTesterTest, ASavedMethodIsTestedWithItsSettingsAndTheChangesBesidesTheMaskedSecret) {
    answer.outcome = Outcome::Passed;
    answer.detail = "HTTP 200 from crm.example";
    answer.statusCode = 200;
    answer.latencyMs = 12;
    answer.responseExcerpt = "thanks";
    answer.reference = "test_1";

    const auto json = tester.testSaved(withRole("admin"), "shop", "sales",
                                       {{"url", "https://crm.example/b"}, {"secret", "********"}});

    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].first, "crm");
    EXPECT_EQ(calls[0].second, (sdk::Settings{{"url", "https://crm.example/b"}, {"secret", "saved-secret-0123456789"}}));
    EXPECT_TRUE(json->getValue<bool>("ok"));
    EXPECT_EQ(json->getValue<std::string>("detail"), "HTTP 200 from crm.example");
    EXPECT_EQ(json->getValue<int>("status_code"), 200);
    EXPECT_EQ(json->getValue<int>("latency_ms"), 12);
    EXPECT_EQ(json->getValue<std::string>("response_excerpt"), "thanks");
    EXPECT_EQ(json->getValue<std::string>("reference"), "test_1");
}

TEST_F(MethodTesterTest, AFailedTestIsAnAnswerNotAnError) {
    answer.outcome = Outcome::Failed;
    answer.detail = "no answer from crm.example within 15 s";
    const auto json = tester.testNew(withRole("admin"), "crm", {{"url", "https://crm.example/a"}});
    EXPECT_FALSE(json->getValue<bool>("ok"));
    EXPECT_TRUE(json->isNull("status_code"));
    EXPECT_TRUE(json->isNull("reference"));
    EXPECT_EQ(calls.at(0).second, (sdk::Settings{{"url", "https://crm.example/a"}}));
}

TEST_F(MethodTesterTest, SettingsTheChannelCannotUseAreRefusedNamingTheFirstKey) {
    answer.outcome = Outcome::InvalidSettings;
    answer.settingErrors = {{"secret", "is too short"}, {"url", "must be http or https"}};
    const auto error = refusal([&] { tester.testNew(withRole("admin"), "crm", {}); });
    EXPECT_EQ(error.status(), 422);
    EXPECT_EQ(error.code(), "validation_failed");
    EXPECT_EQ(error.field(), "settings.secret");
    EXPECT_STREQ(error.what(), "secret: is too short; url: must be http or https");
}

TEST_F(MethodTesterTest, AChannelWithoutATestIsSaidToOfferNone) {
    answer.outcome = Outcome::NotSupported;
    const auto error = refusal([&] { tester.testSaved(withRole("admin"), "shop", "sales", {}); });
    EXPECT_EQ(error.status(), 422);
    EXPECT_EQ(error.code(), "test_not_supported");
}

TEST_F(MethodTesterTest, UnknownWidgetsMethodsAndChannelsAreNotFoundAndAgentsMayNotTest) {
    EXPECT_EQ(refusal([&] { tester.testSaved(withRole("admin"), "nope", "sales", {}); }).status(), 404);
    EXPECT_EQ(refusal([&] { tester.testSaved(withRole("admin"), "shop", "fax", {}); }).status(), 404);
    EXPECT_EQ(refusal([&] { tester.testNew(withRole("admin"), "fax-machine", {}); }).status(), 404);
    EXPECT_EQ(refusal([&] { tester.testNew(withRole("agent"), "crm", {}); }).code(), "forbidden");
    EXPECT_EQ(refusal([&] { tester.testSaved(withRole("agent"), "shop", "sales", {}); }).code(), "forbidden");
}
