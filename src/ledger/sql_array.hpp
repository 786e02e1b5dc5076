#pragma once
/// @file
/// PostgreSQL array literals for binding many values as one parameter ("{...}"), so that a
/// document's lines travel in one statement whatever their number (libpqxx 6 binds scalars).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace esep::ledger::detail {

/// {"a","b\"c"}: every element quoted, quotes and backslashes escaped.
std::string TextArray(const std::vector<std::string>& values);
/// {1,2,3}
std::string BigintArray(const std::vector<std::int64_t>& values);
/// libpqxx 6 binds no std::optional: the id as text, or a null pointer for SQL NULL. The
/// string must outlive the statement.
std::optional<std::string> IdText(std::optional<std::int64_t> id);
inline const char* Nullable(const std::optional<std::string>& text) {
  return text ? text->c_str() : nullptr;
}

/// {"a",NULL,"c"}: a null pointer is NULL.
std::string NullableTextArray(const std::vector<const std::string*>& values);

}  // namespace esep::ledger::detail
