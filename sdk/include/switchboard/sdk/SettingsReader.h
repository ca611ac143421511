#pragma once

#include "switchboard/sdk/Settings.h"

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace switchboard::sdk {

/// Reads a channel's settings with typed getters and collects every problem instead of stopping at the first, so
/// that `configure` and `validateMethod` report all of them at once:
///
///     SettingsReader reader(settings);
///     _userAgent = reader.string("user_agent", DefaultUserAgent);
///     const auto url = reader.httpUrl("url", SettingsReader::Required{"the address the webhook is POSTed to"});
///     return reader.problems();
///
/// Each getter comes in two forms: with a fallback, returned when the key is absent (or its value is wrong, which
/// is reported), and with `Required`, which reports a key that is absent or empty and returns nullopt. Every key a
/// getter asks for is known; `problems()` also reports each key that no getter asked for, with the nearest known
/// key as a suggestion ("unknown setting 'urll' (did you mean 'url'?)"). Messages name what was expected; they
/// never quote a secret, a URL (its path or query may hold a credential), an email address or a phone number.
class SettingsReader {
public:
    /// The key must be given. `purpose` follows "is required: " in the message.
    struct Required {
        std::string purpose;
    };

    /// The whole numbers a setting accepts, both ends included.
    struct Range {
        std::int64_t min = std::numeric_limits<std::int64_t>::min();
        std::int64_t max = std::numeric_limits<std::int64_t>::max();
    };

    /// The durations a setting accepts, both ends included.
    struct DurationRange {
        std::chrono::seconds min = std::chrono::seconds(0);
        std::chrono::seconds max = std::chrono::seconds::max();
    };

    /// An http:// or https:// URL: the text as given, and its host for messages that must not quote the URL.
    struct HttpUrl {
        std::string text;
        std::string host;
    };

    explicit SettingsReader(Settings settings);

    /// Any text, as given (an empty value is a value).
    std::string string(const std::string& key, std::string fallback);
    std::optional<std::string> string(const std::string& key, const Required& required);

    /// A whole number in decimal, optionally negative, within `range`.
    std::int64_t integer(const std::string& key, std::int64_t fallback);
    std::int64_t integer(const std::string& key, std::int64_t fallback, Range range);
    std::optional<std::int64_t> integer(const std::string& key, Range range, const Required& required);

    /// `true` or `false`.
    bool boolean(const std::string& key, bool fallback);
    std::optional<bool> boolean(const std::string& key, const Required& required);

    /// A list: as hub.yaml's lists arrive (`key.0`, `key.1`, ...), or one value of comma-separated items
    /// (`"a, b"`, handy from an environment variable). Items are trimmed; empty items are dropped. Required means
    /// at least one item.
    std::vector<std::string> list(const std::string& key, std::vector<std::string> fallback = {});
    std::optional<std::vector<std::string>> list(const std::string& key, const Required& required);

    /// A whole number of seconds, `90` or `90s`, of minutes, `5m`, or of hours, `2h`, within `range`.
    std::chrono::seconds duration(const std::string& key, std::chrono::seconds fallback);
    std::chrono::seconds duration(const std::string& key, std::chrono::seconds fallback, DurationRange range);
    std::optional<std::chrono::seconds> duration(const std::string& key, DurationRange range,
                                                 const Required& required);

    /// Text of at least `minLength` characters whose value no message ever quotes.
    std::string secret(const std::string& key, std::string fallback, std::size_t minLength = 1);
    std::optional<std::string> secret(const std::string& key, const Required& required, std::size_t minLength = 1);

    /// An http:// or https:// URL with a host, without spaces or control characters.
    HttpUrl httpUrl(const std::string& key, HttpUrl fallback);
    std::optional<HttpUrl> httpUrl(const std::string& key, const Required& required);

    /// One address, `local@domain.example`, as isValidEmail (ContactAddress.h) accepts it.
    std::string email(const std::string& key, std::string fallback);
    std::optional<std::string> email(const std::string& key, const Required& required);

    /// A phone number in E.164 form, as isValidE164 (ContactAddress.h) accepts it: `+`, a country code that does
    /// not start with 0, 8 to 15 digits in all, no spaces (`+447700900123`).
    std::string phone(const std::string& key, std::string fallback);
    std::optional<std::string> phone(const std::string& key, const Required& required);

    /// Records a problem the channel found itself (a value of the right type that does not fit), among the others.
    void report(const std::string& key, std::string message);

    /// The keys no getter asked for, in order; the items of an unknown list count once, under the list's key.
    std::vector<std::string> unknownKeys() const;

    /// Every problem reported so far, then one per unknown key, ordered by key.
    SettingErrors problems() const;

private:
    /// The value at `key`, or nullptr; either way the key is known from now on.
    const std::string* lookup(const std::string& key);
    /// As lookup, but an absent or empty value is reported as required and gives nullptr.
    const std::string* lookupRequired(const std::string& key, const Required& required);
    /// The items of the list at `key`, or nullopt when it is absent; every key of the list is known from now on.
    std::optional<std::vector<std::string>> lookupList(const std::string& key);

    Settings _settings;
    std::set<std::string> _known;
    std::set<std::string> _listItems;
    SettingErrors _errors;
};

} // namespace switchboard::sdk
