#include "esep/server/session_cache.hpp"

#include <spdlog/spdlog.h>

#include <pqxx/pqxx>

namespace esep::server {

SessionCache::SessionCache(std::size_t capacity) : capacity_(capacity) {}

std::optional<CachedAuth> SessionCache::Find(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(token_hash);
  if (it == entries_.end() || std::chrono::steady_clock::now() >= it->second.until) {
    if (it != entries_.end()) entries_.erase(it);
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  return it->second.auth;
}

std::uint64_t SessionCache::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

void SessionCache::Put(const std::string& token_hash, CachedAuth auth, std::uint64_t generation) {
  const auto until = std::chrono::steady_clock::now() + auth.session.trust_for;
  std::lock_guard lock(mutex_);
  if (!enabled_ || generation != generation_ || auth.session.trust_for.count() <= 0) return;
  if (entries_.size() >= capacity_) entries_.clear();
  entries_[token_hash] = Entry{std::move(auth), until};
}

void SessionCache::Clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  ++generation_;
}

void SessionCache::SetEnabled(bool enabled) {
  std::lock_guard lock(mutex_);
  enabled_ = enabled;
  entries_.clear();
  ++generation_;
}

std::uint64_t SessionCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

std::uint64_t SessionCache::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

namespace {

class OnNotify : public pqxx::notification_receiver {
 public:
  OnNotify(pqxx::connection_base& connection, std::function<void()>& changed)
      : pqxx::notification_receiver(connection, "esep_security"), changed_(changed) {}
  void operator()(const std::string&, int) override { changed_(); }

 private:
  std::function<void()>& changed_;
};

}  // namespace

SecurityListener::SecurityListener(std::string dsn, SessionCache& cache,
                                   std::function<void()> changed)
    : dsn_(std::move(dsn)),
      cache_(cache),
      changed_(std::move(changed)),
      thread_([this] { Run(); }) {}

SecurityListener::~SecurityListener() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

void SecurityListener::Run() {
  const auto stopping = [this] {
    std::lock_guard lock(mutex_);
    return stopping_;
  };
  while (!stopping()) {
    try {
      pqxx::connection connection(dsn_);
      OnNotify receiver(connection, changed_);
      connection.get_notifs();  // the LISTEN is in place from here on
      cache_.SetEnabled(true);
      while (!stopping()) connection.await_notification(0, 200000);
      cache_.SetEnabled(false);
      return;
    } catch (const std::exception& e) {
      // Without the listener a cached answer could outlive a revoked session: stop caching.
      cache_.SetEnabled(false);
      spdlog::warn("session cache disabled: security listener: {}", e.what());
    }
    for (int i = 0; i < 10 && !stopping(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

}  // namespace esep::server
