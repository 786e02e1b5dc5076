#include "esep/platform/password.hpp"

#include <argon2.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

#include "esep/core/log_mask.hpp"

namespace esep::platform {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::uint32_t kHashBytes = 32;
constexpr std::string_view kArgon2idPrefix = "$argon2id$";
/// Names are compared by words at least this long: shorter ones ("Ли", "Ан") occur inside too
/// many good passwords by chance.
constexpr std::size_t kMinNamePartLength = 3;

/// The most common passwords that pass the length, letter and digit rules at some policy
/// setting (leaked-password lists, Russian-speaking ones included). Compared in lower case.
constexpr std::array<std::string_view, 22> kCommonPasswords = {
    "password1",    "password12",  "password123", "password1234", "qwerty1234", "qwerty12345",
    "qwerty123456", "1234567890",  "123456789a",  "a123456789",   "1q2w3e4r5t", "1q2w3e4r5t6y",
    "1qaz2wsx3edc", "qwertyuiop1", "zxcvbnm123",  "abc1234567",   "abcd123456", "admin12345",
    "iloveyou12",   "welcome123",  "parol12345",  "йцукен12345",
};

/// Bytes that are not well-formed UTF-8 become lone-surrogate code points (U+DC80..U+DCFF),
/// which no real character equals, so they count as one character and match nothing.
std::u32string Decode(std::string_view text) {
  std::u32string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t length = core::Utf8CharLength(text, pos);
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (length == 0) {
      out.push_back(static_cast<char32_t>(0xDC00u + lead));
      ++pos;
      continue;
    }
    char32_t code = length == 1   ? lead
                    : length == 2 ? (lead & 0x1Fu)
                    : length == 3 ? (lead & 0x0Fu)
                                  : (lead & 0x07u);
    for (std::size_t i = 1; i < length; ++i) {
      code = (code << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3Fu);
    }
    out.push_back(code);
    pos += length;
  }
  return out;
}

/// Lower case for the scripts Esep's users type: Latin, Greek, Russian and Kazakh Cyrillic
/// (Ә Ғ Қ Ң Ө Ұ Ү Һ І are in the Cyrillic blocks below). Other characters stay as they are.
char32_t Lower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 0x20;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  const bool even_upper =
      (c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x52F);
  if (even_upper && c % 2 == 0) return c + 1;
  if (c >= 0x4C1 && c <= 0x4CE && c % 2 == 1) return c + 1;
  if (c == 0x4C0) return 0x4CF;
  return c;
}

std::u32string Lowered(std::string_view text) {
  std::u32string out = Decode(text);
  for (auto& c : out) c = Lower(c);
  return out;
}

bool IsLetter(char32_t c) {
  if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return true;
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  if (c >= 0x370 && c <= 0x3FF) return true;
  return (c >= 0x400 && c <= 0x481) || (c >= 0x48A && c <= 0x52F);
}

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

core::Error PolicyError(std::string code, std::string kk, std::string ru, std::string en) {
  return core::MakeError(std::move(code), std::move(kk), std::move(ru), std::move(en), "password");
}

}  // namespace

std::string HashPassword(std::string_view password, const Argon2Params& params) {
  std::array<unsigned char, kSaltBytes> salt{};
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
    throw std::runtime_error("HashPassword: OpenSSL RAND_bytes failed");
  }
  const std::size_t capacity =
      argon2_encodedlen(params.iterations, params.memory_kib, params.parallelism,
                        static_cast<std::uint32_t>(salt.size()), kHashBytes, Argon2_id);
  std::string encoded(capacity, '\0');
  const int rc = argon2id_hash_encoded(params.iterations, params.memory_kib, params.parallelism,
                                       password.data(), password.size(), salt.data(), salt.size(),
                                       kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) {
    throw std::runtime_error(std::string("HashPassword: ") + argon2_error_message(rc));
  }
  encoded.resize(std::strlen(encoded.c_str()));
  return encoded;
}

bool VerifyPassword(std::string_view password, const std::string& encoded) {
  // argon2id_verify would also reject other variants, but checking here keeps an argon2i or
  // argon2d hash slipped into the table from being accepted by a future library version.
  if (encoded.compare(0, kArgon2idPrefix.size(), kArgon2idPrefix) != 0) return false;
  if (encoded.find('\0') != std::string::npos) return false;
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

core::Status CheckPasswordPolicy(std::string_view password, const PasswordPolicy& policy,
                                 std::string_view login, std::string_view full_name) {
  const std::u32string lowered = Lowered(password);
  if (lowered.size() < static_cast<std::size_t>(std::max(policy.min_length, 0))) {
    const std::string n = std::to_string(policy.min_length);
    core::Error error = PolicyError(
        "password.too_short", "Құпиясөз тым қысқа: кемінде " + n + " таңба болуы керек.",
        "Пароль слишком короткий: нужно не менее " + n + " символов.",
        "The password is too short: at least " + n + " characters are needed.");
    error.details = R"({"min_length":)" + n + "}";
    return error;
  }
  if (policy.require_letter && std::none_of(lowered.begin(), lowered.end(), IsLetter)) {
    return PolicyError("password.needs_letter", "Құпиясөзде кемінде бір әріп болуы керек.",
                       "В пароле должна быть хотя бы одна буква.",
                       "The password needs at least one letter.");
  }
  if (policy.require_digit && std::none_of(lowered.begin(), lowered.end(), IsDigit)) {
    return PolicyError("password.needs_digit", "Құпиясөзде кемінде бір цифр болуы керек.",
                       "В пароле должна быть хотя бы одна цифра.",
                       "The password needs at least one digit.");
  }
  const std::u32string lowered_login = Lowered(login);
  if (!lowered_login.empty() && lowered.find(lowered_login) != std::u32string::npos) {
    return PolicyError("password.contains_login", "Құпиясөзде пайдаланушы логині болмауы керек.",
                       "Пароль не должен содержать логин.",
                       "The password must not contain the login.");
  }
  const std::u32string name = Lowered(full_name);
  for (std::size_t begin = 0; begin < name.size();) {
    if (!IsLetter(name[begin])) {
      ++begin;
      continue;
    }
    std::size_t end = begin;
    while (end < name.size() && IsLetter(name[end])) ++end;
    const std::u32string part = name.substr(begin, end - begin);
    if (part.size() >= kMinNamePartLength && lowered.find(part) != std::u32string::npos) {
      return PolicyError("password.contains_name",
                         "Құпиясөзде пайдаланушының аты немесе тегі болмауы керек.",
                         "Пароль не должен содержать имя или фамилию пользователя.",
                         "The password must not contain the user's name.");
    }
    begin = end;
  }
  for (std::string_view common : kCommonPasswords) {
    if (lowered == Lowered(common)) {
      return PolicyError("password.too_common",
                         "Бұл құпиясөз тым көп қолданылады, оны оңай табуға болады. "
                         "Басқасын таңдаңыз.",
                         "Это слишком распространённый пароль, его легко подобрать. "
                         "Выберите другой.",
                         "This password is too common and easy to guess. Choose another one.");
    }
  }
  return core::Status::Ok();
}

}  // namespace esep::platform
