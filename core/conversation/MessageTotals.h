#pragma once

#include "core/conversation/Conversation.h"
#include "core/conversation/Message.h"

#include <cstddef>

namespace switchboard::core::conversation {

/// What a newly stored message changes in its conversation, whoever sent it: the sequence, the last message
/// and its preview, the activity times. Unread counters depend on the sender and stay with the caller;
/// ConversationRepository::saveMessageTotals writes the result.
class MessageTotals {
public:
    /// Characters of a message kept as the conversation's preview in lists.
    static constexpr std::size_t PreviewChars = 140;

    /// Records `message`, stored with the next seq, as the latest of `conversation`; its preview is the first
    /// PreviewChars characters of the text, cut on a UTF-8 boundary.
    static void add(Conversation& conversation, const Message& message);
};

} // namespace switchboard::core::conversation
