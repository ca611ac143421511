#include "core/realtime/SocketIoProtocol.h"

#include "core/common/ApiError.h"
#include "core/common/JsonNulCheck.h"
#include "core/common/SecureRandom.h"
#include "core/realtime/EnginePacket.h"
#include "core/realtime/RoomNames.h"
#include "core/realtime/SocketDeadline.h"
#include "core/realtime/WebSocketCloseCode.h"

#include <Poco/Logger.h>

namespace switchboard::core::realtime {

namespace {

constexpr auto PolicyViolation = static_cast<std::uint16_t>(WebSocketCloseCode::PolicyViolation);
constexpr auto ProtocolError = static_cast<std::uint16_t>(WebSocketCloseCode::ProtocolError);
constexpr auto NormalClose = static_cast<std::uint16_t>(WebSocketCloseCode::Normal);

std::optional<std::string> optString(const Poco::JSON::Object::Ptr& object, const std::string& key) {
    if (!object || !object->has(key) || !object->get(key).isString()) return std::nullopt;
    return object->getValue<std::string>(key);
}

} // namespace

SocketIoProtocol::SocketIoProtocol(SocketServices services, common::Executor& workers, LoopRouter& router,
                                   const config::RealtimeConfig& settings)
    : _services(services),
      _workers(workers),
      _router(router),
      _settings(settings),
      _answers(workers, router),
      _rooms(router),
      _typing(_rooms),
      _limit(services.limiter, services.rateLimits),
      _visitorEvents(services, _answers, _typing),
      _agentEvents(services, _answers, _typing, router) {}

void SocketIoProtocol::opened(SocketLoop& loop, Connection& connection) {
    connection.sid = common::SecureRandom::token(15);
    SocketResponder::sendEngine(loop, connection,
                                EnginePacket::open({connection.sid, _settings.pingIntervalMs, _settings.pingTimeoutMs,
                                                    static_cast<std::int64_t>(_settings.maxMessageBytes),
                                                    connection.protocol() == Connection::Protocol::Polling}));
    SocketDeadline::heartbeatAt(loop, connection, loop.nowMs() + _settings.connectTimeoutMs);
}

void SocketIoProtocol::deadline(SocketLoop& loop, Connection& connection) {
    const auto now = loop.nowMs();
    if (connection.identity) _typing.flushDue(loop, connection);
    if (now < connection.heartbeatDueMs) {
        SocketDeadline::arm(loop, connection); // only held typing was due
    } else if (!connection.identity) {
        loop.close(connection, PolicyViolation, "no Socket.IO CONNECT in time");
    } else if (connection.awaitingPong) {
        loop.close(connection, PolicyViolation, "ping timeout");
    } else {
        connection.awaitingPong = true;
        SocketResponder::sendEngine(loop, connection, EnginePacket::ping());
        SocketDeadline::heartbeatAt(loop, connection, now + _settings.pingTimeoutMs);
    }
}

void SocketIoProtocol::closed(SocketLoop&, Connection& connection) {
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

void SocketIoProtocol::text(SocketLoop& loop, Connection& connection, std::string_view message) {
    try {
        const auto engine = EnginePacket::parse(message);
        switch (engine.type()) {
        case EnginePacket::Type::Pong:
            if (connection.awaitingPong) {
                connection.awaitingPong = false;
                SocketDeadline::heartbeatAt(loop, connection, loop.nowMs() + _settings.pingIntervalMs);
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

void SocketIoProtocol::packet(SocketLoop& loop, Connection& connection, const SocketIoPacket& packet) {
    const bool mainNamespace = packet.nsp() == SocketIoPacket::kMainNamespace;
    switch (packet.type()) {
    case SocketIoPacket::Type::Connect:
        if (!mainNamespace) {
            SocketResponder::sendPacket(loop, connection,
                                        SocketIoPacket::connectError(packet.nsp(), "Invalid namespace"));
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

void SocketIoProtocol::connect(SocketLoop& loop, Connection& connection, Poco::JSON::Object::Ptr auth) {
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
        _router.toConnection(id, [=, this](SocketLoop& owner) {
            auto* alive = owner.find(id);
            if (!alive || alive->closing()) return;
            alive->connecting = false;
            if (shared && !shared->isVisitor() && _accessChanges.load() != accessChangesBefore) {
                connect(owner, *alive, auth);
            } else if (!shared) {
                SocketResponder::sendPacket(owner, *alive, SocketIoPacket::connectError("/", refusal));
            } else {
                accept(owner, *alive, *shared);
            }
        });
    });
    if (!queued) {
        connection.connecting = false;
        SocketResponder::sendPacket(loop, connection, SocketIoPacket::connectError("/", "the hub is busy; retry"));
    }
}

void SocketIoProtocol::accept(SocketLoop& loop, Connection& connection, const SocketIdentity& identity) {
    connection.identity = std::make_unique<SocketIdentity>(identity);
    const auto& who = *connection.identity;
    if (who.isVisitor()) {
        loop.join(connection, RoomNames::conversation(who.conversationId));
    } else {
        loop.join(connection, RoomNames::agent(who.agent.agent.id));
        for (const auto& widget : _services.widgets.all()) {
            if (who.agent.canSee(widget->id)) loop.join(connection, RoomNames::widgetAgents(widget->id));
        }
    }
    SocketResponder::sendPacket(loop, connection, SocketIoPacket::connect("/", connection.sid));
    SocketDeadline::heartbeatAt(loop, connection, loop.nowMs() + _settings.pingIntervalMs);
    announceOpened(connection);
}

void SocketIoProtocol::event(SocketLoop& loop, Connection& connection, const SocketIoPacket& packet) {
    const auto admitted = _limit.admit(connection);
    if (admitted.outcome == SocketRequestLimit::Outcome::Flooding) {
        loop.close(connection, PolicyViolation, "too many requests");
        return;
    }
    if (admitted.outcome == SocketRequestLimit::Outcome::Refused) {
        SocketResponder::refuse(loop, connection, packet.ackId(),
                                common::RateLimited(admitted.retryAfterS, "too many requests from this address"));
        return;
    }
    const auto args = packet.array();
    const auto arg = args->size() > 1 ? args->get(1) : Poco::Dynamic::Var();
    try {
        // Text after a U+0000 would be lost in the database: refused here as over REST.
        common::JsonNulCheck::refuse(arg);
    } catch (const common::ApiError& error) {
        SocketResponder::refuse(loop, connection, packet.ackId(), error);
        return;
    }
    EventCall call{loop, connection, EventArgs(arg), packet.ackId()};
    const auto& name = packet.eventName();
    const bool known = connection.identity->isVisitor() ? _visitorEvents.dispatch(name, call)
                                                        : _agentEvents.dispatch(name, call);
    if (!known) {
        SocketResponder::refuse(loop, connection, packet.ackId(),
                                common::ApiError(404, "unknown_event", "no such event: " + name));
    }
}

void SocketIoProtocol::closeAgentSockets(const events::AgentAccessChange& change) {
    // Counted before the loops close anything: a CONNECT completing on a loop either sees the new count, or lands
    // before this close on that loop's queue and is closed by it.
    _accessChanges.fetch_add(1);
    _router.toAll([change](SocketLoop& loop) {
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
    _rooms.publish(event);
}

} // namespace switchboard::core::realtime
