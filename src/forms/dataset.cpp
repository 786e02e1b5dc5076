#include "esep/forms/dataset.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace esep::forms {
namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 4> kFieldTypes{{
    {FieldType::kText, "text"},
    {FieldType::kMoney, "money"},
    {FieldType::kInteger, "integer"},
    {FieldType::kDate, "date"},
}};

constexpr std::array<std::pair<ParameterType, std::string_view>, 4> kParameterTypes{{
    {ParameterType::kDate, "date"},
    {ParameterType::kInteger, "integer"},
    {ParameterType::kText, "text"},
    {ParameterType::kInstitution, "institution"},
}};

template <typename Enum, std::size_t N>
std::string_view NameIn(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> FindIn(const std::array<std::pair<Enum, std::string_view>, N>& table,
                           std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

}  // namespace

std::string_view FieldTypeName(FieldType type) { return NameIn(kFieldTypes, type); }
std::optional<FieldType> ParseFieldType(std::string_view name) { return FindIn(kFieldTypes, name); }
std::string_view ParameterTypeName(ParameterType type) { return NameIn(kParameterTypes, type); }
std::optional<ParameterType> ParseParameterType(std::string_view name) {
  return FindIn(kParameterTypes, name);
}

bool ValueFits(const Value& value, FieldType type) {
  switch (type) {
    case FieldType::kText:
      return !std::holds_alternative<core::Money>(value) &&
             !std::holds_alternative<std::int64_t>(value) &&
             !std::holds_alternative<core::Date>(value);
    case FieldType::kMoney:
      return std::holds_alternative<std::monostate>(value) ||
             std::holds_alternative<core::Money>(value);
    case FieldType::kInteger:
      return std::holds_alternative<std::monostate>(value) ||
             std::holds_alternative<std::int64_t>(value);
    case FieldType::kDate:
      return std::holds_alternative<std::monostate>(value) ||
             std::holds_alternative<core::Date>(value);
  }
  return false;
}

std::optional<std::size_t> DataSet::FieldIndex(std::string_view name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return i;
  }
  return std::nullopt;
}

const FieldDef* DataSet::FindField(std::string_view name) const {
  const auto index = FieldIndex(name);
  return index ? &fields[*index] : nullptr;
}

core::Status DataSet::Check() const {
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() != fields.size()) {
      return core::MakeError(
          "forms.data.shape",
          fmt::format("{}-жолда {} мән бар, ал өрістер саны {}", r + 1, row.size(), fields.size()),
          fmt::format("В строке {} значений {}, а полей {}", r + 1, row.size(), fields.size()),
          fmt::format("Row {} has {} values but there are {} fields", r + 1, row.size(),
                      fields.size()),
          fmt::format("rows[{}]", r));
    }
    for (std::size_t f = 0; f < fields.size(); ++f) {
      if (ValueFits(row[f], fields[f].type)) continue;
      const std::string_view type = FieldTypeName(fields[f].type);
      return core::MakeError("forms.data.shape",
                             fmt::format("{}-жолдағы «{}» өрісінің мәні {} түріне сәйкес емес",
                                         r + 1, fields[f].name, type),
                             fmt::format("Значение поля «{}» в строке {} не соответствует типу {}",
                                         fields[f].name, r + 1, type),
                             fmt::format("The value of field '{}' in row {} is not of type {}",
                                         fields[f].name, r + 1, type),
                             fmt::format("rows[{}].{}", r, fields[f].name));
    }
  }
  return core::Status::Ok();
}

const FieldDef* SourceSchema::FindField(std::string_view field) const {
  for (const auto& def : fields) {
    if (def.name == field) return &def;
  }
  return nullptr;
}

const SourceParameter* SourceSchema::FindParameter(std::string_view parameter) const {
  for (const auto& def : parameters) {
    if (def.name == parameter) return &def;
  }
  return nullptr;
}

}  // namespace esep::forms
