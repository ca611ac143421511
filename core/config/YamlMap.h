#pragma once

#include "core/config/ParseContext.h"

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace switchboard::core::config {

/// Strict, issue-reporting reader of one YAML map. Every lookup marks its key as known, and `finish()`
/// reports the keys nobody looked up as unknown. A key that is absent or has no value (`key:` or `~`) keeps
/// the caller's default. Strings go through `${ENV}` substitution; so do numbers and booleans, so that
/// `port: ${PORT}` works.
class YamlMap {
public:
    using Choices = std::initializer_list<std::string_view>;

    struct Entry {
        std::string key;
        YAML::Node value;
        int keyLine = 0;
    };

    /// One string of a list, resolved, with where it came from.
    struct Item {
        std::string value;
        int line = 0;
        std::string path;
    };

    /// Empty (after reporting) when `node` is neither a map nor null; `line` is the line of the key whose value
    /// `node` is (0 for a file's root).
    static std::optional<YamlMap> open(ParseContext& ctx, const YAML::Node& node, std::string path, int line);

    /// Resolves one scalar; reports a wrong type or an unresolved variable and returns empty.
    static std::optional<std::string> scalar(ParseContext& ctx, const YAML::Node& value, int line,
                                             const std::string& path);

    static bool isChoice(std::string_view value, Choices choices);
    /// "must be one of a, b, c", for messages.
    static std::string mustBeOneOf(Choices choices);

    std::string pathOf(const std::string& key) const;
    /// Line of `key`'s value, or of this map when the key is absent.
    int lineOf(const std::string& key) const;

    /// Reports a problem with `key`'s value.
    void report(const std::string& key, std::string message);

    /// True when `key` is present with a value.
    bool has(const std::string& key);

    std::optional<std::string> string(const std::string& key);
    /// Reports a missing or empty value.
    std::optional<std::string> requiredString(const std::string& key);
    /// A string that must be one of `choices`.
    std::optional<std::string> choice(const std::string& key, Choices choices);
    std::optional<long long> integer(const std::string& key, long long min, long long max);
    std::optional<bool> boolean(const std::string& key);
    std::optional<std::vector<Item>> stringList(const std::string& key);
    std::optional<std::vector<long long>> integerList(const std::string& key, long long min, long long max);
    /// An empty map when `key` is absent, so that every default applies; empty after reporting a value that is
    /// not a map.
    std::optional<YamlMap> map(const std::string& key);
    /// The maps of a list of maps; items that are not maps are reported and skipped.
    std::vector<YamlMap> mapList(const std::string& key);
    /// The map that is the value of `entry`, one of `entries()` or `remaining()`.
    std::optional<YamlMap> map(const Entry& entry);

    /// Every entry, in file order; marks all keys as known.
    std::vector<Entry> entries();
    /// The entries not looked up so far, in file order; marks them as known.
    std::vector<Entry> remaining();

    void read(const std::string& key, std::string& out);
    /// Like `read`, but an empty string is reported instead of stored.
    void readNonEmpty(const std::string& key, std::string& out);
    void read(const std::string& key, bool& out);
    void read(const std::string& key, int& out, int min, int max);
    void read(const std::string& key, std::size_t& out, std::size_t min, std::size_t max);

    /// Reports every key that was never looked up.
    void finish();

private:
    YamlMap(ParseContext& ctx, std::string path, int line);

    /// Marks `key` as known; the entry when it is present with a value.
    const Entry* find(const std::string& key);
    static int valueLine(const Entry& entry);
    std::optional<long long> toInteger(const YAML::Node& node, const std::string& text, int line,
                                       const std::string& path, long long min, long long max);

    ParseContext* _ctx;
    std::string _path;
    int _line;
    std::vector<Entry> _entries;
    std::set<std::string> _known;
};

} // namespace switchboard::core::config
