#pragma once

#include "core/common/EnumNames.h"

namespace switchboard::core::plugin_wire {

/// The level of a plugin's log line (the SDK Logger's info, warning and error) in a `log` notice.
enum class LogLevel { Info, Warning, Error };

inline constexpr common::EnumNames<LogLevel, 3> LogLevelNames{{{
    {LogLevel::Info, "info"},
    {LogLevel::Warning, "warning"},
    {LogLevel::Error, "error"},
}}};

} // namespace switchboard::core::plugin_wire
