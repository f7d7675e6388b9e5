print(kansli.closest("polisy", {"policy", "plan", "beslut"}))
print(kansli.closest("a", {}))
print(kansli.closest(string.rep("x", 200), {"x"}))
print(pcall(kansli.closest, "a", {1, 2}))
