#pragma once

#include "core/auth/Caller.h"
#include "core/conversation/Visitor.h"

#include <string>

namespace switchboard::core::realtime {

/// Who is behind a socket, once its Socket.IO CONNECT was accepted: a visitor in one conversation, or an agent.
struct SocketIdentity {
    enum class Kind { Visitor, Agent };
    Kind kind = Kind::Visitor;
    conversation::Visitor visitor;
    std::string conversationId;
    auth::Caller agent;

    bool isVisitor() const { return kind == Kind::Visitor; }
};

} // namespace switchboard::core::realtime
