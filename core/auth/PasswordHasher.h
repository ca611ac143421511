#pragma once

#include <cstddef>
#include <string>

namespace switchboard::core::auth {

/// Argon2id password hashes in libsodium's self-describing string form (`$argon2id$v=19$m=…,t=…,p=1$salt$hash`),
/// so a stored hash keeps verifying after the cost parameters change.
class PasswordHasher {
public:
    enum class Strength {
        Interactive, ///< libsodium's INTERACTIVE limits; what production uses.
        Fast,        ///< the minimum limits; only for tests, where hashing speed matters and secrecy does not.
    };

    /// Throws std::runtime_error if libsodium cannot be initialised.
    explicit PasswordHasher(Strength strength = Strength::Interactive);

    /// A new hash with a fresh random salt. Throws std::runtime_error if the memory cost cannot be allocated.
    std::string hash(const std::string& password) const;

    /// Whether `password` matches `storedHash`. False, never an exception, for a malformed or foreign hash.
    bool verify(const std::string& storedHash, const std::string& password) const;

    /// True when `storedHash` was made with other cost parameters or another algorithm (or cannot be parsed),
    /// i.e. when it should be replaced by hash(password) after the next successful verify().
    bool needsRehash(const std::string& storedHash) const;

    /// Costs as much time as verify() of a real hash does, and discards the result; used when a login names an
    /// unknown account so that response time does not reveal which accounts exist.
    void burnEquivalentTime(const std::string& password) const;

private:
    unsigned long long _opsLimit;
    std::size_t _memLimit;
    std::string _dummyHash;
};

} // namespace switchboard::core::auth
