// libFuzzer target for the hub.yaml reader (core/config: ConfigLoader::parseHub, HubConfigParser, YamlMap).
// Input: the text of hub.yaml. It is accepted or refused with a ConfigError whose every issue names the file and a
// line within the input; an accepted configuration has its paths made absolute. Any other exception traps.
// Built and run by tests/fuzz/run.

#include "core/config/ConfigLoader.h"
#include "tests/fuzz/ConfigErrorCheck.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace switchboard::core::config;
using switchboard::tests::fuzz::check;
using switchboard::tests::fuzz::checkConfigError;

namespace {

const std::string HubFile = "/etc/switchboard/hub.yaml";

/// A fixed environment, so that `${...}` references resolve the same way on every run.
std::optional<std::string> environment(const std::string& name) {
    if (name == "CRM_WEBHOOK_SECRET") return "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    if (name == "PORT") return "8080";
    return std::nullopt;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ConfigLoader loader(environment);
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const HubConfig hub = loader.parseHub(text, HubFile);
        check(hub.sourceFile == HubFile);
        check(hub.widgetsDir.starts_with('/') && hub.pluginDir.starts_with('/'));
        check(hub.server.webRoot.starts_with('/'));
    } catch (const ConfigError& error) {
        checkConfigError(error, text, HubFile);
    }
    return 0;
}
