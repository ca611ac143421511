#pragma once

#include "core/realtime/RoomRelay.h"
#include "core/realtime/SocketLoop.h"

#include <string>

namespace switchboard::core::realtime {

/// Fans a socket's typing state out to the other side of its conversation, at most once a second per conversation
/// (see TypingThrottle): a client that sends thousands of updates costs the others one event a second.
class TypingRelay {
public:
    explicit TypingRelay(const RoomRelay& rooms) : _rooms(rooms) {}

    /// Fans the update out now, or holds it for the next allowed moment (the socket's deadline is moved to it).
    /// Returns the acknowledgement: `{conversation_id, is_typing}`.
    Poco::JSON::Object::Ptr offer(SocketLoop& loop, Connection& sender, const std::string& conversationId,
                                  bool isTyping) const;
    /// Fans out the sender's held updates that are due now.
    void flushDue(SocketLoop& loop, Connection& sender) const;

private:
    /// A visitor's typing goes to the agents of its conversation and widget; an agent's to the conversation, while
    /// the agent is still in its room.
    void fanOut(const Connection& sender, const std::string& conversationId, bool isTyping) const;

    const RoomRelay& _rooms;
};

} // namespace switchboard::core::realtime
