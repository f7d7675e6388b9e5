local docs = kansli.documents()
for i, doc in ipairs(docs) do
  print(i, doc.id, doc.path, doc.title, doc.status, #doc.headings, #doc.links)
  for _, h in ipairs(doc.headings) do print(h.level, h.text, h.anchor, h.line) end
  for k, v in pairs(doc) do print(k, type(v)) end
end
local a = kansli.document("a")
assert(a and a.tags[1] == "prov")
assert(kansli.document("saknas") == nil)
