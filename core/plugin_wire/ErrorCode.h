#pragma once

#include "core/common/EnumNames.h"

namespace switchboard::core::plugin_wire {

/// Why a call failed, as an `error` message carries it (and as WireError names what was wrong with a message).
enum class ErrorCode {
    /// The message or its params are malformed: a missing field, a wrong type, an unknown value.
    BadRequest,
    /// The method is none the protocol has, or one the receiver does not take as a call.
    UnknownMethod,
    /// The call names a channel instance the host has not configured.
    UnknownInstance,
    /// The peer's `hello` names another protocol version.
    UnsupportedVersion,
    /// The plugin threw; the message is the exception's.
    PluginThrew,
    /// The call's deadline passed before it was answered.
    DeadlineExceeded,
    /// Anything else on the receiving side.
    Internal,
};

inline constexpr common::EnumNames<ErrorCode, 7> ErrorCodeNames{{{
    {ErrorCode::BadRequest, "bad_request"},
    {ErrorCode::UnknownMethod, "unknown_method"},
    {ErrorCode::UnknownInstance, "unknown_instance"},
    {ErrorCode::UnsupportedVersion, "unsupported_version"},
    {ErrorCode::PluginThrew, "plugin_threw"},
    {ErrorCode::DeadlineExceeded, "deadline_exceeded"},
    {ErrorCode::Internal, "internal"},
}}};

} // namespace switchboard::core::plugin_wire
