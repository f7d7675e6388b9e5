-- crossref.lua: builds the cross-references between the site's documents.
--
-- kansli runs this script (listed under `scripts:` in kansli.yaml) after every document has
-- been read and validated. The script returns a table of hooks; kansli calls
--   Site     once, with every document,
--   WikiLink for every [[id]] or [[id|text]] in a document's text,
--   Emph     for every *emphasised text*,
--   Str      for every run of running text, where references such as "Ks § 127",
--            "KF § 45/2019" and "KS 2018/0200" become links to what they name.
-- docs/lua-api.md describes the hooks, the document tables and the `kansli` functions.

-- Lookup tables, filled in by Site and used by the other hooks.
local documents_by_id = {} -- id -> document table
local all_ids = {}         -- every id, for "did you mean ...?" hints
local left_out = {}        -- id -> true for documents left out of this run for their errors
local titles = {}          -- organisation -> title -> id (false if two documents share it)
local decisions = {}       -- organisation -> body -> paragraph -> array of {id, year}
local diaries = {}         -- organisation -> diary number (upper case) -> array of documents

-- The abbreviations protocols use for the bodies that decide ("Ks § 127", "KS 2018/0200").
-- A site whose bodies have others adds them here; a word before "§" that is none of these
-- ("arbetsutskott § 79") is no reference.
local bodies = {
  KF = "Kommunfullmäktige",
  KS = "Kommunstyrelsen",
  KSAU = "Kommunstyrelsens arbetsutskott",
  BUN = "Barn- och utbildningsnämnden",
  KFN = "Kultur- och fritidsnämnden",
  MBN = "Miljö- och byggnämnden",
  SBN = "Samhällsbyggnadsnämnden",
  SN = "Socialnämnden",
  TN = "Tekniska nämnden",
  VON = "Vård- och omsorgsnämnden",
}


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

-- The year a decision was taken: its meeting's, else its diary number's.
local function decision_year(doc)
  local year = doc.meeting_date and doc.meeting_date:match("^(%d%d%d%d)")
  return year or (doc.diary_number and doc.diary_number:match("(%d%d%d%d)"))
end

-- Adds `value` to the array at t[k1][k2]...: the lookup tables above.
local function add_to(t, keys, value)
  for i = 1, #keys - 1 do
    t[keys[i]] = t[keys[i]] or {}
    t = t[keys[i]]
  end
  local last = keys[#keys]
  t[last] = t[last] or {}
  table.insert(t[last], value)
end

-- A diary number as the lookup table holds it: upper case, any run of spaces one space.
local function diary_key(number)
  return (number:gsub("%s+", " "):upper())
end

-- Remembers a decision under its body and paragraph, and a document under its diary number.
local function index_references(doc)
  if not doc.organisation then
    return
  end
  if doc.type == "beslut" and doc.adopted_by and doc.paragraph then
    local paragraph = doc.paragraph:match("(%d+%l?)") -- "127", "§ 127" or "127a"
    add_to(decisions, { doc.organisation, doc.adopted_by, paragraph },
      { id = doc.id, year = decision_year(doc) })
  end
  if doc.diary_number then
    add_to(diaries, { doc.organisation, diary_key(doc.diary_number) }, doc)
  end
end

-- The one document a reference names among `found`, or nil and why not. A decision wins over
-- the other documents of its case, which often carry the same diary number.
local function only(found, prefer_decision)
  if not found or #found == 0 then
    return nil, "none"
  end
  if #found > 1 and prefer_decision then
    local chosen = {}
    for _, doc in ipairs(found) do
      if doc.type == "beslut" then
        chosen[#chosen + 1] = doc
      end
    end
    if #chosen == 1 then
      return chosen[1].id
    end
  end
  if #found > 1 then
    local ids = {}
    for _, item in ipairs(found) do
      ids[#ids + 1] = item.id
    end
    table.sort(ids)
    return nil, table.concat(ids, ", ")
  end
  return found[1].id
end

-- The references in a text: {first, last, id} for each that names a document, in order.
-- One that names none is a warning at its place (`why` says which).
local function find_references(str, doc)
  -- Protocols often write "§ 127" with a no-break space (U+00A0, two bytes): matched as two
  -- spaces, so that positions in `plain` are positions in the text.
  local text = str.text
  local plain = text:gsub("\194\160", "  ")
  local found = {}
  local function unresolved(first, last, why)
    local reference = plain:sub(first, last):gsub("%s+", " ")
    kansli.warning(doc, kansli.position(first), "'" .. reference .. "' " .. why,
      "unresolved-reference",
      { "check the paragraph, year or diary number; if they are right, what it names is not "
        .. "published on this site, and the words stay as written" })
  end

  -- "Ks § 127" and "KF § 45/2019": a decision by its body, paragraph and (if given) year.
  -- A reference starts a word: %f[%a\128-\255] also counts the bytes of å, ä, ö as letters,
  -- so that "Försöks § 127" is no reference. The paragraph ends a word ("127", "127a").
  local pattern = "()%f[%a\128-\255](%a+)%s+§%s*(%d+%l?)%f[^%w\128-\255]()"
  for first, abbreviation, paragraph, after in plain:gmatch(pattern) do
    local body = bodies[abbreviation:upper()]
    if body then
      local year, last = plain:match("^/(%d%d%d%d)%f[%D]()", after)
      last = (last or after) - 1
      local candidates = {}
      local by_paragraph = decisions[doc.organisation] and decisions[doc.organisation][body]
      for _, decision in ipairs(by_paragraph and by_paragraph[paragraph] or {}) do
        if not year or decision.year == year then
          candidates[#candidates + 1] = decision
        end
      end
      local id, why = only(candidates)
      if id then
        found[#found + 1] = { first = first, last = last, id = id }
      elseif why == "none" then
        unresolved(first, last, "names no decision of " .. body .. " in " .. doc.organisation)
      else
        unresolved(first, last, "could be any of " .. why .. ": write the year, § " ..
          paragraph .. "/YYYY")
      end
    end
  end

  -- "KS 2018/0200" and "KS/2016:578": a diary number, with a body's letters in front.
  for first, number, abbreviation, last in
      plain:gmatch("()%f[%a\128-\255]((%a+)[%s/]+%d%d%d%d[/:]%d+)%f[%D]()") do
    local documents = diaries[doc.organisation] and diaries[doc.organisation][diary_key(number)]
    if documents or bodies[abbreviation:upper()] then
      local id, why = only(documents, true)
      if id then
        found[#found + 1] = { first = first, last = last - 1, id = id }
      elseif why == "none" then
        unresolved(first, last - 1, "is the diary number of no document of " .. doc.organisation)
      else
        unresolved(first, last - 1, "is the diary number of several documents: " .. why)
      end
    end
  end
  table.sort(found, function(a, b) return a.first < b.first end)
  return found
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
      index_references(doc)

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

  -- References written as words link to what they name: "Ks § 127" and "KF § 45/2019" to the
  -- decision of that body, paragraph (and year) in the same organisation, "KS 2018/0200" to
  -- the document with that diary number. A reference nothing carries is a warning at its
  -- place. A document's references to itself stay text.
  Str = function(str, doc)
    local text = str.text
    -- Most text refers to nothing: one pass for the bytes every reference has ("/" or ":"
    -- in a diary number, "\167" the last byte of "§") is the quick way out.
    if not text:find("[/:\167]") then
      return nil
    end
    local pieces = {}
    local at = 1
    for _, ref in ipairs(find_references(str, doc)) do
      if ref.first >= at and ref.id ~= doc.id then
        pieces[#pieces + 1] = text:sub(at, ref.first - 1)
        pieces[#pieces + 1] = kansli.link(ref.id, text:sub(ref.first, ref.last))
        at = ref.last + 1
      end
    end
    if at == 1 then
      return nil
    end
    pieces[#pieces + 1] = text:sub(at)
    return pieces
  end,
}
