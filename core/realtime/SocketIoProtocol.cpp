#include "core/realtime/SocketIoProtocol.h"

#include "core/common/ApiError.h"
#include "core/common/ApiErrorJson.h"
#include "core/common/JsonNulCheck.h"
#include "core/common/SecureRandom.h"
#include "core/conversation/ConversationJson.h"
#include "core/presence/VisitorPresenceJson.h"
#include "core/realtime/EnginePacket.h"
#include "core/realtime/WebSocketCloseCode.h"
#include "core/realtime/WebSocketFrameEncoder.h"

#include <Poco/Logger.h>

#include <set>

namespace switchboard::core::realtime {

namespace {

constexpr auto PolicyViolation = static_cast<std::uint16_t>(WebSocketCloseCode::PolicyViolation);
constexpr auto ProtocolError = static_cast<std::uint16_t>(WebSocketCloseCode::ProtocolError);
constexpr auto NormalClose = static_cast<std::uint16_t>(WebSocketCloseCode::Normal);

/// Events a visitor's socket receives as they are; the rest of what its conversation room hears is for agents...
const std::set<std::string> VisitorEvents = {"message:new", "agent:typing"};
/// ...but for these, which it receives as `{conversation_id, status}` (see visitorView).
const std::set<std::string> VisitorConversationEvents = {"conversation:resolved"};

/// What a visitor hears of a change to its conversation: which one and its status. The agents' fields (tags,
/// assignee, the visitor's address and browser) stay with the agents.
Poco::JSON::Object::Ptr visitorView(const Poco::JSON::Object::Ptr& payload) {
    Poco::JSON::Object::Ptr view = new Poco::JSON::Object;
    view->set("conversation_id", payload->get("conversation_id"));
    if (const auto conversation = payload->getObject("conversation")) view->set("status", conversation->get("status"));
    return view;
}

Poco::JSON::Object::Ptr errorObject(int status, const std::string& code, const std::string& message) {
    return common::apiErrorJson(common::ApiError(status, code, message));
}

/// The event's argument as an object (an event without one reads as empty).
Poco::JSON::Object::Ptr objectArg(const Poco::Dynamic::Var& arg) {
    if (arg.type() == typeid(Poco::JSON::Object::Ptr)) return arg.extract<Poco::JSON::Object::Ptr>();
    return new Poco::JSON::Object;
}

std::optional<std::string> optString(const Poco::JSON::Object::Ptr& object, const std::string& key) {
    if (!object || !object->has(key) || !object->get(key).isString()) return std::nullopt;
    return object->getValue<std::string>(key);
}

std::string requireString(const Poco::JSON::Object::Ptr& object, const std::string& key) {
    auto value = optString(object, key);
    if (!value) throw common::ApiError::badRequest("missing_field", key + " is required", key);
    return *value;
}

std::int64_t optInt(const Poco::JSON::Object::Ptr& object, const std::string& key, std::int64_t fallback) {
    if (!object || !object->has(key)) return fallback;
    const auto value = object->get(key);
    if (!value.isInteger()) throw common::ApiError::badRequest("invalid_field", key + " must be an integer", key);
    return value.convert<std::int64_t>();
}

bool flag(const Poco::JSON::Object::Ptr& object, const std::string& key) {
    return object && object->has(key) && object->get(key).isBoolean() && object->getValue<bool>(key);
}

/// A conversation id given as the bare string (as the widget seeds send it) or as `{conversation_id}`.
std::string conversationIdOf(const Poco::Dynamic::Var& arg) {
    if (arg.isString()) return arg.convert<std::string>();
    return requireString(objectArg(arg), "conversation_id");
}

Poco::JSON::Object::Ptr messagePage(const conversation::MessagePage& page) {
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
    result->set("messages", conversation::ConversationJson::messages(page.messages));
    result->set("has_more", page.hasMore);
    return result;
}

std::string conversationRoom(const std::string& id) { return "c:" + id; }

/// Connection ids start at 1: a change committed over REST comes from no socket.
constexpr std::uint64_t NoConnection = 0;

} // namespace

SocketIoProtocol::SocketIoProtocol(SocketServices services, common::WorkerPool& workers, LoopRouter& router,
                                   const config::RealtimeConfig& settings)
    : _services(services), _workers(workers), _router(router), _settings(settings) {}

std::string SocketIoProtocol::roomKey(const events::Room& room) {
    switch (room.kind) {
    case events::Room::Kind::Conversation:
        return "c:" + room.id;
    case events::Room::Kind::WidgetAgents:
        return "w:" + room.id;
    case events::Room::Kind::Agent:
        return "a:" + room.id;
    }
    return room.id;
}

std::shared_ptr<const std::string> SocketIoProtocol::textFrame(const std::string& engineText) {
    auto frame = std::make_shared<std::string>();
    WebSocketFrameEncoder::appendText(*frame, engineText);
    return frame;
}

void SocketIoProtocol::sendEngine(RealtimeLoop& loop, Connection& connection, const std::string& engineText) {
    loop.send(connection, textFrame(engineText));
}

void SocketIoProtocol::sendPacket(RealtimeLoop& loop, Connection& connection, const SocketIoPacket& packet) {
    sendEngine(loop, connection, packet.encodeMessage());
}

void SocketIoProtocol::opened(RealtimeLoop& loop, Connection& connection) {
    connection.sid = common::SecureRandom::token(15);
    sendEngine(loop, connection,
               EnginePacket::open({connection.sid, _settings.pingIntervalMs, _settings.pingTimeoutMs,
                                   static_cast<std::int64_t>(_settings.maxMessageBytes)}));
    loop.setDeadline(connection, loop.nowMs() + _settings.connectTimeoutMs);
}

void SocketIoProtocol::deadline(RealtimeLoop& loop, Connection& connection) {
    if (!connection.identity) {
        loop.close(connection, PolicyViolation, "no Socket.IO CONNECT in time");
    } else if (connection.awaitingPong) {
        loop.close(connection, PolicyViolation, "ping timeout");
    } else {
        connection.awaitingPong = true;
        sendEngine(loop, connection, EnginePacket::ping());
        loop.setDeadline(connection, loop.nowMs() + _settings.pingTimeoutMs);
    }
}

void SocketIoProtocol::closed(RealtimeLoop&, Connection& connection) {
    if (!connection.identity) return;
    if (connection.identity->isVisitor()) {
        _services.visitorPresence.socketClosed(connection.id());
    } else {
        _services.agentPresence.socketClosed(connection.id());
        _services.viewing.socketClosed(connection.id());
    }
}

void SocketIoProtocol::announceOpened(const Connection& connection) {
    const auto& who = *connection.identity;
    if (who.isVisitor()) {
        _services.visitorPresence.socketOpened({who.visitor.id, who.visitor.widgetId, who.conversationId},
                                               connection.id());
    } else {
        _services.agentPresence.socketOpened(who.agent.agent, connection.id());
    }
}

void SocketIoProtocol::text(RealtimeLoop& loop, Connection& connection, std::string_view message) {
    try {
        const auto engine = EnginePacket::parse(message);
        switch (engine.type()) {
        case EnginePacket::Type::Pong:
            if (connection.awaitingPong) {
                connection.awaitingPong = false;
                loop.setDeadline(connection, loop.nowMs() + _settings.pingIntervalMs);
            }
            return;
        case EnginePacket::Type::Message:
            packet(loop, connection, SocketIoPacket::parse(engine.payload()));
            return;
        case EnginePacket::Type::Close:
            loop.close(connection, NormalClose, "");
            return;
        default:
            // Engine.IO 4 clients never ping or probe on a WebSocket-only session.
            loop.close(connection, ProtocolError, "unexpected Engine.IO packet");
            return;
        }
    } catch (const SocketIoPacket::ParseError& e) {
        const bool binary = e.kind() == SocketIoPacket::ParseError::Kind::BinaryNotSupported;
        loop.close(connection, binary ? static_cast<std::uint16_t>(WebSocketCloseCode::UnsupportedData) : ProtocolError,
                   binary ? "binary packets are not supported" : "malformed Socket.IO packet");
    } catch (const EnginePacket::ParseError&) {
        loop.close(connection, ProtocolError, "malformed Engine.IO packet");
    }
}

void SocketIoProtocol::packet(RealtimeLoop& loop, Connection& connection, const SocketIoPacket& packet) {
    const bool mainNamespace = packet.nsp() == SocketIoPacket::kMainNamespace;
    switch (packet.type()) {
    case SocketIoPacket::Type::Connect:
        if (!mainNamespace) {
            sendPacket(loop, connection, SocketIoPacket::connectError(packet.nsp(), "Invalid namespace"));
        } else if (!connection.identity && !connection.connecting) {
            connect(loop, connection, packet.object());
        }
        return;
    case SocketIoPacket::Type::Disconnect:
        if (mainNamespace) loop.close(connection, NormalClose, "");
        return;
    case SocketIoPacket::Type::Event:
        if (!mainNamespace) return; // the client was refused that namespace; nothing there listens
        if (!connection.identity) {
            loop.close(connection, PolicyViolation, "event before CONNECT");
            return;
        }
        event(loop, connection, packet);
        return;
    case SocketIoPacket::Type::Ack:
        return; // the hub never asks clients for acknowledgements
    default:
        loop.close(connection, ProtocolError, "unexpected Socket.IO packet");
    }
}

void SocketIoProtocol::connect(RealtimeLoop& loop, Connection& connection, Poco::JSON::Object::Ptr auth) {
    connection.connecting = true;
    const auto visitorToken = optString(auth, "visitor_token");
    const auto requestedConversation = optString(auth, "conversation_id");
    // An agent's token in the payload, else the portal's session cookie (kept only for same-origin upgrades).
    const auto agentToken = optString(auth, "token") ? optString(auth, "token") : connection.cookieToken;
    const auto origin = connection.origin;
    const auto id = connection.id();
    const auto accessChangesBefore = _accessChanges.load();
    const bool queued = _workers.submit([=, this] {
        std::unique_ptr<SocketIdentity> identity;
        std::string refusal = "authentication failed";
        try {
            if (visitorToken) {
                auto visitor = _services.sessions.authenticate(*visitorToken);
                const auto widget = visitor ? _services.widgets.find(visitor->widgetId) : nullptr;
                if (visitor && widget && (origin.empty() || config::WidgetRegistry::originAllowed(*widget, origin))) {
                    identity = std::make_unique<SocketIdentity>();
                    identity->kind = SocketIdentity::Kind::Visitor;
                    identity->conversationId = _services.sessions.conversationFor(*visitor, requestedConversation);
                    identity->visitor = std::move(*visitor);
                }
            } else if (agentToken) {
                if (auto caller = _services.auth.authenticate(*agentToken)) {
                    identity = std::make_unique<SocketIdentity>();
                    identity->kind = SocketIdentity::Kind::Agent;
                    identity->agent = std::move(*caller);
                }
            }
        } catch (const common::ApiError&) {
            // Same answer as a bad token: a socket learns nothing about what exists.
        } catch (const std::exception& e) {
            refusal = "the hub could not check the credentials; retry";
            Poco::Logger::get("realtime").warning("socket authentication failed: %s", std::string(e.what()));
        }
        std::shared_ptr<SocketIdentity> shared(std::move(identity));
        _router.toConnection(id, [=, this](RealtimeLoop& owner) {
            auto* alive = owner.find(id);
            if (!alive || alive->closing()) return;
            alive->connecting = false;
            if (shared && !shared->isVisitor() && _accessChanges.load() != accessChangesBefore) {
                connect(owner, *alive, auth);
                return;
            }
            if (!shared) {
                sendPacket(owner, *alive, SocketIoPacket::connectError("/", refusal));
                return;
            }
            alive->identity = std::make_unique<SocketIdentity>(*shared);
            const auto& who = *alive->identity;
            if (who.isVisitor()) {
                owner.join(*alive, conversationRoom(who.conversationId));
            } else {
                owner.join(*alive, "a:" + who.agent.agent.id);
                for (const auto& widget : _services.widgets.all()) {
                    if (who.agent.canSee(widget->id)) owner.join(*alive, "w:" + widget->id);
                }
            }
            sendPacket(owner, *alive, SocketIoPacket::connect("/", alive->sid));
            owner.setDeadline(*alive, owner.nowMs() + _settings.pingIntervalMs);
            announceOpened(*alive);
        });
    });
    if (!queued) {
        connection.connecting = false;
        sendPacket(loop, connection, SocketIoPacket::connectError("/", "the hub is busy; retry"));
    }
}

void SocketIoProtocol::event(RealtimeLoop& loop, Connection& connection, const SocketIoPacket& packet) {
    const auto args = packet.array();
    const auto arg = args->size() > 1 ? args->get(1) : Poco::Dynamic::Var();
    try {
        common::JsonNulCheck::refuse(arg);
    } catch (const common::ApiError& error) {
        if (packet.ackId()) loop.send(connection, ackFrame(*packet.ackId(), common::apiErrorJson(error)));
        return;
    }
    const auto& name = packet.eventName();
    const bool known = connection.identity->isVisitor()
                           ? visitorEvent(loop, connection, name, objectArg(arg), packet.ackId())
                           : agentEvent(loop, connection, name, arg, packet.ackId());
    if (!known && packet.ackId()) {
        sendPacket(loop, connection,
                   SocketIoPacket::ack("/", *packet.ackId(), {errorObject(404, "unknown_event", "no such event: " + name)}));
    }
}

bool SocketIoProtocol::visitorEvent(RealtimeLoop& loop, Connection& connection, const std::string& name,
                                    Poco::JSON::Object::Ptr data, std::optional<std::uint64_t> ackId) {
    const auto& who = *connection.identity;
    if (name == "visitor:send_message") {
        answerOnWorker(loop, connection, ackId, [this, visitor = who.visitor, conversationId = who.conversationId, data] {
            const auto target = optString(data, "conversation_id").value_or(conversationId);
            const auto posted = _services.messages.postVisitorMessage(visitor, target, requireString(data, "text"),
                                                                      optString(data, "client_msg_id"));
            return Poco::Dynamic::Var(conversation::ConversationJson::message(posted.message));
        });
    } else if (name == "visitor:sync") {
        answerOnWorker(loop, connection, ackId, [this, visitor = who.visitor, conversationId = who.conversationId, data] {
            return Poco::Dynamic::Var(messagePage(_services.messages.visitorMessagesAfter(
                visitor, conversationId, optInt(data, "after_seq", 0), conversation::MessageService::MaxPageSize)));
        });
    } else if (name == "widget:online" || name == "widget:heartbeat" || name == "widget:offline") {
        answerNow(loop, connection, ackId, [this, &who, &name] {
            auto& presence = _services.visitorPresence;
            if (name == "widget:online") {
                presence.online(who.visitor.id);
            } else if (name == "widget:heartbeat") {
                presence.heartbeat(who.visitor.id);
            } else {
                presence.offline(who.visitor.id);
            }
            return Poco::Dynamic::Var(
                presence::VisitorPresenceJson::object(presence.snapshot(who.visitor.id), who.visitor.lastSeenAt));
        });
    } else if (name == "visitor:typing") {
        Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
        payload->set("conversation_id", who.conversationId);
        payload->set("visitor_id", who.visitor.id);
        payload->set("is_typing", flag(data, "is_typing"));
        relay("visitor:typing", payload, {conversationRoom(who.conversationId), "w:" + who.visitor.widgetId},
              connection.id(), Audience::Agents);
    } else {
        return false;
    }
    return true;
}

bool SocketIoProtocol::agentEvent(RealtimeLoop& loop, Connection& connection, const std::string& name,
                                  const Poco::Dynamic::Var& arg, std::optional<std::uint64_t> ackId) {
    const auto& caller = connection.identity->agent;
    const auto id = connection.id();
    if (name == "agent:join_conversation" || name == "agent:leave_conversation") {
        const bool joining = name == "agent:join_conversation";
        answerOnWorker(loop, connection, ackId, [this, caller, arg, id, joining] {
            const auto conversationId = conversationIdOf(arg);
            // Access is checked for both: leaving a room one never could have joined is a 404 too.
            _services.conversations.get(caller, conversationId);
            _router.toConnection(id, [id, conversationId, joining](RealtimeLoop& owner) {
                if (auto* alive = owner.find(id)) {
                    if (joining) {
                        owner.join(*alive, conversationRoom(conversationId));
                    } else {
                        owner.leave(*alive, conversationRoom(conversationId));
                    }
                }
            });
            Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
            result->set("conversation_id", conversationId);
            result->set("joined", joining);
            return Poco::Dynamic::Var(result);
        });
    } else if (name == "agent:send_message") {
        answerOnWorker(loop, connection, ackId, [this, caller, arg] {
            const auto data = objectArg(arg);
            const auto posted = _services.messages.postAgentMessage(caller, requireString(data, "conversation_id"),
                                                                    requireString(data, "text"),
                                                                    optString(data, "client_msg_id"));
            return Poco::Dynamic::Var(conversation::ConversationJson::message(posted.message));
        });
    } else if (name == "agent:sync") {
        answerOnWorker(loop, connection, ackId, [this, caller, arg] {
            const auto data = objectArg(arg);
            return Poco::Dynamic::Var(messagePage(_services.messages.agentMessages(
                caller, requireString(data, "conversation_id"), std::nullopt, optInt(data, "after_seq", 0),
                conversation::MessageService::MaxPageSize)));
        });
    } else if (name == "agent:set_status") {
        answerNow(loop, connection, ackId, [this, &caller, &arg] {
            // The status as the bare string or as `{status}`, like the conversation ids.
            const auto status = arg.isString() ? arg.convert<std::string>() : requireString(objectArg(arg), "status");
            _services.agentPresence.setStatus(caller.agent, status);
            Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
            result->set("agent_id", caller.agent.id);
            result->set("status", status);
            return Poco::Dynamic::Var(result);
        });
    } else if (name == "agent:heartbeat") {
        answerNow(loop, connection, ackId, [this, &caller] {
            auto& presence = _services.agentPresence;
            presence.heartbeat(caller.agent);
            // When the next one is due: the portal learns the hub's timing from its first heartbeat.
            Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
            result->set("heartbeat_s", presence.heartbeatS());
            result->set("stale_after_s", presence.staleAfterS());
            return Poco::Dynamic::Var(result);
        });
    } else if (name == "agent:viewing" || name == "agent:stop_viewing") {
        viewingEvent(loop, connection, arg, name == "agent:viewing", ackId);
    } else if (name == "agent:typing") {
        const auto data = objectArg(arg);
        const auto conversationId = optString(data, "conversation_id");
        // Only into a conversation the agent joined, which is where access was checked.
        if (!conversationId || std::find(connection.rooms.begin(), connection.rooms.end(),
                                         conversationRoom(*conversationId)) == connection.rooms.end())
            return true;
        Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
        payload->set("conversation_id", *conversationId);
        payload->set("agent_id", caller.agent.id);
        payload->set("agent_name", caller.agent.displayName);
        payload->set("is_typing", flag(data, "is_typing"));
        relay("agent:typing", payload, {conversationRoom(*conversationId)}, id, Audience::Everyone);
    } else {
        return false;
    }
    return true;
}

Poco::Dynamic::Var SocketIoProtocol::resultOf(const Answer& work) {
    try {
        return work();
    } catch (const common::ApiError& e) {
        return common::apiErrorJson(e);
    } catch (const std::exception& e) {
        Poco::Logger::get("realtime").error("socket request failed: %s", std::string(e.what()));
        return errorObject(500, "internal_error", "the request failed; retry");
    }
}

std::shared_ptr<const std::string> SocketIoProtocol::ackFrame(std::uint64_t ackId, const Poco::Dynamic::Var& result) {
    return textFrame(SocketIoPacket::ack("/", ackId, {result}).encodeMessage());
}

void SocketIoProtocol::answerNow(RealtimeLoop& loop, Connection& connection, std::optional<std::uint64_t> ackId,
                                 const Answer& work) {
    const auto result = resultOf(work);
    if (ackId) loop.send(connection, ackFrame(*ackId, result));
}

void SocketIoProtocol::answerOnWorker(RealtimeLoop& loop, Connection& connection, std::optional<std::uint64_t> ackId,
                                      Answer work) {
    const auto id = connection.id();
    const bool queued = _workers.submit([this, id, ackId, work = std::move(work)] {
        const auto result = resultOf(work);
        if (!ackId) return;
        _router.toConnection(id, [id, frame = ackFrame(*ackId, result)](RealtimeLoop& owner) {
            if (auto* alive = owner.find(id)) owner.send(*alive, frame);
        });
    });
    // The workers are saturated: answered at once, on this loop.
    if (!queued && ackId) loop.send(connection, ackFrame(*ackId, errorObject(503, "busy", "the hub is busy; retry")));
}

void SocketIoProtocol::viewingEvent(RealtimeLoop& loop, Connection& connection, const Poco::Dynamic::Var& arg,
                                    bool start, std::optional<std::uint64_t> ackId) {
    const auto& caller = connection.identity->agent;
    const auto id = connection.id();
    answerOnWorker(loop, connection, ackId, [this, caller, arg, id, start] {
        const auto view = _services.conversations.get(caller, conversationIdOf(arg));
        // Applied on the socket's loop, and only while it is open: a viewing tied to a socket that is already
        // gone would never end.
        _router.toConnection(id, [this, id, start, agentId = caller.agent.id, conversationId = view.conversation.id,
                                  widgetId = view.conversation.widgetId](RealtimeLoop& owner) {
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

void SocketIoProtocol::relay(const std::string& name, Poco::JSON::Object::Ptr payload, std::vector<std::string> rooms,
                             std::uint64_t except, Audience audience) {
    const auto frame = textFrame(SocketIoPacket::event("/", name, {payload}).encodeMessage());
    _router.toAll([frame, rooms = std::move(rooms), except, audience](RealtimeLoop& loop) {
        loop.broadcast(rooms, frame, [except, audience](const Connection& c) {
            return c.id() != except && c.identity &&
                   (audience == Audience::Everyone || (audience == Audience::Visitors) == c.identity->isVisitor());
        });
    });
}

void SocketIoProtocol::closeAgentSockets(const events::AgentAccessChange& change) {
    // Counted before the loops close anything: a CONNECT completing on a loop either sees the new count, or lands
    // before this close on that loop's queue and is closed by it.
    _accessChanges.fetch_add(1);
    _router.toAll([change](RealtimeLoop& loop) {
        loop.closeWhere(
            [&change](const Connection& c) {
                return c.identity && !c.identity->isVisitor() &&
                       change.affects(c.identity->agent.agent.id, c.identity->agent.sessionTokenHash);
            },
            PolicyViolation, "the agent's access changed; sign in again");
    });
}

void SocketIoProtocol::publish(const events::Event& event) {
    if (const auto change = events::AgentAccessChange::of(event)) {
        closeAgentSockets(*change);
        return;
    }
    std::vector<std::string> rooms;
    for (const auto& room : event.rooms) rooms.push_back(roomKey(room));
    if (VisitorConversationEvents.count(event.name) > 0) {
        relay(event.name, event.payload, rooms, NoConnection, Audience::Agents);
        relay(event.name, visitorView(event.payload), std::move(rooms), NoConnection, Audience::Visitors);
        return;
    }
    relay(event.name, event.payload, std::move(rooms), NoConnection,
          VisitorEvents.count(event.name) > 0 ? Audience::Everyone : Audience::Agents);
}

} // namespace switchboard::core::realtime
