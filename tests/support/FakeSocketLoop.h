#pragma once

#include "core/common/Clock.h"
#include "core/realtime/LoopRouter.h"
#include "core/realtime/RealtimeLoop.h"
#include "core/realtime/SocketLoop.h"
#include "tests/support/UnconnectedSocket.h"


#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace switchboard::tests {

/// One event loop for the protocol's tests, and the router to it: it keeps its connections and rooms, records what
/// is sent to each connection as Engine.IO text and how each was closed, queues the work posted to it until
/// `runPosted`, and fires deadlines when told to. Single-threaded, on the test's thread.
class FakeSocketLoop final : public core::realtime::SocketLoop, public core::realtime::LoopRouter {
public:
    using Connection = core::realtime::Connection;

    explicit FakeSocketLoop(core::common::ManualClock& clock) : _clock(clock) {}

    /// A new open connection (not yet announced to a protocol).
    Connection& add() {
        const auto id = ++_lastId;
        // A socket that is never connected: the protocol only reaches it through this loop.
        _connections[id] = std::make_unique<Connection>(id, unconnectedSocket(), 64 * 1024, 1 << 20);
        return *_connections[id];
    }

    /// Runs the work posted from "other threads" (workers), and what that work posts in turn.
    void runPosted() {
        while (!_posted.empty()) {
            auto tasks = std::move(_posted);
            _posted.clear();
            for (auto& task : tasks) task(*this);
        }
    }

    /// Moves the clock on and calls `handler.deadline` for each open connection whose deadline has come.
    void advanceMs(std::int64_t ms, core::realtime::ConnectionHandler& handler) {
        _clock.advanceMs(ms);
        for (auto& [id, connection] : _connections) {
            if (!connection->closing() && _deadlines.count(id) && _deadlines[id] <= nowMs()) {
                _deadlines.erase(id);
                handler.deadline(*this, *connection);
            }
        }
    }

    /// The Engine.IO packets sent to a connection since the last call.
    std::vector<std::string> takeSent(std::uint64_t id) { return std::exchange(_sent[id], {}); }

    struct Closed {
        std::uint16_t code;
        std::string reason;
    };
    std::optional<Closed> closedWith(std::uint64_t id) const {
        const auto found = _closed.find(id);
        if (found == _closed.end()) return std::nullopt;
        return found->second;
    }
    std::optional<std::int64_t> deadlineOf(std::uint64_t id) const {
        const auto found = _deadlines.find(id);
        if (found == _deadlines.end()) return std::nullopt;
        return found->second;
    }

    // SocketLoop
    Connection* find(std::uint64_t connectionId) override {
        const auto found = _connections.find(connectionId);
        return found == _connections.end() ? nullptr : found->second.get();
    }
    void send(Connection& connection, std::shared_ptr<const std::string> frame) override {
        if (!connection.closing()) _sent[connection.id()].push_back(payloadOf(*frame));
    }
    void broadcast(const std::vector<std::string>& rooms, const std::shared_ptr<const std::string>& frame,
                   const std::function<bool(const Connection&)>& admit) override {
        std::set<std::uint64_t> members;
        for (const auto& room : rooms) members.insert(_rooms[room].begin(), _rooms[room].end());
        for (auto id : members) {
            if (auto* connection = find(id); connection && admit(*connection)) send(*connection, frame);
        }
    }
    void join(Connection& connection, const std::string& room) override {
        if (_rooms[room].insert(connection.id()).second) connection.rooms.push_back(room);
    }
    void leave(Connection& connection, const std::string& room) override {
        _rooms[room].erase(connection.id());
        std::erase(connection.rooms, room);
    }
    void close(Connection& connection, std::uint16_t code, std::string_view reason) override {
        if (connection.closing()) return;
        _closed[connection.id()] = {code, std::string(reason)};
        connection.startClose(code, reason);
    }
    void closeWhere(const std::function<bool(const Connection&)>& which, std::uint16_t code,
                    std::string_view reason) override {
        for (auto& [id, connection] : _connections) {
            if (which(*connection)) close(*connection, code, reason);
        }
    }
    void setDeadline(Connection& connection, std::int64_t deadlineMs) override {
        connection.deadlineMs = deadlineMs;
        _deadlines[connection.id()] = deadlineMs;
    }
    std::int64_t nowMs() const override { return _clock.nowMs(); }

    // LoopRouter
    void toConnection(std::uint64_t, Task task) override { _posted.push_back(std::move(task)); }
    void toAll(Task task) override { _posted.push_back(std::move(task)); }

private:
    /// The text of an unmasked server frame.
    static std::string payloadOf(const std::string& frame) {
        std::size_t length = static_cast<unsigned char>(frame[1]) & 0x7f;
        std::size_t offset = 2;
        if (length == 126) {
            length = (static_cast<std::size_t>(static_cast<unsigned char>(frame[2])) << 8) |
                     static_cast<unsigned char>(frame[3]);
            offset = 4;
        } else if (length == 127) {
            length = 0;
            for (std::size_t i = 2; i < 10; ++i) length = (length << 8) | static_cast<unsigned char>(frame[i]);
            offset = 10;
        }
        return frame.substr(offset, length);
    }

    core::common::ManualClock& _clock;
    std::uint64_t _lastId = 0;
    std::map<std::uint64_t, std::unique_ptr<Connection>> _connections;
    std::map<std::string, std::set<std::uint64_t>> _rooms;
    std::map<std::uint64_t, std::vector<std::string>> _sent;
    std::map<std::uint64_t, Closed> _closed;
    std::map<std::uint64_t, std::int64_t> _deadlines;
    std::vector<Task> _posted;
};

} // namespace switchboard::tests
