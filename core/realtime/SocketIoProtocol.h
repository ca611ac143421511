#pragma once

#include "core/common/Executor.h"
#include "core/config/HubConfig.h"
#include "core/events/AgentAccessChange.h"
#include "core/events/Event.h"
#include "core/realtime/AgentEvents.h"
#include "core/realtime/LoopRouter.h"
#include "core/realtime/RealtimeLoop.h"
#include "core/realtime/RoomRelay.h"
#include "core/realtime/SocketIoPacket.h"
#include "core/realtime/SocketRequestLimit.h"
#include "core/realtime/SocketResponder.h"
#include "core/realtime/SocketServices.h"
#include "core/realtime/TypingRelay.h"
#include "core/realtime/VisitorEvents.h"

#include <Poco/JSON/Object.h>

#include <atomic>
#include <string_view>

namespace switchboard::core::realtime {

/// Engine.IO 4 and Socket.IO 5 over each connection: the handshake, the heartbeat, the CONNECT with its
/// credentials, and the dispatch of each event to the table of its side (VisitorEvents, AgentEvents).
///
/// Runs on the loops. A request that needs the database (authentication, a message, a catch-up) goes to the
/// workers, and its answer comes back to the connection's loop by id: the socket may be gone by then.
class SocketIoProtocol final : public ConnectionHandler {
public:
    SocketIoProtocol(SocketServices services, common::Executor& workers, LoopRouter& router,
                     const config::RealtimeConfig& settings);

    void opened(SocketLoop& loop, Connection& connection) override;
    void text(SocketLoop& loop, Connection& connection, std::string_view message) override;
    void deadline(SocketLoop& loop, Connection& connection) override;
    void closed(SocketLoop& loop, Connection& connection) override;

    /// Sends a committed change to the sockets of its rooms on every loop (see RoomRelay). An agent access change
    /// closes the agent's sockets it names.
    void publish(const events::Event& event);

private:
    void packet(SocketLoop& loop, Connection& connection, const SocketIoPacket& packet);
    void connect(SocketLoop& loop, Connection& connection, Poco::JSON::Object::Ptr auth);
    /// Seats an accepted identity on the socket: its rooms, the CONNECT answer, presence.
    void accept(SocketLoop& loop, Connection& connection, const SocketIdentity& identity);
    void event(SocketLoop& loop, Connection& connection, const SocketIoPacket& packet);
    /// Tells presence that an authenticated socket is open.
    void announceOpened(const Connection& connection);
    /// Closes the agent sockets an access change names, on every loop.
    void closeAgentSockets(const events::AgentAccessChange& change);

    SocketServices _services;
    common::Executor& _workers;
    LoopRouter& _router;
    const config::RealtimeConfig _settings;
    const SocketResponder _answers;
    const RoomRelay _rooms;
    const TypingRelay _typing;
    const SocketRequestLimit _limit;
    const VisitorEvents _visitorEvents;
    const AgentEvents _agentEvents;
    /// Counts agent access changes. A CONNECT whose credentials were checked before a change and that lands after it
    /// is checked again: the change's close could not see a socket that was not signed in yet.
    std::atomic<std::uint64_t> _accessChanges{0};
};

} // namespace switchboard::core::realtime
