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
  std::condition_variable ready;  // a result arrived, an item may start, or the inputs ran out
  std::deque<std::optional<Result>> pending;  // results for items next_emit, next_emit + 1, ...
  std::size_t next_item = 0;
  std::size_t next_emit = 0;
  bool inputs_done = false;  // next() gave nothing: next_item is the number of items
  bool stopping = false;
  std::exception_ptr failure;

  auto worker = [&] {
    for (;;) {
      std::size_t item;
      std::optional<Input> input;
      {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return inputs_done || stopping || failure || next_item < next_emit + window; });
        if (inputs_done || stopping || failure) return;
        try {
          input = next();
        } catch (...) {
          failure = std::current_exception();
        }
        if (!input) {
          inputs_done = true;
          ready.notify_all();
          return;
        }
        item = next_item++;
      }
      try {
        Result result = work(item, *input);
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
  for (;;) {
    std::optional<Result> result;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] {
        return failure || (!pending.empty() && pending.front().has_value()) || (inputs_done && next_emit == next_item);
      });
      if (failure || pending.empty() || !pending.front().has_value()) break;
      result = std::move(pending.front());
      pending.pop_front();
      ++next_emit;
    }
    ready.notify_all();
    try {
      emit(next_emit - 1, std::move(*result));
    } catch (...) {
      std::lock_guard lock(mutex);
      failure = std::current_exception();
      break;
    }
  }
  {
    std::lock_guard lock(mutex);
    stopping = true;  // stop idle workers
  }
  ready.notify_all();
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
