#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace cpconf {

// The number of worker threads to use when none is asked for: one per core.
unsigned default_jobs();

// Runs work(i) for every i in [0, count) on `jobs` threads and hands each result to emit(i,
// result) on the calling thread in order 0, 1, 2, ..., so that output is the same whatever the
// number of threads. At most a small window of results waits for its turn, so memory stays
// flat however many items there are. work must be safe to call from several threads at once.
template <class Result>
void ordered_parallel(std::size_t count, unsigned jobs, const std::function<Result(std::size_t)>& work,
                      const std::function<void(std::size_t, Result&&)>& emit) {
  if (jobs <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) emit(i, work(i));
    return;
  }
  const std::size_t window = static_cast<std::size_t>(jobs) * 8;
  std::mutex mutex;
  std::condition_variable ready;  // a result arrived, or an item may start
  std::deque<std::optional<Result>> pending;  // results for items next_emit, next_emit + 1, ...
  std::size_t next_item = 0;
  std::size_t next_emit = 0;
  std::exception_ptr failure;

  auto worker = [&] {
    for (;;) {
      std::size_t item;
      {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return next_item >= count || failure || next_item < next_emit + window; });
        if (next_item >= count || failure) return;
        item = next_item++;
      }
      try {
        Result result = work(item);
        std::lock_guard lock(mutex);
        std::size_t slot = item - next_emit;
        if (pending.size() <= slot) pending.resize(slot + 1);
        pending[slot] = std::move(result);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
      }
      ready.notify_all();
    }
  };

  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  while (next_emit < count) {
    std::optional<Result> result;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return failure || (!pending.empty() && pending.front().has_value()); });
      if (failure) break;
      result = std::move(pending.front());
      pending.pop_front();
      ++next_emit;
    }
    ready.notify_all();
    emit(next_emit - 1, std::move(*result));
  }
  {
    std::lock_guard lock(mutex);
    if (!failure && next_emit < count) next_item = count;
    next_item = std::max(next_item, count);  // stop idle workers
  }
  ready.notify_all();
  for (auto& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace cpconf
