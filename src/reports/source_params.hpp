#pragma once
/// @file
/// Reading resolved parameters inside providers (private to esep_reports).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "esep/core/date.hpp"
#include "esep/core/error.hpp"
#include "esep/core/result.hpp"
#include "esep/forms/parameters.hpp"

namespace esep::reports {

inline core::Error Unresolved(std::string_view name) {
  const std::string text(name);
  return core::MakeError("forms.parameter.unresolved", "«" + text + "» параметрі берілмеген",
                         "Не задан параметр «" + text + "»", "Parameter '" + text + "' is missing",
                         text);
}

/// A required date parameter (ResolveParameters guarantees it for templates of the source).
inline core::Result<core::Date> DateParameter(const forms::ParameterValues& params,
                                              std::string_view name) {
  const auto it = params.find(name);
  if (it == params.end()) return Unresolved(name);
  if (const auto* date = std::get_if<core::Date>(&it->second)) return *date;
  return Unresolved(name);
}

/// An optional id parameter as decimal text for SQL; nullopt when absent or empty.
inline std::optional<std::string> IdParameterText(const forms::ParameterValues& params,
                                                  std::string_view name) {
  const auto it = params.find(name);
  if (it == params.end()) return std::nullopt;
  if (const auto* id = std::get_if<std::int64_t>(&it->second)) return std::to_string(*id);
  return std::nullopt;
}

/// An optional text parameter; nullopt when absent or empty.
inline std::optional<std::string> TextParameter(const forms::ParameterValues& params,
                                                std::string_view name) {
  const auto it = params.find(name);
  if (it == params.end()) return std::nullopt;
  if (const auto* text = std::get_if<std::string>(&it->second); text && !text->empty()) {
    return *text;
  }
  return std::nullopt;
}

}  // namespace esep::reports
