#include "core/realtime/VisitorEvents.h"

#include "core/conversation/ConversationJson.h"
#include "core/events/EventNames.h"
#include "core/presence/VisitorPresenceJson.h"
#include "core/realtime/MessagePageJson.h"

namespace switchboard::core::realtime {

namespace names = events::names;

VisitorEvents::VisitorEvents(SocketServices services, const SocketResponder& answers, const TypingRelay& typingRelay)
    : _services(services),
      _answers(answers),
      _typing(typingRelay),
      _table({
          {names::VisitorSendMessage, [this](EventCall& call) { sendMessage(call); }},
          {names::VisitorSync, [this](EventCall& call) { sync(call); }},
          {names::WidgetOnline, [this](EventCall& call) { presence(call, names::WidgetOnline); }},
          {names::WidgetHeartbeat, [this](EventCall& call) { presence(call, names::WidgetHeartbeat); }},
          {names::WidgetOffline, [this](EventCall& call) { presence(call, names::WidgetOffline); }},
          {names::VisitorTyping, [this](EventCall& call) { typing(call); }},
      }) {}

void VisitorEvents::sendMessage(EventCall& call) const {
    const auto& who = *call.connection.identity;
    _answers.onWorker(call.loop, call.connection, call.ackId,
                      [this, visitor = who.visitor, conversationId = who.conversationId, args = call.args] {
                          const auto& body = args.body();
                          const auto target = body.optString("conversation_id").value_or(conversationId);
                          const auto posted = _services.messages.postVisitorMessage(
                              visitor, target, body.requireString("text"), body.optString("client_msg_id"));
                          return Poco::Dynamic::Var(conversation::ConversationJson::message(posted.message));
                      });
}

void VisitorEvents::sync(EventCall& call) const {
    const auto& who = *call.connection.identity;
    _answers.onWorker(call.loop, call.connection, call.ackId,
                      [this, visitor = who.visitor, conversationId = who.conversationId, args = call.args] {
                          return Poco::Dynamic::Var(MessagePageJson::object(_services.messages.visitorMessagesAfter(
                              visitor, conversationId, args.count("after_seq", 0),
                              conversation::MessageService::MaxPageSize)));
                      });
}

void VisitorEvents::presence(EventCall& call, std::string_view name) const {
    const auto& who = *call.connection.identity;
    _answers.now(call.loop, call.connection, call.ackId, [this, &who, name] {
        auto& presence = _services.visitorPresence;
        if (name == names::WidgetOnline) {
            presence.online(who.visitor.id);
        } else if (name == names::WidgetHeartbeat) {
            presence.heartbeat(who.visitor.id);
        } else {
            presence.offline(who.visitor.id);
        }
        return Poco::Dynamic::Var(
            presence::VisitorPresenceJson::object(presence.snapshot(who.visitor.id), who.visitor.lastSeenAt));
    });
}

void VisitorEvents::typing(EventCall& call) const {
    _answers.now(call.loop, call.connection, call.ackId, [this, &call] {
        const auto& who = *call.connection.identity;
        const bool isTyping = call.args.flag("is_typing");
        return Poco::Dynamic::Var(_typing.offer(call.loop, call.connection, who.conversationId, isTyping));
    });
}

} // namespace switchboard::core::realtime
