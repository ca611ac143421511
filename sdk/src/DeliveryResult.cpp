#include "switchboard/sdk/DeliveryResult.h"

#include <utility>

namespace switchboard::sdk {

namespace {

DeliveryResult resultOf(DeliveryResult::Outcome outcome, std::string detail) {
    DeliveryResult result;
    result.outcome = outcome;
    result.detail = std::move(detail);
    return result;
}

} // namespace

DeliveryResult DeliveryResult::delivered(std::string detail) {
    return resultOf(Outcome::Delivered, std::move(detail));
}

DeliveryResult DeliveryResult::retry(std::string detail) { return resultOf(Outcome::Retry, std::move(detail)); }

DeliveryResult DeliveryResult::failed(std::string detail) { return resultOf(Outcome::Failed, std::move(detail)); }

} // namespace switchboard::sdk
