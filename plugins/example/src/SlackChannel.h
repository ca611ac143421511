#pragma once

#include <switchboard/sdk/Channel.h>
#include <switchboard/sdk/SettingsReader.h>

#include <optional>
#include <string>

namespace example {

/// Posts to a Slack channel through a Slack incoming webhook (`https://hooks.slack.com/services/...`), or to anything
/// that accepts the same `{"text": ...}` POST: each handover request with what the visitor wrote so far, and each
/// agent alert. Slack reaches the team, not visitors, so the kinds meant for a visitor (`agent_message`,
/// `visitor_notice`, `transcript`) and `visitor_message` (for a bot) fail at once.
///
/// Instance settings (hub.yaml `channels.<name>.settings`): `mention_here`, "true" or "false" (default), to start
/// each post with @here. Method settings (the widget's handover method): `webhook_url`, required, http(s).
class SlackChannel final : public switchboard::sdk::Channel {
public:
    switchboard::sdk::ChannelDescription describe() const override;
    switchboard::sdk::SettingErrors configure(const switchboard::sdk::Settings& settings,
                                              switchboard::sdk::HostServices& host) override;
    switchboard::sdk::SettingErrors validateMethod(const switchboard::sdk::Settings& methodSettings) const override;
    switchboard::sdk::DeliveryResult deliver(const switchboard::sdk::Delivery& delivery) override;
    /// Posts "Test from Switchboard" to the method's `webhook_url`.
    switchboard::sdk::TestResult test(const switchboard::sdk::Settings& methodSettings) override;

    /// What is posted for `delivery`, or nullopt for a kind Slack does not take. A handover:
    /// "Ada (ada@example.com) asks for a person on demo: Where is my order?", then the recent messages, one a line.
    static std::optional<std::string> text(const switchboard::sdk::Delivery& delivery);

private:
    /// POSTs `{"text": text}` to `url`.
    switchboard::sdk::DeliveryResult post(const switchboard::sdk::SettingsReader::HttpUrl& url,
                                          const std::string& text) const;

    // Written by configure only, before any delivery; read-only afterwards, so deliver needs no lock.
    switchboard::sdk::HostServices* _host = nullptr;
    bool _mentionHere = false;
};

} // namespace example
