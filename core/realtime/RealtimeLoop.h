#pragma once

#include "core/common/Clock.h"
#include "core/realtime/Connection.h"
#include "core/config/HubConfig.h"
#include "core/realtime/SocketLoop.h"
#include "core/realtime/TimerQueue.h"

#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace switchboard::core::realtime {

/// What a loop calls into for the protocol spoken over its connections (SocketIoProtocol).
class ConnectionHandler {
public:
    virtual ~ConnectionHandler() = default;
    virtual void opened(SocketLoop& loop, Connection& connection) = 0;
    virtual void text(SocketLoop& loop, Connection& connection, std::string_view message) = 0;
    /// The connection's deadline passed.
    virtual void deadline(SocketLoop& loop, Connection& connection) = 0;
    /// Called once, before the connection is destroyed.
    virtual void closed(SocketLoop& loop, Connection& connection) = 0;
};

/// One event-loop thread: an epoll set of upgraded sockets, their rooms, one timer queue, and a task queue
/// through which other threads (workers, the event bus) hand it work. Everything but `post` and the
/// lifecycle runs on the loop's own thread.
class RealtimeLoop final : public SocketLoop {
public:
    RealtimeLoop(std::size_t index, std::size_t loopCount, ConnectionHandler& handler, const common::Clock& clock,
                 const config::RealtimeConfig& settings);
    ~RealtimeLoop() override;
    RealtimeLoop(const RealtimeLoop&) = delete;
    RealtimeLoop& operator=(const RealtimeLoop&) = delete;

    void start();
    /// Closes every connection with 1001 (going away) and ends the thread.
    void stop();

    using Task = std::function<void(RealtimeLoop&)>;
    /// Runs `task` on the loop's thread. Safe from any thread.
    void post(Task task);

    /// Takes over an upgraded socket and the bytes the client already sent after its request.
    void adopt(Poco::Net::StreamSocket socket, std::string buffered, std::string origin,
               std::optional<std::string> cookieToken);

    Connection* find(std::uint64_t connectionId) override;
    /// Sends a complete frame (written at the end of the loop's turn); a connection whose queue overflows is
    /// dropped (1008, too slow).
    void send(Connection& connection, std::shared_ptr<const std::string> frame) override;
    /// Sends a frame to every connection in any of `rooms` (once each) for which `admit` says yes.
    void broadcast(const std::vector<std::string>& rooms, const std::shared_ptr<const std::string>& frame,
                   const std::function<bool(const Connection&)>& admit) override;
    void join(Connection& connection, const std::string& room) override;
    void leave(Connection& connection, const std::string& room) override;
    /// Starts the close handshake; the socket goes once the close frame is flushed (or at once if it cannot be).
    void close(Connection& connection, std::uint16_t code, std::string_view reason) override;
    /// Closes, as `close` does, every connection for which `which` says yes.
    void closeWhere(const std::function<bool(const Connection&)>& which, std::uint16_t code,
                    std::string_view reason) override;
    void setDeadline(Connection& connection, std::int64_t deadlineMs) override;

    std::int64_t nowMs() const override { return _clock.nowMs(); }
    std::size_t connectionCount() const { return _connectionCount.load(std::memory_order_relaxed); }
    /// Which loop owns a connection id (ids carry it).
    static std::size_t loopOf(std::uint64_t connectionId, std::size_t loopCount) { return connectionId % loopCount; }

private:
    void run();
    void runTasks();
    void handleEvent(std::uint64_t connectionId, std::uint32_t events);
    void readFrom(Connection& connection);
    /// Acts on the messages just decoded into `_messages` for connection `id`, then on how the read ended.
    void process(std::uint64_t id, Connection::ReadResult result);
    /// Writes out every connection that `send` queued frames for during this turn.
    void flushScheduled();
    /// Writes what the socket takes; destroys the connection when the peer is gone or its close frame went out.
    void writeOut(Connection& connection);
    void updateInterest(Connection& connection);
    void destroy(std::uint64_t connectionId);

    const std::size_t _index;
    const std::size_t _loopCount;
    ConnectionHandler& _handler;
    const common::Clock& _clock;
    const config::RealtimeConfig _settings;
    int _epoll = -1;
    int _wakeFd = -1;
    std::thread _thread;
    std::atomic<bool> _running{false};

    std::mutex _tasksMutex;
    std::vector<Task> _tasks;

    std::uint64_t _nextSequence = 0;
    std::unordered_map<std::uint64_t, std::unique_ptr<Connection>> _connections;
    std::atomic<std::size_t> _connectionCount{0};
    std::unordered_map<std::string, std::unordered_set<std::uint64_t>> _rooms;
    TimerQueue _timers;
    std::vector<char> _scratch;
    std::vector<WebSocketFrameDecoder::Message> _messages;
    std::vector<std::uint64_t> _toFlush;
};

} // namespace switchboard::core::realtime
