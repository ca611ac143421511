#include "core/realtime/Connection.h"

#include "core/realtime/WebSocketFrameEncoder.h"

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace switchboard::core::realtime {

Connection::Connection(std::uint64_t id, Poco::Net::StreamSocket socket, std::size_t maxMessageBytes,
                       std::size_t maxQueuedBytes)
    : _id(id),
      _socket(std::move(socket)),
      _fd(_socket.impl()->sockfd()),
      _decoder(maxMessageBytes),
      _maxQueuedBytes(maxQueuedBytes) {
    _socket.setBlocking(false);
    _socket.setNoDelay(true);
}

Connection::ReadResult Connection::read(char* scratch, std::size_t scratchSize, std::size_t budget,
                                        std::vector<WebSocketFrameDecoder::Message>& out) {
    std::size_t total = 0;
    while (total < budget && !_decoder.failed() && !_decoder.closeReceived()) {
        const auto n = ::recv(_fd, scratch, scratchSize, 0);
        if (n > 0) {
            total += static_cast<std::size_t>(n);
            _decoder.feed(scratch, static_cast<std::size_t>(n), out);
            continue;
        }
        if (n == 0) return ReadResult::PeerGone;
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) break;
        return ReadResult::PeerGone;
    }
    return ReadResult::Open;
}

Connection::SendResult Connection::send(std::shared_ptr<const std::string> frame) {
    if (_closing) return SendResult::PeerGone;
    if (_queuedBytes + frame->size() > _maxQueuedBytes) return SendResult::Overflow;
    _queuedBytes += frame->size();
    _queue.push_back(std::move(frame));
    return flush() ? SendResult::Sent : SendResult::PeerGone;
}

bool Connection::flush() {
    while (_queueHead < _queue.size()) {
        const auto& frame = *_queue[_queueHead];
        const auto n = ::send(_fd, frame.data() + _headOffset, frame.size() - _headOffset, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
            return false;
        }
        _headOffset += static_cast<std::size_t>(n);
        if (_headOffset == frame.size()) {
            _queuedBytes -= frame.size();
            _headOffset = 0;
            ++_queueHead;
        }
    }
    _queue.clear();
    _queue.shrink_to_fit(); // an idle socket holds no queue memory
    _queueHead = 0;
    return true;
}

void Connection::startClose(std::uint16_t code, std::string_view reason) {
    if (_closing) return;
    auto frame = std::make_shared<std::string>();
    WebSocketFrameEncoder::appendClose(*frame, code, reason);
    // The close frame goes out even over a full queue: it is the last thing this socket sends.
    _queuedBytes += frame->size();
    _queue.push_back(std::move(frame));
    _closing = true;
    flush();
}

void Connection::abandon() {
    _closing = true;
    _queue.clear();
    _queueHead = 0;
    _headOffset = 0;
    _queuedBytes = 0;
}

void Connection::shutdown() {
    try {
        _socket.close();
    } catch (...) {
        // Already gone.
    }
}

} // namespace switchboard::core::realtime
