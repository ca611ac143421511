#pragma once

#include "core/conversation/Message.h"
#include "core/handover/HandoverRequest.h"
#include "core/handover/OutboxDelivery.h"

#include <Poco/JSON/Object.h>

#include <optional>
#include <vector>

namespace switchboard::core::handover {

/// Handover requests, deliveries and attempts as the API shows them to agents.
class HandoverJson {
public:
    static Poco::JSON::Object::Ptr request(const HandoverRequest& request);
    /// A delivery with its attempt log, oldest attempt first.
    static Poco::JSON::Object::Ptr delivery(const OutboxDelivery& delivery, const std::vector<DeliveryAttempt>& attempts);
    /// A delivery's provider status, as `delivery:status` announces it.
    static Poco::JSON::Object::Ptr deliveryStatus(const HandoverRequest& request, const OutboxDelivery& delivery);
    /// What the visitor who asked sees: no errors, no receivers' answers; `notice` is the confirmation as the
    /// conversation stored it (null when an open request was returned).
    static Poco::JSON::Object::Ptr forVisitor(const HandoverRequest& request, const std::string& confirmation,
                                              const std::optional<conversation::Message>& notice);
};

} // namespace switchboard::core::handover
