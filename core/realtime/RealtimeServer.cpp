#include "core/realtime/RealtimeServer.h"

#include <thread>

namespace switchboard::core::realtime {

RealtimeServer::RealtimeServer(SocketServices services, const common::Clock& clock, const config::RealtimeConfig& settings)
    : _settings(settings),
      _workers(std::make_unique<common::WorkerPool>(settings.workers, settings.maxPendingTasks)),
      _protocol(std::make_unique<SocketIoProtocol>(services, *_workers, static_cast<LoopRouter&>(*this), settings)) {
    const auto count = settings.loops ? settings.loops : std::max(1u, std::thread::hardware_concurrency());
    for (std::size_t i = 0; i < count; ++i) {
        _loops.push_back(std::make_unique<RealtimeLoop>(i, count, *_protocol, clock, settings));
    }
}

RealtimeServer::~RealtimeServer() {
    stop();
    // Requests still running answer into stopped loops, which are destroyed only after the workers are.
    _workers.reset();
}

void RealtimeServer::start() {
    for (auto& loop : _loops) loop->start();
}

void RealtimeServer::stop() {
    for (auto& loop : _loops) loop->stop();
}

void RealtimeServer::adopt(Poco::Net::StreamSocket socket, std::string buffered, std::string origin,
                           std::optional<std::string> cookieToken) {
    auto& loop = *_loops[_nextLoop++ % _loops.size()];
    // The socket moves into the task: it is adopted on the loop's own thread.
    auto pending = std::make_shared<Poco::Net::StreamSocket>(std::move(socket));
    loop.post([pending, buffered = std::move(buffered), origin = std::move(origin),
               cookieToken = std::move(cookieToken)](RealtimeLoop& owner) mutable {
        owner.adopt(std::move(*pending), std::move(buffered), std::move(origin), std::move(cookieToken));
    });
}

void RealtimeServer::publish(const events::Event& event) { _protocol->publish(event); }

std::size_t RealtimeServer::connectionCount() const {
    std::size_t total = 0;
    for (const auto& loop : _loops) total += loop->connectionCount();
    return total;
}

void RealtimeServer::toConnection(std::uint64_t connectionId, SocketLoop::Task task) {
    _loops[RealtimeLoop::loopOf(connectionId, _loops.size())]->post(std::move(task));
}

void RealtimeServer::toAll(SocketLoop::Task task) {
    for (auto& loop : _loops) loop->post(task);
}

} // namespace switchboard::core::realtime
