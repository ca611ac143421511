#include "switchboard/sdk/Channel.h"

namespace switchboard::sdk {

// Defined here, in the SDK library, so that the vtables and type information of the interfaces exist once in the
// process, whatever the host and each plugin were compiled with.
Channel::~Channel() = default;
Logger::~Logger() = default;
Clock::~Clock() = default;
HostServices::~HostServices() = default;
HttpClient::~HttpClient() = default;

ChannelDescription Channel::describe() const { return {}; }

TestResult Channel::test(const Settings&) {
    TestResult result;
    result.outcome = TestResult::Outcome::NotSupported;
    result.detail = "this channel offers no test";
    return result;
}

SettingErrors Channel::validateMethod(const Settings&) const { return {}; }

InboundResult Channel::inbound(const InboundRequest&) {
    return {404, "text/plain", "this channel takes no callbacks"};
}

} // namespace switchboard::sdk
