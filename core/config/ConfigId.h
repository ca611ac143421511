#pragma once

#include <string_view>

namespace switchboard::core::config {

/// Widget ids, channel instance names and handover method names: `[a-z0-9][a-z0-9_-]{0,63}`. They appear in
/// file names, URLs and database rows, so they stay this plain.
bool isValidConfigId(std::string_view id);

} // namespace switchboard::core::config
