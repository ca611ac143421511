#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace switchboard::core::config {

/// Settings of one channel instance (hub.yaml `channels.<name>`); the plugin validates `settings` itself.
struct ChannelInstanceConfig {
    std::string name;
    std::string plugin;
    /// Flat key → value view of the instance's settings with `${ENV}` already resolved.
    std::map<std::string, std::string> settings;
};

struct ServerConfig {
    std::string listen = "0.0.0.0";
    int port = 8080;
    /// Base URL the hub prints and embeds in links; derived from listen/port when empty.
    std::string publicUrl;
    /// Threads running HTTP request handlers (the event loops read and write the requests themselves).
    int threads = 16;
    /// Complete requests waiting for a handler thread; past it the hub answers 503 at once.
    int maxQueued = 256;
    /// The wait that requests may keep up under overload before new ones are answered 503 (WorkerPool).
    int maxQueueWaitMs = 250;
    std::size_t maxBodyBytes = 64 * 1024;
    /// A request's line and header fields together; past it 431 (414 for the line alone).
    std::size_t maxHeaderBytes = 16 * 1024;
    /// Time a client has to send a request's line and header fields, from its first byte (or from connecting).
    int headerTimeoutMs = 10'000;
    /// A body may take body_timeout_ms plus its length at body_min_bytes_per_s; a slower one gets 408.
    int bodyTimeoutMs = 10'000;
    std::size_t bodyMinBytesPerS = 1024;
    /// A kept-alive connection with no new request for this long is closed.
    int keepAliveIdleMs = 15'000;
    /// Open client connections (HTTP and WebSocket), in all and from one client address; past them a new
    /// connection is answered 503 and closed.
    std::size_t maxConnections = 50'000;
    std::size_t maxConnectionsPerIp = 512;
    std::size_t maxMessageChars = 4000;
    /// Peers whose X-Forwarded-For header is trusted to name the client address.
    std::vector<std::string> trustedProxies;
    /// Folder of static files (widget, portal, demo page).
    std::string webRoot = "web";
};

struct DatabaseConfig {
    /// `sqlite:PATH` or `postgresql://user:pass@host:port/db`.
    std::string url = "sqlite:var/switchboard.db";
    int poolSize = 8;
    int poolWaitMs = 2000;
};

struct AuthConfig {
    int sessionTtlHours = 24 * 14;
    bool cookieSecure = false;
    int loginPerIpPerMinute = 10;
    int loginPerAccountPerHour = 20;
};

struct PublicRateLimits {
    /// Requests to any public widget endpoint per client IP per minute.
    int requestsPerIpPerMinute = 600;
};

struct LogConfig {
    std::string level = "information";
    /// `text` or `json`.
    std::string format = "text";
};

struct PresenceConfig {
    int heartbeatS = 30;
    int visitorTimeoutS = 60;
    int agentStaleS = 300;
    /// How long a visitor whose last socket closed stays online waiting for one to come back; 0 = offline at once.
    int disconnectGraceS = 5;
};

/// The real-time endpoint (hub.yaml `realtime:`).
struct RealtimeConfig {
    /// Event-loop threads; 0 means one per CPU core.
    std::size_t loops = 0;
    /// Threads that run socket requests touching the database, off the loops.
    std::size_t workers = 4;
    /// Engine.IO timing announced in the open packet: the hub pings every interval and drops a client that
    /// has not answered within the timeout.
    int pingIntervalMs = 25'000;
    int pingTimeoutMs = 20'000;
    /// A socket that has not completed its Socket.IO CONNECT by then is closed.
    int connectTimeoutMs = 10'000;
    /// Largest WebSocket message accepted (Engine.IO `maxPayload`); larger is closed with 1009.
    std::size_t maxMessageBytes = 64 * 1024;
    /// Bytes waiting to be sent to one socket before it is dropped as too slow to keep up.
    std::size_t maxQueuedBytes = 1024 * 1024;
    /// Socket requests waiting for a worker before new ones are refused with a `busy` error.
    std::size_t maxPendingTasks = 10'000;
    /// The wait that socket requests may keep up under overload before new ones are refused `busy` (WorkerPool).
    int maxQueueWaitMs = 10;
};

struct DeliveryConfig {
    std::vector<int> backoffS = {10, 60, 300, 1800, 7200};
    /// Channel calls in flight at once, in all.
    int concurrency = 32;
    /// Channel calls in flight at once to one destination (a receiver's host, or a channel instance).
    int perDestination = 4;
    /// Longest a channel call may take before its attempt counts as failed.
    int attemptTimeoutS = 30;
    /// How long a claimed delivery is held by its worker; longer than attempt_timeout_s.
    int leaseS = 90;
};

struct OutboundConfig {
    /// Hosts or IP addresses that outgoing requests may reach even though they are not public.
    std::vector<std::string> allowedHosts;
    int connectTimeoutMs = 5000;
    int totalTimeoutMs = 15000;
    std::size_t maxResponseBytes = 64 * 1024;
};

struct HubConfig {
    /// Absolute path of the file this was loaded from; relative paths below resolve against its folder.
    std::string sourceFile;
    ServerConfig server;
    DatabaseConfig database;
    AuthConfig auth;
    PublicRateLimits rateLimits;
    LogConfig log;
    PresenceConfig presence;
    RealtimeConfig realtime;
    DeliveryConfig delivery;
    OutboundConfig outbound;
    /// Folder holding one `<widget_id>.yaml` per widget (absolute after loading).
    std::string widgetsDir = "widgets";
    /// Folder the plugin host loads channel libraries from (absolute after loading).
    std::string pluginDir = "plugins";
    std::vector<ChannelInstanceConfig> channels;
};

} // namespace switchboard::core::config
