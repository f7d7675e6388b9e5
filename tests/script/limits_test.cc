#include <gtest/gtest.h>

#include <algorithm>

#include "script/script_fixture.h"

namespace kansli::testing {
namespace {

constexpr ScriptLimits kFewInstructions{.max_instructions = 100'000};
constexpr ScriptLimits kLittleMemory{.max_memory_bytes = 8u << 20};

TEST(ScriptLimits, StopsAnEndlessLoopAtItsLine) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("local n = 0\n\nwhile true do n = n + 1 end\n", kFewInstructions));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:3: error: script stopped after 100000 Lua instructions "
            "[script-timeout]\n"
            "  hint: look for a loop that never ends\n");
}

TEST(ScriptLimits, StopsAnEndlessLoopInAHook) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run(R"(return {
  WikiLink = function(link, doc)
    repeat until false
  end,
})",
                           kFewInstructions));
  EXPECT_EQ(fixture.diags.list().size(), 1u) << fixture.Lines();
  EXPECT_EQ(fixture.diags.list()[0].pos, (SourcePos{"scripts/x.lua", 3, 0}));
  EXPECT_EQ(fixture.diags.list()[0].code, Code::kScriptTimeout);
}

TEST(ScriptLimits, PcallCannotSwallowTheStop) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run(R"(for i = 1, 3 do
  pcall(function() while true do end end)
end
kansli.error("plan", 1, "still running")
)",
                           kFewInstructions));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:2: error: script stopped after 100000 Lua instructions "
            "[script-timeout]\n"
            "  hint: look for a loop that never ends\n");
}

TEST(ScriptLimits, StopsOnWallClockTime) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("while true do end\n", {.max_seconds = 0}));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:1: error: script stopped after running for 0 seconds "
            "[script-timeout]\n"
            "  hint: look for a loop that never ends\n");
}

TEST(ScriptLimits, StopsAMemoryHogAtItsLine) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("local t = {}\nwhile true do t[#t + 1] = string.rep('x', 1e6) end\n",
                           kLittleMemory));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:2: error: script stopped after using more than 8 MiB of memory "
            "[script-memory]\n"
            "  hint: look for a table or string that grows without end\n");
}

TEST(ScriptLimits, StopsOneHugeAllocationNamingTheScript) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("local s = string.rep('x', 1e9)\n", kLittleMemory));
  ASSERT_EQ(fixture.diags.list().size(), 1u) << fixture.Lines();
  EXPECT_EQ(fixture.diags.list()[0].pos.file, "scripts/x.lua");
  EXPECT_EQ(fixture.diags.list()[0].code, Code::kScriptMemory);
}

TEST(ScriptLimits, PcallCannotSwallowTheMemoryStop) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run(R"(local t = {}
pcall(function() while true do t[#t + 1] = string.rep('x', 1e6) end end)
kansli.error("plan", 1, "still running")
)",
                           kLittleMemory));
  ASSERT_EQ(fixture.diags.list().size(), 1u) << fixture.Lines();
  EXPECT_EQ(fixture.diags.list()[0].code, Code::kScriptMemory);
}

TEST(ScriptLimits, GarbageDoesNotCountAgainstTheLimit) {
  ScriptFixture fixture;
  EXPECT_TRUE(fixture.Run("for i = 1, 20 do local s = string.rep('x', 1e6) end\n", kLittleMemory));
  EXPECT_EQ(fixture.Lines(), "");
}

TEST(ScriptLimits, ReportsTooLittleMemoryToStart) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("return {}\n", {.max_memory_bytes = 1024}));
  ASSERT_EQ(fixture.diags.list().size(), 1u) << fixture.Lines();
  EXPECT_EQ(fixture.diags.list()[0].pos.file, "scripts/x.lua");
  EXPECT_EQ(fixture.diags.list()[0].code, Code::kScriptMemory);
}

TEST(ScriptLimits, KeepsAtMostMaxReports) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("for i = 1, 10 do kansli.error('plan', i, 'problem ' .. i) end\n",
                           {.max_reports = 3}));
  EXPECT_EQ(fixture.Lines(),
            "content/plan.md:1: error: problem 1 [script-report]\n"
            "content/plan.md:2: error: problem 2 [script-report]\n"
            "content/plan.md:3: error: problem 3 [script-report]\n"
            "scripts/x.lua: error: 7 more reports from this script were left out (at most 3 are "
            "kept) [script-report]\n");
}

// Scripts written to break the engine: each must end in one diagnostic naming the script.
class HostileScript : public ::testing::TestWithParam<const char*> {};

TEST_P(HostileScript, EndsInADiagnosticNamingTheScript) {
  ScriptFixture fixture;
  EXPECT_FALSE(
      fixture.Run(GetParam(), {.max_instructions = 2'000'000, .max_memory_bytes = 8u << 20}));
  EXPECT_TRUE(std::ranges::any_of(fixture.diags.list(), [](const Diagnostic& d) {
    return d.pos.file == "scripts/x.lua" && d.severity == Severity::kError;
  })) << fixture.Lines();
}

INSTANTIATE_TEST_SUITE_P(
    ScriptLimits, HostileScript,
    ::testing::Values(
        "local function f() return 1 + f() end f()",
        "local t = setmetatable({}, {}) getmetatable(t).__index = function(t, k) return t[k] end "
        "return t.x",
        "local s = 'x' while true do s = s .. s end", "local t = {} for i = 1, 1e9 do t[i] = i end",
        "return table.unpack({}, 1, 1e8)",
        "local s = string.rep('x', 1e6) for i = 1, 1e9 do kansli.error('plan', 1, s) end",
        "local x <close> = setmetatable({}, {__close = function() while true do end end}) "
        "error('x')",
        "while true do xpcall(function() while true do end end, function() while true do end "
        "end) end",
        "xpcall(function() error('x') end, function() while true do end end)",
        "xpcall(function() while true do end end, function() while true do end end)",
        "return { Site = function() return coroutine.wrap(print) end }",
        "error(setmetatable({}, {__tostring = function() while true do end end}))",
        "kansli.error('plan', {line = 1, column = 1e20}, 'x')", "kansli.error('plan', 1.5, 'x')",
        "kansli.relate('plan', 'policy', 'implements', 'extra') error(kansli.link('plan'))"));

}  // namespace
}  // namespace kansli::testing
