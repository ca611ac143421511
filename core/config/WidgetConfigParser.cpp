#include "core/config/WidgetConfigParser.h"

#include "core/common/TimeZone.h"
#include "core/config/ConfigId.h"
#include "core/config/Origin.h"
#include "core/config/YamlMap.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <set>

namespace switchboard::core::config {

namespace {

constexpr int intMax = std::numeric_limits<int>::max();
const YamlMap::Choices contactFields = {"name", "email", "phone"};
const YamlMap::Choices weekDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

bool isColor(const std::string& value) {
    return value.size() == 7 && value[0] == '#'
        && std::all_of(value.begin() + 1, value.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

/// `[a-z][a-z0-9_]{0,63}`: field names become JSON keys and database values.
bool isFieldName(const std::string& name) {
    if (name.empty() || name.size() > 64 || name[0] < 'a' || name[0] > 'z') {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

/// `order_number` → `Order number`.
std::string labelFor(const std::string& name) {
    std::string label = name;
    std::replace(label.begin(), label.end(), '_', ' ');
    if (!label.empty()) {
        label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    }
    return label;
}

/// `UTC` or something spelled like an IANA zone name such as `Europe/London`; `timezoneProblem` tells whether
/// the zone exists.
bool isTimezoneName(const std::string& zone) {
    if (zone.empty() || zone.front() == '/' || zone.back() == '/' || zone.find("//") != std::string::npos) {
        return false;
    }
    return std::all_of(zone.begin(), zone.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' || c == '+';
    });
}

/// Why the zone cannot be used, when the time zone database cannot load it. Loading keeps the zone cached for
/// evaluating the schedule later.
std::optional<std::string> timezoneProblem(const std::string& zone) {
    try {
        common::TimeZone::load(zone);
        return std::nullopt;
    } catch (const std::exception& e) {
        return e.what();
    }
}

/// Minutes after midnight of `HH:MM`; 24:00 is allowed as a closing time.
std::optional<int> minutesOf(const std::string& time) {
    if (time.size() != 5 || time[2] != ':' || !std::isdigit(static_cast<unsigned char>(time[0]))
        || !std::isdigit(static_cast<unsigned char>(time[1])) || !std::isdigit(static_cast<unsigned char>(time[3]))
        || !std::isdigit(static_cast<unsigned char>(time[4]))) {
        return std::nullopt;
    }
    const int hours = (time[0] - '0') * 10 + (time[1] - '0');
    const int minutes = (time[3] - '0') * 10 + (time[4] - '0');
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) {
        return std::nullopt;
    }
    return hours * 60 + minutes;
}

} // namespace

WidgetConfigParser::WidgetConfigParser(ParseContext& ctx, const HubConfig& hub) : _ctx(ctx), _hub(hub) {}

WidgetConfig WidgetConfigParser::parse(const YAML::Node& root) {
    WidgetConfig widget;
    auto map = YamlMap::open(_ctx, root, "", 0);
    if (!map) {
        return widget;
    }
    if (auto name = map->requiredString("name")) {
        widget.name = *name;
    }
    parseOrigins(*map, widget.allowedOrigins);
    if (auto appearance = map->map("appearance")) {
        parseAppearance(*appearance, widget.appearance);
    }
    if (auto texts = map->map("texts")) {
        parseTexts(*texts, widget.texts);
    }
    if (auto prechat = map->map("prechat")) {
        parsePrechat(*prechat, widget.prechat);
    }
    if (auto limits = map->map("rate_limits")) {
        parseRateLimits(*limits, widget.rateLimits);
    }
    if (auto hours = map->map("business_hours")) {
        parseBusinessHours(*hours, widget.businessHours);
    }
    if (auto handover = map->map("handover")) {
        parseHandover(*handover, widget.handover);
    }
    if (auto inbound = map->map("inbound")) {
        parseInbound(*inbound, widget.inbound);
    }
    map->finish();
    return widget;
}

void WidgetConfigParser::parseOrigins(YamlMap& map, std::vector<std::string>& origins) {
    auto items = map.stringList("allowed_origins");
    if (!items) {
        return;
    }
    for (const auto& item : *items) {
        std::string problem;
        if (item.value == "*" || Origin::parse(item.value, &problem)) {
            origins.push_back(item.value);
        } else {
            _ctx.report(item.line, item.path, "origin '" + item.value + "' " + problem);
        }
    }
}

void WidgetConfigParser::parseAppearance(YamlMap& map, WidgetAppearance& appearance) {
    map.read("title", appearance.title);
    for (const auto& [key, target] : {std::pair{"primary_color", &appearance.primaryColor},
                                      std::pair{"text_color", &appearance.textColor}}) {
        if (auto color = map.string(key)) {
            if (isColor(*color)) {
                *target = *color;
            } else {
                map.report(key, "must be a colour written #rrggbb");
            }
        }
    }
    if (auto position = map.choice("position", {"bottom-right", "bottom-left"})) {
        appearance.position = *position;
    }
    map.readNonEmpty("launcher_icon", appearance.launcherIcon);
    if (auto avatar = map.string("agent_avatar_url")) {
        if (avatar->empty() || avatar->starts_with('/') || isHttpUrl(*avatar)) {
            appearance.agentAvatarUrl = *avatar;
        } else {
            map.report("agent_avatar_url", "must be an http(s) URL or a path starting with '/'");
        }
    }
    map.finish();
}

void WidgetConfigParser::parseTexts(YamlMap& map, WidgetTexts& texts) {
    map.read("welcome", texts.welcome);
    map.read("input_placeholder", texts.inputPlaceholder);
    map.read("offline", texts.offline);
    map.read("prechat_intro", texts.prechatIntro);
    map.read("handover_button", texts.handoverButton);
    map.read("rating_prompt", texts.ratingPrompt);
    map.finish();
}

void WidgetConfigParser::parsePrechat(YamlMap& map, PrechatConfig& prechat) {
    map.read("enabled", prechat.enabled);
    std::set<std::string> names;
    for (auto& fieldMap : map.mapList("fields")) {
        PrechatField field;
        if (auto name = fieldMap.requiredString("name")) {
            if (!isFieldName(*name)) {
                fieldMap.report("name", "must match [a-z][a-z0-9_]{0,63}");
            } else if (!names.insert(*name).second) {
                fieldMap.report("name", "duplicate field name '" + *name + "'");
            } else {
                field.name = *name;
            }
        }
        field.label = labelFor(field.name);
        fieldMap.readNonEmpty("label", field.label);
        if (YamlMap::isChoice(field.name, contactFields)) {
            field.type = field.name;
        }
        if (auto type = fieldMap.choice("type", {"name", "email", "phone", "text", "textarea"})) {
            field.type = *type;
        }
        fieldMap.read("required", field.required);
        fieldMap.read("max_length", field.maxLength, 1, 100'000);
        fieldMap.finish();
        if (!field.name.empty()) {
            prechat.fields.push_back(std::move(field));
        }
    }
    map.finish();
}

void WidgetConfigParser::parseRateLimits(YamlMap& map, WidgetRateLimits& limits) {
    map.read("conversations_per_ip_per_hour", limits.conversationsPerIpPerHour, 1, intMax);
    map.read("messages_per_visitor_per_minute", limits.messagesPerVisitorPerMinute, 1, intMax);
    map.finish();
}

void WidgetConfigParser::parseBusinessHours(YamlMap& map, BusinessHours& hours) {
    map.read("enabled", hours.enabled);
    if (auto zone = map.string("timezone")) {
        if (!isTimezoneName(*zone)) {
            map.report("timezone", "must be UTC or a time zone name such as Europe/London");
        } else if (auto problem = timezoneProblem(*zone)) {
            map.report("timezone", *problem);
        } else {
            hours.timezone = *zone;
        }
    }
    auto windowMaps = map.mapList("windows");
    for (auto& windowMap : windowMaps) {
        if (auto window = parseWindow(windowMap)) {
            hours.windows.push_back(std::move(*window));
        }
    }
    if (hours.enabled && windowMaps.empty()) {
        map.report("windows", "business hours are enabled but no opening windows are given");
    }
    map.finish();
}

std::optional<BusinessHoursWindow> WidgetConfigParser::parseWindow(YamlMap& map) {
    BusinessHoursWindow window;
    bool valid = true;
    if (!map.has("days")) {
        map.report("days", "missing required value");
        valid = false;
    } else if (auto days = map.stringList("days")) {
        std::set<std::string> seen;
        for (const auto& day : *days) {
            if (!YamlMap::isChoice(day.value, weekDays)) {
                _ctx.report(day.line, day.path, YamlMap::mustBeOneOf(weekDays));
                valid = false;
            } else if (!seen.insert(day.value).second) {
                _ctx.report(day.line, day.path, "day '" + day.value + "' is listed twice");
                valid = false;
            } else {
                window.days.push_back(day.value);
            }
        }
        if (days->empty()) {
            map.report("days", "needs at least one day");
            valid = false;
        }
    }
    const auto readTime = [&map](const std::string& key, std::string& out) -> std::optional<int> {
        const auto time = map.requiredString(key);
        const auto minutes = time ? minutesOf(*time) : std::nullopt;
        if (time && !minutes) {
            map.report(key, "must be a time written HH:MM, between 00:00 and 24:00");
        }
        if (minutes) {
            out = *time;
        }
        return minutes;
    };
    const auto open = readTime("open", window.open);
    const auto close = readTime("close", window.close);
    if (open && close && *open >= *close) {
        map.report("close", "must be after open; split a window that crosses midnight in two");
        valid = false;
    }
    map.finish();
    if (!valid || !open || !close) {
        return std::nullopt;
    }
    return window;
}

void WidgetConfigParser::parseHandover(YamlMap& map, HandoverConfig& handover) {
    map.read("enabled", handover.enabled);
    map.read("max_attempts", handover.maxAttempts, 1, 20);
    const auto defaultMethod = map.string("default_method");
    std::vector<std::string> names;
    if (auto methods = map.map("methods")) {
        for (const auto& entry : methods->entries()) {
            names.push_back(entry.key);
            if (!isValidConfigId(entry.key)) {
                _ctx.report(entry.keyLine, methods->pathOf(entry.key),
                            "method name must match [a-z0-9][a-z0-9_-]{0,63}");
                continue;
            }
            auto methodMap = methods->map(entry);
            if (!methodMap) {
                continue;
            }
            if (auto method = parseMethod(*methodMap, entry.key)) {
                handover.methods.push_back(std::move(*method));
            }
        }
        methods->finish();
    }
    if (defaultMethod) {
        if (std::find(names.begin(), names.end(), *defaultMethod) != names.end()) {
            handover.defaultMethod = *defaultMethod;
        } else {
            map.report("default_method", "'" + *defaultMethod + "' is not one of the methods under handover.methods");
        }
    } else if (!names.empty()) {
        handover.defaultMethod = names.front();
    }
    if (handover.enabled && names.empty()) {
        map.report("methods", "handover is enabled but no methods are configured");
    }
    map.finish();
}

std::optional<HandoverMethod> WidgetConfigParser::parseMethod(YamlMap& map, const std::string& name) {
    HandoverMethod method;
    method.name = name;
    bool valid = true;
    if (auto channel = map.requiredString("channel")) {
        const auto instance = std::find_if(_hub.channels.begin(), _hub.channels.end(),
                                           [&](const ChannelInstanceConfig& c) { return c.name == *channel; });
        if (instance == _hub.channels.end()) {
            std::string defined;
            for (const auto& c : _hub.channels) {
                defined += (defined.empty() ? "" : ", ") + c.name;
            }
            map.report("channel", "channel instance '" + *channel + "' is not defined in hub.yaml channels ("
                                      + (defined.empty() ? "none are defined" : "defined: " + defined) + ")");
            valid = false;
        } else {
            method.channel = *channel;
        }
    } else {
        valid = false;
    }
    // What the file leaves out, the method's channel describes once the plugins are loaded (MethodDefaults).
    map.readNonEmpty("label", method.label);
    map.readNonEmpty("confirmation", method.confirmation);
    if (auto fields = map.stringList("requires")) {
        method.requiredFieldsGiven = true;
        for (const auto& field : *fields) {
            if (!YamlMap::isChoice(field.value, contactFields)) {
                _ctx.report(field.line, field.path, YamlMap::mustBeOneOf(contactFields));
            } else if (std::find(method.requiredFields.begin(), method.requiredFields.end(), field.value)
                       == method.requiredFields.end()) {
                method.requiredFields.push_back(field.value);
            }
        }
    }
    // Everything else is for the channel: webhook `url`, `secret`, and whatever a plugin defines.
    for (const auto& entry : map.remaining()) {
        if (entry.value.IsNull()) {
            continue;
        }
        const std::string path = map.pathOf(entry.key);
        auto value = YamlMap::scalar(_ctx, entry.value, map.lineOf(entry.key), path);
        if (!value) {
            valid = false;
            continue;
        }
        method.settings[entry.key] = std::move(*value);
    }
    map.finish();
    if (!valid) {
        return std::nullopt;
    }
    return method;
}

void WidgetConfigParser::parseInbound(YamlMap& map, InboundConfig& inbound) {
    if (const auto unmatched = map.string("unmatched")) {
        if (const auto value = UnmatchedInboundNames.parse(*unmatched)) {
            inbound.unmatched = *value;
        } else {
            map.report("unmatched", "must be " + UnmatchedInboundNames.list());
        }
    }
    map.finish();
}

} // namespace switchboard::core::config
