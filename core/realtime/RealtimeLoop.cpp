#include "core/realtime/RealtimeLoop.h"

#include "core/common/ApiError.h"
#include "core/http/HttpPipeline.h"
#include "core/http/HttpResponse.h"
#include "core/realtime/EnginePacket.h"
#include "core/realtime/EnginePayload.h"
#include "core/realtime/ListeningSocket.h"
#include "core/realtime/WebSocketFrame.h"
#include "core/realtime/WebSocketCloseCode.h"
#include "core/realtime/WebSocketFrameEncoder.h"

#include <Poco/Logger.h>

#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdexcept>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace switchboard::core::realtime {

namespace {

constexpr std::uint64_t WakeToken = ~std::uint64_t{0};
constexpr std::uint64_t ListenToken = WakeToken - 1;
constexpr std::size_t ScratchBytes = 64 * 1024;
/// Bytes read from one socket per wake-up, so that one busy client cannot starve the others on its loop.
constexpr std::size_t ReadBudget = 256 * 1024;
/// How long a closing connection waits for the peer's close frame, or for its end of the stream.
constexpr std::int64_t CloseWaitMs = 1000;
constexpr int MaxEvents = 256;
/// Connections accepted per wake-up, so that a burst of them does not hold up the clients already served.
constexpr int AcceptBatch = 64;
/// How long accepting pauses when the process is out of file descriptors.
constexpr std::int64_t AcceptPauseMs = 100;

const auto ContinueAnswer = std::make_shared<const std::string>("HTTP/1.1 100 Continue\r\n\r\n");

/// The answer to a connection refused at accept, written without waiting and without reading its request: the
/// API's JSON error, made as every other answer is.
std::string refusalAnswer(const std::string& message) {
    http::HttpResponse response;
    http::HttpPipeline::writeError(response, common::ApiError(503, "too_many_connections", message));
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Retry-After", "1");
    return response.toWire(false, false);
}

} // namespace

HttpConnectionLimits HttpConnectionLimits::of(const config::ServerConfig& server) {
    HttpConnectionLimits limits;
    limits.parser.maxHeaderBytes = server.maxHeaderBytes;
    limits.parser.maxBodyBytes = server.maxBodyBytes;
    limits.headerTimeoutMs = server.headerTimeoutMs;
    limits.bodyTimeoutMs = server.bodyTimeoutMs;
    limits.bodyMinBytesPerS = server.bodyMinBytesPerS;
    limits.keepAliveIdleMs = server.keepAliveIdleMs;
    return limits;
}

RealtimeLoop::RealtimeLoop(std::size_t index, std::size_t loopCount, ConnectionHandler& handler,
                           ConnectionAdmission& admission, PollingSessions& sessions, const common::Clock& clock,
                           const config::RealtimeConfig& settings, const HttpConnectionLimits& httpLimits)
    : _index(index), _loopCount(loopCount), _handler(handler), _admission(admission), _sessions(sessions),
      _clock(clock), _settings(settings), _httpLimits(httpLimits), _scratch(ScratchBytes) {
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

void RealtimeLoop::start(int listenFd, HttpHandler& http) {
    _http = &http;
    _listenFd = listenFd;
    if (_listenFd >= 0) {
        // Every loop waits on the one listening socket; EPOLLEXCLUSIVE wakes one of them per new client, not all.
        epoll_event event{};
        event.events = EPOLLIN | EPOLLEXCLUSIVE;
        event.data.u64 = ListenToken;
        if (::epoll_ctl(_epoll, EPOLL_CTL_ADD, _listenFd, &event) != 0)
            throw std::runtime_error(std::string("event loop cannot accept: ") + std::strerror(errno));
        _accepting = true;
    }
    _running = true;
    _thread = std::thread([this] { run(); });
    pthread_setname_np(_thread.native_handle(), "realtime-loop");
}

void RealtimeLoop::stop() {
    if (!_thread.joinable()) return;
    post([](RealtimeLoop& loop) {
        for (auto& [id, connection] : loop._connections) {
            if (connection->protocol() == Connection::Protocol::WebSocket) {
                connection->startClose(static_cast<std::uint16_t>(WebSocketCloseCode::GoingAway), "server shutting down");
            } else if (connection->protocol() == Connection::Protocol::Polling && connection->pollWaiter) {
                std::exchange(connection->pollWaiter, nullptr)(200, EnginePacket::close());
            }
        }
        loop._running = false;
    });
    _thread.join();
    for (auto& [id, connection] : _connections) {
        if (connection->protocol() != Connection::Protocol::Http) _handler.closed(*this, *connection);
        if (connection->protocol() == Connection::Protocol::Polling) _sessions.remove(connection->sid);
        _admission.release(connection->peerAddress);
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

void RealtimeLoop::acceptClients() {
    for (int i = 0; i < AcceptBatch; ++i) {
        sockaddr_storage peer{};
        socklen_t length = sizeof peer;
        const int fd = ::accept4(_listenFd, reinterpret_cast<sockaddr*>(&peer), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            const int error = errno;
            if (error == EINTR || error == ECONNABORTED) continue;
            if (error == EAGAIN || error == EWOULDBLOCK) return;
            if (const auto count = _acceptLog.occurred(nowMs()))
                Poco::Logger::get("http").warning("cannot accept clients (%s); %z time(s) in the last %Ld s",
                                                  std::string(std::strerror(error)), count, LogIntervalMs / 1000);
            pauseAccepting();
            return;
        }
        auto address = ListeningSocket::peerAddressOf(&peer);
        const auto verdict = _admission.admit(address);
        if (verdict != ConnectionAdmission::Verdict::Admitted) {
            const bool inAll = verdict == ConnectionAdmission::Verdict::TooManyInAll;
            const auto answer = refusalAnswer(inAll ? "the hub has too many connections; try again shortly"
                                                    : "too many connections from this address");
            [[maybe_unused]] const auto sent = ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
            ::close(fd);
            if (const auto count = _refusedLog.occurred(nowMs())) {
                const std::string limit = inAll ? "server.max_connections" : "server.max_connections_per_ip";
                Poco::Logger::get("http").warning(
                    "refused %z connection(s) in the last %Ld s, the last from %s: %s reached", count,
                    LogIntervalMs / 1000, address, limit);
            }
            continue;
        }
        const int on = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        // Ids carry their loop (id % loopCount), so any thread can tell where to post work for a connection.
        const auto id = (++_nextSequence) * _loopCount + _index;
        auto connection = std::make_unique<Connection>(id, fd, _settings.maxMessageBytes, _settings.maxQueuedBytes,
                                                       _httpLimits.parser);
        connection->peerAddress = std::move(address);
        epoll_event event{};
        event.events = EPOLLIN | EPOLLRDHUP;
        event.data.u64 = id;
        if (::epoll_ctl(_epoll, EPOLL_CTL_ADD, fd, &event) != 0) {
            Poco::Logger::get("http").warning("cannot watch socket: %s", std::string(std::strerror(errno)));
            _admission.release(connection->peerAddress);
            continue;
        }
        connection->watchedEvents = event.events;
        // A client that connects must start its request within the header time, like one that has started it.
        connection->httpPhaseStartMs = nowMs();
        auto& accepted = *connection;
        _connections.emplace(id, std::move(connection));
        setDeadline(accepted, accepted.httpPhaseStartMs + _httpLimits.headerTimeoutMs);
    }
}

void RealtimeLoop::pauseAccepting() {
    ::epoll_ctl(_epoll, EPOLL_CTL_DEL, _listenFd, nullptr);
    _accepting = false;
    _acceptPausedUntilMs = nowMs() + AcceptPauseMs;
}

Connection* RealtimeLoop::find(std::uint64_t connectionId) {
    auto found = _connections.find(connectionId);
    return found == _connections.end() ? nullptr : found->second.get();
}

void RealtimeLoop::respond(Connection& connection, std::shared_ptr<const std::string> answer, bool keepAlive) {
    connection.httpBusy = false;
    connection.enqueueAnswer(std::move(answer));
    scheduleFlush(connection);
    if (!keepAlive || connection.peerClosed()) {
        connection.endAfterQueued();
        updateInterest(connection);
        setDeadline(connection, nowMs() + CloseWaitMs);
        return;
    }
    connection.httpContinueSent = false;
    connection.httpPhaseStartMs = nowMs();
    setDeadline(connection, nowMs() + _httpLimits.keepAliveIdleMs);
    updateInterest(connection);
    if (connection.httpParser().bufferedBytes() == 0) return;
    // A request the client sent behind the one just answered (pipelining) is taken up on the loop's next turn,
    // not from inside this answer.
    post([id = connection.id()](RealtimeLoop& loop) {
        auto* next = loop.find(id);
        if (!next || next->closing() || next->protocol() != Connection::Protocol::Http || next->httpBusy) return;
        next->httpParser().feed(nullptr, 0);
        loop.advanceHttp(*next);
    });
}

void RealtimeLoop::upgrade(Connection& connection, std::shared_ptr<const std::string> answer, std::string origin,
                           std::optional<std::string> cookieToken) {
    connection.httpBusy = false;
    connection.enqueueAnswer(std::move(answer));
    scheduleFlush(connection);
    connection.origin = std::move(origin);
    connection.cookieToken = std::move(cookieToken);
    connection.deadlineMs = 0;
    _messages.clear();
    // Bytes the client sent right behind its upgrade request are handled as if just read.
    connection.upgrade(_messages);
    _socketCount.fetch_add(1, std::memory_order_relaxed);
    updateInterest(connection);
    _handler.opened(*this, connection);
    process(connection.id(), Connection::ReadResult::Open);
}

void RealtimeLoop::openPolling(const std::string& clientAddress, std::string origin,
                               std::optional<std::string> cookieToken, PollAnswer answer) {
    if (_admission.admit(clientAddress) != ConnectionAdmission::Verdict::Admitted) {
        answer(503, "too many connections from this address");
        return;
    }
    const auto id = (++_nextSequence) * _loopCount + _index;
    auto session = std::make_unique<Connection>(id, -1, _settings.maxMessageBytes, _settings.maxQueuedBytes);
    session->peerAddress = clientAddress;
    session->origin = std::move(origin);
    session->cookieToken = std::move(cookieToken);
    auto& opened = *session;
    _connections.emplace(id, std::move(session));
    _socketCount.fetch_add(1, std::memory_order_relaxed);
    _handler.opened(*this, opened); // queues the open packet
    _sessions.add(opened.sid, id);
    opened.pollWaiter = std::move(answer);
    deliverPoll(opened);
}

void RealtimeLoop::poll(std::uint64_t connectionId, PollAnswer answer) {
    auto* session = find(connectionId);
    if (!session || session->protocol() != Connection::Protocol::Polling) {
        answer(400, "unknown session");
        return;
    }
    if (session->upgrading && !session->hasQueued()) {
        // The client is moving to the probed WebSocket: its poll must end now so that it can stop polling.
        answer(200, EnginePacket::noop());
        return;
    }
    if (session->pollWaiter) {
        // Engine.IO allows one poll at a time: a second one means a broken client, and ends the session.
        answer(400, "a poll is already waiting on this session");
        close(*session, static_cast<std::uint16_t>(WebSocketCloseCode::PolicyViolation), "overlapping polls");
        return;
    }
    session->pollWaiter = std::move(answer);
    deliverPoll(*session);
}

void RealtimeLoop::pollPost(std::uint64_t connectionId, std::string_view body, PollAnswer answer) {
    auto* session = find(connectionId);
    if (!session || session->protocol() != Connection::Protocol::Polling || session->closing()) {
        answer(400, "unknown session");
        return;
    }
    std::vector<std::string> packets;
    try {
        packets = EnginePayload::decode(body);
    } catch (const EnginePayload::ParseError& error) {
        answer(400, error.what());
        close(*session, static_cast<std::uint16_t>(WebSocketCloseCode::PolicyViolation), "malformed payload");
        return;
    }
    answer(200, "ok");
    for (const auto& packet : packets) {
        auto* alive = find(connectionId);
        if (!alive || alive->closing()) return;
        _handler.text(*this, *alive, packet);
    }
}

void RealtimeLoop::deliverPoll(Connection& session) {
    if (!session.pollWaiter || !session.hasQueued()) return;
    std::vector<std::string> packets;
    bool closed = false;
    for (const auto& frame : session.takeQueued()) {
        const auto read = WebSocketFrameEncoder::readBack(*frame);
        if (read.opcode == websocket::kText) {
            packets.emplace_back(read.payload);
        } else if (read.opcode == websocket::kClose) {
            packets.push_back(EnginePacket::close());
            closed = true;
        }
    }
    if (packets.empty()) return;
    std::exchange(session.pollWaiter, nullptr)(200, EnginePayload::encode(packets));
    if (closed) destroy(session.id());
}

void RealtimeLoop::handOver(Connection& connection, std::shared_ptr<const std::string> answer, const std::string& sid) {
    const auto buffered = connection.httpParser().takeBuffered();
    ::epoll_ctl(_epoll, EPOLL_CTL_DEL, connection.fd(), nullptr);
    const int fd = connection.releaseSocket();
    // The session counts towards the client's connections already.
    _admission.release(connection.peerAddress);
    _connections.erase(connection.id());
    const bool routed = _sessions.toSession(sid, [fd, answer, buffered](RealtimeLoop& owner, std::uint64_t sessionId) {
        owner.attachProbe(sessionId, fd, *answer, buffered);
    });
    if (!routed) ::close(fd);
}

void RealtimeLoop::attachProbe(std::uint64_t sessionId, int fd, const std::string& answer, const std::string& buffered) {
    auto* session = find(sessionId);
    if (!session || session->protocol() != Connection::Protocol::Polling || session->closing() ||
        session->probeFd() >= 0) {
        ::close(fd);
        return;
    }
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.u64 = sessionId;
    if (::epoll_ctl(_epoll, EPOLL_CTL_ADD, fd, &event) != 0) {
        ::close(fd);
        return;
    }
    session->watchedEvents = event.events;
    _messages.clear();
    session->attachProbe(fd, buffered, _messages);
    if (!session->sendProbe(answer)) {
        dropProbe(*session);
        return;
    }
    probeMessages(*session, Connection::ReadResult::Open);
}

void RealtimeLoop::readProbe(Connection& session) {
    _messages.clear();
    probeMessages(session, session.readProbe(_scratch.data(), _scratch.size(), ReadBudget, _messages));
}

void RealtimeLoop::probeMessages(Connection& session, Connection::ReadResult result) {
    using Kind = WebSocketFrameDecoder::Kind;
    for (std::size_t i = 0; i < _messages.size(); ++i) {
        const auto& message = _messages[i];
        if (message.kind == Kind::Text && message.payload == "2probe") {
            std::string pong;
            WebSocketFrameEncoder::appendText(pong, "3probe");
            if (!session.sendProbe(pong)) {
                dropProbe(session);
                return;
            }
            session.upgrading = true;
            // The waiting poll ends now (with what is queued, or a noop), so that the client can pause polling.
            if (session.pollWaiter && !session.hasQueued())
                std::exchange(session.pollWaiter, nullptr)(200, EnginePacket::noop());
            deliverPoll(session);
        } else if (message.kind == Kind::Text && message.payload == "5" && session.upgrading) {
            finishUpgrade(session);
            // What the client sent behind its upgrade is the session's, as on any WebSocket.
            _messages.erase(_messages.begin(), _messages.begin() + static_cast<std::ptrdiff_t>(i + 1));
            process(session.id(), result);
            return;
        } else {
            dropProbe(session);
            return;
        }
    }
    if (session.decoder().failed() || result != Connection::ReadResult::Open) dropProbe(session);
}

void RealtimeLoop::dropProbe(Connection& session) {
    ::epoll_ctl(_epoll, EPOLL_CTL_DEL, session.probeFd(), nullptr);
    session.dropProbe();
    session.watchedEvents = 0;
    session.upgrading = false;
}

void RealtimeLoop::finishUpgrade(Connection& session) {
    session.completeUpgrade();
    session.upgrading = false;
    _sessions.remove(session.sid);
    if (session.pollWaiter) std::exchange(session.pollWaiter, nullptr)(200, EnginePacket::noop());
    // What was queued for the next poll goes out on the WebSocket now.
    scheduleFlush(session);
}

void RealtimeLoop::send(Connection& connection, std::shared_ptr<const std::string> frame) {
    switch (connection.enqueue(std::move(frame))) {
    case Connection::SendResult::Queued:
        scheduleFlush(connection);
        return;
    case Connection::SendResult::Overflow:
        close(connection, static_cast<std::uint16_t>(WebSocketCloseCode::PolicyViolation), "too slow to keep up");
        return;
    case Connection::SendResult::Closing:
        return;
    }
}

void RealtimeLoop::scheduleFlush(Connection& connection) {
    // Written when this turn of the loop ends: everything a turn sends to one socket goes in one system call.
    if (connection.flushScheduled) return;
    connection.flushScheduled = true;
    _toFlush.push_back(connection.id());
}

void RealtimeLoop::broadcast(const std::vector<std::string>& rooms, const std::shared_ptr<const std::string>& frame,
                             const std::function<bool(const Connection&)>& admit) {
    for (const auto id : _rooms.membersOf(rooms)) {
        if (auto* connection = find(id); connection && admit(*connection)) send(*connection, frame);
    }
}

void RealtimeLoop::join(Connection& connection, const std::string& room) {
    if (_rooms.join(room, connection.id())) connection.rooms.push_back(room);
}

void RealtimeLoop::leave(Connection& connection, const std::string& room) {
    _rooms.leave(room, connection.id());
    std::erase(connection.rooms, room);
}

void RealtimeLoop::close(Connection& connection, std::uint16_t code, std::string_view reason) {
    if (connection.closing()) return;
    connection.startClose(code, reason);
    // A long-polling session's close packet goes to its waiting poll, if any, at the end of the turn.
    if (connection.protocol() == Connection::Protocol::Polling) scheduleFlush(connection);
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
        if (connection->protocol() != Connection::Protocol::Http && which(*connection))
            close(*connection, code, reason);
    }
}

void RealtimeLoop::setDeadline(Connection& connection, std::int64_t deadlineMs) {
    connection.deadlineMs = deadlineMs;
    _timers.schedule(connection.id(), deadlineMs);
}

void RealtimeLoop::run() {
    std::vector<epoll_event> events(MaxEvents);
    while (_running) {
        int timeout = _timers.msUntilNext(nowMs());
        if (!_accepting && _listenFd >= 0) {
            const auto pause = static_cast<int>(std::max<std::int64_t>(0, _acceptPausedUntilMs - nowMs()));
            timeout = timeout < 0 ? pause : std::min(timeout, pause);
        }
        const int count = ::epoll_wait(_epoll, events.data(), MaxEvents, timeout);
        if (count < 0 && errno != EINTR) {
            Poco::Logger::get("realtime").error("epoll_wait: %s", std::string(std::strerror(errno)));
            break;
        }
        for (int i = 0; i < count; ++i) {
            const auto& event = events[static_cast<std::size_t>(i)];
            if (event.data.u64 == WakeToken) {
                std::uint64_t drained = 0;
                [[maybe_unused]] const auto n = ::read(_wakeFd, &drained, sizeof drained);
            } else if (event.data.u64 == ListenToken) {
                if (_accepting) acceptClients();
            } else {
                handleEvent(event.data.u64, event.events);
            }
        }
        runTasks();
        _timers.runDue(nowMs(), [this](std::uint64_t id, std::int64_t deadlineMs) {
            auto* connection = find(id);
            if (!connection || connection->deadlineMs != deadlineMs) return; // rescheduled or gone
            if (connection->closing()) {
                destroy(id);
            } else if (connection->protocol() == Connection::Protocol::Http) {
                httpDeadline(*connection);
            } else {
                _handler.deadline(*this, *connection);
            }
        });
        if (!_accepting && _listenFd >= 0 && nowMs() >= _acceptPausedUntilMs) {
            epoll_event event{};
            event.events = EPOLLIN | EPOLLEXCLUSIVE;
            event.data.u64 = ListenToken;
            _accepting = ::epoll_ctl(_epoll, EPOLL_CTL_ADD, _listenFd, &event) == 0;
            if (!_accepting) _acceptPausedUntilMs = nowMs() + AcceptPauseMs;
        }
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
    if (connection.protocol() == Connection::Protocol::Polling) {
        deliverPoll(connection);
        return;
    }
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
    if (connection->protocol() == Connection::Protocol::Polling) {
        // A long-polling session's only socket is the WebSocket it is being upgraded to.
        if (connection->probeFd() >= 0) readProbe(*connection);
        return;
    }
    if (events & EPOLLOUT) {
        writeOut(*connection);
        connection = find(connectionId);
        if (!connection) return;
    }
    if (!(events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))) return;
    if (connection->protocol() == Connection::Protocol::Http && connection->httpBusy && !connection->closing()) {
        // Nothing is read while a request is handled; a socket that failed meanwhile would only wake the loop again.
        if (events & (EPOLLHUP | EPOLLERR)) destroy(connectionId);
        return;
    }
    readFrom(*connection);
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
    if (connection.protocol() == Connection::Protocol::Http) {
        readHttp(connection);
        return;
    }
    _messages.clear();
    process(connection.id(), connection.read(_scratch.data(), _scratch.size(), ReadBudget, _messages));
}

void RealtimeLoop::readHttp(Connection& connection) {
    using State = http::HttpRequestParser::State;
    auto& parser = connection.httpParser();
    const auto before = parser.state();
    const auto result = connection.readHttp(_scratch.data(), _scratch.size(), ReadBudget);
    const auto after = parser.state();
    if ((before == State::Idle && after != State::Idle) || (before != State::Body && after == State::Body))
        connection.httpPhaseStartMs = nowMs();
    if (result == Connection::ReadResult::PeerGone ||
        (result == Connection::ReadResult::PeerEnded && after != State::Complete && after != State::Failed)) {
        // Gone, or gone quiet before its request was whole: there is nobody to answer.
        destroy(connection.id());
        return;
    }
    advanceHttp(connection);
}

void RealtimeLoop::advanceHttp(Connection& connection) {
    using State = http::HttpRequestParser::State;
    auto& parser = connection.httpParser();
    switch (parser.state()) {
    case State::Failed:
        connection.httpBusy = true;
        _http->refuse(*this, connection, parser.failureStatus(), parser.failureReason(),
                     parser.headComplete() ? &parser.current() : nullptr);
        return;
    case State::Complete:
        connection.httpBusy = true;
        connection.deadlineMs = 0; // a request with its handler has no deadline of the connection's
        updateInterest(connection);
        _http->request(*this, connection, parser.take());
        return;
    case State::Body:
        if (parser.current().expectsContinue && !connection.httpContinueSent) {
            connection.httpContinueSent = true;
            connection.enqueueAnswer(ContinueAnswer);
            scheduleFlush(connection);
        }
        scheduleHttpDeadline(connection);
        return;
    case State::Head:
        scheduleHttpDeadline(connection);
        return;
    case State::Idle:
        return; // the deadline set when the connection opened or its last answer went out still holds
    }
}

void RealtimeLoop::scheduleHttpDeadline(Connection& connection) {
    const auto& parser = connection.httpParser();
    if (parser.state() == http::HttpRequestParser::State::Head) {
        const auto deadline = connection.httpPhaseStartMs + _httpLimits.headerTimeoutMs;
        // Set once per request, not once per piece of its head that arrives.
        if (connection.deadlineMs != deadline) setDeadline(connection, deadline);
        return;
    }
    // A body may take the body time plus its length at the minimum rate; a chunked one, whose length is unknown,
    // earns more time with every byte that arrives.
    const auto bytes = std::max(parser.announcedBodyBytes(), parser.bodyBytes());
    const auto allowanceMs = static_cast<std::int64_t>(bytes * 1000 / _httpLimits.bodyMinBytesPerS);
    const auto deadline = connection.httpPhaseStartMs + _httpLimits.bodyTimeoutMs + allowanceMs;
    if (connection.deadlineMs != deadline) setDeadline(connection, deadline);
}

void RealtimeLoop::httpDeadline(Connection& connection) {
    using State = http::HttpRequestParser::State;
    if (connection.httpBusy) return;
    const auto& parser = connection.httpParser();
    if (parser.state() == State::Idle) {
        // A kept-alive connection that stayed quiet, or one that never sent anything: it just ends.
        connection.endAfterQueued();
        connection.shutdownWrites();
        updateInterest(connection);
        setDeadline(connection, nowMs() + CloseWaitMs);
        return;
    }
    const bool inHead = parser.state() == State::Head;
    if (const auto count = _slowLog.occurred(nowMs()))
        Poco::Logger::get("http").warning("answered 408 to %z client(s) too slow to send a request in the last %Ld s, "
                                          "the last from %s (server.header_timeout_ms, body_timeout_ms)",
                                          count, LogIntervalMs / 1000, connection.peerAddress);
    connection.httpBusy = true;
    _http->refuse(*this, connection, 408,
                 inHead ? "the request's header fields took too long to arrive" : "the request body arrived too slowly",
                 inHead ? nullptr : &parser.current());
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
    if (connection.fd() < 0) return; // a long-polling session has no socket to watch
    epoll_event event{};
    // A closing connection reads on until the peer is done (see Connection::drain); an HTTP connection reads
    // nothing while its request is handled.
    const bool handling = connection.protocol() == Connection::Protocol::Http && connection.httpBusy;
    const bool reading = connection.closing() ? !connection.peerClosed() : !handling;
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
    if (connection->fd() >= 0) ::epoll_ctl(_epoll, EPOLL_CTL_DEL, connection->fd(), nullptr);
    if (connection->probeFd() >= 0) ::epoll_ctl(_epoll, EPOLL_CTL_DEL, connection->probeFd(), nullptr);
    if (connection->protocol() != Connection::Protocol::Http) {
        _socketCount.fetch_sub(1, std::memory_order_relaxed);
        for (const auto& room : std::vector<std::string>(connection->rooms)) leave(*connection, room);
        _handler.closed(*this, *connection);
    }
    if (connection->protocol() == Connection::Protocol::Polling) {
        _sessions.remove(connection->sid);
        if (connection->pollWaiter) std::exchange(connection->pollWaiter, nullptr)(200, EnginePacket::close());
    }
    _admission.release(connection->peerAddress);
}

} // namespace switchboard::core::realtime
