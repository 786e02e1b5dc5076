#include "esep/server/router.hpp"

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "esep/platform/permissions.hpp"

namespace esep::server {
namespace {

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> parts;
  std::stringstream stream(path);
  std::string part;
  while (std::getline(stream, part, '/')) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

bool IsParam(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool Matches(const std::string& pattern, const std::string& path,
             std::map<std::string, std::string>* params) {
  const auto want = Segments(pattern);
  const auto have = Segments(path);
  if (want.size() != have.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (IsParam(want[i])) {
      found[want[i].substr(1, want[i].size() - 2)] = have[i];
    } else if (want[i] != have[i]) {
      return false;
    }
  }
  if (params != nullptr) *params = std::move(found);
  return true;
}

}  // namespace

void Router::Add(Route route) {
  const std::string name = route.method + " " + route.pattern;
  const RouteAccess& access = route.access;
  if (access.kind() == RouteAccess::Kind::kPermission) {
    if (!platform::IsKnownPermission(access.permission())) {
      throw std::invalid_argument(name + ": unknown permission '" + access.permission() + "'");
    }
    const bool needs_id = access.org_from() == OrgFrom::kPathId;
    const bool needs_org_id = access.org_from() == OrgFrom::kPathOrgId;
    if ((needs_id && route.pattern.find("{id}") == std::string::npos) ||
        (needs_org_id && route.pattern.find("{org_id}") == std::string::npos)) {
      throw std::invalid_argument(name + ": the pattern has no parameter for the institution");
    }
  }
  if (access.kind() == RouteAccess::Kind::kPublic && route.mode == TransactionMode::kFramework &&
      route.method != "GET") {
    throw std::invalid_argument(name + ": a public route may not write through the framework");
  }
  for (const auto& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      throw std::invalid_argument(name + ": registered twice");
    }
  }
  if (!route.handler) throw std::invalid_argument(name + ": no handler");
  routes_.push_back(std::move(route));
}

RouteMatch Router::Match(const std::string& method, const std::string& path) const {
  RouteMatch match;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!Matches(route.pattern, path, &params)) continue;
    match.path_known = true;
    if (route.method == method) {
      match.route = &route;
      match.params = std::move(params);
      return match;
    }
  }
  return match;
}

}  // namespace esep::server
