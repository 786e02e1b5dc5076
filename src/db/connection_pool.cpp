#include "esep/db/connection_pool.hpp"

#include <pqxx/pqxx>
#include <utility>

namespace esep::db {

ConnectionPool::ConnectionPool(std::string dsn, std::size_t size, ConnectHook on_connect,
                               std::chrono::milliseconds acquire_timeout)
    : dsn_(std::move(dsn)),
      size_(size == 0 ? 1 : size),
      on_connect_(std::move(on_connect)),
      acquire_timeout_(acquire_timeout) {}

ConnectionPool::~ConnectionPool() = default;

std::unique_ptr<pqxx::connection> ConnectionPool::Open() {
  try {
    auto connection = std::make_unique<pqxx::connection>(dsn_);
    if (on_connect_) on_connect_(*connection);
    return connection;
  } catch (const std::exception& e) {
    throw DatabaseUnavailable(std::string("cannot connect to the database: ") + e.what());
  }
}

ConnectionPool::Lease ConnectionPool::Acquire() {
  std::unique_lock lock(mutex_);
  const auto deadline = std::chrono::steady_clock::now() + acquire_timeout_;
  for (;;) {
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      ++stats_.acquired;
      ++stats_.in_use;
      return Lease(this, std::move(connection));
    }
    if (open_ < size_) {
      // Reserve the slot, then connect without holding the lock: connecting can take long.
      ++open_;
      lock.unlock();
      try {
        auto connection = Open();
        lock.lock();
        ++stats_.acquired;
        ++stats_.in_use;
        return Lease(this, std::move(connection));
      } catch (...) {
        lock.lock();
        --open_;
        ++stats_.failures;
        available_.notify_one();
        throw;
      }
    }
    if (available_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        open_ >= size_) {
      ++stats_.failures;
      throw DatabaseUnavailable("no database connection became free in time");
    }
  }
}

void ConnectionPool::Return(std::unique_ptr<pqxx::connection> connection, bool discard) {
  std::lock_guard lock(mutex_);
  --stats_.in_use;
  if (discard || !connection->is_open()) {
    --open_;
    ++stats_.discarded;
  } else {
    idle_.push_back(std::move(connection));
  }
  available_.notify_one();
}

PoolStats ConnectionPool::Stats() const {
  std::lock_guard lock(mutex_);
  PoolStats stats = stats_;
  stats.size = size_;
  stats.open = open_;
  return stats;
}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_)), discard_(other.discard_) {
  other.pool_ = nullptr;
}

ConnectionPool::Lease::~Lease() {
  if (pool_ != nullptr && connection_) pool_->Return(std::move(connection_), discard_);
}

}  // namespace esep::db
