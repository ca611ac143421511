#include "core/realtime/RealtimeServer.h"

#include <thread>

namespace switchboard::core::realtime {

RealtimeServer::RealtimeServer(SocketServices services, const common::Clock& clock,
                               const config::RealtimeConfig& settings, const config::ServerConfig& server,
                               PollingSessions& sessions, std::function<bool(const std::string&)> exemptFromPerIpLimit)
    : _settings(settings),
      _admission(server.maxConnections, server.maxConnectionsPerIp, std::move(exemptFromPerIpLimit)),
      _workers(std::make_unique<common::WorkerPool>(
          "socket-worker", settings.workers,
          common::WorkerPool::Bounds{settings.maxPendingTasks, settings.maxQueueWaitMs}, clock)),
      _protocol(std::make_unique<SocketIoProtocol>(services, *_workers, static_cast<LoopRouter&>(*this), settings)) {
    const auto count = settings.loops ? settings.loops : std::max(1u, std::thread::hardware_concurrency());
    const auto httpLimits = HttpConnectionLimits::of(server);
    for (std::size_t i = 0; i < count; ++i) {
        _loops.push_back(
            std::make_unique<RealtimeLoop>(i, count, *_protocol, _admission, sessions, clock, settings, httpLimits));
    }
    sessions.routeThrough([this](std::uint64_t connectionId, RealtimeLoop::Task task) {
        ownerOf(connectionId).post(std::move(task));
    });
}

RealtimeServer::~RealtimeServer() {
    stop();
    // Requests still running answer into stopped loops, which are destroyed only after the workers are.
    _workers.reset();
}

void RealtimeServer::start(int listenFd, HttpHandler& http) {
    for (auto& loop : _loops) loop->start(listenFd, http);
}

void RealtimeServer::stop() {
    for (auto& loop : _loops) loop->stop();
}

void RealtimeServer::publish(const events::Event& event) { _protocol->publish(event); }

std::size_t RealtimeServer::connectionCount() const {
    std::size_t total = 0;
    for (const auto& loop : _loops) total += loop->connectionCount();
    return total;
}

RealtimeLoop& RealtimeServer::ownerOf(std::uint64_t connectionId) {
    return *_loops[RealtimeLoop::loopOf(connectionId, _loops.size())];
}

void RealtimeServer::toConnection(std::uint64_t connectionId, SocketLoop::Task task) {
    ownerOf(connectionId).post(std::move(task));
}

void RealtimeServer::toAll(SocketLoop::Task task) {
    for (auto& loop : _loops) loop->post(task);
}

} // namespace switchboard::core::realtime
