#include "core/plugin_wire/FrameDecoder.h"
#include "core/plugin_wire/FrameEncoder.h"
#include "core/plugin_wire/WireMessageCodec.h"
#include "core/plugin_wire/WirePeer.h"

#include <gtest/gtest.h>

#include <future>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <vector>
#include <unistd.h>

using namespace switchboard::core::plugin_wire;
using namespace std::chrono_literals;

namespace {

HelloMessage helloOf(PeerRole role, int version = ProtocolVersion) {
    HelloMessage hello;
    hello.protocolVersion = version;
    hello.role = role;
    hello.processId = 4242;
    if (role == PeerRole::Host) hello.pluginName = "relay";
    return hello;
}

Poco::JSON::Object::Ptr object(const std::string& key, const std::string& value) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set(key, value);
    return json;
}

/// What a peer saw, for the test to wait on.
struct Seen {
    std::promise<std::string> closed;
    std::promise<HelloMessage> hello;
    std::promise<NoticeMessage> notice;
};

WirePeer::Handlers handlersFor(Seen& seen, std::function<void(CallMessage)> onCall = [](CallMessage) {}) {
    return {std::move(onCall), [&seen](NoticeMessage notice) { seen.notice.set_value(std::move(notice)); },
            [&seen](const HelloMessage& hello) { seen.hello.set_value(hello); },
            [&seen](const std::string& why) { seen.closed.set_value(why); }};
}

/// Two connected sockets: [0] for the hub, [1] for the host.
struct SocketPair {
    int fds[2];
    SocketPair() { EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0); }
};

} // namespace

TEST(WirePeerTest, CallsAreAnsweredBothWaysAfterTheHellos) {
    SocketPair pair;
    Seen hubSeen, hostSeen;
    WirePeer* hostPeer = nullptr;
    WirePeer hub(pair.fds[0], helloOf(PeerRole::Hub), PeerRole::Host, handlersFor(hubSeen));
    WirePeer host(pair.fds[1], helloOf(PeerRole::Host), PeerRole::Hub, handlersFor(hostSeen, [&](CallMessage call) {
                      EXPECT_EQ(call.method, Method::Ping);
                      EXPECT_EQ(call.nowMs, 1'700'000'000'000);
                      EXPECT_EQ(call.deadlineMs, 1'700'000'001'000);
                      hostPeer->answer(call.id, object("echo", call.params->getValue<std::string>("text")));
                  }));
    hostPeer = &host;
    hub.start();
    host.start();
    EXPECT_EQ(hubSeen.hello.get_future().get().pluginName, "relay");
    EXPECT_EQ(hostSeen.hello.get_future().get().role, PeerRole::Hub);

    const auto result = hub.call(Method::Ping, object("text", "hi"), 1'700'000'000'000, 1000ms);
    EXPECT_EQ(result->getValue<std::string>("echo"), "hi");

    host.notify(Method::Log, object("message", "a line"));
    EXPECT_EQ(hubSeen.notice.get_future().get().params->getValue<std::string>("message"), "a line");
}

TEST(WirePeerTest, AnErrorAnswerIsThrownWithItsCode) {
    SocketPair pair;
    Seen hubSeen, hostSeen;
    WirePeer* hostPeer = nullptr;
    WirePeer hub(pair.fds[0], helloOf(PeerRole::Hub), PeerRole::Host, handlersFor(hubSeen));
    WirePeer host(pair.fds[1], helloOf(PeerRole::Host), PeerRole::Hub, handlersFor(hostSeen, [&](CallMessage call) {
                      hostPeer->refuse(call.id, ErrorCode::PluginThrew, "the provider exploded");
                  }));
    hostPeer = &host;
    hub.start();
    host.start();
    try {
        hub.call(Method::Ping, new Poco::JSON::Object, 0, 1000ms);
        FAIL() << "no error";
    } catch (const WireError& error) {
        EXPECT_EQ(error.code(), ErrorCode::PluginThrew);
        EXPECT_EQ(error.message(), "the provider exploded");
    }
}

TEST(WirePeerTest, ACallNotAnsweredInTimeFailsAndItsLateAnswerIsIgnored) {
    SocketPair pair;
    Seen hubSeen, hostSeen;
    std::promise<std::int64_t> unanswered;
    WirePeer hub(pair.fds[0], helloOf(PeerRole::Hub), PeerRole::Host, handlersFor(hubSeen));
    WirePeer host(pair.fds[1], helloOf(PeerRole::Host), PeerRole::Hub,
                  handlersFor(hostSeen, [&](CallMessage call) { unanswered.set_value(call.id); }));
    hub.start();
    host.start();
    try {
        hub.call(Method::Deliver, new Poco::JSON::Object, 0, 50ms);
        FAIL() << "answered";
    } catch (const WireError& error) {
        EXPECT_EQ(error.code(), ErrorCode::DeadlineExceeded);
        EXPECT_EQ(std::string(error.what()), "deliver was not answered within 50 ms");
    }
    host.answer(unanswered.get_future().get(), new Poco::JSON::Object);
    EXPECT_FALSE(hub.closed());
}

TEST(WirePeerTest, APeerThatGoesAwayFailsTheCallsWaitingForIt) {
    SocketPair pair;
    Seen hubSeen, hostSeen;
    std::promise<void> called;
    WirePeer hub(pair.fds[0], helloOf(PeerRole::Hub), PeerRole::Host, handlersFor(hubSeen));
    auto host = std::make_unique<WirePeer>(pair.fds[1], helloOf(PeerRole::Host), PeerRole::Hub,
                                           handlersFor(hostSeen, [&](CallMessage) { called.set_value(); }));
    hub.start();
    host->start();
    auto waiting = std::async(std::launch::async, [&] { return hub.call(Method::Deliver, new Poco::JSON::Object, 0, 10s); });
    called.get_future().get();
    host.reset(); // the host process died
    try {
        waiting.get();
        FAIL() << "answered";
    } catch (const WireError& error) {
        EXPECT_EQ(error.code(), ErrorCode::Internal);
        EXPECT_EQ(std::string(error.what()), "the connection is closed: the peer closed the connection");
    }
    EXPECT_EQ(hubSeen.closed.get_future().get(), "the peer closed the connection");
    EXPECT_THROW(hub.call(Method::Ping, new Poco::JSON::Object, 0, 1s), WireError);
}

TEST(WirePeerTest, BytesThatAreNoFrameEndTheConnectionSayingWhy) {
    SocketPair pair;
    Seen hubSeen;
    WirePeer hub(pair.fds[0], helloOf(PeerRole::Hub), PeerRole::Host, handlersFor(hubSeen));
    hub.start();
    const std::string garbage = "\xff\xff\xff\xffnot a frame";
    ASSERT_EQ(::write(pair.fds[1], garbage.data(), garbage.size()), static_cast<ssize_t>(garbage.size()));
    EXPECT_TRUE(hubSeen.closed.get_future().get().starts_with("the peer broke the protocol: "));
    ::close(pair.fds[1]);
}

TEST(WirePeerTest, AHelloOfAnotherVersionOrRoleEndsTheConnection) {
    for (const auto& [hello, expected] :
         {std::pair{helloOf(PeerRole::Host, ProtocolVersion + 1), std::string("version")},
          std::pair{helloOf(PeerRole::Hub), std::string("the peer says it is the hub, not the host")}}) {
        SocketPair pair;
        Seen hubSeen;
        WirePeer hub(pair.fds[0], helloOf(PeerRole::Hub), PeerRole::Host, handlersFor(hubSeen));
        hub.start();
        const auto frame = FrameEncoder().encode(WireMessageCodec::encode(hello));
        ASSERT_EQ(::write(pair.fds[1], frame.data(), frame.size()), static_cast<ssize_t>(frame.size()));
        EXPECT_NE(hubSeen.closed.get_future().get().find(expected), std::string::npos) << expected;
        ::close(pair.fds[1]);
    }
}

TEST(WirePeerTest, ACallThatCannotBeReadIsRefusedUnderItsIdAndTheConnectionGoesOn) {
    SocketPair pair;
    Seen hubSeen;
    WirePeer hub(pair.fds[0], helloOf(PeerRole::Hub), PeerRole::Host, handlersFor(hubSeen));
    hub.start();
    const auto send = [&](const std::string& json) {
        const auto frame = FrameEncoder().encode(json);
        ASSERT_EQ(::write(pair.fds[1], frame.data(), frame.size()), static_cast<ssize_t>(frame.size()));
    };
    send(WireMessageCodec::encode(helloOf(PeerRole::Host)));
    send(R"({"id":9,"method":"no_such_method","now_ms":0,"params":{},"type":"call"})");
    // The hub's own hello, then its error answer to call 9.
    FrameDecoder decoder;
    std::vector<WireMessage> received;
    char buffer[4096];
    while (received.size() < 2) {
        const auto n = ::read(pair.fds[1], buffer, sizeof buffer);
        ASSERT_GT(n, 0);
        decoder.append(buffer, static_cast<std::size_t>(n));
        while (auto frame = decoder.next()) received.push_back(WireMessageCodec::decode(*frame));
    }
    const auto* refused = std::get_if<ErrorMessage>(&received[1]);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->id, 9);
    EXPECT_EQ(refused->code, ErrorCode::UnknownMethod);
    EXPECT_FALSE(hub.closed());
    ::close(pair.fds[1]);
}

TEST(WirePeerTest, APeerThatTakesNoFrameWithinTheSendTimeoutEndsTheConnection) {
    SocketPair pair; // nothing ever reads pair.fds[1]: a frozen host
    Seen hubSeen;
    WirePeer hub(pair.fds[0], helloOf(PeerRole::Hub), PeerRole::Host, handlersFor(hubSeen), 100ms);
    hub.start();
    // More than a socket buffer holds, in one frame.
    const auto call = [&] { hub.call(Method::Ping, object("text", std::string(4 * 1024 * 1024, 'x')), 0, 10s); };
    try {
        call();
        FAIL() << "sent";
    } catch (const WireError& error) {
        EXPECT_EQ(error.code(), ErrorCode::Internal);
        EXPECT_EQ(std::string(error.what()), "the connection is closed: the peer took no frame for 100 ms");
    }
    EXPECT_EQ(hubSeen.closed.get_future().get(), "the peer took no frame for 100 ms");
    EXPECT_TRUE(hub.closed());
    ::close(pair.fds[1]);
}
