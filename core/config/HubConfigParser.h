#pragma once

#include "core/config/HubConfig.h"
#include "core/config/ParseContext.h"

#include <yaml-cpp/yaml.h>

namespace switchboard::core::config {

class YamlMap;

/// Turns the YAML document of hub.yaml into a HubConfig, reporting every problem to the context. Paths come
/// back as written; making them absolute is the loader's job.
class HubConfigParser {
public:
    explicit HubConfigParser(ParseContext& ctx);

    HubConfig parse(const YAML::Node& root);

private:
    void parseServer(YamlMap& map, ServerConfig& server);
    void parseDatabase(YamlMap& map, DatabaseConfig& database);
    void parseAuth(YamlMap& map, AuthConfig& auth);
    void parseLog(YamlMap& map, LogConfig& log);
    void parsePresence(YamlMap& map, PresenceConfig& presence);
    void parseRealtime(YamlMap& map, RealtimeConfig& realtime);
    void parseDelivery(YamlMap& map, DeliveryConfig& delivery);
    void parseOutbound(YamlMap& map, OutboundConfig& outbound);
    void parseChannels(YamlMap& map, std::vector<ChannelInstanceConfig>& channels);
    void flattenSettings(const YAML::Node& node, const std::string& prefix, const std::string& path, int line,
                         std::map<std::string, std::string>& settings);

    ParseContext& _ctx;
};

} // namespace switchboard::core::config
