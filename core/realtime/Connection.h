#pragma once

#include "core/realtime/SocketIdentity.h"
#include "core/realtime/TypingThrottle.h"
#include "core/realtime/WebSocketFrameDecoder.h"

#include <Poco/Net/StreamSocket.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::realtime {

/// One upgraded socket on an event loop: its WebSocket stream both ways and its Socket.IO session state.
///
/// Only its loop's thread touches it. Outgoing frames are shared, immutable buffers (an event fanned out to a
/// thousand sockets is encoded once); the queue of them is bounded, and a peer too slow to drain it is dropped.
class Connection {
public:
    Connection(std::uint64_t id, Poco::Net::StreamSocket socket, std::size_t maxMessageBytes, std::size_t maxQueuedBytes);

    std::uint64_t id() const { return _id; }
    int fd() const { return _fd; }

    /// PeerEnded: the peer closed its side of the stream in order (it may still read); PeerGone: the socket failed.
    enum class ReadResult { Open, PeerEnded, PeerGone };
    /// Reads what the socket has, up to `budget` bytes, through `scratch`, and appends the messages and control
    /// frames it completes. A protocol violation leaves `decoder().failed()` set.
    ReadResult read(char* scratch, std::size_t scratchSize, std::size_t budget,
                    std::vector<WebSocketFrameDecoder::Message>& out);
    /// Decodes bytes that arrived another way (behind the upgrade request).
    void decode(const char* data, std::size_t size, std::vector<WebSocketFrameDecoder::Message>& out) {
        _decoder.feed(data, size, out);
    }
    const WebSocketFrameDecoder& decoder() const { return _decoder; }

    enum class SendResult { Queued, Overflow, Closing };
    /// Queues a complete WebSocket frame for the next `flush`. Overflow when the queue would exceed its bound;
    /// nothing is queued then, nor once the connection is closing.
    SendResult enqueue(std::shared_ptr<const std::string> frame);
    /// Writes queued frames, many per system call, until the socket would block; false when the peer is gone.
    bool flush();
    bool hasQueued() const { return !_queue.empty(); }
    std::size_t queuedBytes() const { return _queuedBytes; }

    /// Queues a close frame; nothing more is sent after it, and what arrives is no longer delivered (see `drain`).
    void startClose(std::uint16_t code, std::string_view reason);
    bool closing() const { return _closing; }
    /// Nothing more will come from the peer: its close frame arrived, or (while closing) the end of its stream. Once
    /// our close frame is out too, the connection can go.
    bool peerClosed() const { return _decoder.closeReceived() || _peerEnded; }
    /// While closing: reads what the peer still sends and drops it, watching only for its close frame. The socket
    /// is not closed with unread data, which would reset the connection, and the peer might then never read our
    /// close frame or the end of its stream.
    ReadResult drain(char* scratch, std::size_t scratchSize, std::size_t budget);
    /// Sends FIN after the close frame, so a peer waiting for the end of the stream closes too. Once.
    void shutdownWrites();

    void shutdown();

    // Socket.IO session state, kept by the protocol.
    std::string sid;
    std::string origin;
    std::optional<std::string> cookieToken;
    std::unique_ptr<SocketIdentity> identity;
    bool awaitingPong = false;
    /// Set while the CONNECT's authentication runs on a worker, so a second CONNECT is refused.
    bool connecting = false;
    /// The one deadline that matters now (see TimerQueue).
    std::int64_t deadlineMs = 0;
    /// When the CONNECT, ping or pong deadline falls; `deadlineMs` is earlier while typing is held (SocketDeadline).
    std::int64_t heartbeatDueMs = 0;
    /// Typing updates held back by the once-a-second limit.
    TypingThrottle typing;
    std::vector<std::string> rooms;

    // Kept by the loop: the epoll events registered for the socket (changed only when they differ), and whether
    // the connection already waits in the loop's list of sockets to flush.
    std::uint32_t watchedEvents = 0;
    bool flushScheduled = false;

private:
    /// Drops the frames already written from the front of the queue.
    void advance(std::size_t written);

    const std::uint64_t _id;
    Poco::Net::StreamSocket _socket;
    const int _fd;
    WebSocketFrameDecoder _decoder;
    const std::size_t _maxQueuedBytes;
    std::vector<std::shared_ptr<const std::string>> _queue;
    std::size_t _queueHead = 0;     // first frame not fully written
    std::size_t _headOffset = 0;    // bytes of it already written
    std::size_t _queuedBytes = 0;
    bool _closing = false;
    bool _writesShut = false;
    bool _peerEnded = false;
};

} // namespace switchboard::core::realtime
