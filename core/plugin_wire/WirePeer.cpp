#include "core/plugin_wire/WirePeer.h"

#include "core/plugin_wire/FrameDecoder.h"
#include "core/plugin_wire/FrameEncoder.h"
#include "core/plugin_wire/WireMessageCodec.h"

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace switchboard::core::plugin_wire {

namespace {

/// Overloads for std::visit.
template <class... Ts> struct Overloaded : Ts... {
    using Ts::operator()...;
};
// Clang 14 (the fuzz build) does not deduce an aggregate's arguments by itself.
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

WirePeer::WirePeer(int socket, HelloMessage ownHello, PeerRole peerRole, Handlers handlers,
                   std::chrono::milliseconds sendTimeout)
    : _socket(socket), _sendTimeout(sendTimeout), _ownHello(std::move(ownHello)), _peerRole(peerRole),
      _handlers(std::move(handlers)) {
    const timeval limit{static_cast<time_t>(_sendTimeout.count() / 1000),
                        static_cast<suseconds_t>(_sendTimeout.count() % 1000 * 1000)};
    ::setsockopt(_socket, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
}

WirePeer::~WirePeer() {
    close();
    if (_reader.joinable()) {
        if (_reader.get_id() == std::this_thread::get_id()) {
            _reader.detach(); // destroyed by a handler of its own reader: the thread ends on its own
        } else {
            _reader.join();
        }
    }
    ::close(_socket);
}

void WirePeer::start() {
    send(_ownHello);
    _reader = std::thread([this] { read(); });
}

bool WirePeer::closed() const {
    std::lock_guard lock(_mutex);
    return _closedBecause.has_value();
}

Poco::JSON::Object::Ptr WirePeer::call(Method method, Poco::JSON::Object::Ptr params, std::int64_t nowMs,
                                       std::optional<std::chrono::milliseconds> timeout) {
    auto waiting = std::make_shared<Waiting>();
    CallMessage message;
    message.method = method;
    message.nowMs = nowMs;
    if (timeout) message.deadlineMs = nowMs + timeout->count();
    message.params = std::move(params);
    {
        std::lock_guard lock(_mutex);
        if (_closedBecause) throw WireError(ErrorCode::Internal, "the connection is closed: " + *_closedBecause);
        message.id = _nextId++;
        _waiting.emplace(message.id, waiting);
    }
    send(message);

    std::unique_lock lock(_mutex);
    const auto answered = [&] { return waiting->answered; };
    const bool inTime = timeout ? _answered.wait_for(lock, *timeout, answered) : (_answered.wait(lock, answered), true);
    _waiting.erase(message.id);
    if (!inTime) {
        throw WireError(ErrorCode::DeadlineExceeded,
                        std::string(MethodNames.name(method)) + " was not answered within " +
                            std::to_string(timeout->count()) + " ms");
    }
    if (waiting->error) throw *waiting->error;
    return waiting->result;
}

void WirePeer::answer(std::int64_t id, Poco::JSON::Object::Ptr result) { send(ResultMessage{id, std::move(result)}); }

void WirePeer::refuse(std::int64_t id, ErrorCode code, const std::string& message) {
    send(ErrorMessage{id, code, message});
}

void WirePeer::notify(Method method, Poco::JSON::Object::Ptr params) {
    send(NoticeMessage{method, std::move(params)});
}

void WirePeer::send(const WireMessage& message) {
    const std::string frame = FrameEncoder().encode(WireMessageCodec::encode(message));
    std::lock_guard lock(_sending);
    std::size_t sent = 0;
    while (sent < frame.size()) {
        const auto n = ::send(_socket, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL);
        if (n >= 0) {
            sent += static_cast<std::size_t>(n);
        } else if (errno != EINTR) {
            const std::string why = errno == EAGAIN || errno == EWOULDBLOCK
                                        ? "the peer took no frame for " + std::to_string(_sendTimeout.count()) + " ms"
                                        : std::string("cannot write to the peer: ") + std::strerror(errno);
            close(why);
            throw WireError(ErrorCode::Internal, "the connection is closed: " + why);
        }
    }
}

void WirePeer::read() {
    FrameDecoder decoder;
    char buffer[64 * 1024];
    std::string why = "the peer closed the connection";
    try {
        for (;;) {
            const auto n = ::recv(_socket, buffer, sizeof buffer, 0);
            if (n == 0) break;
            if (n < 0) {
                if (errno == EINTR) continue;
                why = std::string("cannot read from the peer: ") + std::strerror(errno);
                break;
            }
            decoder.append(buffer, static_cast<std::size_t>(n));
            while (auto frame = decoder.next()) {
                try {
                    receive(WireMessageCodec::decode(*frame));
                } catch (const WireError& error) {
                    // A call readable as far as its id is answered; anything else breaks the stream.
                    if (!error.callId() || !_helloReceived) throw;
                    refuse(*error.callId(), error.code(), error.what());
                }
                if (closed()) break;
            }
            if (closed()) break;
        }
    } catch (const WireError& error) {
        why = std::string("the peer broke the protocol: ") + error.what();
    }
    close(why);
}

void WirePeer::receive(WireMessage message) {
    if (!_helloReceived) {
        const auto* hello = std::get_if<HelloMessage>(&message);
        if (!hello) throw WireError(ErrorCode::BadRequest, "the first message must be a hello");
        if (hello->role != _peerRole) {
            throw WireError(ErrorCode::BadRequest, "the peer says it is the " +
                                                       std::string(PeerRoleNames.name(hello->role)) + ", not the " +
                                                       std::string(PeerRoleNames.name(_peerRole)));
        }
        _helloReceived = true;
        if (_handlers.onHello) _handlers.onHello(*hello);
        return;
    }
    std::visit(Overloaded{
                   [](HelloMessage&) { throw WireError(ErrorCode::BadRequest, "a second hello"); },
                   [&](CallMessage& call) { _handlers.onCall(std::move(call)); },
                   [&](NoticeMessage& notice) {
                       if (_handlers.onNotice) _handlers.onNotice(std::move(notice));
                   },
                   [&](ResultMessage& result) {
                       std::lock_guard lock(_mutex);
                       // An answer to a call given up at its deadline finds nobody waiting: ignored.
                       const auto waiting = _waiting.find(result.id);
                       if (waiting == _waiting.end()) return;
                       waiting->second->answered = true;
                       waiting->second->result = std::move(result.result);
                       _answered.notify_all();
                   },
                   [&](ErrorMessage& error) {
                       std::lock_guard lock(_mutex);
                       const auto waiting = _waiting.find(error.id);
                       if (waiting == _waiting.end()) return;
                       waiting->second->answered = true;
                       waiting->second->error = WireError(error.code, error.message);
                       _answered.notify_all();
                   },
               },
               message);
}

void WirePeer::close(const std::string& why) {
    {
        std::lock_guard lock(_mutex);
        if (_closedBecause) return;
        _closedBecause = why;
        for (auto& [id, waiting] : _waiting) {
            waiting->answered = true;
            waiting->error = WireError(ErrorCode::Internal, "the connection is closed: " + why);
        }
        _answered.notify_all();
    }
    // Wakes the reader thread, whose recv() then ends.
    ::shutdown(_socket, SHUT_RDWR);
    if (_handlers.onClosed) _handlers.onClosed(why);
}

} // namespace switchboard::core::plugin_wire
