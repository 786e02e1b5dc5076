#include "esep/platform/session_token.hpp"

#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

namespace esep::platform {
namespace {

constexpr std::size_t kTokenBytes = 32;
/// base64 of 32 bytes without the trailing '=': ceil(32 * 8 / 6).
constexpr std::size_t kTokenChars = 43;
constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

}  // namespace

std::string NewSessionToken() {
  std::array<unsigned char, kTokenBytes> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw std::runtime_error("NewSessionToken: OpenSSL RAND_bytes failed");
  }
  std::string token;
  token.reserve(kTokenChars);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      token.push_back(kBase64Url[(buffer >> bits) & 0x3Fu]);
    }
  }
  if (bits > 0) token.push_back(kBase64Url[(buffer << (6 - bits)) & 0x3Fu]);
  return token;
}

bool LooksLikeSessionToken(std::string_view token) {
  return token.size() == kTokenChars && std::all_of(token.begin(), token.end(), [](char c) {
           return kBase64Url.find(c) != std::string_view::npos;
         });
}

std::string TokenHash(std::string_view token) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), digest.data());
  return std::string(digest.begin(), digest.end());
}

}  // namespace esep::platform
