#pragma once

#include "core/common/EnumNames.h"

#include <initializer_list>
#include <string>

namespace switchboard::core::store {

/// `'pending'`, or `'bot', 'pending'` for several: enum names written into a query as constants, where the query
/// needs them so (a plan that must not depend on a parameter). The names come from the enum's table, never from
/// input, so quoting them is safe.
template <typename Enum, std::size_t Count>
std::string sqlLiterals(const common::EnumNames<Enum, Count>& names, std::initializer_list<Enum> values) {
    std::string text;
    for (const auto value : values) {
        if (!text.empty()) text += ", ";
        text += "'" + std::string(names.name(value)) + "'";
    }
    return text;
}

} // namespace switchboard::core::store
