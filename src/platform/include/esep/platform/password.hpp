#pragma once
/// @file
/// Passwords: argon2id hashing in the standard encoded form, constant-time verification, and
/// the password policy a new password must meet.

#include <cstdint>
#include <string>
#include <string_view>

#include "esep/core/result.hpp"

namespace esep::platform {

/// argon2id cost. The defaults are OWASP's minimum for argon2id (19 MiB, 2 passes, one lane);
/// the parameters are written into every hash, so raising them later leaves old hashes valid.
struct Argon2Params {
  std::uint32_t memory_kib = 19456;
  std::uint32_t iterations = 2;
  std::uint32_t parallelism = 1;
};

/// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>" with a fresh 16-byte salt from OpenSSL's
/// RAND_bytes and a 32-byte hash. Throws std::runtime_error when the random source or libargon2
/// fails (including parameters libargon2 refuses): nothing a user can fix.
std::string HashPassword(std::string_view password, const Argon2Params& params = {});

/// True when `password` matches `encoded`. Constant-time in the comparison (argon2id_verify);
/// false for anything that is not a well-formed argon2id encoding.
bool VerifyPassword(std::string_view password, const std::string& encoded);

struct PasswordPolicy {
  /// Counted in Unicode code points, so a Kazakh or Russian password is not favoured or
  /// penalised by its two-byte UTF-8 letters.
  int min_length = 10;
  /// Any Latin, Cyrillic (Kazakh letters included) or Greek letter counts.
  bool require_letter = true;
  /// An ASCII digit 0-9.
  bool require_digit = true;
  // Always checked, case-insensitively: the password must not contain the login, nor any word
  // of three or more letters of the full name, nor be one of the most common passwords.
};

/// Errors, all with field "password", checked in this order: "password.too_short",
/// "password.needs_letter", "password.needs_digit", "password.contains_login",
/// "password.contains_name", "password.too_common". Bytes that are not well-formed UTF-8 count
/// as one character each.
core::Status CheckPasswordPolicy(std::string_view password, const PasswordPolicy& policy,
                                 std::string_view login, std::string_view full_name);

}  // namespace esep::platform
