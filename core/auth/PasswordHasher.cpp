#include "core/auth/PasswordHasher.h"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

namespace switchboard::core::auth {

namespace {

void initSodium() {
    static std::once_flag once;
    static int result = 0;
    std::call_once(once, [] { result = sodium_init(); });
    if (result < 0) throw std::runtime_error("libsodium could not be initialised");
}

/// libsodium reads the stored hash as a C string, so one that does not fit its buffer or carries an embedded
/// NUL (which would silently cut it short) is rejected up front.
bool isPlausibleHashString(const std::string& storedHash) {
    return storedHash.size() < crypto_pwhash_STRBYTES && storedHash.find('\0') == std::string::npos;
}

} // namespace

PasswordHasher::PasswordHasher(Strength strength)
    : _opsLimit(strength == Strength::Interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MIN),
      _memLimit(strength == Strength::Interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MIN) {
    initSodium();
    _dummyHash = hash("an unguessable password that no account has");
}

std::string PasswordHasher::hash(const std::string& password) const {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), _opsLimit, _memLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("password hashing failed (out of memory)");
    }
    return out;
}

bool PasswordHasher::verify(const std::string& storedHash, const std::string& password) const {
    if (!isPlausibleHashString(storedHash)) return false;
    return crypto_pwhash_str_verify(storedHash.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needsRehash(const std::string& storedHash) const {
    if (!isPlausibleHashString(storedHash)) return true;
    return crypto_pwhash_str_needs_rehash(storedHash.c_str(), _opsLimit, _memLimit) != 0;
}

void PasswordHasher::burnEquivalentTime(const std::string& password) const {
    verify(_dummyHash, password); // only the work matters, not the answer
}

} // namespace switchboard::core::auth
