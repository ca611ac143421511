#pragma once

#include "core/common/EnumNames.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::config {

struct WidgetAppearance {
    std::string title = "Chat with us";
    std::string primaryColor = "#2563eb";
    std::string textColor = "#ffffff";
    /// `bottom-right` or `bottom-left`.
    std::string position = "bottom-right";
    std::string launcherIcon = "chat";
    std::string agentAvatarUrl;
};

struct WidgetTexts {
    std::string welcome = "Hi! How can we help?";
    std::string inputPlaceholder = "Type your message...";
    std::string offline = "We're away right now. Leave a message and we'll reply by email.";
    std::string prechatIntro = "Tell us a little about yourself so we can help.";
    std::string handoverButton = "Talk to a person";
    std::string ratingPrompt = "How did we do?";
};

/// One pre-chat form field. `type` is `name`, `email`, `phone`, `text` or `textarea`; the three built-in
/// names (`name`, `email`, `phone`) map to visitor columns, every other name is a custom field.
struct PrechatField {
    std::string name;
    std::string label;
    std::string type = "text";
    bool required = false;
    std::size_t maxLength = 200;
};

struct PrechatConfig {
    bool enabled = true;
    std::vector<PrechatField> fields;
};

struct WidgetRateLimits {
    int conversationsPerIpPerHour = 10;
    int messagesPerVisitorPerMinute = 30;
};

/// A weekly opening window, e.g. days [mon..fri] 09:00–17:00 in `timezone`.
struct BusinessHoursWindow {
    std::vector<std::string> days;
    std::string open;  // "HH:MM"
    std::string close; // "HH:MM"
};

struct BusinessHours {
    bool enabled = false;
    std::string timezone = "UTC";
    std::vector<BusinessHoursWindow> windows;
};

struct HandoverMethod {
    std::string name;     // portal, email, whatsapp, sms, webhook, or any operator-chosen name
    std::string channel;  // channel instance in hub.yaml
    /// What the visitor sees in the choice dialog; empty until given by the file or by the channel's description.
    std::string label;
    /// YAML `requires`: visitor fields name, email, phone.
    std::vector<std::string> requiredFields;
    /// The file gave `requires` (possibly empty); otherwise the channel's description decides.
    bool requiredFieldsGiven = false;
    /// Text shown once the request is accepted; empty until given by the file or by the channel's description.
    std::string confirmation;
    /// Per-method settings handed to the channel (webhook `url`, `secret`, ...), `${ENV}` resolved.
    std::map<std::string, std::string> settings;
};

struct HandoverConfig {
    bool enabled = false;
    std::string defaultMethod;
    int maxAttempts = 3;
    std::vector<HandoverMethod> methods;
};

/// What becomes of a message from outside (a WhatsApp or email message through a channel) that no open conversation
/// of the widget matches: it opens a new conversation (`open`, the default) or is refused, logged and counted
/// (`refuse`).
enum class UnmatchedInbound { Open, Refuse };

/// The names the widget's YAML uses; the only place they are spelt.
inline constexpr common::EnumNames<UnmatchedInbound, 2> UnmatchedInboundNames{{{
    {UnmatchedInbound::Open, "open"},
    {UnmatchedInbound::Refuse, "refuse"},
}}};

struct InboundConfig {
    UnmatchedInbound unmatched = UnmatchedInbound::Open;
};

struct WidgetConfig {
    /// Equals the file's base name (`demo.yaml` → `demo`).
    std::string id;
    std::string sourceFile;
    std::string name;
    std::vector<std::string> allowedOrigins;
    WidgetAppearance appearance;
    WidgetTexts texts;
    PrechatConfig prechat;
    WidgetRateLimits rateLimits;
    BusinessHours businessHours;
    HandoverConfig handover;
    InboundConfig inbound;
};

} // namespace switchboard::core::config
