#pragma once

#include "sdk/src/EnumNames.h"

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace switchboard::core::common {

/// The one table that maps an enum's values to the names the API, the socket and the database use, both ways:
///
///     inline constexpr EnumNames<Colour, 2> ColourNames{{{{Colour::Red, "red"}, {Colour::Blue, "blue"}}}};
///
/// Keep one table per enum, next to the enum, and go through it wherever a value becomes text or text a value.
template <typename Enum, std::size_t Count>
class EnumNames {
public:
    using Entry = typename sdk::EnumNames<Enum, Count>::Entry;

    constexpr explicit EnumNames(std::array<Entry, Count> entries) : _names(entries) {}

    /// The name of `value`; every value has one.
    constexpr std::string_view name(Enum value) const {
        const auto name = _names.nameOf(value);
        if (name.empty()) throw std::logic_error("an enum value without a name");
        return name;
    }

    /// The value named `text`, or nullopt for a name that is none of them (from a request, say).
    constexpr std::optional<Enum> parse(std::string_view text) const { return _names.valueOf(text); }

    /// The value named `text`, which was stored by this hub: a name that is none of them is a broken invariant,
    /// thrown as std::runtime_error naming `what` ("conversation status").
    Enum stored(std::string_view text, std::string_view what) const {
        if (const auto value = parse(text)) return *value;
        throw std::runtime_error("unknown " + std::string(what) + " '" + std::string(text) + "' in the database");
    }

    /// "a, b or c": the names, for a message that says what is accepted.
    std::string list() const {
        std::string text;
        for (std::size_t i = 0; i < Count; ++i) {
            if (i > 0) text += i + 1 == Count ? " or " : ", ";
            text += _names.entries()[i].second;
        }
        return text;
    }

private:
    /// The lookups are the SDK's, whose own enums (delivery kinds, provider statuses) use the same helper.
    sdk::EnumNames<Enum, Count> _names;
};

} // namespace switchboard::core::common
