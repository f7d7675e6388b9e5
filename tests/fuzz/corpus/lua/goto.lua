local i = 1
::top::
i = i + 1
if i < 10 then goto top end
local co = {}
for k in pairs(_G) do co[#co + 1] = k end
table.sort(co)
print(table.concat(co, " "))
