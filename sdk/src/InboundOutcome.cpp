#include "switchboard/sdk/InboundOutcome.h"

#include <utility>

namespace switchboard::sdk {

InboundOutcome InboundOutcome::stored(std::string conversationId, bool openedConversation) {
    return {Kind::Stored, std::move(conversationId), openedConversation, {}};
}

InboundOutcome InboundOutcome::duplicate(std::string conversationId) {
    return {Kind::Duplicate, std::move(conversationId), false, {}};
}

InboundOutcome InboundOutcome::refused(std::string reason) { return {Kind::Refused, {}, false, std::move(reason)}; }

} // namespace switchboard::sdk
