#pragma once

#include <string_view>

namespace switchboard::sdk {

/// Pragmatic address check for contact details typed into a form, not full RFC 5322: `local@domain.tld`, at most
/// 254 characters, one `@`; the local part is 1–64 characters of RFC 5322 "atext" and dots (no leading, trailing
/// or doubled dot); the domain has at least two labels of letters, digits and inner hyphens (1–63 each) and ends
/// in a top-level label of at least two letters.
bool isValidEmail(std::string_view email);

/// E.164 phone number: `+`, then 8 to 15 digits of which the first is 1–9. No spaces or separators.
bool isValidE164(std::string_view phone);

} // namespace switchboard::sdk
