#pragma once

#include <optional>
#include <string_view>

namespace switchboard::sdk {

/// Who wrote a message of a conversation.
enum class SenderType {
    Visitor,
    Agent,
    Bot,
    /// The hub itself: texts the visitor and the agents read alike ("connecting you to an agent").
    System,
};

/// The sender type's name on the wire: "visitor", "agent", "bot", "system".
std::string_view toString(SenderType type);

/// The sender type named `name`, or nullopt for a name no type has.
std::optional<SenderType> senderTypeFromString(std::string_view name);

} // namespace switchboard::sdk
