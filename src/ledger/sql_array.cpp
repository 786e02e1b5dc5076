#include "sql_array.hpp"

namespace esep::ledger::detail {
namespace {

void AppendQuoted(std::string& literal, const std::string& value) {
  literal += '"';
  for (char c : value) {
    if (c == '"' || c == '\\') literal += '\\';
    literal += c;
  }
  literal += '"';
}

}  // namespace

std::optional<std::string> IdText(std::optional<std::int64_t> id) {
  if (!id || *id == 0) return std::nullopt;
  return std::to_string(*id);
}

std::string TextArray(const std::vector<std::string>& values) {
  std::string literal = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) literal += ',';
    AppendQuoted(literal, values[i]);
  }
  return literal + "}";
}

std::string BigintArray(const std::vector<std::int64_t>& values) {
  std::string literal = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) literal += ',';
    literal += std::to_string(values[i]);
  }
  return literal + "}";
}

std::string NullableTextArray(const std::vector<const std::string*>& values) {
  std::string literal = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) literal += ',';
    if (values[i] == nullptr) {
      literal += "NULL";
    } else {
      AppendQuoted(literal, *values[i]);
    }
  }
  return literal + "}";
}

}  // namespace esep::ledger::detail
