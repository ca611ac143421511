#include "core/realtime/Connection.h"
#include "tests/core/realtime/ClientFrame.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <functional>
#include <poll.h>
#include <unistd.h>
#include <vector>

namespace switchboard::core::realtime {
namespace {

/// A connected loopback pair: `server` goes to a Connection, `client` is the peer that may never read.
struct SocketPair {
    SocketPair() : listener(Poco::Net::SocketAddress("127.0.0.1", 0)) {
        client.connect(listener.address());
        server = listener.acceptConnection();
    }
    /// The server end for a Connection, which owns what it is given: a non-blocking duplicate.
    int serverFd() const {
        const int fd = ::dup(server.impl()->sockfd());
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        return fd;
    }
    Poco::Net::ServerSocket listener;
    Poco::Net::StreamSocket client;
    Poco::Net::StreamSocket server;
};

constexpr std::size_t MaxQueued = 256 * 1024;

TEST(ConnectionTest, APeerThatNeverReadsIsRefusedOnceTheQueueReachesItsBound) {
    SocketPair pair;
    Connection connection(1, pair.serverFd(), 4096, MaxQueued);
    const auto frame = std::make_shared<const std::string>(64 * 1024, 'x');
    // The kernel's buffers take the first frames; then the queue fills up to its bound and no further.
    Connection::SendResult result = Connection::SendResult::Queued;
    std::size_t sent = 0;
    while (result == Connection::SendResult::Queued && sent < 100'000) {
        result = connection.enqueue(frame);
        ASSERT_TRUE(connection.flush());
        ++sent;
        EXPECT_LE(connection.queuedBytes(), MaxQueued);
    }
    EXPECT_EQ(result, Connection::SendResult::Overflow);
    EXPECT_GT(connection.queuedBytes(), MaxQueued - frame->size());
}

TEST(ConnectionTest, QueuedFramesGoOutWholeAndInOrderOnceThePeerReads) {
    SocketPair pair;
    Connection connection(1, pair.serverFd(), 4096, 64 * 1024 * 1024);
    std::string expected;
    for (char c : std::string("abcdefgh")) {
        auto frame = std::make_shared<const std::string>(512 * 1024, c);
        expected += *frame;
        ASSERT_EQ(connection.enqueue(frame), Connection::SendResult::Queued);
    }
    std::string received;
    std::vector<char> buffer(64 * 1024);
    while (received.size() < expected.size()) {
        ASSERT_TRUE(connection.flush());
        pair.client.setReceiveTimeout(Poco::Timespan(1, 0));
        const int n = pair.client.receiveBytes(buffer.data(), static_cast<int>(buffer.size()));
        ASSERT_GT(n, 0);
        received.append(buffer.data(), static_cast<std::size_t>(n));
    }
    EXPECT_TRUE(received == expected);
    EXPECT_FALSE(connection.hasQueued());
    EXPECT_EQ(connection.queuedBytes(), 0u);
}

TEST(ConnectionTest, ManySmallFramesQueuedInOneTurnGoOutInOrderInOneFlush) {
    SocketPair pair;
    Connection connection(1, pair.serverFd(), 4096, MaxQueued);
    // More frames than one system call carries, so that the flush has to go round.
    std::string expected;
    for (int i = 0; i < 300; ++i) {
        auto frame = std::make_shared<const std::string>("frame " + std::to_string(i) + ";");
        expected += *frame;
        ASSERT_EQ(connection.enqueue(frame), Connection::SendResult::Queued);
    }
    EXPECT_EQ(connection.queuedBytes(), expected.size());
    ASSERT_TRUE(connection.flush());
    EXPECT_FALSE(connection.hasQueued());
    EXPECT_EQ(connection.queuedBytes(), 0u);
    std::string received(expected.size(), '\0');
    std::size_t got = 0;
    pair.client.setReceiveTimeout(Poco::Timespan(1, 0));
    while (got < expected.size()) {
        const int n = pair.client.receiveBytes(received.data() + got, static_cast<int>(expected.size() - got));
        ASSERT_GT(n, 0);
        got += static_cast<std::size_t>(n);
    }
    EXPECT_EQ(received, expected);
}

TEST(ConnectionTest, NothingIsQueuedAfterTheCloseFrame) {
    SocketPair pair;
    Connection connection(1, pair.serverFd(), 4096, MaxQueued);
    connection.startClose(1000, "bye");
    EXPECT_TRUE(connection.closing());
    EXPECT_EQ(connection.enqueue(std::make_shared<const std::string>("late")), Connection::SendResult::Closing);
    char frame[16];
    const int n = pair.client.receiveBytes(frame, sizeof frame);
    ASSERT_EQ(n, 7);
    EXPECT_EQ(static_cast<unsigned char>(frame[0]), 0x88); // FIN + close
    EXPECT_EQ(std::string(frame + 4, 3), "bye");
}

/// Reads from a closing connection until `done` or the peer stays silent for a second.
Connection::ReadResult drainUntil(Connection& connection, const std::function<bool()>& done) {
    std::vector<char> scratch(4096);
    auto result = Connection::ReadResult::Open;
    while (result == Connection::ReadResult::Open && !done()) {
        pollfd readable{connection.fd(), POLLIN, 0};
        if (::poll(&readable, 1, 1000) != 1) break;
        result = connection.drain(scratch.data(), scratch.size(), 64 * 1024);
    }
    return result;
}

TEST(ConnectionTest, WhileClosingWhatThePeerStillSendsIsDroppedUntilItsCloseFrame) {
    SocketPair pair;
    Connection connection(1, pair.serverFd(), 4096, MaxQueued);
    connection.startClose(1009, "too big");
    connection.shutdownWrites();
    // The peer was still sending (more than a message may hold), then answers the close.
    const std::string late = tests::ClientFrame(tests::ClientFrame::kText, std::string(3000, 'x')).bytes();
    const std::string answer = tests::ClientFrame(tests::ClientFrame::kClose, std::string("\x03\xf1", 2)).bytes();
    pair.client.sendBytes(late.data(), static_cast<int>(late.size()));
    pair.client.sendBytes(answer.data(), static_cast<int>(answer.size()));
    EXPECT_EQ(drainUntil(connection, [&] { return connection.peerClosed(); }), Connection::ReadResult::Open);
    EXPECT_TRUE(connection.peerClosed());

    // The peer got the close frame, then the end of the stream.
    char frame[64];
    int received = 0;
    for (int n = 1; n > 0; received += n) n = pair.client.receiveBytes(frame + received, sizeof frame - received);
    ASSERT_EQ(received, 11);
    EXPECT_EQ(static_cast<unsigned char>(frame[0]), 0x88);
    EXPECT_EQ(std::string(frame + 4, 7), "too big");
}

TEST(ConnectionTest, WhileClosingThePeersEndOfStreamEndsTheWaitEvenAfterGarbage) {
    SocketPair pair;
    Connection connection(1, pair.serverFd(), 16, MaxQueued);
    // Past the message limit: the decoder fails and can find no close frame after it.
    const std::string tooLong = tests::ClientFrame(tests::ClientFrame::kText, std::string(1000, 'x')).bytes();
    std::vector<WebSocketFrameDecoder::Message> messages;
    connection.decode(tooLong.data(), 8, messages); // the header and the mask key
    ASSERT_TRUE(connection.decoder().failed());
    connection.startClose(1009, "");
    pair.client.sendBytes(tooLong.data() + 8, static_cast<int>(tooLong.size() - 8));
    pair.client.shutdownSend();
    EXPECT_EQ(drainUntil(connection, [] { return false; }), Connection::ReadResult::PeerEnded);
    EXPECT_TRUE(connection.peerClosed()) << "the end of its stream stands for the close frame it could not send";
}

} // namespace
} // namespace switchboard::core::realtime
