#pragma once

#include "core/realtime/EventTable.h"
#include "core/realtime/LoopRouter.h"
#include "core/realtime/SocketResponder.h"
#include "core/realtime/SocketServices.h"
#include "core/realtime/TypingRelay.h"

namespace switchboard::core::realtime {

/// What an agent's socket (the portal, a CRM) may send: joining conversations' rooms, replies, catch-up, status,
/// viewing and typing. Access to a conversation is checked as over REST (404 for one the agent may not see).
class AgentEvents {
public:
    AgentEvents(SocketServices services, const SocketResponder& answers, const TypingRelay& typingRelay,
                LoopRouter& router);

    /// False for an event an agent may not send.
    bool dispatch(std::string_view name, EventCall& call) const { return _table.dispatch(name, call); }

private:
    /// `agent:join_conversation` or `agent:leave_conversation`: the socket's room of the conversation.
    void membership(EventCall& call, bool joining) const;
    void sendMessage(EventCall& call) const;
    void sync(EventCall& call) const;
    void setStatus(EventCall& call) const;
    void heartbeat(EventCall& call) const;
    /// `agent:viewing` or `agent:stop_viewing`, tied to the socket.
    void viewing(EventCall& call, bool start) const;
    void typing(EventCall& call) const;

    SocketServices _services;
    const SocketResponder& _answers;
    const TypingRelay& _typing;
    LoopRouter& _router;
    const EventTable _table;
};

} // namespace switchboard::core::realtime
