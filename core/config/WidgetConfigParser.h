#pragma once

#include "core/config/HubConfig.h"
#include "core/config/ParseContext.h"
#include "core/config/WidgetConfig.h"

#include <yaml-cpp/yaml.h>

namespace switchboard::core::config {

class YamlMap;

/// Turns the YAML document of one widget file into a WidgetConfig, reporting every problem to the context.
/// Handover methods are checked against the channel instances of `hub`. Leaves `id` and `sourceFile` empty.
class WidgetConfigParser {
public:
    WidgetConfigParser(ParseContext& ctx, const HubConfig& hub);

    WidgetConfig parse(const YAML::Node& root);

private:
    void parseOrigins(YamlMap& map, std::vector<std::string>& origins);
    void parseAppearance(YamlMap& map, WidgetAppearance& appearance);
    void parseTexts(YamlMap& map, WidgetTexts& texts);
    void parsePrechat(YamlMap& map, PrechatConfig& prechat);
    void parseRateLimits(YamlMap& map, WidgetRateLimits& limits);
    void parseBusinessHours(YamlMap& map, BusinessHours& hours);
    std::optional<BusinessHoursWindow> parseWindow(YamlMap& map);
    void parseHandover(YamlMap& map, HandoverConfig& handover);
    std::optional<HandoverMethod> parseMethod(YamlMap& map, const std::string& name);
    void parseInbound(YamlMap& map, InboundConfig& inbound);

    ParseContext& _ctx;
    const HubConfig& _hub;
};

} // namespace switchboard::core::config
