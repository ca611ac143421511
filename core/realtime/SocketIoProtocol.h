#pragma once

#include "core/auth/AuthService.h"
#include "core/config/WidgetRegistry.h"
#include "core/conversation/ConversationService.h"
#include "core/conversation/MessageService.h"
#include "core/conversation/WidgetSessionService.h"
#include "core/config/HubConfig.h"
#include "core/events/AgentAccessChange.h"
#include "core/events/Event.h"
#include "core/presence/AgentPresence.h"
#include "core/presence/ViewingRegistry.h"
#include "core/presence/VisitorPresence.h"
#include "core/realtime/RealtimeLoop.h"
#include "core/realtime/SocketIoPacket.h"
#include "core/common/WorkerPool.h"

#include <Poco/JSON/Object.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace switchboard::core::realtime {

/// The services a socket reaches, the same ones the REST API uses.
struct SocketServices {
    conversation::WidgetSessionService& sessions;
    auth::AuthService& auth;
    conversation::MessageService& messages;
    conversation::ConversationService& conversations;
    const config::WidgetRegistry& widgets;
    presence::VisitorPresence& visitorPresence;
    presence::AgentPresence& agentPresence;
    presence::ViewingRegistry& viewing;
};

/// How the protocol reaches the loops: the one that owns a connection, or all of them.
class LoopRouter {
public:
    virtual ~LoopRouter() = default;
    virtual void toConnection(std::uint64_t connectionId, RealtimeLoop::Task task) = 0;
    virtual void toAll(RealtimeLoop::Task task) = 0;
};

/// Engine.IO 4 and Socket.IO 5 over each connection, and the events of the real-time contract.
///
/// Runs on the loops. A request that needs the database (authentication, a message, a catch-up) goes to the
/// worker pool, and its answer comes back to the connection's loop by id: the socket may be gone by then.
class SocketIoProtocol final : public ConnectionHandler {
public:
    SocketIoProtocol(SocketServices services, common::WorkerPool& workers, LoopRouter& router, const config::RealtimeConfig& settings);

    void opened(RealtimeLoop& loop, Connection& connection) override;
    void text(RealtimeLoop& loop, Connection& connection, std::string_view message) override;
    void deadline(RealtimeLoop& loop, Connection& connection) override;
    void closed(RealtimeLoop& loop, Connection& connection) override;

    /// Sends a committed change to the sockets of its rooms on every loop. Visitors get only the events meant
    /// for the widget (their conversation's messages, the agent typing, the end of the conversation), and of the
    /// conversation only its id and status. An agent access change closes the agent's sockets it names.
    void publish(const events::Event& event);

    static std::string roomKey(const events::Room& room);

private:
    void packet(RealtimeLoop& loop, Connection& connection, const SocketIoPacket& packet);
    void connect(RealtimeLoop& loop, Connection& connection, Poco::JSON::Object::Ptr auth);
    void event(RealtimeLoop& loop, Connection& connection, const SocketIoPacket& packet);
    /// False for an event name the protocol does not know.
    bool visitorEvent(RealtimeLoop& loop, Connection& connection, const std::string& name,
                      Poco::JSON::Object::Ptr data, std::optional<std::uint64_t> ackId);
    bool agentEvent(RealtimeLoop& loop, Connection& connection, const std::string& name, const Poco::Dynamic::Var& arg,
                    std::optional<std::uint64_t> ackId);

    using Answer = std::function<Poco::Dynamic::Var()>;
    /// Runs `work` on a worker and acks its result (or its error) to the connection, when it asked for an ack.
    void answerOnWorker(RealtimeLoop& loop, Connection& connection, std::optional<std::uint64_t> ackId, Answer work);
    /// Runs `work` here, on the loop (it must not block), and acks its result or its error.
    void answerNow(RealtimeLoop& loop, Connection& connection, std::optional<std::uint64_t> ackId, const Answer& work);
    /// `work`'s result, or the error it threw as the API's error object.
    static Poco::Dynamic::Var resultOf(const Answer& work);
    static std::shared_ptr<const std::string> ackFrame(std::uint64_t ackId, const Poco::Dynamic::Var& result);
    /// Starts or stops the socket's viewing of a conversation once the agent's access to it is checked.
    void viewingEvent(RealtimeLoop& loop, Connection& connection, const Poco::Dynamic::Var& arg, bool start,
                      std::optional<std::uint64_t> ackId);
    /// Tells presence that an authenticated socket is open.
    void announceOpened(const Connection& connection);
    /// Which sockets of a room an event goes to.
    enum class Audience { Agents, Visitors, Everyone };
    /// Emits `name` with `payload` to the sockets of `rooms` on every loop, except the one it came from.
    void relay(const std::string& name, Poco::JSON::Object::Ptr payload, std::vector<std::string> rooms,
               std::uint64_t except, Audience audience);
    /// Closes the agent sockets an access change names, on every loop.
    void closeAgentSockets(const events::AgentAccessChange& change);
    void sendPacket(RealtimeLoop& loop, Connection& connection, const SocketIoPacket& packet);
    static void sendEngine(RealtimeLoop& loop, Connection& connection, const std::string& engineText);
    static std::shared_ptr<const std::string> textFrame(const std::string& engineText);

    SocketServices _services;
    common::WorkerPool& _workers;
    LoopRouter& _router;
    const config::RealtimeConfig _settings;
    /// Counts agent access changes. A CONNECT whose credentials were checked before a change and that lands after it
    /// is checked again: the change's close could not see a socket that was not signed in yet.
    std::atomic<std::uint64_t> _accessChanges{0};
};

} // namespace switchboard::core::realtime
