#include "core/realtime/RealtimeLoop.h"

#include "core/realtime/ListeningSocket.h"
#include "core/realtime/WebSocketFrameEncoder.h"
#include "tests/core/realtime/ClientFrame.h"

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace switchboard::core::realtime {
namespace {

using common::ManualClock;

constexpr auto Patience = std::chrono::seconds(5);

/// Waits, on the test's thread, for what the loop's thread records.
template <typename T>
class Recorded {
public:
    void add(T value) {
        {
            std::lock_guard lock(_mutex);
            _values.push_back(std::move(value));
        }
        _changed.notify_all();
    }
    /// The values once there are at least `count`, or what there is after the patience runs out.
    std::vector<T> atLeast(std::size_t count) {
        std::unique_lock lock(_mutex);
        _changed.wait_for(lock, Patience, [&] { return _values.size() >= count; });
        return _values;
    }
    std::vector<T> now() {
        std::lock_guard lock(_mutex);
        return _values;
    }

private:
    std::mutex _mutex;
    std::condition_variable _changed;
    std::vector<T> _values;
};

std::shared_ptr<const std::string> okAnswer(const std::string& body) {
    return std::make_shared<const std::string>("HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) +
                                               "\r\n\r\n" + body);
}

/// Answers `GET /x` with 200 and body `/x` at once, unless told to hold answers back; `/ws` upgrades.
class FakeHttp final : public HttpHandler {
public:
    void request(RealtimeLoop& loop, Connection& connection, http::ParsedRequest request) override {
        requests.add(request.target);
        if (request.target == "/ws") {
            loop.upgrade(connection,
                         std::make_shared<const std::string>("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                                             "Connection: Upgrade\r\n\r\n"),
                         "", std::nullopt);
            return;
        }
        if (holdAnswers) {
            held.add({connection.id(), request.target, request.keepAlive});
            return;
        }
        loop.respond(connection, okAnswer(request.target), request.keepAlive);
    }
    void refuse(RealtimeLoop& loop, Connection& connection, int status, const std::string& reason,
                const http::ParsedRequest*) override {
        refusals.add(status);
        loop.respond(connection,
                     std::make_shared<const std::string>("HTTP/1.1 " + std::to_string(status) +
                                                         " Refused\r\nContent-Length: " +
                                                         std::to_string(reason.size()) + "\r\n\r\n" + reason),
                     false);
    }

    struct Held {
        std::uint64_t connectionId;
        std::string target;
        bool keepAlive;
    };
    bool holdAnswers = false;
    Recorded<std::string> requests;
    Recorded<Held> held;
    Recorded<int> refusals;
};

/// Records what the loop says of upgraded connections; echoes each text message back upper-cased.
class FakeSockets final : public ConnectionHandler {
public:
    void opened(SocketLoop&, Connection& connection) override { events.add("opened " + std::to_string(connection.id())); }
    void text(SocketLoop& loop, Connection& connection, std::string_view message) override {
        events.add("text " + std::string(message));
        std::string upper(message);
        for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        auto frame = std::make_shared<std::string>();
        WebSocketFrameEncoder::appendText(*frame, upper);
        loop.send(connection, std::move(frame));
    }
    void deadline(SocketLoop&, Connection&) override {}
    void closed(SocketLoop&, Connection& connection) override { events.add("closed " + std::to_string(connection.id())); }

    Recorded<std::string> events;
};

/// A client of the loop, reading answers one at a time from what has arrived.
class Client {
public:
    explicit Client(std::uint16_t port) : _socket(Poco::Net::SocketAddress("127.0.0.1", port)) {
        _socket.setReceiveTimeout(Poco::Timespan(5, 0));
    }
    void send(const std::string& bytes) {
        ASSERT_EQ(_socket.sendBytes(bytes.data(), static_cast<int>(bytes.size())), static_cast<int>(bytes.size()));
    }
    /// One answer (head and a Content-Length body); what came before the connection ended when it did.
    std::string readAnswer() {
        for (;;) {
            const auto headEnd = _buffer.find("\r\n\r\n");
            if (headEnd != std::string::npos) {
                const auto lengthAt = _buffer.find("Content-Length: ");
                const std::size_t length = lengthAt < headEnd ? std::stoul(_buffer.substr(lengthAt + 16)) : 0;
                if (_buffer.size() >= headEnd + 4 + length) return take(headEnd + 4 + length);
            }
            if (!receive()) return take(_buffer.size());
        }
    }
    /// Exactly `size` bytes.
    std::string readBytes(std::size_t size) {
        while (_buffer.size() < size && receive()) {
        }
        return take(std::min(size, _buffer.size()));
    }
    /// True when the hub ended the connection with nothing more to read.
    bool ended() {
        try {
            return _buffer.empty() && !receive();
        } catch (const Poco::TimeoutException&) {
            return false;
        }
    }
    void close() { _socket.close(); }

private:
    bool receive() {
        char chunk[4096];
        const int n = _socket.receiveBytes(chunk, sizeof chunk);
        if (n <= 0) return false;
        _buffer.append(chunk, static_cast<std::size_t>(n));
        return true;
    }
    std::string take(std::size_t size) {
        std::string out = _buffer.substr(0, size);
        _buffer.erase(0, size);
        return out;
    }

    Poco::Net::StreamSocket _socket;
    std::string _buffer;
};

HttpConnectionLimits limits() {
    HttpConnectionLimits limits;
    limits.headerTimeoutMs = 10'000;
    limits.keepAliveIdleMs = 15'000;
    return limits;
}

/// One loop on a loopback port of its own, with a hand-moved clock.
class RealtimeLoopTest : public ::testing::Test {
protected:
    explicit RealtimeLoopTest(std::size_t maxPerAddress = 100)
        : admission(1000, maxPerAddress, [](const std::string&) { return false; }),
          loop(0, 1, sockets, admission, sessions, clock, config::RealtimeConfig{}, limits()) {
        loop.start(listener.fd(), http);
    }
    ~RealtimeLoopTest() override { loop.stop(); }

    std::unique_ptr<Client> connect() { return std::make_unique<Client>(listener.port()); }
    /// Returns once `holds` is true of the loop, checked on its thread after each of its turns.
    void waitUntil(const std::function<bool(RealtimeLoop&)>& holds) {
        for (int turns = 0; turns < 10'000; ++turns) {
            std::promise<bool> answer;
            loop.post([&](RealtimeLoop& owner) { answer.set_value(holds(owner)); });
            auto result = answer.get_future();
            ASSERT_EQ(result.wait_for(Patience), std::future_status::ready);
            if (result.get()) return;
        }
        FAIL() << "the loop never got there";
    }
    /// Returns once the loop has read the head of connection `id`'s request in part (its header time runs).
    void waitUntilReadingHead(std::uint64_t id) {
        waitUntil([id](RealtimeLoop& owner) {
            auto* connection = owner.find(id);
            return connection && connection->httpParser().state() == http::HttpRequestParser::State::Head;
        });
    }
    /// Returns once the loop has been through a turn after this call: whatever it had to act on is done.
    void turn() {
        std::promise<void> done;
        loop.post([&](RealtimeLoop&) { done.set_value(); });
        ASSERT_EQ(done.get_future().wait_for(Patience), std::future_status::ready);
    }
    /// Moves the clock on, and wakes the loop so that it runs what fell due.
    void advance(std::int64_t ms) {
        clock.advanceMs(ms);
        turn();
    }

    ManualClock clock;
    FakeHttp http;
    FakeSockets sockets;
    ConnectionAdmission admission;
    PollingSessions sessions;
    ListeningSocket listener{"127.0.0.1", 0, 128};
    RealtimeLoop loop;
};

const std::string Host = "Host: hub\r\n";
/// Ids carry their loop (sequence * loops + index): the first client of loop 0 of 1 is 1.
constexpr std::uint64_t FirstConnectionId = 1;

TEST_F(RealtimeLoopTest, ARequestIsHandedOverOnceWholeHoweverItsBytesArrive) {
    auto client = connect();
    client->send("GET /pieces HT");
    turn();
    client->send("TP/1.1\r\n" + Host);
    turn();
    EXPECT_TRUE(http.requests.now().empty()) << "the head is not complete yet";
    client->send("\r\n");
    EXPECT_EQ(client->readAnswer(), *okAnswer("/pieces"));
    EXPECT_EQ(http.requests.now(), std::vector<std::string>{"/pieces"});
}

TEST_F(RealtimeLoopTest, PipelinedRequestsAreHandedOverOneAtATimeAndAnsweredInOrder) {
    http.holdAnswers = true;
    auto client = connect();
    client->send("GET /first HTTP/1.1\r\n" + Host + "\r\nGET /second HTTP/1.1\r\n" + Host + "\r\n");
    const auto first = http.held.atLeast(1);
    turn();
    ASSERT_EQ(http.requests.now(), std::vector<std::string>{"/first"}) << "the second waits for the first's answer";

    loop.post([&](RealtimeLoop& owner) {
        owner.respond(*owner.find(first[0].connectionId), okAnswer("/first"), first[0].keepAlive);
    });
    const auto both = http.held.atLeast(2);
    ASSERT_EQ(both.size(), 2u);
    EXPECT_EQ(both[1].target, "/second");
    loop.post([&](RealtimeLoop& owner) {
        owner.respond(*owner.find(both[1].connectionId), okAnswer("/second"), both[1].keepAlive);
    });
    EXPECT_EQ(client->readAnswer(), *okAnswer("/first"));
    EXPECT_EQ(client->readAnswer(), *okAnswer("/second"));
}

TEST_F(RealtimeLoopTest, AnAnswerWithoutKeepAliveEndsTheConnection) {
    auto client = connect();
    client->send("GET /once HTTP/1.1\r\n" + Host + "Connection: close\r\n\r\n");
    EXPECT_EQ(client->readAnswer(), *okAnswer("/once"));
    EXPECT_TRUE(client->ended());
}

TEST_F(RealtimeLoopTest, AHeadThatTakesLongerThanTheHeaderTimeIsRefusedWith408AndClosed) {
    auto client = connect();
    client->send("GET /slow HTTP/1.1\r\n");
    waitUntilReadingHead(FirstConnectionId);
    advance(9'999);
    EXPECT_TRUE(http.refusals.now().empty()) << "within the header time";
    advance(1);
    EXPECT_EQ(http.refusals.atLeast(1), std::vector<int>{408});
    EXPECT_EQ(client->readAnswer().substr(0, 12), "HTTP/1.1 408");
    EXPECT_TRUE(client->ended());
    EXPECT_TRUE(http.requests.now().empty());
}

TEST_F(RealtimeLoopTest, AKeptAliveConnectionThatStaysIdleIsClosedAfterTheIdleTime) {
    auto client = connect();
    client->send("GET /a HTTP/1.1\r\n" + Host + "\r\n");
    EXPECT_EQ(client->readAnswer(), *okAnswer("/a"));
    turn();
    advance(14'999);
    client->send("GET /b HTTP/1.1\r\n" + Host + "\r\n");
    EXPECT_EQ(client->readAnswer(), *okAnswer("/b")) << "a request within the idle time is served";
    turn();
    advance(15'001);
    EXPECT_TRUE(client->ended());
    EXPECT_TRUE(http.refusals.now().empty()) << "an idle connection just ends; there is no request to refuse";
}

TEST_F(RealtimeLoopTest, AMalformedRequestIsRefusedAndNeverHandedOver) {
    auto client = connect();
    client->send("GET /x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
    EXPECT_EQ(http.refusals.atLeast(1), std::vector<int>{400});
    EXPECT_EQ(client->readAnswer().substr(0, 12), "HTTP/1.1 400");
    EXPECT_TRUE(client->ended());
    EXPECT_TRUE(http.requests.now().empty());
}

TEST_F(RealtimeLoopTest, AnUpgradedConnectionSpeaksWebSocketAndStoppingClosesItAsGoingAway) {
    auto client = connect();
    client->send("GET /ws HTTP/1.1\r\n" + Host + "\r\n");
    EXPECT_EQ(client->readAnswer().substr(0, 12), "HTTP/1.1 101");
    client->send(tests::ClientFrame(tests::ClientFrame::kText, "hello").bytes());
    const auto events = sockets.events.atLeast(2);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].rfind("opened ", 0), 0u);
    EXPECT_EQ(events[1], "text hello");
    EXPECT_EQ(loop.connectionCount(), 1u);

    std::string expected;
    WebSocketFrameEncoder::appendText(expected, "HELLO");
    EXPECT_EQ(client->readBytes(expected.size()), expected);

    loop.stop();
    std::string close;
    WebSocketFrameEncoder::appendClose(close, WebSocketCloseCode::GoingAway, "server shutting down");
    EXPECT_EQ(client->readBytes(close.size()), close);
    const auto all = sockets.events.now();
    EXPECT_EQ(std::count_if(all.begin(), all.end(), [](const auto& e) { return e.rfind("closed ", 0) == 0; }), 1);
}

class RealtimeLoopAdmissionTest : public RealtimeLoopTest {
protected:
    RealtimeLoopAdmissionTest() : RealtimeLoopTest(1) {}
};

TEST_F(RealtimeLoopAdmissionTest, AConnectionPastThePerAddressLimitIsAnswered503AtAcceptAndClosed) {
    auto first = connect();
    first->send("GET /kept HTTP/1.1\r\n" + Host + "\r\n");
    EXPECT_EQ(first->readAnswer(), *okAnswer("/kept"));

    auto second = connect();
    const auto answer = second->readAnswer();
    EXPECT_EQ(answer.substr(0, 12), "HTTP/1.1 503");
    EXPECT_NE(answer.find("too_many_connections"), std::string::npos);
    EXPECT_TRUE(second->ended());

    first->close();
    // Once the first has gone, the address is admitted again.
    std::optional<std::string> served;
    for (int attempt = 0; attempt < 50 && !served; ++attempt) {
        turn();
        auto again = connect();
        again->send("GET /again HTTP/1.1\r\n" + Host + "\r\n");
        const auto reply = again->readAnswer();
        if (reply == *okAnswer("/again")) served = reply;
    }
    EXPECT_TRUE(served.has_value());
}

} // namespace
} // namespace switchboard::core::realtime
