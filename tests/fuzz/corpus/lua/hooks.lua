return {
  Site = function(site)
    print(site.name, site.today, #site.documents)
  end,
  WikiLink = function(link, doc)
    if link.target == "b" then return kansli.link("b") end
    kansli.warning(doc, link, "okänd länk " .. link.target, "unknown-link", {"did you mean 'b'?"})
  end,
  Emph = function(emph, doc)
    if emph.text == "Policy för länkar" then return kansli.link("b") end
    return nil
  end,
}
