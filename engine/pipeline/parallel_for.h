#pragma once

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace kansli {

// Calls fn(i) for every i in [0, count) on up to `jobs` threads. Per-document work (parse,
// HTML, PDF) is independent, so each index writes only its own slot of a result vector.
// An exception in any call is rethrown here after all threads have stopped.
template <typename Fn>
void ParallelFor(size_t count, unsigned jobs, Fn fn) {
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(count)));
  if (jobs <= 1) {
    for (size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  std::vector<std::jthread> threads;
  for (unsigned t = 0; t < jobs; ++t) {
    threads.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < count;) {
        try {
          fn(i);
        } catch (...) {
          std::lock_guard lock(failure_mutex);
          if (!failure) failure = std::current_exception();
        }
      }
    });
  }
  threads.clear();  // joins
  if (failure) std::rethrow_exception(failure);
}

}  // namespace kansli
