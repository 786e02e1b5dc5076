#pragma once
/// @file
/// Request metrics in the Prometheus text format (`GET /metrics`): counts by route and
/// status class, a latency histogram, errors, and the database pool's gauges.

#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "esep/db/connection_pool.hpp"

namespace esep::server {

class Metrics {
 public:
  /// `route` is the pattern ("/api/v1/institutions/{id}"), never the raw path, so the
  /// number of series stays bounded whatever clients send.
  void Record(const std::string& method, const std::string& route, int status,
              std::chrono::microseconds duration);
  std::string Render(const db::PoolStats* pool) const;

  static constexpr std::array<double, 12> kBucketsSeconds = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05,
                                                             0.1,   0.2,   0.5,   1,    2,    5};

 private:
  struct Series {
    std::uint64_t count = 0;
    double seconds = 0;
    std::array<std::uint64_t, kBucketsSeconds.size()> buckets{};
  };
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t> requests_;  ///< key: method|route|status
  std::map<std::string, Series> latency_;          ///< key: method|route
  std::uint64_t server_errors_ = 0;
};

}  // namespace esep::server
