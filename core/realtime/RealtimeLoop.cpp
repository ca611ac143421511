#include "core/realtime/RealtimeLoop.h"

#include "core/realtime/WebSocketCloseCode.h"
#include "core/realtime/WebSocketFrameEncoder.h"

#include <Poco/Logger.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace switchboard::core::realtime {

namespace {

constexpr std::uint64_t WakeToken = ~std::uint64_t{0};
constexpr std::size_t ScratchBytes = 64 * 1024;
/// Bytes read from one socket per wake-up, so that one busy client cannot starve the others on its loop.
constexpr std::size_t ReadBudget = 256 * 1024;
/// How long a closing connection waits for the peer's close frame, or for its end of the stream.
constexpr std::int64_t CloseWaitMs = 1000;
constexpr int MaxEvents = 256;

} // namespace

RealtimeLoop::RealtimeLoop(std::size_t index, std::size_t loopCount, ConnectionHandler& handler,
                           const common::Clock& clock, const config::RealtimeConfig& settings)
    : _index(index), _loopCount(loopCount), _handler(handler), _clock(clock), _settings(settings),
      _scratch(ScratchBytes) {
    _epoll = ::epoll_create1(EPOLL_CLOEXEC);
    _wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (_epoll < 0 || _wakeFd < 0) throw std::runtime_error(std::string("event loop: ") + std::strerror(errno));
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = WakeToken;
    ::epoll_ctl(_epoll, EPOLL_CTL_ADD, _wakeFd, &event);
}

RealtimeLoop::~RealtimeLoop() {
    stop();
    ::close(_wakeFd);
    ::close(_epoll);
}

void RealtimeLoop::start() {
    _running = true;
    _thread = std::thread([this] { run(); });
}

void RealtimeLoop::stop() {
    if (!_thread.joinable()) return;
    post([](RealtimeLoop& loop) {
        for (auto& [id, connection] : loop._connections) {
            connection->startClose(static_cast<std::uint16_t>(WebSocketCloseCode::GoingAway), "server shutting down");
        }
        loop._running = false;
    });
    _thread.join();
    for (auto& [id, connection] : _connections) {
        _handler.closed(*this, *connection);
        connection->shutdown();
    }
    _connections.clear();
}

void RealtimeLoop::post(Task task) {
    bool wake = false;
    {
        std::lock_guard lock(_tasksMutex);
        // Tasks already waiting mean a wake-up is already on its way; the loop takes them all at once.
        wake = _tasks.empty();
        _tasks.push_back(std::move(task));
    }
    if (!wake) return;
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(_wakeFd, &one, sizeof one);
}

void RealtimeLoop::adopt(Poco::Net::StreamSocket socket, std::string buffered, std::string origin,
                         std::optional<std::string> cookieToken) {
    // Ids carry their loop (id % loopCount), so any thread can tell where to post work for a connection.
    const auto id = (++_nextSequence) * _loopCount + _index;
    auto connection =
        std::make_unique<Connection>(id, std::move(socket), _settings.maxMessageBytes, _settings.maxQueuedBytes);
    connection->origin = std::move(origin);
    connection->cookieToken = std::move(cookieToken);
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.u64 = id;
    if (::epoll_ctl(_epoll, EPOLL_CTL_ADD, connection->fd(), &event) != 0) {
        Poco::Logger::get("realtime").warning("cannot watch socket: %s", std::string(std::strerror(errno)));
        return;
    }
    connection->watchedEvents = event.events;
    auto& adopted = *connection;
    _connections.emplace(id, std::move(connection));
    _connectionCount.store(_connections.size(), std::memory_order_relaxed);
    _handler.opened(*this, adopted);
    if (!buffered.empty() && !adopted.closing()) {
        // Bytes the client sent right behind its upgrade request are handled as if just read.
        _messages.clear();
        adopted.decode(buffered.data(), buffered.size(), _messages);
        process(id, Connection::ReadResult::Open);
    }
}

Connection* RealtimeLoop::find(std::uint64_t connectionId) {
    auto found = _connections.find(connectionId);
    return found == _connections.end() ? nullptr : found->second.get();
}

void RealtimeLoop::send(Connection& connection, std::shared_ptr<const std::string> frame) {
    switch (connection.enqueue(std::move(frame))) {
    case Connection::SendResult::Queued:
        // Written when this turn of the loop ends: everything a turn sends to one socket goes in one system call.
        if (!connection.flushScheduled) {
            connection.flushScheduled = true;
            _toFlush.push_back(connection.id());
        }
        return;
    case Connection::SendResult::Overflow:
        close(connection, static_cast<std::uint16_t>(WebSocketCloseCode::PolicyViolation), "too slow to keep up");
        return;
    case Connection::SendResult::Closing:
        return;
    }
}

void RealtimeLoop::broadcast(const std::vector<std::string>& rooms, const std::shared_ptr<const std::string>& frame,
                             const std::function<bool(const Connection&)>& admit) {
    std::unordered_set<std::uint64_t> sent;
    for (const auto& room : rooms) {
        auto members = _rooms.find(room);
        if (members == _rooms.end()) continue;
        // Copied: sending may drop a slow connection, which leaves its rooms.
        const std::vector<std::uint64_t> ids(members->second.begin(), members->second.end());
        for (auto id : ids) {
            if (!sent.insert(id).second) continue;
            if (auto* connection = find(id); connection && admit(*connection)) send(*connection, frame);
        }
    }
}

void RealtimeLoop::join(Connection& connection, const std::string& room) {
    if (_rooms[room].insert(connection.id()).second) connection.rooms.push_back(room);
}

void RealtimeLoop::leave(Connection& connection, const std::string& room) {
    if (auto members = _rooms.find(room); members != _rooms.end()) {
        members->second.erase(connection.id());
        if (members->second.empty()) _rooms.erase(members);
    }
    std::erase(connection.rooms, room);
}

void RealtimeLoop::close(Connection& connection, std::uint16_t code, std::string_view reason) {
    if (connection.closing()) return;
    connection.startClose(code, reason);
    // The close handshake is complete when the peer's close was echoed and the echo went out. A close the hub starts
    // waits for the peer's answer (read by readFrom), after a FIN once the frame is out (see writeOut).
    const bool complete = connection.peerClosed() && !connection.hasQueued();
    if (!connection.hasQueued() && !complete) connection.shutdownWrites();
    updateInterest(connection);
    // Destroyed from the timer, never under a caller that may still hold the connection: at once when the handshake
    // is complete, else when the peer answers or after CloseWaitMs for one that does not.
    setDeadline(connection, nowMs() + (complete ? 0 : CloseWaitMs));
}

void RealtimeLoop::closeWhere(const std::function<bool(const Connection&)>& which, std::uint16_t code,
                              std::string_view reason) {
    // Closing never destroys a connection at once (see close), so the map can be walked as it is.
    for (auto& [id, connection] : _connections) {
        if (which(*connection)) close(*connection, code, reason);
    }
}

void RealtimeLoop::setDeadline(Connection& connection, std::int64_t deadlineMs) {
    connection.deadlineMs = deadlineMs;
    _timers.schedule(connection.id(), deadlineMs);
}

void RealtimeLoop::run() {
    std::vector<epoll_event> events(MaxEvents);
    while (_running) {
        const int timeout = _timers.msUntilNext(nowMs());
        const int count = ::epoll_wait(_epoll, events.data(), MaxEvents, timeout);
        if (count < 0 && errno != EINTR) {
            Poco::Logger::get("realtime").error("epoll_wait: %s", std::string(std::strerror(errno)));
            break;
        }
        for (int i = 0; i < count; ++i) {
            if (events[static_cast<std::size_t>(i)].data.u64 == WakeToken) {
                std::uint64_t drained = 0;
                [[maybe_unused]] const auto n = ::read(_wakeFd, &drained, sizeof drained);
                continue;
            }
            handleEvent(events[static_cast<std::size_t>(i)].data.u64, events[static_cast<std::size_t>(i)].events);
        }
        runTasks();
        _timers.runDue(nowMs(), [this](std::uint64_t id, std::int64_t deadlineMs) {
            auto* connection = find(id);
            if (!connection || connection->deadlineMs != deadlineMs) return; // rescheduled or gone
            if (connection->closing()) {
                destroy(id);
            } else {
                _handler.deadline(*this, *connection);
            }
        });
        flushScheduled();
    }
}

void RealtimeLoop::flushScheduled() {
    // By index: a connection that turns out to be gone is destroyed here, and its goodbyes to others (presence)
    // schedule more sockets behind it.
    for (std::size_t i = 0; i < _toFlush.size(); ++i) {
        if (auto* connection = find(_toFlush[i])) {
            connection->flushScheduled = false;
            writeOut(*connection);
        }
    }
    _toFlush.clear();
}

void RealtimeLoop::writeOut(Connection& connection) {
    if (!connection.flush() || (connection.closing() && !connection.hasQueued() && connection.peerClosed())) {
        destroy(connection.id());
        return;
    }
    if (connection.closing() && !connection.hasQueued()) connection.shutdownWrites();
    updateInterest(connection);
}

void RealtimeLoop::runTasks() {
    std::vector<Task> tasks;
    {
        std::lock_guard lock(_tasksMutex);
        tasks.swap(_tasks);
    }
    for (auto& task : tasks) {
        try {
            task(*this);
        } catch (const std::exception& e) {
            Poco::Logger::get("realtime").error("loop task failed: %s", std::string(e.what()));
        }
    }
}

void RealtimeLoop::handleEvent(std::uint64_t connectionId, std::uint32_t events) {
    auto* connection = find(connectionId);
    if (!connection) return;
    if (events & EPOLLOUT) {
        writeOut(*connection);
        connection = find(connectionId);
        if (!connection) return;
    }
    if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) readFrom(*connection);
}

void RealtimeLoop::readFrom(Connection& connection) {
    if (connection.closing()) {
        const auto result = connection.drain(_scratch.data(), _scratch.size(), ReadBudget);
        if (result == Connection::ReadResult::PeerGone || (connection.peerClosed() && !connection.hasQueued())) {
            destroy(connection.id());
        } else {
            // Reading stops once the peer is done; a close frame still queued goes out first (see writeOut).
            updateInterest(connection);
        }
        return;
    }
    _messages.clear();
    process(connection.id(), connection.read(_scratch.data(), _scratch.size(), ReadBudget, _messages));
}

void RealtimeLoop::process(std::uint64_t id, Connection::ReadResult result) {
    for (auto& message : _messages) {
        auto* alive = find(id);
        if (!alive || alive->closing()) return;
        using Kind = WebSocketFrameDecoder::Kind;
        switch (message.kind) {
        case Kind::Text:
            _handler.text(*this, *alive, message.payload);
            break;
        case Kind::Binary:
            close(*alive, static_cast<std::uint16_t>(WebSocketCloseCode::UnsupportedData),
                  "binary packets are not supported");
            return;
        case Kind::Ping: {
            auto pong = std::make_shared<std::string>();
            WebSocketFrameEncoder::appendPong(*pong, message.payload);
            send(*alive, std::move(pong));
            break;
        }
        case Kind::Pong:
            break;
        case Kind::Close:
            // Echo the peer's code (an empty close answers a close without one), then hang up.
            close(*alive, message.closeCode, "");
            return;
        }
    }
    auto* alive = find(id);
    if (!alive) return;
    if (alive->decoder().failed()) {
        close(*alive, static_cast<std::uint16_t>(alive->decoder().failureCode()),
              std::string(alive->decoder().failureReason()));
        return;
    }
    if (result != Connection::ReadResult::Open) destroy(id);
}

void RealtimeLoop::updateInterest(Connection& connection) {
    epoll_event event{};
    // A closing connection reads on until the peer's close frame is in (see Connection::drain).
    const bool reading = !connection.closing() || !connection.peerClosed();
    event.events = (reading ? static_cast<std::uint32_t>(EPOLLIN | EPOLLRDHUP) : 0u) |
                   (connection.hasQueued() ? static_cast<std::uint32_t>(EPOLLOUT) : 0u);
    if (event.events == connection.watchedEvents) return;
    event.data.u64 = connection.id();
    ::epoll_ctl(_epoll, EPOLL_CTL_MOD, connection.fd(), &event);
    connection.watchedEvents = event.events;
}

void RealtimeLoop::destroy(std::uint64_t connectionId) {
    auto found = _connections.find(connectionId);
    if (found == _connections.end()) return;
    auto connection = std::move(found->second);
    _connections.erase(found);
    _connectionCount.store(_connections.size(), std::memory_order_relaxed);
    ::epoll_ctl(_epoll, EPOLL_CTL_DEL, connection->fd(), nullptr);
    for (const auto& room : std::vector<std::string>(connection->rooms)) leave(*connection, room);
    _handler.closed(*this, *connection);
    connection->shutdown();
}

} // namespace switchboard::core::realtime
