local mt = {__index = function(t, k) return k .. "!" end, __call = function(self, x) return x end,
  __len = function() return 42 end, __concat = function(a, b) return "concat" end,
  __eq = function() return true end, __lt = function() return true end, __close = function() end}
local t = setmetatable({}, mt)
print(t.x, t(5), #t, t .. "a", t == setmetatable({}, mt), t < t)
do local c <close> = t end
local doc = kansli.document("a")
setmetatable(doc, {__index = function() error("i index") end})
print(pcall(function() return doc.nothing end))
