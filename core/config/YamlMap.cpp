#include "core/config/YamlMap.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace switchboard::core::config {

namespace {

/// How a value appears in a message. Raw file text only, never a substituted value.
std::string describe(const YAML::Node& node) {
    if (node.IsMap()) {
        return "a map";
    }
    if (node.IsSequence()) {
        return "a list";
    }
    if (node.IsNull()) {
        return "nothing";
    }
    const std::string& text = node.Scalar();
    if (text.find("${") != std::string::npos) {
        return "the value of '" + text + "'";
    }
    return text.size() > 40 ? "'" + text.substr(0, 40) + "...'" : "'" + text + "'";
}

std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string suggestion(const std::string& key, const std::set<std::string>& known) {
    std::string best;
    std::size_t bestDistance = 3;
    for (const auto& candidate : known) {
        // The distance is at least the difference in length: a key far longer or shorter than every known one
        // (a value pasted where a key belongs) costs no comparison.
        const std::size_t lengthGap = key.size() > candidate.size() ? key.size() - candidate.size()
                                                                     : candidate.size() - key.size();
        if (lengthGap >= bestDistance) continue;
        const std::size_t distance = editDistance(key, candidate);
        if (distance < bestDistance && distance < candidate.size()) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

std::string rangeText(long long min, long long max) {
    if (max >= std::numeric_limits<int>::max()) {
        return "must be at least " + std::to_string(min);
    }
    return "must be between " + std::to_string(min) + " and " + std::to_string(max);
}

int markLine(const YAML::Node& node, int fallback) {
    // yaml-cpp places an empty value at the next token, so only a scalar's own mark is trusted.
    if (!node.IsScalar() && !node.IsMap()) {
        return fallback;
    }
    const int line = node.Mark().line;
    return line >= 0 ? line + 1 : fallback;
}

} // namespace

YamlMap::YamlMap(ParseContext& ctx, std::string path, int line) : _ctx(&ctx), _path(std::move(path)), _line(line) {}

std::optional<YamlMap> YamlMap::open(ParseContext& ctx, const YAML::Node& node, std::string path, int line) {
    YamlMap map(ctx, std::move(path), line);
    if (!node.IsDefined() || node.IsNull()) {
        return map;
    }
    if (!node.IsMap()) {
        ctx.report(markLine(node, line), map._path, "expected a map, found " + describe(node));
        return std::nullopt;
    }
    std::set<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const int keyLine = it->first.Mark().line + 1;
        if (!it->first.IsScalar()) {
            ctx.report(keyLine, map._path, "keys must be plain text, found " + describe(it->first));
            continue;
        }
        const std::string key = it->first.Scalar();
        if (!seen.insert(key).second) {
            ctx.report(keyLine, map.pathOf(key), "duplicate key '" + key + "'");
            continue;
        }
        map._entries.push_back({key, it->second, keyLine});
    }
    return map;
}

std::optional<std::string> YamlMap::scalar(ParseContext& ctx, const YAML::Node& value, int line,
                                           const std::string& path) {
    if (!value.IsScalar()) {
        ctx.report(line, path, "expected a single value, found " + describe(value));
        return std::nullopt;
    }
    auto result = ctx.env.interpolate(value.Scalar());
    if (!result.problem.empty()) {
        ctx.report(line, path, result.problem);
        return std::nullopt;
    }
    return std::move(result.value);
}

bool YamlMap::isChoice(std::string_view value, Choices choices) {
    return std::find(choices.begin(), choices.end(), value) != choices.end();
}

std::string YamlMap::mustBeOneOf(Choices choices) {
    std::string text = "must be one of ";
    for (auto it = choices.begin(); it != choices.end(); ++it) {
        text += (it == choices.begin() ? "" : ", ") + std::string(*it);
    }
    return text;
}

std::string YamlMap::pathOf(const std::string& key) const {
    return _path.empty() ? key : _path + "." + key;
}

int YamlMap::lineOf(const std::string& key) const {
    for (const auto& entry : _entries) {
        if (entry.key == key) {
            return valueLine(entry);
        }
    }
    return _line;
}

int YamlMap::valueLine(const Entry& entry) {
    return entry.value.IsScalar() ? markLine(entry.value, entry.keyLine) : entry.keyLine;
}

void YamlMap::report(const std::string& key, std::string message) {
    _ctx->report(lineOf(key), pathOf(key), std::move(message));
}

const YamlMap::Entry* YamlMap::find(const std::string& key) {
    _known.insert(key);
    for (const auto& entry : _entries) {
        if (entry.key == key) {
            return entry.value.IsNull() ? nullptr : &entry;
        }
    }
    return nullptr;
}

bool YamlMap::has(const std::string& key) {
    return find(key) != nullptr;
}

std::optional<std::string> YamlMap::string(const std::string& key) {
    const Entry* entry = find(key);
    if (!entry) {
        return std::nullopt;
    }
    return scalar(*_ctx, entry->value, valueLine(*entry), pathOf(key));
}

std::optional<std::string> YamlMap::requiredString(const std::string& key) {
    if (!has(key)) {
        report(key, "missing required value");
        return std::nullopt;
    }
    auto value = string(key);
    if (value && value->empty()) {
        report(key, "must not be empty");
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> YamlMap::choice(const std::string& key, Choices choices) {
    auto value = string(key);
    if (value && !isChoice(*value, choices)) {
        report(key, mustBeOneOf(choices));
        return std::nullopt;
    }
    return value;
}

std::optional<long long> YamlMap::integer(const std::string& key, long long min, long long max) {
    const Entry* entry = find(key);
    if (!entry) {
        return std::nullopt;
    }
    auto text = scalar(*_ctx, entry->value, valueLine(*entry), pathOf(key));
    if (!text) {
        return std::nullopt;
    }
    return toInteger(entry->value, *text, valueLine(*entry), pathOf(key), min, max);
}

std::optional<long long> YamlMap::toInteger(const YAML::Node& node, const std::string& text, int line,
                                            const std::string& path, long long min, long long max) {
    long long value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error == std::errc::invalid_argument || stop != end) {
        _ctx->report(line, path, "expected a whole number, found " + describe(node));
        return std::nullopt;
    }
    if (error == std::errc::result_out_of_range || value < min || value > max) {
        _ctx->report(line, path, rangeText(min, max));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> YamlMap::boolean(const std::string& key) {
    const Entry* entry = find(key);
    if (!entry) {
        return std::nullopt;
    }
    auto text = scalar(*_ctx, entry->value, valueLine(*entry), pathOf(key));
    if (!text) {
        return std::nullopt;
    }
    if (*text == "true" || *text == "True" || *text == "TRUE") {
        return true;
    }
    if (*text == "false" || *text == "False" || *text == "FALSE") {
        return false;
    }
    report(key, "expected true or false, found " + describe(entry->value));
    return std::nullopt;
}

std::optional<std::vector<YamlMap::Item>> YamlMap::stringList(const std::string& key) {
    const Entry* entry = find(key);
    if (!entry) {
        return std::nullopt;
    }
    if (!entry->value.IsSequence()) {
        report(key, "expected a list, found " + describe(entry->value));
        return std::nullopt;
    }
    std::vector<Item> items;
    std::size_t index = 0;
    for (const auto& node : entry->value) {
        const std::string path = pathOf(key) + "[" + std::to_string(index++) + "]";
        const int line = markLine(node, entry->keyLine);
        if (auto value = scalar(*_ctx, node, line, path)) {
            items.push_back({std::move(*value), line, path});
        }
    }
    return items;
}

std::optional<std::vector<long long>> YamlMap::integerList(const std::string& key, long long min, long long max) {
    const Entry* entry = find(key);
    if (!entry) {
        return std::nullopt;
    }
    if (!entry->value.IsSequence()) {
        report(key, "expected a list, found " + describe(entry->value));
        return std::nullopt;
    }
    std::vector<long long> values;
    std::size_t index = 0;
    for (const auto& node : entry->value) {
        const std::string path = pathOf(key) + "[" + std::to_string(index++) + "]";
        const int line = markLine(node, entry->keyLine);
        if (auto text = scalar(*_ctx, node, line, path)) {
            if (auto value = toInteger(node, *text, line, path, min, max)) {
                values.push_back(*value);
            }
        }
    }
    return values;
}

std::optional<YamlMap> YamlMap::map(const std::string& key) {
    if (const Entry* entry = find(key)) {
        return map(*entry);
    }
    return YamlMap(*_ctx, pathOf(key), _line);
}

std::optional<YamlMap> YamlMap::map(const Entry& entry) {
    return open(*_ctx, entry.value, pathOf(entry.key), entry.keyLine);
}

std::vector<YamlMap> YamlMap::mapList(const std::string& key) {
    std::vector<YamlMap> maps;
    const Entry* entry = find(key);
    if (!entry) {
        return maps;
    }
    if (!entry->value.IsSequence()) {
        report(key, "expected a list, found " + describe(entry->value));
        return maps;
    }
    std::size_t index = 0;
    for (const auto& node : entry->value) {
        const std::string path = pathOf(key) + "[" + std::to_string(index++) + "]";
        const int line = markLine(node, entry->keyLine);
        if (node.IsNull()) {
            _ctx->report(line, path, "expected a map, found nothing");
        } else if (auto item = open(*_ctx, node, path, line)) {
            maps.push_back(std::move(*item));
        }
    }
    return maps;
}

std::vector<YamlMap::Entry> YamlMap::entries() {
    for (const auto& entry : _entries) {
        _known.insert(entry.key);
    }
    return _entries;
}

std::vector<YamlMap::Entry> YamlMap::remaining() {
    std::vector<Entry> rest;
    for (const auto& entry : _entries) {
        if (_known.insert(entry.key).second) {
            rest.push_back(entry);
        }
    }
    return rest;
}

void YamlMap::read(const std::string& key, std::string& out) {
    if (auto value = string(key)) {
        out = std::move(*value);
    }
}

void YamlMap::readNonEmpty(const std::string& key, std::string& out) {
    if (auto value = string(key)) {
        if (value->empty()) {
            report(key, "must not be empty");
        } else {
            out = std::move(*value);
        }
    }
}

void YamlMap::read(const std::string& key, bool& out) {
    if (auto value = boolean(key)) {
        out = *value;
    }
}

void YamlMap::read(const std::string& key, int& out, int min, int max) {
    if (auto value = integer(key, min, max)) {
        out = static_cast<int>(*value);
    }
}

void YamlMap::read(const std::string& key, std::size_t& out, std::size_t min, std::size_t max) {
    const auto limit = static_cast<std::size_t>(std::numeric_limits<long long>::max());
    if (auto value = integer(key, static_cast<long long>(std::min(min, limit)),
                             static_cast<long long>(std::min(max, limit)))) {
        out = static_cast<std::size_t>(*value);
    }
}

void YamlMap::finish() {
    for (const auto& entry : _entries) {
        if (!_known.contains(entry.key)) {
            _ctx->report(entry.keyLine, pathOf(entry.key),
                         "unknown key '" + entry.key + "'" + suggestion(entry.key, _known));
        }
    }
}

} // namespace switchboard::core::config
