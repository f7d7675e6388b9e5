local l = kansli.link("b")
print(l, l.target, l.other, getmetatable(l))
print(pcall(setmetatable, l, {}))
print(pcall(kansli.link, "saknas"))
return { WikiLink = function(link) return l end }
