#pragma once

#include "core/common/Clock.h"
#include "core/common/WorkerPool.h"
#include "core/config/HubConfig.h"
#include "core/events/Event.h"
#include "core/realtime/ConnectionAdmission.h"
#include "core/realtime/RealtimeLoop.h"
#include "core/realtime/SocketIoProtocol.h"

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace switchboard::core::realtime {

/// The hub's client endpoint: event loops that accept every client connection and serve it, HTTP requests through
/// an HttpHandler and upgraded sockets through the Socket.IO protocol; the workers that run the sockets' database
/// requests; and the bridge from committed changes (the event bus) to the rooms.
class RealtimeServer final : private LoopRouter {
public:
    /// `exemptFromPerIpLimit` says which peers (trusted proxies) count only towards `server.max_connections`;
    /// `sessions` is where the loops register their long-polling sessions, and how requests reach them.
    RealtimeServer(SocketServices services, const common::Clock& clock, const config::RealtimeConfig& settings,
                   const config::ServerConfig& server, PollingSessions& sessions,
                   std::function<bool(const std::string&)> exemptFromPerIpLimit);
    ~RealtimeServer() override;

    /// Starts the loops accepting from `listenFd` and serving its HTTP requests through `http`.
    void start(int listenFd, HttpHandler& http);
    void stop();

    /// Delivers a committed change to the sockets in its rooms, on every loop. Safe from any thread.
    void publish(const events::Event& event);

    /// Upgraded (WebSocket) connections.
    std::size_t connectionCount() const;
    const config::RealtimeConfig& settings() const { return _settings; }

private:
    RealtimeLoop& ownerOf(std::uint64_t connectionId);
    void toConnection(std::uint64_t connectionId, SocketLoop::Task task) override;
    void toAll(SocketLoop::Task task) override;

    const config::RealtimeConfig _settings;
    ConnectionAdmission _admission;
    std::unique_ptr<common::WorkerPool> _workers;
    std::unique_ptr<SocketIoProtocol> _protocol;
    std::vector<std::unique_ptr<RealtimeLoop>> _loops;
};

} // namespace switchboard::core::realtime
