local t = {}
for i = 1, 100 do t[i] = (i * 7919) % 101 end
table.sort(t)
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " ", 1, 10), table.unpack(t, 1, 5))
print(select("#", table.unpack(t)), #t, next({}), rawlen({1, 2}))
print(table.move(t, 1, 3, 2)[2], table.remove(t), table.insert(t, 1, 0))
print(pcall(table.sort, {3, 2, 1}, function() return true end))
