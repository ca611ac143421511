#pragma once

#include "core/conversation/Conversation.h"

#include <switchboard/sdk/ChannelDescription.h>

#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::conversation {

/// The channel instances that reach visitors (`sdk::ChannelDescription::visitorReach`), and where each reaches a
/// conversation's visitor: what a conversation's visitor channel may be. Filled once while the hub starts, from
/// the loaded channels; read-only afterwards.
class VisitorChannels {
public:
    /// Where a conversation's visitor is (or can be) reached besides the widget.
    struct Reach {
        /// The channel instance.
        std::string channel;
        /// Its channel's display name ("WhatsApp").
        std::string displayName;
        std::string address;
    };

    /// Records channel instance `instance`; one that reaches no visitor is left out.
    void add(std::string instance, std::string displayName, sdk::VisitorReach reach);

    /// Where `instance` reaches a visitor with these contact details: their email or phone, as the channel's reach
    /// says; none when it reaches no visitor or they gave no such detail.
    std::optional<Reach> reach(const std::string& instance, const std::optional<std::string>& email,
                               const std::optional<std::string>& phone) const;
    /// `instance` at `address` (where an inbound message through it came from); none when it reaches no visitor.
    std::optional<Reach> reachAt(const std::string& instance, const std::string& address) const;
    /// The conversation's visitor channel, or none when the visitor is reached in the widget only.
    std::optional<Reach> current(const ConversationView& view) const;
    /// Every instance that can reach the conversation's visitor, in hub.yaml's order: the current one at its
    /// address, the others as `reach` finds them.
    std::vector<Reach> options(const ConversationView& view) const;

private:
    struct Entry {
        std::string instance;
        std::string displayName;
        sdk::VisitorReach reach;
    };

    const Entry* find(const std::string& instance) const;

    std::vector<Entry> _entries;
};

} // namespace switchboard::core::conversation
