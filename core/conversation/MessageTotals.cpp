#include "core/conversation/MessageTotals.h"

#include <algorithm>
#include <string>

namespace switchboard::core::conversation {

namespace {

std::string preview(const std::string& text) {
    std::size_t bytes = 0, chars = 0;
    while (bytes < text.size() && chars < MessageTotals::PreviewChars) {
        const auto lead = static_cast<unsigned char>(text[bytes]);
        bytes += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        ++chars;
    }
    return text.substr(0, std::min(bytes, text.size()));
}

} // namespace

void MessageTotals::add(Conversation& conversation, const Message& message) {
    auto& c = conversation;
    c.lastSeq = message.seq;
    c.lastMessageText = preview(message.text);
    c.lastMessageSender = message.senderType;
    c.lastMessageAt = message.createdAt;
    if (!c.firstMessageAt) c.firstMessageAt = message.createdAt;
    c.activityAt = message.createdAt;
    c.updatedAt = message.createdAt;
}

} // namespace switchboard::core::conversation
