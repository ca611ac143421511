#include "core/config/ConfigId.h"

namespace switchboard::core::config {

namespace {

bool isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

} // namespace

bool isValidConfigId(std::string_view id) {
    if (id.empty() || id.size() > 64 || !isLowerAlnum(id.front())) {
        return false;
    }
    for (char c : id) {
        if (!isLowerAlnum(c) && c != '_' && c != '-') {
            return false;
        }
    }
    return true;
}

} // namespace switchboard::core::config
