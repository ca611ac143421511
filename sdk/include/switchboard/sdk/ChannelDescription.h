#pragma once

#include "switchboard/sdk/HandoverMethodDescription.h"
#include "switchboard/sdk/SettingDescription.h"

#include <string>
#include <vector>

namespace switchboard::sdk {

/// How a channel reaches a conversation's visitor with `agent_message`, `visitor_notice` and `transcript`
/// deliveries: at the visitor's email address, at their phone number, or not at all (a webhook into a CRM, the
/// portal). A channel that reaches visitors becomes the conversation's "visitor channel" after a handover to it or
/// an inbound message through it, and agents' replies are then delivered through it.
enum class VisitorReach { None, Email, Phone };

/// What a channel says about itself, once, when the host loads it: for the portal's forms, for the defaults of a
/// widget's handover methods, and for `GET /api/plugins`.
struct ChannelDescription {
    /// e.g. "Webhook (Standard Webhooks)"; empty: the plugin's name is shown.
    std::string displayName;
    /// The handover methods it can back; the first is the default for a method of another name.
    std::vector<HandoverMethodDescription> handoverMethods;
    /// What hub.yaml's `channels.<instance>.settings` may hold.
    std::vector<SettingDescription> instanceSettings;
    /// What a widget's handover method may hold for it, besides the hub's own keys.
    std::vector<SettingDescription> methodSettings;
    /// Whether and how it reaches visitors; `None` unless it handles `agent_message`.
    VisitorReach visitorReach = VisitorReach::None;
};

} // namespace switchboard::sdk
