// Password hashing and the password policy. No database is needed; the file lives among the
// pgtests because platform code cannot link into the pure unit tests.
#include "esep/platform/password.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <stdexcept>
#include <string>

namespace esep::testing {
namespace {

using platform::Argon2Params;
using platform::CheckPasswordPolicy;
using platform::HashPassword;
using platform::PasswordPolicy;
using platform::VerifyPassword;

constexpr const char* kLogin = "aigerim";
constexpr const char* kFullName = "Серікова Айгерім Нұрланқызы";

/// Cheap parameters for tests that only need some valid hash.
constexpr Argon2Params kFast{1024, 1, 1};

core::Status Check(const std::string& password, const PasswordPolicy& policy = {}) {
  return CheckPasswordPolicy(password, policy, kLogin, kFullName);
}

void ExpectPolicyError(const std::string& password, const std::string& code,
                       const PasswordPolicy& policy = {}) {
  const auto status = Check(password, policy);
  ASSERT_FALSE(status.ok()) << password;
  EXPECT_EQ(status.error().code, code) << password;
  EXPECT_EQ(status.error().field, "password") << password;
  EXPECT_FALSE(status.error().message.kk.empty()) << code;
  EXPECT_FALSE(status.error().message.ru.empty()) << code;
  EXPECT_FALSE(status.error().message.en.empty()) << code;
  EXPECT_NE(status.error().message.kk, status.error().message.ru) << code;
}

TEST(HashPassword, WritesArgon2idWithOwaspDefaultsAndAFreshSalt) {
  const std::string first = HashPassword("Sunflower-2026");
  const std::string second = HashPassword("Sunflower-2026");
  // 16-byte salt and 32-byte hash in unpadded base64: 22 and 43 characters.
  const std::regex shape(
      R"(\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43})");
  EXPECT_TRUE(std::regex_match(first, shape)) << first;
  EXPECT_NE(first, second);
  EXPECT_TRUE(VerifyPassword("Sunflower-2026", first));
  EXPECT_TRUE(VerifyPassword("Sunflower-2026", second));
}

TEST(HashPassword, HonoursOtherParameters) {
  const std::string hash = HashPassword("Sunflower-2026", {8192, 3, 2});
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=8192,t=3,p=2$", 0), 0u) << hash;
  EXPECT_TRUE(VerifyPassword("Sunflower-2026", hash));
}

TEST(HashPassword, ParametersLibargon2RefusesThrow) {
  EXPECT_THROW(HashPassword("Sunflower-2026", {1, 1, 1}), std::runtime_error);
  EXPECT_THROW(HashPassword("Sunflower-2026", {kFast.memory_kib, 0, 1}), std::runtime_error);
  EXPECT_THROW(HashPassword("Sunflower-2026", {kFast.memory_kib, 1, 0}), std::runtime_error);
}

TEST(VerifyPassword, TellsRightFromWrong) {
  const std::string hash = HashPassword("Sunflower-2026", kFast);
  EXPECT_TRUE(VerifyPassword("Sunflower-2026", hash));
  EXPECT_FALSE(VerifyPassword("sunflower-2026", hash));
  EXPECT_FALSE(VerifyPassword("Sunflower-2026 ", hash));
  EXPECT_FALSE(VerifyPassword("", hash));
}

TEST(VerifyPassword, HandlesKazakhAndEmptyPasswords) {
  const std::string kazakh = HashPassword("Күнбағыс-2026", kFast);
  EXPECT_TRUE(VerifyPassword("Күнбағыс-2026", kazakh));
  EXPECT_FALSE(VerifyPassword("Кунбагыс-2026", kazakh));
  const std::string empty = HashPassword("", kFast);
  EXPECT_TRUE(VerifyPassword("", empty));
  EXPECT_FALSE(VerifyPassword("x", empty));
}

TEST(VerifyPassword, MalformedEncodingsAreFalseNotErrors) {
  const std::string hash = HashPassword("Sunflower-2026", kFast);
  std::string flipped = hash;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  std::string argon2i = hash;
  argon2i.replace(0, 9, "$argon2i");
  for (const std::string& bad :
       {std::string(), std::string("garbage"), std::string("$argon2id$"), flipped, argon2i,
        hash.substr(0, hash.size() - 10), hash + "AAAA",
        std::string("$argon2id$v=19$m=1,t=1,p=1$c2FsdHNhbHQ$aGFzaA"),
        hash.substr(0, 12) + std::string(1, '\0') + hash.substr(12), std::string("$2b$10$abc")}) {
    EXPECT_FALSE(VerifyPassword("Sunflower-2026", bad)) << bad;
  }
}

TEST(PasswordPolicy, AGoodPasswordPasses) {
  EXPECT_TRUE(Check("Sunflower-2026"));
  EXPECT_TRUE(Check("Жылқы-мінез7"));
  // Exactly the minimum length.
  EXPECT_TRUE(Check("abcdefgh12"));
}

TEST(PasswordPolicy, LengthIsCountedInCodePoints) {
  // Nine Kazakh characters are 17 UTF-8 bytes: still too short.
  ExpectPolicyError("Құпиясөз1!", "password.too_short", PasswordPolicy{11, true, true});
  ExpectPolicyError("Құпиясөз1", "password.too_short");
  EXPECT_TRUE(Check("Құпиясөз12"));
  const auto status = Check("short1");
  EXPECT_EQ(status.error().details, R"({"min_length":10})");
  EXPECT_NE(status.error().message.ru.find("10"), std::string::npos);
  EXPECT_NE(status.error().message.kk.find("10"), std::string::npos);
  // A byte that is not UTF-8 counts as one character.
  EXPECT_TRUE(Check(std::string("\xff\xfe\xfd") + "abcdef1"));
  ExpectPolicyError(std::string("\xff\xfe") + "abcdef1", "password.too_short");
}

TEST(PasswordPolicy, NeedsALetterOfAnyOfOurScripts) {
  ExpectPolicyError("1234567890123", "password.needs_letter");
  ExpectPolicyError("12345-67890!", "password.needs_letter");
  EXPECT_TRUE(Check("ғ12345678901"));
  EXPECT_TRUE(Check("Ә12345678901"));
  EXPECT_TRUE(Check("é12345678901"));
  PasswordPolicy no_letter;
  no_letter.require_letter = false;
  EXPECT_TRUE(Check("12345-67890!", no_letter));
}

TEST(PasswordPolicy, NeedsADigit) {
  ExpectPolicyError("only-letters-here", "password.needs_digit");
  ExpectPolicyError("тек-әріптер-ғана", "password.needs_digit");
  PasswordPolicy no_digit;
  no_digit.require_digit = false;
  EXPECT_TRUE(Check("only-letters-here", no_digit));
}

TEST(PasswordPolicy, MustNotContainTheLogin) {
  ExpectPolicyError("my-aigerim-2026", "password.contains_login");
  ExpectPolicyError("x-AiGeRiM-2026", "password.contains_login");
  EXPECT_TRUE(CheckPasswordPolicy("my-aigerim-2026", {}, "", ""));
}

TEST(PasswordPolicy, MustNotContainAWordOfTheName) {
  ExpectPolicyError("серікова-2026", "password.contains_name");
  // Kazakh capitals lower-case too: І/і, Ұ/ұ, Ң/ң.
  ExpectPolicyError("НҰРЛАНҚЫЗЫ-2026", "password.contains_name");
  ExpectPolicyError("2026АЙГЕРІМ!", "password.contains_name");
  // Words shorter than three letters are not checked; other people's names are fine.
  EXPECT_TRUE(CheckPasswordPolicy("Ли-ли-ли-2026", {}, "li", "Ли Ан"));
  EXPECT_TRUE(Check("Даулет-2026-x"));
  // Every Cyrillic capital range lower-cases: Ё (U+0401), Ә (U+04D8), Ӏ (U+04C0), Ӂ (U+04C1).
  EXPECT_EQ(CheckPasswordPolicy("\u0451\u043b\u043a\u0430\u04d9\u04cf\u04c2-2026", {}, "qq",
                                "\u0401\u041b\u041a\u0410\u04d8\u04c0\u04c1")
                .error()
                .code,
            "password.contains_name");
  // Greek and Latin-1 capitals too.
  EXPECT_EQ(CheckPasswordPolicy("zoé-ωμέγα-2026", {}, "qq", "ZOÉ").error().code,
            "password.contains_name");
  EXPECT_EQ(CheckPasswordPolicy("αλφα-2026-b", {}, "qq", "ΑΛΦΑ").error().code,
            "password.contains_name");
}

TEST(PasswordPolicy, TheMostCommonPasswordsAreRefused) {
  ExpectPolicyError("qwerty1234", "password.too_common");
  ExpectPolicyError("QWERTY1234", "password.too_common");
  ExpectPolicyError("Password123", "password.too_common");
  ExpectPolicyError("1q2w3e4r5t", "password.too_common");
  ExpectPolicyError("ЙЦУКЕН12345", "password.too_common");
  // Shorter ones too, when a policy allows short passwords.
  ExpectPolicyError("password1", "password.too_common", PasswordPolicy{8, true, true});
  // "1234567890" fails earlier for want of a letter; without that rule it is too common.
  ExpectPolicyError("1234567890", "password.needs_letter");
  ExpectPolicyError("1234567890", "password.too_common", PasswordPolicy{10, false, true});
}

TEST(PasswordPolicy, ChecksRunInTheDocumentedOrder) {
  // Too short, no digit, and the login: the length is reported.
  ExpectPolicyError("aigerim", "password.too_short", PasswordPolicy{10, true, true});
  // Long enough, no digit, contains the login: the digit is reported.
  ExpectPolicyError("aigerim-aigerim", "password.needs_digit");
  // A negative minimum is no minimum.
  EXPECT_TRUE(Check("a1", PasswordPolicy{-5, true, true}));
}

}  // namespace
}  // namespace esep::testing
