#pragma once
/// @file
/// Masking of personal data before it reaches a log: IINs/BINs are found automatically,
/// names only when the caller marks them with SensitiveName.

#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace esep::core {

/// Replaces every IIN/BIN-looking number in `text`: a maximal run of exactly 12 ASCII
/// digits keeps its first two and last two digits ("900101300517" -> "90********17").
/// Runs of 11 or 13+ digits are left alone; letters or punctuation next to the run do not
/// protect it ("IIN:900101300517", "id900101300517x" are masked). The rule is deliberately
/// greedy: a 12-digit amount in tiyn is masked too, because a missed IIN is a personal-data
/// leak while a masked amount only costs readability.
std::string MaskSensitive(std::string_view text);

/// Masks a person's name: every whitespace-separated word keeps its first letter (a whole
/// UTF-8 character, so Cyrillic and Kazakh letters survive) followed by "***":
/// "Иванов Иван Иванович" -> "И*** И*** И***". Runs of whitespace collapse to one space.
std::string MaskName(std::string_view full_name);

/// Length in bytes of the well-formed UTF-8 character starting at text[pos] (1..4), or 0
/// when the bytes there are not one (stray continuation byte, truncated or overlong
/// sequence, surrogate, beyond U+10FFFF). Shared by the masking, the JSON log writer and
/// the config reader, which all have to keep UTF-8 intact.
std::size_t Utf8CharLength(std::string_view text, std::size_t pos);

/// A name that must be masked when formatted: log->info("employee {}", SensitiveName{name}).
/// Holds a view, so the name must outlive the formatting call (true inside a log call).
struct SensitiveName {
  std::string_view full_name;
};

}  // namespace esep::core

template <>
struct fmt::formatter<esep::core::SensitiveName> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const esep::core::SensitiveName& name, FormatContext& ctx) const
      -> decltype(ctx.out()) {
    const std::string masked = esep::core::MaskName(name.full_name);
    return fmt::formatter<std::string_view>::format(std::string_view(masked), ctx);
  }
};
