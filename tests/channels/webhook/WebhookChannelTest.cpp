#include "webhook/WebhookChannel.h"

#include "switchboard/sdk/Webhook.h"
#include "switchboard/sdk/testing/FakeHostServices.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <utility>
#include <vector>

using switchboard::channels::webhook::WebhookChannel;
using switchboard::sdk::Delivery;
using switchboard::sdk::DeliveryResult;
using switchboard::sdk::Headers;
using switchboard::sdk::HttpError;
using SettingType = switchboard::sdk::SettingDescription::Type;
using switchboard::sdk::HttpRequest;
using switchboard::sdk::SenderType;
using switchboard::sdk::SettingErrors;
using switchboard::sdk::Settings;
using switchboard::sdk::WebhookSecret;
using switchboard::sdk::WebhookSignature;
using switchboard::sdk::testing::FakeHostServices;
using Outcome = switchboard::sdk::DeliveryResult::Outcome;

namespace {

// A plain secret: its bytes are the key, so the test can compute the HMAC itself.
const std::string PlainSecret = "receiver-shared-secret-0123456789";
// "switchboard-test-key-32-bytes!!!" in base64, as Standard Webhooks writes secrets.
const std::string StandardSecret = "whsec_c3dpdGNoYm9hcmQtdGVzdC1rZXktMzItYnl0ZXMhISE=";
const std::string Url = "https://crm.example/hooks/chat";

std::string header(const Headers& headers, const std::string& name) {
    const auto it = std::find_if(headers.begin(), headers.end(), [&](const auto& h) { return h.first == name; });
    return it == headers.end() ? std::string("<missing>") : it->second;
}

std::string hexHmacSha256(const std::string& key, const std::string& data) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
         data.size(), mac, &length);
    static constexpr char Digits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        hex += Digits[mac[i] >> 4];
        hex += Digits[mac[i] & 0x0f];
    }
    return hex;
}

bool hasErrorAt(const SettingErrors& errors, const std::string& key) {
    return std::any_of(errors.begin(), errors.end(), [&](const auto& error) { return error.key == key; });
}

Delivery handover(const std::string& secret = PlainSecret) {
    Delivery delivery;
    delivery.id = "dlv-7f3a";
    delivery.attempt = 1;
    delivery.kind = switchboard::sdk::DeliveryKind::HandoverRequested;
    delivery.occurredAtMs = 1'700'000'000'123;
    delivery.requestId = "req-42";
    delivery.method = "webhook";
    delivery.widgetId = "demo";
    delivery.conversationId = "conv-9";
    delivery.recipient.visitor = {"Ada Lovelace", "ada@example.com", ""};
    delivery.messages = {
        {"req-42", SenderType::Visitor, "Ada Lovelace", "Where is my \"order\"?", 1'700'000'000'123, {}}};
    delivery.history = {{"msg-1", SenderType::Visitor, "", "Hello?", 1'700'000'000'000, {}},
                        {"msg-2", SenderType::Bot, "Helper", "How can I help?", 1'700'000'000'050, {}}};
    delivery.methodSettings = {{"url", Url}, {"secret", secret}};
    return delivery;
}

class WebhookChannelTest : public ::testing::Test {
protected:
    void SetUp() override {
        host.fakeClock().setMs(1'700'000'005'678);
        ASSERT_TRUE(channel.configure({}, host).empty());
    }

    /// Delivers `delivery` against the one scripted answer and returns the request that was sent.
    HttpRequest sent(const Delivery& delivery) {
        host.fakeHttp().respond(204);
        channel.deliver(delivery);
        const auto requests = host.fakeHttp().requests();
        return requests.empty() ? HttpRequest{} : requests.back();
    }

    FakeHostServices host;
    WebhookChannel channel;
};

} // namespace

// configure

TEST(WebhookChannelSettingsTest, UnknownInstanceSettingIsAnErrorNamingIt) {
    FakeHostServices host;
    WebhookChannel channel;
    const auto errors = channel.configure({{"url", Url}}, host);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].key, "url");
}

TEST(WebhookChannelSettingsTest, UserAgentMustBeOnePrintableLine) {
    FakeHostServices host;
    WebhookChannel channel;
    EXPECT_TRUE(hasErrorAt(channel.configure({{"user_agent", ""}}, host), "user_agent"));
    EXPECT_TRUE(hasErrorAt(channel.configure({{"user_agent", "Hub\r\nX-Injected: 1"}}, host), "user_agent"));
}

TEST_F(WebhookChannelTest, ConfiguredUserAgentIsSent) {
    ASSERT_TRUE(channel.configure({{"user_agent", "Acme-Hub/2.0"}}, host).empty());
    EXPECT_EQ(header(sent(handover()).headers, "User-Agent"), "Acme-Hub/2.0");
}

// validateMethod

TEST_F(WebhookChannelTest, HttpAndHttpsUrlsWithAValidSecretAreAccepted) {
    EXPECT_TRUE(channel.validateMethod({{"url", Url}, {"secret", PlainSecret}}).empty());
    EXPECT_TRUE(channel.validateMethod({{"url", "http://127.0.0.1:9090/hooks"}, {"secret", StandardSecret}}).empty());
}

TEST_F(WebhookChannelTest, UrlIsRequired) {
    const auto errors = channel.validateMethod({{"secret", PlainSecret}});
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].key, "url");
}

TEST_F(WebhookChannelTest, UrlMustBeHttpOrHttpsAndParse) {
    for (const std::string url : {"ftp://crm.example/hooks", "crm.example/hooks", "http://[::1/hooks", "https:///x",
                                  "https://crm.example:99999/", "https://crm example/"}) {
        const auto errors = channel.validateMethod({{"url", url}, {"secret", PlainSecret}});
        ASSERT_EQ(errors.size(), 1u) << url;
        EXPECT_EQ(errors[0].key, "url") << url;
    }
}

TEST_F(WebhookChannelTest, SecretIsRequired) {
    const auto errors = channel.validateMethod({{"url", Url}});
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].key, "secret");
}

TEST_F(WebhookChannelTest, AnInvalidSecretIsAnErrorThatNeverEchoesIt) {
    // Each secret, and the part of it that must not appear in the message.
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"tiny-key-1", "tiny-key-1"}, {"whsec_not*base64*at*all", "not*base64"}, {"whsec_c2hvcnQ=", "c2hvcnQ"}};
    for (const auto& [secret, fragment] : cases) {
        const auto errors = channel.validateMethod({{"url", Url}, {"secret", secret}});
        ASSERT_EQ(errors.size(), 1u) << secret;
        EXPECT_EQ(errors[0].key, "secret");
        EXPECT_EQ(errors[0].message.find(fragment), std::string::npos) << errors[0].message;
    }
}

TEST_F(WebhookChannelTest, OtherMethodSettingsAreErrorsNamingThem) {
    const auto errors = channel.validateMethod({{"url", Url}, {"secret", PlainSecret}, {"timeout", "5"}});
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].key, "timeout");
}

TEST_F(WebhookChannelTest, AMisspeltMethodSettingIsReportedWithTheKeyItLooksLike) {
    const auto errors = channel.validateMethod({{"urll", Url}, {"secret", PlainSecret}});
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].key, "url");
    EXPECT_EQ(errors[1].key, "urll");
    EXPECT_EQ(errors[1].message, "unknown setting 'urll' (did you mean 'url'?)");
}

// deliver: what is sent

TEST_F(WebhookChannelTest, PostsTheDeliveryAsJson) {
    const auto request = sent(handover());
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.url, Url);
    EXPECT_EQ(request.body,
              R"({"event":"agent_handover_requested","timestamp":"2023-11-14T22:13:20.123Z","request_id":"req-42",)"
              R"("method":"webhook","conversation_id":"conv-9","widget_id":"demo",)"
              R"("visitor":{"name":"Ada Lovelace","email":"ada@example.com","phone":null},)"
              R"("message":"Where is my \"order\"?","attempt":1,"kind":"handover_requested","recent_messages":[)"
              R"({"id":"msg-1","sender_type":"visitor","sender_name":null,"text":"Hello?",)"
              R"("sent_at":"2023-11-14T22:13:20.000Z","attachments":[]},)"
              R"({"id":"msg-2","sender_type":"bot","sender_name":"Helper","text":"How can I help?",)"
              R"("sent_at":"2023-11-14T22:13:20.050Z","attachments":[]}]})");
}

TEST_F(WebhookChannelTest, AttachmentsOfRecentMessagesAreListed) {
    auto delivery = handover();
    delivery.history = {{"msg-1", SenderType::Visitor, "", "See attached", 1'700'000'000'000,
                         {{"invoice.pdf", "application/pdf", 2048, "https://files.example/invoice.pdf"}}}};
    const auto body = sent(delivery).body;
    EXPECT_NE(body.find(R"("attachments":[{"name":"invoice.pdf","content_type":"application/pdf","size_bytes":2048,)"
                        R"("url":"https://files.example/invoice.pdf"}])"),
              std::string::npos)
        << body;
}

TEST_F(WebhookChannelTest, AnotherKindIsNamedByItsKind) {
    auto delivery = handover();
    delivery.kind = switchboard::sdk::DeliveryKind::AgentAlert;
    const auto body = sent(delivery).body;
    EXPECT_EQ(body.rfind(R"({"event":"agent_alert",)", 0), 0u) << body;
}

TEST_F(WebhookChannelTest, EmptyContactDetailsAndMessageAreNull) {
    auto delivery = handover();
    delivery.recipient.visitor = {};
    delivery.messages.clear();
    const auto body = sent(delivery).body;
    EXPECT_NE(body.find(R"("visitor":{"name":null,"email":null,"phone":null},"message":null,)"), std::string::npos)
        << body;
}

TEST_F(WebhookChannelTest, SendsContentTypeUserAgentAndStandardWebhookHeaders) {
    const auto request = sent(handover());
    const auto& headers = request.headers;
    ASSERT_EQ(headers.size(), 6u);
    EXPECT_EQ(header(headers, "Content-Type"), "application/json");
    EXPECT_EQ(header(headers, "User-Agent"), "Switchboard-Webhook/1.0");
    EXPECT_EQ(header(headers, "webhook-id"), "dlv-7f3a");
    EXPECT_EQ(header(headers, "webhook-timestamp"), "1700000005");
}

TEST_F(WebhookChannelTest, TheV1SignatureVerifiesAgainstTheSecret) {
    const auto request = sent(handover(StandardSecret));
    const auto secret = WebhookSecret::parse(StandardSecret);
    const auto& headers = request.headers;
    EXPECT_TRUE(WebhookSignature::verify(secret, header(headers, "webhook-id"), header(headers, "webhook-timestamp"),
                                         header(headers, "webhook-signature"), request.body, 1'700'000'005));
    EXPECT_FALSE(WebhookSignature::verify(secret, header(headers, "webhook-id"), header(headers, "webhook-timestamp"),
                                          header(headers, "webhook-signature"), request.body + " ", 1'700'000'005));
    EXPECT_FALSE(WebhookSignature::verify(WebhookSecret::parse(PlainSecret), header(headers, "webhook-id"),
                                          header(headers, "webhook-timestamp"), header(headers, "webhook-signature"),
                                          request.body, 1'700'000'005));
}

TEST_F(WebhookChannelTest, TheSimpleSignatureIsTheHexHmacOfTheBody) {
    const auto request = sent(handover());
    EXPECT_EQ(header(request.headers, "X-Switchboard-Signature"), "sha256=" + hexHmacSha256(PlainSecret, request.body));
}

TEST_F(WebhookChannelTest, EveryAttemptCarriesTheSameWebhookIdSoReceiversDeduplicate) {
    auto delivery = handover();
    const auto first = sent(delivery);
    host.fakeClock().advanceMs(60'000);
    delivery.attempt = 2;
    const auto second = sent(delivery);

    EXPECT_EQ(header(second.headers, "webhook-id"), header(first.headers, "webhook-id"));
    EXPECT_EQ(header(second.headers, "webhook-timestamp"), "1700000065");
    EXPECT_NE(second.body.find(R"("attempt":2,)"), std::string::npos) << second.body;
    EXPECT_TRUE(WebhookSignature::verify(WebhookSecret::parse(PlainSecret), header(second.headers, "webhook-id"),
                                         header(second.headers, "webhook-timestamp"),
                                         header(second.headers, "webhook-signature"), second.body, 1'700'000'065));
}

// deliver: what the answer means

TEST_F(WebhookChannelTest, A2xxIsDelivered) {
    host.fakeHttp().respond(202, "accepted");
    const auto result = channel.deliver(handover());
    EXPECT_EQ(result.outcome, Outcome::Delivered);
    EXPECT_EQ(result.statusCode, 202);
    EXPECT_EQ(result.responseExcerpt, "accepted");
}

TEST_F(WebhookChannelTest, A500IsRetried) {
    host.fakeHttp().respond(500, "oops");
    const auto result = channel.deliver(handover());
    EXPECT_EQ(result.outcome, Outcome::Retry);
    EXPECT_EQ(result.statusCode, 500);
    EXPECT_EQ(result.retryAfterMs, std::nullopt);
}

TEST_F(WebhookChannelTest, A429IsRetriedAfterWhatRetryAfterAsks) {
    host.fakeHttp().respond(429, "", {{"Retry-After", "120"}});
    const auto result = channel.deliver(handover());
    EXPECT_EQ(result.outcome, Outcome::Retry);
    EXPECT_EQ(result.retryAfterMs, 120'000);
}

TEST_F(WebhookChannelTest, A410FailsForGood) {
    host.fakeHttp().respond(410);
    const auto result = channel.deliver(handover());
    EXPECT_EQ(result.outcome, Outcome::Failed);
    EXPECT_EQ(result.statusCode, 410);
}

TEST_F(WebhookChannelTest, ARedirectFailsAndIsNotFollowed) {
    host.fakeHttp().respond(302, "", {{"Location", "https://elsewhere.example/"}});
    const auto result = channel.deliver(handover());
    EXPECT_EQ(result.outcome, Outcome::Failed);
    EXPECT_EQ(host.fakeHttp().requestCount(), 1u);
}

TEST_F(WebhookChannelTest, ATimeoutIsRetried) {
    host.fakeHttp().fail(HttpError::Kind::Timeout, "no answer within 15000 ms");
    const auto result = channel.deliver(handover());
    EXPECT_EQ(result.outcome, Outcome::Retry);
    EXPECT_EQ(result.statusCode, std::nullopt);
}

TEST_F(WebhookChannelTest, ARefusedAddressFailsNamingTheHostOnly) {
    auto delivery = handover();
    delivery.methodSettings["url"] = "https://crm.example/hooks/token-abc123";
    host.fakeHttp().fail(HttpError::Kind::Refused, "crm.example resolves to a private address");
    const auto result = channel.deliver(delivery);
    EXPECT_EQ(result.outcome, Outcome::Failed);
    EXPECT_NE(result.detail.find("crm.example"), std::string::npos) << result.detail;
    EXPECT_EQ(result.detail.find("token-abc123"), std::string::npos) << result.detail;
}

TEST_F(WebhookChannelTest, ABadMethodSettingAtDeliveryFailsNamingTheKeyWithoutSending) {
    auto delivery = handover();
    delivery.methodSettings["secret"] = "tiny-key-1";
    const auto result = channel.deliver(delivery);
    EXPECT_EQ(result.outcome, Outcome::Failed);
    EXPECT_NE(result.detail.find("secret"), std::string::npos) << result.detail;
    EXPECT_EQ(result.detail.find("tiny-key-1"), std::string::npos) << result.detail;
    EXPECT_EQ(host.fakeHttp().requestCount(), 0u);
}

// describe

TEST_F(WebhookChannelTest, DescribesItsMethodAndEverySettingItReads) {
    const auto description = channel.describe();
    EXPECT_EQ(description.displayName, "Webhook");
    ASSERT_EQ(description.handoverMethods.size(), 1u);
    EXPECT_EQ(description.handoverMethods[0].name, "webhook");
    EXPECT_EQ(description.handoverMethods[0].label, "Our team");
    EXPECT_TRUE(description.handoverMethods[0].requiredFields.empty());
    ASSERT_EQ(description.instanceSettings.size(), 1u);
    EXPECT_EQ(description.instanceSettings[0].key, "user_agent");
    ASSERT_EQ(description.methodSettings.size(), 2u);
    EXPECT_EQ(description.methodSettings[0].key, "url");
    EXPECT_TRUE(description.methodSettings[0].required);
    EXPECT_EQ(description.methodSettings[0].type, SettingType::HttpUrl);
    EXPECT_EQ(description.methodSettings[1].key, "secret");
    EXPECT_EQ(description.methodSettings[1].type, SettingType::Secret);
    EXPECT_EQ(description.instanceSettings[0].type, SettingType::Text);
    for (const auto& setting : description.methodSettings) EXPECT_FALSE(setting.description.empty()) << setting.key;
}

// test

TEST_F(WebhookChannelTest, TestPostsASignedTestEvent) {
    host.fakeHttp().respond(204);
    const auto result = channel.test({{"url", Url}, {"secret", StandardSecret}});

    EXPECT_EQ(result.outcome, switchboard::sdk::TestResult::Outcome::Passed);
    EXPECT_EQ(result.statusCode, 204);
    EXPECT_EQ(result.reference.rfind("test_", 0), 0u);
    const auto request = host.fakeHttp().requests().at(0);
    EXPECT_EQ(request.url, Url);
    EXPECT_EQ(header(request.headers, "webhook-id"), result.reference);
    EXPECT_EQ(request.body.rfind(R"({"event":"webhook.test","timestamp":"2023-11-14T22:13:25.678Z",)", 0), 0u)
        << request.body;
    EXPECT_TRUE(WebhookSignature::verify(WebhookSecret::parse(StandardSecret), result.reference,
                                         header(request.headers, "webhook-timestamp"),
                                         header(request.headers, "webhook-signature"), request.body, 1'700'000'005));
}

TEST_F(WebhookChannelTest, TestOfAReceiverThatFailsSaysHowItAnswered) {
    host.fakeHttp().respond(500, "database down");
    const auto result = channel.test({{"url", Url}, {"secret", PlainSecret}});
    EXPECT_EQ(result.outcome, switchboard::sdk::TestResult::Outcome::Failed);
    EXPECT_EQ(result.statusCode, 500);
    EXPECT_EQ(result.detail, "HTTP 500 from crm.example");
    EXPECT_EQ(result.responseExcerpt, "database down");

    host.fakeHttp().fail(HttpError::Kind::Timeout, "no answer in 15 s");
    const auto silent = channel.test({{"url", Url}, {"secret", PlainSecret}});
    EXPECT_EQ(silent.outcome, switchboard::sdk::TestResult::Outcome::Failed);
    EXPECT_EQ(silent.statusCode, std::nullopt);
    EXPECT_NE(silent.detail.find("crm.example"), std::string::npos) << silent.detail;
}

TEST_F(WebhookChannelTest, TestWithUnusableSettingsNamesThemAndSendsNothing) {
    const auto result = channel.test({{"url", "ftp://crm.example"}, {"secret", "short"}});
    EXPECT_EQ(result.outcome, switchboard::sdk::TestResult::Outcome::InvalidSettings);
    EXPECT_TRUE(hasErrorAt(result.settingErrors, "url"));
    EXPECT_TRUE(hasErrorAt(result.settingErrors, "secret"));
    EXPECT_TRUE(host.fakeHttp().requests().empty());

    host.fakeHttp().fail(HttpError::Kind::Refused, "127.0.0.1 is not a public address");
    const auto refused = channel.test({{"url", "http://127.0.0.1/hook"}, {"secret", PlainSecret}});
    EXPECT_EQ(refused.outcome, switchboard::sdk::TestResult::Outcome::InvalidSettings);
    ASSERT_EQ(refused.settingErrors.size(), 1u);
    EXPECT_EQ(refused.settingErrors[0].key, "url");
}
