#include "core/realtime/Connection.h"

#include "core/realtime/WebSocketFrameEncoder.h"

#include <array>
#include <iterator>
#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace switchboard::core::realtime {

Connection::Connection(std::uint64_t id, int fd, std::size_t maxMessageBytes, std::size_t maxQueuedBytes,
                       std::optional<http::HttpParserLimits> http)
    : _id(id),
      _fd(fd),
      _http(http ? std::make_unique<http::HttpRequestParser>(*http) : nullptr),
      _decoder(maxMessageBytes),
      _maxMessageBytes(maxMessageBytes),
      _maxQueuedBytes(maxQueuedBytes) {}

Connection::~Connection() {
    if (_fd >= 0) ::close(_fd);
    if (_probeFd >= 0) ::close(_probeFd);
}

namespace {

/// Reads what `fd` has through `scratch`, up to `budget` bytes or until `stop()`, and hands each chunk to `consume`.
template <class Stop, class Consume>
Connection::ReadResult receive(int fd, char* scratch, std::size_t scratchSize, std::size_t budget, Stop stop,
                               Consume consume) {
    std::size_t total = 0;
    while (total < budget && !stop()) {
        const auto n = ::recv(fd, scratch, scratchSize, 0);
        if (n > 0) {
            total += static_cast<std::size_t>(n);
            consume(scratch, static_cast<std::size_t>(n));
            // A short read took all there was; more arriving later wakes the (level-triggered) loop again, so
            // asking once more only to hear EAGAIN would be a wasted system call per message.
            if (static_cast<std::size_t>(n) < scratchSize) break;
            continue;
        }
        if (n == 0) return Connection::ReadResult::PeerEnded;
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) break;
        return Connection::ReadResult::PeerGone;
    }
    return Connection::ReadResult::Open;
}

} // namespace

Connection::ReadResult Connection::readHttp(char* scratch, std::size_t scratchSize, std::size_t budget) {
    using State = http::HttpRequestParser::State;
    const auto result = receive(
        _fd, scratch, scratchSize, budget,
        [this] { return _http->state() == State::Complete || _http->state() == State::Failed; },
        [this](const char* data, std::size_t size) { _http->feed(data, size); });
    if (result == ReadResult::PeerEnded) _peerEnded = true;
    return result;
}

void Connection::upgrade(std::vector<WebSocketFrameDecoder::Message>& out) {
    const auto behind = _http->takeBuffered();
    _http.reset();
    if (!behind.empty()) _decoder.feed(behind.data(), behind.size(), out);
}

void Connection::attachProbe(int fd, std::string_view buffered, std::vector<WebSocketFrameDecoder::Message>& out) {
    _probeFd = fd;
    if (!buffered.empty()) _decoder.feed(buffered.data(), buffered.size(), out);
}

Connection::ReadResult Connection::readProbe(char* scratch, std::size_t scratchSize, std::size_t budget,
                                             std::vector<WebSocketFrameDecoder::Message>& out) {
    return receive(
        _probeFd, scratch, scratchSize, budget, [this] { return _decoder.failed() || _decoder.closeReceived(); },
        [&](const char* data, std::size_t size) { _decoder.feed(data, size, out); });
}

bool Connection::sendProbe(std::string_view bytes) {
    const auto sent = ::send(_probeFd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    return sent == static_cast<ssize_t>(bytes.size());
}

void Connection::dropProbe() {
    ::close(std::exchange(_probeFd, -1));
    _decoder = WebSocketFrameDecoder(_maxMessageBytes); // a later probe starts on a clean stream
}

Connection::ReadResult Connection::read(char* scratch, std::size_t scratchSize, std::size_t budget,
                                        std::vector<WebSocketFrameDecoder::Message>& out) {
    return receive(
        _fd, scratch, scratchSize, budget, [this] { return _decoder.failed() || _decoder.closeReceived(); },
        [&](const char* data, std::size_t size) { _decoder.feed(data, size, out); });
}

Connection::SendResult Connection::enqueue(std::shared_ptr<const std::string> frame) {
    if (_closing) return SendResult::Closing;
    if (_queuedBytes + frame->size() > _maxQueuedBytes) return SendResult::Overflow;
    push(std::move(frame));
    return SendResult::Queued;
}

void Connection::enqueueAnswer(std::shared_ptr<const std::string> answer) {
    if (!_closing) push(std::move(answer));
}

void Connection::push(std::shared_ptr<const std::string> buffer) {
    _queuedBytes += buffer->size();
    _queue.push_back(std::move(buffer));
}

bool Connection::flush() {
    if (_fd < 0) return true;
    constexpr std::size_t MaxFramesPerCall = 64;
    std::array<iovec, MaxFramesPerCall> parts{};
    while (_queueHead < _queue.size()) {
        std::size_t count = 0;
        for (auto i = _queueHead; i < _queue.size() && count < parts.size(); ++i, ++count) {
            const auto& frame = *_queue[i];
            const std::size_t skip = count == 0 ? _headOffset : 0;
            parts[count].iov_base = const_cast<char*>(frame.data() + skip);
            parts[count].iov_len = frame.size() - skip;
        }
        msghdr message{};
        message.msg_iov = parts.data();
        message.msg_iovlen = count;
        const auto n = ::sendmsg(_fd, &message, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
            return false;
        }
        if (n == 0) return true; // nothing taken: wait for the socket to become writable
        advance(static_cast<std::size_t>(n));
    }
    _queue.clear();
    _queue.shrink_to_fit(); // an idle socket holds no queue memory
    _queueHead = 0;
    return true;
}

std::vector<std::shared_ptr<const std::string>> Connection::takeQueued() {
    const auto first = _queue.begin() + static_cast<std::ptrdiff_t>(_queueHead);
    std::vector<std::shared_ptr<const std::string>> taken(std::make_move_iterator(first),
                                                          std::make_move_iterator(_queue.end()));
    _queue.clear();
    _queue.shrink_to_fit();
    _queueHead = 0;
    _headOffset = 0;
    _queuedBytes = 0;
    return taken;
}

void Connection::advance(std::size_t written) {
    while (written > 0) {
        const auto& frame = *_queue[_queueHead];
        const auto rest = frame.size() - _headOffset;
        if (written < rest) {
            _headOffset += written;
            return;
        }
        written -= rest;
        _queuedBytes -= frame.size();
        _headOffset = 0;
        _queue[_queueHead++].reset(); // its memory goes now, not when the whole queue has drained
    }
    // A peer that never quite catches up would otherwise grow the vector of spent slots without end.
    if (_queueHead >= 64 && _queueHead * 2 >= _queue.size()) {
        _queue.erase(_queue.begin(), _queue.begin() + static_cast<std::ptrdiff_t>(_queueHead));
        _queueHead = 0;
    }
}

void Connection::startClose(std::uint16_t code, std::string_view reason) {
    if (_closing) return;
    auto frame = std::make_shared<std::string>();
    WebSocketFrameEncoder::appendClose(*frame, code, reason);
    // The close frame goes out even over a full queue: it is the last thing this socket sends.
    push(std::move(frame));
    _closing = true;
    flush();
}

void Connection::endAfterQueued() { _closing = true; }

Connection::ReadResult Connection::drain(char* scratch, std::size_t scratchSize, std::size_t budget) {
    std::vector<WebSocketFrameDecoder::Message> ignored;
    const auto result = receive(
        _fd, scratch, scratchSize, budget, [] { return false; },
        [&](const char* data, std::size_t size) {
            // HTTP has no close frame: only the end of the stream ends the wait. A decoder that failed cannot find
            // frames any more; the peer's end of the stream ends the wait then too.
            if (_http || _decoder.failed() || _decoder.closeReceived()) return;
            _decoder.feed(data, size, ignored);
            ignored.clear();
        });
    if (result == ReadResult::PeerEnded) _peerEnded = true;
    return result;
}

void Connection::shutdownWrites() {
    if (_writesShut || _fd < 0) return;
    _writesShut = true;
    ::shutdown(_fd, SHUT_WR);
}

} // namespace switchboard::core::realtime
