#pragma once
/// @file
/// The permission catalog: every "resource.action" the server checks, with a description in
/// kk/ru/en. Roles (table role_permissions) may only name permissions listed here.

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "esep/core/text.hpp"

namespace esep::platform {

struct PermissionInfo {
  std::string_view code;  ///< "ledger.post": resource, a dot, action
  core::LocalizedText description;
};

/// Every permission, sorted by code. The catalog is code, not data: a permission only means
/// something where the server checks it, so adding one is a code change anyway.
std::span<const PermissionInfo> AllPermissions();

/// True when `code` is in AllPermissions().
bool IsKnownPermission(std::string_view code);

/// The position of `code` in AllPermissions(); nullopt for an unknown code. The catalog has
/// at most 64 entries, so a set of permissions fits in one 64-bit mask (AccessSet).
std::optional<std::size_t> PermissionIndex(std::string_view code);

}  // namespace esep::platform
