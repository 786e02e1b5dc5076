#include "esep/server/metrics.hpp"

#include <sstream>
#include <string>

namespace esep::server {
namespace {

std::string Labels(const std::string& key) {
  // key is method|route[|status]
  std::string out = "{method=\"";
  std::size_t first = key.find('|');
  out += key.substr(0, first) + "\",route=\"";
  std::size_t second = key.find('|', first + 1);
  out +=
      key.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
  out += "\"";
  if (second != std::string::npos) out += ",status=\"" + key.substr(second + 1) + "\"";
  return out + "}";
}

}  // namespace

void Metrics::Record(const std::string& method, const std::string& route, int status,
                     std::chrono::microseconds duration) {
  const double seconds = static_cast<double>(duration.count()) / 1e6;
  std::lock_guard lock(mutex_);
  ++requests_[method + "|" + route + "|" + std::to_string(status)];
  Series& series = latency_[method + "|" + route];
  ++series.count;
  series.seconds += seconds;
  for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
    if (seconds <= kBucketsSeconds[i]) ++series.buckets[i];
  }
  if (status >= 500) ++server_errors_;
}

std::string Metrics::Render(const db::PoolStats* pool) const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP esep_http_requests_total HTTP requests by route and status.\n"
      << "# TYPE esep_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out << "esep_http_requests_total" << Labels(key) << ' ' << count << '\n';
  }
  out << "# HELP esep_http_request_duration_seconds Time from a complete request to its response.\n"
      << "# TYPE esep_http_request_duration_seconds histogram\n";
  for (const auto& [key, series] : latency_) {
    std::string labels = Labels(key);
    labels.pop_back();
    for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
      out << "esep_http_request_duration_seconds_bucket" << labels << ",le=\"" << kBucketsSeconds[i]
          << "\"} " << series.buckets[i] << '\n';
    }
    out << "esep_http_request_duration_seconds_bucket" << labels << ",le=\"+Inf\"} " << series.count
        << '\n';
    out << "esep_http_request_duration_seconds_sum" << labels << "} " << series.seconds << '\n';
    out << "esep_http_request_duration_seconds_count" << labels << "} " << series.count << '\n';
  }
  out << "# HELP esep_http_server_errors_total Responses with status 5xx.\n"
      << "# TYPE esep_http_server_errors_total counter\n"
      << "esep_http_server_errors_total " << server_errors_ << '\n';
  if (pool != nullptr) {
    out << "# TYPE esep_db_pool_size gauge\nesep_db_pool_size " << pool->size << '\n'
        << "# TYPE esep_db_pool_open gauge\nesep_db_pool_open " << pool->open << '\n'
        << "# TYPE esep_db_pool_in_use gauge\nesep_db_pool_in_use " << pool->in_use << '\n'
        << "# TYPE esep_db_pool_acquired_total counter\nesep_db_pool_acquired_total "
        << pool->acquired << '\n'
        << "# TYPE esep_db_pool_failures_total counter\nesep_db_pool_failures_total "
        << pool->failures << '\n'
        << "# TYPE esep_db_pool_discarded_total counter\nesep_db_pool_discarded_total "
        << pool->discarded << '\n';
  }
  return out.str();
}

}  // namespace esep::server
