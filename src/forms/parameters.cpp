#include "esep/forms/parameters.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <optional>
#include <utility>

#include <fmt/format.h>

namespace esep::forms {
namespace {

constexpr std::size_t kMaxTextBytes = 500;

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

core::Error TypeError(ParameterType type, std::string_view text, std::string_view field) {
  const auto [kk, ru, en] = [type]() -> std::array<const char*, 3> {
    switch (type) {
      case ParameterType::kDate:
        return {"күн (мысалы, 15.03.2026)", "дата (например, 15.03.2026)",
                "a date (e.g. 15.03.2026)"};
      case ParameterType::kInteger:
        return {"бүтін сан", "целое число", "an integer"};
      case ParameterType::kInstitution:
        return {"мекеменің нөмірі (оң бүтін сан)", "номер учреждения (целое положительное число)",
                "an institution id (a positive integer)"};
      case ParameterType::kText:
        break;
    }
    return {"ең көбі 500 байт мәтін", "текст не длиннее 500 байт", "text of at most 500 bytes"};
  }();
  core::Error error = core::MakeError(
      "forms.parameter.type",
      fmt::format("«{}» параметрі: {} күтіледі, берілгені «{}»", field, kk, text),
      fmt::format("Параметр «{}»: ожидается {}, получено «{}»", field, ru, text),
      fmt::format("Parameter '{}': expected {}, got '{}'", field, en, text), std::string(field));
  error.details = std::string(text);
  return error;
}

std::optional<std::int64_t> ParseInt(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::optional<core::Date> DateKeyword(std::string_view text, core::Date today) {
  if (text == "today") return today;
  if (text == "month_start") return core::Date::FromYmd(today.year(), today.month(), 1).value();
  if (text == "month_end") {
    return core::Date::FromYmd(today.year(), today.month(),
                               core::Date::DaysInMonth(today.year(), today.month()))
        .value();
  }
  if (text == "year_start") return core::Date::FromYmd(today.year(), 1, 1).value();
  if (text == "year_end") return core::Date::FromYmd(today.year(), 12, 31).value();
  return std::nullopt;
}

}  // namespace

core::Result<Value> ParseParameterValue(ParameterType type, std::string_view text,
                                        std::string_view field) {
  const std::string_view trimmed = Trim(text);
  switch (type) {
    case ParameterType::kDate: {
      auto date = core::Date::Parse(trimmed, field);
      if (!date.ok()) return TypeError(type, trimmed, field);
      return Value(*date);
    }
    case ParameterType::kInteger: {
      const auto number = ParseInt(trimmed);
      if (!number) return TypeError(type, trimmed, field);
      return Value(*number);
    }
    case ParameterType::kInstitution: {
      const bool digits_only =
          !trimmed.empty() && trimmed.find_first_not_of("0123456789") == std::string_view::npos;
      const auto number = digits_only ? ParseInt(trimmed) : std::nullopt;
      if (!number || *number <= 0) return TypeError(type, trimmed, field);
      return Value(*number);
    }
    case ParameterType::kText:
      if (trimmed.size() > kMaxTextBytes) return TypeError(type, trimmed.substr(0, 40), field);
      return Value(std::string(trimmed));
  }
  return TypeError(type, trimmed, field);
}

core::Status CheckParameterDefault(ParameterType type, std::string_view text,
                                   std::string_view field) {
  const auto value = DefaultValue(type, text, core::Date::FromYmd(2000, 1, 1).value(), field);
  if (!value.ok()) return value.error();
  return core::Status::Ok();
}

core::Result<Value> DefaultValue(ParameterType type, std::string_view text, core::Date today,
                                 std::string_view field) {
  if (type == ParameterType::kDate) {
    if (const auto date = DateKeyword(Trim(text), today)) return Value(*date);
  }
  return ParseParameterValue(type, text, field);
}

core::Result<ParameterValues> ResolveParameters(const FormTemplate& form,
                                                const ParameterTexts& supplied, core::Date today) {
  for (const auto& [name, text] : supplied) {
    if (form.FindParameter(name) != nullptr) continue;
    return core::MakeError("forms.parameter.unknown",
                           fmt::format("«{}» нысанында «{}» параметрі жоқ", form.id, name),
                           fmt::format("У формы «{}» нет параметра «{}»", form.id, name),
                           fmt::format("Form '{}' has no parameter '{}'", form.id, name), name);
  }
  ParameterValues values;
  for (const auto& parameter : form.parameters) {
    const auto it = supplied.find(parameter.name);
    const bool given = it != supplied.end() && !Trim(it->second).empty();
    if (given) {
      auto value = ParseParameterValue(parameter.type, it->second, parameter.name);
      if (!value.ok()) return value.error();
      values.emplace(parameter.name, std::move(value).value());
      continue;
    }
    if (!parameter.default_value.empty()) {
      auto value = DefaultValue(parameter.type, parameter.default_value, today, parameter.name);
      if (!value.ok()) return value.error();
      values.emplace(parameter.name, std::move(value).value());
      continue;
    }
    if (parameter.required) {
      return core::MakeError(
          "forms.parameter.required", fmt::format("«{}» параметрін толтырыңыз", parameter.label.kk),
          fmt::format("Заполните параметр «{}»", parameter.label.ru),
          fmt::format("Parameter '{}' is required", parameter.label.In(core::Lang::kEn)),
          parameter.name);
    }
    values.emplace(parameter.name, std::monostate{});
  }
  return values;
}

}  // namespace esep::forms
