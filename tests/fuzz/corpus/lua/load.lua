local f = load("return 1 + ...", "chunk", "t", {})
print(f(2))
print(load("syntax error here"))
print(load(function() return nil end))
local env = {}
load("x = 1", "=named", "bt", env)()
print(env.x)
