#pragma once

#include "core/realtime/EventTable.h"
#include "core/realtime/SocketResponder.h"
#include "core/realtime/SocketServices.h"
#include "core/realtime/TypingRelay.h"

namespace switchboard::core::realtime {

/// What a visitor's socket (the widget) may send: its messages, its catch-up, its presence and its typing.
class VisitorEvents {
public:
    VisitorEvents(SocketServices services, const SocketResponder& answers, const TypingRelay& typingRelay);

    /// False for an event a visitor may not send.
    bool dispatch(std::string_view name, EventCall& call) const { return _table.dispatch(name, call); }

private:
    void sendMessage(EventCall& call) const;
    void sync(EventCall& call) const;
    /// `widget:online`, `widget:heartbeat` or `widget:offline`, answered with the visitor's presence.
    void presence(EventCall& call, std::string_view name) const;
    void typing(EventCall& call) const;

    SocketServices _services;
    const SocketResponder& _answers;
    const TypingRelay& _typing;
    const EventTable _table;
};

} // namespace switchboard::core::realtime
