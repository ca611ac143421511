#include "switchboard/sdk/Error.h"

namespace switchboard::sdk {

Error::Error(const std::string& message) : std::runtime_error(message) {}
Error::~Error() = default;

} // namespace switchboard::sdk
