local t = setmetatable({}, {__tostring = function() return "ett felobjekt" end})
print(pcall(error, t))
print(xpcall(function() error({code = 1}) end, function(e) return e end))
local function deep(n) if n == 0 then error("djupt", 2) end return deep(n - 1) end
print(pcall(deep, 100))
error(t)
