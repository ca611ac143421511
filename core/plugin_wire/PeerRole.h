#pragma once

#include "core/common/EnumNames.h"

namespace switchboard::core::plugin_wire {

/// Which end of the connection a peer is: the hub, or a plugin host it started.
enum class PeerRole { Hub, Host };

inline constexpr common::EnumNames<PeerRole, 2> PeerRoleNames{{{
    {PeerRole::Hub, "hub"},
    {PeerRole::Host, "host"},
}}};

} // namespace switchboard::core::plugin_wire
