#include "switchboard/sdk/SettingsReader.h"

#include "switchboard/sdk/ContactAddress.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>
#include <charconv>
#include <numeric>

namespace switchboard::sdk {

namespace {

/// A value read as T, or what is wrong with it.
template <typename T>
struct Parsed {
    std::optional<T> value;
    std::string problem;
};

template <typename T>
Parsed<T> wrong(std::string problem) {
    return {std::nullopt, std::move(problem)};
}

bool hasSpaceOrControl(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](unsigned char c) { return c <= ' ' || c == 0x7f; });
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool allDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), isDigit);
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

std::optional<std::int64_t> wholeNumber(std::string_view text) {
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return number;
}

/// "a whole number", "a whole number from 1 to 10", "a whole number of at least 1", ...
std::string describe(const SettingsReader::Range& range) {
    constexpr auto Lowest = std::numeric_limits<std::int64_t>::min();
    constexpr auto Highest = std::numeric_limits<std::int64_t>::max();
    std::string text = "a whole number";
    if (range.min != Lowest && range.max != Highest) {
        return text + " from " + std::to_string(range.min) + " to " + std::to_string(range.max);
    }
    if (range.min != Lowest) return text + " of at least " + std::to_string(range.min);
    if (range.max != Highest) return text + " of at most " + std::to_string(range.max);
    return text;
}

Parsed<std::int64_t> parseInteger(const std::string& value, const SettingsReader::Range& range) {
    const auto number = wholeNumber(value);
    if (!number || *number < range.min || *number > range.max) {
        return wrong<std::int64_t>("must be " + describe(range) + ", not \"" + value + "\"");
    }
    return {number, {}};
}

Parsed<bool> parseBoolean(const std::string& value) {
    if (value == "true") return {true, {}};
    if (value == "false") return {false, {}};
    return wrong<bool>("must be true or false, not \"" + value + "\"");
}

/// `90s` for 90 seconds, `5m` for 300, `2h` for 7200: the largest unit that divides it.
std::string durationText(std::chrono::seconds duration) {
    const auto count = duration.count();
    if (count != 0 && count % 3600 == 0) return std::to_string(count / 3600) + "h";
    if (count != 0 && count % 60 == 0) return std::to_string(count / 60) + "m";
    return std::to_string(count) + "s";
}

std::string describe(const SettingsReader::DurationRange& range) {
    std::string text = "a duration in seconds (90 or 90s), minutes (5m) or hours (2h)";
    const bool bounded = range.max != std::chrono::seconds::max();
    if (range.min.count() > 0 && bounded) {
        return text + ", from " + durationText(range.min) + " to " + durationText(range.max);
    }
    if (range.min.count() > 0) return text + ", of at least " + durationText(range.min);
    if (bounded) return text + ", of at most " + durationText(range.max);
    return text;
}

Parsed<std::chrono::seconds> parseDuration(const std::string& value, const SettingsReader::DurationRange& range) {
    const auto problem = wrong<std::chrono::seconds>("must be " + describe(range) + ", not \"" + value + "\"");
    std::string_view digits = value;
    std::int64_t unit = 1;
    if (!digits.empty() && !isDigit(digits.back())) {
        switch (digits.back()) {
        case 's': unit = 1; break;
        case 'm': unit = 60; break;
        case 'h': unit = 3600; break;
        default: return problem;
        }
        digits.remove_suffix(1);
    }
    if (!allDigits(digits)) return problem;
    const auto count = wholeNumber(digits);
    if (!count || *count > std::chrono::seconds::max().count() / unit) return problem;
    const std::chrono::seconds duration(*count * unit);
    if (duration < range.min || duration > range.max) return problem;
    return {duration, {}};
}

Parsed<std::string> parseSecret(const std::string& value, std::size_t minLength) {
    if (value.size() < minLength) {
        return wrong<std::string>("is too short: it needs at least " + std::to_string(minLength) + " characters");
    }
    return {value, {}};
}

Parsed<SettingsReader::HttpUrl> parseHttpUrl(const std::string& value) {
    using Url = SettingsReader::HttpUrl;
    if (hasSpaceOrControl(value)) return wrong<Url>("must not contain spaces or control characters");
    try {
        const Poco::URI uri(value);
        if (uri.getScheme() != "http" && uri.getScheme() != "https") {
            return wrong<Url>("must be an http:// or https:// URL");
        }
        if (uri.getHost().empty()) return wrong<Url>("names no host");
        return {Url{value, uri.getHost()}, {}};
    } catch (const Poco::SyntaxException& error) {
        return wrong<Url>("is not a valid URL: " + error.message());
    }
}

Parsed<std::string> parseEmail(const std::string& value) {
    if (!isValidEmail(value)) return wrong<std::string>("must be one email address such as support@example.com");
    return {value, {}};
}

Parsed<std::string> parsePhone(const std::string& value) {
    if (!isValidE164(value)) {
        return wrong<std::string>("must be a phone number in E.164 form: + and the country code, 8 to 15 digits, no "
                                  "spaces (+447700900123)");
    }
    return {value, {}};
}

/// What `parse` makes of `*value`, or nullopt when the key is absent (`value` is null) or its value is wrong, which
/// is reported at `key`.
template <typename Parse>
auto parsedIfGiven(SettingsReader& reader, const std::string& key, const std::string* value, Parse parse) {
    decltype(parse(*value).value) result;
    if (!value) return result;
    auto parsed = parse(*value);
    if (!parsed.value) reader.report(key, std::move(parsed.problem));
    return std::move(parsed.value);
}

/// As parsedIfGiven, with `fallback` instead of nullopt.
template <typename T, typename Parse>
T parsedOr(SettingsReader& reader, const std::string& key, const std::string* value, T fallback, Parse parse) {
    auto parsed = parsedIfGiven(reader, key, value, parse);
    return parsed ? std::move(*parsed) : std::move(fallback);
}

/// Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`.
std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

/// The known key nearest to `unknown`, when it is near enough to be a typo of it: a third of the key's letters
/// may be wrong, at least one and at most three.
std::optional<std::string> nearest(const std::string& unknown, const std::set<std::string>& known) {
    const std::size_t allowed = std::clamp<std::size_t>(unknown.size() / 3, 1, 3);
    std::optional<std::string> best;
    std::size_t bestDistance = allowed + 1;
    for (const auto& candidate : known) {
        const std::size_t distance = editDistance(unknown, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

std::string unknownMessage(const std::string& key, const std::set<std::string>& known) {
    const std::string start = "unknown setting '" + key + "' ";
    if (const auto suggestion = nearest(key, known)) return start + "(did you mean '" + *suggestion + "'?)";
    if (known.empty()) return start + "(none are taken here)";
    const std::string names = std::accumulate(std::next(known.begin()), known.end(), "'" + *known.begin() + "'",
                                              [](std::string all, const std::string& name) {
                                                  return std::move(all) + ", '" + name + "'";
                                              });
    return start + "(the settings are " + names + ")";
}

std::string missingMessage(const SettingsReader::Required& required) {
    return required.purpose.empty() ? "is required" : "is required: " + required.purpose;
}

/// `recipients` for `recipients.3`: the list an item belongs to; any other key as it is.
std::string listOf(const std::string& key) {
    const auto dot = key.rfind('.');
    return dot != std::string::npos && allDigits(std::string_view(key).substr(dot + 1)) ? key.substr(0, dot) : key;
}

} // namespace

SettingsReader::SettingsReader(Settings settings) : _settings(std::move(settings)) {}

const std::string* SettingsReader::lookup(const std::string& key) {
    _known.insert(key);
    const auto found = _settings.find(key);
    return found == _settings.end() ? nullptr : &found->second;
}

const std::string* SettingsReader::lookupRequired(const std::string& key, const Required& required) {
    const auto* value = lookup(key);
    if (value && !value->empty()) return value;
    report(key, missingMessage(required));
    return nullptr;
}

std::optional<std::vector<std::string>> SettingsReader::lookupList(const std::string& key) {
    std::vector<std::pair<std::int64_t, std::string>> items;
    const std::string prefix = key + ".";
    for (auto it = _settings.lower_bound(prefix); it != _settings.end() && it->first.starts_with(prefix); ++it) {
        const auto index = std::string_view(it->first).substr(prefix.size());
        if (!allDigits(index)) continue;
        _listItems.insert(it->first);
        items.emplace_back(wholeNumber(index).value_or(0), trimmed(it->second));
    }
    const auto* whole = lookup(key);
    if (!whole && items.empty()) return std::nullopt;
    std::vector<std::string> list;
    if (whole) {
        for (std::size_t start = 0; start <= whole->size();) {
            const auto comma = std::min(whole->find(',', start), whole->size());
            list.push_back(trimmed(std::string_view(*whole).substr(start, comma - start)));
            start = comma + 1;
        }
    }
    std::sort(items.begin(), items.end());
    for (auto& item : items) list.push_back(std::move(item.second));
    std::erase(list, std::string());
    return list;
}

std::string SettingsReader::string(const std::string& key, std::string fallback) {
    const auto* value = lookup(key);
    return value ? *value : std::move(fallback);
}

std::optional<std::string> SettingsReader::string(const std::string& key, const Required& required) {
    const auto* value = lookupRequired(key, required);
    return value ? std::optional<std::string>(*value) : std::nullopt;
}

std::int64_t SettingsReader::integer(const std::string& key, std::int64_t fallback) {
    return integer(key, fallback, Range{});
}

std::int64_t SettingsReader::integer(const std::string& key, std::int64_t fallback, Range range) {
    return parsedOr(*this, key, lookup(key), fallback, [&](const auto& value) { return parseInteger(value, range); });
}

std::optional<std::int64_t> SettingsReader::integer(const std::string& key, Range range, const Required& required) {
    return parsedIfGiven(*this, key, lookupRequired(key, required),
                         [&](const auto& value) { return parseInteger(value, range); });
}

bool SettingsReader::boolean(const std::string& key, bool fallback) {
    return parsedOr(*this, key, lookup(key), fallback, parseBoolean);
}

std::optional<bool> SettingsReader::boolean(const std::string& key, const Required& required) {
    return parsedIfGiven(*this, key, lookupRequired(key, required), parseBoolean);
}

std::vector<std::string> SettingsReader::list(const std::string& key, std::vector<std::string> fallback) {
    auto list = lookupList(key);
    return list ? std::move(*list) : std::move(fallback);
}

std::optional<std::vector<std::string>> SettingsReader::list(const std::string& key, const Required& required) {
    auto list = lookupList(key);
    if (list && !list->empty()) return list;
    report(key, missingMessage(required));
    return std::nullopt;
}

std::chrono::seconds SettingsReader::duration(const std::string& key, std::chrono::seconds fallback) {
    return duration(key, fallback, DurationRange{});
}

std::chrono::seconds SettingsReader::duration(const std::string& key, std::chrono::seconds fallback,
                                              DurationRange range) {
    return parsedOr(*this, key, lookup(key), fallback, [&](const auto& value) { return parseDuration(value, range); });
}

std::optional<std::chrono::seconds> SettingsReader::duration(const std::string& key, DurationRange range,
                                                             const Required& required) {
    return parsedIfGiven(*this, key, lookupRequired(key, required),
                         [&](const auto& value) { return parseDuration(value, range); });
}

std::string SettingsReader::secret(const std::string& key, std::string fallback, std::size_t minLength) {
    return parsedOr(*this, key, lookup(key), std::move(fallback),
                    [&](const auto& value) { return parseSecret(value, minLength); });
}

std::optional<std::string> SettingsReader::secret(const std::string& key, const Required& required,
                                                  std::size_t minLength) {
    return parsedIfGiven(*this, key, lookupRequired(key, required),
                         [&](const auto& value) { return parseSecret(value, minLength); });
}

SettingsReader::HttpUrl SettingsReader::httpUrl(const std::string& key, HttpUrl fallback) {
    return parsedOr(*this, key, lookup(key), std::move(fallback), parseHttpUrl);
}

std::optional<SettingsReader::HttpUrl> SettingsReader::httpUrl(const std::string& key, const Required& required) {
    return parsedIfGiven(*this, key, lookupRequired(key, required), parseHttpUrl);
}

std::string SettingsReader::email(const std::string& key, std::string fallback) {
    return parsedOr(*this, key, lookup(key), std::move(fallback), parseEmail);
}

std::optional<std::string> SettingsReader::email(const std::string& key, const Required& required) {
    return parsedIfGiven(*this, key, lookupRequired(key, required), parseEmail);
}

std::string SettingsReader::phone(const std::string& key, std::string fallback) {
    return parsedOr(*this, key, lookup(key), std::move(fallback), parsePhone);
}

std::optional<std::string> SettingsReader::phone(const std::string& key, const Required& required) {
    return parsedIfGiven(*this, key, lookupRequired(key, required), parsePhone);
}

void SettingsReader::report(const std::string& key, std::string message) {
    _errors.push_back({key, std::move(message)});
}

std::vector<std::string> SettingsReader::unknownKeys() const {
    std::vector<std::string> unknown;
    for (const auto& entry : _settings) {
        if (_known.contains(entry.first) || _listItems.contains(entry.first)) continue;
        const std::string key = listOf(entry.first);
        if (std::find(unknown.begin(), unknown.end(), key) == unknown.end()) unknown.push_back(key);
    }
    return unknown;
}

SettingErrors SettingsReader::problems() const {
    SettingErrors problems = _errors;
    for (const auto& key : unknownKeys()) problems.push_back({key, unknownMessage(key, _known)});
    std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
    return problems;
}

} // namespace switchboard::sdk
