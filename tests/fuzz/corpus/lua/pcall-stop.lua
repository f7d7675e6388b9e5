for i = 1, 3 do
  print(pcall(function() while true do end end))
end
print(xpcall(function() local t = {} while true do t[#t + 1] = {} end end, function(e) while true do end end))
