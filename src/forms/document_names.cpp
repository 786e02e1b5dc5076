#include "esep/forms/document_names.hpp"

#include <array>
#include <utility>

namespace esep::forms {
namespace {

constexpr std::array<std::pair<ValueKind, std::string_view>, 5> kValueKinds{{
    {ValueKind::kEmpty, "empty"},
    {ValueKind::kText, "text"},
    {ValueKind::kMoney, "money"},
    {ValueKind::kInteger, "integer"},
    {ValueKind::kDate, "date"},
}};

constexpr std::array<std::pair<Align, std::string_view>, 3> kAligns{{
    {Align::kLeft, "left"},
    {Align::kCenter, "center"},
    {Align::kRight, "right"},
}};

template <typename Enum, std::size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> Parse(const std::array<std::pair<Enum, std::string_view>, N>& table,
                          std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

}  // namespace

std::string_view RowKindName(RowKind kind) {
  switch (kind) {
    case RowKind::kTitle:
      return "title";
    case RowKind::kHeader:
      return "header";
    case RowKind::kData:
      return "data";
    case RowKind::kGroupHeader:
      return "group_header";
    case RowKind::kSubtotal:
      return "subtotal";
    case RowKind::kTotal:
      return "total";
    case RowKind::kFooter:
      return "footer";
    case RowKind::kSignature:
      return "signature";
  }
  return "?";
}

std::string_view ValueKindName(ValueKind kind) { return NameOf(kValueKinds, kind); }
std::optional<ValueKind> ParseValueKind(std::string_view name) { return Parse(kValueKinds, name); }
std::string_view AlignName(Align align) { return NameOf(kAligns, align); }
std::optional<Align> ParseAlign(std::string_view name) { return Parse(kAligns, name); }

}  // namespace esep::forms
