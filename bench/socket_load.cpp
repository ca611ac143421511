// Open-loop load generator for the hub's real-time endpoint: Socket.IO 4 (Engine.IO 4) over WebSocket.
//
// Logs --agents agents in and starts --visitors conversations over REST, then opens one socket per agent and
// per visitor at --connect-rate, spread over --source-addresses so that one address's ports do not run out.
// Visitors send widget:heartbeat and agents agent:heartbeat every --heartbeat-s; visitors send, together, --rate
// visitor:send_message events per second on a fixed schedule whatever the answers. Each message carries
// client_msg_id "b-<visitor>-<seq>";
// it is timed from the send to the visitor's ack and to its arrival at every agent as message:new, where the
// id is looked for anywhere in the frame rather than at one place in the JSON. Sockets run non-blocking on
// --threads epoll loops with a small RFC 6455 client of our own.

#include "bench/BenchSupport.h"
#include "bench/HubClient.h"

#include <Poco/SHA1Engine.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace {

using namespace switchboard::bench;
using SteadyClock = std::chrono::steady_clock;
using TimePoint = SteadyClock::time_point;

constexpr const char* kUsage =
    "usage: switchboard_socket_load [options]\n"
    "  --host H                hub address (default 127.0.0.1)\n"
    "  --port P                hub port (default 8080)\n"
    "  --visitors N            widget connections, one new conversation each (default 100)\n"
    "  --agents M              agent connections, all logged in as --agent-email (default 1)\n"
    "  --rate R                visitor messages per second, all visitors together; 0 = none (default 100)\n"
    "  --duration S            measured seconds (default 10)\n"
    "  --warmup S              seconds of load before measuring starts (default 2)\n"
    "  --heartbeat-s S         heartbeat interval per socket (widget:heartbeat, agent:heartbeat); 0 = none\n"
    "                          (default 30)\n"
    "  --connect-rate C        connections opened per second (default 2000)\n"
    "  --connect-timeout S     a connection not through CONNECT by then has failed (default 30)\n"
    "  --drain S               wait after the run for outstanding acks and deliveries (default 10)\n"
    "  --source-addresses A    local IPv4 addresses to connect from, e.g. 127.0.0.1-127.0.0.20 or\n"
    "                          127.0.0.1,127.0.0.2; connections go round-robin (default: the kernel's choice)\n"
    "  --threads T             event-loop threads, 1 or 2 (default 1)\n"
    "  --hub-pid PID           read the hub's memory and CPU time from /proc/PID (default: not measured)\n"
    "  --agent-email E         agent login (default $SWITCHBOARD_ADMIN_EMAIL)\n"
    "  --agent-password P      agent password (default $SWITCHBOARD_ADMIN_PASSWORD)\n"
    "  --agent-delivery D      all = every agent must receive every message, any = one agent is enough\n"
    "                          (default all)\n"
    "  --widget ID             widget the visitors chat with (default bench)\n"
    "  --text-bytes B          length of each message text (default 80)\n"
    "  --setup-connections C   parallel REST connections for logins and conversations (default 8)\n"
    "  --path P                Socket.IO path (default /socket.io/)\n"
    "  --origin O              Origin header of the upgrade request (default: none)\n";

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;
    int visitors = 100;
    int agents = 1;
    double rate = 100;
    double durationS = 10;
    double warmupS = 2;
    double heartbeatS = 30;
    double connectRate = 2000;
    double connectTimeoutS = 30;
    double drainS = 10;
    std::vector<in_addr> sourceAddresses;
    int threads = 1;
    int hubPid = 0;
    std::string agentEmail;
    std::string agentPassword;
    bool everyAgentDelivers = true;
    std::string widget = "bench";
    int textBytes = 80;
    int setupConnections = 8;
    std::string path = "/socket.io/";
    std::string origin;
};

in_addr ipv4(const std::string& text) {
    in_addr address{};
    if (inet_pton(AF_INET, text.c_str(), &address) != 1)
        throw std::invalid_argument("--source-addresses: " + text + " is not an IPv4 address");
    return address;
}

/// "A", "A-B" (inclusive range) or comma-separated lists of both.
std::vector<in_addr> parseSourceAddresses(const std::string& value) {
    std::vector<in_addr> addresses;
    std::stringstream items(value);
    for (std::string item; std::getline(items, item, ',');) {
        const auto dash = item.find('-');
        if (dash == std::string::npos) {
            addresses.push_back(ipv4(item));
            continue;
        }
        const auto first = ntohl(ipv4(item.substr(0, dash)).s_addr);
        const auto last = ntohl(ipv4(item.substr(dash + 1)).s_addr);
        if (last < first || last - first >= 65536)
            throw std::invalid_argument("--source-addresses: " + item + " is not an ascending range of at most 65536");
        for (auto host = first; host <= last; ++host) addresses.push_back(in_addr{htonl(host)});
    }
    if (addresses.empty()) throw std::invalid_argument("--source-addresses is empty");
    return addresses;
}

Options parseOptions(int argc, char** argv) {
    Options options;
    options.agentEmail = std::getenv("SWITCHBOARD_ADMIN_EMAIL") ? std::getenv("SWITCHBOARD_ADMIN_EMAIL") : "";
    options.agentPassword = std::getenv("SWITCHBOARD_ADMIN_PASSWORD") ? std::getenv("SWITCHBOARD_ADMIN_PASSWORD") : "";
    forEachOption(argc, argv, kUsage, [&](const std::string& name, const std::string& value) {
        if (name == "--host") options.host = value;
        else if (name == "--port") options.port = wholeNumber(name, value, 1);
        else if (name == "--visitors") options.visitors = wholeNumber(name, value, 0);
        else if (name == "--agents") options.agents = wholeNumber(name, value, 0);
        else if (name == "--rate") options.rate = decimal(name, value, 0);
        else if (name == "--duration") options.durationS = decimal(name, value, 0.1);
        else if (name == "--warmup") options.warmupS = decimal(name, value, 0);
        else if (name == "--heartbeat-s") options.heartbeatS = decimal(name, value, 0);
        else if (name == "--connect-rate") options.connectRate = decimal(name, value, 1);
        else if (name == "--connect-timeout") options.connectTimeoutS = decimal(name, value, 1);
        else if (name == "--drain") options.drainS = decimal(name, value, 0);
        else if (name == "--source-addresses") options.sourceAddresses = parseSourceAddresses(value);
        else if (name == "--threads") options.threads = wholeNumber(name, value, 1);
        else if (name == "--hub-pid") options.hubPid = wholeNumber(name, value, 1);
        else if (name == "--agent-email") options.agentEmail = value;
        else if (name == "--agent-password") options.agentPassword = value;
        else if (name == "--agent-delivery") {
            if (value != "all" && value != "any") throw std::invalid_argument("--agent-delivery must be all or any");
            options.everyAgentDelivers = value == "all";
        } else if (name == "--widget") options.widget = value;
        else if (name == "--text-bytes") options.textBytes = wholeNumber(name, value, 1);
        else if (name == "--setup-connections") options.setupConnections = wholeNumber(name, value, 1);
        else if (name == "--path") options.path = value;
        else if (name == "--origin") options.origin = value;
        else throw std::invalid_argument("unknown option " + name);
    });
    if (options.port > 65535) throw std::invalid_argument("--port must be at most 65535");
    if (options.threads > 2) throw std::invalid_argument("--threads must be 1 or 2");
    if (options.visitors + options.agents == 0)
        throw std::invalid_argument("nothing to connect: --visitors and --agents are 0");
    if (options.rate > 0 && options.visitors == 0) throw std::invalid_argument("--rate needs at least one visitor");
    if (options.agents > 0 && (options.agentEmail.empty() || options.agentPassword.empty()))
        throw std::invalid_argument("agents need --agent-email and --agent-password (or SWITCHBOARD_ADMIN_EMAIL and "
                                    "SWITCHBOARD_ADMIN_PASSWORD)");
    if (options.path.empty() || options.path.front() != '/') throw std::invalid_argument("--path must start with /");
    return options;
}

double millisecondsBetween(TimePoint from, TimePoint to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

SteadyClock::duration secondsToDuration(double seconds) {
    return std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(seconds));
}

std::string errnoText(const char* what, int error) { return std::string(what) + ": " + std::strerror(error); }

/// The first `limit` characters of a frame or answer, on one line, for a failure report.
std::string excerpt(std::string_view text, std::size_t limit = 160) {
    std::string shown(text.substr(0, limit));
    std::replace_if(shown.begin(), shown.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
    return text.size() > limit ? shown + "..." : shown;
}

/// Counts failures by reason, so that fifty thousand equal failures print as one line.
class FailureTally {
public:
    void add(const std::string& reason) {
        std::lock_guard lock(_mutex);
        ++_total;
        if (_counts.size() < kDistinct || _counts.count(reason)) ++_counts[reason];
        else ++_counts["(other reasons)"];
    }

    std::int64_t total() const {
        std::lock_guard lock(_mutex);
        return _total;
    }

    void print(const char* heading) const {
        std::lock_guard lock(_mutex);
        if (_total == 0) return;
        std::printf("%-12s %lld\n", heading, static_cast<long long>(_total));
        for (const auto &[reason, count] : _counts)
            std::printf("  %8lld  %s\n", static_cast<long long>(count), reason.c_str());
    }

private:
    static constexpr std::size_t kDistinct = 12;
    mutable std::mutex _mutex;
    std::map<std::string, std::int64_t> _counts;
    std::int64_t _total = 0;
};

std::uint64_t messageKey(std::uint32_t visitor, std::uint32_t seq) { return std::uint64_t{visitor} << 32 | seq; }

std::string clientMsgId(std::uint32_t visitor, std::uint32_t seq) {
    return "b-" + std::to_string(visitor) + "-" + std::to_string(seq);
}

/// The key of a "b-<visitor>-<seq>" id; nothing for ids this generator did not make.
std::optional<std::uint64_t> parseClientMsgId(std::string_view id) {
    if (id.size() < 5 || id.substr(0, 2) != "b-") return std::nullopt;
    const char* end = id.data() + id.size();
    std::uint32_t visitor = 0;
    std::uint32_t seq = 0;
    auto [dash, error] = std::from_chars(id.data() + 2, end, visitor);
    if (error != std::errc() || dash == end || *dash != '-') return std::nullopt;
    auto [last, seqError] = std::from_chars(dash + 1, end, seq);
    if (seqError != std::errc() || last != end) return std::nullopt;
    return messageKey(visitor, seq);
}

/// The value of the first "client_msg_id" string member anywhere in a JSON text.
std::optional<std::string_view> findClientMsgId(std::string_view text) {
    constexpr std::string_view kName = "\"client_msg_id\"";
    const auto name = text.find(kName);
    if (name == std::string_view::npos) return std::nullopt;
    auto at = name + kName.size();
    auto skipSpace = [&] {
        while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) ++at;
    };
    skipSpace();
    if (at >= text.size() || text[at] != ':') return std::nullopt;
    ++at;
    skipSpace();
    if (at >= text.size() || text[at] != '"') return std::nullopt;
    const auto close = text.find('"', at + 1);
    if (close == std::string_view::npos) return std::nullopt;
    return text.substr(at + 1, close - at - 1);
}

std::string base64(const unsigned char* bytes, std::size_t size) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string encoded;
    for (std::size_t i = 0; i < size; i += 3) {
        const std::uint32_t group = std::uint32_t{bytes[i]} << 16 |
                                    (i + 1 < size ? std::uint32_t{bytes[i + 1]} << 8 : 0) |
                                    (i + 2 < size ? std::uint32_t{bytes[i + 2]} : 0);
        encoded += kAlphabet[group >> 18 & 63];
        encoded += kAlphabet[group >> 12 & 63];
        encoded += i + 1 < size ? kAlphabet[group >> 6 & 63] : '=';
        encoded += i + 2 < size ? kAlphabet[group & 63] : '=';
    }
    return encoded;
}

/// Sec-WebSocket-Accept the server must answer for `key` (RFC 6455 §4.2.2).
std::string expectedAccept(const std::string& key) {
    Poco::SHA1Engine sha1;
    sha1.update(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
    const auto& digest = sha1.digest();
    return base64(digest.data(), digest.size());
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

/// Messages sent and not yet delivered to as many agents as they must reach; shared by the loops, which record
/// sends before writing them so that a delivery is never seen before its send.
class MessageLedger {
public:
    struct Receipt {
        bool known = false;
        bool measured = false;
        double latencyMs = 0;
    };

    /// Deliveries each message needs: the connected agents, one, or none (no agents).
    void expectDeliveries(int count) { _expected = count; }

    void recordSend(std::uint64_t key, TimePoint sentAt, bool measured) {
        if (_expected == 0) return;
        std::lock_guard lock(_mutex);
        _entries[key] = Entry{sentAt, measured, 0};
    }

    /// An unknown key is a delivery beyond those expected (a duplicate) or of a message not sent by this run.
    Receipt recordDelivery(std::uint64_t key, TimePoint receivedAt) {
        std::lock_guard lock(_mutex);
        auto entry = _entries.find(key);
        if (entry == _entries.end()) return {};
        Receipt receipt{true, entry->second.measured, millisecondsBetween(entry->second.sentAt, receivedAt)};
        if (++entry->second.deliveries >= _expected) _entries.erase(entry);
        return receipt;
    }

    /// A message the hub refused (busy): none of its deliveries are expected.
    void forget(std::uint64_t key) {
        std::lock_guard lock(_mutex);
        _entries.erase(key);
    }

    /// Messages still short of deliveries.
    std::size_t outstanding() const {
        std::lock_guard lock(_mutex);
        return _entries.size();
    }

    /// Deliveries that never came, over all outstanding messages.
    std::int64_t missingDeliveries() const {
        std::lock_guard lock(_mutex);
        std::int64_t missing = 0;
        for (const auto& [key, entry] : _entries) missing += _expected - entry.deliveries;
        return missing;
    }

private:
    struct Entry {
        TimePoint sentAt;
        bool measured = false;
        int deliveries = 0;
    };

    int _expected = 0;
    mutable std::mutex _mutex;
    std::unordered_map<std::uint64_t, Entry> _entries;
};

enum class Stage { Connecting, Loading, Draining, Stopping };

/// One socket to open: an agent or a visitor with its Socket.IO CONNECT packet.
struct Peer {
    bool agent = false;
    /// Visitor number (in client_msg_id) or agent number.
    std::uint32_t number = 0;
    std::string conversationId;
    std::string connectPacket;
    /// Position in the global opening order, which paces the opening and picks the source address.
    std::size_t order = 0;
};

/// What the loops and the main thread share. The schedule is written before `stage` turns to Loading and read
/// only after a loop has seen that.
struct Shared {
    explicit Shared(const Options& options) : options(options) {}

    const Options& options;
    sockaddr_in target{};
    MessageLedger ledger;
    FailureTally refusals; // connections that never got through the Socket.IO CONNECT
    FailureTally drops;    // connections lost after it
    FailureTally errors;   // wrong or unexpected answers on live connections
    std::atomic<int> established{0};
    std::atomic<int> visitorsEstablished{0};
    std::atomic<std::int64_t> outstandingAcks{0};
    std::atomic<Stage> stage{Stage::Connecting};
    TimePoint connectStart;
    TimePoint loadStart;
    TimePoint measureFrom;
    TimePoint measureTo;
};

struct LoopResult {
    std::vector<double> ackMs;
    std::vector<double> deliveryMs;
    std::int64_t sent = 0;
    std::int64_t measuredSent = 0;
    std::int64_t acked = 0;
    /// Messages the hub refused at once with `busy` (past its capacity).
    std::int64_t busy = 0;
    std::int64_t measuredDeliveries = 0;
    std::int64_t unexpectedDeliveries = 0;
    std::int64_t heartbeats = 0;
    /// Acks never received because their connection broke or the run ended first.
    std::int64_t lostAcks = 0;
    /// How far behind its schedule the loop sent a measured message.
    double maxSendLagMs = 0;
    /// Connections through CONNECT at the end that still heard from the server within its ping timeout.
    int held = 0;
    int silent = 0;
};

/// Socket.IO client connections on one epoll loop: opening on schedule, the WebSocket and Socket.IO
/// handshakes, Engine.IO pongs, heartbeats, the message schedule, acks and deliveries.
class EventLoop {
public:
    EventLoop(Shared& shared, std::vector<const Peer*> peers)
        : _shared(shared),
          _options(shared.options),
          _text(jsonString(messageText(shared.options.textBytes))),
          _random(std::random_device{}() | 1),
          _buffer(64 * 1024) {
        _connections.reserve(peers.size());
        for (const auto* peer : peers) {
            _connections.emplace_back();
            _connections.back().peer = peer;
        }
        _epoll = epoll_create1(EPOLL_CLOEXEC);
        if (_epoll < 0) throw std::runtime_error(errnoText("epoll_create1", errno));
    }

    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;
    ~EventLoop() { ::close(_epoll); }

    void run() {
        std::array<epoll_event, 512> events{};
        auto stage = Stage::Connecting;
        for (;;) {
            const auto seen = _shared.stage.load(std::memory_order_acquire);
            if (seen != stage && seen == Stage::Loading) startSchedule();
            stage = seen;
            auto now = SteadyClock::now();
            if (stage == Stage::Stopping) break;
            openDue(now);
            expireOpening(now);
            sendHeartbeats(now);
            if (stage == Stage::Loading) sendMessages(now);

            const int count = epoll_wait(_epoll, events.data(), static_cast<int>(events.size()), waitMs(now, stage));
            if (count < 0 && errno != EINTR) throw std::runtime_error(errnoText("epoll_wait", errno));
            now = SteadyClock::now();
            for (int i = 0; i < count; ++i) {
                auto& connection = _connections[events[static_cast<std::size_t>(i)].data.u32];
                const auto flags = events[static_cast<std::size_t>(i)].events;
                if (connection.state == State::Closed) continue;
                if (connection.state == State::Connecting) {
                    if (flags & (EPOLLOUT | EPOLLERR | EPOLLHUP)) finishConnect(connection);
                    continue;
                }
                if (flags & (EPOLLIN | EPOLLERR | EPOLLHUP)) onReadable(connection, now);
                if ((flags & EPOLLOUT) && connection.state != State::Closed) flush(connection);
            }
        }
        finish(SteadyClock::now());
    }

    LoopResult& result() { return _result; }

private:
    enum class State : std::uint8_t { Waiting, Connecting, Upgrading, Opening, Joining, Ready, Closed };

    struct PendingAck {
        std::uint32_t ackId = 0;
        std::uint32_t seq = 0;
        TimePoint sentAt;
        bool measured = false;
    };

    struct Connection {
        const Peer* peer = nullptr;
        int fd = -1;
        State state = State::Waiting;
        bool watchingWrites = false;
        /// Opcode of the fragmented message being assembled in `fragments`; 0 when there is none.
        std::uint8_t fragmentOpcode = 0;
        std::uint32_t nextAckId = 0;
        std::uint32_t nextSeq = 0;
        TimePoint openedAt;
        TimePoint lastHeard;
        std::string in;
        std::string out;
        std::string fragments;
        /// The Sec-WebSocket-Accept the server must answer; dropped after the upgrade.
        std::string accept;
        std::vector<PendingAck> acks;
    };

    static constexpr std::size_t kMaxMessageBytes = 16 * 1024 * 1024;

    void openDue(TimePoint now) {
        while (_nextOpen < _connections.size()) {
            auto& connection = _connections[_nextOpen];
            if (_shared.connectStart +
                    secondsToDuration(static_cast<double>(connection.peer->order) / _options.connectRate) >
                now)
                return;
            ++_nextOpen;
            open(connection, _nextOpen - 1, now);
        }
    }

    void open(Connection& connection, std::size_t index, TimePoint now) {
        connection.openedAt = now;
        connection.lastHeard = now;
        _opening.push_back(index);
        connection.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (connection.fd < 0) return fail(connection, errnoText("socket", errno));
        connection.state = State::Connecting;
        const int on = 1;
        setsockopt(connection.fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        if (!_options.sourceAddresses.empty()) {
            // Without this the port would be chosen at bind time, unique per source address whatever the
            // destination; deferred to connect, each source address has a whole port range per destination.
            setsockopt(connection.fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &on, sizeof on);
            sockaddr_in source{};
            source.sin_family = AF_INET;
            source.sin_addr = _options.sourceAddresses[connection.peer->order % _options.sourceAddresses.size()];
            if (::bind(connection.fd, reinterpret_cast<const sockaddr*>(&source), sizeof source) != 0)
                return fail(connection, errnoText("bind", errno));
        }
        if (::connect(connection.fd, reinterpret_cast<const sockaddr*>(&_shared.target), sizeof _shared.target) != 0 &&
            errno != EINPROGRESS)
            return fail(connection, errnoText("connect", errno));
        epoll_event event{};
        event.events = EPOLLIN | EPOLLOUT;
        event.data.u32 = static_cast<std::uint32_t>(index);
        if (epoll_ctl(_epoll, EPOLL_CTL_ADD, connection.fd, &event) != 0)
            return fail(connection, errnoText("epoll_ctl", errno));
        connection.watchingWrites = true;
    }

    void finishConnect(Connection& connection) {
        int error = 0;
        socklen_t size = sizeof error;
        if (getsockopt(connection.fd, SOL_SOCKET, SO_ERROR, &error, &size) != 0) error = errno;
        if (error != 0) return fail(connection, errnoText("connect", error));
        std::array<unsigned char, 16> nonce{};
        for (std::size_t i = 0; i < nonce.size(); i += 8) {
            const auto bits = nextRandom();
            std::memcpy(nonce.data() + i, &bits, 8);
        }
        const auto key = base64(nonce.data(), nonce.size());
        connection.accept = expectedAccept(key);
        connection.state = State::Upgrading;
        std::string request = "GET " + _options.path + "?EIO=4&transport=websocket HTTP/1.1\r\nHost: " + _options.host +
                              ":" + std::to_string(_options.port) +
                              "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key +
                              "\r\nSec-WebSocket-Version: 13\r\n";
        if (!_options.origin.empty()) request += "Origin: " + _options.origin + "\r\n";
        request += "\r\n";
        write(connection, request);
        if (connection.state != State::Closed && connection.out.empty()) watchWrites(connection, false);
    }

    /// Connections that are not through CONNECT within --connect-timeout fail; they are checked in the order
    /// they were opened.
    void expireOpening(TimePoint now) {
        const auto limit = secondsToDuration(_options.connectTimeoutS);
        while (!_opening.empty()) {
            auto& connection = _connections[_opening.front()];
            if (connection.state == State::Ready || connection.state == State::Closed) {
                _opening.pop_front();
                continue;
            }
            if (now - connection.openedAt < limit) return;
            _opening.pop_front();
            fail(connection, "timed out " + waitingFor(connection.state));
        }
    }

    static std::string waitingFor(State state) {
        switch (state) {
        case State::Connecting: return "connecting";
        case State::Upgrading: return "waiting for the answer to the WebSocket upgrade";
        case State::Opening: return "waiting for the Engine.IO open packet";
        case State::Joining: return "waiting for the answer to the Socket.IO CONNECT";
        default: return "";
        }
    }

    void sendHeartbeats(TimePoint now) {
        while (!_heartbeats.empty() && _heartbeats.front().first <= now) {
            const auto [due, index] = _heartbeats.front();
            _heartbeats.pop_front();
            auto& connection = _connections[index];
            if (connection.state != State::Ready) continue;
            sendText(connection, connection.peer->agent ? "42[\"agent:heartbeat\"]" : "42[\"widget:heartbeat\"]");
            ++_result.heartbeats;
            _heartbeats.emplace_back(due + secondsToDuration(_options.heartbeatS), index);
        }
    }

    /// This loop's share of --rate, in proportion to its visitors that are through CONNECT.
    void startSchedule() {
        for (std::size_t i = 0; i < _connections.size(); ++i)
            if (!_connections[i].peer->agent && _connections[i].state == State::Ready) _senders.push_back(i);
        const int everyone = _shared.visitorsEstablished.load();
        if (_options.rate <= 0 || _senders.empty() || everyone == 0) return;
        const double rate = _options.rate * static_cast<double>(_senders.size()) / everyone;
        _sendInterval = 1.0 / rate;
        _nextSend = _shared.loadStart;
        _sendCount = 0;
    }

    void sendMessages(TimePoint now) {
        if (_sendInterval <= 0) return;
        for (;;) {
            const auto due = _nextSend + secondsToDuration(_sendInterval * static_cast<double>(_sendCount));
            if (due >= _shared.measureTo) {
                _sendInterval = 0;
                return;
            }
            if (due > now) return;
            ++_sendCount;
            const bool measured = due >= _shared.measureFrom;
            if (measured) _result.maxSendLagMs = std::max(_result.maxSendLagMs, millisecondsBetween(due, now));
            Connection* sender = nullptr;
            for (std::size_t tries = 0; tries < _senders.size() && !sender; ++tries) {
                auto& candidate = _connections[_senders[_sendCursor++ % _senders.size()]];
                if (candidate.state == State::Ready) sender = &candidate;
            }
            if (!sender) return;
            sendMessage(*sender, SteadyClock::now(), measured);
        }
    }

    void sendMessage(Connection& connection, TimePoint now, bool measured) {
        const auto seq = connection.nextSeq++;
        const auto ackId = connection.nextAckId++;
        _shared.ledger.recordSend(messageKey(connection.peer->number, seq), now, measured);
        connection.acks.push_back(PendingAck{ackId, seq, now, measured});
        _shared.outstandingAcks.fetch_add(1, std::memory_order_relaxed);
        ++_result.sent;
        if (measured) ++_result.measuredSent;
        sendText(connection, "42" + std::to_string(ackId) + "[\"visitor:send_message\",{\"conversation_id\":" +
                                 jsonString(connection.peer->conversationId) + ",\"text\":" + _text +
                                 ",\"client_msg_id\":\"" + clientMsgId(connection.peer->number, seq) + "\"}]");
    }

    int waitMs(TimePoint now, Stage stage) const {
        // Stage changes are noticed within 10 ms; a due send, heartbeat or opening wakes the loop earlier.
        auto wake = now + std::chrono::milliseconds(10);
        if (_nextOpen < _connections.size())
            wake = std::min(wake, _shared.connectStart + secondsToDuration(
                                                             static_cast<double>(_connections[_nextOpen].peer->order) /
                                                             _options.connectRate));
        if (!_heartbeats.empty()) wake = std::min(wake, _heartbeats.front().first);
        if (stage == Stage::Loading && _sendInterval > 0)
            wake = std::min(wake, _nextSend + secondsToDuration(_sendInterval * static_cast<double>(_sendCount)));
        if (wake <= now) return 0;
        return static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(wake - now).count());
    }

    void onReadable(Connection& connection, TimePoint now) {
        _reading = &connection;
        for (;;) {
            const auto n = ::recv(connection.fd, _buffer.data(), _buffer.size(), 0);
            if (n > 0) {
                connection.in.append(_buffer.data(), static_cast<std::size_t>(n));
                if (static_cast<std::size_t>(n) < _buffer.size()) break;
                continue;
            }
            if (n == 0) {
                fail(connection,
                     "closed by the server" +
                         (connection.state == State::Ready ? std::string() : " " + waitingFor(connection.state)));
                break;
            }
            if (errno == EINTR) continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) fail(connection, errnoText("recv", errno));
            break;
        }
        if (connection.state != State::Closed && !connection.in.empty()) {
            connection.lastHeard = now;
            if (connection.state != State::Upgrading || readUpgrade(connection)) readFrames(connection, now);
        }
        _reading = nullptr;
        if (connection.state == State::Closed || connection.in.empty()) std::string().swap(connection.in);
    }

    /// Checks the answer to the upgrade once its headers are complete; true when frames may follow.
    bool readUpgrade(Connection& connection) {
        const auto end = connection.in.find("\r\n\r\n");
        if (end == std::string::npos) {
            if (connection.in.size() > 16 * 1024) fail(connection, "upgrade refused: answer headers over 16 KiB");
            return false;
        }
        std::string_view head(connection.in.data(), end);
        const auto lineEnd = head.find("\r\n");
        const auto statusLine = head.substr(0, lineEnd);
        if (statusLine.substr(0, 13) != "HTTP/1.1 101 " && statusLine != "HTTP/1.1 101") {
            const auto body = std::string_view(connection.in).substr(end + 4);
            fail(connection,
                 "upgrade refused: " + excerpt(statusLine) + (body.empty() ? "" : " " + excerpt(body, 120)));
            return false;
        }
        bool upgrade = false;
        bool accepted = false;
        for (auto at = lineEnd; at != std::string_view::npos && at < head.size();) {
            const auto start = at + 2;
            const auto next = head.find("\r\n", start);
            const auto line =
                head.substr(start, next == std::string_view::npos ? std::string_view::npos : next - start);
            at = next;
            const auto colon = line.find(':');
            if (colon == std::string_view::npos) continue;
            auto value = line.substr(colon + 1);
            while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
            while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
            const auto name = line.substr(0, colon);
            if (equalsIgnoringCase(name, "upgrade")) upgrade = equalsIgnoringCase(value, "websocket");
            if (equalsIgnoringCase(name, "sec-websocket-accept")) accepted = value == connection.accept;
        }
        if (!upgrade || !accepted) {
            fail(connection,
                 upgrade ? "upgrade refused: wrong Sec-WebSocket-Accept" : "upgrade refused: no Upgrade: websocket");
            return false;
        }
        connection.in.erase(0, end + 4);
        std::string().swap(connection.accept);
        connection.state = State::Opening;
        return true;
    }

    /// Decodes the server's frames (RFC 6455 §5.2): unmasked, possibly fragmented, control frames in between.
    void readFrames(Connection& connection, TimePoint now) {
        std::size_t at = 0;
        const auto& in = connection.in;
        while (connection.state != State::Closed) {
            const auto* bytes = reinterpret_cast<const unsigned char*>(in.data()) + at;
            const auto available = in.size() - at;
            if (available < 2) break;
            const bool final = bytes[0] & 0x80;
            const std::uint8_t opcode = bytes[0] & 0x0F;
            std::size_t header = 2;
            std::uint64_t length = bytes[1] & 0x7F;
            if (bytes[0] & 0x70) return fail(connection, "protocol: reserved bits set in a frame");
            if (bytes[1] & 0x80) return fail(connection, "protocol: the server masked a frame");
            if (length == 126) {
                if (available < 4) break;
                length = std::uint64_t{bytes[2]} << 8 | bytes[3];
                header = 4;
            } else if (length == 127) {
                if (available < 10) break;
                length = 0;
                for (int i = 2; i < 10; ++i) length = length << 8 | bytes[i];
                header = 10;
            }
            if (length > kMaxMessageBytes) return fail(connection, "protocol: frame over 16 MiB");
            if (available < header + length) break;
            const std::string_view payload(in.data() + at + header, static_cast<std::size_t>(length));
            at += header + static_cast<std::size_t>(length);
            if (opcode >= 0x8 && (!final || length > 125))
                return fail(connection, "protocol: fragmented or long control frame");
            switch (opcode) {
            case 0x0:
                if (connection.fragmentOpcode == 0) return fail(connection, "protocol: continuation without a message");
                connection.fragments.append(payload);
                if (connection.fragments.size() > kMaxMessageBytes)
                    return fail(connection, "protocol: message over 16 MiB");
                if (final) {
                    const auto whole = std::move(connection.fragments);
                    connection.fragments.clear();
                    const auto type = connection.fragmentOpcode;
                    connection.fragmentOpcode = 0;
                    if (type == 0x1) onPacket(connection, whole, now);
                }
                break;
            case 0x1:
            case 0x2:
                if (connection.fragmentOpcode != 0)
                    return fail(connection, "protocol: new message inside a fragmented one");
                if (!final) {
                    connection.fragmentOpcode = opcode;
                    connection.fragments.assign(payload);
                } else if (opcode == 0x1) {
                    onPacket(connection, payload, now);
                }
                break;
            case 0x8: return onClose(connection, payload);
            case 0x9: sendFrame(connection, 0xA, payload); break;
            case 0xA: break;
            default: return fail(connection, "protocol: unknown opcode " + std::to_string(opcode));
            }
        }
        if (connection.state != State::Closed) connection.in.erase(0, at);
    }

    void onClose(Connection& connection, std::string_view payload) {
        std::string reason = "closed by the server with WebSocket close";
        if (payload.size() >= 2) {
            const int code = static_cast<unsigned char>(payload[0]) << 8 | static_cast<unsigned char>(payload[1]);
            reason += " " + std::to_string(code);
            if (payload.size() > 2) reason += " " + excerpt(payload.substr(2), 80);
        }
        if (connection.state != State::Ready) reason += " " + waitingFor(connection.state);
        sendFrame(connection, 0x8, payload.substr(0, 2));
        fail(connection, reason);
    }

    /// One Engine.IO packet; Socket.IO packets ride in Engine.IO messages ("4"), so "42" is an event.
    void onPacket(Connection& connection, std::string_view packet, TimePoint now) {
        if (packet.empty()) return;
        switch (connection.state) {
        case State::Opening:
            if (packet[0] != '0')
                return fail(connection, "protocol: expected the Engine.IO open packet, got " + excerpt(packet, 60));
            readTimings(packet);
            connection.state = State::Joining;
            sendText(connection, connection.peer->connectPacket);
            return;
        case State::Joining:
            if (packet[0] == '2') return sendText(connection, "3" + std::string(packet.substr(1)));
            if (packet.substr(0, 2) == "40") return becomeReady(connection, now);
            if (packet.substr(0, 2) == "44") return fail(connection, "CONNECT refused: " + excerpt(packet.substr(2)));
            return fail(connection, "protocol: unexpected answer to the Socket.IO CONNECT: " + excerpt(packet, 60));
        case State::Ready: break;
        default: return;
        }
        switch (packet[0]) {
        case '2': return sendText(connection, "3" + std::string(packet.substr(1)));
        case '1': return fail(connection, "closed by the server (Engine.IO close)");
        case '4': break;
        default: return;
        }
        if (packet.size() < 2) return;
        switch (packet[1]) {
        case '2':
            if (connection.peer->agent && packet.substr(2).starts_with("[\"message:new\"")) onDelivery(packet, now);
            return;
        case '3':
            if (!connection.peer->agent) onAck(connection, packet, now);
            return;
        case '1': return fail(connection, "disconnected by the server (Socket.IO DISCONNECT)");
        case '4': return fail(connection, "Socket.IO error after CONNECT: " + excerpt(packet.substr(2)));
        default: return;
        }
    }

    /// Remembers the server's ping timing, which decides when a connection that hears nothing counts as lost.
    void readTimings(std::string_view open) {
        auto number = [&](std::string_view name) -> std::int64_t {
            const auto at = open.find(name);
            if (at == std::string_view::npos) return 0;
            std::int64_t value = 0;
            const auto start = open.data() + at + name.size();
            std::from_chars(start, open.data() + open.size(), value);
            return value;
        };
        const auto interval = number("\"pingInterval\":");
        const auto timeout = number("\"pingTimeout\":");
        if (interval > 0 && timeout > 0) _silenceLimitMs = std::max(_silenceLimitMs, interval + timeout);
    }

    void becomeReady(Connection& connection, TimePoint now) {
        connection.state = State::Ready;
        _shared.established.fetch_add(1);
        if (!connection.peer->agent) _shared.visitorsEstablished.fetch_add(1);
        if (_options.heartbeatS > 0)
            _heartbeats.emplace_back(now + secondsToDuration(_options.heartbeatS),
                                     static_cast<std::size_t>(&connection - _connections.data()));
    }

    void onAck(Connection& connection, std::string_view packet, TimePoint now) {
        std::uint32_t ackId = 0;
        const auto [end, error] = std::from_chars(packet.data() + 2, packet.data() + packet.size(), ackId);
        auto pending = std::find_if(connection.acks.begin(), connection.acks.end(),
                                    [&](const PendingAck& ack) { return ack.ackId == ackId; });
        if (error != std::errc() || pending == connection.acks.end()) {
            _shared.errors.add("ack for no message sent: " + excerpt(packet, 60));
            return;
        }
        const auto body = packet.substr(static_cast<std::size_t>(end - packet.data()));
        if (body.find("\"code\":\"busy\"") != std::string_view::npos) {
            // Refused at once because the hub is past its capacity: not stored, so never delivered.
            ++_result.busy;
            _shared.ledger.forget(messageKey(connection.peer->number, pending->seq));
        } else if (const auto expected = "\"" + clientMsgId(connection.peer->number, pending->seq) + "\"";
                   body.find(expected) == std::string_view::npos) {
            _shared.errors.add("ack without the message's client_msg_id: " + excerpt(body, 120));
        } else {
            ++_result.acked;
            if (pending->measured) _result.ackMs.push_back(millisecondsBetween(pending->sentAt, now));
        }
        connection.acks.erase(pending);
        _shared.outstandingAcks.fetch_sub(1, std::memory_order_relaxed);
    }

    void onDelivery(std::string_view packet, TimePoint now) {
        const auto id = findClientMsgId(packet);
        const auto key = id ? parseClientMsgId(*id) : std::nullopt;
        if (!key) return;
        const auto receipt = _shared.ledger.recordDelivery(*key, now);
        if (!receipt.known) {
            ++_result.unexpectedDeliveries;
            return;
        }
        if (receipt.measured) {
            ++_result.measuredDeliveries;
            _result.deliveryMs.push_back(receipt.latencyMs);
        }
    }

    void sendText(Connection& connection, std::string_view text) { sendFrame(connection, 0x1, text); }

    /// A final frame, masked as RFC 6455 §5.3 requires of clients.
    void sendFrame(Connection& connection, std::uint8_t opcode, std::string_view payload) {
        _frame.clear();
        _frame += static_cast<char>(0x80 | opcode);
        if (payload.size() < 126) {
            _frame += static_cast<char>(0x80 | payload.size());
        } else if (payload.size() <= 0xFFFF) {
            _frame += static_cast<char>(0x80 | 126);
            _frame += static_cast<char>(payload.size() >> 8);
            _frame += static_cast<char>(payload.size() & 0xFF);
        } else {
            _frame += static_cast<char>(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) _frame += static_cast<char>(payload.size() >> shift & 0xFF);
        }
        const auto maskBits = nextRandom();
        char mask[4];
        std::memcpy(mask, &maskBits, 4);
        _frame.append(mask, 4);
        const auto start = _frame.size();
        _frame.append(payload);
        for (std::size_t i = 0; i < payload.size(); ++i) _frame[start + i] ^= mask[i & 3];
        write(connection, _frame);
    }

    void write(Connection& connection, std::string_view bytes) {
        if (connection.state == State::Closed) return;
        if (!connection.out.empty()) {
            connection.out.append(bytes);
            return;
        }
        const auto n = ::send(connection.fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            return fail(connection, errnoText("send", errno));
        const auto written = n < 0 ? 0 : static_cast<std::size_t>(n);
        if (written == bytes.size()) return;
        connection.out.assign(bytes.substr(written));
        watchWrites(connection, true);
    }

    void flush(Connection& connection) {
        while (!connection.out.empty()) {
            const auto n = ::send(connection.fd, connection.out.data(), connection.out.size(), MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EINTR) continue;
                if (errno == EAGAIN || errno == EWOULDBLOCK) return;
                return fail(connection, errnoText("send", errno));
            }
            connection.out.erase(0, static_cast<std::size_t>(n));
        }
        std::string().swap(connection.out);
        watchWrites(connection, false);
    }

    void watchWrites(Connection& connection, bool on) {
        if (connection.watchingWrites == on) return;
        epoll_event event{};
        event.events = EPOLLIN | (on ? EPOLLOUT : 0u);
        event.data.u32 = static_cast<std::uint32_t>(&connection - _connections.data());
        if (epoll_ctl(_epoll, EPOLL_CTL_MOD, connection.fd, &event) != 0)
            return fail(connection, errnoText("epoll_ctl", errno));
        connection.watchingWrites = on;
    }

    void fail(Connection& connection, const std::string& reason) {
        if (connection.state == State::Closed) return;
        const bool wasReady = connection.state == State::Ready;
        if (connection.fd >= 0) ::close(connection.fd);
        connection.fd = -1;
        connection.state = State::Closed;
        if (wasReady) _shared.drops.add(reason);
        else _shared.refusals.add(reason);
        loseAcks(connection);
        std::string().swap(connection.out);
        std::string().swap(connection.fragments);
        std::string().swap(connection.accept);
        // The input may still be being parsed; onReadable releases it afterwards.
        if (_reading != &connection) std::string().swap(connection.in);
    }

    void loseAcks(Connection& connection) {
        _result.lostAcks += static_cast<std::int64_t>(connection.acks.size());
        _shared.outstandingAcks.fetch_sub(static_cast<std::int64_t>(connection.acks.size()), std::memory_order_relaxed);
        std::vector<PendingAck>().swap(connection.acks);
    }

    /// Counts what is held at the end, then closes every socket.
    void finish(TimePoint now) {
        for (auto& connection : _connections) {
            if (connection.state == State::Ready) {
                if (millisecondsBetween(connection.lastHeard, now) <= static_cast<double>(_silenceLimitMs))
                    ++_result.held;
                else ++_result.silent;
                loseAcks(connection);
            }
            if (connection.fd >= 0) ::close(connection.fd);
            connection.fd = -1;
        }
    }

    std::uint64_t nextRandom() {
        _random ^= _random << 13;
        _random ^= _random >> 7;
        _random ^= _random << 17;
        return _random;
    }

    Shared& _shared;
    const Options& _options;
    const std::string _text;
    std::uint64_t _random;
    int _epoll = -1;
    std::vector<Connection> _connections;
    std::vector<char> _buffer;
    std::string _frame;
    Connection* _reading = nullptr;
    std::size_t _nextOpen = 0;
    std::deque<std::size_t> _opening;
    /// Sockets in the order their heartbeats fall due: each is due one interval after the last, so the queue
    /// stays sorted by appending.
    std::deque<std::pair<TimePoint, std::size_t>> _heartbeats;
    std::vector<std::size_t> _senders;
    std::size_t _sendCursor = 0;
    TimePoint _nextSend;
    double _sendInterval = 0;
    std::int64_t _sendCount = 0;
    /// Engine.IO pingInterval + pingTimeout from the open packets; the defaults until one arrives.
    std::int64_t _silenceLimitMs = 45'000;
    LoopResult _result;
};

/// The loops running one set of peers, and the main thread's view of them.
class LoadRun {
public:
    LoadRun(Shared& shared, const std::vector<Peer>& peers) : _shared(shared), _total(static_cast<int>(peers.size())) {
        const auto threads = static_cast<std::size_t>(shared.options.threads);
        std::vector<std::vector<const Peer*>> shares(threads);
        for (const auto& peer : peers) shares[peer.order % threads].push_back(&peer);
        for (auto& share : shares) _loops.push_back(std::make_unique<EventLoop>(shared, std::move(share)));
    }

    ~LoadRun() { stop(); }

    void start() {
        _shared.connectStart = SteadyClock::now();
        for (auto& loop : _loops) _threads.emplace_back([&loop, this] {
            try {
                loop->run();
            } catch (const std::exception& error) {
                std::cerr << "switchboard_socket_load: " << error.what() << "\n";
                std::_Exit(1);
            }
        });
    }

    /// Waits until every connection is through CONNECT or has failed; gives up early when the first twenty
    /// all failed (the hub is refusing them) or nothing changed for longer than --connect-timeout. Returns
    /// whether every connection got through.
    bool waitUntilSettled(bool reportProgress) {
        const auto patience = secondsToDuration(_shared.options.connectTimeoutS + 5);
        auto lastChange = SteadyClock::now();
        auto lastReport = lastChange;
        std::int64_t lastSettled = -1;
        for (;;) {
            const auto established = _shared.established.load();
            const auto refused = _shared.refusals.total();
            const auto settled = established + refused;
            const auto now = SteadyClock::now();
            if (settled == _total) return refused == 0;
            if (established == 0 && refused >= std::min<std::int64_t>(_total, 20)) return false;
            if (settled != lastSettled) {
                lastSettled = settled;
                lastChange = now;
            } else if (now - lastChange > patience) {
                return false;
            }
            if (reportProgress && now - lastReport >= std::chrono::seconds(5)) {
                lastReport = now;
                std::printf("connecting   %d through CONNECT, %lld failed, of %d\n", established,
                            static_cast<long long>(refused), _total);
                std::fflush(stdout);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }

    void stop() {
        _shared.stage.store(Stage::Stopping, std::memory_order_release);
        for (auto& thread : _threads) thread.join();
        _threads.clear();
    }

    std::vector<LoopResult> results() {
        std::vector<LoopResult> results;
        for (auto& loop : _loops) results.push_back(std::move(loop->result()));
        return results;
    }

private:
    Shared& _shared;
    int _total;
    std::vector<std::unique_ptr<EventLoop>> _loops;
    std::vector<std::thread> _threads;
};

sockaddr_in resolve(const std::string& host, int port) {
    addrinfo hints{};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (const int error = getaddrinfo(host.c_str(), nullptr, &hints, &found); error != 0)
        throw std::runtime_error("cannot resolve " + host + ": " + gai_strerror(error));
    sockaddr_in address = *reinterpret_cast<const sockaddr_in*>(found->ai_addr);
    freeaddrinfo(found);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    return address;
}

/// Raises the soft limit on open files to what the connections need, up to the hard limit.
void raiseFileLimit(int connections) {
    const auto needed = static_cast<rlim_t>(connections) + 256;
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur >= needed) return;
    limit.rlim_cur = std::min(needed, limit.rlim_max);
    setrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < needed)
        throw std::runtime_error("the open-file limit is " + std::to_string(limit.rlim_max) + ", " +
                                 std::to_string(needed) +
                                 " are needed; raise it with ulimit -n (bench/socket-run does)");
}

std::optional<double> hubRssKib(int pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6));
    return std::nullopt;
}

/// User plus system CPU seconds: fields 14 and 15 of /proc/PID/stat, counted after the ")" that ends the name.
std::optional<double> hubCpuSeconds(int pid) {
    std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return std::nullopt;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i)
        if (i >= 14) ticks += std::stod(field);
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double ownCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

std::string agentConnectPacket(const std::string& token) { return "40{\"token\":" + jsonString(token) + "}"; }

Peer visitorPeer(std::uint32_t number, const VisitorCredentials& credentials) {
    Peer peer;
    peer.number = number;
    peer.conversationId = credentials.conversationId;
    peer.connectPacket = "40{\"visitor_token\":" + jsonString(credentials.token) +
                         ",\"conversation_id\":" + jsonString(credentials.conversationId) + "}";
    return peer;
}

/// Logins or conversations made `count` at a time over --setup-connections parallel REST connections;
/// `make(client, i)` makes peer i. Throws, after printing why, when any of them failed.
template <typename Make>
std::vector<Peer> makePeers(const Options& options, int count, const char* what, Make make) {
    std::vector<Peer> peers(static_cast<std::size_t>(count));
    FailureTally failures;
    onThreads(std::max(1, std::min(options.setupConnections, count)), [&](int thread) {
        const int threads = std::max(1, std::min(options.setupConnections, count));
        HubClient client(options.host, static_cast<Poco::UInt16>(options.port));
        for (int i = thread; i < count; i += threads) {
            try {
                peers[static_cast<std::size_t>(i)] = make(client, i);
            } catch (const std::exception& error) {
                failures.add(what + (": " + describe(error)));
            }
        }
    });
    if (failures.total() > 0) {
        failures.print("setup failed");
        throw std::runtime_error(std::to_string(failures.total()) + " " + what + "(s) failed");
    }
    return peers;
}

/// Takes one connection through the whole handshake before the rest are set up, so that a hub refusing the
/// upgrade or the CONNECT fails the run at once rather than after thousands of conversations were created.
bool probe(const Options& options, const sockaddr_in& target, Peer peer) {
    Options single = options;
    single.threads = 1;
    single.rate = 0;
    Shared shared(single);
    shared.target = target;
    peer.order = 0;
    const std::vector<Peer> peers{std::move(peer)};
    LoadRun run(shared, peers);
    run.start();
    const bool through = run.waitUntilSettled(false);
    run.stop();
    if (through) return true;
    std::printf("error        the hub did not take %s connection through the handshakes; nothing else was tried\n",
                peers.front().agent ? "an agent" : "a visitor");
    shared.refusals.print("probe failed");
    return false;
}

struct Merged {
    std::vector<double> ackMs;
    std::vector<double> deliveryMs;
    LoopResult totals;
};

Merged merge(std::vector<LoopResult> results) {
    Merged merged;
    auto& totals = merged.totals;
    for (auto& result : results) {
        merged.ackMs.insert(merged.ackMs.end(), result.ackMs.begin(), result.ackMs.end());
        merged.deliveryMs.insert(merged.deliveryMs.end(), result.deliveryMs.begin(), result.deliveryMs.end());
        totals.sent += result.sent;
        totals.measuredSent += result.measuredSent;
        totals.acked += result.acked;
        totals.busy += result.busy;
        totals.measuredDeliveries += result.measuredDeliveries;
        totals.unexpectedDeliveries += result.unexpectedDeliveries;
        totals.heartbeats += result.heartbeats;
        totals.lostAcks += result.lostAcks;
        totals.maxSendLagMs = std::max(totals.maxSendLagMs, result.maxSendLagMs);
        totals.held += result.held;
        totals.silent += result.silent;
    }
    std::sort(merged.ackMs.begin(), merged.ackMs.end());
    std::sort(merged.deliveryMs.begin(), merged.deliveryMs.end());
    return merged;
}

std::string latencyLine(const std::vector<double>& sorted) {
    char line[160];
    std::snprintf(line, sizeof line, "p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (%zu samples)", percentile(sorted, 0.5),
                  percentile(sorted, 0.99), percentile(sorted, 0.999), sorted.empty() ? 0.0 : sorted.back(),
                  sorted.size());
    return line;
}

std::string latencyFields(const char* prefix, const std::vector<double>& sorted) {
    char fields[200];
    std::snprintf(fields, sizeof fields, "%sp50_ms=%.2f %sp99_ms=%.2f %sp999_ms=%.2f %smax_ms=%.2f", prefix,
                  percentile(sorted, 0.5), prefix, percentile(sorted, 0.99), prefix, percentile(sorted, 0.999), prefix,
                  sorted.empty() ? 0.0 : sorted.back());
    return fields;
}

std::string orNa(std::optional<double> value, const char* format) {
    if (!value) return "na";
    char text[32];
    std::snprintf(text, sizeof text, format, *value);
    return text;
}

int run(const Options& options) {
    const int total = options.agents + options.visitors;
    raiseFileLimit(total);
    const auto target = resolve(options.host, options.port);
    std::printf("target       %s:%d%s  widget=%s  visitors=%d  agents=%d  rate=%g/s  warmup=%gs  duration=%gs  "
                "heartbeat=%gs  connect-rate=%g/s  threads=%d  source-addresses=%zu\n",
                options.host.c_str(), options.port, options.path.c_str(), options.widget.c_str(), options.visitors,
                options.agents, options.rate, options.warmupS, options.durationS, options.heartbeatS,
                options.connectRate, options.threads, options.sourceAddresses.size());

    const auto settingUp = SteadyClock::now();
    auto peers = makePeers(options, options.agents, "login", [&](HubClient& client, int i) {
        Peer peer;
        peer.agent = true;
        peer.number = static_cast<std::uint32_t>(i);
        peer.connectPacket = agentConnectPacket(client.login(options.agentEmail, options.agentPassword));
        return peer;
    });
    auto probePeer = options.visitors == 0 ? peers : makePeers(options, 1, "widget init", [&](HubClient& client, int) {
        // A number no visitor of the run has, so that its ids cannot be mistaken for theirs.
        return visitorPeer(static_cast<std::uint32_t>(options.visitors),
                           client.startVisitor(options.widget, options.visitors));
    });
    if (!probe(options, target, probePeer.front())) return 1;
    auto visitors = makePeers(options, options.visitors, "widget init", [&](HubClient& client, int i) {
        return visitorPeer(static_cast<std::uint32_t>(i), client.startVisitor(options.widget, i));
    });
    peers.insert(peers.end(), std::make_move_iterator(visitors.begin()), std::make_move_iterator(visitors.end()));
    for (std::size_t i = 0; i < peers.size(); ++i) peers[i].order = i;
    std::printf("setup        %d agent login(s) and %d conversation(s) in %.1f s; a probe connection got through\n",
                options.agents, options.visitors,
                std::chrono::duration<double>(SteadyClock::now() - settingUp).count());
    std::fflush(stdout);

    const auto rssBefore = options.hubPid ? hubRssKib(options.hubPid) : std::nullopt;
    Shared shared(options);
    shared.target = target;
    LoadRun load(shared, peers);
    load.start();
    load.waitUntilSettled(true);
    const int established = shared.established.load();
    const int visitorsThrough = shared.visitorsEstablished.load();
    const int agentsThrough = established - visitorsThrough;
    std::printf("connections  %d of %d through CONNECT (%d agent(s), %d visitor(s)) in %.1f s\n", established, total,
                agentsThrough, visitorsThrough,
                std::chrono::duration<double>(SteadyClock::now() - shared.connectStart).count());
    shared.refusals.print("refused");
    if (established == 0) {
        load.stop();
        std::printf("error: no connection got through\n");
        return 1;
    }

    shared.ledger.expectDeliveries(agentsThrough == 0 ? 0 : options.everyAgentDelivers ? agentsThrough : 1);
    shared.loadStart = SteadyClock::now() + std::chrono::milliseconds(20);
    shared.measureFrom = shared.loadStart + secondsToDuration(options.warmupS);
    shared.measureTo = shared.measureFrom + secondsToDuration(options.durationS);
    shared.stage.store(Stage::Loading, std::memory_order_release);

    std::this_thread::sleep_until(shared.measureFrom);
    const auto hubCpuBefore = options.hubPid ? hubCpuSeconds(options.hubPid) : std::nullopt;
    const auto ownCpuBefore = ownCpuSeconds();
    std::this_thread::sleep_until(shared.measureTo);
    const auto hubCpuAfter = options.hubPid ? hubCpuSeconds(options.hubPid) : std::nullopt;
    const auto ownCpu = ownCpuSeconds() - ownCpuBefore;
    const auto rssAfter = options.hubPid ? hubRssKib(options.hubPid) : std::nullopt;
    const auto heldWhenMeasured = established - shared.drops.total();

    shared.stage.store(Stage::Draining, std::memory_order_release);
    const auto drainUntil = SteadyClock::now() + secondsToDuration(options.drainS);
    while ((shared.ledger.outstanding() > 0 || shared.outstandingAcks.load() > 0) && SteadyClock::now() < drainUntil)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    load.stop();
    const auto merged = merge(load.results());
    const auto& totals = merged.totals;
    const auto missing = shared.ledger.missingDeliveries();
    const auto undelivered = static_cast<std::int64_t>(shared.ledger.outstanding());
    const auto duplicates = options.everyAgentDelivers ? totals.unexpectedDeliveries : 0;

    std::optional<double> hubCpu;
    if (hubCpuBefore && hubCpuAfter) hubCpu = *hubCpuAfter - *hubCpuBefore;
    std::optional<double> perConnection;
    if (rssBefore && rssAfter && heldWhenMeasured > 0)
        perConnection = (*rssAfter - *rssBefore) / static_cast<double>(heldWhenMeasured);
    if (rssBefore && rssAfter)
        std::printf(
            "hub RSS      %.1f MiB before connecting, %.1f MiB with %lld connections: %.2f KiB per connection\n",
            *rssBefore / 1024, *rssAfter / 1024, static_cast<long long>(heldWhenMeasured), perConnection.value_or(0));
    else
        std::printf("hub RSS      not measured (%s)\n",
                    options.hubPid ? "cannot read /proc/PID/status" : "no --hub-pid");
    if (hubCpu)
        std::printf("hub CPU      %.2f s in the %g s measured (%.0f%% of one core)\n", *hubCpu, options.durationS,
                    100 * *hubCpu / options.durationS);
    std::printf("generator    CPU %.2f s in the %g s measured (%.0f%% of one core)", ownCpu, options.durationS,
                100 * ownCpu / options.durationS);
    if (options.rate > 0) std::printf("; sent up to %.1f ms behind schedule", totals.maxSendLagMs);
    std::printf("\n");

    const double sentPerS = static_cast<double>(totals.measuredSent) / options.durationS;
    const double receivedPerS = static_cast<double>(totals.measuredDeliveries) / options.durationS;
    if (options.rate > 0) {
        std::printf("messages/s   %.0f sent (%g asked), %.0f acked, %.0f deliveries to agents\n", sentPerS,
                    options.rate, static_cast<double>(merged.ackMs.size()) / options.durationS, receivedPerS);
        if (totals.busy > 0)
            std::printf("busy         %lld message(s) refused at once (%.1f%% of those sent)\n",
                        static_cast<long long>(totals.busy),
                        100.0 * static_cast<double>(totals.busy) /
                            static_cast<double>(std::max<std::int64_t>(1, totals.sent)));
        std::printf("ack ms       %s\n", latencyLine(merged.ackMs).c_str());
        if (agentsThrough > 0)
            std::printf("delivery ms  %s  visitor send to agent receipt\n", latencyLine(merged.deliveryMs).c_str());
    } else {
        std::printf("messages     none (--rate 0)\n");
    }
    std::printf("heartbeats   %lld sent\n", static_cast<long long>(totals.heartbeats));
    std::printf("held         %d of %d at the end", totals.held, total);
    if (totals.silent > 0) std::printf(" (%d more open but silent past the ping timeout)", totals.silent);
    std::printf("\n");
    shared.drops.print("dropped");
    shared.errors.print("bad answers");
    if (missing > 0 || totals.lostAcks > 0 || duplicates > 0)
        std::printf("lost         %lld delivery(ies) of %lld message(s) never arrived, %lld ack(s) never came, "
                    "%lld duplicate delivery(ies)\n",
                    static_cast<long long>(missing), static_cast<long long>(undelivered),
                    static_cast<long long>(totals.lostAcks), static_cast<long long>(duplicates));

    const auto failures = shared.refusals.total() + shared.drops.total() + shared.errors.total() + missing +
                          totals.lostAcks + duplicates + totals.silent;
    const bool measuredSomething =
        options.rate <= 0 || (!merged.ackMs.empty() && (agentsThrough == 0 || !merged.deliveryMs.empty()));
    std::printf(
        "RESULT connections=%d held=%d refused=%lld dropped=%lld rss_before_kib=%s rss_after_kib=%s "
        "rss_per_conn_kib=%s hub_cpu_s=%s sent_per_s=%.0f delivered_per_s=%.0f busy=%lld %s %s missing=%lld "
        "errors=%lld\n",
        total, totals.held, static_cast<long long>(shared.refusals.total()),
        static_cast<long long>(shared.drops.total()), orNa(rssBefore, "%.0f").c_str(), orNa(rssAfter, "%.0f").c_str(),
        orNa(perConnection, "%.2f").c_str(), orNa(hubCpu, "%.2f").c_str(), sentPerS, receivedPerS,
        static_cast<long long>(totals.busy), latencyFields("ack_", merged.ackMs).c_str(),
        latencyFields("", merged.deliveryMs).c_str(),
        static_cast<long long>(missing), static_cast<long long>(failures));
    return failures == 0 && totals.held == total && measuredSomething ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    try {
        options = parseOptions(argc, argv);
    } catch (const std::invalid_argument& error) {
        std::cerr << "switchboard_socket_load: " << error.what() << "\n" << kUsage;
        return 2;
    }
    try {
        return run(options);
    } catch (const std::exception& error) {
        std::cerr << "switchboard_socket_load: " << describe(error) << "\n";
    }
    return 1;
}
