-- The kansli API seen from Lua, run by tests/script/api_test.cc on script_fixture.h's
-- kPolicyAndPlan site. A failing assert is a script-error at its line.

-- kansli.documents(): every document, sorted by id, with the front matter by field name.
local docs = kansli.documents()
assert(#docs == 2, "two documents")
assert(docs[1].id == "plan" and docs[2].id == "policy", "sorted by id")

local plan = docs[1]
assert(plan.path == "content/plan.md")
assert(plan.title == "Plan för test")
assert(plan.type == "plan" and plan.organisation == "Testby kommun" and plan.status == "utkast")
assert(plan.owner == "Kansliet")
assert(type(plan.implements) == "table" and #plan.implements == 1 and plan.implements[1] == "policy")
assert(plan.version == nil and plan.adopted_in == nil and plan.tags == nil, "absent fields are nil")

-- Body elements, with their positions in the file.
assert(#plan.wiki_links == 1)
local link = plan.wiki_links[1]
assert(link.target == "policy" and link.label == "" and link.line == 11 and link.column == 4)
assert(#plan.emphases == 1 and plan.emphases[1].text == "Policy för test")
assert(#plan.headings == 0 and #plan.links == 0)

local policy = kansli.document("policy")
assert(#policy.headings == 1)
local heading = policy.headings[1]
assert(heading.level == 2 and heading.text == "Syfte" and heading.anchor == "syfte" and heading.line == 10)

-- kansli.document(id): nil for an unknown id; every call gives a fresh copy.
assert(kansli.document("nope") == nil)
policy.title = "changed"
policy.headings[1] = nil
assert(kansli.document("policy").title == "Policy för test", "tables are copies")
assert(#kansli.document("policy").headings == 1)

-- kansli.link(id): an opaque value that knows its target and cannot be forged.
local to_policy = kansli.link("policy")
assert(to_policy.target == "policy")
assert(tostring(to_policy) == "kansli.link(policy)")
assert(getmetatable(to_policy) == "kansli.link")
assert(not pcall(setmetatable, {}, getmetatable(to_policy)))

-- kansli.closest(word, words): for "did you mean" hints.
assert(kansli.closest("polcy", { "plan", "policy" }) == "policy")
assert(kansli.closest("xyz", { "plan", "policy" }) == nil)
assert(kansli.closest("polcy", {}) == nil)

-- Errors in API calls can be caught like any Lua error.
local ok, message = pcall(kansli.relate, "plan", "nope", "implements")
assert(not ok and message:find("unknown document id 'nope'", 1, true), message)

-- Reports and relations made from the top level of a script count too.
kansli.relate("policy", "plan", "references")

local seen = {}
return {
  Site = function(site)
    assert(site.name == "Test" and site.today == "2026-01-01")
    assert(#site.documents == 2 and site.documents[2].id == "policy")
    seen.site = true
  end,
  WikiLink = function(wiki, doc)
    assert(seen.site, "Site runs first")
    assert(doc.id == "plan" and wiki.target == "policy")
    seen.wiki = true
    return kansli.link(wiki.target)
  end,
  Emph = function(emph, doc)
    assert(seen.wiki, "WikiLink runs before Emph")
    kansli.warning(doc, emph, "emphasis '" .. emph.text .. "'", "script-report",
      { "first hint", "second hint" })
  end,
}
