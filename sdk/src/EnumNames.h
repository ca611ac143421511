#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace switchboard::sdk {

/// An SDK enum's names on the wire, both ways, in one table kept beside the enum's functions:
///
///     constexpr EnumNames<SenderType, 2> Names{{{{SenderType::Visitor, "visitor"}, {SenderType::Agent, "agent"}}}};
///
/// Internal to the SDK library: channels include only the SDK's public headers. The hub's core builds its catalogue
/// helper (core/common/EnumNames.h) on this one.
template <typename Enum, std::size_t Count>
class EnumNames {
public:
    using Entry = std::pair<Enum, std::string_view>;

    constexpr explicit EnumNames(std::array<Entry, Count> entries) : _entries(entries) {}

    /// The name of `value`; empty only for a value the table leaves out, which a test of each table rules out.
    constexpr std::string_view nameOf(Enum value) const {
        const auto entry =
            std::find_if(_entries.begin(), _entries.end(), [&](const Entry& e) { return e.first == value; });
        return entry == _entries.end() ? std::string_view() : entry->second;
    }

    /// The value named exactly `name` (names are case-sensitive), or nullopt.
    constexpr std::optional<Enum> valueOf(std::string_view name) const {
        const auto entry =
            std::find_if(_entries.begin(), _entries.end(), [&](const Entry& e) { return e.second == name; });
        if (entry == _entries.end()) return std::nullopt;
        return entry->first;
    }

    constexpr const std::array<Entry, Count>& entries() const { return _entries; }

private:
    std::array<Entry, Count> _entries;
};

} // namespace switchboard::sdk
