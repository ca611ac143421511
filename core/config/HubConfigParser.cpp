#include "core/config/HubConfigParser.h"

#include "core/config/ConfigId.h"
#include "core/config/Origin.h"
#include "core/config/YamlMap.h"

#include <Poco/Net/IPAddress.h>

#include <limits>

namespace switchboard::core::config {

namespace {

constexpr int intMax = std::numeric_limits<int>::max();
constexpr std::size_t sizeMax = std::numeric_limits<std::size_t>::max();

/// `address` or `address/prefix`.
bool isAddressOrNetwork(const std::string& text) {
    const auto slash = text.find('/');
    Poco::Net::IPAddress address;
    if (!Poco::Net::IPAddress::tryParse(text.substr(0, slash), address)) {
        return false;
    }
    if (slash == std::string::npos) {
        return true;
    }
    const std::string prefix = text.substr(slash + 1);
    if (prefix.empty() || prefix.size() > 3 || prefix.find_first_not_of("0123456789") != std::string::npos) {
        return false;
    }
    const int maxPrefix = address.family() == Poco::Net::IPAddress::IPv4 ? 32 : 128;
    return std::stoi(prefix) <= maxPrefix;
}

} // namespace

HubConfigParser::HubConfigParser(ParseContext& ctx) : _ctx(ctx) {}

HubConfig HubConfigParser::parse(const YAML::Node& root) {
    HubConfig hub;
    auto map = YamlMap::open(_ctx, root, "", 0);
    if (!map) {
        return hub;
    }
    if (auto server = map->map("server")) {
        parseServer(*server, hub.server);
    }
    if (auto database = map->map("database")) {
        parseDatabase(*database, hub.database);
    }
    if (auto auth = map->map("auth")) {
        parseAuth(*auth, hub.auth);
    }
    if (auto limits = map->map("rate_limits")) {
        limits->read("requests_per_ip_per_minute", hub.rateLimits.requestsPerIpPerMinute, 1, intMax);
        limits->finish();
    }
    if (auto log = map->map("log")) {
        parseLog(*log, hub.log);
    }
    if (auto presence = map->map("presence")) {
        parsePresence(*presence, hub.presence);
    }
    if (auto realtime = map->map("realtime")) {
        parseRealtime(*realtime, hub.realtime);
    }
    if (auto delivery = map->map("delivery")) {
        parseDelivery(*delivery, hub.delivery);
    }
    if (auto outbound = map->map("outbound")) {
        parseOutbound(*outbound, hub.outbound);
    }
    map->readNonEmpty("widgets_dir", hub.widgetsDir);
    map->readNonEmpty("plugin_dir", hub.pluginDir);
    if (auto channels = map->map("channels")) {
        parseChannels(*channels, hub.channels);
    }
    map->finish();
    return hub;
}

void HubConfigParser::parseServer(YamlMap& map, ServerConfig& server) {
    map.readNonEmpty("listen", server.listen);
    map.read("port", server.port, 1, 65535);
    if (auto url = map.string("public_url")) {
        if (!url->empty() && !isHttpUrl(*url)) {
            map.report("public_url", "must be an http:// or https:// URL");
        } else {
            server.publicUrl = url->ends_with('/') ? url->substr(0, url->size() - 1) : *url;
        }
    }
    map.read("threads", server.threads, 1, 1024);
    map.read("max_queued", server.maxQueued, 1, intMax);
    map.read("max_queue_wait_ms", server.maxQueueWaitMs, 1, 3'600'000);
    map.read("max_body_bytes", server.maxBodyBytes, 1, sizeMax);
    map.read("max_header_bytes", server.maxHeaderBytes, 1024, 1024 * 1024);
    map.read("header_timeout_ms", server.headerTimeoutMs, 100, intMax);
    map.read("body_timeout_ms", server.bodyTimeoutMs, 100, intMax);
    map.read("body_min_bytes_per_s", server.bodyMinBytesPerS, 1, sizeMax);
    map.read("keep_alive_idle_ms", server.keepAliveIdleMs, 100, intMax);
    map.read("max_connections", server.maxConnections, 1, sizeMax);
    map.read("max_connections_per_ip", server.maxConnectionsPerIp, 1, sizeMax);
    map.read("max_message_chars", server.maxMessageChars, 1, sizeMax);
    if (auto proxies = map.stringList("trusted_proxies")) {
        for (const auto& proxy : *proxies) {
            if (isAddressOrNetwork(proxy.value)) {
                server.trustedProxies.push_back(proxy.value);
            } else {
                _ctx.report(proxy.line, proxy.path, "'" + proxy.value + "' is not an IP address or network");
            }
        }
    }
    map.readNonEmpty("web_root", server.webRoot);
    map.finish();
}

void HubConfigParser::parseDatabase(YamlMap& map, DatabaseConfig& database) {
    if (auto url = map.string("url")) {
        // The URL may carry a password, so messages never repeat it.
        if (url->starts_with("sqlite:")) {
            if (url->size() == std::string_view("sqlite:").size()) {
                map.report("url", "a sqlite: URL needs a file path, e.g. sqlite:var/switchboard.db");
            } else {
                database.url = *url;
            }
        } else if (url->starts_with("postgresql://") || url->starts_with("postgres://")) {
            database.url = *url;
        } else {
            map.report("url", "must start with sqlite:, postgresql:// or postgres://");
        }
    }
    map.read("pool_size", database.poolSize, 1, 1000);
    map.read("pool_wait_ms", database.poolWaitMs, 0, intMax);
    map.finish();
}

void HubConfigParser::parseAuth(YamlMap& map, AuthConfig& auth) {
    map.read("session_ttl_hours", auth.sessionTtlHours, 1, intMax);
    map.read("cookie_secure", auth.cookieSecure);
    map.read("login_per_ip_per_minute", auth.loginPerIpPerMinute, 1, intMax);
    map.read("login_per_account_per_hour", auth.loginPerAccountPerHour, 1, intMax);
    map.finish();
}

void HubConfigParser::parseLog(YamlMap& map, LogConfig& log) {
    if (auto level = map.choice("level", {"trace", "debug", "information", "notice", "warning", "error", "fatal"})) {
        log.level = *level;
    }
    if (auto format = map.choice("format", {"text", "json"})) {
        log.format = *format;
    }
    map.finish();
}

void HubConfigParser::parsePresence(YamlMap& map, PresenceConfig& presence) {
    map.read("heartbeat_s", presence.heartbeatS, 1, intMax);
    map.read("visitor_timeout_s", presence.visitorTimeoutS, 1, intMax);
    map.read("agent_stale_s", presence.agentStaleS, 1, intMax);
    map.read("disconnect_grace_s", presence.disconnectGraceS, 0, intMax);
    if (presence.visitorTimeoutS <= presence.heartbeatS) {
        map.report("visitor_timeout_s", "must be longer than heartbeat_s, or every visitor flickers offline");
    }
    if (presence.agentStaleS <= presence.heartbeatS) {
        map.report("agent_stale_s", "must be longer than heartbeat_s, or every agent flickers offline");
    }
    map.finish();
}

void HubConfigParser::parseRealtime(YamlMap& map, RealtimeConfig& realtime) {
    map.read("loops", realtime.loops, 0, 256);
    map.read("workers", realtime.workers, 1, 256);
    map.read("ping_interval_ms", realtime.pingIntervalMs, 100, intMax);
    map.read("ping_timeout_ms", realtime.pingTimeoutMs, 100, intMax);
    map.read("connect_timeout_ms", realtime.connectTimeoutMs, 100, intMax);
    map.read("max_message_bytes", realtime.maxMessageBytes, 1024, 16 * 1024 * 1024);
    map.read("max_queued_bytes", realtime.maxQueuedBytes, 4096, sizeMax);
    map.read("max_pending_tasks", realtime.maxPendingTasks, 1, sizeMax);
    map.read("max_queue_wait_ms", realtime.maxQueueWaitMs, 1, 3'600'000);
    map.finish();
}

void HubConfigParser::parseDelivery(YamlMap& map, DeliveryConfig& delivery) {
    if (auto delays = map.integerList("backoff_s", 1, intMax)) {
        if (delays->empty()) {
            map.report("backoff_s", "needs at least one delay");
        } else {
            delivery.backoffS.assign(delays->begin(), delays->end());
        }
    }
    map.read("concurrency", delivery.concurrency, 1, 1024);
    map.read("per_destination", delivery.perDestination, 1, 1024);
    map.read("attempt_timeout_s", delivery.attemptTimeoutS, 1, 3600);
    map.read("lease_s", delivery.leaseS, 2, 86400);
    if (delivery.leaseS <= delivery.attemptTimeoutS) {
        map.report("lease_s", "must be longer than attempt_timeout_s, or a slow delivery is sent twice");
    }
    map.finish();
}

void HubConfigParser::parseOutbound(YamlMap& map, OutboundConfig& outbound) {
    if (auto hosts = map.stringList("allowed_hosts")) {
        for (const auto& host : *hosts) {
            const bool plain = !host.value.empty() && host.value.find_first_of(" \t/") == std::string::npos;
            if (plain) {
                outbound.allowedHosts.push_back(host.value);
            } else {
                _ctx.report(host.line, host.path, "must be a host name or an IP address, without scheme or path");
            }
        }
    }
    map.read("connect_timeout_ms", outbound.connectTimeoutMs, 1, intMax);
    map.read("total_timeout_ms", outbound.totalTimeoutMs, 1, intMax);
    if (outbound.totalTimeoutMs < outbound.connectTimeoutMs) {
        map.report("total_timeout_ms", "must not be shorter than connect_timeout_ms");
    }
    map.read("max_response_bytes", outbound.maxResponseBytes, 1, sizeMax);
    map.finish();
}

void HubConfigParser::parseChannels(YamlMap& map, std::vector<ChannelInstanceConfig>& channels) {
    for (const auto& entry : map.entries()) {
        const std::string path = map.pathOf(entry.key);
        if (!isValidConfigId(entry.key)) {
            _ctx.report(entry.keyLine, path, "channel name must match [a-z0-9][a-z0-9_-]{0,63}");
            continue;
        }
        auto channel = map.map(entry);
        if (!channel) {
            continue;
        }
        ChannelInstanceConfig instance;
        instance.name = entry.key;
        if (auto plugin = channel->requiredString("plugin")) {
            if (isValidConfigId(*plugin)) {
                instance.plugin = *plugin;
            } else {
                channel->report("plugin", "plugin name must match [a-z0-9][a-z0-9_-]{0,63}");
            }
        }
        if (auto settings = channel->map("settings")) {
            for (const auto& setting : settings->entries()) {
                flattenSettings(setting.value, setting.key, settings->pathOf(setting.key), setting.keyLine,
                                instance.settings);
            }
            settings->finish();
        }
        channel->finish();
        channels.push_back(std::move(instance));
    }
    map.finish();
}

void HubConfigParser::flattenSettings(const YAML::Node& node, const std::string& prefix, const std::string& path,
                                      int line, std::map<std::string, std::string>& settings) {
    if (node.IsNull()) {
        return;
    }
    if (node.IsScalar()) {
        if (auto value = YamlMap::scalar(_ctx, node, line, path)) {
            settings[prefix] = std::move(*value);
        }
        return;
    }
    if (node.IsSequence()) {
        std::size_t index = 0;
        for (const auto& item : node) {
            const std::string suffix = std::to_string(index++);
            flattenSettings(item, prefix + "." + suffix, path + "[" + suffix + "]", line, settings);
        }
        return;
    }
    if (auto map = YamlMap::open(_ctx, node, path, line)) {
        for (const auto& entry : map->entries()) {
            flattenSettings(entry.value, prefix + "." + entry.key, map->pathOf(entry.key), entry.keyLine, settings);
        }
    }
}

} // namespace switchboard::core::config
