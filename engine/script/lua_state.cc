#include "script/lua_state.h"
#include "script/run_scripts.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace kansli::script {
namespace {

// Room past the limit for the script to reach its next instruction and be stopped there.
size_t HardLimit(size_t limit) {
  size_t slack = std::max<size_t>(limit / 4, 64 * 1024);
  return limit > std::numeric_limits<size_t>::max() - slack ? std::numeric_limits<size_t>::max()
                                                            : limit + slack;
}

// lua_sethook only sets fields (it is safe even from a signal handler), so the allocator may
// call it: the installed count hook then runs after the current instruction.
void FireHookSoon(lua_State* state) {
  if (state != nullptr && lua_gethook(state) != nullptr) {
    lua_sethook(state, lua_gethook(state), lua_gethookmask(state), 1);
  }
}

}  // namespace

void* LuaMemory::Allocate(void* ud, void* ptr, size_t old_size, size_t new_size) noexcept {
  auto* memory = static_cast<LuaMemory*>(ud);
  if (ptr == nullptr) old_size = 0;  // Lua passes the object's type there, not a size
  if (new_size == 0) {
    std::free(ptr);
    memory->used -= old_size;
    return nullptr;
  }
  if (new_size > old_size) {
    size_t grow = new_size - old_size;
    if (grow > memory->hard_limit - memory->used) {
      memory->over = true;
      FireHookSoon(memory->state);
      return nullptr;
    }
    if (grow > memory->limit - std::min(memory->limit, memory->used) && !memory->over) {
      memory->over = true;
      FireHookSoon(memory->state);
    }
  }
  void* block = std::realloc(ptr, new_size);
  if (block == nullptr) {
    // Lua requires that shrinking never fails; the old block is still large enough.
    return new_size <= old_size ? ptr : nullptr;
  }
  memory->used = memory->used - old_size + new_size;
  return block;
}

LuaState::LuaState(size_t max_memory_bytes)
    : memory_(std::make_unique<LuaMemory>(
          LuaMemory{.limit = max_memory_bytes, .hard_limit = HardLimit(max_memory_bytes)})) {
  state_.reset(lua_newstate(&LuaMemory::Allocate, memory_.get()));
  memory_->state = state_.get();
}

}  // namespace kansli::script

namespace kansli {

std::string LuaVersion() { return LUA_VERSION_MAJOR "." LUA_VERSION_MINOR "." LUA_VERSION_RELEASE; }

}  // namespace kansli
