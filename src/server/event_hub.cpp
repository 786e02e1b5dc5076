#include "esep/server/event_hub.hpp"

#include <algorithm>

namespace esep::server {

std::int64_t EventHub::Subscribe(Subscriber subscriber) {
  std::lock_guard lock(mutex_);
  const std::int64_t handle = next_handle_++;
  subscribers_.emplace(handle, std::move(subscriber));
  return handle;
}

void EventHub::Unsubscribe(std::int64_t handle) {
  std::lock_guard lock(mutex_);
  subscribers_.erase(handle);
}

void EventHub::PublishJob(std::optional<core::OrgId> org, std::optional<core::UserId> created_by,
                          const std::string& message) {
  std::vector<std::function<void(std::string)>> targets;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [handle, s] : subscribers_) {
      const bool creator = created_by && s.user == *created_by;
      const bool reader =
          org && std::find(s.job_orgs.begin(), s.job_orgs.end(), *org) != s.job_orgs.end();
      if (creator || reader) targets.push_back(s.send);
    }
  }
  // Outside the lock: sending only queues, but a slow queue must not hold up subscribing.
  for (const auto& send : targets) send(message);
}

void EventHub::CloseMatching(const std::function<bool(const Subscriber&)>& match) {
  std::vector<std::function<void()>> closers;
  {
    std::lock_guard lock(mutex_);
    for (auto it = subscribers_.begin(); it != subscribers_.end();) {
      if (match(it->second)) {
        closers.push_back(it->second.close);
        it = subscribers_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (const auto& close : closers) close();
}

void EventHub::CloseSession(std::int64_t session_id) {
  CloseMatching([session_id](const Subscriber& s) { return s.session_id == session_id; });
}

void EventHub::CloseUser(core::UserId user) {
  CloseMatching([user](const Subscriber& s) { return s.user == user; });
}

void EventHub::CloseAll() {
  CloseMatching([](const Subscriber&) { return true; });
}

std::size_t EventHub::subscribers() const {
  std::lock_guard lock(mutex_);
  return subscribers_.size();
}

}  // namespace esep::server
