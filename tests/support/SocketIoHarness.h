#pragma once

#include "core/realtime/SocketIoPacket.h"
#include "core/realtime/SocketIoProtocol.h"
#include "tests/support/FakeSocketLoop.h"
#include "tests/support/InlineExecutor.h"
#include "tests/support/SocketServicesFixture.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace switchboard::tests {

/// The Socket.IO protocol over the real services, on a fake loop whose workers run inline: a test speaks the wire
/// format into a connection and reads what was sent back.
class SocketIoHarness : public ::testing::Test {
protected:
    using Connection = core::realtime::Connection;
    using SocketIoPacket = core::realtime::SocketIoPacket;

    static constexpr int PingIntervalMs = 25'000;
    static constexpr int PingTimeoutMs = 20'000;
    static constexpr int ConnectTimeoutMs = 10'000;

    explicit SocketIoHarness(core::config::PublicRateLimits limits = {})
        : world(limits), loop(world.clock), protocol(world.services(), workers, loop, settings()) {}

    static core::config::RealtimeConfig settings() {
        core::config::RealtimeConfig settings;
        settings.pingIntervalMs = PingIntervalMs;
        settings.pingTimeoutMs = PingTimeoutMs;
        settings.connectTimeoutMs = ConnectTimeoutMs;
        return settings;
    }

    /// A new socket, past its Engine.IO open packet.
    Connection& open() {
        auto& connection = loop.add();
        protocol.opened(loop, connection);
        loop.takeSent(connection.id());
        return connection;
    }

    /// Delivers an Engine.IO text message, then what the workers posted back to the loop.
    void receive(Connection& connection, const std::string& text) {
        protocol.text(loop, connection, text);
        loop.runPosted();
    }

    /// A socket signed in with `auth` (the CONNECT payload), past the CONNECT answer.
    Connection& connectWith(const std::string& auth) {
        auto& connection = open();
        receive(connection, "40" + auth);
        const auto sent = loop.takeSent(connection.id());
        EXPECT_EQ(sent.size(), 1u);
        EXPECT_TRUE(!sent.empty() && sent[0].rfind("40{\"sid\":", 0) == 0) << (sent.empty() ? "" : sent[0]);
        return connection;
    }
    Connection& connectVisitor(const core::conversation::WidgetSession& session) {
        return connectWith("{\"visitor_token\":\"" + session.visitorToken + "\"}");
    }
    Connection& connectAgent(const std::string& token) { return connectWith("{\"token\":\"" + token + "\"}"); }

    /// Emits `name` with `argJson` and the acknowledgement id `ackId`.
    void emit(Connection& connection, const std::string& name, const std::string& argJson, std::uint64_t ackId) {
        receive(connection, "42" + std::to_string(ackId) + "[\"" + name + "\"," + argJson + "]");
    }
    /// Emits without asking for an acknowledgement.
    void emit(Connection& connection, const std::string& name, const std::string& argJson) {
        receive(connection, "42[\"" + name + "\"," + argJson + "]");
    }

    /// The Socket.IO packets sent to the connection since the last look.
    std::vector<SocketIoPacket> packets(const Connection& connection) {
        std::vector<SocketIoPacket> result;
        for (const auto& text : loop.takeSent(connection.id())) {
            if (text.size() > 1 && text[0] == '4') result.push_back(SocketIoPacket::parse(text.substr(1)));
        }
        return result;
    }

    /// The one acknowledgement sent to the connection since the last look, as an object (fails the test otherwise).
    Poco::JSON::Object::Ptr ack(const Connection& connection, std::uint64_t ackId) {
        Poco::JSON::Object::Ptr found;
        for (const auto& packet : packets(connection)) {
            if (packet.type() != SocketIoPacket::Type::Ack) continue;
            EXPECT_EQ(packet.ackId(), ackId);
            EXPECT_FALSE(found) << "more than one acknowledgement";
            found = packet.array()->getObject(0);
        }
        EXPECT_TRUE(found) << "no acknowledgement";
        return found ? found : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
    }

    /// The error code of an acknowledgement, or "" when it is a result.
    static std::string errorCode(const Poco::JSON::Object::Ptr& ack) {
        const auto error = ack->getObject("error");
        return error ? error->getValue<std::string>("code") : "";
    }

    /// The events named `name` sent to the connection since the last look, with their payloads.
    std::vector<Poco::JSON::Object::Ptr> events(const Connection& connection, const std::string& name) {
        std::vector<Poco::JSON::Object::Ptr> result;
        for (const auto& packet : packets(connection)) {
            if (packet.type() == SocketIoPacket::Type::Event && packet.eventName() == name)
                result.push_back(packet.array()->getObject(1));
        }
        return result;
    }

    SocketServicesFixture world;
    InlineExecutor workers;
    FakeSocketLoop loop;
    core::realtime::SocketIoProtocol protocol;
};

} // namespace switchboard::tests
