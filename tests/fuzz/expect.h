// A harness's own checks: a property the engine promises for every input. A broken one is a
// crash for libFuzzer, which then saves the input that broke it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace kansli::fuzz {

inline void Expect(bool holds, std::string_view what, std::string_view detail = {}) {
  if (holds) return;
  std::fprintf(stderr, "kansli fuzz: %.*s\n%.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

}  // namespace kansli::fuzz
