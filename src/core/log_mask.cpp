#include "esep/core/log_mask.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace esep::core {
namespace {

constexpr std::size_t kIinLength = 12;
constexpr std::size_t kIinKeptPrefix = 2;
constexpr std::size_t kIinKeptSuffix = 2;
constexpr std::string_view kNameMask = "***";

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::size_t Utf8CharLength(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return 1;
  // The second byte's range is narrower after some lead bytes: that is what rules out
  // overlong forms (E0, F0), surrogates (ED) and code points above U+10FFFF (F4).
  std::size_t length = 0;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED) second_max = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;
  } else {
    return 0;
  }
  if (text.size() - pos < length) return 0;
  const auto second = static_cast<unsigned char>(text[pos + 1]);
  if (second < second_min || second > second_max) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[pos + i]);
    if ((next & 0xC0) != 0x80) return 0;
  }
  return length;
}

std::string MaskSensitive(std::string_view text) {
  std::string out(text);
  std::size_t pos = 0;
  while (pos < out.size()) {
    if (!IsAsciiDigit(out[pos])) {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < out.size() && IsAsciiDigit(out[end])) ++end;
    if (end - pos == kIinLength) {
      for (std::size_t i = pos + kIinKeptPrefix; i < end - kIinKeptSuffix; ++i) out[i] = '*';
    }
    pos = end;
  }
  return out;
}

std::string MaskName(std::string_view full_name) {
  std::string out;
  std::size_t pos = 0;
  while (pos < full_name.size()) {
    while (pos < full_name.size() && IsSpace(full_name[pos])) ++pos;
    if (pos == full_name.size()) break;
    std::size_t word_end = pos;
    while (word_end < full_name.size() && !IsSpace(full_name[word_end])) ++word_end;

    if (!out.empty()) out += ' ';
    // A malformed first character is dropped rather than copied: half a character would
    // corrupt the log line, and the initial is not worth it.
    const std::size_t first = Utf8CharLength(full_name, pos);
    if (first != 0) out.append(full_name.substr(pos, first));
    out += kNameMask;
    pos = word_end;
  }
  return out;
}

}  // namespace esep::core
