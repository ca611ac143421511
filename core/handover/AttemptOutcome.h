#pragma once

#include "core/common/EnumNames.h"

#include <switchboard/sdk/DeliveryResult.h>

namespace switchboard::core::handover {

/// What one attempt at a delivery came to, as the attempt log (`delivery_attempts.outcome`) and the API write it;
/// the only place these names are spelt. The attempt after which a delivery gives up is `failed`, even when the
/// channel asked for a retry.
inline constexpr common::EnumNames<sdk::DeliveryResult::Outcome, 3> AttemptOutcomeNames{{{
    {sdk::DeliveryResult::Outcome::Delivered, "delivered"},
    {sdk::DeliveryResult::Outcome::Retry, "retry"},
    {sdk::DeliveryResult::Outcome::Failed, "failed"},
}}};

} // namespace switchboard::core::handover
