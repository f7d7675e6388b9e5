local a = kansli.document("a")
kansli.error(a, 1, "fel på rad ett")
kansli.error("a", {line = 2, column = 3}, "med kolumn", "invalid-date", "en ledtråd")
kansli.warning("b", 0, "hela filen", "script-report", {"ett", "två"})
print(pcall(kansli.error, "a", 10000, "för lång rad"))
print(pcall(kansli.error, "a", 1, "x", "read-failed"))
print(pcall(kansli.error, "a", 1, "x", "no-such-code"))
for i = 1, 60 do kansli.warning("a", 1, "många " .. i) end
