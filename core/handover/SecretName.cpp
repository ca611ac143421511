#include "core/handover/SecretName.h"

#include <Poco/String.h>

#include <algorithm>
#include <initializer_list>

namespace switchboard::core::handover {

namespace {

bool containsAny(const std::string& name, std::initializer_list<const char*> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](const char* word) { return name.find(word) != std::string::npos; });
}

} // namespace

bool SecretName::isSecretSetting(const std::string& name) {
    return containsAny(name, {"secret", "password", "token", "key"});
}

bool SecretName::isSecretParameter(const std::string& name) {
    const auto lower = Poco::toLower(name);
    return isSecretSetting(lower) || containsAny(lower, {"sig", "auth", "pass", "pwd", "credential", "session"});
}

} // namespace switchboard::core::handover
