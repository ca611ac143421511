#pragma once

#include "core/common/Clock.h"
#include "core/common/LogThrottle.h"
#include "core/config/HubConfig.h"
#include "core/http/HttpRequestParser.h"
#include "core/realtime/Connection.h"
#include "core/realtime/ConnectionAdmission.h"
#include "core/realtime/PollingSessions.h"
#include "core/realtime/RoomTable.h"
#include "core/realtime/SocketLoop.h"
#include "core/realtime/TimerQueue.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace switchboard::core::realtime {

class RealtimeLoop;

/// What a loop calls into for the protocol spoken over its upgraded connections (SocketIoProtocol).
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

/// What a loop calls into for the HTTP requests read on its connections (http::HttpDispatcher).
class HttpHandler {
public:
    virtual ~HttpHandler() = default;
    /// A complete request. Answered with `respond` or `upgrade` on the loop's thread, now or later (find the
    /// connection by id then: it may be gone).
    virtual void request(RealtimeLoop& loop, Connection& connection, http::ParsedRequest request) = 0;
    /// A request that cannot be served: malformed, too large, or too slow. Answered at once with `respond`,
    /// closing. `head` is the request's head when it was read whole (a body too large), else null.
    virtual void refuse(RealtimeLoop& loop, Connection& connection, int status, const std::string& reason,
                        const http::ParsedRequest* head) = 0;
};

/// The limits a loop holds its HTTP clients to (hub.yaml `server:`).
struct HttpConnectionLimits {
    http::HttpParserLimits parser;
    std::int64_t headerTimeoutMs = 10'000;
    std::int64_t bodyTimeoutMs = 10'000;
    std::size_t bodyMinBytesPerS = 1024;
    std::int64_t keepAliveIdleMs = 15'000;

    static HttpConnectionLimits of(const config::ServerConfig& server);
};

/// One event-loop thread: an epoll set of client sockets (HTTP, and WebSocket once upgraded), their rooms, one timer
/// queue, and a task queue through which other threads (workers, the event bus) hand it work. The loops share the
/// listening socket and accept from it themselves. Everything but `post` and the lifecycle runs on the loop's own
/// thread.
class RealtimeLoop final : public SocketLoop {
public:
    RealtimeLoop(std::size_t index, std::size_t loopCount, ConnectionHandler& handler, ConnectionAdmission& admission,
                 PollingSessions& sessions, const common::Clock& clock, const config::RealtimeConfig& settings,
                 const HttpConnectionLimits& httpLimits);
    ~RealtimeLoop() override;
    RealtimeLoop(const RealtimeLoop&) = delete;
    RealtimeLoop& operator=(const RealtimeLoop&) = delete;

    /// Starts the thread; it accepts clients from `listenFd` and serves their HTTP requests through `http`.
    void start(int listenFd, HttpHandler& http);
    /// Stops accepting, closes every WebSocket with 1001 (going away) and every HTTP connection, and ends the thread.
    void stop();

    using Task = std::function<void(RealtimeLoop&)>;
    /// Runs `task` on the loop's thread. Safe from any thread.
    void post(Task task);

    Connection* find(std::uint64_t connectionId) override;

    // HTTP.
    /// Sends the answer to the connection's request; the connection then reads its next request, or ends after the
    /// answer when `keepAlive` is false.
    void respond(Connection& connection, std::shared_ptr<const std::string> answer, bool keepAlive);
    /// Sends the 101 answer and goes on with the connection as a WebSocket, handing it to the ConnectionHandler.
    void upgrade(Connection& connection, std::shared_ptr<const std::string> answer, std::string origin,
                 std::optional<std::string> cookieToken);

    // Engine.IO long-polling: sessions without a socket of their own, spoken to through HTTP requests.
    /// Opens a session on this loop for a client at `clientAddress` (counted like a connection) and answers its
    /// handshake with the open packet.
    void openPolling(const std::string& clientAddress, std::string origin, std::optional<std::string> cookieToken,
                     PollAnswer answer);
    /// A poll of session `connectionId`: answered with what is queued for it, at once or as soon as there is some.
    void poll(std::uint64_t connectionId, PollAnswer answer);
    /// Packets the client posted to session `connectionId`.
    void pollPost(std::uint64_t connectionId, std::string_view body, PollAnswer answer);
    /// Sends the 101 answer to the WebSocket asked for session `sid` and hands the socket to the session's loop,
    /// which probes it and moves the session onto it (Engine.IO's upgrade).
    void handOver(Connection& connection, std::shared_ptr<const std::string> answer, const std::string& sid);

    // WebSocket, and long-polling sessions alike.
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
    /// Closes, as `close` does, every WebSocket or long-polling session for which `which` says yes.
    void closeWhere(const std::function<bool(const Connection&)>& which, std::uint16_t code,
                    std::string_view reason) override;
    void setDeadline(Connection& connection, std::int64_t deadlineMs) override;

    std::int64_t nowMs() const override { return _clock.nowMs(); }
    /// Socket.IO sessions (upgraded connections and long-polling sessions).
    std::size_t connectionCount() const { return _socketCount.load(std::memory_order_relaxed); }
    /// Which loop owns a connection id (ids carry it).
    static std::size_t loopOf(std::uint64_t connectionId, std::size_t loopCount) { return connectionId % loopCount; }

private:
    void run();
    void runTasks();
    void acceptClients();
    /// Takes the listening socket out of the epoll set for a moment: out of file descriptors, accept would
    /// otherwise wake the loop again at once.
    void pauseAccepting();
    void handleEvent(std::uint64_t connectionId, std::uint32_t events);
    void readFrom(Connection& connection);
    /// Answers a session's waiting poll with the frames queued for it, as Engine.IO packets.
    void deliverPoll(Connection& session);
    /// Takes a WebSocket handed over for session `sessionId`, answers its handshake and starts probing it.
    void attachProbe(std::uint64_t sessionId, int fd, const std::string& answer, const std::string& buffered);
    void readProbe(Connection& session);
    /// Acts on the probe's messages just decoded into `_messages`: `2probe` is answered `3probe`, `5` moves the
    /// session onto the socket; anything else, or the end of the socket, drops the probe.
    void probeMessages(Connection& session, Connection::ReadResult result);
    void dropProbe(Connection& session);
    void finishUpgrade(Connection& session);
    void readHttp(Connection& connection);
    /// Acts on the state of the connection's request parser after bytes arrived (or an answer went out).
    void advanceHttp(Connection& connection);
    /// Sets the deadline that fits where the connection's current request is.
    void scheduleHttpDeadline(Connection& connection);
    void httpDeadline(Connection& connection);
    /// Acts on the messages just decoded into `_messages` for connection `id`, then on how the read ended.
    void process(std::uint64_t id, Connection::ReadResult result);
    /// Writes out every connection that `send` queued frames for during this turn.
    void flushScheduled();
    void scheduleFlush(Connection& connection);
    /// Writes what the socket takes; destroys the connection when the peer is gone or its last bytes went out.
    void writeOut(Connection& connection);
    void updateInterest(Connection& connection);
    void destroy(std::uint64_t connectionId);

    const std::size_t _index;
    const std::size_t _loopCount;
    ConnectionHandler& _handler;
    HttpHandler* _http = nullptr;
    ConnectionAdmission& _admission;
    PollingSessions& _sessions;
    const common::Clock& _clock;
    const config::RealtimeConfig _settings;
    const HttpConnectionLimits _httpLimits;
    int _epoll = -1;
    int _wakeFd = -1;
    int _listenFd = -1;
    bool _accepting = false;
    std::int64_t _acceptPausedUntilMs = 0;
    std::thread _thread;
    std::atomic<bool> _running{false};

    std::mutex _tasksMutex;
    std::vector<Task> _tasks;

    std::uint64_t _nextSequence = 0;
    std::unordered_map<std::uint64_t, std::unique_ptr<Connection>> _connections;
    std::atomic<std::size_t> _socketCount{0};
    RoomTable _rooms;
    TimerQueue _timers;
    std::vector<char> _scratch;
    std::vector<WebSocketFrameDecoder::Message> _messages;
    std::vector<std::uint64_t> _toFlush;
    /// Refusals and slow clients are logged at most this often per loop, with how many there were.
    static constexpr std::int64_t LogIntervalMs = 10'000;
    common::LogThrottle _acceptLog{LogIntervalMs};
    common::LogThrottle _refusedLog{LogIntervalMs};
    common::LogThrottle _slowLog{LogIntervalMs};
};

} // namespace switchboard::core::realtime
