return {
  Site = function(site) return 1 end,
  WikiLink = function(link, doc) return {} end,
  Emph = function(emph, doc) return kansli.link("a") end,
  Other = function() end,
  [1] = true,
}
