#pragma once
/// @file
/// Typed rows from a named data source ("provider") and the schema a provider declares, so
/// that templates can be checked against it when they are loaded, not when a user prints.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "esep/core/date.hpp"
#include "esep/core/money.hpp"
#include "esep/core/result.hpp"
#include "esep/core/text.hpp"

namespace esep::forms {

enum class FieldType { kText, kMoney, kInteger, kDate };

/// "text", "money", "integer", "date".
std::string_view FieldTypeName(FieldType type);
std::optional<FieldType> ParseFieldType(std::string_view name);

/// One value of a row; std::monostate is "no value" (SQL NULL), allowed in every field.
using Value = std::variant<std::monostate, std::string, core::Money, std::int64_t, core::Date>;

/// Whether `value` may stand in a field of `type` (monostate fits every type).
bool ValueFits(const Value& value, FieldType type);

struct FieldDef {
  std::string name;
  FieldType type = FieldType::kText;

  bool operator==(const FieldDef&) const = default;
};

/// The rows a provider returned. Every row has one value per field, in field order.
struct DataSet {
  std::vector<FieldDef> fields;
  std::vector<std::vector<Value>> rows;

  std::optional<std::size_t> FieldIndex(std::string_view name) const;
  const FieldDef* FindField(std::string_view name) const;
  /// Every row has fields.size() values and each value fits its field. Error
  /// "forms.data.shape" with field "rows[i]" or "rows[i].<field>".
  core::Status Check() const;
};

/// The kinds of run parameter a template may declare.
enum class ParameterType {
  kDate,
  kInteger,
  kText,
  kInstitution  ///< an institution's id (decimal); printed as the institution's name
};

/// "date", "integer", "text", "institution".
std::string_view ParameterTypeName(ParameterType type);
std::optional<ParameterType> ParseParameterType(std::string_view name);

/// A parameter a provider understands.
struct SourceParameter {
  std::string name;
  ParameterType type = ParameterType::kText;
  bool required = false;  ///< the provider cannot run without it
  core::LocalizedText label;

  bool operator==(const SourceParameter&) const = default;
};

/// What a provider returns and accepts: templates are validated against it at load time.
struct SourceSchema {
  std::string name;  ///< e.g. "institutions"
  std::vector<FieldDef> fields;
  std::vector<SourceParameter> parameters;

  const FieldDef* FindField(std::string_view field) const;
  const SourceParameter* FindParameter(std::string_view parameter) const;
};

}  // namespace esep::forms
