#pragma once

#include "core/store/QueryResult.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Nullable.h>

#include <cstdint>
#include <optional>
#include <string>

namespace switchboard::core::store {

/// Typed access to one row, of a POCO RecordSet or of a prepared statement's QueryResult, by column index.
/// Values are converted rather than extracted because the two databases report different native types for
/// the same column (an expression in SQLite has no declared type; PostgreSQL's COUNT is BIGINT, and its
/// prepared statements hand every value over as text).
class Row {
public:
    Row(Poco::Data::RecordSet& records, std::size_t row) : _records(&records), _row(row) {}
    Row(const QueryResult& result, std::size_t row) : _result(&result), _row(row) {}

    bool isNull(std::size_t column) const { return std::holds_alternative<std::monostate>(cell(column)); }
    std::string text(std::size_t column) const;
    std::optional<std::string> optText(std::size_t column) const;
    std::int64_t int64(std::size_t column) const;
    std::optional<std::int64_t> optInt64(std::size_t column) const;
    double real(std::size_t column) const;
    std::optional<double> optReal(std::size_t column) const;
    bool boolean(std::size_t column) const;

private:
    Cell cell(std::size_t column) const;

    Poco::Data::RecordSet* _records = nullptr;
    const QueryResult* _result = nullptr;
    std::size_t _row;
};

template <class T>
Poco::Nullable<T> toNullable(const std::optional<T>& value) {
    return value ? Poco::Nullable<T>(*value) : Poco::Nullable<T>();
}

} // namespace switchboard::core::store
