#include <gtest/gtest.h>

#include "script/script_fixture.h"

namespace kansli::testing {
namespace {

struct Forbidden {
  const char* name;
  const char* call;  // runs on line 2 of the script
  const char* message;
};

class SandboxForbids : public ::testing::TestWithParam<Forbidden> {};

TEST_P(SandboxForbids, ReportsScriptErrorAtTheCallingLine) {
  ScriptFixture fixture;
  ASSERT_TRUE(fixture.site.site) << fixture.site.DiagnosticLines();
  EXPECT_FALSE(fixture.Run(std::string("local x = 1\n") + GetParam().call + "\n"));
  EXPECT_EQ(fixture.Lines(),
            std::string("scripts/x.lua:2: error: ") + GetParam().message + " [script-error]\n");
}

INSTANTIATE_TEST_SUITE_P(
    Sandbox, SandboxForbids,
    ::testing::Values(
        Forbidden{"OsExecute", "os.execute('touch /tmp/kansli-pwned')",
                  "attempt to call a nil value (field 'execute')"},
        Forbidden{"OsRemove", "os.remove('kansli.yaml')",
                  "attempt to call a nil value (field 'remove')"},
        Forbidden{"OsGetenv", "os.getenv('HOME')", "attempt to call a nil value (field 'getenv')"},
        Forbidden{"OsExit", "os.exit(1)", "attempt to call a nil value (field 'exit')"},
        Forbidden{"IoOpen", "io.open('/etc/passwd')", "attempt to index a nil value (global 'io')"},
        Forbidden{"Require", "require('os')", "attempt to call a nil value (global 'require')"},
        Forbidden{"Package", "package.loadlib('x', 'y')",
                  "attempt to index a nil value (global 'package')"},
        Forbidden{"Loadfile", "loadfile('/etc/passwd')",
                  "attempt to call a nil value (global 'loadfile')"},
        Forbidden{"Dofile", "dofile('/etc/passwd')",
                  "attempt to call a nil value (global 'dofile')"},
        Forbidden{"Debug", "debug.sethook()", "attempt to index a nil value (global 'debug')"},
        Forbidden{"CollectGarbage", "collectgarbage('stop')",
                  "attempt to call a nil value (global 'collectgarbage')"},
        Forbidden{"StringDump", "string.dump(print)", "attempt to call a nil value (field 'dump')"},
        Forbidden{"StringMethodDump", "x = ('').dump(print)",
                  "attempt to call a nil value (field 'dump')"},
        Forbidden{"Bytecode", "assert(load(string.char(27) .. 'Lua'))",
                  "attempt to load a binary chunk (mode is 't')"},
        Forbidden{"BytecodeInBinaryMode", "assert(load(string.char(27) .. 'Lua', 'x', 'b'))",
                  "attempt to load a binary chunk (mode is 't')"},
        Forbidden{"Finalizer", "setmetatable({}, {__gc = function() while true do end end})",
                  "__gc metamethods are not allowed in kansli scripts"}),
    [](const ::testing::TestParamInfo<Forbidden>& info) { return info.param.name; });

TEST(Sandbox, OffersTheSafeLibraries) {
  ScriptFixture fixture;
  fixture.Run(R"(
assert(string.upper("å") and table.concat({"a", "b"}) == "ab" and math.max(1, 2) == 2)
assert(utf8.len("Policy för") == 10)
assert(type(os.time()) == "number" and type(os.clock()) == "number")
assert(os.date("!%Y", 0) == "1970")
assert(select("#", 1, 2) == 2 and tonumber("12") == 12 and rawlen({1}) == 1)
assert(_G == _ENV and _VERSION == "Lua 5.4")
assert(setmetatable({}, {__index = {a = 1}}).a == 1)
)");
  EXPECT_EQ(fixture.Lines(), "");
}

TEST(Sandbox, LoadRunsTextInTheSandbox) {
  ScriptFixture fixture;
  fixture.Run(R"(
assert(load("return 1 + 1")() == 2)
assert(load("return io")() == nil)
assert(load("return x", "chunk", "t", {x = 5})() == 5)
local f, message = load("return +")
assert(f == nil and message:find("unexpected symbol", 1, true), message)
)");
  EXPECT_EQ(fixture.Lines(), "");
}

TEST(Sandbox, ErrorInLoadedChunkIsReportedAtTheScriptLine) {
  ScriptFixture fixture;
  EXPECT_FALSE(
      fixture.Run("local f = load('local t = nil\\nreturn t.x', '@content/plan.md')\n"
                  "\n"
                  "f()\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:3: error: content/plan.md:2: attempt to index a nil value (local 't') "
            "[script-error]\n");
}

TEST(Sandbox, PrintIsANoteAtTheCallingLine) {
  ScriptFixture fixture;
  EXPECT_TRUE(fixture.Run("\nprint('hej', 1, nil, true)\n"));
  EXPECT_EQ(fixture.Lines(), "scripts/x.lua:2: note: print: hej\t1\tnil\ttrue [script-report]\n");
}

TEST(Sandbox, StringMetatableCannotReachAnythingNew) {
  ScriptFixture fixture;
  fixture.Run(R"(
local mt = getmetatable("")
assert(mt.__index == string and string.dump == nil)
)");
  EXPECT_EQ(fixture.Lines(), "");
}

}  // namespace
}  // namespace kansli::testing
