#pragma once

#include <string>

namespace switchboard::core::handover {

/// A URL as people who may not see its credentials are shown it: the user name and password it carries
/// (`https://user:pass@host/`) and the values of query parameters that look like credentials (`?api_key=...`, see
/// SecretName) become SecretName::Mask; the rest stays as written, so the URL still says where it leads.
class UrlRedactor {
public:
    /// `url` redacted; text that is not a URL with an authority (`scheme://...`) is returned as it is.
    static std::string redact(const std::string& url);
};

} // namespace switchboard::core::handover
