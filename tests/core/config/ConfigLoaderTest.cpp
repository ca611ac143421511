#include "core/config/ConfigLoader.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;
using namespace switchboard::core::config;

namespace {

/// The repository's config/ folder, found from this file's path: tests/core/config/ConfigLoaderTest.cpp.
const fs::path sampleConfigDir = fs::path(SWITCHBOARD_SOURCE_DIR) / "config";

const char* const minimalHub = R"(channels:
  portal: { plugin: portal }
  webhook: { plugin: webhook }
  mail: { plugin: email }
)";

class ConfigLoaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
        _dir = fs::temp_directory_path() / ("switchboard-config-" + std::to_string(::getpid()) + "-" + name);
        fs::remove_all(_dir);
        fs::create_directories(_dir / "widgets");
    }

    void TearDown() override { fs::remove_all(_dir); }

    fs::path write(const std::string& relative, const std::string& text) {
        const fs::path path = _dir / relative;
        fs::create_directories(path.parent_path());
        std::ofstream(path) << text;
        return path;
    }

    ConfigLoader loader() const {
        return ConfigLoader([env = _env](const std::string& name) -> std::optional<std::string> {
            const auto it = env.find(name);
            return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
        });
    }

    HubConfig loadMinimalHub() { return loader().loadHub(write("hub.yaml", minimalHub).string()); }

    std::vector<ConfigIssue> hubIssues(const std::string& text) {
        const auto path = write("hub.yaml", text);
        try {
            loader().loadHub(path.string());
        } catch (const ConfigError& e) {
            return e.issues();
        }
        ADD_FAILURE() << "expected a ConfigError";
        return {};
    }

    std::vector<ConfigIssue> widgetIssues(const std::string& text) {
        const HubConfig hub = loadMinimalHub();
        try {
            loader().parseWidget(text, "shop.yaml", hub);
        } catch (const ConfigError& e) {
            return e.issues();
        }
        ADD_FAILURE() << "expected a ConfigError";
        return {};
    }

    WidgetConfig widget(const std::string& text) { return loader().parseWidget(text, "shop.yaml", loadMinimalHub()); }

    std::string hubFile() const { return (_dir / "hub.yaml").string(); }
    std::string widgetFile() const { return (_dir / "widgets" / "shop.yaml").string(); }

    fs::path _dir;
    std::map<std::string, std::string> _env;
};

/// Asserts there is exactly one issue and returns it.
ConfigIssue single(const std::vector<ConfigIssue>& issues) {
    if (issues.size() != 1) {
        std::string all;
        for (const auto& issue : issues) {
            all += "\n  " + issue.toString();
        }
        ADD_FAILURE() << "expected exactly one issue, got " << issues.size() << all;
    }
    return issues.empty() ? ConfigIssue{} : issues.front();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const HandoverMethod* method(const WidgetConfig& widget, const std::string& name) {
    for (const auto& m : widget.handover.methods) {
        if (m.name == name) {
            return &m;
        }
    }
    return nullptr;
}

} // namespace

TEST_F(ConfigLoaderTest, SampleConfigurationLoadsWithNoEnvironment) {
    const HubConfig hub = loader().loadHub((sampleConfigDir / "hub.yaml").string());

    EXPECT_EQ(hub.sourceFile, (sampleConfigDir / "hub.yaml").string());
    EXPECT_EQ(hub.server.listen, "0.0.0.0");
    EXPECT_EQ(hub.server.port, 8080);
    EXPECT_EQ(hub.database.url, "sqlite:" + (fs::current_path() / "var/switchboard.db").string());
    EXPECT_EQ(hub.server.webRoot, (fs::current_path() / "web").string());
    EXPECT_EQ(hub.widgetsDir, (sampleConfigDir / "widgets").string());
    EXPECT_EQ(hub.pluginDir, (sampleConfigDir / "plugins").string());
    EXPECT_EQ(hub.auth.loginPerIpPerMinute, 10);
    EXPECT_EQ(hub.auth.loginPerAccountPerHour, 20);
    EXPECT_EQ(hub.rateLimits.requestsPerIpPerMinute, 600);
    ASSERT_EQ(hub.channels.size(), 2u);
    EXPECT_EQ(hub.channels[0].name, "portal");
    EXPECT_EQ(hub.channels[0].plugin, "portal");
    EXPECT_EQ(hub.channels[1].name, "webhook");
    EXPECT_EQ(hub.channels[1].plugin, "webhook");

    const auto widgets = loader().loadWidgets(hub);
    ASSERT_EQ(widgets.size(), 1u);
    const WidgetConfig& demo = widgets[0];
    EXPECT_EQ(demo.id, "demo");
    EXPECT_EQ(demo.sourceFile, (sampleConfigDir / "widgets/demo.yaml").string());
    EXPECT_EQ(demo.name, "Demo Shop");
    EXPECT_EQ(demo.allowedOrigins, (std::vector<std::string>{"http://localhost:8080", "http://127.0.0.1:8080"}));
    ASSERT_EQ(demo.prechat.fields.size(), 4u);
    EXPECT_EQ(demo.prechat.fields[0].name, "name");
    EXPECT_TRUE(demo.prechat.fields[0].required);
    EXPECT_EQ(demo.prechat.fields[1].name, "email");
    EXPECT_TRUE(demo.prechat.fields[1].required);
    EXPECT_EQ(demo.prechat.fields[2].name, "phone");
    EXPECT_FALSE(demo.prechat.fields[2].required);
    EXPECT_EQ(demo.prechat.fields[3].name, "order_number");
    EXPECT_FALSE(demo.prechat.fields[3].required);
    EXPECT_EQ(demo.rateLimits.conversationsPerIpPerHour, 10);
    EXPECT_EQ(demo.rateLimits.messagesPerVisitorPerMinute, 30);
    EXPECT_FALSE(demo.businessHours.enabled);
    EXPECT_EQ(demo.businessHours.timezone, "Europe/London");
    ASSERT_EQ(demo.businessHours.windows.size(), 1u);
    EXPECT_EQ(demo.businessHours.windows[0].days, (std::vector<std::string>{"mon", "tue", "wed", "thu", "fri"}));
    EXPECT_EQ(demo.businessHours.windows[0].open, "09:00");
    EXPECT_EQ(demo.businessHours.windows[0].close, "17:00");
    EXPECT_TRUE(demo.handover.enabled);
    EXPECT_EQ(demo.handover.defaultMethod, "portal");
    ASSERT_EQ(demo.handover.methods.size(), 2u);
    const HandoverMethod* webhook = method(demo, "webhook");
    ASSERT_NE(webhook, nullptr);
    EXPECT_EQ(webhook->channel, "webhook");
    EXPECT_EQ(webhook->settings.at("url"), "http://127.0.0.1:9090/hooks/chat");
    EXPECT_TRUE(webhook->settings.at("secret").starts_with("whsec_"));
}

TEST_F(ConfigLoaderTest, EmptyHubFileGivesTheDefaults) {
    const HubConfig hub = loader().loadHub(write("hub.yaml", "# nothing set\n").string());
    const HubConfig defaults;

    EXPECT_EQ(hub.server.port, defaults.server.port);
    EXPECT_EQ(hub.server.threads, defaults.server.threads);
    EXPECT_EQ(hub.auth.sessionTtlHours, defaults.auth.sessionTtlHours);
    EXPECT_EQ(hub.delivery.backoffS, defaults.delivery.backoffS);
    EXPECT_EQ(hub.log.level, "information");
    EXPECT_TRUE(hub.channels.empty());
    EXPECT_EQ(hub.widgetsDir, (_dir / "widgets").string());
    EXPECT_EQ(hub.pluginDir, (_dir / "plugins").string());
}

TEST_F(ConfigLoaderTest, RelativePathsResolveAgainstTheConfigFolderOrTheWorkingDirectory) {
    const auto path = write("conf/hub.yaml", R"(widgets_dir: ../shared/widgets/
plugin_dir: /opt/switchboard/plugins
server: { web_root: static }
database: { url: "sqlite:data/hub.db" }
)");
    const HubConfig hub = loader().loadHub(path.string());

    EXPECT_EQ(hub.widgetsDir, (_dir / "shared/widgets").string());
    EXPECT_EQ(hub.pluginDir, "/opt/switchboard/plugins");
    EXPECT_EQ(hub.server.webRoot, (fs::current_path() / "static").string());
    EXPECT_EQ(hub.database.url, "sqlite:" + (fs::current_path() / "data/hub.db").string());
}

TEST_F(ConfigLoaderTest, HubTextParsesWithoutAFileAndItsPathAnchorsTheConfigFolder) {
    const HubConfig hub =
        loader().parseHub("widgets_dir: widgets\nserver: { port: 9000 }\n", "/etc/switchboard/hub.yaml");

    EXPECT_EQ(hub.sourceFile, "/etc/switchboard/hub.yaml");
    EXPECT_EQ(hub.server.port, 9000);
    EXPECT_EQ(hub.widgetsDir, "/etc/switchboard/widgets");
}

TEST_F(ConfigLoaderTest, HubTextIssuesNameThePathAndTheLine) {
    try {
        loader().parseHub("server:\n  port: many\n", "/etc/switchboard/hub.yaml");
        ADD_FAILURE() << "expected a ConfigError";
    } catch (const ConfigError& e) {
        ASSERT_EQ(e.issues().size(), 1u);
        EXPECT_EQ(e.issues()[0].file, "/etc/switchboard/hub.yaml");
        EXPECT_EQ(e.issues()[0].line, 2);
        EXPECT_EQ(e.issues()[0].key, "server.port");
    }
}

TEST_F(ConfigLoaderTest, DatabaseUrlsThatAreNotRelativeFilesStayAsWritten) {
    EXPECT_EQ(ConfigLoader::absoluteDatabaseUrl("sqlite::memory:"), "sqlite::memory:");
    EXPECT_EQ(ConfigLoader::absoluteDatabaseUrl("sqlite:/var/lib/hub.db"), "sqlite:/var/lib/hub.db");
    EXPECT_EQ(ConfigLoader::absoluteDatabaseUrl("postgresql://u:p@db/hub"), "postgresql://u:p@db/hub");
}

TEST_F(ConfigLoaderTest, ChannelSettingsAreFlattenedWithDottedKeys) {
    _env["SMTP_PASSWORD"] = "s3cret";
    const HubConfig hub = loader().loadHub(write("hub.yaml", R"(channels:
  mail:
    plugin: email
    settings:
      host: smtp.example.com
      port: 587
      auth: { user: hub, password: "${SMTP_PASSWORD}" }
      cc: [a@example.com, b@example.com]
)").string());

    ASSERT_EQ(hub.channels.size(), 1u);
    const auto& settings = hub.channels[0].settings;
    EXPECT_EQ(settings.at("host"), "smtp.example.com");
    EXPECT_EQ(settings.at("port"), "587");
    EXPECT_EQ(settings.at("auth.user"), "hub");
    EXPECT_EQ(settings.at("auth.password"), "s3cret");
    EXPECT_EQ(settings.at("cc.1"), "b@example.com");
}

TEST_F(ConfigLoaderTest, UnknownKeyNamesFileLineAndKey) {
    const auto issue = single(hubIssues(R"(server:
  listen: 0.0.0.0
  prot: 8080
)"));
    EXPECT_EQ(issue.file, hubFile());
    EXPECT_EQ(issue.line, 3);
    EXPECT_EQ(issue.key, "server.prot");
    EXPECT_TRUE(contains(issue.message, "unknown key 'prot'")) << issue.message;
    EXPECT_TRUE(contains(issue.message, "did you mean 'port'")) << issue.message;
}

TEST_F(ConfigLoaderTest, UnknownKeyInWidgetIsReported) {
    const auto issue = single(widgetIssues("name: Shop\napperance: { title: Hi }\n"));
    EXPECT_EQ(issue.file, widgetFile());
    EXPECT_EQ(issue.line, 2);
    EXPECT_EQ(issue.key, "apperance");
}

TEST_F(ConfigLoaderTest, StringWhereANumberIsExpectedIsAWrongType) {
    const auto issue = single(hubIssues("server:\n  port: eighty\n"));
    EXPECT_EQ(issue.line, 2);
    EXPECT_EQ(issue.key, "server.port");
    EXPECT_TRUE(contains(issue.message, "expected a whole number")) << issue.message;
}

TEST_F(ConfigLoaderTest, ScalarWhereAMapIsExpectedIsAWrongType) {
    const auto issue = single(widgetIssues("name: Shop\n\nappearance: blue\n"));
    EXPECT_EQ(issue.line, 3);
    EXPECT_EQ(issue.key, "appearance");
    EXPECT_TRUE(contains(issue.message, "expected a map")) << issue.message;
}

TEST_F(ConfigLoaderTest, ScalarWhereAListIsExpectedIsAWrongType) {
    const auto issue = single(widgetIssues("name: Shop\nallowed_origins: https://shop.example\n"));
    EXPECT_EQ(issue.line, 2);
    EXPECT_EQ(issue.key, "allowed_origins");
    EXPECT_TRUE(contains(issue.message, "expected a list")) << issue.message;
}

TEST_F(ConfigLoaderTest, NonBooleanIsAWrongType) {
    const auto issue = single(widgetIssues("name: Shop\nprechat:\n  enabled: yes\n"));
    EXPECT_EQ(issue.line, 3);
    EXPECT_EQ(issue.key, "prechat.enabled");
}

TEST_F(ConfigLoaderTest, MissingWidgetNameIsReportedForTheWholeFile) {
    const auto issue = single(widgetIssues("texts: { welcome: Hi }\n"));
    EXPECT_EQ(issue.file, widgetFile());
    EXPECT_EQ(issue.line, 0);
    EXPECT_EQ(issue.key, "name");
    EXPECT_TRUE(contains(issue.message, "missing required value")) << issue.message;
}

TEST_F(ConfigLoaderTest, MissingChannelPluginIsReportedAtTheChannel) {
    const auto issue = single(hubIssues("channels:\n  portal: { plugin: portal }\n  crm:\n    settings: { a: 1 }\n"));
    EXPECT_EQ(issue.line, 3);
    EXPECT_EQ(issue.key, "channels.crm.plugin");
    EXPECT_TRUE(contains(issue.message, "missing required value")) << issue.message;
}

TEST_F(ConfigLoaderTest, MissingMethodChannelIsReported) {
    const auto issue = single(widgetIssues(R"(name: Shop
handover:
  methods:
    portal: { label: Chat }
)"));
    EXPECT_EQ(issue.line, 4);
    EXPECT_EQ(issue.key, "handover.methods.portal.channel");
}

TEST_F(ConfigLoaderTest, UnresolvedEnvironmentVariableIsNamedButNoValueIsPrinted) {
    _env["OTHER"] = "visible-value";
    const auto issue = single(widgetIssues(R"(name: Shop
handover:
  methods:
    crm:
      channel: webhook
      secret: "${CRM_WEBHOOK_SECRET}"
      token: "${OTHER}"
)"));
    EXPECT_EQ(issue.file, widgetFile());
    EXPECT_EQ(issue.line, 6);
    EXPECT_EQ(issue.key, "handover.methods.crm.secret");
    EXPECT_TRUE(contains(issue.message, "'CRM_WEBHOOK_SECRET'")) << issue.message;
    EXPECT_TRUE(contains(issue.message, "not set")) << issue.message;
}

TEST_F(ConfigLoaderTest, EnvironmentVariablesAreSubstitutedInsideStrings) {
    _env["CRM_TOKEN"] = "abc123";
    _env["SHOP_NAME"] = "Acme";
    const WidgetConfig w = widget(R"(name: "${SHOP_NAME} Store"
handover:
  methods:
    crm: { channel: webhook, authorization: "Bearer ${CRM_TOKEN}", note: "${SHOP_NAME}/${CRM_TOKEN}" }
)");
    EXPECT_EQ(w.name, "Acme Store");
    const HandoverMethod* crm = method(w, "crm");
    ASSERT_NE(crm, nullptr);
    EXPECT_EQ(crm->settings.at("authorization"), "Bearer abc123");
    EXPECT_EQ(crm->settings.at("note"), "Acme/abc123");
}

TEST_F(ConfigLoaderTest, EnvironmentVariablesCanSetNumbers) {
    _env["PORT"] = "9999";
    const HubConfig hub = loader().loadHub(write("hub.yaml", "server: { port: \"${PORT}\" }\n").string());
    EXPECT_EQ(hub.server.port, 9999);
}

TEST_F(ConfigLoaderTest, DoubleDollarIsALiteralReference) {
    const WidgetConfig w = widget("name: Shop\ntexts: { welcome: \"Costs $5, write $${NAME} to greet\" }\n");
    EXPECT_EQ(w.texts.welcome, "Costs $5, write ${NAME} to greet");
}

TEST_F(ConfigLoaderTest, UnterminatedReferenceIsReported) {
    const auto issue = single(widgetIssues("name: \"Shop ${NAME\"\n"));
    EXPECT_EQ(issue.line, 1);
    EXPECT_EQ(issue.key, "name");
    EXPECT_TRUE(contains(issue.message, "unterminated")) << issue.message;
}

TEST_F(ConfigLoaderTest, OriginWithAPathIsRejected) {
    const auto issues = widgetIssues(R"(name: Shop
allowed_origins:
  - https://shop.example
  - https://shop.example/
  - https://shop.example/chat
  - ftp://shop.example
  - shop.example
  - "*"
  - http://[::1]:8080
)");
    ASSERT_EQ(issues.size(), 4u);
    EXPECT_EQ(issues[0].line, 4);
    EXPECT_EQ(issues[0].key, "allowed_origins[1]");
    EXPECT_TRUE(contains(issues[0].message, "must not end with '/'")) << issues[0].message;
    EXPECT_EQ(issues[1].line, 5);
    EXPECT_EQ(issues[1].key, "allowed_origins[2]");
    EXPECT_EQ(issues[2].key, "allowed_origins[3]");
    EXPECT_EQ(issues[3].key, "allowed_origins[4]");
}

TEST_F(ConfigLoaderTest, DefaultMethodMustBeOneOfTheMethods) {
    const auto issue = single(widgetIssues(R"(name: Shop
handover:
  enabled: true
  default_method: whatsapp
  methods:
    portal: { channel: portal }
)"));
    EXPECT_EQ(issue.line, 4);
    EXPECT_EQ(issue.key, "handover.default_method");
    EXPECT_TRUE(contains(issue.message, "'whatsapp'")) << issue.message;
}

TEST_F(ConfigLoaderTest, MethodNamingAMissingChannelInstanceIsReported) {
    const auto issue = single(widgetIssues(R"(name: Shop
handover:
  methods:
    portal: { channel: portal }
    whatsapp:
      channel: twilio_whatsapp
)"));
    EXPECT_EQ(issue.file, widgetFile());
    EXPECT_EQ(issue.line, 6);
    EXPECT_EQ(issue.key, "handover.methods.whatsapp.channel");
    EXPECT_TRUE(contains(issue.message, "'twilio_whatsapp'")) << issue.message;
    EXPECT_TRUE(contains(issue.message, "portal, webhook, mail")) << issue.message;
}

TEST_F(ConfigLoaderTest, InvalidYamlIsReportedWithTheParsersLine) {
    const auto issue = single(widgetIssues("name: Shop\nallowed_origins: [http://a.example\ntexts: {}\n"));
    EXPECT_EQ(issue.file, widgetFile());
    EXPECT_EQ(issue.line, 3);
    EXPECT_EQ(issue.key, "");
    EXPECT_TRUE(contains(issue.message, "not valid YAML")) << issue.message;
}

TEST_F(ConfigLoaderTest, UnreadableHubFileIsReported) {
    try {
        loader().loadHub((_dir / "missing.yaml").string());
        FAIL() << "expected a ConfigError";
    } catch (const ConfigError& e) {
        const auto issue = single(e.issues());
        EXPECT_EQ(issue.file, (_dir / "missing.yaml").string());
        EXPECT_TRUE(contains(issue.message, "cannot read")) << issue.message;
    }
}

TEST_F(ConfigLoaderTest, EveryIssueInAFileIsReportedTogetherInLineOrder) {
    const auto issues = hubIssues(R"(server:
  port: 70000
  threads: many
database:
  url: mysql://db/hub
log: { level: verbose, format: xml }
outbound: { connect_timeout_ms: 0 }
color: red
)");
    std::vector<std::pair<int, std::string>> found;
    for (const auto& issue : issues) {
        EXPECT_EQ(issue.file, hubFile());
        found.emplace_back(issue.line, issue.key);
    }
    const std::vector<std::pair<int, std::string>> expected = {
        {2, "server.port"},       {3, "server.threads"},          {5, "database.url"},
        {6, "log.level"},         {6, "log.format"},              {7, "outbound.connect_timeout_ms"},
        {8, "color"},
    };
    EXPECT_EQ(found, expected);
}

TEST_F(ConfigLoaderTest, IssuesFromEveryWidgetFileAreReportedTogether) {
    HubConfig hub = loadMinimalHub();
    write("widgets/alpha.yaml", "name: Alpha\nappearance: { primary_color: blue }\n");
    write("widgets/beta.yaml", "name: Beta\n");
    write("widgets/gamma.yaml", "name: Gamma\nhandover: { max_attempts: 0 }\n");
    write("widgets/Not_An_Id.yaml", "name: Bad\n");
    write("widgets/notes.txt", "not a widget\n");
    try {
        loader().loadWidgets(hub);
        FAIL() << "expected a ConfigError";
    } catch (const ConfigError& e) {
        ASSERT_EQ(e.issues().size(), 3u);
        EXPECT_EQ(e.issues()[0].file, (_dir / "widgets/Not_An_Id.yaml").string());
        EXPECT_EQ(e.issues()[1].file, (_dir / "widgets/alpha.yaml").string());
        EXPECT_EQ(e.issues()[1].key, "appearance.primary_color");
        EXPECT_EQ(e.issues()[2].file, (_dir / "widgets/gamma.yaml").string());
        EXPECT_EQ(e.issues()[2].key, "handover.max_attempts");
        EXPECT_TRUE(contains(e.what(), (_dir / "widgets/gamma.yaml").string() + ":2: handover.max_attempts: "))
            << e.what();
    }
}

TEST_F(ConfigLoaderTest, WidgetsLoadSortedWithIdsFromFileNames) {
    HubConfig hub = loadMinimalHub();
    write("widgets/zeta.yaml", "name: Zeta\n");
    write("widgets/alpha-shop.yaml", "name: Alpha\n");
    const auto widgets = loader().loadWidgets(hub);
    ASSERT_EQ(widgets.size(), 2u);
    EXPECT_EQ(widgets[0].id, "alpha-shop");
    EXPECT_EQ(widgets[0].sourceFile, (_dir / "widgets/alpha-shop.yaml").string());
    EXPECT_EQ(widgets[1].id, "zeta");
}

TEST_F(ConfigLoaderTest, MissingWidgetsFolderIsReported) {
    HubConfig hub = loadMinimalHub();
    hub.widgetsDir = (_dir / "nowhere").string();
    try {
        loader().loadWidgets(hub);
        FAIL() << "expected a ConfigError";
    } catch (const ConfigError& e) {
        EXPECT_EQ(single(e.issues()).key, "widgets_dir");
    }
}

TEST_F(ConfigLoaderTest, OutOfRangeWidgetValuesAreReported) {
    const auto issues = widgetIssues(R"(name: Shop
appearance: { primary_color: "#12345", position: top-left }
prechat:
  fields:
    - { name: birthday, type: date }
rate_limits: { conversations_per_ip_per_hour: 0 }
business_hours:
  windows:
    - { days: [mon, someday], open: "18:00", close: "09:00" }
handover:
  max_attempts: 21
  methods:
    portal: { channel: portal, requires: [fax] }
)");
    std::vector<std::string> keys;
    for (const auto& issue : issues) {
        keys.push_back(issue.key);
    }
    const std::vector<std::string> expected = {
        "appearance.primary_color",
        "appearance.position",
        "prechat.fields[0].type",
        "rate_limits.conversations_per_ip_per_hour",
        "business_hours.windows[0].days[1]",
        "business_hours.windows[0].close",
        "handover.max_attempts",
        "handover.methods.portal.requires[0]",
    };
    EXPECT_EQ(keys, expected);
}

TEST_F(ConfigLoaderTest, DuplicatePrechatFieldNamesAreReported) {
    const auto issue = single(widgetIssues(R"(name: Shop
prechat:
  fields:
    - name: email
    - name: phone
    - name: email
)"));
    EXPECT_EQ(issue.line, 6);
    EXPECT_EQ(issue.key, "prechat.fields[2].name");
    EXPECT_TRUE(contains(issue.message, "duplicate")) << issue.message;
}

TEST_F(ConfigLoaderTest, DuplicateYamlKeysAreReported) {
    const auto issue = single(widgetIssues("name: Shop\ntexts:\n  welcome: Hi\n  welcome: Hello\n"));
    EXPECT_EQ(issue.line, 4);
    EXPECT_EQ(issue.key, "texts.welcome");
}

TEST_F(ConfigLoaderTest, UnmatchedInboundMessagesOpenAConversationUnlessTheWidgetRefusesThem) {
    EXPECT_EQ(widget("name: Shop\n").inbound.unmatched, UnmatchedInbound::Open);
    EXPECT_EQ(widget("name: Shop\ninbound: { unmatched: refuse }\n").inbound.unmatched, UnmatchedInbound::Refuse);
    EXPECT_EQ(widget("name: Shop\ninbound:\n  unmatched: open\n").inbound.unmatched, UnmatchedInbound::Open);

    const auto wrong = single(widgetIssues("name: Shop\ninbound:\n  unmatched: drop\n"));
    EXPECT_EQ(wrong.file, widgetFile());
    EXPECT_EQ(wrong.line, 3);
    EXPECT_EQ(wrong.key, "inbound.unmatched");
    EXPECT_TRUE(contains(wrong.message, "must be open or refuse")) << wrong.message;
    const auto unknown = single(widgetIssues("name: Shop\ninbound:\n  unmached: open\n"));
    EXPECT_EQ(unknown.line, 3);
    EXPECT_EQ(unknown.key, "inbound.unmached");
    EXPECT_TRUE(contains(unknown.message, "did you mean 'unmatched'")) << unknown.message;
}

TEST_F(ConfigLoaderTest, EnabledHandoverNeedsMethods) {
    const auto issue = single(widgetIssues("name: Shop\nhandover:\n  enabled: true\n"));
    EXPECT_EQ(issue.key, "handover.methods");
}

TEST_F(ConfigLoaderTest, OmittedValuesTakeTheirDefaults) {
    const WidgetConfig w = widget(R"(name: Shop
prechat:
  fields:
    - name: email
    - name: order_number
handover:
  methods:
    whatsapp: { channel: webhook }
    crm: { channel: webhook }
    other: { channel: mail }
    custom: { channel: portal, label: Call me, requires: [], confirmation: Bye }
)");
    const WidgetConfig defaults;
    EXPECT_EQ(w.appearance.title, defaults.appearance.title);
    EXPECT_EQ(w.texts.welcome, defaults.texts.welcome);
    EXPECT_EQ(w.rateLimits.conversationsPerIpPerHour, defaults.rateLimits.conversationsPerIpPerHour);

    ASSERT_EQ(w.prechat.fields.size(), 2u);
    EXPECT_EQ(w.prechat.fields[0].label, "Email");
    EXPECT_EQ(w.prechat.fields[0].type, "email");
    EXPECT_EQ(w.prechat.fields[1].label, "Order number");
    EXPECT_EQ(w.prechat.fields[1].type, "text");
    EXPECT_FALSE(w.prechat.fields[1].required);

    EXPECT_EQ(w.handover.defaultMethod, "whatsapp");
    EXPECT_EQ(w.handover.maxAttempts, 3);
    // What the file leaves out of a method is left to its channel's description (plugin_host::MethodDefaults).
    const HandoverMethod* whatsapp = method(w, "whatsapp");
    ASSERT_NE(whatsapp, nullptr);
    EXPECT_EQ(whatsapp->label, "");
    EXPECT_EQ(whatsapp->confirmation, "");
    EXPECT_FALSE(whatsapp->requiredFieldsGiven);
    EXPECT_EQ(method(w, "other")->label, "");
    const HandoverMethod* custom = method(w, "custom");
    EXPECT_EQ(custom->label, "Call me");
    EXPECT_EQ(custom->confirmation, "Bye");
    EXPECT_TRUE(custom->requiredFieldsGiven);
    EXPECT_TRUE(custom->requiredFields.empty());
}

TEST_F(ConfigLoaderTest, EmailingAgentsIsNotASettingYet) {
    // Accepting it would promise emails that no part of the hub sends.
    const auto issue =
        single(widgetIssues("name: Shop\nnotifications:\n  email_agents: { to: [support@example.com] }\n"));
    EXPECT_EQ(issue.line, 2);
    EXPECT_TRUE(contains(issue.message, "unknown key 'notifications'")) << issue.message;
}

TEST_F(ConfigLoaderTest, WidgetFileNameMustBeAnId) {
    const HubConfig hub = loadMinimalHub();
    try {
        loader().parseWidget("name: Shop\n", "My Shop.yaml", hub);
        FAIL() << "expected a ConfigError";
    } catch (const ConfigError& e) {
        const auto issue = single(e.issues());
        EXPECT_EQ(issue.file, (_dir / "widgets/My Shop.yaml").string());
        EXPECT_EQ(issue.line, 0);
    }
}

TEST_F(ConfigLoaderTest, ParseWidgetFillsIdAndSourceFile) {
    const WidgetConfig w = widget("name: Shop\n");
    EXPECT_EQ(w.id, "shop");
    EXPECT_EQ(w.sourceFile, widgetFile());
}

TEST_F(ConfigLoaderTest, BusinessHoursNeedWellFormedTimesAndWindowsWhenEnabled) {
    const auto issues = widgetIssues(R"(name: Shop
business_hours:
  enabled: true
  timezone: Europe/London
  windows:
    - { days: [sat], open: "9am", close: "13:00" }
)");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].line, 6);
    EXPECT_EQ(issues[0].key, "business_hours.windows[0].open");

    const auto none = single(widgetIssues("name: Shop\nbusiness_hours: { enabled: true }\n"));
    EXPECT_EQ(none.key, "business_hours.windows");
}

TEST_F(ConfigLoaderTest, BusinessHoursTimezoneMustBeAZoneTheSystemKnows) {
    const auto issue = single(widgetIssues(R"(name: Shop
business_hours:
  enabled: true
  timezone: Mars/Olympus_Mons
  windows:
    - { days: [mon], open: "09:00", close: "17:00" }
)"));
    EXPECT_EQ(issue.file, widgetFile());
    EXPECT_EQ(issue.line, 4);
    EXPECT_EQ(issue.key, "business_hours.timezone");
    EXPECT_TRUE(contains(issue.message, "unknown time zone 'Mars/Olympus_Mons'")) << issue.message;

    const auto badName = single(widgetIssues("name: Shop\nbusiness_hours: { timezone: ../etc/passwd }\n"));
    EXPECT_EQ(badName.key, "business_hours.timezone");
    EXPECT_EQ(widget("name: Shop\nbusiness_hours: { timezone: America/New_York }\n").businessHours.timezone,
              "America/New_York");
}

TEST_F(ConfigLoaderTest, TrustedProxiesMustBeAddressesOrNetworks) {
    const auto issue = single(hubIssues("server:\n  trusted_proxies: [10.0.0.0/8, \"::1\", proxy.local]\n"));
    EXPECT_EQ(issue.key, "server.trusted_proxies[2]");
    const auto wide = hubIssues("server:\n  trusted_proxies: [10.0.0.1/33]\n");
    ASSERT_EQ(wide.size(), 1u);
    EXPECT_EQ(wide[0].key, "server.trusted_proxies[0]");
}

TEST_F(ConfigLoaderTest, PresenceTimingsAreReadWithTheirDefaults) {
    const HubConfig defaults = loader().loadHub(write("hub.yaml", "# nothing set\n").string());
    EXPECT_EQ(defaults.presence.heartbeatS, 30);
    EXPECT_EQ(defaults.presence.visitorTimeoutS, 60);
    EXPECT_EQ(defaults.presence.agentStaleS, 300);
    EXPECT_EQ(defaults.presence.disconnectGraceS, 5);

    const HubConfig hub = loader().loadHub(write("hub.yaml", R"(presence:
  heartbeat_s: 10
  visitor_timeout_s: 25
  agent_stale_s: 120
  disconnect_grace_s: 0
)").string());
    EXPECT_EQ(hub.presence.heartbeatS, 10);
    EXPECT_EQ(hub.presence.visitorTimeoutS, 25);
    EXPECT_EQ(hub.presence.agentStaleS, 120);
    EXPECT_EQ(hub.presence.disconnectGraceS, 0);

    const HubConfig sample = loader().loadHub((sampleConfigDir / "hub.yaml").string());
    EXPECT_EQ(sample.presence.disconnectGraceS, 5);
}

TEST_F(ConfigLoaderTest, PresenceTimeoutsMustOutlastTheHeartbeat) {
    const auto timeout = single(hubIssues("presence:\n  heartbeat_s: 30\n  visitor_timeout_s: 30\n"));
    EXPECT_EQ(timeout.file, hubFile());
    EXPECT_EQ(timeout.line, 3);
    EXPECT_EQ(timeout.key, "presence.visitor_timeout_s");
    EXPECT_TRUE(contains(timeout.message, "longer than heartbeat_s")) << timeout.message;

    const auto stale = single(hubIssues("presence:\n  heartbeat_s: 50\n  visitor_timeout_s: 90\n  agent_stale_s: 40\n"));
    EXPECT_EQ(stale.line, 4);
    EXPECT_EQ(stale.key, "presence.agent_stale_s");

    const auto grace = single(hubIssues("presence:\n  disconnect_grace_s: -1\n"));
    EXPECT_EQ(grace.line, 2);
    EXPECT_EQ(grace.key, "presence.disconnect_grace_s");
}
