#pragma once
/// @file
/// StrongId<Tag>: ids of different kinds (OrgId, UserId, AccountId) that cannot be assigned
/// to each other by mistake.

#include <compare>
#include <cstdint>
#include <functional>

namespace esep::core {

template <typename Tag>
class StrongId {
 public:
  constexpr StrongId() = default;
  constexpr explicit StrongId(std::int64_t value) : value_(value) {}
  constexpr std::int64_t value() const { return value_; }
  constexpr auto operator<=>(const StrongId&) const = default;

 private:
  std::int64_t value_ = 0;
};

using OrgId = StrongId<struct OrgIdTag>;
using UserId = StrongId<struct UserIdTag>;

}  // namespace esep::core

template <typename Tag>
struct std::hash<esep::core::StrongId<Tag>> {
  std::size_t operator()(const esep::core::StrongId<Tag>& id) const noexcept {
    return std::hash<std::int64_t>{}(id.value());
  }
};
