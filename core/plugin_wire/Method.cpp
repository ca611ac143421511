#include "core/plugin_wire/Method.h"

namespace switchboard::core::plugin_wire {

PeerRole senderOf(Method method) {
    switch (method) {
    case Method::Describe:
    case Method::Configure:
    case Method::ValidateMethod:
    case Method::Test:
    case Method::Deliver:
    case Method::Inbound:
    case Method::Ping: return PeerRole::Hub;
    case Method::PostInboundMessage:
    case Method::UpdateDeliveryStatus:
    case Method::OptOut:
    case Method::NotifyAgents:
    case Method::Secret:
    case Method::Log: break;
    }
    return PeerRole::Host;
}

bool isNotice(Method method) { return method == Method::Log; }

} // namespace switchboard::core::plugin_wire
