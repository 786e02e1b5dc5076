#pragma once
/// @file
/// Bilingual (trilingual) user-visible text: Kazakh, Russian and English side by side.

#include <optional>
#include <string>
#include <string_view>

namespace esep::core {

/// A language the product speaks. Kazakh and Russian are mandatory for everything a user
/// sees; English is for administrators and integrators.
enum class Lang { kKk, kRu, kEn };

/// "kk" / "ru" / "en".
std::string_view LangCode(Lang lang);
/// Parses "kk", "ru", "en" (case-insensitive, also "kz" for Kazakh); nullopt otherwise.
std::optional<Lang> ParseLang(std::string_view code);

/// `text` without leading and trailing ASCII whitespace (space, \t, \n, \v, \f, \r): what
/// names, logins and positions typed by people are stored as.
std::string_view TrimSpaces(std::string_view text);

/// One piece of user-visible text in every language. Kazakh and Russian are never empty
/// in text the product writes; English falls back to Russian when missing.
struct LocalizedText {
  std::string kk;
  std::string ru;
  std::string en;

  /// The text in `lang`; an empty translation falls back to Russian, then English.
  const std::string& In(Lang lang) const;

  bool operator==(const LocalizedText&) const = default;
};

}  // namespace esep::core
