-- A script that never returns: kansli must stop it and say where.
return {
  Site = function(site)
    local n = 0
    while true do
      n = n + 1
    end
  end,
}
