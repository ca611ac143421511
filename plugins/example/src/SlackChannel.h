#pragma once

#include <switchboard/sdk/Channel.h>

#include <string>

namespace example {

/// Posts each handover request to a Slack channel through a Slack incoming webhook
/// (`https://hooks.slack.com/services/...`), or to anything that accepts the same `{"text": ...}` POST.
///
/// Instance settings (hub.yaml `channels.<name>.settings`): `mention_here`, "true" or "false" (default), to start
/// each post with @here. Method settings (the widget's handover method): `webhook_url`, required, https only.
class SlackChannel final : public switchboard::sdk::Channel {
public:
    switchboard::sdk::SettingErrors configure(const switchboard::sdk::Settings& settings,
                                              switchboard::sdk::HostServices& host) override;
    switchboard::sdk::SettingErrors validateMethod(const switchboard::sdk::Settings& methodSettings) const override;
    switchboard::sdk::DeliveryResult deliver(const switchboard::sdk::Delivery& delivery) override;

    /// The line posted for `delivery`: "Ada (ada@example.com) asks for a person on demo: Where is my order?".
    static std::string text(const switchboard::sdk::Delivery& delivery);

private:
    // Written by configure only, before any delivery; read-only afterwards, so deliver needs no lock.
    switchboard::sdk::HostServices* _host = nullptr;
    bool _mentionHere = false;
};

} // namespace example
