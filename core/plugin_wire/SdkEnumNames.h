#pragma once

#include "core/common/EnumNames.h"

#include <switchboard/sdk/ChannelDescription.h>
#include <switchboard/sdk/InboundOutcome.h>
#include <switchboard/sdk/SettingDescription.h>
#include <switchboard/sdk/StatusUpdate.h>
#include <switchboard/sdk/TestResult.h>

namespace switchboard::core::plugin_wire {

// The names on the plugin wire of the SDK's enums that have no name functions of their own in the SDK (delivery
// kinds, sender types and provider statuses do, and DeliveryResult::Outcome has core/handover/AttemptOutcome.h).

inline constexpr common::EnumNames<sdk::VisitorReach, 3> VisitorReachNames{{{
    {sdk::VisitorReach::None, "none"},
    {sdk::VisitorReach::Email, "email"},
    {sdk::VisitorReach::Phone, "phone"},
}}};

inline constexpr common::EnumNames<sdk::SettingDescription::Type, 3> SettingTypeNames{{{
    {sdk::SettingDescription::Type::Text, "text"},
    {sdk::SettingDescription::Type::Secret, "secret"},
    {sdk::SettingDescription::Type::HttpUrl, "http_url"},
}}};

inline constexpr common::EnumNames<sdk::TestResult::Outcome, 4> TestOutcomeNames{{{
    {sdk::TestResult::Outcome::Passed, "passed"},
    {sdk::TestResult::Outcome::Failed, "failed"},
    {sdk::TestResult::Outcome::InvalidSettings, "invalid_settings"},
    {sdk::TestResult::Outcome::NotSupported, "not_supported"},
}}};

inline constexpr common::EnumNames<sdk::InboundOutcome::Kind, 3> InboundOutcomeKindNames{{{
    {sdk::InboundOutcome::Kind::Stored, "stored"},
    {sdk::InboundOutcome::Kind::Duplicate, "duplicate"},
    {sdk::InboundOutcome::Kind::Refused, "refused"},
}}};

inline constexpr common::EnumNames<sdk::StatusUpdate, 3> StatusUpdateNames{{{
    {sdk::StatusUpdate::Applied, "applied"},
    {sdk::StatusUpdate::Stale, "stale"},
    {sdk::StatusUpdate::Unknown, "unknown"},
}}};

} // namespace switchboard::core::plugin_wire
