#pragma once

#include "core/common/Clock.h"
#include "core/events/Event.h"
#include "core/realtime/RealtimeLoop.h"
#include "core/config/HubConfig.h"
#include "core/realtime/SocketIoProtocol.h"
#include "core/common/WorkerPool.h"

#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace switchboard::core::realtime {

/// The real-time endpoint: event loops holding the upgraded sockets, the workers that run their database
/// requests, and the bridge from committed changes (the event bus) to the rooms.
class RealtimeServer final : private LoopRouter {
public:
    RealtimeServer(SocketServices services, const common::Clock& clock, const config::RealtimeConfig& settings);
    ~RealtimeServer() override;

    void start();
    void stop();

    /// Hands an upgraded socket to the next loop. Safe from any thread (the HTTP thread that upgraded it).
    void adopt(Poco::Net::StreamSocket socket, std::string buffered, std::string origin,
               std::optional<std::string> cookieToken);

    /// Delivers a committed change to the sockets in its rooms, on every loop. Safe from any thread.
    void publish(const events::Event& event);

    std::size_t connectionCount() const;
    const config::RealtimeConfig& settings() const { return _settings; }

private:
    void toConnection(std::uint64_t connectionId, SocketLoop::Task task) override;
    void toAll(SocketLoop::Task task) override;

    const config::RealtimeConfig _settings;
    std::unique_ptr<common::WorkerPool> _workers;
    std::unique_ptr<SocketIoProtocol> _protocol;
    std::vector<std::unique_ptr<RealtimeLoop>> _loops;
    std::atomic<std::size_t> _nextLoop{0};
};

} // namespace switchboard::core::realtime
