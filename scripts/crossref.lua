-- crossref.lua: builds the cross-references between the site's documents.
--
-- kansli runs this script (listed under `scripts:` in kansli.yaml) after every document has
-- been read and validated. The script returns a table of hooks; kansli calls
--   Site     once, with every document,
--   WikiLink for every [[id]] or [[id|text]] in a document's text,
--   Emph     for every *emphasised text*.
-- docs/lua-api.md describes the hooks, the document tables and the `kansli` functions.

-- Lookup tables, filled in by Site and used by the other hooks.
local documents_by_id = {} -- id -> document table
local all_ids = {}         -- every id, for "did you mean ...?" hints
local left_out = {}        -- id -> true for documents left out of this run for their errors
local titles = {}          -- organisation -> title -> id (false if two documents share it)

-- Adds a relation of `kind` from `doc` to every id in `ids` (a list, a single id or nil).
-- Validation has already checked that these ids exist.
local function relate_all(doc, ids, kind)
  if type(ids) == "string" then
    ids = { ids }
  end
  for _, id in ipairs(ids or {}) do
    kansli.relate(doc.id, id, kind)
  end
end

-- Remembers a document's title within its organisation.
local function index_title(doc)
  if not doc.organisation or not doc.title then
    return
  end
  local by_title = titles[doc.organisation] or {}
  titles[doc.organisation] = by_title
  if by_title[doc.title] == nil then
    by_title[doc.title] = doc.id
  else
    -- Two documents of one organisation with the same title: an emphasis cannot tell
    -- which one it means, so it links to neither.
    by_title[doc.title] = false
  end
end

return {
  -- The relations written in the front matter. Each is added once, from the document that
  -- names it; the site shows it on both pages ("Verkställer" / "Verkställs av").
  Site = function(site)
    for _, id in ipairs(site.left_out) do
      left_out[id] = true
    end
    for _, doc in ipairs(site.documents) do
      documents_by_id[doc.id] = doc
      all_ids[#all_ids + 1] = doc.id
      index_title(doc)

      relate_all(doc, doc.implements, "implements") -- the plan implements the policy
      relate_all(doc, doc.adopted_in, "adopted_in") -- the plan was adopted by the decision
      relate_all(doc, doc.supersedes, "supersedes") -- this version replaces an older one
      -- A decision's adopts is adopted_in read from the decision's end: the same relation.
      for _, id in ipairs(doc.adopts or {}) do
        kansli.relate(id, doc.id, "adopted_in")
      end
    end
  end,

  -- [[id]] and [[id|text]] become links to the document with that id. An id that no
  -- document has is an error at the link, with a suggestion when it looks like a typo. A
  -- document left out for its own errors is no error here: this run publishes nothing.
  WikiLink = function(link, doc)
    if documents_by_id[link.target] then
      return kansli.link(link.target)
    end
    if left_out[link.target] then
      return nil
    end
    local hints = {}
    local suggestion = kansli.closest(link.target, all_ids)
    if suggestion then
      hints[1] = "did you mean '" .. suggestion .. "'?"
    end
    kansli.error(doc, link,
      "unknown document id '" .. link.target .. "' in [[" .. link.target .. "]]",
      "unknown-link", hints)
    return nil
  end,

  -- An emphasised text that is exactly the title of another document of the same
  -- organisation becomes a link to it: in Ljungby's plan, *Policy för internationellt
  -- arbete* links to Ljungby's policy, never to Osby's policy of the same name.
  Emph = function(emph, doc)
    local by_title = titles[doc.organisation]
    local id = by_title and by_title[emph.text]
    if id and id ~= doc.id then
      return kansli.link(id)
    end
    return nil
  end,
}
