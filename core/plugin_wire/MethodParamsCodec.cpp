#include "core/plugin_wire/MethodParamsCodec.h"

#include "core/plugin_wire/AgentNotificationWire.h"
#include "core/plugin_wire/DeliveryWire.h"
#include "core/plugin_wire/InboundWire.h"
#include "core/plugin_wire/ObjectReader.h"
#include "core/plugin_wire/SettingsWire.h"

namespace switchboard::core::plugin_wire {

namespace {

Poco::JSON::Object::Ptr forInstance(const std::string& instance) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("instance", instance);
    return json;
}

struct Encoder {
    Poco::JSON::Object::Ptr operator()(const NoParams&) const { return new Poco::JSON::Object; }
    Poco::JSON::Object::Ptr operator()(const SettingsParams& params) const {
        auto json = forInstance(params.instance);
        json->set("settings", SettingsWire::toJson(params.settings));
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const DeliverParams& params) const {
        auto json = forInstance(params.instance);
        json->set("delivery", DeliveryWire::toJson(params.delivery));
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const InboundParams& params) const {
        auto json = forInstance(params.instance);
        json->set("request", InboundWire::requestToJson(params.request));
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const PostInboundMessageParams& params) const {
        auto json = forInstance(params.instance);
        json->set("message", InboundWire::messageToJson(params.message));
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const UpdateDeliveryStatusParams& params) const {
        auto json = forInstance(params.instance);
        json->set("provider_id", params.providerId);
        json->set("status", std::string(sdk::toString(params.status)));
        json->set("error_code", params.errorCode);
        json->set("error_text", params.errorText);
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const OptOutParams& params) const {
        auto json = forInstance(params.instance);
        json->set("address", params.address);
        json->set("opted_out", params.optedOut);
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const NotifyAgentsParams& params) const {
        auto json = forInstance(params.instance);
        json->set("notification", AgentNotificationWire::toJson(params.notification));
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const SecretParams& params) const {
        auto json = forInstance(params.instance);
        json->set("name", params.name);
        return json;
    }
    Poco::JSON::Object::Ptr operator()(const LogParams& params) const {
        auto json = forInstance(params.instance);
        json->set("level", std::string(LogLevelNames.name(params.level)));
        json->set("message", params.message);
        return json;
    }
};

MethodParams read(Method method, ObjectReader& reader) {
    switch (method) {
    case Method::Describe:
    case Method::Ping: return NoParams{};
    case Method::Configure:
    case Method::ValidateMethod:
    case Method::Test: {
        SettingsParams params{reader.string("instance"), {}};
        params.settings = SettingsWire::fromJson(reader, "settings");
        return params;
    }
    case Method::Deliver: {
        DeliverParams params{reader.string("instance"), {}};
        params.delivery = DeliveryWire::fromJson(reader.object("delivery"));
        return params;
    }
    case Method::Inbound: {
        InboundParams params{reader.string("instance"), {}};
        params.request = InboundWire::requestFromJson(reader.object("request"));
        return params;
    }
    case Method::PostInboundMessage: {
        PostInboundMessageParams params{reader.string("instance"), {}};
        params.message = InboundWire::messageFromJson(reader.object("message"));
        return params;
    }
    case Method::UpdateDeliveryStatus: {
        UpdateDeliveryStatusParams params;
        params.instance = reader.string("instance");
        params.providerId = reader.string("provider_id");
        params.status = reader.parsed("status", sdk::parseProviderStatus, "provider status");
        params.errorCode = reader.string("error_code");
        params.errorText = reader.string("error_text");
        return params;
    }
    case Method::OptOut: {
        OptOutParams params;
        params.instance = reader.string("instance");
        params.address = reader.string("address");
        params.optedOut = reader.boolean("opted_out");
        return params;
    }
    case Method::NotifyAgents: {
        NotifyAgentsParams params{reader.string("instance"), {}};
        params.notification = AgentNotificationWire::fromJson(reader.object("notification"));
        return params;
    }
    case Method::Secret: {
        SecretParams params;
        params.instance = reader.string("instance");
        params.name = reader.string("name");
        return params;
    }
    case Method::Log: break;
    }
    LogParams params;
    params.instance = reader.string("instance");
    params.level = reader.named("level", LogLevelNames);
    params.message = reader.string("message");
    return params;
}

} // namespace

Poco::JSON::Object::Ptr MethodParamsCodec::encode(const MethodParams& params) { return std::visit(Encoder{}, params); }

MethodParams MethodParamsCodec::decode(Method method, const Poco::JSON::Object::Ptr& params) {
    ObjectReader reader(params, "params");
    auto decoded = read(method, reader);
    reader.finish();
    return decoded;
}

} // namespace switchboard::core::plugin_wire
