#include "switchboard/sdk/Inbound.h"

#include "HeaderSearch.h"

namespace switchboard::sdk {

std::optional<std::string> InboundRequest::header(const std::string& name) const {
    return HeaderSearch::first(headers, name);
}

} // namespace switchboard::sdk
