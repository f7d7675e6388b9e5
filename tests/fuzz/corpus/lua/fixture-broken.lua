-- Calls a field of nil on line 5.
return {
  Site = function(site)
    local doc = kansli.document("does-not-exist")
    return doc.title:upper()
  end,
}
