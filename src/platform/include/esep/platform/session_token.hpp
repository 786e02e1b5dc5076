#pragma once
/// @file
/// Session tokens: opaque random strings handed to the client once, and the SHA-256 that is
/// all the database keeps of them (sessions.token_hash).

#include <string>
#include <string_view>

namespace esep::platform {

/// 32 bytes from OpenSSL's RAND_bytes as base64url without padding: 43 characters of
/// [A-Za-z0-9_-]. Throws std::runtime_error when the random source fails.
std::string NewSessionToken();

/// True when `token` has the shape NewSessionToken gives (43 base64url characters), so that
/// garbage can be refused before it reaches the database.
bool LooksLikeSessionToken(std::string_view token);

/// The raw 32-byte SHA-256 of the token text (not hex), as stored in sessions.token_hash.
std::string TokenHash(std::string_view token);

}  // namespace esep::platform
