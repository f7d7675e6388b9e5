// The only header that includes the Lua C API. Code after script/ never sees a lua_State.
//
// Debian's Lua 5.4 is compiled as C, so a Lua error is a longjmp. A function that Lua calls
// (a lua_CFunction, a hook, the allocator) must therefore hold no C++ object with a
// destructor across a Lua API call that can raise an error; C++ work in such a function runs
// inside GuardCxx (run_context.h), which also keeps C++ exceptions from crossing Lua frames.
#pragma once

#include <cstddef>
#include <lua.hpp>
#include <memory>
#include <string>

namespace kansli::script {

// A lua_Alloc that counts every byte Lua holds. Past `limit` it still grants allocations
// up to `hard_limit` but sets `over` and makes the count hook fire at the next instruction,
// so the script is stopped there with its line; past `hard_limit` it refuses, and Lua
// raises a memory error.
struct LuaMemory {
  size_t used = 0;
  size_t limit = 0;
  size_t hard_limit = 0;
  bool over = false;
  lua_State* state = nullptr;  // set once the state exists

  static void* Allocate(void* ud, void* ptr, size_t old_size, size_t new_size) noexcept;
};

struct LuaClose {
  void operator()(lua_State* state) const { lua_close(state); }
};

// A fresh Lua state with no libraries and a memory limit. get() is null if Lua could not
// even start within the limit.
class LuaState {
 public:
  explicit LuaState(size_t max_memory_bytes);
  ~LuaState() { memory_->state = nullptr; }  // lua_close must not touch hooks
  LuaState(const LuaState&) = delete;
  LuaState& operator=(const LuaState&) = delete;

  lua_State* get() const { return state_.get(); }
  LuaMemory& memory() { return *memory_; }

 private:
  // Declared first so that it outlives the state: lua_close frees through it.
  std::unique_ptr<LuaMemory> memory_;
  std::unique_ptr<lua_State, LuaClose> state_;
};

}  // namespace kansli::script
