#include "core/realtime/AgentEvents.h"

#include "core/conversation/ConversationJson.h"
#include "core/events/EventNames.h"
#include "core/realtime/MessagePageJson.h"
#include "core/realtime/RoomNames.h"

#include <algorithm>

namespace switchboard::core::realtime {

namespace names = events::names;

AgentEvents::AgentEvents(SocketServices services, const SocketResponder& answers, const TypingRelay& typingRelay,
                         LoopRouter& router)
    : _services(services),
      _answers(answers),
      _typing(typingRelay),
      _router(router),
      _table({
          {names::AgentJoinConversation, [this](EventCall& call) { membership(call, true); }},
          {names::AgentLeaveConversation, [this](EventCall& call) { membership(call, false); }},
          {names::AgentSendMessage, [this](EventCall& call) { sendMessage(call); }},
          {names::AgentSync, [this](EventCall& call) { sync(call); }},
          {names::AgentSetStatus, [this](EventCall& call) { setStatus(call); }},
          {names::AgentHeartbeat, [this](EventCall& call) { heartbeat(call); }},
          {names::AgentViewing, [this](EventCall& call) { viewing(call, true); }},
          {names::AgentStopViewing, [this](EventCall& call) { viewing(call, false); }},
          {names::AgentTyping, [this](EventCall& call) { typing(call); }},
      }) {}

void AgentEvents::membership(EventCall& call, bool joining) const {
    const auto id = call.connection.id();
    _answers.onWorker(call.loop, call.connection, call.ackId,
                      [this, caller = call.connection.identity->agent, args = call.args, id, joining] {
                          const auto conversationId = args.bareOr("conversation_id");
                          // Access is checked for both: leaving a room one never could have joined is a 404 too.
                          _services.conversations.get(caller, conversationId);
                          _router.toConnection(id, [id, room = RoomNames::conversation(conversationId),
                                                    joining](SocketLoop& owner) {
                              if (auto* alive = owner.find(id)) {
                                  if (joining) {
                                      owner.join(*alive, room);
                                  } else {
                                      owner.leave(*alive, room);
                                  }
                              }
                          });
                          Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
                          result->set("conversation_id", conversationId);
                          result->set("joined", joining);
                          return Poco::Dynamic::Var(result);
                      });
}

void AgentEvents::sendMessage(EventCall& call) const {
    _answers.onWorker(call.loop, call.connection, call.ackId,
                      [this, caller = call.connection.identity->agent, args = call.args] {
                          const auto& body = args.body();
                          const auto posted = _services.messages.postAgentMessage(
                              caller, body.requireString("conversation_id"), body.requireString("text"),
                              body.optString("client_msg_id"));
                          return Poco::Dynamic::Var(
                              conversation::ConversationJson::agentMessage(posted.message, posted.delivery));
                      });
}

void AgentEvents::sync(EventCall& call) const {
    _answers.onWorker(call.loop, call.connection, call.ackId,
                      [this, caller = call.connection.identity->agent, args = call.args] {
                          return Poco::Dynamic::Var(MessagePageJson::agentObject(_services.messages.agentMessages(
                              caller, args.body().requireString("conversation_id"), std::nullopt,
                              args.count("after_seq", 0), conversation::MessageService::MaxPageSize)));
                      });
}

void AgentEvents::setStatus(EventCall& call) const {
    _answers.now(call.loop, call.connection, call.ackId, [this, &call] {
        const auto& caller = call.connection.identity->agent;
        const auto status = call.args.bareOr("status");
        _services.agentPresence.setStatus(caller.agent, status);
        Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
        result->set("agent_id", caller.agent.id);
        result->set("status", status);
        return Poco::Dynamic::Var(result);
    });
}

void AgentEvents::heartbeat(EventCall& call) const {
    _answers.now(call.loop, call.connection, call.ackId, [this, &call] {
        auto& presence = _services.agentPresence;
        presence.heartbeat(call.connection.identity->agent.agent);
        // When the next one is due: the portal learns the hub's timing from its first heartbeat.
        Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
        result->set("heartbeat_s", presence.heartbeatS());
        result->set("stale_after_s", presence.staleAfterS());
        return Poco::Dynamic::Var(result);
    });
}

void AgentEvents::viewing(EventCall& call, bool start) const {
    const auto id = call.connection.id();
    _answers.onWorker(
        call.loop, call.connection, call.ackId,
        [this, caller = call.connection.identity->agent, args = call.args, id, start] {
            const auto view = _services.conversations.get(caller, args.bareOr("conversation_id"));
            // Applied on the socket's loop, and only while it is open: a viewing tied to a socket that is already
            // gone would never end.
            _router.toConnection(id, [this, id, start, agentId = caller.agent.id, conversationId = view.conversation.id,
                                      widgetId = view.conversation.widgetId](SocketLoop& owner) {
                if (auto* alive = owner.find(id); !alive || alive->closing()) return;
                if (start) {
                    _services.viewing.startViewing(agentId, conversationId, widgetId, id);
                } else {
                    _services.viewing.stopViewing(agentId, conversationId, id);
                }
            });
            Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
            result->set("conversation_id", view.conversation.id);
            result->set("viewing", start);
            return Poco::Dynamic::Var(result);
        });
}

void AgentEvents::typing(EventCall& call) const {
    _answers.now(call.loop, call.connection, call.ackId, [this, &call] {
        const auto conversationId = call.args.body().requireString("conversation_id");
        const bool isTyping = call.args.flag("is_typing");
        // Only into a conversation the agent joined, which is where access was checked.
        const auto& rooms = call.connection.rooms;
        if (std::find(rooms.begin(), rooms.end(), RoomNames::conversation(conversationId)) == rooms.end())
            throw common::ApiError::notFound("conversation");
        return Poco::Dynamic::Var(_typing.offer(call.loop, call.connection, conversationId, isTyping));
    });
}

} // namespace switchboard::core::realtime
