#include "core/common/ApiError.h"
#include "core/config/ConfigLoader.h"
#include "core/handover/HandoverConfigEditor.h"

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>
#include <switchboard/sdk/HttpClient.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace switchboard::core;
using switchboard::sdk::HttpError;
using switchboard::sdk::SettingDescription;
namespace fs = std::filesystem;

namespace {

const char* const WidgetText = R"(# The shop's widget
name: Shop

# How visitors reach a person
handover:
  enabled: true
  methods:
    crm: { channel: webhook, url: "https://crm.example/hook", secret: "${CRM_SECRET}" }

# Kept as it is
business_hours:
  enabled: false
)";

class HandoverConfigEditorTest : public ::testing::Test {
protected:
    HandoverConfigEditorTest() {
        std::random_device random;
        folder = fs::temp_directory_path() / ("switchboard-editor-" + std::to_string(random()));
        fs::create_directories(folder / "widgets");
        setenv("CRM_SECRET", "a-secret-of-twenty-chars", 1);
        hub.sourceFile = (folder / "hub.yaml").string();
        hub.widgetsDir = (folder / "widgets").string();
        hub.channels = {{"webhook", "webhook", {}}, {"portal", "portal", {}}, {"relay", "relay", {}}};
        std::ofstream(file()) << WidgetText;
        widgets = std::make_unique<config::WidgetRegistry>(
            std::vector<config::WidgetConfig>{config::ConfigLoader().parseWidget(WidgetText, file(), hub)});
        editor = std::make_unique<handover::HandoverConfigEditor>(
            *widgets, hub, [this](const config::WidgetConfig&) { return channelProblems; },
            [this](const std::string& url) {
                checkedUrls.push_back(url);
                if (url.find("10.0.0.") != std::string::npos)
                    throw HttpError(HttpError::Kind::Refused, "10.0.0.5 is not a public address");
                if (url.find(".invalid") != std::string::npos)
                    throw HttpError(HttpError::Kind::Connect, "the name does not resolve");
            },
            handover::MethodSettingTypes([](const std::string& channel) {
                using Type = SettingDescription::Type;
                if (channel == "webhook")
                    return std::vector<SettingDescription>{{"url", "", true, Type::HttpUrl},
                                                           {"secret", "", true, Type::Secret}};
                // Names that say nothing of what the settings are: only the types do.
                if (channel == "relay")
                    return std::vector<SettingDescription>{{"endpoint", "", true, Type::HttpUrl},
                                                           {"signing", "", true, Type::Secret},
                                                           {"key_hint", "", false, Type::Text}};
                return std::vector<SettingDescription>{};
            }));
    }
    ~HandoverConfigEditorTest() override { fs::remove_all(folder); }

    std::string file() const { return (folder / "widgets" / "shop.yaml").string(); }
    std::string fileText() const {
        std::ifstream in(file());
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }
    static Poco::JSON::Object::Ptr json(const std::string& text) {
        return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
    }
    static auth::Caller admin() {
        auth::Caller caller;
        caller.agent.role = "admin";
        return caller;
    }
    static auth::Caller agentOfTheShop() {
        auth::Caller caller;
        caller.agent.role = "agent";
        caller.agent.widgets = {"shop"};
        return caller;
    }
    /// The crm method's settings as `caller` is shown them.
    Poco::JSON::Object::Ptr crmSettings(const auth::Caller& caller) const {
        return editor->view(caller, "shop")->getArray("methods")->getObject(0)->getObject("settings");
    }
    /// The refusal's message.
    static std::string expectRefused(const std::function<void()>& call, const std::string& field) {
        try {
            call();
            ADD_FAILURE() << "expected 422 at " << field;
        } catch (const common::ApiError& e) {
            EXPECT_EQ(e.status(), 422);
            EXPECT_EQ(e.field(), field) << e.what();
            return e.what();
        }
        return "";
    }

    fs::path folder;
    config::HubConfig hub;
    std::unique_ptr<config::WidgetRegistry> widgets;
    std::vector<config::ConfigIssue> channelProblems;
    std::vector<std::string> checkedUrls;
    std::unique_ptr<handover::HandoverConfigEditor> editor;
};

} // namespace

TEST_F(HandoverConfigEditorTest, SecretsAreMaskedAndAMaskedSecretKeepsItsEnvironmentReference) {
    const auto view = editor->view(admin(), "shop");
    const auto crm = view->getArray("methods")->getObject(0);
    EXPECT_EQ(crm->getObject("settings")->getValue<std::string>("secret"), handover::HandoverConfigEditor::Mask);
    EXPECT_EQ(crm->getObject("settings")->getValue<std::string>("url"), "https://crm.example/hook");

    editor->update(admin(), "shop", json(R"({"enabled": true, "default_method": "desk", "methods": [
        {"name": "crm", "channel": "webhook", "settings": {"url": "https://crm.example/v2", "secret": "********"}},
        {"name": "desk", "channel": "portal"}]})"));
    const auto text = fileText();
    EXPECT_NE(text.find("secret: ${CRM_SECRET}"), std::string::npos) << text;
    EXPECT_NE(text.find("https://crm.example/v2"), std::string::npos);
    EXPECT_EQ(text.rfind("# The shop's widget\nname: Shop\n\n# How visitors reach a person\nhandover:", 0), 0u) << text;
    EXPECT_NE(text.find("\n# Kept as it is\nbusiness_hours:\n  enabled: false\n"), std::string::npos) << text;
    const auto applied = widgets->find("shop");
    EXPECT_EQ(applied->handover.defaultMethod, "desk");
    EXPECT_EQ(applied->handover.methods.at(0).settings.at("secret"), "a-secret-of-twenty-chars");
}

TEST_F(HandoverConfigEditorTest, RefusalsNameTheKeyAndChangeNothing) {
    const auto before = fileText();
    expectRefused([&] { editor->update(admin(), "shop", json(R"({"methods": [{"name": "x", "channel": "fax"}]})")); },
                  "handover.methods.x.channel");
    expectRefused([&] { editor->update(admin(), "shop", json(R"({"enabled": true})")); }, "handover.methods");
    expectRefused([&] {
        editor->update(admin(), "shop", json(R"({"methods": [{"name": "new", "channel": "webhook",
            "settings": {"url": "https://x.example", "secret": "********"}}]})"));
    }, "handover.methods.new.secret");
    channelProblems = {{file(), 0, "handover.methods.crm.url", "must be https"}};
    expectRefused([&] {
        editor->update(admin(), "shop", json(R"({"methods": [{"name": "crm", "channel": "webhook",
            "settings": {"url": "ftp://crm.example", "secret": "********"}}]})"));
    }, "handover.methods.crm.url");
    EXPECT_EQ(fileText(), before);
    EXPECT_EQ(widgets->find("shop")->handover.methods.at(0).settings.at("url"), "https://crm.example/hook");

    auth::Caller agent;
    agent.agent.widgets = {"shop"};
    EXPECT_THROW(editor->update(agent, "shop", json(R"({"methods": []})")), common::ApiError);
}

TEST_F(HandoverConfigEditorTest, AChannelsProblemNamesTheLineOfItsKeyInTheFileAsItWouldBeWritten) {
    const auto body = R"({"methods": [{"name": "crm", "channel": "webhook",
        "settings": {"url": "ftp://crm.example", "secret": "********"}}]})";
    channelProblems = {{file(), 0, "handover.methods.crm.url", "must be http or https"}};
    std::string message;
    try {
        editor->update(admin(), "shop", json(body));
        FAIL() << "expected 422";
    } catch (const common::ApiError& e) {
        EXPECT_EQ(e.field(), "handover.methods.crm.url");
        message = e.what();
    }

    // The same change accepted: the line is that of `url:` in the file it writes.
    channelProblems.clear();
    editor->update(admin(), "shop", json(body));
    std::istringstream written(fileText());
    int line = 0;
    for (std::string text; std::getline(written, text);) {
        ++line;
        if (text.find("url: ftp://crm.example") != std::string::npos) break;
    }
    EXPECT_EQ(message, "shop.yaml:" + std::to_string(line) + ": handover.methods.crm.url: must be http or https");
}

TEST_F(HandoverConfigEditorTest, CredentialsInAUrlAreShownToAdminsOnly) {
    const std::string url = "https://crm-user:crm-pass@crm.example/hook?api_key=k-123&team=sales";
    editor->update(admin(), "shop", json(R"({"methods": [{"name": "crm", "channel": "webhook",
        "settings": {"url": ")" + url + R"(", "secret": "********"}}]})"));
    EXPECT_EQ(crmSettings(admin())->getValue<std::string>("url"), url);
    EXPECT_EQ(crmSettings(agentOfTheShop())->getValue<std::string>("url"),
              "https://********@crm.example/hook?api_key=********&team=sales");
    EXPECT_EQ(crmSettings(agentOfTheShop())->getValue<std::string>("secret"), handover::HandoverConfigEditor::Mask);
}

TEST_F(HandoverConfigEditorTest, AUrlTheOutboundPolicyRefusesIsRefusedWhenSaved) {
    const auto before = fileText();
    const auto message = expectRefused([&] {
        editor->update(admin(), "shop", json(R"({"methods": [{"name": "crm", "channel": "webhook",
            "settings": {"url": "http://10.0.0.5/hook", "secret": "********"}}]})"));
    }, "handover.methods.crm.url");
    EXPECT_TRUE(message.starts_with("shop.yaml:10: handover.methods.crm.url: 10.0.0.5")) << message;
    expectRefused([&] {
        editor->update(admin(), "shop", json(R"({"methods": [{"name": "crm", "channel": "webhook",
            "settings": {"url": "https://crm.example/hook", "secret": "********",
                         "status_url": "http://10.0.0.9/s"}}]})"));
    }, "handover.methods.crm.status_url");
    EXPECT_EQ(fileText(), before);
    EXPECT_EQ(widgets->find("shop")->handover.methods.at(0).settings.at("url"), "https://crm.example/hook");

    // A name that does not resolve now may later: delivery checks it again.
    editor->update(admin(), "shop", json(R"({"methods": [{"name": "crm", "channel": "webhook",
        "settings": {"url": "https://crm.invalid/hook", "secret": "********", "label_text": "http://10.0.0.1"}}]})"));
    EXPECT_EQ(widgets->find("shop")->handover.methods.at(0).settings.at("url"), "https://crm.invalid/hook");
    EXPECT_EQ(checkedUrls.back(), "https://crm.invalid/hook") << "only url and *_url settings are URLs to call";
}

TEST_F(HandoverConfigEditorTest, SecretsAndUrlsAreWhatTheChannelDescribesThemAsWhateverTheirNames) {
    const std::string endpoint = "https://relay-user:relay-pass@relay.example/in";
    editor->update(admin(), "shop", json(R"({"methods": [{"name": "crm", "channel": "relay", "settings": {
        "endpoint": ")" + endpoint + R"(", "signing": "sign-with-this", "key_hint": "the blue one"}}]})"));
    const auto shown = crmSettings(agentOfTheShop());
    EXPECT_EQ(shown->getValue<std::string>("signing"), handover::HandoverConfigEditor::Mask);
    EXPECT_EQ(shown->getValue<std::string>("key_hint"), "the blue one") << "described as text, not a secret";
    EXPECT_EQ(shown->getValue<std::string>("endpoint"), "https://********@relay.example/in");
    EXPECT_EQ(crmSettings(admin())->getValue<std::string>("signing"), handover::HandoverConfigEditor::Mask);
    EXPECT_EQ(crmSettings(admin())->getValue<std::string>("endpoint"), endpoint);
    EXPECT_EQ(checkedUrls, std::vector<std::string>{endpoint}) << "only the setting described as a URL is checked";

    const auto before = fileText();
    expectRefused([&] {
        editor->update(admin(), "shop", json(R"({"methods": [{"name": "crm", "channel": "relay", "settings": {
            "endpoint": "http://10.0.0.5/in", "signing": "********", "key_hint": "http://10.0.0.6/x"}}]})"));
    }, "handover.methods.crm.endpoint");
    EXPECT_EQ(fileText(), before);
}
