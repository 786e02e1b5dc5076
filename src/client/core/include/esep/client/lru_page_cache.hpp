#pragma once
/// @file
/// LruPageCache: pages of a list by page number, at most `capacity`, the least recently used
/// one evicted first.

#include <QHash>
#include <list>

namespace esep::client {

template <typename Page>
class LruPageCache {
 public:
  explicit LruPageCache(int capacity) : capacity_(capacity) {}

  /// The page, marked as just used; nullptr when not cached.
  const Page* Find(int page) {
    auto it = entries_.find(page);
    if (it == entries_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->position);
    return &it->page;
  }
  bool Contains(int page) const { return entries_.contains(page); }
  void Put(int page, Page value) {
    auto it = entries_.find(page);
    if (it != entries_.end()) {
      it->page = std::move(value);
      order_.splice(order_.begin(), order_, it->position);
      return;
    }
    order_.push_front(page);
    entries_.insert(page, Entry{std::move(value), order_.begin()});
    while (entries_.size() > capacity_) {
      entries_.remove(order_.back());
      order_.pop_back();
    }
  }
  void Clear() {
    entries_.clear();
    order_.clear();
  }
  int size() const { return static_cast<int>(entries_.size()); }

 private:
  struct Entry {
    Page page;
    std::list<int>::iterator position;
  };
  qsizetype capacity_;
  QHash<int, Entry> entries_;
  std::list<int> order_;  ///< front = most recently used
};

}  // namespace esep::client
