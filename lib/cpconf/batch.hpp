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

// Takes inputs from next() until it gives none, runs work(i, input) for the i-th on `jobs`
// threads and hands each result to emit(i, result) on the calling thread in order 0, 1, 2, ...,
// so that output is the same whatever the number of threads. Inputs are taken one at a time as a
// thread becomes free, and at most a small window of results waits for its turn, so memory stays
// flat however many inputs there are. next() is called under a lock; work must be safe to call
// from several threads at once. An exception from any of them stops the run and is rethrown here.
template <class Input, class Result>
void ordered_stream(const std::function<std::optional<Input>()>& next, unsigned jobs,
                    const std::function<Result(std::size_t, Input&)>& work,
                    const std::function<void(std::size_t, Result&&)>& emit) {
  if (jobs <= 1) {
    for (std::size_t i = 0;; ++i) {
      std::optional<Input> input = next();
      if (!input) return;
      emit(i, work(i, *input));
    }
  }
  const std::size_t window = static_cast<std::size_t>(jobs) * 8;
  std::mutex mutex;
  // Two conditions, each signalled only when someone may be waiting for it: a wake-up is a
  // system call and a context switch.
  std::condition_variable front_ready;        // for the caller: the next result to emit, a failure, or the end
  std::condition_variable slot_free;          // for the workers: room in the window, or the end
  std::deque<std::optional<Result>> pending;  // results for items next_emit, next_emit + 1, ...
  std::size_t next_item = 0;
  std::size_t next_emit = 0;
  std::size_t workers_waiting = 0;
  bool caller_waiting = false;
  bool inputs_done = false;  // next() gave nothing: next_item is the number of items
  bool stopping = false;
  std::exception_ptr failure;

  // With the lock held: the next item and its input when the window has room for one, else nothing.
  auto claim = [&]() -> std::optional<std::pair<std::size_t, Input>> {
    if (inputs_done || stopping || failure || next_item >= next_emit + window) return std::nullopt;
    std::optional<Input> input;
    try {
      input = next();
    } catch (...) {
      failure = std::current_exception();
    }
    if (!input) {
      inputs_done = true;
      slot_free.notify_all();
      if (caller_waiting) front_ready.notify_one();
      return std::nullopt;
    }
    return std::pair<std::size_t, Input>(next_item++, std::move(*input));
  };
  // Without the lock: runs one claimed item and files its result.
  auto run = [&](std::pair<std::size_t, Input>& claimed) {
    auto& [item, input] = claimed;
    std::optional<Result> result;
    std::exception_ptr error;
    try {
      result = work(item, input);
    } catch (...) {
      error = std::current_exception();
    }
    std::lock_guard lock(mutex);
    if (error) {
      if (!failure) failure = error;
    } else {
      std::size_t slot = item - next_emit;
      if (pending.size() <= slot) pending.resize(slot + 1);
      pending[slot] = std::move(result);
    }
    if (caller_waiting && (error || item == next_emit)) front_ready.notify_one();
  };

  auto worker = [&] {
    for (;;) {
      std::optional<std::pair<std::size_t, Input>> claimed;
      {
        std::unique_lock lock(mutex);
        for (;;) {
          claimed = claim();
          if (claimed || inputs_done || stopping || failure) break;
          ++workers_waiting;
          slot_free.wait(lock);
          --workers_waiting;
        }
        if (!claimed) return;
      }
      run(*claimed);
    }
  };

  // The caller is one of the `jobs` threads: it emits the results in order and, while the next
  // one is not ready, works on an item itself, so that jobs threads keep jobs cores busy.
  std::vector<std::thread> threads;
  threads.reserve(jobs - 1);
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  for (;;) {
    std::unique_lock lock(mutex);
    if (failure) break;
    if (!pending.empty() && pending.front().has_value()) {
      Result result = std::move(*pending.front());
      pending.pop_front();
      std::size_t index = next_emit++;
      bool wake_worker = workers_waiting > 0;
      lock.unlock();
      if (wake_worker) slot_free.notify_one();
      try {
        emit(index, std::move(result));
      } catch (...) {
        std::lock_guard relock(mutex);
        failure = std::current_exception();
        break;
      }
      continue;
    }
    if (inputs_done && next_emit == next_item) break;
    if (auto claimed = claim()) {
      lock.unlock();
      run(*claimed);
      continue;
    }
    // Nothing to emit or claim: the window is full, or the last items are still running.
    caller_waiting = true;
    front_ready.wait(lock, [&] {
      return failure || (!pending.empty() && pending.front().has_value()) || (inputs_done && next_emit == next_item);
    });
    caller_waiting = false;
  }
  {
    std::lock_guard lock(mutex);
    stopping = true;  // stop idle workers
  }
  slot_free.notify_all();
  for (auto& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);
}

// ordered_stream over the items 0, 1, ..., count - 1.
template <class Result>
void ordered_parallel(std::size_t count, unsigned jobs, const std::function<Result(std::size_t)>& work,
                      const std::function<void(std::size_t, Result&&)>& emit) {
  std::size_t next_index = 0;
  std::function<std::optional<std::size_t>()> next = [&]() -> std::optional<std::size_t> {
    if (next_index == count) return std::nullopt;
    return next_index++;
  };
  std::function<Result(std::size_t, std::size_t&)> work_on = [&](std::size_t i, std::size_t&) { return work(i); };
  ordered_stream<std::size_t, Result>(next, count <= 1 ? 1 : jobs, work_on, emit);
}

}  // namespace cpconf
