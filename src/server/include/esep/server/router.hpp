#pragma once
/// @file
/// The route table: registration (with its checks) and matching of method + path.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "esep/server/route.hpp"

namespace esep::server {

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  bool path_known = false;  ///< the path exists for another method (405, not 404)
};

class Router {
 public:
  /// Adds a route. Throws std::invalid_argument at start-up for a permission not in the
  /// catalog, an org source that the pattern cannot supply, or a duplicate route — so a
  /// mistake stops the server before it serves anything.
  void Add(Route route);
  RouteMatch Match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace esep::server
