#include "core/plugin_wire/MethodResultCodec.h"

#include "core/plugin_wire/ChannelDescriptionWire.h"
#include "core/plugin_wire/DeliveryResultWire.h"
#include "core/plugin_wire/InboundWire.h"
#include "core/plugin_wire/ObjectReader.h"
#include "core/plugin_wire/SdkEnumNames.h"
#include "core/plugin_wire/SettingsWire.h"
#include "core/plugin_wire/TestResultWire.h"

namespace switchboard::core::plugin_wire {

namespace {

struct Encoder {
    Poco::JSON::Object::Ptr operator()(const NoResult&) const { return new Poco::JSON::Object; }
    Poco::JSON::Object::Ptr operator()(const sdk::ChannelDescription& description) const {
        return ChannelDescriptionWire::toJson(description);
    }
    Poco::JSON::Object::Ptr operator()(const SettingErrorsResult& result) const {
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("errors", SettingsWire::errorsToJson(result.errors));
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const sdk::TestResult& result) const { return TestResultWire::toJson(result); }
    Poco::JSON::Object::Ptr operator()(const sdk::DeliveryResult& result) const {
        return DeliveryResultWire::toJson(result);
    }
    Poco::JSON::Object::Ptr operator()(const sdk::InboundResult& result) const {
        return InboundWire::resultToJson(result);
    }
    Poco::JSON::Object::Ptr operator()(const sdk::InboundOutcome& outcome) const {
        return InboundWire::outcomeToJson(outcome);
    }
    Poco::JSON::Object::Ptr operator()(const StatusUpdateResult& result) const {
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("update", std::string(StatusUpdateNames.name(result.update)));
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const NotifyAgentsResult& result) const {
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("online_agents", result.onlineAgents);
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const SecretResult& result) const {
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        if (result.value) json->set("value", *result.value);
        return json;
    }
};

/// `value`, read from `reader`, once `reader` has nothing else.
MethodResult finished(ObjectReader& reader, MethodResult value) {
    reader.finish();
    return value;
}

} // namespace

Poco::JSON::Object::Ptr MethodResultCodec::encode(const MethodResult& result) { return std::visit(Encoder{}, result); }

MethodResult MethodResultCodec::decode(Method method, const Poco::JSON::Object::Ptr& result) {
    // The readers of whole SDK objects take a reader of their own and finish it.
    ObjectReader reader(result, "result");
    switch (method) {
    case Method::Describe: return ChannelDescriptionWire::fromJson(reader);
    case Method::Configure:
    case Method::ValidateMethod:
        return finished(reader, SettingErrorsResult{SettingsWire::errorsFromJson(reader, "errors")});
    case Method::Test: return TestResultWire::fromJson(reader);
    case Method::Deliver: return DeliveryResultWire::fromJson(reader);
    case Method::Inbound: return InboundWire::resultFromJson(reader);
    case Method::Ping:
    case Method::OptOut: return finished(reader, NoResult{});
    case Method::PostInboundMessage: return InboundWire::outcomeFromJson(reader);
    case Method::UpdateDeliveryStatus:
        return finished(reader, StatusUpdateResult{reader.named("update", StatusUpdateNames)});
    case Method::NotifyAgents: return finished(reader, NotifyAgentsResult{reader.int32("online_agents")});
    case Method::Secret: return finished(reader, SecretResult{reader.optionalString("value")});
    case Method::Log: break;
    }
    throw WireError(ErrorCode::UnknownMethod, "a notice has no result", "method");
}

} // namespace switchboard::core::plugin_wire
