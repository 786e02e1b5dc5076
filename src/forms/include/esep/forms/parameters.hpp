#pragma once
/// @file
/// A run's parameters: the texts a caller supplied, checked against the template's
/// declarations, with defaults applied ("today", "month_start", ...), as typed values.

#include <map>
#include <string>
#include <string_view>

#include "esep/core/date.hpp"
#include "esep/core/result.hpp"
#include "esep/forms/dataset.hpp"
#include "esep/forms/form_template.hpp"

namespace esep::forms {

/// Resolved values by parameter name: core::Date for dates, std::int64_t for integers and
/// institutions (the id), std::string for text, std::monostate for an optional parameter
/// left empty. Every parameter the template declares has an entry.
using ParameterValues = std::map<std::string, Value, std::less<>>;

/// What the caller typed, by parameter name; an empty text counts as not supplied.
using ParameterTexts = std::map<std::string, std::string, std::less<>>;

/// One value of `type` from text. Dates as core::Date::Parse reads them ("2026-03-15",
/// "15.03.2026"), integers as optionally signed decimals, institutions as positive decimal
/// ids, text as given without surrounding spaces (at most 500 bytes). Error
/// "forms.parameter.type" with `field` = `field`.
core::Result<Value> ParseParameterValue(ParameterType type, std::string_view text,
                                        std::string_view field);

/// Whether `text` is a valid default for `type`: a date keyword ("today", "month_start",
/// "month_end", "year_start", "year_end") for dates, or a literal ParseParameterValue takes.
core::Status CheckParameterDefault(ParameterType type, std::string_view text,
                                   std::string_view field);

/// The value of a default on `today`.
core::Result<Value> DefaultValue(ParameterType type, std::string_view text, core::Date today,
                                 std::string_view field);

/// Resolves every declared parameter: the supplied text, else the default, else (when the
/// parameter is optional) std::monostate. Errors (field = the parameter's name):
/// "forms.parameter.unknown" (a supplied name the template does not declare),
/// "forms.parameter.required", "forms.parameter.type".
core::Result<ParameterValues> ResolveParameters(const FormTemplate& form,
                                                const ParameterTexts& supplied, core::Date today);

}  // namespace esep::forms
