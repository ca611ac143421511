#include "core/store/Row.h"

#include <Poco/NumberParser.h>

namespace switchboard::core::store {

namespace {

std::string toText(const Cell& cell) {
    if (const auto* text = std::get_if<std::string>(&cell)) return *text;
    if (const auto* number = std::get_if<std::int64_t>(&cell)) return std::to_string(*number);
    if (const auto* real = std::get_if<double>(&cell)) return std::to_string(*real);
    return {};
}

std::int64_t toInt64(const Cell& cell) {
    if (const auto* number = std::get_if<std::int64_t>(&cell)) return *number;
    if (const auto* text = std::get_if<std::string>(&cell)) return Poco::NumberParser::parse64(*text);
    if (const auto* real = std::get_if<double>(&cell)) return static_cast<std::int64_t>(*real);
    return 0;
}

double toReal(const Cell& cell) {
    if (const auto* real = std::get_if<double>(&cell)) return *real;
    if (const auto* number = std::get_if<std::int64_t>(&cell)) return static_cast<double>(*number);
    if (const auto* text = std::get_if<std::string>(&cell)) return Poco::NumberParser::parseFloat(*text);
    return 0.0;
}

Cell fromVar(const Poco::Dynamic::Var& value) {
    if (value.isEmpty()) return {};
    if (value.isString()) return value.convert<std::string>();
    if (value.isBoolean()) return std::int64_t{value.convert<bool>() ? 1 : 0};
    if (value.isInteger()) return value.convert<Poco::Int64>();
    if (value.isNumeric()) return value.convert<double>();
    return value.convert<std::string>();
}

} // namespace

Cell Row::cell(std::size_t column) const {
    if (_result) return _result->rows.at(_row).at(column);
    return fromVar(_records->value(column, _row));
}

std::string Row::text(std::size_t column) const { return toText(cell(column)); }

std::optional<std::string> Row::optText(std::size_t column) const {
    auto value = cell(column);
    if (std::holds_alternative<std::monostate>(value)) return std::nullopt;
    return toText(value);
}

std::int64_t Row::int64(std::size_t column) const { return toInt64(cell(column)); }

std::optional<std::int64_t> Row::optInt64(std::size_t column) const {
    auto value = cell(column);
    if (std::holds_alternative<std::monostate>(value)) return std::nullopt;
    return toInt64(value);
}

double Row::real(std::size_t column) const { return toReal(cell(column)); }

std::optional<double> Row::optReal(std::size_t column) const {
    auto value = cell(column);
    if (std::holds_alternative<std::monostate>(value)) return std::nullopt;
    return toReal(value);
}

bool Row::boolean(std::size_t column) const {
    const auto value = cell(column);
    if (const auto* text = std::get_if<std::string>(&value)) return *text == "1" || *text == "t" || *text == "true";
    return toInt64(value) != 0;
}

} // namespace switchboard::core::store
