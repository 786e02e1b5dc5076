#pragma once
/// @file
/// SHA-256 as lowercase hex (migration checksums, backup manifests).

#include <string>
#include <string_view>

namespace esep::db {

std::string Sha256Hex(std::string_view data);

}  // namespace esep::db
