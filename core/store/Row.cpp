#include "core/store/Row.h"

namespace switchboard::core::store {

std::string Row::text(std::size_t column) const {
    const auto& value = _records.value(column, _row);
    return value.isEmpty() ? std::string() : value.convert<std::string>();
}

std::optional<std::string> Row::optText(std::size_t column) const {
    const auto& value = _records.value(column, _row);
    if (value.isEmpty()) return std::nullopt;
    return value.convert<std::string>();
}

std::int64_t Row::int64(std::size_t column) const {
    const auto& value = _records.value(column, _row);
    return value.isEmpty() ? 0 : value.convert<Poco::Int64>();
}

std::optional<std::int64_t> Row::optInt64(std::size_t column) const {
    const auto& value = _records.value(column, _row);
    if (value.isEmpty()) return std::nullopt;
    return value.convert<Poco::Int64>();
}

double Row::real(std::size_t column) const {
    const auto& value = _records.value(column, _row);
    return value.isEmpty() ? 0.0 : value.convert<double>();
}

std::optional<double> Row::optReal(std::size_t column) const {
    const auto& value = _records.value(column, _row);
    if (value.isEmpty()) return std::nullopt;
    return value.convert<double>();
}

bool Row::boolean(std::size_t column) const {
    const auto& value = _records.value(column, _row);
    if (value.isEmpty()) return false;
    if (value.isString()) {
        const auto text = value.convert<std::string>();
        return text == "1" || text == "t" || text == "true";
    }
    return value.convert<bool>();
}

} // namespace switchboard::core::store
