#pragma once
/// @file
/// The stable names of a Document's enums, as they appear in JSON and in tests.

#include <optional>
#include <string_view>

#include "esep/forms/document.hpp"

namespace esep::forms {

/// "title", "header", "data", "group_header", "subtotal", "total", "footer", "signature".
std::string_view RowKindName(RowKind kind);
/// "empty", "text", "money", "integer", "date".
std::string_view ValueKindName(ValueKind kind);
std::optional<ValueKind> ParseValueKind(std::string_view name);
/// "left", "center", "right".
std::string_view AlignName(Align align);
std::optional<Align> ParseAlign(std::string_view name);

}  // namespace esep::forms
