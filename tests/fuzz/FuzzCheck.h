#pragma once

namespace switchboard::tests::fuzz {

/// A broken invariant: stop here, so that libFuzzer keeps the input.
inline void check(bool condition) {
    if (!condition) __builtin_trap();
}

} // namespace switchboard::tests::fuzz
