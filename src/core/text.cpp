#include "esep/core/text.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace esep::core {

std::string_view LangCode(Lang lang) {
  switch (lang) {
    case Lang::kKk:
      return "kk";
    case Lang::kRu:
      return "ru";
    case Lang::kEn:
      return "en";
  }
  return "ru";
}

std::optional<Lang> ParseLang(std::string_view code) {
  std::string lower(code);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "kk" || lower == "kz") return Lang::kKk;
  if (lower == "ru") return Lang::kRu;
  if (lower == "en") return Lang::kEn;
  return std::nullopt;
}

const std::string& LocalizedText::In(Lang lang) const {
  const std::string& wanted = lang == Lang::kKk ? kk : lang == Lang::kRu ? ru : en;
  if (!wanted.empty()) return wanted;
  return ru.empty() ? en : ru;
}

std::string_view TrimSpaces(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace esep::core
