#pragma once

#include "core/http/HttpRequestParser.h"
#include "core/realtime/PollingSessions.h"
#include "core/realtime/SocketIdentity.h"
#include "core/realtime/TypingThrottle.h"
#include "core/realtime/WebSocketFrameDecoder.h"

#include <cstdint>
#include <memory>
#include <utility>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::realtime {

/// One client on an event loop. A socket speaks HTTP/1.1 until a request upgrades it to WebSocket (Socket.IO);
/// both ways go through the same bounded queue of outgoing buffers. An Engine.IO long-polling session is a
/// connection without a socket of its own: its queued frames are handed to the HTTP requests that poll for them.
///
/// Only its loop's thread touches it. Outgoing buffers are shared and immutable (an event fanned out to a thousand
/// sockets is encoded once); the queue of WebSocket frames is bounded, and a peer too slow to drain it is dropped.
class Connection {
public:
    /// A connection that starts as HTTP when `http` is given, else already as WebSocket; a long-polling session
    /// when `fd` is -1. Takes ownership of `fd`, which must be non-blocking.
    Connection(std::uint64_t id, int fd, std::size_t maxMessageBytes, std::size_t maxQueuedBytes,
               std::optional<http::HttpParserLimits> http = std::nullopt);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    std::uint64_t id() const { return _id; }
    int fd() const { return _fd; }

    enum class Protocol { Http, WebSocket, Polling };
    Protocol protocol() const { return _http ? Protocol::Http : _fd < 0 ? Protocol::Polling : Protocol::WebSocket; }

    /// PeerEnded: the peer closed its side of the stream in order (it may still read); PeerGone: the socket failed.
    enum class ReadResult { Open, PeerEnded, PeerGone };

    // HTTP, until the upgrade.
    /// The request being read. Only while `protocol()` is Http.
    http::HttpRequestParser& httpParser() { return *_http; }
    /// Reads what the socket has into the request parser, until a request is complete or fails. After PeerEnded the
    /// connection counts as `peerClosed`: a request read whole is answered, then the connection ends.
    ReadResult readHttp(char* scratch, std::size_t scratchSize, std::size_t budget);
    /// Switches to WebSocket after the 101 answer is queued; bytes the client sent behind its upgrade request are
    /// decoded into `out`.
    void upgrade(std::vector<WebSocketFrameDecoder::Message>& out);

    // WebSocket.
    /// Reads what the socket has, up to `budget` bytes, through `scratch`, and appends the messages and control
    /// frames it completes. A protocol violation leaves `decoder().failed()` set.
    ReadResult read(char* scratch, std::size_t scratchSize, std::size_t budget,
                    std::vector<WebSocketFrameDecoder::Message>& out);
    /// Decodes bytes that arrived another way.
    void decode(const char* data, std::size_t size, std::vector<WebSocketFrameDecoder::Message>& out) {
        _decoder.feed(data, size, out);
    }
    const WebSocketFrameDecoder& decoder() const { return _decoder; }

    enum class SendResult { Queued, Overflow, Closing };
    /// Queues a complete WebSocket frame for the next `flush`. Overflow when the queue would exceed its bound;
    /// nothing is queued then, nor once the connection is closing.
    SendResult enqueue(std::shared_ptr<const std::string> frame);
    /// Queues an HTTP answer: never refused for size (the hub wrote it, and one is in flight at a time).
    void enqueueAnswer(std::shared_ptr<const std::string> answer);
    /// Writes queued buffers, many per system call, until the socket would block; false when the peer is gone.
    /// A long-polling session has nothing to write to: its buffers wait for `takeQueued`.
    bool flush();
    /// Long-polling: hands over every queued frame, in order.
    std::vector<std::shared_ptr<const std::string>> takeQueued();

    // The upgrade of a long-polling session to WebSocket: the new socket is probed first, then carries the session.
    /// Gives up the socket without closing it (it goes on as another connection's).
    int releaseSocket() { return std::exchange(_fd, -1); }
    /// Takes a socket whose WebSocket handshake was answered, to probe it; bytes it already sent go to `out`.
    void attachProbe(int fd, std::string_view buffered, std::vector<WebSocketFrameDecoder::Message>& out);
    int probeFd() const { return _probeFd; }
    /// Reads from the probed socket, as `read` does.
    ReadResult readProbe(char* scratch, std::size_t scratchSize, std::size_t budget,
                         std::vector<WebSocketFrameDecoder::Message>& out);
    /// Writes to the probed socket at once; false when it does not take all of `bytes` (the probe is then dropped).
    bool sendProbe(std::string_view bytes);
    /// Gives up the probe, closing its socket.
    void dropProbe();
    /// The probed socket becomes the session's: from now on the connection is a WebSocket.
    void completeUpgrade() { _fd = std::exchange(_probeFd, -1); }
    bool hasQueued() const { return !_queue.empty(); }
    std::size_t queuedBytes() const { return _queuedBytes; }

    /// Queues a close frame; nothing more is sent after it, and what arrives is no longer delivered (see `drain`).
    void startClose(std::uint16_t code, std::string_view reason);
    /// HTTP: nothing more is sent after what is queued; the connection ends once that is out.
    void endAfterQueued();
    bool closing() const { return _closing; }
    /// Nothing more will come from the peer: its close frame arrived, or (while closing) the end of its stream. Once
    /// our last bytes are out too, the connection can go.
    bool peerClosed() const { return (!_http && _decoder.closeReceived()) || _peerEnded; }
    /// While closing: reads what the peer still sends and drops it, watching only for its close frame. The socket
    /// is not closed with unread data, which would reset the connection, and the peer might then never read our
    /// last answer or the end of its stream.
    ReadResult drain(char* scratch, std::size_t scratchSize, std::size_t budget);
    /// Sends FIN after the last bytes, so a peer waiting for the end of the stream closes too. Once.
    void shutdownWrites();

    /// The client's address as the socket sees it (a proxy's, behind one).
    std::string peerAddress;

    // HTTP state, kept by the loop.
    /// A complete request is with its handler; nothing more is read until it is answered.
    bool httpBusy = false;
    /// When the current phase of the request started (its first byte, or its body), for the time limits.
    std::int64_t httpPhaseStartMs = 0;
    bool httpContinueSent = false;

    // Long-polling state, kept by the loop: the poll waiting for something to send, and whether the client is
    // moving to the probed WebSocket (its polls are then answered at once).
    PollAnswer pollWaiter;
    bool upgrading = false;

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
    void push(std::shared_ptr<const std::string> buffer);
    /// Drops the buffers already written from the front of the queue.
    void advance(std::size_t written);

    const std::uint64_t _id;
    int _fd;
    int _probeFd = -1;
    std::unique_ptr<http::HttpRequestParser> _http;
    WebSocketFrameDecoder _decoder;
    const std::size_t _maxMessageBytes;
    const std::size_t _maxQueuedBytes;
    std::vector<std::shared_ptr<const std::string>> _queue;
    std::size_t _queueHead = 0;     // first buffer not fully written
    std::size_t _headOffset = 0;    // bytes of it already written
    std::size_t _queuedBytes = 0;
    bool _closing = false;
    bool _writesShut = false;
    bool _peerEnded = false;
};

} // namespace switchboard::core::realtime
