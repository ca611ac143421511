#pragma once

#include "core/plugin_wire/WireError.h"
#include "core/plugin_wire/WireMessage.h"

#include <Poco/JSON/Object.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace switchboard::core::plugin_wire {

/// One end of a plugin-protocol connection (README.md) over a connected stream socket: it sends its `hello` and
/// checks the peer's, sends calls and waits for their answers, and hands the peer's calls and notices on.
///
/// A reader thread of its own takes frames off the socket. The peer's calls and notices reach `Handlers` on that
/// thread, so a handler must not block: one with work to do hands it to a thread of its own and answers later
/// (answer(), refuse()), so that the answers to this side's calls are read meanwhile. A frame that cannot be
/// read, or a hello of another version or role, ends the connection; a call readable as far as its id is refused
/// under that id and the connection goes on. Writes that the peer does not take within the send timeout end the
/// connection too, so that a frozen peer never holds a caller. Thread-safe.
class WirePeer {
public:
    /// Longest wait for the peer to take a frame, unless the constructor is told another.
    static constexpr std::chrono::milliseconds DefaultSendTimeout{5'000};

    struct Handlers {
        /// A call of the peer, to answer with answer() or refuse() under its id.
        std::function<void(CallMessage call)> onCall;
        std::function<void(NoticeMessage notice)> onNotice;
        /// The peer's hello, accepted.
        std::function<void(const HelloMessage& hello)> onHello;
        /// The connection is over, and why ("the peer closed the connection", what was wrong with its bytes);
        /// called once, after every waiting call has failed.
        std::function<void(const std::string& why)> onClosed;
    };

    /// Takes `socket`, a connected stream socket, and closes it when destroyed. `ownHello` is sent first; the peer's
    /// hello must name `peerRole`.
    WirePeer(int socket, HelloMessage ownHello, PeerRole peerRole, Handlers handlers,
             std::chrono::milliseconds sendTimeout = DefaultSendTimeout);
    /// close(), then waits for the reader thread: until it returns, the handlers may still be called, so what they
    /// use must outlive the peer.
    ~WirePeer();
    WirePeer(const WirePeer&) = delete;
    WirePeer& operator=(const WirePeer&) = delete;

    /// Sends the hello and starts reading.
    void start();

    /// Calls `method` with `params` and waits for the answer, at most `timeout` when there is one (sent as the call's
    /// deadline, `nowMs` being the caller's clock). Returns the answer's `result`. Throws WireError: the peer's
    /// `error` (its code and message), `deadline_exceeded` when the time is up, `internal` when the connection is
    /// or gets closed first.
    Poco::JSON::Object::Ptr call(Method method, Poco::JSON::Object::Ptr params, std::int64_t nowMs,
                                 std::optional<std::chrono::milliseconds> timeout);
    /// Answers the peer's call `id`.
    void answer(std::int64_t id, Poco::JSON::Object::Ptr result);
    /// Answers the peer's call `id` with an error.
    void refuse(std::int64_t id, ErrorCode code, const std::string& message);
    /// Sends a notice.
    void notify(Method method, Poco::JSON::Object::Ptr params);

    /// Ends the connection (idempotent; the first reason wins, whether this side's, the reader's or a failed
    /// write's): waiting calls fail, onClosed runs.
    void close(const std::string& why = "the connection was closed by this side");
    bool closed() const;

private:
    /// A call of this side waiting for its answer.
    struct Waiting {
        bool answered = false;
        Poco::JSON::Object::Ptr result;
        std::optional<WireError> error;
    };

    void read();
    void receive(WireMessage message);
    void send(const WireMessage& message);

    int _socket;
    std::chrono::milliseconds _sendTimeout;
    HelloMessage _ownHello;
    PeerRole _peerRole;
    Handlers _handlers;
    std::thread _reader;

    mutable std::mutex _mutex;
    std::condition_variable _answered;
    std::map<std::int64_t, std::shared_ptr<Waiting>> _waiting;
    std::int64_t _nextId = 1;
    bool _helloReceived = false;
    std::optional<std::string> _closedBecause;

    /// One frame at a time on the socket.
    std::mutex _sending;
};

} // namespace switchboard::core::plugin_wire
